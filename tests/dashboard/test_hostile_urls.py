"""Hostile URL parameters on every page (#15): a notice or a clean page, never an exception or live markup.

Each page is opened through AppTest with a crafted query string. What must hold: no exception;
no text element carries a markdown image or link built from the payload (which the browser
would fetch); a value the page cannot use gives a notice or is ignored, and the page still draws.
"""

from __future__ import annotations

import re

import pytest

from tests.dashboard.test_pages import PAGES, open_page

IMAGE = "![x](http://127.0.0.9/u.png)"
LINK = "[click](javascript:alert(1))"
SCRIPT = "<script>alert(1)</script>"
HANDLER = '<img src=x onerror="alert(1)">'
PAYLOADS = (IMAGE, LINK, SCRIPT, HANDLER, "`" + IMAGE + "`", "1e309", "-1", "x" * 5000, "%00", "\u202e")

PARAMS_BY_PAGE = {
    "launch_map": ("event", "class", "system", "site", "outcome", "period", "since", "until", "dist", "rings", "view", "credit"),
    "history": ("class", "system", "site", "outcome", "period", "since", "until", "dist"),
    "range_planner": ("origin", "systems", "ranges", "minpop", "find", "from", "to"),
    "export": ("event", "preset", "style", "title", "credit", "ring_site", "ring_ranges", "class", "period"),
    "data": ("event",),
    "report_to_map": ("event",),
    "about": ("event",),
}  # fmt: skip

# Markdown that would make the browser fetch or run something: an image or a link built from the payload.
# Escaped characters (a backslash before them) are shown as typed, so only unescaped syntax counts.
LIVE = re.compile(
    r"(?<!\\)!(?=\[)|(?<!\\)\]\((?:https?|javascript)|(?<!\\)<(?:script|img|iframe|svg|a)\b", re.IGNORECASE
)

CASES = [
    (page, name, payload) for page, names in PARAMS_BY_PAGE.items() for name in names for payload in PAYLOADS
]


def _texts(app: object) -> list[str]:
    kinds = ("markdown", "caption", "title", "header", "subheader", "warning", "error", "info", "success")
    return [str(element.value) for kind in kinds for element in getattr(app, kind)]


def test_corpus__every_page_and_parameter() -> None:
    assert set(PARAMS_BY_PAGE) == set(PAGES)
    assert len(CASES) >= 350


@pytest.mark.parametrize(("page", "name", "payload"), CASES, ids=lambda v: str(v)[:24])
def test_url_parameter__no_exception_and_no_live_markup(page: str, name: str, payload: str) -> None:
    app = open_page(page, **{name: payload})
    assert not app.exception, [e.value for e in app.exception]
    live = [text for text in _texts(app) if LIVE.search(text)]
    assert live == [], live
