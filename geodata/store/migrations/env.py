"""Alembic's entry: run the revisions on the connection launchmap passed in ``config.attributes``.

Run through ``launchmap db upgrade``, which holds the store's write lock while it migrates;
imported by anything else (pytest's doctest collection), it does nothing.
"""

from __future__ import annotations

from alembic import context

from geodata.errors import StoreError
from geodata.store.tables import metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise StoreError("run migrations with 'launchmap db upgrade' (it holds the store's write lock)")
    # render_as_batch: SQLite changes a column by copying its table; PostgreSQL alters in place.
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if getattr(context, "config", None) is not None:  # inside an Alembic command
    run_migrations()
