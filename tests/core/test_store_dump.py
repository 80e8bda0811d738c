"""Backups: a dump restores on either back end with every row, version and audit entry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from geodata.errors import InvalidFile, StoreError
from geodata.store import Store
from tests.backends import fresh_pg_database
from tests.conftest import FIXTURE_SEEDS, NEW_EVENT


def _edited_store(url: str) -> Store:
    store = Store(url)
    store.seed(FIXTURE_SEEDS)
    store.update_launch("2025-11-07-taegwan", {"distance_km": 650.0, "notes": "ünïcode ✓"}, user="alice")
    store.add_launch(
        NEW_EVENT, [{"source": "ROK JCS", "source_kind": "government", "published_on": "2025-11-08"}]
    )
    store.delete_launch("2012-12-12-sohae", user="bob")
    return store


def _tables(dump: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(dump["tables"]))  # as the file holds them


def test_dump__round_trip_sqlite_postgresql_sqlite_keeps_everything(
    tmp_path: Path, pg_admin_url: str
) -> None:
    original = _edited_store(f"sqlite:///{tmp_path / 'laptop.db'}")
    dumped = original.dump()
    with fresh_pg_database(pg_admin_url) as pg_url:
        team = Store(pg_url)
        counts = team.restore(json.loads(json.dumps(dumped)))
        assert counts["launches"] == 3 and counts["audit_log"] == len(original.audit(limit=10_000))
        from_pg = team.dump()
        # The restored store keeps working: numbering continues after the restored ids.
        team.update_launch("2025-11-08-sunan", {"notes": "after restore"}, expected_version=1)
        assert team.version() == original.version() + 1
        team.engine.dispose()
    back = Store(f"sqlite:///{tmp_path / 'back.db'}")
    back.restore(from_pg)
    assert _tables(from_pg) == _tables(dumped) == _tables(back.dump())
    pd.testing.assert_frame_equal(
        back.launches(include_version=True), original.launches(include_version=True)
    )
    assert back.launch("2025-11-07-taegwan")["version"] == 2
    assert back.seed(FIXTURE_SEEDS) == 0 and back.launch("2012-12-12-sohae") is None  # deletion survives


def test_restore__refuses_a_store_that_holds_rows_unless_replacing(backend_url: str, tmp_path: Path) -> None:
    dumped = _edited_store(f"sqlite:///{tmp_path / 'source.db'}").dump()
    target = Store(backend_url)
    target.seed(FIXTURE_SEEDS)
    with pytest.raises(StoreError, match=r"not empty.*--replace"):
        target.restore(dumped)
    target.restore(dumped, replace=True)
    assert "2025-11-08-sunan" in set(target.launches()["id"])
    assert len(target.audit(limit=10_000)) == len(dumped["tables"]["audit_log"]["rows"])


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"launches": []}, "not a launchmap dump"),
        ({"format": "launchmap-dump", "format_version": 9, "tables": {}}, "format version 9"),
        ({"format": "launchmap-dump", "format_version": 1, "schema_revision": "0099", "tables": {}}, "newer"),
        (
            {"format": "launchmap-dump", "format_version": 1, "schema_revision": "0003", "tables": {"x": {}}},
            "tables this launchmap does not know: x",
        ),
    ],
)
def test_restore__a_file_that_is_no_dump_is_refused(document: dict[str, Any], message: str) -> None:
    with pytest.raises((InvalidFile, StoreError), match=message):
        Store("sqlite://").restore(document)


def test_dump__an_older_store_can_be_backed_up_before_its_upgrade(tmp_path: Path) -> None:
    from tests.core.test_store_migrations import _previous_release_store

    url = f"sqlite:///{tmp_path / 'old.db'}"
    _previous_release_store(url)
    from geodata.store.connect import make_engine
    from geodata.store.dump import dump_store

    dumped = dump_store(make_engine(url))
    assert dumped["schema_revision"] == "unversioned"
    assert "report_status" not in dumped["tables"]["launches"]["columns"]
    fresh = Store(f"sqlite:///{tmp_path / 'new.db'}")
    fresh.restore(dumped)
    launch = fresh.launch("2025-11-07-taegwan")
    assert launch is not None
    assert (launch["distance_km"], launch["report_status"], launch["actor"], launch["version"]) == (
        650.0,
        "confirmed",
        "PRK",
        1,
    )
