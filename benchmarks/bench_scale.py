"""How the map layers, tracks, CSV export and CLI start-up scale: ours against a baseline in the same run.

Sizes 233 (the real history), 10,000 and 100,000 synthetic events from the seeded generator.
Baselines: the per-event loop the map used before (one impact geodesic and one track per event),
pandas ``to_csv`` for the export, pyproj on flat arrays for tracks (the library limit), and a bare
``import pandas, sqlalchemy`` for ``launchmap --help``. Each figure is the median of repeated runs;
the ratio is what to compare across machines. Results go to stdout and ``benchmarks/results.md``.

The store, import and stills section: ``Store.import_launches`` (the CLI's import path: validation,
audit rows, one transaction) against pandas ``to_sql`` of the same frame into an empty SQLite file;
a filtered read at each size (``Store.launches(classes=..., since=...)``, rows picked in SQL by the
0004 indexes) against the former way (read the whole table, then ``filter_launches``); and a 16:9
still against saving a bare figure of the same size (``benchmarks/bench_stills.py``'s baseline).
Only this module's section of ``results.md`` is rewritten; other benchmarks' sections are kept.
``python -m benchmarks.bench_scale stills`` re-measures the stills alone and replaces only their table.
"""

from __future__ import annotations

import io
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import sqlalchemy as sa

from benchmarks.bench_stills import bare_figure
from benchmarks.results import RESULTS, read_section, write_section
from benchmarks.synthetic import synthetic_launches, synthetic_sites
from geodata.events import filter_launches, launches_frame
from geodata.formats import to_csv
from geodata.geo import geodesy
from geodata.render import leaflet
from geodata.render.stills import render_still
from geodata.seeds import seeds_dir
from geodata.store import Store
from geodata.tracks import impact_point, impact_points

SIZES = (233, 10_000, 100_000)
FILTER: dict[str, Any] = {
    "classes": ["ICBM"],
    "since": "2005-01-01",
}  # one class over the last two decades: ~1/10 of the rows


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


def import_vs_to_sql(frame: Any, folder: Path) -> tuple[float, float, Store]:
    """Seconds to import ``frame`` through the store and to ``to_sql`` it; returns the filled store too."""
    store = Store(f"sqlite:///{folder / 'store.db'}")
    store.seed()
    started = time.perf_counter()
    store.import_launches(frame, actor="import:benchmark")
    ours = time.perf_counter() - started
    engine = sa.create_engine(f"sqlite:///{folder / 'to_sql.db'}")
    started = time.perf_counter()
    frame.to_sql("launches", engine, index=False)
    baseline = time.perf_counter() - started
    engine.dispose()
    return ours, baseline, store


def whole_table_then_filter(store: Store) -> Any:
    """The former way to answer a filter: read every launch (no cache), then filter in pandas."""
    store._table_cache.clear()
    return filter_launches(store.launches(), **FILTER)


def store_rows(n: int) -> dict[str, Any]:
    """Import against to_sql, a filtered read against read-all-then-filter, at ``n`` events."""
    frame = synthetic_launches(n)
    imports, baselines = [], []
    with tempfile.TemporaryDirectory() as folder:
        for attempt in range(3 if n < 50_000 else 1):
            run = Path(folder) / str(attempt)
            run.mkdir()
            ours, baseline, store = import_vs_to_sql(frame, run)
            imports.append(ours)
            baselines.append(baseline)
        rows = len(store.launches(**FILTER))  # the last store filled
        query = median_seconds(lambda: store.launches(**FILTER), 5)
        naive = median_seconds(lambda: whole_table_then_filter(store), 3 if n < 50_000 else 1)
        store.launches()
        cached = median_seconds(store.launches, 5)
        store.engine.dispose()
    return {
        "n": n,
        "import": statistics.median(imports),
        "to_sql": statistics.median(baselines),
        "rows": rows,
        "query": query,
        "naive_query": naive,
        "cached": cached,
    }


STILL_SIZES: tuple[int | str, ...] = (233, 10_000, "history")
STILL_REPEAT = 7
STILLS_HEADING = "Stills: a 16:9 PNG of N synthetic events"


def bundled_history() -> dict[str, Any]:
    """The bundled history as a newsroom still draws it: its launches, sites and places."""
    folder = seeds_dir()
    launches = launches_frame(pd.read_csv(folder / "launches.csv").to_dict("records"))
    return {
        "launches": launches,
        "sites": pd.read_csv(folder / "sites.csv"),
        "places": pd.read_csv(folder / "places.csv"),
    }


def still_rows(n: int | str, repeat: int = STILL_REPEAT) -> dict[str, Any]:
    """A 16:9 PNG still of ``n`` synthetic events (or ``"history"``) against saving a bare 16:9 figure.

    The two alternate, ``repeat`` times each, so a busy spell on the shared machine slows both;
    each is the median of its runs.
    """
    if n == "history":
        content = bundled_history()
    else:
        content = {"launches": synthetic_launches(int(n)), "sites": synthetic_sites()}
    render_still(**content)  # warm: the basemap is projected once per view
    times: dict[str, list[float]] = {"still": [], "bare": [], "still_cpu": [], "bare_cpu": []}
    for _ in range(repeat):
        for name, draw in (
            ("still", lambda: render_still(**content)),
            ("bare", lambda: bare_figure(1920, 1080, 1, "png")),
        ):
            wall, cpu = time.perf_counter(), time.process_time()
            draw()
            times[name].append(time.perf_counter() - wall)
            times[f"{name}_cpu"].append(time.process_time() - cpu)
    # CPU seconds too: other people's work on a shared machine stretches the wall clock, not these.
    events = (
        f"{len(content['launches']):,} (bundled history, places labelled)" if n == "history" else f"{n:,}"
    )
    return {
        "n": events,
        "repeat": repeat,
        **{name: statistics.median(values) for name, values in times.items()},
    }


def still_lines(stills: list[dict[str, Any]]) -> list[str]:
    """The stills table of the section (its own paragraph, so ``stills`` alone can replace it)."""
    repeat = max(row["repeat"] for row in stills)
    lines = [
        f"{STILLS_HEADING} (basemap warm) vs saving a bare 16:9 figure; the two alternate, "
        f"medians of {repeat} runs each. From 1,000 tracks on a still draws them thin, solid and "
        "translucent (`geodata.render.stills.layers.track_look`).",
        "",
        "| events | still | bare save | ratio | ratio of CPU seconds |",
        "|---:|---:|---:|---:|---:|",
    ]
    for row in stills:
        lines.append(
            f"| {row['n']} | {row['still']:.2f} s | {row['bare']:.3f} s | {row['still'] / row['bare']:.1f}× "
            f"| {row['still_cpu'] / row['bare_cpu']:.1f}× |"
        )
    return lines


def print_stills(stills: list[dict[str, Any]]) -> None:
    for row in stills:
        print(
            f"{row['n']:>7} events: still {row['still']:.2f} s vs bare save {row['bare']:.3f} s "
            f"(x{row['still'] / row['bare']:.1f}; CPU x{row['still_cpu'] / row['bare_cpu']:.1f})"
        )


def stills_only() -> None:
    """``python -m benchmarks.bench_scale stills``: re-measure the stills and replace only their table."""
    stills = [still_rows(n) for n in STILL_SIZES]
    print_stills(stills)
    current = read_section("bench_scale")
    if STILLS_HEADING not in current:
        raise SystemExit("benchmarks/results.md has no stills table yet: run `python -m benchmarks scale`")
    kept, _ = current.split(STILLS_HEADING, 1)
    load = os.getloadavg()[0]
    section(
        [
            *kept.rstrip("\n").split("\n"),
            "",
            *still_lines(stills),
            "",
            f"(Stills re-measured alone with `python -m benchmarks.bench_scale stills`; load average {load:.1f} on {os.cpu_count()} cores.)",
        ]
    )
    print(f"wrote the stills table of {RESULTS}")


def section(lines: list[str]) -> None:
    """Rewrite this module's section of results.md; keep every other section as it is."""
    write_section("bench_scale", "\n".join(lines))


def process_seconds(argv: list[str], repeat: int = 5) -> float:
    env = {**os.environ, "LAUNCHMAP_DB": "sqlite://"}
    return median_seconds(lambda: subprocess.run(argv, env=env, capture_output=True, check=False), repeat)


def main(parts: Sequence[str] = ()) -> None:
    """Every case; ``parts=["stills"]`` re-measures only the stills (a few minutes, not the 100k import)."""
    if list(parts) == ["stills"]:
        stills_only()
        return
    if parts:
        raise SystemExit(f"unknown part(s) {list(parts)}: the only part is 'stills'")
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
    stores = [store_rows(n) for n in SIZES]
    for row in stores:
        print(
            f"{row['n']:>7,} events: import {row['import']:.2f} s vs to_sql {row['to_sql']:.2f} s "
            f"(x{row['import'] / row['to_sql']:.2f}); filter {row['query'] * 1000:.1f} ms "
            f"({row['rows']:,} rows) vs read-all-then-filter {row['naive_query'] * 1000:.1f} ms; "
            f"cached whole table {row['cached'] * 1000:.1f} ms"
        )
    stills = [still_rows(n) for n in STILL_SIZES]
    print_stills(stills)
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
        "## Store, import and stills",
        "",
        "Import: `Store.import_launches` into a seeded SQLite file (validation, one audit row per row, one "
        "transaction) vs pandas `to_sql` of the same frame into an empty file. Filter: "
        "`Store.launches(classes=['ICBM'], since='2005-01-01')` vs reading the whole table and then "
        "`filter_launches` (the former way). Cached: the whole table again at an unchanged store version.",
        "",
        "| events | import | pandas to_sql | import ratio | filter (rows) | read all, then filter | filter speed-up | cached whole table |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in stores:
        lines.append(
            f"| {row['n']:,} | {row['import']:.2f} s | {row['to_sql']:.2f} s | {row['import'] / row['to_sql']:.2f}× "
            f"| {row['query'] * 1000:.1f} ms ({row['rows']:,}) | {row['naive_query'] * 1000:.1f} ms "
            f"| {row['naive_query'] / row['query']:.1f}× | {row['cached'] * 1000:.1f} ms |"
        )
    section([*lines, "", *still_lines(stills)])
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main(sys.argv[1:])
