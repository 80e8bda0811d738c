"""Every page through Streamlit's AppTest (no JavaScript): filters, figures, URL state, bad parameters."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import FIXTURE_SEEDS

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PAGES = ("launch_map", "history", "range_planner", "report_to_map", "export", "data", "about")


def open_page(page: str = "launch_map", **params: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    if page != "launch_map":
        app.switch_page(f"app_pages/{page}.py")
    return app.run()


def metrics(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def url(app: AppTest) -> dict[str, str]:
    """The query string the page wrote, one value per key."""
    return {k: v if isinstance(v, str) else ",".join(v) for k, v in app.query_params.items()}


def folium_component(app: AppTest) -> dict:
    """The st_folium component's arguments (AppTest renders no JavaScript)."""
    for element in app.main:
        proto = getattr(element, "proto", None)
        if proto is not None and getattr(proto, "component_name", "").endswith("st_folium"):
            return json.loads(proto.json_args)
    raise AssertionError("no st_folium component on the page")


@pytest.mark.parametrize("page", PAGES)
def test_page__renders_without_exception(page: str) -> None:
    app = open_page(page)
    assert not app.exception, [e.message for e in app.exception]
    assert app.title, f"{page} has no title"


def test_launch_map__key_figures_for_all_events() -> None:
    app = open_page()
    assert metrics(app) == {
        "Launch events": "3",
        "Missiles fired": "3",
        "Longest flight": "950 km",
        "Highest apogee": "4,475 km",
    }


def test_launch_map__map_uses_local_assets_and_geojson_layers() -> None:
    args = folium_component(open_page())
    assert all(link.startswith("/app/static/") for link in args["js_links"] + args["css_links"])
    assert "leaflet.js" in " ".join(args["js_links"])
    assert args["feature_group"].count("L.geoJson") >= 2  # sites, tracks and impacts: one layer each
    assert args["returned_objects"] == ["last_object_clicked_popup"]


@pytest.mark.parametrize(
    ("widget", "value", "expected_events"),
    [
        ("System class", ["ICBM"], "1"),
        ("System class", ["SRBM", "SLV"], "2"),
        ("Launch site", ["taegwan"], "1"),
        ("Outcome", ["failure"], "0"),
    ],
)
def test_launch_map__multiselect_filters_change_figures(
    widget: str, value: list[str], expected_events: str
) -> None:
    app = open_page()
    next(m for m in app.multiselect if m.label == widget).set_value(value).run()
    assert metrics(app)["Launch events"] == expected_events


def test_launch_map__distance_filter() -> None:
    app = open_page()
    next(s for s in app.slider if s.label.startswith("Distance")).set_value((800, 1000)).run()
    assert metrics(app)["Launch events"] == "1" and metrics(app)["Longest flight"] == "950 km"


def test_launch_map__custom_period_has_from_and_to_dates() -> None:
    import datetime as dt

    app = open_page()
    next(b for b in app.selectbox if b.label == "Period").set_value("Custom range").run()
    next(d for d in app.date_input if d.label == "From").set_value(dt.date(2017, 1, 1)).run()
    next(d for d in app.date_input if d.label == "To").set_value(dt.date(2018, 1, 1)).run()
    assert metrics(app)["Launch events"] == "1"
    assert url(app)["since"] == "2017-01-01" and url(app)["until"] == "2018-01-01"


def test_launch_map__filters_are_written_to_the_url() -> None:
    app = open_page()
    next(m for m in app.multiselect if m.label == "System class").set_value(["ICBM"]).run()
    assert url(app)["class"] == "ICBM"


def test_launch_map__url_reproduces_the_view() -> None:
    app = open_page(**{"class": "SRBM,ICBM", "since": "2017-01-01", "until": "2025-12-31"})
    assert metrics(app)["Launch events"] == "2"
    assert not app.warning


def test_launch_map__url_event_opens_its_card_with_both_sources() -> None:
    app = open_page(event="2025-11-07-taegwan")
    assert any("Unknown SRBM" in s.value for s in app.subheader)
    assert any("disagree on distance" in w.value for w in app.warning)
    table = app.dataframe[0].value
    assert set(table["Source"]) == {"ROK JCS", "Japan MoD"}
    assert "None" not in table.drop(columns=["Link"]).to_string() and "published_on" not in table.columns
    assert any("needs both apogee and distance" in i.value for i in app.info)  # JCS gave no apogee
    assert "12:35 KST" in " ".join(m.value for m in app.markdown)
    assert any("typical heading for the East Sea" in c.value for c in app.caption)


def test_launch_map__lofted_event_card_shows_equivalent_range() -> None:
    app = open_page(event="2017-11-28-sunan")
    text = " ".join(m.value for m in app.markdown)
    assert "lofted" in text
    assert re.search(r"≈ (9,9\d\d|10,0\d\d) km", text)  # ≈ 10,000 km from 4,475 km apogee and 950 km


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"event": "no-such-event"}, "no launch event with id"),
        ({"class": "ABM"}, "unknown value(s) in URL parameter `class`"),
        ({"since": "yesterday-ish"}, "since"),
        ({"dist": "lots"}, "dist"),
        ({"period": "decade"}, "period"),
        ({"since": "2025-01-01", "until": "2020-01-01"}, "since is after until"),
    ],
)
def test_launch_map__bad_url_parameter_is_a_notice_not_a_crash(params: dict[str, str], notice: str) -> None:
    app = open_page(**params)
    assert not app.exception
    assert any(notice in w.value for w in app.warning), [w.value for w in app.warning]
    assert metrics(app)["Launch events"] == "3"


def test_launch_map__embed_view_hides_chrome_and_credits() -> None:
    app = open_page(view="embed", title="Launches <script>")
    assert not app.metric
    assert any("Launches \\<script\\>" in m.value for m in app.markdown)
    assert any("Natural Earth" in c.value for c in app.caption)


def test_launch_map__card_shows_stored_markup_as_text(tmp_path: Path) -> None:
    from geodata.store import Store

    store = Store(tmp_path / "app.db")
    store.seed(FIXTURE_SEEDS)
    store.update_launch("2025-11-07-taegwan", {"notes": "![p](http://outside.example/p.png) <img src=x>"})
    app = open_page(event="2025-11-07-taegwan")
    (note,) = [c.value for c in app.caption if "p\\.png" in c.value]
    assert note.startswith("\\!\\[p\\]\\(") and "\\<img" in note


def test_history__table_and_download() -> None:
    app = open_page("history")
    assert len(app.dataframe[0].value) == 3
    next(m for m in app.multiselect if m.label == "System class").set_value(["ICBM"]).run()
    assert list(app.dataframe[0].value["id"]) == ["2017-11-28-sunan"]


def test_range_planner__typed_ranges_and_url() -> None:
    app = open_page("range_planner", origin="sohae", ranges="700km,435mi")
    assert not app.exception
    assert url(app)["origin"] == "sohae"
    table = app.dataframe[0].value
    assert (table["distance_km"] <= 700.1).all() and "Pyongyang" in set(table["name"])
    assert "within 700 km" in table.columns


def test_range_planner__coordinate_origin_anywhere() -> None:
    app = open_page("range_planner", origin="-33.87,151.21", ranges="1000km")
    assert not app.exception
    assert "Canberra" in set(app.dataframe[0].value["name"])


def test_range_planner__bad_range_and_origin_are_explained() -> None:
    app = open_page("range_planner", origin="atlantis", ranges="700 parsecs,25000km")
    assert not app.exception
    assert any("origin" in w.value for w in app.warning)
    assert len(app.error) == 2


def test_data__form_adds_a_launch_with_audit() -> None:
    app = open_page("data")
    id_input = next(t for t in app.text_input if t.label == "ID")
    id_input.set_value("2025-11-20-sunan")
    next(t for t in app.text_input if t.label == "Who said it").set_value("ROK JCS")
    next(b for b in app.button if b.label == "Save").click().run()
    assert any("Added 2025-11-20-sunan" in s.value for s in app.success), [e.value for e in app.error]


def test_data__form_rejects_a_launch_without_source() -> None:
    app = open_page("data")
    next(t for t in app.text_input if t.label == "ID").set_value("2025-11-21-sunan")
    next(b for b in app.button if b.label == "Save").click().run()
    assert any("needs a source" in e.value for e in app.error)


def test_about__what_if_reproduces_hwasong15() -> None:
    app = open_page("about")
    values = metrics(app)
    assert values["Trajectory"] == "lofted"
    assert values["Burnout speed"].startswith("7.")


def test_export__opens_on_the_event_linked_from_its_card() -> None:
    app = open_page("export", event="2025-11-07-taegwan")
    assert not app.exception
    assert next(b for b in app.selectbox if b.label == "Events").value == "2025-11-07-taegwan"
    assert not app.warning


def test_data__second_editor_is_told_and_keeps_what_was_typed() -> None:
    """Two editors on one launch (#16): the one whose form was opened on an older version is refused."""
    import os

    from geodata.store import Store

    app = open_page("data")
    app.selectbox(key="edit_choice").set_value("2025-11-07-taegwan").run()
    distance = next(n for n in app.number_input if n.label.startswith("Distance"))
    distance.set_value(720.0)
    colleague = Store(os.environ["LAUNCHMAP_DB"])  # saves first, while this form is open
    colleague.update_launch("2025-11-07-taegwan", {"apogee_km": 55.0}, actor="colleague", user="kim")
    next(b for b in app.button if b.label == "Save").click().run()
    assert not app.exception
    assert any("was changed by kim" in w.value and "Nothing was saved" in w.value for w in app.warning)
    stored = colleague.launch("2025-11-07-taegwan")
    assert stored is not None and stored["distance_km"] == 700.0 and stored["apogee_km"] == 55.0
    assert next(n for n in app.number_input if n.label.startswith("Distance")).value == 720.0  # typed, kept
    next(b for b in app.button if b.label == "Save mine on top").click().run()
    stored = colleague.launch("2025-11-07-taegwan")
    assert stored is not None and (stored["distance_km"], stored["apogee_km"]) == (
        720.0,
        55.0,
    )  # both edits kept


def test_report_to_map__dateline_sets_publication_date_and_outlet() -> None:
    import datetime as dt

    app = open_page("report_to_map")
    app.text_area(key="report_text").set_value(
        "SEOUL, Nov. 7, 2025 (Yonhap) -- North Korea fired a short-range ballistic missile into the East Sea on "
        "Friday, flying about 700 km, South Korea's Joint Chiefs of Staff said."
    ).run()
    assert not app.exception
    assert app.date_input[0].value == dt.date(2025, 11, 7)
    assert next(t for t in app.text_input if t.label == "Outlet").value == "Yonhap"


def test_launch_map__disagreeing_sources_draw_an_impact_band() -> None:
    """Issue #14: JCS 700 km vs Japan 450 km is a band on the map, not one point."""
    app = open_page("launch_map", event="2025-11-07-taegwan")
    assert not app.exception
    assert "impact-band" in folium_component(app)["feature_group"]


def test_launch_map__a_satellite_launch_draws_no_band() -> None:
    app = open_page("launch_map", event="2012-12-12-sohae")  # an SLV: its distance is not a range
    assert not app.exception
    assert "impact-band" not in folium_component(app)["feature_group"]


def test_launch_map__card_counts_the_people_within_the_system_s_range() -> None:
    app = open_page("launch_map", event="2017-11-28-sunan")  # Hwasong-15: a published range
    assert not app.exception
    assert any(e.label == "People within range of this system" for e in app.expander)
    assert any("people in" in m.value for m in app.markdown)


def test_range_planner__people_within_each_ring_as_a_figure() -> None:
    app = open_page("range_planner", origin="sohae", ranges="1,000 km, 5,500 km")
    assert not app.exception
    lines = [m.value for m in app.markdown if "people in" in m.value]
    assert len(lines) == 2 and "1,000 km" in lines[0] and "5,500 km" in lines[1]
    largest = metrics(app)["People living in cities within the largest ring"]
    assert f"{largest} people" in lines[1]  # one count of the same cities, not two
