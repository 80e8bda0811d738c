"""What every page shares: the store, cached tables, offline map assets, and URL state.

Pages stay thin: they read widgets, call ``geodata`` and render. Shareable state lives in
``st.query_params``; a parameter that cannot be used is dropped with a visible notice.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from geodata.render.leaflet import install_static_assets
from geodata.store import Store
from geodata.units import format_kst_utc

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


@st.cache_resource
def ensure_static_assets() -> Path:
    """Copy Leaflet, jQuery and the basemap from installed packages into the served static folder."""
    return install_static_assets(STATIC_DIR)


def store_version() -> int:
    return get_store().version()


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


def refresh() -> None:
    """Call after a write so every page sees it (tables are cached per store version)."""
    _table.clear()


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(value: Any) -> str:
    """Data or user text made inert for st.markdown: no links, images, HTML or formatting.

    A note reading ``![x](http://host/pixel)`` would otherwise make every viewer's browser
    fetch an outside URL; escaped, it shows as the characters typed.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(value))


def format_times(when: Any, precision: str = "minute") -> str:
    """'2025-11-07 12:35 KST · 03:35 UTC' — KST first: the local day of the launch."""
    return format_kst_utc(when, precision)


# --- URL state -----------------------------------------------------------------------------------


@dataclass
class UrlState:
    """Query parameters read for one page run, with notices for the ones that were ignored."""

    notices: list[str] = field(default_factory=list)

    def get(self, name: str, parse: Callable[[str], Any], default: Any = None) -> Any:
        raw = st.query_params.get(name)
        if raw is None or raw == "":
            return default
        try:
            return parse(raw)
        except (ValueError, TypeError, KeyError) as error:
            self.notices.append(f"Ignored URL parameter `{name}={raw[:60]}`: {error}")
            return default

    def get_list(self, name: str, allowed: Iterable[str]) -> list[str] | None:
        raw = st.query_params.get(name)
        if raw is None or raw == "":
            return None
        allowed = list(allowed)
        values = [v for v in raw.split(",") if v]
        unknown = [v for v in values if v not in allowed]
        if unknown:
            self.notices.append(
                f"Ignored unknown value(s) in URL parameter `{name}`: {', '.join(unknown[:5])}"
            )
        return [v for v in values if v in allowed]

    def show_notices(self) -> None:
        for notice in self.notices:
            st.warning(notice, icon="⚠️")


def set_params(values: dict[str, Any]) -> None:
    """Write the page's state to the URL; empty values are removed so links stay short."""
    for key, value in values.items():
        text = (
            ",".join(map(str, value))
            if isinstance(value, (list, tuple))
            else ("" if value is None else str(value))
        )
        if text:
            if st.query_params.get(key) != text:
                st.query_params[key] = text
        elif key in st.query_params:
            del st.query_params[key]


def parse_date(text: str) -> pd.Timestamp:
    stamp = pd.Timestamp(text)
    if pd.isna(stamp):
        raise ValueError("expected a date like 2025-11-07")
    return stamp


def page_header(title: str, caption: str | None = None) -> None:
    st.title(title)
    if caption:
        st.caption(caption)
