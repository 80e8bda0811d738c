"""``launchmap extract FILE|- [--published YYYY-MM-DD]``: draft launch events from a news report.

Prints ``{"events": [...], "warnings": [...]}`` as JSON on stdout (see
:mod:`geodata.reports.extract`). Each draft also carries ``report``: the publication date,
outlet, address and headline given here, so ``launchmap import -`` can store it with its
sources (``launch_sources`` rows are dated by the report):

    launchmap extract report.txt --published 2025-11-07 --outlet Yonhap | launchmap import -
    pbpaste | launchmap extract - --published 2025-11-07
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geodata.errors import InvalidFile
from launchmap_cli.selection import iso_day


def _read(path: str, limit_chars: int) -> bytes:
    """The report's bytes; larger input than the extractor accepts is refused before it is read whole."""
    limit = limit_chars * 4  # UTF-8 uses at most 4 bytes a character
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with Path(path).open("rb") as handle:
                data = handle.read(limit + 1)
    except OSError as error:
        raise InvalidFile(f"cannot read report file {path!r}: {error.strerror}") from None
    if len(data) > limit:
        where = "standard input" if path == "-" else repr(path)
        raise InvalidFile(
            f"expected a news report of at most {limit_chars:,} characters, got more than "
            f"{limit:,} bytes from {where}; pass the article itself, not a whole page or archive"
        )
    return data


def cmd_extract(args: argparse.Namespace, context: Any) -> int:
    """Extract launch events from a report file (or stdin) and print them as JSON."""
    import json

    from geodata.reports.extract import MAX_INPUT_CHARS, extract_events

    data = _read(args.file, MAX_INPUT_CHARS)
    gazetteer = getattr(context, "gazetteer", None)
    extraction = extract_events(data, args.published, gazetteer)
    report = {
        "published_on": args.published.isoformat() if args.published else None,
        "outlet": args.outlet,
        "url": args.url,
        "title": args.title,
    }
    payload = extraction.to_dict()
    payload["events"] = [{**event, "report": report} for event in payload["events"]]
    sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return 0


def register(
    subparsers: argparse._SubParsersAction, context_factory: Callable[[argparse.Namespace], Any]
) -> None:
    """Add the ``extract`` subcommand; ``context_factory(args)`` gives an object with ``.gazetteer``."""
    parser = subparsers.add_parser(
        "extract",
        help="draft launch events (JSON) from the text of a news report",
        description="Read an English news report and print draft launch events with the words each "
        "value came from. Pipe the output to 'launchmap import -' to store the drafts with their sources.",
    )
    parser.add_argument("file", metavar="FILE", help="report text file, or - for standard input")
    parser.add_argument(
        "--published",
        type=iso_day,
        default=None,
        metavar="YYYY-MM-DD",
        help="publication date (Korea), to resolve 'on Friday' or 'yesterday'; import needs it to date the sources",
    )
    parser.add_argument(
        "--outlet", help="where the report was published, e.g. Yonhap (stored with the sources)"
    )
    parser.add_argument("--url", help="address of the report (stored with the sources)")
    parser.add_argument("--title", help="headline of the report (stored with the sources)")
    parser.set_defaults(handler=cmd_extract, context_factory=context_factory)
