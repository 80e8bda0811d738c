"""Range planner: exact geodesic rings from any origin, and what lies within them."""

from __future__ import annotations

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import common
from geodata.errors import LaunchmapError
from geodata.geo import ballistics, geodesy
from geodata.geo.rings import RingSpec, ring_radius
from geodata.render import leaflet as maps
from geodata.units import split_lengths

ORIGIN_MODES = ("Launch site", "Coordinates", "Click on the map")


@st.cache_data(show_spinner=False)
def in_range(lat: float, lon: float, radius_km: float, min_population: int, version: int) -> pd.DataFrame:
    places = common.places()
    return geodesy.cities_in_range(lat, lon, radius_km, min_population=min_population, extra_places=places)


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
    state = common.UrlState()
    sites = common.sites()
    systems = common.systems()
    site_ids = list(sites["id"])
    site_names = dict(zip(sites["id"], sites["name"], strict=False))
    gazetteer_points = {row["id"]: (float(row["lat"]), float(row["lon"])) for row in sites.to_dict("records")}

    if not st.session_state.get("_planner_from_url"):
        st.session_state["_planner_from_url"] = True
        origin = state.get("origin", str, "sohae")
        if origin in gazetteer_points:
            st.session_state.update(p_mode=ORIGIN_MODES[0], p_site=origin)
        else:
            try:
                lat, lon = geodesy.parse_coordinate(origin)
                st.session_state.update(p_mode=ORIGIN_MODES[1], p_coord=f"{lat:.4f}, {lon:.4f}")
            except LaunchmapError as error:
                state.notices.append(f"Ignored URL parameter `origin={origin[:40]}`: {error}")
                st.session_state.update(
                    p_mode=ORIGIN_MODES[0], p_site="sohae" if "sohae" in site_ids else site_ids[0]
                )
        st.session_state["p_systems"] = state.get_list("systems", list(systems["name"])) or []
        st.session_state["p_ranges"] = state.get("ranges", lambda v: v[:200], "")
        st.session_state["p_minpop"] = state.get("minpop", lambda v: max(0, int(v)), 100000)

    st.title("Range planner")
    st.caption(
        "Exact geodesic rings on the WGS-84 ellipsoid, correct across 180° and around the poles. "
        "Pick an origin anywhere on Earth, then systems from the catalogue and/or typed ranges."
    )
    state.show_notices()

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
                st.error(str(error))
                origin = gazetteer_points.get("sohae", (39.66, 124.705))
            origin_label = f"{origin[0]:.3f}, {origin[1]:.3f}"
            origin_param = f"{origin[0]:.4f},{origin[1]:.4f}"
        st.header("Ranges")
        chosen_systems = st.multiselect(
            "Systems (published max range)", list(systems["name"]), key="p_systems"
        )
        typed = st.text_input("Typed ranges", key="p_ranges", placeholder="700km, 435mi, 378nmi, 13000km")
        min_population = st.number_input(
            "Cities with at least (people)", min_value=0, step=50000, key="p_minpop"
        )

    ranges, errors = parse_ranges(typed or "")
    for error in errors:
        st.error(f"Range not drawn: {error}. Expected a length like 700km, 435mi or 378nmi.")
    rings: list[RingSpec] = []
    for name in chosen_systems:
        try:
            radius_km, _ = ring_radius(name, systems.to_dict("records"))
            rings.append(RingSpec(origin[0], origin[1], radius_km, name))
        except LaunchmapError:
            st.warning(f"{name} has no published range in the catalogue; no ring drawn.")
    rings += [RingSpec(origin[0], origin[1], r) for r in ranges]
    common.set_params(
        {
            "origin": origin_param,
            "systems": chosen_systems,
            "ranges": typed or None,
            "minpop": None if min_population == 100000 else int(min_population),
        }
    )

    common.ensure_static_assets()
    largest = max((r.radius_km for r in rings), default=0)
    zoom = maps.zoom_for_radius(largest or 500)
    base = maps.base_map(
        vendor_url=common.VENDOR_URL,
        basemap_url=common.BASEMAP_URL,
        center=origin,
        zoom=zoom,
        legend_classes=(),
    )
    places_found = (
        in_range(origin[0], origin[1], largest, int(min_population), common.store_version())
        if rings
        else None
    )
    groups = [maps.ring_layer(rings), maps.origin_marker(origin[0], origin[1], origin_label)]
    if places_found is not None:
        groups.append(maps.places_layer(places_found))
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

    if not rings:
        st.info("Add a system or type a range (e.g. `700km, 13000km`) to draw rings.")
        return
    st.subheader(f"In range of {origin_label} ({largest:,.0f} km)")
    population = geodesy.population_in_range(places_found)
    st.metric(
        "People living in cities within the largest ring",
        f"{population:,}",
        help="Sum of GeoNames city populations (cities of 15,000+), not a census of the area.",
    )
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
