"""The launchmap command: exit codes, outputs, and atomic imports."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from launchmap_cli.main import build_parser, main
from tests.conftest import FIXTURE_SEEDS, NEW_EVENT


@pytest.fixture(autouse=True)
def isolated_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "cli.db"
    monkeypatch.setenv("LAUNCHMAP_DB", str(db))
    monkeypatch.setenv("LAUNCHMAP_SEEDS", str(FIXTURE_SEEDS))
    return db


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_events__json_lists_seeded_events(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "events", "--format", "json")
    assert code == 0
    assert [e["id"] for e in json.loads(out)] == [
        "2012-12-12-sohae",
        "2017-11-28-sunan",
        "2025-11-07-taegwan",
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (["--since", "2020-01-01"], ["2025-11-07-taegwan"]),
        (["--until", "2017-11-28"], ["2012-12-12-sohae", "2017-11-28-sunan"]),
        (["--class", "ICBM"], ["2017-11-28-sunan"]),
        (["--site", "sohae", "--site", "sunan"], ["2012-12-12-sohae", "2017-11-28-sunan"]),
        (["--system", "Unknown SRBM"], ["2025-11-07-taegwan"]),
    ],
)
def test_events__filters(capsys: pytest.CaptureFixture[str], filters: list[str], expected: list[str]) -> None:
    code, out, _ = run(capsys, "events", *filters, "--format", "csv")
    assert code == 0
    assert pd.read_csv(__import__("io").StringIO(out))["id"].tolist() == expected


def test_events__table_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "events")
    assert code == 0 and "2025-11-07-taegwan" in out and "Unknown SRBM" in out


def test_events__bad_class_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["events", "--class", "ABM"])
    assert raised.value.code == 2
    assert "invalid choice: 'ABM'" in capsys.readouterr().err


def write_csv(path: Path, rows: list[dict]) -> Path:
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


GOOD = NEW_EVENT


def test_import__twice_does_not_duplicate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_csv(tmp_path / "new.csv", [GOOD])
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0 and json.loads(out)["inserted"] == 1
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0 and json.loads(out) | {} == {**json.loads(out), "inserted": 0, "unchanged": 1}
    code, out, _ = run(capsys, "events", "--format", "json")
    assert sum(e["id"] == "2025-11-08-sunan" for e in json.loads(out)) == 1


def test_import__bad_row_writes_nothing_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "mixed.csv", [GOOD, {**GOOD, "id": "b", "launched_at": "2099-01-01T00:00:00Z"}]
    )
    code, _, err = run(capsys, "import", str(path))
    assert code == 1
    assert "row 3, column 'launched_at'" in err and "nothing was written" in err
    code, out, _ = run(capsys, "events", "--format", "json")
    assert "2025-11-08-sunan" not in out


def test_import__skip_invalid(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_csv(tmp_path / "mixed.csv", [GOOD, {**GOOD, "id": "b", "site_id": "nowhere"}])
    code, out, err = run(capsys, "import", "--skip-invalid", str(path))
    assert code == 0 and json.loads(out)["inserted"] == 1 and "unknown site id 'nowhere'" in err


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.csv", "is empty"),
        (b"\xff\xfe\x00garbage\x00", "bin.csv", "not UTF-8"),
        (b"a,b\n1,2\n", "other.csv", "expected launchmap columns"),
        (b"{not json", "x.json", "not valid JSON"),
        (b"hello", "notes.docx", "expected a .csv, .xlsx"),
    ],
)
def test_import__unreadable_files_are_clear_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, name: str, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, _, err = run(capsys, "import", str(path))
    assert code == 1 and message in err


def test_import__missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "import", str(tmp_path / "nope.csv"))
    assert code == 1 and "nope.csv" in err


def test_export__json_carries_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--format", "json", "--since", "2025-01-01")
    assert code == 0
    (event,) = json.loads(out)
    assert {s["source"]: s["distance_km"] for s in event["sources"]} == {"ROK JCS": 700, "Japan MoD": 450}


def test_export__json_reimports_unchanged(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _, out, _ = run(capsys, "export", "--format", "json")
    path = tmp_path / "all.json"
    path.write_text(out)
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0 and json.loads(out)["unchanged"] == 3


def test_help__every_command_says_what_it_does() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():
        assert sub.description, f"{name} has no description"


def test_export__csv_neutralises_formulas_and_reimports_them_as_typed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "formula.csv", [{**GOOD, "notes": '=HYPERLINK("http://x")'}])
    assert run(capsys, "import", str(path))[0] == 0
    code, out, _ = run(capsys, "export", "--format", "csv", "--since", "2025-11-08")
    assert code == 0 and "'=HYPERLINK" in out
    exported = tmp_path / "exported.csv"
    exported.write_text(out)
    code, out, _ = run(capsys, "import", str(exported))
    assert code == 0 and json.loads(out)["unchanged"] == 1
