"""Schema versions with Alembic: what revision a store is at, and bringing it to this release's.

A store is in one of five states (:func:`schema_state`):

- ``empty``: no launchmap tables: opening it creates the newest schema (and records it);
- ``current``: at this release's head revision: nothing to do;
- ``older``: at an earlier revision, or made before launchmap used Alembic (``unversioned``):
  opened only when told to upgrade (``launchmap db upgrade``, ``Store(..., upgrade=True)``),
  because other app servers of a team may still run the previous release against it;
- ``newer``: at a revision this release does not know: always refused (upgrade launchmap).

Creating and upgrading run inside the store's write lock (:func:`~geodata.store.connect.write_transaction`),
so app servers starting together on an empty database create the schema once, and the
others wait and find it there.

>>> head_revision() >= '0004'
True
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from geodata.errors import StoreError
from geodata.store.connect import sqlite_file, write_transaction
from geodata.store.tables import metadata

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class SchemaState:
    """Where a store's schema stands against this release: ``status`` is one of the module's states."""

    status: str  # empty | current | older | unversioned | newer
    revision: str | None  # the store's (None when empty or unversioned)
    head: str  # this release's

    def describe(self) -> str:
        if self.status == "empty":
            return f"empty: no launchmap tables yet (opening it creates schema {self.head})"
        if self.status == "current":
            return f"{self.revision} (head): up to date"
        if self.status == "newer":
            return (
                f"{self.revision}: newer than this launchmap (it knows up to {self.head}); upgrade launchmap"
            )
        made = "made before schema versions" if self.status == "unversioned" else str(self.revision)
        return f"{made}: older than this launchmap ({self.head}); run 'launchmap db upgrade'"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def known_revisions() -> set[str]:
    """Every schema revision this release knows, oldest to newest."""
    return {script.revision for script in _script().walk_revisions()}


def head_revision() -> str:
    """This release's newest schema revision."""
    head = _script().get_current_head()
    assert head is not None  # the versions folder ships with the package
    return head


def schema_state(connection: Connection) -> SchemaState:
    """The state of the store on ``connection`` (see the module guide)."""
    head = head_revision()
    revision = MigrationContext.configure(connection).get_current_revision()
    if revision is None:
        tables = set(sa.inspect(connection).get_table_names())
        return SchemaState("unversioned" if "launches" in tables else "empty", None, head)
    if revision == head:
        return SchemaState("current", revision, head)
    return SchemaState("older" if revision in known_revisions() else "newer", revision, head)


def current(engine: Engine) -> SchemaState:
    """The state of the store behind ``engine``, read without changing anything."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            # One snapshot for the version table and the table list: read committed would let a
            # schema another server commits between the two reads look "unversioned".
            connection.execution_options(isolation_level="REPEATABLE READ")
        return schema_state(connection)


def open_schema(engine: Engine, *, upgrade: bool, where: str) -> SchemaState:
    """Make the store usable by this release, or refuse with a :class:`StoreError` saying why.

    Creates the schema of an empty store; upgrades an older one only when ``upgrade``;
    refuses a newer one always. Returns the state found before anything was done.
    """
    state = current(engine)  # the usual start: a current store needs no lock
    if state.status == "current":
        return state
    if state.status == "newer":
        raise StoreError(_newer(state, where))
    return _migrate(engine, where, upgrade=upgrade)


def upgrade(engine: Engine, where: str) -> tuple[SchemaState, SchemaState]:
    """Bring the store to this release's schema; returns its state before and after."""
    before = current(engine)
    if before.status == "newer":
        raise StoreError(_newer(before, where))
    if before.status != "current":
        before = _migrate(engine, where, upgrade=True)
    return before, current(engine)


def _migrate(engine: Engine, where: str, *, upgrade: bool) -> SchemaState:
    """Decide and act under the write lock: another server may be creating or upgrading the store now."""
    with write_transaction(engine) as connection:
        state = schema_state(connection)
        if state.status == "current":
            return state
        if state.status == "newer":
            raise StoreError(_newer(state, where))
        if state.status in ("older", "unversioned") and not upgrade:
            made = state.revision or "from before schema versions"
            raise StoreError(
                f"the store at {where} has schema {made}, older than this launchmap's {state.head}: "
                "back it up ('launchmap db dump FILE'), then run 'launchmap db upgrade'"
            )
        config = alembic_config(connection)
        if state.status == "empty":
            # A new store gets the newest tables at once (faster than replaying history);
            # tests/core/test_store_migrations.py checks both routes give the same schema.
            metadata.create_all(connection)
            command.stamp(config, "head")
        else:
            _backup_sqlite(engine, state)
            command.upgrade(config, "head")
    return state


def _newer(state: SchemaState, where: str) -> str:
    return (
        f"the store at {where} has schema {state.revision}, newer than this launchmap "
        f"(it knows up to {state.head}): upgrade launchmap to open it"
    )


def _backup_sqlite(engine: Engine, state: SchemaState) -> None:
    """Copy a SQLite store beside itself before changing its schema (``launchmap.db.before-0005``: the revision it moves to)."""
    path = sqlite_file(engine)
    if path is None or not path.exists():
        return
    target = path.with_name(f"{path.name}.before-{state.head}")
    try:
        with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
    except sqlite3.Error as error:
        raise StoreError(f"cannot back up {path} before upgrading it: {error}") from error
