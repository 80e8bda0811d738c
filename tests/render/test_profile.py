"""The trajectory profile still (#14): curves per source, the depressed verdict, the minimum-energy twin."""

from __future__ import annotations

import re

import pytest

from geodata.errors import InvalidOption
from geodata.render.stills.profile import ProfileCurve, profile_curves, render_profile, render_profile_to_file

TAEGWAN = {"id": "2025-11-07-taegwan", "distance_km": 700.0, "apogee_km": 50.0}
TAEGWAN_SOURCES = [
    {"launch_id": "2025-11-07-taegwan", "source": "ROK JCS", "distance_km": 700.0, "apogee_km": None},
    {"launch_id": "2025-11-07-taegwan", "source": "ROK JCS", "distance_km": 700.0, "apogee_km": None},
    {"launch_id": "2025-11-07-taegwan", "source": "Japan MoD", "distance_km": 450.0, "apogee_km": 50.0},
]
HWASONG15 = {"id": "2017-11-29-pyongsong", "distance_km": 960.0, "apogee_km": 4500.0, "flight_time_s": 3180.0}
HWASONG15_SOURCES = [
    {"launch_id": "2017-11-29-pyongsong", "source": "ROK JCS", "distance_km": 960.0, "apogee_km": 4500.0},
    {"launch_id": "2017-11-29-pyongsong", "source": "US", "distance_km": 1000.0, "apogee_km": None},
    {"launch_id": "2017-11-29-pyongsong", "source": "KCNA", "distance_km": 950.0, "apogee_km": 4475.0},
]


def _svg_text(svg: bytes) -> str:
    return " ".join(re.findall(r">([^<>]+)</text>", svg.decode()))


def test_profile_curves__disagreeing_sources_get_a_curve_each() -> None:
    curves = profile_curves(TAEGWAN, TAEGWAN_SOURCES)
    assert [(c.source, c.distance_km, c.apogee_km) for c in curves] == [
        ("ROK JCS", 700.0, 50.0),
        ("Japan MoD", 450.0, 50.0),
    ]
    assert "not given" in curves[0].note and curves[1].note == ""


def test_profile_curves__agreeing_sources_are_one_headline_curve() -> None:
    (curve,) = profile_curves(HWASONG15, HWASONG15_SOURCES)
    assert (curve.source, curve.distance_km, curve.apogee_km) == ("ROK JCS", 960.0, 4500.0)
    assert curve.reported_flight_time_s == 3180.0


def test_profile_curves__no_apogee_no_curve() -> None:
    assert profile_curves({"id": "x", "distance_km": 700.0}, []) == []


def test_render_profile__7_nov_2025_two_curves_and_depressed() -> None:
    svg = render_profile(profile_curves(TAEGWAN, TAEGWAN_SOURCES), title="7 Nov 2025", fmt="svg", scale=0.5)
    text = _svg_text(svg)
    assert "Depressed trajectory" in text
    assert "ROK JCS: 700 km" in text and "Japan MoD: 450 km, apogee 50 km" in text
    assert set(re.findall(rb'id="(flight-\d+)', svg)) == {b"flight-0", b"flight-1"}  # in both panels
    assert b'id="minimum-energy' not in svg  # the method does not apply: no equivalent drawn
    assert "Height exaggerated" in text and "To scale" in text


def test_render_profile__29_nov_2017_lofted_with_its_10000_km_equivalent() -> None:
    svg = render_profile(
        profile_curves(HWASONG15, HWASONG15_SOURCES), title="Hwasong-15", fmt="svg", scale=0.5
    )
    text = _svg_text(svg)
    equivalent = re.search(
        r"Minimum-energy, same burnout speed \(7\.2 km/s\): ≈ ([\d,]+) km, ≈ (\d+) min", text
    )
    assert equivalent is not None, text
    assert int(equivalent.group(1).replace(",", "")) == pytest.approx(10_000, rel=0.02)
    assert "free flight ≈ 51 min (reported 53 min incl. boost)" in text
    assert "Depressed" not in text and "lower bound" in text.lower()
    assert "Height exaggerated" not in text  # a 4,500 km apogee needs no exaggeration: it is to scale


@pytest.mark.parametrize(("preset", "size"), [("16x9", (960, 540)), ("1x1", (540, 540)), ("4x5", (540, 675))])
def test_render_profile__png_has_the_preset_size(preset: str, size: tuple[int, int]) -> None:
    from io import BytesIO

    from PIL import Image

    png = render_profile([ProfileCurve("KCNA", 4475, 950)], title="x", preset=preset, scale=0.5)
    assert Image.open(BytesIO(png)).size == size


def test_render_profile__carries_the_credit_line() -> None:
    text = _svg_text(
        render_profile([ProfileCurve("KCNA", 4475, 950)], title="x", credit="Source: KCNA", fmt="svg")
    )
    assert "Source: KCNA; Map: launchmap; Natural Earth, GeoNames" in text


def test_render_profile_to_file__format_from_suffix(tmp_path) -> None:
    path = render_profile_to_file(tmp_path / "p.svg", [ProfileCurve("KCNA", 4475, 950)], title="x")
    assert path.read_bytes().lstrip().startswith(b"<?xml")
    with pytest.raises(InvalidOption):
        render_profile_to_file(tmp_path / "p.gif", [ProfileCurve("KCNA", 4475, 950)], title="x")


@pytest.mark.parametrize("options", [{"preset": "A4"}, {"style": "neon"}, {"fmt": "jpg"}, {"scale": 0}])
def test_render_profile__rejects_options(options: dict) -> None:
    with pytest.raises(InvalidOption):
        render_profile([ProfileCurve("KCNA", 4475, 950)], title="x", **options)


def test_render_profile__needs_a_curve() -> None:
    with pytest.raises(InvalidOption):
        render_profile([], title="x")
