"""Journeys a person takes through the served dashboard, in one headless chromium session (issue #11).

One served app for the module, one browser per journey group. Screenshots of each journey go to
/work/staging/screens/ (or $LAUNCHMAP_SCREENS) to be looked at; nothing here asserts a time.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.harness import chromium, require_browser, wait_for_map
from tests.conftest import REPO

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SCREENS = Path(os.environ.get("LAUNCHMAP_SCREENS", REPO / "artifacts" / "screens"))
PAGES = {  # url path -> sidebar title and page heading
    "": ("Launch map", "North Korean missile launches"),
    "history": ("History", "Launch history"),
    "range_planner": ("Range planner", "Range planner"),
    "report_to_map": ("Report to map", "Report to map"),
    "export": ("Export", "Export"),
    "data": ("Data", "Data"),
    "about": ("About & methods", "About launchmap"),
}


# --- helpers ------------------------------------------------------------------------------------


def css(driver, selector: str) -> list:
    return driver.find_elements("css selector", selector)


def settle(driver, timeout_s: float = 30) -> None:
    """Wait until Streamlit has finished the run (no 'running' status, no placeholder, the app rendered)."""
    deadline = time.monotonic() + timeout_s
    time.sleep(0.3)
    while time.monotonic() < deadline:
        state = driver.execute_script(
            "const w = document.querySelector('[data-testid=\"stStatusWidget\"]');"
            "return [!!document.querySelector('[data-testid=\"stAppViewContainer\"]'), w ? w.innerText : '',"
            " document.querySelectorAll('[data-testid=\"stSkeleton\"]').length];"
        )
        # A run shows 'Running…' and a Stop button in the status widget ('Stop' alone on a phone).
        running = "Running" in state[1] or "Stop" in state[1]
        if state[0] and not running and not state[2] and css(driver, "h1"):
            time.sleep(0.2)
            return
        time.sleep(0.15)
    raise AssertionError("the app did not finish its run")


def heading(driver) -> str:
    try:
        return css(driver, "h1")[0].text.strip() if css(driver, "h1") else ""
    except Exception:  # the heading was replaced while reading it
        return ""


def wait_heading(driver, expected: str, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and heading(driver) != expected:
        time.sleep(0.1)
    settle(driver)


def exceptions(driver) -> list[str]:
    return [e.text[:300] for e in css(driver, "[data-testid='stException']")]


def screenshot(driver, name: str) -> Path:
    SCREENS.mkdir(parents=True, exist_ok=True)
    path = SCREENS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def click(driver, selector: str, matches, timeout_s: float = 30) -> str:
    """Click the first enabled ``selector`` element whose text ``matches``, retrying while Streamlit redraws it."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            for element in css(driver, selector):
                text = element.text.strip()
                if matches(text) and element.is_enabled():  # a button waiting for its rerun is disabled
                    element.click()
                    return text
        except Exception:  # replaced while reading or clicking it: look again
            pass
        time.sleep(0.15)
    raise AssertionError(f"nothing to click: {selector}")


def paste_report(driver, text: str, timeout_s: float = 20) -> None:
    """Put ``text`` in the page's first text box as a paste does (React sees the input), then leave it."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and not css(driver, "textarea"):
        time.sleep(0.1)
    area = css(driver, "textarea")[0]
    driver.execute_script(
        "const a = arguments[0]; const set = Object.getOwnPropertyDescriptor("
        "HTMLTextAreaElement.prototype, 'value').set; set.call(a, arguments[1]);"
        "a.dispatchEvent(new Event('input', {bubbles: true}));",
        area,
        text,
    )
    area.send_keys(" ")
    driver.execute_script("arguments[0].blur()", area)
    settle(driver)


def sidebar_link(driver, title: str, timeout_s: float = 15):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            for link in css(driver, "[data-testid='stSidebar'] a"):
                if link.text.strip() == title:
                    return link
        except Exception:  # the sidebar was redrawn while reading it
            pass
        time.sleep(0.1)
    raise AssertionError(f"no sidebar link {title!r}")


def query(driver) -> dict[str, str]:
    from urllib.parse import parse_qsl, urlsplit

    return dict(parse_qsl(urlsplit(driver.current_url).query))


def view_summary(driver) -> dict:
    """What a person sees of the launch map view: figures, the card's title, the rings toggle."""
    metrics = {
        m.find_element("css selector", "[data-testid='stMetricLabel']").text: m.find_element(
            "css selector", "[data-testid='stMetricValue']"
        ).text
        for m in css(driver, "[data-testid='stMetric']")
    }
    card = [h.text for h in css(driver, "h3")]
    toggles = driver.execute_script(
        'return [...document.querySelectorAll(\'[data-testid="stCheckbox"] input, '
        "[data-testid=\"stToggle\"] input')].map(i => [i.closest('label')?.innerText || '', i.checked]);"
    )
    return {"metrics": metrics, "card": card, "toggles": toggles}


# --- journeys -----------------------------------------------------------------------------------


def test_journey__sidebar_across_every_pair_of_pages_and_back(dashboard: str, browser) -> None:
    browser.get(dashboard + "/?class=ICBM&dist=800-1000")
    wait_heading(browser, PAGES[""][1])
    # A tour of the complete directed graph of pages: every ordered pair (a -> b) is one click.
    paths = list(PAGES)
    tour = [paths[0]]
    remaining = set(itertools.permutations(paths, 2))
    while remaining:
        here = tour[-1]
        nxt = next((b for (a, b) in sorted(remaining) if a == here), None)
        if nxt is None:  # stuck: jump along any remaining edge's start
            nxt = sorted(remaining)[0][0]
        else:
            remaining.discard((here, nxt))
        tour.append(nxt)
    for previous, path in itertools.pairwise(tour):
        sidebar_link(browser, PAGES[path][0]).click()
        wait_heading(browser, PAGES[path][1])
        assert heading(browser) == PAGES[path][1], (previous, path, heading(browser))
        assert exceptions(browser) == [], (previous, path, exceptions(browser))
    sidebar_link(browser, "Launch map").click()
    wait_heading(browser, PAGES[""][1])
    assert query(browser).get("class") == "ICBM" and query(browser).get("dist") == "800-1000"
    assert view_summary(browser)["metrics"]["Launch events"] == "1"
    screenshot(browser, "journey_pages_tour_end")


def test_journey__shared_link_reopens_the_same_view(dashboard: str, browser) -> None:
    link = dashboard + "/?class=ICBM&event=2017-11-28-sunan&rings=off"
    browser.get(link)
    wait_for_map(browser, min_paths=3)
    settle(browser)
    first = view_summary(browser)
    assert first["metrics"]["Launch events"] == "1"
    assert any("Hwasong-15" in c for c in first["card"])
    assert any("range rings" in label and checked is False for label, checked in first["toggles"])
    screenshot(browser, "journey_shared_link")
    # Move around: another page, then Back.
    sidebar_link(browser, "History").click()
    wait_heading(browser, PAGES["history"][1])
    assert query(browser).get("class") == "ICBM"
    browser.back()
    wait_heading(browser, PAGES[""][1])
    wait_for_map(browser, min_paths=3)
    assert query(browser).get("event") == "2017-11-28-sunan" and query(browser).get("rings") == "off"
    assert view_summary(browser) == first
    # A fresh session (a colleague opening the link): the same view.
    with chromium() as other:
        other.get(link)
        wait_for_map(other, min_paths=3)
        settle(other)
        assert view_summary(other) == first


CLICK_LAST_FEATURE = """
for (const f of document.querySelectorAll('iframe')) { try {
  const d = f.contentWindow.document; const paths = d.querySelectorAll('path.leaflet-interactive');
  if (!paths.length) continue;
  const el = paths[paths.length - 1]; const r = el.getBoundingClientRect();
  el.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2}));
  return true; } catch (e) {} }
return false;
"""


def test_journey__map_click_then_clear_then_back(dashboard: str, browser) -> None:
    # Issue #11: after a map click, "Clear selection" did nothing (the old click re-selected).
    browser.get(dashboard + "/?class=ICBM")
    wait_heading(browser, PAGES[""][1])
    wait_for_map(browser, min_paths=3)
    time.sleep(0.5)
    assert browser.execute_script(CLICK_LAST_FEATURE)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and "event" not in query(browser):
        time.sleep(0.1)
    settle(browser)
    assert query(browser)["event"] == "2017-11-28-sunan"
    assert any("Hwasong-15" in c for c in view_summary(browser)["card"])
    next(b for b in css(browser, "button") if b.text.strip() == "Clear selection").click()
    time.sleep(2.5)  # long enough for a stale click to come back, as it did
    settle(browser)
    assert "event" not in query(browser)
    assert not any("Hwasong-15" in c for c in view_summary(browser)["card"])
    browser.back()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and "event" not in query(browser):
        time.sleep(0.1)
    settle(browser)
    assert query(browser).get("event") == "2017-11-28-sunan"
    wait_for_map(browser, min_paths=3)
    assert any("Hwasong-15" in c for c in view_summary(browser)["card"])
    screenshot(browser, "journey_click_clear_back")


def test_journey__typed_ranges_with_thousands_separators_and_units(dashboard: str, browser) -> None:
    browser.get(dashboard + "/range_planner?origin=sohae")
    wait_heading(browser, "Range planner")
    box = next(i for i in css(browser, "input") if i.get_attribute("aria-label") == "Typed ranges")
    box.clear()
    box.send_keys("1,000 km; 435 mi, 13,000km\n")
    settle(browser)
    wait_for_map(browser, min_paths=3)
    labels = browser.execute_script(
        "for (const f of document.querySelectorAll('iframe')) { try { const d = f.contentWindow.document;"
        " const l = [...d.querySelectorAll('.ring-label')].map(e => e.innerText); if (l.length) return l; }"
        " catch (e) {} } return [];"
    )
    assert {"1,000 km", "700 km", "13,000 km"} <= set(labels), labels
    assert not [e for e in css(browser, "[data-testid='stAlert']") if "Range not drawn" in e.text]
    assert query(browser)["ranges"] == "1,000 km; 435 mi, 13,000km"
    screenshot(browser, "journey_typed_ranges")


def test_journey__report_to_saved_event_to_png_and_svg(dashboard: str, browser, tmp_path: Path) -> None:
    browser.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    browser.get(dashboard + "/report_to_map")
    wait_heading(browser, "Report to map")
    paste_report(
        browser, (REPO / "tests" / "fixtures" / "reports" / "04-hwasong17-sunan-2023.txt").read_text()
    )
    # #13: a pasted report waits as a draft until someone accepts it
    click(browser, "button", lambda text: text == "Add to the review queue")
    settle(browser)
    click(browser, "button", lambda text: text == "Accept and save")
    settle(browser)
    screenshot(browser, "journey_report_saved")
    link_text = click(browser, "a", lambda text: "on the launch map" in text)
    saved_id = link_text.split("Open ", 1)[1].split(" on the launch map")[0]
    settle(browser)
    wait_for_map(browser, min_paths=3)
    assert query(browser)["event"] == saved_id
    assert exceptions(browser) == []
    screenshot(browser, "journey_report_on_map")
    click(browser, "a", lambda text: text == "Export this launch")
    wait_heading(browser, "Export")
    assert query(browser)["event"] == saved_id
    for label in ("PNG still", "SVG still"):
        click(browser, "button", lambda text, label=label: text == label)
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline:
        done = [p for p in tmp_path.iterdir() if p.suffix in (".png", ".svg")]
        if len(done) == 2:
            break
        time.sleep(0.3)
    files = {p.suffix: p for p in tmp_path.iterdir()}
    assert files[".png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = files[".svg"].read_text()
    assert "<svg" in svg and ("Hwasong" in svg or "Hwasong" in saved_id or "sunan" in saved_id)
    assert len(files[".png"].read_bytes()) > 50_000
    screenshot(browser, "journey_export")


# --- phone, dark ----------------------------------------------------------------------------------

LEGEND_CONTRAST = """
function lum(c) { const m = c.match(/[\\d.]+/g).map(Number); const [r, g, b] = m.slice(0, 3).map(v => {
  v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b; }
for (const f of document.querySelectorAll('iframe')) { try {
  const d = f.contentWindow.document; const legend = d.querySelector('.launchmap-legend');
  if (!legend) continue;
  const fg = getComputedStyle(legend).color, bg = getComputedStyle(legend).backgroundColor;
  const a = lum(fg), b = lum(bg);
  const box = legend.getBoundingClientRect(), map = d.querySelector('.leaflet-container').getBoundingClientRect();
  return {fg, bg, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
          share: (box.width * box.height) / (map.width * map.height)};
} catch (e) {} }
return null;
"""


@pytest.fixture(scope="module")
def phone_dark() -> Iterator[object]:
    require_browser()
    with chromium(width=390, height=844) as driver:
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True},
        )
        driver.execute_cdp_cmd(
            "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]}
        )
        yield driver


@pytest.mark.parametrize("path", list(PAGES))
def test_phone_dark__each_page_is_legible(dashboard: str, phone_dark, path: str) -> None:
    phone_dark.get(f"{dashboard}/{path}" + ("?event=2017-11-28-sunan" if path == "" else ""))
    wait_heading(phone_dark, PAGES[path][1])
    settle(phone_dark)  # the screenshot shows the page, not its loading placeholders
    if path in ("", "about"):
        wait_for_map(phone_dark, min_paths=1)
        time.sleep(0.5)
    screenshot(phone_dark, f"phone_dark_{path or 'launch_map'}")
    assert exceptions(phone_dark) == []
    body = phone_dark.execute_script(
        "return getComputedStyle(document.querySelector('.stApp')).backgroundColor"
    )
    assert max(int(v) for v in body[body.index("(") + 1 : -1].split(",")[:3]) < 60, body  # the dark theme
    sidebar = phone_dark.execute_script(
        "const s = document.querySelector('[data-testid=\"stSidebar\"]');"
        "return s ? [s.getAttribute('aria-expanded'), s.getBoundingClientRect().right] : null;"
    )
    assert sidebar is None or sidebar[0] == "false" or sidebar[1] <= 0, sidebar  # closed on a phone
    if path == "":
        phone_dark.execute_script("document.querySelector('iframe').scrollIntoView()")
        time.sleep(0.5)
        screenshot(phone_dark, "phone_dark_launch_map_map")
        legend = phone_dark.execute_script(LEGEND_CONTRAST)
        assert legend is not None
        assert legend["ratio"] >= 4.5, legend  # WCAG AA for small text
        assert legend["share"] < 0.25, legend  # the legend leaves the map free
