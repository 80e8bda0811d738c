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


# --- issue #10: CLI parity with the pages; no traceback reaches a user ---------------------------------

KN23_EVENT = {
    **NEW_EVENT,
    "id": "2025-11-08-sunan",
    # 18:00 UTC on the 8th is 03:00 KST on the 9th: the Korean day differs from the UTC one
    "launched_at": "2025-11-08T18:00:00Z",
    "system": "Hwasong-11A (KN-23)",
    "system_class": "SRBM",
    "distance_km": 435 * 1.609344,  # 700.06464 km, as a "435 miles" report converts
}


def add_kn23(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "import", str(write_csv(tmp_path / "kn23.csv", [KN23_EVENT])))
    assert code == 0, err


def ids_listed(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    code, out, err = run(capsys, "events", *argv, "--format", "json")
    assert code == 0, err
    return [event["id"] for event in json.loads(out)]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (["--system", "KN-23"], ["2025-11-08-sunan"]),  # a designation
        (["--system", "kn23"], ["2025-11-08-sunan"]),  # any spelling of it
        (["--system", "Hwasong-11A"], ["2025-11-08-sunan"]),  # the short name
        (["--system", "KN-22"], ["2017-11-28-sunan"]),  # Hwasong-15's designation
        (["--system", "KN-23", "--system", "Unha-3"], ["2012-12-12-sohae", "2025-11-08-sunan"]),
        (["--site", "Sunan"], ["2017-11-28-sunan", "2025-11-08-sunan"]),  # a name
        (["--site", "Pyongyang International Airport"], ["2017-11-28-sunan", "2025-11-08-sunan"]),  # an alias
        (["--site", "Tongchang-ri", "--site", "Taekwan"], ["2012-12-12-sohae", "2025-11-07-taegwan"]),
        (["--system", "KN-22", "--site", "Sunan"], ["2017-11-28-sunan"]),
    ],
)
def test_events__system_and_site_by_any_name_the_other_commands_accept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, filters: list[str], expected: list[str]
) -> None:
    add_kn23(capsys, tmp_path)
    assert ids_listed(capsys, *filters) == expected


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (["--system", "KN-32"], "unknown system 'KN-32' for --system; did you mean 'KN-23'"),
        (["--system", "Hwasong-51"], "did you mean 'Hwasong-15'"),
        (["--site", "Sunam"], "did you mean 'Sunan'"),
        (["--site", "Atlantis"], "unknown place 'Atlantis' for --site"),
        (["--site", "Seoul"], "expected a launch site for --site, got 'Seoul', which is the capital"),
    ],
)
def test_events__unknown_name_is_a_usage_error_naming_close_matches(
    capsys: pytest.CaptureFixture[str], filters: list[str], message: str
) -> None:
    code, out, err = run(capsys, "events", *filters)
    assert (code, out) == (2, "")
    assert err.startswith("launchmap: error: ") and message in err
    assert err.count("\n") == 1


def test_events__table_has_the_summary_columns_and_readable_numbers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    add_kn23(capsys, tmp_path)
    code, out, _ = run(capsys, "events", "--system", "KN-23")
    assert code == 0
    header, rule, row = out.splitlines()
    assert header.split() == [
        "id", "launched_at", "site_id", "system", "system_class", "count",
        "distance_km", "apogee_km", "outcome", "confirmation",
    ]  # fmt: skip
    assert set(rule) == {"-", " "}
    assert "700.1" in row and "700.06" not in row  # 435 mi, not 700.0646400000001
    assert "2025-11-09 03:00 KST · 2025-11-08 18:00 UTC" in row
    code, out, _ = run(capsys, "events", "--since", "2017-01-01", "--until", "2017-12-31")
    assert "4,475" in out and "4475.0" not in out  # the Hwasong-15 apogee


def test_events__nothing_matches_is_one_line_with_the_record_span_in_korea_dates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    add_kn23(capsys, tmp_path)
    code, out, err = run(capsys, "events", "--system", "KN-23", "--since", "2025-11-10")
    assert (code, err) == (0, "")
    # the last record is 18:00 UTC on 8 Nov: 9 Nov in Korea
    assert out == (
        "no launch matches --since 2025-11-10 --system KN-23; the records run from 2012-12-12 to 2025-11-09\n"
    )


def test_events__nothing_matches_in_csv_keeps_stdout_parseable(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "events", "--class", "SLBM", "--format", "csv")
    assert code == 0
    assert out.startswith("id,") and len(out.splitlines()) == 1
    assert "no launch matches --class SLBM" in err


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-13-01", "expected a calendar date as YYYY-MM-DD, got '2026-13-01' (month must be in 1..12)"),
        ("garbage", "expected a date as YYYY-MM-DD, got 'garbage'"),
        ("2025-02-30", "expected a calendar date as YYYY-MM-DD, got '2025-02-30' (day is out of range"),
        ("99999-01-01", "expected a date as YYYY-MM-DD, got '99999-01-01'"),
        ("2025-1-1", "expected a date as YYYY-MM-DD, got '2025-1-1'"),
    ],
)
@pytest.mark.parametrize("option", ["--since", "--until"])
def test_events__bad_dates_are_one_line_usage_errors(
    capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["events", option, value])
    err = capsys.readouterr().err
    assert raised.value.code == 2
    assert message in err and err.startswith(f"launchmap: error: argument {option}: ")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_events__since_after_until_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "events", "--since", "2025-01-01", "--until", "2024-01-01")
    assert (code, out) == (2, "")
    assert err == (
        "launchmap: error: expected --since on or before --until, got --since 2025-01-01 and --until 2024-01-01\n"
    )


# --- exit codes: 0 done, 2 bad usage or value, 1 failed operation; one line, never a traceback -------------


def test_exit__argparse_errors_are_one_line_with_a_pointer_to_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["events", "--format", "xml"])
    err = capsys.readouterr().err
    assert raised.value.code == 2
    assert err.startswith("launchmap: error: argument --format: invalid choice: 'xml'")
    assert err.endswith("(see 'launchmap events --help')\n") and err.count("\n") == 1


def test_exit__a_store_that_cannot_be_opened_is_a_failed_operation(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder")
    code, out, err = run(capsys, "--db", str(not_a_folder / "x.db"), "events")
    assert (code, out) == (1, "")
    assert err.startswith("launchmap: error: ") and err.count("\n") == 1 and "Traceback" not in err


def test_exit__an_unexpected_failure_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from launchmap_cli import selection

    def broken(*args: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(selection, "select", broken)
    code, out, err = run(capsys, "events")
    assert (code, out) == (1, "")
    assert err.startswith("launchmap: error: unexpected ZeroDivisionError: division by zero")
    assert err.count("\n") == 1
    monkeypatch.setenv("LAUNCHMAP_TRACEBACK", "1")  # for whoever debugs it
    with pytest.raises(ZeroDivisionError):
        main(["events"])


def test_exit__broken_pipe_is_quiet_and_0(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import launchmap_cli.main as cli

    def reader_left(*args: object) -> str:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli, "launch_table", reader_left)
    code, _, err = run(capsys, "events")
    assert (code, err) == (0, "")


# --- `launchmap --help` loads nothing heavy ------------------------------------------------------------

HEAVY = ("pandas", "numpy", "matplotlib", "folium", "streamlit", "pyproj", "geopy", "sqlalchemy")


@pytest.mark.parametrize(
    "argv", [["--help"], ["render", "--help"], ["export", "--help"], ["in-range", "--help"]]
)
def test_help__imports_no_heavy_module(argv: list[str]) -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from launchmap_cli.main import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit as done:\n"
        "    assert done.code == 0, done.code\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "[]"
    assert "usage: launchmap" in done.stdout


def test_render__choices_written_in_the_cli_match_the_stills_module() -> None:
    from geodata.render.stills import compose
    from launchmap_cli import render as cli_render

    assert tuple(compose.PRESETS) == cli_render.PRESETS
    assert tuple(compose.STYLES) == cli_render.STYLES
    assert tuple(compose.FORMATS) == cli_render.FORMATS


def test_serve__banner_masks_the_database_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess

    from launchmap_cli import main as cli_main

    class FakeStore:  # only the URL matters here: the banner is printed before the server starts
        engine = __import__("sqlalchemy").create_engine("sqlite://")
        engine.url = __import__("sqlalchemy").engine.make_url(
            "postgresql://editor:s3cret@127.0.0.1/launchmap"
        )

    monkeypatch.setattr(cli_main.Context, "store", FakeStore(), raising=False)
    monkeypatch.setattr(subprocess, "call", lambda *a, **k: 0)
    assert main(["serve", "--port", "8599"]) == 0
    err = capsys.readouterr().err
    assert "s3cret" not in err and "***" in err


def test_export__csv_reimports_into_a_fresh_store_with_its_sources(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #11: the CSV export carried sources only as readable text; now they come back whole."""
    code, out, _ = run(capsys, "export", "--format", "csv")
    assert code == 0
    exported = tmp_path / "all.csv"
    exported.write_text(out)
    expected = {(s["launch_id"], s["source"], s["published_on"]) for s in _sources_json(capsys)}
    monkeypatch.setenv("LAUNCHMAP_DB", str(tmp_path / "fresh.db"))
    monkeypatch.setenv("LAUNCHMAP_SEEDS", str(_empty_seeds(tmp_path)))
    code, out, err = run(capsys, "import", str(exported))
    assert code == 0, err
    assert json.loads(out)["inserted"] == 3 and "ignored column" not in err
    assert {(s["launch_id"], s["source"], s["published_on"]) for s in _sources_json(capsys)} == expected


def _sources_json(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    code, out, _ = run(capsys, "export", "--format", "json")
    assert code == 0
    return [{**s, "launch_id": e["id"]} for e in json.loads(out) for s in e["sources"]]


def _empty_seeds(tmp_path: Path) -> Path:
    """The fixture's sites and systems without its launches: a store a colleague's export goes into."""
    import shutil

    folder = tmp_path / "empty-seeds"
    shutil.copytree(FIXTURE_SEEDS, folder)
    for name in ("launches.csv", "launch_sources.csv"):
        header = (folder / name).read_text().splitlines()[0]
        (folder / name).write_text(header + "\n")
    return folder
