"""Text for Streamlit's markdown, made inert: the one escaping rule every page and notice uses."""

from __future__ import annotations

import re
from typing import Any

# Every character markdown or HTML could read as syntax: links, images, emphasis, code, tags.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(value: Any) -> str:
    """Data or user text made inert for st.markdown: no links, images, HTML or formatting.

    A note reading ``![x](http://host/pixel)`` would otherwise make every viewer's browser
    fetch an outside URL; escaped, it shows as the characters typed.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(value))
