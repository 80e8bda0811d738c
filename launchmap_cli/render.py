"""The ``launchmap render`` subcommand: a publication-ready still map, or the history played as a film.

The selection is one event (``--event ID``) or the filters shared with ``events`` and
``export``; rings are ``SITE:RANGE`` where SITE is any name or coordinate the gazetteer
resolves and RANGE a length (``700km``, ``435mi``, ``378nmi``) or a system name from the
catalogue (its published maximum range). Prints a JSON summary on stdout.

    launchmap render --out taegwan.png --event 2025-11-07-taegwan --credit "Source: ROK JCS"
    launchmap render --out icbm.svg --preset 1x1 --style dark --class ICBM --ring Sunan:Hwasong-15
    launchmap render --out ranges.pdf --ring "Sunan:13000km" --ring "Sunan:5500km" --title "Within reach"
    launchmap render --out history.mp4 --scale 0.5 --since 2017-01-01 --step month

``.gif`` or ``.mp4`` plays the selection in order, one frame a year (``--step month``: a month), the
launches appearing as they happened (:mod:`geodata.render.stills.playback`); rings, logo and subtitle are
for stills and are refused there.

A selection that matches no launch is refused (exit 1, no file written); a bad option value
(--scale outside (0, 4], an unknown --event id, a ring nobody can place) is exit 2.
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geodata.errors import LaunchmapError
from launchmap_cli import selection
from launchmap_cli.errors import UsageError
from launchmap_cli.export import parse_rings

ContextFactory = Callable[[argparse.Namespace], Any]
# The choices of geodata.render.stills.compose (PRESETS, STYLES, FORMATS and its scale check),
# written out so that `launchmap --help` need not load matplotlib; a test keeps them equal.
PRESETS = ("16x9", "1x1", "4x5")
STYLES = ("light", "dark", "print")
FORMATS = ("png", "svg", "pdf")
FILMS = ("gif", "mp4")  # geodata.render.stills.playback.FORMATS
STEPS = ("year", "month")  # geodata.render.stills.playback.STEPS
MAX_SCALE = 4.0
MAX_FILM_SCALE = 2.0  # a film is many frames: 2 is 3840x2160 already


def scale(text: str) -> float:
    """argparse type: the pixel multiplier render_still accepts, greater than 0 and at most 4."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 < value <= MAX_SCALE:  # also false for NaN
        raise argparse.ArgumentTypeError(
            f"expected a pixel multiplier greater than 0 and at most {MAX_SCALE:g} "
            f"(1 = 1920x1080 for 16x9, 2 = retina), got {text!r}"
        )
    return value


def select_launches(args: argparse.Namespace, context: Any) -> Any:
    """One event by ``--event`` or the filtered selection; both at once is a usage error."""
    if args.event:
        if selection.has_filters(args):
            raise UsageError("--event picks one launch; leave out --since/--until/--class/--system/--site")
        launches = context.store.launches()
        selected = launches[launches["id"] == args.event]
        if selected.empty:
            close = difflib.get_close_matches(args.event, list(launches["id"]), n=3, cutoff=0.6)
            hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
            raise UsageError(f"expected a stored launch id for --event, got {args.event!r}{hint}")
        return selected
    selected = selection.select(args, context)
    if selected.empty:
        raise LaunchmapError(
            f"{selection.no_match(args, context.store.launches())}; nothing to draw, no file written"
        )
    return selected


def cmd_render(args: argparse.Namespace, context: Any) -> int:
    """Render a still map (PNG, SVG or PDF by the --out suffix) of launches, sites, tracks and rings, or
    play the launches in order as a GIF or MP4 (one frame a year or month)."""
    out = Path(args.out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in FORMATS + FILMS:
        raise UsageError(
            f"expected --out to end in .png, .svg or .pdf (a still), or .gif or .mp4 (the history played), "
            f"got {args.out!r}"
        )
    if fmt in FILMS:
        return render_film(args, context, out, fmt)
    store = context.store
    launches = select_launches(args, context)
    rings = parse_rings(args.rings, context)
    from geodata.render.stills.compose import render_to_file  # matplotlib: only when drawing

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
        records=selection.records_text(context),
    )
    return print_summary(args, out, fmt, launches, rings=[r.text for r in rings])


def print_summary(args: argparse.Namespace, out: Path, fmt: str, launches: Any, **extra: Any) -> int:
    """One JSON line on stdout saying what was written; exit code 0."""
    summary = {
        "out": str(out),
        "format": fmt,
        "preset": args.preset,
        "scale": args.scale,
        "style": args.style,
        "events": len(launches),
        **extra,
        "bytes": out.stat().st_size,
    }
    json.dump(summary, sys.stdout)
    sys.stdout.write("\n")
    return 0


def render_film(args: argparse.Namespace, context: Any, out: Path, fmt: str) -> int:
    """The selection played in order as a GIF or MP4; prints the same JSON summary as a still."""
    still_only = [
        flag
        for flag, given in (
            ("--ring", args.rings),
            ("--logo", args.logo),
            ("--logo-space", args.logo_space),
            ("--subtitle", args.subtitle),
        )
        if given
    ]
    if still_only:
        raise UsageError(f"{', '.join(still_only)} draw on stills only; leave them out for a .{fmt}")
    if args.scale > MAX_FILM_SCALE:
        raise UsageError(
            f"expected --scale at most {MAX_FILM_SCALE:g} for a .{fmt} (2 = 3840x2160 for 16x9), "
            f"got {args.scale:g}"
        )
    launches = select_launches(args, context)
    from geodata.render.stills.playback import render_playback_to_file  # matplotlib: only when drawing

    options: dict[str, Any] = {"preset": args.preset, "scale": args.scale, "style": args.style}
    if args.title:
        options["title"] = args.title
    render_playback_to_file(out, launches, step=args.step, credit=args.credit, **options)
    return print_summary(args, out, fmt, launches, step=args.step)


def register(subparsers: Any, context_factory: ContextFactory) -> None:
    """Add ``render`` to a ``launchmap`` subparsers object."""
    render = subparsers.add_parser(
        "render",
        help="still map for publication (PNG/SVG/PDF), or the history played (GIF/MP4)",
        description=cmd_render.__doc__,
    )
    render.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="FILE.png, FILE.svg or FILE.pdf for a still; FILE.gif or FILE.mp4 for the history played",
    )
    render.add_argument(
        "--preset",
        choices=tuple(PRESETS),
        default="16x9",
        help="16x9 = 1920x1080, 1x1 = 1080x1080, 4x5 = 1080x1350 px (default 16x9)",
    )
    render.add_argument(
        "--scale", type=scale, default=1.0, help="pixel multiplier in (0, 4]; 2 for retina (default 1)"
    )
    render.add_argument("--style", choices=tuple(STYLES), default="light", help="print is greyscale-safe")
    render.add_argument("--event", metavar="ID", help="one launch by id (instead of the filters)")
    selection.add_filter_options(render)
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
    render.add_argument(
        "--step", choices=STEPS, default="year", help="GIF/MP4: one frame a year or a month (default year)"
    )
    render.set_defaults(handler=cmd_render, context_factory=context_factory)
