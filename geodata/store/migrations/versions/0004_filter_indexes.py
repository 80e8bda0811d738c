"""Indexes for the columns the map's filters and the store's queries select on.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

At 100,000 launches a filter (a period, a class, a system, a site, an outcome, who launched)
or one launch's audit history must not scan the whole table. Every filter column of
:func:`geodata.events.filter_launches` gets an index, as does the audit's ``action``, which
seeding reads to skip rows a user deleted. Indexes only: no data changes.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# (index name, table, columns) — kept equal to geodata/store/tables.py (a test replays both).
INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ix_launches_launched_at", "launches", ("launched_at",)),
    ("ix_launches_system_class", "launches", ("system_class",)),
    ("ix_launches_system", "launches", ("system",)),
    ("ix_launches_site_id", "launches", ("site_id",)),
    ("ix_launches_outcome", "launches", ("outcome",)),
    ("ix_launches_actor", "launches", ("actor",)),
    ("ix_launches_distance_km", "launches", ("distance_km",)),
    ("ix_audit_log_action", "audit_log", ("table_name", "action")),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, list(columns))


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
