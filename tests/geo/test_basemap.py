"""The shipped Natural Earth basemap and the script that builds it."""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path

import pytest
from shapely.geometry import Point

from geodata.errors import InvalidOption
from geodata.geo import basemap

ROOT = Path(__file__).resolve().parents[2]


def _load_build_script():
    spec = importlib.util.spec_from_file_location("build_basemap", ROOT / "scripts" / "build_basemap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rings(feature):
    geometry = feature["geometry"]
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        yield from polygon


def _feature(collection, name):
    return next(f for f in collection["features"] if f["properties"]["name"] == name)


@pytest.mark.parametrize("resolution", basemap.RESOLUTIONS)
def test_load_countries__rings_closed_lonlat_and_no_band_across_180(resolution):
    collection = basemap.load_countries(resolution)
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        for ring in _rings(feature):
            assert ring[0] == ring[-1], feature["properties"]["name"]
            for (lon1, lat1), (lon2, lat2) in itertools.pairwise(ring):
                assert -180 <= lon1 <= 180 and -90 <= lat1 <= 90
                # The only long horizontal edge allowed is Antarctica's closure along -90.
                if abs(lon2 - lon1) > 60:
                    assert lat1 == lat2 == -90, (feature["properties"]["name"], lon1, lat1, lon2, lat2)


@pytest.mark.parametrize("resolution", basemap.RESOLUTIONS)
@pytest.mark.parametrize("name", ["Russia", "Fiji"])
def test_load_countries__antimeridian_countries_have_parts_on_both_sides(resolution, name):
    lons = [lon for ring in _rings(_feature(basemap.load_countries(resolution), name)) for lon, _ in ring]
    assert min(lons) <= -179.9 and max(lons) >= 179.9


@pytest.mark.parametrize("resolution", basemap.RESOLUTIONS)
def test_land__antarctica_covers_the_south_pole_and_not_the_north(resolution):
    land = basemap.land(resolution)
    assert land.contains(Point(0, -89.5))
    assert land.contains(Point(127.5, 39.0))  # North Korea
    assert not land.contains(Point(0, 89.5))
    assert not land.contains(Point(-150, 0))  # Pacific


def test_load_countries__returns_independent_copies():
    first = basemap.load_countries("110m")
    first["features"].clear()
    assert basemap.load_countries("110m")["features"]


def test_basemap_path__rejects_unknown_resolution():
    with pytest.raises(InvalidOption, match="resolution must be one of"):
        basemap.basemap_path("10m")


@pytest.mark.parametrize(
    "box",
    [(130, 30, 120, 40), (120, 40, 130, 30), (-190, 0, 0, 10), (0, -95, 10, 0)],
)
def test_shapes_in_box__rejects_inverted_or_out_of_range_box(box):
    with pytest.raises(InvalidOption, match="expected a box"):
        basemap.shapes_in_box(*box)


def test_shapes_in_box__clips_to_the_korean_peninsula():
    shapes = basemap.shapes_in_box(124, 33, 131, 43, "110m")
    names = {s.name for s in shapes}
    assert {"North Korea", "South Korea"} <= names
    for s in shapes:
        lon_min, lat_min, lon_max, lat_max = s.geometry.bounds
        assert lon_min >= 124 and lon_max <= 131 and lat_min >= 33 and lat_max <= 43


def test_build_script__decodes_a_quantized_topology():
    build = _load_build_script()
    # A unit square as one arc: origin then deltas, on a 0.5° grid shifted by (100, 10).
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [100, 10]},
        "arcs": [[[0, 0], [2, 0], [0, 2], [-2, 0], [0, -2]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [{"type": "Polygon", "arcs": [[0]], "properties": {"name": "Square"}}],
            }
        },
    }
    collection = build.convert(topology)
    feature = collection["features"][0]
    assert feature["properties"] == {"name": "Square"}
    ring = feature["geometry"]["coordinates"][0][0]
    assert {tuple(p) for p in ring} == {(100.0, 10.0), (101.0, 10.0), (101.0, 11.0), (100.0, 11.0)}


def test_build_script__splits_a_polygon_crossing_180():
    build = _load_build_script()
    # Clockwise (d3 order) square from 179°E to 179°W, as world-atlas stores Fiji.
    square = {
        "type": "MultiPolygon",
        "coordinates": [[[(179, -17), (179, -16), (-179, -16), (-179, -17), (179, -17)]]],
    }
    fixed = build.fix_antimeridian(square)
    assert len(fixed["coordinates"]) == 2
    for polygon in fixed["coordinates"]:
        lons = [lon for lon, _ in polygon[0]]
        assert max(lons) - min(lons) <= 1.0 + 1e-9


def test_build_script__closes_a_south_polar_ring_along_minus_90():
    build = _load_build_script()
    ring = [(-180, -80), (180, -80), (0, -70), (-180, -80)]
    closed = build.close_at_south_pole(ring)
    assert closed[:4] == [(-180, -80), (-180, -90.0), (180, -90.0), (180, -80)]
