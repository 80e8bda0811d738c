"""Units, times, missing values and names: the small rules every other module calls.

One home for each: the length units and the parser people type into ("1,000 km" is one
thousand kilometres, "435mi", "378 nmi"); Korea time (KST, UTC+9 without daylight saving
since 1988) and the Korean day of a launch; what counts as a missing value; how a name is
folded for comparison; how a longitude is wrapped into [-180, 180).

>>> parse_length_km("1,000 km"), round(parse_length_km("435 mi"), 1)
(1000.0, 700.1)
>>> split_lengths("1,000 km, 5,500 km; Hwasong-15")
['1,000 km', '5,500 km', 'Hwasong-15']
>>> korea_day("2025-11-06T18:18:00Z")
'2025-11-07'
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from geodata.errors import InvalidNumber, InvalidRange

__all__ = [
    "KM_PER_MILE",
    "KM_PER_NMI",
    "KST",
    "LENGTH_UNITS_KM",
    "ascii_fold",
    "float_or_nan",
    "format_kst_utc",
    "is_missing",
    "korea_day",
    "launch_time_utc",
    "lengths_in_units",
    "name_key",
    "parse_length_km",
    "parse_number",
    "split_lengths",
    "text_or_empty",
    "wrap_lon",
]

# --- lengths -------------------------------------------------------------------------------------

KM_PER_MILE = 1.609344  # international statute mile
KM_PER_NMI = 1.852  # international nautical mile

LENGTH_UNITS_KM: dict[str, float] = {
    **dict.fromkeys(("", "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"), 1.0),
    **dict.fromkeys(("mi", "mile", "miles"), KM_PER_MILE),
    **dict.fromkeys(("nmi", "nm", "nautical mile", "nautical miles"), KM_PER_NMI),  # NM: aviation usage
}
# Metres are left out on purpose: a typed "700 m" is far likelier a slip for miles than 0.7 km.
_UNIT_WORDS = "km, mi, nmi"
_LENGTH_RE = re.compile(
    r"^\s*(?P<num>[+-]?nan|[+-]?inf(?:inity)?|[+-]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:e[+-]?\d+)?)"
    r"\s*(?P<unit>[a-z][a-z ]*?)?\s*$",
    re.IGNORECASE,
)
# A comma is a list separator unless it groups thousands: "1,000 km" is one length, "700, 500" two.
_LIST_SEPARATOR = re.compile(r";|,(?!\d{3}(?!\d))|(?<!\d),")


def parse_length_km(text: str | float) -> float:
    """A positive length in km from ``"700km"``, ``"435 mi"``, ``"378nmi"``, ``"1,000 km"`` or a number.

    A bare number is km. Raises :class:`~geodata.errors.InvalidRange` for garbage, unknown
    units, zero, negative, infinite or NaN lengths.
    """
    if isinstance(text, bool) or not isinstance(text, str | int | float):
        raise InvalidRange(
            f"expected a length such as '700km', '435mi' or '378nmi', got {text!r} ({type(text).__name__})"
        )
    if isinstance(text, str):
        match = _LENGTH_RE.match(text)
        unit = re.sub(r"\s+", " ", (match.group("unit") or "").strip().lower()) if match else ""
        if not match or unit not in LENGTH_UNITS_KM or match.group("num") in ("", "+", "-", "."):
            raise InvalidRange(
                f"expected a length such as '700km', '435mi' or '378nmi' (units {_UNIT_WORDS}), "
                f"got {text!r} (str)"
            )
        value_km = float(match.group("num").replace(",", "")) * LENGTH_UNITS_KM[unit]
    else:
        value_km = float(text)
    if not math.isfinite(value_km) or value_km <= 0:
        raise InvalidRange(f"expected a positive, finite length, got {text!r} ({type(text).__name__})")
    return value_km


def split_lengths(text: str) -> list[str]:
    """Split a typed list of lengths (or system names) on ``,`` and ``;``, keeping thousands together."""
    return [part.strip() for part in _LIST_SEPARATOR.split(str(text)) if part.strip()]


def lengths_in_units(distance_km: float, prefix: str) -> dict[str, float]:
    """``{prefix_km, prefix_mi, prefix_nmi}`` for one distance."""
    return {
        f"{prefix}_km": distance_km,
        f"{prefix}_mi": distance_km / KM_PER_MILE,
        f"{prefix}_nmi": distance_km / KM_PER_NMI,
    }


_NUMBER_RE = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d{1,3})?|[+-]?\.\d+")


def parse_number(text: str) -> float:
    """A number as people write it: ``"1,000"`` is one thousand, ``"1,5"`` and ``"1,0"`` are refused.

    A comma is only a thousands separator between groups of three digits; anything else is
    ambiguous (a decimal comma? two numbers?) and raises :class:`~geodata.errors.InvalidNumber`
    (a ``ValueError``) saying so.

    >>> parse_number("1,000"), parse_number("4475.5"), parse_number("-3")
    (1000.0, 4475.5, -3.0)
    """
    cleaned = str(text).strip()
    if len(cleaned) > 32 or not _NUMBER_RE.fullmatch(cleaned):
        raise InvalidNumber(
            f"expected a number such as 700, 1,000 or 4475.5 (a comma only between groups of three digits), "
            f"got {str(text)[:40]!r}"
        )
    return float(cleaned.replace(",", ""))


# --- Korea time ----------------------------------------------------------------------------------

KST = ZoneInfo("Asia/Seoul")  # UTC+9, no daylight saving since 1988


def korea_day(launched_at: Any, precision: str = "minute") -> str:
    """The launch's date in Korea (``YYYY-MM-DD``); month/year-precise records keep their UTC date."""
    stamp = pd.Timestamp(launched_at)
    stamp = stamp.tz_localize(UTC) if stamp.tzinfo is None else stamp
    if precision in ("month", "year", "day"):
        # a day-precise record stores the Korean day at 00:00 UTC: its UTC date is the day
        return stamp.tz_convert(UTC).strftime("%Y-%m-%d")
    return stamp.tz_convert(KST).strftime("%Y-%m-%d")


def launch_time_utc(day: date, clock: tuple[int, int, bool] | None) -> tuple[str, str]:
    """``(launched_at, precision)`` for a Korean local ``day`` and an optional clock time.

    >>> launch_time_utc(date(2025, 11, 7), (12, 35, False))
    ('2025-11-07T03:35:00Z', 'minute')
    >>> launch_time_utc(date(2022, 10, 4), (22, 23, True))  # 07:23 KST on the 4th
    ('2022-10-03T22:23:00Z', 'minute')
    """
    if clock is None:
        return f"{day.isoformat()}T00:00:00Z", "day"
    hour, minute, is_utc = clock
    if is_utc:
        # The reported day is Korea's; a UTC clock of 15:00 or later is still the previous UTC day.
        utc_day = day - timedelta(days=1) if hour + 9 >= 24 else day
        moment = datetime.combine(utc_day, time(hour, minute), UTC)
    else:
        moment = datetime.combine(day, time(hour, minute), KST).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:00Z"), "minute"


def format_kst_utc(when: Any, precision: str = "minute") -> str:
    """``'2025-11-07 12:35 KST · 03:35 UTC'`` — KST first: the local day of the launch."""
    stamp = pd.Timestamp(when)
    stamp = stamp.tz_localize(UTC) if stamp.tzinfo is None else stamp
    if precision == "month":
        return stamp.strftime("%B %Y")
    if precision == "year":
        return stamp.strftime("%Y")
    if precision == "day":
        return stamp.strftime("%d %b %Y") + " (day reported, time unknown)"
    local = stamp.tz_convert(KST)
    return f"{local:%Y-%m-%d %H:%M} KST · {stamp.tz_convert(UTC):%Y-%m-%d %H:%M} UTC"


# --- missing values ------------------------------------------------------------------------------


def is_missing(value: Any) -> bool:
    """True for None, pandas NA/NaT, NaN and blank text: what a CSV's empty cell becomes."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        if isinstance(value, int | float) or hasattr(value, "dtype"):
            return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
    return isinstance(value, str) and value.strip() == ""


def float_or_nan(value: Any) -> float:
    """A float, or NaN for anything missing or not numeric."""
    if is_missing(value) or isinstance(value, bool):
        return math.nan
    try:
        return float(value)
    except (TypeError, ValueError, OverflowError):
        return math.nan


def text_or_empty(value: Any) -> str:
    """Stripped text, or ``""`` for a missing value."""
    return "" if is_missing(value) else str(value).strip()


# --- names ---------------------------------------------------------------------------------------


def ascii_fold(text: str) -> str:
    """Drop accents and marks: ``"Hwasŏng"`` -> ``"Hwasong"``."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", str(text)) if not unicodedata.combining(ch))


def name_key(text: Any) -> str:
    """The key two spellings of one name share: ASCII, lower case, letters and digits only.

    >>> name_key("KN-23") == name_key("kn23") == name_key("KN 23")
    True
    """
    return re.sub(r"[^a-z0-9]", "", ascii_fold(str(text)).lower())


# --- longitudes ----------------------------------------------------------------------------------


def wrap_lon(lon: Any) -> Any:
    """Longitude(s) wrapped into [-180, 180); works on floats and numpy arrays."""
    return (lon + 180.0) % 360.0 - 180.0
