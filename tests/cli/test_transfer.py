"""The launchmap command moving launches in and out: export formats, render refusals, import reports and
the ``extract | import -`` pipe (issue #10)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from launchmap_cli.main import main
from tests.cli.test_main import GOOD, add_kn23, isolated_store, run, write_csv  # noqa: F401 - autouse fixture

REPO = Path(__file__).resolve().parents[2]
REPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
HWASONG17 = REPORTS / "04-hwasong17-sunan-2023.txt"  # Sunan, 7:10 a.m. "on Thursday", 1,000 km


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: str | bytes) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))


def stored(capsys: pytest.CaptureFixture[str]) -> dict[str, dict]:
    code, out, _ = run(capsys, "export", "--format", "json")
    assert code == 0
    return {event["id"]: event for event in json.loads(out)}


# --- export ------------------------------------------------------------------------------------------


def test_export__geojson_of_a_system_by_designation_with_a_ring(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    add_kn23(capsys, tmp_path)
    code, out, _ = run(capsys, "export", "--format", "geojson", "--system", "KN-23", "--ring", "Sunan:KN-23")
    assert code == 0
    collection = json.loads(out)
    kinds = [feature["properties"].get("feature_type") for feature in collection["features"]]
    assert collection["type"] == "FeatureCollection"
    assert kinds.count("launch") == 1 and "range_ring" in kinds
    launch = next(f for f in collection["features"] if f["properties"].get("feature_type") == "launch")
    assert launch["properties"]["id"] == "2025-11-08-sunan"


def test_export__kml_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--format", "kml", "--site", "Taegwan")
    assert code == 0
    assert out.startswith("<?xml") and "<kml" in out and "2025-11-07-taegwan" in out
    assert "2017-11-28-sunan" not in out


def test_export__html_is_the_offline_map_with_leaflet_inlined(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_file = tmp_path / "map.html"  # the suffix picks the format
    code, out, err = run(capsys, "export", "--out", str(out_file), "--class", "ICBM")
    assert (code, out) == (0, "")
    assert f"wrote 1 launch(es) as html to {out_file}" in err
    page = out_file.read_text(encoding="utf-8")
    assert "/* leaflet.js */" in page and "/* jquery.min.js */" in page  # inlined, not linked
    assert "<script src=" not in page.replace('<script src="data:', "")
    assert "2017-11-28-sunan" in page and "2025-11-07-taegwan" not in page


@pytest.mark.parametrize(("fmt", "start"), [("csv", "id,"), ("json", "[")])
def test_export__out_file_with_an_explicit_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str, start: str
) -> None:
    out_file = tmp_path / "launches.txt"
    code, out, _ = run(capsys, "export", "--format", fmt, "--out", str(out_file))
    assert (code, out) == (0, "")
    assert out_file.read_text(encoding="utf-8").startswith(start)


def test_export__nothing_matches_warns_and_writes_an_empty_collection(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "export", "--format", "geojson", "--since", "2025-11-08")
    assert code == 0
    assert json.loads(out)["features"] == []
    assert "no launch matches --since 2025-11-08; the records run from 2012-12-12 to 2025-11-07" in err


def test_export__bad_ring_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", "--format", "kml", "--ring", "Sunan:far")
    assert (code, out) == (2, "")
    assert err.startswith("launchmap: error: expected a length (700km, 435mi) or a system")


# --- render --------------------------------------------------------------------------------------------


def test_render__selection_matching_nothing_refuses_and_writes_no_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_file = tmp_path / "map.png"
    code, out, err = run(capsys, "render", "--out", str(out_file), "--system", "KN-23")
    assert (code, out) == (1, "")
    assert err == (
        "launchmap: error: no launch matches --system KN-23; the records run from 2012-12-12 to 2025-11-07; "
        "nothing to draw, no file written\n"
    )
    assert not out_file.exists()


@pytest.mark.parametrize("value", ["9", "0", "nan", "-2", "1000", "inf", "two"])
def test_render__scale_outside_0_to_4_is_a_one_line_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, value: str
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["render", "--out", str(tmp_path / "map.png"), "--scale", value])
    err = capsys.readouterr().err
    assert raised.value.code == 2
    assert err.startswith(
        "launchmap: error: argument --scale: expected a pixel multiplier greater than 0 and at most 4"
    )
    assert f"got {value!r}" in err and err.count("\n") == 1
    assert not (tmp_path / "map.png").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--event", "2025-11-07-taegwn"], "got '2025-11-07-taegwn'; did you mean '2025-11-07-taegwan'?"),
        (["--event", "2025-11-07-taegwan", "--class", "SRBM"], "--event picks one launch"),
        (["--ring", "Atlantis:700km"], "unknown place 'Atlantis'"),
    ],
)
def test_render__bad_values_are_usage_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, "render", "--out", str(tmp_path / "map.png"), *argv)
    assert code == 2 and message in err and err.count("\n") == 1


def test_render__suffix_other_than_png_svg_pdf_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "render", "--out", str(tmp_path / "map.bmp"))
    assert code == 2 and "expected --out to end in .png, .svg or .pdf" in err


# --- import: bad rows, not bad cells -------------------------------------------------------------------


def test_import__counts_bad_rows_not_bad_cells(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    three_bad_cells = {**GOOD, "id": "x", "lat": "north", "count": "many", "outcome": "boom"}
    path = write_csv(tmp_path / "mixed.csv", [GOOD, three_bad_cells])
    code, out, err = run(capsys, "import", str(path))
    assert (code, out) == (1, "")
    first, *problems = err.splitlines()
    assert first.startswith(f"launchmap: error: 1 bad row(s) in {path} (3 problem(s)); nothing was written")
    assert [p.split(",")[0].strip() for p in problems] == ["row 3"] * 3
    assert "2025-11-08-sunan" not in stored(capsys)


def test_import__two_bad_rows_and_only_the_first_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rows = [{**GOOD, "id": f"bad-{i}", "lat": "north", "lon": "east"} for i in range(6)]
    path = write_csv(tmp_path / "bad.csv", rows)
    code, _, err = run(capsys, "import", str(path))
    lines = err.splitlines()
    assert code == 1
    assert lines[0].startswith(f"launchmap: error: 6 bad row(s) in {path} (12 problem(s))")
    assert len(lines) == 1 + 10 + 1 and lines[-1] == "  ... and 2 more"


def test_import__source_rows_are_counted_apart_from_launch_rows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Launch row 1 and source row 1 are different rows of the file.
    record = {**GOOD, "lat": "north", "sources": [{"source": "ROK JCS", "source_kind": "rumour"}]}
    path = tmp_path / "one.json"
    path.write_text(json.dumps([record]))
    code, _, err = run(capsys, "import", str(path))
    assert code == 1
    assert err.startswith(f"launchmap: error: 2 bad row(s) in {path}")


def test_import__empty_stdin_is_a_failed_operation(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_stdin(monkeypatch, "  \n")
    code, _, err = run(capsys, "import", "-")
    assert (
        code == 1
        and err == "launchmap: error: standard input is empty; expected CSV, JSON or GeoJSON launch data\n"
    )


def test_import__csv_on_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, pd.DataFrame([GOOD]).to_csv(index=False))
    code, out, _ = run(capsys, "import", "-")
    assert code == 0 and json.loads(out)["ids"] == ["2025-11-08-sunan"]


# --- extract | import - -------------------------------------------------------------------------------


def extracted(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(capsys, "extract", *argv)
    assert code == 0, err
    return out


def test_extract__each_draft_carries_the_report_it_came_from(capsys: pytest.CaptureFixture[str]) -> None:
    out = extracted(capsys, str(HWASONG17), "--published", "2023-03-16", "--outlet", "Yonhap")
    document = json.loads(out)
    assert set(document) == {"events", "warnings"}
    assert document["events"][0]["report"] == {
        "published_on": "2023-03-16",
        "outlet": "Yonhap",
        "url": None,
        "title": None,
    }


def test_extract_then_import__saves_the_draft_with_its_sources(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts = extracted(capsys, str(HWASONG17), "--published", "2023-03-16", "--outlet", "Yonhap")
    drafted_sources = {s["source"] for s in json.loads(drafts)["events"][0]["sources"]}
    feed_stdin(monkeypatch, drafts)
    code, out, _ = run(capsys, "import", "-")
    assert code == 0
    assert json.loads(out) | {"systems_added": []} == {
        "format": "launchmap-extract",
        "inserted": 1,
        "unchanged": 0,
        "skipped_rows": 0,
        "systems_added": [],
        "ids": ["2023-03-16-sunan"],
    }
    event = stored(capsys)["2023-03-16-sunan"]
    assert event["launched_at"].startswith("2023-03-15T22:10")  # 07:10 KST on Thursday 16 March
    assert event["system"] == "Hwasong-17"
    assert len(drafted_sources) >= 2  # one launch_sources row per attributed source
    assert {(s["source"], s["published_on"], s["outlet"]) for s in event["sources"]} == {
        (source, "2023-03-16", "Yonhap") for source in drafted_sources
    }
    assert sum(bool(s["is_headline"]) for s in event["sources"]) == 1
    # The same drafts again change nothing.
    feed_stdin(
        monkeypatch, extracted(capsys, str(HWASONG17), "--published", "2023-03-16", "--outlet", "Yonhap")
    )
    code, out, _ = run(capsys, "import", "-")
    assert code == 0 and json.loads(out)["unchanged"] == 1


def test_extract_then_import__a_draft_without_time_saves_nothing_and_exits_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_stdin(monkeypatch, extracted(capsys, str(HWASONG17)))  # no --published: "on Thursday" has no date
    code, out, err = run(capsys, "import", "-")
    assert (code, out) == (1, "")
    assert "launchmap: error: 1 of 1 drafted event(s) in standard input cannot be saved" in err
    assert "event 1 (Hwasong-17 from sunan): no launch time in the report" in err
    assert "warning: no launch date in the text" in err  # extract's own explanation
    assert "2023-03-16-sunan" not in stored(capsys)


def two_drafts(capsys: pytest.CaptureFixture[str]) -> str:
    document = json.loads(extracted(capsys, str(HWASONG17), "--published", "2023-03-16"))
    siteless = {
        **document["events"][0],
        "id": None,
        "site_id": None,
        "lat": None,
        "lon": None,
        "evidence": {},
    }
    document["events"].append(siteless)
    return json.dumps(document)


def test_extract_then_import__all_or_nothing_over_drafts(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_stdin(monkeypatch, two_drafts(capsys))
    code, _, err = run(capsys, "import", "-")
    assert code == 1
    assert "1 of 2 drafted event(s) in standard input cannot be saved" in err
    assert "event 2 (Hwasong-17): no launch site in the report; fill in site_id" in err
    assert "2023-03-16-sunan" not in stored(capsys)  # the good draft was not saved either


def test_extract_then_import__skip_invalid_saves_the_complete_drafts(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    drafts = tmp_path / "drafts.json"  # the extract output also works as a file
    drafts.write_text(two_drafts(capsys))
    code, out, err = run(capsys, "import", "--skip-invalid", str(drafts))
    assert code == 0
    assert json.loads(out)["ids"] == ["2023-03-16-sunan"] and json.loads(out)["skipped_rows"] == 1
    assert "skipped: event 2" in err


def test_extract_then_import__real_pipe(tmp_path: Path) -> None:
    """`launchmap extract FILE --published DATE | launchmap import -` as a shell runs it."""
    command = [sys.executable, "-m", "launchmap_cli.main"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}  # LAUNCHMAP_DB/SEEDS from the autouse fixture
    extract = subprocess.Popen(
        [*command, "extract", str(HWASONG17), "--published", "2023-03-16"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=env,
    )
    assert extract.stdout is not None
    imported = subprocess.run(
        [*command, "import", "-"], stdin=extract.stdout, capture_output=True, text=True, cwd=tmp_path, env=env
    )
    extract.stdout.close()
    assert extract.wait(timeout=60) == 0, extract.stderr.read() if extract.stderr else ""
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["ids"] == ["2023-03-16-sunan"]
    listed = subprocess.run(
        [*command, "events", "--system", "Hwasong-17", "--format", "csv"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert listed.returncode == 0 and "2023-03-16-sunan" in listed.stdout


def test_extract__several_reports_of_one_launch_become_one_draft_with_every_source(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "a-yonhap.txt").write_text(
        "Published: 2025-11-08\nOutlet: Yonhap\nURL: https://example.org/yonhap\n"
        "SEOUL -- North Korea fired a short-range ballistic missile from near Taegwan, North Pyongan Province, "
        "into the East Sea at 12:35 p.m. on Saturday, flying about 700 km, South Korea's Joint Chiefs of Staff said."
    )
    (folder / "b-kyodo.txt").write_text(
        "Published: 2025-11-09\nOutlet: Kyodo\n"
        "TOKYO -- North Korea fired a ballistic missile from near Taegwan on Saturday at 12:35 p.m., "
        "Japan's Defense Ministry said, adding it flew about 450 km at an altitude of about 50 km."
    )
    code, out, err = run(capsys, "extract", str(folder))
    assert code == 0, err
    document = json.loads(out)
    (event,) = document["events"]
    by_source = {s["source"]: s for s in event["sources"]}
    assert by_source["ROK JCS"]["distance_km"] == 700 and by_source["ROK JCS"]["published_on"] == "2025-11-08"
    assert (
        by_source["Japan MoD"]["distance_km"] == 450
        and by_source["Japan MoD"]["published_on"] == "2025-11-09"
    )
    assert (
        by_source["Japan MoD"]["outlet"] == "Kyodo"
        and by_source["ROK JCS"]["url"] == "https://example.org/yonhap"
    )
    saved = tmp_path / "drafts.json"
    saved.write_text(out)
    code, _, err = run(capsys, "import", str(saved))
    assert code == 0, err
    code, out, _ = run(capsys, "export", "--format", "json", "--since", "2025-11-08")
    (stored,) = [e for e in json.loads(out) if e["id"] == "2025-11-08-taegwan"]
    dates = sorted((s["source"], s["published_on"]) for s in stored["sources"])
    assert dates == [("Japan MoD", "2025-11-09"), ("ROK JCS", "2025-11-08")]


def test_export__geojson_kml_and_html_name_how_current_the_records_are(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "export", "--format", "geojson")
    assert code == 0 and json.loads(out)["launchmap"]["records"].startswith("Records to 7 Nov 2025")
    code, out, _ = run(capsys, "export", "--format", "kml")
    assert code == 0 and "Records to 7 Nov 2025" in out
    code, _, _ = run(capsys, "export", "--out", str(tmp_path / "map.html"))
    assert code == 0 and 'id="launchmap-records"' in (tmp_path / "map.html").read_text()
