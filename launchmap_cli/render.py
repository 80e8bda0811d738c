"""The ``launchmap render`` subcommand: a publication-ready still map written to a file.

The selection is one event (``--event ID``) or the filters shared with ``events`` and
``export``; rings are ``SITE:RANGE`` where SITE is any name or coordinate the gazetteer
resolves and RANGE a length (``700km``, ``435mi``, ``378nmi``) or a system name from the
catalogue (its published maximum range). Prints a JSON summary on stdout.

    launchmap render --out taegwan.png --event 2025-11-07-taegwan --credit "Source: ROK JCS"
    launchmap render --out icbm.svg --preset 1x1 --style dark --class ICBM --ring Sunan:Hwasong-15
    launchmap render --out ranges.pdf --ring "Sunan:13000km" --ring "Sunan:5500km" --title "Within reach"
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from geodata.errors import InvalidEvent, LaunchmapError
from geodata.events import filter_launches
from geodata.geo.rings import parse_ring
from geodata.render.stills.compose import FORMATS, PRESETS, STYLES, render_to_file

ContextFactory = Callable[[argparse.Namespace], Any]
FILTERS = ("since", "until", "classes", "systems", "sites")


def select_launches(args: argparse.Namespace, launches: pd.DataFrame) -> pd.DataFrame:
    """One event by ``--event`` or the filtered selection; both at once is a usage error."""
    chosen = {name: getattr(args, name, None) for name in FILTERS}
    if args.event:
        if any(value for value in chosen.values()):
            raise LaunchmapError(
                "--event picks one launch; leave out --since/--until/--class/--system/--site"
            )
        selected = launches[launches["id"] == args.event]
        if selected.empty:
            raise InvalidEvent(f"expected a stored launch id for --event, got {args.event!r}")
        return selected
    return filter_launches(launches, **chosen)


def cmd_render(args: argparse.Namespace, context: Any) -> int:
    """Render a still map (PNG, SVG or PDF by the --out suffix) of launches, sites, tracks and rings."""
    out = Path(args.out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise LaunchmapError(f"expected --out to end in .png, .svg or .pdf, got {args.out!r}")
    store = context.store
    launches = select_launches(args, store.launches())
    systems = store.systems() if hasattr(store, "systems") else None
    rings = [parse_ring(text, context.gazetteer, systems.to_dict("records")) for text in args.rings]
    render_to_file(
        out,
        launches,
        sites=store.sites(),
        rings=rings,
        places=store.places(),
        preset=args.preset,
        scale=args.scale,
        style=args.style,
        title=args.title,
        subtitle=args.subtitle,
        credit=args.credit,
        sources=store.sources(launches["id"]),
        logo=args.logo,
        logo_space=args.logo_space,
    )
    summary = {
        "out": str(out),
        "format": fmt,
        "preset": args.preset,
        "scale": args.scale,
        "style": args.style,
        "events": len(launches),
        "rings": [r.text for r in rings],
        "bytes": out.stat().st_size,
    }
    json.dump(summary, sys.stdout)
    sys.stdout.write("\n")
    return 0


def register(subparsers: Any, context_factory: ContextFactory) -> None:
    """Add ``render`` to a ``launchmap`` subparsers object."""
    from launchmap_cli.main import (
        add_filter_options,  # here, not at import: launchmap_cli.main imports this module
    )

    render = subparsers.add_parser(
        "render", help="still map for publication (PNG/SVG/PDF)", description=cmd_render.__doc__
    )
    render.add_argument("--out", required=True, metavar="FILE", help="FILE.png, FILE.svg or FILE.pdf")
    render.add_argument(
        "--preset",
        choices=tuple(PRESETS),
        default="16x9",
        help="16x9 = 1920x1080, 1x1 = 1080x1080, 4x5 = 1080x1350 px (default 16x9)",
    )
    render.add_argument("--scale", type=float, default=1.0, help="pixel multiplier; 2 for retina (default 1)")
    render.add_argument("--style", choices=tuple(STYLES), default="light", help="print is greyscale-safe")
    render.add_argument("--event", metavar="ID", help="one launch by id (instead of the filters)")
    add_filter_options(render)
    render.add_argument(
        "--ring",
        dest="rings",
        action="append",
        default=[],
        metavar="SITE:RANGE",
        help="range ring, e.g. Sunan:13000km or Sunan:Hwasong-15 (repeatable)",
    )
    render.add_argument("--title", help="headline (default: from the selection)")
    render.add_argument("--subtitle", help="second line (default: distance, apogee, landing area)")
    render.add_argument("--credit", help="source credit, e.g. 'Source: ROK JCS'; map credits are appended")
    render.add_argument("--logo", help="PNG drawn in the footer's logo space")
    render.add_argument("--logo-space", action="store_true", help="reserve empty logo space in the footer")
    render.set_defaults(handler=cmd_render, context_factory=context_factory)
