"""Felt times of the dashboard in headless chromium on the bundled history (issue #11).

What a person waits for: a page to open (map drawn), a filter change (figures updated), a map click
to its card, a pasted report to its queued draft, opening Export (preview shown). Each is the median of a
few tries on a served app with a fresh store; reported, never asserted.

    python -m benchmarks pages                       # this checkout
    python -m benchmarks.bench_pages /path/to/other  # another checkout (e.g. a worktree of an older commit)

Needs Debian chromium and chromedriver (as the browser tests); skips with a message otherwise.
"""

from __future__ import annotations

import contextlib
import os
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


@contextlib.contextmanager
def served(repo: Path) -> Iterator[str]:
    """`launchmap serve` from ``repo`` on a free port, with a fresh store seeded from its bundled history."""
    from tests.browser.harness import free_port

    port = free_port()
    db = Path(tempfile.mkdtemp(prefix="launchmap-bench-")) / "bench.db"
    env = {k: v for k, v in os.environ.items() if k != "LAUNCHMAP_SEEDS"} | {"LAUNCHMAP_DB": str(db)}
    process = subprocess.Popen(
        [sys.executable, "-m", "launchmap_cli.main", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=repo,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
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
        yield base
    finally:
        os.killpg(process.pid, 15)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)


def until(condition: Callable[[], object], timeout_s: float = 60) -> float:
    """Seconds until ``condition()`` is truthy (polling every 50 ms)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout_s:
        try:
            if condition():
                return time.perf_counter() - started
        except Exception:  # an element replaced while reading it
            pass
        time.sleep(0.05)
    raise TimeoutError("condition not met")


def idle(driver) -> bool:
    widget = driver.execute_script(
        "const w = document.querySelector('[data-testid=\"stStatusWidget\"]'); return w ? w.innerText : '';"
    )
    return "Running" not in widget


def map_drawn(driver, min_paths: int = 3) -> bool:
    from tests.browser.harness import MAP_PROBE

    probe = driver.execute_script(MAP_PROBE)
    return bool(probe and probe["paths"] >= min_paths and probe["basemap"] == "drawn")


def metric(driver, label: str) -> str:
    for m in driver.find_elements("css selector", "[data-testid='stMetric']"):
        if m.find_element("css selector", "[data-testid='stMetricLabel']").text == label:
            return m.find_element("css selector", "[data-testid='stMetricValue']").text
    return ""


CLICK_IMPACT = """
for (const f of document.querySelectorAll('iframe')) { try {
  const d = f.contentWindow.document; const paths = d.querySelectorAll('path.leaflet-interactive');
  if (!paths.length) continue;
  const el = paths[paths.length - 1]; const r = el.getBoundingClientRect();
  el.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2}));
  return true; } catch (e) {} }
return false;
"""


def measure(base: str) -> dict[str, float]:
    from tests.browser.harness import chromium

    times: dict[str, list[float]] = {}
    with chromium() as driver:
        for _ in range(TRIES):
            driver.get(base + "/")
            times.setdefault("page open (launch map drawn)", []).append(until(lambda: map_drawn(driver)))
            until(lambda: idle(driver) and metric(driver, "Launch events"))
            before = metric(driver, "Launch events")
            box = next(
                i
                for i in driver.find_elements("css selector", "[data-testid='stSidebar'] input")
                if (i.get_attribute("aria-label") or "").startswith("Selected") is False
                and "class" in (i.get_attribute("aria-label") or "").lower()
            )
            box.click()
            box.send_keys("ICBM\n")
            times.setdefault("filter change (figures updated)", []).append(
                until(
                    lambda before=before: metric(driver, "Launch events") not in ("", before) and idle(driver)
                )
            )
            driver.get(base + "/")
            until(lambda: map_drawn(driver) and idle(driver))
            time.sleep(0.5)
            driver.execute_script(CLICK_IMPACT)
            times.setdefault("map click to card", []).append(
                until(lambda: driver.find_elements("css selector", "h3") and idle(driver))
            )
            driver.get(base + "/export")
            times.setdefault("open Export (preview shown)", []).append(
                until(lambda: driver.find_elements("css selector", "[data-testid='stImage'] img"))
            )
            driver.get(base + "/report_to_map")
            until(lambda: driver.find_elements("css selector", "textarea") and idle(driver))
            area = driver.find_elements("css selector", "textarea")[0]
            driver.execute_script(
                "const a = arguments[0]; Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')"
                ".set.call(a, arguments[1]); a.dispatchEvent(new Event('input', {bubbles: true}));",
                area,
                REPORT.read_text() + f"\n{time.time()}",  # a new text each try: no cached draft
            )
            area.send_keys(" ")  # a keystroke makes the widget take the pasted text
            driver.execute_script("arguments[0].blur()", area)
            until(lambda: idle(driver))
            add = next(
                b
                for b in driver.find_elements("css selector", "button")
                if "Add to the review queue" in b.text
            )
            started = time.perf_counter()
            add.click()
            until(
                lambda: [
                    b for b in driver.find_elements("css selector", "button") if b.text.startswith("Accept")
                ]
            )
            times.setdefault("paste to draft (queued, form shown)", []).append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()}


def main(repo: Path | None = None) -> None:
    from tests.browser.harness import browser_available

    if not browser_available():
        print("skipped: Debian chromium and chromedriver are not installed")
        return
    repo = repo or REPO
    with served(repo) as base:
        with contextlib.suppress(Exception):  # warm the server (first import, seeding) before timing
            urllib.request.urlopen(base + "/", timeout=30).read()
        results = measure(base)
    print(f"felt times, median of {TRIES}, {repo}:")
    for name, seconds in results.items():
        print(f"  {name:<34} {seconds:6.2f} s")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
