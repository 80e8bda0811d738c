"""The ``launchmap`` command: serve the dashboard, list, import and export launches, and geodesy tools.

Output goes to stdout (JSON, CSV or a table), errors to stderr with a non-zero exit:
1 for bad input, 2 for bad usage (argparse).

    launchmap events --since 2025-01-01 --class SRBM --format csv
    launchmap --db team.db import cns-export.xlsx
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from geodata.errors import InvalidEvent, LaunchmapError
from geodata.events import filter_launches
from geodata.schema import LAUNCH_SUMMARY_COLUMNS, SYSTEM_CLASSES

# Subcommand groups living next to the code they drive; each module has register(subparsers, context_factory).
COMMAND_MODULES = ("launchmap_cli.geo", "launchmap_cli.report", "launchmap_cli.render")


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


def _print_frame(frame: pd.DataFrame, fmt: str) -> None:
    if fmt == "csv":
        sys.stdout.write(frame.to_csv(index=False))
    elif fmt == "json":
        sys.stdout.write(frame.to_json(orient="records", date_format="iso", indent=1) + "\n")
    else:
        with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_colwidth", 40):
            sys.stdout.write(frame.to_string(index=False) + "\n")


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
    ]
    print(
        f"launchmap: serving on http://{args.host}:{args.port}  (store: {context.store.url})", file=sys.stderr
    )
    return subprocess.call(command, env=env, cwd=app.parent.parent)


def _selected(args: argparse.Namespace, context: Context) -> pd.DataFrame:
    """Stored launches matching the shared --since/--until/--class/--system/--site options."""
    return filter_launches(
        context.store.launches(),
        since=args.since,
        until=args.until,
        classes=args.classes,
        systems=args.systems,
        sites=args.sites,
    )


def cmd_events(args: argparse.Namespace, context: Context) -> int:
    """List stored launch events matching the filters."""
    launches = _selected(args, context)
    _print_frame(launches[LAUNCH_SUMMARY_COLUMNS] if args.format == "table" else launches, args.format)
    return 0


def _refuse(file: str, errors: list[Any]) -> int:
    """Print every row error and say that nothing was written; the exit code of a refused import."""
    for row_error in errors:
        print(f"error: {row_error}", file=sys.stderr)
    print(
        f"{len(errors)} invalid row(s) in {file}; nothing was written "
        "(use --skip-invalid to import only the valid rows)",
        file=sys.stderr,
    )
    return 1


def cmd_import(args: argparse.Namespace, context: Context) -> int:
    """Validate a file and write its events in one transaction (nothing on any invalid row)."""
    from geodata.formats.reader import read_launch_file

    parsed = read_launch_file(Path(args.file))
    for warning in parsed.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if parsed.errors and not args.skip_invalid:
        return _refuse(args.file, parsed.errors)
    try:
        result = context.store.import_launches(
            parsed.launches,
            parsed.sources,
            actor=f"import:{Path(args.file).name}",
            skip_invalid=args.skip_invalid,
        )
    except InvalidEvent as error:
        return _refuse(args.file, error.errors)
    for row_error in parsed.errors:
        print(f"skipped: {row_error}", file=sys.stderr)
    for row_error in result.errors:
        print(f"skipped: {row_error}", file=sys.stderr)
    print(
        json.dumps(
            {
                "format": parsed.format,
                "inserted": len(result.inserted),
                "unchanged": len(result.unchanged),
                "skipped_rows": len(result.errors) + len(parsed.errors),
                "systems_added": result.systems_added,
            }
        )
    )
    return 0


def cmd_export(args: argparse.Namespace, context: Context) -> int:
    """Write every stored launch with its sources as CSV or JSON."""
    launches = _selected(args, context)
    sources = context.store.sources(launches["id"])
    if args.format == "csv":
        from geodata.formats.exports import to_csv

        sys.stdout.write(to_csv(launches, sources))
    else:
        records = json.loads(launches.to_json(orient="records", date_format="iso"))
        by_launch = {
            k: json.loads(g.drop(columns="launch_id").to_json(orient="records"))
            for k, g in sources.groupby("launch_id")
        }
        for record in records:
            record["sources"] = by_launch.get(record["id"], [])
        json.dump(records, sys.stdout, indent=1)
        sys.stdout.write("\n")
    return 0


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """The selection options shared by events, export and render."""
    parser.add_argument("--since", help="first day (YYYY-MM-DD, UTC)")
    parser.add_argument("--until", help="last day, inclusive (YYYY-MM-DD, UTC)")
    parser.add_argument(
        "--class", dest="classes", action="append", choices=SYSTEM_CLASSES, help="system class (repeatable)"
    )
    parser.add_argument("--system", dest="systems", action="append", help="system name (repeatable)")
    parser.add_argument("--site", dest="sites", action="append", help="site id (repeatable)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="launchmap",
        description="Missile-launch maps: sourced launch history, exact geodesic range rings, newsroom exports.",
    )
    parser.add_argument(
        "--db", help="SQLite file path or SQLAlchemy URL (default: $LAUNCHMAP_DB or the user data dir)"
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = subparsers.add_parser("serve", help="start the dashboard", description=cmd_serve.__doc__)
    serve.add_argument("--host", default="localhost")
    serve.add_argument("--port", type=int, default=8501)
    serve.set_defaults(handler=cmd_serve)

    events = subparsers.add_parser("events", help="list launch events", description=cmd_events.__doc__)
    add_filter_options(events)
    events.add_argument("--format", choices=("table", "csv", "json"), default="table")
    events.set_defaults(handler=cmd_events)

    importer = subparsers.add_parser(
        "import",
        help="import launches from a file",
        description=str(cmd_import.__doc__)
        + " Formats: launchmap CSV/JSON/GeoJSON exports, the CNS/NTI database layout "
        "(CSV or XLSX).",
    )
    importer.add_argument("file", help="CSV, XLSX, JSON or GeoJSON file")
    importer.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows and report the others"
    )
    importer.set_defaults(handler=cmd_import)

    export = subparsers.add_parser(
        "export", help="export launches with their sources", description=cmd_export.__doc__
    )
    add_filter_options(export)
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.set_defaults(handler=cmd_export)

    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers, Context)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args, Context(args)) or 0)
    except LaunchmapError as error:
        print(f"launchmap: error: {error}", file=sys.stderr)
        return 1
    except (FileNotFoundError, IsADirectoryError, PermissionError) as error:
        print(f"launchmap: error: {error.strerror}: {error.filename}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `launchmap ... | head`: the reader left; not an error worth a traceback
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
