"""The store's SQL tables at the newest schema revision, built from :mod:`geodata.schema`.

A table per schema table (keyed tables keep their key as primary key; ``launch_sources``
gets a surrogate ``row_id``), plus the store's own:

- ``launches.version``: the per-launch edit counter (1 when stored, +1 on every edit), so an
  edit based on an older version can be refused instead of silently overwriting;
- ``audit_log``: one row per insert/update/delete: when, through what (``actor``: ``seed``,
  ``data-page``, ``import:FILE``), by whom (``user_name``), and the row before and after as JSON;
- ``meta``: small facts about the store (the digest of the seeds last loaded);
- ``review_queue``: drafts from news reports waiting for an editor's accept, edit or reject.

Older stores reach this shape through the Alembic revisions in ``migrations/versions``;
``tests/core/test_store_migrations.py`` checks that the revisions and these tables agree.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from geodata.schema import LAUNCHES, PLACES, SITES, SOURCES, SYSTEMS, Table

SQL_TYPES: dict[str, type[sa.types.TypeEngine[Any]]] = {
    "str": sa.Text,
    "float": sa.Float,
    "int": sa.Integer,
    "bool": sa.Boolean,
    "datetime": sa.Text,  # ISO-8601 UTC text: sorts correctly and survives every backend
    "date": sa.Text,
}

metadata = sa.MetaData()


def _sql_table(table: Table, *extra: sa.Column[Any]) -> sa.Table:
    columns: list[sa.Column[Any]] = []
    if not table.key:
        columns.append(sa.Column("row_id", sa.Integer, primary_key=True, autoincrement=True))
    for column in table.columns:
        columns.append(
            sa.Column(
                column.name,
                SQL_TYPES[column.dtype](),
                primary_key=column.name == table.key,
                nullable=not column.required,
            )
        )
    return sa.Table(table.name, metadata, *columns, *extra)


launches_table = _sql_table(
    LAUNCHES, sa.Column("version", sa.Integer, nullable=False, server_default="1", default=1)
)
sources_table = _sql_table(SOURCES)
sites_table = _sql_table(SITES)
systems_table = _sql_table(SYSTEMS)
places_table = _sql_table(PLACES)
sa.Index("ix_launch_sources_launch_id", sources_table.c.launch_id)
# The filter columns (revision 0004): a period, class, system, site, outcome, actor or
# distance filter at 100,000 launches reads the matching rows, not the table.
for _column in ("launched_at", "system_class", "system", "site_id", "outcome", "actor", "distance_km"):
    sa.Index(f"ix_launches_{_column}", launches_table.c[_column])

audit_table = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.Text, nullable=False),
    sa.Column("actor", sa.Text, nullable=False),  # through what: seed, data-page, import:FILE
    sa.Column("action", sa.Text, nullable=False),  # insert | update | delete
    sa.Column("table_name", sa.Text, nullable=False),
    sa.Column("row_key", sa.Text, nullable=False),
    sa.Column("old_value", sa.Text),  # JSON of the row before the change
    sa.Column("new_value", sa.Text),
    sa.Column("user_name", sa.Text),  # who: $LAUNCHMAP_USER, a login header, or the OS user
)
sa.Index("ix_audit_log_row", audit_table.c.table_name, audit_table.c.row_key)
sa.Index("ix_audit_log_action", audit_table.c.table_name, audit_table.c.action)  # deleted keys, 0004

meta_table = sa.Table(
    "meta", metadata, sa.Column("key", sa.Text, primary_key=True), sa.Column("value", sa.Text)
)

# Drafts from news reports waiting for a person's decision (revision 0005): nothing in here is
# a launch until someone accepts it; a decided item keeps what was decided, by whom and when.
review_table = sa.Table(
    "review_queue",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("queued_at", sa.Text, nullable=False),
    sa.Column("queued_by", sa.Text),
    sa.Column("status", sa.Text, nullable=False),  # pending | accepted | rejected
    sa.Column("kind", sa.Text, nullable=False),  # new | revision (of target_id)
    sa.Column("target_id", sa.Text),  # the stored launch a revision updates
    sa.Column("target_version", sa.Integer),  # its version when the revision was proposed
    sa.Column("title", sa.Text, nullable=False),  # one line an editor recognises the draft by
    sa.Column("draft", sa.Text, nullable=False),  # JSON: the draft event, its sources and evidence
    sa.Column("changes", sa.Text),  # JSON: a revision's field-by-field diff (old -> new, source)
    sa.Column("reports", sa.Text),  # JSON: the reports it was drafted from (name, date, outlet, text)
    sa.Column("decision", sa.Text),  # accepted | edited | rejected
    sa.Column("decided_at", sa.Text),
    sa.Column("decided_by", sa.Text),
    sa.Column("launch_id", sa.Text),  # the event an accepted draft saved or revised
    sa.Column("reason", sa.Text),  # why it was rejected, or what was edited
)
sa.Index("ix_review_queue_status", review_table.c.status)

BY_NAME: dict[str, tuple[Table, sa.Table]] = {
    t.name: (t, s)
    for t, s in (
        (LAUNCHES, launches_table),
        (SOURCES, sources_table),
        (SITES, sites_table),
        (SYSTEMS, systems_table),
        (PLACES, places_table),
    )
}

# Every table a dump holds, parents before children (restore inserts in this order).
DUMP_ORDER: tuple[sa.Table, ...] = (
    sites_table,
    systems_table,
    places_table,
    launches_table,
    sources_table,
    audit_table,
    meta_table,
    review_table,
)
