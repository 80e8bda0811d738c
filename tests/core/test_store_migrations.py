"""Schema revisions: a previous release's store is upgraded only when told and loses nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from geodata.errors import StoreError
from geodata.store import Store, head_revision, metadata, migrate
from tests.backends import fresh_pg_database
from tests.conftest import FIXTURE_SEEDS

# What launchmap 0.1 (the previous release) lacked: who launched, partial failures, report
# status, per-launch versions, the audit's user, and any schema version table.
PREVIOUS_RELEASE_LACKS = {
    "launches": {"actor", "failed_count", "report_status", "version"},
    "audit_log": {"user_name"},
}
PREVIOUS_RELEASE_LACKS_TABLES = {"review_queue"}  # 0005
EDITED, DELETED = "2025-11-07-taegwan", "2012-12-12-sohae"


def _previous_release_store(url: str) -> dict[str, list[dict[str, object]]]:
    """A store as the previous release left it, with a user's edit and a deletion; returns its rows."""
    current = Store("sqlite://")
    current.seed(FIXTURE_SEEDS)
    old_metadata = sa.MetaData()
    tables = {}
    for table in metadata.sorted_tables:
        if table.name in PREVIOUS_RELEASE_LACKS_TABLES:
            continue
        lacks = PREVIOUS_RELEASE_LACKS.get(table.name, set())
        tables[table.name] = sa.Table(
            table.name, old_metadata, *[c._copy() for c in table.columns if c.name not in lacks]
        )
    engine = sa.create_engine(url)
    old_metadata.create_all(engine)
    rows: dict[str, list[dict[str, object]]] = {}
    with current.engine.connect() as source, engine.begin() as target:
        for name, table in tables.items():
            serial = name in ("audit_log", "launch_sources")  # let the database number them
            rows[name] = [
                {c.name: row._mapping[c.name] for c in table.columns if not (c.primary_key and serial)}
                for row in source.execute(
                    sa.select(metadata.tables[name]).order_by(*metadata.tables[name].primary_key)
                )
            ]
            if rows[name]:
                target.execute(table.insert(), rows[name])
        launches, audit = tables["launches"], tables["audit_log"]
        edited = dict(target.execute(sa.select(launches).where(launches.c.id == EDITED)).mappings().one())
        target.execute(
            launches.update().where(launches.c.id == EDITED).values(distance_km=650.0, notes="JCS revised")
        )
        deleted = dict(target.execute(sa.select(launches).where(launches.c.id == DELETED)).mappings().one())
        target.execute(
            tables["launch_sources"].delete().where(tables["launch_sources"].c.launch_id == DELETED)
        )
        target.execute(launches.delete().where(launches.c.id == DELETED))
        for action, key, old, new in (
            ("update", EDITED, edited, {**edited, "distance_km": 650.0, "notes": "JCS revised"}),
            ("delete", DELETED, deleted, None),
        ):
            target.execute(
                audit.insert().values(
                    at="2025-11-08T00:00:00+00:00", actor="data-page", action=action, table_name="launches",
                    row_key=key, old_value=json.dumps(old), new_value=json.dumps(new) if new else None,
                )
            )  # fmt: skip
    engine.dispose()
    return rows


def test_upgrade__previous_release_store_is_refused_until_told_then_loses_nothing(backend_url: str) -> None:
    _previous_release_store(backend_url)
    with pytest.raises(
        StoreError, match=rf"older than this launchmap's {head_revision()}.*launchmap db upgrade"
    ):
        Store(backend_url)
    store = Store(backend_url, upgrade=True)
    assert store.schema().status == "current"
    launches = store.launches(include_version=True).set_index("id")
    assert list(launches.index) == ["2017-11-28-sunan", EDITED]
    assert (launches.loc[EDITED, "distance_km"], launches.loc[EDITED, "notes"]) == (650.0, "JCS revised")
    assert set(launches["actor"]) == {"PRK"} and set(launches["report_status"]) == {"confirmed"}
    assert set(launches["version"]) == {1}
    assert len(store.sources([EDITED])) == 2
    audit = store.audit(limit=1000)
    assert len(audit) == 3 + 5 + 3 + 4 + 2 + 2 and audit["user_name"].isna().all()
    # The new release's seeds arrive without undoing the edit or the deletion.
    assert store.seed(FIXTURE_SEEDS) == 0
    assert store.launch(EDITED)["distance_km"] == 650.0 and store.launch(DELETED) is None
    # And the upgraded store takes versioned edits at once.
    store.update_launch(EDITED, {"notes": "checked"}, expected_version=1, user="analyst")
    assert store.launch(EDITED)["version"] == 2


def test_upgrade__store_made_by_the_release_before_versions_keeps_its_new_columns(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE launches (id TEXT PRIMARY KEY, actor TEXT, launched_at TEXT, "
                                   "launched_at_precision TEXT, site_id TEXT, lat FLOAT, lon FLOAT, system TEXT, "
                                   "system_class TEXT, count INTEGER, distance_km FLOAT, apogee_km FLOAT, "
                                   "flight_time_s FLOAT, bearing_deg FLOAT, impact_lat FLOAT, impact_lon FLOAT, "
                                   "impact_basis TEXT, landing_area TEXT, outcome TEXT, failed_count INTEGER, "
                                   "confirmation TEXT, report_status TEXT, notes TEXT)"))  # fmt: skip
        connection.execute(sa.text("INSERT INTO launches VALUES ('2025-11-07-taegwan', 'PRK', '2025-11-07T03:35:00Z', "
                                   "'minute', 'taegwan', 40.21, 125.2, 'Unknown SRBM', 'SRBM', 3, 700, NULL, NULL, "
                                   "NULL, NULL, NULL, 'estimated', NULL, 'partial', 1, 'confirmed', 'revised', NULL)"))  # fmt: skip
    engine.dispose()
    event = Store(url, upgrade=True).launch("2025-11-07-taegwan")
    assert event is not None
    assert (event["failed_count"], event["report_status"], event["version"]) == (1, "revised", 1)
    assert (tmp_path / f"x.db.before-{head_revision()}").exists()  # the SQLite file as it was


def test_upgrade__the_default_local_file_upgrades_itself_with_a_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("LAUNCHMAP_DB", raising=False)
    path = tmp_path / "launchmap" / "launchmap.db"
    path.parent.mkdir()
    _previous_release_store(f"sqlite:///{path}")
    store = Store()
    assert store.schema().status == "current" and store.launch(EDITED)["distance_km"] == 650.0
    assert (path.parent / f"launchmap.db.before-{head_revision()}").exists()


def test_open__a_store_newer_than_this_release_is_refused(backend_url: str) -> None:
    store = Store(backend_url)
    with store.engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '0099'"))
    store.engine.dispose()
    for upgrade in (False, True):
        with pytest.raises(StoreError, match=r"0099, newer than this launchmap.*upgrade launchmap"):
            Store(backend_url, upgrade=upgrade)


def _columns(url: str) -> dict[str, dict[str, tuple[str, bool]]]:
    engine = sa.create_engine(url)
    inspector = sa.inspect(engine)
    shape = {
        table: {c["name"]: (type(c["type"]).__name__, c["nullable"]) for c in inspector.get_columns(table)}
        | {
            f"index {i['name']}": (",".join(i["column_names"]), bool(i["unique"]))
            for i in inspector.get_indexes(table)
        }
        for table in inspector.get_table_names()
    }
    engine.dispose()
    return shape


def test_revisions__replayed_from_empty_give_the_schema_a_new_store_gets(
    backend_url: str, request: pytest.FixtureRequest
) -> None:
    created = Store(backend_url)
    if created.engine.dialect.name == "sqlite":
        replay_url = backend_url.replace("launchmap.db", "replayed.db")
        context = None
    else:
        context = fresh_pg_database(request.getfixturevalue("pg_admin_url"))
        replay_url = context.__enter__()
    try:
        engine = sa.create_engine(replay_url)
        with engine.begin() as connection:
            command.upgrade(migrate.alembic_config(connection), "head")
        engine.dispose()
        assert _columns(replay_url) == _columns(backend_url)
    finally:
        if context is not None:
            context.__exit__(None, None, None)
    assert head_revision() >= "0004"  # 0004 adds the filter indexes this test compares


def _indexes(url: str, table: str) -> set[str]:
    engine = sa.create_engine(url)
    names = {i["name"] for i in sa.inspect(engine).get_indexes(table)}
    engine.dispose()
    return names


FILTER_INDEXES = {
    "ix_launches_launched_at",
    "ix_launches_system_class",
    "ix_launches_system",
    "ix_launches_site_id",
    "ix_launches_outcome",
    "ix_launches_actor",
    "ix_launches_distance_km",
}


def test_revision_0004__adds_the_filter_indexes_keeps_the_rows_and_goes_back(backend_url: str) -> None:
    store = Store(backend_url)
    store.seed(FIXTURE_SEEDS)
    before = store.launches(include_version=True)
    with store.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0003")
    store.engine.dispose()
    assert not FILTER_INDEXES & _indexes(backend_url, "launches")
    assert "ix_audit_log_action" not in _indexes(backend_url, "audit_log")
    upgraded = Store(backend_url, upgrade=True)
    assert _indexes(backend_url, "launches") >= FILTER_INDEXES
    assert "ix_audit_log_action" in _indexes(backend_url, "audit_log")
    assert upgraded.launches(include_version=True).equals(before)


def test_revision_0004__a_class_filter_uses_its_index_on_sqlite(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'x.db'}")
    with store.engine.connect() as connection:
        plan = " ".join(
            str(row[-1])
            for row in connection.execute(
                sa.text("EXPLAIN QUERY PLAN SELECT id FROM launches WHERE system_class = 'ICBM'")
            )
        )
    assert "USING INDEX ix_launches_system_class" in plan
