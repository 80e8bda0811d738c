"""Globe & flight: the launches on an offline 3-D globe, the selected flight in profile, the history
that plays, where it may have landed, and how many people live within its system's range."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import common, playback, state
from dashboard.filters import sidebar_filters
from dashboard.panels import population_panel
from geodata.errors import LaunchmapError
from geodata.geo.rings import system_ring_band, system_rings
from geodata.render import globe
from geodata.render.stills.profile import profile_curves, render_profile
from geodata.render.stills.text import date_line
from geodata.tracks import impact_band

SPEEDS = {"1 year / s": 12, "2 years / s": 24, "5 years / s": 60}  # months per second
TICK_S = 0.5
PLAY = "_flight_play"  # playback state: {"month": int index, "playing": bool}


@st.cache_data(show_spinner=False)
def cached_paths(version: int, ids: tuple[str, ...], exaggeration: float) -> list[dict]:
    frame = common.launches()
    return globe.flight_paths(frame[frame["id"].isin(ids)].to_dict("records"), exaggeration)


@st.cache_data(show_spinner=False)
def cached_profile(version: int, launch_id: str, fmt: str) -> bytes | None:
    launches, sources = common.launches(), common.sources()
    rows = launches[launches["id"] == launch_id]
    event = rows.iloc[0].to_dict()
    curves = profile_curves(event, sources.to_dict("records"))
    if not curves:
        return None
    names = ", ".join(dict.fromkeys(sources[sources["launch_id"] == launch_id]["source"].dropna()))
    return render_profile(
        curves,
        title=f"{event['system']}: how high, how far",
        date_text=date_line(rows),
        credit=f"Source: {names}" if names else None,
        fmt=fmt,
    )


def event_choice(selected: pd.DataFrame, all_launches: pd.DataFrame, view: state.View) -> dict | None:
    known = set(all_launches["id"])
    event_id = view.get("event", lambda v: v if v in known else _unknown(v))
    options = ["", *selected.sort_values("launched_at", ascending=False)["id"]]
    if event_id and event_id not in options:
        options.insert(1, event_id)
    view.seed("g_event", lambda: event_id or "")
    if st.session_state.get("g_event") not in options:
        st.session_state["g_event"] = ""
    chosen = st.selectbox(
        "Launch",
        options,
        key="g_event",
        format_func=lambda i: common.event_label_of(i) if i else "— none: all flights —",
    )
    view.keep("event", chosen or None)
    return all_launches[all_launches["id"] == chosen].iloc[0].to_dict() if chosen else None


def _unknown(value: str) -> str:
    raise ValueError(f"no launch event with id {value[:60]!r}")


def globe_panel(
    selected: pd.DataFrame, event: dict | None, exaggeration: float, key: str, side: bool = False
) -> None:
    systems = common.systems().to_dict("records")
    rings, bands, impacts = [], [], []
    centre, zoom = (38.0, 132.0), 1.3
    if event is not None:
        band = system_ring_band(event, systems)
        rings = [] if band else system_rings(event, systems)
        bands = [band] if band else []
        impact = impact_band(event, common.sources().to_dict("records"))
        impacts = [impact] if impact else []
        centre, zoom = (float(event["lat"]), float(event["lon"]) + 4), 1.6
        if side:  # the flight on the globe's western limb: its height stands out against space, to scale
            centre, zoom = (float(event["lat"]) - 5, float(event["lon"]) + 72), 1.0
    paths = cached_paths(common.store_version(), tuple(selected["id"]), exaggeration)
    deck = globe.globe_deck(
        [],
        paths=paths,
        selected_id=event["id"] if event else None,
        rings=rings,
        ring_bands=bands,
        impact_bands=impacts,
        centre=centre,
        zoom=zoom,
    )
    st.pydeck_chart(deck, height=560, key=key)
    legend = "Flights drawn as ballistic arcs from the reported apogee (to scale"
    legend += f", height × {exaggeration:g})" if exaggeration != 1 else ")"
    legend += "; no apogee reported: a minimum-energy arc. Land: Natural Earth. Drag to turn the globe."
    if bands:
        legend += f" Shaded ring: {bands[0].text} — the published range varies, the band spans it."
    if impacts:
        legend += f" Shaded patch: {impacts[0].describe()}."
    st.caption(common.plain(legend))


def playback_panel(selected: pd.DataFrame) -> None:
    """History that plays: a month per tick on the globe, with a date readout and a speed control."""
    if selected.empty:
        return
    korea = selected["launched_at"].dt.tz_convert("Asia/Seoul").dt.tz_localize(None)
    months = pd.date_range(
        korea.min().to_period("M").start_time, korea.max().to_period("M").start_time, freq="MS"
    )
    play = st.session_state.setdefault(PLAY, {"month": len(months) - 1, "playing": False})
    play["month"] = min(play["month"], len(months) - 1)
    slider_month = st.session_state.get("g_month")
    if not play["playing"] and slider_month is not None and slider_month != play.get("slider_seen"):
        # The reader moved the slider. Only a full run reads it (the slider sits outside the fragment, so
        # moving it runs the page): a tick the browser sent before it drew the run that ended a play still
        # carries the slider's value from when the play began, and would throw the playhead back to it.
        play["month"] = play["slider_seen"] = min(slider_month, len(months) - 1)
    a, b, c = st.columns([1, 1, 3])
    speed = a.selectbox("Speed", list(SPEEDS), key="g_speed")
    if b.button("⏸ Pause" if play["playing"] else "▶ Play", key="g_play"):
        if not play["playing"] and play["month"] >= len(months) - 1:
            play["month"] = 0
        play["playing"] = not play["playing"]
    if "g_month" not in st.session_state or play.get("slider_seen") != play["month"]:
        st.session_state["g_month"] = play["slider_seen"] = play["month"]  # the slider shows where play is
    c.slider(
        "Month",
        0,
        len(months) - 1,
        key="g_month",
        disabled=play["playing"],
        format=" ",
        label_visibility="collapsed",
    )

    @st.fragment(run_every=TICK_S if play["playing"] else None)
    def frame() -> None:
        if play["playing"]:
            play["month"] = min(len(months) - 1, play["month"] + max(1, round(SPEEDS[speed] * TICK_S)))
            if play["month"] >= len(months) - 1:
                play["playing"] = False
                # run_every is fixed when the fragment is declared: without a full run it would go on
                # re-sending the last globe every tick for as long as the page stays open (~0.5 MB/s).
                st.rerun()
        end = months[play["month"]] + pd.DateOffset(months=1)
        shown = selected[korea < end]
        st.markdown(
            f"<div data-testid='playback-date' style='font-size:1.6rem;font-weight:700'>"
            f"{months[play['month']]:%B %Y}</div>"
            f"<div style='color:#666'>{len(shown):,} launch events since {months[0]:%Y}</div>",
            unsafe_allow_html=True,
        )
        globe_panel(shown, None, 1.0, key="flight_playback_globe")

    frame()


def main() -> None:
    view = state.View()
    all_launches = common.launches()
    selection = sidebar_filters(all_launches, view)
    selected = selection.launches
    common.page_header(
        "Globe & flight",
        f"{selection.description} — the flights on an offline globe, one launch in profile, the history played.",
    )
    event = event_choice(selected, all_launches, view)
    view.show_notices()
    globe_tab, profile_tab, play_tab, people_tab = st.tabs(
        ["Globe", "Trajectory profile", "Playback", "Population in range"]
    )
    with globe_tab:
        left, right = st.columns(2)
        exaggeration = left.select_slider(
            "Height",
            options=[1.0, 2.0, 5.0],
            key="g_height",
            format_func=lambda v: "to scale" if v == 1 else f"× {v:g}",
        )
        lofty = event is not None and float(event.get("apogee_km") or 0) >= 1000
        look = right.radio(
            "Look",
            ["from above", "from the side"],
            index=1 if lofty else 0,
            key="g_look",
            horizontal=True,
            disabled=event is None,
        )
        globe_panel(selected, event, exaggeration, key="flight_globe", side=look == "from the side")
    with profile_tab:
        if event is None:
            st.info("Choose a launch above to see it in profile.")
        else:
            try:
                png = cached_profile(common.store_version(), str(event["id"]), "png")
            except LaunchmapError as error:
                png = None
                st.info(f"No profile: {common.plain(error)}")
            if png is None:
                st.info("A profile needs a reported range and apogee; this record lacks one.")
            else:
                st.image(png, width="stretch")
                a, b = st.columns(2)
                a.download_button("Download PNG", png, f"{event['id']}-profile.png", "image/png")
                svg = cached_profile(common.store_version(), str(event["id"]), "svg")
                b.download_button("Download SVG", svg or b"", f"{event['id']}-profile.svg", "image/svg+xml")
    with play_tab:
        playback_panel(selected)
        # The same films as the Export page (which also sets their size, style, title and credit).
        playback.film_downloads(
            selected,
            preset="16x9",
            style="light",
            title="",
            credit="",
            retina=False,
            name="launchmap-playback",
        )
    with people_tab:
        if event is None:
            st.info("Choose a launch above: the figure counts the people within its system's range.")
        else:
            population_panel(event)


main()
