"""Data: upload files with a validation report before anything is written, add and edit launches, audit log."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pandas as pd
import streamlit as st

from dashboard import common
from geodata.errors import InvalidEvent, InvalidFile, LaunchmapError, StaleEdit
from geodata.events import stale_preliminary
from geodata.formats.reader import MAX_FILE_BYTES, read_launch_file
from geodata.schema import (
    CONFIRMATIONS,
    IMPACT_BASES,
    LANDING_AREAS,
    OUTCOMES,
    PRECISIONS,
    SOURCE_KINDS,
    SYSTEM_CLASSES,
)
from geodata.units import is_missing


def upload_section() -> None:
    st.subheader("Import a file")
    st.caption(
        f"CSV or XLSX in the launchmap layout or the CNS/NTI *North Korea Missile Test Database* layout, "
        f"or JSON/GeoJSON exported by launchmap. Up to {MAX_FILE_BYTES // 1_000_000} MB. "
        "Nothing is written until you confirm; an import writes all its valid rows or nothing."
    )
    upload = st.file_uploader("Launch file", type=["csv", "xlsx", "json", "geojson"], key="upload")
    if upload is None:
        return
    data = upload.getvalue()
    try:
        parsed = read_launch_file(data=data, name=upload.name)
    except InvalidFile as error:
        st.error(f"Cannot read {common.plain(upload.name)}: {common.plain(error)}")
        return
    store = common.get_store()
    report = store.import_launches(parsed.launches, parsed.sources, dry_run=True)
    errors = parsed.errors + report.errors
    st.markdown(
        f"**{common.plain(upload.name)}** — format *{parsed.format}*: {len(report.inserted)} new event(s) ready, "
        f"{len(report.unchanged)} already stored unchanged, {len(errors)} row error(s)."
    )
    for warning in parsed.warnings:
        st.warning(common.plain(warning))
    if report.systems_added:
        st.info(
            "New systems will be added to the catalogue: "
            + ", ".join(map(common.plain, report.systems_added))
        )
    if errors:
        st.dataframe(pd.DataFrame([e.as_dict() for e in errors]), hide_index=True, width="stretch")
    if report.inserted:
        preview = parsed.launches[parsed.launches["id"].astype(str).isin(report.inserted)]
        st.dataframe(preview, hide_index=True, width="stretch", height=220)
    skip = False
    if errors:
        skip = st.checkbox("Import only the valid rows and skip the rows listed above")
    disabled = not report.inserted or (bool(errors) and not skip)
    if st.button(f"Import {len(report.inserted)} event(s)", type="primary", disabled=disabled):
        try:
            result = store.import_launches(
                parsed.launches, parsed.sources, actor=f"upload:{upload.name}", skip_invalid=skip
            )
        except LaunchmapError as error:  # invalid rows, or a store that refuses the write (full, read-only)
            st.error(f"Nothing was written: {common.plain(error)}")
            return
        common.refresh()
        st.success(f"Imported {len(result.inserted)} event(s).")


def event_form(existing: dict | None) -> dict | None:
    """The add/edit form; returns the submitted row (not yet validated) or None."""
    sites, systems = common.sites(), common.systems()
    site_ids = list(sites["id"])
    existing = existing or {}
    when = pd.Timestamp(existing.get("launched_at") or datetime.now(UTC))
    with st.form("event_form", clear_on_submit=False):
        a, b, c = st.columns(3)
        event_id = a.text_input(
            "ID",
            value=existing.get("id", ""),
            disabled=bool(existing),
            help="date then a short slug, e.g. 2025-11-07-taegwan",
        )
        day = b.date_input("Date (UTC)", value=when.date(), min_value=datetime(1984, 1, 1).date())
        clock = c.time_input("Time (UTC)", value=time(when.hour, when.minute), step=60)
        precision = a.selectbox(
            "Time precision",
            PRECISIONS,
            index=PRECISIONS.index(existing.get("launched_at_precision", "minute")),
        )
        site_id = b.selectbox(
            "Site",
            site_ids,
            index=site_ids.index(existing["site_id"]) if existing.get("site_id") in site_ids else 0,
        )
        site_row = sites[sites["id"] == site_id].iloc[0]
        names = list(systems["name"])
        system = c.selectbox(
            "System", names, index=names.index(existing["system"]) if existing.get("system") in names else 0
        )
        lat = a.number_input(
            "Launch lat (°N)", value=float(existing.get("lat", site_row["lat"])), format="%.4f"
        )
        lon = b.number_input(
            "Launch lon (°E)", value=float(existing.get("lon", site_row["lon"])), format="%.4f"
        )
        system_class = c.selectbox(
            "Class", SYSTEM_CLASSES, index=SYSTEM_CLASSES.index(existing.get("system_class", "SRBM"))
        )
        count = a.number_input(
            "Missiles", min_value=1, max_value=100, value=int(existing.get("count", 1) or 1)
        )
        distance = b.number_input(
            "Distance (km)", min_value=0.0, value=_num(existing.get("distance_km")), step=10.0
        )
        apogee = c.number_input("Apogee (km)", min_value=0.0, value=_num(existing.get("apogee_km")), step=5.0)
        bearing = a.number_input(
            "Bearing (°)", min_value=0.0, max_value=360.0, value=_num(existing.get("bearing_deg"))
        )
        landing = b.selectbox(
            "Landing area",
            ("", *LANDING_AREAS),
            index=(
                ("", *LANDING_AREAS).index(existing["landing_area"])
                if existing.get("landing_area") in LANDING_AREAS
                else 0
            ),
        )
        basis = c.selectbox(
            "Impact point", IMPACT_BASES, index=IMPACT_BASES.index(existing.get("impact_basis", "estimated"))
        )
        outcome = a.selectbox("Outcome", OUTCOMES, index=OUTCOMES.index(existing.get("outcome", "success")))
        confirmation = b.selectbox(
            "Confirmation",
            CONFIRMATIONS,
            index=CONFIRMATIONS.index(existing.get("confirmation", "confirmed")),
        )
        notes = st.text_area("Notes", value=str(existing.get("notes") or ""))
        source_fields = {}
        if not existing:
            st.markdown("**Source** (required for a new launch)")
            s1, s2, s3 = st.columns(3)
            source_fields = {
                "source": s1.text_input("Who said it", placeholder="ROK JCS, Japan MoD, Reuters…"),
                "source_kind": s2.selectbox("Kind", SOURCE_KINDS),
                "published_on": s3.date_input("Published", value=when.date()).isoformat(),
                "url": st.text_input("URL"),
            }
        submitted = st.form_submit_button("Save", type="primary")
    if not submitted:
        return None
    row = {
        "id": existing.get("id") or event_id.strip(),
        "launched_at": pd.Timestamp.combine(day, clock).tz_localize("UTC")
        if precision == "minute"
        else pd.Timestamp(day).tz_localize("UTC"),
        "launched_at_precision": precision,
        "site_id": site_id,
        "lat": lat,
        "lon": lon,
        "system": system,
        "system_class": system_class,
        "count": count,
        "distance_km": distance or None,
        "apogee_km": apogee or None,
        "bearing_deg": bearing or None,
        "landing_area": landing or None,
        "impact_basis": basis,
        "outcome": outcome,
        "confirmation": confirmation,
        "notes": notes or None,
    }
    return {"row": row, "source": source_fields}


def _same(new: object, old: object) -> bool:
    """Whether a form value equals the stored one (empty and missing agree; numbers to 1e-9)."""
    if is_missing(new) or is_missing(old):
        return is_missing(new) and is_missing(old)
    if isinstance(new, (int, float)) and isinstance(old, (int, float)):
        return abs(float(new) - float(old)) <= 1e-9
    if isinstance(new, pd.Timestamp) or isinstance(old, pd.Timestamp):
        return pd.Timestamp(new) == pd.Timestamp(old)
    return str(new) == str(old)


def _num(value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if pd.isna(number) else number


EDIT_BASE = "data_edit_base"  # {"id", "version"}: the stored version the form was opened on
STALE = "data_stale_edit"  # {"id", "changes", "stored_version"}: an edit refused as based on an old version


def editor_name() -> str | None:
    """Who is editing, from the login header a reverse proxy sets; else the store names the OS user."""
    try:
        return st.context.headers.get("X-Forwarded-User") or None
    except (AttributeError, RuntimeError):  # no request context (tests run the page bare)
        return None


def _base_version(store: object, launch_id: str) -> int | None:
    """The version the editor opened, read fresh once per chosen launch (never on the editor's reruns)."""
    base = st.session_state.get(EDIT_BASE)
    if not base or base.get("id") != launch_id:
        record = store.launch(launch_id)  # type: ignore[attr-defined]
        base = {"id": launch_id, "version": None if record is None else record.get("version")}
        st.session_state[EDIT_BASE] = base
    return base["version"]


def _show_stale(stale: StaleEdit, changes: dict) -> None:
    st.warning(f"Not saved: {stale}")
    rows = [
        {
            "field": column,
            "stored now": common.plain(stale.stored.get(column)),
            "yours": common.plain(changes.get(column)),
        }
        for column in (stale.changed_columns or [c for c in changes if stale.stored.get(c) != changes.get(c)])
    ]
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.session_state[STALE] = {
        "id": stale.launch_id,
        "changes": changes,
        "stored_version": stale.stored_version,
    }


def _stale_choices(store: object) -> None:
    """After a refused edit: save mine on top of the newer version, or load theirs into the form."""
    pending = st.session_state.get(STALE)
    if not pending:
        return
    left, right = st.columns(2)
    if left.button("Save mine on top", key="stale_mine"):
        try:
            store.update_launch(  # type: ignore[attr-defined]
                pending["id"], pending["changes"], actor="data-page",
                expected_version=pending["stored_version"], user=editor_name(),
            )  # fmt: skip
        except StaleEdit as stale:
            _show_stale(stale, pending["changes"])
            return
        except LaunchmapError as error:
            st.error(f"Not saved: {common.plain(error)}")
            return
        st.session_state.pop(STALE, None)
        st.session_state.pop(EDIT_BASE, None)
        common.refresh()
        st.success(f"Saved {pending['id']} on top of the newer version.")
    if right.button("Load theirs", key="stale_theirs"):
        st.session_state.pop(STALE, None)
        st.session_state.pop(EDIT_BASE, None)
        common.refresh()
        st.rerun()


def edit_section() -> None:
    st.subheader("Add or edit a launch")
    launches = common.launches()
    options = ["➕ New launch", *launches["id"].iloc[::-1]]
    choice = st.selectbox("Launch", options, key="edit_choice")
    existing = None if choice == options[0] else launches[launches["id"] == choice].iloc[0].to_dict()
    store = common.get_store()
    version = _base_version(store, existing["id"]) if existing is not None else None
    submitted = event_form(existing)
    if submitted:
        changes: dict = {}
        try:
            if existing is None:
                source = submitted["source"]
                if not source.get("source"):
                    raise InvalidEvent("a new launch needs a source: say who reported it (e.g. ROK JCS)")
                store.add_launch(submitted["row"], [source], actor="data-page", user=editor_name())
                st.success(f"Added {submitted['row']['id']}.")
            else:
                # Only what the editor changed: a colleague's save of another field is not undone.
                changes = {
                    k: v for k, v in submitted["row"].items() if k != "id" and not _same(v, existing.get(k))
                }
                saved = store.update_launch(
                    existing["id"], changes, actor="data-page", expected_version=version, user=editor_name()
                )
                st.session_state[EDIT_BASE] = {"id": existing["id"], "version": saved.get("version")}
                st.session_state.pop(STALE, None)
                st.success(f"Saved {existing['id']}.")
            common.refresh()
        except StaleEdit as stale:  # someone saved this launch after the form was opened
            _show_stale(stale, changes)
        except LaunchmapError as error:
            errors = getattr(error, "errors", [])
            st.error(f"Not saved: {common.plain(errors[0] if errors else error)}")
    _stale_choices(store)
    if existing is not None:
        with st.expander("Delete this launch"):
            st.caption("The audit log keeps the deleted values, and re-seeding will not bring it back.")
            if st.button(f"Delete {existing['id']}", type="secondary"):
                try:
                    store.delete_launch(
                        existing["id"], actor="data-page", expected_version=version, user=editor_name()
                    )
                except StaleEdit as stale:
                    st.warning(f"Not deleted: {stale}")
                else:
                    st.session_state.pop(EDIT_BASE, None)
                    common.refresh()
                    st.success(f"Deleted {existing['id']}.")


def stale_section() -> None:
    """Events whose first figures nobody has confirmed or revised after N days: what to check next."""
    days = st.number_input(
        "Preliminary for more than (days)", min_value=0, max_value=3650, value=7, step=1, key="stale_days"
    )
    stale = stale_preliminary(common.launches(), date.today(), int(days))
    if stale.empty:
        st.caption(f"No event is still preliminary after {int(days)} days.")
        return
    st.warning(
        f"{len(stale)} event(s) still preliminary after {int(days)} days: check their figures against later "
        "JCS / Japan MoD statements and mark them revised or confirmed (Add / edit)."
    )
    shown = stale.sort_values("launched_at")[["id", "launched_at", "system", "distance_km", "apogee_km"]]
    st.dataframe(
        shown.assign(
            launched=shown["launched_at"].map(common.format_times),
            days=(pd.Timestamp(date.today(), tz="UTC") - shown["launched_at"]).dt.days,
        ).drop(columns=["launched_at"]),
        hide_index=True,
        width="stretch",
        column_config={
            "distance_km": st.column_config.NumberColumn("distance (km)", format="%d"),
            "apogee_km": st.column_config.NumberColumn("apogee (km)", format="%d"),
            "days": st.column_config.NumberColumn("days since launch"),
        },
    )


def main() -> None:
    common.page_header(
        "Data",
        f"Store: `{common.get_store().engine.url.render_as_string(hide_password=True)}` · "
        f"{len(common.launches())} launch events, {len(common.sources())} sources, "
        f"{len(common.sites())} sites, {len(common.systems())} systems",
    )
    stale_section()
    imports, edits, audit = st.tabs(["Import", "Add / edit", "Audit log"])
    with imports:
        upload_section()
    with edits:
        edit_section()
    with audit:
        st.dataframe(common.get_store().audit(limit=500), hide_index=True, width="stretch")


main()
