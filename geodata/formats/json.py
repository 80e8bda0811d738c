"""launchmap JSON: one record per launch with its ``sources`` nested — what ``import`` reads back.

A JSON file holding a GeoJSON FeatureCollection is handed to :mod:`~geodata.formats.geojson`.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from geodata.errors import InvalidFile
from geodata.formats.geojson import read_geojson
from geodata.formats.guard import check_json_depth, check_size
from geodata.formats.parsed import ParsedFile
from geodata.formats.records import plain_records, sources_by_launch
from geodata.limits import MAX_ROWS
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
    """launchmap JSON records, or a GeoJSON FeatureCollection, from an upload's bytes.

    The document's shape is checked before any row is used: a list of objects, each with an
    ``id``, plain values (text, numbers, true/false, null) in the launch columns and, if present,
    ``sources`` as a list of objects. Anything else is refused with what was expected.
    """
    check_size(len(data), name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidFile(f"{name} is not UTF-8 text (byte {error.start}); expected JSON") from error
    check_json_depth(text, name)
    try:
        document: Any = json.loads(text, parse_int=_bounded_int)
    except (json.JSONDecodeError, ValueError, RecursionError) as error:
        raise InvalidFile(f"{name} is not valid JSON: {error}") from error
    if isinstance(document, dict) and document.get("type") == "FeatureCollection":
        return read_geojson(document, name)
    if not isinstance(document, list):
        raise InvalidFile(
            f"{name}: expected a GeoJSON FeatureCollection or a JSON list of launch records, "
            f"got {type(document).__name__}"
        )
    if not document:
        raise InvalidFile(f"{name}: expected at least one launch record, got an empty list")
    if len(document) > MAX_ROWS:
        raise InvalidFile(f"{name}: {len(document):,} records; the limit is {MAX_ROWS:,}")
    launches: list[dict[str, Any]] = []
    source_rows: list[dict[str, Any]] = []
    for number, record in enumerate(document, start=1):
        if not isinstance(record, dict):
            raise InvalidFile(f"{name}: record {number} is {type(record).__name__}; expected an object")
        if not isinstance(record.get("id"), str) or not record["id"].strip():
            raise InvalidFile(f"{name}: record {number} has no text 'id'; got {record.get('id')!r}")
        sources = record.get("sources") or []
        if not isinstance(sources, list) or not all(isinstance(s, dict) for s in sources):
            raise InvalidFile(
                f"{name}: record {number} ({record['id']!r}): 'sources' must be a list of objects, "
                f"got {type(sources).__name__}"
            )
        fields = {k: v for k, v in record.items() if k != "sources"}
        for item in [fields, *sources]:
            nested = [k for k, v in item.items() if isinstance(v, (dict, list))]
            if nested:
                raise InvalidFile(
                    f"{name}: record {number} ({record['id']!r}): field {nested[0]!r} must be a plain value, "
                    f"got {type(item[nested[0]]).__name__}"
                )
        launches.append(fields)
        source_rows.extend({**s, "launch_id": record["id"]} for s in sources)
    frame = pd.DataFrame(launches)
    frame.index = pd.Index(range(1, len(frame) + 1))  # record numbers, as the messages name them
    return ParsedFile("launchmap-json", frame, pd.DataFrame(source_rows, columns=SOURCES.names))


def _bounded_int(text: str) -> int | float:
    # A 5,000-digit integer would take seconds to convert; no launch figure needs 16 digits.
    if len(text.lstrip("-")) > 15:
        raise InvalidFile(f"a number with {len(text)} digits ({text[:20]}…); the limit is 15 digits")
    return int(text)
