"""A source's address becomes a link on pages and in exports (#15): only http(s) is stored.

``javascript:``, ``data:``, ``vbscript:``, ``file:`` or a scheme-less address would run or open
something local when clicked; the import refuses the row and names what is accepted, and the store
is unchanged.
"""

from __future__ import annotations

import pandas as pd
import pytest

from geodata.errors import InvalidEvent
from geodata.events import launches_frame, sources_frame
from geodata.store import Store
from tests.conftest import NEW_EVENT

SOURCE = {
    "launch_id": NEW_EVENT["id"],
    "source": "ROK JCS",
    "source_kind": "government",
    "published_on": "2025-11-08",
}

REFUSED = [
    "javascript:alert(1)",
    "JavaScript:top.__pwned=1",
    "  javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//pwned.invalid/x",
    "pwned.invalid/x",
    "ftp://pwned.invalid/x",
]


def _import(store: Store, url: str):
    return store.import_launches(launches_frame([NEW_EVENT]), sources_frame([{**SOURCE, "url": url}]))


@pytest.mark.parametrize("url", REFUSED)
def test_source_url__other_schemes_are_refused_and_nothing_is_written(store: Store, url: str) -> None:
    before = store.dump()
    with pytest.raises(InvalidEvent) as refused:
        _import(store, url)
    assert "http:// or https://" in str(refused.value) and "url" in str(refused.value)
    after = store.dump()
    assert {k: v for k, v in after.items() if k != "dumped_at"} == {
        k: v for k, v in before.items() if k != "dumped_at"
    }


@pytest.mark.parametrize("url", ["https://www.yna.co.kr/view/AEN2025", "http://example.org/a?b=1&c=2", ""])
def test_source_url__http_https_or_none_is_stored(store: Store, url: str) -> None:
    assert _import(store, url).inserted == [NEW_EVENT["id"]]
    stored = store.sources([NEW_EVENT["id"]])["url"].iloc[0]
    assert (stored if isinstance(stored, str) else "") == url or (url == "" and pd.isna(stored))
