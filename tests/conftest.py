"""Shared fixtures: a store seeded from a small fixture set, and the real seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from geodata.store import Store

FIXTURE_SEEDS = Path(__file__).parent / "fixtures" / "seeds"
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A file-backed store (so WAL and transactions are real) seeded with the fixture set."""
    seeded = Store(tmp_path / "launchmap.db")
    seeded.seed(FIXTURE_SEEDS)
    return seeded
