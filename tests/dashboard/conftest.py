"""Every dashboard test runs on its own store seeded from the test fixtures, with empty caches.

Browser tests get, per module, a served dashboard on a fresh fixture store and one chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st

from tests.browser.harness import chromium, require_browser, served_dashboard
from tests.conftest import FIXTURE_SEEDS


@pytest.fixture(autouse=True)
def fixture_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAUNCHMAP_DB", str(tmp_path / "app.db"))
    monkeypatch.setenv("LAUNCHMAP_SEEDS", str(FIXTURE_SEEDS))
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture(scope="module")
def dashboard(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``launchmap serve`` on a fresh store seeded from the fixtures, one per test module."""
    require_browser()
    name = request.module.__name__.rsplit(".", 1)[-1]
    with served_dashboard(tmp_path_factory.mktemp(name) / "store.db", seeds=FIXTURE_SEEDS) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless chromium for a module, every outside host blocked."""
    require_browser()
    with chromium() as driver:
        yield driver
