"""launchmap dashboard entry point: page config and navigation over app_pages/."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the project root.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard import common, state

# No page_icon: a Material icon favicon would be fetched from a font CDN, which fails offline.
# "auto": the sidebar starts open on a desktop and closed on a phone, where it would cover the page.
st.set_page_config(page_title="launchmap", layout="wide", initial_sidebar_state="auto")
common.ensure_static_assets()

SECTIONS = {
    "Explore": [
        # No page icons: Streamlit turns a page's icon into the favicon by fetching it from a
        # font CDN, which fails (and logs an error) on an offline network.
        ("app_pages/launch_map.py", "Launch map"),
        ("app_pages/history.py", "History"),
        ("app_pages/range_planner.py", "Range planner"),
    ],
    "Newsroom": [
        ("app_pages/report_to_map.py", "Report to map"),
        ("app_pages/export.py", "Export"),
    ],
    "Data": [
        ("app_pages/data.py", "Data"),
        ("app_pages/about.py", "About & methods"),
    ],
}
pages = {
    section: [st.Page(path, title=title, default=path.endswith("launch_map.py")) for path, title in entries]
    for section, entries in SECTIONS.items()
}
page = st.navigation(pages)
state.begin_run(page.url_path)
page.run()
state.end_run()
