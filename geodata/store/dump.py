"""Backups as portable JSON: every table of a store, its sources and audit included.

A dump reads one consistent snapshot of whatever schema revision the store is at (so a
store can be backed up *before* ``launchmap db upgrade``), and restores into a store of this
release on either back end: SQLite to PostgreSQL and back is a round trip that keeps every
row, edit version and audit entry. Columns a dump from an older revision lacks are filled
with their schema default (``actor`` PRK, ``report_status`` confirmed, ``version`` 1).

The file: ``{"format": "launchmap-dump", "format_version": 1, "schema_revision": "0003",
"dumped_at": "...", "tables": {"launches": {"columns": [...], "rows": [[...], ...]}, ...}}``.

>>> from geodata.store import Store
>>> source, target = Store("sqlite://"), Store("sqlite://")
>>> _ = source.seed()
>>> counts = restore_store(target.engine, dump_store(source.engine))
>>> len(target.launches()) == len(source.launches()) == counts["launches"]
True
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from geodata.errors import InvalidFile, StoreError
from geodata.schema import Table
from geodata.store import migrate
from geodata.store.connect import write_transaction
from geodata.store.tables import BY_NAME, DUMP_ORDER

FORMAT = "launchmap-dump"
FORMAT_VERSION = 1
_CHUNK = 500  # rows per INSERT: keeps a statement well under every driver's parameter limit


def dump_store(engine: Engine) -> dict[str, Any]:
    """Every launchmap table of the store behind ``engine``, read in one snapshot."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":  # one snapshot for all tables, as SQLite's BEGIN gives
            connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            state = migrate.schema_state(connection)
            if state.status == "empty":
                raise StoreError("the store is empty: there is nothing to dump")
            present = set(sa.inspect(connection).get_table_names())
            reflected = sa.MetaData()
            names = [t.name for t in DUMP_ORDER if t.name in present]
            reflected.reflect(bind=connection, only=names)
            tables = {name: _dump_table(connection, reflected.tables[name]) for name in names}
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_revision": state.revision or "unversioned",
        "dumped_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "tables": tables,
    }


def _dump_table(connection: Connection, table: sa.Table) -> dict[str, Any]:
    columns = [c.name for c in table.columns]
    query = sa.select(*table.columns).order_by(*table.primary_key.columns)
    return {"columns": columns, "rows": [list(row) for row in connection.execute(query)]}


def restore_store(engine: Engine, data: dict[str, Any], *, replace: bool = False) -> dict[str, int]:
    """Insert a dump into the store behind ``engine`` (at this release's schema); rows per table.

    The store must hold nothing, unless ``replace``: then everything in it is deleted first,
    in the same transaction (a failed restore leaves the store as it was).
    """
    tables = _check(data)
    counts: dict[str, int] = {}
    with write_transaction(engine) as connection:
        state = migrate.schema_state(connection)
        if state.status != "current":
            raise StoreError(f"cannot restore into a store at schema {state.describe()}")
        if not replace:
            filled = [
                t.name
                for t in DUMP_ORDER
                if connection.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
            ]
            if filled:
                raise StoreError(
                    f"the store is not empty ({', '.join(filled)} hold rows): restore into a new "
                    "database, or pass --replace to delete what it holds first"
                )
        for table in reversed(DUMP_ORDER):
            connection.execute(table.delete())
        for table in DUMP_ORDER:
            rows = _rows(table, tables.get(table.name))
            for start in range(0, len(rows), _CHUNK):
                connection.execute(table.insert(), rows[start : start + _CHUNK])
            counts[table.name] = len(rows)
        if engine.dialect.name == "postgresql":
            _reset_sequences(connection)
    return counts


def _check(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidFile("not a launchmap dump (expected a JSON object with format 'launchmap-dump')")
    if data.get("format_version") != FORMAT_VERSION:
        raise InvalidFile(
            f"dump format version {data.get('format_version')!r} is not one this launchmap reads ({FORMAT_VERSION})"
        )
    revision = data.get("schema_revision")
    known = {"unversioned"} | migrate.known_revisions()
    if revision not in known:
        raise StoreError(f"the dump is of schema {revision!r}, newer than this launchmap: upgrade launchmap")
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise InvalidFile("the dump has no 'tables' object")
    unknown = set(tables) - {t.name for t in DUMP_ORDER}
    if unknown:
        raise InvalidFile(f"the dump holds tables this launchmap does not know: {', '.join(sorted(unknown))}")
    return tables


def _rows(table: sa.Table, dumped: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not dumped:
        return []
    columns = list(dumped["columns"])
    schema: Table | None = BY_NAME[table.name][0] if table.name in BY_NAME else None
    defaults: dict[str, Any] = {}
    for column in table.columns:
        if column.name in columns:
            continue
        if column.name == "version":
            defaults["version"] = 1
        elif schema is not None and column.name in schema.names and schema.column(column.name).default:
            defaults[column.name] = schema.column(column.name).default
        elif not column.nullable and not column.primary_key:
            raise InvalidFile(f"the dump's {table.name} lacks the required column {column.name!r}")
    unknown = set(columns) - {c.name for c in table.columns}
    if unknown:
        raise InvalidFile(
            f"the dump's {table.name} has columns this launchmap does not know: {sorted(unknown)}"
        )
    return [{**defaults, **dict(zip(columns, row, strict=True))} for row in dumped["rows"]]


def _reset_sequences(connection: Connection) -> None:
    """Explicit ids were inserted: move each serial column's sequence past the largest one."""
    for table in DUMP_ORDER:
        for column in table.primary_key.columns:
            if isinstance(column.type, sa.Integer):
                connection.execute(
                    sa.text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                        f"COALESCE(MAX({column.name}), 0) + 1, false) FROM {table.name}"
                    )
                )
