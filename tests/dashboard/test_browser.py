"""The served dashboard in headless Debian chromium with every outside host blocked.

Checks what a user on an offline network gets: Leaflet drawn in the map iframe with the
expected launch features, a full-height map, no SEVERE console entry and no request that
leaves this machine. Screenshots land in ``artifacts/screenshots/`` to be looked at.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.browser.harness import (
    outside_requests,
    severe_console_entries,
    wait_for_map,
)
from tests.conftest import REPO

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SCREENSHOTS = REPO / "artifacts" / "screenshots"

# Fixture seeds: 3 sites sized by launches, 2 tracks (one reported, one estimated) and their 2 impact points.
FIXTURE_LAUNCH_FEATURES = 3 + 2 + 2


def _page_errors(driver) -> list[str]:
    # Opening a page's own URL (/history) makes Streamlit probe /history/_stcore/... before the real
    # /_stcore/...; those 404s are its base-path discovery, not failures of the page.
    return [e for e in severe_console_entries(driver) if "/_stcore/" not in e]


def _open(driver, url: str, name: str, min_paths: int | None) -> dict | None:
    driver.get(url)
    started = time.monotonic()
    probe = wait_for_map(driver, min_paths=min_paths) if min_paths is not None else None
    elapsed = time.monotonic() - started
    if min_paths is None:  # a page without a map: wait for Streamlit to finish the run
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not driver.find_elements("css selector", "h1"):
            time.sleep(0.2)
        assert driver.find_elements("css selector", "h1"), f"{name}: page never rendered a title"
    time.sleep(1.0)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    print(f"{name}: map drawn {elapsed:.2f} s after navigation" if probe else f"{name}: rendered")
    return probe


def test_launch_map__leaflet_draws_every_launch_feature_offline(dashboard: str, browser) -> None:
    probe = _open(browser, dashboard + "/", "launch_map", FIXTURE_LAUNCH_FEATURES)
    assert probe["leaflet"] == "1.9.3"
    assert probe["paths"] == FIXTURE_LAUNCH_FEATURES
    assert probe["height"] > 300
    assert probe["land"] > 100  # Natural Earth countries drawn from the local basemap
    assert _page_errors(browser) == []
    assert outside_requests(browser) == []


def test_launch_map__shared_link_reopens_event_with_rings(dashboard: str, browser) -> None:
    probe = _open(
        browser, dashboard + "/?event=2017-11-28-sunan&class=ICBM", "launch_map_event", min_paths=1 + 1 + 1
    )
    # One site, one track, one impact, plus the selection overlay and the Hwasong-15 ring outlines.
    assert probe["paths"] > 3
    assert "Hwasong-15" in browser.page_source
    assert _page_errors(browser) == [] and outside_requests(browser) == []


@pytest.mark.parametrize(
    ("path", "name", "min_paths"),
    [
        ("/history", "history", None),
        ("/range_planner?origin=sohae&ranges=700km,13000km", "range_planner", 3),
        ("/report_to_map", "report_to_map", None),
        ("/export", "export", None),
        ("/data", "data", None),
        ("/about", "about", 1),
    ],
)
def test_page__renders_offline(dashboard: str, browser, path: str, name: str, min_paths: int | None) -> None:
    probe = _open(browser, dashboard + path, name, min_paths)
    if probe:
        assert probe["height"] > 300
    assert "Traceback" not in browser.page_source
    assert _page_errors(browser) == []
    assert outside_requests(browser) == []


def test_static_assets__served_from_installed_packages(dashboard: str) -> None:
    import urllib.request

    for asset in ("vendor/leaflet.js", "vendor/jquery.min.js", "vendor/leaflet.css", "countries_50m.geojson"):
        with urllib.request.urlopen(f"{dashboard}/app/static/{asset}", timeout=5) as response:
            assert response.status == 200 and len(response.read()) > 1000
    assert not (Path(REPO) / "dashboard" / "static" / "vendor" / "leaflet.js").is_symlink()
