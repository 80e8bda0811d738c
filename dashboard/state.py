"""The one owner of view state: the URL, the widgets that show it, and what survives a page switch.

Streamlit forgets a widget's value on any run that does not draw it (another page), and the sidebar
clears the query string when it switches page. A person expects neither: filters, the selected launch
and the rings toggle stay as they were, a shared link reopens the same view, Back steps back.

So every shareable value is kept here as the text it has in the URL (``st.session_state[VIEW]``):

- :func:`begin_run` (app.py, every run) compares the URL with what the app last wrote. A URL the
  app did not write — a shared link in a fresh session, a page link, Back/Forward, an edited address —
  is *loaded*: for this run every value a page reads comes from it. A URL emptied by a sidebar page
  switch is not: the kept view stays.
- A page draws a widget through :meth:`View.seed` (before: the widget's session key is set from the
  view when Streamlit dropped it or the URL brought a new value) and :meth:`View.keep` (after: the
  view and the URL take the widget's value).
- :func:`end_run` (app.py, after the page) removes URL parameters the page did not use and records
  the URL as the app's own.

Values that cannot be used become notices on the page, never exceptions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import streamlit as st

from dashboard.text import plain

VIEW = "_view"  # {param: url text}: the durable view, shared by every page
WRITTEN = "_url_written"  # the query string the app last wrote: {param: text}
LOADED = "_url_loaded"  # this run reads the URL (not the kept view)
PAGE = "_url_page"
USED = "_url_used"  # the parameters this run's page read or wrote
_PROTECTED = {"embed", "embed_options"}  # Streamlit's own parameters


def _current_url() -> dict[str, str]:
    return {key: st.query_params.get(key) or "" for key in st.query_params}


def begin_run(page: str) -> None:
    """Decide, once per run, whether the URL is news (load it) or the app's own echo (keep the view)."""
    session = st.session_state
    current = {k: v for k, v in _current_url().items() if k not in _PROTECTED}
    written = session.get(WRITTEN)
    switched_page = session.get(PAGE) not in (None, page)
    session[PAGE] = page
    if written is None:
        loaded = True  # a fresh session: the URL is the view (a shared link, a bookmark)
    elif current == written:
        loaded = False
    elif not current and switched_page:
        loaded = False  # the sidebar cleared the query string: keep the view, the page writes it back
    else:
        loaded = True  # a page link, Back/Forward or an edited address
    session[LOADED] = loaded
    session[USED] = set()
    if loaded:
        session[VIEW] = {**session.get(VIEW, {}), **current}
        session["_url_load_count"] = session.get("_url_load_count", 0) + 1
    session.setdefault(VIEW, {})


def view_text(name: str) -> str:
    """The kept URL text of one parameter ('' when unset)."""
    return str(st.session_state.get(VIEW, {}).get(name) or "")


def link_params(names: Iterable[str], **changes: Any) -> dict[str, str]:
    """Query parameters for a link that keeps ``names`` of the current view and applies ``changes``."""
    view = st.session_state.get(VIEW, {})
    params = {name: str(view[name]) for name in names if view.get(name)}
    for name, value in changes.items():
        if value in (None, ""):
            params.pop(name, None)
        else:
            params[name] = str(value)
    return params


class View:
    """The view state one page run reads and writes, with the notices for values it could not use."""

    def __init__(self) -> None:
        session = st.session_state
        if VIEW not in session:  # a page run outside app.py (a test of one page)
            begin_run(str(session.get(PAGE, "")))
        self.loaded: bool = bool(session.get(LOADED))
        self.notices: list[str] = []
        self.used: set[str] = session.setdefault(USED, set())

    # --- reading ---------------------------------------------------------------------------------

    def text(self, name: str) -> str:
        self.used.add(name)
        return view_text(name)

    def get(self, name: str, parse: Callable[[str], Any], default: Any = None) -> Any:
        """The parsed value of ``name``; an unusable value is a notice and gives ``default``."""
        raw = self.text(name)
        if not raw:
            return default
        try:
            return parse(raw)
        except (ValueError, TypeError, KeyError) as error:
            self.notices.append(f"Ignored URL parameter `{name}`: {plain(raw[:60])} ({plain(error)})")
            return default

    def get_list(self, name: str, allowed: Iterable[str]) -> list[str] | None:
        raw = self.text(name)
        if not raw:
            return None
        allowed = list(allowed)
        values = [v for v in raw.split(",") if v]
        unknown = [v for v in values if v not in allowed]
        if unknown:
            self.notices.append(
                f"Ignored unknown value(s) in URL parameter `{name}`: {plain(', '.join(v[:60] for v in unknown[:5]))}"
            )
        return [v for v in values if v in allowed]

    # --- widgets ---------------------------------------------------------------------------------

    def seed(self, key: str, value: Callable[[], Any]) -> None:
        """Give widget ``key`` its value from the view when Streamlit dropped it or the URL is news.

        ``value`` is called only then (it may add notices).
        """
        if self.loaded or key not in st.session_state:
            st.session_state[key] = value()
        else:
            # Re-assert the widget's own value: another page draws a widget of the same key with a
            # new id, which would otherwise start from its default.
            st.session_state[key] = st.session_state[key]

    def keep(self, name: str, value: Any) -> None:
        """Store one parameter's value (``None``/empty removes it) in the view and the URL."""
        self.used.add(name)
        text = _as_text(value)
        view = st.session_state.setdefault(VIEW, {})
        if text:
            view[name] = text
            if st.query_params.get(name) != text:
                st.query_params[name] = text
        else:
            view.pop(name, None)
            if name in st.query_params:
                del st.query_params[name]
        st.session_state[WRITTEN] = {k: v for k, v in _current_url().items() if k not in _PROTECTED}

    def keep_all(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            self.keep(name, value)

    def show_notices(self) -> None:
        for notice in dict.fromkeys(self.notices):
            st.warning(notice, icon="⚠️")


def end_run() -> None:
    """Drop URL parameters this run's page did not use, and remember the URL as the app's own."""
    used = st.session_state.get(USED, set())
    for name in list(st.query_params):
        if name not in used and name not in _PROTECTED:
            del st.query_params[name]
    st.session_state[WRITTEN] = {k: v for k, v in _current_url().items() if k not in _PROTECTED}


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ",".join(map(str, value))
    return str(value)
