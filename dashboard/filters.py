"""The sidebar filters shared by the launch map, history and export pages, kept in the URL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
import streamlit as st

from dashboard import common
from geodata.events import filter_launches
from geodata.schema import OUTCOMES, SYSTEM_CLASSES

PERIODS = {"all": "All", "30d": "Last 30 days", "year": "This year", "custom": "Custom range"}
MAX_DISTANCE_KM = 16000


@dataclass
class Selection:
    launches: pd.DataFrame  # the filtered events
    since: date
    until: date
    description: str  # a line a reader can quote: "1984-04-01 – 2025-11-07 · SRBM"


def _parse_distance(text: str) -> tuple[int, int]:
    low, high = (int(float(part)) for part in text.split("-", 1))
    if not 0 <= low <= high:
        raise ValueError("expected min-max in km, like 0-1000")
    return low, min(high, MAX_DISTANCE_KM)


def sidebar_filters(
    all_launches: pd.DataFrame, state: common.UrlState, today: date | None = None
) -> Selection:
    """Render the filters (initialised from the URL once per session) and return the selection."""
    today = today or date.today()
    first = all_launches["launched_at"].min().date() if not all_launches.empty else date(1984, 1, 1)
    last = max(all_launches["launched_at"].max().date() if not all_launches.empty else today, today)
    sites = common.sites()
    site_names = dict(zip(sites["id"], sites["name"], strict=False))
    systems_present = sorted(all_launches["system"].dropna().unique())
    sites_present = sorted(all_launches["site_id"].dropna().unique(), key=lambda s: site_names.get(s, s))

    if not st.session_state.get("_filters_from_url"):
        st.session_state["_filters_from_url"] = True
        period = state.get(
            "period", lambda v: v if v in PERIODS else _raise(f"expected one of {', '.join(PERIODS)}"), "all"
        )
        since = state.get("since", lambda v: common.parse_date(v).date(), None)
        until = state.get("until", lambda v: common.parse_date(v).date(), None)
        if since or until:
            period = "custom"
        since, until = max(since or first, first), min(until or last, last)
        if since > until:
            state.notices.append("Ignored URL parameters `since`/`until`: since is after until")
            since, until = first, last
        st.session_state["f_period"] = PERIODS[period]
        st.session_state["f_dates"] = (since, until)
        st.session_state["f_class"] = state.get_list("class", SYSTEM_CLASSES) or []
        st.session_state["f_system"] = state.get_list("system", systems_present) or []
        st.session_state["f_site"] = state.get_list("site", sites_present) or []
        st.session_state["f_outcome"] = state.get_list("outcome", OUTCOMES) or []
        st.session_state["f_distance"] = state.get("dist", _parse_distance, (0, MAX_DISTANCE_KM))

    with st.sidebar:
        st.header("Filters")
        period_label = st.radio("Period", list(PERIODS.values()), key="f_period", horizontal=True)
        period = next(k for k, v in PERIODS.items() if v == period_label)
        if period == "custom":
            since, until = st.slider(
                "Launch dates", min_value=first, max_value=last, key="f_dates", format="YYYY-MM-DD"
            )
        else:
            since = {"all": first, "30d": today - timedelta(days=30), "year": date(today.year, 1, 1)}[period]
            until = last
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
        distance = st.slider(
            "Distance flown (km)",
            0,
            MAX_DISTANCE_KM,
            key="f_distance",
            step=50,
            help="Events with no reported distance are kept only while the range starts at 0.",
        )
        if st.button("Reset filters", width="stretch"):
            for key in [k for k in st.session_state if str(k).startswith("f_")]:
                del st.session_state[key]
            st.session_state["_filters_from_url"] = True
            st.session_state.update(
                f_period=PERIODS["all"], f_dates=(first, last), f_distance=(0, MAX_DISTANCE_KM)
            )
            st.rerun()

    selected = filter_launches(
        all_launches,
        since=pd.Timestamp(since),
        until=pd.Timestamp(until),
        classes=classes or None,
        systems=systems or None,
        sites=chosen_sites or None,
        outcomes=outcomes or None,
        distance_km=None if tuple(distance) == (0, MAX_DISTANCE_KM) else tuple(distance),
    )
    common.set_params(
        {
            "period": None if period == "all" else period,
            "since": since.isoformat() if period == "custom" else None,
            "until": until.isoformat() if period == "custom" else None,
            "class": classes,
            "system": systems,
            "site": chosen_sites,
            "outcome": outcomes,
            "dist": None if tuple(distance) == (0, MAX_DISTANCE_KM) else f"{distance[0]}-{distance[1]}",
        }
    )
    parts = [f"{since:%d %b %Y} – {until:%d %b %Y}"]
    parts += [", ".join(x) for x in (classes, systems) if x]
    parts += [", ".join(site_names.get(s, s) for s in chosen_sites)] if chosen_sites else []
    return Selection(selected, since, until, " · ".join(parts))


def _raise(message: str) -> str:
    raise ValueError(message)
