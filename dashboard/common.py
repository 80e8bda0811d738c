"""What every page shares: the store, cached tables, offline map assets, headers and display helpers.

Pages stay thin: they read widgets, call ``geodata`` and render. View state (URL and widgets) is
owned by ``dashboard.state``.
"""

from __future__ import annotations

import numbers
import os
from datetime import date
from pathlib import Path
from typing import Any

import folium
import pandas as pd
import streamlit as st
from branca.element import Element

from dashboard.text import plain  # pages call common.plain too
from geodata.errors import LaunchmapError
from geodata.events import parse_utc, records_note, records_span
from geodata.render.leaflet import event_labels, install_static_assets
from geodata.seeds import records_checked_on
from geodata.store import Store
from geodata.units import KST, format_kst_utc, is_missing

STATIC_DIR = Path(__file__).resolve().parent / "static"
VENDOR_URL = "/app/static/vendor"  # Streamlit static serving maps dashboard/static/ here
BASEMAP_URL = "/app/static/countries_50m.geojson"
CREDIT = "Map: launchmap · Natural Earth · GeoNames"


@st.cache_resource
def get_store() -> Store:
    """The store named by $LAUNCHMAP_DB (or the default file), seeded on first use."""
    store = Store(os.environ.get("LAUNCHMAP_DB"))
    store.seed()
    return store


def store_ready() -> bool:
    """Open the store, or say on the page why it cannot be opened (a damaged, read-only or full
    database, missing seeds) instead of a traceback; the next run tries again."""
    try:
        get_store()
    except LaunchmapError as error:
        st.title("launchmap")
        st.error(f"The launch store cannot be opened: {plain(error)}")
        st.info(
            "Nothing was changed. Fix the store or point LAUNCHMAP_DB at a working one "
            "(see docs/deployment.md), then reload this page."
        )
        return False
    return True


@st.cache_resource
def ensure_static_assets() -> Path:
    """Copy Leaflet, jQuery and the basemap from installed packages into the served static folder."""
    return install_static_assets(STATIC_DIR)


@st.cache_data(ttl=2, show_spinner=False)
def _version() -> int:
    return get_store().version()


def store_version() -> int:
    """The store's version, read at most every 2 s (a rerun asks many times; writes call refresh())."""
    return _version()


@st.cache_data(show_spinner=False)
def _table(name: str, version: int) -> pd.DataFrame:
    return getattr(get_store(), name)()


def launches() -> pd.DataFrame:
    return _table("launches", store_version())


def sources() -> pd.DataFrame:
    return _table("sources", store_version())


def sites() -> pd.DataFrame:
    return _table("sites", store_version())


def systems() -> pd.DataFrame:
    return _table("systems", store_version())


def places() -> pd.DataFrame:
    return _table("places", store_version())


@st.cache_data(show_spinner=False)
def _site_names(version: int) -> dict[str, str]:
    frame = _table("sites", version)
    return dict(zip(frame["id"], frame["name"], strict=False))


def site_names() -> dict[str, str]:
    """Site id -> its name, for every box and label that would otherwise show a raw id."""
    return _site_names(store_version())


@st.cache_data(show_spinner=False)
def _event_labels(version: int) -> dict[str, str]:
    frame = _table("launches", version)
    return dict(zip(frame["id"], event_labels(frame), strict=True))


def event_label_of(event_id: str) -> str:
    """'29 Nov 2017 · Hwasong-15' for a stored launch: every box and link listing launches uses these.

    All labels are made at once per store version; labelling row by row took 1.6 s of every rerun
    of Export (6 ms a row)."""
    return _event_labels(store_version()).get(event_id, event_id)


def refresh() -> None:
    """Call after a write so every page sees it (tables are cached per store version)."""
    _version.clear()
    _table.clear()
    _records_note.clear()
    _event_labels.clear()


@st.cache_data(show_spinner=False)
def _checked_on() -> date | None:
    return records_checked_on(os.environ.get("LAUNCHMAP_SEEDS"))


@st.cache_data(show_spinner=False)
def _records_note(version: int) -> str:
    return records_note(_table("launches", version), _checked_on())


def records_note_text() -> str:
    """'Records to 26 May 2026 (checked 26 Nov 2026)': how current the history is, on every page.

    Cached as text per store version: every page asks for it several times a rerun, and each read
    of the cached table is a copy (about 0.3 s at 100,000 events).
    """
    return _records_note(store_version())


def records_span_text(frame: pd.DataFrame) -> str:
    span = records_span(frame)
    if span is None:
        return "no records"
    first, last = (t.tz_convert(KST) for t in span)
    return f"the records run from {first:%d %b %Y} to {last:%d %b %Y}"


def display(value: Any, unit: str = "", digits: int = 0) -> str:
    """A cell for people: '' for missing (never 'None' or 'nan'), numbers with separators and a unit."""
    if is_missing(value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, numbers.Real):
        text = f"{value:,.{digits}f}"
        return f"{text} {unit}".strip()
    if isinstance(value, (pd.Timestamp, date)):
        return f"{value:%Y-%m-%d}"
    return str(value)


SOURCE_COLUMNS = {  # stored field -> what a reader sees
    "headline": "",
    "source": "Source",
    "outlet": "Outlet",
    "published_on": "Published",
    "distance_km": "Distance",
    "apogee_km": "Apogee",
    "flight_time_min": "Flight time",
    "count": "Missiles",
    "title": "Title",
    "url": "Link",
}


def sources_display(event_sources: pd.DataFrame) -> pd.DataFrame:
    """The sources of events as a reader's table: labelled columns, units, blanks instead of 'None'."""
    frame = event_sources.copy()
    for column in SOURCE_COLUMNS:
        if column not in frame and column not in ("headline", "flight_time_min"):
            frame[column] = None
    flight_s = frame["flight_time_s"] if "flight_time_s" in frame else pd.Series(None, index=frame.index)
    headline = frame["is_headline"] if "is_headline" in frame else pd.Series(False, index=frame.index)
    shown = pd.DataFrame(
        {
            "": headline.map(lambda v: "★" if v is True or v == 1 else ""),
            "Source": frame["source"].map(display),
            "Outlet": frame["outlet"].map(display),
            "Published": frame["published_on"].map(display),
            "Distance": frame["distance_km"].map(lambda v: display(v, "km")),
            "Apogee": frame["apogee_km"].map(lambda v: display(v, "km")),
            "Flight time": flight_s.map(lambda v: display(v / 60 if not is_missing(v) else v, "min", 1)),
            "Missiles": frame["count"].map(display),
            "Title": frame["title"].map(display),
            "Link": frame["url"].map(lambda v: display(v) or None),
        }
    )
    empty = [c for c in shown.columns if c not in ("", "Source", "Link") and (shown[c] == "").all()]
    return shown.drop(columns=empty)


SOURCE_COLUMN_CONFIG = {
    "Link": st.column_config.LinkColumn("Link", display_text="open"),
    "": st.column_config.TextColumn("", width="small", help="★ the headline figure (rule on the About page)"),
}


# Legibility inside the map iframe whatever the page theme, and a legend that leaves a phone's map free.
MAP_CSS = """<style>
.launchmap-legend { color: #1a1a1a !important; }
.launchmap-legend b { color: #000 !important; }
.leaflet-container .leaflet-tooltip, .leaflet-container .leaflet-popup-content { color: #1a1a1a; }
.ring-label { color: #1a1a1a; background: rgba(255,255,255,.85); border-radius: 3px; padding: 0 3px;
  font: 600 11px/1.3 sans-serif; white-space: nowrap; }
@media (max-width: 520px) {
  .launchmap-legend { font-size: 10px !important; line-height: 1.25 !important; padding: 3px 5px !important;
    bottom: 20px !important; right: 4px !important; max-width: 42%; }
  .launchmap-legend svg { width: 16px; }
}
</style>"""


def style_map(m: folium.Map) -> folium.Map:
    """Add the dashboard's map CSS (legend legible in dark mode, compact on a phone)."""
    m.get_root().header.add_child(Element(MAP_CSS))  # type: ignore[attr-defined]
    return m


def format_times(when: Any, precision: str = "minute") -> str:
    """'2025-11-07 12:35 KST · 03:35 UTC' — KST first: the local day of the launch."""
    return format_kst_utc(when, precision)


def parse_date(text: str) -> pd.Timestamp:
    """A date from a URL parameter, by the library's one rule (InvalidOption, a ValueError, if not)."""
    return parse_utc(text)


def page_header(title: str, caption: str | None = None) -> None:
    """The page title and its caption, which always says how current the records are."""
    st.title(title)
    st.caption(" · ".join(part for part in (caption, records_note_text()) if part))
