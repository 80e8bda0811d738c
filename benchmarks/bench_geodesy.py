"""Ring, track and in-range speed of ``geodata.geo.geodesy`` against a naive geopy loop, measured in the same run.

The baselines are what one writes first: a Python loop of ``geopy.distance.geodesic`` calls, one per
vertex, track point or city. Ours are vectorised pyproj ``Geod`` calls. Times are the best of several
repeats; the ratio (baseline / ours) is the number to compare across machines.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from geopy.distance import geodesic

from geodata.geo import geodesy

TAEGWAN = (40.209, 125.204)
WASHINGTON = (38.8951, -77.0364)
RING_VERTICES_NAIVE = 360  # one vertex a degree, the usual hand-written ring
TRACK_SPACING_KM = 25.0
ICBM_RANGE_KM = 13_000.0


def best_seconds(function: Callable[[], Any], repeat: int = 5, number: int = 1) -> float:
    """Best time of ``repeat`` rounds of ``number`` calls, per call."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        for _ in range(number):
            function()
        times.append((time.perf_counter() - started) / number)
    return min(times)


def naive_ring(lat: float, lon: float, radius_km: float) -> list[tuple[float, float]]:
    step = geodesic(kilometers=radius_km)
    points = [
        step.destination((lat, lon), -360.0 * i / RING_VERTICES_NAIVE) for i in range(RING_VERTICES_NAIVE)
    ]
    return [(p.latitude, p.longitude) for p in points]


def naive_track(start: tuple[float, float], end: tuple[float, float]) -> list[tuple[float, float]]:
    # geopy has no initial bearing, so take it from geographiclib (what geopy uses inside) once.
    distance_km, bearing_deg = geodesy.inverse(start, end)
    count = max(1, math.ceil(distance_km / TRACK_SPACING_KM))
    points = [
        geodesic(kilometers=distance_km * i / count).destination(start, bearing_deg) for i in range(count + 1)
    ]
    return [(p.latitude, p.longitude) for p in points]


def naive_in_range(lat: float, lon: float, radius_km: float, cities: Any) -> list[tuple[str, float]]:
    found = []
    for name, city_lat, city_lon in zip(cities["name"], cities["lat"], cities["lon"], strict=True):
        distance_km = geodesic((lat, lon), (city_lat, city_lon)).km
        if distance_km <= radius_km:
            found.append((name, distance_km))
    return sorted(found, key=lambda item: item[1])


def measure() -> list[dict[str, Any]]:
    """One row per case: times in ms, whole-call and per-item speed-ups (naive / ours)."""
    cities = geodesy._geonames_cities()  # load once: the app caches it too
    rows = []
    ring_700 = len(geodesy.range_ring(*TAEGWAN, 700))
    ring_icbm = len(geodesy.range_ring(*TAEGWAN, ICBM_RANGE_KM))
    track_points = len(geodesy.track(TAEGWAN, WASHINGTON, TRACK_SPACING_KM))
    # (case, ours, naive, calls per round, items ours, items naive)
    cases: list[tuple[str, Callable[[], Any], Callable[[], Any], int, int, int]] = [
        (
            "ring 700 km",
            lambda: geodesy.range_ring(*TAEGWAN, 700),
            lambda: naive_ring(*TAEGWAN, 700),
            20,
            ring_700,
            RING_VERTICES_NAIVE,
        ),
        (
            "ring 13,000 km",
            lambda: geodesy.range_ring(*TAEGWAN, ICBM_RANGE_KM),
            lambda: naive_ring(*TAEGWAN, ICBM_RANGE_KM),
            20,
            ring_icbm,
            RING_VERTICES_NAIVE,
        ),
        (
            "track Taegwan→Washington, 25 km",
            lambda: geodesy.track(TAEGWAN, WASHINGTON, TRACK_SPACING_KM),
            lambda: naive_track(TAEGWAN, WASHINGTON),
            10,
            track_points,
            track_points,
        ),
        (
            "in-range 13,000 km (GeoNames cities)",
            lambda: geodesy.cities_in_range(*TAEGWAN, ICBM_RANGE_KM),
            lambda: naive_in_range(*TAEGWAN, ICBM_RANGE_KM, cities),
            1,
            len(cities),
            len(cities),
        ),
        (
            "in-range 1,000 km (GeoNames cities)",
            lambda: geodesy.cities_in_range(*TAEGWAN, 1000),
            lambda: naive_in_range(*TAEGWAN, 1000, cities),
            1,
            len(cities),
            len(cities),
        ),
    ]
    for case, ours, naive, number, items_ours, items_naive in cases:
        ours_s = best_seconds(ours, repeat=5, number=number)
        naive_s = best_seconds(naive, repeat=3 if number > 1 else 1, number=number)
        rows.append(
            {
                "case": case,
                "items": f"{items_ours:,}/{items_naive:,}",
                "ours_ms": ours_s * 1e3,
                "naive_ms": naive_s * 1e3,
                "ratio": naive_s / ours_s,
                "per_item_ratio": (naive_s / items_naive) / (ours_s / items_ours),
            }
        )
    return rows


def main() -> None:
    rows = measure()
    width = max(len(row["case"]) for row in rows)
    print("items = vertices, points or cities handled (ours/naive); the ring picks its own vertex count.")
    header = f"{'case':<{width}}  {'items':>13}  {'ours ms':>9}  {'geopy loop ms':>13}  {'speed-up':>8}  {'per item':>8}"
    print(header)
    for row in rows:
        print(
            f"{row['case']:<{width}}  {row['items']:>13}  {row['ours_ms']:>9.3f}  {row['naive_ms']:>13.3f}"
            f"  {row['ratio']:>7.0f}×  {row['per_item_ratio']:>7.0f}×"
        )


if __name__ == "__main__":
    main()
