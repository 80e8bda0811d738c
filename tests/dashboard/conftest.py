"""Every dashboard test runs on its own store seeded from the test fixtures, with empty caches."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st

from tests.conftest import FIXTURE_SEEDS


@pytest.fixture(autouse=True)
def fixture_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAUNCHMAP_DB", str(tmp_path / "app.db"))
    monkeypatch.setenv("LAUNCHMAP_SEEDS", str(FIXTURE_SEEDS))
    st.cache_resource.clear()
    st.cache_data.clear()
