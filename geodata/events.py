"""Launch events as pandas DataFrames: reading, validating and filtering.

Validation turns any table of candidate rows (a seed file, an upload, a form) into
valid events plus a list of :class:`RowError`, each naming the row, the column, what
was expected and what was found. Nothing is written by this module.

>>> import pandas as pd
>>> frame = pd.DataFrame([{"id": "x", "launched_at": "2025-11-07T03:35:00Z"}])
>>> valid, errors = validate_launches(frame)
>>> errors[0].column
'launched_at_precision'
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
import pandas as pd

from geodata.errors import InvalidEvent, InvalidOption
from geodata.limits import MAX_CELL_CHARS, MAX_ID_CHARS, MAX_NOTE_CHARS
from geodata.schema import (
    HEADLINE_PRIORITY,
    LAUNCHES,
    SOURCES,
    Column,
    Table,
)
from geodata.units import KST, ascii_fold, is_missing, korea_day, parse_number

# The earliest launch on record is the April 1984 Scud-B series; anything before is a typo.
EARLIEST_LAUNCH = pd.Timestamp("1984-01-01", tz="UTC")

# One row as DataFrame.to_dict("records") gives it (pandas types its keys as Hashable).
Record = dict[Any, Any]

_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f", ""}


@dataclass(frozen=True)
class RowError:
    """One problem in one cell (or row) of a table being validated."""

    row: int | str  # 1-based data row number in the file, or the event id
    column: str
    value: Any
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column!r}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "value": _display(self.value),
            "message": self.message,
        }


def _display(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.isoformat()
    return value if isinstance(value, (int, float, bool, str)) else str(value)


def _shown(value: Any) -> Any:
    """A value short enough to quote in a message (a 15 MB note is named by its length)."""
    if isinstance(value, str) and len(value) > 80:
        return f"{value[:60]}… ({len(value):,} characters)"
    return value


def _found(value: Any) -> str:
    return f"{value!r} ({type(value).__name__})"


def launch_id(launched_at: Any, precision: str, site_id: str, taken: Iterable[str] = ()) -> str:
    """The id of a new event: its Korean launch day, then its site, then ``-2``, ``-3``… when taken.

    The one rule for every entry path (report, spreadsheet, form, import), so the same launch
    gets the same id however it came in.

    >>> launch_id("2025-11-07T03:35:00Z", "minute", "taegwan")
    '2025-11-07-taegwan'
    >>> launch_id("2025-11-06T18:18:00Z", "minute", "sunan", taken={"2025-11-07-sunan"})
    '2025-11-07-sunan-2'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(str(site_id)).lower()).strip("-") or "unknown-site"
    base = f"{korea_day(parse_utc(launched_at), precision)}-{slug}"  # a time it cannot read: InvalidOption
    taken = set(taken)
    number = 1
    candidate = base
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def parse_utc(value: Any) -> pd.Timestamp:
    """Parse a timestamp; naive times are taken as UTC.

    Raises :class:`~geodata.errors.InvalidOption` (a ``ValueError``) saying what was expected.
    """
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError) as error:  # pandas' parse and out-of-bounds errors
        raise InvalidOption(
            f"expected a date or time such as 2025-11-07 or 2025-11-07T03:35Z, got {_found(_shown(value))}"
        ) from error
    if pd.isna(stamp):
        raise InvalidOption(f"expected a date or time such as 2025-11-07, got an empty value ({value!r})")
    if not 1000 <= stamp.year <= 9999:  # pandas keeps year -1 or 99999; nothing downstream can
        raise InvalidOption(f"expected a date between the years 1000 and 9999, got {_found(_shown(value))}")
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def _coerce(column: Column, value: Any) -> Any:
    """Convert one raw cell to the column's type; raises ValueError with the expectation."""
    if column.dtype == "str":
        return _text(column, value)
    if column.dtype in ("float", "int"):
        if isinstance(value, (bool, np.bool_)):
            raise InvalidEvent("a number, not true/false")
        number = parse_number(value) if isinstance(value, str) else float(value)
        if not math.isfinite(number):
            raise InvalidEvent("a finite number")
        if column.dtype == "float":
            return number
        if not number.is_integer():
            raise InvalidEvent("a whole number")
        return int(number)
    if column.dtype == "bool":
        if isinstance(value, (bool, np.bool_)):
            return bool(value)
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise InvalidEvent("true or false")
    if column.dtype == "datetime":
        return parse_utc(value)
    if column.dtype == "date":
        return parse_utc(value).date().isoformat()
    raise AssertionError(f"unknown dtype {column.dtype}")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _text(column: Column, value: Any) -> str:
    """Stripped text within its length limit, without control characters; keys are plain slugs."""
    text = str(value).strip()
    limit = MAX_ID_CHARS if _is_key(column) else MAX_NOTE_CHARS if column.name == "notes" else MAX_CELL_CHARS
    if len(text) > limit:
        raise InvalidEvent(f"text of at most {limit:,} characters, got {len(text):,}")
    if _CONTROL.search(text):
        raise InvalidEvent("text without control characters (NUL, escape codes)")
    if _is_key(column) and not _KEY.fullmatch(text):
        raise InvalidEvent("an id of letters, digits, '-', '_' or '.' (e.g. 2025-11-07-taegwan)")
    # A stored address becomes a link on pages and in exports: javascript:, data: and the like would run.
    if column.name == "url" and text and not text.lower().startswith(("http://", "https://")):
        raise InvalidEvent("a web address starting with http:// or https://")
    return text


def _is_key(column: Column) -> bool:
    return column.name in ("id", "launch_id", "site_id")


_EXPECTED = {
    "str": "text",
    "float": "a number such as 700 or 1,000 (a comma only between groups of three digits)",
    "int": "a whole number such as 3 or 1,000 (a comma only between groups of three digits)",
    "bool": "true or false",
    "datetime": "an ISO-8601 time such as 2025-11-07T03:35:00Z",
    "date": "a date such as 2025-11-07",
}


def _check_cell(table: Table, column: Column, value: Any, row: int | str) -> tuple[Any, RowError | None]:
    if is_missing(value) and column.default is not None:
        value = column.default
    if is_missing(value):
        if column.required and column.dtype != "bool":
            return None, RowError(row, column.name, value, f"{column.name} is required, got nothing")
        return (False if column.dtype == "bool" else None), None
    try:
        converted = _coerce(column, value)
    except InvalidEvent as error:  # a rule with its own words: length, characters, finiteness
        return None, RowError(
            row, column.name, _shown(value), f"expected {error}, got {_found(_shown(value))}"
        )
    except (ValueError, TypeError, OverflowError):
        return None, RowError(
            row,
            column.name,
            _shown(value),
            f"expected {_EXPECTED[column.dtype]}, got {_found(_shown(value))}",
        )
    if column.choices and converted not in column.choices:
        options = ", ".join(column.choices)
        return None, RowError(row, column.name, value, f"expected one of {options}; got {_found(value)}")
    if (column.minimum is not None and converted < column.minimum) or (
        column.maximum is not None and converted > column.maximum
    ):
        unit = f" {column.unit}" if column.unit and column.dtype in ("float", "int") else ""
        hint = ""
        if column.name in ("lat", "impact_lat") and isinstance(converted, float) and abs(converted) <= 180:
            hint = " — are lat and lon swapped?"
        return None, RowError(
            row,
            column.name,
            value,
            f"{column.name} must be within [{column.minimum:g}, {column.maximum:g}]{unit}, got {_found(value)}{hint}",
        )
    return converted, None


def _typed_column(column: Column, series: pd.Series) -> list[Any] | None:
    """A float or time column that is already typed and valid as a whole, checked at once; else None.

    What :func:`_check_cell` would return for each cell (None where missing), for the common
    case of a typed frame (an import of 100,000 rows); any doubt returns None, and the caller
    checks the column cell by cell and words the errors.
    """
    if column.default is not None or column.choices:
        return None
    if column.dtype == "float" and pd.api.types.is_float_dtype(series.dtype):
        values = series.to_numpy(dtype=float)
        present = ~np.isnan(values)
        if (column.required and not present.all()) or not np.isfinite(values[present]).all():
            return None
        if column.minimum is not None and (values[present] < column.minimum).any():
            return None
        if column.maximum is not None and (values[present] > column.maximum).any():
            return None
        return [float(v) if p else None for v, p in zip(values.tolist(), present.tolist(), strict=True)]
    if column.dtype == "datetime" and isinstance(series.dtype, pd.DatetimeTZDtype):
        utc = series.dt.tz_convert("UTC")
        present = utc.notna()
        years = utc[present].dt.year
        if (column.required and not present.all()) or not years.between(1000, 9999).all():
            return None
        return [stamp if p else None for stamp, p in zip(utc.tolist(), present.tolist(), strict=True)]
    return None


def validate_table(
    table: Table, frame: pd.DataFrame, row_numbers: Sequence[int | str] | None = None
) -> tuple[list[dict[str, Any]], list[int], list[RowError]]:
    """Cell-level checks for any table. Returns (clean records, indexes of bad rows, errors)."""
    errors: list[RowError] = []
    unknown_columns = [c for c in frame.columns if c not in table.names]
    if unknown_columns:
        errors.append(
            RowError(
                "header",
                ", ".join(map(str, unknown_columns)),
                None,
                f"unknown column(s) for {table.name}; expected columns: {', '.join(table.names)}",
            )
        )
    # Column by column, and a repeated valid cell (a class, a site, a system) checked once per
    # column: 100,000 imported rows repeat a few dozen values in most columns. The cache is
    # capped, so columns of unique cells cost no memory. Errors are reported row by row.
    count = len(frame)
    places = {name: place for place, name in enumerate(frame.columns)}  # a repeated header: the last wins
    found: list[tuple[int, int, RowError]] = []
    checked_columns: list[list[Any]] = []
    for column_number, column in enumerate(table.columns):
        place = places.get(column.name)
        fast = _typed_column(column, frame.iloc[:, place]) if place is not None else None
        if fast is not None:
            checked_columns.append(fast)
            continue
        cells = frame.iloc[:, place].tolist() if place is not None else [None] * count
        known: dict[tuple[type, Any], Any] = {}
        checked: list[Any] = []
        for position, cell in enumerate(cells):
            try:
                # every missing value alike (NaN != NaN; pd.NA has no truth value)
                value = known[(type(cell), None if cell is pd.NA or cell != cell else cell)]
            except (KeyError, TypeError, ValueError):  # not seen yet, or no key (a list, pd.NA)
                row = row_numbers[position] if row_numbers is not None else position + 1
                value, error = _check_cell(table, column, cell, row)
                if error:
                    found.append((position, column_number, error))
                elif len(known) < 1024:
                    with contextlib.suppress(TypeError, ValueError):
                        known[(type(cell), None if cell is pd.NA or cell != cell else cell)] = value
            checked.append(value)
        checked_columns.append(checked)
    found.sort(key=lambda item: (item[0], item[1]))
    errors += [error for _position, _column, error in found]
    bad_rows = sorted({position for position, _column, _error in found})
    records = [dict(zip(table.names, values, strict=True)) for values in zip(*checked_columns, strict=True)]
    return records, bad_rows, errors


def validate_launches(
    frame: pd.DataFrame,
    *,
    site_ids: Iterable[str] | None = None,
    system_names: Iterable[str] | None = None,
    existing_ids: Iterable[str] = (),
    now: pd.Timestamp | None = None,
    row_numbers: Sequence[int | str] | None = None,
) -> tuple[pd.DataFrame, list[RowError]]:
    """Validate candidate launch rows.

    Returns the valid rows as a typed DataFrame (schema column order) and every error
    found. ``site_ids``/``system_names`` enable reference checks; ``existing_ids`` are
    ids already stored (a new row may not reuse one). ``row_numbers`` label rows in
    messages (defaults to 1-based positions).
    """
    now = now if now is not None else pd.Timestamp(datetime.now(UTC))
    records, bad, errors = validate_table(LAUNCHES, frame, row_numbers)
    sites = set(site_ids) if site_ids is not None else None
    systems = set(system_names) if system_names is not None else None
    seen: dict[str, int | str] = {}
    taken = set(existing_ids)
    for position, record in enumerate(records):
        row = row_numbers[position] if row_numbers is not None else position + 1
        problems: list[RowError] = []
        event_id = record["id"]
        if event_id:
            if event_id in seen:
                problems.append(
                    RowError(
                        row, "id", event_id, f"duplicate id {event_id!r}, first used in row {seen[event_id]}"
                    )
                )
            elif event_id in taken:
                problems.append(
                    RowError(
                        row, "id", event_id, f"id {event_id!r} is already stored; edit that event instead"
                    )
                )
            seen.setdefault(event_id, row)
        when = record["launched_at"]
        if when is not None and (when > now or when < EARLIEST_LAUNCH):
            problems.append(
                RowError(
                    row,
                    "launched_at",
                    when.isoformat(),
                    f"launch time must be between {EARLIEST_LAUNCH.date()} and now, got {when.isoformat()!r}",
                )
            )
        if sites is not None and record["site_id"] and record["site_id"] not in sites:
            problems.append(
                RowError(
                    row,
                    "site_id",
                    record["site_id"],
                    f"unknown site id {record['site_id']!r}; add it to sites first",
                )
            )
        if systems is not None and record["system"] and record["system"] not in systems:
            problems.append(
                RowError(
                    row,
                    "system",
                    record["system"],
                    f"unknown system {record['system']!r}; add it to systems first",
                )
            )
        has_impact = record["impact_lat"] is not None, record["impact_lon"] is not None
        if has_impact[0] != has_impact[1]:
            problems.append(
                RowError(
                    row,
                    "impact_lon" if has_impact[0] else "impact_lat",
                    None,
                    "impact point needs both impact_lat and impact_lon",
                )
            )
        problems.extend(_outcome_problems(record, row))
        if record["actor"] and not re.fullmatch(r"[A-Z]{3}", str(record["actor"])):
            problems.append(
                RowError(
                    row,
                    "actor",
                    record["actor"],
                    f"expected an ISO 3166-1 alpha-3 code such as PRK, got {_found(record['actor'])}",
                )
            )
        if record["impact_basis"] == "reported" and not all(has_impact):
            problems.append(
                RowError(
                    row, "impact_basis", "reported", "impact_basis is 'reported' but no impact point is given"
                )
            )
        if problems:
            errors.extend(problems)
            if position not in bad:
                bad.append(position)
    valid = [r for i, r in enumerate(records) if i not in set(bad)]
    return launches_frame(valid), errors


def _outcome_problems(record: Record, row: int | str) -> list[RowError]:
    """A partial failure needs the failed count, and the count must fit the salvo."""
    failed, count, outcome = record.get("failed_count"), record.get("count"), record.get("outcome")
    if failed is not None and count is not None and failed > count:
        return [
            RowError(row, "failed_count", failed, f"failed_count {failed} exceeds the salvo's count {count}")
        ]
    if outcome == "partial" and (failed is None or failed == 0 or (count is not None and failed >= count)):
        return [
            RowError(
                row,
                "failed_count",
                failed,
                f"outcome 'partial' needs failed_count between 1 and count - 1, got {_found(failed)}",
            )
        ]
    return []


def validate_sources(
    frame: pd.DataFrame,
    *,
    launch_ids: Iterable[str] | None = None,
    row_numbers: Sequence[int | str] | None = None,
) -> tuple[pd.DataFrame, list[RowError]]:
    """Validate source rows; at most one headline per launch, and each launch referenced must exist."""
    records, bad, errors = validate_table(SOURCES, frame, row_numbers)
    known = set(launch_ids) if launch_ids is not None else None
    headlines: dict[str, int | str] = {}
    for position, record in enumerate(records):
        row = row_numbers[position] if row_numbers is not None else position + 1
        launch_id = record["launch_id"]
        problem = None
        if known is not None and launch_id and launch_id not in known:
            problem = RowError(row, "launch_id", launch_id, f"no launch with id {launch_id!r}")
        elif record["is_headline"] and launch_id in headlines:
            problem = RowError(
                row,
                "is_headline",
                True,
                f"launch {launch_id!r} already has a headline source (row {headlines[launch_id]})",
            )
        if record["is_headline"] and launch_id:
            headlines.setdefault(launch_id, row)
        if problem:
            errors.append(problem)
            if position not in bad:
                bad.append(position)
    valid = [r for i, r in enumerate(records) if i not in set(bad)]
    return sources_frame(valid), errors


def launches_frame(records: Iterable[Record] = ()) -> pd.DataFrame:
    """An events DataFrame with the schema's columns and dtypes (launched_at as UTC Timestamp)."""
    return _typed_frame(LAUNCHES, records)


def sources_frame(records: Iterable[Record] = ()) -> pd.DataFrame:
    return _typed_frame(SOURCES, records)


_PANDAS_DTYPES: dict[str, Any] = {
    "str": "object",
    "float": "float64",
    "int": "Int64",
    "bool": "bool",
    "date": "object",
}


def _typed_frame(table: Table, records: Iterable[Record]) -> pd.DataFrame:
    frame = pd.DataFrame(list(records), columns=table.names)
    for column in table.columns:
        if column.dtype == "datetime":
            frame[column.name] = pd.to_datetime(frame[column.name], utc=True)
        else:
            if column.default is not None:
                frame[column.name] = frame[column.name].where(
                    ~frame[column.name].map(is_missing), column.default
                )
            frame[column.name] = frame[column.name].astype(_PANDAS_DTYPES[column.dtype])
    return frame


def headline_rank(source: str) -> int:
    """Position of a source in HEADLINE_PRIORITY (lower is believed first); news outlets rank last."""
    try:
        return HEADLINE_PRIORITY.index(source)
    except ValueError:
        return len(HEADLINE_PRIORITY)


def choose_headline(sources: pd.DataFrame) -> pd.DataFrame:
    """Mark one headline source per launch by the documented rule, keeping an explicit choice.

    Rule (seeds/README.md): if a launch has a source marked ``is_headline`` it stays;
    otherwise the first source by HEADLINE_PRIORITY, then by earliest ``published_on``.
    """
    if sources.empty:
        return sources
    marked = sources.copy()
    marked["_rank"] = marked["source"].map(headline_rank)
    for _launch_id, group in marked.groupby("launch_id", sort=False):
        if not group["is_headline"].any():
            best = group.sort_values(["_rank", "published_on"]).index[0]
            marked.loc[best, "is_headline"] = True
    return marked.drop(columns="_rank")


def disagreements(sources: pd.DataFrame, tolerance: float = 0.1) -> dict[str, list[str]]:
    """Launch id -> figures on which its sources differ by more than ``tolerance`` (relative)."""
    found: dict[str, list[str]] = {}
    for launch_id, group in sources.groupby("launch_id"):
        for figure in ("distance_km", "apogee_km", "flight_time_s", "count"):
            values = group[figure].dropna().astype(float)
            if (
                len(values) > 1
                and values.max() > 0
                and (values.max() - values.min()) / values.max() > tolerance
            ):
                found.setdefault(str(launch_id), []).append(figure)
    return found


def filter_launches(
    launches: pd.DataFrame,
    *,
    since: Any = None,
    until: Any = None,
    classes: Iterable[str] | None = None,
    systems: Iterable[str] | None = None,
    sites: Iterable[str] | None = None,
    outcomes: Iterable[str] | None = None,
    actors: Iterable[str] | None = None,
    distance_km: tuple[float, float] | None = None,
) -> pd.DataFrame:
    """Rows matching every given filter. ``until`` is inclusive of its whole day when a date.

    A ``distance_km`` range keeps events with no reported distance only when the
    range starts at 0, so "all distances" really means all events.
    """
    mask = pd.Series(True, index=launches.index)
    if since is not None:
        mask &= launches["launched_at"] >= parse_utc(since)
    if until is not None:
        end = parse_utc(until)
        if end == end.normalize():
            end = end + pd.Timedelta(days=1)
            mask &= launches["launched_at"] < end
        else:
            mask &= launches["launched_at"] <= end
    for column, wanted in (
        ("system_class", classes),
        ("system", systems),
        ("site_id", sites),
        ("outcome", outcomes),
        ("actor", actors),
    ):
        if wanted is not None:
            mask &= launches[column].isin(list(wanted))
    if distance_km is not None:
        low, high = distance_km
        within = launches["distance_km"].between(low, high)
        mask &= within | (launches["distance_km"].isna() & (low <= 0))
    return launches[mask]


PERIOD_PRESETS: dict[str, str] = {
    "30d": "Last 30 days",
    "90d": "Last 90 days",
    "12m": "Last 12 months",
    "year": "This year",
}


def period_start(period: str, today: date) -> date:
    """The first day of a period preset ending ``today`` (inclusive), for :func:`filter_launches`.

    >>> period_start("12m", date(2026, 11, 26)), period_start("year", date(2026, 11, 26))
    (datetime.date(2025, 11, 27), datetime.date(2026, 1, 1))
    >>> period_start("12m", date(2028, 2, 29))
    datetime.date(2027, 3, 1)
    """
    if period == "30d":
        return date.fromordinal(today.toordinal() - 29)
    if period == "90d":
        return date.fromordinal(today.toordinal() - 89)
    if period == "12m":
        a_year_ago = (pd.Timestamp(today) - pd.DateOffset(years=1)).date()  # 29 Feb -> 28 Feb
        return date.fromordinal(a_year_ago.toordinal() + 1)
    if period == "year":
        return date(today.year, 1, 1)
    raise InvalidOption(
        f"expected a period preset ({', '.join(PERIOD_PRESETS)}), got {period!r} ({type(period).__name__})"
    )


def records_span(launches: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """``(first, last)`` launch time of the records, or ``None`` when there are none."""
    if launches.empty:
        return None
    times = pd.to_datetime(launches["launched_at"], utc=True)
    return times.min(), times.max()


def records_note(launches: pd.DataFrame, checked_on: date | None = None) -> str:
    """``"Records to 26 May 2026 (checked 26 Nov 2026)"``: how current the history is, for every page and file.

    >>> frame = launches_frame([{"id": "x", "launched_at": "2026-05-26T04:00:00Z"}])
    >>> records_note(frame, date(2026, 11, 26))
    'Records to 26 May 2026 (checked 26 Nov 2026)'
    """
    span = records_span(launches)
    if span is None:
        return "No launch records"
    last = span[1].tz_convert(KST)
    note = f"Records to {last.day} {last:%b %Y}"
    return note + (f" (checked {checked_on.day} {checked_on:%b %Y})" if checked_on else "")


def stale_preliminary(launches: pd.DataFrame, today: date, days: int = 7) -> pd.DataFrame:
    """Events still ``preliminary`` more than ``days`` after their launch: figures to confirm or revise."""
    cutoff = pd.Timestamp(today, tz="UTC") - pd.Timedelta(days=days)
    stale = (launches["report_status"] == "preliminary") & (
        pd.to_datetime(launches["launched_at"], utc=True) < cutoff
    )
    return launches[stale]
