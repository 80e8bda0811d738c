"""How the map layers, tracks, CSV export and CLI start-up scale: ours against a baseline in the same run.

Sizes 233 (the real history), 10,000 and 100,000 synthetic events from the seeded generator.
Baselines: the per-event loop the map used before (one impact geodesic and one track per event),
pandas ``to_csv`` for the export, pyproj on flat arrays for tracks (the library limit), and a bare
``import pandas, sqlalchemy`` for ``launchmap --help``. Each figure is the median of repeated runs;
the ratio is what to compare across machines. Results go to stdout and ``benchmarks/results.md``.
"""

from __future__ import annotations

import io
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.synthetic import synthetic_launches
from geodata.formats import to_csv
from geodata.geo import geodesy
from geodata.render import leaflet
from geodata.tracks import impact_point, impact_points

SIZES = (233, 10_000, 100_000)
RESULTS = Path(__file__).with_name("results.md")


def median_seconds(function: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def per_event_layers(frame: Any) -> int:
    """The map's former way: one impact geodesic and one track per event, in a Python loop."""
    points = 0
    for event in frame.to_dict("records"):
        end, _ = impact_point(event)
        if end is not None:
            points += len(geodesy.track((event["lat"], event["lon"]), end, spacing_km=100))
    return points


def pyproj_limit_tracks(frame: Any) -> None:
    """The floor: one array call for the impacts and one for ten points along every track."""
    lats, lons, _ = impact_points(frame)
    ok = np.isfinite(lats)
    start_lon, start_lat = frame["lon"].to_numpy(float)[ok], frame["lat"].to_numpy(float)[ok]
    az, _, dist = geodesy.WGS84.inv(start_lon, start_lat, lons[ok], lats[ok])
    steps = np.linspace(0, 1, 10)
    geodesy.WGS84.fwd(
        np.repeat(start_lon, 10), np.repeat(start_lat, 10), np.repeat(az, 10), np.outer(dist, steps).ravel()
    )


def process_seconds(argv: list[str], repeat: int = 5) -> float:
    env = {**os.environ, "LAUNCHMAP_DB": "sqlite://"}
    return median_seconds(lambda: subprocess.run(argv, env=env, capture_output=True, check=False), repeat)


def main() -> None:
    rows = []
    for n in SIZES:
        frame = synthetic_launches(n)
        repeat = 5 if n < 50_000 else 1
        ours = median_seconds(lambda frame=frame: leaflet.launch_geojson(frame), repeat)
        naive = (
            median_seconds(lambda frame=frame: per_event_layers(frame), repeat)
            if n <= 10_000
            else float("nan")
        )
        limit = median_seconds(lambda frame=frame: pyproj_limit_tracks(frame), repeat)
        csv_ours = median_seconds(lambda frame=frame: to_csv(frame), repeat)
        csv_pandas = median_seconds(lambda frame=frame: frame.to_csv(io.StringIO(), index=False), repeat)
        rows.append((n, ours, naive, limit, csv_ours, csv_pandas))
        print(
            f"{n:>7,} events: map layers {ours:.3f} s (per-event loop {naive:.3f} s, x{naive / ours:.1f}); "
            f"pyproj floor {limit:.3f} s; CSV {csv_ours:.3f} s vs pandas {csv_pandas:.3f} s (x{csv_ours / csv_pandas:.2f})"
        )
    launchmap = [sys.executable, "-m", "launchmap_cli.main", "--help"]
    bare = [sys.executable, "-c", "import pandas, sqlalchemy"]
    help_s, bare_s = process_seconds(launchmap), process_seconds(bare)
    print(
        f"launchmap --help {help_s:.2f} s vs import pandas, sqlalchemy {bare_s:.2f} s (x{help_s / bare_s:.2f})"
    )
    lines = [
        "# Scale benchmarks",
        "",
        f"`python -m benchmarks scale` on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        "medians of repeated runs (one run at 100,000). Synthetic events from `benchmarks/synthetic.py`.",
        "",
        "| events | map layers (ours) | per-event loop | speed-up | pyproj floor | CSV export | pandas to_csv | CSV ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, ours, naive, limit, csv_ours, csv_pandas in rows:
        speed = f"{naive / ours:.1f}×" if naive == naive else "—"
        naive_text = f"{naive:.3f} s" if naive == naive else "not run"
        lines.append(
            f"| {n:,} | {ours:.3f} s | {naive_text} | {speed} | {limit:.3f} s | {csv_ours:.3f} s | {csv_pandas:.3f} s | {csv_ours / csv_pandas:.2f}× |"
        )
    lines += [
        "",
        f"`launchmap --help`: {help_s:.2f} s; bare `import pandas, sqlalchemy`: {bare_s:.2f} s ({help_s / bare_s:.2f}×).",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
