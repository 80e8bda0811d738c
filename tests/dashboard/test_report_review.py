"""Report to map (#13): reports are queued as drafts, a person accepts, edits or rejects each.

AppTest (no JavaScript) for the page's steps, and one chromium journey: paste three reports,
accept one, edit one, reject one; the launch map shows the two accepted and not the rejected.
Screenshots go to artifacts/screens (or $LAUNCHMAP_SCREENS) to be looked at.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from geodata.store import ReviewQueue, Store
from tests.conftest import FIXTURE_SEEDS, REPO
from tests.reports.test_review import KOREAN

PAGE = str(REPO / "dashboard" / "app_pages" / "report_to_map.py")
REPORTS = REPO / "tests" / "fixtures" / "reports"
# Fixture reports have no dateline; each journey report gets one, as wire copy has.
JOURNEY = {
    "accept": ("SEOUL, March 16, 2023 (Yonhap) -- ", "04-hwasong17-sunan-2023.txt", "2023-03-16-sunan"),
    "edit": ("SEOUL, Jan. 17, 2022 (Yonhap) -- ", "18-kn24-sunan-2022.txt", "2022-01-17-sunan"),
    "reject": ("SEOUL, May 31, 2023 (Yonhap) -- ", "12-chollima-fail-2023.txt", "2023-05-31-sohae"),
}


def journey_text(kind: str) -> str:
    dateline, name, _ = JOURNEY[kind]
    return dateline + (REPORTS / name).read_text(encoding="utf-8")


def queue_pasted(text: str, published: dt.date | None = None) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=90)
    app.run()
    app.text_area(key="report_text").input(text)
    if published is not None:
        app.date_input[0].set_value(published)
    app.run()
    app.button[0].click().run()
    return app


def store() -> Store:
    return Store(os.environ["LAUNCHMAP_DB"])


def test_report_page__pasted_report_waits_as_a_draft_then_accept_saves_it_with_audit() -> None:
    app = queue_pasted(journey_text("accept"))
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert "Queued 1 draft(s) for review" in app.success[0].value
    assert app.text_area(key="report_text").value == ""  # ready for the next report
    assert any('<mark title="site_id"' in m.value for m in app.markdown)
    assert store().launch("2023-03-16-sunan") is None  # nothing saved without a decision
    next(b for b in app.button if b.label == "Accept and save").click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert "Saved as 2023-03-16-sunan" in app.success[0].value
    saved = store().launch("2023-03-16-sunan")
    assert saved["system"] == "Hwasong-17" and saved["report_status"] == "preliminary"
    audit = store().audit()
    decided = audit[(audit["table_name"] == "review_queue") & (audit["action"] == "accepted")]
    assert list(decided["actor"]) == ["report-to-map"]
    assert "Review queue (0 waiting)" in [s.value for s in app.subheader]


def test_report_page__a_report_of_a_stored_launch_shows_its_revision_diff() -> None:
    text = (REPORTS / "06-taegwan-two-sources-2025.txt").read_text(encoding="utf-8")
    app = queue_pasted(text, dt.date(2025, 11, 7))
    assert not app.exception
    assert any("Revision of stored event `2025-11-07-taegwan`" in m.value for m in app.markdown)
    (item,) = ReviewQueue(store()).items()
    assert item["kind"] == "revision" and item["target_id"] == "2025-11-07-taegwan"
    assert any(b.label == "Accept the revision" for b in app.button)
    # the form shows the stored event with the diff applied; a figure typed over is the editor's
    next(n for n in app.number_input if n.label == "Distance (km)").set_value(650.0)
    next(b for b in app.button if b.label == "Accept the revision").click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert "Revised 2025-11-07-taegwan" in app.success[0].value
    revised = store().launch("2025-11-07-taegwan")
    assert (revised["distance_km"], revised["report_status"]) == (650.0, "revised")
    (decided,) = ReviewQueue(store()).items("accepted")
    assert decided["decision"] == "edited" and decided["reason"] == "edited: distance_km=650.0"


def test_report_page__dateline_fills_date_and_outlet_and_a_typo_fix_keeps_the_editors_date() -> None:
    body = (REPORTS / JOURNEY["accept"][1]).read_text(encoding="utf-8")
    app = AppTest.from_file(PAGE, default_timeout=90)
    app.run()
    app.text_area(key="report_text").input("SEOUL, March 16, 2023 (Yonhap) -- " + body).run()
    assert (app.date_input[0].value, app.text_input(key="report_outlet").value) == (
        dt.date(2023, 3, 16),
        "Yonhap",
    )
    app.date_input[0].set_value(dt.date(2023, 3, 17)).run()  # the editor knows better
    app.text_area(key="report_text").input("SEOUL, March 16, 2023 (Yonhap) -- " + body + " ").run()
    assert app.date_input[0].value == dt.date(2023, 3, 17)  # the dateline gives the same: the edit stays
    app.text_area(key="report_text").input("TOKYO, March 18, 2023 (Kyodo) -- " + body).run()
    assert (app.date_input[0].value, app.text_input(key="report_outlet").value) == (
        dt.date(2023, 3, 18),
        "Kyodo",
    )


def test_report_page__text_changed_and_added_in_one_run_is_dated_by_its_own_dateline() -> None:
    # A browser sends an edit and the click together when the button is pressed straight after typing.
    body = (REPORTS / JOURNEY["accept"][1]).read_text(encoding="utf-8")
    app = AppTest.from_file(PAGE, default_timeout=90)
    app.run()
    app.text_area(key="report_text").input("SEOUL, March 16, 2023 (Yonhap) -- " + body).run()
    app.text_area(key="report_text").input("TOKYO, March 17, 2023 (Kyodo) -- " + body)
    app.button[0].click().run()
    assert not app.exception and "Queued 1 draft(s)" in app.success[0].value
    (report,) = ReviewQueue(store()).items()[0]["reports"]
    assert (report["published_on"], report["outlet"]) == ("2023-03-17", "Kyodo")
    assert app.text_area(key="report_text").value == "" and app.date_input[0].value == dt.date.today()


@pytest.mark.parametrize(
    ("text", "kind", "shown"),
    [
        (KOREAN, "error", "this report is in Korean; launchmap extracts English reports only"),
        (
            (REPORTS / "23-no-launch-sohae-imagery.txt").read_text(encoding="utf-8"),
            "warning",
            "no missile launch",
        ),
    ],
)
def test_report_page__unusable_text_gets_a_message_and_queues_nothing(
    text: str, kind: str, shown: str
) -> None:
    app = queue_pasted(text)
    assert not app.exception
    assert any(shown in m.value for m in getattr(app, kind)), [m.value for m in getattr(app, kind)]
    assert ReviewQueue(store()).items() == []
    assert app.text_area(key="report_text").value == text  # kept, so the editor sees what was refused


# --- in chromium -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def review_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A served dashboard on a fresh fixture store, and that store's path (to read what was saved)."""
    from tests.browser.harness import require_browser, served_dashboard

    require_browser()
    path = tmp_path_factory.mktemp("review") / "store.db"
    with served_dashboard(path, seeds=FIXTURE_SEEDS) as base:
        yield base, str(path)


@pytest.mark.browser
@pytest.mark.slow
def test_journey__paste_three_reports_accept_edit_reject_and_see_the_map(review_dashboard, browser) -> None:
    from tests.browser.harness import outside_requests, wait_for_map
    from tests.dashboard.test_journeys import (
        click,
        css,
        exceptions,
        paste_report,
        screenshot,
        settle,
        view_summary,
        wait_heading,
    )

    dashboard = review_dashboard[0]
    browser.get(dashboard + "/report_to_map")
    wait_heading(browser, "Report to map")
    for kind in ("accept", "edit", "reject"):
        paste_report(browser, journey_text(kind))
        click(browser, "button", lambda text: text == "Add to the review queue")
        settle(browser)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not any(
            "Queued 1 draft" in e.text for e in css(browser, "[data-testid='stAlert']")
        ):
            time.sleep(0.2)
    assert exceptions(browser) == []
    wait_for_map(browser, min_paths=3)
    assert "Review queue (3 waiting)" in browser.page_source
    screenshot(browser, "review_queue_three_drafts")

    def press(title_part: str, label: str) -> None:
        """Press ``label`` in the form of the draft whose card title holds ``title_part``."""
        for _attempt in range(5):
            try:
                cards = [c for c in css(browser, "[class*='st-key-review_item_']") if title_part in c.text]
                button = next(
                    b for b in cards[-1].find_elements("css selector", "button") if b.text.strip() == label
                )
                browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
                button.click()
                settle(browser)
                return
            except Exception:  # redrawn while reading it: look again
                time.sleep(0.3)
        raise AssertionError(f"no {label!r} button in a card with {title_part!r}")

    press("2023-03-16", "Accept and save")
    assert any("Saved as 2023-03-16-sunan" in e.text for e in css(browser, "[data-testid='stAlert']"))
    # Edit one: the distance the editor checked against the JCS statement, then accept.
    card = next(c for c in css(browser, "[class*='st-key-review_item_']") if "2022-01-17" in c.text)
    distance = next(
        i
        for i in card.find_elements("css selector", "input")
        if i.get_attribute("aria-label") == "Distance (km)"
    )
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", distance)
    from selenium.webdriver.common.keys import Keys

    distance.send_keys(Keys.CONTROL, "a")
    distance.send_keys("400", Keys.TAB)  # Streamlit takes a typed number when the box loses focus
    time.sleep(0.5)
    press("2022-01-17", "Accept and save")
    press("2023-05-31", "Reject")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and "Review queue (0 waiting)" not in browser.page_source:
        time.sleep(0.2)
    assert "Review queue (0 waiting)" in browser.page_source
    assert any("Rejected draft" in e.text for e in css(browser, "[data-testid='stAlert']"))
    settle(browser)
    time.sleep(1)  # Streamlit drops the decided cards when the run ends
    browser.execute_script("document.querySelector('h3')?.scrollIntoView()")
    screenshot(browser, "review_queue_decided")
    assert exceptions(browser) == []

    saved = Store(review_dashboard[1])
    assert saved.launch("2023-03-16-sunan")["system"] == "Hwasong-17"
    assert saved.launch("2022-01-17-sunan")["distance_km"] == 400.0  # the editor's figure
    assert saved.launch("2023-05-31-sohae") is None
    decisions = [(i["title"][:10], i["decision"]) for i in ReviewQueue(saved).items(None)]
    assert sorted(decisions) == [
        ("2022-01-17", "edited"),
        ("2023-03-16", "accepted"),
        ("2023-05-31", "rejected"),
    ]
    for launch_id, title in (
        ("2023-03-16-sunan", "16 Mar 2023 · Hwasong-17"),
        ("2022-01-17-sunan", "17 Jan 2022"),
    ):
        browser.get(dashboard + f"/?event={launch_id}")
        wait_heading(browser, "North Korean missile launches")
        wait_for_map(browser, min_paths=3)
        settle(browser)
        assert any(title in c for c in view_summary(browser)["card"]), view_summary(browser)["card"]
        screenshot(browser, f"review_map_{launch_id}")
    assert view_summary(browser)["metrics"]["Launch events"] == "5"  # three fixture events + the two accepted
    browser.get(dashboard + "/?event=2023-05-31-sohae")
    wait_heading(browser, "North Korean missile launches")
    settle(browser)
    assert not any("31 May 2023" in c for c in view_summary(browser)["card"])  # the rejected one is not there
    assert outside_requests(browser) == []


def test_report_page__a_second_outlets_copy_joins_the_waiting_draft_with_its_words_marked() -> None:
    from tests.reports.test_review import THREE_OUTLETS, wire

    first, second = (wire(case) for case in THREE_OUTLETS[:2])
    app = queue_pasted(str(first.text), first.published)
    app.text_area(key="report_text").input(str(second.text))
    app.date_input[0].set_value(second.published)
    app.run()
    next(b for b in app.button if b.label == "Add to the review queue").click().run()
    assert not app.exception
    assert "1 waiting draft(s) gained a copy" in app.success[0].value
    (item,) = ReviewQueue(store()).items()
    assert len(item["reports"]) == 2 and len(item["draft"]["sources"]) == 2
    words = [e for e in app.expander if e.label.startswith("Words behind it")]
    assert len(words) == 2
    assert all('<mark title="' in e.markdown[0].value for e in words)


def test_report_page__other_readings_of_the_day_are_flagged_and_marked_in_the_report() -> None:
    from tests.reports.test_readings import KCNA_THURSDAY

    app = queue_pasted(KCNA_THURSDAY, dt.date(2025, 11, 8))
    assert not app.exception and not app.error, [e.value for e in app.error]
    (check,) = [
        w.value.replace("\\", "") for w in app.warning if w.value.startswith("**Check before accepting**")
    ]
    assert check.endswith(
        "- launch day: the report also says 2025-11-06 («Thursday»); the draft has 2025-11-07"
    )
    words = next(e for e in app.expander if e.label.startswith("Words behind it"))
    assert (
        '<mark title="also launch day: 2025-11-06" style="background:transparent;color:inherit;outline:2px dashed #ffe08a">'
        "Thursday</mark>"
    ) in words.markdown[0].value
