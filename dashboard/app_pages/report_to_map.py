"""Report to map: paste or upload a news report, check the drafted launch on the map, correct it, save it.

Thin page: the drafting is :func:`geodata.reports.extract.extract_events`; saving is
:meth:`geodata.store.Store.add_launch` (validation and audit as for any edit). Every value
in the form shows the words it came from, highlighted in the report text.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from urllib.parse import quote

import folium
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError
from streamlit_folium import st_folium

from dashboard import common
from geodata.errors import InvalidEvent, LaunchmapError
from geodata.events import launch_id
from geodata.geo.geodesy import track
from geodata.render import leaflet as maps
from geodata.reports.dates import find_dateline
from geodata.reports.extract import MAX_INPUT_CHARS, extract_events, launch_row, source_rows
from geodata.schema import CONFIRMATIONS, LANDING_AREAS, OUTCOMES, PRECISIONS, SYSTEM_CLASSES
from geodata.tracks import impact_explanation, impact_fields, impact_point
from geodata.units import float_or_nan

FIELD_COLOURS = {  # one colour per kind of value, so the report shows what each phrase gave
    "launched_at": "#ffe08a",
    "launched_at_time": "#ffe08a",
    "site_id": "#b5e3b0",
    "system": "#c9d7ff",
    "system_class": "#c9d7ff",
    "count": "#f5c2e7",
    "distance_km": "#ffc9a8",
    "apogee_km": "#ffc9a8",
    "landing_area": "#b8ecf0",
    "bearing_deg": "#b8ecf0",
    "outcome": "#e0c8ff",
    "confirmation": "#e0c8ff",
    "notes": "#e6e6e6",
}


@st.cache_data(show_spinner=False, max_entries=32)
def draft(text: str, published: dt.date, version: int) -> dict:
    """Extraction as a plain dict (cached per text, date and store version); errors come back as a message."""
    try:
        return extract_events(text, published, gazetteer(version)).to_dict()
    except LaunchmapError as error:
        return {"error": str(error), "events": [], "warnings": []}


@st.cache_resource(max_entries=2)
def gazetteer(version: int):
    """Sites and places of the store at ``version`` (a new site added on the Data page is found at once)."""
    from geodata.geo.places import Gazetteer

    store = common.get_store()
    return Gazetteer.from_frames(store.sites(), store.places())


def highlight(text: str, evidence: dict) -> str:
    """The report as HTML with each evidence span in a <mark> titled by its field; all text escaped."""
    spans = sorted(
        (
            (int(s["start"]), int(s["end"]), field)
            for field, s in evidence.items()
            if 0 <= s["start"] < s["end"]
        ),
        key=lambda item: (item[0], -item[1]),
    )
    parts, cursor = [], 0
    for start, end, field in spans:
        if start < cursor:  # overlapping spans: the earlier one keeps the words
            continue
        parts.append(html.escape(text[cursor:start]))
        colour = FIELD_COLOURS.get(field, "#eee")
        parts.append(
            f'<mark title="{html.escape(field)}" style="background:{colour}">{html.escape(text[start:end])}</mark>'
        )
        cursor = end
    parts.append(html.escape(text[cursor:]))
    return '<div style="white-space:pre-wrap;line-height:1.6">' + "".join(parts) + "</div>"


def draft_layer(events: list[dict]) -> folium.FeatureGroup:
    """Launch points, estimated impact points and the great-circle line between them, for every draft event."""
    group = folium.FeatureGroup(name="Draft", show=True)
    for number, event in enumerate(events, start=1):
        if event.get("lat") is None or event.get("lon") is None:
            continue
        label = html.escape(
            f"Draft {number}: {event.get('system')} · {event.get('launched_at') or 'date unknown'}"
        )
        folium.CircleMarker(
            (event["lat"], event["lon"]),
            radius=7,
            color="#b00",
            weight=2,
            fill=True,
            fill_color="#fff",
            fill_opacity=1,
            tooltip=label,
        ).add_to(group)
        impact, _ = impact_point(event)
        if impact is not None:
            points = track((event["lat"], event["lon"]), impact)
            folium.PolyLine(
                points,
                color="#b00",
                weight=2,
                dash_array="6 5",
                tooltip=html.escape(impact_explanation(event)),
            ).add_to(group)
            folium.CircleMarker(
                impact,
                radius=5,
                color="#b00",
                fill=True,
                fill_opacity=0.6,
                tooltip=html.escape(impact_explanation(event)),
            ).add_to(group)
    return group


def map_centre(events: list[dict]) -> tuple[float, float]:
    """Midpoint of the drafted launch and impact points (North Korea's east coast when there are none)."""
    impacts = [impact_point(e)[0] for e in events]
    points = [(e["lat"], e["lon"]) for e in events if e.get("lat") is not None] + [
        p for p in impacts if p is not None
    ]
    if not points:
        return (39.5, 130.0)
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def show_map(events: list[dict]) -> None:
    base = maps.base_map(
        vendor_url=common.VENDOR_URL,
        basemap_url=common.BASEMAP_URL,
        online_tiles=False,
        legend_classes=(),
        center=map_centre(events),
        zoom=5,
    )
    st_folium(
        base,
        feature_group_to_add=[draft_layer(events)],
        returned_objects=[],
        use_container_width=True,
        height=420,
        key="report_map",
    )


def _evidence_caption(event: dict, *fields: str) -> str:
    quoted = [f"«{event['evidence'][f]['text']}»" for f in fields if f in event.get("evidence", {})]
    return "from " + ", ".join(quoted) if quoted else "not in the text"


def _number(value) -> float | None:
    number = float_or_nan(value)
    return None if math.isnan(number) else number


def event_form(number: int, event: dict, published: dt.date, outlet: str, url: str) -> None:
    """Editable form for one draft event; Save validates and stores it, then links to the launch map."""
    sites = common.sites()
    systems = common.systems()
    site_ids = ["", *sites["id"]]
    system_names = sorted(set(systems["name"]) | {event.get("system") or ""})
    drafted_id = launch_row(event)["id"]
    if drafted_id and drafted_id in set(common.launches()["id"]):
        st.warning(
            f"A launch {drafted_id!r} is already stored. If this report is about the same launch, correct "
            "that one on the Data page instead; saving here adds a second event."
        )
    with st.form(f"event_{number}"):
        st.markdown(f"**Draft event {number}**")
        left, middle, right = st.columns(3)
        launched_at = left.text_input(
            "Launched at (UTC, ISO)",
            event.get("launched_at") or "",
            help=_evidence_caption(event, "launched_at", "launched_at_time"),
        )
        precision = left.selectbox(
            "Precision", PRECISIONS, index=PRECISIONS.index(event.get("launched_at_precision") or "day")
        )
        site_id = middle.selectbox(
            "Site",
            site_ids,
            index=site_ids.index(event["site_id"]) if event.get("site_id") in site_ids else 0,
            format_func=lambda s: common.site_names().get(s, s) if s else "— not found in the text —",
            help=_evidence_caption(event, "site_id"),
        )
        lat = middle.number_input("Launch latitude", value=_number(event.get("lat")), format="%.4f")
        lon = middle.number_input("Launch longitude", value=_number(event.get("lon")), format="%.4f")
        system = right.selectbox(
            "System",
            system_names,
            index=system_names.index(event.get("system") or ""),
            help=_evidence_caption(event, "system"),
        )
        system_class = right.selectbox(
            "Class",
            SYSTEM_CLASSES,
            index=SYSTEM_CLASSES.index(event.get("system_class") or "unknown"),
            help=_evidence_caption(event, "system_class"),
        )
        count = right.number_input(
            "Missiles",
            min_value=1,
            max_value=100,
            step=1,
            value=event.get("count"),
            help=_evidence_caption(event, "count"),
        )
        left, middle, right = st.columns(3)
        distance_km = left.number_input(
            "Distance (km)",
            min_value=0.0,
            value=_number(event.get("distance_km")),
            help=_evidence_caption(event, "distance_km"),
        )
        apogee_km = left.number_input(
            "Apogee (km)",
            min_value=0.0,
            value=_number(event.get("apogee_km")),
            help=_evidence_caption(event, "apogee_km"),
        )
        bearing_deg = middle.number_input(
            "Bearing (°)",
            min_value=0.0,
            max_value=360.0,
            value=_number(event.get("bearing_deg")),
            help=_evidence_caption(event, "bearing_deg"),
        )
        areas = ["", *LANDING_AREAS]
        landing_area = middle.selectbox(
            "Landing area",
            areas,
            index=areas.index(event.get("landing_area") or ""),
            help=_evidence_caption(event, "landing_area"),
        )
        outcome = right.selectbox(
            "Outcome",
            OUTCOMES,
            index=OUTCOMES.index(event.get("outcome") or "unknown"),
            help=_evidence_caption(event, "outcome"),
        )
        confirmation = right.selectbox(
            "Confirmation",
            CONFIRMATIONS,
            index=CONFIRMATIONS.index(event.get("confirmation") or "confirmed"),
            help=_evidence_caption(event, "confirmation"),
        )
        notes = st.text_input("Notes", event.get("notes") or "")
        if event.get("sources"):
            st.dataframe(
                common.sources_display(pd.DataFrame(event["sources"])),
                hide_index=True,
                width="stretch",
                column_config=common.SOURCE_COLUMN_CONFIG,
            )
        saved = st.form_submit_button("Save to the store", type="primary")
    if saved:
        edited = {
            **event,
            "launched_at": launched_at or None,
            "launched_at_precision": precision,
            "site_id": site_id or None,
            "lat": lat,
            "lon": lon,
            "system": system or None,
            "system_class": system_class,
            "count": count,
            "distance_km": distance_km,
            "apogee_km": apogee_km,
            "bearing_deg": bearing_deg,
            "landing_area": landing_area or None,
            "outcome": outcome,
            "confirmation": confirmation,
            "notes": notes or None,
            "id": None,
        }
        edited.update(impact_fields(edited))
        save(edited, published, outlet, url)


def save(event: dict, published: dt.date, outlet: str, url: str) -> None:
    row = launch_row(event)
    if row["launched_at"] and row["site_id"]:
        row["id"] = launch_id(
            row["launched_at"], row["launched_at_precision"], row["site_id"], set(common.launches()["id"])
        )
    try:
        saved_id = common.get_store().add_launch(
            row, source_rows({**event, "id": row["id"]}, published, outlet, url), actor="report-to-map"
        )
    except InvalidEvent as error:
        st.error(f"Not saved: {common.plain(error)}")
        for problem in error.errors[:10]:
            st.caption(html.escape(str(problem)))
        return
    except LaunchmapError as error:
        st.error(f"Not saved: {common.plain(error)}")
        return
    common.refresh()
    st.success(f"Saved as {saved_id}.")
    link = f"Open {saved_id} on the launch map"
    try:
        st.page_link("app_pages/launch_map.py", label=link, query_params={"event": saved_id})
    except StreamlitPageNotFoundError:  # the page run on its own (tests), outside st.navigation
        st.markdown(f"[{link}](launch_map?event={quote(saved_id)})")


def main() -> None:
    common.page_header(
        "Report to map",
        "Paste a wire report: the launch is drafted with every value traced to its words. "
        "Check it, correct it, save it.",
    )
    upload = st.file_uploader("Upload a report (.txt)", type=["txt"])
    text = st.text_area("…or paste the report text", height=220, key="report_text", max_chars=MAX_INPUT_CHARS)
    if upload is not None:
        try:
            text = upload.getvalue().decode("utf-8")
        except UnicodeDecodeError:
            st.error("The uploaded file is not UTF-8 text; save it as plain text and upload it again.")
            return
    # The dateline ("SEOUL, Nov. 7 (Yonhap) --") dates the copy and names the agency; today otherwise.
    line = find_dateline(text, dt.date.today()) if text.strip() else None
    left, middle, right = st.columns(3)
    published = left.date_input(
        "Publication date (Korea)",
        value=line.day if line and line.day else dt.date.today(),
        format="YYYY-MM-DD",
        help="Read from the report's dateline when it has one; otherwise today.",
    )
    outlet = middle.text_input(
        "Outlet", value=(line.outlet or "") if line else "", placeholder="e.g. Yonhap, AP"
    )
    url = right.text_input("Address of the report", placeholder="https://…")
    if not text.strip():
        st.info("Paste or upload a report to draft the launch.")
        return
    result = draft(text, published, common.store_version())
    if result.get("error"):
        st.error(result["error"])
        return
    for warning in result["warnings"]:
        st.warning(warning)
    events = result["events"]
    if not events:
        return
    show_map(events)
    for number, event in enumerate(events, start=1):
        with st.expander(f"Words behind draft event {number}", expanded=number == 1):
            st.markdown(highlight(text, event.get("evidence", {})), unsafe_allow_html=True)
        event_form(number, event, published, outlet, url)


if __name__ == "__main__":  # Streamlit runs pages as __main__; tests import the helpers above
    main()
