"""``launchmap db``: the store's schema revision, upgrades, and portable backups.

    launchmap --db postgresql://launchmap@db/launchmap db current
    launchmap --db postgresql://launchmap@db/launchmap db dump backup.json
    launchmap --db postgresql://launchmap@db/launchmap db upgrade
    launchmap --db team.db db restore backup.json

``current`` reads without changing anything; ``upgrade`` brings an older store to this
release's schema (a SQLite file is copied beside itself first); ``dump`` writes every table,
sources and audit included, as JSON (``-``: standard output) and works on a store of any
older revision, so back up before upgrading; ``restore`` loads a dump into an empty store
(``--replace`` empties it first, in the same transaction) on either back end.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geodata.errors import InvalidFile, StoreError

# A dump of a large store is a few MB per ten thousand events; this only stops a wrong file.
MAX_DUMP_BYTES = 2_000_000_000


def _database_errors(
    handler: Callable[[argparse.Namespace, Any], int],
) -> Callable[[argparse.Namespace, Any], int]:
    """A server that cannot be reached, or refuses, is a failed operation in one line (exit 1), not a bug."""

    @functools.wraps(handler)
    def wrapped(args: argparse.Namespace, context: Any) -> int:
        import sqlalchemy as sa

        try:
            return handler(args, context)
        except sa.exc.SQLAlchemyError as error:
            reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
            raise StoreError(f"the store's database failed: {reason}") from error

    return wrapped


def _engine(args: argparse.Namespace) -> tuple[Any, str]:
    from geodata.store.connect import make_engine, resolve_db_url

    engine = make_engine(resolve_db_url(args.db))
    return engine, engine.url.render_as_string(hide_password=True)


@_database_errors
def cmd_current(args: argparse.Namespace, _context: Any) -> int:
    """Print the store's schema revision and how it stands against this launchmap."""
    from geodata.store import migrate

    engine, where = _engine(args)
    print(f"{where}: {migrate.current(engine).describe()}")
    return 0


@_database_errors
def cmd_upgrade(args: argparse.Namespace, _context: Any) -> int:
    """Bring the store to this launchmap's schema (an empty store gets the whole schema)."""
    from geodata.store import migrate
    from geodata.store.connect import sqlite_file

    engine, where = _engine(args)
    before, after = migrate.upgrade(engine, repr(where))
    if before.status == "current":
        print(f"{where}: already at {after.revision} (head)")
        return 0
    print(f"{where}: upgraded from {before.revision or before.status} to {after.revision}")
    path = sqlite_file(engine)
    backup = path.with_name(f"{path.name}.before-{after.head}") if path else None
    if backup is not None and backup.exists():
        print(f"launchmap: the store as it was is kept in {backup}", file=sys.stderr)
    return 0


@_database_errors
def cmd_dump(args: argparse.Namespace, _context: Any) -> int:
    """Write every table of the store (launches, sources, sites, systems, places, audit) as JSON."""
    from geodata.store.dump import dump_store

    engine, where = _engine(args)
    data = dump_store(engine)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if args.file == "-":
        sys.stdout.write(text)
    else:
        Path(args.file).write_text(text, encoding="utf-8")
    print(f"launchmap: dumped {where}: {_counts(data)}", file=sys.stderr)
    return 0


@_database_errors
def cmd_restore(args: argparse.Namespace, _context: Any) -> int:
    """Load a dump into the store: an empty one, or any with --replace (everything in it is deleted)."""
    from geodata.store import Store

    if args.file == "-":
        raw = sys.stdin.buffer.read(MAX_DUMP_BYTES + 1)
    else:
        path = Path(args.file)
        if path.is_file() and path.stat().st_size > MAX_DUMP_BYTES:
            raise InvalidFile(f"{args.file} is larger than a launchmap dump can be")
        raw = path.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidFile(f"{args.file} is not a launchmap dump (not JSON: {error})") from error
    store = Store(args.db, upgrade=False)
    counts = store.restore(data, replace=args.replace)
    where = store.engine.url.render_as_string(hide_password=True)
    print(f"launchmap: restored into {where}: {_summary(counts)}", file=sys.stderr)
    return 0


def _counts(data: dict[str, Any]) -> str:
    return _summary({name: len(table["rows"]) for name, table in data["tables"].items()})


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts.get(name, 0)} {name}" for name in ("launches", "launch_sources", "audit_log"))


def register(subparsers: Any, context_factory: Any) -> None:
    """Add ``db`` with its actions ``current``, ``upgrade``, ``dump`` and ``restore``."""
    db = subparsers.add_parser(
        "db",
        help="the store's schema revision, upgrades and backups",
        description="The store's schema revision, upgrades, and portable JSON backups. "
        "The store is the one --db names (default: $LAUNCHMAP_DB or the user data dir).",
    )
    actions = db.add_subparsers(dest="db_action", required=True, metavar="ACTION")
    current = actions.add_parser(
        "current", help="show the store's schema revision", description=cmd_current.__doc__
    )
    current.set_defaults(handler=cmd_current, context_factory=context_factory)
    upgrade = actions.add_parser(
        "upgrade", help="upgrade the store's schema", description=cmd_upgrade.__doc__
    )
    upgrade.set_defaults(handler=cmd_upgrade, context_factory=context_factory)
    dump = actions.add_parser("dump", help="back the store up as JSON", description=cmd_dump.__doc__)
    dump.add_argument("file", metavar="FILE", help="the JSON file to write ('-': standard output)")
    dump.set_defaults(handler=cmd_dump, context_factory=context_factory)
    restore = actions.add_parser("restore", help="load a JSON backup", description=cmd_restore.__doc__)
    restore.add_argument(
        "file", metavar="FILE", help="a file written by 'launchmap db dump' ('-': standard input)"
    )
    restore.add_argument(
        "--replace", action="store_true", help="delete everything the store holds first (one transaction)"
    )
    restore.set_defaults(handler=cmd_restore, context_factory=context_factory)
