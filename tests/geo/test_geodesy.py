"""Geodesy checked against geographiclib directly: range rings, GeoJSON splitting, tracks, in-range, parsing."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from geographiclib.geodesic import Geodesic
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, shape

from geodata.errors import InvalidCoordinate, InvalidRange
from geodata.geo import geodesy

GEOD = Geodesic.WGS84
TAEGWAN = (40.209, 125.204)
SEOUL = (37.566, 126.9784)
ONE_METRE_KM = 0.001

latitudes = st.one_of(st.sampled_from([90.0, -90.0, 0.0, 89.999, -89.999]), st.floats(-90, 90))
longitudes = st.one_of(st.sampled_from([180.0, -180.0, 0.0, 179.999, -179.999]), st.floats(-180, 180))
radii_km = st.one_of(
    st.sampled_from([1.0, 700.0, 5500.0, 10_000.0, 13_000.0, 19_000.0]), st.floats(1, 19_000)
)
property_settings = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _geodesic_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return GEOD.Inverse(a[0], a[1], b[0], b[1])["s12"] / 1000.0


def _geojson_rings(geometry: dict) -> list[list[list[float]]]:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [ring for polygon in polygons for ring in polygon]


# --- range rings: properties --------------------------------------------------------------------


@property_settings
@given(lat=latitudes, lon=longitudes, radius_km=radii_km)
def test_range_ring__every_vertex_at_radius_within_a_metre(lat: float, lon: float, radius_km: float) -> None:
    ring = geodesy.range_ring(lat, lon, radius_km)
    errors_km = [abs(_geodesic_km((lat, lon), vertex) - radius_km) for vertex in ring]
    assert max(errors_km) < ONE_METRE_KM


@property_settings
@given(lat=latitudes, lon=longitudes, radius_km=radii_km)
def test_range_ring__closed_unwrapped_counter_clockwise(lat: float, lon: float, radius_km: float) -> None:
    ring = geodesy.range_ring(lat, lon, radius_km)
    lats = np.array([v[0] for v in ring])
    lons = np.array([v[1] for v in ring])
    assert lats[0] == lats[-1]
    winding = (lons[-1] - lons[0]) / 360  # same point; a ring around a pole winds once (±360°)
    assert winding in (-1.0, 0.0, 1.0) or abs(winding - round(winding)) < 1e-12
    assert np.all(np.abs(np.diff(lons)) < 180), "unwrapped longitudes never jump across the map"
    # Counter-clockwise seen from above: the azimuth from the centre to successive vertices decreases.
    azimuths = np.array([GEOD.Inverse(lat, lon, vlat, vlon)["azi1"] for vlat, vlon in ring[:-1]])
    if abs(lat) < 89.99:  # at a pole every azimuth is a meridian; the check is meaningless there
        steps = (np.diff(azimuths) + 180) % 360 - 180
        assert np.all(steps < 0)


@property_settings
@given(lat=st.floats(-89, 89), lon=longitudes, radius_km=radii_km)
def test_range_ring__geodesic_edges_within_tolerance(lat: float, lon: float, radius_km: float) -> None:
    ring = geodesy.range_ring(lat, lon, radius_km)
    worst = 0.0
    for (lat1, lon1), (lat2, lon2) in itertools.pairwise(ring):
        edge = GEOD.InverseLine(lat1, lon1, lat2, lon2)
        middle = edge.Position(edge.s13 / 2)
        worst = max(
            worst, abs(_geodesic_km((lat, lon), (middle["lat2"], middle["lon2"])) - radius_km) / radius_km
        )
    assert worst <= 0.001


@property_settings
@given(lat=latitudes, lon=longitudes, radius_km=radii_km)
def test_range_ring_geojson__valid_split_with_correct_poles(lat: float, lon: float, radius_km: float) -> None:
    geometry = geodesy.range_ring_geojson(lat, lon, radius_km)
    assert geometry["type"] in ("Polygon", "MultiPolygon")
    for ring in _geojson_rings(geometry):
        assert ring[0] == ring[-1]
        lons = np.array([p[0] for p in ring])
        lats = np.array([p[1] for p in ring])
        assert np.all((lons >= -180) & (lons <= 180)) and np.all((lats >= -90) & (lats <= 90))
        # The one long edge allowed runs along a pole (lat ±90 at both ends): the cap of a polar ring.
        along_pole = (np.abs(lats[:-1]) == 90) & (lats[:-1] == lats[1:])
        assert np.all((np.abs(np.diff(lons)) <= 180) | along_pole), "no edge jumps across the map"
    polygon = shape(geometry)
    assert polygon.is_valid
    for pole_lat in (90.0, -90.0):
        to_pole_km = _geodesic_km((lat, lon), (pole_lat, 0.0))
        if abs(to_pole_km - radius_km) > 1.0:  # a pole right on the ring is on the boundary either way
            assert polygon.covers(Point(0.0, pole_lat)) == (to_pole_km < radius_km), f"pole {pole_lat}"
    if abs(lat) < 89.9 and radius_km > 10:
        assert polygon.covers(Point(lon, lat)), "the centre is inside"
        antipode = Point(lon - 180 if lon > 0 else lon + 180, -lat)
        assert not polygon.covers(antipode), "the antipode is outside"


# --- range rings: edge table --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("radius_km", "message"),
    [
        pytest.param(0.0, "positive", id="zero"),
        pytest.param(-5.0, "positive", id="negative"),
        pytest.param(math.nan, "positive", id="nan"),
        pytest.param(math.inf, "positive", id="infinite"),
        pytest.param("far", "ring radius", id="text"),
        pytest.param(geodesy.MAX_RING_RADIUS_KM, "cover the globe", id="half-circumference"),
        pytest.param(25_000.0, "cover the globe", id="beyond-antipode"),
    ],
)
def test_range_ring__rejects_bad_radius(radius_km: float, message: str) -> None:
    with pytest.raises(InvalidRange, match=message):
        geodesy.range_ring(*TAEGWAN, radius_km)


@pytest.mark.parametrize(
    ("lat", "lon", "radius_km", "kind", "north_pole", "south_pole"),
    [
        pytest.param(90.0, 0.0, 1000.0, "Polygon", True, False, id="north-pole-centre"),
        pytest.param(-90.0, 45.0, 1000.0, "Polygon", False, True, id="south-pole-centre"),
        pytest.param(80.0, 0.0, 2000.0, "Polygon", True, False, id="radius-passes-north-pole"),
        pytest.param(-80.0, 100.0, 2000.0, "Polygon", False, True, id="radius-passes-south-pole"),
        pytest.param(0.0, 180.0, 1000.0, "MultiPolygon", False, False, id="centre-on-antimeridian"),
        pytest.param(0.0, -180.0, 1000.0, "MultiPolygon", False, False, id="centre-on-minus-180"),
        pytest.param(40.0, 179.0, 2000.0, "MultiPolygon", False, False, id="crosses-antimeridian"),
        pytest.param(0.0, 0.0, 15_000.0, "Polygon", True, True, id="both-poles"),
        pytest.param(40.209, 125.204, 13_000.0, "Polygon", True, False, id="icbm-from-taegwan"),
        pytest.param(0.0, 0.0, 9_000.0, "Polygon", False, False, id="just-short-of-both-poles"),
    ],
)
def test_range_ring_geojson__edge_cases(
    lat: float, lon: float, radius_km: float, kind: str, north_pole: bool, south_pole: bool
) -> None:
    geometry = geodesy.range_ring_geojson(lat, lon, radius_km)
    polygon = shape(geometry)
    assert geometry["type"] == kind
    assert polygon.is_valid
    assert polygon.covers(Point(0, 90)) is north_pole
    assert polygon.covers(Point(0, -90)) is south_pole


def test_range_ring__pole_enclosing_ring_winds_once() -> None:
    ring = geodesy.range_ring(80.0, 0.0, 2000.0)
    assert abs(ring[-1][1] - ring[0][1]) == 360.0


def test_range_ring__antimeridian_ring_is_continuous_for_leaflet() -> None:
    lons = [v[1] for v in geodesy.range_ring(0.0, 180.0, 1000.0)]
    assert max(lons) > 180 or min(lons) < -180
    assert lons[0] == lons[-1]


def test_range_ring__vertex_count_grows_when_tolerance_tightens() -> None:
    assert len(geodesy.range_ring(*TAEGWAN, 700, max_edge_error=1e-5)) > len(
        geodesy.range_ring(*TAEGWAN, 700)
    )


# --- coordinates and lengths --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("40.209, 125.204", (40.209, 125.204)),
        ("40.209 125.204", (40.209, 125.204)),
        ("40.209;125.204", (40.209, 125.204)),
        ("40°12′32″N 125°12′14″E", (40 + 12 / 60 + 32 / 3600, 125 + 12 / 60 + 14 / 3600)),
        ("40°12'32\"N, 125°12'14\"E", (40 + 12 / 60 + 32 / 3600, 125 + 12 / 60 + 14 / 3600)),
        ("40d12m32sN 125d12m14sE", (40 + 12 / 60 + 32 / 3600, 125 + 12 / 60 + 14 / 3600)),
        ("40.5°N 125.25°E", (40.5, 125.25)),
        ("33°52′S 151°12′E", (-(33 + 52 / 60), 151.2)),
        ("12.5N 70.25W", (12.5, -70.25)),
        ("125.2E 40.2N", (40.2, 125.2)),
        ("-33.9, -70.6", (-33.9, -70.6)),
        ("90, 180", (90.0, 180.0)),
    ],
)
def test_parse_coordinate__accepts(text: str, expected: tuple[float, float]) -> None:
    assert geodesy.parse_coordinate(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("125.204, 40.209", "swapped"),
        ("Taegwan", "expected a coordinate"),
        ("40.2", "expected a coordinate"),
        ("40.2N 125.2N", "one latitude"),
        ("40°75′N 125°E", "below 60"),
        ("-40.2S 125E", "minus sign or S/W"),
        ("91, 10", "latitude must be within"),
        ("10, 181", "longitude must be within"),
    ],
)
def test_parse_coordinate__rejects(text: str, message: str) -> None:
    with pytest.raises(InvalidCoordinate, match=message):
        geodesy.parse_coordinate(text)


@pytest.mark.parametrize(
    ("lat", "lon", "swapped_hint"),
    [
        (125.2, 40.2, True),
        (-95.0, 12.0, True),
        (95.0, 200.0, False),
        (math.nan, 10.0, False),
        ("x", 1.0, False),
    ],
)
def test_validate_lat_lon__rejects_with_hint_when_swapped(lat: float, lon: float, swapped_hint: bool) -> None:
    with pytest.raises(InvalidCoordinate) as caught:
        geodesy.validate_lat_lon(lat, lon)
    assert ("swapped" in str(caught.value)) is swapped_hint


# --- single pairs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(TAEGWAN, SEOUL, id="korea"),
        pytest.param((0.0, 0.0), (0.0, 180.0), id="equatorial-antipodes"),
        pytest.param((40.0, 125.0), (-40.0, -55.0), id="antipodes"),
        pytest.param((90.0, 0.0), (-90.0, 0.0), id="pole-to-pole"),
        pytest.param((10.0, 179.5), (10.0, -179.5), id="across-180"),
    ],
)
def test_inverse__matches_geographiclib(a: tuple[float, float], b: tuple[float, float]) -> None:
    expected = GEOD.Inverse(a[0], a[1], b[0], b[1])
    distance_km, bearing_deg = geodesy.inverse(a, b)
    assert distance_km == pytest.approx(expected["s12"] / 1000, abs=ONE_METRE_KM)
    assert geodesy.distance_km(a, b) == pytest.approx(expected["s12"] / 1000, abs=ONE_METRE_KM)
    assert 0 <= bearing_deg < 360


def test_distance_km__antipodes_are_half_the_meridian() -> None:
    assert geodesy.distance_km((0.0, 0.0), (0.0, 180.0)) == pytest.approx(
        geodesy.MAX_RING_RADIUS_KM, abs=0.01
    )


@pytest.mark.parametrize(
    ("lat", "lon", "bearing_deg", "distance_km"),
    [
        (*TAEGWAN, 95.0, 700.0),
        (0.0, 179.0, 90.0, 500.0),
        (89.0, 0.0, 0.0, 300.0),
        (-10.0, -179.9, 270.0, 50.0),
    ],
)
def test_destination__matches_geographiclib_and_wraps_lon(
    lat: float, lon: float, bearing_deg: float, distance_km: float
) -> None:
    expected = GEOD.Direct(lat, lon, bearing_deg, distance_km * 1000)
    got_lat, got_lon = geodesy.destination(lat, lon, bearing_deg, distance_km)
    assert -180 <= got_lon < 180
    assert _geodesic_km((got_lat, got_lon), (expected["lat2"], expected["lon2"])) < ONE_METRE_KM


def test_destination__rejects_negative_distance() -> None:
    with pytest.raises(InvalidRange):
        geodesy.destination(*TAEGWAN, 90, -1)


# --- tracks -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (TAEGWAN, (39.37, 133.31)),
        ((40.0, 170.0), (45.0, -170.0)),
        ((60.0, -170.0), (55.0, 160.0)),
        (TAEGWAN, SEOUL),
    ],
)
def test_track__densified_geodesic_with_unwrapped_lons(
    start: tuple[float, float], end: tuple[float, float]
) -> None:
    points = geodesy.track(start, end, spacing_km=25)
    total_km = _geodesic_km(start, end)
    assert points[0] == pytest.approx(start)
    assert _geodesic_km(points[-1], end) < ONE_METRE_KM
    lons = np.array([p[1] for p in points])
    assert np.all(np.abs(np.diff(lons)) < 180)
    steps = [_geodesic_km(a, b) for a, b in itertools.pairwise(points)]
    assert max(steps) <= 25.001
    assert sum(steps) == pytest.approx(total_km, rel=1e-6), "every point lies on the geodesic"


@pytest.mark.parametrize(
    ("start", "end", "pole_lat"),
    [
        ((80.0, 0.0), (80.0, 180.0), 90.0),
        ((-85.0, 30.0), (-85.0, -150.0), -90.0),
        ((0.0, 0.0), (0.0, 180.0), 90.0),
    ],
)
def test_track__over_a_pole_goes_through_it(start: tuple, end: tuple, pole_lat: float) -> None:
    points = geodesy.track(start, end, spacing_km=100)
    assert [p[0] for p in points].count(pole_lat) == 2
    for (lat1, lon1), (lat2, lon2) in itertools.pairwise(points):
        assert abs(lon2 - lon1) < 180 or lat1 == lat2 == pole_lat, "only the pole itself spans meridians"
    geometry = geodesy.track_geojson(start, end, spacing_km=100)
    assert pole_lat in [p[1] for line in _lines(geometry) for p in line]


def _lines(geometry: dict) -> list:
    return [geometry["coordinates"]] if geometry["type"] == "LineString" else geometry["coordinates"]


def test_track_geojson__splits_at_antimeridian() -> None:
    geometry = geodesy.track_geojson((40.0, 170.0), (45.0, -170.0))
    assert geometry["type"] == "MultiLineString"
    for line in geometry["coordinates"]:
        assert np.all(np.abs(np.diff([p[0] for p in line])) <= 180)


def test_track_geojson__stays_a_linestring_away_from_180() -> None:
    assert geodesy.track_geojson(TAEGWAN, SEOUL)["type"] == "LineString"


# --- in range -----------------------------------------------------------------------------------


def test_points_within__matches_geographiclib_and_masks_far_points() -> None:
    rng = np.random.default_rng(42)
    lats, lons = rng.uniform(-90, 90, 300), rng.uniform(-180, 180, 300)
    distance_km, bearing_deg = geodesy.points_within(*TAEGWAN, 8000, lats, lons)
    for i in range(lats.size):
        line = GEOD.Inverse(*TAEGWAN, lats[i], lons[i])
        if line["s12"] / 1000 <= 8000:
            assert distance_km[i] == pytest.approx(line["s12"] / 1000, abs=ONE_METRE_KM)
            assert bearing_deg[i] == pytest.approx(line["azi1"] % 360, abs=1e-6)
        else:
            assert np.isnan(distance_km[i]) and np.isnan(bearing_deg[i])


@pytest.mark.parametrize("radius_km", [50.0, 3000.0, 13_000.0])
def test_points_within__exact_at_the_boundary_in_every_direction(radius_km: float) -> None:
    # The spherical pre-filter differs from the ellipsoid by up to ~0.5 %: it must not drop edge cases.
    azimuths = np.arange(0, 360, 2.0)
    inside = [GEOD.Direct(*TAEGWAN, az, (radius_km - 0.01) * 1000) for az in azimuths]
    outside = [GEOD.Direct(*TAEGWAN, az, (radius_km + 0.01) * 1000) for az in azimuths]
    lats = np.array([p["lat2"] for p in inside + outside])
    lons = np.array([p["lon2"] for p in inside + outside])
    distance_km, bearing_deg = geodesy.points_within(*TAEGWAN, radius_km, lats, lons)
    assert np.all(np.isfinite(distance_km[: azimuths.size]))
    assert np.all(np.isnan(distance_km[azimuths.size :]))
    assert bearing_deg[: azimuths.size] == pytest.approx(azimuths, abs=1e-6)


def test_cities_in_range__nearest_first_with_distance_and_bearing() -> None:
    found = geodesy.cities_in_range(*TAEGWAN, 700)
    assert list(found.columns) == geodesy.IN_RANGE_COLUMNS
    assert found["distance_km"].is_monotonic_increasing
    assert found["distance_km"].max() <= 700
    seoul = found[found["name"] == "Seoul"].iloc[0]
    assert seoul["country"] == "South Korea"
    assert seoul["distance_km"] == pytest.approx(
        _geodesic_km(TAEGWAN, (seoul["lat"], seoul["lon"])), abs=0.001
    )
    assert "Tokyo" not in set(found["name"])


def test_cities_in_range__min_population_and_extra_places() -> None:
    extra = pd.DataFrame({"name": ["Sohae"], "lat": [39.66], "lon": [124.705], "kind": ["launch site"]})
    found = geodesy.cities_in_range(*TAEGWAN, 1000, min_population=1_000_000, extra_places=extra)
    assert (found.loc[found["kind"] == "city", "population"] >= 1_000_000).all()
    assert found.loc[found["name"] == "Sohae", "kind"].tolist() == ["launch site"]
    assert geodesy.population_in_range(found) == found.loc[found["kind"] == "city", "population"].sum()


def test_cities_in_range__icbm_radius_covers_tens_of_thousands() -> None:
    found = geodesy.cities_in_range(*TAEGWAN, 13_000)
    assert len(found) > 20_000
    assert geodesy.population_in_range(found) > 2_000_000_000


def test_population_in_range__empty_is_zero() -> None:
    empty = geodesy.cities_in_range(-48.88, -123.39, 50)  # Point Nemo, the ocean pole of inaccessibility
    assert empty.empty
    assert geodesy.population_in_range(empty) == 0


def test_cities_in_range__curated_place_replaces_its_geonames_city() -> None:
    # Tokyo and Washington are curated places and GeoNames cities: one row each, with a population.
    places = pd.DataFrame(
        [
            {"name": "Tokyo", "lat": 35.6895, "lon": 139.6917, "kind": "capital", "country": "Japan"},
            {"name": "Washington", "lat": 38.8951, "lon": -77.0364, "kind": "capital", "country": "USA"},
        ]
    )
    found = geodesy.cities_in_range(39.66, 124.705, 13000, min_population=100000, extra_places=places)
    for name in ("Tokyo", "Washington"):
        rows = found[found["name"] == name]
        assert len(rows) == 1, rows
        assert rows["population"].iloc[0] > 500_000
        assert rows["kind"].iloc[0] == "capital"


def test_tracks__many_at_once_equal_one_by_one() -> None:
    rng = np.random.default_rng(3)
    starts = np.column_stack([rng.uniform(-60, 60, 200), rng.uniform(-180, 180, 200)])
    ends = np.column_stack([rng.uniform(-60, 60, 200), rng.uniform(-180, 180, 200)])
    batch = geodesy.tracks(starts[:, 0], starts[:, 1], ends[:, 0], ends[:, 1], spacing_km=250)
    for start, end, got in zip(starts, ends, batch, strict=True):
        one = np.asarray(geodesy.track(tuple(start), tuple(end), spacing_km=250))
        assert got.shape == one.shape
        assert np.allclose(got, one, atol=1e-7)


def test_tracks__over_the_pole_gets_the_pole_like_track() -> None:
    (got,) = geodesy.tracks([60.0], [0.0], [60.0], [180.0], spacing_km=100)
    assert np.allclose(got, geodesy.track((60.0, 0.0), (60.0, 180.0), spacing_km=100))
    assert geodesy.tracks([], [], [], []) == []
