"""Where the store lives and how writers take turns: URLs, engines, the write lock, the user.

- A store is named by a SQLAlchemy URL (``--db`` / ``$LAUNCHMAP_DB``) or a file path (SQLite).
  ``postgresql://`` and ``postgres://`` mean psycopg 3 (``pip install 'launchmap[postgres]'``);
  without the driver, opening the store says so in one line.
- Every write runs in one transaction that first takes the store-wide write lock: on SQLite
  ``BEGIN IMMEDIATE`` (the database's own writer lock, so WAL readers never wait), on PostgreSQL
  a transaction-scoped advisory lock. Writers therefore read the row they change *after* every
  earlier writer committed: no read-modify-write race, on either back end. Writes are a
  person's edits and imports, so one at a time costs nothing that shows.
- :func:`current_user` says who is writing: ``$LAUNCHMAP_USER``, else the operating-system login.

>>> resolve_db_url("postgres://u@db/launchmap")
'postgresql+psycopg://u@db/launchmap'
"""

from __future__ import annotations

import getpass
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from geodata.errors import StoreError

ENV_VAR = "LAUNCHMAP_DB"
USER_ENV_VAR = "LAUNCHMAP_USER"

# pg_advisory_xact_lock key of the store-wide write lock ("lmap" in ASCII): one number per
# database, so stores in different databases of one server never wait for each other.
WRITE_LOCK_KEY = 0x6C6D6170

# SQLite waits this long for another writer before "database is locked" (a long import).
SQLITE_BUSY_TIMEOUT_S = 60


def default_db_path() -> Path:
    """``$XDG_DATA_HOME/launchmap/launchmap.db`` (``~/.local/share/...`` when unset)."""
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "launchmap" / "launchmap.db"


def resolve_db_url(db: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from ``--db``, else ``$LAUNCHMAP_DB``, else the default SQLite file.

    Anything containing ``://`` is taken as a URL; ``postgresql://`` and ``postgres://``
    name the psycopg 3 driver. Anything else is a file path.
    """
    value = str(db) if db is not None else os.environ.get(ENV_VAR) or str(default_db_path())
    if "://" in value:
        for prefix in ("postgresql://", "postgres://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        return value
    path = Path(value).expanduser().resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a read-only or unreachable folder: say so where the store is named
        raise StoreError(
            f"cannot open the store at {str(path)!r}: its folder cannot be created ({error.strerror or error})"
        ) from error
    return f"sqlite:///{path}"


def is_default_store(db: str | os.PathLike[str] | None) -> bool:
    """True when ``db`` names nothing, so the store is the one-person default SQLite file."""
    return db is None and not os.environ.get(ENV_VAR)


def sqlite_file(engine: Engine) -> Path | None:
    """The file of a SQLite store; None for PostgreSQL and in-memory stores."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database)


def make_engine(url: str) -> Engine:
    """An engine for ``url``; a missing driver is a :class:`StoreError` that says what to install."""
    display = sa.engine.make_url(url).render_as_string(hide_password=True)
    try:
        if url.startswith("sqlite"):
            engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
            sa.event.listen(engine, "connect", _sqlite_connect)
            sa.event.listen(engine, "begin", _sqlite_begin)
        else:
            engine = sa.create_engine(url, pool_pre_ping=True)
    except ImportError as error:
        extra = " (pip install 'launchmap[postgres]')" if url.startswith("postgresql") else ""
        raise StoreError(
            f"cannot open the store at {display!r}: its database driver is not installed{extra}: {error}"
        ) from error
    except sa.exc.ArgumentError as error:
        raise StoreError(f"cannot open the store at {display!r}: not a database URL: {error}") from error
    return engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction holding the store-wide write lock; commits on success, rolls back on error.

    A database that refuses the write (a full disk, a read-only file or folder, a damaged file)
    is a :class:`StoreError` naming the store and the reason; the rollback leaves it as it was.
    """
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                connection.execution_options(launchmap_write=True)  # -> BEGIN IMMEDIATE
            with connection.begin():
                if engine.dialect.name == "postgresql":
                    connection.execute(sa.select(sa.func.pg_advisory_xact_lock(WRITE_LOCK_KEY)))
                yield connection
    except sa.exc.DatabaseError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        where = engine.url.render_as_string(hide_password=True)
        raise StoreError(f"cannot write to the store at {where!r}: {reason}; nothing was saved") from error


def current_user() -> str:
    """Who is writing: ``$LAUNCHMAP_USER``, else the operating-system login name, else ``unknown``.

    A dashboard behind a login passes the signed-in name to each write instead (``user=``).
    """
    named = os.environ.get(USER_ENV_VAR, "").strip()
    if named:
        return named
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name and no passwd entry (some containers)
        return "unknown"


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # The driver must not open transactions on its own: _sqlite_begin says BEGIN or BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # busy_timeout makes a writer wait its turn; WAL lets the dashboard read while an import writes.
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
    # Switching a new file to WAL needs the file to itself and SQLite answers "locked" at once, without
    # waiting, when another process starting at the same moment holds it: retry for the busy timeout.
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_S
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    write = connection.get_execution_options().get("launchmap_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
