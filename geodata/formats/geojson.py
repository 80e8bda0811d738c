"""GeoJSON (RFC 7946): launches as points, their tracks and impact points, and range rings.

Tracks and rings that cross 180° are split there; every launch point carries the schema's
columns and its sources, so :func:`from_geojson` reads the same events back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from geodata.errors import InvalidEvent, InvalidFile
from geodata.events import RowError, sources_frame, validate_launches
from geodata.formats.parsed import ParsedFile
from geodata.formats.records import SOURCE_FIELDS, plain_records, sources_by_launch
from geodata.geo import geodesy
from geodata.geo.rings import RingSpec
from geodata.schema import LAUNCHES, SOURCES
from geodata.tracks import flight_tracks

__all__ = ["from_geojson", "read_geojson", "to_geojson"]


def _end_point(record: dict[str, Any]) -> tuple[tuple[float, float], bool] | None:
    tracks = flight_tracks([record])
    return (tracks[0].end, tracks[0].estimated) if tracks else None


def to_geojson(
    launches: pd.DataFrame,
    sources: pd.DataFrame | None = None,
    rings: Iterable[RingSpec] = (),
    records: str | None = None,
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
    collection: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if records:  # a foreign member (RFC 7946 §6.1): how current the history behind the file is
        collection["launchmap"] = {"records": records}
    return collection


def read_geojson(collection: dict[str, Any], name: str = "GeoJSON") -> ParsedFile:
    """Candidate launches and sources from the launch points of a FeatureCollection.

    Tracks, impacts and rings are derived data and are skipped. A feature meant as a launch
    whose geometry is not a Point with two numbers is named in ``errors``; a collection that is
    not a list of features is refused whole.
    """
    features = collection.get("features")
    if not isinstance(features, list):
        raise InvalidFile(f"{name}: 'features' must be a list, got {type(features).__name__}")
    launches: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []
    errors: list[RowError] = []
    skipped = 0
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            errors.append(
                RowError(
                    number,
                    "feature",
                    None,
                    f"expected a GeoJSON Feature object, got {type(feature).__name__}",
                )
            )
            continue
        properties = feature.get("properties") or {}
        if not isinstance(properties, dict):
            errors.append(
                RowError(number, "properties", None, f"expected an object, got {type(properties).__name__}")
            )
            continue
        properties = dict(properties)
        if properties.pop("feature_type", "launch") != "launch":
            continue
        geometry = feature.get("geometry")
        point = _point(geometry)
        if point is None:
            if geometry is None or not isinstance(geometry, dict) or geometry.get("type") != "Point":
                skipped += 1  # a foreign feature (a line, a polygon, no geometry): not a launch
            else:
                errors.append(
                    RowError(
                        number, "geometry", None, "a launch Point needs [longitude, latitude] as two numbers"
                    )
                )
            continue
        lon, lat = point
        record = {c: properties.get(c) for c in LAUNCHES.names} | {"lat": lat, "lon": lon}
        record["id"] = record["id"] if record["id"] is not None else feature.get("id")
        launches.append(record)
        feature_sources = properties.get("sources") or []
        if not isinstance(feature_sources, list) or not all(isinstance(s, dict) for s in feature_sources):
            errors.append(RowError(number, "sources", None, "expected a list of source objects"))
            continue
        for source in feature_sources:
            sources.append({c: source.get(c) for c in SOURCE_FIELDS} | {"launch_id": record["id"]})
    warnings = [f"skipped {skipped} feature(s) that are not launch points"] if skipped else []
    frame = pd.DataFrame(launches, columns=LAUNCHES.names)
    return ParsedFile("geojson", frame, pd.DataFrame(sources, columns=SOURCES.names), errors, warnings)


def _point(geometry: Any) -> tuple[float, float] | None:
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        return None
    coordinates = geometry.get("coordinates")
    if not isinstance(coordinates, list) or len(coordinates) < 2:
        return None
    lon, lat = coordinates[:2]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lon, lat)):
        return None
    return float(lon), float(lat)


def from_geojson(collection: dict[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The launches and sources of a :func:`to_geojson` collection, validated and typed.

    Raises :class:`~geodata.errors.InvalidEvent` naming the first bad feature.
    """
    parsed = read_geojson(collection)
    if parsed.errors:
        raise InvalidEvent(f"GeoJSON: {parsed.errors[0]}", parsed.errors)
    launches, errors = validate_launches(parsed.launches)
    if errors:
        raise InvalidEvent(f"GeoJSON: {errors[0]}", errors)
    return launches, sources_frame(parsed.sources.to_dict("records"))
