"""``launchmap extract FILE|DIR|- ... [--published YYYY-MM-DD]``: draft launch events from news reports.

Prints ``{"events": [...], "warnings": [...]}`` as JSON on stdout (see
:mod:`geodata.reports.extract`). Each draft also carries ``report``: the publication date,
outlet, address and headline given here, so ``launchmap import -`` can store it with its
sources (``launch_sources`` rows are dated by the report):

    launchmap extract report.txt --published 2025-11-07 --outlet Yonhap | launchmap import -
    pbpaste | launchmap extract - --published 2025-11-07

Several files (or a folder of ``.txt``, ``.eml`` and ``.html`` reports) are read together: copies of one launch from
several agencies become one draft with every source, and a later report's changed figure shows
as a revision (:func:`geodata.reports.many.extract_many`). A file may open with header lines
``Published: YYYY-MM-DD``, ``Outlet: ...``, ``URL: ...``, ``Title: ...`` naming its own report; an e-mail
is dated and named by its headers and a saved web page by its metadata
(:mod:`geodata.reports.documents`):

    launchmap extract wire/ | launchmap import -
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geodata.errors import InvalidFile
from launchmap_cli.selection import iso_day


def read_report_file(path: str) -> Any:
    """The report in ``path`` (``-`` is standard input) as a :class:`~geodata.reports.review.Report`.

    A file larger than one report may be is refused before it is read whole.
    """
    from geodata.limits import MAX_REPORT_FILE_BYTES
    from geodata.reports.documents import read_report

    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_REPORT_FILE_BYTES + 1)
        else:
            with Path(path).open("rb") as handle:
                data = handle.read(MAX_REPORT_FILE_BYTES + 1)
    except OSError as error:
        raise InvalidFile(f"cannot read report file {path!r}: {error.strerror}") from None
    return read_report(data, None if path == "-" else path)


def report_files(names: list[str]) -> list[str]:
    """The files named, a folder standing for the report files in it (.txt, .eml, .html)."""
    from geodata.reports.documents import REPORT_SUFFIXES

    files: list[str] = []
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(
                str(p) for p in path.iterdir() if p.suffix.lower() in REPORT_SUFFIXES and p.is_file()
            )
            if not found:
                kinds = ", ".join(REPORT_SUFFIXES)
                raise InvalidFile(f"{name}: expected report files ({kinds}) in the folder, found none")
            files += found
        else:
            files.append(name)
    return files


def cmd_extract(args: argparse.Namespace, context: Any) -> int:
    """Extract launch events from report files (or stdin) and print them as JSON."""
    import json

    from geodata.reports.extract import extract_events
    from geodata.reports.language import refuse_non_english
    from geodata.reports.many import extract_many
    from geodata.reports.text import check_text

    files = report_files(list(args.files))
    gazetteer = getattr(context, "gazetteer", None)
    if len(files) > 1:
        reports, about = [], {}
        for name in files:
            report = read_report_file(name)
            published = report.published or args.published
            reports.append((report.text, published, name))
            about[name] = {"published_on": published.isoformat() if published else None,
                           "outlet": report.outlet, "url": report.url, "title": report.title}  # fmt: skip
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
    report = read_report_file(files[0])
    published = report.published or args.published
    text = check_text(report.text)
    refuse_non_english(text, None if files[0] == "-" else files[0])  # by name, not "no launch"
    extraction = extract_events(text, published, gazetteer)
    described = {
        "published_on": published.isoformat() if published else None,
        "outlet": args.outlet or report.outlet,
        "url": args.url or report.url,
        "title": args.title or report.title,
    }
    payload = extraction.to_dict()
    payload["events"] = [{**event, "report": described} for event in payload["events"]]
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
        help="report file(s) (.txt, .eml, .html), a folder of them, or - for standard input; several are merged per launch",
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
