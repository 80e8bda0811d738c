"""The sidebar filters shared by the launch map, history and export pages.

Their values live in the view (``dashboard.state``): the same filters on every page, in the URL,
and back as they were after visiting a page without filters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import common
from dashboard.state import View
from geodata.events import PERIOD_PRESETS, filter_launches, period_start
from geodata.schema import OUTCOMES, SYSTEM_CLASSES

PERIODS = {"all": "All", **PERIOD_PRESETS, "custom": "Custom range"}
MAX_DISTANCE_KM = 16000
FILTER_PARAMS = ("period", "since", "until", "class", "system", "site", "outcome", "dist")
WIDGET_KEYS = ("f_period", "f_since", "f_until", "f_class", "f_system", "f_site", "f_outcome", "f_distance")


@dataclass
class Selection:
    launches: pd.DataFrame  # the filtered events
    since: date
    until: date
    description: str  # a line a reader can quote: "1984-04-01 – 2025-11-07 · SRBM"
    period: str = "all"
    filtered: bool = False  # any filter narrower than "everything"


def _parse_distance(text: str) -> tuple[int, int]:
    parts = [float(part) for part in text.split("-", 1)]
    if len(parts) != 2 or not all(math.isfinite(p) for p in parts):
        raise ValueError("expected min-max in km, like 0-1000")
    low, high = (int(p) for p in parts)
    if not 0 <= low <= high:
        raise ValueError("expected min-max in km, like 0-1000")
    return low, min(high, MAX_DISTANCE_KM)


def _parse_period(text: str) -> str:
    if text not in PERIODS:
        raise ValueError(f"expected one of {', '.join(PERIODS)}")
    return text


def sidebar_filters(all_launches: pd.DataFrame, view: View, today: date | None = None) -> Selection:
    """Render the filters (from the view: URL, or kept from another page) and return the selection."""
    today = today or date.today()
    first = all_launches["launched_at"].min().date() if not all_launches.empty else date(1984, 1, 1)
    last = max(all_launches["launched_at"].max().date() if not all_launches.empty else today, today)
    site_names = common.site_names()
    systems_present = sorted(all_launches["system"].dropna().unique())
    sites_present = sorted(all_launches["site_id"].dropna().unique(), key=lambda s: site_names.get(s, s))

    def dates() -> tuple[date, date]:
        since = view.get("since", lambda v: common.parse_date(v).date(), None)
        until = view.get("until", lambda v: common.parse_date(v).date(), None)
        since, until = max(since or first, first), min(until or last, last)
        if since > until:
            view.notices.append("Ignored URL parameters `since`/`until`: since is after until")
            since, until = first, last
        return since, until

    def period() -> str:
        chosen = view.get("period", _parse_period, "all")
        return "custom" if view.text("since") or view.text("until") else chosen

    custom_dates = dates() if view.loaded or "f_since" not in st.session_state else None
    view.seed("f_period", lambda: PERIODS[period()])
    view.seed("f_since", lambda: custom_dates[0] if custom_dates else first)
    view.seed("f_until", lambda: custom_dates[1] if custom_dates else last)
    view.seed("f_class", lambda: view.get_list("class", SYSTEM_CLASSES) or [])
    view.seed("f_system", lambda: view.get_list("system", systems_present) or [])
    view.seed("f_site", lambda: view.get_list("site", sites_present) or [])
    view.seed("f_outcome", lambda: view.get_list("outcome", OUTCOMES) or [])
    view.seed("f_distance", lambda: view.get("dist", _parse_distance, (0, MAX_DISTANCE_KM)))

    with st.sidebar:
        st.header("Filters")
        period_label = st.selectbox("Period", list(PERIODS.values()), key="f_period")
        chosen_period = next(k for k, v in PERIODS.items() if v == period_label)
        if chosen_period == "custom":
            left, right = st.columns(2)
            since = left.date_input(
                "From", min_value=first, max_value=last, key="f_since", format="YYYY-MM-DD"
            )
            until = right.date_input(
                "To", min_value=first, max_value=last, key="f_until", format="YYYY-MM-DD"
            )
            if since > until:
                st.warning("'From' is after 'To': showing from 'To' to 'From'.")
                since, until = until, since
        elif chosen_period == "all":
            since, until = first, last
        else:
            since, until = period_start(chosen_period, today), last
        classes = st.multiselect("System class", SYSTEM_CLASSES, key="f_class", placeholder="All classes")
        systems = st.multiselect("System", systems_present, key="f_system", placeholder="All systems")
        chosen_sites = st.multiselect(
            "Launch site",
            sites_present,
            key="f_site",
            placeholder="All sites",
            format_func=lambda s: site_names.get(s, s),
        )
        outcomes = st.multiselect("Outcome", OUTCOMES, key="f_outcome", placeholder="Any outcome")
        distance = tuple(
            st.slider(
                "Distance flown (km)",
                0,
                MAX_DISTANCE_KM,
                key="f_distance",
                step=50,
                help="Events with no reported distance are kept only while the range starts at 0.",
            )
        )
        st.button("Reset filters", width="stretch", on_click=reset_filters, args=(first, last))

    all_distances = distance == (0, MAX_DISTANCE_KM)
    selected = filter_launches(
        all_launches,
        since=pd.Timestamp(since),
        until=pd.Timestamp(until),
        classes=classes or None,
        systems=systems or None,
        sites=chosen_sites or None,
        outcomes=outcomes or None,
        distance_km=None if all_distances else distance,
    )
    view.keep_all(
        {
            "period": None if chosen_period in ("all", "custom") else chosen_period,
            "since": since.isoformat() if chosen_period == "custom" else None,
            "until": until.isoformat() if chosen_period == "custom" else None,
            "class": classes,
            "system": systems,
            "site": chosen_sites,
            "outcome": outcomes,
            "dist": None if all_distances else f"{distance[0]}-{distance[1]}",
        }
    )
    parts = [f"{since:%d %b %Y} – {until:%d %b %Y}"]
    parts += [", ".join(x) for x in (classes, systems) if x]
    parts += [", ".join(site_names.get(s, s) for s in chosen_sites)] if chosen_sites else []
    filtered = (
        chosen_period != "all" or bool(classes or systems or chosen_sites or outcomes) or not all_distances
    )
    return Selection(selected, since, until, " · ".join(parts), chosen_period, filtered)


def reset_filters(first: date, last: date) -> None:
    """Every filter back to 'everything' (a callback: runs before the widgets are drawn again)."""
    st.session_state.update(
        f_period=PERIODS["all"],
        f_since=first,
        f_until=last,
        f_class=[],
        f_system=[],
        f_site=[],
        f_outcome=[],
        f_distance=(0, MAX_DISTANCE_KM),
    )


def empty_notice(selection: Selection, all_launches: pd.DataFrame) -> str:
    """What to say when nothing matches: for a recent period, that the records end before it."""
    note = common.records_note_text()
    span = common.records_span_text(all_launches)
    if selection.period in PERIOD_PRESETS and not all_launches.empty:
        last = all_launches["launched_at"].max()
        if last.date() < selection.since:
            return (
                f"No launch on record in {PERIODS[selection.period].lower()} "
                f"({selection.since:%d %b %Y} – {selection.until:%d %b %Y}): the records end on "
                f"{last.tz_convert('Asia/Seoul'):%d %b %Y}. {note}. Launches after that date are not in the "
                "history yet, so an empty map here does not mean no launches."
            )
    return (
        "No launch matches these filters. Widen the period or clear a filter in the sidebar "
        f"({span}; {note})."
    )


YEAR_STRIP = "year_strip"  # the strip chart's selection state


def brushed_years(selection_state: Any) -> tuple[int, int] | None:
    """The whole years a brush on the year strip spans, or ``None`` when nothing is brushed."""
    try:
        years = selection_state["selection"]["years"]["year"]
    except (KeyError, TypeError):
        return None
    if not years:
        return None
    low, high = min(years), max(years)
    return round(float(low)), round(float(high))


def brush_period(selection_state: Any, today: date) -> dict[str, Any]:
    """The period widgets' values for a brush on the year strip: a custom range of whole years."""
    years = brushed_years(selection_state)
    if years is None:
        return {}
    return {
        "f_period": PERIODS["custom"],
        "f_since": date(years[0], 1, 1),
        "f_until": min(date(years[1], 12, 31), today),
    }


def _apply_brush() -> None:
    # A callback runs before the next script run, so the widgets draw with the brushed period.
    st.session_state.update(brush_period(st.session_state.get(YEAR_STRIP), date.today()))


def year_strip(all_launches: pd.DataFrame, selection: Selection) -> None:
    """Launch events a year (Korea time) as a strip chart; drag across it to set the period."""
    if all_launches.empty:
        return
    korea = all_launches["launched_at"].dt.tz_convert("Asia/Seoul").dt.year
    chosen = set(selection.launches["id"])
    counts = (
        pd.DataFrame({"year": korea, "shown": all_launches["id"].isin(chosen)})
        .groupby(["year", "shown"])
        .size()
        .rename("events")
        .reset_index()
    )
    counts["in view"] = counts["shown"].map({True: "in the filters", False: "outside them"})
    brush = alt.selection_interval(encodings=["x"], name="years")
    chart = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            x=alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y("sum(events):Q", title="events"),
            color=alt.Color(
                "in view:N",
                scale=alt.Scale(domain=["in the filters", "outside them"], range=["#0072B2", "#C9CED6"]),
                legend=None,
            ),
            tooltip=["year:Q", "in view:N", "sum(events):Q"],
        )
        .add_params(brush)
        .properties(height=90)
    )
    st.altair_chart(chart, on_select=_apply_brush, selection_mode="years", key=YEAR_STRIP, width="stretch")
    st.caption("Launch events a year; drag across the strip to set the period to those years.")
