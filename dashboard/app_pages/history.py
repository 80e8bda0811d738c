"""History: launches per year and month by class, cumulative counts, and the filtered table."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import common, state
from dashboard.filters import FILTER_PARAMS, empty_notice, sidebar_filters
from geodata import formats
from geodata.schema import LAUNCH_SUMMARY_COLUMNS, SYSTEM_CLASSES
from geodata.style import CLASS_COLOURS

# A thin light outline keeps every class's bar visible on a dark page (HGV is black).
BAR_OUTLINE = {"stroke": "#9a9a9a", "strokeWidth": 0.6}


def class_scale() -> alt.Scale:
    return alt.Scale(domain=list(SYSTEM_CLASSES), range=[CLASS_COLOURS[c] for c in SYSTEM_CLASSES])


def per_period(selected: pd.DataFrame, measure: str, freq: str) -> pd.DataFrame:
    """Events (or missiles) per period and class, with empty periods kept as zeros (a quiet year is a fact)."""
    frame = selected.assign(
        period=selected["launched_at"].dt.tz_convert(None).dt.to_period(freq).dt.start_time,
        events=1,
        missiles=selected["count"].astype(int),
    )
    counts = frame.groupby(["period", "system_class"], as_index=False)[measure].sum()
    if counts.empty:
        return counts
    periods = pd.date_range(
        counts["period"].min(), counts["period"].max(), freq="YS" if freq == "Y" else "MS"
    )
    full = pd.MultiIndex.from_product(
        [periods, sorted(counts["system_class"].unique())], names=["period", "system_class"]
    )
    return counts.set_index(["period", "system_class"]).reindex(full, fill_value=0).reset_index()


def stacked_chart(data: pd.DataFrame, measure: str, freq: str) -> alt.Chart:
    time_unit = "year" if freq == "Y" else "yearmonth"
    return (
        alt.Chart(data)
        .mark_bar(**BAR_OUTLINE)
        .encode(
            x=alt.X(f"{time_unit}(period):T", title=None),
            y=alt.Y(f"sum({measure}):Q", title="launch events" if measure == "events" else "missiles fired"),
            color=alt.Color("system_class:N", scale=class_scale(), title="Class"),
            tooltip=[
                alt.Tooltip(f"{time_unit}(period):T", title="Period"),
                "system_class:N",
                alt.Tooltip(f"sum({measure}):Q", title=measure),
            ],
        )
        .properties(height=300)
    )


def cumulative_chart(selected: pd.DataFrame) -> alt.Chart:
    ordered = selected.sort_values("launched_at")
    data = pd.DataFrame(
        {
            "launched_at": ordered["launched_at"].dt.tz_convert(None),
            "events": range(1, len(ordered) + 1),
            "missiles": ordered["count"].astype(int).cumsum(),
        }
    )
    long = data.melt("launched_at", var_name="measure", value_name="cumulative")
    return (
        alt.Chart(long)
        .mark_line(interpolate="step-after")
        .encode(
            x=alt.X("launched_at:T", title=None),
            y=alt.Y("cumulative:Q", title="cumulative"),
            color=alt.Color("measure:N", title=None, scale=alt.Scale(range=["#0072B2", "#D55E00"])),
        )
        .properties(height=260)
    )


def per_site_chart(selected: pd.DataFrame, measure: str) -> alt.Chart:
    """One labelled bar per site, full names, most active first."""
    names = common.site_names()
    data = selected.assign(
        site=selected["site_id"].map(lambda s: names.get(s, s)),
        events=1,
        missiles=selected["count"].astype(int),
    )
    data = data.groupby(["site", "system_class"], as_index=False)[measure].sum()
    order = data.groupby("site")[measure].sum().sort_values(ascending=False).index.tolist()
    return (
        alt.Chart(data)
        .mark_bar(**BAR_OUTLINE)
        .encode(
            y=alt.Y(
                "site:N",
                sort=order,
                title=None,
                # every site labelled, in full: no overlap culling, no truncation
                axis=alt.Axis(labelOverlap=False, labelLimit=0, labelFontSize=12),
            ),
            x=alt.X(f"sum({measure}):Q", title="launch events" if measure == "events" else "missiles fired"),
            color=alt.Color("system_class:N", scale=class_scale(), title="Class"),
            tooltip=["site:N", "system_class:N", alt.Tooltip(f"sum({measure}):Q", title=measure)],
        )
        .properties(height=alt.Step(20))
    )


def main() -> None:
    view = state.View()
    all_launches = common.launches()
    selection = sidebar_filters(all_launches, view)
    selected = selection.launches
    common.page_header(
        "Launch history",
        f"{selection.description} · {len(selected)} events, "
        f"{int(selected['count'].sum()) if len(selected) else 0} missiles",
    )
    view.show_notices()
    if selected.empty:
        st.info(empty_notice(selection, all_launches))
        return
    measure = st.segmented_control(
        "Count",
        ["events", "missiles"],
        default="events",
        format_func=lambda m: "Launch events" if m == "events" else "Missiles fired",
    )
    measure = measure or "events"
    by_year, by_month, by_site, cumulative = st.tabs(["Per year", "Per month", "Per site", "Cumulative"])
    with by_year:
        st.altair_chart(stacked_chart(per_period(selected, measure, "Y"), measure, "Y"), width="stretch")
    with by_month:
        st.altair_chart(stacked_chart(per_period(selected, measure, "M"), measure, "M"), width="stretch")
    with by_site:
        st.altair_chart(per_site_chart(selected, measure), width="stretch")
    with cumulative:
        st.altair_chart(cumulative_chart(selected), width="stretch")

    st.subheader("Events")
    table = (
        selected[[*LAUNCH_SUMMARY_COLUMNS, "report_status"]]
        .sort_values("launched_at", ascending=False)
        .reset_index(drop=True)
    )
    names = common.site_names()
    table["site_id"] = table["site_id"].map(lambda s: names.get(s, s))  # a name, not a raw id
    picked = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        column_config={
            "id": st.column_config.TextColumn("Event"),
            "launched_at": st.column_config.DatetimeColumn("Launched (UTC)", format="YYYY-MM-DD HH:mm"),
            "site_id": st.column_config.TextColumn("Site"),
            "system": st.column_config.TextColumn("System"),
            "system_class": st.column_config.TextColumn("Class"),
            "count": st.column_config.NumberColumn("Missiles"),
            "distance_km": st.column_config.NumberColumn("Distance (km)", format="%d"),
            "apogee_km": st.column_config.NumberColumn("Apogee (km)", format="%d"),
            "outcome": st.column_config.TextColumn("Outcome"),
            "confirmation": st.column_config.TextColumn("Confirmation"),
            "report_status": st.column_config.TextColumn("Report status"),
        },
        key="history_table",
    )
    rows = picked.selection.rows if picked else []
    if rows:
        event_id = table.iloc[rows[0]]["id"]
        st.page_link(
            "app_pages/launch_map.py",
            label=f"Open {event_id} on the map",
            query_params=state.link_params(FILTER_PARAMS, event=event_id),
        )
    all_sources = common.sources()
    st.download_button(
        "Download these events (CSV, every column and source)",
        data=lambda: formats.to_csv(selected, all_sources[all_sources["launch_id"].isin(selected["id"])]),
        file_name="launchmap-events.csv",
        mime="text/csv",
        on_click="ignore",
        help="The launchmap CSV layout: coordinates, notes and each source, with cells a spreadsheet "
        "would run as formulas made inert. The Data page imports it back.",
    )


main()
