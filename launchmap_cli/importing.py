"""``launchmap import FILE|-``: validate launch files (or ``extract`` drafts) and store them all or not at all.

Accepted: launchmap CSV/JSON/GeoJSON exports, the CNS/NTI database layout (CSV or XLSX), and the
JSON that ``launchmap extract`` prints (``{"events": [...], "warnings": [...]}``, each draft with
the ``report`` it came from);
``-`` reads standard input, so a report goes to the store in one line:

    launchmap extract report.txt --published 2025-11-07 | launchmap import -

A draft becomes a ``launches`` row and its ``launch_sources`` rows through
:func:`geodata.reports.extract.launch_row` and :func:`~geodata.reports.extract.source_rows`
(dated by the report's publication date). A draft with no launch time or site cannot be
stored: the import names it and writes nothing. Any invalid row makes the whole import write
nothing unless ``--skip-invalid`` (the store's rule); the error counts bad rows, not bad cells.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from geodata.errors import InvalidEvent, InvalidFile
from launchmap_cli.errors import PREFIX

SHOWN_PROBLEMS = 10
EXTRACT_FORMAT = "launchmap-extract"
SKIP_HINT = " (use --skip-invalid to import only the valid rows)"


def _read_input(file: str) -> tuple[bytes, str]:
    """The bytes to import and a name whose suffix tells the reader the format."""
    from geodata.formats.guard import check_size, read_capped
    from geodata.limits import MAX_FILE_BYTES

    if file != "-":
        path = Path(file)
        return read_capped(path), path.name  # a device, a folder or an oversized file is refused unread
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    check_size(len(data), "standard input")
    if not data.strip():
        raise InvalidFile("standard input is empty; expected CSV, JSON or GeoJSON launch data")
    # Standard input has no name: JSON starts with { or [, anything else is read as CSV.
    return data, "stdin.json" if data.lstrip()[:1] in (b"{", b"[") else "stdin.csv"


def _extract_document(data: bytes, name: str) -> dict[str, Any] | None:
    """The ``launchmap extract`` output, if that is what ``data`` holds."""
    if not name.lower().endswith(".json"):
        return None
    from geodata.formats.guard import check_json_depth

    try:
        text = data.decode("utf-8-sig")
        check_json_depth(text, name)
        document = json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None  # the reader explains what is wrong with it (InvalidFile and JSONDecodeError are ValueErrors)
    if isinstance(document, dict) and isinstance(document.get("events"), list):
        return document
    return None


def _draft_label(number: int, event: dict[str, Any]) -> str:
    what = event.get("system") or "unknown system"
    evidence = event.get("evidence")
    quoted = evidence.get("site_id") if isinstance(evidence, dict) else None
    where = event.get("site_id") or (quoted.get("text") if isinstance(quoted, dict) else None)
    return f"event {number} ({what}{f' from {where}' if where else ''})"


def drafts_to_rows(document: dict[str, Any]) -> tuple[Any, Any, list[str]]:
    """Launch rows, source rows and the drafts that cannot be stored (why, one line each)."""
    import pandas as pd

    from geodata.reports.extract import launch_row, source_rows
    from geodata.schema import SOURCES

    launches, sources, unsaveable = [], [], []
    for number, event in enumerate(document["events"], start=1):
        if not isinstance(event, dict):
            unsaveable.append(f"event {number}: expected a JSON object, got {type(event).__name__}")
            continue
        report = event.get("report") if isinstance(event.get("report"), dict) else {}
        published = report.get("published_on")
        missing = [
            what
            for key, what in (("launched_at", "launch time"), ("site_id", "launch site"))
            if not event.get(key)
        ]
        if missing:
            unsaveable.append(
                f"{_draft_label(number, event)}: no {' and no '.join(missing)} in the report; "
                f"fill in {' and '.join(k for k in ('launched_at', 'site_id') if not event.get(k))} "
                f"in the JSON to save it"
                + ("" if published else " (and run extract with --published YYYY-MM-DD)")
            )
            continue
        if not published:
            unsaveable.append(
                f"{_draft_label(number, event)}: its sources need the report's publication date; "
                "run extract with --published YYYY-MM-DD"
            )
            continue
        row = launch_row(event)
        launches.append(row)
        sources += source_rows(
            {**event, "id": row["id"]},
            published,
            report.get("outlet"),
            report.get("url"),
            report.get("title"),
        )
    return pd.DataFrame(launches), pd.DataFrame(sources, columns=SOURCES.names), unsaveable


def bad_rows(store: Any, launches: Any, errors: list[Any]) -> int:
    """How many rows the errors fall on: a row with three bad cells is one bad row.

    Launch and source rows are numbered separately, so the launch errors are told apart by
    validating the launches alone (nothing is written).
    """
    launch_problems = {str(e) for e in store.import_launches(launches, None, dry_run=True).errors}
    return len({(str(e) in launch_problems, str(e.row)) for e in errors})


def refuse(what: str, problems: list[Any], hint: str) -> int:
    """One error line (what is bad: a count of rows), the first problems, and that nothing was written."""
    print(f"{PREFIX}{what} ({len(problems)} problem(s)); nothing was written{hint}", file=sys.stderr)
    for problem in problems[:SHOWN_PROBLEMS]:
        print(f"  {problem}", file=sys.stderr)
    if len(problems) > SHOWN_PROBLEMS:
        print(f"  ... and {len(problems) - SHOWN_PROBLEMS} more", file=sys.stderr)
    return 1


def cmd_import(args: argparse.Namespace, context: Any) -> int:
    """Validate a file (or - for stdin) and write its events in one transaction (nothing on any invalid row)."""
    from geodata.formats.reader import read_launch_file

    where = "standard input" if args.file == "-" else args.file
    data, name = _read_input(args.file)
    document = _extract_document(data, name)
    if document is not None:
        fmt = EXTRACT_FORMAT
        warnings = [str(warning) for warning in document.get("warnings") or []]
        launches, sources, problems = drafts_to_rows(document)
        refused_rows = len(problems)  # one problem per draft
        what = f"{refused_rows} of {len(document['events'])} drafted event(s) in {where} cannot be saved"
        hint = " (a draft needs a launch time and a site; --skip-invalid saves the others)"
    else:
        parsed = read_launch_file(data=data, name=name)
        fmt, launches, sources, warnings = parsed.format, parsed.launches, parsed.sources, parsed.warnings
        problems = parsed.errors
        refused_rows = len({str(problem.row) for problem in problems})
        what = f"{refused_rows} bad row(s) in {where}"
        hint = SKIP_HINT
    for warning in warnings:
        print(f"launchmap: warning: {warning}", file=sys.stderr)
    if problems and not args.skip_invalid:
        return refuse(what, problems, hint)
    if launches.empty:
        raise InvalidFile(f"no valid launch left in {where}" if problems else f"{where} holds no launch")
    store = context.store
    try:
        result = store.import_launches(
            launches,
            sources,
            actor=f"import:{'extract' if fmt == EXTRACT_FORMAT else name}",
            skip_invalid=args.skip_invalid,
        )
    except InvalidEvent as error:
        rows = bad_rows(store, launches, error.errors)
        return refuse(f"{rows} bad row(s) in {where}", error.errors, SKIP_HINT)
    for problem in [*problems, *result.errors]:
        print(f"launchmap: skipped: {problem}", file=sys.stderr)
    print(
        json.dumps(
            {
                "format": fmt,
                "inserted": len(result.inserted),
                "unchanged": len(result.unchanged),
                "skipped_rows": refused_rows + len({str(e.row) for e in result.errors}),
                "systems_added": result.systems_added,
                "ids": result.inserted,
            }
        )
    )
    return 0


def register(subparsers: Any, context_factory: Any) -> None:
    """Add ``import`` to a ``launchmap`` subparsers object."""
    importer = subparsers.add_parser(
        "import",
        help="import launches from a file, stdin or extract's output",
        description=str(cmd_import.__doc__)
        + " Formats: launchmap CSV/JSON/GeoJSON exports, the CNS/NTI database layout (CSV or XLSX), "
        "and the JSON of 'launchmap extract' (each draft saved with its sources). Prints a JSON "
        "summary; exit 1 when anything is refused.",
    )
    importer.add_argument("file", metavar="FILE", help="CSV, XLSX, JSON or GeoJSON file, or - for stdin")
    importer.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows and report the others"
    )
    importer.set_defaults(handler=cmd_import, context_factory=context_factory)
