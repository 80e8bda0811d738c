"""The offline basemap: Natural Earth country shapes shipped with launchmap.

``geodata/data/countries_{50m,110m}.geojson`` are generated once by
``scripts/build_basemap.py`` from the npm package ``world-atlas`` (public-domain
Natural Earth Admin 0 boundaries, see ``geodata/data/README.md``). Coordinates are
lon/lat (GeoJSON order), rounded to 4 decimals and already split at ±180, so no
polygon draws a band across a plate-carrée or Web-Mercator map; Antarctica is closed
along the -90 parallel. Each feature has one property, ``name``.

Two views of the same data:

- :func:`load_countries` — a GeoJSON FeatureCollection (a fresh copy: callers such as
  folium may add keys to it) for Leaflet layers;
- :func:`country_shapes` / :func:`land` — shapely geometries for matplotlib stills and
  for clipping to a view box (:func:`shapes_in_box`).

>>> collection = load_countries("110m")
>>> any(f["properties"]["name"] == "North Korea" for f in collection["features"])
True
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import box, shape
from shapely.geometry.base import BaseGeometry

from geodata.errors import InvalidFile, InvalidOption

DATA_DIR = Path(str(resources.files("geodata") / "data"))  # shipped as package data
RESOLUTIONS = ("50m", "110m")
CREDIT = "Natural Earth"


@dataclass(frozen=True)
class CountryShape:
    """One country: its Natural Earth name and its (lon, lat) shapely geometry."""

    name: str
    geometry: BaseGeometry


def basemap_path(resolution: str = "50m") -> Path:
    """Path of the GeoJSON file for ``resolution`` ("50m" or "110m")."""
    if resolution not in RESOLUTIONS:
        raise InvalidOption(
            f"resolution must be one of {RESOLUTIONS}, got {resolution!r} ({type(resolution).__name__})"
        )
    return DATA_DIR / f"countries_{resolution}.geojson"


@cache
def _collection(resolution: str) -> dict[str, Any]:
    path = basemap_path(resolution)
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidFile(
            f"expected the basemap GeoJSON at {str(path)!r}; rebuild it with scripts/build_basemap.py ({exc})"
        ) from exc
    if collection.get("type") != "FeatureCollection":
        raise InvalidFile(f"expected a FeatureCollection in {str(path)!r}, got {collection.get('type')!r}")
    return collection


def load_countries(resolution: str = "50m") -> dict[str, Any]:
    """Country polygons as a GeoJSON FeatureCollection (lon/lat; property ``name``).

    The file is read once per process; each call returns an independent copy.
    """
    return copy.deepcopy(_collection(resolution))


@cache
def country_shapes(resolution: str = "50m") -> tuple[CountryShape, ...]:
    """Country geometries as shapely objects (lon/lat), read once per process."""
    return tuple(
        CountryShape(f["properties"].get("name", ""), shape(f["geometry"]))
        for f in _collection(resolution)["features"]
    )


@cache
def land(resolution: str = "50m") -> BaseGeometry:
    """All land as one (Multi)Polygon: the union of every country (lon/lat)."""
    # make_valid: a few 110m countries self-touch after rounding; union needs valid input
    return shapely.union_all([shapely.make_valid(c.geometry) for c in country_shapes(resolution)])


def shapes_in_box(
    lon_min: float, lat_min: float, lon_max: float, lat_max: float, resolution: str = "50m"
) -> list[CountryShape]:
    """Countries that intersect a lon/lat box, clipped to it (for a regional still).

    The box must not cross ±180 (split it in two and call twice if it does).
    """
    if not (-180 <= lon_min < lon_max <= 180 and -90 <= lat_min < lat_max <= 90):
        raise InvalidOption(
            "expected a box with -180 <= lon_min < lon_max <= 180 and -90 <= lat_min < lat_max <= 90, "
            f"got {(lon_min, lat_min, lon_max, lat_max)!r} (tuple)"
        )
    view = box(lon_min, lat_min, lon_max, lat_max)
    clipped = []
    for country in country_shapes(resolution):
        if country.geometry.intersects(view):
            part = shapely.make_valid(country.geometry).intersection(view)
            if not part.is_empty:
                clipped.append(CountryShape(country.name, part))
    return clipped
