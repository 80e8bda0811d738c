"""Launch rows as plain, JSON-friendly records, and sources grouped and summarised per launch.

The shared ground of the writers (:mod:`~geodata.formats.csv`, :mod:`~geodata.formats.json`,
:mod:`~geodata.formats.geojson`, :mod:`~geodata.formats.kml`): times as ISO-8601 UTC, missing
values as ``None``, numpy scalars as Python numbers.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from geodata.schema import SOURCES

__all__ = [
    "SOURCE_FIELDS",
    "plain_columns",
    "plain_records",
    "plain_value",
    "source_summary",
    "sources_by_launch",
]

SOURCE_FIELDS = [c for c in SOURCES.names if c != "launch_id"]


def plain_value(value: Any) -> Any:
    """A JSON-friendly Python value: None for missing, ISO-8601 for times, builtins for numpy scalars."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.tz_convert("UTC").strftime("%Y-%m-%dT%H:%M:%SZ") if value.tzinfo else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def plain_columns(frame: pd.DataFrame, columns: Sequence[str]) -> dict[str, np.ndarray]:
    """The frame's ``columns`` (those present) as object arrays of plain values (see :func:`plain_value`).

    Converted a column at a time: times formatted by pandas, text passed through, numbers unboxed;
    only a column of mixed Python objects goes value by value.
    """
    plain: dict[str, np.ndarray] = {}
    for column in (c for c in columns if c in frame.columns):
        values = frame[column]
        missing = values.isna().to_numpy().copy()
        if isinstance(values.dtype, pd.DatetimeTZDtype):
            converted = values.dt.tz_convert("UTC").dt.strftime("%Y-%m-%dT%H:%M:%SZ").to_numpy(dtype=object)
        elif pd.api.types.is_float_dtype(values.dtype):
            numbers = values.to_numpy(dtype=float, na_value=np.nan)
            missing |= ~np.isfinite(numbers)
            converted = numbers.astype(object)
        elif pd.api.types.is_bool_dtype(values.dtype) or pd.api.types.is_integer_dtype(values.dtype):
            converted = np.array(
                [None if m else v for v, m in zip(values.tolist(), missing, strict=True)], dtype=object
            )
        elif pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty"):
            converted = values.to_numpy(dtype=object, copy=True)  # str or missing: nothing to convert
        else:
            converted = np.array([plain_value(v) for v in values.to_numpy(dtype=object)], dtype=object)
        # numpy object arrays keep None as None (a pandas column would turn it back into NaN)
        converted[missing] = None
        plain[column] = converted
    return plain


def plain_records(frame: pd.DataFrame, columns: Sequence[str]) -> list[dict[str, Any]]:
    """The rows as dicts of plain values (see :func:`plain_value`), converted a column at a time."""
    plain = plain_columns(frame, columns)
    if not plain:
        return [{} for _ in range(len(frame))]
    names = list(plain)
    return [dict(zip(names, row, strict=True)) for row in zip(*plain.values(), strict=True)]


def sources_by_launch(sources: pd.DataFrame | None) -> dict[str, list[dict[str, Any]]]:
    if sources is None or sources.empty:
        return {}
    grouped: dict[str, list[dict[str, Any]]] = {}
    for record in plain_records(sources, SOURCES.names):
        launch_id = str(record.pop("launch_id"))
        grouped.setdefault(launch_id, []).append(record)
    return grouped


def source_summary(source: dict[str, Any]) -> str:
    """``ROK JCS (Yonhap, 2025-11-07, 700 km, https://…)``: who, where, when, figures, link."""
    details = [
        source.get("outlet") if source.get("outlet") != source.get("source") else None,
        source.get("published_on"),
    ]
    for field, unit in (("distance_km", "km"), ("apogee_km", "km apogee"), ("flight_time_s", "s")):
        if source.get(field) is not None:
            details.append(f"{source[field]:g} {unit}")
    details.append(source.get("url"))
    inner = ", ".join(str(d) for d in details if d)
    return f"{source.get('source')} ({inner})" if inner else str(source.get("source"))
