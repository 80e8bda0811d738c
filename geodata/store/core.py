"""The launch store: SQLAlchemy Core over an SQLite file by default, any SQLAlchemy URL for teams.

Every write is one transaction that also appends audit rows (what, when, who, old and
new value), so an import writes all its valid rows or nothing and every change can be
traced. Seeding is idempotent: rows from ``seeds/`` are inserted only when their key is
not stored yet and was never deleted by a user, so a restart neither duplicates events
nor overwrites edits.

>>> store = Store("sqlite://")          # in memory
>>> store.seed() > 0
True
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from geodata.errors import InvalidEvent, StoreError
from geodata.events import (
    Record,
    RowError,
    choose_headline,
    launches_frame,
    sources_frame,
    validate_launches,
    validate_sources,
    validate_table,
)
from geodata.schema import LAUNCHES, PLACES, SITES, SOURCES, SYSTEMS, Column, Table
from geodata.seeds import seeds_dir as resolve_seeds
from geodata.units import is_missing

ENV_VAR = "LAUNCHMAP_DB"


def default_db_path() -> Path:
    """``$XDG_DATA_HOME/launchmap/launchmap.db`` (``~/.local/share/...`` when unset)."""
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "launchmap" / "launchmap.db"


def resolve_db_url(db: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from ``--db``, else ``$LAUNCHMAP_DB``, else the default SQLite file.

    Anything containing ``://`` is taken as a URL (``postgresql+psycopg://...``);
    anything else is a file path.
    """
    value = str(db) if db is not None else os.environ.get(ENV_VAR) or str(default_db_path())
    if "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


_SQL_TYPES = {
    "str": sa.Text,
    "float": sa.Float,
    "int": sa.Integer,
    "bool": sa.Boolean,
    "datetime": sa.Text,  # ISO-8601 UTC text: sorts correctly and survives every backend
    "date": sa.Text,
}

metadata = sa.MetaData()


def _sql_table(table: Table) -> sa.Table:
    columns: list[sa.Column[Any]] = []
    if not table.key:
        columns.append(sa.Column("row_id", sa.Integer, primary_key=True, autoincrement=True))
    for column in table.columns:
        columns.append(
            sa.Column(
                column.name,
                _SQL_TYPES[column.dtype](),
                primary_key=column.name == table.key,
                nullable=not column.required,
            )
        )
    return sa.Table(table.name, metadata, *columns)


launches_table = _sql_table(LAUNCHES)
sources_table = _sql_table(SOURCES)
sites_table = _sql_table(SITES)
systems_table = _sql_table(SYSTEMS)
places_table = _sql_table(PLACES)
sa.Index("ix_launch_sources_launch_id", sources_table.c.launch_id)

audit_table = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.Text, nullable=False),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("action", sa.Text, nullable=False),  # insert | update | delete
    sa.Column("table_name", sa.Text, nullable=False),
    sa.Column("row_key", sa.Text, nullable=False),
    sa.Column("old_value", sa.Text),  # JSON of the row before the change
    sa.Column("new_value", sa.Text),
)
meta_table = sa.Table(
    "meta", metadata, sa.Column("key", sa.Text, primary_key=True), sa.Column("value", sa.Text)
)

_BY_NAME = {
    t.name: (t, s)
    for t, s in (
        (LAUNCHES, launches_table),
        (SOURCES, sources_table),
        (SITES, sites_table),
        (SYSTEMS, systems_table),
        (PLACES, places_table),
    )
}


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
    row: dict[str, Any] = {}
    for column in table.columns:
        value = record.get(column.name)
        if value is None or value is pd.NA or (isinstance(value, float) and value != value):
            row[column.name] = None
        elif column.dtype == "datetime":
            row[column.name] = pd.Timestamp(value).tz_convert("UTC").strftime("%Y-%m-%dT%H:%M:%SZ")
        elif column.dtype == "int":
            row[column.name] = int(value)
        elif column.dtype == "float":
            row[column.name] = float(value)
        elif column.dtype == "bool":
            row[column.name] = bool(value)
        else:
            row[column.name] = str(value)
    return row


def _json(row: dict[str, Any] | None) -> str | None:
    return None if row is None else json.dumps(row, sort_keys=True, default=str)


class Store:
    """Launches, their sources, sites, systems and places, with an audit trail."""

    def __init__(self, db: str | os.PathLike[str] | None = None) -> None:
        self.url = resolve_db_url(db)
        try:
            self.engine: Engine = sa.create_engine(self.url)
            if self.engine.dialect.name == "sqlite":
                sa.event.listen(self.engine, "connect", _sqlite_pragmas)
            metadata.create_all(self.engine)
            self._add_new_columns()
        except sa.exc.SQLAlchemyError as error:
            raise StoreError(f"cannot open the store at {self.url!r}: {error}") from error

    def _add_new_columns(self) -> None:
        """Give a store made by an older launchmap the columns the schema has gained since.

        Each added column is filled with its default (``actor`` PRK, ``report_status``
        confirmed), so the stored history reads exactly as before.
        """
        inspector = sa.inspect(self.engine)
        for table, sql_table in _BY_NAME.values():
            present = {c["name"] for c in inspector.get_columns(table.name)}
            missing = [c for c in table.columns if c.name not in present]
            if not missing:
                continue
            with self.engine.begin() as connection:
                for column in missing:
                    sql_type = _SQL_TYPES[column.dtype]().compile(dialect=self.engine.dialect)
                    connection.execute(
                        sa.text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {sql_type}')
                    )
                    if column.default is not None:
                        connection.execute(
                            sql_table.update()
                            .where(sql_table.c[column.name].is_(None))
                            .values({column.name: column.default})
                        )

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    # --- reading -----------------------------------------------------------------
    def _read(self, sql_table: sa.Table, table: Table, where: Any = None) -> pd.DataFrame:
        query = sa.select(*[sql_table.c[name] for name in table.names])
        if where is not None:
            query = query.where(where)
        with self.engine.connect() as connection:
            rows = [dict(r._mapping) for r in connection.execute(query)]
        return pd.DataFrame(rows, columns=table.names)

    def launches(self) -> pd.DataFrame:
        """All launch events, typed, sorted by time."""
        frame = launches_frame(self._read(launches_table, LAUNCHES).to_dict("records"))
        return frame.sort_values(["launched_at", "id"], ignore_index=True)

    def launch(self, launch_id: str) -> Record | None:
        frame = self.launches()
        match = frame[frame["id"] == launch_id]
        return None if match.empty else match.iloc[0].to_dict()

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
        query = sa.select(audit_table).order_by(audit_table.c.id.desc()).limit(limit)
        with self.engine.connect() as connection:
            return pd.DataFrame(
                [dict(r._mapping) for r in connection.execute(query)],
                columns=[c.name for c in audit_table.columns],
            )

    def version(self) -> int:
        """A number that changes with every write; pages use it to invalidate caches."""
        with self.engine.connect() as connection:
            return int(
                connection.execute(sa.select(sa.func.coalesce(sa.func.max(audit_table.c.id), 0))).scalar_one()
            )

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
    ) -> None:
        connection.execute(
            audit_table.insert().values(
                at=_now(),
                actor=actor,
                action=action,
                table_name=table,
                row_key=key,
                old_value=_json(old),
                new_value=_json(new),
            )
        )

    def _insert(self, connection: Connection, table: Table, record: Record, actor: str) -> None:
        sql_table = _BY_NAME[table.name][1]
        row = _to_sql(table, record)
        connection.execute(sql_table.insert().values(**row))
        key = row[table.key] if table.key else f"{row['launch_id']}:{row['source']}"
        self._audit(connection, actor, "insert", table.name, str(key), None, row)

    def _deleted_keys(self, connection: Connection, table_name: str) -> set[str]:
        query = sa.select(audit_table.c.row_key).where(
            audit_table.c.table_name == table_name, audit_table.c.action == "delete"
        )
        return {r[0] for r in connection.execute(query)}

    def _stored_keys(self, connection: Connection, sql_table: sa.Table, key: str) -> set[str]:
        return {r[0] for r in connection.execute(sa.select(sql_table.c[key]))}

    def seed(self, seeds_dir: Path | None = None, actor: str = "seed") -> int:
        """Load ``seeds_dir`` into the store; returns how many rows were inserted.

        ``seeds_dir`` defaults to ``$LAUNCHMAP_SEEDS`` or the bundled history; a missing or
        incomplete folder raises :class:`~geodata.errors.MissingSeeds` (never an empty store).
        Skips entirely when the seed files are unchanged since the last seeding. Rows
        whose key is stored (possibly edited) or was deleted by a user are left alone.
        """
        seeds_dir = resolve_seeds(seeds_dir)
        digest = _digest(seeds_dir)
        with self.engine.begin() as connection:
            previous = connection.execute(
                sa.select(meta_table.c.value).where(meta_table.c.key == "seed_digest")
            ).scalar_one_or_none()
            if previous == digest:
                return 0
            inserted = 0
            frames = {t.name: _read_seed(seeds_dir, t) for t in (SITES, SYSTEMS, PLACES, LAUNCHES, SOURCES)}
            for table in (SITES, SYSTEMS, PLACES):
                inserted += self._seed_keyed(connection, table, frames[table.name], actor)
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
            for record in valid[valid["id"].isin(new_ids)].to_dict("records"):
                self._insert(connection, LAUNCHES, record, actor)
                inserted += 1
            sources, errors = validate_sources(
                frames[SOURCES.name],
                launch_ids=set(valid["id"]),
                row_numbers=_file_rows(frames[SOURCES.name]),
            )
            if errors:
                raise InvalidEvent(
                    f"seeds/launch_sources.csv has {len(errors)} invalid row(s): {errors[0]}", errors
                )
            for record in choose_headline(sources[sources["launch_id"].isin(new_ids)]).to_dict("records"):
                self._insert(connection, SOURCES, record, actor)
                inserted += 1
            connection.execute(meta_table.delete().where(meta_table.c.key == "seed_digest"))
            connection.execute(meta_table.insert().values(key="seed_digest", value=digest))
        return inserted

    def _new_keys(self, connection: Connection, table: Table, keys: Iterable[str]) -> set[str]:
        sql_table = _BY_NAME[table.name][1]
        skip = self._stored_keys(connection, sql_table, table.key) | self._deleted_keys(
            connection, table.name
        )
        return {k for k in keys if k not in skip}

    def _seed_keyed(self, connection: Connection, table: Table, frame: pd.DataFrame, actor: str) -> int:
        records, _bad, errors = validate_table(table, frame, _file_rows(frame))
        if errors:
            raise InvalidEvent(
                f"seeds/{table.seed_file} has {len(errors)} invalid row(s): {errors[0]}", errors
            )
        new_keys = self._new_keys(connection, table, [r[table.key] for r in records])
        count = 0
        for record in records:
            if record[table.key] in new_keys:
                self._insert(connection, table, record, actor)
                new_keys.discard(record[table.key])
                count += 1
        return count

    def import_launches(
        self,
        launches: pd.DataFrame,
        sources: pd.DataFrame | None = None,
        *,
        actor: str = "import",
        skip_invalid: bool = False,
        add_unknown_systems: bool = True,
        dry_run: bool = False,
    ) -> ImportResult:
        """Validate and insert launches (and their sources) in one transaction.

        Any invalid row makes the whole import write nothing (``InvalidEvent`` carries
        the row errors) unless ``skip_invalid``. Rows whose id is stored with identical
        values are skipped, so importing the same file twice changes nothing. ``dry_run``
        validates and reports (errors in the result, never raised) without writing.
        """
        sources = sources if sources is not None else sources_frame()
        result = ImportResult()
        stored = self.launches().set_index("id")
        candidate = launches.copy()
        unchanged = [
            i
            for i, row in candidate.iterrows()
            if str(row.get("id")) in stored.index
            and _same_event(row, stored.loc[[str(row.get("id"))]].iloc[0])
        ]
        result.unchanged = [str(candidate.at[i, "id"]) for i in unchanged]
        candidate = candidate.drop(index=unchanged)
        # A default index means "row n of what was given" (1-based); readers of files set the
        # index to the line number an editor shows, and that label is kept.
        offset = 1 if isinstance(launches.index, pd.RangeIndex) and launches.index.start == 0 else 0
        row_numbers = [int(i) + offset if isinstance(i, int) else str(i) for i in candidate.index]
        systems = set(self.systems()["name"])
        valid, errors = validate_launches(
            candidate,
            site_ids=set(self.sites()["id"]),
            system_names=None if add_unknown_systems else systems,
            existing_ids=set(stored.index),
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
        if dry_run:
            result.inserted = list(valid["id"])
            result.systems_added = sorted(set(valid["system"]) - systems)
            return result
        if result.errors and not skip_invalid:
            raise InvalidEvent(
                f"{len(result.errors)} invalid row(s); nothing was written. First: {result.errors[0]}",
                result.errors,
            )
        with self.engine.begin() as connection:
            for record in valid.to_dict("records"):
                if record["system"] not in systems:
                    self._insert(
                        connection,
                        SYSTEMS,
                        {
                            "name": record["system"],
                            "system_class": record["system_class"],
                            "notes": f"added by {actor}",
                        },
                        actor,
                    )
                    systems.add(record["system"])
                    result.systems_added.append(record["system"])
                self._insert(connection, LAUNCHES, record, actor)
                result.inserted.append(record["id"])
            for record in choose_headline(valid_sources).to_dict("records"):
                self._insert(connection, SOURCES, record, actor)
        return result

    def add_launch(
        self, event: dict[str, Any], sources: Iterable[dict[str, Any]] = (), *, actor: str = "form"
    ) -> str:
        """Insert one event with its sources; raises InvalidEvent (nothing written) when invalid."""
        source_rows = [{**s, "launch_id": event.get("id")} for s in sources]
        self.import_launches(
            pd.DataFrame([event]), pd.DataFrame(source_rows, columns=SOURCES.names), actor=actor
        )
        return str(event["id"])

    def update_launch(
        self, launch_id: str, changes: dict[str, Any], *, actor: str = "form"
    ) -> dict[str, Any]:
        """Apply ``changes`` to one event after validating the edited row; returns the new row."""
        with self.engine.begin() as connection:
            old = (
                connection.execute(sa.select(launches_table).where(launches_table.c.id == launch_id))
                .mappings()
                .first()
            )
            if old is None:
                raise InvalidEvent(f"no launch with id {launch_id!r}")
            edited = {**dict(old), **changes, "id": launch_id}
            if "report_status" not in changes and _figures_changed(dict(old), edited):
                # A changed headline figure is a revision; the audit row keeps the earlier value.
                edited["report_status"] = "revised"
            valid, errors = validate_launches(
                pd.DataFrame([edited]),
                site_ids=set(self.sites()["id"]),
                system_names=set(self.systems()["name"]),
                row_numbers=[launch_id],
            )
            if errors:
                raise InvalidEvent(f"edit of {launch_id!r} is invalid: {errors[0]}", errors)
            new = _to_sql(LAUNCHES, valid.iloc[0].to_dict())
            connection.execute(launches_table.update().where(launches_table.c.id == launch_id).values(**new))
            self._audit(connection, actor, "update", LAUNCHES.name, launch_id, dict(old), new)
        return new

    def figure_revisions(self, launch_id: str) -> list[dict[str, Any]]:
        """Each stored change of a headline figure of one event, oldest first.

        ``{"at", "actor", "column", "old", "new"}`` per changed figure, read from the audit log,
        so the card can say "revised on 26 Nov 2026: distance 700 km, was 650 km".
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
                                "column": column,
                                "old": old.get(column),
                                "new": new.get(column),
                            }
                        )
        return revisions

    def delete_launch(self, launch_id: str, *, actor: str = "form") -> None:
        """Delete one event and its sources; the audit row keeps the old values (and stops re-seeding it)."""
        with self.engine.begin() as connection:
            old = (
                connection.execute(sa.select(launches_table).where(launches_table.c.id == launch_id))
                .mappings()
                .first()
            )
            if old is None:
                raise InvalidEvent(f"no launch with id {launch_id!r}")
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
            )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the dashboard read while an import writes; busy_timeout avoids "database is locked".
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


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


def _same_event(candidate: pd.Series, stored: pd.Series) -> bool:
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
