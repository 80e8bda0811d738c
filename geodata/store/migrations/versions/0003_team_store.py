"""A store for a team: every launch carries a version, the audit names the user.

Revision ID: 0003
Revises: 0002
Create Date: 2026-05-28

``launches.version`` starts at 1 for stored rows and grows by one with every edit, so an
edit based on an older version is refused instead of overwriting a colleague's change.
``audit_log.user_name`` is empty for rows written before it existed. The audit gains an
index on (table, row) for the history of one launch.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("launches", sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.add_column("audit_log", sa.Column("user_name", sa.Text(), nullable=True))
    op.create_index("ix_audit_log_row", "audit_log", ["table_name", "row_key"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_row", table_name="audit_log")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("user_name")
    with op.batch_alter_table("launches") as batch:
        batch.drop_column("version")
