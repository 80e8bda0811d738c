"""``launchmap db`` and the store commands on both back ends: schema revision, upgrade, dump, restore."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geodata.store import head_revision
from launchmap_cli.main import main
from tests.backends import backend_url, fresh_pg_database, pg_admin_url
from tests.conftest import FIXTURE_SEEDS, NEW_EVENT
from tests.core.test_store_migrations import _previous_release_store

__all__ = ["backend_url", "pg_admin_url"]


@pytest.fixture(autouse=True)
def fixture_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAUNCHMAP_SEEDS", str(FIXTURE_SEEDS))
    monkeypatch.delenv("LAUNCHMAP_DB", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_db_current__empty_then_head(backend_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", backend_url, "db", "current")
    assert code == 0 and "empty" in out
    assert run(capsys, "--db", backend_url, "events", "--format", "csv")[0] == 0  # creates and seeds
    code, out, _ = run(capsys, "--db", backend_url, "db", "current")
    assert code == 0 and f"{head_revision()} (head): up to date" in out


def test_db_upgrade__an_older_store_is_refused_by_commands_until_upgraded(
    backend_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _previous_release_store(backend_url)
    code, out, _ = run(capsys, "--db", backend_url, "db", "current")
    assert code == 0 and "made before schema versions: older" in out
    code, _, err = run(capsys, "--db", backend_url, "events")
    assert code == 1 and err.count("\n") == 1 and "run 'launchmap db upgrade'" in err
    code, out, _ = run(capsys, "--db", backend_url, "db", "upgrade")
    assert code == 0 and f"upgraded from unversioned to {head_revision()}" in out
    code, out, _ = run(capsys, "--db", backend_url, "db", "upgrade")
    assert code == 0 and f"already at {head_revision()}" in out
    code, out, _ = run(capsys, "--db", backend_url, "events", "--format", "json")
    assert code == 0 and [e["id"] for e in json.loads(out)] == ["2017-11-28-sunan", "2025-11-07-taegwan"]


def test_db_dump_restore__round_trip_between_back_ends(
    tmp_path: Path, pg_admin_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = str(tmp_path / "laptop.db")
    (tmp_path / "new.csv").write_text(
        ",".join(NEW_EVENT) + "\n" + ",".join(str(v) for v in NEW_EVENT.values()) + "\n"
    )
    assert run(capsys, "--db", laptop, "import", str(tmp_path / "new.csv"))[0] == 0
    backup = tmp_path / "backup.json"
    code, _, err = run(capsys, "--db", laptop, "db", "dump", str(backup))
    assert code == 0 and "4 launches" in err
    with fresh_pg_database(pg_admin_url) as team:
        code, _, err = run(capsys, "--db", team, "db", "restore", str(backup))
        assert code == 0 and "restored" in err and "4 launches" in err
        code, _, err = run(capsys, "--db", team, "db", "restore", str(backup))
        assert code == 1 and "not empty" in err and err.count("\n") == 1
        assert run(capsys, "--db", team, "db", "restore", "--replace", str(backup))[0] == 0
        code, out, _ = run(capsys, "--db", team, "db", "dump", "-")
        assert code == 0
    again = json.loads(out)
    assert again["tables"] == json.loads(backup.read_text())["tables"]


def test_db_restore__a_file_that_is_no_dump_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x.json").write_text("{not json")
    code, _, err = run(capsys, "--db", str(tmp_path / "x.db"), "db", "restore", str(tmp_path / "x.json"))
    assert code == 1 and "not a launchmap dump" in err and err.count("\n") == 1


def test_db__without_an_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["db"])
    assert raised.value.code == 2


@pytest.mark.parametrize("argv", [["events"], ["db", "current"], ["db", "dump", "-"]])
def test_db__an_unreachable_server_fails_in_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _, err = run(
        capsys, "--db", "postgresql://nobody@127.0.0.1:1/launchmap", *argv
    )  # nothing listens on 1
    assert code == 1 and err.count("\n") == 1 and "Connection refused" in err and "a bug" not in err
