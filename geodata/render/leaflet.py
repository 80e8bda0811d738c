"""Folium map builders: an offline base map and the launch, ring and place layers drawn on it.

Pure functions of their arguments (no Streamlit), so they are tested without a browser.
The base map loads Leaflet and jQuery from local copies of the ``xstatic-*`` packages
(set per map instance on ``default_js``/``default_css``; never the class-level lists)
and draws Natural Earth country shapes, so it works with no internet. Online tile layers
are optional overlays, off by default.

Every string that came from data or a user is HTML-escaped before it reaches a
popup or tooltip, because Leaflet inserts those as HTML.

>>> m = base_map(vendor_url="/app/static/vendor", basemap_url="/app/static/countries_50m.geojson")
>>> [name for name, _ in m.default_js]
['leaflet', 'jquery']
"""

from __future__ import annotations

import html
import json
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
import numpy as np
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template

from geodata.events import Record
from geodata.geo import geodesy
from geodata.geo.basemap import basemap_path
from geodata.geo.rings import RingBand, RingSpec
from geodata.schema import SYSTEM_CLASSES
from geodata.style import CLASS_COLOURS, CROWDED_TRACKS, class_colour, ring_colour
from geodata.tracks import ImpactBand, impact_point, impact_points
from geodata.units import KM_PER_MILE

LAND_COLOUR = "#ECEAE4"
SEA_COLOUR = "#C9DCEB"
BORDER_COLOUR = "#9A978F"

ONLINE_TILES = (  # optional overlays; they stay blank offline and are off by default
    (
        "OpenStreetMap (online)",
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "&copy; OpenStreetMap contributors",
    ),
    (
        "Light (online)",
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png",
        "&copy; OpenStreetMap, &copy; CARTO",
    ),
    (
        "Dark (online)",
        "https://{s}.basemaps.cartocdn.com/dark_all/{z}/{x}/{y}.png",
        "&copy; OpenStreetMap, &copy; CARTO",
    ),
    (
        "Satellite (online)",
        "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
        "Esri, Maxar, Earthstar Geographics",
    ),
)


@dataclass(frozen=True)
class VendorFile:
    package: str  # the xstatic module holding it
    relative_path: str
    url_name: str


VENDOR_FILES = (
    VendorFile("xstatic.pkg.leaflet", "leaflet.js", "leaflet.js"),
    VendorFile("xstatic.pkg.leaflet", "leaflet.css", "leaflet.css"),
    VendorFile("xstatic.pkg.jquery", "jquery.min.js", "jquery.min.js"),
)


def vendor_source(file: VendorFile) -> Path:
    """Where an installed xstatic package keeps one of its files."""
    import importlib

    return Path(importlib.import_module(file.package).BASE_DIR) / file.relative_path


def install_static_assets(target: Path) -> Path:
    """Copy Leaflet, jQuery and the basemap from installed packages into ``target`` (idempotent).

    Streamlit serves ``dashboard/static/`` at ``/app/static/``; nothing third-party is
    committed, it is copied here at run time.
    """
    vendor = target / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    for file in VENDOR_FILES:
        destination = vendor / file.url_name
        source = vendor_source(file)
        if not destination.exists() or destination.stat().st_size != source.stat().st_size:
            shutil.copyfile(source, destination)
    # Leaflet's control icons (layers.png etc.) are referenced relative to leaflet.css.
    images = vendor_source(VENDOR_FILES[0]).parent / "images"
    shutil.copytree(images, vendor / "images", dirs_exist_ok=True)
    for resolution in ("50m", "110m"):
        source = basemap_path(resolution)
        destination = target / source.name
        if not destination.exists() or destination.stat().st_size != source.stat().st_size:
            shutil.copyfile(source, destination)
    return target


class OfflineBasemap(MacroElement):
    """Natural Earth countries drawn under everything, fetched from a local URL or inlined."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            map.getContainer().style.background = {{ this.sea_colour|tojson }};
            var pane = map.createPane('basemap'); pane.style.zIndex = 250;
            function draw(data) {
                L.geoJSON(data, {pane: 'basemap', interactive: false, style: {
                    color: {{ this.border_colour|tojson }}, weight: 0.6,
                    fillColor: {{ this.land_colour|tojson }}, fillOpacity: 1}}).addTo(map);
                map.getContainer().dataset.basemap = 'drawn';  // lets tests and screenshots wait for it
            }
            {% if this.data %}draw({{ this.data }});
            {% else %}fetch({{ this.url|tojson }}).then(function(r) { return r.json(); }).then(draw);{% endif %}
        })();
        {% endmacro %}
        """
    )

    def __init__(self, url: str | None = None, data: dict[str, Any] | None = None) -> None:
        super().__init__()
        self._name = "OfflineBasemap"
        self.url = url
        self.data = json.dumps(data, separators=(",", ":")) if data is not None else None
        self.sea_colour, self.land_colour, self.border_colour = SEA_COLOUR, LAND_COLOUR, BORDER_COLOUR


class FullscreenControl(MacroElement):
    """A small Leaflet control using the browser's Fullscreen API (no plugin needed)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            var Control = L.Control.extend({options: {position: 'topleft'}, onAdd: function() {
                var box = L.DomUtil.create('div', 'leaflet-bar leaflet-control');
                var link = L.DomUtil.create('a', 'launchmap-fullscreen', box);
                link.href = '#'; link.title = 'Full screen'; link.setAttribute('role', 'button');
                link.innerHTML = '<svg width="14" height="14" viewBox="0 0 14 14" style="margin-top:7px" fill="none" '
                    + 'stroke="#333" stroke-width="2"><path d="M1 5V1h4M9 1h4v4M13 9v4H9M5 13H1V9"/></svg>';
                L.DomEvent.on(link, 'click', function(e) {
                    L.DomEvent.preventDefault(e);
                    var el = map.getContainer();
                    if (document.fullscreenElement) { document.exitFullscreen(); }
                    else if (el.requestFullscreen) { el.requestFullscreen(); }
                });
                document.addEventListener('fullscreenchange', function() { map.invalidateSize(); });
                return box;
            }});
            new Control().addTo(map);
        })();
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "FullscreenControl"


def legend_html(classes: Iterable[str], title: str = "Launches") -> str:
    rows = "".join(
        f'<div><span style="display:inline-block;width:12px;height:12px;border-radius:6px;margin-right:6px;'
        f'background:{CLASS_COLOURS[c]}"></span>{html.escape(c)}</div>'
        for c in classes
    )
    return (
        '<div class="launchmap-legend" style="position:absolute;bottom:28px;right:10px;z-index:1000;'
        "background:rgba(255,255,255,.92);padding:6px 9px;border-radius:4px;font:12px/1.45 sans-serif;"
        f'box-shadow:0 1px 4px rgba(0,0,0,.3)"><b>{html.escape(title)}</b>{rows}'
        '<div style="margin-top:4px"><svg width="26" height="6"><line x1="0" y1="3" x2="26" y2="3" '
        'stroke="#444" stroke-width="2"/></svg> reported impact</div>'
        '<div><svg width="26" height="6"><line x1="0" y1="3" x2="26" y2="3" stroke="#444" stroke-width="2" '
        'stroke-dasharray="5 4"/></svg> estimated impact</div></div>'
    )


def base_map(
    *,
    vendor_url: str,
    basemap_url: str | None = None,
    basemap_data: dict[str, Any] | None = None,
    center: tuple[float, float] = (39.5, 130.0),
    zoom: int = 5,
    legend_classes: Iterable[str] = SYSTEM_CLASSES,
    online_tiles: bool = True,
    height: str = "100%",
) -> folium.Map:
    """A Leaflet map that needs no internet: local scripts, Natural Earth land, scale, fullscreen, legend."""
    m = folium.Map(
        location=list(center),
        zoom_start=zoom,
        tiles=None,
        max_zoom=12,
        min_zoom=1,
        control_scale=True,
        world_copy_jump=False,
        height=height,
        prefer_canvas=False,
    )
    # Per-instance asset lists: the class-level add_js_link would change every map in the process.
    m.default_js = [("leaflet", f"{vendor_url}/leaflet.js"), ("jquery", f"{vendor_url}/jquery.min.js")]
    m.default_css = [("leaflet_css", f"{vendor_url}/leaflet.css")]
    OfflineBasemap(url=basemap_url, data=basemap_data).add_to(m)
    if online_tiles:
        for name, url, attribution in ONLINE_TILES:
            folium.TileLayer(url, name=name, attr=attribution, overlay=True, show=False, max_zoom=12).add_to(
                m
            )
    FullscreenControl().add_to(m)
    legend_classes = list(legend_classes)
    if legend_classes:
        m.get_root().html.add_child(Element(legend_html(legend_classes)))  # type: ignore[attr-defined]
    return m


# --- launch layers ------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return (
        ""
        if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA
        else html.escape(str(value))
    )


def _figure(value: Any, unit: str) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "—"
    return "—" if np.isnan(number) else f"{number:,.0f} {unit}"


def event_label(event: Record) -> str:
    """'29 Nov 2017 · Hwasong-15': the date in Korea, as the launch is known, for minute-precise times."""
    return str(event_labels(pd.DataFrame([event]))[0])


def event_labels(launches: pd.DataFrame) -> np.ndarray:
    """:func:`event_label` for every row at once (a whole map's labels in a few column operations)."""
    times = pd.to_datetime(launches["launched_at"], utc=True)
    precision = launches["launched_at_precision"].astype(str).to_numpy()
    korea = _day_text(times.dt.tz_convert("Asia/Seoul"), "%d %b %Y")
    dates = np.select(
        [precision == "minute", precision == "month", precision == "year"],
        [korea, _day_text(times, "%b %Y"), _day_text(times, "%Y")],
        default=_day_text(times, "%d %b %Y"),
    )
    return dates.astype(object) + " · " + launches["system"].astype(str).to_numpy().astype(object)


def _day_text(times: pd.Series, day_format: str) -> np.ndarray:
    """``times`` formatted by a day-or-coarser format, formatting each distinct day once
    (strftime is the slow part of labelling 100,000 events)."""
    codes, days = pd.factorize(times.dt.normalize())
    text = np.asarray(pd.DatetimeIndex(days).strftime(day_format), dtype=object)
    return np.where(codes >= 0, text[np.maximum(codes, 0)], "")


def launch_geojson(
    launches: pd.DataFrame, site_names: dict[str, str] | None = None
) -> dict[str, dict[str, Any]]:
    """Three FeatureCollections (tracks, impacts, launch points) with escaped, display-ready properties.

    Impact points and tracks are computed for the whole table at once (:func:`geodata.tracks.impact_points`,
    :func:`geodata.geo.geodesy.tracks`): the map of 10,000 launches costs a few array calls, not
    10,000 geodesics.
    """
    site_names = site_names or {}
    if launches.empty:
        empty: dict[str, Any] = {"type": "FeatureCollection", "features": []}
        return {"tracks": empty, "impacts": dict(empty), "origins": dict(empty)}
    frame = launches.reset_index(drop=True)
    times = pd.to_datetime(frame["launched_at"], utc=True)
    minute = (frame["launched_at_precision"] == "minute").to_numpy()
    utc_text = np.where(minute, times.dt.strftime("%Y-%m-%d %H:%M UTC"), times.dt.strftime("%Y-%m-%d"))
    labels = event_labels(frame)
    impact_lats, impact_lons, bases = impact_points(frame)
    has_impact = np.isfinite(impact_lats)
    lines = iter(
        geodesy.tracks(
            frame["lat"].to_numpy(dtype=float)[has_impact],
            frame["lon"].to_numpy(dtype=float)[has_impact],
            impact_lats[has_impact],
            impact_lons[has_impact],
            spacing_km=100,  # 100 km steps: a straight Mercator segment that long stays within pixels of the geodesic
        )
    )
    tracks, impacts, origins = [], [], []
    for index, event in enumerate(frame.to_dict("records")):
        properties = {
            "id": _text(event["id"]),
            "label": _text(labels[index]),
            "system_class": _text(event["system_class"]),
            "site": _text(site_names.get(event["site_id"], event["site_id"])),
            "count": int(event["count"]) if pd.notna(event["count"]) else 1,
            "distance": _figure(event.get("distance_km"), "km"),
            "apogee": _figure(event.get("apogee_km"), "km"),
            "utc": str(utc_text[index]),
            "outcome": _text(event["outcome"]),
            "colour": class_colour(event["system_class"]),
        }
        origins.append(_point_feature((float(event["lat"]), float(event["lon"])), properties))
        if not has_impact[index]:
            continue
        basis = str(bases[index])
        properties = {**properties, "basis": basis, "dash": "6 6" if basis == "estimated" else None}
        line = next(lines)
        tracks.append(
            {
                "type": "Feature",
                "properties": properties,
                # 4 decimals (~10 m) is far below what a map shows and cuts the page size by half.
                "geometry": {"type": "LineString", "coordinates": np.round(line[:, ::-1], 4).tolist()},
            }
        )
        impacts.append(_point_feature((float(line[-1][0]), float(line[-1][1])), properties))
    collection = lambda features: {"type": "FeatureCollection", "features": features}  # noqa: E731
    return {"tracks": collection(tracks), "impacts": collection(impacts), "origins": collection(origins)}


def _point_feature(point: tuple[float, float], properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": "Point", "coordinates": [round(point[1], 4), round(point[0], 4)]},
    }


POPUP_FIELDS = ("label", "utc", "site", "count", "distance", "apogee", "outcome", "id")
POPUP_ALIASES = ("", "Time", "Site", "Missiles", "Distance", "Apogee", "Outcome", "ID")


SITE_RADIUS_MAX_PX = 18


def site_layer(launches: pd.DataFrame, sites: pd.DataFrame) -> folium.FeatureGroup:
    """The launch sites of ``launches``, each sized by how many of them it launched."""
    counts = launches.groupby("site_id").size()
    site_features = []
    for site in sites[sites["id"].isin(counts.index)].to_dict("records"):
        n = int(counts[site["id"]])
        site_features.append(
            _point_feature(
                (float(site["lat"]), float(site["lon"])),
                {
                    "name": _text(site["name"]),
                    "aliases": _text(site.get("aliases") or ""),
                    "launches": n,
                    # capped: at thousands of launches a site would cover the tracks leaving it
                    "radius": float(min(4 + 3 * np.sqrt(n), SITE_RADIUS_MAX_PX)),
                },
            )
        )
    site_group = folium.FeatureGroup(name="Launch sites", show=True)
    if site_features:
        folium.GeoJson(
            {"type": "FeatureCollection", "features": site_features},
            marker=folium.CircleMarker(radius=6, fill=True),
            style_function=lambda f: {
                "radius": f["properties"]["radius"],
                "color": "#333",
                "weight": 1,
                "fillColor": "#ffffff",
                "fillOpacity": 0.85,
            },
            tooltip=folium.GeoJsonTooltip(fields=["name", "launches"], aliases=["Site", "Launch events"]),
            name="sites",
        ).add_to(site_group)
    return site_group


def launch_layers(
    launches: pd.DataFrame, sites: pd.DataFrame, collections: dict[str, dict[str, Any]] | None = None
) -> list[folium.FeatureGroup]:
    """Feature groups for streamlit-folium's ``feature_group_to_add``: sites, tracks, impacts.

    One GeoJson layer per group, not one marker per event: thousands of events stay fast.
    ``collections`` is :func:`launch_geojson`'s output when the caller cached it.
    """
    names = dict(zip(sites["id"], sites["name"], strict=False)) if not sites.empty else {}
    layers = collections if collections is not None else launch_geojson(launches, names)
    groups = [site_layer(launches, sites)]

    track_group = folium.FeatureGroup(name="Flight tracks", show=True)
    if layers["tracks"]["features"]:
        folium.GeoJson(
            layers["tracks"],
            style_function=lambda f: {
                "color": f["properties"]["colour"],
                "weight": 2.2,
                "opacity": 0.85,
                "dashArray": f["properties"]["dash"],
            },
            highlight_function=lambda f: {"weight": 5},
            tooltip=folium.GeoJsonTooltip(fields=["label", "distance"], aliases=["", "Distance"]),
            popup=folium.GeoJsonPopup(fields=list(POPUP_FIELDS), aliases=list(POPUP_ALIASES)),
            name="tracks",
        ).add_to(track_group)
    groups.append(track_group)

    impact_group = folium.FeatureGroup(name="Impact points", show=True)
    points = layers["impacts"] if layers["impacts"]["features"] else layers["origins"]
    if points["features"]:
        folium.GeoJson(
            points,
            marker=folium.CircleMarker(radius=5, fill=True),
            style_function=lambda f: {
                "color": "#222",
                "weight": 1,
                "fillColor": f["properties"]["colour"],
                "fillOpacity": 0.95,
                "radius": 5,
            },
            tooltip=folium.GeoJsonTooltip(fields=["label", "distance"], aliases=["", "Distance"]),
            popup=folium.GeoJsonPopup(fields=list(POPUP_FIELDS), aliases=list(POPUP_ALIASES)),
            name="impacts",
        ).add_to(impact_group)
    groups.append(impact_group)
    return groups


def leaflet_ring(
    lat: float, lon: float, radius_km: float
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """(outline, fill) for Leaflet, with unwrapped longitudes.

    The outline is the ring itself. The fill is the same ring, closed along the pole it
    encloses when it winds once around the globe; it is drawn without a stroke so the
    closing edges along the pole and the map's edge never show.
    """
    outline = geodesy.range_ring(lat, lon, radius_km)
    fill = outline
    if abs(outline[-1][1] - outline[0][1]) >= 180:  # winds once around the globe: it encloses a pole
        north = geodesy.distance_km((lat, lon), (90.0, 0.0)) < radius_km
        pole = 89.9 if north else -89.9
        fill = [*outline, (pole, outline[-1][1]), (pole, outline[0][1]), outline[0]]
    return outline, fill


def ring_layer(rings: Iterable[RingSpec], name: str = "Range rings") -> folium.FeatureGroup:
    """Exact geodesic range rings, each in its own ring colour, with its label and radius."""
    group = folium.FeatureGroup(name=html.escape(name), show=True)  # the layer control inserts names as HTML
    for index, ring in enumerate(rings):
        colour = ring_colour(index)
        outline, fill = leaflet_ring(ring.lat, ring.lon, ring.radius_km)
        radius_text = f"{ring.radius_km:,.0f} km ({ring.radius_km / KM_PER_MILE:,.0f} mi)"
        text = html.escape(f"{ring.label}: {radius_text}" if ring.label else radius_text)
        # Copies one world east and west keep the ring visible when the user pans across 180°.
        for shift in (0.0, -360.0, 360.0):
            folium.Polygon(
                [(a, b + shift) for a, b in fill],
                stroke=False,
                fill=True,
                fill_color=colour,
                fill_opacity=0.05,
                interactive=False,
            ).add_to(group)
            folium.PolyLine(
                [(a, b + shift) for a, b in outline],
                color=colour,
                weight=2.2,
                tooltip=text,
                smooth_factor=0.5,
            ).add_to(group)
    return group


def ring_band_layer(
    bands: Iterable[RingBand], name: str = "Published range (min–max)"
) -> folium.FeatureGroup:
    """Each system's published range as a shaded band between its minimum and maximum rings.

    The band is the outer ring's fill with the inner ring cut out; both edges are drawn dashed, so
    "somewhere between 3,700 and 4,500 km" never reads as one exact circle.
    """
    group = folium.FeatureGroup(name=html.escape(name), show=True)
    for index, band in enumerate(bands):
        colour = ring_colour(index)
        outer_line, outer_fill = leaflet_ring(band.outer.lat, band.outer.lon, band.outer.radius_km)
        inner_line, inner_fill = leaflet_ring(band.inner.lat, band.inner.lon, band.inner.radius_km)
        text = html.escape(f"{band.text}: the published range varies; the band spans it")
        for shift in (0.0, -360.0, 360.0):
            folium.Polygon(
                [[(a, b + shift) for a, b in outer_fill], [(a, b + shift) for a, b in inner_fill]],
                stroke=False,
                fill=True,
                fill_color=colour,
                fill_opacity=0.18,
                tooltip=text,
                class_name="ring-band",
            ).add_to(group)
            for line in (outer_line, inner_line):
                folium.PolyLine(
                    [(a, b + shift) for a, b in line],
                    color=colour,
                    weight=1.6,
                    dash_array="6 4",
                    tooltip=text,
                ).add_to(group)
    return group


def impact_band_layer(
    bands: Iterable[ImpactBand], name: str = "Where it may have landed"
) -> folium.FeatureGroup:
    """Impact bands (:func:`geodata.tracks.impact_band`): the area spanning the sources' distances
    and the heading range, in the class colour, hatched by a dashed outline."""
    group = folium.FeatureGroup(name=html.escape(name), show=True)
    for band in bands:
        colour = class_colour(band.system_class)
        folium.Polygon(
            band.outline(),
            color=colour,
            weight=1.5,
            dash_array="4 3",
            fill=True,
            fill_color=colour,
            fill_opacity=0.25,
            tooltip=html.escape(band.describe()),
            class_name="impact-band",
        ).add_to(group)
    return group


def places_layer(
    places: pd.DataFrame, name: str = "Places in range", limit: int = 300
) -> folium.FeatureGroup:
    """Cities and places (the output of ``geodesy.cities_in_range``) as one GeoJson point layer."""
    group = folium.FeatureGroup(name=html.escape(name), show=True)  # the layer control inserts names as HTML
    features = [
        _point_feature(
            (float(p["lat"]), float(p["lon"])),
            {
                "name": _text(p["name"]),
                "country": _text(p.get("country", "")),
                "distance": _figure(p.get("distance_km"), "km"),
                "kind": _text(p.get("kind", "")),
            },
        )
        for p in places.head(limit).to_dict("records")
    ]
    if features:
        folium.GeoJson(
            {"type": "FeatureCollection", "features": features},
            marker=folium.CircleMarker(radius=3, fill=True),
            style_function=lambda f: {
                "color": "#444",
                "weight": 1,
                "fillColor": "#444" if f["properties"]["kind"] == "city" else "#7B2D8E",
                "fillOpacity": 0.9,
                "radius": 3 if f["properties"]["kind"] == "city" else 5,
            },
            tooltip=folium.GeoJsonTooltip(
                fields=["name", "country", "distance"], aliases=["", "", "Distance"]
            ),
            name="places",
        ).add_to(group)
    return group


def origin_marker(lat: float, lon: float, label: str) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="Origin", show=True)
    folium.CircleMarker(
        (lat, lon),
        radius=7,
        color="#000",
        weight=2,
        fill=True,
        fill_color="#fff",
        fill_opacity=1,
        tooltip=html.escape(label),
    ).add_to(group)
    return group


def selected_layer(event: dict[str, Any]) -> folium.FeatureGroup:
    """The selected event drawn on top: a thick track (dashed if estimated) and a ringed launch point."""
    group = folium.FeatureGroup(name="Selected launch", show=True)
    colour = class_colour(event["system_class"])
    start = (float(event["lat"]), float(event["lon"]))
    point, basis = impact_point(event)
    label = html.escape(event_label(event))
    if point is not None:
        line = geodesy.track(start, point, spacing_km=25)
        folium.PolyLine(line, color="#111", weight=7, opacity=0.35).add_to(group)
        folium.PolyLine(
            line, color=colour, weight=4, dash_array="8 6" if basis == "estimated" else None, tooltip=label
        ).add_to(group)
        folium.CircleMarker(
            line[-1],
            radius=7,
            color="#111",
            weight=2,
            fill=True,
            fill_color=colour,
            fill_opacity=1,
            tooltip=f"{label}: {basis} impact",
        ).add_to(group)
    folium.CircleMarker(start, radius=9, color="#111", weight=3, fill=False, tooltip=label).add_to(group)
    return group


def zoom_for_radius(radius_km: float) -> int:
    """A web-map zoom level that shows a circle of this radius in a ~600 px map."""
    for limit_km, zoom in ((400, 6), (900, 5), (1800, 4), (3500, 3), (7000, 2)):
        if radius_km <= limit_km:
            return zoom
    return 1


def export_map(
    launches: pd.DataFrame, sites: pd.DataFrame, rings: Iterable[RingSpec] = (), *, vendor_url: str = "vendor"
) -> folium.Map:
    """The whole map of a selection for a file: basemap data inside, launches, rings, fitted to the launches.

    Pass it to :func:`geodata.formats.html.standalone_html` for a page that opens with no internet;
    the Export page and ``launchmap export --format html`` both do.
    """
    from geodata.geo.basemap import load_countries

    page = base_map(
        vendor_url=vendor_url,
        basemap_data=load_countries("50m"),
        online_tiles=False,
        legend_classes=sorted(set(launches["system_class"])),
    )
    for group in launch_layers(launches, sites):
        group.add_to(page)
    rings = list(rings)
    if rings:
        ring_layer(rings).add_to(page)
    if len(launches):
        page.fit_bounds(
            [[launches["lat"].min(), launches["lon"].min()], [launches["lat"].max(), launches["lon"].max()]],
            max_zoom=6,
        )
    folium.LayerControl(collapsed=True).add_to(page)
    return page


# --- many launches: one canvas layer ------------------------------------------------------------

# Past this many events in the store the launch map draws one canvas layer instead of SVG GeoJSON
# layers: at 10,000 events the SVG layers hold ~20,000 DOM paths and a filter change re-sends
# ~11 MB (issue #17); measured in benchmarks/bench_browser.py.
CANVAS_THRESHOLD_EVENTS = 2_000
COORDINATE_SCALE = 10_000  # coordinates travel as integers of 1e-4 degrees (~10 m)
TRACK_TOLERANCE_DEG = 0.03  # Douglas-Peucker tolerance: ~3 km, under a pixel up to zoom 6


def use_canvas(event_count: int) -> bool:
    """Whether a map of ``event_count`` launches is drawn by the canvas layer (:class:`CanvasLaunches`)."""
    return event_count > CANVAS_THRESHOLD_EVENTS


def _coded(values: pd.Series) -> tuple[list[str], list[int]]:
    """A column as (its distinct values, each row's index into them): repeated text travels once."""
    codes, uniques = pd.factorize(values.astype(str), sort=False)
    return [str(u) for u in uniques], codes.tolist()


def compact_launches(launches: pd.DataFrame, tolerance_deg: float = TRACK_TOLERANCE_DEG) -> dict[str, Any]:
    """Every launch as a few integer columns for :class:`CanvasLaunches` (about 40 bytes an event as JSON).

    Tracks are the map's geodesics (:func:`geodata.geo.geodesy.tracks`) simplified with a
    ``tolerance_deg`` Douglas-Peucker pass, so a short flight travels as its two ends; coordinates
    are integers of 1e-4 degrees. Text (dates, systems, classes) travels once per distinct value.
    Row ``i`` of every column is row ``i`` of ``launches``: a filter is a bit mask over that order.
    """
    import shapely

    frame = launches.reset_index(drop=True)
    n = len(frame)
    start_lats = frame["lat"].to_numpy(dtype=float)
    start_lons = frame["lon"].to_numpy(dtype=float)
    impact_lats, impact_lons, bases = impact_points(frame) if n else (np.array([]),) * 3
    has_impact = np.isfinite(impact_lats)
    path_lengths = np.zeros(n, dtype=int)
    path_coordinates = np.zeros((0, 2))
    if has_impact.any():
        lines = geodesy.tracks(
            start_lats[has_impact],
            start_lons[has_impact],
            impact_lats[has_impact],
            impact_lons[has_impact],
            spacing_km=100,
        )
        owners = np.repeat(np.arange(len(lines)), [len(line) for line in lines])
        simplified = shapely.simplify(
            shapely.linestrings(np.concatenate(lines), indices=owners), tolerance_deg, preserve_topology=False
        )
        coordinates, owner = shapely.get_coordinates(simplified, return_index=True)
        first = np.r_[True, owner[1:] != owner[:-1]]  # the launch point travels once, in `origins`
        path_coordinates = coordinates[~first]
        path_lengths[has_impact] = np.bincount(owner[~first], minlength=len(lines))
    origins, origin_codes = np.unique(
        np.round(np.column_stack([start_lats, start_lons]) * COORDINATE_SCALE).astype(np.int64),
        axis=0,
        return_inverse=True,
    )
    labels = pd.Series(event_labels(frame) if n else [], dtype=object)
    dates, date_codes = _coded(labels.str.split(" · ", n=1).str[0])
    systems, system_codes = _coded(frame["system"])
    class_codes = [
        SYSTEM_CLASSES.index(c) if c in SYSTEM_CLASSES else len(SYSTEM_CLASSES) - 1
        for c in frame["system_class"]
    ]
    return {
        "n": n,
        "scale": COORDINATE_SCALE,
        "ids": frame["id"].astype(str).tolist(),
        "classes": list(SYSTEM_CLASSES),
        "colours": [class_colour(c) for c in SYSTEM_CLASSES],
        "class": class_codes,
        "estimated": "".join("1" if b == "estimated" else "0" for b in bases),
        "dates": dates,
        "date": date_codes,
        "systems": systems,
        "system": system_codes,
        "origins": origins.ravel().tolist(),
        "origin": np.asarray(origin_codes).ravel().tolist(),
        "path_length": path_lengths.tolist(),
        # (lon, lat) steps as integers, each from the point before (the first from the launch point):
        # small numbers are short text. The last point of a path is the impact point.
        "paths": _path_steps(path_coordinates, path_lengths, origins[np.asarray(origin_codes).ravel()]),
    }


def _path_steps(coordinates: np.ndarray, path_lengths: np.ndarray, launch_points: np.ndarray) -> list[int]:
    points = np.round(coordinates * COORDINATE_SCALE).astype(np.int64)
    previous = np.empty_like(points)
    if len(points):
        previous[1:] = points[:-1]
        firsts = np.cumsum(path_lengths) - path_lengths  # where each event's path begins
        with_path = path_lengths > 0
        previous[firsts[with_path]] = launch_points[with_path]
    return (points - previous)[:, ::-1].ravel().tolist()


class CanvasLaunches(MacroElement):
    """All launches on one ``<canvas>``: tracks (dashed when estimated) and points in class colours.

    Reads :func:`compact_launches` output from ``url`` (fetched once and kept by the browser's
    cache) or inline ``data``. No Leaflet object per event: a redraw projects typed arrays, so
    100,000 events draw in a frame or two. A click picks the nearest point within 8 px and opens
    a popup ending in ``ID <id>``, which streamlit-folium returns as the clicked popup. With
    ``wait_for_mask`` nothing is drawn until :class:`LaunchMask` says which events are shown.
    The map container's ``data-launches-drawn`` holds how many are drawn (tests and benchmarks wait on it).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            var pane = map.createPane('launches'); pane.style.zIndex = 390; pane.style.pointerEvents = 'none';
            var Layer = L.Layer.extend({
                onAdd: function(map) {
                    this._canvas = L.DomUtil.create('canvas', 'launchmap-canvas leaflet-zoom-hide', pane);
                    map.on('moveend zoomend resize viewreset', this.redraw, this);
                    map.on('click', this._pick, this);
                    this.redraw();
                },
                onRemove: function(map) {
                    map.off('moveend zoomend resize viewreset', this.redraw, this);
                    map.off('click', this._pick, this);
                    L.DomUtil.remove(this._canvas);
                },
                load: function(data) {
                    var n = data.n, scale = data.scale, x = [], y = [], ends = new Int32Array(n + 1);
                    function mercatorY(lat) {
                        var s = Math.sin(Math.max(-85.05, Math.min(85.05, lat)) * Math.PI / 180);
                        return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
                    }
                    var step = 0;
                    for (var i = 0; i < n; i++) {  // unit Web Mercator: 0..1 across the world
                        var o = data.origin[i], lon = data.origins[2 * o + 1], lat = data.origins[2 * o];
                        x.push((lon / scale + 180) / 360); y.push(mercatorY(lat / scale));
                        for (var k = 0; k < data.path_length[i]; k++, step++) {
                            lon += data.paths[2 * step]; lat += data.paths[2 * step + 1];
                            x.push((lon / scale + 180) / 360); y.push(mercatorY(lat / scale));
                        }
                        ends[i + 1] = x.length;
                    }
                    this._data = data; this._x = Float64Array.from(x); this._y = Float64Array.from(y);
                    this._ends = ends;
                    this.redraw();
                },
                setMask: function(bits) {
                    if (bits === null) { this._mask = null; } else {
                        var raw = atob(bits), mask = new Uint8Array(raw.length);
                        for (var i = 0; i < raw.length; i++) mask[i] = raw.charCodeAt(i);
                        this._mask = mask;
                    }
                    this._waiting = false;
                    this.redraw();
                },
                shown: function(i) { return !this._mask || (this._mask[i >> 3] >> (7 - (i & 7))) & 1; },
                redraw: function() {  // a mask and a view change in one frame make one drawing, not two
                    if (this._frame) return;
                    this._frame = L.Util.requestAnimFrame(function() { this._frame = null; this._draw(); }, this);
                },
                _draw: function() {
                    if (!this._map || !this._data || this._waiting) return;
                    var started = performance.now(), map = this._map, size = map.getSize();
                    var ratio = window.devicePixelRatio || 1, canvas = this._canvas;
                    canvas.width = size.x * ratio; canvas.height = size.y * ratio;
                    canvas.style.width = size.x + 'px'; canvas.style.height = size.y + 'px';
                    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
                    var world = 256 * Math.pow(2, map.getZoom()), origin = map.getPixelBounds().min;
                    var ctx = canvas.getContext('2d'); ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
                    var data = this._data, x = this._x, y = this._y, ends = this._ends, drawn = 0;
                    var groups = data.colours.map(function() { return [[], []]; });  // per class: solid, dashed
                    for (var i = 0; i < data.n; i++) {
                        if (!this.shown(i)) continue;
                        drawn++;
                        groups[data['class'][i]][data.estimated.charCodeAt(i) - 48].push(i);
                    }
                    // Launches that land on the same 2-px cell (from the same site, for tracks) are drawn
                    // once: the picture is the same, and rasterising 100,000 overlapping paths in software
                    // takes seconds, where the distinct ones at a regional zoom are a few thousand.
                    var columns = Math.ceil(size.x / 2) + 8, cells = columns * (Math.ceil(size.y / 2) + 8);
                    function cell(px, py) {
                        var cx = Math.floor(px / 2) + 4, cy = Math.floor(py / 2) + 4;
                        return cx < 0 || cy < 0 || cx >= columns || cy * columns + cx >= cells ? -1 : cy * columns + cx;
                    }
                    // Crowded (style.CROWDED_TRACKS drawn): tracks are one device pixel wide. The browser strokes
                    // such hairlines on a fast path; 50,000 tracks 1.6 px wide took 1.9 s to rasterise, 0.15 s thin.
                    var crowded = drawn >= {{ this.crowded_tracks }}, radius = crowded ? 2.5 : 3.5, skipped = 0;
                    ctx.lineWidth = crowded ? 1 / ratio : 1.6; ctx.globalAlpha = 0.8;
                    groups.forEach(function(pair, c) {
                        ctx.strokeStyle = data.colours[c];
                        pair.forEach(function(members, dashed) {
                            if (!members.length) return;
                            var seen = new Set();
                            ctx.setLineDash(dashed ? [5, 5] : []);
                            ctx.beginPath();
                            members.forEach(function(i) {
                                var a = ends[i], b = ends[i + 1];
                                if (b - a < 2) return;
                                var at = cell(x[b - 1] * world - origin.x, y[b - 1] * world - origin.y);
                                var key = at < 0 ? -1 : data.origin[i] * cells + at;
                                if (key >= 0 && seen.has(key)) { skipped++; return; }
                                seen.add(key);
                                ctx.moveTo(x[a] * world - origin.x, y[a] * world - origin.y);
                                for (var k = a + 1; k < b; k++) ctx.lineTo(x[k] * world - origin.x, y[k] * world - origin.y);
                            });
                            ctx.stroke();
                        });
                    });
                    // Thousands of outlined dots read as one dark blot: crowded, they are smaller, with no outline.
                    ctx.setLineDash([]); ctx.globalAlpha = 1; ctx.lineWidth = 0.8; ctx.strokeStyle = '#222';
                    // Crowded, a cell shows the class of the first launch (in table order) that lands in
                    // it, so a mix of classes reads as a mix, not as whichever class is drawn last.
                    var owner = new Int8Array(cells), taken = new Uint8Array(cells);
                    if (crowded) {
                        for (var j = 0; j < data.n; j++) {
                            if (!this.shown(j)) continue;
                            var last = ends[j + 1] - 1, spot = cell(x[last] * world - origin.x, y[last] * world - origin.y);
                            if (spot >= 0 && !owner[spot]) owner[spot] = data['class'][j] + 1;
                        }
                    }
                    groups.forEach(function(pair, c) {
                        ctx.fillStyle = data.colours[c]; ctx.beginPath();
                        pair.forEach(function(members) { members.forEach(function(i) {
                            var e = ends[i + 1] - 1, px = x[e] * world - origin.x, py = y[e] * world - origin.y;
                            if (px < -5 || py < -5 || px > size.x + 5 || py > size.y + 5) return;
                            var at = cell(px, py);
                            if (crowded && at >= 0) { if (owner[at] !== c + 1 || taken[at]) return; taken[at] = 1; }
                            ctx.moveTo(px + radius, py); ctx.arc(px, py, radius, 0, 2 * Math.PI);
                        }); });
                        ctx.fill(); if (!crowded) ctx.stroke();
                    });
                    var box = map.getContainer().dataset;
                    box.launchesDrawn = drawn; box.launchesDraws = (+box.launchesDraws || 0) + 1; box.launchesMerged = skipped;
                    box.launchesCrowded = crowded ? 1 : 0;
                    box.launchesDrawMs = Math.round(performance.now() - started);
                },
                _pick: function(e) {
                    if (!this._data) return;
                    var world = 256 * Math.pow(2, this._map.getZoom()), origin = this._map.getPixelBounds().min;
                    var point = this._map.latLngToContainerPoint(e.latlng), best = -1, bestD = 64;
                    for (var i = 0; i < this._data.n; i++) {
                        if (!this.shown(i)) continue;
                        var end = this._ends[i + 1] - 1;
                        var dx = this._x[end] * world - origin.x - point.x, dy = this._y[end] * world - origin.y - point.y;
                        var d = dx * dx + dy * dy;
                        if (d < bestD) { bestD = d; best = i; }
                    }
                    if (best < 0) return;
                    var data = this._data, end = this._ends[best + 1] - 1;
                    var where = this._map.unproject([this._x[end] * world, this._y[end] * world], this._map.getZoom());
                    var box = L.DomUtil.create('div', 'launchmap-popup');
                    [[data.dates[data.date[best]] + ' \u00b7 ' + data.systems[data.system[best]], 'b'],
                     [data.classes[data['class'][best]], 'div'], ['ID ' + data.ids[best], 'div']].forEach(function(row) {
                        L.DomUtil.create(row[1], '', box).textContent = row[0];  // text, never markup
                        if (row[1] === 'b') L.DomUtil.create('br', '', box);
                    });
                    this.closePopup(); this.bindPopup(box);
                    this.fire('click', {latlng: where, sourceTarget: this, originalEvent: e.originalEvent});
                }
            });
            var layer = new Layer();
            layer._waiting = {{ this.wait_for_mask|tojson }};
            layer.addTo(map);
            window.launchmapCanvas = layer;
            {% if this.data %}layer.load({{ this.data }});
            {% else %}fetch({{ this.url|tojson }}).then(function(r) { return r.json(); }).then(function(d) { layer.load(d); });{% endif %}
        })();
        {% endmacro %}
        """
    )

    def __init__(
        self, url: str | None = None, data: dict[str, Any] | None = None, wait_for_mask: bool = False
    ) -> None:
        super().__init__()
        self._name = "CanvasLaunches"
        self.url = url
        # Inline in a <script>: "</" would let an id such as "</script>" end it early.
        self.data = (
            json.dumps(data, separators=(",", ":")).replace("</", "<\\/") if data is not None else None
        )
        self.wait_for_mask = wait_for_mask
        self.crowded_tracks = CROWDED_TRACKS


def launch_mask(all_ids: pd.Series, selected_ids: Iterable[str]) -> str:
    """Which events of the canvas layer are shown, as a base64 bit mask (one bit an event, in
    ``all_ids`` order): 12.5 kB for 100,000 events, where the ids themselves would be ~2 MB."""
    import base64

    shown = all_ids.isin(pd.Index(selected_ids)).to_numpy()
    return base64.b64encode(np.packbits(shown).tobytes()).decode("ascii")


class LaunchMask(MacroElement):
    """Tells the page's :class:`CanvasLaunches` layer which events to draw (``None``: all).

    Put it in a feature group that streamlit-folium sends on every change: a filter change then
    sends this mask, not the launches."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var apply = function() {
                if (!window.launchmapCanvas) { return setTimeout(apply, 20); }
                window.launchmapCanvas.setMask({{ this.mask|tojson }});
            };
            apply();
        })();
        {% endmacro %}
        """
    )

    def __init__(self, mask: str | None) -> None:
        super().__init__()
        self._name = "LaunchMask"
        self.mask = mask


def write_launch_data(target: Path, data: dict[str, Any]) -> str:
    """Write :func:`compact_launches` output into the served folder ``target``; returns the file name.

    The name is the content's hash, so a browser may keep it, and servers sharing the folder
    write the same file. Written to a temporary name and renamed, never half-written.
    """
    import hashlib
    import os
    import tempfile

    text = json.dumps(data, separators=(",", ":")).encode()
    name = f"launches-{hashlib.sha256(text).hexdigest()[:20]}.json"
    target.mkdir(parents=True, exist_ok=True)
    if not keep_launch_data(target, name):
        handle, temporary = tempfile.mkstemp(dir=target, prefix=".launches-", suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(text)
        os.replace(temporary, target / name)
    _prune_launch_data(target, keep=name)
    return name


def keep_launch_data(target: Path, name: str) -> bool:
    """Mark the served launch file ``name`` as in use; False when it is gone.

    Pruning reads a file's modification time, and servers sharing the folder prune each other's
    files: a file written long ago for the same data (the name is its hash) counts as fresh only
    once it is touched, and a page that finds its file pruned writes it again.
    """
    import os

    try:
        os.utime(target / name)
    except FileNotFoundError:
        return False
    return True


STALE_LAUNCH_DATA_S = 600  # a page opened just before a store edit may still be fetching the old file


def _prune_launch_data(target: Path, keep: str, newest: int = 4) -> None:
    """Remove launch files of older store versions (each is ~6 MB at 100,000 events): all but the
    ``newest`` few, and only those untouched for ten minutes."""
    import contextlib
    import time

    files = sorted(target.glob("launches-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for file in files[newest:]:
        if file.name != keep and time.time() - file.stat().st_mtime > STALE_LAUNCH_DATA_S:
            with contextlib.suppress(FileNotFoundError):  # another server pruned it first
                file.unlink()


def canvas_mask_layer(mask: str | None) -> folium.FeatureGroup:
    """The feature group carrying a :class:`LaunchMask` (kept out of the layer control: it draws nothing)."""
    group = folium.FeatureGroup(name="Launches", show=True, control=False)
    LaunchMask(mask).add_to(group)
    return group
