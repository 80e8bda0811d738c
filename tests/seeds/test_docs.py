"""The seed README documents the schema: every column of every table, its type, unit and allowed values.

``geodata/schema.py`` is the single source of truth; ``seeds/README.md`` has one section per
table (a heading naming its seed file) with a markdown table whose rows read
``| `column` | type | unit | meaning | allowed values |``. A column added to the schema
without a README row, a changed unit or a new choice fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geodata.schema import TABLES, Column, Table

README = Path(__file__).resolve().parents[2] / "seeds" / "README.md"
COLUMN_CELL = re.compile(r"`([a-z_]+)`")


def _section(text: str, seed_file: str) -> list[str]:
    """Lines under the heading that names ``seed_file`` exactly, up to the next heading."""
    lines = text.splitlines()
    start = next(
        (i for i, line in enumerate(lines) if re.fullmatch(rf"#+\s+`?{re.escape(seed_file)}`?\s*", line)),
        None,
    )
    assert start is not None, f"seeds/README.md has no heading for {seed_file!r}"
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    return lines[start + 1 : end]


def documented_columns(text: str, table: Table) -> dict[str, list[str]]:
    """Column name -> cells of its row in the README section for ``table``."""
    rows: dict[str, list[str]] = {}
    for line in _section(text, table.seed_file):
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        match = COLUMN_CELL.fullmatch(cells[0])
        if match:
            rows[match[1]] = cells
    return rows


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


TABLE_COLUMNS = [pytest.param(t, c, id=f"{t.name}.{c.name}") for t in TABLES for c in t.columns]


@pytest.mark.parametrize(("table", "column"), TABLE_COLUMNS)
def test_readme__documents_column(readme: str, table: Table, column: Column) -> None:
    rows = documented_columns(readme, table)
    assert column.name in rows, f"no row for `{column.name}` under the {table.seed_file} heading"
    _name, dtype, unit, meaning, allowed = rows[column.name]
    assert dtype == column.dtype
    assert unit == column.unit, f"unit of {table.name}.{column.name}: expected {column.unit!r}, got {unit!r}"
    assert meaning, f"{table.name}.{column.name} has no meaning"
    missing = [choice for choice in column.choices if f"`{choice}`" not in allowed]
    assert missing == [], f"{table.name}.{column.name}: allowed values not documented"


@pytest.mark.parametrize("table", TABLES, ids=[t.name for t in TABLES])
def test_readme__documents_no_stale_columns(readme: str, table: Table) -> None:
    assert set(documented_columns(readme, table)) - set(table.names) == set()


def test_documented_columns__reads_a_section() -> None:
    text = (
        "# x\n### sites.csv\n| column | type |\n|---|---|\n| `id` | str | | Id. | |\n### next\n| `nope` |\n"
    )
    table = next(t for t in TABLES if t.seed_file == "sites.csv")
    assert documented_columns(text, table) == {"id": ["`id`", "str", "", "Id.", ""]}


def test_documented_columns__missing_heading_fails() -> None:
    table = next(t for t in TABLES if t.seed_file == "places.csv")
    with pytest.raises(AssertionError, match="no heading"):
        documented_columns("# README\n", table)
