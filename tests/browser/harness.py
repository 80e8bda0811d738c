"""Drive Debian chromium headless against a served dashboard, with every outside host blocked.

Used by the browser tests and by ``python -m tests.browser.harness URL OUT.png`` for screenshots.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
REPO = Path(__file__).resolve().parents[2]


def browser_available() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


def require_browser() -> None:
    """Skip (or, in CI with LAUNCHMAP_REQUIRE_BROWSER set, fail) when Debian chromium is missing."""
    import pytest

    if browser_available():
        return
    reason = (
        "Debian chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
    )
    if os.environ.get("LAUNCHMAP_REQUIRE_BROWSER"):
        pytest.fail(reason)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def served_dashboard(db_path: Path, seeds: Path | None = None, timeout_s: float = 60) -> Iterator[str]:
    """Run ``launchmap serve`` on a free loopback port; yields the base URL."""
    port = free_port()
    env = {**os.environ, "LAUNCHMAP_DB": str(db_path)}
    if seeds:
        env["LAUNCHMAP_SEEDS"] = str(seeds)
    process = subprocess.Popen(
        [sys.executable, "-m", "launchmap_cli.main", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode(errors="replace") if process.stdout else ""
                raise RuntimeError(f"dashboard did not start on {base}:\n{output[-3000:]}")
            time.sleep(0.3)
        yield base
    finally:
        os.killpg(process.pid, 15)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)


@contextlib.contextmanager
def chromium(width: int = 1400, height: int = 1000) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="launchmap-chromium-")
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
        # Any request that is not to this machine fails: the page must not need the internet.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


MAP_PROBE = """
const frames = [...document.querySelectorAll('iframe')];
for (const frame of frames) {
  const win = frame.contentWindow;
  try {
    if (win && win.L && win.document.querySelector('.leaflet-container')) {
      return {leaflet: win.L.version, height: frame.getBoundingClientRect().height,
              paths: win.document.querySelectorAll('path.leaflet-interactive').length,
              land: win.document.querySelectorAll('.leaflet-basemap-pane path').length,
              basemap: win.document.querySelector('.leaflet-container').dataset.basemap || null,
              title: frame.title};
    }
  } catch (e) { }
}
return null;
"""


def wait_for_map(driver, min_paths: int = 1, timeout_s: float = 40) -> dict:
    """Wait until a Leaflet map in a component iframe has drawn ``min_paths`` interactive paths."""
    deadline = time.monotonic() + timeout_s
    probe = None
    while time.monotonic() < deadline:
        probe = driver.execute_script(MAP_PROBE)
        if probe and probe["paths"] >= min_paths and probe["basemap"] == "drawn":
            return probe
        time.sleep(0.25)
    raise AssertionError(f"map not drawn within {timeout_s} s: {probe}")


def outside_requests(driver) -> list[str]:
    """URLs of requests the page tried to send anywhere but this machine."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if url.startswith(("http://", "https://", "ws://", "wss://")) and url.split("/")[2].split(":")[
                0
            ] not in ("127.0.0.1", "localhost"):
                urls.append(url)
    return urls


def severe_console_entries(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


if __name__ == "__main__":
    url, out = sys.argv[1], sys.argv[2]
    with chromium() as driver:
        driver.get(url)
        started = time.monotonic()
        try:
            print(
                wait_for_map(driver, min_paths=int(sys.argv[3]) if len(sys.argv) > 3 else 1),
                f"{time.monotonic() - started:.2f}s",
            )
        except AssertionError as error:
            print(error)
        time.sleep(float(os.environ.get("SETTLE_S", "2")))
        driver.save_screenshot(out)
        print("severe:", severe_console_entries(driver))
        print("outside:", outside_requests(driver)[:10])
