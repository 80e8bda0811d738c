"""Validation of launch rows: a table of good and bad rows, each bad one naming its problem."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from geodata.events import (
    choose_headline,
    disagreements,
    filter_launches,
    launches_frame,
    sources_frame,
    validate_launches,
    validate_sources,
)

GOOD_ROW = {
    "id": "2025-11-07-taegwan",
    "launched_at": "2025-11-07T03:35:00Z",
    "launched_at_precision": "minute",
    "site_id": "taegwan",
    "lat": "40.21",
    "lon": "125.20",
    "system": "Unknown SRBM",
    "system_class": "SRBM",
    "count": "1",
    "distance_km": "700",
    "impact_basis": "estimated",
    "outcome": "success",
    "confirmation": "confirmed",
}
SITES = {"taegwan", "sunan"}
SYSTEMS = {"Unknown SRBM", "Hwasong-15"}
NOW = pd.Timestamp("2026-11-24", tz="UTC")


def validate(**changes: object) -> tuple[pd.DataFrame, list]:
    frame = pd.DataFrame([{**GOOD_ROW, **changes}])
    return validate_launches(frame, site_ids=SITES, system_names=SYSTEMS, now=NOW)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"launched_at": "1984-04-01T00:00:00Z", "launched_at_precision": "month"},
        {"launched_at": "2025-11-07 03:35"},  # naive times are UTC
        {"count": "3", "distance_km": "", "apogee_km": "50.5"},
        {"impact_lat": "40.5", "impact_lon": "133.0", "impact_basis": "reported"},
        {"bearing_deg": "90", "flight_time_s": "3180"},
        {"lon": "-179.9"},
    ],
)
def test_validate_launches__accepts_good_rows(changes: dict) -> None:
    valid, errors = validate(**changes)
    assert errors == []
    assert len(valid) == 1
    assert valid["launched_at"].dt.tz is not None


@pytest.mark.parametrize(
    ("changes", "column", "words"),
    [
        ({"lat": "125.2", "lon": "40.2"}, "lat", "swapped"),
        ({"lat": "95"}, "lat", "[-90, 90]"),
        ({"lon": "200"}, "lon", "[-180, 180]"),
        ({"lat": "north"}, "lat", "expected a number"),
        ({"launched_at": "2025-02-30T00:00:00Z"}, "launched_at", "ISO-8601"),
        ({"launched_at": "2030-01-01T00:00:00Z"}, "launched_at", "between 1984-01-01 and now"),
        ({"launched_at": "1950-06-25T00:00:00Z"}, "launched_at", "between"),
        ({"distance_km": "-5"}, "distance_km", "[0, 20000] km"),
        ({"system_class": "ABM"}, "system_class", "expected one of SRBM"),
        ({"site_id": "atlantis"}, "site_id", "unknown site id 'atlantis'"),
        ({"system": "Hwasong-99"}, "system", "unknown system"),
        ({"count": "1.5"}, "count", "whole number"),
        ({"count": "0"}, "count", "[1, 100]"),
        ({"launched_at_precision": "week"}, "launched_at_precision", "minute, day, month, year"),
        ({"id": ""}, "id", "required"),
        ({"impact_lat": "40.5"}, "impact_lon", "both impact_lat and impact_lon"),
        ({"impact_basis": "reported"}, "impact_basis", "no impact point"),
    ],
)
def test_validate_launches__rejects_bad_rows(changes: dict, column: str, words: str) -> None:
    valid, errors = validate(**changes)
    assert valid.empty
    assert any(e.column == column and words in e.message for e in errors), [str(e) for e in errors]


def test_validate_launches__error_names_row_value_and_type() -> None:
    frame = pd.DataFrame([GOOD_ROW, {**GOOD_ROW, "id": "b", "lat": 125.2}])
    valid, errors = validate_launches(frame, now=NOW, row_numbers=[2, 3])
    assert list(valid["id"]) == ["2025-11-07-taegwan"]
    (error,) = errors
    assert error.row == 3
    assert "125.2 (float)" in error.message
    assert str(error).startswith("row 3, column 'lat'")


def test_validate_launches__duplicate_ids_in_one_file() -> None:
    frame = pd.DataFrame([GOOD_ROW, GOOD_ROW])
    valid, errors = validate_launches(frame, now=NOW)
    assert len(valid) == 1
    assert errors[0].column == "id" and "first used in row 1" in errors[0].message


def test_validate_launches__id_already_stored() -> None:
    valid, errors = validate_launches(pd.DataFrame([GOOD_ROW]), existing_ids={"2025-11-07-taegwan"}, now=NOW)
    assert valid.empty and "already stored" in errors[0].message


def test_validate_launches__unknown_column_is_reported() -> None:
    _, errors = validate_launches(pd.DataFrame([{**GOOD_ROW, "altitude": "50"}]), now=NOW)
    assert errors[0].row == "header" and "altitude" in errors[0].column


def source(**fields: object) -> dict:
    return {
        "launch_id": "a",
        "source": "Yonhap",
        "source_kind": "news",
        "published_on": "2025-11-07",
        **fields,
    }


def test_validate_sources__one_headline_per_launch() -> None:
    frame = pd.DataFrame([source(is_headline="true"), source(source="KCNA", is_headline="true")])
    valid, errors = validate_sources(frame, launch_ids={"a"})
    assert len(valid) == 1 and errors[0].column == "is_headline"


def test_validate_sources__unknown_launch() -> None:
    _, errors = validate_sources(pd.DataFrame([source(launch_id="zzz")]), launch_ids={"a"})
    assert "no launch with id 'zzz'" in errors[0].message


def test_choose_headline__prefers_jcs_then_japan_then_us_then_kcna() -> None:
    frame = sources_frame(
        [
            source(source="KCNA", source_kind="state media", is_headline=False),
            source(source="Japan MoD", source_kind="government", is_headline=False),
            source(source="ROK JCS", source_kind="government", is_headline=False),
            source(launch_id="b", source="KCNA", source_kind="state media", is_headline=False),
            source(launch_id="b", source="Japan MoD", source_kind="government", is_headline=False),
        ]
    )
    marked = choose_headline(frame)
    headline = marked[marked["is_headline"]].set_index("launch_id")["source"].to_dict()
    assert headline == {"a": "ROK JCS", "b": "Japan MoD"}


def test_choose_headline__keeps_an_explicit_choice() -> None:
    frame = sources_frame(
        [source(source="ROK JCS", is_headline=False), source(source="Reuters", is_headline=True)]
    )
    marked = choose_headline(frame)
    assert marked[marked["is_headline"]]["source"].tolist() == ["Reuters"]


def test_disagreements__flags_700_vs_450_km() -> None:
    frame = sources_frame(
        [
            source(source="ROK JCS", distance_km=700.0),
            source(source="Japan MoD", distance_km=450.0, apogee_km=50.0),
        ]
    )
    assert disagreements(frame) == {"a": ["distance_km"]}


def test_filter_launches__each_filter() -> None:
    launches = launches_frame(
        [
            {**GOOD_ROW, "launched_at": pd.Timestamp("2025-11-07T03:35Z"), "distance_km": 700.0},
            {
                **GOOD_ROW,
                "id": "b",
                "launched_at": pd.Timestamp("2017-11-28T18:17Z"),
                "system": "Hwasong-15",
                "system_class": "ICBM",
                "site_id": "sunan",
                "distance_km": 950.0,
                "outcome": "success",
            },
            {
                **GOOD_ROW,
                "id": "c",
                "launched_at": pd.Timestamp("2017-11-29T00:00Z"),
                "distance_km": None,
                "outcome": "failure",
            },
        ]
    )
    ids = lambda frame: sorted(frame["id"])  # noqa: E731
    assert ids(filter_launches(launches, since="2020-01-01")) == ["2025-11-07-taegwan"]
    assert ids(filter_launches(launches, until="2017-11-28")) == ["b"]
    assert ids(filter_launches(launches, classes=["ICBM"])) == ["b"]
    assert ids(filter_launches(launches, sites=["taegwan"])) == ["2025-11-07-taegwan", "c"]
    assert ids(filter_launches(launches, outcomes=["failure"])) == ["c"]
    assert ids(filter_launches(launches, distance_km=(800, 1000))) == ["b"]
    assert ids(filter_launches(launches, distance_km=(0, 20000))) == ["2025-11-07-taegwan", "b", "c"]


# --- the one event-id rule (issue 10) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("launched_at", "precision", "site_id", "taken", "expected"),
    [
        ("2025-11-07T03:35:00Z", "minute", "taegwan", set(), "2025-11-07-taegwan"),
        ("2017-11-28T18:17:00Z", "minute", "pyongsong", set(), "2017-11-29-pyongsong"),  # Korean day
        ("2025-11-07T00:00:00Z", "day", "taegwan", set(), "2025-11-07-taegwan"),
        ("2025-11-07T03:35:00Z", "minute", "taegwan", {"2025-11-07-taegwan"}, "2025-11-07-taegwan-2"),
        (
            "2025-11-07T03:35:00Z",
            "minute",
            "taegwan",
            {"2025-11-07-taegwan", "2025-11-07-taegwan-2"},
            "2025-11-07-taegwan-3",
        ),
        ("2025-11-07T03:35:00Z", "minute", "Chŏngju Area", set(), "2025-11-07-chongju-area"),
    ],
)
def test_launch_id__korean_day_site_and_numbered_suffix(
    launched_at, precision, site_id, taken, expected
) -> None:
    from geodata.events import launch_id

    assert launch_id(launched_at, precision, site_id, taken) == expected


@pytest.mark.parametrize(
    ("launched_at", "message"),
    [
        ("9" * 100_000, "expected a date or time such as 2025-11-07 or 2025-11-07T03:35Z, got '999"),
        ("99999-01-01", "expected a date or time"),
        ("0999-01-01", "expected a date between the years 1000 and 9999"),
        ("yesterday-ish", "expected a date or time"),
    ],
)
def test_launch_id__a_time_it_cannot_read_is_refused_in_a_short_message(launched_at, message) -> None:
    from geodata.errors import InvalidOption
    from geodata.events import launch_id

    with pytest.raises(InvalidOption, match=message) as error:
        launch_id(launched_at, "minute", "sunan")
    assert len(str(error.value)) < 200  # a 100,000-digit value is named by its length, not quoted whole


@pytest.mark.parametrize(
    ("changes", "column", "message"),
    [
        ({"outcome": "partial"}, "failed_count", "needs failed_count"),
        ({"outcome": "partial", "count": 2, "failed_count": 2}, "failed_count", "needs failed_count"),
        ({"count": 2, "failed_count": 3}, "failed_count", "exceeds the salvo's count"),
        ({"actor": "North Korea"}, "actor", "ISO 3166-1 alpha-3"),
        ({"report_status": "final"}, "report_status", "expected one of preliminary, revised, confirmed"),
    ],
)
def test_validate_launches__outcome_actor_and_status_rules(changes: dict, column: str, message: str) -> None:
    from tests.conftest import NEW_EVENT

    _, errors = validate_launches(pd.DataFrame([{**NEW_EVENT, **changes}]))
    assert [(e.column, message in e.message) for e in errors] == [(column, True)]


def test_validate_launches__partial_failure_and_defaults_are_valid() -> None:
    from tests.conftest import NEW_EVENT

    valid, errors = validate_launches(
        pd.DataFrame([{**NEW_EVENT, "count": 3, "outcome": "partial", "failed_count": 1}])
    )
    assert errors == [] and valid.loc[0, "actor"] == "PRK" and valid.loc[0, "report_status"] == "confirmed"


def test_filter_launches__by_actor() -> None:
    from tests.conftest import NEW_EVENT

    frame = launches_frame([NEW_EVENT, {**NEW_EVENT, "id": "other", "actor": "IRN"}])
    assert list(filter_launches(frame, actors=["IRN"])["id"]) == ["other"]
    assert len(filter_launches(frame, actors=["PRK"])) == 1


def test_records_note__names_the_latest_launch_in_korea_and_the_check() -> None:
    import datetime as dt

    from geodata.events import records_note, records_span

    frame = launches_frame(
        [
            {"id": "a", "launched_at": "1984-04-01T00:00:00Z"},
            {"id": "b", "launched_at": "2025-12-31T16:00:00Z"},
        ]
    )
    assert records_span(frame)[1] == pd.Timestamp("2025-12-31T16:00:00Z")
    assert (
        records_note(frame, dt.date(2026, 11, 26)) == "Records to 1 Jan 2026 (checked 26 Nov 2026)"
    )  # 01:00 KST
    assert records_note(frame.iloc[0:0]) == "No launch records"


def test_stale_preliminary__only_preliminary_events_older_than_the_window() -> None:
    import datetime as dt

    from geodata.events import stale_preliminary

    frame = launches_frame([
        {"id": "old", "launched_at": "2026-05-26T04:00:00Z", "report_status": "preliminary"},
        {"id": "new", "launched_at": "2026-11-24T04:00:00Z", "report_status": "preliminary"},
        {"id": "done", "launched_at": "2026-05-26T04:00:00Z", "report_status": "confirmed"},
    ])  # fmt: skip
    assert list(stale_preliminary(frame, dt.date(2026, 11, 26), days=7)["id"]) == ["old"]


@pytest.mark.parametrize(
    ("period", "today", "first_day"),
    [
        ("30d", date(2026, 11, 26), date(2026, 10, 28)),
        ("90d", date(2026, 11, 26), date(2026, 8, 29)),
        ("12m", date(2026, 11, 26), date(2025, 11, 27)),
        ("12m", date(2028, 2, 29), date(2027, 3, 1)),
        ("year", date(2026, 11, 26), date(2026, 1, 1)),
    ],
)
def test_period_start__presets_end_today_inclusive(period: str, today: date, first_day: date) -> None:
    from geodata.events import period_start

    assert period_start(period, today) == first_day


def test_period_start__rejects_unknown_preset() -> None:
    from geodata.errors import InvalidOption
    from geodata.events import period_start

    with pytest.raises(InvalidOption, match="decade"):
        period_start("decade", date(2026, 11, 26))
