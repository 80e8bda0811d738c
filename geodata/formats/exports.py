"""Open-data exports of a selection of launches, each carrying its sources.

- :func:`to_csv` — one row per launch, every schema column plus ``sources``; safe to open
  in a spreadsheet: a text cell starting with ``= + - @``, tab or carriage return is
  prefixed with ``'`` so it is never run as a formula (OWASP "CSV injection").
- :func:`to_geojson` / :func:`from_geojson` — an RFC 7946 FeatureCollection (lon/lat,
  WGS-84): a ``launch`` Point per event with every column and a ``sources`` list as
  properties, plus ``track`` and ``impact`` features and ``range_ring`` polygons split at
  180° (:func:`geodata.geo.geodesy.range_ring_geojson`). ``from_geojson`` reads the launch
  features back to the same events and sources.
- :func:`to_kml` — placemarks, tracks and rings for Google Earth, sources in descriptions.
- :func:`standalone_html` — one self-contained HTML file of a folium map: Leaflet, jQuery
  and plugin scripts and styles are inlined from the installed ``xstatic`` packages (and
  folium's own templates), images in CSS become data URIs; nothing is fetched from a
  network, so the file works opened from disk on an air-gapped machine.

>>> from geodata.events import launches_frame, sources_frame
>>> launches = launches_frame([{"id": "x", "launched_at": "2025-11-07T03:35:00Z", "lat": 40.21,
...                             "lon": 125.2, "notes": "=HYPERLINK()"}])
>>> to_csv(launches, sources_frame()).splitlines()[1].split(",")[-2]
"'=HYPERLINK()"
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import html
import importlib
import io
import math
import re
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import simplekml

from geodata.events import launches_frame, sources_frame
from geodata.geo import geodesy
from geodata.geo.rings import RingSpec
from geodata.schema import LAUNCHES, SOURCES
from geodata.style import class_colour
from geodata.tracks import flight_tracks
from geodata.units import wrap_lon

__all__ = ["from_geojson", "neutralise_cell", "standalone_html", "to_csv", "to_geojson", "to_kml"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SOURCE_FIELDS = [c for c in SOURCES.names if c != "launch_id"]


def neutralise_cell(value: Any) -> Any:
    """Prefix ``'`` to a text value a spreadsheet would read as a formula; other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restore_cell(value: Any) -> Any:
    """Undo :func:`neutralise_cell` when a launchmap CSV is read back."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _plain(value: Any) -> Any:
    """A JSON-friendly Python value: None for missing, ISO-8601 for times, builtins for numpy scalars."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.tz_convert("UTC").strftime("%Y-%m-%dT%H:%M:%SZ") if value.tzinfo else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _records(frame: pd.DataFrame, columns: Sequence[str]) -> list[dict[str, Any]]:
    present = [c for c in columns if c in frame.columns]
    return [{c: _plain(row[c]) for c in present} for _, row in frame.iterrows()]


def _sources_by_launch(sources: pd.DataFrame | None) -> dict[str, list[dict[str, Any]]]:
    if sources is None or sources.empty:
        return {}
    grouped: dict[str, list[dict[str, Any]]] = {}
    for record in _records(sources, SOURCES.names):
        launch_id = str(record.pop("launch_id"))
        grouped.setdefault(launch_id, []).append(record)
    return grouped


def _source_summary(source: dict[str, Any]) -> str:
    """``ROK JCS (Yonhap, 2025-11-07, 700 km, https://…)``: who, where, when, figures, link."""
    details = [
        source.get("outlet") if source.get("outlet") != source.get("source") else None,
        source.get("published_on"),
    ]
    for field, unit in (("distance_km", "km"), ("apogee_km", "km apogee"), ("flight_time_s", "s")):
        if source.get(field) is not None:
            details.append(f"{source[field]:g} {unit}")
    details.append(source.get("url"))
    inner = ", ".join(str(d) for d in details if d)
    return f"{source.get('source')} ({inner})" if inner else str(source.get("source"))


# --- CSV ---------------------------------------------------------------------------------------------


def to_csv(launches: pd.DataFrame, sources: pd.DataFrame | None = None) -> str:
    """Launches as CSV (schema columns + ``sources``, joined with `` | ``), formula cells neutralised."""
    by_launch = _sources_by_launch(sources)
    rows = []
    for record in _records(launches, LAUNCHES.names):
        record["sources"] = " | ".join(_source_summary(s) for s in by_launch.get(str(record.get("id")), []))
        rows.append({k: neutralise_cell(v) for k, v in record.items()})
    frame = pd.DataFrame(rows, columns=[*LAUNCHES.names, "sources"])
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


# --- GeoJSON -------------------------------------------------------------------------------------------


def _end_point(record: dict[str, Any]) -> tuple[tuple[float, float], bool] | None:
    tracks = flight_tracks([record])
    return (tracks[0].end, tracks[0].estimated) if tracks else None


def to_geojson(
    launches: pd.DataFrame, sources: pd.DataFrame | None = None, rings: Iterable[RingSpec] = ()
) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection of the launches, their tracks and impacts, and range rings.

    Every feature has ``properties.feature_type`` (``launch``, ``track``, ``impact``,
    ``range_ring``); launch features carry every schema column and ``sources``.
    """
    by_launch = _sources_by_launch(sources)
    features: list[dict[str, Any]] = []
    for record in _records(launches, LAUNCHES.names):
        launch_id = str(record.get("id"))
        if record.get("lat") is None or record.get("lon") is None:
            continue
        start = (float(record["lat"]), float(record["lon"]))
        features.append(
            {
                "type": "Feature",
                "id": launch_id,
                "geometry": {"type": "Point", "coordinates": [start[1], start[0]]},
                "properties": {"feature_type": "launch", **record, "sources": by_launch.get(launch_id, [])},
            }
        )
        end = _end_point(record)
        if end is None:
            continue
        (lat, lon), estimated = end
        common = {"launch_id": launch_id, "system_class": record.get("system_class"), "estimated": estimated}
        features.append(
            {
                "type": "Feature",
                "geometry": geodesy.track_geojson(start, (lat, lon)),
                "properties": {"feature_type": "track", **common},
            }
        )
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {"feature_type": "impact", **common},
            }
        )
    for ring in rings:
        features.append(
            {
                "type": "Feature",
                "geometry": geodesy.range_ring_geojson(ring.lat, ring.lon, ring.radius_km),
                "properties": {
                    "feature_type": "range_ring",
                    "centre_lat": ring.lat,
                    "centre_lon": ring.lon,
                    "radius_km": ring.radius_km,
                    "label": ring.text,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def from_geojson(collection: dict[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read the launch features of a :func:`to_geojson` collection back: ``(launches, sources)``.

    The point's coordinates are the launch position; tracks, impacts and rings are
    derived data and are skipped. Frames follow the schema's columns and dtypes.
    """
    launches, sources = [], []
    for feature in collection.get("features") or []:
        properties = dict(feature.get("properties") or {})
        kind = properties.pop("feature_type", "launch")
        geometry = feature.get("geometry") or {}
        if kind != "launch" or geometry.get("type") != "Point":
            continue
        lon, lat = geometry["coordinates"][:2]
        record = {c: properties.get(c) for c in LAUNCHES.names} | {"lat": lat, "lon": lon}
        record["id"] = record["id"] if record["id"] is not None else feature.get("id")
        launches.append(record)
        for source in properties.get("sources") or []:
            sources.append({c: source.get(c) for c in SOURCE_FIELDS} | {"launch_id": record["id"]})
    return launches_frame(launches), sources_frame(sources)


# --- KML -----------------------------------------------------------------------------------------------


def _kml_colour(hex_colour: str, alpha: int = 255) -> str:
    red, green, blue = hex_colour[1:3], hex_colour[3:5], hex_colour[5:7]
    return f"{alpha:02x}{blue}{green}{red}"  # KML is aabbggrr


def _description(record: dict[str, Any], sources: list[dict[str, Any]]) -> str:
    """HTML for Google Earth's balloon; every data string is escaped."""
    rows = [
        ("Launched (UTC)", record.get("launched_at")),
        ("System", record.get("system")),
        ("Class", record.get("system_class")),
        ("Count", record.get("count")),
        ("Distance (km)", record.get("distance_km")),
        ("Apogee (km)", record.get("apogee_km")),
        ("Landing area", record.get("landing_area")),
        ("Outcome", record.get("outcome")),
        ("Notes", record.get("notes")),
    ]
    body = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>"
        for k, v in rows
        if v is not None and v != ""
    )
    items = []
    for source in sources:
        text = html.escape(_source_summary({**source, "url": None}))
        url = source.get("url")
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            text += f' <a href="{html.escape(url, quote=True)}">link</a>'
        items.append(f"<li>{text}</li>")
    listing = f"<p>Sources:</p><ul>{''.join(items)}</ul>" if items else ""
    return f"<table>{body}</table>{listing}"


def to_kml(
    launches: pd.DataFrame, sources: pd.DataFrame | None = None, rings: Iterable[RingSpec] = ()
) -> str:
    """A KML document: a placemark per launch (sources in its description), tracks, impacts, rings."""
    by_launch = _sources_by_launch(sources)
    kml = simplekml.Kml(name="launchmap export")
    launch_folder = kml.newfolder(name="Launches")
    track_folder = kml.newfolder(name="Tracks")
    for record in _records(launches, LAUNCHES.names):
        if record.get("lat") is None or record.get("lon") is None:
            continue
        launch_id = str(record.get("id"))
        colour = class_colour(str(record.get("system_class")))
        point = launch_folder.newpoint(
            name=f"{record.get('system') or 'Launch'} — {launch_id}", coords=[(record["lon"], record["lat"])]
        )
        point.description = _description(record, by_launch.get(launch_id, []))
        point.timestamp.when = record.get("launched_at")
        point.style.iconstyle.color = _kml_colour(colour)
        end = _end_point(record)
        if end is None:
            continue
        (lat, lon), estimated = end
        track = geodesy.track((record["lat"], record["lon"]), (lat, lon))
        coords = [(wrap_lon(x), y) for y, x in track]  # KML wants lon in [-180, 180]
        line = track_folder.newlinestring(
            name=f"{'Estimated t' if estimated else 'T'}rack — {launch_id}", coords=coords, tessellate=1
        )
        # KML has no dashes: an estimated track is thinner and half transparent instead.
        line.style.linestyle.color = _kml_colour(colour, 128 if estimated else 255)
        line.style.linestyle.width = 2 if estimated else 3
        impact = track_folder.newpoint(
            name=f"{'Estimated i' if estimated else 'I'}mpact — {launch_id}", coords=[(lon, lat)]
        )
        impact.style.iconstyle.color = _kml_colour(colour)
    ring_folder = kml.newfolder(name="Range rings")
    for ring in rings:
        points = geodesy.range_ring(ring.lat, ring.lon, ring.radius_km)
        outline = ring_folder.newlinestring(
            name=ring.text, tessellate=1, coords=[(wrap_lon(lon), lat) for lat, lon in points]
        )
        outline.style.linestyle.color = _kml_colour("#6a3d9a")
        outline.style.linestyle.width = 2
    return kml.kml()


# --- standalone HTML ------------------------------------------------------------------------------------

_ASSET_TAG = re.compile(
    r"<script\b[^>]*\bsrc=[\"'](?P<script>[^\"']+)[\"'][^>]*>\s*</script>"
    r"|<link\b[^>]*\bhref=[\"'](?P<css>[^\"']+)[\"'][^>]*/?>",
    re.IGNORECASE,
)
_CSS_URL = re.compile(r"url\(\s*([\"']?)([^)\"']+)\1\s*\)")
_VERSION = re.compile(r"[-@]\d+(?:\.\d+)+")  # jquery-3.7.1.min.js -> jquery.min.js
_MIME = {
    ".png": "image/png",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".jpg": "image/jpeg",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
}
_ICON_FIX = (
    "L.Icon.Default.imagePath = '';"  # default marker images come inline, not from a folder
    "L.Icon.Default.mergeOptions({{iconUrl: '{icon}', iconRetinaUrl: '{icon2x}', shadowUrl: '{shadow}'}});"
)


@functools.cache
def _asset_index() -> dict[str, Path]:
    """File name -> path for every asset the installed packages ship (xstatic and folium templates)."""
    import folium

    folders = [Path(folium.__file__).parent / "templates"]
    for package in ("leaflet", "jquery", "leaflet_markercluster"):
        try:
            module = importlib.import_module(f"xstatic.pkg.{package}")
        except ImportError:
            continue
        folders.append(Path(module.BASE_DIR))
    index: dict[str, Path] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                index.setdefault(path.name, path)
    return index


def _local_asset(url: str) -> Path | None:
    name = url.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1]
    index = _asset_index()
    for candidate in (name, _VERSION.sub("", name)):
        if candidate in index:
            return index[candidate]
    path = Path(url)
    return path if not url.startswith(("http:", "https:", "//")) and path.is_file() else None


def _data_uri(path: Path) -> str:
    mime = _MIME.get(path.suffix.lower(), "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _inline_css(path: Path) -> str:
    def replace(match: re.Match[str]) -> str:
        target = match.group(2)
        if target.startswith(("data:", "#")):
            return match.group(0)
        local = (path.parent / target.split("?")[0].split("#")[0]).resolve()
        return f'url("{_data_uri(local)}")' if local.is_file() else "none"

    return _CSS_URL.sub(replace, path.read_text(encoding="utf-8"))


def standalone_html(folium_map: Any, title: str = "launchmap") -> str:
    """One self-contained HTML file of ``folium_map``: every script and stylesheet inlined.

    Assets are found by file name in the installed packages, whatever URL the map
    points at (a CDN, or the app's ``/app/static/...`` path), then by the URL as a local
    file path. An asset found nowhere is left out with a warning, so no outside URL
    remains; pass a map whose ``default_js``/``default_css`` name installed assets.
    """
    page = folium_map.get_root().render()
    missing: list[str] = []

    def inline(match: re.Match[str]) -> str:
        url = match.group("script") or match.group("css")
        if match.group("css") and "stylesheet" not in match.group(0).lower():
            return match.group(0)  # a <link> that loads nothing (icon, canonical)
        path = _local_asset(url)
        if path is None:
            missing.append(url)
            return ""
        if match.group("css"):
            return f"<style>/* {path.name} */\n{_inline_css(path)}\n</style>"
        code = path.read_text(encoding="utf-8").replace("</script", "<\\/script")
        if path.name in ("leaflet.js", "leaflet-src.js"):
            images = _asset_index()
            code += "\n" + _ICON_FIX.format(
                icon=_data_uri(images["marker-icon.png"]),
                icon2x=_data_uri(images["marker-icon-2x.png"]),
                shadow=_data_uri(images["marker-shadow.png"]),
            )
        return f"<script>/* {path.name} */\n{code}\n</script>"

    # One pass over the page as folium wrote it, so text inside inlined code is never rewritten.
    page = _ASSET_TAG.sub(inline, page)
    if missing:
        warnings.warn(
            f"standalone HTML: left out assets not installed locally: {', '.join(missing)}", stacklevel=2
        )
    if "<title>" not in page:
        page = page.replace("<head>", f"<head>\n<title>{html.escape(title)}</title>", 1)
    return page
