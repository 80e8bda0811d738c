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
if not common.store_ready():
    st.stop()
# On a phone: key figures two by two instead of one screen of stacked numbers, and a smaller title.
st.markdown(
    """<style>
@media (max-width: 640px) {
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) { flex-wrap: wrap; gap: 0.5rem; }
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) > [data-testid="stColumn"] {
    flex: 1 1 calc(50% - 0.5rem) !important; min-width: calc(50% - 0.5rem) !important; }
  [data-testid="stMetricValue"] { font-size: 1.5rem !important; }
  h1 { font-size: 1.9rem !important; }
}
</style>""",
    unsafe_allow_html=True,
)

SECTIONS = {
    "Explore": [
        # No page icons: Streamlit turns a page's icon into the favicon by fetching it from a
        # font CDN, which fails (and logs an error) on an offline network.
        ("app_pages/launch_map.py", "Launch map"),
        ("app_pages/history.py", "History"),
        ("app_pages/range_planner.py", "Range planner"),
        ("app_pages/flight.py", "Globe & flight"),
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
# The view each page reads (dashboard.state): a sidebar link carries it, so switching page is one
# history entry with the whole view in its URL — Back returns to it, and a copied address reopens it.
FILTERS = ("period", "since", "until", "class", "system", "site", "outcome", "dist")
PAGE_PARAMS = {
    "launch_map": (*FILTERS, "event", "rings"),
    "history": FILTERS,
    "range_planner": ("origin", "systems", "ranges", "minpop", "find", "from", "to"),
    "report_to_map": (),
    "export": (*FILTERS, "event", "preset", "style", "title", "credit", "ring_site", "ring_ranges"),
    "data": (),
    "about": (),
}
pages = {
    section: [st.Page(path, title=title, default=path.endswith("launch_map.py")) for path, title in entries]
    for section, entries in SECTIONS.items()
}
page = st.navigation(pages, position="hidden")
state.begin_run(page.url_path)
navigation = st.sidebar.container()  # filled after the page ran, with the view as the page left it
page.run()
state.end_run()
with navigation:
    for section, entries in pages.items():
        st.caption(section)
        for entry in entries:
            name = entry.url_path or "launch_map"
            st.page_link(entry, label=entry.title, query_params=state.link_params(PAGE_PARAMS.get(name, ())))
    st.caption(common.records_note_text())
    st.divider()
