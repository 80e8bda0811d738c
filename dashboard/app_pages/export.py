"""Export: a publication-ready still of the current selection, its data files and a standalone map.

Thin: widgets -> ``geodata.render.stills.compose`` / ``geodata.formats`` -> preview and download buttons.
The selection comes from the shared sidebar filters (kept in the URL); ``?event=ID`` picks
one event. Downloads are generated when clicked (a callable ``data``), so changing a
choice re-renders only the preview.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd
import streamlit as st

from dashboard import common, playback, state
from dashboard.filters import empty_notice, sidebar_filters
from geodata import formats
from geodata.errors import LaunchmapError
from geodata.events import records_span
from geodata.geo.places import Gazetteer
from geodata.geo.rings import RingSpec, parse_ring
from geodata.render import leaflet as maps
from geodata.render.stills import compose as stills
from geodata.units import split_lengths

ALL = "__all__"
PRESET_LABELS = {"16x9": "16:9", "1x1": "1:1", "4x5": "4:5"}
PRESET_HELP = "16:9 is 1920×1080 px, 1:1 is 1080×1080, 4:5 is 1080×1350; retina doubles them."


@st.cache_resource(show_spinner=False)
def gazetteer(version: int) -> Gazetteer:
    return Gazetteer.from_frames(common.sites(), common.places())


@st.cache_data(show_spinner="Rendering…", max_entries=32)
def render(
    version: int, ids: tuple[str, ...], rings: tuple[RingSpec, ...], options: tuple, fmt: str, scale: float
) -> bytes:
    """A still of the events ``ids`` (cached per store version and choices)."""
    preset, style, title, subtitle, credit = options
    launches = common.launches()
    selected = launches[launches["id"].isin(ids)]
    event_sources = common.sources()
    return stills.render_still(
        selected,
        sites=common.sites(),
        places=common.places(),
        rings=rings,
        preset=preset,
        scale=scale,
        style=style,
        title=title or None,
        subtitle=subtitle or None,
        credit=credit or None,
        fmt=fmt,
        sources=event_sources[event_sources["launch_id"].isin(ids)],
        records=common.records_note_text(),  # the still says how current the history behind it is
    )


# Streamlit shows no image wider than 1,460 px: a wider one it scales down and encodes again on every
# run (0.25 s a run for the 1920-px preview). The preview is scaled once per still instead.
PREVIEW_WIDTH_PX = 1460


@st.cache_data(show_spinner=False, max_entries=32)
def preview(png: bytes) -> bytes:
    """The PNG download as the page shows it, scaled once per still rather than on every run."""
    return stills.scaled_png(png, PREVIEW_WIDTH_PX)


def standalone_map(selected: pd.DataFrame, rings: tuple[RingSpec, ...]) -> str:
    """The interactive map of the selection as one self-contained HTML file (Natural Earth inlined)."""
    page = maps.export_map(selected, common.sites(), rings, vendor_url=common.VENDOR_URL)
    return formats.standalone_html(page, title="launchmap", records=common.records_note_text())


def choose_rings(selected: pd.DataFrame, view: state.View) -> tuple[RingSpec, ...]:
    names = common.site_names()
    sites = common.sites()
    used = list(dict.fromkeys([*selected["site_id"].dropna(), *sites["id"]]))  # the selection's sites first
    view.seed("x_ring_site", lambda: view.get("ring_site", lambda v: _choice(v, used), used[0]))
    if st.session_state.get("x_ring_site") not in used:
        st.session_state["x_ring_site"] = used[0]
    view.seed("x_rings", lambda: view.get("ring_ranges", lambda v: v[:200], ""))
    left, right = st.columns([1, 2])
    site = left.selectbox("Ring centre", used, format_func=lambda s: names.get(s, s), key="x_ring_site")
    text = right.text_input(
        "Ring ranges",
        key="x_rings",
        placeholder="e.g. 1,000 km, 5500 km, Hwasong-15",
        help="Lengths in km, mi or nmi (1,000 km is one ring), or a system name (its published maximum "
        "range), separated by commas or semicolons.",
    )
    # `ring_ranges`, not `rings`: the launch map's rings toggle is `rings` in the same view.
    view.keep_all({"ring_site": site if text else None, "ring_ranges": text or None})
    rings = []
    systems = common.systems().to_dict("records")
    for token in split_lengths(text):
        try:
            rings.append(parse_ring(f"{site}:{token}", gazetteer(common.store_version()), systems))
        except LaunchmapError as error:
            st.warning(f"Ring {common.plain(token)} left out: {common.plain(error)}")
    if rings:
        st.caption(
            "Rings: " + ", ".join(f"{common.plain(r.label or 'ring')} {r.radius_km:,.0f} km" for r in rings)
        )
    return tuple(rings)


def _choice(value: str, choices: Iterable[str]) -> str:
    if value not in choices:
        raise ValueError(f"expected one of {', '.join(choices)}")
    return value


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "map"


def main() -> None:
    view = state.View()
    all_launches = common.launches()
    selection = sidebar_filters(all_launches, view)
    common.page_header("Export", "A still for publication, the data behind it, and a map that works offline.")
    selected = selection.launches.sort_values("launched_at", ascending=False)
    event_ids = [ALL, *selected["id"]]

    def wanted_event() -> str:
        wanted = view.get("event", str, ALL)
        if wanted not in event_ids:
            view.notices.append(
                f"Ignored URL parameter `event`: {common.plain(wanted[:60])} is not in the filtered events"
            )
            return ALL
        return wanted

    view.seed("x_event", wanted_event)
    if st.session_state.get("x_event") not in event_ids:
        st.session_state["x_event"] = ALL
    view.seed("x_preset", lambda: view.get("preset", lambda v: _choice(v, stills.PRESETS), "16x9"))
    view.seed("x_style", lambda: view.get("style", lambda v: _choice(v, stills.STYLES), "light"))
    view.seed("x_title", lambda: view.get("title", lambda v: v[:200], ""))
    view.seed("x_credit", lambda: view.get("credit", lambda v: v[:200], ""))
    view.show_notices()
    if selected.empty:
        st.info(empty_notice(selection, all_launches))
    event = st.selectbox(
        "Events",
        event_ids,
        key="x_event",
        format_func=lambda i: (
            f"All {len(selected)} filtered events ({selection.description})"
            if i == ALL
            else common.event_label_of(i)
        ),
    )
    view.keep("event", None if event == ALL else event)
    chosen = selected if event == ALL else selected[selected["id"] == event]

    c1, c2, c3 = st.columns(3)
    preset = (
        c1.segmented_control("Size", list(stills.PRESETS), format_func=PRESET_LABELS.get, key="x_preset")
        or "16x9"
    )
    style = c2.segmented_control("Style", list(stills.STYLES), key="x_style") or "light"
    retina = c3.toggle("Retina (2×)", key="x_retina", help="Twice the pixels for high-density screens.")
    title = st.text_input(
        "Title", key="x_title", placeholder="Automatic: system and site, or the number of events"
    )
    subtitle = st.text_input("Subtitle", placeholder="Automatic: distance, apogee and landing area")
    credit = st.text_input(
        "Source credit",
        key="x_credit",
        placeholder="Automatic: the sources of these events",
        help="'Map: launchmap; Natural Earth, GeoNames' is always added.",
    )
    view.keep_all(
        {
            "preset": None if preset == "16x9" else preset,
            "style": None if style == "light" else style,
            "title": title or None,
            "credit": credit or None,
        }
    )
    rings = choose_rings(chosen, view)

    version, ids = common.store_version(), tuple(chosen["id"])
    options = (preset, style, title, subtitle, credit)
    scale = 2.0 if retina else 1.0
    # The preview is the PNG the button downloads, scaled to the page: what you see is the file.
    st.image(
        preview(render(version, ids, rings, options, "png", scale)),
        caption=f"Preview of the PNG download ({stills.PRESETS[preset][0] * scale:.0f}×"
        f"{stills.PRESETS[preset][1] * scale:.0f} px), shown scaled to the page.",
        width="stretch",
    )

    # The file name carries the records' end too, so a CSV or JSON (row formats) says how current it is.
    span = records_span(common.launches())
    records_to = f"-records-to-{span[1].tz_convert('Asia/Seoul'):%Y-%m-%d}" if span else ""
    name = f"launchmap-{slug(event if event != ALL else selection.description)}{records_to}"
    st.subheader("Download")
    image_columns = st.columns(3)
    for column, fmt, mime in zip(
        image_columns, stills.FORMATS, ("image/png", "image/svg+xml", "application/pdf"), strict=True
    ):
        column.download_button(
            f"{fmt.upper()} still",
            data=lambda fmt=fmt: render(version, ids, rings, options, fmt, scale),
            file_name=f"{name}-{preset}{'@2x' if retina and fmt == 'png' else ''}.{fmt}",
            mime=mime,
            on_click="ignore",
            width="stretch",
            key=f"download_{fmt}",
        )
    event_sources = common.sources()
    event_sources = event_sources[event_sources["launch_id"].isin(ids)]
    data_columns = st.columns(4)
    data_files = (
        ("CSV", "csv", "text/csv", lambda: formats.to_csv(chosen, event_sources)),
        (
            "GeoJSON",
            "geojson",
            "application/geo+json",
            lambda: __import__("json").dumps(
                formats.to_geojson(chosen, event_sources, rings, common.records_note_text())
            ),
        ),
        (
            "KML",
            "kml",
            "application/vnd.google-earth.kml+xml",
            lambda: formats.to_kml(chosen, event_sources, rings, common.records_note_text()),
        ),
        ("Offline map (HTML)", "html", "text/html", lambda: standalone_map(chosen, rings)),
    )
    for column, (label, suffix, mime, make) in zip(data_columns, data_files, strict=True):
        column.download_button(
            label,
            data=make,
            file_name=f"{name}.{suffix}",
            mime=mime,
            on_click="ignore",
            width="stretch",
            key=f"download_{suffix}",
        )
    st.caption(
        "Every file carries the sources of its events. CSV cells that a spreadsheet would run as a formula "
        "are prefixed with ' ; the HTML map has Leaflet and the basemap inside and opens with no internet."
    )
    playback.film_downloads(
        chosen, preset=preset, style=style, title=title, credit=credit, retina=retina, name=name
    )


main()
