"""Globe & flight in chromium with every outside host blocked (#14): the globe's layers draw, the
Hwasong-15 arc stands to scale, the profile says "depressed", playback runs to the last record and then
goes quiet; the timeline under the launch map plays 1984 to the latest record and draws every launch."""

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
from tests.dashboard.test_journeys import click, settle

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


GLOBE_DATE = "const d = document.querySelector('[data-testid=\"playback-date\"]'); return d && d.textContent;"


def _choose(driver, label: str, option: str, timeout_s: float = 30) -> None:
    """Pick ``option`` in the selectbox labelled ``label`` and wait until the box shows it.

    Streamlit redraws the page on every run: an element read a moment ago may be gone, so every step is
    retried until the box itself says the choice was taken (a click lost to a redraw is tried again).
    """
    from selenium.webdriver.common.by import By

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            box = next(
                b
                for b in driver.find_elements(By.CSS_SELECTOR, '[data-testid="stSelectbox"]')
                if label in b.text and b.is_displayed()
            )
            field = box.find_element(By.CSS_SELECTOR, "input")
            if field.get_attribute("value") == option:  # the box shows the choice: a run has taken it
                return
            field.click()
            time.sleep(0.3)
            for element in driver.find_elements(By.CSS_SELECTOR, '[role="option"]'):
                if option in element.text:
                    element.click()
                    break
            settle(driver)
        except Exception:  # replaced by a redraw while reading or clicking it: look again
            time.sleep(0.2)
    raise AssertionError(f"could not choose {option!r} in {label!r}")


def _websocket_messages(driver) -> int:
    """Messages the page received over Streamlit's websocket since the browser log was last read.

    Reading the log empties it: call :func:`outside_requests` before, for what came earlier.
    """
    import json

    received = 0
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.webSocketFrameReceived":
            received += 1
        elif message.get("method") == "Network.requestWillBeSent":
            host = message["params"]["request"]["url"].split("/")[2].split(":")[0]
            assert host in ("127.0.0.1", "localhost"), message["params"]["request"]["url"]
    return received


def _goes_quiet(driver, window_s: float = 3, timeout_s: float = 45) -> bool:
    """True once the page receives at most two websocket messages in ``window_s``."""
    deadline = time.monotonic() + timeout_s
    _websocket_messages(driver)
    while time.monotonic() < deadline:
        time.sleep(window_s)
        if _websocket_messages(driver) <= 2:
            return True
    return False


# The globe playback reruns a fragment every 0.5 s. It was flaky for two reasons, both fixed:
# - the test raced Streamlit's redraws: it slept 1.5 s after choosing the speed and clicked the first
#   "Play" it found, so on a loaded machine the click could land on a button a full run was replacing
#   (a stale element, or a lost click and a 30 s wait for a readout that never moved); it now retries
#   each step until the page shows it took (``_choose``, ``click``, ``settle``);
# - the page kept rerunning the fragment after the play ended (``run_every`` is fixed when a fragment is
#   declared), re-sending the last globe twice a second for as long as the page was open; every tick aged
#   Streamlit's client cache of large messages, the source of the "Cached ForwardMsg MISS" dialog. The
#   page now makes a full run at the end, and the test checks that it then goes quiet.
def test_profile__7_nov_2025_says_depressed_and_playback_reaches_the_last_record(dashboard) -> None:
    import pandas as pd
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    with chromium(1400, 1300) as driver:
        driver.get(f"{dashboard}/flight?event=2025-11-07-taegwan")
        _wait(driver, DECK_PROBE, lambda v: v["flights"] > 100)
        settle(driver)
        click(driver, "[role='tab']", lambda text: "Trajectory profile" in text)
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
        click(driver, "[role='tab']", lambda text: "Playback" in text)
        _wait(driver, GLOBE_DATE, lambda v: bool(v))
        last_record = _records_end_month(driver)
        assert driver.execute_script(GLOBE_DATE) == last_record  # before a play: the latest month
        _choose(driver, "Speed", "5 years / s")
        for _attempt in range(3):  # a click that a redraw swallowed is clicked again
            click(driver, "button", lambda text: text.endswith("Play"))
            try:
                started = _wait(driver, GLOBE_DATE, lambda v: v != last_record, timeout_s=15)
                break
            except AssertionError:
                continue
        else:
            raise AssertionError("Play never started the playback")
        readouts: list[str] = [last_record, started]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not (
            readouts and readouts[-1] == last_record and len(readouts) > 1
        ):
            value = driver.execute_script(GLOBE_DATE)
            if value and (not readouts or readouts[-1] != value):
                readouts.append(value)
            time.sleep(0.1)
        assert readouts[-1] == last_record and len(readouts) > 5, readouts
        years = [int(text.split()[-1]) for text in readouts[1:]]
        assert years[0] < 1990 and years == sorted(years)  # Play went back to the first record, then forward
        settle(driver)
        _wait(
            driver,
            "return [...document.querySelectorAll('button')].some(b => b.innerText.trim().endsWith('Play'));",
            bool,
        )
        # Ended means quiet: no more fragment runs (before the fix: ~10 messages a second, for ever, the
        # last globe re-sent or referred to on every tick). The closing full run may still be under way on
        # a busy machine: wait for a quiet 3 s, which never came before the fix.
        assert outside_requests(driver) == []
        assert _goes_quiet(driver), "the page kept receiving messages after the play ended"
        assert "ForwardMsg" not in driver.find_element(By.TAG_NAME, "body").text
        assert not driver.find_elements(By.CSS_SELECTOR, '[data-testid="stException"]')
        # Ended means it stays on the last month: a tick the browser sent before it drew the closing run
        # once threw the playhead back to the month where the play began.
        time.sleep(2)
        assert driver.execute_script(GLOBE_DATE) == last_record
        if SCREENS:
            driver.save_screenshot(str(SCREENS / "flight-playback-page.png"))
        # The reader takes the slider one month back: the readout follows it, and stays.
        month_input = driver.find_element(
            By.CSS_SELECTOR, '[data-testid="stSlider"] input[aria-label="Month"]'
        )
        driver.execute_script("arguments[0].focus();", month_input)
        ActionChains(driver).send_keys(Keys.ARROW_LEFT).perform()
        month_before = f"{pd.Timestamp(last_record) - pd.DateOffset(months=1):%B %Y}"
        _wait(driver, GLOBE_DATE, lambda v: v == month_before, timeout_s=30)
        time.sleep(2)
        assert driver.execute_script(GLOBE_DATE) == month_before
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
    """The page's 'Launch events' figure (waited for: a run may be redrawing it)."""
    value = _wait(
        driver,
        "for (const m of document.querySelectorAll('[data-testid=\"stMetric\"]')) {"
        " if (m.innerText.includes('Launch events')) {"
        " const v = m.querySelector('[data-testid=\"stMetricValue\"]'); return v && v.innerText.trim(); } }"
        " return null;",
        lambda v: v.replace(",", "").isdigit(),
        timeout_s=30,
    )
    return int(value.replace(",", ""))


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
        # The play starts at the first record: at 5 years a second a month shows for 17 ms, so the first
        # readout polled (every 0.1 s, slower on a busy machine) may already be a year or two on.
        assert months[0].year <= 1986
        assert months == sorted(months) and len(months) > 10  # … and the readout only moves forward
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


def test_launch_map_timeline__a_filter_change_replaces_it_in_place(dashboard) -> None:
    controls = (
        "for (const f of document.querySelectorAll('iframe')) { try {"
        " const n = f.contentWindow.document.querySelectorAll('.launchmap-playback').length;"
        " if (n) return n; } catch (e) { } } return 0;"
    )
    with chromium(1400, 1100) as driver:
        driver.get(f"{dashboard}/?since=2017-01-01&until=2017-12-31")
        before = _wait(driver, TIMELINE_PROBE, lambda v: v["total"] > 0)
        assert before["date"] == "2017"
        settle(driver)
        _choose(driver, "Period", "All")  # a rerun: the map stays, its layers are swapped
        after = _wait(driver, TIMELINE_PROBE, lambda v: v["total"] != before["total"])
        assert after["total"] == _launch_events_metric(driver) > before["total"]
        assert after["date"].startswith("1984")
        assert driver.execute_script(controls) == 1  # the old timeline went with its layer
        assert outside_requests(driver) == []
        assert _severe(driver) == []
