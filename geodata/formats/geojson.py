"""GeoJSON (RFC 7946): launches as points, their tracks and impact points, and range rings.

Tracks and rings that cross 180° are split there; every launch point carries the schema's
columns and its sources, so :func:`from_geojson` reads the same events back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from geodata.events import launches_frame, sources_frame
from geodata.formats.records import SOURCE_FIELDS, plain_records, sources_by_launch
from geodata.geo import geodesy
from geodata.geo.rings import RingSpec
from geodata.schema import LAUNCHES
from geodata.tracks import flight_tracks

__all__ = ["from_geojson", "to_geojson"]


def _end_point(record: dict[str, Any]) -> tuple[tuple[float, float], bool] | None:
    tracks = flight_tracks([record])
    return (tracks[0].end, tracks[0].estimated) if tracks else None


def to_geojson(
    launches: pd.DataFrame, sources: pd.DataFrame | None = None, rings: Iterable[RingSpec] = ()
) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection of the launches, their tracks and impacts, and range rings.

    Every feature has ``properties.feature_type`` (``launch``, ``track``, ``impact``,
    ``range_ring``); launch features carry every schema column and ``sources``.
    """
    by_launch = sources_by_launch(sources)
    features: list[dict[str, Any]] = []
    for record in plain_records(launches, LAUNCHES.names):
        launch_id = str(record.get("id"))
        if record.get("lat") is None or record.get("lon") is None:
            continue
        start = (float(record["lat"]), float(record["lon"]))
        features.append(
            {
                "type": "Feature",
                "id": launch_id,
                "geometry": {"type": "Point", "coordinates": [start[1], start[0]]},
                "properties": {"feature_type": "launch", **record, "sources": by_launch.get(launch_id, [])},
            }
        )
        end = _end_point(record)
        if end is None:
            continue
        (lat, lon), estimated = end
        common = {"launch_id": launch_id, "system_class": record.get("system_class"), "estimated": estimated}
        features.append(
            {
                "type": "Feature",
                "geometry": geodesy.track_geojson(start, (lat, lon)),
                "properties": {"feature_type": "track", **common},
            }
        )
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {"feature_type": "impact", **common},
            }
        )
    for ring in rings:
        features.append(
            {
                "type": "Feature",
                "geometry": geodesy.range_ring_geojson(ring.lat, ring.lon, ring.radius_km),
                "properties": {
                    "feature_type": "range_ring",
                    "centre_lat": ring.lat,
                    "centre_lon": ring.lon,
                    "radius_km": ring.radius_km,
                    "label": ring.text,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def from_geojson(collection: dict[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read the launch features of a :func:`to_geojson` collection back: ``(launches, sources)``.

    The point's coordinates are the launch position; tracks, impacts and rings are
    derived data and are skipped. Frames follow the schema's columns and dtypes.
    """
    launches, sources = [], []
    for feature in collection.get("features") or []:
        properties = dict(feature.get("properties") or {})
        kind = properties.pop("feature_type", "launch")
        geometry = feature.get("geometry") or {}
        if kind != "launch" or geometry.get("type") != "Point":
            continue
        lon, lat = geometry["coordinates"][:2]
        record = {c: properties.get(c) for c in LAUNCHES.names} | {"lat": lat, "lon": lon}
        record["id"] = record["id"] if record["id"] is not None else feature.get("id")
        launches.append(record)
        for source in properties.get("sources") or []:
            sources.append({c: source.get(c) for c in SOURCE_FIELDS} | {"launch_id": record["id"]})
    return launches_frame(launches), sources_frame(sources)
