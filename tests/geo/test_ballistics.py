"""Ballistics: the DESIGN.md worked examples, classification, bands, and checks against flat-Earth limits."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geodata.errors import InvalidRange
from geodata.geo import ballistics
from geodata.geo.ballistics import analyse_trajectory, minimum_energy_apogee_ratio

G_SURFACE_KM_S2 = ballistics.MU_KM3_S2 / ballistics.EARTH_RADIUS_KM**2


def test_analyse_trajectory__hwasong15_worked_example() -> None:
    # 29 Nov 2017: apogee 4,475 km, 950 km downrange, 53 min reported (including boost).
    estimate = analyse_trajectory(apogee_km=4475, distance_km=950)
    assert estimate.trajectory_class == "lofted"
    assert estimate.burnout_speed_km_s == pytest.approx(7.2, abs=0.05)
    assert estimate.equivalent_range_km == pytest.approx(10_000, rel=0.02)
    assert estimate.free_flight_time_s / 60 == pytest.approx(50, abs=1.5)
    assert estimate.method_applies is True
    assert estimate.unbounded is False
    assert "lower bound" in estimate.caveat.lower()
    assert "boost" in estimate.caveat and "drag" in estimate.caveat and "rotation" in estimate.caveat
    assert "Kepler" in estimate.method


def test_analyse_trajectory__hwasong15_band_brackets_the_estimate() -> None:
    estimate = analyse_trajectory(4475, 950, apogee_uncertainty_km=100, distance_uncertainty_km=50)
    assert estimate.equivalent_range_low_km is not None and estimate.equivalent_range_high_km is not None
    assert estimate.equivalent_range_low_km < estimate.equivalent_range_km < estimate.equivalent_range_high_km
    assert analyse_trajectory(4375, 900).equivalent_range_km == pytest.approx(
        estimate.equivalent_range_low_km
    )
    assert analyse_trajectory(4575, 1000).equivalent_range_km == pytest.approx(
        estimate.equivalent_range_high_km
    )


def test_analyse_trajectory__no_uncertainty_gives_a_point_band() -> None:
    estimate = analyse_trajectory(4475, 950)
    assert (
        estimate.equivalent_range_low_km == estimate.equivalent_range_km == estimate.equivalent_range_high_km
    )


@pytest.mark.parametrize("distance_km", [450, 575, 700])
def test_analyse_trajectory__7_nov_2025_is_depressed_and_method_does_not_apply(distance_km: float) -> None:
    # Japan: ~450 km with ~50 km apogee; South Korea's JCS: ~700 km.
    estimate = analyse_trajectory(apogee_km=50, distance_km=distance_km)
    assert estimate.trajectory_class == "depressed"
    assert estimate.method_applies is False
    assert "does not apply" in estimate.caveat


def test_analyse_trajectory__7_nov_2025_with_disputed_range_band() -> None:
    estimate = analyse_trajectory(50, 575, apogee_uncertainty_km=10, distance_uncertainty_km=125)
    assert estimate.trajectory_class == "depressed"
    assert not estimate.method_applies


@pytest.mark.parametrize("distance_km", [100, 1000, 3000, 8000, 15_000])
def test_analyse_trajectory__minimum_energy_shot_recovers_its_own_range(distance_km: float) -> None:
    apogee_km = minimum_energy_apogee_ratio(distance_km) * distance_km
    estimate = analyse_trajectory(apogee_km, distance_km)
    assert estimate.trajectory_class == "minimum-energy"
    assert estimate.method_applies
    assert estimate.equivalent_range_km == pytest.approx(distance_km, rel=1e-6)


@settings(max_examples=100, deadline=None)
@given(distance_km=st.floats(50, 15_000), factor=st.floats(1.05, 20))
def test_analyse_trajectory__higher_apogee_implies_longer_equivalent_range(
    distance_km: float, factor: float
) -> None:
    apogee_km = minimum_energy_apogee_ratio(distance_km) * distance_km
    lower = analyse_trajectory(apogee_km, distance_km)
    higher = analyse_trajectory(apogee_km * factor, distance_km)
    assert higher.burnout_speed_km_s > lower.burnout_speed_km_s
    assert higher.unbounded or (higher.equivalent_range_km or 0) > distance_km


def test_analyse_trajectory__short_minimum_energy_shot_matches_flat_earth() -> None:
    # Flat Earth, uniform g: D = v²/g at 45°, flight time 2·v·sin45°/g. Curvature matters < 1 % at 100 km.
    estimate = analyse_trajectory(minimum_energy_apogee_ratio(100) * 100, 100)
    flat_speed = math.sqrt(G_SURFACE_KM_S2 * 100)
    assert estimate.burnout_speed_km_s == pytest.approx(flat_speed, rel=0.01)
    assert estimate.free_flight_time_s == pytest.approx(
        2 * flat_speed * math.sin(math.pi / 4) / G_SURFACE_KM_S2, rel=0.01
    )


def test_analyse_trajectory__orbital_energy_is_unbounded() -> None:
    estimate = analyse_trajectory(apogee_km=7000, distance_km=1000)
    assert estimate.unbounded is True
    assert estimate.equivalent_range_km is None
    assert estimate.equivalent_range_high_km is None
    assert "unbounded" in estimate.caveat
    assert estimate.burnout_speed_km_s >= math.sqrt(ballistics.MU_KM3_S2 / ballistics.EARTH_RADIUS_KM)


def test_analyse_trajectory__band_becomes_unbounded_at_the_top() -> None:
    estimate = analyse_trajectory(apogee_km=6200, distance_km=1000, apogee_uncertainty_km=500)
    assert estimate.equivalent_range_low_km is not None
    assert estimate.equivalent_range_high_km is None


@pytest.mark.parametrize(
    ("apogee_km", "distance_km", "expected"),
    [
        (4475, 950, "lofted"),
        (120, 500, "minimum-energy"),
        (50, 575, "depressed"),
        (1000, 4000, "minimum-energy"),
    ],
)
def test_classify__by_ratio_to_minimum_energy(apogee_km: float, distance_km: float, expected: str) -> None:
    assert ballistics.classify(apogee_km, distance_km) == expected


@pytest.mark.parametrize(
    ("distance_km", "expected"), [(1, 0.25), (100, 0.249), (1000, 0.240), (5000, 0.195), (15_000, 0.065)]
)
def test_minimum_energy_apogee_ratio__about_a_quarter_at_short_range(
    distance_km: float, expected: float
) -> None:
    assert minimum_energy_apogee_ratio(distance_km) == pytest.approx(expected, abs=0.001)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"apogee_km": 0, "distance_km": 950}, "apogee_km"),
        ({"apogee_km": -5, "distance_km": 950}, "apogee_km"),
        ({"apogee_km": math.nan, "distance_km": 950}, "apogee_km"),
        ({"apogee_km": 4475, "distance_km": 0}, "distance_km"),
        ({"apogee_km": 4475, "distance_km": math.inf}, "distance_km"),
        ({"apogee_km": 4475, "distance_km": 25_000}, "half the Earth"),
        ({"apogee_km": "high", "distance_km": 950}, "apogee_km"),
        ({"apogee_km": 50, "distance_km": 575, "apogee_uncertainty_km": 50}, "smaller than"),
        ({"apogee_km": 50, "distance_km": 575, "distance_uncertainty_km": -1}, "distance_uncertainty_km"),
    ],
)
def test_analyse_trajectory__rejects_bad_input(kwargs: dict, message: str) -> None:
    with pytest.raises(InvalidRange, match=message):
        analyse_trajectory(**kwargs)


def test_trajectory_estimate__to_dict_is_json_ready() -> None:
    import json

    payload = analyse_trajectory(4475, 950).to_dict()
    assert json.loads(json.dumps(payload, allow_nan=False))["trajectory_class"] == "lofted"
