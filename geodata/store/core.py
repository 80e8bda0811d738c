"""The launch store: launches, sources, sites, systems and places, with an audit trail.

Every write is one transaction under the store-wide write lock (see
:mod:`geodata.store.connect`) that also appends audit rows (what, when, through what, by
whom, old and new value), so an import writes all its valid rows or nothing, concurrent
writers never lose each other's changes, and every change can be traced.

- Seeding is idempotent: rows from ``seeds/`` are inserted only when their key is not stored
  yet and was never deleted by a user, so a restart (or ten app servers starting at once)
  neither duplicates events nor overwrites edits, and a new release's records arrive.
- Every launch carries a ``version``; :meth:`Store.update_launch` with ``expected_version``
  refuses an edit based on an older one with :class:`~geodata.errors.StaleEdit`.

>>> store = Store("sqlite://")          # in memory
>>> store.seed() > 0
True
>>> event = store.launch("2025-11-07-taegwan")
>>> saved = store.update_launch(event["id"], {"notes": "checked"}, expected_version=event["version"])
>>> saved["version"] == event["version"] + 1
True
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from geodata.errors import InvalidEvent, InvalidOption, StaleEdit, StoreError
from geodata.events import (
    Record,
    RowError,
    choose_headline,
    filter_launches,
    launches_frame,
    parse_utc,
    sources_frame,
    validate_launches,
    validate_sources,
    validate_table,
)
from geodata.schema import LAUNCHES, PLACES, SITES, SOURCES, SYSTEMS, Column, Table
from geodata.seeds import seeds_dir as resolve_seeds
from geodata.store import migrate
from geodata.store.connect import (
    current_user,
    is_default_store,
    make_engine,
    resolve_db_url,
    write_transaction,
)
from geodata.store.tables import (
    BY_NAME,
    audit_table,
    launches_table,
    meta_table,
    places_table,
    sites_table,
    sources_table,
    systems_table,
)
from geodata.units import is_missing


@dataclass
class ImportResult:
    """What an import did: ids inserted, ids skipped because stored unchanged, row errors."""

    inserted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    systems_added: list[str] = field(default_factory=list)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _to_sql(table: Table, record: Record) -> dict[str, Any]:
    return _sql_rows(table, [record])[0]


def _sql_rows(table: Table, records: list[Record] | pd.DataFrame) -> list[dict[str, Any]]:
    """Records (or a frame of them) as SQL rows: missing values as NULL, times as ISO-8601 UTC text.

    Column by column, so the times of 100,000 rows are formatted in one call, not one each.
    """
    frame = records if isinstance(records, pd.DataFrame) else pd.DataFrame(list(records), columns=table.names)
    columns: dict[str, list[Any]] = {}
    for column in table.columns:
        if column.name not in frame:
            columns[column.name] = [None] * len(frame)
        elif column.dtype == "datetime":
            text = pd.to_datetime(frame[column.name], utc=True).dt.strftime("%Y-%m-%dT%H:%M:%SZ")
            columns[column.name] = [t if isinstance(t, str) else None for t in text]
        else:
            cells = frame[column.name].astype(object).to_numpy(copy=True)
            cells[frame[column.name].isna().to_numpy()] = None
            kind: Any = {"int": int, "float": float, "bool": bool}.get(column.dtype, str)
            # A validated frame holds the right types already: convert only what is not.
            columns[column.name] = [c if c is None or type(c) is kind else kind(c) for c in cells.tolist()]
    return [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)]


def _execute_many(connection: Connection, sql_table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """One INSERT for many rows, in the current transaction.

    On SQLite the rows go straight to the driver's executemany (its types need no conversion):
    SQLAlchemy's per-row parameter processing would double the time of a 100,000-row import.
    Elsewhere SQLAlchemy batches them itself (multi-row VALUES on PostgreSQL).
    """
    if connection.dialect.name != "sqlite":
        connection.execute(sql_table.insert(), rows)
        return
    names = [c.name for c in sql_table.columns if c.name in rows[0]]
    quote = connection.dialect.identifier_preparer.quote
    statement = (
        f"INSERT INTO {quote(sql_table.name)} ({', '.join(map(quote, names))}) "
        f"VALUES ({', '.join('?' * len(names))})"
    )
    connection.exec_driver_sql(statement, [tuple(row[name] for name in names) for row in rows])


_JSON = json.JSONEncoder(sort_keys=True, default=str)  # one encoder: json.dumps builds one per call


# filter_launches' keywords and the column each one selects on.
FILTERS: dict[str, str] = {
    "since": "launched_at",
    "until": "launched_at",
    "classes": "system_class",
    "systems": "system",
    "sites": "site_id",
    "outcomes": "outcome",
    "actors": "actor",
    "distance_km": "distance_km",
}


def _sql_filters(filters: dict[str, Any]) -> list[Any]:
    """SQL conditions that keep at least the rows :func:`filter_launches` keeps (it decides the edges)."""
    c = launches_table.c
    conditions: list[Any] = []
    if "since" in filters:  # stored times are ISO-8601 UTC text, which sorts as time does
        conditions.append(c.launched_at >= parse_utc(filters["since"]).strftime("%Y-%m-%dT%H:%M:%S"))
    if "until" in filters:  # a day past the end: "until a date" takes that whole day
        end = parse_utc(filters["until"]) + pd.Timedelta(days=1)
        conditions.append(c.launched_at <= end.strftime("%Y-%m-%dT%H:%M:%SZ"))
    for keyword in ("classes", "systems", "sites", "outcomes", "actors"):
        if keyword in filters:
            conditions.append(c[FILTERS[keyword]].in_([str(v) for v in filters[keyword]]))
    return conditions


def _json(row: dict[str, Any] | None) -> str | None:
    return None if row is None else _JSON.encode(row)


class Store:
    """Launches, their sources, sites, systems and places, with an audit trail.

    ``db`` is a file path or SQLAlchemy URL (default ``$LAUNCHMAP_DB``, else the local
    SQLite file). A store at an older schema revision is upgraded only when ``upgrade`` is
    true; ``None`` (the default) means true for the default local file alone, which only
    its owner's launchmap uses (a copy is kept beside it), and false for any named store,
    which other app servers may share. A store newer than this release is always refused.
    """

    def __init__(self, db: str | os.PathLike[str] | None = None, *, upgrade: bool | None = None) -> None:
        self.url = resolve_db_url(db)
        # The last whole launches table read, per include_version: (store version, frame).
        self._table_cache: dict[bool, tuple[int, pd.DataFrame]] = {}
        self.engine: Engine = make_engine(self.url)
        where = repr(self.engine.url.render_as_string(hide_password=True))
        try:
            migrate.open_schema(
                self.engine, upgrade=is_default_store(db) if upgrade is None else upgrade, where=where
            )
        except sa.exc.SQLAlchemyError as error:
            reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
            raise StoreError(f"cannot open the store at {where}: {reason}") from error

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    # --- reading -----------------------------------------------------------------
    def _read(
        self, sql_table: sa.Table, table: Table, where: Any = None, connection: Connection | None = None
    ) -> pd.DataFrame:
        query = sa.select(*[sql_table.c[name] for name in table.names])
        if where is not None:
            query = query.where(where)
        if connection is None:
            with self.engine.connect() as fresh:
                rows = [dict(r._mapping) for r in fresh.execute(query)]
        else:
            rows = [dict(r._mapping) for r in connection.execute(query)]
        return pd.DataFrame(rows, columns=table.names)

    def _launches(
        self,
        connection: Connection,
        include_version: bool = False,
        where: Any = None,
        columns: Sequence[str] | None = None,
    ) -> pd.DataFrame:
        """Typed launches sorted by time: every column, or only ``columns`` (read alone from SQL)."""
        names = (
            list(LAUNCHES.names) if columns is None else list(dict.fromkeys(["id", "launched_at", *columns]))
        )
        if include_version:
            names.append("version")
        query = sa.select(*launches_table.c[tuple(names)])
        if where is not None:
            query = query.where(where)
        rows = connection.execute(query).all()
        frame = launches_frame([dict(zip(names, row, strict=True)) for row in rows])
        if include_version:
            frame["version"] = pd.array([int(r[-1]) for r in rows], dtype="Int64")
        frame = frame.sort_values(["launched_at", "id"], ignore_index=True)
        return frame if columns is None else frame[[*columns, *(["version"] if include_version else [])]]

    def _stored_launches(self, connection: Connection, ids: set[str]) -> pd.DataFrame:
        """The stored launches with these ids, indexed by id (a few by key, many by one scan)."""
        if not ids:
            return launches_frame().set_index("id")
        # An IN list past a few hundred keys is slower than one scan, and SQLite caps parameters.
        where = launches_table.c.id.in_(sorted(ids)) if len(ids) <= 500 else None
        stored = self._launches(connection, where=where).set_index("id")
        return stored if where is not None else stored[stored.index.isin(ids)]

    def launches(
        self,
        *,
        include_version: bool = False,
        columns: Sequence[str] | None = None,
        **filters: Any,
    ) -> pd.DataFrame:
        """Launch events, typed, sorted by time; ``include_version`` adds each one's edit ``version``.

        ``filters`` are the keywords of :func:`~geodata.events.filter_launches` (``since``,
        ``classes``, ``sites``...): the indexed columns pick the rows in SQL, so only matching
        rows are read, and that function then decides every edge, so the rows are exactly the
        ones it keeps. ``columns`` reads only those columns. The whole table, asked for again
        at the same store version, comes from memory (the version is one index lookup).
        """
        unknown = set(filters) - set(FILTERS)
        if unknown:
            raise InvalidOption(
                f"unknown launch filter(s) {sorted(unknown)}; expected some of {list(FILTERS)}"
            )
        if columns is not None:
            not_columns = [c for c in columns if c not in LAUNCHES.names]
            if not_columns:
                raise InvalidOption(f"no launch column(s) {not_columns}; expected some of {LAUNCHES.names}")
        wanted = {k: v for k, v in filters.items() if v is not None}
        with self.engine.connect() as connection:
            if not wanted and columns is None:
                return self._whole_table(connection, include_version)
            needed = (
                None if columns is None else list(dict.fromkeys([*columns, *(FILTERS[k] for k in wanted)]))
            )
            where = sa.and_(sa.true(), *_sql_filters(wanted))
            frame = self._launches(connection, include_version, where, needed)
        frame = filter_launches(frame, **wanted).reset_index(drop=True)
        return frame if columns is None else frame[[*columns, *(["version"] if include_version else [])]]

    def _whole_table(self, connection: Connection, include_version: bool) -> pd.DataFrame:
        """Every launch, from memory when the store has not changed since the last read."""
        version = self._version(connection)  # read first: the rows are at least this new
        cached = self._table_cache.get(include_version)
        if cached is None or cached[0] != version:
            cached = (version, self._launches(connection, include_version))
            self._table_cache[include_version] = cached
        return cached[1].copy()  # a caller may change its frame; the cache stays as read

    def launch(self, launch_id: str) -> Record | None:
        """One event as stored, with its ``version`` (read together, for an edit form), or None."""
        with self.engine.connect() as connection:
            return self._launch(connection, launch_id)

    def _launch(self, connection: Connection, launch_id: str) -> Record | None:
        row = (
            connection.execute(sa.select(launches_table).where(launches_table.c.id == launch_id))
            .mappings()
            .first()
        )
        if row is None:
            return None
        record: Record = launches_frame([dict(row)]).iloc[0].to_dict()
        record["version"] = int(row["version"])
        return record

    def sources(self, launch_ids: Iterable[str] | None = None) -> pd.DataFrame:
        where = sources_table.c.launch_id.in_(list(launch_ids)) if launch_ids is not None else None
        return sources_frame(self._read(sources_table, SOURCES, where).to_dict("records"))

    def sites(self) -> pd.DataFrame:
        return self._read(sites_table, SITES).sort_values("id", ignore_index=True)

    def systems(self) -> pd.DataFrame:
        return self._read(systems_table, SYSTEMS).sort_values("name", ignore_index=True)

    def places(self) -> pd.DataFrame:
        return self._read(places_table, PLACES).sort_values("id", ignore_index=True)

    def audit(self, limit: int = 200) -> pd.DataFrame:
        """The latest audit rows, newest first: ``at``, ``actor`` (through what), ``user_name`` (who)..."""
        query = sa.select(audit_table).order_by(audit_table.c.id.desc()).limit(limit)
        with self.engine.connect() as connection:
            return pd.DataFrame(
                [dict(r._mapping) for r in connection.execute(query)],
                columns=[c.name for c in audit_table.columns],
            )

    def version(self) -> int:
        """A store-wide number that grows with every write; pages use it to invalidate caches.

        The newest audit row's id: one primary-key lookup, whatever the store's size.
        """
        with self.engine.connect() as connection:
            return self._version(connection)

    def _version(self, connection: Connection) -> int:
        return int(
            connection.execute(sa.select(sa.func.coalesce(sa.func.max(audit_table.c.id), 0))).scalar_one()
        )

    def schema(self) -> migrate.SchemaState:
        """Where this store's schema stands (revision and this release's head)."""
        return migrate.current(self.engine)

    # --- writing -----------------------------------------------------------------
    def _audit(
        self,
        connection: Connection,
        actor: str,
        action: str,
        table: str,
        key: str,
        old: dict[str, Any] | None,
        new: dict[str, Any] | None,
        user: str | None = None,
    ) -> None:
        connection.execute(
            audit_table.insert().values(
                at=_now(),
                actor=actor,
                user_name=user or current_user(),
                action=action,
                table_name=table,
                row_key=key,
                old_value=_json(old),
                new_value=_json(new),
            )
        )

    def _insert_many(
        self,
        connection: Connection,
        table: Table,
        records: list[Record] | pd.DataFrame,
        actor: str,
        user: str | None = None,
    ) -> None:
        """Insert rows and one audit row each, as two executemany statements (one round trip each).

        The audit keeps one row per inserted row (who, when, through what, the new values),
        so a row's history reads the same however it came and a deletion stops its re-seeding.
        """
        if len(records) == 0:
            return
        sql_table = BY_NAME[table.name][1]
        rows = _sql_rows(table, records)
        if table is LAUNCHES:
            for row in rows:
                row["version"] = 1
        _execute_many(connection, sql_table, rows)
        at, who = _now(), user or current_user()
        _execute_many(
            connection,
            audit_table,
            [
                {
                    "at": at,
                    "actor": actor,
                    "user_name": who,
                    "action": "insert",
                    "table_name": table.name,
                    "row_key": str(row[table.key] if table.key else f"{row['launch_id']}:{row['source']}"),
                    "old_value": None,
                    "new_value": _json(row),
                }
                for row in rows
            ],
        )

    def _deleted_keys(self, connection: Connection, table_name: str) -> set[str]:
        query = sa.select(audit_table.c.row_key).where(
            audit_table.c.table_name == table_name, audit_table.c.action == "delete"
        )
        return {r[0] for r in connection.execute(query)}

    def _stored_keys(self, connection: Connection, sql_table: sa.Table, key: str) -> set[str]:
        return {r[0] for r in connection.execute(sa.select(sql_table.c[key]))}

    def _seed_digest(self, connection: Connection) -> str | None:
        return connection.execute(
            sa.select(meta_table.c.value).where(meta_table.c.key == "seed_digest")
        ).scalar_one_or_none()

    def seed(self, seeds_dir: Path | None = None, actor: str = "seed", user: str | None = None) -> int:
        """Load ``seeds_dir`` into the store; returns how many rows were inserted.

        ``seeds_dir`` defaults to ``$LAUNCHMAP_SEEDS`` or the bundled history; a missing or
        incomplete folder raises :class:`~geodata.errors.MissingSeeds` (never an empty store).
        Skips entirely when the seed files are unchanged since the last seeding. Rows
        whose key is stored (possibly edited) or was deleted by a user are left alone. Runs
        under the write lock, so app servers starting together seed once between them.
        """
        seeds_dir = resolve_seeds(seeds_dir)
        digest = _digest(seeds_dir)
        with self.engine.connect() as connection:
            if self._seed_digest(connection) == digest:  # the usual start: nothing to take a lock for
                return 0
        frames = {t.name: _read_seed(seeds_dir, t) for t in (SITES, SYSTEMS, PLACES, LAUNCHES, SOURCES)}
        with write_transaction(self.engine) as connection:
            if self._seed_digest(connection) == digest:  # another server seeded while we waited
                return 0
            inserted = 0
            for table in (SITES, SYSTEMS, PLACES):
                inserted += self._seed_keyed(connection, table, frames[table.name], actor, user)
            sites = self._stored_keys(connection, sites_table, "id")
            systems = self._stored_keys(connection, systems_table, "name")
            valid, errors = validate_launches(
                frames[LAUNCHES.name],
                site_ids=sites,
                system_names=systems,
                row_numbers=_file_rows(frames[LAUNCHES.name]),
            )
            if errors:
                raise InvalidEvent(
                    f"seeds/launches.csv has {len(errors)} invalid row(s): {errors[0]}", errors
                )
            new_ids = self._new_keys(connection, LAUNCHES, valid["id"])
            new_launches = valid[valid["id"].isin(new_ids)]
            self._insert_many(connection, LAUNCHES, new_launches, actor, user)
            inserted += len(new_launches)
            sources, errors = validate_sources(
                frames[SOURCES.name],
                launch_ids=set(valid["id"]),
                row_numbers=_file_rows(frames[SOURCES.name]),
            )
            if errors:
                raise InvalidEvent(
                    f"seeds/launch_sources.csv has {len(errors)} invalid row(s): {errors[0]}", errors
                )
            new_sources = choose_headline(sources[sources["launch_id"].isin(new_ids)])
            self._insert_many(connection, SOURCES, new_sources, actor, user)
            inserted += len(new_sources)
            connection.execute(meta_table.delete().where(meta_table.c.key == "seed_digest"))
            connection.execute(meta_table.insert().values(key="seed_digest", value=digest))
        return inserted

    def _new_keys(self, connection: Connection, table: Table, keys: Iterable[str]) -> set[str]:
        sql_table = BY_NAME[table.name][1]
        skip = self._stored_keys(connection, sql_table, table.key) | self._deleted_keys(
            connection, table.name
        )
        return {k for k in keys if k not in skip}

    def _seed_keyed(
        self, connection: Connection, table: Table, frame: pd.DataFrame, actor: str, user: str | None
    ) -> int:
        records, _bad, errors = validate_table(table, frame, _file_rows(frame))
        if errors:
            raise InvalidEvent(
                f"seeds/{table.seed_file} has {len(errors)} invalid row(s): {errors[0]}", errors
            )
        new_keys = self._new_keys(connection, table, [r[table.key] for r in records])
        fresh = []
        for record in records:
            if record[table.key] in new_keys:  # the first row of a repeated key wins
                fresh.append(record)
                new_keys.discard(record[table.key])
        self._insert_many(connection, table, fresh, actor, user)
        return len(fresh)

    def import_launches(
        self,
        launches: pd.DataFrame,
        sources: pd.DataFrame | None = None,
        *,
        actor: str = "import",
        user: str | None = None,
        skip_invalid: bool = False,
        add_unknown_systems: bool = True,
        dry_run: bool = False,
    ) -> ImportResult:
        """Validate and insert launches (and their sources) in one transaction.

        Any invalid row makes the whole import write nothing (``InvalidEvent`` carries
        the row errors) unless ``skip_invalid``. Rows whose id is stored with identical
        values are skipped, so importing the same file twice changes nothing. ``dry_run``
        validates and reports (errors in the result, never raised) without writing.
        Validation reads the store inside the write lock, so two imports that add the same
        new system or event at once add it once (the second finds it stored).
        """
        sources = sources if sources is not None else sources_frame()
        if dry_run:
            with self.engine.connect() as connection:
                result, valid, _sources, systems = self._plan_import(
                    connection, launches, sources, add_unknown_systems
                )
            result.inserted = list(valid["id"])
            result.systems_added = sorted(set(valid["system"]) - systems)
            return result
        with write_transaction(self.engine) as connection:
            result, valid, valid_sources, systems = self._plan_import(
                connection, launches, sources, add_unknown_systems
            )
            if result.errors and not skip_invalid:
                raise InvalidEvent(
                    f"{len(result.errors)} invalid row(s); nothing was written. First: {result.errors[0]}",
                    result.errors,
                )
            # Unknown systems first (the first row naming one gives its class), then the
            # launches and their sources, each as one batch: 100,000 rows are three statements.
            new_systems = valid[~valid["system"].isin(systems)].drop_duplicates("system")
            self._insert_many(
                connection,
                SYSTEMS,
                [
                    {"name": name, "system_class": system_class, "notes": f"added by {actor}"}
                    for name, system_class in zip(
                        new_systems["system"], new_systems["system_class"], strict=True
                    )
                ],
                actor,
                user,
            )
            result.systems_added = [str(name) for name in new_systems["system"]]
            self._insert_many(connection, LAUNCHES, valid, actor, user)
            result.inserted = [str(i) for i in valid["id"]]
            self._insert_many(
                connection, SOURCES, choose_headline(valid_sources).to_dict("records"), actor, user
            )
        return result

    def _plan_import(
        self,
        connection: Connection,
        launches: pd.DataFrame,
        sources: pd.DataFrame,
        add_unknown_systems: bool,
    ) -> tuple[ImportResult, pd.DataFrame, pd.DataFrame, set[str]]:
        """Validate an import against the store as ``connection`` sees it: (result, launches, sources, systems)."""
        result = ImportResult()
        candidate = launches.copy()
        stored_ids = self._stored_keys(connection, launches_table, "id")
        # Only rows whose id is stored can be unchanged: read and compare just those.
        again = (
            candidate[candidate["id"].astype(str).isin(stored_ids)] if "id" in candidate else candidate[:0]
        )
        stored = self._stored_launches(connection, set(again["id"].astype(str)) if not again.empty else set())
        unchanged = [
            i
            for i, row in zip(again.index, again.to_dict("records"), strict=True)
            if _same_event(row, stored.loc[str(row["id"])])
        ]
        result.unchanged = [str(candidate.at[i, "id"]) for i in unchanged]
        candidate = candidate.drop(index=unchanged)
        # A default index means "row n of what was given" (1-based); readers of files set the
        # index to the line number an editor shows, and that label is kept.
        offset = 1 if isinstance(launches.index, pd.RangeIndex) and launches.index.start == 0 else 0
        row_numbers = [int(i) + offset if isinstance(i, int) else str(i) for i in candidate.index]
        systems = self._stored_keys(connection, systems_table, "name")
        valid, errors = validate_launches(
            candidate,
            site_ids=self._stored_keys(connection, sites_table, "id"),
            system_names=None if add_unknown_systems else systems,
            existing_ids=stored_ids,
            row_numbers=row_numbers,
        )
        source_candidates = (
            sources[~sources["launch_id"].isin(result.unchanged)] if not sources.empty else sources
        )
        valid_sources, source_errors = validate_sources(
            source_candidates, launch_ids=set(valid["id"]) | set(candidate["id"].dropna().astype(str))
        )
        result.errors = errors + source_errors
        valid_sources = valid_sources[valid_sources["launch_id"].isin(valid["id"])]
        return result, valid, valid_sources, systems

    def add_launch(
        self,
        event: dict[str, Any],
        sources: Iterable[dict[str, Any]] = (),
        *,
        actor: str = "form",
        user: str | None = None,
    ) -> str:
        """Insert one event with its sources; raises InvalidEvent (nothing written) when invalid."""
        source_rows = [{**s, "launch_id": event.get("id")} for s in sources]
        self.import_launches(
            pd.DataFrame([event]), pd.DataFrame(source_rows, columns=SOURCES.names), actor=actor, user=user
        )
        return str(event["id"])

    def update_launch(
        self,
        launch_id: str,
        changes: dict[str, Any],
        *,
        actor: str = "form",
        expected_version: int | None = None,
        user: str | None = None,
    ) -> dict[str, Any]:
        """Apply ``changes`` to one event after validating the edited row; returns the new row.

        The row is read and written under the write lock, so concurrent edits of different
        columns all land. ``expected_version`` (the ``version`` the editor's form was filled
        from; a ``version`` key in ``changes`` counts as one) makes the edit conditional: if
        anyone saved the launch since, :class:`~geodata.errors.StaleEdit` is raised with the
        stored values and nothing is written. ``user`` defaults to :func:`current_user`.
        The returned row carries the new ``version``.
        """
        changes = dict(changes)
        if expected_version is None and changes.get("version") is not None:
            expected_version = int(changes["version"])
        changes.pop("version", None)
        with write_transaction(self.engine) as connection:
            old = self._locked_row(connection, launch_id, expected_version)
            return self._write_update(connection, launch_id, old, changes, actor, user)

    def _write_update(
        self,
        connection: Connection,
        launch_id: str,
        old: Any,
        changes: dict[str, Any],
        actor: str,
        user: str | None,
    ) -> dict[str, Any]:
        """Validate and write ``changes`` to the locked row ``old`` (the caller holds the write lock)."""
        edited = {**{k: old[k] for k in LAUNCHES.names}, **changes, "id": launch_id}
        if "report_status" not in changes and _figures_changed(dict(old), edited):
            # A changed headline figure is a revision; the audit row keeps the earlier value.
            edited["report_status"] = "revised"
        valid, errors = validate_launches(
            pd.DataFrame([edited]),
            site_ids=self._stored_keys(connection, sites_table, "id"),
            system_names=self._stored_keys(connection, systems_table, "name"),
            row_numbers=[launch_id],
        )
        if errors:
            raise InvalidEvent(f"edit of {launch_id!r} is invalid: {errors[0]}", errors)
        new = {**_to_sql(LAUNCHES, valid.iloc[0].to_dict()), "version": int(old["version"]) + 1}
        written = connection.execute(
            launches_table.update()
            .where(launches_table.c.id == launch_id, launches_table.c.version == old["version"])
            .values(**new)
        )
        if written.rowcount != 1:  # cannot happen under the write lock; never write blind
            raise StoreError(f"launch {launch_id!r} changed while it was being saved; nothing was saved")
        self._audit(connection, actor, "update", LAUNCHES.name, launch_id, dict(old), new, user)
        return new

    def _locked_row(self, connection: Connection, launch_id: str, expected_version: int | None) -> Any:
        """The stored row (inside the write lock); refuses a missing launch or a stale version."""
        old = (
            connection.execute(sa.select(launches_table).where(launches_table.c.id == launch_id))
            .mappings()
            .first()
        )
        if old is None:
            raise InvalidEvent(f"no launch with id {launch_id!r}")
        if expected_version is not None and int(expected_version) != int(old["version"]):
            raise self._stale(connection, launch_id, int(expected_version), dict(old))
        return old

    def _stale(
        self, connection: Connection, launch_id: str, expected_version: int, stored: dict[str, Any]
    ) -> StaleEdit:
        history = connection.execute(
            sa.select(audit_table.c.at, audit_table.c.user_name, audit_table.c.actor, audit_table.c.old_value)
            .where(audit_table.c.table_name == LAUNCHES.name, audit_table.c.row_key == launch_id)
            .order_by(audit_table.c.id)
        ).all()
        changed: list[str] = []
        for row in history:
            base = json.loads(row.old_value or "{}")
            if base.get("version") == expected_version:
                changed = [
                    c.name
                    for c in LAUNCHES.columns
                    if _normalise(c, base.get(c.name)) != _normalise(c, stored.get(c.name))
                ]
                break
        last = history[-1] if history else None
        record = self._launch(connection, launch_id) or {}
        return StaleEdit(
            launch_id,
            expected_version,
            int(stored["version"]),
            record,
            changed,
            changed_by=(last.user_name or last.actor) if last is not None else None,
            changed_at=last.at if last is not None else None,
        )

    def figure_revisions(self, launch_id: str) -> list[dict[str, Any]]:
        """Each stored change of a headline figure of one event, oldest first.

        ``{"at", "actor", "user", "column", "old", "new"}`` per changed figure, read from the
        audit log, so the card can say "revised on 26 Nov 2026: distance 700 km, was 650 km".
        """
        query = (
            sa.select(audit_table)
            .where(
                audit_table.c.table_name == LAUNCHES.name,
                audit_table.c.row_key == launch_id,
                audit_table.c.action == "update",
            )
            .order_by(audit_table.c.id)
        )
        revisions = []
        with self.engine.connect() as connection:
            for row in connection.execute(query).mappings():
                old, new = json.loads(row["old_value"] or "{}"), json.loads(row["new_value"] or "{}")
                for column in FIGURE_COLUMNS:
                    if _normalise(LAUNCHES.column(column), old.get(column)) != _normalise(
                        LAUNCHES.column(column), new.get(column)
                    ):
                        revisions.append(
                            {
                                "at": row["at"],
                                "actor": row["actor"],
                                "user": row["user_name"],
                                "column": column,
                                "old": old.get(column),
                                "new": new.get(column),
                            }
                        )
        return revisions

    def delete_launch(
        self,
        launch_id: str,
        *,
        actor: str = "form",
        expected_version: int | None = None,
        user: str | None = None,
    ) -> None:
        """Delete one event and its sources; the audit row keeps the old values (and stops re-seeding it).

        With ``expected_version``, a launch saved by someone else since is not deleted
        (:class:`~geodata.errors.StaleEdit`).
        """
        with write_transaction(self.engine) as connection:
            old = self._locked_row(connection, launch_id, expected_version)
            old_sources = [
                dict(r)
                for r in connection.execute(
                    sa.select(sources_table).where(sources_table.c.launch_id == launch_id)
                ).mappings()
            ]
            connection.execute(sources_table.delete().where(sources_table.c.launch_id == launch_id))
            connection.execute(launches_table.delete().where(launches_table.c.id == launch_id))
            self._audit(
                connection,
                actor,
                "delete",
                LAUNCHES.name,
                launch_id,
                {**dict(old), "sources": old_sources},
                None,
                user,
            )

    # --- backups -----------------------------------------------------------------
    def dump(self) -> dict[str, Any]:
        """Everything stored, as portable JSON-ready data (see :mod:`geodata.store.dump`)."""
        from geodata.store.dump import dump_store

        return dump_store(self.engine)

    def restore(self, data: dict[str, Any], *, replace: bool = False) -> dict[str, int]:
        """Load a :meth:`dump` into this store (empty, or emptied first with ``replace``); rows per table."""
        from geodata.store.dump import restore_store

        self._table_cache.clear()  # a restored store may reuse version numbers
        return restore_store(self.engine, data, replace=replace)


def _digest(seeds_dir: Path) -> str:
    sha = hashlib.sha256()
    for table in (SITES, SYSTEMS, PLACES, LAUNCHES, SOURCES):
        path = seeds_dir / table.seed_file
        sha.update(path.read_bytes() if path.exists() else b"")
    return sha.hexdigest()


def _read_seed(seeds_dir: Path, table: Table) -> pd.DataFrame:
    path = seeds_dir / table.seed_file
    if not path.exists():
        return pd.DataFrame(columns=table.names)
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _file_rows(frame: pd.DataFrame) -> list[int | str]:
    # CSV data row n is line n + 1 (the header is line 1): name lines as an editor shows them.
    return [i + 2 for i in range(len(frame))]


# The figures an event shows first (its headline); a change to one of them is a revision.
FIGURE_COLUMNS = ("count", "distance_km", "apogee_km", "flight_time_s", "failed_count")


def _figures_changed(old: dict[str, Any], new: dict[str, Any]) -> bool:
    return any(
        _normalise(LAUNCHES.column(c), old.get(c)) != _normalise(LAUNCHES.column(c), new.get(c))
        for c in FIGURE_COLUMNS
    )


def _same_event(candidate: Mapping[Any, Any] | pd.Series, stored: Any) -> bool:
    """True when a candidate row carries the same values as the stored event."""
    for column in LAUNCHES.columns:
        if column.name == "id":
            continue
        if _normalise(column, candidate.get(column.name)) != _normalise(column, stored.get(column.name)):
            return False
    return True


def _normalise(column: Column, value: Any) -> Any:
    if is_missing(value):
        return column.default  # an older file without the column means the default
    try:
        if column.dtype == "datetime":
            return (
                pd.Timestamp(value).tz_convert("UTC")
                if pd.Timestamp(value).tzinfo
                else pd.Timestamp(value).tz_localize("UTC")
            )
        if column.dtype in ("float", "int"):
            return round(float(value), 6)
    except (TypeError, ValueError):
        return value
    return str(value).strip()
