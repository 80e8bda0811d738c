"""View state as a person meets it (issue #11): returning to a page, filters across pages, shared links.

Each test here failed before ``dashboard.state`` owned widget state and the URL.
"""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from tests.dashboard.test_pages import PAGES, metrics, open_page, url

FILTER_PAGES = ("launch_map", "history", "export")


def switch(app: AppTest, page: str) -> AppTest:
    """What the sidebar does: another page, and the query string cleared."""
    for key in list(app.query_params):
        del app.query_params[key]
    return app.switch_page(f"app_pages/{page}.py").run()


def distance_slider(app: AppTest):
    return next(s for s in app.slider if s.label.startswith("Distance"))


@pytest.mark.parametrize("page", FILTER_PAGES)
@pytest.mark.parametrize("other", ["about", "data", "range_planner"])
def test_page_return__filters_survive_a_visit_to_another_page(page: str, other: str) -> None:
    # Issue #11: "TypeError: 'int' object is not iterable" on coming back, and the filters lost.
    app = open_page(page)
    distance_slider(app).set_value((800, 1000)).run()
    next(m for m in app.multiselect if m.label == "System class").set_value(["ICBM"]).run()
    switch(app, other)
    assert not app.exception, [e.message for e in app.exception]
    switch(app, page)
    assert not app.exception, [e.message for e in app.exception]
    assert distance_slider(app).value == (800, 1000)
    assert next(m for m in app.multiselect if m.label == "System class").value == ["ICBM"]
    assert url(app)["class"] == "ICBM" and url(app)["dist"] == "800-1000"


def test_filters__set_on_the_map_apply_on_history() -> None:
    app = open_page()
    next(m for m in app.multiselect if m.label == "System class").set_value(["ICBM"]).run()
    switch(app, "history")
    assert list(app.dataframe[0].value["id"]) == ["2017-11-28-sunan"]
    assert url(app)["class"] == "ICBM"


def test_page_round_trip__every_pair_of_pages_without_exception() -> None:
    app = open_page()
    for page in PAGES:
        for other in PAGES:
            if other != page:
                switch(app, other)
                switch(app, page)
                assert not app.exception, (page, other, [e.message for e in app.exception])


def test_shared_link__rings_off_is_in_the_url_and_reopens_off() -> None:
    app = open_page(event="2017-11-28-sunan")
    toggle = next(t for t in app.toggle if t.label.startswith("Show range rings"))
    assert toggle.value is True
    toggle.set_value(False).run()
    assert url(app)["rings"] == "off"
    again = open_page(**url(app))  # the link in a fresh session
    assert next(t for t in again.toggle if t.label.startswith("Show range rings")).value is False
    assert any("Hwasong-15" in s.value for s in again.subheader)


def test_shared_link__changed_url_in_the_same_session_is_followed() -> None:
    # A page link ("Other launches of this system") or Back changes the URL: the card follows it.
    app = open_page(event="2017-11-28-sunan")
    app.query_params["event"] = "2025-11-07-taegwan"
    app.run()
    assert any("Unknown SRBM" in s.value for s in app.subheader)
    assert url(app)["event"] == "2025-11-07-taegwan"


def test_shared_link__filters_and_event_survive_a_page_switch() -> None:
    app = open_page(**{"class": "ICBM", "event": "2017-11-28-sunan", "rings": "off"})
    switch(app, "about")
    switch(app, "launch_map")
    assert url(app) == {"class": "ICBM", "event": "2017-11-28-sunan", "rings": "off"}
    assert metrics(app)["Launch events"] == "1"


def test_clear_selection__removes_the_event_from_url_and_card() -> None:
    app = open_page(event="2017-11-28-sunan")
    next(b for b in app.button if b.label == "Clear selection").click().run()
    assert "event" not in url(app)
    assert not any("Hwasong-15" in s.value for s in app.subheader)


def test_period_preset__last_12_months_from_the_url() -> None:
    app = open_page(period="12m")
    assert not app.warning
    assert next(b for b in app.selectbox if b.label == "Period").value == "Last 12 months"


@pytest.mark.parametrize("period", ["30d", "year"])
def test_period_preset__empty_says_where_the_records_end(period: str) -> None:
    app = open_page(period=period)
    (notice,) = [i.value for i in app.info if "records end" in i.value]
    assert "07 Nov 2025" in notice


def test_custom_period__from_after_to_is_explained() -> None:
    app = open_page(since="2017-01-01", until="2018-01-01")
    assert metrics(app)["Launch events"] == "1"
    next(d for d in app.date_input if d.label == "From").set_value(dt.date(2019, 1, 1)).run()
    assert any("'From' is after 'To'" in w.value for w in app.warning)


@pytest.mark.parametrize("page", PAGES)
def test_every_page__says_how_current_the_records_are(page: str) -> None:
    app = open_page(page)
    assert any("Records to 7 Nov 2025" in c.value for c in app.caption), [c.value for c in app.caption]
