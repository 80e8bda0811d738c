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

import numpy as np
from geopy.distance import geodesic
from pyproj import Geod

from benchmarks.results import write_section
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


def pyproj_tracks(start_lats: Any, start_lons: Any, end_lats: Any, end_lons: Any) -> None:
    """The library limit: the same track points from two flat pyproj calls, nothing else."""
    geod = Geod(ellps="WGS84")
    azimuths, _, lengths_m = geod.inv(start_lons, start_lats, end_lons, end_lats)
    segments = np.maximum(1, np.ceil(lengths_m / 1000.0 / TRACK_SPACING_KM)).astype(int)
    owner = np.repeat(np.arange(len(segments)), segments + 1)
    starts = np.concatenate([[0], np.cumsum(segments + 1)[:-1]])
    step = (np.arange(owner.size) - starts[owner]) / segments[owner]
    geod.fwd(start_lons[owner], start_lats[owner], azimuths[owner], lengths_m[owner] * step)


def measure_tracks(sizes: tuple[int, ...] = (233, 10_000, 100_000)) -> list[str]:
    """``geodesy.tracks`` for N flights of 100–1,200 km toward the East Sea (as ``benchmarks/synthetic.py``)
    vs :func:`pyproj_tracks`, and the worst edge of rings from the equator to near the pole."""
    rng = np.random.default_rng(42)
    lines = [
        "| flights | geodesy.tracks | pyproj alone | ratio |",
        "|---:|---:|---:|---:|",
    ]
    for n in sizes:
        start_lats, start_lons = np.full(n, TAEGWAN[0]), np.full(n, TAEGWAN[1])
        end_lons, end_lats, _ = Geod(ellps="WGS84").fwd(
            start_lons, start_lats, rng.uniform(60, 110, n), rng.uniform(100e3, 1_200e3, n)
        )
        repeat = 5 if n <= 10_000 else 3
        ends = (start_lats, start_lons, end_lats, end_lons)
        ours = best_seconds(lambda ends=ends: geodesy.tracks(*ends), repeat)
        limit = best_seconds(lambda ends=ends: pyproj_tracks(*ends), repeat)
        lines.append(f"| {n:,} | {ours:.3f} s | {limit:.3f} s | {ours / limit:.2f}× |")
    worst = 0.0
    for lat in (0.0, 40.2, 70.0, 89.0):
        for radius_km in (300.0, 700.0, 3_000.0, 13_000.0):
            ring = np.array(geodesy.range_ring(lat, 125.2, radius_km))
            edge = geodesy._edge_error(lat, 125.2, radius_km * 1000.0, ring[:-1, 0], ring[:-1, 1])
            worst = max(worst, edge)
    lines += [
        "",
        f"Rings at 0°, 40°, 70° and 89° N, 300 to 13,000 km: worst edge {worst:.4%} off the radius.",
    ]
    return lines


def main() -> None:
    tracks = measure_tracks()
    print("\n".join(tracks))
    write_section(
        "bench_geodesy",
        "\n".join(
            [
                "## Geodesy: tracks against the pyproj limit",
                "",
                "Best of repeated runs, same process.",
                "",
                *tracks,
            ]
        ),
    )
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
