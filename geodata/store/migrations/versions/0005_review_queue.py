"""The review queue: drafts from news reports wait for a person's accept, edit or reject.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

A table only; no stored row changes. ``review_queue`` holds each draft (and a revision's
field-by-field diff) as JSON with its reports, until someone decides; the decision, who made
it and when stay on the row, and every decision is also an ``audit_log`` row.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_queue",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("queued_at", sa.Text(), nullable=False),
        sa.Column("queued_by", sa.Text()),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("target_id", sa.Text()),
        sa.Column("target_version", sa.Integer()),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("draft", sa.Text(), nullable=False),
        sa.Column("changes", sa.Text()),
        sa.Column("reports", sa.Text()),
        sa.Column("decision", sa.Text()),
        sa.Column("decided_at", sa.Text()),
        sa.Column("decided_by", sa.Text()),
        sa.Column("launch_id", sa.Text()),
        sa.Column("reason", sa.Text()),
    )
    op.create_index("ix_review_queue_status", "review_queue", ["status"])


def downgrade() -> None:
    op.drop_index("ix_review_queue_status", table_name="review_queue")
    op.drop_table("review_queue")
