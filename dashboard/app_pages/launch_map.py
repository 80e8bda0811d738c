"""Launch map (home): filters, key figures, the offline map and the card of the selected event."""

from __future__ import annotations

import re

import folium
import numpy as np
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import common, playback, state
from dashboard.filters import FILTER_PARAMS, empty_notice, sidebar_filters, year_strip
from dashboard.panels import population_panel
from geodata.errors import LaunchmapError
from geodata.events import disagreements
from geodata.geo import ballistics
from geodata.geo.rings import system_ring_band, system_rings
from geodata.render import leaflet as maps
from geodata.schema import SYSTEM_CLASSES
from geodata.tracks import impact_band, impact_explanation, impact_points

EVENT_ID = re.compile(r"ID\s+([A-Za-z0-9][\w.:-]*)")
LINK_PARAMS = (*FILTER_PARAMS, "rings")  # what a link to another launch keeps of the view
MAP_EPOCH = "_launch_map_epoch"  # bumped when the selection changes without a click: drops the stale click
HANDLED_CLICK = "_launch_map_click"
STATIC_URL = common.BASEMAP_URL.rsplit("/", 1)[0]  # where Streamlit serves common.STATIC_DIR
FIGURE_NAMES = {"distance_km": ("distance", "km"), "apogee_km": ("apogee", "km"), "count": ("missiles", "")}


@st.cache_data(show_spinner=False)
def cached_launch_geojson(version: int, ids: tuple[str, ...]) -> dict:
    """Derived map layers, cached per store version and selection (the tracks are densified geodesics)."""
    frame = common.launches()
    sites = common.sites()
    return maps.launch_geojson(
        frame[frame["id"].isin(ids)], dict(zip(sites["id"], sites["name"], strict=False))
    )


@st.cache_data(show_spinner=False)
def map_extent(
    version: int, selection_mask: str, _selected: pd.DataFrame
) -> tuple[tuple[float, float], int] | None:
    """Centre and zoom that show the launch and impact points of ``_selected`` (None when there are none).

    Cached on the store version and the selection's bit mask (:func:`maps.launch_mask`): hashing a
    12 kB mask is quicker than hashing 100,000 ids or the table.
    """
    impact_lats, impact_lons, _ = impact_points(_selected)  # the whole table at once: 100,000 rows stay quick
    lats = np.concatenate([_selected["lat"].to_numpy(dtype=float), impact_lats])
    lons = np.concatenate([_selected["lon"].to_numpy(dtype=float), impact_lons])
    known = np.isfinite(lats) & np.isfinite(lons)
    if not known.any():
        return None
    lats, lons = lats[known], lons[known]
    centre = ((lats.min() + lats.max()) / 2, (lons.min() + lons.max()) / 2)
    from geodata.geo.geodesy import distance_km

    half_span_km = distance_km((lats.min(), lons.min()), (lats.max(), lons.max())) / 2
    return (float(centre[0]), float(centre[1])), maps.zoom_for_radius(max(half_span_km * 1.15, 250))


@st.cache_data(show_spinner=False)
def _canvas_data_file(version: int) -> str:
    return maps.write_launch_data(common.STATIC_DIR, maps.compact_launches(common.launches()))


def canvas_data_file(version: int) -> str:
    """The served file of every launch for the canvas layer, written once per store version (and again
    if another server sharing the static folder pruned it; a benchmark's map stayed empty on a 404)."""
    name = _canvas_data_file(version)
    if not maps.keep_launch_data(common.STATIC_DIR, name):
        _canvas_data_file.clear()
        name = _canvas_data_file(version)
    return name


@st.cache_data(show_spinner=False)
def figure_revisions(version: int, launch_id: str) -> list[dict]:
    return common.get_store().figure_revisions(launch_id)


def key_figures(selected: pd.DataFrame) -> None:
    columns = st.columns(4)
    columns[0].metric("Launch events", f"{len(selected):,}")
    columns[1].metric("Missiles fired", f"{int(selected['count'].sum()):,}" if len(selected) else "0")
    longest = selected["distance_km"].max() if len(selected) else None
    highest = selected["apogee_km"].max() if len(selected) else None
    columns[2].metric("Longest flight", f"{longest:,.0f} km" if pd.notna(longest) else "—")
    columns[3].metric("Highest apogee", f"{highest:,.0f} km" if pd.notna(highest) else "—")


def build_map(
    selected: pd.DataFrame,
    event: dict | None,
    show_rings: bool,
    embed: bool = False,
    all_launches: pd.DataFrame | None = None,
) -> dict:
    common.ensure_static_assets()
    # The classes on record, not of the filtered selection: the base map stays the same across filter
    # changes (a changed base map remounts the map), and the legend skips classes never launched.
    if all_launches is None:  # each read of the cached table is a copy: 0.25 s at 100,000 events
        all_launches = common.launches()
    shown_classes = set(all_launches["system_class"])
    base = common.style_map(
        maps.base_map(
            vendor_url=common.VENDOR_URL,
            basemap_url=common.BASEMAP_URL,
            online_tiles=not embed,
            legend_classes=[c for c in SYSTEM_CLASSES if c in shown_classes],
        )
    )
    mask = maps.launch_mask(all_launches["id"], selected["id"])
    if maps.use_canvas(len(all_launches)):
        # Many events: every launch is in one served file the browser fetches once per store version
        # (the base map, so a filter change never remounts it); a filter change sends a bit mask.
        data_url = f"{STATIC_URL}/{canvas_data_file(common.store_version())}"
        maps.CanvasLaunches(url=data_url, wait_for_mask=True).add_to(base)
        groups = [maps.site_layer(selected, common.sites()), maps.canvas_mask_layer(mask)]
    else:
        collections = cached_launch_geojson(common.store_version(), tuple(selected["id"]))
        groups = maps.launch_layers(selected, common.sites(), collections)
    # The timeline under the map plays the selection in the browser. It carries the selection inline
    # (~75 bytes an event, on every rerun), so past the canvas threshold it waits for a narrower filter.
    if not embed:
        groups += playback.playback_layers(selected, max_events=maps.CANVAS_THRESHOLD_EVENTS)
    center, zoom = None, None
    if event is not None:
        systems = common.systems().to_dict("records")
        rings = system_rings(event, systems) if show_rings else []
        band = system_ring_band(event, systems) if show_rings else None
        if band is not None:  # a published range that varies is a band, not two exact circles
            groups.append(maps.ring_band_layer([band], name=f"{event['system']} range (min–max)"))
        elif rings:
            groups.append(maps.ring_layer(rings, name=f"{event['system']} range"))
        impact = impact_band(event, common.sources().to_dict("records"))
        if impact is not None:  # sources disagree, or only the sea is known: where it may have landed
            groups.append(maps.impact_band_layer([impact]))
        groups.append(maps.selected_layer(event))
        distance = event.get("distance_km")
        reach_km = max([r.radius_km for r in rings] + [float(distance) if pd.notna(distance) else 0.0])
        center, zoom = (float(event["lat"]), float(event["lon"])), maps.zoom_for_radius(reach_km or 300)
    else:
        extent = map_extent(common.store_version(), mask, selected)
        if extent is not None:
            center, zoom = extent
    return st_folium(
        base,
        feature_group_to_add=groups,
        layer_control=None if embed else folium.LayerControl(collapsed=True),
        returned_objects=[] if embed else ["last_object_clicked_popup"],
        use_container_width=True,
        height=620 if not embed else 640,
        center=center,
        zoom=zoom,
        key=map_key(),
    )


def map_key() -> str:
    return f"launch_map_{st.session_state.get(MAP_EPOCH, 0)}"


def take_map_click(known: set[str]) -> str | None:
    """The launch a new click on the map chose, or None.

    Read from the map's state before the map is drawn: the click's run draws the chosen launch and
    its card at once, where reading the map's return value afterwards cost a second run.
    """
    popup = str((st.session_state.get(map_key()) or {}).get("last_object_clicked_popup") or "")
    if not popup or popup == st.session_state.get(HANDLED_CLICK):
        return None
    st.session_state[HANDLED_CLICK] = popup
    clicked = EVENT_ID.search(popup)
    return clicked.group(1) if clicked and clicked.group(1) in known else None


def sources_table(event_sources: pd.DataFrame) -> pd.DataFrame:
    return common.sources_display(event_sources)


def status_lines(event: dict) -> list[str]:
    """Outcome (a partial failure says how many failed), report status and revisions, as markdown."""
    count = int(event.get("count") or 1)
    failed = event.get("failed_count")
    outcome = str(event.get("outcome") or "unknown")
    if outcome == "partial" and pd.notna(failed):
        outcome_text = f"partial failure: {int(failed)} of {count} missiles failed"
    elif outcome == "partial":
        outcome_text = f"partial failure (some of {count} missiles failed)"
    else:
        outcome_text = outcome
    lines = [
        f"**System** {common.plain(event['system'])} · **missiles** {count} · **outcome** {outcome_text} "
        f"· **{event['confirmation']}**"
    ]
    status = event.get("report_status")
    if isinstance(status, str) and status:
        lines.append(
            f"**Report status** {status}"
            + (" — first figures; they may be revised" if status == "preliminary" else "")
        )
    return lines


def revision_lines(event: dict) -> list[str]:
    """'Revised on 26 Nov 2026: distance 700 km (was 650 km)' for each stored change of a headline figure."""
    lines = []
    for change in figure_revisions(common.store_version(), str(event["id"])):
        name, unit = FIGURE_NAMES.get(change["column"], (change["column"].replace("_", " "), ""))
        when = pd.Timestamp(change["at"])
        lines.append(
            f"Revised on {when.day} {when:%b %Y}: {name} {common.display(change['new'], unit) or 'removed'} "
            f"(was {common.display(change['old'], unit) or 'not given'})"
        )
    return lines


def event_card(event: dict, all_launches: pd.DataFrame, all_sources: pd.DataFrame) -> None:
    sites = common.sites().set_index("id")
    site = sites.loc[event["site_id"]] if event["site_id"] in sites.index else None
    st.subheader(f"{common.plain(maps.event_label(event))} — {event['system_class']}")
    left, right = st.columns([3, 2])
    with left:
        st.markdown(f"**When** {common.format_times(event['launched_at'], event['launched_at_precision'])}")
        site_text = f"{site['name']} ({site['province']})" if site is not None else event["site_id"]
        st.markdown(f"**Site** {common.plain(site_text)} · {event['lat']:.3f}°N {event['lon']:.3f}°E")
        for line in status_lines(event):
            st.markdown(line)
        for line in revision_lines(event):
            st.markdown(f"*{common.plain(line)}*")
        if pd.notna(event.get("landing_area")):
            st.markdown(f"**Landed** {common.plain(event['landing_area'])}")
        st.caption(common.plain(impact_explanation(event)))
        if pd.notna(event.get("notes")) and str(event["notes"]).strip():
            st.caption(common.plain(event["notes"]))
    with right:
        trajectory_panel(event)
    if system_rings(event, common.systems().to_dict("records")):
        with st.expander("People within range of this system"):
            population_panel(event)
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
        column_config=common.SOURCE_COLUMN_CONFIG,
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
                    label=common.event_label_of(other["id"]),
                    query_params=state.link_params(LINK_PARAMS, event=other["id"]),
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
        st.info(f"No trajectory estimate: {common.plain(error)}")
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


def render_embed(selected: pd.DataFrame, event: dict | None, view: state.View) -> None:
    """The map, a title, the records' date and the credit: for an iframe or a clean screenshot.

    With ``event`` the map shows that launch alone, its rings and its figures, so it is the subject.
    """
    st.markdown(
        "<style>[data-testid='stSidebar'],[data-testid='stHeader'],[data-testid='stToolbar'],"
        "[data-testid='stSidebarCollapsedControl'],[data-testid='stExpandSidebarButton']{display:none} "
        ".block-container{padding:1rem 1rem 0}</style>",
        unsafe_allow_html=True,
    )
    default_title = maps.event_label(event) if event is not None else "North Korean missile launches"
    title = view.get("title", lambda v: v[:120], default_title)
    credit = view.get("credit", lambda v: v[:200], "")
    st.markdown(f"### {common.plain(title)}")
    if event is not None:
        shown = selected[selected["id"] == event["id"]]
        if shown.empty:
            everything = common.launches()  # one read: each is a copy of the cached table
            shown = everything[everything["id"] == event["id"]]
        figures = [
            common.format_times(event["launched_at"], event["launched_at_precision"]),
            common.display(event.get("distance_km"), "km flown"),
            common.display(event.get("apogee_km"), "km apogee"),
        ]
        st.markdown(" · ".join(common.plain(f) for f in figures if f))
        build_map(shown, event, show_rings=view.text("rings") != "off", embed=True)
        count = "1 launch event"
    else:
        build_map(selected, None, show_rings=False, embed=True)
        count = f"{len(selected)} launch events"
    parts = [credit, common.CREDIT, count, common.records_note_text()]
    st.caption(common.plain(" · ".join(p for p in parts if p)))


def view_address(params: dict[str, str], embed: bool = False) -> str:
    """The address that reopens this view (``embed``: the map-only view for an iframe)."""
    from urllib.parse import urlencode, urlsplit

    here = urlsplit(st.context.url or "http://localhost:8501/")
    query = urlencode({**params, "view": "embed"} if embed else params)
    return f"{here.scheme}://{here.netloc}/" + (f"?{query}" if query else "")


def embed_snippet(params: dict[str, str]) -> str:
    """An iframe element an editor can paste into an article to show the embed view of ``params``."""
    from html import escape

    return (
        f'<iframe src="{escape(view_address(params, embed=True))}" '
        f'title="{escape(params.get("title") or "launchmap map")}" '
        'width="100%" height="760" style="border:0" loading="lazy"></iframe>'
    )


def main() -> None:
    view = state.View()
    all_launches = common.launches()
    all_sources = common.sources()
    selection = sidebar_filters(all_launches, view)
    selected = selection.launches
    known = set(all_launches["id"])
    event_id = view.get("event", lambda v: v if v in known else _unknown_event(v))
    view.keep("event", event_id)
    # `view=embed`, not `embed`: Streamlit reserves `embed` and hides it from st.query_params.
    embed = view.get("view", lambda v: v == "embed" or _raise_view(v), False)
    view.keep("view", "embed" if embed else None)
    if view.loaded:  # the URL chose the selection: a click the map still remembers is not a choice
        st.session_state[MAP_EPOCH] = st.session_state.get(MAP_EPOCH, 0) + 1
    clicked_id = take_map_click(known)
    if clicked_id is not None and clicked_id != event_id:
        event_id = clicked_id
        view.keep("event", event_id)
    event = all_launches[all_launches["id"] == event_id].iloc[0].to_dict() if event_id else None
    view.seed("m_rings", lambda: view.text("rings") != "off")
    if embed:
        view.text("title"), view.text("credit"), view.text("rings")
        render_embed(selected, event, view)
        view.show_notices()
        return
    common.page_header(
        "North Korean missile launches",
        f"{selection.description} — click a track or impact point for its card. Works offline; "
        "online tile layers are optional (layer button, top right).",
    )
    view.show_notices()
    key_figures(selected)
    if selected.empty:
        st.info(empty_notice(selection, all_launches))
    show_rings = st.toggle(
        "Show range rings of the selected event's system", key="m_rings", disabled=event is None
    )
    view.keep("rings", None if show_rings else "off")
    build_map(selected, event, show_rings, all_launches=all_launches)
    year_strip(all_launches, selection)
    if event is not None:
        event_card(event, all_launches, all_sources)
        export, clear = st.columns([1, 4])
        export.page_link(
            "app_pages/export.py",
            label="Export this launch",
            query_params=state.link_params(FILTER_PARAMS, event=event["id"]),
        )
        if clear.button("Clear selection"):
            view.keep("event", None)
            st.session_state[MAP_EPOCH] = st.session_state.get(MAP_EPOCH, 0) + 1
            st.rerun()
    with st.expander("Share or embed this view"):
        params = state.link_params(LINK_PARAMS, event=event_id)
        st.markdown("**Link to this view** (filters, selected launch and rings as they are now):")
        st.code(view_address(params), language=None)
        st.markdown(
            "**Embed in an article**: paste this into the page's HTML. It shows the map, the title, the "
            "records' date and the credit; add `&title=…` and `&credit=…` to the address to set them."
        )
        st.code(embed_snippet(params), language="html")


def _raise_view(value: str) -> bool:
    raise ValueError(f"expected view=embed, got {value[:20]!r}")


def _unknown_event(value: str) -> str:
    raise ValueError(f"no launch event with id {value[:60]!r}")


main()
