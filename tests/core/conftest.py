"""The core tests' store runs on every back end: SQLite, and PostgreSQL when one can be had.

Overrides the suite-wide ``store`` fixture, so every store test here runs twice
(``[sqlite]`` and ``[postgresql]``); see :mod:`tests.backends` for where PostgreSQL comes from.
"""

from __future__ import annotations

import pytest

from geodata.store import Store
from tests.backends import backend_url, pg_admin_url
from tests.conftest import FIXTURE_SEEDS

__all__ = ["backend_url", "pg_admin_url", "store"]


@pytest.fixture
def store(backend_url: str) -> Store:
    """A store on one back end, seeded with the fixture set."""
    seeded = Store(backend_url)
    seeded.seed(FIXTURE_SEEDS)
    return seeded
