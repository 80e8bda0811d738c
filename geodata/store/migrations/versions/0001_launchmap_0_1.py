"""The store as launchmap 0.1 made it (the baseline).

Revision ID: 0001
Revises:
Create Date: 2026-05-28

Stores made before launchmap used Alembic have no ``alembic_version`` table; they are
upgraded from here, so this revision creates only the tables such a store lacks.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TEXT, FLOAT, INT = sa.Text, sa.Float, sa.Integer


def _columns(*spec: tuple[str, type, bool]) -> list[sa.Column]:
    return [sa.Column(name, kind(), nullable=nullable) for name, kind, nullable in spec]


def upgrade() -> None:
    present = set(sa.inspect(op.get_bind()).get_table_names())
    if "sites" not in present:
        op.create_table(
            "sites",
            sa.Column("id", TEXT(), primary_key=True),
            *_columns(
                ("name", TEXT, False), ("aliases", TEXT, True), ("province", TEXT, True),
                ("lat", FLOAT, False), ("lon", FLOAT, False), ("kind", TEXT, False),
                ("source", TEXT, False), ("notes", TEXT, True),
            ),
        )  # fmt: skip
    if "systems" not in present:
        op.create_table(
            "systems",
            sa.Column("name", TEXT(), primary_key=True),
            *_columns(
                ("designations", TEXT, True), ("system_class", TEXT, False), ("propellant", TEXT, True),
                ("range_min_km", FLOAT, True), ("range_max_km", FLOAT, True),
                ("range_source", TEXT, True), ("notes", TEXT, True),
            ),
        )  # fmt: skip
    if "places" not in present:
        op.create_table(
            "places",
            sa.Column("id", TEXT(), primary_key=True),
            *_columns(
                ("name", TEXT, False), ("aliases", TEXT, True), ("kind", TEXT, False),
                ("country", TEXT, True), ("lat", FLOAT, False), ("lon", FLOAT, False),
                ("source", TEXT, False),
            ),
        )  # fmt: skip
    if "launches" not in present:
        op.create_table(
            "launches",
            sa.Column("id", TEXT(), primary_key=True),
            *_columns(
                ("launched_at", TEXT, False), ("launched_at_precision", TEXT, False),
                ("site_id", TEXT, False), ("lat", FLOAT, False), ("lon", FLOAT, False),
                ("system", TEXT, False), ("system_class", TEXT, False), ("count", INT, False),
                ("distance_km", FLOAT, True), ("apogee_km", FLOAT, True), ("flight_time_s", FLOAT, True),
                ("bearing_deg", FLOAT, True), ("impact_lat", FLOAT, True), ("impact_lon", FLOAT, True),
                ("impact_basis", TEXT, False), ("landing_area", TEXT, True), ("outcome", TEXT, False),
                ("confirmation", TEXT, False), ("notes", TEXT, True),
            ),
        )  # fmt: skip
    if "launch_sources" not in present:
        op.create_table(
            "launch_sources",
            sa.Column("row_id", INT(), primary_key=True, autoincrement=True),
            *_columns(
                ("launch_id", TEXT, False), ("source", TEXT, False), ("source_kind", TEXT, False),
                ("outlet", TEXT, True), ("published_on", TEXT, False), ("url", TEXT, True),
                ("title", TEXT, True), ("distance_km", FLOAT, True), ("apogee_km", FLOAT, True),
                ("flight_time_s", FLOAT, True), ("count", INT, True), ("is_headline", sa.Boolean, False),
            ),
        )  # fmt: skip
        op.create_index("ix_launch_sources_launch_id", "launch_sources", ["launch_id"])
    if "audit_log" not in present:
        op.create_table(
            "audit_log",
            sa.Column("id", INT(), primary_key=True, autoincrement=True),
            *_columns(
                ("at", TEXT, False), ("actor", TEXT, False), ("action", TEXT, False),
                ("table_name", TEXT, False), ("row_key", TEXT, False),
                ("old_value", TEXT, True), ("new_value", TEXT, True),
            ),
        )  # fmt: skip
    if "meta" not in present:
        op.create_table("meta", sa.Column("key", TEXT(), primary_key=True), sa.Column("value", TEXT()))


def downgrade() -> None:
    for table in ("meta", "audit_log", "launch_sources", "launches", "places", "systems", "sites"):
        op.drop_table(table)
