"""``launchmap export``: the selected launches with their sources, in the formats the Export page offers.

Formats: ``csv`` (spreadsheet-safe), ``json`` (records with nested sources; what ``import`` reads
back), ``geojson`` (RFC 7946, tracks and rings split at 180°), ``kml`` (Google Earth) and ``html``
(the interactive map as one self-contained file: Leaflet, jQuery and the Natural Earth basemap
inlined, so it opens with no internet). Every format is text: it goes to stdout unless ``--out
FILE`` is given, and ``--out map.html`` alone picks the format from the suffix.

    launchmap export --format geojson --system KN-23 --ring Sunan:KN-23 > kn23.geojson
    launchmap export --out taegwan.html --site Taegwan
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from launchmap_cli import selection
from launchmap_cli.errors import usage_errors

FORMATS = ("csv", "json", "geojson", "kml", "html")
_BY_SUFFIX = {
    ".csv": "csv",
    ".json": "json",
    ".geojson": "geojson",
    ".kml": "kml",
    ".html": "html",
    ".htm": "html",
}
# standalone_html finds Leaflet and jQuery by file name in the installed xstatic packages and
# inlines them, whatever folder the map names; this one exists only to be replaced.
VENDOR_URL = "vendor"


def export_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    return _BY_SUFFIX.get(Path(args.out).suffix.lower(), "csv") if args.out else "csv"


def parse_rings(texts: list[str], context: Any) -> list[Any]:
    """``SITE:RANGE`` texts as rings (a length or a system's published range); a bad one is exit 2."""
    if not texts:
        return []
    from geodata.geo.rings import parse_ring

    systems = context.store.systems().to_dict("records")
    gazetteer = context.gazetteer
    with usage_errors():
        return [parse_ring(text, gazetteer, systems) for text in texts]


def standalone_map(launches: Any, sites: Any, rings: list[Any], records: str | None = None) -> str:
    """The offline map of ``launches`` as one HTML page, built as the Export page builds it."""
    from geodata import formats
    from geodata.render import leaflet

    page = leaflet.export_map(launches, sites, rings, vendor_url=VENDOR_URL)
    return str(formats.standalone_html(page, title="launchmap", records=records))


def cmd_export(args: argparse.Namespace, context: Any) -> int:
    """Write the selected launches with their sources as CSV, JSON, GeoJSON, KML or an offline HTML map."""
    fmt = export_format(args)
    launches = selection.select(args, context)
    rings = parse_rings(args.rings, context)
    if rings and fmt in ("csv", "json"):
        print(
            f"launchmap: warning: --ring is drawn only in geojson, kml and html, not {fmt}", file=sys.stderr
        )
    sources = context.store.sources(launches["id"])
    records = selection.records_text(context)
    from geodata import formats

    if fmt == "csv":
        text = formats.to_csv(launches, sources)
    elif fmt == "json":
        text = formats.to_json(launches, sources)
    elif fmt == "geojson":
        text = json.dumps(formats.to_geojson(launches, sources, rings, records), ensure_ascii=False) + "\n"
    elif fmt == "kml":
        text = formats.to_kml(launches, sources, rings, records)
    else:
        text = standalone_map(launches, context.store.sites(), rings, records)
    if launches.empty:
        print(f"launchmap: warning: {selection.no_match(args, context.store.launches())}", file=sys.stderr)
    if args.out:
        # Built whole before the file is opened, so a failure never leaves half a file.
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"launchmap: wrote {len(launches)} launch(es) as {fmt} to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def register(subparsers: Any, context_factory: Any) -> None:
    """Add ``export`` to a ``launchmap`` subparsers object."""
    export = subparsers.add_parser(
        "export",
        help="export launches with their sources (CSV, JSON, GeoJSON, KML, offline HTML map)",
        description=str(cmd_export.__doc__)
        + " Every format is text and goes to stdout unless --out FILE is given; the html map "
        "has Leaflet and the basemap inside (a few MB) and opens with no internet.",
    )
    selection.add_filter_options(export)
    export.add_argument(
        "--format",
        choices=FORMATS,
        help="default: from the --out suffix (.csv .json .geojson .kml .html), else csv",
    )
    export.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    export.add_argument(
        "--ring",
        dest="rings",
        action="append",
        default=[],
        metavar="SITE:RANGE",
        help="range ring for geojson/kml/html, e.g. Sunan:13000km or Sunan:KN-23 (repeatable)",
    )
    export.set_defaults(handler=cmd_export, context_factory=context_factory)
