"""KML for Google Earth: a placemark per launch (sources in its balloon), tracks, impacts and rings."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

import pandas as pd
import simplekml

from geodata.formats.records import plain_records, source_summary, sources_by_launch
from geodata.geo import geodesy
from geodata.geo.rings import RingSpec
from geodata.schema import LAUNCHES
from geodata.style import class_colour
from geodata.tracks import flight_tracks
from geodata.units import wrap_lon

__all__ = ["to_kml"]


def _end_point(record: dict[str, Any]) -> tuple[tuple[float, float], bool] | None:
    tracks = flight_tracks([record])
    return (tracks[0].end, tracks[0].estimated) if tracks else None


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
        text = html.escape(source_summary({**source, "url": None}))
        url = source.get("url")
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            text += f' <a href="{html.escape(url, quote=True)}">link</a>'
        items.append(f"<li>{text}</li>")
    listing = f"<p>Sources:</p><ul>{''.join(items)}</ul>" if items else ""
    return f"<table>{body}</table>{listing}"


def to_kml(
    launches: pd.DataFrame,
    sources: pd.DataFrame | None = None,
    rings: Iterable[RingSpec] = (),
    records: str | None = None,
) -> str:
    """A KML document: a placemark per launch (sources in its description), tracks, impacts, rings."""
    by_launch = sources_by_launch(sources)
    kml = simplekml.Kml(name="launchmap export")
    if records:
        kml.document.description = html.escape(records)
    launch_folder = kml.newfolder(name="Launches")
    track_folder = kml.newfolder(name="Tracks")
    for record in plain_records(launches, LAUNCHES.names):
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
