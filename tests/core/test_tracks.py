"""The one impact-point rule, and the same launch ending at the same point on every entry path."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pandas as pd
import pytest
from geographiclib.geodesic import Geodesic

from geodata.events import launches_frame
from geodata.geo import geodesy
from geodata.render import leaflet as maps
from geodata.reports.extract import extract_events, launch_row
from geodata.tracks import (
    TYPICAL_HEADING_DEG,
    flight_heading,
    flight_tracks,
    impact_explanation,
    impact_fields,
    impact_point,
)
from tests.conftest import TAEGWAN_EVENT

SUNAN = (39.224, 125.67)
EVENT = TAEGWAN_EVENT


@pytest.mark.parametrize(
    ("changes", "basis", "bearing"),
    [
        ({}, "estimated", 80.0),  # typical East Sea heading
        ({"bearing_deg": 100.0}, "estimated", 100.0),  # a reported heading wins
        ({"landing_area": "Yellow Sea"}, "estimated", 265.0),
    ],
)
def test_impact_point__distance_along_a_heading(changes: dict, basis: str, bearing: float) -> None:
    point, got_basis = impact_point({**EVENT, **changes})
    assert got_basis == basis
    line = Geodesic.WGS84.Inverse(EVENT["lat"], EVENT["lon"], *point)
    assert line["s12"] / 1000 == pytest.approx(700, abs=0.01)
    assert line["azi1"] % 360 == pytest.approx(bearing, abs=1e-6)


@pytest.mark.parametrize(
    "changes",
    [
        {"distance_km": None},
        {"landing_area": "unknown"},
        {"system_class": "cruise"},  # a cruise missile's distance is a winding path, not a range
        {"distance_km": 0.0},
    ],
)
def test_impact_point__none_when_it_cannot_be_placed(changes: dict) -> None:
    assert impact_point({**EVENT, **changes}) == (None, "none")


def test_impact_point__reported_point_is_used_as_is() -> None:
    point, basis = impact_point(
        {**EVENT, "impact_lat": 40.8, "impact_lon": 136.9, "impact_basis": "reported"}
    )
    assert (point, basis) == ((40.8, 136.9), "reported")


def test_impact_explanation__says_which_heading() -> None:
    assert "typical heading for the East Sea" in impact_explanation(EVENT)
    assert "reported heading of 100°" in impact_explanation({**EVENT, "bearing_deg": 100.0})


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"impact_lat": 40.8, "impact_lon": 136.9, "impact_basis": "reported"}, ((40.8, 136.9), False)),
        ({"impact_lat": 40.8, "impact_lon": 136.9, "impact_basis": "estimated"}, ((40.8, 136.9), True)),
        ({"distance_km": 700.0, "bearing_deg": 90.0}, (geodesy.destination(*SUNAN, 90.0, 700.0), True)),
        ({"distance_km": 700.0}, None),
        (
            {"distance_km": 700.0, "landing_area": "East Sea/Sea of Japan"},
            (geodesy.destination(*SUNAN, TYPICAL_HEADING_DEG["East Sea/Sea of Japan"], 700.0), True),
        ),
        ({"distance_km": float("nan"), "bearing_deg": 90.0}, None),
        ({}, None),
    ],
)
def test_flight_tracks__end_point_and_estimate_flag(row, expected):
    tracks = flight_tracks([{"id": "x", "lat": SUNAN[0], "lon": SUNAN[1], "system_class": "SRBM", **row}])
    if expected is None:
        assert tracks == []
    else:
        assert (tracks[0].end, tracks[0].estimated) == expected


def test_flight_heading__reported_then_typical_then_none() -> None:
    assert flight_heading({**EVENT, "bearing_deg": 100.0}) == (100.0, "reported")
    assert flight_heading(EVENT) == (TYPICAL_HEADING_DEG[EVENT["landing_area"]], "typical")
    assert flight_heading({**EVENT, "landing_area": "unknown"}) == (None, "none")
    assert flight_heading({**EVENT, "system_class": "cruise"}) == (None, "none")


def test_impact_fields__an_estimate_is_stored_without_coordinates() -> None:
    assert impact_fields(EVENT) == {"impact_lat": None, "impact_lon": None, "impact_basis": "estimated"}
    assert impact_fields({**EVENT, "distance_km": None})["impact_basis"] == "none"
    reported = {**EVENT, "impact_lat": 40.8, "impact_lon": 136.9, "impact_basis": "reported"}
    assert impact_fields(reported) == {"impact_lat": 40.8, "impact_lon": 136.9, "impact_basis": "reported"}


def test_impact_fields__a_corrected_bearing_moves_the_point() -> None:
    corrected = {**EVENT, "bearing_deg": 100.0, **impact_fields({**EVENT, "bearing_deg": 100.0})}
    line = Geodesic.WGS84.Inverse(EVENT["lat"], EVENT["lon"], *impact_point(corrected)[0])
    assert line["azi1"] == pytest.approx(100.0, abs=1e-6)


# --- one launch, every entry path (issue 10) -------------------------------------------------------

REPORT = (
    "SEOUL, Nov. 7 -- North Korea fired a short-range ballistic missile from near Taegwan, North Pyongan "
    "Province, into the East Sea at 12:35 p.m. on Friday, flying about 700 km, South Korea's Joint Chiefs "
    "of Staff said. It landed outside Japan's exclusive economic zone."
)
CSV_ROW = (
    "id,launched_at,launched_at_precision,site_id,lat,lon,system,system_class,count,distance_km,apogee_km,"
    "flight_time_s,bearing_deg,impact_lat,impact_lon,impact_basis,landing_area,outcome,confirmation,notes\n"
    "2025-11-07-taegwan,2025-11-07T03:35:00Z,minute,taegwan,40.21,125.2,Unknown SRBM,SRBM,1,700,,,,,,"
    "estimated,East Sea/Sea of Japan (outside Japan's EEZ),success,confirmed,\n"
)


def _entry_paths() -> dict[str, dict]:
    drafted = launch_row(extract_events(REPORT, dt.date(2025, 11, 7)).events[0])
    from_csv = pd.read_csv(io.StringIO(CSV_ROW)).iloc[0].to_dict()
    return {"report": drafted, "csv": from_csv, "seed-like record": EVENT}


def test_entry_paths__same_id_and_same_impact_point() -> None:
    paths = _entry_paths()
    ids = {name: row["id"] for name, row in paths.items()}
    assert set(ids.values()) == {"2025-11-07-taegwan"}, ids
    ends = {name: impact_point(row)[0] for name, row in paths.items()}
    first = ends["seed-like record"]
    for name, end in ends.items():
        assert end is not None, name
        assert geodesy.distance_km(first, end) < 0.01, (name, end, first)


def test_entry_paths__map_still_and_export_draw_the_rule_s_end() -> None:
    expected = impact_point(EVENT)[0]
    frame = launches_frame([EVENT])
    (map_track,) = maps.launch_geojson(frame)["tracks"]["features"]
    lon, lat = map_track["geometry"]["coordinates"][-1]
    assert geodesy.distance_km((lat, lon), expected) < 0.02
    (still_track,) = flight_tracks(frame.to_dict("records"))
    assert geodesy.distance_km(still_track.end, expected) < 1e-6
    from geodata.formats import to_geojson

    exported = [f for f in to_geojson(frame)["features"] if f["properties"].get("feature_type") == "impact"]
    assert exported, "the GeoJSON export has an impact point"
    ex_lon, ex_lat = exported[0]["geometry"]["coordinates"]
    assert geodesy.distance_km((ex_lat, ex_lon), expected) < 1e-6


def test_impact_points__the_same_rule_as_impact_point_row_for_row() -> None:
    from benchmarks.synthetic import synthetic_launches
    from geodata.tracks import impact_points

    frame = synthetic_launches(300, seed=7)
    frame.loc[::5, "bearing_deg"] = float("nan")  # typical heading for the sea
    frame.loc[::7, "system_class"] = "cruise"  # no typical heading
    frame.loc[::11, "landing_area"] = "Yellow Sea"
    frame.loc[::13, "distance_km"] = float("nan")
    lats, lons, bases = impact_points(frame)
    for index, row in enumerate(frame.to_dict("records")):
        point, basis = impact_point(row)
        assert bases[index] == basis, row["id"]
        if point is None:
            assert np.isnan(lats[index]) and np.isnan(lons[index])
        else:
            assert geodesy.distance_km(point, (lats[index], lons[index])) < 1e-6, row["id"]
