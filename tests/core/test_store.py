"""The store: idempotent seeding, atomic imports, edits that keep an audit trail."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from geodata.errors import InvalidEvent
from geodata.store import Store, resolve_db_url
from tests.conftest import FIXTURE_SEEDS, NEW_EVENT


def test_seed__is_idempotent_and_audited(store: Store) -> None:
    assert len(store.launches()) == 3
    assert store.seed(FIXTURE_SEEDS) == 0
    reopened = Store(store.url)
    assert reopened.seed(FIXTURE_SEEDS) == 0
    assert len(reopened.launches()) == 3
    audit = store.audit(limit=1000)
    assert (
        audit["action"] == "insert"
    ).sum() == 3 + 5 + 3 + 4 + 2  # launches, sources, sites, systems, places


def test_seed__headline_follows_the_documented_rule(store: Store) -> None:
    sources = store.sources(["2025-11-07-taegwan"])
    assert sources.set_index("source")["is_headline"].to_dict() == {"ROK JCS": True, "Japan MoD": False}


def test_seed__changed_seeds_add_new_rows_but_keep_user_edits(store: Store, tmp_path: Path) -> None:
    store.update_launch("2025-11-07-taegwan", {"distance_km": 650.0}, actor="analyst")
    store.delete_launch("2012-12-12-sohae", actor="analyst")
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, seeds)
    with (seeds / "launches.csv").open("a") as handle:
        handle.write(
            "2025-11-09-sunan,2025-11-09T00:00:00Z,day,sunan,39.224,125.670,Unknown SRBM,SRBM,1,,,,,,,none,,"
            "unknown,suspected,\n"
        )
    assert store.seed(seeds) == 1
    launches = store.launches().set_index("id")
    assert launches.loc["2025-11-07-taegwan", "distance_km"] == 650.0  # edit kept
    assert "2012-12-12-sohae" not in launches.index  # deletion kept
    assert "2025-11-09-sunan" in launches.index


def test_seed__invalid_seed_file_writes_nothing(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, seeds)
    text = (seeds / "launches.csv").read_text().replace("40.21,125.20", "125.20,40.21")
    (seeds / "launches.csv").write_text(text)
    fresh = Store(tmp_path / "x.db")
    with pytest.raises(InvalidEvent, match="swapped"):
        fresh.seed(seeds)
    assert fresh.sites().empty and fresh.launches().empty


def test_import__one_bad_row_writes_nothing_and_names_it(store: Store) -> None:
    bad = {**NEW_EVENT, "id": "bad", "lat": 125.67, "lon": 39.224}
    before = store.version()
    with pytest.raises(InvalidEvent) as raised:
        store.import_launches(pd.DataFrame([NEW_EVENT, bad]))
    assert [(e.row, e.column) for e in raised.value.errors] == [(2, "lat")]
    assert store.version() == before
    assert "2025-11-08-sunan" not in set(store.launches()["id"])


def test_import__skip_invalid_writes_the_good_rows(store: Store) -> None:
    bad = {**NEW_EVENT, "id": "bad", "site_id": "nowhere"}
    result = store.import_launches(pd.DataFrame([NEW_EVENT, bad]), skip_invalid=True)
    assert result.inserted == ["2025-11-08-sunan"]
    assert result.errors[0].column == "site_id"


def test_import__twice_does_not_duplicate(store: Store) -> None:
    store.import_launches(pd.DataFrame([NEW_EVENT]))
    again = store.import_launches(pd.DataFrame([NEW_EVENT]))
    assert again.inserted == [] and again.unchanged == ["2025-11-08-sunan"]
    assert (store.launches()["id"] == "2025-11-08-sunan").sum() == 1


def test_import__same_id_with_other_values_is_an_error(store: Store) -> None:
    changed = {**NEW_EVENT, "id": "2025-11-07-taegwan"}
    with pytest.raises(InvalidEvent, match="already stored"):
        store.import_launches(pd.DataFrame([changed]))


def test_import__dry_run_reports_without_writing(store: Store) -> None:
    result = store.import_launches(
        pd.DataFrame([NEW_EVENT, {**NEW_EVENT, "id": "x", "count": 0}]), dry_run=True
    )
    assert result.inserted == ["2025-11-08-sunan"] and result.errors[0].column == "count"
    assert "2025-11-08-sunan" not in set(store.launches()["id"])


def test_import__unknown_system_is_added_to_the_catalogue(store: Store) -> None:
    result = store.import_launches(pd.DataFrame([{**NEW_EVENT, "system": "Hwasong-99"}]))
    assert result.systems_added == ["Hwasong-99"]
    assert "Hwasong-99" in set(store.systems()["name"])


def test_add_launch__with_sources_picks_a_headline(store: Store) -> None:
    store.add_launch(
        NEW_EVENT,
        [
            {"source": "KCNA", "source_kind": "state media", "published_on": "2025-11-09"},
            {
                "source": "ROK JCS",
                "source_kind": "government",
                "published_on": "2025-11-08",
                "distance_km": 300,
            },
        ],
    )
    sources = store.sources(["2025-11-08-sunan"]).set_index("source")
    assert bool(sources.loc["ROK JCS", "is_headline"]) and not bool(sources.loc["KCNA", "is_headline"])


def test_update_launch__audits_old_and_new_value(store: Store) -> None:
    store.update_launch("2025-11-07-taegwan", {"apogee_km": 50.0}, actor="analyst")
    row = store.audit(limit=1).iloc[0]
    assert (row["action"], row["actor"], row["row_key"]) == ("update", "analyst", "2025-11-07-taegwan")
    assert json.loads(row["old_value"])["apogee_km"] is None
    assert json.loads(row["new_value"])["apogee_km"] == 50.0


def test_update_launch__invalid_edit_changes_nothing(store: Store) -> None:
    with pytest.raises(InvalidEvent, match="lat"):
        store.update_launch("2025-11-07-taegwan", {"lat": 140.0})
    assert store.launch("2025-11-07-taegwan")["lat"] == 40.21


def test_delete_launch__removes_sources_and_keeps_them_in_the_audit(store: Store) -> None:
    store.delete_launch("2025-11-07-taegwan")
    assert store.sources(["2025-11-07-taegwan"]).empty
    old = json.loads(store.audit(limit=1).iloc[0]["old_value"])
    assert old["distance_km"] == 700 and len(old["sources"]) == 2


def test_store__sqlite_uses_wal(store: Store) -> None:
    with store.engine.connect() as connection:
        assert connection.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"


@pytest.mark.parametrize(
    ("given", "expected_start"),
    [
        ("postgresql+psycopg://u:p@db/launchmap", "postgresql+psycopg://"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_resolve_db_url__urls_pass_through(given: str, expected_start: str) -> None:
    assert resolve_db_url(given).startswith(expected_start)


def test_resolve_db_url__env_var_and_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAUNCHMAP_DB", str(tmp_path / "env.db"))
    assert resolve_db_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_db_url(tmp_path / "sub" / "arg.db") == f"sqlite:///{tmp_path / 'sub' / 'arg.db'}"


def test_store__older_store_gains_new_columns_with_their_defaults(tmp_path: Path) -> None:
    import sqlalchemy as sa

    path = tmp_path / "old.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:  # the launches table as launchmap 0.1 made it: no actor, no status
        connection.execute(sa.text("CREATE TABLE launches (id TEXT PRIMARY KEY, launched_at TEXT, "
                                   "launched_at_precision TEXT, site_id TEXT, lat FLOAT, lon FLOAT, system TEXT, "
                                   "system_class TEXT, count INTEGER, distance_km FLOAT, apogee_km FLOAT, "
                                   "flight_time_s FLOAT, bearing_deg FLOAT, impact_lat FLOAT, impact_lon FLOAT, "
                                   "impact_basis TEXT, landing_area TEXT, outcome TEXT, confirmation TEXT, notes TEXT)"))  # fmt: skip
        connection.execute(sa.text("INSERT INTO launches VALUES ('2025-11-07-taegwan', '2025-11-07T03:35:00+00:00', "
                                   "'minute', 'taegwan', 40.21, 125.2, 'Unknown SRBM', 'SRBM', 1, 700, NULL, NULL, "
                                   "NULL, NULL, NULL, 'estimated', NULL, 'success', 'confirmed', NULL)"))  # fmt: skip
    launches = Store(path).launches()
    assert launches.loc[0, "actor"] == "PRK" and launches.loc[0, "report_status"] == "confirmed"
    assert launches.loc[0, "distance_km"] == 700.0


def test_update_launch__a_changed_figure_marks_the_event_revised_and_keeps_the_old_value(
    store: Store,
) -> None:
    store.update_launch("2025-11-07-taegwan", {"distance_km": 650.0}, actor="analyst")
    event = store.launch("2025-11-07-taegwan")
    assert event is not None and event["report_status"] == "revised"
    (revision,) = store.figure_revisions("2025-11-07-taegwan")
    assert (revision["column"], revision["old"], revision["new"], revision["actor"]) == (
        "distance_km",
        700.0,
        650.0,
        "analyst",
    )


def test_update_launch__notes_alone_are_no_revision_and_an_explicit_status_stands(store: Store) -> None:
    store.update_launch("2025-11-07-taegwan", {"notes": "typo fixed"}, actor="analyst")
    assert store.launch("2025-11-07-taegwan")["report_status"] == "confirmed"
    assert store.figure_revisions("2025-11-07-taegwan") == []
    store.update_launch("2025-11-07-taegwan", {"apogee_km": 60.0, "report_status": "preliminary"}, actor="a")
    assert store.launch("2025-11-07-taegwan")["report_status"] == "preliminary"
