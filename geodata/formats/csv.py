"""launchmap CSV: the schema's columns plus a readable ``sources`` column; safe to open in a spreadsheet.

A text cell a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``…) is written with a
leading ``'`` and read back unchanged, so an export re-imports as the same events.
"""

from __future__ import annotations

import io
import json
from typing import Any

import numpy as np
import pandas as pd

from geodata.errors import InvalidFile
from geodata.formats.cns import looks_like_cns, read_cns_file
from geodata.formats.guard import check_json_depth, check_rows, check_size
from geodata.formats.parsed import ParsedFile
from geodata.formats.records import plain_columns, source_summary, sources_by_launch
from geodata.formats.table import read_table
from geodata.schema import LAUNCHES, SOURCES

__all__ = ["FORMULA_STARTS", "neutralise_cell", "neutralise_column", "read_csv", "restore_cell", "to_csv"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The same rule as neutralise_cell for a whole column at once: a formula start, or ' before one.
_NEEDS_PREFIX = r"'?[=+\-@\t\r]"


def neutralise_cell(value: Any) -> Any:
    """Prefix ``'`` to a text value a spreadsheet would read as a formula; other values pass unchanged.

    A value that already starts with ``'`` and a formula character is prefixed too, so
    :func:`restore_cell` gives it back whole (``'=x`` stays ``'=x``).
    """
    if isinstance(value, str) and (value.startswith(FORMULA_STARTS) or _restorable(value)):
        return "'" + value
    return value


def neutralise_column(values: np.ndarray) -> np.ndarray:
    """:func:`neutralise_cell` over an object array, matched in one vectorised pass."""
    is_text = np.fromiter((isinstance(value, str) for value in values), dtype=bool, count=len(values))
    if not is_text.any():
        return values
    needs = np.zeros(len(values), dtype=bool)
    needs[is_text] = pd.Series(values[is_text], dtype="string").str.match(_NEEDS_PREFIX).to_numpy(dtype=bool)
    if needs.any():
        values = values.copy()
        values[needs] = ["'" + value for value in values[needs]]
    return values


def _restorable(value: str) -> bool:
    return value.startswith("'") and value[1:].startswith(FORMULA_STARTS)


def restore_cell(value: Any) -> Any:
    """Undo :func:`neutralise_cell` when a launchmap CSV is read back."""
    if isinstance(value, str) and _restorable(value):
        return value[1:]
    return value


# The export's own extra columns: a readable summary for people and the same sources as JSON for
# `launchmap import`, so a CSV export re-imports with its sources.
SOURCES_COLUMN, SOURCES_JSON_COLUMN = "sources", "sources_json"


def to_csv(launches: pd.DataFrame, sources: pd.DataFrame | None = None) -> str:
    """Launches as CSV, formula cells neutralised: the schema's columns, ``sources`` (people read it:
    joined with `` | ``) and ``sources_json`` (the same sources as JSON, which :func:`read_csv` reads back)."""
    by_launch = sources_by_launch(sources)
    columns = plain_columns(launches, LAUNCHES.names)
    ids = launches["id"].astype(str) if "id" in launches.columns else pd.Series([], dtype=str)
    summaries = {key: " | ".join(source_summary(s) for s in rows) for key, rows in by_launch.items()}
    as_json = {key: json.dumps(rows, ensure_ascii=False, default=str) for key, rows in by_launch.items()}
    columns[SOURCES_COLUMN] = ids.map(summaries).fillna("").to_numpy(dtype=object)
    columns[SOURCES_JSON_COLUMN] = ids.map(as_json).fillna("").to_numpy(dtype=object)
    frame = pd.DataFrame(
        {name: neutralise_column(columns[name]) if name in columns else None for name in LAUNCHES.names}
        | {name: neutralise_column(columns[name]) for name in (SOURCES_COLUMN, SOURCES_JSON_COLUMN)},
        index=range(len(launches)),
    )
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def _sources_from_json(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """The source rows a launchmap CSV export carries in ``sources_json`` (none when the column is absent)."""
    rows: list[dict[str, Any]] = []
    if SOURCES_JSON_COLUMN not in frame.columns:
        return pd.DataFrame(columns=SOURCES.names)
    for line, (launch_id, cell) in enumerate(
        zip(frame["id"], frame[SOURCES_JSON_COLUMN], strict=True), start=2
    ):
        if not str(cell).strip():
            continue
        check_json_depth(str(cell), name)
        try:
            listed = json.loads(restore_cell(str(cell)))
        except (json.JSONDecodeError, RecursionError) as error:
            raise InvalidFile(
                f"{name}: line {line}: {SOURCES_JSON_COLUMN} is not valid JSON ({error})"
            ) from error
        if not isinstance(listed, list) or not all(isinstance(s, dict) for s in listed):
            raise InvalidFile(
                f"{name}: line {line}: {SOURCES_JSON_COLUMN} must be a JSON list of source objects"
            )
        for source in listed:
            if any(isinstance(v, (dict, list)) for v in source.values()):
                raise InvalidFile(
                    f"{name}: line {line}: a source in {SOURCES_JSON_COLUMN} holds a nested value"
                )
            rows.append(
                {
                    **{k: v for k, v in source.items() if k in SOURCES.names},
                    "launch_id": restore_cell(launch_id),
                }
            )
    return pd.DataFrame(rows, columns=SOURCES.names)


def read_csv(data: bytes, name: str) -> ParsedFile:
    """A launchmap CSV (or, by its columns, a CNS sheet saved as CSV) from an upload's bytes."""
    check_size(len(data), name)
    check_rows(data, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidFile(f"{name} is not UTF-8 text (byte {error.start}); expected a CSV file") from error
    frame = read_table(text, name)
    if "id" in frame.columns and "launched_at" in frame.columns:
        sources = _sources_from_json(frame, name)
        extra = [c for c in frame.columns if c not in (*LAUNCHES.names, SOURCES_COLUMN, SOURCES_JSON_COLUMN)]
        warnings = [f"ignored column(s) not in the launch schema: {', '.join(extra)}"] if extra else []
        launches = frame[[c for c in frame.columns if c in LAUNCHES.names]].map(restore_cell)
        launches.index = pd.Index(range(2, len(frame) + 2))  # CSV line numbers (line 1 is the header)
        return ParsedFile("launchmap-csv", launches, sources, warnings=warnings)
    if looks_like_cns(list(frame.columns)):
        return read_cns_file(data, name)
    raise InvalidFile(
        f"{name}: expected launchmap columns ({', '.join(LAUNCHES.names[:4])}, ...) or the CNS database layout "
        f"('Date', 'Missile Name', 'Facility Name', ...); found columns {', '.join(map(str, frame.columns[:8]))}"
    )
