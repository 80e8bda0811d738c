"""Launch map (home): filters, key figures, the offline map and the card of the selected event."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import common
from dashboard.filters import sidebar_filters
from geodata.errors import LaunchmapError
from geodata.events import disagreements
from geodata.geo import ballistics
from geodata.geo.rings import system_rings
from geodata.render import leaflet as maps
from geodata.tracks import impact_explanation

EVENT_ID = re.compile(r"ID\s+([A-Za-z0-9][\w.:-]*)")


@st.cache_data(show_spinner=False)
def cached_launch_geojson(version: int, ids: tuple[str, ...]) -> dict:
    """Derived map layers, cached per store version and selection (the tracks are densified geodesics)."""
    frame = common.launches()
    sites = common.sites()
    return maps.launch_geojson(
        frame[frame["id"].isin(ids)], dict(zip(sites["id"], sites["name"], strict=False))
    )


def key_figures(selected: pd.DataFrame) -> None:
    columns = st.columns(4)
    columns[0].metric("Launch events", f"{len(selected):,}")
    columns[1].metric("Missiles fired", f"{int(selected['count'].sum()):,}" if len(selected) else "0")
    longest = selected["distance_km"].max() if len(selected) else None
    highest = selected["apogee_km"].max() if len(selected) else None
    columns[2].metric("Longest flight", f"{longest:,.0f} km" if pd.notna(longest) else "—")
    columns[3].metric("Highest apogee", f"{highest:,.0f} km" if pd.notna(highest) else "—")


def build_map(selected: pd.DataFrame, event: dict | None, show_rings: bool, embed: bool = False) -> dict:
    common.ensure_static_assets()
    base = maps.base_map(vendor_url=common.VENDOR_URL, basemap_url=common.BASEMAP_URL, online_tiles=not embed)
    collections = cached_launch_geojson(common.store_version(), tuple(selected["id"]))
    groups = maps.launch_layers(selected, common.sites(), collections)
    center, zoom = None, None
    if event is not None:
        rings = system_rings(event, common.systems().to_dict("records")) if show_rings else []
        if rings:
            groups.append(maps.ring_layer(rings, name=f"{event['system']} range"))
        groups.append(maps.selected_layer(event))
        reach_km = max(
            [r.radius_km for r in rings]
            + [float(event.get("distance_km") or 0) if pd.notna(event.get("distance_km")) else 0]
        )
        center, zoom = (float(event["lat"]), float(event["lon"])), maps.zoom_for_radius(reach_km or 300)
    return st_folium(
        base,
        feature_group_to_add=groups,
        layer_control=None if embed else __import__("folium").LayerControl(collapsed=True),
        returned_objects=["last_object_clicked_popup"],
        use_container_width=True,
        height=620 if not embed else 700,
        center=center,
        zoom=zoom,
        key="launch_map",
    )


def sources_table(event_sources: pd.DataFrame) -> pd.DataFrame:
    shown = event_sources.assign(
        headline=event_sources["is_headline"].map({True: "★", False: ""}),
        flight_time_min=(event_sources["flight_time_s"] / 60).round(1),
    )
    return shown[
        [
            "headline",
            "source",
            "outlet",
            "published_on",
            "distance_km",
            "apogee_km",
            "flight_time_min",
            "count",
            "title",
            "url",
        ]
    ]


def event_card(event: dict, all_launches: pd.DataFrame, all_sources: pd.DataFrame) -> None:
    sites = common.sites().set_index("id")
    site = sites.loc[event["site_id"]] if event["site_id"] in sites.index else None
    st.subheader(f"{maps.event_label(event)} — {event['system_class']}")
    left, right = st.columns([3, 2])
    with left:
        st.markdown(f"**When** {common.format_times(event['launched_at'], event['launched_at_precision'])}")
        site_text = f"{site['name']} ({site['province']})" if site is not None else event["site_id"]
        st.markdown(f"**Site** {common.plain(site_text)} · {event['lat']:.3f}°N {event['lon']:.3f}°E")
        st.markdown(
            f"**System** {common.plain(event['system'])} · **missiles** {event['count']} · "
            f"**outcome** {event['outcome']} · **{event['confirmation']}**"
        )
        if pd.notna(event.get("landing_area")):
            st.markdown(f"**Landed** {common.plain(event['landing_area'])}")
        st.caption(common.plain(impact_explanation(event)))
        if pd.notna(event.get("notes")) and str(event["notes"]).strip():
            st.caption(common.plain(event["notes"]))
    with right:
        trajectory_panel(event)
    event_sources = all_sources[all_sources["launch_id"] == event["id"]]
    flagged = disagreements(event_sources).get(event["id"], [])
    if flagged:
        st.warning(
            "Sources disagree on "
            + ", ".join(f.replace("_", " ") for f in flagged)
            + ". Each source's figures are shown; ★ marks the headline figure (rule on the About page)."
        )
    st.dataframe(
        sources_table(event_sources),
        hide_index=True,
        width="stretch",
        column_config={
            "url": st.column_config.LinkColumn("link", display_text="open"),
            "headline": st.column_config.TextColumn("", width="small"),
        },
    )
    same_site = all_launches[
        (all_launches["site_id"] == event["site_id"]) & (all_launches["id"] != event["id"])
    ]
    same_system = all_launches[
        (all_launches["system"] == event["system"]) & (all_launches["id"] != event["id"])
    ]
    a, b = st.columns(2)
    for column, title, frame in (
        (a, "Other launches from this site", same_site),
        (b, "Other launches of this system", same_system),
    ):
        with column:
            st.markdown(f"**{title}** ({len(frame)})")
            for other in frame.tail(8).iloc[::-1].to_dict("records"):
                st.page_link(
                    "app_pages/launch_map.py",
                    label=maps.event_label(other),
                    query_params={"event": other["id"]},
                )


def trajectory_panel(event: dict) -> None:
    if (
        pd.isna(event.get("apogee_km"))
        or pd.isna(event.get("distance_km"))
        or not event["apogee_km"]
        or not event["distance_km"]
    ):
        st.info("Trajectory estimate needs both apogee and distance; this record lacks one.")
        return
    try:
        estimate = ballistics.analyse_trajectory(float(event["apogee_km"]), float(event["distance_km"]))
    except LaunchmapError as error:
        st.info(f"No trajectory estimate: {error}")
        return
    st.markdown(
        f"**Trajectory** {estimate.trajectory_class} (apogee/range {estimate.apogee_to_range_ratio:.2f}; "
        f"minimum-energy ≈ {estimate.minimum_energy_ratio:.2f})"
    )
    if estimate.method_applies:
        rng = (
            "unbounded (orbital energy)"
            if estimate.unbounded
            else f"≈ {estimate.equivalent_range_km:,.0f} km"
        )
        st.markdown(
            f"**Equivalent range on a minimum-energy path** {rng} · burnout ≈ "
            f"{estimate.burnout_speed_km_s:.2f} km/s · free flight ≈ {estimate.free_flight_time_s / 60:.0f} min"
        )
    st.caption(estimate.caveat)


def render_embed(selected: pd.DataFrame, event: dict | None, state: common.UrlState) -> None:
    """Only the map, a title and the credit: for an iframe or a clean screenshot."""
    st.markdown(
        "<style>[data-testid='stSidebar'],[data-testid='stHeader'],[data-testid='stToolbar'],"
        "[data-testid='stSidebarCollapsedControl']{display:none} .block-container{padding:1rem 1rem 0}</style>",
        unsafe_allow_html=True,
    )
    title = state.get("title", lambda v: v[:120], "North Korean missile launches")
    st.markdown(f"### {common.plain(title)}")
    build_map(selected, event, show_rings=event is not None, embed=True)
    st.caption(f"{common.CREDIT} · {len(selected)} launch events")


def main() -> None:
    state = common.UrlState()
    all_launches = common.launches()
    all_sources = common.sources()
    selection = sidebar_filters(all_launches, state)
    selected = selection.launches
    event_id = state.get("event", lambda v: v if v in set(all_launches["id"]) else _unknown_event(v))
    # `view=embed`, not `embed`: Streamlit reserves `embed` and hides it from st.query_params.
    embed = state.get("view", lambda v: v == "embed" or _raise_view(v), False)
    event = all_launches[all_launches["id"] == event_id].iloc[0].to_dict() if event_id else None
    if embed:
        render_embed(selected, event, state)
        return
    st.title("North Korean missile launches")
    st.caption(
        f"{selection.description} — click a track or impact point for its card. Works offline; "
        "online tile layers are optional (layer button, top right)."
    )
    state.show_notices()
    key_figures(selected)
    if selected.empty:
        first, last = (all_launches["launched_at"].min(), all_launches["launched_at"].max())
        st.info(
            "No launch matches these filters. Widen the period or clear a filter in the sidebar "
            f"(the records run from {first:%d %b %Y} to {last:%d %b %Y})."
        )
    show_rings = st.toggle(
        "Show range rings of the selected event's system", value=True, disabled=event is None
    )
    result = build_map(selected, event, show_rings)
    clicked = EVENT_ID.search(str((result or {}).get("last_object_clicked_popup") or ""))
    if clicked and clicked.group(1) != event_id and clicked.group(1) in set(all_launches["id"]):
        st.query_params["event"] = clicked.group(1)
        st.rerun()
    if event is not None:
        event_card(event, all_launches, all_sources)
        export, clear = st.columns([1, 4])
        export.page_link(
            "app_pages/export.py", label="Export this launch", query_params={"event": event["id"]}
        )
        if clear.button("Clear selection"):
            del st.query_params["event"]
            st.rerun()


def _raise_view(value: str) -> bool:
    raise ValueError(f"expected view=embed, got {value[:20]!r}")


def _unknown_event(value: str) -> str:
    raise ValueError(f"no launch event with id {value[:60]!r}")


main()
