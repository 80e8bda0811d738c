"""CNS/NTI North Korea Missile Test Database importer: salvos, messy figures, row errors, XLSX."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from pathlib import Path

import pandas as pd
import pytest

from geodata.errors import InvalidFile
from geodata.events import RowError
from geodata.formats.cns import (
    CNS_COLUMNS,
    looks_like_cns,
    parse_cns_date,
    parse_cns_km,
    parse_cns_time,
    read_cns,
)
from geodata.geo.places import Gazetteer
from geodata.schema import LAUNCH_COLUMNS, SOURCE_COLUMNS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cns"
SMALL = FIXTURES / "cns_small.csv"
BAD = FIXTURES / "cns_bad_rows.csv"

# A fixed gazetteer and systems table, so these tests do not move when the seeds grow.
SITES = pd.DataFrame(
    [
        ("tonghae", "Tonghae Satellite Launching Ground", "Musudan-ri;Hwadae County", 40.8557, 129.6658),
        ("sohae", "Sohae Satellite Launching Station", "Tongchang-ri;Pongdong-ri", 39.66, 124.705),
        ("pyongsong", "Pyongsong", "", 39.2464, 125.8719),
        ("wonsan", "Wonsan (Kalma)", "Wonsan;Kalma", 39.166, 127.486),
        ("taegwan", "Taegwan", "Taekwan", 40.21, 125.20),
        ("pyongyang", "Pyongyang area", "Pyongyang", 39.0339, 125.7543),
        ("kittaeryong", "Kittaeryong", "", 39.08, 127.44),
        ("kusong", "Kusong", "Banghyon", 39.98, 125.25),
    ],
    columns=["id", "name", "aliases", "lat", "lon"],
).assign(kind="mobile-launcher area", province="", source="test")
SYSTEMS = pd.DataFrame(
    [
        ("Scud-B (Hwasong-5)", "Hwasong-5;Scud-B", "SRBM"),
        ("Scud-ER (Hwasong-9)", "Hwasong-9;Scud-ER", "SRBM"),
        ("Hwasong-12", "KN-17", "IRBM"),
        ("Hwasong-14", "KN-20", "ICBM"),
        ("Hwasong-15", "KN-22", "ICBM"),
        ("Hwasong-11A (KN-23)", "KN-23;Hwasong-11Ga", "SRBM"),
        ("KN-25 (600 mm MRL)", "KN-25", "SRBM"),
        ("Unha-3", "Unha", "SLV"),
        ("Pulhwasal-3-31", "", "cruise"),
        ("Unknown SRBM", "", "SRBM"),
    ],
    columns=["name", "designations", "system_class"],
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_frames(SITES, None)


def _read(source: object, **kwargs: object) -> tuple[pd.DataFrame, pd.DataFrame, list[RowError], list[str]]:
    parsed = read_cns(source, **kwargs)  # type: ignore[arg-type]
    assert parsed.format == "cns"
    return parsed.launches, parsed.sources, parsed.errors, parsed.warnings


@pytest.fixture(scope="module")
def small(gazetteer: Gazetteer) -> tuple[pd.DataFrame, pd.DataFrame, list[RowError], list[str]]:
    return _read(SMALL, gazetteer=gazetteer, systems=SYSTEMS)


def _event(launches: pd.DataFrame, event_id: str) -> pd.Series:
    rows = launches[launches["id"] == event_id]
    assert len(rows) == 1, f"expected one event {event_id!r}, got ids {launches['id'].tolist()}"
    return rows.iloc[0]


# --- figures, dates and times --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "km", "note"),
    [
        ("4475 km", 4475.0, ""),
        ("4,475 km", 4475.0, ""),
        ("950km", 950.0, ""),
        ("  700  KM ", 700.0, ""),
        ("~700 km", 700.0, ""),
        ("approx. 50 km", 50.0, ""),
        ("about 450 km", 450.0, ""),
        ("between 25 and 90 km", 57.5, "between 25 and 90 km"),
        ("25-90 km", 57.5, "between 25 and 90 km"),
        ("25 to 90 km", 57.5, "between 25 and 90 km"),
        ("over 1000 km", 1000.0, "at least 1000 km"),
        ("less than 100 km", 100.0, "at most 100 km"),
        ("435 miles", 435 * 1.609344, ""),
        ("600", 600.0, ""),
        (950, 950.0, ""),
        (57.5, 57.5, ""),
        ("Unknown", None, ""),
        ("unknown", None, ""),
        ("N/A", None, ""),
        ("", None, ""),
        (None, None, ""),
        (float("nan"), None, ""),
    ],
)
def test_parse_cns_km__accepts_the_spreadsheet_forms(text: object, km: float | None, note: str) -> None:
    value, got_note = parse_cns_km(text)
    assert value == (pytest.approx(km) if km is not None else None)
    assert got_note == note


@pytest.mark.parametrize(
    "text", ["far", "km", "700 parsecs", "between 25 and", "25 and 90 furlongs", "1.2.3 km"]
)
def test_parse_cns_km__rejects_garbage_saying_what_was_expected(text: str) -> None:
    with pytest.raises(ValueError, match=r"expected a distance such as '450 km'.*got '.*' \(str\)"):
        parse_cns_km(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9-Apr-84", date(1984, 4, 9)),
        ("29-Nov-17", date(2017, 11, 29)),
        ("7-Nov-25", date(2025, 11, 7)),
        ("2017-11-29", date(2017, 11, 29)),
        ("11/29/2017", date(2017, 11, 29)),
        ("29 November 2017", date(2017, 11, 29)),
        (datetime(2017, 11, 29, 0, 0), date(2017, 11, 29)),
        (pd.Timestamp("2017-11-29"), date(2017, 11, 29)),
    ],
)
def test_parse_cns_date__forms(value: object, expected: date) -> None:
    assert parse_cns_date(value) == expected


@pytest.mark.parametrize("value", ["31-Feb-17", "Unknown", "", None, "yesterday", 42])
def test_parse_cns_date__rejects(value: object) -> None:
    with pytest.raises(ValueError, match="expected a date such as '9-Apr-84'"):
        parse_cns_date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3:35", time(3, 35)),
        ("03:35", time(3, 35)),
        ("18:17:30", time(18, 17, 30)),
        ("0:49 UTC", time(0, 49)),
        (time(20, 34), time(20, 34)),
        (datetime(1899, 12, 30, 3, 35), time(3, 35)),
        (0.25, time(6, 0)),
        ("Unknown", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_cns_time__forms(value: object, expected: time | None) -> None:
    assert parse_cns_time(value) == expected


@pytest.mark.parametrize("value", ["25:61", "24:00", "3.35pm", "noon"])
def test_parse_cns_time__rejects(value: str) -> None:
    with pytest.raises(ValueError, match="expected a UTC time such as '3:35'"):
        parse_cns_time(value)


# --- format detection ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (list(CNS_COLUMNS), True),
        ([c.lower() for c in CNS_COLUMNS], True),
        (["Date", "Missile Name", "Facility Name", "Apogee", "Distance Traveled"], True),
        ([" Date ", "Missile  Name", "Facility Name", "Missile Type", "Test Outcome"], True),
        (["Date", "Missile Name", "Facility Name"], False),
        ([c.name for c in LAUNCH_COLUMNS], False),
        ([], False),
    ],
)
def test_looks_like_cns__detects_the_layout(columns: list[str], expected: bool) -> None:
    assert looks_like_cns(columns) is expected


def test_read_cns__rejects_other_layouts_naming_the_columns(gazetteer: Gazetteer) -> None:
    buffer = io.StringIO("id,launched_at\n2025-11-07-taegwan,2025-11-07T03:35:00Z\n")
    with pytest.raises(InvalidFile, match=r"expected the CNS .* got \['id', 'launched_at'\]"):
        read_cns(buffer, gazetteer=gazetteer, systems=SYSTEMS)


# --- a small, clean-ish file ---------------------------------------------------------------------


def test_read_cns__outputs_schema_columns(small: tuple) -> None:
    launches, sources, _, _ = small
    assert list(launches.columns) == [c.name for c in LAUNCH_COLUMNS]
    assert list(sources.columns) == [c.name for c in SOURCE_COLUMNS]


def test_read_cns__one_event_per_salvo_with_count(small: tuple) -> None:
    launches, _, _, _ = small
    # 8 spreadsheet rows; the two KN-23 rows (same date, time, facility and name) are one salvo.
    assert len(launches) == 7
    salvo = _event(launches, "2019-07-24-wonsan")
    assert salvo["count"] == 2
    assert salvo["distance_km"] == 690.0
    assert "per-missile distance: 430, 690 km" in salvo["notes"]
    assert "rows 4, 5" in salvo["notes"]


def test_read_cns__maps_names_spellings_and_figures(small: tuple) -> None:
    launches, _, _, _ = small
    hwasong15 = _event(launches, "2017-11-29-pyongsong")
    assert (hwasong15["system"], hwasong15["system_class"]) == ("Hwasong-15", "ICBM")
    assert (hwasong15["apogee_km"], hwasong15["distance_km"]) == (4475.0, 950.0)
    assert hwasong15["launched_at"] == "2017-11-28T18:17:00Z"  # 03:17 KST on the sheet's 29 Nov
    assert hwasong15["launched_at_precision"] == "minute"
    assert hwasong15["landing_area"] == "East Sea/Sea of Japan (inside Japan's EEZ)"
    assert hwasong15["impact_basis"] == "estimated"

    taegwan = _event(launches, "2025-11-07-taegwan")  # "Taekwan County" in the sheet
    assert (taegwan["lat"], taegwan["lon"]) == (40.21, 125.20)  # no sheet coordinates: the site's
    assert taegwan["system"] == "Unknown SRBM"
    assert taegwan["distance_km"] == 575.0
    assert "distance between 450 and 700 km" in taegwan["notes"]
    assert taegwan["landing_area"] == "East Sea/Sea of Japan (outside Japan's EEZ)"
    assert taegwan["launched_at"] == "2025-11-07T03:35:00Z"


def test_read_cns__unknown_time_gives_day_precision(small: tuple) -> None:
    launches, _, _, _ = small
    scud = _event(launches, "1984-04-09-tonghae")
    assert (scud["launched_at"], scud["launched_at_precision"]) == ("1984-04-09T00:00:00Z", "day")
    assert (scud["outcome"], scud["confirmation"], scud["impact_basis"]) == ("failure", "confirmed", "none")
    assert pd.isna(scud["distance_km"]) and pd.isna(scud["apogee_km"])


def test_read_cns__outcome_confirmation_and_class_words(small: tuple) -> None:
    launches, _, _, _ = small
    cruise = _event(launches, "2023-01-22-pyongyang")
    assert (cruise["system_class"], cruise["confirmation"], cruise["outcome"]) == (
        "cruise",
        "suspected",
        "success",
    )
    assert (cruise["lat"], cruise["lon"]) == (39.1425, 126.0961)  # the sheet's own coordinates win
    satellite = _event(launches, "2012-12-12-sohae")
    assert (satellite["system"], satellite["landing_area"]) == ("Unha-3", "orbit")
    claimed = _event(launches, "2009-04-05-sohae")
    assert claimed["confirmation"] == "claimed"


def test_read_cns__one_cns_source_per_event_with_raw_text(small: tuple) -> None:
    launches, sources, _, _ = small
    assert sorted(sources["launch_id"]) == sorted(launches["id"])
    assert set(sources["source"]) == {"CNS"} and set(sources["source_kind"]) == {"research"}
    assert sources["is_headline"].all()
    salvo = sources[sources["launch_id"] == "2019-07-24-wonsan"].iloc[0]
    assert salvo["url"] == "https://missilethreat.csis.org/north-korea-fires-new-ballistic-missiles/"
    assert salvo["title"].startswith("CSIS Missile Threat, https://")  # identical texts kept once
    assert (salvo["published_on"], salvo["count"], salvo["distance_km"]) == ("2019-07-30", 2, 690.0)


def test_read_cns__unknown_missile_name_is_a_warning_not_an_error(small: tuple) -> None:
    launches, _, errors, warnings = small
    assert _event(launches, "2009-04-05-sohae")["system"] == "Hwasong-13"
    assert len(warnings) == 1 and "'Hwasong-13'" in warnings[0] and "rows 8" in warnings[0]
    assert errors == []


# --- messy rows ----------------------------------------------------------------------------------


def test_read_cns__row_errors_name_row_column_and_value(gazetteer: Gazetteer) -> None:
    launches, _, errors, _ = _read(BAD, gazetteer=gazetteer, systems=SYSTEMS)
    assert all(isinstance(e, RowError) for e in errors)
    assert [(e.row, e.column, e.value) for e in errors] == [
        (2, "Date", "31-Feb-17"),
        (3, "Launch Time (UTC)", "25:61"),
        (4, "Distance Travelled", "far"),
        (6, "Facility Latitude", "129.7"),
        (7, "Facility Name", "Unknown"),
    ]
    messages = {e.row: e.message for e in errors}
    assert "are latitude and longitude swapped?" in messages[6]
    assert "expected a known facility name or Facility Latitude/Longitude" in messages[7]
    # Row 5 is fine but shares its salvo with bad row 4, so the salvo is left out whole.
    assert launches["id"].tolist() == ["2019-11-28-yonpo"]


def test_read_cns__blank_lines_keep_spreadsheet_row_numbers(gazetteer: Gazetteer) -> None:
    lines = BAD.read_text().splitlines()
    text = "\n".join([lines[0], "", lines[1], ",,,,", lines[2]])  # rows 2 and 4 are empty
    _, _, errors, _ = _read(io.StringIO(text), gazetteer=gazetteer, systems=SYSTEMS)
    assert [(e.row, e.column) for e in errors] == [(3, "Date"), (5, "Launch Time (UTC)")]


def test_read_cns__header_only_file_gives_no_events(gazetteer: Gazetteer) -> None:
    launches, sources, errors, warnings = _read(io.StringIO(",".join(CNS_COLUMNS)), gazetteer=gazetteer)
    assert (len(launches), len(sources), errors, warnings) == (0, 0, [], [])


def test_read_cns__unknown_facility_gets_slug_and_warning(gazetteer: Gazetteer) -> None:
    launches, _, _, warnings = _read(BAD, gazetteer=gazetteer, systems=SYSTEMS)
    yonpo = _event(launches, "2019-11-28-yonpo")
    assert (yonpo["site_id"], yonpo["lat"], yonpo["lon"]) == ("yonpo", 39.79, 127.54)
    site_warnings = [w for w in warnings if "is not a known site" in w]
    assert len(site_warnings) == 1
    assert "(rows 8)" in site_warnings[0] and "'Yonpo'" in site_warnings[0]


def test_read_cns__same_day_same_site_gets_distinct_ids(gazetteer: Gazetteer) -> None:
    header = ",".join(f'"{c}"' for c in CNS_COLUMNS)
    blank = [""] * len(CNS_COLUMNS)

    def row(time_utc: str, name: str) -> str:
        cells = dict(zip(CNS_COLUMNS, blank, strict=True))
        cells.update({"Date": "6-Mar-17", "Launch Time (UTC)": time_utc, "Missile Name": name,
                      "Missile Type": "SRBM", "Facility Name": "Tongchang-ri", "Test Outcome": "Success"})  # fmt: skip
        return ",".join(cells.values())

    text = "\n".join([header, row("0:34", "Scud-ER"), row("0:34", "Scud-ER"), row("5:00", "Scud-ER")])
    launches, _, _, _ = _read(io.StringIO(text), gazetteer=gazetteer, systems=SYSTEMS)
    assert launches["id"].tolist() == ["2017-03-06-sohae", "2017-03-06-sohae-2"]
    assert launches["count"].tolist() == [2, 1]


# --- XLSX -----------------------------------------------------------------------------------------


@pytest.fixture
def xlsx_path(tmp_path: Path) -> Path:
    """The small CSV rewritten as a workbook with real date, time and number cells, as Excel saves them."""
    import openpyxl  # a dependency: the Data page reads .xlsx with it

    frame = pd.read_csv(SMALL, dtype=str, keep_default_na=False)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(frame.columns))
    for record in frame.to_dict("records"):
        cells: list[object] = []
        for column, value in record.items():
            if column in ("Date", "Date Entered/Updated"):
                cells.append(datetime.combine(parse_cns_date(value), time(0, 0)))
            elif column == "Launch Time (UTC)":
                cells.append(parse_cns_time(value) or "Unknown")
            elif column in ("Facility Latitude", "Facility Longitude", "F1") and value:
                cells.append(float(value))
            elif column == "Distance Travelled" and value == "950 km":
                cells.append(950)  # a bare number cell, as some rows are typed
            else:
                cells.append(value or None)
        sheet.append(cells)
    sheet.append([None] * len(frame.columns))  # trailing empty row, as spreadsheets often have
    path = tmp_path / "cns.xlsx"
    book.save(path)
    return path


def test_read_cns__xlsx_matches_csv(xlsx_path: Path, gazetteer: Gazetteer, small: tuple) -> None:
    launches, sources, errors, warnings = _read(xlsx_path, gazetteer=gazetteer, systems=SYSTEMS)
    expected_launches, expected_sources, expected_errors, expected_warnings = small
    pd.testing.assert_frame_equal(launches, expected_launches, check_dtype=False)
    pd.testing.assert_frame_equal(sources, expected_sources, check_dtype=False)
    assert (errors, warnings) == (expected_errors, expected_warnings)


def test_read_cns__xlsx_from_bytes_buffer(xlsx_path: Path, gazetteer: Gazetteer) -> None:
    launches, _, _, _ = _read(io.BytesIO(xlsx_path.read_bytes()), gazetteer=gazetteer, systems=SYSTEMS)
    assert len(launches) == 7


def test_read_cns__csv_bytes_with_bom(gazetteer: Gazetteer) -> None:
    data = b"\xef\xbb\xbf" + SMALL.read_bytes()
    launches, _, _, _ = _read(io.BytesIO(data), gazetteer=gazetteer, systems=SYSTEMS)
    assert len(launches) == 7


def test_read_cns__events_pass_launch_validation(small: tuple) -> None:
    from geodata import events

    launches, _, _, _ = small
    valid, errors = events.validate_launches(
        launches, site_ids=SITES["id"], system_names=[*SYSTEMS["name"], "Hwasong-13"]
    )
    assert errors == []
    assert len(valid) == len(launches)
