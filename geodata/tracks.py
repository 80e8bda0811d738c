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

import numpy as np
import pandas as pd

from geodata.geo import geodesy
from geodata.units import float_or_nan, wrap_lon

__all__ = [
    "TYPICAL_HEADING_DEG",
    "FlightTrack",
    "ImpactBand",
    "flight_heading",
    "flight_tracks",
    "impact_band",
    "impact_explanation",
    "impact_fields",
    "impact_point",
    "impact_points",
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


def impact_points(launches: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The impact rule over a whole table at once: ``(lats, lons, bases)`` arrays, NaN where none.

    Row for row the same answer as :func:`impact_point` (a test holds them equal), with one
    pyproj call for all estimated points instead of one geodesic a row.
    """
    n = len(launches)

    def column(name: str) -> np.ndarray:
        if name not in launches:
            return np.full(n, np.nan)
        return pd.to_numeric(launches[name], errors="coerce").to_numpy(dtype=float)

    lats, lons = np.full(n, np.nan), np.full(n, np.nan)
    bases = np.full(n, "none", dtype=object)
    system_class = (
        launches["system_class"].astype(str).to_numpy() if "system_class" in launches else np.full(n, "")
    )
    reported = np.isfinite(column("impact_lat")) & np.isfinite(column("impact_lon"))
    lats[reported], lons[reported] = column("impact_lat")[reported], column("impact_lon")[reported]
    stored_basis = launches["impact_basis"].to_numpy() if "impact_basis" in launches else np.full(n, None)
    bases[reported] = np.where(
        np.isin(stored_basis[reported], ["reported", "estimated"]), stored_basis[reported], "reported"
    )
    heading = np.mod(column("bearing_deg"), 360.0)
    landing = (
        launches["landing_area"].map(TYPICAL_HEADING_DEG)
        if "landing_area" in launches
        else pd.Series(np.nan, index=launches.index)
    )
    typical = pd.to_numeric(landing, errors="coerce").to_numpy(dtype=float)
    no_typical = np.isin(system_class, ["cruise", "SLV"])
    heading = np.where(np.isfinite(heading), heading, np.where(no_typical, np.nan, typical))
    distance = column("distance_km")
    start_lat, start_lon = column("lat"), column("lon")
    estimate = (
        ~reported & (system_class != "SLV") & np.isfinite(heading) & np.isfinite(distance) & (distance > 0)
        & np.isfinite(start_lat) & np.isfinite(start_lon)
    )  # fmt: skip
    if estimate.any():
        end_lons, end_lats, _ = geodesy.WGS84.fwd(
            start_lon[estimate], start_lat[estimate], heading[estimate], distance[estimate] * 1000.0
        )
        lats[estimate], lons[estimate] = end_lats, wrap_lon(np.asarray(end_lons))
        bases[estimate] = "estimated"
    return lats, lons, bases


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


def flight_tracks(launches: Iterable[Mapping[Any, Any]] | pd.DataFrame) -> list[FlightTrack]:
    """The track of each launch row that has an end point (rows without one have no track).

    A table's end points come from one array call (:func:`impact_points`), not a geodesic a row.
    """
    if isinstance(launches, pd.DataFrame):
        return _table_tracks(launches)
    rows = list(launches)
    found = [impact_point(row) for row in rows]
    tracks = []
    for row, (end, basis) in zip(rows, found, strict=True):
        lat, lon = float_or_nan(row.get("lat")), float_or_nan(row.get("lon"))
        if not (math.isfinite(lat) and math.isfinite(lon)):
            continue
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


def _table_tracks(launches: pd.DataFrame) -> list[FlightTrack]:
    """:func:`flight_tracks` of a table: the same tracks, from columns instead of a dict a row."""
    n = len(launches)

    def coordinate(name: str) -> np.ndarray:
        if name not in launches:
            return np.full(n, np.nan)
        values = launches[name]
        if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            return values.to_numpy(dtype=float, na_value=np.nan)
        return np.array([float_or_nan(value) for value in values.tolist()], dtype=float)

    end_lats, end_lons, bases = impact_points(launches)
    lats, lons = coordinate("lat"), coordinate("lon")
    drawn = (
        np.isfinite(lats) & np.isfinite(lons) & np.isfinite(end_lats)
        & ~((end_lats == lats) & (end_lons == lons))  # a flight that ends where it started has no track
    )  # fmt: skip
    rows = np.flatnonzero(drawn)
    ids = launches["id"].tolist() if "id" in launches else [""] * n
    classes = launches["system_class"].tolist() if "system_class" in launches else [None] * n
    return [
        FlightTrack(
            str(ids[i]), str(classes[i] or "unknown"), (lat, lon), (end_lat, end_lon), basis != "reported"
        )
        for i, lat, lon, end_lat, end_lon, basis in zip(
            rows.tolist(),
            lats[rows].tolist(),
            lons[rows].tolist(),
            end_lats[rows].tolist(),
            end_lons[rows].tolist(),
            bases[rows].tolist(),
            strict=True,
        )
    ]


# --- where a flight may have ended: the impact band --------------------------------------------

# "Into the East Sea" fixes the sea, not the heading: launches from the west-coast sites towards
# the East Sea have flown on headings some 15° either side of the typical one.
TYPICAL_HEADING_SPREAD_DEG = 15.0
# A single reported distance is a rounded figure ("about 700 km"): read it as ± 5 %.
SINGLE_DISTANCE_SPREAD = 0.05
# A band along one reported heading is still drawn as an area, this many degrees either side.
MIN_HEADING_HALF_WIDTH_DEG = 1.5


@dataclass(frozen=True)
class ImpactBand:
    """Where a flight may have ended: distances ``distance_low_km``–``distance_high_km`` from ``start``
    on headings ``heading_low_deg``–``heading_high_deg`` (clockwise from north; ``low`` may exceed
    ``high`` only through north, e.g. 350–10)."""

    launch_id: str
    system_class: str
    start: Point
    distance_low_km: float
    distance_high_km: float
    heading_low_deg: float
    heading_high_deg: float
    heading_basis: str  # "reported" | "typical" | "impact" (the bearing to a reported landing point)
    source_distances: tuple[tuple[str, float], ...]  # (source, distance_km) as each source gave it

    @property
    def heading_span_deg(self) -> float:
        return (self.heading_high_deg - self.heading_low_deg) % 360.0

    def outline(self, step_deg: float = 1.0) -> list[Point]:
        """A closed ``(lat, lon)`` polygon: the far arc, then the near arc back (unwrapped longitudes)."""
        half = max(self.heading_span_deg / 2, MIN_HEADING_HALF_WIDTH_DEG)
        middle = self.heading_low_deg + self.heading_span_deg / 2
        count = max(2, math.ceil(2 * half / step_deg) + 1)
        headings = [middle - half + 2 * half * i / (count - 1) for i in range(count)]
        far = [geodesy.destination(*self.start, h % 360.0, self.distance_high_km) for h in headings]
        near = [geodesy.destination(*self.start, h % 360.0, self.distance_low_km) for h in reversed(headings)]
        ring = [*far, *near, far[0]]
        # Unwrap longitudes so a band across 180° stays one piece.
        unwrapped = [ring[0]]
        for lat, lon in ring[1:]:
            previous = unwrapped[-1][1]
            unwrapped.append((lat, lon + 360.0 * round((previous - lon) / 360.0)))
        return unwrapped

    def describe(self) -> str:
        """The legend's words: 'Impact within 450–700 km (ROK JCS 700 km; Japan MoD 450 km), heading 65–95°
        (typical for the sea; none reported)'."""
        if self.distance_low_km == self.distance_high_km:
            distance = f"{self.distance_low_km:,.0f} km"
        else:
            distance = f"{self.distance_low_km:,.0f}–{self.distance_high_km:,.0f} km"
        by_source = "; ".join(f"{name} {km:,.0f} km" for name, km in self.source_distances)
        text = f"Impact within {distance}" + (f" ({by_source})" if by_source else "")
        if self.heading_basis == "typical":
            text += (
                f", heading {self.heading_low_deg:.0f}–{self.heading_high_deg:.0f}° "
                "(typical for the landing sea; no heading reported)"
            )
        elif len(self.source_distances) < 2:
            text += f" (a single figure, read as ± {SINGLE_DISTANCE_SPREAD:.0%})"
        return text


def _source_distances(
    event: Mapping[Any, Any], sources: Iterable[Mapping[Any, Any]]
) -> list[tuple[str, float]]:
    launch_id = event.get("id")
    found: dict[tuple[str, float], None] = {}
    for row in sources:
        if launch_id is not None and "launch_id" in row and row["launch_id"] != launch_id:
            continue
        distance_km = float_or_nan(row.get("distance_km"))
        if math.isfinite(distance_km) and distance_km > 0:
            found[(str(row.get("source") or "source"), distance_km)] = None
    return list(found)


def impact_band(event: Mapping[Any, Any], sources: Iterable[Mapping[Any, Any]] = ()) -> ImpactBand | None:
    """The band of possible impact points of one event, or ``None`` when one point says it all.

    Distances span every source's figure (``sources`` are ``launch_sources`` rows; rows of other
    launches are ignored) and the event's own; headings span the typical heading ± 15° when none was
    reported. A band is drawn when the sources disagree on distance or the heading is only the sea's
    typical one; a reported landing point with agreeing sources, or a reported heading with one
    distance, is a point. Cruise missiles and satellite launchers get none (as :func:`impact_point`).
    """
    lat, lon = float_or_nan(event.get("lat")), float_or_nan(event.get("lon"))
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    end, basis = impact_point(event)
    if end is None:
        return None
    by_source = _source_distances(event, sources)
    distances = [km for _, km in by_source]
    headline_km = float_or_nan(event.get("distance_km"))
    if math.isfinite(headline_km) and headline_km > 0:
        distances.append(headline_km)
    if basis == "reported":
        distance_km, heading_deg = geodesy.inverse((lat, lon), end)
        heading_basis = "impact"
        distances = distances or [distance_km]
    else:
        heading, heading_basis = flight_heading(event)
        if heading is None:
            return None
        heading_deg = heading
    disagree = max(distances) > min(distances)
    if not disagree and heading_basis != "typical":
        return None
    spread = TYPICAL_HEADING_SPREAD_DEG if heading_basis == "typical" else 0.0
    low_km, high_km = min(distances), max(distances)
    if not disagree:
        low_km, high_km = low_km * (1 - SINGLE_DISTANCE_SPREAD), high_km * (1 + SINGLE_DISTANCE_SPREAD)
    return ImpactBand(
        launch_id=str(event.get("id", "")),
        system_class=str(event.get("system_class") or "unknown"),
        start=(lat, lon),
        distance_low_km=low_km,
        distance_high_km=high_km,
        heading_low_deg=(heading_deg - spread) % 360.0,
        heading_high_deg=(heading_deg + spread) % 360.0,
        heading_basis=heading_basis,
        source_distances=tuple(by_source),
    )
