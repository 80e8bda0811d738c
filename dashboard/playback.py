"""The timeline under the launch map: the selection played in the browser (no rerun per frame).

Thin: the launches of the filtered selection -> :mod:`geodata.render.leaflet_playback` -> a feature group
the map page passes with its layers. Playing, paused and the speed live in the browser only; the period
played is the period filter, which the URL keeps.
"""

from __future__ import annotations

from typing import Any

import folium
import pandas as pd
import streamlit as st

from dashboard import common
from geodata.render import leaflet_playback


@st.cache_data(show_spinner=False)
def cached_timeline(version: int, ids: tuple[str, ...]) -> dict[str, Any]:
    """The launches as the timeline plays them, per store version and selection (tracks are geodesics)."""
    frame = common.launches()
    return leaflet_playback.playback_timeline(frame[frame["id"].isin(ids)])


def playback_layers(
    selected: pd.DataFrame, max_events: int = leaflet_playback.MAX_PLAYBACK_EVENTS
) -> list[folium.FeatureGroup]:
    """The timeline's layer for ``feature_group_to_add``, or none (nothing to play, or too much).

    The timeline carries the selection inline on every rerun, so a page may ask for a lower
    ``max_events`` than the library's; past it the page says how to get the timeline back.
    """
    if selected.empty:
        return []
    limit = min(max_events, leaflet_playback.MAX_PLAYBACK_EVENTS)
    if len(selected) > limit:
        st.caption(
            f"The timeline under the map plays at most {limit:,} launch events; "
            f"{len(selected):,} are selected. Narrow the period or the filters to play them."
        )
        return []
    return [leaflet_playback.playback_layer(cached_timeline(common.store_version(), tuple(selected["id"])))]


@st.cache_data(show_spinner="Rendering the film…", max_entries=8)
def cached_film(
    version: int, ids: tuple[str, ...], options: tuple[str, str, str, str], step: str, fmt: str, scale: float
) -> bytes:
    """The selection played as a GIF or MP4 (:mod:`geodata.render.stills.playback`), per choice."""
    from geodata.render.stills.playback import render_playback  # matplotlib: only when a film is asked

    preset, style, title, credit = options
    frame = common.launches()
    return render_playback(
        frame[frame["id"].isin(ids)],
        step=step,
        preset=preset,
        style=style,
        scale=scale,
        credit=credit or None,
        fmt=fmt,
        **({"title": title} if title else {}),
    )


def film_downloads(
    chosen: pd.DataFrame, *, preset: str, style: str, title: str, credit: str, retina: bool, name: str
) -> None:
    """GIF and MP4 downloads of ``chosen`` played in order, in the still's size, style, title and credit."""
    st.markdown("**The history played** — launches appear as they happened; the last frame is held.")
    step = (
        st.segmented_control(
            "One frame a",
            ["year", "month"],
            default="year",
            key="x_film_step",
            help="A month a frame plays longer (400 ms a frame) and shows the order within a year.",
        )
        or "year"
    )
    from geodata.render.stills.compose import PRESETS as STILL_PRESETS

    scale = 1.0 if retina else 0.5  # 960×540 for 16:9: a film is many frames
    width_px, height_px = (round(side * scale) for side in STILL_PRESETS[preset])
    ids = tuple(chosen["id"])
    options = (preset, style, title, credit)
    columns = st.columns(2)
    for column, fmt, mime in zip(columns, ("gif", "mp4"), ("image/gif", "video/mp4"), strict=True):
        column.download_button(
            f"{fmt.upper()} film",
            data=lambda fmt=fmt: cached_film(common.store_version(), ids, options, step, fmt, scale),
            file_name=f"{name}-{preset}-by-{step}.{fmt}",
            mime=mime,
            on_click="ignore",
            width="stretch",
            key=f"download_film_{fmt}",
            disabled=chosen.empty,
        )
    st.caption(
        f"{width_px}×{height_px} px; the MP4 is H.264, which every browser, phone and newsroom system plays. "
        "Rendered when you click: a few seconds for the whole history by year, about half a minute by month."
    )
