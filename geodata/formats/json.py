"""launchmap JSON: one record per launch with its ``sources`` nested — what ``import`` reads back.

A JSON file holding a GeoJSON FeatureCollection is handed to :mod:`~geodata.formats.geojson`.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from geodata.errors import InvalidFile
from geodata.formats.geojson import from_geojson
from geodata.formats.parsed import ParsedFile
from geodata.formats.records import plain_records, sources_by_launch
from geodata.schema import LAUNCHES, SOURCES

__all__ = ["read_json", "to_json"]


def to_json(launches: pd.DataFrame, sources: pd.DataFrame | None = None) -> str:
    """Launches as a JSON list of records, each with its ``sources``; times in ISO-8601 UTC."""
    by_launch = sources_by_launch(sources)
    records = plain_records(launches, LAUNCHES.names)
    for record in records:
        record["sources"] = by_launch.get(str(record.get("id")), [])
    return json.dumps(records, indent=1, ensure_ascii=False) + "\n"


def read_json(data: bytes, name: str) -> ParsedFile:
    """launchmap JSON records, or a GeoJSON FeatureCollection, from an upload's bytes."""
    try:
        document: Any = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidFile(f"{name} is not valid JSON: {error}") from error
    if isinstance(document, dict) and document.get("type") == "FeatureCollection":
        launches, sources = from_geojson(document)
        return ParsedFile("geojson", launches, sources)
    if isinstance(document, list) and all(isinstance(r, dict) for r in document):
        source_rows = [{**s, "launch_id": r.get("id")} for r in document for s in r.get("sources") or []]
        launches = pd.DataFrame([{k: v for k, v in r.items() if k != "sources"} for r in document])
        return ParsedFile("launchmap-json", launches, pd.DataFrame(source_rows, columns=SOURCES.names))
    raise InvalidFile(
        f"{name}: expected a GeoJSON FeatureCollection or a JSON list of launch records, "
        f"got {type(document).__name__}"
    )
