"""``launchmap extract FILE|DIR|- ... [--published YYYY-MM-DD]``: draft launch events from news reports.

Prints ``{"events": [...], "warnings": [...]}`` as JSON on stdout (see
:mod:`geodata.reports.extract`). Each draft also carries ``report``: the publication date,
outlet, address and headline given here, so ``launchmap import -`` can store it with its
sources (``launch_sources`` rows are dated by the report):

    launchmap extract report.txt --published 2025-11-07 --outlet Yonhap | launchmap import -
    pbpaste | launchmap extract - --published 2025-11-07

Several files (or a folder of ``.txt`` files) are read together: copies of one launch from
several agencies become one draft with every source, and a later report's changed figure shows
as a revision (:func:`geodata.reports.many.extract_many`). A file may open with header lines
``Published: YYYY-MM-DD``, ``Outlet: ...``, ``URL: ...``, ``Title: ...`` naming its own report:

    launchmap extract wire/ | launchmap import -
"""

from __future__ import annotations

import argparse
import re
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


_HEADER = re.compile(r"^(published|outlet|url|title)\s*:\s*(.+?)\s*$", re.IGNORECASE)


def report_header(text: str) -> tuple[dict[str, str], str]:
    """Leading ``Published:``/``Outlet:``/``URL:``/``Title:`` lines as a dict, and the text without them."""
    header: dict[str, str] = {}
    lines = text.splitlines()
    while lines and (match := _HEADER.match(lines[0])):
        header[match.group(1).lower()] = match.group(2)
        lines.pop(0)
    return header, "\n".join(lines)


def _report_files(names: list[str]) -> list[str]:
    files: list[str] = []
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(str(p) for p in path.glob("*.txt"))
            if not found:
                raise InvalidFile(f"{name}: expected .txt report files in the folder, found none")
            files += found
        else:
            files.append(name)
    return files


def cmd_extract(args: argparse.Namespace, context: Any) -> int:
    """Extract launch events from report files (or stdin) and print them as JSON."""
    import json

    from geodata.reports.extract import MAX_INPUT_CHARS, extract_events
    from geodata.reports.language import refuse_non_english
    from geodata.reports.many import extract_many
    from geodata.reports.text import check_text

    files = _report_files(list(args.files))
    gazetteer = getattr(context, "gazetteer", None)
    if len(files) > 1:
        reports, about = [], {}
        for name in files:
            header, text = report_header(_read(name, MAX_INPUT_CHARS).decode("utf-8", errors="replace"))
            published = iso_day(header["published"]) if "published" in header else args.published
            reports.append((text, published, name))
            about[name] = {"published_on": published.isoformat() if published else None, **{
                k: header.get(k) for k in ("outlet", "url", "title")}}  # fmt: skip
        extraction = extract_many(reports, gazetteer)
        payload = extraction.to_dict()
        for event in payload["events"]:
            event["sources"] = [
                {**about.get(s.get("report"), {}), **{k: v for k, v in s.items() if v is not None}}
                for s in event["sources"]
            ]
            first = about.get((event.get("reports") or [None])[0], {})
            event["report"] = {
                "published_on": first.get("published_on"),
                "outlet": None,
                "url": None,
                "title": None,
            }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")
        return 0
    data = _read(files[0], MAX_INPUT_CHARS)
    header, text = report_header(data.decode("utf-8", errors="replace")) if data[:1] != b"\x00" else ({}, "")
    if header:
        args.published = iso_day(header["published"]) if "published" in header else args.published
        args.outlet, args.url, args.title = (
            args.outlet or header.get("outlet"), args.url or header.get("url"), args.title or header.get("title"))  # fmt: skip
        data = text.encode("utf-8")
    refuse_non_english(check_text(data), None if files[0] == "-" else files[0])  # by name, not "no launch"
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
    parser.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="report text file(s), a folder of .txt reports, or - for standard input; several are merged per launch",
    )
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
