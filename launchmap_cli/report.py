"""``launchmap extract FILE|- [--published YYYY-MM-DD]``: draft launch events from a news report.

Prints ``{"events": [...], "warnings": [...]}`` as JSON on stdout (see :mod:`geodata.reports.extract`).
Bad input raises a :class:`geodata.errors.LaunchmapError` that ``launchmap_cli.main`` reports on
stderr with exit status 1.

    launchmap extract report.txt --published 2025-11-07
    pbpaste | launchmap extract - --published 2025-11-07
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geodata.errors import InvalidFile
from geodata.reports.extract import MAX_INPUT_CHARS, extract_events


def _published(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a publication date as YYYY-MM-DD, got {value!r}"
        ) from None


def _read(path: str) -> bytes:
    """The report's bytes; larger input than the extractor accepts is refused before it is read whole."""
    limit = MAX_INPUT_CHARS * 4  # UTF-8 uses at most 4 bytes a character
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
            f"expected a news report of at most {MAX_INPUT_CHARS:,} characters, got more than "
            f"{limit:,} bytes from {where}; pass the article itself, not a whole page or archive"
        )
    return data


def cmd_extract(args: argparse.Namespace, context: Any) -> int:
    """Extract launch events from a report file (or stdin) and print them as JSON."""
    data = _read(args.file)
    gazetteer = getattr(context, "gazetteer", None)
    extraction = extract_events(data, args.published, gazetteer)
    sys.stdout.write(extraction.to_json() + "\n")
    return 0


def register(
    subparsers: argparse._SubParsersAction, context_factory: Callable[[argparse.Namespace], Any]
) -> None:
    """Add the ``extract`` subcommand; ``context_factory(args)`` gives an object with ``.gazetteer``."""
    parser = subparsers.add_parser(
        "extract",
        help="draft launch events (JSON) from the text of a news report",
        description="Read an English news report and print draft launch events with the words each value came from.",
    )
    parser.add_argument("file", metavar="FILE", help="report text file, or - for standard input")
    parser.add_argument(
        "--published",
        type=_published,
        default=None,
        metavar="YYYY-MM-DD",
        help="publication date, to resolve 'on Friday' or 'yesterday' (Korea date)",
    )
    parser.set_defaults(handler=cmd_extract)
