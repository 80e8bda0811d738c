"""The launch map in headless chromium at 1,000, 10,000 and 100,000 events, against the naive page.

For each size a fresh store is seeded with the bundled history and the seeded synthetic events
are imported through ``Store.import_launches`` (the project's own path). Then, in chromium with
every outside host blocked:

* page open: from ``driver.get`` until every launch is drawn (canvas: the layer's drawn count;
  SVG: the interactive paths);
* filter change: choose one class in the sidebar, and clear it again, until the map shows the new
  count (the median of a few tries);
* payload: bytes the browser received (WebSocket frames and HTTP bodies) for each;
* server RSS: the Streamlit process's resident memory (now and its peak, ``VmHWM``).

The baseline is the naive page measured in the same run: one ``folium.CircleMarker`` and one
``folium.PolyLine`` per event on the same offline base map, a class multiselect, ``st_folium``.
It is not run at 100,000 events (issue #17 measured 390 s to open). Reported, never asserted;
results go to stdout and to this benchmark's section of ``benchmarks/results.md``.

    python -m benchmarks browser            # 1k, 10k, 100k
    python -m benchmarks.bench_browser 10000  # one size
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.results import RESULTS, write_section

REPO = Path(__file__).resolve().parents[1]
SIZES = (1_000, 10_000, 100_000)
NAIVE_MAX_EVENTS = 10_000
TRIES = 2  # each naive 'clear' at 10,000 events takes ~100 s
FILTER_CLASS = "ICBM"
SECTION = "## Browser: the launch map at scale"

NAIVE_PAGE = '''
"""The naive launch map: one folium marker and one polyline per event (the benchmark's baseline)."""
import os

import folium
import streamlit as st
from streamlit_folium import st_folium

from geodata.render import leaflet as maps
from geodata.schema import SYSTEM_CLASSES
from geodata.store import Store
from geodata.style import class_colour
from geodata.tracks import impact_point


@st.cache_data
def launches():
    return Store(os.environ["LAUNCHMAP_DB"]).launches()


frame = launches()
classes = st.sidebar.multiselect("System class", SYSTEM_CLASSES, placeholder="All classes")
shown = frame[frame["system_class"].isin(classes)] if classes else frame
m = maps.base_map(vendor_url="/app/static/vendor", basemap_url="/app/static/countries_50m.geojson")
for event in shown.to_dict("records"):
    point, _ = impact_point(event)
    if point is None:
        continue
    folium.PolyLine([(event["lat"], event["lon"]), point], color=class_colour(event["system_class"])).add_to(m)
    folium.CircleMarker(point, radius=5, popup=str(event["id"])).add_to(m)
st.metric("Launch events", f"{len(shown):,}")
st_folium(m, height=620, use_container_width=True, returned_objects=[], key="naive")
'''

# Inside the map's iframe: how many launches the canvas layer drew and how many SVG paths there are.
MAP_STATE = """
for (const f of document.querySelectorAll('iframe')) { try {
  const d = f.contentWindow.document, box = d.querySelector('.leaflet-container');
  if (!box) continue;
  return {drawn: box.dataset.launchesDrawn === undefined ? null : +box.dataset.launchesDrawn,
          draws: +(box.dataset.launchesDraws || 0),
          paths: d.querySelectorAll('path.leaflet-interactive').length};
} catch (e) {} }
return null;
"""


@dataclass
class Measured:
    cold_open_s: float = float("nan")
    open_s: float = float("nan")
    open_bytes: int = 0
    select_s: list[float] = field(default_factory=list)
    select_bytes: list[int] = field(default_factory=list)
    clear_s: list[float] = field(default_factory=list)
    rss_mb: float = float("nan")
    peak_rss_mb: float = float("nan")


@dataclass(frozen=True)
class Expected:
    """What the map shows when drawn: all events, or one class (counts of events and of paths)."""

    events: int
    impacts: int
    class_events: int
    class_impacts: int


def build_store(path: Path, n: int) -> Expected:
    """A store with the bundled history and ``n`` synthetic events imported the way a user's file is."""
    import numpy as np

    from benchmarks.synthetic import synthetic_launches
    from geodata.store import Store
    from geodata.tracks import impact_points

    store = Store(str(path))
    store.seed()
    store.import_launches(synthetic_launches(n))
    frame = store.launches()
    has_impact = np.isfinite(impact_points(frame)[0])
    in_class = (frame["system_class"] == FILTER_CLASS).to_numpy()
    store.engine.dispose()
    return Expected(
        len(frame), int(has_impact.sum()), int(in_class.sum()), int((has_impact & in_class).sum())
    )


@contextlib.contextmanager
def naive_server(page: Path, db: Path) -> Iterator[tuple[str, int]]:
    """``streamlit run`` of the naive page on a free port, reading ``db``; yields its URL and port."""
    from tests.browser.harness import free_port

    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(page),
            "--server.headless=true",
            "--server.address=127.0.0.1",
            f"--server.port={port}",
            "--server.enableStaticServing=true",
        ],
        cwd=page.parent,
        env={**os.environ, "LAUNCHMAP_DB": str(db), "PYTHONPATH": str(REPO)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        until(lambda: healthy(base), timeout_s=120)
        yield base, port
    finally:
        os.killpg(process.pid, 15)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)


def healthy(base: str) -> bool:
    import urllib.request

    with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
        return bool(response.read().strip() == b"ok")


def server_rss_mb(port: int) -> tuple[float, float]:
    """(resident, peak resident) MB of the Streamlit process listening on ``port``."""
    wanted = (f"--server.port\0{port}\0".encode(), f"--server.port={port}\0".encode())
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            command = (entry / "cmdline").read_bytes()
            if b"streamlit" in command and any(w in command for w in wanted):
                status = dict(
                    line.split(":", 1) for line in (entry / "status").read_text().splitlines() if ":" in line
                )
                return (int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024)
    return float("nan"), float("nan")


def received_bytes(driver) -> int:
    """Bytes received since the last call: WebSocket frames (Streamlit's messages) and HTTP bodies."""
    total = 0
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message.get("method") == "Network.webSocketFrameReceived":
            payload = params["response"]["payloadData"]
            total += len(base64.b64decode(payload)) if params["response"].get("opcode") == 2 else len(payload)
        elif message.get("method") == "Network.loadingFinished":
            total += int(params.get("encodedDataLength", 0))
    return total


def until(condition: Callable[[], object], timeout_s: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout_s:
        with contextlib.suppress(Exception):  # an element replaced while reading it
            if condition():
                return time.perf_counter() - started
        time.sleep(0.05)
    return float("nan")


def shows(driver, events: int, impacts: int, canvas: bool, after_draws: int = 0) -> bool:
    """Whether the map shows exactly these launches (a canvas count, or one track and point per impact)."""
    state = driver.execute_script(MAP_STATE)
    if not state:
        return False
    if canvas:
        return state["drawn"] == events and state["draws"] > after_draws
    # A track and a point per impact; launch sites and tracks split at 180° add a few more paths.
    return 2 * impacts <= state["paths"] <= 2.1 * impacts + 12


def class_box(driver):
    return next(
        i
        for i in driver.find_elements("css selector", "[data-testid='stSidebar'] input")
        if "class" in (i.get_attribute("aria-label") or "").lower()
    )


def clear_class(driver) -> None:
    box = class_box(driver)
    box.click()
    box.send_keys("\ue003")  # Backspace removes the chosen class


def measure(base: str, port: int, expected: Expected, canvas: bool, timeout_s: float) -> Measured:
    from tests.browser.harness import chromium

    result = Measured()
    with chromium() as driver:  # the server's first run (imports, caches, the launch file) is timed apart
        driver.set_script_timeout(600)
        driver.get(base + "/")
        result.cold_open_s = until(
            lambda: shows(driver, expected.events, expected.impacts, canvas), timeout_s
        )
    with chromium() as driver:
        driver.set_script_timeout(600)
        driver.get_log("performance")
        driver.get(base + "/")
        result.open_s = until(lambda: shows(driver, expected.events, expected.impacts, canvas), timeout_s)
        time.sleep(1.0)  # let trailing messages arrive before counting bytes
        result.open_bytes = received_bytes(driver)
        for _ in range(TRIES):
            draws = (driver.execute_script(MAP_STATE) or {}).get("draws", 0)
            box = class_box(driver)
            box.click()
            box.send_keys(FILTER_CLASS + "\n")
            result.select_s.append(
                until(
                    lambda draws=draws: shows(
                        driver, expected.class_events, expected.class_impacts, canvas, draws
                    ),
                    timeout_s,
                )
            )
            time.sleep(1.0)
            result.select_bytes.append(received_bytes(driver))
            draws = (driver.execute_script(MAP_STATE) or {}).get("draws", 0)
            clear_class(driver)
            result.clear_s.append(
                until(
                    lambda draws=draws: shows(driver, expected.events, expected.impacts, canvas, draws),
                    timeout_s,
                )
            )
            time.sleep(1.0)
            received_bytes(driver)
        result.rss_mb, result.peak_rss_mb = server_rss_mb(port)
        driver.save_screenshot(f"/tmp/bench_browser_{'ours' if canvas else 'svg'}_{expected.events}.png")
    return result


def run_size(n: int, workdir: Path) -> dict[str, tuple[Measured, Expected, bool] | None]:
    from geodata.render import leaflet

    db = workdir / f"store-{n}.db"
    started = time.perf_counter()
    expected = build_store(db, n)
    print(f"  store of {expected.events:,} events imported in {time.perf_counter() - started:.1f} s")
    leaflet.install_static_assets(REPO / "dashboard" / "static")
    canvas = leaflet.use_canvas(expected.events)
    timeout_s = 300 if n <= 10_000 else 600  # the naive page takes ~100 s to open at 10,000
    results: dict[str, tuple[Measured, Expected, bool] | None] = {}
    with serve_launchmap(db) as (base, port):
        results["ours"] = (measure(base, port, expected, canvas, timeout_s), expected, canvas)
    if n <= NAIVE_MAX_EVENTS:
        page = workdir / "naive" / "naive_page.py"
        page.parent.mkdir(exist_ok=True)
        page.write_text(NAIVE_PAGE, encoding="utf-8")
        if not (page.parent / "static").exists():
            (page.parent / "static").symlink_to(REPO / "dashboard" / "static")
        with naive_server(page, db) as (base, port):
            results["naive"] = (measure(base, port, expected, False, timeout_s), expected, False)
    else:
        results["naive"] = None
    return results


@contextlib.contextmanager
def serve_launchmap(db: Path) -> Iterator[tuple[str, int]]:
    """``launchmap serve`` on ``db`` (its Streamlit child is the process measured)."""
    import urllib.request

    from tests.browser.harness import served_dashboard

    with served_dashboard(db, timeout_s=180) as base:
        port = int(base.rsplit(":", 1)[1])
        with contextlib.suppress(Exception):  # the first run imports and caches: not part of "open"
            urllib.request.urlopen(base + "/", timeout=60).read()
        yield base, port


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def seconds(value: float) -> str:
    return "timed out" if value != value else f"{value:.2f} s"


def megabytes(value: float) -> str:
    return f"{value / 1e6:.2f} MB" if value >= 1e5 else f"{value / 1e3:.0f} kB"


def table(rows: list[tuple[int, dict[str, tuple[Measured, Expected, bool] | None]]]) -> list[str]:
    lines = [
        "| events | map | first open | open (drawn) | select a class | clear it | payload open | payload select | server RSS (peak) |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    ratios = []
    for n, results in rows:
        for name in ("ours", "naive"):
            entry = results.get(name)
            if entry is None:
                lines.append(f"| {n:,} | naive | not run (issue #17: 390 s to open) | | | | | | |")
                continue
            m, expected, canvas = entry
            label = ("ours, canvas" if canvas else "ours, SVG GeoJSON") if name == "ours" else "naive"
            lines.append(
                f"| {expected.events:,} | {label} | {seconds(m.cold_open_s)} | {seconds(m.open_s)} | {seconds(median(m.select_s))} | "
                f"{seconds(median(m.clear_s))} | {megabytes(m.open_bytes)} | {megabytes(median(m.select_bytes))} | "
                f"{m.rss_mb:,.0f} MB ({m.peak_rss_mb:,.0f} MB) |"
            )
        ours, naive = results.get("ours"), results.get("naive")
        if ours and naive:
            o, v = ours[0], naive[0]
            ratios.append(
                f"- {n:,} synthetic events: select a class {median(o.select_s) / median(v.select_s):.3f}× the naive "
                f"time, its payload {median(o.select_bytes) / median(v.select_bytes):.3f}× the naive bytes; "
                f"page open {o.open_s / v.open_s:.2f}×, open payload {o.open_bytes / v.open_bytes:.3f}×."
            )
    return [*lines, "", *ratios]


RUNS = RESULTS.with_name("browser_runs.json")  # every size's latest measurement, so one size can be re-run


def load_runs() -> dict[int, dict]:
    """Earlier measurements by size (``python -m benchmarks.bench_browser 100000`` re-runs one size)."""
    if not RUNS.exists():
        return {}
    return {int(n): run for n, run in json.loads(RUNS.read_text(encoding="utf-8")).items()}


def as_results(run: dict) -> dict[str, tuple[Measured, Expected, bool] | None]:
    return {
        name: None if entry is None else (Measured(**entry[0]), Expected(**entry[1]), entry[2])
        for name, entry in run["results"].items()
    }


def main(sizes: tuple[int, ...] = SIZES) -> None:
    from dataclasses import asdict
    from datetime import UTC, datetime

    from tests.browser.harness import browser_available

    if not browser_available():
        print("skipped: Debian chromium and chromedriver are not installed")
        return
    runs = load_runs()
    with tempfile.TemporaryDirectory(prefix="launchmap-bench-browser-") as folder:
        for n in sizes:
            print(f"{n:,} synthetic events:")
            load_before = os.getloadavg()[0]
            results = run_size(n, Path(folder))
            runs[n] = {
                "measured_on": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],
                "results": {
                    name: None if entry is None else [asdict(entry[0]), asdict(entry[1]), entry[2]]
                    for name, entry in results.items()
                },
            }
            for line in table([(n, results)]):
                print("  " + line)
            # Kept after each size: a later size that fails or is stopped loses nothing measured.
            RUNS.write_text(
                json.dumps({str(k): runs[k] for k in sorted(runs)}, indent=1) + "\n", encoding="utf-8"
            )
    text = "\n".join(
        [
            SECTION,
            "",
            f"`python -m benchmarks browser` on {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, headless chromium (outside hosts blocked). Stores: the bundled "
            "history plus N synthetic events imported with `Store.import_launches`. Open: `driver.get` until "
            "every launch is drawn in a new browser on a warm server (first open: the server's first run, "
            f"with its imports and caches). Select/clear: choose {FILTER_CLASS} in the "
            f"sidebar and clear it, until the map shows the new count (median of {TRIES}). Payload: bytes "
            "received (WebSocket frames and HTTP bodies, Streamlit's own scripts included on open). "
            "Naive: one folium CircleMarker and PolyLine per event on the same offline base map.",
            "",
            *table([(n, as_results(runs[n])) for n in sorted(runs)]),
            "",
            "When each size was measured, with the load average (1 min) at its start and end: the machine is "
            "shared, so compare the ratios within a size rather than seconds across sizes.",
            "",
            *(
                f"- {n:,}: {runs[n]['measured_on']}, load {runs[n]['load_average'][0]} → "
                f"{runs[n]['load_average'][1]}"
                for n in sorted(runs)
            ),
        ]
    )
    write_section("bench_browser", text)
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
