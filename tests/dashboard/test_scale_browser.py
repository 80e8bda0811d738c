"""The launch map with thousands of events (issue #17): one canvas layer, a bit mask per filter change.

An AppTest at 10,000 events reads what the page sends (no JavaScript); a chromium test at 3,000
events checks that the canvas draws them all, redraws for a class, and asks nothing of the internet.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from benchmarks.synthetic import synthetic_launches
from geodata.render import leaflet
from geodata.store import Store
from geodata.style import CROWDED_TRACKS
from tests.browser.harness import (
    chromium,
    outside_requests,
    require_browser,
    served_dashboard,
    severe_console_entries,
)
from tests.conftest import FIXTURE_SEEDS
from tests.dashboard.test_flight_browser import _wait
from tests.dashboard.test_pages import folium_component, metrics, open_page

FIXTURE_SITES = {"taegwan": (40.21, 125.20), "sunan": (39.224, 125.670), "sohae": (39.660, 124.705)}
CANVAS_STATE = """
for (const f of document.querySelectorAll('iframe')) { try {
  const d = f.contentWindow.document, box = d.querySelector('.leaflet-container');
  if (!box) continue;
  return {drawn: box.dataset.launchesDrawn === undefined ? null : +box.dataset.launchesDrawn,
          crowded: box.dataset.launchesCrowded === '1',
          canvases: d.querySelectorAll('canvas.launchmap-canvas').length,
          paths: d.querySelectorAll('path.leaflet-interactive').length,
          legend: !!d.querySelector('.launchmap-legend'), leaflet: f.contentWindow.L.version};
} catch (e) {} }
return null;
"""


# Click the map where the first shown launch's point is drawn; returns its id and label.
CLICK_FIRST_SHOWN = """
for (const f of document.querySelectorAll('iframe')) { try {
  const win = f.contentWindow, layer = win.launchmapCanvas;
  if (!layer || !layer._data) continue;
  const map = layer._map, size = map.getSize(), data = layer._data;
  const world = 256 * Math.pow(2, map.getZoom()), origin = map.getPixelBounds().min;
  for (let i = 0; i < data.n; i++) {
    if (!layer.shown(i)) continue;
    const end = layer._ends[i + 1] - 1;
    const x = layer._x[end] * world - origin.x, y = layer._y[end] * world - origin.y;
    if (x < 40 || y < 40 || x > size.x - 40 || y > size.y - 40) continue;
    const box = map.getContainer().getBoundingClientRect();
    map.getContainer().dispatchEvent(new win.MouseEvent('click',
      {bubbles: true, clientX: box.left + x, clientY: box.top + y}));
    return {id: data.ids[i], label: data.dates[data.date[i]] + ' · ' + data.systems[data.system[i]]};
  }
} catch (e) { return String(e); } }
return null;
"""


def synthetic_at_fixture_sites(n: int) -> pd.DataFrame:
    """Seeded synthetic events moved to the fixture store's sites (the import checks site ids)."""
    frame = synthetic_launches(n)
    names = list(FIXTURE_SITES)
    frame["site_id"] = [names[i % len(names)] for i in range(n)]
    frame["lat"] = [FIXTURE_SITES[s][0] for s in frame["site_id"]]
    frame["lon"] = [FIXTURE_SITES[s][1] for s in frame["site_id"]]
    return frame


def fill_store(path: str | Path, n: int) -> pd.DataFrame:
    store = Store(str(path))
    store.seed(FIXTURE_SEEDS)
    store.import_launches(synthetic_at_fixture_sites(n))
    launches = store.launches()
    store.engine.dispose()
    return launches


# --- what the page sends (AppTest, no browser) ------------------------------------------------------


def test_launch_map__10k_events__canvas_layer_with_selected_event_rings_and_legend() -> None:
    launches = fill_store(os.environ["LAUNCHMAP_DB"], 10_000)
    assert leaflet.use_canvas(len(launches))
    app = open_page(event="2017-11-28-sunan")  # Hwasong-15: a published range, so rings
    assert not app.exception, [e.message for e in app.exception]
    assert metrics(app)["Launch events"] == f"{len(launches):,}"
    args = folium_component(app)
    assert "window.launchmapCanvas = layer" in args["script"]
    assert "launchmap-legend" in args["html"]
    group = args["feature_group"]
    assert "setMask(" in group
    assert "Hwasong-15" in group  # the selected launch drawn on top (synthetic events are other systems)
    assert "ring-band" in group or " mi)" in group  # and its system's range rings or band
    assert group.count("L.geoJson") == 1  # the launch sites only: no GeoJSON per event
    # What a filter change resends is a bit mask and the selected launch, not the 10,000 launches.
    mask = group.split('setMask("', 1)[1].split('"', 1)[0]
    assert len(mask) <= 4 * (len(launches) // 8 // 3 + 1)
    assert len(group) < 200_000, len(group)  # the rings and the selected track are most of it
    url = re.search(r'fetch\("/app/static/(launches-[0-9a-f]+\.json)"\)', args["script"])
    assert url, "the canvas layer fetches no launch file"
    served = Path(__file__).resolve().parents[2] / "dashboard" / "static" / url.group(1)
    assert json.loads(served.read_text())["n"] == len(launches)
    # The timeline would resend 10,000 launches inline on every rerun: it waits, and the page says so.
    assert "_launchmapPlayback" not in group
    assert any("plays at most 2,000 launch events" in c.value for c in app.caption)


def test_launch_map__10k_events__class_filter_changes_only_the_mask() -> None:
    launches = fill_store(os.environ["LAUNCHMAP_DB"], 10_000)
    app = open_page()
    before = folium_component(app)
    app.sidebar.multiselect(key="f_class").set_value(["ICBM"]).run()
    after = folium_component(app)
    assert metrics(app)["Launch events"] == f"{(launches['system_class'] == 'ICBM').sum():,}"
    assert after["script"] == before["script"]  # the base map, with the data's address, stays: no remount
    assert after["feature_group"] != before["feature_group"]


# --- in chromium ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def large_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, pd.DataFrame]]:
    require_browser()
    db = tmp_path_factory.mktemp("scale") / "store.db"
    launches = fill_store(db, 3_000)
    with served_dashboard(db, seeds=FIXTURE_SEEDS) as base:
        yield base, launches


def wait_for(driver, condition) -> dict:
    """The canvas map's state once ``condition(state)`` holds (the flight test's poller)."""
    return _wait(driver, CANVAS_STATE, condition, timeout_s=45)


@pytest.mark.browser
def test_launch_map__3k_events__canvas_draws_all_offline(large_dashboard: tuple[str, pd.DataFrame]) -> None:
    base, launches = large_dashboard
    icbm = int((launches["system_class"] == "ICBM").sum())
    with chromium() as driver:
        driver.get(base + "/")
        state = wait_for(driver, lambda s: s["drawn"] == len(launches))
        assert state["canvases"] == 1 and state["legend"] and state["leaflet"]
        assert state["paths"] < 20  # launch sites only: the events are on the canvas, not one SVG path each
        assert state["crowded"]  # 3,000 tracks: thin, the way the browser rasterises them quickly
        box = next(
            i
            for i in driver.find_elements("css selector", "[data-testid='stSidebar'] input")
            if "class" in (i.get_attribute("aria-label") or "").lower()
        )
        box.click()
        box.send_keys("ICBM\n")
        state = wait_for(driver, lambda s: s["drawn"] == icbm)
        assert icbm < CROWDED_TRACKS and not state["crowded"]  # a few hundred: full-width tracks again
        time.sleep(0.5)
        driver.save_screenshot("/tmp/launchmap_scale_3k_icbm.png")
        clicked = driver.execute_script(CLICK_FIRST_SHOWN)
        assert clicked, "no drawn launch inside the map to click"
        # The canvas has no element per launch: the click is matched to the nearest point, and its popup
        # id reaches the page through streamlit-folium, which opens that launch's card.
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            headings = [h.text for h in driver.find_elements("css selector", "h3")]
            if any(clicked["label"].split(" · ")[0] in h and "ICBM" in h for h in headings):
                break
            time.sleep(0.3)
        else:
            raise AssertionError(f"no card for the clicked launch {clicked}: {headings}")
        assert clicked["id"] in launches["id"].tolist()
        assert outside_requests(driver) == []
        assert severe_console_entries(driver) == []
