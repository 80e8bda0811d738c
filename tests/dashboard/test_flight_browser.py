"""Globe & flight in chromium with every outside host blocked (#14): the globe's layers draw, the
Hwasong-15 arc stands to scale, the profile says "depressed", playback runs to the last record."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.browser.harness import (
    chromium,
    outside_requests,
    require_browser,
    served_dashboard,
    severe_console_entries,
)

pytestmark = pytest.mark.browser
SCREENS = Path("/work/staging/screens") if Path("/work/staging").is_dir() else None

# The deck.gl Deck inside Streamlit's chart: its layer ids, read from the canvas's React props.
DECK_PROBE = """
const canvas = document.querySelector('[data-testid="stDeckGlJsonChart"] canvas') || document.querySelector('canvas');
if (!canvas) return null;
const key = Object.keys(canvas).find(k => k.startsWith('__reactFiber'));
let fiber = key ? canvas[key] : null;
while (fiber) {
  const props = fiber.memoizedProps || {};
  if (Array.isArray(props.layers)) {
    const flights = props.layers.find(l => l && l.id === 'flights');
    return {layers: props.layers.filter(l => l).map(l => l.id), width: canvas.width, height: canvas.height,
            flights: flights && flights.props.data ? flights.props.data.length : 0,
            views: [].concat(props.views || []).map(v => v.constructor.name)};
  }
  fiber = fiber.return;
}
return null;
"""


def _wait(driver, script: str, ok, timeout_s: float = 60):
    deadline = time.monotonic() + timeout_s
    value = None
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value and ok(value):
            return value
        time.sleep(0.4)
    raise AssertionError(f"not ready within {timeout_s} s: {value}")


def _click_tab(driver, label: str) -> None:
    from selenium.webdriver.common.by import By

    tabs = driver.find_elements(By.CSS_SELECTOR, "[role='tab']")
    for tab in tabs:
        if label in tab.text:
            tab.click()
            return
    raise AssertionError(f"no tab {label!r} in {[t.text for t in tabs]}")


def _severe(driver) -> list[str]:
    # Streamlit's client asks /<page>/_stcore/health once on a page URL before it finds the root: a
    # harmless 404 of Streamlit's own, not of this page.
    return [e for e in severe_console_entries(driver) if "/_stcore/" not in e]


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    require_browser()
    with served_dashboard(tmp_path_factory.mktemp("flight") / "launchmap.db") as base:
        yield base


def test_globe__hwasong15_draws_offline_and_to_scale(dashboard) -> None:
    from selenium.webdriver.common.by import By

    with chromium(1400, 1300) as driver:
        driver.get(f"{dashboard}/flight?event=2017-11-29-pyongsong")
        deck = _wait(driver, DECK_PROBE, lambda v: v["flights"] > 100 and v["height"] >= 500)
        assert deck["layers"][:8] == [
            "ocean",
            "land",
            "ring-bands",
            "rings",
            "impact-bands",
            "flights",
            "selected",
            "sites",
        ]
        assert "selected-colour" in deck["layers"] and deck["height"] >= 500
        time.sleep(2.5)  # let deck.gl draw the frame before the screenshot
        chart = driver.find_element(By.CSS_SELECTOR, '[data-testid="stDeckGlJsonChart"]')
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", chart)
        time.sleep(1)
        if SCREENS:
            chart.screenshot(str(SCREENS / "flight-globe-hwasong15.png"))
        # the canvas drew something other than the page: land, ocean and flights have colour
        png = chart.screenshot_as_png
        assert len(png) > 10_000
        assert outside_requests(driver) == []
        assert _severe(driver) == []


@pytest.mark.xfail(
    strict=False,
    reason="playback reruns a fragment every 0.5 s; Streamlit aged its cached globe message out after two "
    "runs ('Cached ForwardMsg MISS' dialog). Mitigated by global.maxCachedMessageAge=120 (launchmap serve, "
    ".streamlit/config.toml): 3 of 3 runs green since; kept non-strict until CI has shown it green for a while.",
)
def test_profile__7_nov_2025_says_depressed_and_playback_reaches_the_last_record(dashboard) -> None:
    from selenium.webdriver.common.by import By

    with chromium(1400, 1300) as driver:
        driver.get(f"{dashboard}/flight?event=2025-11-07-taegwan")
        _wait(driver, DECK_PROBE, lambda v: v["flights"] > 100)
        _click_tab(driver, "Trajectory profile")
        image = _wait(
            driver,
            "const i = [...document.querySelectorAll('[data-testid=\"stImage\"] img')]; "
            "return i.length && i[0].naturalWidth ? i[0].naturalWidth : null;",
            lambda v: v > 0,
        )
        assert image >= 1000
        if SCREENS:
            driver.find_element(By.CSS_SELECTOR, '[data-testid="stImage"]').screenshot(
                str(SCREENS / "flight-profile-page-2025-11-07.png")
            )
        assert "Download SVG" in driver.page_source
        _click_tab(driver, "Playback")
        speed = next(
            box
            for box in driver.find_elements(By.CSS_SELECTOR, '[data-testid="stSelectbox"]')
            if "Speed" in box.text and box.is_displayed()
        )
        speed.find_element(By.CSS_SELECTOR, "input").click()
        _wait(driver, "return document.querySelectorAll('[role=\"option\"]').length", lambda v: v > 0)
        for option in driver.find_elements(By.CSS_SELECTOR, '[role="option"]'):
            if "5 years" in option.text:
                option.click()
                break
        time.sleep(1.5)
        for button in driver.find_elements(By.CSS_SELECTOR, "button"):
            if "Play" in button.text and button.is_displayed():
                button.click()
                break
        readout = _wait(
            driver,
            "const d = document.querySelector('[data-testid=\"playback-date\"]'); return d && d.textContent;",
            lambda v: int(v.split()[-1]) < 1995,  # Play went back to the start of the records
            timeout_s=30,
        )
        assert readout
        final = _wait(
            driver,
            "const d = document.querySelector('[data-testid=\"playback-date\"]'); return d && d.textContent;",
            lambda v: v == "May 2026",
            timeout_s=90,
        )
        assert final == "May 2026"
        if SCREENS:
            driver.save_screenshot(str(SCREENS / "flight-playback-page.png"))
        assert outside_requests(driver) == []
        assert _severe(driver) == []


# --- the timeline under the Leaflet launch map -------------------------------------------------------

# The timeline's state, read inside the map's iframe: what the control shows and how many launches it drew.
TIMELINE_PROBE = """
for (const frame of document.querySelectorAll('iframe')) {
  try {
    const d = frame.contentWindow.document, box = d.querySelector('.launchmap-playback');
    if (!box) continue;
    return {state: box.dataset.state, drawn: +box.dataset.drawn, total: +box.dataset.total,
            date: d.querySelector('[data-testid="map-playback-date"]').textContent,
            hiding: d.querySelector('.leaflet-container').classList.contains('launchmap-playing')};
  } catch (e) { }
}
return null;
"""


def _map_frame(driver):
    from selenium.webdriver.common.by import By

    for frame in driver.find_elements(By.TAG_NAME, "iframe"):
        if driver.execute_script(
            "try { return !!arguments[0].contentWindow.document.querySelector('.launchmap-playback'); }"
            " catch (e) { return false; }",
            frame,
        ):
            return frame
    raise AssertionError("no map with a timeline")


def _in_map(driver, action) -> None:
    """Run ``action(driver)`` inside the map's iframe (the timeline is Leaflet's, not Streamlit's)."""
    driver.switch_to.frame(_map_frame(driver))
    try:
        action(driver)
    finally:
        driver.switch_to.default_content()


def _launch_events_metric(driver) -> int:
    from selenium.webdriver.common.by import By

    for metric in driver.find_elements(By.CSS_SELECTOR, '[data-testid="stMetric"]'):
        if "Launch events" in metric.text:
            return int(
                metric.find_element(By.CSS_SELECTOR, '[data-testid="stMetricValue"]').text.replace(",", "")
            )
    raise AssertionError("no 'Launch events' figure on the page")


def _records_end_month(driver) -> str:
    """'May 2026' from the page's own 'Records to 26 May 2026': the latest record, as the page says it."""
    import re

    import pandas as pd

    found = re.search(r"Records to (\d{1,2} \w+ \d{4})", driver.find_element("tag name", "body").text)
    assert found, "the page does not say how current the records are"
    return f"{pd.Timestamp(found.group(1)):%B %Y}"


def _play_to_the_end(driver, speed: str) -> list[str]:
    """Choose ``speed``, press play, and collect the date readout until the play ends."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    def press(d) -> None:
        Select(d.find_element(By.CSS_SELECTOR, ".lm-pb-speed")).select_by_visible_text(speed)
        d.find_element(By.CSS_SELECTOR, ".lm-pb-play").click()

    _in_map(driver, press)
    readouts: list[str] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        probe = driver.execute_script(TIMELINE_PROBE)
        if probe and (not readouts or readouts[-1] != probe["date"]):
            readouts.append(probe["date"])
        if probe and probe["state"] == "ended":
            return readouts
        time.sleep(0.1)
    raise AssertionError(f"the play did not end within 60 s: {readouts[-5:]}")


def test_launch_map_timeline__plays_1984_to_the_latest_record_and_draws_every_launch(dashboard) -> None:
    import pandas as pd

    with chromium(1400, 1100) as driver:
        driver.get(dashboard)
        idle = _wait(driver, TIMELINE_PROBE, lambda v: v["total"] > 0)
        total = _launch_events_metric(driver)
        assert idle["state"] == "idle" and idle["drawn"] == 0 and not idle["hiding"]
        assert idle["total"] == total and idle["date"].startswith("1984")  # '1984 – 2026': the span to play
        readouts = _play_to_the_end(driver, "5 years / s")
        months = [pd.Timestamp(f"1 {text}") for text in readouts]
        assert months[0].year == 1984  # the play starts at the first record …
        assert months == sorted(months) and len(months) > 20  # … and the readout only moves forward
        end = driver.execute_script(TIMELINE_PROBE)
        assert end["date"] == _records_end_month(driver)  # … to the latest record
        assert end["drawn"] == end["total"] == total  # every filtered launch drawn
        assert not end["hiding"]  # the map's clickable layers are back on top
        if SCREENS:
            driver.execute_script("arguments[0].scrollIntoView({block: 'end'})", _map_frame(driver))
            time.sleep(0.5)
            driver.save_screenshot(str(SCREENS / "launch-map-timeline-end.png"))
        assert outside_requests(driver) == []
        assert _severe(driver) == []


def test_launch_map_timeline__plays_the_filtered_period_and_pauses(dashboard) -> None:
    from selenium.webdriver.common.by import By

    with chromium(1400, 1100) as driver:
        driver.get(f"{dashboard}/?since=2017-01-01&until=2017-12-31&class=ICBM")
        idle = _wait(driver, TIMELINE_PROBE, lambda v: v["total"] > 0)
        total = _launch_events_metric(driver)
        assert idle["total"] == total and 0 < total < 10  # 2017's ICBMs: a handful, not the history
        readouts = _play_to_the_end(driver, "6 months / s")
        assert all(text.endswith("2017") for text in readouts)
        assert driver.execute_script(TIMELINE_PROBE)["drawn"] == total
        # The slider back to the first month: paused there, only that month drawn, the map's layers hidden.
        _in_map(
            driver,
            lambda d: d.execute_script(
                "const s = document.querySelector('.lm-pb-slider'); s.value = 0;"
                "s.dispatchEvent(new Event('input', {bubbles: true}));"
            ),
        )
        paused = driver.execute_script(TIMELINE_PROBE)
        assert paused["state"] == "paused" and paused["hiding"]
        assert (paused["date"], paused["drawn"]) == ("July 2017", 2)  # Kusong 4 July, Mupyong 28 July
        time.sleep(1)
        assert driver.execute_script(TIMELINE_PROBE) == paused  # paused means still
        # Play goes on from there, to the end again.
        _in_map(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".lm-pb-play").click())
        final = _wait(driver, TIMELINE_PROBE, lambda v: v["state"] == "ended", timeout_s=30)
        assert final["drawn"] == total and final["date"] == "November 2017"
        assert outside_requests(driver) == []
        assert _severe(driver) == []
