"""The ``launchmap`` command: serve the dashboard, list, import and export launches, and geodesy tools.

Output goes to stdout (a table, CSV, JSON or a file's text), errors to stderr as one line
``launchmap: error: ...``; exit 0 when done, 2 for bad usage or an invalid argument value,
1 for a failed operation (see :mod:`launchmap_cli.errors`).

    launchmap events --since 2025-01-01 --system KN-23 --site Sunan
    launchmap --db team.db import cns-export.xlsx
    launchmap extract report.txt --published 2025-11-07 | launchmap import -

Building the parser imports nothing heavy (pandas, matplotlib, folium load inside the handlers
that need them), so ``launchmap --help`` answers at once.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import subprocess
import sys
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from geodata.errors import LaunchmapError
from geodata.schema import LAUNCH_SUMMARY_COLUMNS
from launchmap_cli import selection
from launchmap_cli.errors import ArgumentParser, run

# Subcommand groups living next to the code they drive; each module has register(subparsers, context_factory).
COMMAND_MODULES = (
    "launchmap_cli.importing",
    "launchmap_cli.export",
    "launchmap_cli.geo",
    "launchmap_cli.report",
    "launchmap_cli.render",
    "launchmap_cli.db",
    "launchmap_cli.review",
)


def dashboard_app() -> Path:
    """The Streamlit entry file of the installed ``dashboard`` package, found without importing it."""
    spec = importlib.util.find_spec("dashboard")
    if spec is None or not spec.submodule_search_locations:
        raise LaunchmapError(
            "the dashboard package is not installed: reinstall launchmap (pip install launchmap)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "app.py"


class Context:
    """Lazily opened store and gazetteer for one command run."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.db = getattr(args, "db", None)

    @cached_property
    def store(self) -> Any:
        from geodata.store import Store

        store = Store(self.db)
        store.seed()
        return store

    @cached_property
    def gazetteer(self) -> Any:
        from geodata.geo.places import Gazetteer

        return Gazetteer.from_frames(self.store.sites(), self.store.places())


def _number(value: Any) -> str:
    """A figure as people write it: 700, 700.1, 1,000 (no trailing zeros); blank when missing."""
    from geodata.units import is_missing

    if is_missing(value):
        return ""
    text = f"{float(value):,.1f}"
    return text[:-2] if text.endswith(".0") else text


def launch_table(launches: Any) -> str:
    """The summary columns as an aligned text table; times in KST with UTC (one rule: format_kst_utc)."""
    from geodata.units import format_kst_utc, is_missing

    numeric = {"count", "distance_km", "apogee_km"}
    rows = []
    for record in launches.to_dict("records"):
        row = []
        for column in LAUNCH_SUMMARY_COLUMNS:
            value = record.get(column)
            if column == "launched_at":
                precision = record.get("launched_at_precision") or "minute"
                row.append("" if is_missing(value) else format_kst_utc(value, precision))
            elif column in numeric:
                row.append(_number(value))
            else:
                row.append("" if is_missing(value) else str(value))
        rows.append(row)
    widths = [
        max(len(column), *(len(row[i]) for row in rows)) for i, column in enumerate(LAUNCH_SUMMARY_COLUMNS)
    ]

    def line(cells: Sequence[str]) -> str:
        padded = [
            cell.rjust(width) if column in numeric else cell.ljust(width)
            for cell, width, column in zip(cells, widths, LAUNCH_SUMMARY_COLUMNS, strict=True)
        ]
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(LAUNCH_SUMMARY_COLUMNS), rule, *(line(row) for row in rows)]) + "\n"


def cmd_serve(args: argparse.Namespace, context: Context) -> int:
    """Start the Streamlit dashboard (seeds the store first so the first page load is quick)."""
    from geodata.render.leaflet import install_static_assets

    context.store  # noqa: B018 - open and seed before the server starts
    app = dashboard_app()
    # Leaflet, jQuery and the basemap are copied from installed packages, never committed.
    install_static_assets(app.parent / "static")
    env = {**os.environ}
    if args.db:
        env["LAUNCHMAP_DB"] = str(args.db)
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.address",
        args.host,
        "--server.port",
        str(args.port),
        "--server.headless",
        "true",
        "--server.enableStaticServing",
        "true",
        "--browser.gatherUsageStats",
        "false",
        # A fragment that reruns every half second (Globe & flight playback) ages Streamlit's cache
        # of large messages by one run each tick; with the default of 2 the browser can ask for a
        # globe the server already dropped ("Cached ForwardMsg MISS"). Keep them for a minute of play.
        "--global.maxCachedMessageAge",
        "120",
    ]
    print(
        f"launchmap: serving on http://{args.host}:{args.port}  (store: {context.store.engine.url.render_as_string(hide_password=True)})",
        file=sys.stderr,
    )
    return subprocess.call(command, env=env, cwd=app.parent.parent)


def cmd_events(args: argparse.Namespace, context: Context) -> int:
    """List stored launch events matching the filters (a table, CSV or JSON)."""
    import json

    launches = selection.select(args, context)
    if launches.empty and args.format == "table":
        print(selection.no_match(args, context.store.launches()))
        return 0
    if launches.empty:  # csv/json stay parseable; the explanation goes to stderr
        print(f"launchmap: {selection.no_match(args, context.store.launches())}", file=sys.stderr)
    if args.format == "csv":
        sys.stdout.write(launches.to_csv(index=False))
    elif args.format == "json":
        records = json.loads(launches.to_json(orient="records", date_format="iso"))
        sys.stdout.write(json.dumps(records, indent=1, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(launch_table(launches))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="launchmap",
        description="Missile-launch maps: sourced launch history, exact geodesic range rings, newsroom exports. "
        "Exit status: 0 done, 2 bad usage or argument value, 1 failed operation.",
    )
    parser.add_argument(
        "--db", help="SQLite file path or SQLAlchemy URL (default: $LAUNCHMAP_DB or the user data dir)"
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = subparsers.add_parser("serve", help="start the dashboard", description=cmd_serve.__doc__)
    serve.add_argument("--host", default="localhost")
    serve.add_argument("--port", type=int, default=8501)
    serve.set_defaults(handler=cmd_serve)

    events = subparsers.add_parser(
        "events",
        help="list launch events",
        description=str(cmd_events.__doc__)
        + " When nothing matches, the table format says so and where the records start and end.",
    )
    selection.add_filter_options(events)
    events.add_argument("--format", choices=("table", "csv", "json"), default="table")
    events.set_defaults(handler=cmd_events)

    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers, Context)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run(args.handler, args, Context(args))


if __name__ == "__main__":
    sys.exit(main())
