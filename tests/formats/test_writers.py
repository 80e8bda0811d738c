"""Data exports: CSV injection, GeoJSON validity and round trip, KML, standalone HTML (also in chromium)."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import time
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import folium
import numpy as np
import pandas as pd
import pytest

from geodata.events import launches_frame, sources_frame
from geodata.formats import (
    from_geojson,
    neutralise_cell,
    neutralise_column,
    standalone_html,
    to_csv,
    to_geojson,
    to_kml,
)
from geodata.formats.reader import read_launch_file
from geodata.render.stills.view import RingSpec

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
# A ring across 180° (from Guam), one around the north pole (ICBM range from Sunan) and a small one.
RINGS = [
    RingSpec(13.584, 144.924, 5000, "Guam 5,000 km"),
    RingSpec(39.224, 125.67, 13000),
    RingSpec(40.21, 125.2, 500),
]


@pytest.fixture(scope="module")
def launches() -> pd.DataFrame:
    frame = launches_frame(pd.read_csv(FIXTURES / "launches.csv").to_dict("records"))
    # One more event whose track crosses 180° (a Pacific shot toward the east).
    extra = frame.iloc[[1]].assign(
        id="2099-01-01-pacific",
        impact_lat=30.0,
        impact_lon=-170.0,
        impact_basis="estimated",
        notes='=HYPERLINK("http://evil")',
    )
    return pd.concat([frame, extra], ignore_index=True)


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    frame = sources_frame(pd.read_csv(FIXTURES / "launch_sources.csv").to_dict("records"))
    frame.loc[0, "url"] = "https://example.org/report?a=1&b=2"
    frame.loc[0, "title"] = "<script>alert(1)</script>"
    return frame


def _missing_as_none(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype(object).where(frame.notna(), None).reset_index(drop=True)


# --- CSV -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+41 22", "'+41 22"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Taegwan", "Taegwan"),
        ("a=b", "a=b"),
        ("", ""),
        (-170.5, -170.5),  # numbers stay numbers
        (None, None),
    ],
)
def test_neutralise_cell__formula_starts(value, expected):
    assert neutralise_cell(value) == expected


def test_neutralise_column__the_cell_rule_over_a_whole_column():
    values = ["=1+1", "+x", "-x", "@x", "\tx", "\rx", "'=x", "'x", "Taegwan", "a=b", "", "'", -170.5, None, 3]
    column = np.array(values, dtype=object)
    neutralised = neutralise_column(column)
    assert list(neutralised) == [neutralise_cell(v) for v in values]
    assert neutralised[0] == "'=1+1" and neutralised[6] == "''=x" and neutralised[7] == "'x"
    assert column[0] == "=1+1"  # the caller's array is left alone


def test_to_csv__neutralises_formulas_and_keeps_numbers(launches, sources):
    rows = list(csv.DictReader(io.StringIO(to_csv(launches, sources))))
    pacific = next(r for r in rows if r["id"] == "2099-01-01-pacific")
    assert pacific["notes"] == '\'=HYPERLINK("http://evil")'
    assert pacific["impact_lon"] == "-170.0"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")) and not re.match(r"-[^\d]", value)


def test_to_csv__joins_each_events_sources(launches, sources):
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(to_csv(launches, sources)))}
    joined = rows["2025-11-07-taegwan"]["sources"]
    assert (
        joined.startswith("ROK JCS (Yonhap, 2025-11-07, 700 km") and "Japan MoD (2025-11-07, 450 km" in joined
    )
    assert "https://example.org/report?a=1&b=2" in joined
    assert rows["2012-12-12-sohae"]["sources"] == "KCNA (2012-12-12)"
    assert rows["2025-11-07-taegwan"]["launched_at"] == "2025-11-07T03:35:00Z"


# --- GeoJSON ---------------------------------------------------------------------------------------------


def _lines_of(geometry: dict) -> list[list[list[float]]]:
    kind, coords = geometry["type"], geometry["coordinates"]
    if kind == "Point":
        return [[coords]]
    if kind == "LineString":
        return [coords]
    if kind in ("MultiLineString", "Polygon"):
        return coords
    if kind == "MultiPolygon":
        return [ring for polygon in coords for ring in polygon]
    raise AssertionError(f"unexpected geometry {kind}")


def test_to_geojson__is_valid_rfc7946(launches, sources):
    collection = json.loads(json.dumps(to_geojson(launches, sources, RINGS), allow_nan=False))
    assert collection["type"] == "FeatureCollection"
    kinds = [f["properties"]["feature_type"] for f in collection["features"]]
    assert kinds.count("launch") == 4 and kinds.count("range_ring") == 3 and kinds.count("track") == 3
    for feature in collection["features"]:
        geometry = feature["geometry"]
        if geometry["type"] in ("Polygon", "MultiPolygon"):
            for ring in _lines_of(geometry):
                assert len(ring) >= 4 and ring[0] == ring[-1], "ring not closed"
        for line in _lines_of(geometry):
            for lon, lat in (position[:2] for position in line):
                assert -180 <= lon <= 180 and -90 <= lat <= 90
            for (lon1, lat1), (lon2, lat2) in itertools.pairwise(p[:2] for p in line):
                along_pole = abs(lat1) == abs(lat2) == 90  # a ring around a pole closes along it
                assert along_pole or abs(lon2 - lon1) < 90, (
                    f"{feature['properties']['feature_type']} jumps 180°"
                )


def test_to_geojson__lon_lat_order_and_split_features(launches, sources):
    features = to_geojson(launches, sources, RINGS)["features"]
    taegwan = next(f for f in features if f.get("id") == "2025-11-07-taegwan")
    assert taegwan["geometry"]["coordinates"] == [125.2, 40.21]
    pacific_track = next(
        f
        for f in features
        if f["properties"].get("launch_id") == "2099-01-01-pacific"
        and f["properties"]["feature_type"] == "track"
    )
    assert pacific_track["geometry"]["type"] == "MultiLineString"
    assert pacific_track["properties"]["estimated"] is True
    guam, sunan_icbm = (
        f
        for f in features
        if f["properties"]["feature_type"] == "range_ring" and f["properties"]["radius_km"] in (5000, 13000)
    )
    assert guam["geometry"]["type"] == "MultiPolygon"  # split at 180°
    pole_lats = [lat for ring in _lines_of(sunan_icbm["geometry"]) for _, lat in ring]
    assert max(pole_lats) == 90  # encloses the north pole


def test_from_geojson__round_trip_gives_the_same_events_and_sources(launches, sources):
    document = json.loads(json.dumps(to_geojson(launches, sources, RINGS)))
    again, again_sources = from_geojson(document)
    pd.testing.assert_frame_equal(again, launches.reset_index(drop=True))
    pd.testing.assert_frame_equal(_missing_as_none(again_sources), _missing_as_none(sources))


def test_from_geojson__file_reader_accepts_the_export(launches, sources):
    data = json.dumps(to_geojson(launches, sources)).encode()
    parsed = read_launch_file(data=data, name="export.geojson")
    assert parsed.format == "geojson"
    assert list(parsed.launches["id"]) == list(launches["id"])


def test_from_geojson__ignores_derived_and_foreign_features():
    document = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
                "properties": {"feature_type": "track"},
            },
            {"type": "Feature", "geometry": None, "properties": {"name": "no geometry"}},
        ],
    }
    launches, sources = from_geojson(document)
    assert launches.empty and sources.empty


# --- KML -------------------------------------------------------------------------------------------------

KML_NS = {"k": "http://www.opengis.net/kml/2.2"}


def test_to_kml__placemarks_tracks_rings_and_escaped_sources(launches, sources):
    root = ET.fromstring(to_kml(launches, sources, RINGS).encode())
    placemarks = root.findall(".//k:Placemark", KML_NS)
    names = [p.findtext("k:name", namespaces=KML_NS) for p in placemarks]
    assert sum(n.startswith(("Unknown SRBM", "Hwasong-15", "Unha-3")) for n in names) == 4
    assert sum("rack —" in n for n in names) == 3 and "Guam 5,000 km" in names
    taegwan = next(
        p for p in placemarks if p.findtext("k:name", namespaces=KML_NS).endswith("2025-11-07-taegwan")
    )
    description = taegwan.findtext("k:description", namespaces=KML_NS)
    assert "ROK JCS" in description and "Japan MoD" in description
    assert '<a href="https://example.org/report?a=1&amp;b=2">' in description
    assert "<script>" not in description
    for coordinates in root.iter("{http://www.opengis.net/kml/2.2}coordinates"):
        for position in coordinates.text.split():
            lon, lat, *_ = map(float, position.split(","))
            assert -180 <= lon <= 180 and -90 <= lat <= 90


# --- standalone HTML -------------------------------------------------------------------------------------


def _offline_map(launches, sources) -> folium.Map:
    """A small folium map pointing at local asset paths, as the dashboard's map builder does."""
    fmap = folium.Map(location=[39, 128], zoom_start=4, tiles=None, max_zoom=12)
    fmap.default_js = [
        ("leaflet", "/app/static/vendor/leaflet/leaflet.js"),
        ("jquery", "/app/static/vendor/jquery/jquery.min.js"),
    ]
    fmap.default_css = [("leaflet_css", "/app/static/vendor/leaflet/leaflet.css")]
    folium.GeoJson(to_geojson(launches, sources, RINGS), name="launches").add_to(fmap)
    folium.Marker([39.0, 125.7], tooltip="Pyongyang").add_to(fmap)
    return fmap


def _outside_references(page: str) -> list[str]:
    loaded = re.findall(
        r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=[\"'](?:https?:)?//[^\"']+", page, re.I
    )
    return loaded + re.findall(r"url\(\s*[\"']?(?:https?:)?//[^)]+\)", page)


def test_standalone_html__inlines_every_asset(launches, sources):
    page = standalone_html(_offline_map(launches, sources))
    assert _outside_references(page) == []
    assert "<script>/* leaflet.js */" in page and "<script>/* jquery.min.js */" in page
    assert "<style>/* leaflet.css */" in page and "data:image/png;base64," in page


def test_standalone_html__leaves_out_assets_not_installed_with_a_warning():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        page = standalone_html(folium.Map(tiles=None))  # folium's CDN defaults: bootstrap is not installed
    assert any("bootstrap" in str(w.message) for w in caught)
    assert _outside_references(page) == []
    assert "<script>/* leaflet.js */" in page  # found by file name although the map named a CDN


@pytest.mark.browser
def test_standalone_html__draws_leaflet_offline_in_chromium(launches, sources, tmp_path):
    from tests.browser.harness import chromium, require_browser

    require_browser()
    page = tmp_path / "map.html"
    page.write_text(standalone_html(_offline_map(launches, sources)), encoding="utf-8")
    with chromium(1200, 800) as driver:
        driver.get(page.as_uri())
        paths = 0
        for _ in range(100):
            paths = driver.execute_script(
                "return document.querySelectorAll('path.leaflet-interactive').length"
            )
            if paths:
                break
            time.sleep(0.1)
        assert driver.execute_script("return typeof L !== 'undefined' && L.version") == "1.9.3"
        assert paths >= 5  # tracks and ring polygons drawn as SVG paths
        assert driver.execute_script("return document.querySelectorAll('.leaflet-marker-icon').length") >= 1
        resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert [r for r in resources if r.startswith(("http:", "https:"))] == []
        driver.save_screenshot(str(tmp_path / "standalone.png"))
