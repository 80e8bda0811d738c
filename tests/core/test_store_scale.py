"""The store at scale: batched imports that stay all-or-nothing and audited, reads that pick rows in SQL."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import sqlalchemy as sa

from geodata.errors import InvalidEvent, InvalidOption, StoreError
from geodata.events import RowError, filter_launches
from geodata.store import Store
from geodata.store import core as store_core
from tests.conftest import FIXTURE_SEEDS

CLASSES = ("SRBM", "MRBM", "ICBM", "cruise")
SITES = (("sunan", 39.224, 125.67), ("taegwan", 40.21, 125.2), ("sohae", 39.66, 124.705))
OUTCOMES = ("success", "failure", "unknown")


def many_events(count: int, prefix: str = "bulk") -> pd.DataFrame:
    """``count`` valid events spread over sites, classes, outcomes and 30 years (a typed frame, as readers give)."""
    rows = []
    for i in range(count):
        site, lat, lon = SITES[i % len(SITES)]
        rows.append(
            {
                "id": f"{prefix}-{i:05d}",
                "launched_at": pd.Timestamp("1995-01-01T00:00Z") + pd.Timedelta(hours=97 * i),
                "launched_at_precision": "minute",
                "site_id": site,
                "lat": lat,
                "lon": lon,
                "system": f"Test system {i % 5}",
                "system_class": CLASSES[i % len(CLASSES)],
                "count": 1 + i % 3,
                "distance_km": float(100 + (i * 37) % 1100) if i % 7 else float("nan"),
                "bearing_deg": float(60 + i % 50),
                "impact_basis": "estimated",
                "outcome": OUTCOMES[i % len(OUTCOMES)],
                "confirmation": "confirmed",
            }
        )
    frame = pd.DataFrame(rows)
    frame["launched_at"] = pd.to_datetime(frame["launched_at"], utc=True)
    return frame


def _statements(store: Store) -> list[str]:
    seen: list[str] = []

    def note(_connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    sa.event.listen(store.engine, "before_cursor_execute", note)
    return seen  # the SELECTs the store sends from now on


def test_import__many_rows_one_audit_row_each_naming_who_when_and_through_what(store: Store) -> None:
    before = store.version()
    result = store.import_launches(many_events(600), actor="import:bulk.csv", user="analyst")
    assert len(result.inserted) == 600 and result.systems_added == [f"Test system {i}" for i in range(5)]
    audit = store.audit(limit=10_000)
    new = audit[audit["id"] > before]
    assert len(new) == 600 + 5  # each launch and each added system, one row apiece
    assert set(new["user_name"]) == {"analyst"} and set(new["actor"]) == {"import:bulk.csv"}
    assert set(new["action"]) == {"insert"} and new["at"].str.match(r"\d{4}-\d\d-\d\dT").all()
    launch_rows = new[new["table_name"] == "launches"]
    assert set(launch_rows["row_key"]) == set(result.inserted)
    first = json.loads(launch_rows.sort_values("row_key")["new_value"].iloc[0])
    assert (first["id"], first["version"], first["launched_at"]) == ("bulk-00000", 1, "1995-01-01T00:00:00Z")
    # What the batch stored reads back as the rows given, each at version 1.
    stored = store.launches(include_version=True).set_index("id").loc[result.inserted]
    assert set(stored["version"]) == {1} and stored["distance_km"].isna().sum() == 86


def test_import__a_failure_inside_the_batch_writes_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (store.version(), len(store.launches()), len(store.systems()))
    real = store_core._execute_many

    def fail_at_the_audit(connection: Any, table: sa.Table, rows: list[dict[str, Any]]) -> None:
        if table.name == "audit_log" and rows[0]["table_name"] == "launches":
            raise sa.exc.OperationalError("INSERT", {}, Exception("disk I/O error"))
        real(connection, table, rows)

    monkeypatch.setattr(store_core, "_execute_many", fail_at_the_audit)
    with pytest.raises(StoreError, match="disk I/O error; nothing was saved"):
        store.import_launches(many_events(300))
    assert (store.version(), len(store.launches()), len(store.systems())) == before


def test_import__killed_mid_batch_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'launchmap.db'}"
    Store(url).seed(FIXTURE_SEEDS)
    before = Store(url).launches()
    script = textwrap.dedent(
        f"""
        import os, signal
        from geodata.store import Store, core
        from tests.core.test_store_scale import many_events
        real = core._execute_many
        def killed(connection, table, rows):
            real(connection, table, rows)
            if table.name == "launches":  # the rows are written, their audit is not: die now
                os.kill(os.getpid(), signal.SIGKILL)
        core._execute_many = killed
        Store({url!r}).import_launches(many_events(2000))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[2], check=False)
    assert done.returncode == -signal.SIGKILL
    after = Store(url)
    assert after.launches().equals(before)
    assert len(after.import_launches(many_events(2000)).inserted) == 2000  # and the store still works


def test_import__a_typed_frame_with_one_bad_cell_is_named_like_any_other(store: Store) -> None:
    frame = many_events(50)
    frame.loc[7, "lat"] = 125.2  # swapped with lon: the whole-column check fails and the cell is named
    frame.loc[9, "launched_at"] = pd.NaT
    with pytest.raises(InvalidEvent) as raised:
        store.import_launches(frame)
    found = [(e.row, e.column) for e in raised.value.errors if isinstance(e, RowError)]
    assert found == [(8, "lat"), (10, "launched_at")]
    assert "are lat and lon swapped?" in str(raised.value.errors[0])


def test_import__again_with_a_few_rows_changed_reports_the_rest_unchanged(store: Store) -> None:
    store.import_launches(many_events(700))
    again = many_events(700)
    again.loc[3, "notes"] = "revised"
    with pytest.raises(InvalidEvent, match="already stored"):
        store.import_launches(again)
    result = store.import_launches(again, skip_invalid=True)
    assert len(result.unchanged) == 699 and result.inserted == []


def test_launch__reads_one_row(store: Store) -> None:
    store.import_launches(many_events(200))
    statements = _statements(store)
    event = store.launch("bulk-00042")
    assert event is not None and event["system_class"] == "ICBM" and event["version"] == 1
    assert len(statements) == 1 and "WHERE launches.id = " in statements[0]


FILTER_CASES: list[dict[str, Any]] = [
    {"classes": ["ICBM"]},
    {"since": "2001-03-04", "until": "2003-12-31", "sites": ["sunan", "sohae"]},
    {"until": "1995-01-05T01:00:00Z"},
    {"outcomes": ["failure"], "systems": ["Test system 2"], "distance_km": (0, 500)},
    {"distance_km": (300, 700), "actors": ["PRK"]},
    {"classes": []},
]


@pytest.mark.parametrize("filters", FILTER_CASES)
def test_launches__filters_read_only_matching_rows_and_keep_what_filter_launches_keeps(
    store: Store, filters: dict[str, Any]
) -> None:
    store.import_launches(many_events(900))
    expected = filter_launches(store.launches(), **filters).reset_index(drop=True)
    statements = _statements(store)
    got = store.launches(**filters)
    assert _cells(got) == _cells(expected)
    assert len(statements) == 1 and "WHERE" in statements[0]


def _cells(frame: pd.DataFrame) -> list[list[Any]]:
    """The frame's values, every missing value alike (pandas infers None or NaN, s or µs, from the rows read)."""
    return [[None if pd.isna(v) else v for v in row] for row in frame.itertuples(index=False)]


def test_launches__selected_columns_only(store: Store) -> None:
    store.import_launches(many_events(100))
    statements = _statements(store)
    got = store.launches(columns=["system_class", "distance_km"], classes=["SRBM"], include_version=True)
    assert list(got.columns) == ["system_class", "distance_km", "version"] and set(got["system_class"]) == {
        "SRBM"
    }
    assert "notes" not in statements[0] and "impact_lat" not in statements[0]
    with pytest.raises(InvalidOption, match="no launch column"):
        store.launches(columns=["warhead"])
    with pytest.raises(InvalidOption, match="unknown launch filter"):
        store.launches(klass=["SRBM"])


def test_launches__the_whole_table_is_read_again_only_when_the_store_changed(store: Store) -> None:
    first = store.launches()
    statements = _statements(store)
    first.loc[0, "notes"] = "changed by a caller"  # a caller's copy: the store's memory is not touched
    again = store.launches()
    assert len(statements) == 1 and "max(audit_log.id)" in statements[0]  # the version, nothing else
    assert again["notes"].iloc[0] != "changed by a caller"
    store.import_launches(many_events(3))
    assert len(store.launches()) == len(first) + 3
    assert len(statements) > 2 and "FROM launches" in statements[-1]


def test_version__is_one_primary_key_lookup_not_a_scan_on_sqlite(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'x.db'}")
    store.seed(FIXTURE_SEEDS)
    sent: list[tuple[str, Any]] = []
    sa.event.listen(
        store.engine, "before_cursor_execute", lambda _c, _k, sql, params, *_: sent.append((sql, params))
    )
    store.version()
    sql, params = next((sql, params) for sql, params in sent if sql.startswith("SELECT"))
    with store.engine.connect() as connection:
        plan = " ".join(
            str(row[-1]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
        )
    assert "SCAN" not in plan and "SEARCH audit_log" in plan
