"""Shared fixtures: a store seeded from a small fixture set, and the real seeds."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geodata.store import Store

FIXTURE_SEEDS = Path(__file__).parent / "fixtures" / "seeds"
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


# A valid launch that the fixture seeds do not hold, for imports and forms.
NEW_EVENT = {
    "id": "2025-11-08-sunan",
    "launched_at": "2025-11-08T01:00:00Z",
    "launched_at_precision": "minute",
    "site_id": "sunan",
    "lat": 39.224,
    "lon": 125.67,
    "system": "Unknown SRBM",
    "system_class": "SRBM",
    "count": 2,
    "impact_basis": "none",
    "outcome": "unknown",
    "confirmation": "suspected",
}


# The origin case as a stored event: 7 Nov 2025, Taegwan, JCS 700 km into the East Sea, no heading.
TAEGWAN_EVENT = {
    "id": "2025-11-07-taegwan",
    "launched_at": pd.Timestamp("2025-11-07T03:35Z"),
    "launched_at_precision": "minute",
    "site_id": "taegwan",
    "lat": 40.21,
    "lon": 125.20,
    "system": "Unknown SRBM",
    "system_class": "SRBM",
    "count": 1,
    "distance_km": 700.0,
    "impact_basis": "estimated",
    "landing_area": "East Sea/Sea of Japan (outside Japan's EEZ)",
    "outcome": "success",
    "confirmation": "confirmed",
}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A file-backed store (so WAL and transactions are real) seeded with the fixture set."""
    seeded = Store(tmp_path / "launchmap.db")
    seeded.seed(FIXTURE_SEEDS)
    return seeded
