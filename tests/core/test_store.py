"""The store: idempotent seeding, atomic imports, edits that keep an audit trail."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from geodata.errors import InvalidEvent, StaleEdit, StoreError
from geodata.store import Store, current_user, resolve_db_url
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
    if store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite only: WAL is how its readers never wait for a writer")
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


def test_launch__carries_its_version_and_each_edit_adds_one(store: Store) -> None:
    assert store.launch("2025-11-07-taegwan")["version"] == 1
    saved = store.update_launch("2025-11-07-taegwan", {"notes": "a"}, expected_version=1)
    assert saved["version"] == 2 == store.launch("2025-11-07-taegwan")["version"]
    versions = store.launches(include_version=True).set_index("id")["version"]
    assert versions.to_dict() == {"2012-12-12-sohae": 1, "2017-11-28-sunan": 1, "2025-11-07-taegwan": 2}
    assert "version" not in store.launches().columns  # the event schema's columns only, as before


def test_update_launch__second_editor_is_told_and_given_the_newer_values(store: Store) -> None:
    first = store.launch("2025-11-07-taegwan")
    second = store.launch("2025-11-07-taegwan")
    store.update_launch(first["id"], {"distance_km": 650.0}, expected_version=first["version"], user="alice")
    with pytest.raises(StaleEdit) as told:
        store.update_launch(second["id"], {"notes": "mine"}, expected_version=second["version"], user="bob")
    stale = told.value
    assert (stale.expected_version, stale.stored_version, stale.changed_by) == (1, 2, "alice")
    assert stale.stored["distance_km"] == 650.0 and stale.stored["version"] == 2
    assert stale.changed_columns == ["distance_km", "report_status"]
    assert "alice" in str(stale) and "Nothing was saved" in str(stale)
    assert store.launch("2025-11-07-taegwan")["notes"] != "mine"  # nothing of bob's was written
    store.update_launch(second["id"], {"notes": "mine"}, expected_version=stale.stored_version, user="bob")
    event = store.launch("2025-11-07-taegwan")
    assert (event["notes"], event["distance_km"], event["version"]) == ("mine", 650.0, 3)


def test_update_launch__a_version_key_in_the_changes_is_the_expected_version(store: Store) -> None:
    form = store.launch("2025-11-07-taegwan")
    store.update_launch(form["id"], {"notes": "first"})
    with pytest.raises(StaleEdit):
        store.update_launch(form["id"], {**form, "notes": "second"})


def test_delete_launch__based_on_an_old_version_is_refused(store: Store) -> None:
    store.update_launch("2025-11-07-taegwan", {"notes": "edited"})
    with pytest.raises(StaleEdit):
        store.delete_launch("2025-11-07-taegwan", expected_version=1)
    assert store.launch("2025-11-07-taegwan") is not None
    store.delete_launch("2025-11-07-taegwan", expected_version=2)
    assert store.launch("2025-11-07-taegwan") is None


def test_audit__records_the_user_from_the_environment_or_the_call(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LAUNCHMAP_USER", "desk-editor")
    store.update_launch("2025-11-07-taegwan", {"notes": "env"}, actor="data-page")
    store.update_launch("2025-11-07-taegwan", {"notes": "header"}, actor="data-page", user="kim@newsroom")
    latest, earlier = store.audit(limit=2).to_dict("records")
    assert (earlier["actor"], earlier["user_name"]) == ("data-page", "desk-editor")
    assert latest["user_name"] == "kim@newsroom"
    assert store.figure_revisions("2025-11-07-taegwan") == []


def test_current_user__environment_first_then_the_login_name(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    monkeypatch.setenv("LAUNCHMAP_USER", "  ")
    assert current_user() == getpass.getuser()
    monkeypatch.setenv("LAUNCHMAP_USER", "analyst")
    assert current_user() == "analyst"


def test_store__missing_postgresql_driver_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg -> ImportError
    with pytest.raises(StoreError, match=r"pip install 'launchmap\[postgres\]'"):
        Store("postgresql://launchmap@127.0.0.1:1/launchmap")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u@db/lm", "postgresql+psycopg://u@db/lm"),
        ("postgres://u@db/lm", "postgresql+psycopg://u@db/lm"),
        ("postgresql+psycopg://u@db/lm", "postgresql+psycopg://u@db/lm"),
    ],
)
def test_resolve_db_url__postgresql_means_psycopg_3(given: str, expected: str) -> None:
    assert resolve_db_url(given) == expected
