"""Range planner: exact geodesic rings from any origin, what lies within them, any place found, any distance."""

from __future__ import annotations

import html

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import common, state
from dashboard.panels import population_figure
from geodata.errors import LaunchmapError
from geodata.geo import ballistics, geodesy
from geodata.geo.rings import RingSpec, ring_radius
from geodata.render import leaflet as maps
from geodata.style import ring_colour
from geodata.units import KM_PER_MILE, KM_PER_NMI, name_key, split_lengths

ORIGIN_MODES = ("Launch site", "Coordinates", "Click on the map")
MAP_PLACES = 2500  # points drawn on the map: every curated place, then the largest cities


@st.cache_data(show_spinner=False)
def in_range(lat: float, lon: float, radius_km: float, min_population: int, version: int) -> pd.DataFrame:
    places = common.places()
    return geodesy.cities_in_range(lat, lon, radius_km, min_population=min_population, extra_places=places)


@st.cache_data(show_spinner=False, max_entries=8)
def everywhere(lat: float, lon: float, version: int) -> pd.DataFrame:
    """Every city and curated place with its distance and bearing from the origin (to find any place)."""
    found = geodesy.cities_in_range(lat, lon, geodesy.MAX_RING_RADIUS_KM, extra_places=common.places())
    return found.assign(key=found["name"].map(name_key))


def find_places(table: pd.DataFrame, query: str, limit: int = 10) -> pd.DataFrame:
    """Places whose folded name starts with (then contains) the query, largest first."""
    key = name_key(query)
    if not key:
        return table.head(0)
    starts = table[table["key"].str.startswith(key)]
    contains = table[table["key"].str.contains(key, regex=False) & ~table.index.isin(starts.index)]
    ranked = pd.concat([starts, contains])
    curated = ranked["kind"] != "city"
    return pd.concat([ranked[curated], ranked[~curated].sort_values("population", ascending=False)]).head(
        limit
    )


def resolve_point(
    text: str,
    gazetteer_points: dict[str, tuple[float, float]],
    site_names: dict[str, str],
    table: pd.DataFrame,
) -> tuple[tuple[float, float], str]:
    """A point typed as coordinates, a launch site or a place name -> ((lat, lon), its name)."""
    try:
        lat, lon = geodesy.parse_coordinate(text)
        return (lat, lon), f"{lat:.3f}, {lon:.3f}"
    except LaunchmapError:
        pass
    key = name_key(text)
    for site_id, name in site_names.items():
        if key in (name_key(site_id), name_key(name)):
            return gazetteer_points[site_id], name
    found = find_places(table, text, limit=1)
    if found.empty:
        raise LaunchmapError(f"no launch site, place or city called {text[:60]!r}; or type coordinates")
    row = found.iloc[0]
    return (float(row["lat"]), float(row["lon"])), f"{row['name']} ({row['country']})"


def ring_labels(rings: list[RingSpec]) -> folium.FeatureGroup:
    """Each ring's radius written on the ring itself (east and west), so no hover is needed."""
    group = folium.FeatureGroup(name="Ring radii", show=True)
    for index, ring in enumerate(rings):
        text = f"{ring.label + ': ' if ring.label else ''}{ring.radius_km:,.0f} km"
        for bearing in (90.0, 270.0):
            lat, lon = geodesy.destination(ring.lat, ring.lon, bearing, ring.radius_km)
            lon += 360 if lon - ring.lon < -180 else (-360 if lon - ring.lon > 180 else 0)  # as drawn
            folium.Marker(
                (lat, lon),
                icon=folium.DivIcon(
                    html=f'<div class="ring-label" style="border:1.5px solid {ring_colour(index)}">'
                    f"{html.escape(text)}</div>",
                    icon_size=(len(text) * 7 + 12, 18),
                    icon_anchor=(0, 9) if bearing == 90 else (len(text) * 7 + 12, 9),
                ),
                interactive=False,
            ).add_to(group)
    return group


def measured_layer(a: tuple[float, float], b: tuple[float, float]) -> folium.FeatureGroup:
    """The geodesic from a to b with its end points, copied one world east and west (as the rings are),
    so the whole line shows whichever way it crosses 180°."""
    group = folium.FeatureGroup(name="Measured distance", show=True)
    line = geodesy.track(a, b)  # unwrapped longitudes: a continuous line
    for shift in (0.0, -360.0, 360.0):
        shifted = [(lat, lon + shift) for lat, lon in line]
        folium.PolyLine(shifted, color="#111", weight=3, dash_array="2 6").add_to(group)
        for point in (shifted[0], shifted[-1]):
            folium.CircleMarker(
                point, radius=5, color="#111", fill=True, fill_color="#ffd400", fill_opacity=1
            ).add_to(group)
    return group


def parse_ranges(text: str) -> tuple[list[float], list[str]]:
    """'1,000 km, 435mi, 13000' -> ([1000.0, 700.07, 13000.0], errors)."""
    values, errors = [], []
    for part in split_lengths(text):
        try:
            values.append(ring_radius(part)[0])
        except (LaunchmapError, ValueError) as error:
            errors.append(str(error))
    return values, errors


def flight_time_min(distance_km: float) -> float | None:
    """Free-flight time on a minimum-energy trajectory to this distance (boost phase not included)."""
    if distance_km <= 0 or distance_km >= geodesy.MAX_RING_RADIUS_KM:
        return None
    try:
        apogee = ballistics.minimum_energy_apogee_ratio(distance_km) * distance_km
        return ballistics.analyse_trajectory(apogee, distance_km).free_flight_time_s / 60
    except LaunchmapError:
        return None


def main() -> None:
    view = state.View()
    sites = common.sites()
    systems = common.systems()
    site_ids = list(sites["id"])
    site_names = common.site_names()
    gazetteer_points = {row["id"]: (float(row["lat"]), float(row["lon"])) for row in sites.to_dict("records")}

    def origin_from_view() -> None:
        origin = view.get("origin", str, "sohae")
        if origin in gazetteer_points:
            st.session_state.update(p_mode=ORIGIN_MODES[0], p_site=origin)
            return
        try:
            lat, lon = geodesy.parse_coordinate(origin)
            st.session_state.update(p_mode=ORIGIN_MODES[1], p_coord=f"{lat:.4f}, {lon:.4f}")
        except LaunchmapError as error:
            view.notices.append(
                f"Ignored URL parameter `origin`: {common.plain(origin[:40])} ({common.plain(error)})"
            )
            st.session_state.update(
                p_mode=ORIGIN_MODES[0], p_site="sohae" if "sohae" in site_ids else site_ids[0]
            )

    if view.loaded or "p_mode" not in st.session_state:
        origin_from_view()
    st.session_state.setdefault("p_site", "sohae" if "sohae" in site_ids else site_ids[0])
    view.seed("p_systems", lambda: view.get_list("systems", list(systems["name"])) or [])
    view.seed("p_ranges", lambda: view.get("ranges", lambda v: v[:200], ""))
    view.seed("p_minpop", lambda: view.get("minpop", lambda v: max(0, int(v)), 100000))
    view.seed("p_find", lambda: view.get("find", lambda v: v[:80], ""))
    view.seed("p_from", lambda: view.get("from", lambda v: v[:80], ""))
    view.seed("p_to", lambda: view.get("to", lambda v: v[:80], ""))

    common.page_header(
        "Range planner",
        "Exact geodesic rings on the WGS-84 ellipsoid, correct across 180° and around the poles. "
        "Pick an origin anywhere on Earth, then systems from the catalogue and/or typed ranges.",
    )

    with st.sidebar:
        st.header("Origin")
        mode = st.radio("Origin from", ORIGIN_MODES, key="p_mode")
        if mode == ORIGIN_MODES[0]:
            site_id = st.selectbox(
                "Launch site", site_ids, key="p_site", format_func=lambda s: site_names.get(s, s)
            )
            origin = gazetteer_points[site_id]
            origin_label, origin_param = site_names.get(site_id, site_id), site_id
        else:
            if mode == ORIGIN_MODES[2]:
                st.caption("Click the map to move the origin.")
            text = st.text_input(
                "Coordinates", key="p_coord", placeholder="40.21, 125.20 or 40°12′N 125°12′E"
            )
            try:
                origin = geodesy.parse_coordinate(text or "39.66, 124.705")
            except LaunchmapError as error:
                st.error(common.plain(error))
                origin = gazetteer_points.get("sohae", (39.66, 124.705))
            origin_label = f"{origin[0]:.3f}, {origin[1]:.3f}"
            origin_param = f"{origin[0]:.4f},{origin[1]:.4f}"
        st.header("Ranges")
        chosen_systems = st.multiselect(
            "Systems (published max range)", list(systems["name"]), key="p_systems"
        )
        typed = st.text_input(
            "Typed ranges",
            key="p_ranges",
            placeholder="1,000 km, 435mi, 378nmi, 13000km",
            help="km, mi or nmi; 1,000 km is one ring. Separate rings with commas or semicolons.",
        )
        min_population = st.number_input(
            "Cities with at least (people)", min_value=0, step=50000, key="p_minpop"
        )
        st.header("Find and measure")
        query = st.text_input("Find a place", key="p_find", placeholder="Guam, Tokyo, Honolulu…")
        point_from = st.text_input(
            "Distance from", key="p_from", placeholder="origin, or a place / coordinates"
        )
        point_to = st.text_input("Distance to", key="p_to", placeholder="e.g. Washington or 13.44, 144.79")
    state_values = {
        "origin": origin_param,
        "systems": chosen_systems,
        "ranges": typed or None,
        "minpop": None if min_population == 100000 else int(min_population),
        "find": query or None,
        "from": point_from or None,
        "to": point_to or None,
    }
    view.keep_all(state_values)
    view.show_notices()

    ranges, errors = parse_ranges(typed or "")
    for error in errors:
        st.error(f"Range not drawn: {common.plain(error)}. Expected a length like 700km, 435mi or 378nmi.")
    rings: list[RingSpec] = []
    for name in chosen_systems:
        try:
            radius_km, _ = ring_radius(name, systems.to_dict("records"))
            rings.append(RingSpec(origin[0], origin[1], radius_km, name))
        except LaunchmapError:
            st.warning(f"{common.plain(name)} has no published range in the catalogue; no ring drawn.")
    rings += [RingSpec(origin[0], origin[1], r) for r in ranges]

    all_places = everywhere(origin[0], origin[1], common.store_version())
    found = find_places(all_places, query) if query else None
    measured = None
    if point_to:
        try:
            a, a_name = (
                resolve_point(point_from, gazetteer_points, site_names, all_places)
                if point_from
                else (origin, origin_label)
            )
            b, b_name = resolve_point(point_to, gazetteer_points, site_names, all_places)
            measured = (a, a_name, b, b_name, *geodesy.inverse(a, b))
        except LaunchmapError as error:
            st.error(f"Distance not measured: {common.plain(error)}")

    common.ensure_static_assets()
    largest = max((r.radius_km for r in rings), default=0)
    zoom = maps.zoom_for_radius(largest or 500)
    base = common.style_map(
        maps.base_map(
            vendor_url=common.VENDOR_URL,
            basemap_url=common.BASEMAP_URL,
            center=origin,
            zoom=zoom,
            legend_classes=(),
        )
    )
    places_found = (
        in_range(origin[0], origin[1], largest, int(min_population), common.store_version())
        if rings
        else None
    )
    groups = [
        maps.ring_layer(rings),
        ring_labels(rings),
        maps.origin_marker(origin[0], origin[1], origin_label),
    ]
    if places_found is not None:
        curated = places_found["kind"] != "city"
        on_map = pd.concat(
            [places_found[curated], places_found[~curated].sort_values("population", ascending=False)]
        )
        groups.append(maps.places_layer(on_map, limit=MAP_PLACES))
    if found is not None and not found.empty:
        groups.append(maps.places_layer(found.head(1), name="Found place", limit=1))
    if measured is not None:
        groups.append(measured_layer(measured[0], measured[2]))
    result = st_folium(
        base,
        feature_group_to_add=groups,
        layer_control=folium.LayerControl(collapsed=True),
        returned_objects=["last_clicked"] if mode == ORIGIN_MODES[2] else [],
        use_container_width=True,
        height=560,
        key="planner_map",
        center=origin,
        zoom=zoom,
    )
    clicked = (result or {}).get("last_clicked")
    if mode == ORIGIN_MODES[2] and clicked:
        new_origin = f"{clicked['lat']:.4f}, {((clicked['lng'] + 180) % 360) - 180:.4f}"
        if new_origin != st.session_state.get("p_coord"):
            st.session_state["p_coord"] = new_origin
            st.rerun()

    if rings:
        st.markdown(
            " ".join(
                f'<span style="display:inline-block;margin:0 12px 4px 0"><span style="display:inline-block;'
                f"width:22px;height:0;border-top:3px solid {ring_colour(i)};vertical-align:middle;"
                f'margin-right:6px"></span>{common.plain(html.escape(r.label + ": " if r.label else ""))}'
                f"{r.radius_km:,.0f} km ({r.radius_km / KM_PER_MILE:,.0f} mi)</span>"
                for i, r in enumerate(rings)
            ),
            unsafe_allow_html=True,
        )
    if measured is not None:
        a, a_name, b, b_name, km, bearing = measured
        st.subheader(f"From {common.plain(a_name)} to {common.plain(b_name)}")
        c1, c2, c3 = st.columns(3)
        c1.metric("Distance (geodesic)", f"{km:,.0f} km", help="WGS-84 ellipsoid, shortest path")
        c2.metric("In miles / nautical miles", f"{km / KM_PER_MILE:,.0f} mi · {km / KM_PER_NMI:,.0f} nmi")
        c3.metric("Initial bearing", f"{bearing:.0f}°")
    if found is not None:
        st.subheader(f"Places matching “{common.plain(query)}”")
        if found.empty:
            st.info(
                f"No city or place called {common.plain(repr(query))} (GeoNames cities of 15,000+ people and curated places)."
            )
        else:
            shown = found.assign(
                distance_km=found["distance_km"].round(0),
                **{
                    f"within {r.text}": found["distance_km"] <= r.radius_km
                    for r in sorted(rings, key=lambda r: r.radius_km)
                },
            ).drop(columns=["lat", "lon", "key"])
            st.dataframe(
                shown,
                hide_index=True,
                width="stretch",
                column_config={
                    "distance_km": st.column_config.NumberColumn(
                        f"distance from {origin_label} (km)", format="%d"
                    ),
                    "bearing_deg": st.column_config.NumberColumn("bearing (°)", format="%d"),
                },
            )

    if not rings:
        st.info("Add a system or type a range (e.g. `1,000 km, 13000km`) to draw rings.")
        return
    st.subheader(f"In range of {common.plain(origin_label)} ({largest:,.0f} km)")
    population = geodesy.population_in_range(places_found)
    st.metric(
        "People living in cities within the largest ring",
        f"{population:,}",
        help="Sum of GeoNames city populations (cities of 15,000+), not a census of the area.",
    )
    if len(rings) > 1:  # each ring's people as a figure, not only the largest ring's sum
        population_figure(sorted(rings, key=lambda r: r.radius_km), int(min_population), places_found)
    table = places_found.copy()
    table["flight_time_min"] = table["distance_km"].map(flight_time_min).round(0)
    for ring in sorted(rings, key=lambda r: r.radius_km):
        table[f"within {ring.text}"] = table["distance_km"] <= ring.radius_km
    st.dataframe(
        table.drop(columns=["lat", "lon"]),
        hide_index=True,
        width="stretch",
        column_config={
            "distance_km": st.column_config.NumberColumn("distance (km)", format="%d"),
            "bearing_deg": st.column_config.NumberColumn("bearing (°)", format="%d"),
            "flight_time_min": st.column_config.NumberColumn(
                "est. flight (min)", help="Minimum-energy free flight, boost not included"
            ),
        },
    )
    st.caption("Cities: GeoNames (CC BY 4.0). Places: curated in seeds/places.csv with sources.")


main()
