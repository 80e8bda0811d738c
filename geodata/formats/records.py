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

__all__ = ["SOURCE_FIELDS", "plain_records", "plain_value", "source_summary", "sources_by_launch"]

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


def plain_records(frame: pd.DataFrame, columns: Sequence[str]) -> list[dict[str, Any]]:
    """The rows as dicts of plain values (see :func:`plain_value`), converted a column at a time."""
    present = [c for c in columns if c in frame.columns]
    plain: list[np.ndarray] = []
    for column in present:
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
        else:
            converted = np.array([plain_value(v) for v in values.to_numpy(dtype=object)], dtype=object)
        # numpy object arrays keep None as None (a pandas column would turn it back into NaN)
        converted[missing] = None
        plain.append(converted)
    return (
        [dict(zip(present, row, strict=True)) for row in zip(*plain, strict=True)]
        if present
        else [{} for _ in range(len(frame))]
    )


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
