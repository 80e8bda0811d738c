"""launchmap CSV: the schema's columns plus a readable ``sources`` column; safe to open in a spreadsheet.

A text cell a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``…) is written with a
leading ``'`` and read back unchanged, so an export re-imports as the same events.
"""

from __future__ import annotations

import io
from typing import Any

import pandas as pd

from geodata.errors import InvalidFile
from geodata.formats.parsed import ParsedFile
from geodata.formats.records import plain_records, source_summary, sources_by_launch
from geodata.schema import LAUNCHES, SOURCES

__all__ = ["FORMULA_STARTS", "neutralise_cell", "read_csv", "restore_cell", "to_csv"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """Prefix ``'`` to a text value a spreadsheet would read as a formula; other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restore_cell(value: Any) -> Any:
    """Undo :func:`neutralise_cell` when a launchmap CSV is read back."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def to_csv(launches: pd.DataFrame, sources: pd.DataFrame | None = None) -> str:
    """Launches as CSV (schema columns + ``sources``, joined with `` | ``), formula cells neutralised."""
    by_launch = sources_by_launch(sources)
    rows = []
    for record in plain_records(launches, LAUNCHES.names):
        record["sources"] = " | ".join(source_summary(s) for s in by_launch.get(str(record.get("id")), []))
        rows.append({k: neutralise_cell(v) for k, v in record.items()})
    frame = pd.DataFrame(rows, columns=[*LAUNCHES.names, "sources"])
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def read_csv(data: bytes, name: str) -> ParsedFile:
    """A launchmap CSV (or, by its columns, a CNS sheet saved as CSV) from an upload's bytes."""
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
        launches = frame[[c for c in frame.columns if c in LAUNCHES.names]].map(restore_cell)
        launches.index = pd.Index(range(2, len(frame) + 2))  # CSV line numbers (line 1 is the header)
        return ParsedFile("launchmap-csv", launches, sources, warnings=warnings)
    from geodata.formats.cns import looks_like_cns

    if looks_like_cns(list(frame.columns)):
        from geodata.formats.cns import read_cns_file

        return read_cns_file(data, name)
    raise InvalidFile(
        f"{name}: expected launchmap columns ({', '.join(LAUNCHES.names[:4])}, ...) or the CNS database layout "
        f"('Date', 'Missile Name', 'Facility Name', ...); found columns {', '.join(map(str, frame.columns[:8]))}"
    )
