"""Where a flight ends: the one impact-point rule, and the flight-track type drawn from it.

Every entry path asks this module: the report extractor, the Report-to-map and Data
pages, the Leaflet layers, the stills and the file exports. So a launch reported as
"700 km into the East Sea" ends at the same point whichever way it came in.

The rule, in order:

1. a reported landing point (``impact_lat``/``impact_lon``) is the end;
2. else, with a headline ``distance_km``, the end lies that far along the reported
   ``bearing_deg`` or, without one, along the typical heading for the reported landing
   sea (:data:`TYPICAL_HEADING_DEG`) — an illustration of "about this far, towards that
   sea", drawn dashed;
3. else there is no end point. Cruise missiles get no typical heading (their distance is a
   winding path length) and satellite launchers no end at all (their distance is not a range).

>>> end, basis = impact_point({"lat": 40.21, "lon": 125.2, "distance_km": 700,
...                            "landing_area": "East Sea/Sea of Japan", "system_class": "SRBM"})
>>> basis, round(end[1], 1)
('estimated', 133.4)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from geodata.geo import geodesy
from geodata.units import float_or_nan

__all__ = [
    "TYPICAL_HEADING_DEG",
    "FlightTrack",
    "flight_heading",
    "flight_tracks",
    "impact_explanation",
    "impact_fields",
    "impact_point",
]

# Most reports give a distance and a sea ("into the East Sea") but no heading. The typical
# heading from the western and central launch areas toward each sea, used only when no
# heading was reported (the JCS rarely gives one).
TYPICAL_HEADING_DEG: dict[str, float] = {
    "East Sea/Sea of Japan": 80.0,
    "East Sea/Sea of Japan (inside Japan's EEZ)": 85.0,
    "East Sea/Sea of Japan (outside Japan's EEZ)": 80.0,
    "Pacific (over Japan)": 85.0,
    "Pacific": 95.0,
    "Yellow Sea": 265.0,
}

Point = tuple[float, float]


def flight_heading(event: Mapping[Any, Any]) -> tuple[float | None, str]:
    """``(heading_deg, basis)``: the reported bearing (``"reported"``), else the landing sea's
    typical heading (``"typical"``), else ``(None, "none")``."""
    bearing = float_or_nan(event.get("bearing_deg"))
    if math.isfinite(bearing):
        return bearing % 360.0, "reported"
    if event.get("system_class") in ("cruise", "SLV"):
        return None, "none"
    typical = TYPICAL_HEADING_DEG.get(str(event.get("landing_area")))
    return (typical, "typical") if typical is not None else (None, "none")


def impact_point(event: Mapping[Any, Any]) -> tuple[Point | None, str]:
    """``((lat, lon) | None, basis)`` with basis ``reported``, ``estimated`` or ``none``."""
    impact_lat, impact_lon = float_or_nan(event.get("impact_lat")), float_or_nan(event.get("impact_lon"))
    if math.isfinite(impact_lat) and math.isfinite(impact_lon):
        basis = event.get("impact_basis")
        return (impact_lat, impact_lon), str(basis) if basis in ("reported", "estimated") else "reported"
    lat, lon = float_or_nan(event.get("lat")), float_or_nan(event.get("lon"))
    distance_km = float_or_nan(event.get("distance_km"))
    if event.get("system_class") == "SLV" or not (math.isfinite(lat) and math.isfinite(lon)):
        return None, "none"
    heading_deg, _ = flight_heading(event)
    if heading_deg is None or not (math.isfinite(distance_km) and distance_km > 0):
        return None, "none"
    return geodesy.destination(lat, lon, heading_deg, distance_km), "estimated"


def impact_fields(event: Mapping[Any, Any]) -> dict[str, Any]:
    """The stored impact columns for a new or edited event.

    A reported point is kept; an estimate is stored as ``impact_basis="estimated"`` with no
    coordinates, so the map, stills and exports compute it by this rule from the current
    site, heading and distance (an edit to any of them moves the point, never leaves it stale).
    """
    if event.get("impact_basis") == "reported":
        point, basis = impact_point(event)
        if point is not None and basis == "reported":
            return {"impact_lat": point[0], "impact_lon": point[1], "impact_basis": "reported"}
    estimate = {k: v for k, v in event.items() if k not in ("impact_lat", "impact_lon", "impact_basis")}
    point, basis = impact_point(estimate)
    return {"impact_lat": None, "impact_lon": None, "impact_basis": "estimated" if point else "none"}


def impact_explanation(event: Mapping[Any, Any]) -> str:
    """One sentence saying where the drawn impact point comes from, for the event card."""
    point, basis = impact_point(event)
    if point is None:
        return "No impact point drawn: no reported landing place, and no distance with a heading."
    where = f"{point[0]:.2f}°N {point[1]:.2f}°E"
    if basis == "reported":
        return f"Impact point {where} as reported."
    heading_deg, heading_basis = flight_heading(event)
    heading = (
        f"the reported heading of {heading_deg:.0f}°"
        if heading_basis == "reported"
        else f"a typical heading for the {event['landing_area']} ({heading_deg:.0f}°)"
    )
    return f"Impact point {where} estimated: {float(event['distance_km']):,.0f} km along {heading}; drawn dashed."


@dataclass(frozen=True)
class FlightTrack:
    """One event's flight on the ground: start and end ``(lat, lon)``, and whether the end is estimated."""

    launch_id: str
    system_class: str
    start: Point
    end: Point
    estimated: bool

    def points(self) -> list[Point]:
        """Points along the geodesic, about 60 to a track (10 km apart at least)."""
        return geodesy.track(self.start, self.end, spacing_km=max(10.0, self.length_km / 60))

    @property
    def length_km(self) -> float:
        return geodesy.inverse(self.start, self.end)[0]


def flight_tracks(launches: Iterable[Mapping[Any, Any]]) -> list[FlightTrack]:
    """The track of each launch row that has an end point (rows without one have no track)."""
    tracks = []
    for row in launches:
        lat, lon = float_or_nan(row.get("lat")), float_or_nan(row.get("lon"))
        if not (math.isfinite(lat) and math.isfinite(lon)):
            continue
        end, basis = impact_point(row)
        if end is None or tuple(end) == (lat, lon):
            continue
        tracks.append(
            FlightTrack(
                str(row.get("id", "")),
                str(row.get("system_class") or "unknown"),
                (lat, lon),
                (float(end[0]), float(end[1])),
                basis != "reported",
            )
        )
    return tracks
