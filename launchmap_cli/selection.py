"""The launch selection shared by ``events``, ``export`` and ``render``: options, names, and the empty answer.

``--system`` takes any name the catalogue knows a system by (full name, short name or a
designation such as ``KN-23``, via :func:`geodata.geo.rings.find_system`); ``--site`` any site
name, alias or id the gazetteer resolves (``Sunan``, ``Tongchang-ri``). An unknown name is a
usage error naming close matches. ``--since``/``--until`` are UTC days, as on the pages.

    launchmap events --system KN-23 --site Sunan --since 2025-01-01
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import re
from collections.abc import Iterable
from typing import Any

from geodata.schema import SYSTEM_CLASSES
from launchmap_cli.errors import UsageError

FILTERS = ("since", "until", "classes", "systems", "sites")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_day(text: str) -> dt.date:
    """argparse type: a calendar day written ``YYYY-MM-DD``."""
    if not _DAY.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}")
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as error:  # 2025-13-01, 2025-02-30
        raise argparse.ArgumentTypeError(
            f"expected a calendar date as YYYY-MM-DD, got {text!r} ({error})"
        ) from None


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """The selection options shared by events, export and render."""
    parser.add_argument("--since", type=iso_day, metavar="YYYY-MM-DD", help="first day (UTC)")
    parser.add_argument("--until", type=iso_day, metavar="YYYY-MM-DD", help="last day, inclusive (UTC)")
    parser.add_argument(
        "--class", dest="classes", action="append", choices=SYSTEM_CLASSES, help="system class (repeatable)"
    )
    parser.add_argument(
        "--system",
        dest="systems",
        action="append",
        metavar="NAME",
        help="system name, short name or designation, e.g. Hwasong-15, KN-23 (repeatable)",
    )
    parser.add_argument(
        "--site",
        dest="sites",
        action="append",
        metavar="NAME",
        help="launch site name, alias or id, e.g. Sunan, Tongchang-ri (repeatable)",
    )


def has_filters(args: argparse.Namespace) -> bool:
    return any(getattr(args, name, None) for name in FILTERS)


def describe(args: argparse.Namespace) -> str:
    """The filters as typed, e.g. ``--system KN-23 --since 2025-01-01`` (``all launches`` for none)."""
    parts = []
    for option, name in (("--since", "since"), ("--until", "until")):
        if getattr(args, name, None):
            parts.append(f"{option} {getattr(args, name).isoformat()}")
    for option, name in (("--class", "classes"), ("--system", "systems"), ("--site", "sites")):
        parts += [f"{option} {_quoted(value)}" for value in getattr(args, name, None) or ()]
    return " ".join(parts) or "all launches"


def _quoted(value: str) -> str:
    return repr(value) if re.search(r"\s", value) else value


def system_names(wanted: Iterable[str], systems: Iterable[dict[str, Any]], launches: Any) -> list[str]:
    """The stored ``system`` values for names typed by a user; unknown names are a usage error."""
    from geodata.geo.rings import close_system_names, find_system
    from geodata.units import name_key

    catalogue = list(systems)
    recorded = {name_key(name): str(name) for name in launches["system"].dropna().unique()}
    found = []
    for name in wanted:
        system = find_system(name, catalogue)
        if system is not None:
            found.append(str(system["name"]))
        elif name_key(name) in recorded:  # a launch's system that the catalogue lacks
            found.append(recorded[name_key(name)])
        else:
            close = close_system_names(name, catalogue)
            hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
            raise UsageError(f"unknown system {name!r} for --system{hint}")
    return found


def site_ids(wanted: Iterable[str], gazetteer: Any) -> list[str]:
    """Site ids for site names, aliases or ids; a name the gazetteer does not know is a usage error."""
    from geodata.errors import UnknownPlace

    sites = {site.id: site for site in gazetteer.sites}
    found = []
    for name in wanted:
        try:
            place = gazetteer.resolve(name)
        except UnknownPlace as error:
            raise UsageError(f"{error} for --site") from None
        if place.id not in sites:
            labels = [label for site in sites.values() for label in (site.name, *site.aliases)]
            close = difflib.get_close_matches(name, labels, n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
            raise UsageError(
                f"expected a launch site for --site, got {name!r}, which is the {place.kind} "
                f"{place.name!r}{hint}"
            )
        found.append(place.id)
    return found


def select(args: argparse.Namespace, context: Any) -> Any:
    """Stored launches matching --since/--until/--class/--system/--site (a DataFrame, in stored order)."""
    from geodata.events import filter_launches

    if args.since and args.until and args.since > args.until:
        raise UsageError(
            f"expected --since on or before --until, got --since {args.since} and --until {args.until}"
        )
    launches = context.store.launches()
    systems = (
        system_names(args.systems, context.store.systems().to_dict("records"), launches)
        if args.systems
        else None
    )
    sites = site_ids(args.sites, context.gazetteer) if args.sites else None
    return filter_launches(
        launches,
        since=args.since.isoformat() if args.since else None,
        until=args.until.isoformat() if args.until else None,
        classes=args.classes,
        systems=systems,
        sites=sites,
    )


def no_match(args: argparse.Namespace, launches: Any) -> str:
    """``no launch matches <filters>; the records run from <first> to <last>`` (Korea dates)."""
    from geodata.units import korea_day

    asked = describe(args)
    if launches.empty:
        return f"no launch matches {asked}; the store holds no launches"
    dated = launches.dropna(subset=["launched_at"]).sort_values("launched_at")
    first, last = dated.iloc[0], dated.iloc[-1]
    return (
        f"no launch matches {asked}; the records run from "
        f"{korea_day(first['launched_at'], first['launched_at_precision'])} to "
        f"{korea_day(last['launched_at'], last['launched_at_precision'])}"
    )


def records_text(context: Any) -> str:
    """ "Records to 26 May 2026 (checked 26 Nov 2026)": how current the whole history is, for every file."""
    from geodata.events import records_note
    from geodata.seeds import records_checked_on

    return records_note(context.store.launches(), records_checked_on())
