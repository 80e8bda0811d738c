"""What a still map shows and how it is projected (no matplotlib here).

A :class:`MapView` is a pyproj projection plus a rectangle in projected metres. It is
chosen from the content (:func:`choose_view`):

* **regional** — Mercator centred on the content, like the interactive (Web-Mercator)
  map, for a single launch or a region; scale is true at the centre latitude;
* **azimuthal** — azimuthal-equidistant centred on the largest range ring's centre, used
  when a ring is intercontinental (> :data:`AZIMUTHAL_RING_KM`) or the content reaches
  the polar regions: every ring around the centre is a true circle and every distance
  from the centre is true.

The basemap is clipped in lon/lat to what the view can see before projecting (a lon/lat
box for Mercator; a geodesic disc for the azimuthal view, so the antipode, where the
projection tears, is never drawn) and cached per view.

>>> view = choose_view([(40.21, 125.2), (40.5, 133.4)], rings=(), aspect=16 / 9)
>>> view.kind, view.resolution
('regional', '50m')
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import numpy.typing as npt
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiLineString, box, shape
from shapely.geometry.base import BaseGeometry

from geodata.geo import basemap, geodesy
from geodata.geo.rings import RingSpec

AZIMUTHAL_RING_KM = 3000.0  # beyond this a Mercator ring is visibly not a circle
MIN_VIEW_KM = 700.0  # a single site is shown with enough land around it to be recognised
PAD = 0.12  # fraction of the content's extent added on each side
POLAR_LAT = 72.0  # Mercator stretches too much beyond this
WORLD_LIMIT_KM = 19_000.0  # azimuthal views never reach the antipode (~20,000 km), where it tears


@dataclass(frozen=True)
class MapView:
    """A projection and the projected rectangle (metres) a still shows."""

    kind: str  # "regional" (Mercator) or "azimuthal" (azimuthal equidistant)
    centre_lat: float
    centre_lon: float
    x_min: float
    x_max: float
    y_min: float
    y_max: float
    transformer: Transformer = field(compare=False, repr=False)
    disc_m: float = 0.0  # azimuthal views show the globe only within this distance of the centre

    @property
    def crs(self) -> str:
        if self.kind == "azimuthal":
            return f"+proj=aeqd +lat_0={self.centre_lat} +lon_0={self.centre_lon} +datum=WGS84 +units=m"
        return f"+proj=merc +lon_0={self.centre_lon} +datum=WGS84 +units=m"

    @property
    def scale_factor(self) -> float:
        """Projected metres per ground metre at the centre (Mercator 1/cos φ; azimuthal 1)."""
        return 1.0 / math.cos(math.radians(self.centre_lat)) if self.kind == "regional" else 1.0

    @property
    def width_km(self) -> float:
        return (self.x_max - self.x_min) / self.scale_factor / 1000.0

    @property
    def resolution(self) -> str:
        return "50m" if self.width_km < 7000 else "110m"

    def project(self, lats: npt.ArrayLike, lons: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        """Projected ``(x, y)`` metres of ``(lat, lon)`` points (lons may be unwrapped)."""
        x, y = self.transformer.transform(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
        return np.asarray(x), np.asarray(y)

    def contains(self, x: float, y: float) -> bool:
        return self.x_min <= x <= self.x_max and self.y_min <= y <= self.y_max


@lru_cache(maxsize=64)  # building one costs 10-20 ms, a third of a small still; pyproj's are thread-safe
def _transformer(kind: str, lat: float, lon: float) -> Transformer:
    if kind == "azimuthal":
        crs = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m"
    else:
        crs = f"+proj=merc +lon_0={lon} +datum=WGS84 +units=m"
    return Transformer.from_crs("EPSG:4326", crs, always_xy=True)


def _circular_mean_lon(lons: np.ndarray) -> float:
    radians = np.radians(lons)
    return float(np.degrees(np.arctan2(np.sin(radians).mean(), np.cos(radians).mean())))


def _fit(x: np.ndarray, y: np.ndarray, aspect: float, min_m: float) -> tuple[float, float, float, float]:
    """Pad the content box, give it a minimum size and widen it to the axes' aspect (width/height)."""
    x_min, x_max, y_min, y_max = float(x.min()), float(x.max()), float(y.min()), float(y.max())
    width, height = max(x_max - x_min, min_m), max(y_max - y_min, min_m)
    width, height = width * (1 + 2 * PAD), height * (1 + 2 * PAD)
    if width / height < aspect:
        width = height * aspect
    else:
        height = width / aspect
    cx, cy = (x_min + x_max) / 2, (y_min + y_max) / 2
    return cx - width / 2, cx + width / 2, cy - height / 2, cy + height / 2


def choose_view(
    points: Sequence[tuple[float, float]] | np.ndarray, rings: Sequence[RingSpec], aspect: float
) -> MapView:
    """The view for ``points`` (``(lat, lon)``: sites, impacts, track vertices) and ``rings``.

    ``aspect`` is the map area's width / height. With no content at all the view is
    the Korean peninsula and the seas around it.
    """
    # One (n, 2) array: a still of 10,000 tracks brings some 600,000 vertices.
    given = np.asarray(points, dtype=float).reshape(-1, 2)
    pts = given[np.isfinite(given).all(axis=1)]
    big = [r for r in rings if r.radius_km > AZIMUTHAL_RING_KM]
    small = [r for r in rings if r.radius_km <= AZIMUTHAL_RING_KM]
    for ring in small:
        ring_points = np.asarray(geodesy.range_ring(ring.lat, ring.lon, ring.radius_km)[::4], dtype=float)
        pts = np.concatenate([pts, ring_points.reshape(-1, 2)])
    if not len(pts) and not big:
        pts = np.array([(33.0, 124.0), (43.0, 131.0)])
    lats = pts[:, 0].copy() if len(pts) else np.array([big[0].lat])
    polar = bool(np.abs(lats).max() > POLAR_LAT)
    if big or polar:
        centre = max(big, key=lambda r: r.radius_km) if big else None
        lat0 = centre.lat if centre else float(lats.mean())
        lon0 = centre.lon if centre else _circular_mean_lon(pts[:, 1].copy())
        transformer = _transformer("azimuthal", lat0, lon0)
        xs: list[float] = []
        ys: list[float] = []
        if len(pts):
            x, y = transformer.transform(pts[:, 1].copy(), pts[:, 0].copy())
            xs.extend(np.atleast_1d(x))
            ys.extend(np.atleast_1d(y))
        reach_m = max((r.radius_km for r in big), default=0.0) * 1000.0
        reach_m = max([reach_m, *np.hypot(xs, ys)])
        # A disc a little larger than the content: the map ends in a circle, well before
        # the antipode where the projection stretches countries into crescents.
        disc_m = min(reach_m * 1.08 + 300e3, WORLD_LIMIT_KM * 1000.0)
        x_min, x_max, y_min, y_max = (
            b / (1 + 2 * PAD) * 1.02  # the disc needs no padding
            for b in _fit(np.array([-disc_m, disc_m]), np.array([-disc_m, disc_m]), aspect, 0.0)
        )
        return MapView("azimuthal", lat0, lon0, x_min, x_max, y_min, y_max, transformer, disc_m)
    lons = pts[:, 1].copy()
    lon0 = round(_circular_mean_lon(lons), 4)
    lat0 = round(float((lats.min() + lats.max()) / 2), 4)
    transformer = _transformer("regional", lat0, lon0)
    x, y = transformer.transform(lons, lats)
    scale = 1.0 / math.cos(math.radians(lat0))
    bounds = _fit(np.atleast_1d(x), np.atleast_1d(y), aspect, MIN_VIEW_KM * 1000.0 * scale)
    return MapView("regional", lat0, lon0, *bounds, transformer=transformer)


# --- the basemap in a view -------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _border_lines(resolution: str) -> tuple[BaseGeometry, ...]:
    """Country outlines as lines, without the cuts at ±180 and along -90 (not real borders)."""
    lines = []
    for country in basemap.country_shapes(resolution):
        for ring in shapely.get_rings(shapely.get_parts(country.geometry)):
            coords = np.asarray(ring.coords)
            seam = ((np.abs(coords[:-1, 0]) == 180) & (coords[:-1, 0] == coords[1:, 0])) | (
                (coords[:-1, 1] <= -89.9999) & (coords[1:, 1] <= -89.9999)
            )
            start = 0
            for i in np.flatnonzero(seam).tolist():
                if i + 1 - start >= 2:
                    lines.append(LineString(coords[start : i + 1]))
                start = i + 1
            if len(coords) - start >= 2:
                lines.append(LineString(coords[start:]))
    return (MultiLineString(lines),)


def _clip_region(view: MapView) -> BaseGeometry:
    """The lon/lat area the view can show, split at ±180 like the basemap."""
    if view.kind == "azimuthal":
        return shape(geodesy.range_ring_geojson(view.centre_lat, view.centre_lon, view.disc_m / 1000.0))
    inverse = Transformer.from_crs(view.crs, "EPSG:4326", always_xy=True)
    lons, lats = inverse.transform([view.x_min, view.x_max], [view.y_min, view.y_max])
    lon_min = view.centre_lon - (view.centre_lon - lons[0]) % 360 - 1
    lon_max = view.centre_lon + (lons[1] - view.centre_lon) % 360 + 1
    lat_min, lat_max = max(lats[0] - 1, -85.0), min(lats[1] + 1, 85.0)
    if lon_max - lon_min >= 360:
        return box(-180, lat_min, 180, lat_max)
    boxes = []
    for shift in (-360, 0, 360):  # the box may pass ±180: cut it into in-range parts
        part = box(lon_min + shift, lat_min, lon_max + shift, lat_max).intersection(box(-180, -90, 180, 90))
        if not part.is_empty:
            boxes.append(part)
    return shapely.union_all(boxes)


def _project(geometry: BaseGeometry, view: MapView) -> BaseGeometry:
    # 1° edges: a straight lon/lat edge is a curve in either projection
    dense = shapely.segmentize(geometry, 1.0)

    def transform(coords: np.ndarray) -> np.ndarray:
        x, y = view.transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    # No clip_by_rect here: it drops parts of the (overlapping, so invalid) multipolygon of
    # countries; the lon/lat clip already bounds the geometry and matplotlib clips to the axes.
    return shapely.transform(dense, transform)


@lru_cache(maxsize=16)
def projected_basemap(view: MapView) -> tuple[BaseGeometry, BaseGeometry]:
    """``(land, borders)`` of the view's basemap in projected metres, clipped to the view."""
    region = _clip_region(view)
    shapely.prepare(region)
    land_parts: list[BaseGeometry] = []
    for country in basemap.country_shapes(view.resolution):
        if region.intersects(country.geometry):
            part = shapely.make_valid(country.geometry).intersection(region)
            land_parts.extend(p for p in shapely.get_parts(part) if p.geom_type == "Polygon")
    land = _project(shapely.MultiPolygon(land_parts), view)
    borders = _project(_border_lines(view.resolution)[0].intersection(region), view)
    return land, borders
