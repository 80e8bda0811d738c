"""``launchmap review``: queue reports as drafts, then accept, edit or reject each (issue #13).

    launchmap review add wire/ --published 2025-11-07     # draft the reports, queue one per launch
    launchmap review list                                 # what waits (--all: decided ones too)
    launchmap review show 3                               # the draft, its sources, a revision's diff
    launchmap review accept 3 --set distance_km=650 --set notes="JCS revised"
    launchmap review reject 4 --reason "artillery, not a missile"

Nothing becomes a launch until it is accepted; every decision is audited with who made it
(``$LAUNCHMAP_USER``, else the login name; ``--user`` names someone else). A report that copies
a stored launch is queued as a revision of it, with the diff ``show`` prints. Report files may
open with ``Published:``/``Outlet:``/``URL:``/``Title:`` header lines, as for ``launchmap extract``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from launchmap_cli.errors import usage_errors
from launchmap_cli.report import read_report_file, report_files
from launchmap_cli.selection import iso_day

# What `show` prints of a draft: its launch columns, but not the id (given on accept) and impact estimate.
HIDDEN_FIELDS = ("id", "impact_lat", "impact_lon", "impact_basis")


def cmd_add(args: argparse.Namespace, context: Any) -> int:
    """Draft report files (or a folder of .txt, .eml and .html reports) together and queue one draft per launch."""
    import dataclasses

    from geodata.reports.review import queue_reports

    reports = [
        dataclasses.replace(
            report,
            published=report.published or args.published,
            outlet=report.outlet or args.outlet,
            url=report.url or args.url,
        )
        for report in map(read_report_file, report_files(list(args.files)))
    ]
    result = queue_reports(context.store, reports, gazetteer=context.gazetteer, user=args.user)
    for refusal in result.refused:
        print(f"launchmap: refused: {refusal}", file=sys.stderr)
    for warning in result.warnings:
        print(f"launchmap: warning: {warning}", file=sys.stderr)
    queue = _queue(context)
    for item_id in result.queued + result.redrafted:
        item = queue.item(item_id)
        verb = "queued" if item_id in result.queued else "redrafted"
        print(f"{verb} {item_id}: {item['kind']}: {item['title']}")
    if not (result.queued or result.redrafted):
        print("nothing queued: no launch in the reports given", file=sys.stderr)
        return 1 if result.refused else 0
    return 0


def _queue(context: Any) -> Any:
    from geodata.store.review import ReviewQueue

    return ReviewQueue(context.store)


def cmd_list(args: argparse.Namespace, context: Any) -> int:
    """List queued drafts: id, status, kind, what (pending only unless --all)."""
    items = _queue(context).items(None if args.all else "pending")
    if args.format == "json":
        sys.stdout.write(json.dumps(items, indent=1, ensure_ascii=False, default=str) + "\n")
        return 0
    if not items:
        print("no drafts waiting for review" if not args.all else "the review queue is empty")
        return 0
    for item in items:
        decided = f" by {item['decided_by']} → {item['launch_id'] or '-'}" if item["decision"] else ""
        print(f"{item['id']:>4}  {item['status']:<8}  {item['kind']:<8}  {item['title']}{decided}")
    return 0


def cmd_show(args: argparse.Namespace, context: Any) -> int:
    """Show one draft: its fields, sources, the reports it came from and, for a revision, the diff."""
    from geodata.reports.review import describe_change, describe_readings
    from geodata.schema import LAUNCHES

    with usage_errors():
        item = _queue(context).item(args.id)
    if args.format == "json":
        sys.stdout.write(json.dumps(item, indent=1, ensure_ascii=False, default=str) + "\n")
        return 0
    lines = [f"draft {item['id']} · {item['status']} · {item['kind']} · {item['title']}"]
    if item["decision"]:
        lines.append(f"decided: {item['decision']} by {item['decided_by']} at {item['decided_at']}"
                     f"{' → ' + item['launch_id'] if item['launch_id'] else ''}"
                     f"{' (' + item['reason'] + ')' if item['reason'] else ''}")  # fmt: skip
    if item["kind"] == "revision":
        lines.append(f"revises stored event {item['target_id']}:")
        lines += [f"  {describe_change(c)}" for c in item["changes"]] or [
            "  no field changes; adds its sources"
        ]
    draft = item["draft"]
    lines.append("draft:")
    lines += [
        f"  {name}: {draft[name]}"
        for name in LAUNCHES.names
        if name not in HIDDEN_FIELDS and draft.get(name) is not None
    ]
    readings = describe_readings(draft)
    if readings:
        lines.append("check before accepting, the reports also give:")
        lines += [f"  {line}" for line in readings]
    lines.append("sources:")
    for source in draft.get("sources") or []:
        figures = ", ".join(
            f"{k} {source[k]}"
            for k in ("count", "distance_km", "apogee_km", "flight_time_s")
            if source.get(k)
        )
        lines.append(f"  {source.get('source')} via {source.get('outlet') or source.get('report')}"
                     f" ({source.get('published_on')}){': ' + figures if figures else ''}")  # fmt: skip
    lines.append("reports: " + ", ".join(r["name"] for r in item["reports"]))
    print("\n".join(lines))
    return 0


def cmd_accept(args: argparse.Namespace, context: Any) -> int:
    """Accept a draft (with --set FIELD=VALUE edits): save it, or apply the revision to its stored event."""
    from geodata.reports.review import accept, parse_edits

    with usage_errors():
        edits = parse_edits(args.set or [])
        _queue(context).item(args.id)  # an id nobody queued is a usage error, naming the pending ones
    decided = accept(context.store, args.id, edits, actor="cli", user=args.user)
    verb = "revised" if decided["kind"] == "revision" else "saved"
    print(f"{decided['decision']} draft {decided['id']}: {verb} {decided['launch_id']}")
    return 0


def cmd_reject(args: argparse.Namespace, context: Any) -> int:
    """Reject a draft: nothing is saved; the decision, who and why are kept."""
    from geodata.reports.review import reject

    with usage_errors():
        _queue(context).item(args.id)
    decided = reject(context.store, args.id, args.reason, actor="cli", user=args.user)
    print(f"rejected draft {decided['id']}: nothing saved")
    return 0


def register(
    subparsers: argparse._SubParsersAction, context_factory: Callable[[argparse.Namespace], Any]
) -> None:
    """Add ``review`` with its actions: add, list, show, accept, reject."""
    review = subparsers.add_parser(
        "review",
        help="queue report drafts and accept, edit or reject each",
        description=str(__doc__).split("\n\n", 1)[0],
    )
    actions = review.add_subparsers(dest="action", required=True, metavar="ACTION")

    def who(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--user", help="who decides (default: $LAUNCHMAP_USER, else your login name)")

    add = actions.add_parser("add", help="draft reports and queue them", description=cmd_add.__doc__)
    add.add_argument(
        "files", metavar="FILE", nargs="+", help="report file(s) (.txt, .eml, .html), a folder of them, or -"
    )
    add.add_argument("--published", type=iso_day, metavar="YYYY-MM-DD",
                     help="publication date (Korea) of reports without a Published: line or dateline")  # fmt: skip
    add.add_argument("--outlet", help="outlet of reports without an Outlet: line or dateline")
    add.add_argument("--url", help="address of the report")
    who(add)
    add.set_defaults(handler=cmd_add)

    listing = actions.add_parser("list", help="list waiting drafts", description=cmd_list.__doc__)
    listing.add_argument("--all", action="store_true", help="decided drafts too")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.set_defaults(handler=cmd_list)

    show = actions.add_parser("show", help="show one draft and its diff", description=cmd_show.__doc__)
    show.add_argument("id", type=int)
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=cmd_show)

    accept = actions.add_parser(
        "accept", help="accept a draft (optionally edited)", description=cmd_accept.__doc__
    )
    accept.add_argument("id", type=int)
    accept.add_argument("--set", action="append", metavar="FIELD=VALUE",
                        help="change a field before saving, e.g. --set distance_km=650 (repeatable)")  # fmt: skip
    who(accept)
    accept.set_defaults(handler=cmd_accept)

    reject = actions.add_parser("reject", help="reject a draft", description=cmd_reject.__doc__)
    reject.add_argument("id", type=int)
    reject.add_argument("--reason", help="why (kept with the decision)")
    who(reject)
    reject.set_defaults(handler=cmd_reject)
    review.set_defaults(context_factory=context_factory)
