"""The small shared rules: lengths people type, Korea time, missing values, names, longitudes."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from geodata.errors import InvalidRange
from geodata.units import (
    KST,
    float_or_nan,
    format_kst_utc,
    is_missing,
    korea_day,
    lengths_in_units,
    name_key,
    parse_length_km,
    split_lengths,
    text_or_empty,
    wrap_lon,
)


@pytest.mark.parametrize(
    ("text", "expected_km"),
    [
        ("700km", 700.0),
        ("700 km", 700.0),
        ("435mi", 435 * 1.609344),
        ("435 miles", 435 * 1.609344),
        ("378nmi", 378 * 1.852),
        ("378 nautical miles", 378 * 1.852),
        ("1,000 km", 1000.0),
        ("12,500km", 12500.0),
        ("950", 950.0),
        ("0.5 km", 0.5),
        (" 13000 KM ", 13000.0),
    ],
)
def test_parse_length_km__accepts(text: str, expected_km: float) -> None:
    assert parse_length_km(text) == pytest.approx(expected_km)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0km", "positive"),
        ("-700 km", "positive"),
        ("nan", "finite"),
        ("inf km", "positive"),
        ("seven hundred", "expected a length"),
        ("700 furlongs", "units km, mi, nmi"),
        ("1,5 km", "expected a length"),
        ("", "expected a length"),
        ("km", "expected a length"),
        ("700 m", "expected a length"),
    ],
)
def test_parse_length_km__rejects(text: str, message: str) -> None:
    with pytest.raises(InvalidRange, match=message):
        parse_length_km(text)


@pytest.mark.parametrize(
    ("value", "ok"), [(700, True), (12.5, True), (0, False), (math.nan, False), (True, False)]
)
def test_parse_length_km__numbers_are_km(value: float, ok: bool) -> None:
    if ok:
        assert parse_length_km(value) == value
    else:
        with pytest.raises(InvalidRange):
            parse_length_km(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,000 km", ["1,000 km"]),  # issue 11: one ring, not rings of 1 and 0 km
        ("1,000 km, 5,500 km", ["1,000 km", "5,500 km"]),
        ("700km,435mi", ["700km", "435mi"]),
        ("700, 500", ["700", "500"]),
        ("700,1000", ["700", "1000"]),  # four digits after a comma cannot be a thousands group
        ("12,500km; Hwasong-15", ["12,500km", "Hwasong-15"]),
        ("1,000,000 km", ["1,000,000 km"]),
        (" , ;", []),
    ],
)
def test_split_lengths__keeps_thousands_together(text: str, expected: list[str]) -> None:
    assert split_lengths(text) == expected


def test_split_lengths__then_parse_gives_the_typed_numbers() -> None:
    assert [parse_length_km(p) for p in split_lengths("1,000 km, 5,500 km, 13000")] == [
        1000.0,
        5500.0,
        13000.0,
    ]


def test_lengths_in_units__converts_with_the_one_table() -> None:
    assert lengths_in_units(700.0, "range") == pytest.approx(
        {"range_km": 700.0, "range_mi": 434.96, "range_nmi": 377.97}, abs=0.01
    )


@pytest.mark.parametrize(
    ("launched_at", "precision", "expected"),
    [
        ("2025-11-07T03:35:00Z", "minute", "2025-11-07"),
        ("2017-11-28T18:17:00Z", "minute", "2017-11-29"),  # 03:17 KST the next day
        ("2022-12-31T17:50:00Z", "minute", "2023-01-01"),
        ("2025-11-07T00:00:00Z", "day", "2025-11-07"),  # a day-precise record stores the Korean day
        ("1984-04-01T00:00:00Z", "month", "1984-04-01"),
        (pd.Timestamp("2017-11-28T18:17Z"), "minute", "2017-11-29"),
    ],
)
def test_korea_day__is_the_local_date(launched_at: object, precision: str, expected: str) -> None:
    assert korea_day(launched_at, precision) == expected


def test_format_kst_utc__shows_both_zones_kst_first() -> None:
    assert format_kst_utc("2025-11-07T03:35:00Z") == "2025-11-07 12:35 KST · 2025-11-07 03:35 UTC"
    assert format_kst_utc("1984-04-01T00:00:00Z", "month") == "April 1984"
    assert str(KST) == "Asia/Seoul"


@pytest.mark.parametrize(
    ("value", "missing"),
    [
        (None, True), (math.nan, True), (np.nan, True), (pd.NA, True), (pd.NaT, True), ("", True),
        ("  ", True), (np.float64("nan"), True), (0, False), (0.0, False), ("0", False), ("x", False),
        (False, False), (np.int64(3), False),
    ],
)  # fmt: skip
def test_is_missing__table(value: object, missing: bool) -> None:
    assert is_missing(value) is missing


@pytest.mark.parametrize(
    ("value", "expected"),
    [("700", 700.0), (700, 700.0), (None, None), ("", None), ("abc", None), (True, None)],
)
def test_float_or_nan__numbers_or_nan(value: object, expected: float | None) -> None:
    got = float_or_nan(value)
    assert math.isnan(got) if expected is None else got == expected


def test_text_or_empty__strips_and_blanks_missing() -> None:
    assert [text_or_empty(v) for v in (" Sunan ", None, math.nan, 3)] == ["Sunan", "", "", "3"]


@pytest.mark.parametrize(
    ("a", "b"), [("KN-23", "kn23"), ("Hwasŏng-15", "Hwasong 15"), ("Pukguksong-3", "PUKGUKSONG 3")]
)
def test_name_key__spellings_of_one_name_match(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("lon", "expected"), [(0.0, 0.0), (180.0, -180.0), (190.0, -170.0), (-190.0, 170.0), (540.0, -180.0)]
)
def test_wrap_lon__into_half_open_range(lon: float, expected: float) -> None:
    assert wrap_lon(lon) == pytest.approx(expected)
    assert wrap_lon(np.array([lon]))[0] == pytest.approx(expected)
