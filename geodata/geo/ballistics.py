"""What a test flight's apogee and range imply: trajectory class, burnout speed, equivalent range, flight time.

Model and assumptions
---------------------
A spherical, non-rotating Earth (R = 6371 km, mean radius) in vacuum, with the missile's burnout at
the surface; μ = 398600.44 km³/s² (GM of the Earth). The free flight is then an arc of a Kepler
ellipse. The numbers are a **lower bound**: the model ignores the boost phase (real burnout is
hundreds of km up and downrange), atmospheric drag and the Earth's rotation. Published analyses that
model the boost phase give more (Hwasong-15: ~13,000 km against ~10,000 km here). Present the result as
an estimate with its band and method, never as a fact.

From apogee H and ground range D (ψ = D/R, r_a = R + H):
``e = H / (H + R(1 − cos(ψ/2)))``, ``a = r_a / (1 + e)``, ``v² = μ(2/R − 1/a)``, ``Q = v²R/μ``;
the same burnout speed on a minimum-energy trajectory reaches ``R · 2·asin(Q / (2 − Q))``, unbounded
when ``Q ≥ 1`` (orbital energy). Free-flight time: Kepler's equation on the same ellipse.

Classification compares H/D with the minimum-energy ratio for the same range (≈0.24 at short range):
below 0.6× that ratio is *depressed*, above 1.7× is *lofted*, in between *minimum-energy*. On a flat
Earth those factors are tan 30° and tan 60°, i.e. a burnout angle about 15° below or above the
minimum-energy 45°. A depressed shot flies low in the atmosphere (often a manoeuvring or gliding
missile), so the vacuum ellipse does not describe it: ``method_applies`` is False and the caveat says so.

Example
-------
>>> from geodata.geo.ballistics import analyse_trajectory
>>> est = analyse_trajectory(apogee_km=4475, distance_km=950)  # Hwasong-15, 29 Nov 2017
>>> est.trajectory_class, round(est.burnout_speed_km_s, 1), round(est.equivalent_range_km, -3)
('lofted', 7.2, 10000.0)
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

from geodata.errors import InvalidRange

MU_KM3_S2 = 398600.44  # Earth's gravitational parameter GM (WGS-84 value, km³/s²)
EARTH_RADIUS_KM = 6371.0  # mean radius of the spherical model
MAX_DISTANCE_KM = math.pi * EARTH_RADIUS_KM  # half the circumference: the farthest ground range
MAX_FIGURE_KM = 100_000.0  # a quarter of the way to the Moon: no missile test comes near it
DEPRESSED_BELOW = 0.6  # × minimum-energy apogee/range ratio; flat-Earth tan 30°
LOFTED_ABOVE = 1.7  # × minimum-energy apogee/range ratio; flat-Earth tan 60°

METHOD = (
    "Vacuum Kepler ellipse on a spherical, non-rotating Earth (R = 6371 km, μ = 398600.44 km³/s²), "
    "burnout at the surface. From apogee H and range D: ψ = D/R; e = H/(H + R(1 − cos(ψ/2))); "
    "a = (R + H)/(1 + e); burnout speed v = √(μ(2/R − 1/a)); Q = v²R/μ; equivalent minimum-energy "
    "range = R·2·asin(Q/(2 − Q)), unbounded when Q ≥ 1. Free-flight time from Kepler's equation on "
    "the same ellipse. The band evaluates the corners of apogee ± uncertainty and range ± uncertainty."
)
LOWER_BOUND_CAVEAT = (
    "A lower bound: ignores the boost phase, atmospheric drag and the Earth's rotation; "
    "analyses that model the boost phase give longer ranges."
)


@dataclass(frozen=True)
class TrajectoryEstimate:
    """The result of :func:`analyse_trajectory`; ``None`` ranges mean unbounded (orbital energy)."""

    trajectory_class: str  # "lofted" | "minimum-energy" | "depressed"
    apogee_km: float
    distance_km: float
    apogee_to_range_ratio: float
    minimum_energy_ratio: float
    burnout_speed_km_s: float
    equivalent_range_km: float | None
    equivalent_range_low_km: float | None
    equivalent_range_high_km: float | None
    unbounded: bool
    free_flight_time_s: float
    method_applies: bool
    caveat: str
    method: str = METHOD

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict of every field."""
        return asdict(self)


def _positive(value: Any, name: str, *, allow_zero: bool = False) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidRange(
            f"expected {name} as a number of km, got {value!r} ({type(value).__name__})"
        ) from None
    if not math.isfinite(number) or number < 0 or (number == 0 and not allow_zero):
        expected = "zero or positive" if allow_zero else "positive"
        raise InvalidRange(f"expected a {expected}, finite {name}, got {value!r} ({type(value).__name__})")
    if number > MAX_FIGURE_KM:
        raise InvalidRange(
            f"expected {name} of at most {MAX_FIGURE_KM:,.0f} km (beyond that nothing is ballistic), got {value!r}"
        )
    return number


def _check_distance(distance_km: float) -> None:
    if distance_km >= MAX_DISTANCE_KM:
        raise InvalidRange(
            f"expected a ground range below half the Earth's circumference ({MAX_DISTANCE_KM:,.0f} km), "
            f"got {distance_km!r} (float)"
        )


def minimum_energy_apogee_ratio(distance_km: float) -> float:
    """Apogee/range of the minimum-energy trajectory over ``distance_km`` (→ 0.25 as the range → 0)."""
    distance_km = _positive(distance_km, "distance_km")
    _check_distance(distance_km)
    half_angle = distance_km / EARTH_RADIUS_KM / 2
    # Minimum energy: Q = 2 sin(ψ/2)/(1 + sin(ψ/2)) with burnout flight-path angle γ = (π − ψ)/4.
    q = 2 * math.sin(half_angle) / (1 + math.sin(half_angle))
    gamma = (math.pi - 2 * half_angle) / 4
    semi_major_km = EARTH_RADIUS_KM / (2 - q)
    eccentricity = math.sqrt(max(0.0, 1 - q * math.cos(gamma) ** 2 * (2 - q)))
    apogee_km = semi_major_km * (1 + eccentricity) - EARTH_RADIUS_KM
    return apogee_km / distance_km


def _ellipse(apogee_km: float, distance_km: float) -> tuple[float, float, float]:
    """Return ``(burnout_speed_km_s, Q, free_flight_time_s)`` for the ellipse through apogee and both ends."""
    half_angle = distance_km / EARTH_RADIUS_KM / 2
    apogee_radius = EARTH_RADIUS_KM + apogee_km
    eccentricity = apogee_km / (apogee_km + EARTH_RADIUS_KM * (1 - math.cos(half_angle)))
    semi_major = apogee_radius / (1 + eccentricity)
    speed_sq = MU_KM3_S2 * (2 / EARTH_RADIUS_KM - 1 / semi_major)
    q = speed_sq * EARTH_RADIUS_KM / MU_KM3_S2
    # Kepler: r = a(1 − e cos E) at burnout; time burnout→apogee = √(a³/μ)·(π − (E − e sin E)); ×2 by symmetry.
    cos_e = max(-1.0, min(1.0, (1 - EARTH_RADIUS_KM / semi_major) / eccentricity))
    anomaly = math.acos(cos_e)
    mean_anomaly = anomaly - eccentricity * math.sin(anomaly)
    time_s = 2 * math.sqrt(semi_major**3 / MU_KM3_S2) * (math.pi - mean_anomaly)
    return math.sqrt(speed_sq), q, time_s


def _equivalent_range_km(q: float) -> float | None:
    if q >= 1:
        return None
    return EARTH_RADIUS_KM * 2 * math.asin(q / (2 - q))


def classify(apogee_km: float, distance_km: float) -> str:
    """``"lofted"``, ``"minimum-energy"`` or ``"depressed"`` from apogee/range against minimum energy."""
    relative = (apogee_km / distance_km) / minimum_energy_apogee_ratio(distance_km)
    if relative < DEPRESSED_BELOW:
        return "depressed"
    if relative > LOFTED_ABOVE:
        return "lofted"
    return "minimum-energy"


def analyse_trajectory(
    apogee_km: float,
    distance_km: float,
    apogee_uncertainty_km: float = 0.0,
    distance_uncertainty_km: float = 0.0,
) -> TrajectoryEstimate:
    """Classify a flight and estimate what its burnout speed implies on a minimum-energy trajectory.

    Raises :class:`InvalidRange` for non-positive or non-finite inputs, a range beyond half the Earth,
    or an uncertainty that would take apogee or range to zero.
    """
    apogee = _positive(apogee_km, "apogee_km")
    distance = _positive(distance_km, "distance_km")
    _check_distance(distance)
    d_apogee = _positive(apogee_uncertainty_km, "apogee_uncertainty_km", allow_zero=True)
    d_distance = _positive(distance_uncertainty_km, "distance_uncertainty_km", allow_zero=True)
    if d_apogee >= apogee or d_distance >= distance:
        raise InvalidRange(
            f"expected uncertainties smaller than the values, got apogee {apogee!r} ± {d_apogee!r} km, "
            f"distance {distance!r} ± {d_distance!r} km"
        )
    _check_distance(distance + d_distance)

    speed, q, time_s = _ellipse(apogee, distance)
    central = _equivalent_range_km(q)
    # The burnout speed rises with both apogee and range, so the band's ends are the corners.
    corner_qs = [
        _ellipse(h, d)[1]
        for h in (apogee - d_apogee, apogee + d_apogee)
        for d in (distance - d_distance, distance + d_distance)
    ]
    low = _equivalent_range_km(min(corner_qs))
    high = _equivalent_range_km(max(corner_qs))

    ratio = apogee / distance
    minimum_ratio = minimum_energy_apogee_ratio(distance)
    trajectory_class = classify(apogee, distance)
    method_applies = trajectory_class != "depressed"
    if trajectory_class == "depressed":
        caveat = (
            f"Depressed trajectory: apogee/range {ratio:.3f} is well below the minimum-energy "
            f"{minimum_ratio:.3f}. The vacuum-ellipse method does not apply (the flight stays low in the "
            "atmosphere, often a manoeuvring or gliding missile); the equivalent range is not meaningful."
        )
    elif trajectory_class == "minimum-energy":
        caveat = (
            "Near a minimum-energy trajectory: the flown range is close to the maximum range. "
            + LOWER_BOUND_CAVEAT
        )
    else:
        caveat = (
            "Lofted trajectory: flown steeply, so the full range is longer than the distance flown. "
            + LOWER_BOUND_CAVEAT
        )
    if central is None:
        caveat += " The burnout speed reaches orbital energy: the equivalent range is unbounded."
    return TrajectoryEstimate(
        trajectory_class=trajectory_class,
        apogee_km=apogee,
        distance_km=distance,
        apogee_to_range_ratio=ratio,
        minimum_energy_ratio=minimum_ratio,
        burnout_speed_km_s=speed,
        equivalent_range_km=central,
        equivalent_range_low_km=low,
        equivalent_range_high_km=high,
        unbounded=central is None,
        free_flight_time_s=time_s,
        method_applies=method_applies,
        caveat=caveat,
    )
