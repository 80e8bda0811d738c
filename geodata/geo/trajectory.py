"""Trajectory geometry: the ballistic ellipse between launch and impact, as a side view and in 3-D.

Model and assumptions
---------------------
The same as :mod:`geodata.geo.ballistics`: a spherical, non-rotating Earth (R = 6371 km) in vacuum,
burnout at the surface. The free flight is the arc of a Kepler ellipse with a focus at the Earth's
centre, symmetric about its apogee, which sits half-way along the ground range at the reported
height. With ψ = D/R and the angle α from the apogee line, the ellipse is

    r(α) = R (1 − e cos(ψ/2)) / (1 − e cos α),  e = H / (H + R(1 − cos(ψ/2)))

so r(±ψ/2) = R (launch and impact on the ground) and r(0) = R + H (apogee). The point at ground
distance s from the launch (s = Rβ) has α = β − ψ/2 and altitude r − R. The time since burnout
follows from Kepler's equation on the same ellipse.

:func:`flight_profile` gives that arc as ``(downrange_km, altitude_km, time_s)`` samples;
:func:`minimum_energy_profile` the arc a missile with the *same burnout speed* would fly on a
minimum-energy trajectory (the equivalent range of :func:`~geodata.geo.ballistics.analyse_trajectory`);
:func:`trajectory_points` lays a profile along the WGS-84 geodesic from launch to impact, giving
``(lat, lon, altitude_km)`` points for a globe. A depressed flight stays low in the atmosphere, so its
ellipse is a sketch of "how high, how far", not a flight path: :attr:`FlightProfile.method_applies`
says so, as the estimate's caveat does.

Example
-------
>>> profile = flight_profile(apogee_km=4475, distance_km=950)  # Hwasong-15, 29 Nov 2017
>>> round(max(profile.altitude_km)), round(profile.downrange_km[-1]), round(profile.flight_time_s / 60)
(4475, 950, 50)
>>> round(minimum_energy_profile(profile.burnout_speed_km_s).distance_km, -3)
10000.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from geodata.errors import InvalidRange
from geodata.geo import geodesy
from geodata.geo.ballistics import (
    EARTH_RADIUS_KM,
    MU_KM3_S2,
    TrajectoryEstimate,
    analyse_trajectory,
    minimum_energy_apogee_ratio,
)

__all__ = [
    "FlightProfile",
    "flight_profile",
    "minimum_energy_profile",
    "trajectory_points",
]

DEFAULT_SAMPLES = 121  # enough for a smooth curve at poster size; odd, so the apogee is a sample


@dataclass(frozen=True)
class FlightProfile:
    """One ballistic arc in side view: samples from launch (index 0) to impact (last index)."""

    apogee_km: float
    distance_km: float
    downrange_km: tuple[float, ...]  # ground distance from the launch point (spherical Earth), km
    altitude_km: tuple[float, ...]  # height above the spherical surface, km
    time_s: tuple[float, ...]  # time since burnout, s
    estimate: TrajectoryEstimate

    @property
    def flight_time_s(self) -> float:
        """Free-flight time (burnout to impact) on the ellipse, in seconds."""
        return self.time_s[-1]

    @property
    def burnout_speed_km_s(self) -> float:
        return self.estimate.burnout_speed_km_s

    @property
    def trajectory_class(self) -> str:
        return self.estimate.trajectory_class

    @property
    def method_applies(self) -> bool:
        return self.estimate.method_applies


def _ellipse_samples(
    apogee_km: float, distance_km: float, samples: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(downrange_km, altitude_km, time_s)`` arrays along the ellipse through both ends and the apogee."""
    half_angle = distance_km / EARTH_RADIUS_KM / 2
    eccentricity = apogee_km / (apogee_km + EARTH_RADIUS_KM * (1 - math.cos(half_angle)))
    semi_latus = EARTH_RADIUS_KM * (1 - eccentricity * math.cos(half_angle))
    central = np.linspace(0.0, 2 * half_angle, samples)  # β: angle at the Earth's centre from the launch
    from_apogee = central - half_angle  # α
    radius = semi_latus / (1 - eccentricity * np.cos(from_apogee))
    # Kepler: true anomaly ν = π + α from perigee; E from ν; t = √(a³/μ)(E − e sin E), measured from burnout.
    semi_major = semi_latus / (1 - eccentricity**2)
    true_anomaly = np.pi + from_apogee
    eccentric = 2 * np.arctan2(
        math.sqrt(1 - eccentricity) * np.sin(true_anomaly / 2),
        math.sqrt(1 + eccentricity) * np.cos(true_anomaly / 2),
    )
    eccentric = np.mod(eccentric, 2 * np.pi)
    mean_motion = math.sqrt(MU_KM3_S2 / semi_major**3)
    time_s = (eccentric - eccentricity * np.sin(eccentric)) / mean_motion
    time_s -= time_s[0]
    altitude = radius - EARTH_RADIUS_KM
    altitude[0] = altitude[-1] = 0.0  # exactly on the ground at both ends, not −1e-12
    return central * EARTH_RADIUS_KM, altitude, time_s


def flight_profile(apogee_km: float, distance_km: float, samples: int = DEFAULT_SAMPLES) -> FlightProfile:
    """The reported flight as a side view: the ellipse through launch, impact and the apogee.

    Raises :class:`~geodata.errors.InvalidRange` as :func:`~geodata.geo.ballistics.analyse_trajectory`
    does (non-positive or non-finite figures, a range beyond half the Earth), or for fewer than 3 samples.
    """
    if samples < 3:
        raise InvalidRange(f"expected at least 3 samples along a trajectory, got {samples!r}")
    estimate = analyse_trajectory(apogee_km, distance_km)
    downrange, altitude, time_s = _ellipse_samples(estimate.apogee_km, estimate.distance_km, samples)
    return FlightProfile(
        apogee_km=estimate.apogee_km,
        distance_km=estimate.distance_km,
        downrange_km=tuple(downrange.tolist()),
        altitude_km=tuple(altitude.tolist()),
        time_s=tuple(time_s.tolist()),
        estimate=estimate,
    )


def minimum_energy_profile(burnout_speed_km_s: float, samples: int = DEFAULT_SAMPLES) -> FlightProfile | None:
    """The minimum-energy trajectory of a burnout speed: the farthest that speed reaches.

    ``None`` when the speed reaches orbital energy (no ballistic range; Q = v²R/μ ≥ 1) or the range
    would pass half the Earth.
    """
    speed = float(burnout_speed_km_s)
    if not (math.isfinite(speed) and speed > 0):
        raise InvalidRange(f"expected a positive, finite burnout speed in km/s, got {burnout_speed_km_s!r}")
    q = speed**2 * EARTH_RADIUS_KM / MU_KM3_S2
    if q >= 1:
        return None
    distance_km = EARTH_RADIUS_KM * 2 * math.asin(q / (2 - q))
    if distance_km >= math.pi * EARTH_RADIUS_KM * 0.999:
        return None
    apogee_km = minimum_energy_apogee_ratio(distance_km) * distance_km
    return flight_profile(apogee_km, distance_km, samples)


def trajectory_points(
    start: tuple[float, float],
    end: tuple[float, float],
    apogee_km: float,
    samples: int = 61,
) -> list[tuple[float, float, float]]:
    """``(lat, lon, altitude_km)`` along the flight: the WGS-84 geodesic from launch to impact, lifted
    by the ballistic profile through ``apogee_km`` (the apogee half-way along).

    The profile's ground range is the geodesic's length; longitudes are unwrapped across 180°.
    """
    distance_km = geodesy.distance_km(start, end)
    if distance_km <= 0:
        raise InvalidRange(f"expected launch and impact points apart, got {start!r} and {end!r}")
    spacing_km = distance_km / max(1, samples - 1) * 1.0001  # exactly samples points
    ground = geodesy.track(start, end, spacing_km=spacing_km)
    lats = np.array([p[0] for p in ground])
    lons = np.array([p[1] for p in ground])
    _, _, step_m = geodesy.WGS84.inv(lons[:-1], lats[:-1], lons[1:], lats[1:])
    along_km = np.concatenate([[0.0], np.cumsum(step_m) / 1000.0])
    profile = flight_profile(apogee_km, distance_km, samples=max(3, 4 * len(ground) + 1))
    fraction = along_km / along_km[-1]
    altitude = np.interp(fraction, np.asarray(profile.downrange_km) / distance_km, profile.altitude_km)
    return list(zip(lats.tolist(), lons.tolist(), altitude.tolist(), strict=True))
