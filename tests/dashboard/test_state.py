"""View state as a person meets it (issue #11): returning to a page, filters across pages, shared links.

Each test here failed before ``dashboard.state`` owned widget state and the URL.
"""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from tests.dashboard.test_pages import PAGES, folium_component, metrics, open_page, url

FILTER_PAGES = ("launch_map", "history", "export")


def headings(app: AppTest) -> list[str]:
    """The subheaders as a reader sees them (stored names are escaped for markdown: ``Hwasong\\-15``)."""
    return [s.value.replace("\\", "") for s in app.subheader]


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
    assert any("Hwasong-15" in h for h in headings(again))


def test_shared_link__changed_url_in_the_same_session_is_followed() -> None:
    # A page link ("Other launches of this system") or Back changes the URL: the card follows it.
    app = open_page(event="2017-11-28-sunan")
    app.query_params["event"] = "2025-11-07-taegwan"
    app.run()
    assert any("Unknown SRBM" in h for h in headings(app))
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
    assert not any("Hwasong-15" in h for h in headings(app))


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


# --- the other page items of issue #11 / #12 -------------------------------------------------------


@pytest.mark.parametrize("typed", ["1,000 km", "1,000km; 621 mi", "1000"])
def test_range_planner__thousands_separator_is_one_ring(typed: str) -> None:
    app = open_page("range_planner", origin="sohae", ranges=typed)
    assert not app.error, [e.value for e in app.error]
    table = app.dataframe[0].value
    assert any(c.startswith("within 1,000 km") or c == "within 1000 km" for c in table.columns), table.columns
    assert not any(c in table.columns for c in ("within 1 km", "within 500 km", "within 13 km"))
    assert any("(1,000 km)" in s.value for s in app.subheader)


def test_export__thousands_separator_is_one_ring() -> None:
    app = open_page("export", ring_ranges="1,000 km")
    assert not app.warning, [w.value for w in app.warning]
    assert any("1,000 km" in c.value and c.value.count("km") == 1 for c in app.caption)


def test_range_planner__icbm_ring_lists_tokyo_guam_washington_once() -> None:
    app = open_page("range_planner", origin="sohae", ranges="13,000 km")
    table = app.dataframe[0].value
    for name in ("Tokyo", "Washington"):
        rows = table[table["name"] == name]
        assert len(rows) == 1 and rows["population"].iloc[0] > 0, rows
    drawn = folium_component(app)["feature_group"]  # the map marks them, not only the ~300 nearest
    assert "Tokyo" in drawn and "Washington" in drawn


def test_range_planner__find_a_place_and_measure_a_distance() -> None:
    app = open_page("range_planner", origin="sohae", ranges="5500km", find="Honolulu", to="Washington")
    assert not app.error, [e.value for e in app.error]
    found = app.dataframe[0].value
    assert found["name"].iloc[0] == "Honolulu" and not found["within 5,500 km"].iloc[0]
    distance = metrics(app)["Distance (geodesic)"]
    assert 10_500 < int(distance.replace(",", "").split()[0]) < 11_500


def test_embed__shows_the_chosen_launch_and_the_credit() -> None:
    app = open_page(view="embed", event="2017-11-28-sunan", credit="Yonhap graphics")
    assert any(m.value.startswith("### ") and "Hwasong" in m.value for m in app.markdown)
    caption = " ".join(c.value for c in app.caption)
    assert "Yonhap graphics" in caption and "1 launch event" in caption and "Records to" in caption


def test_launch_map__offers_an_embed_snippet() -> None:
    app = open_page(event="2017-11-28-sunan")
    snippet = next(c.value for c in app.code if "<iframe" in c.value)
    assert "view=embed" in snippet and "event=2017-11-28-sunan" in snippet


@pytest.mark.parametrize(("params", "name"), [({"preset": "9x16"}, "preset"), ({"style": "neon"}, "style")])
def test_export__bad_preset_or_style_is_a_notice(params: dict[str, str], name: str) -> None:
    app = open_page("export", **params)
    assert not app.exception
    assert any(f"`{name}`: {params[name]}" in w.value for w in app.warning), [w.value for w in app.warning]


def test_about__short_range_what_if_has_no_error_and_preset_follows_edits() -> None:
    app = open_page("about")
    next(n for n in app.number_input if n.label == "Apogee (km)").set_value(50.0).run()
    next(n for n in app.number_input if n.label == "Distance flown (km)").set_value(350.0).run()
    assert not app.error, [e.value for e in app.error]
    assert metrics(app)["Trajectory"] == "depressed"
    assert next(s for s in app.selectbox if s.label == "Start from a past test").value == ""


def test_card__status_and_revision_with_the_old_figure(tmp_path) -> None:
    from geodata.store import Store
    from tests.conftest import FIXTURE_SEEDS

    store = Store(tmp_path / "app.db")
    store.seed(FIXTURE_SEEDS)
    store.update_launch("2025-11-07-taegwan", {"distance_km": 720.0})
    app = open_page(event="2025-11-07-taegwan")
    text = " ".join(m.value for m in app.markdown)
    assert "Report status" in text
    assert "Revised on" in text and "720 km" in text and "was 700 km" in text


def test_card__partial_failure_says_how_many_failed(tmp_path) -> None:
    from geodata.store import Store
    from tests.conftest import FIXTURE_SEEDS

    store = Store(tmp_path / "app.db")
    store.seed(FIXTURE_SEEDS)
    store.update_launch("2025-11-07-taegwan", {"count": 3, "outcome": "partial", "failed_count": 1})
    app = open_page(event="2025-11-07-taegwan")
    assert "partial failure: 1 of 3 missiles failed" in " ".join(m.value for m in app.markdown)


def test_data__lists_events_still_preliminary_after_n_days(tmp_path) -> None:
    from geodata.store import Store
    from tests.conftest import FIXTURE_SEEDS

    store = Store(tmp_path / "app.db")
    store.seed(FIXTURE_SEEDS)
    store.update_launch("2025-11-07-taegwan", {"report_status": "preliminary"})
    app = open_page("data")
    assert any("1 event(s) still preliminary" in w.value for w in app.warning)
    next(n for n in app.number_input if n.label.startswith("Preliminary for more")).set_value(3650).run()
    assert not any("still preliminary after 3650" in w.value for w in app.warning)


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ({"selection": {"years": {"year": [2016.2, 2017.8]}}}, (2016, 2018)),
        ({"selection": {"years": {"year": [2022, 2022]}}}, (2022, 2022)),
        ({"selection": {"years": {}}}, None),
        ({"selection": {}}, None),
        (None, None),
    ],
)
def test_year_strip__a_brush_is_whole_years(state, expected) -> None:
    from dashboard.filters import brushed_years

    assert brushed_years(state) == expected


def test_year_strip__drawn_under_the_map_and_a_brush_sets_a_custom_period() -> None:
    import datetime as dt

    from dashboard.filters import brush_period

    app = open_page()
    assert not app.exception
    assert any("drag across the strip" in c.value for c in app.caption)
    values = brush_period({"selection": {"years": {"year": [2017.0, 2017.0]}}}, dt.date(2026, 11, 26))
    assert values["f_since"] == dt.date(2017, 1, 1) and values["f_until"] == dt.date(2017, 12, 31)
    for key, value in values.items():  # what the strip's callback does before the rerun
        app.session_state[key] = value
    app.run()
    assert not app.exception
    assert metrics(app)["Launch events"] == "1" and url(app).get("since") == "2017-01-01"
