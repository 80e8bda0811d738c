"""Reading launch files in every format launchmap accepts, without writing anything.

Formats, detected from the file name and its columns:

- launchmap CSV (the ``launches.csv`` columns; an optional ``sources`` file beside it is not needed);
- launchmap JSON (``launchmap export --format json``: records with a nested ``sources`` list);
- GeoJSON FeatureCollection written by :func:`geodata.formats.exports.to_geojson`;
- the CNS/NTI "North Korea Missile Test Database" layout, CSV or XLSX (:mod:`geodata.formats.cns`).

Validation happens in the store (:meth:`geodata.store.Store.import_launches`), so the
same rules apply to a file, a form and a pasted report.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from geodata.errors import InvalidFile
from geodata.events import RowError
from geodata.schema import LAUNCHES, SOURCES

# Uploads larger than this are refused before parsing: the whole history is < 1 MB.
MAX_FILE_BYTES = 20 * 1024 * 1024
FORMATS = ("launchmap-csv", "launchmap-json", "geojson", "cns")


@dataclass
class ParsedFile:
    """Candidate rows read from a file; ``errors`` are rows that could not even be parsed."""

    format: str
    launches: pd.DataFrame
    sources: pd.DataFrame
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_launch_file(
    path: Path | None = None, *, data: bytes | None = None, name: str | None = None
) -> ParsedFile:
    """Parse a file from ``path`` or from ``data`` bytes (an upload named ``name``)."""
    if data is None:
        if path is None:
            raise InvalidFile("expected a file path or the file's bytes, got neither")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InvalidFile(
                f"file is {path.stat().st_size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB"
            )
        data = path.read_bytes()
    name = name or (path.name if path else "upload")
    if len(data) > MAX_FILE_BYTES:
        raise InvalidFile(f"file is {len(data) / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB")
    if not data.strip():
        raise InvalidFile(f"{name} is empty; expected CSV, XLSX, JSON or GeoJSON launch data")
    suffix = Path(name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_cns(data, name)
    if suffix in (".json", ".geojson"):
        return _read_json(data, name)
    if suffix in (".csv", ".txt", ""):
        return _read_csv(data, name)
    raise InvalidFile(f"expected a .csv, .xlsx, .json or .geojson file, got {name!r}")


def _read_csv(data: bytes, name: str) -> ParsedFile:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidFile(f"{name} is not UTF-8 text (byte {error.start}); expected a CSV file") from error
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise InvalidFile(f"{name} is not a readable CSV file: {error}") from error
    if "id" in frame.columns and "launched_at" in frame.columns:
        sources = pd.DataFrame(columns=SOURCES.names)
        extra = [c for c in frame.columns if c not in LAUNCHES.names]
        warnings = [f"ignored column(s) not in the launch schema: {', '.join(extra)}"] if extra else []
        from geodata.formats.exports import restore_cell

        launches = frame[[c for c in frame.columns if c in LAUNCHES.names]].map(restore_cell)
        launches.index = pd.Index(range(2, len(frame) + 2))  # CSV line numbers (line 1 is the header)
        return ParsedFile("launchmap-csv", launches, sources, warnings=warnings)
    from geodata.formats.cns import looks_like_cns

    if looks_like_cns(list(frame.columns)):
        return _read_cns(data, name)
    raise InvalidFile(
        f"{name}: expected launchmap columns ({', '.join(LAUNCHES.names[:4])}, ...) or the CNS database layout "
        f"('Date', 'Missile Name', 'Facility Name', ...); found columns {', '.join(map(str, frame.columns[:8]))}"
    )


def _read_json(data: bytes, name: str) -> ParsedFile:
    try:
        document: Any = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidFile(f"{name} is not valid JSON: {error}") from error
    if isinstance(document, dict) and document.get("type") == "FeatureCollection":
        from geodata.formats.exports import from_geojson

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


def _read_cns(data: bytes, name: str) -> ParsedFile:
    from geodata.formats.cns import read_cns

    launches, sources, problems = read_cns(
        io.BytesIO(data)
        if name.lower().endswith((".xlsx", ".xlsm"))
        else io.StringIO(data.decode("utf-8-sig"))
    )
    errors = [p if isinstance(p, RowError) else RowError(**p) for p in problems if _is_error(p)]
    warnings = [
        str(p.get("message", p)) if isinstance(p, dict) else str(p) for p in problems if not _is_error(p)
    ]
    return ParsedFile("cns", launches, sources, errors, warnings)


def _is_error(problem: Any) -> bool:
    return isinstance(problem, RowError) or (
        isinstance(problem, dict) and {"row", "column", "message"} <= problem.keys()
    )
