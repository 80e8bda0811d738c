"""Felt times of the dashboard in headless chromium on the bundled history (issue #11).

What a person waits for: a page to open (map drawn), a filter change (figures updated), a map click
to its card, a pasted report to its queued draft, opening Export from the sidebar and from a link
(preview shown). Each is the median of a few tries on a served app with a fresh store; reported,
never asserted.

Times are taken inside the page, from the person's action (the key press, the click, the start of
navigation) to the first frame after the page shows the result, so the WebDriver's own round trips
are not counted. The framework's floor is measured the same way: a bare Streamlit page, and a bare
streamlit-folium map with two markers on the same offline base map.

    python -m benchmarks pages                       # this checkout
    python -m benchmarks.bench_pages /path/to/other  # and another one beside it (e.g. a worktree of an
                                                     # older commit), served and timed the same way

Needs Debian chromium and chromedriver (as the browser tests); skips with a message otherwise.
"""

from __future__ import annotations

import contextlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "tests" / "fixtures" / "reports" / "06-taegwan-two-sources-2025.txt"
TRIES = 3

# Installed in every new document: `__arm(name, test, since)` records, in `__felt[name]`, the ms from
# `since` (a performance.now() stamp; 0 is the start of navigation) to the first frame after `test()`
# holds. An action is stamped in the page as it happens (the Enter key's own event, the click).
WATCHER = """
window.__felt = {};
window.__arm = function(name, test, since) {
  const check = () => {
    let done = false; try { done = !!test(); } catch (e) {}
    if (done) { requestAnimationFrame(() => { window.__felt[name] = performance.now() - since; }); }
    else { requestAnimationFrame(check); }
  };
  check();
};
window.__idle = () => !/Running|Stop/.test((document.querySelector('[data-testid="stStatusWidget"]') || {}).innerText || '');
window.__mapDrawn = (minPaths) => [...document.querySelectorAll('iframe')].some(f => { try {
  const d = f.contentWindow.document, box = d.querySelector('.leaflet-container');
  return box && box.dataset.basemap === 'drawn' && d.querySelectorAll('path.leaflet-interactive').length >= minPaths;
} catch (e) { return false; } });
window.__metric = (label) => { for (const m of document.querySelectorAll('[data-testid="stMetric"]')) {
  if (m.querySelector('[data-testid="stMetricLabel"]').innerText === label) return m.querySelector('[data-testid="stMetricValue"]').innerText;
} return ''; };
window.__button = (prefix) => [...document.querySelectorAll('button')].find(b => b.innerText.startsWith(prefix));
"""

CLICK_IMPACT = """
for (const f of document.querySelectorAll('iframe')) { try {
  const d = f.contentWindow.document; const paths = d.querySelectorAll('path.leaflet-interactive');
  if (!paths.length) continue;
  const el = paths[paths.length - 1]; const r = el.getBoundingClientRect();
  const since = performance.now();
  __arm(arguments[0], () => document.querySelector('h3') && __idle(), since);
  el.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2}));
  return true; } catch (e) {} }
return false;
"""

BARE_PAGE = "import streamlit as st\n\nst.title('launchmap')\nst.write('A bare page: the framework alone.')\n"
BARE_MAP_PAGE = """import folium
import streamlit as st
from streamlit_folium import st_folium

from geodata.render import leaflet as maps

st.title("launchmap")
m = maps.base_map(vendor_url="/app/static/vendor", basemap_url="/app/static/countries_50m.geojson")
folium.CircleMarker((39.0, 125.7), radius=5).add_to(m)
folium.CircleMarker((40.2, 125.2), radius=5).add_to(m)
st_folium(m, height=620, use_container_width=True, returned_objects=[], key="bare")
"""


def wait_for(name: str, driver, timeout_s: float = 60) -> float:
    """Seconds the page recorded for ``name`` (see WATCHER), once it has."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        felt = driver.execute_script("return window.__felt && window.__felt[arguments[0]]", name)
        if felt is not None:
            return float(felt) / 1000
        time.sleep(0.1)
    raise TimeoutError(f"{name}: not shown within {timeout_s:.0f} s")


@contextlib.contextmanager
def served(repo: Path) -> Iterator[str]:
    """`launchmap serve` from ``repo`` on a free port, with a fresh store seeded from its bundled history."""
    from tests.browser.harness import free_port

    port = free_port()
    db = Path(tempfile.mkdtemp(prefix="launchmap-bench-")) / "bench.db"
    env = {k: v for k, v in os.environ.items() if k != "LAUNCHMAP_SEEDS"} | {"LAUNCHMAP_DB": str(db)}
    command = [
        sys.executable,
        "-m",
        "launchmap_cli.main",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    with _process(command, repo, env, f"http://127.0.0.1:{port}") as base:
        yield base


@contextlib.contextmanager
def served_bare(source: str) -> Iterator[str]:
    """``streamlit run`` of a one-file page (the framework's floor), serving this checkout's static folder."""
    from tests.browser.harness import free_port

    folder = Path(tempfile.mkdtemp(prefix="launchmap-bench-bare-"))
    (folder / "page.py").write_text(source, encoding="utf-8")
    (folder / "static").symlink_to(REPO / "dashboard" / "static")
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "page.py", "--server.headless=true"]
    command += ["--server.address=127.0.0.1", f"--server.port={port}", "--server.enableStaticServing=true"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with _process(command, folder, env, f"http://127.0.0.1:{port}") as base:
        yield base


@contextlib.contextmanager
def _process(command: list[str], cwd: Path, env: dict[str, str], base: str) -> Iterator[str]:
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response,
            ):
                if response.read().strip() == b"ok":
                    break
            time.sleep(0.3)
        with contextlib.suppress(Exception):  # the first run (imports, seeding) is not what is timed
            urllib.request.urlopen(base + "/", timeout=60).read()
        yield base
    finally:
        os.killpg(process.pid, 15)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)


def until(condition: Callable[[], object], timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):  # an element replaced while reading it
            if condition():
                return
        time.sleep(0.05)
    raise TimeoutError("condition not met")


def open_page(driver, url: str, name: str, test: str) -> float:
    """``driver.get(url)``: seconds from the start of navigation to ``test`` holding."""
    driver.get(url)
    driver.execute_script(f"__arm(arguments[0], () => {test}, 0)", name)
    return wait_for(name, driver)


def measure(base: str) -> dict[str, list[float]]:
    from tests.browser.harness import chromium

    times: dict[str, list[float]] = {}

    def record(name: str, seconds: float) -> None:
        times.setdefault(name, []).append(seconds)

    map_shown = "__mapDrawn(3) && __metric('Launch events')"
    with chromium() as driver:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCHER})
        for _ in range(TRIES):
            record("page open (launch map drawn)", open_page(driver, base + "/", "open", map_shown))
            until(lambda: driver.execute_script("return __idle()"))
            before = driver.execute_script("return __metric('Launch events')")
            box = next(
                i
                for i in driver.find_elements("css selector", "[data-testid='stSidebar'] input")
                if "class" in (i.get_attribute("aria-label") or "").lower()
            )
            box.click()
            box.send_keys("ICBM")
            driver.execute_script(
                "const b = arguments[0];"
                "document.addEventListener('keydown', e => { if (e.key === 'Enter') "
                "__arm('filter', () => __metric('Launch events') !== b && __idle(), performance.now()); },"
                " {capture: true, once: true});",
                before,
            )
            box.send_keys("\n")
            record("filter change (figures updated)", wait_for("filter", driver))

            open_page(driver, base + "/", "open again", "__mapDrawn(3) && __idle()")
            time.sleep(0.5)
            driver.execute_script(CLICK_IMPACT, "card")
            record("map click to card", wait_for("card", driver))

            driver.execute_script(
                "const link = [...document.querySelectorAll('[data-testid=\"stSidebar\"] a')]"
                ".find(a => a.innerText.trim() === 'Export');"
                "__arm('export', () => { const i = document.querySelector('[data-testid=\"stImage\"] img');"
                " return i && i.complete && i.naturalWidth > 0; }, performance.now()); link.click();"
            )
            record("open Export from the sidebar (preview shown)", wait_for("export", driver))
            record(
                "open Export from a link (preview shown)",
                open_page(
                    driver,
                    base + "/export",
                    "export link",
                    "(() => { const i = document.querySelector('[data-testid=\"stImage\"] img');"
                    " return i && i.complete && i.naturalWidth > 0; })()",
                ),
            )

            open_page(
                driver, base + "/report_to_map", "report", "document.querySelector('textarea') && __idle()"
            )
            area = driver.find_elements("css selector", "textarea")[0]
            driver.execute_script(
                "const a = arguments[0]; Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')"
                ".set.call(a, arguments[1]); a.dispatchEvent(new Event('input', {bubbles: true}));",
                area,
                REPORT.read_text() + f"\n{time.time()}",  # a new text each try: no cached draft
            )
            area.send_keys(" ")  # a keystroke makes the widget take the pasted text
            driver.execute_script("arguments[0].blur()", area)
            until(lambda: driver.execute_script("return __idle() && !!__button('Add to the review queue')"))
            time.sleep(0.3)
            # Done when the page says what was queued and the draft's Accept button is there (a copy of a
            # report already waiting joins that draft rather than adding one).
            driver.execute_script(
                "__arm('draft', () => document.body.innerText.includes('Nothing is saved until you accept it')"
                " && !!__button('Accept') && __idle(), performance.now());"
                "__button('Add to the review queue').click();"
            )
            record("paste to draft (queued, form shown)", wait_for("draft", driver))
    return times


def measure_floor(source: str, test: str) -> list[float]:
    """Page open of a bare page, as :func:`measure` times ours."""
    from tests.browser.harness import chromium

    with served_bare(source) as base, chromium() as driver:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCHER})
        return [open_page(driver, base + "/", "open", test) for _ in range(TRIES)]


FLOOR_OF = {  # which floor bounds each felt time: a page opened from a link starts the framework afresh
    "page open (launch map drawn)": "bare streamlit-folium map open (drawn)",
    "open Export from a link (preview shown)": "bare Streamlit page open (title shown)",
}


def main(before: Path | None = None) -> None:
    """Time this checkout, the framework's floors and, with ``before``, another checkout the same way;
    print the figures and write them to ``results.md`` (a run for this checkout alone keeps no column
    of an earlier one)."""
    from benchmarks.results import write_section
    from tests.browser.harness import browser_available

    if not browser_available():
        print("skipped: Debian chromium and chromedriver are not installed")
        return
    load_before = os.getloadavg()[0]
    floors = {
        "bare Streamlit page open (title shown)": measure_floor(BARE_PAGE, "document.querySelector('h1')"),
        "bare streamlit-folium map open (drawn)": measure_floor(BARE_MAP_PAGE, "__mapDrawn(2)"),
    }
    columns = {}
    for label, repo in (("this checkout", REPO), *((("before", before),) if before else ())):
        with served(repo) as base:
            columns[label] = measure(base)
    load_after = os.getloadavg()[0]

    def cell(values: list[float] | None) -> str:
        return f"{statistics.median(values):.2f} s" if values else ""

    head = ["what the person waits for", *columns, "framework floor"]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for name in columns["this checkout"]:
        floor = FLOOR_OF.get(name)
        floor_cell = f"{cell(floors[floor])} ({floor.split(' open')[0]})" if floor else ""
        lines.append(
            "| " + " | ".join([name, *(cell(c.get(name)) for c in columns.values()), floor_cell]) + " |"
        )
    before_note = (
        f' "before" is the checkout at `{before}` (`git -C {before} rev-parse --short HEAD`: '
        f"{_commit(before)}), served and timed the same way in the same run."
        if before
        else ""
    )
    text = "\n".join(
        [
            "## Felt times on the bundled history",
            "",
            f"`python -m benchmarks pages` on {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, headless chromium; median of {TRIES}, load average "
            f"{load_before:.1f} at the start and {load_after:.1f} at the end. Each time is taken in the page, from "
            "the person's action (start of navigation, the Enter key, the click) to the first frame showing "
            "the result. The floors are one-file pages timed the same way: a bare Streamlit page, and a bare "
            f"streamlit-folium map with two markers on the same offline base map.{before_note}",
            "",
            *lines,
        ]
    )
    for line in lines:
        print(line)
    write_section("bench_pages", text)


def _commit(repo: Path) -> str:
    result = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    return result.stdout.strip() or "unknown"


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
