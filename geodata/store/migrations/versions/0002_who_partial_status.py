"""Launches name who launched, partial failures and report status.

Revision ID: 0002
Revises: 0001
Create Date: 2026-05-28

Added columns are filled with their defaults (``actor`` PRK, ``report_status`` confirmed),
so the stored history reads exactly as before. Stores that gained the columns before
launchmap used Alembic keep them as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (column, type, default for stored rows); the defaults of geodata.schema at this revision.
NEW_COLUMNS = (
    ("actor", sa.Text, "PRK"),
    ("failed_count", sa.Integer, None),
    ("report_status", sa.Text, "confirmed"),
)


def upgrade() -> None:
    present = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("launches")}
    launches = sa.table("launches", *(sa.column(name, kind()) for name, kind, _ in NEW_COLUMNS))
    for name, kind, default in NEW_COLUMNS:
        if name not in present:
            op.add_column("launches", sa.Column(name, kind(), nullable=True))
        if default is not None:
            op.execute(launches.update().where(launches.c[name].is_(None)).values({name: default}))
    with op.batch_alter_table("launches") as batch:
        for name, kind, default in NEW_COLUMNS:
            if default is not None:
                batch.alter_column(name, existing_type=kind(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("launches") as batch:
        for name, _kind, _default in reversed(NEW_COLUMNS):
            batch.drop_column(name)
