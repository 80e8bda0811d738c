"""Trajectory geometry: the ellipse through launch, apogee and impact; minimum energy at the same speed."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geodata.errors import InvalidRange
from geodata.geo import geodesy
from geodata.geo.ballistics import analyse_trajectory
from geodata.geo.trajectory import flight_profile, minimum_energy_profile, trajectory_points

HWASONG15 = {"apogee_km": 4475.0, "distance_km": 950.0}  # 29 Nov 2017, KCNA figures
PYONGSONG = (39.2464, 125.8719)


def test_flight_profile__hwasong15_apogee_range_and_time() -> None:
    profile = flight_profile(**HWASONG15)
    assert max(profile.altitude_km) == pytest.approx(4475, abs=1e-6)
    assert profile.altitude_km[0] == profile.altitude_km[-1] == 0.0
    assert profile.downrange_km[0] == 0 and profile.downrange_km[-1] == pytest.approx(950)
    # the apogee sits half-way along the ground
    apex = profile.altitude_km.index(max(profile.altitude_km))
    assert profile.downrange_km[apex] == pytest.approx(475)
    assert profile.flight_time_s == pytest.approx(analyse_trajectory(4475, 950).free_flight_time_s, rel=1e-9)
    assert profile.trajectory_class == "lofted" and profile.method_applies


def test_flight_profile__time_rises_and_is_symmetric_about_the_apogee() -> None:
    profile = flight_profile(**HWASONG15, samples=41)
    times = profile.time_s
    assert all(b > a for a, b in itertools.pairwise(times))
    assert times[20] == pytest.approx(times[-1] / 2, rel=1e-9)


def test_minimum_energy_profile__hwasong15_equivalent_is_about_10000_km() -> None:
    lofted = flight_profile(**HWASONG15)
    equivalent = minimum_energy_profile(lofted.burnout_speed_km_s)
    assert equivalent is not None
    assert equivalent.distance_km == pytest.approx(
        analyse_trajectory(**HWASONG15).equivalent_range_km, rel=1e-6
    )
    assert equivalent.distance_km == pytest.approx(10_000, rel=0.02)
    # the same burnout speed: it is the same missile on its farthest path
    assert equivalent.burnout_speed_km_s == pytest.approx(lofted.burnout_speed_km_s, rel=1e-6)
    assert equivalent.trajectory_class == "minimum-energy"


def test_minimum_energy_profile__orbital_speed_has_no_ballistic_range() -> None:
    assert minimum_energy_profile(7.95) is None


@pytest.mark.parametrize("speed", [0, -1, math.nan, math.inf])
def test_minimum_energy_profile__rejects_speed(speed: float) -> None:
    with pytest.raises(InvalidRange):
        minimum_energy_profile(speed)


def test_flight_profile__depressed_flight_is_still_drawn_but_flagged() -> None:
    profile = flight_profile(apogee_km=50, distance_km=450)  # Japan MoD, 7 Nov 2025
    assert profile.trajectory_class == "depressed"
    assert not profile.method_applies
    assert max(profile.altitude_km) == pytest.approx(50)


@pytest.mark.parametrize(
    ("apogee_km", "distance_km", "samples"),
    [(0, 700, 11), (50, 0, 11), (50, math.nan, 11), (50, 25_000, 11), (50, 700, 2)],
)
def test_flight_profile__rejects(apogee_km: float, distance_km: float, samples: int) -> None:
    with pytest.raises(InvalidRange):
        flight_profile(apogee_km, distance_km, samples)


@settings(max_examples=60, deadline=None)
@given(
    apogee_km=st.floats(min_value=1, max_value=8000),
    distance_km=st.floats(min_value=1, max_value=15_000),
)
def test_flight_profile__every_sample_is_between_ground_and_apogee(
    apogee_km: float, distance_km: float
) -> None:
    profile = flight_profile(apogee_km, distance_km, samples=31)
    assert min(profile.altitude_km) >= -1e-6
    assert max(profile.altitude_km) == pytest.approx(apogee_km, rel=1e-6, abs=1e-6)


def test_trajectory_points__follow_the_geodesic_with_the_apogee_half_way() -> None:
    impact = geodesy.destination(*PYONGSONG, 85, 960)
    points = trajectory_points(PYONGSONG, impact, 4475, samples=61)
    assert len(points) == 61
    assert points[0] == (*PYONGSONG, 0.0)
    assert points[-1][:2] == pytest.approx(impact) and points[-1][2] == pytest.approx(0, abs=1e-6)
    assert points[30][2] == pytest.approx(4475, rel=1e-3)
    assert geodesy.distance_km(PYONGSONG, points[30][:2]) == pytest.approx(480, rel=0.01)


def test_trajectory_points__crosses_antimeridian_unwrapped() -> None:
    points = trajectory_points((40.0, 170.0), (40.0, -170.0), 500, samples=21)
    lons = [p[1] for p in points]
    assert all(b > a for a, b in itertools.pairwise(lons))
    assert lons[-1] == pytest.approx(190.0)


def test_trajectory_points__rejects_a_flight_that_goes_nowhere() -> None:
    with pytest.raises(InvalidRange):
        trajectory_points(PYONGSONG, PYONGSONG, 100)
