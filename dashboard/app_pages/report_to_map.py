"""Report to map: paste or upload news reports, review the queued drafts, accept, edit or reject each.

Thin page: drafting, matching stored events and the decisions are :mod:`geodata.reports.review`
(the queue lives in the store, so a draft waits for a person however many app servers run);
saving goes through the store (validation and audit as for any edit). Every value in a draft
shows the words it came from, highlighted in the report text; a revision shows its diff.
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
from geodata.geo.geodesy import track
from geodata.render import leaflet as maps
from geodata.reports import review
from geodata.reports.dates import find_dateline
from geodata.reports.documents import REPORT_SUFFIXES, read_report
from geodata.reports.extract import MAX_INPUT_CHARS
from geodata.schema import CONFIRMATIONS, LANDING_AREAS, OUTCOMES, PRECISIONS, SYSTEM_CLASSES
from geodata.tracks import impact_explanation, impact_point
from geodata.units import float_or_nan, is_missing

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


@st.cache_resource(max_entries=2)
def gazetteer(version: int):
    """Sites and places of the store at ``version`` (a new site added on the Data page is found at once)."""
    from geodata.geo.places import Gazetteer

    store = common.get_store()
    return Gazetteer.from_frames(store.sites(), store.places())


def highlight(text: str, evidence: dict, readings: dict | None = None) -> str:
    """The report as HTML with each evidence span in a <mark> titled by its field, and each other reading (see
    ``describe_readings``) outlined in its field's colour and titled "also ..."; all text escaped."""
    marks = [(s, f"background:{FIELD_COLOURS.get(field, '#eee')}", field) for field, s in evidence.items()]
    marks += [
        (
            r,
            f"background:transparent;color:inherit;outline:2px dashed {FIELD_COLOURS.get(field, '#999')}",
            f"also {review.field_label(field)}: {review.reading_value(r)}",
        )
        for field, rs in (readings or {}).items()
        for r in rs
    ]
    spans = sorted(
        (
            (int(s["start"]), int(s["end"]), style, title)
            for s, style, title in marks
            if 0 <= s["start"] < s["end"]
        ),
        key=lambda item: (item[0], -item[1]),
    )
    parts, cursor = [], 0
    for start, end, style, title in spans:
        if start < cursor:  # overlapping spans: the earlier one keeps the words
            continue
        parts.append(html.escape(text[cursor:start]))
        parts.append(
            f'<mark title="{html.escape(title)}" style="{style}">{html.escape(text[start:end])}</mark>'
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


def _changed(draft: dict, edited: dict) -> dict:
    """The fields the editor changed in the form (figures compared as numbers, blanks as None)."""
    changes = {}
    for name, value in edited.items():
        old = draft.get(name)
        if isinstance(value, float) and isinstance(old, int | float) and not isinstance(old, bool):
            if math.isclose(value, float(old), rel_tol=1e-9, abs_tol=1e-9):
                continue
        elif (value in ("", None) and old in ("", None)) or value == old:
            continue
        changes[name] = value
    return changes


def draft_form(item: dict, event: dict) -> tuple[str | None, dict, str]:
    """The editable draft of one queued item; returns (action, edits, reason) when a button was pressed."""
    sites = common.sites()
    systems = common.systems()
    site_ids = ["", *sites["id"]]
    system_names = sorted(set(systems["name"]) | {event.get("system") or ""})
    number = item["id"]
    with st.form(f"review_{number}"):
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
        reason = st.text_input("Why reject (optional)", key=f"reason_{number}")
        accept_column, reject_column = st.columns(2)
        label = "Accept the revision" if item["kind"] == "revision" else "Accept and save"
        accepted = accept_column.form_submit_button(label, type="primary")
        rejected = reject_column.form_submit_button("Reject")
    if not (accepted or rejected):
        return None, {}, ""
    edited = {
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
    }
    return ("accept" if accepted else "reject"), _changed(event, edited), reason


def shown_event(item: dict) -> dict:
    """What the form starts from: the draft, or for a revision the stored event with the changes that apply."""
    if item["kind"] != "revision":
        return item["draft"]
    stored = common.get_store().launch(str(item["target_id"])) or {}
    event = {k: (None if is_missing(v) else v) for k, v in stored.items()}
    if event.get("launched_at") is not None:
        event["launched_at"] = pd.Timestamp(event["launched_at"]).strftime("%Y-%m-%dT%H:%M:%SZ")
    for change in item["changes"]:
        if change["applies"]:
            event[change["field"]] = change["new"]
    return {**event, "sources": item["draft"].get("sources"), "evidence": item["draft"].get("evidence", {})}


def decide(item: dict, action: str, edits: dict, reason: str) -> None:
    """Record the editor's decision; the notice survives the rerun that drops the item from the queue.

    ``edits`` are the fields the editor changed from what the form showed (for a revision: the
    stored event with the diff applied), so a revised figure typed over is the editor's figure.
    """
    store = common.get_store()
    try:
        if action == "reject":
            review.reject(store, item["id"], reason or None, actor="report-to-map")
            notice = ("info", f"Rejected draft {item['id']}: nothing was saved.", None)
        else:
            decided = review.accept(store, item["id"], edits, actor="report-to-map")
            verb = "Revised" if item["kind"] == "revision" else "Saved as"
            notice = ("success", f"{verb} {decided['launch_id']}.", decided["launch_id"])
    except InvalidEvent as error:
        st.error(f"Not saved: {common.plain(error)}")
        for problem in error.errors[:10]:
            st.caption(html.escape(str(problem)))
        return
    except LaunchmapError as error:
        st.error(f"Not saved: {common.plain(error)}")
        return
    common.refresh()
    st.session_state["review_notice"] = notice
    st.rerun()


def show_notice() -> None:
    notice = st.session_state.get("review_notice")
    if not notice:
        return
    kind, message, saved_id = notice
    (st.success if kind == "success" else st.info)(message)
    if saved_id:
        link = f"Open {saved_id} on the launch map"
        try:
            st.page_link("app_pages/launch_map.py", label=link, query_params={"event": saved_id})
        except StreamlitPageNotFoundError:  # the page run on its own (tests), outside st.navigation
            st.markdown(f"[{link}](launch_map?event={quote(saved_id)})")


def show_diff(item: dict) -> None:
    """A revision's field-by-field diff: what changes, and figures kept beside the headline."""
    st.markdown(f"**Revision of stored event `{item['target_id']}`** — not a new event.")
    if not item["changes"]:
        st.caption("No field changes: accepting adds this report's sources to the stored event.")
        return
    rows = [
        {
            "field": review.field_label(c["field"]),
            "stored": common.display(c["old"]) if c["old"] is not None else "—",
            "reported": common.display(c["new"]),
            "source": c["source"],
            "on accept": "changes" if c["applies"] else "kept beside the headline",
        }
        for c in item["changes"]
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    for change in item["changes"]:
        st.caption(review.describe_change(change))


def _fill_from_dateline(text: str) -> None:
    """A pasted text's dateline fills the publication date and outlet, still editable.

    Only when what the dateline gives changes: fixing a typo in the text keeps a date the editor set.
    """
    line = find_dateline(text, dt.date.today()) if text.strip() else None
    derived = (line.day if line and line.day else dt.date.today(), (line.outlet or "") if line else "")
    if st.session_state.get("_report_dateline") != derived:
        st.session_state["_report_dateline"] = derived
        st.session_state["report_published"], st.session_state["report_outlet"] = derived


def _add_to_queue() -> None:
    """The 'Add' button's callback. It runs before the page does, so the run that follows shows the
    queued draft and an empty box: one script run, where queueing in the page and rerunning took two."""
    text = st.session_state.get("report_text", "")
    _fill_from_dateline(text)  # the text and the click can arrive in one run, the text's callback unrun
    reports, unreadable = [], []
    for upload in st.session_state.get("report_uploads") or []:
        try:
            reports.append(read_report(upload.getvalue(), upload.name))
        except LaunchmapError as error:  # too large, a bad date header: refused by name, the rest go on
            unreadable.append(str(error))
    if text.strip():
        published = st.session_state.get("report_published") or dt.date.today()
        outlet, url = st.session_state.get("report_outlet"), st.session_state.get("report_url")
        reports.append(review.Report(text, published, None, outlet or None, url or None))
    try:
        result = review.queue_reports(common.get_store(), reports, gazetteer=gazetteer(common.store_version()),
                                      actor="report-to-map")  # fmt: skip
    except LaunchmapError as error:
        st.session_state["queue_notice"] = ([str(error)], [], [], [])
        return
    st.session_state["queue_notice"] = (
        [*unreadable, *result.refused],
        result.warnings,
        result.queued,
        result.redrafted,
    )
    if result.queued or result.redrafted:
        common.refresh()
        st.session_state["report_text"] = st.session_state["report_url"] = ""  # the next report starts empty
        _fill_from_dateline("")


def queue_form() -> None:
    """Paste or upload reports and queue their drafts; nothing is saved until someone decides."""
    uploads = st.file_uploader(
        "Upload reports (.txt, .eml, .html)",
        type=[suffix.lstrip(".") for suffix in REPORT_SUFFIXES],
        accept_multiple_files=True,
        key="report_uploads",
        help="Text files, e-mails or saved web pages of news reports; each is dated and named by its own "
        "header, e-mail headers or page metadata, else by its dateline.",
    )
    text = st.text_area("…or paste a report", height=200, key="report_text", max_chars=MAX_INPUT_CHARS)
    _fill_from_dateline(text)
    left, middle, right = st.columns(3)
    left.date_input(
        "Publication date (Korea)",
        key="report_published",
        format="YYYY-MM-DD",
        help="Of the pasted report: read from its dateline when it has one; otherwise today. "
        "Uploaded files are dated by their own datelines.",
    )
    middle.text_input("Outlet", key="report_outlet", placeholder="e.g. Yonhap, AP")
    right.text_input("Address of the report", key="report_url", placeholder="https://…")
    st.button(
        "Add to the review queue",
        type="primary",
        disabled=not (text.strip() or uploads),
        on_click=_add_to_queue,
    )
    if "queue_notice" in st.session_state:
        show_queued(*st.session_state.pop("queue_notice"))


def show_queued(refused: list[str], warnings: list[str], queued: list[int], redrafted: list[int]) -> None:
    """What the last 'Add to the review queue' did: refusals by name, warnings, what was queued."""
    for refusal in refused:  # names files and quotes their text: shown as typed, never as markdown
        st.error(common.plain(refusal))
    for warning in warnings:
        st.warning(common.plain(warning))
    if queued or redrafted:
        st.success(
            f"Queued {len(queued)} draft(s) for review"
            + (f"; {len(redrafted)} waiting draft(s) gained a copy" if redrafted else "")
            + ". Nothing is saved until you accept it below."
        )
    elif not refused:
        st.info("No launch to queue in what was given.")


def show_readings(draft: dict) -> None:
    """The other values the reports give for the day, class or count: the fields to check first."""
    lines = review.describe_readings(draft)
    if lines:
        st.warning(
            "**Check before accepting** — the reports also give:\n"
            + "\n".join(f"- {common.plain(line)}" for line in lines)
        )


def show_queue() -> None:
    pending = review.ReviewQueue(common.get_store()).items("pending")
    st.subheader(f"Review queue ({len(pending)} waiting)")
    show_notice()
    if not pending:
        st.caption("No drafts waiting. Paste or upload reports above.")
        return
    show_map([item["draft"] for item in pending])
    for item in pending:
        with st.container(border=True, key=f"review_item_{item['id']}"):
            kind = "revision" if item["kind"] == "revision" else "new event"
            st.markdown(f"**Draft {item['id']}** · {kind} · {html.escape(item['title'])} · preliminary")
            if item["kind"] == "revision":
                show_diff(item)
            for report in item["reports"][:5]:
                evidence = item["draft"].get("evidence_by_report", {}).get(report["name"]) or (
                    item["draft"].get("evidence", {})
                    if report["name"] == (item["draft"].get("reports") or [None])[0]
                    else {}
                )
                readings = {  # the other readings in this report's words
                    field: [r for r in rs if r.get("report") in (None, report["name"])]
                    for field, rs in (item["draft"].get("other_readings") or {}).items()
                }
                with st.expander(
                    f"Words behind it: {report['name']} ({report.get('outlet') or 'outlet unknown'})"
                ):
                    st.markdown(highlight(report["text"], evidence, readings), unsafe_allow_html=True)
            show_readings(item["draft"])
            action, edits, reason = draft_form(item, shown_event(item))
            if action:
                decide(item, action, edits, reason)


def show_decided() -> None:
    decided = review.ReviewQueue(common.get_store()).items(None)
    decided = [i for i in decided if i["status"] != "pending"][-10:]
    if decided:
        with st.expander(f"Decided recently ({len(decided)})"):
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            "draft": i["id"],
                            "what": i["title"],
                            "decision": i["decision"],
                            "by": i["decided_by"],
                            "at (UTC)": i["decided_at"],
                            "event": i["launch_id"] or "",
                            "why": i["reason"] or "",
                        }
                        for i in reversed(decided)
                    ]
                ),
                hide_index=True,
                width="stretch",
            )


def main() -> None:
    common.page_header(
        "Report to map",
        "Paste or upload wire reports: each launch is drafted with every value traced to its words, "
        "copies of one launch become one draft, and a report about a stored launch is proposed as its "
        "revision. Drafts wait here until you accept, edit or reject them.",
    )
    queue_form()
    show_queue()
    show_decided()


if __name__ == "__main__":  # Streamlit runs pages as __main__; tests import the helpers above
    main()
