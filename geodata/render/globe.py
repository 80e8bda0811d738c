"""The launches on a 3-D globe: deck.gl (pydeck) layers that need no internet.

Streamlit's wheel bundles deck.gl (``st.pydeck_chart``), so the globe is offline when:

* the view is deck.gl's ``_GlobeView`` — Streamlit adds a CARTO basemap (an outside request) only to
  ``MapView`` decks with no map style;
* every layer's data is inline (no URLs for deck.gl's loaders to fetch);
* the land is the bundled Natural Earth file (:func:`geodata.geo.basemap.load_countries`) drawn as a
  GeoJSON layer over a solid ocean sphere.

Each flight is a ``PathLayer`` path of ``[lon, lat, altitude_m]`` from
:func:`geodata.geo.trajectory.trajectory_points`: the ground track of :func:`geodata.tracks.flight_tracks`
lifted by the ballistic ellipse through the reported apogee, to scale unless ``exaggeration`` says
otherwise. A flight with a range but no apogee is drawn on a minimum-energy arc (and says so in its
tooltip); cruise missiles fly along the ground. Range rings, min–max ring bands and impact bands
are drawn on the surface; the selected event is drawn wider, in black under its colour.

>>> deck = globe_deck([], selected_id=None)
>>> [view["@@type"] for view in deck_spec(deck)["views"]]
['_GlobeView']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pydeck

from geodata.geo import geodesy
from geodata.geo.ballistics import minimum_energy_apogee_ratio
from geodata.geo.basemap import load_countries
from geodata.geo.rings import RingBand, RingSpec
from geodata.geo.trajectory import trajectory_points
from geodata.style import class_colour, ring_colour
from geodata.tracks import FlightTrack, ImpactBand, flight_tracks
from geodata.units import float_or_nan

__all__ = ["GLOBE_LAYER_IDS", "deck_spec", "flight_paths", "globe_deck", "rgba"]

OCEAN = [201, 220, 235, 255]  # the Leaflet map's sea and land colours (geodata.render.leaflet)
LAND = [236, 234, 228, 255]
BORDER = [154, 151, 143, 255]
GLOBE_LAYER_IDS = ("ocean", "land", "ring-bands", "rings", "impact-bands", "flights", "selected", "sites")


def rgba(hex_colour: str, alpha: int = 255) -> list[int]:
    """'#E69F00' -> [230, 159, 0, alpha] (deck.gl colours)."""
    value = hex_colour.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def _apogee(row: Mapping[Any, Any], track: FlightTrack) -> tuple[float, str]:
    """``(apogee_km, basis)``: the reported apogee, a minimum-energy arc's, or 0 for cruise missiles."""
    if track.system_class == "cruise":
        return 0.0, "flies low: drawn along the ground"
    apogee = float_or_nan(row.get("apogee_km"))
    if apogee > 0:
        return apogee, f"apogee {apogee:,.0f} km as reported"
    return (
        minimum_energy_apogee_ratio(track.length_km) * track.length_km,
        "no apogee reported: drawn on a minimum-energy arc",
    )


def flight_paths(launches: Iterable[Mapping[Any, Any]], exaggeration: float = 1.0) -> list[dict[str, Any]]:
    """One row per flight with a track: ``path`` ([lon, lat, altitude_m] points), colour, tooltip text."""
    rows = [dict(row) for row in launches]
    by_id = {str(row.get("id", "")): row for row in rows}
    paths = []
    for track in flight_tracks(rows):
        row = by_id.get(track.launch_id, {})
        apogee_km, basis = _apogee(row, track)
        if apogee_km > 0:
            points = trajectory_points(track.start, track.end, apogee_km)
        else:
            points = [(lat, lon, 0.0) for lat, lon in track.points()]
        when = str(row.get("launched_at", ""))[:10]
        paths.append(
            {
                "id": track.launch_id,
                "path": [
                    [round(lon, 4), round(lat, 4), round(alt * 1000 * exaggeration)]
                    for lat, lon, alt in points
                ],
                "colour": rgba(class_colour(track.system_class), 235),
                "label": f"{when} · {row.get('system', '')} · {track.length_km:,.0f} km · {basis}"
                + (" · end estimated" if track.estimated else ""),
                "launched_at": when,
            }
        )
    return paths


def _ring_paths(rings: Sequence[RingSpec]) -> list[dict[str, Any]]:
    return [
        {
            "path": [
                [round(lon, 4), round(lat, 4)] for lat, lon in geodesy.range_ring(r.lat, r.lon, r.radius_km)
            ],
            "colour": rgba(ring_colour(i)),
            "label": r.text,
        }
        for i, r in enumerate(rings)
    ]


def _band_polygons(ring_bands: Sequence[RingBand], impact_bands: Sequence[ImpactBand]) -> tuple[list, list]:
    rings = []
    for i, band in enumerate(ring_bands):
        outer = geodesy.range_ring(band.outer.lat, band.outer.lon, band.outer.radius_km)
        inner = geodesy.range_ring(band.inner.lat, band.inner.lon, band.inner.radius_km)
        rings.append(
            {
                "polygon": [[[lon, lat] for lat, lon in outer], [[lon, lat] for lat, lon in inner[::-1]]],
                "colour": rgba(ring_colour(i), 60),
                "label": f"{band.text}: the published range varies",
            }
        )
    impacts = [
        {
            "polygon": [[lon, lat] for lat, lon in band.outline()],
            "colour": rgba(class_colour(band.system_class), 90),
            "label": band.describe(),
        }
        for band in impact_bands
    ]
    return rings, impacts


def globe_deck(
    launches: Iterable[Mapping[Any, Any]],
    *,
    selected_id: str | None = None,
    rings: Sequence[RingSpec] = (),
    ring_bands: Sequence[RingBand] = (),
    impact_bands: Sequence[ImpactBand] = (),
    exaggeration: float = 1.0,
    centre: tuple[float, float] = (38.0, 132.0),
    zoom: float = 1.3,
    paths: list[dict[str, Any]] | None = None,
) -> pydeck.Deck:
    """A pydeck ``Deck`` on ``_GlobeView`` with every layer's data inline (see the module guide).

    ``paths`` is :func:`flight_paths`'s output when the caller cached it.
    """
    paths = flight_paths(launches, exaggeration) if paths is None else paths
    selected = [p for p in paths if p["id"] == selected_id]
    if selected:  # the other flights fade so the selected one reads at a glance
        paths = [p if p["id"] == selected_id else {**p, "colour": [*p["colour"][:3], 70]} for p in paths]
    ring_polygons, impact_polygons = _band_polygons(ring_bands, impact_bands)
    sites = {tuple(p["path"][0][:2]) for p in paths}
    layers = [
        pydeck.Layer(
            "SolidPolygonLayer",
            id="ocean",
            data=[{"polygon": [[-180, 90], [0, 90], [180, 90], [180, -90], [0, -90], [-180, -90]]}],
            get_polygon="polygon",
            get_fill_color=OCEAN,
        ),
        pydeck.Layer(
            "GeoJsonLayer",
            id="land",
            data=load_countries("110m"),
            stroked=True,
            filled=True,
            get_fill_color=LAND,
            get_line_color=BORDER,
            line_width_min_pixels=0.5,
        ),
        pydeck.Layer(
            "PolygonLayer",
            id="ring-bands",
            data=ring_polygons,
            get_polygon="polygon",
            get_fill_color="colour",
            stroked=False,
            pickable=True,
        ),
        pydeck.Layer(
            "PathLayer",
            id="rings",
            data=_ring_paths(rings),
            get_path="path",
            get_color="colour",
            width_min_pixels=2,
            pickable=True,
        ),
        pydeck.Layer(
            "PolygonLayer",
            id="impact-bands",
            data=impact_polygons,
            get_polygon="polygon",
            get_fill_color="colour",
            get_line_color=[40, 40, 40, 200],
            line_width_min_pixels=1,
            pickable=True,
        ),
        pydeck.Layer(
            "PathLayer",
            id="flights",
            data=paths,
            get_path="path",
            get_color="colour",
            width_min_pixels=1.5,
            pickable=True,
        ),
        pydeck.Layer(
            "PathLayer",
            id="selected",
            data=[{**p, "halo": [17, 17, 17, 255]} for p in selected],
            get_path="path",
            get_color="halo",
            width_min_pixels=6,
            pickable=True,
        ),
        pydeck.Layer(
            "ScatterplotLayer",
            id="sites",
            data=[{"position": list(s)} for s in sites],
            get_position="position",
            get_fill_color=[255, 255, 255, 255],
            get_line_color=[30, 30, 30, 255],
            stroked=True,
            radius_min_pixels=3,
            line_width_min_pixels=1,
        ),
    ]
    if selected:  # the selected flight in its own colour on top of its dark halo
        layers.append(
            pydeck.Layer(
                "PathLayer",
                id="selected-colour",
                data=selected,
                get_path="path",
                get_color="colour",
                width_min_pixels=3,
            )
        )
    return pydeck.Deck(
        layers=layers,
        views=[pydeck.View(type="_GlobeView", controller=True)],
        initial_view_state=pydeck.ViewState(latitude=centre[0], longitude=centre[1], zoom=zoom),
        map_style=None,
        map_provider=None,
        tooltip={"text": "{label}"},
        parameters={"cull": True},
    )


def deck_spec(deck: pydeck.Deck) -> dict[str, Any]:
    """The JSON the browser receives (for tests: views, layers and their inline data)."""
    spec: dict[str, Any] = json.loads(deck.to_json())
    return spec
