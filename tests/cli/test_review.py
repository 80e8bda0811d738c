"""``launchmap review``: add, list, show, accept (with --set edits), reject; refusals in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geodata.store import Store
from tests.cli.test_main import isolated_store, run  # noqa: F401 - autouse fixture
from tests.reports.test_review import KOREAN, REVISION, THREE_OUTLETS
from tests.reports.wire_corpus import WIRE


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """A folder with three outlets' copies of one launch and the JCS revision of a stored one."""
    folder = tmp_path / "wire"
    folder.mkdir()
    for case in THREE_OUTLETS:
        header, _, body = (WIRE / f"{case}.txt").read_text(encoding="utf-8").partition("\n---\n")
        fields = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
        (folder / f"{case}.txt").write_text(
            f"Published: {fields['published']}\nOutlet: {fields['outlet']}\n{body}", encoding="utf-8"
        )
    (folder / "yonhap-revision.txt").write_text(f"Published: 2025-11-08\n{REVISION}", encoding="utf-8")
    return folder


def test_review__add_list_show_accept_edit_reject(capsys, reports: Path, isolated_store: Path) -> None:  # noqa: F811
    code, out, _ = run(capsys, "review", "add", str(reports))
    assert code == 0 and out.count("queued") == 2
    code, out, _ = run(capsys, "review", "list", "--format", "json")
    items = {i["kind"]: i for i in json.loads(out)}
    assert set(items) == {"new", "revision"}
    code, out, _ = run(capsys, "review", "show", str(items["revision"]["id"]))
    assert code == 0 and "revises stored event 2025-11-07-taegwan" in out
    assert "distance: 700 km → 800 km (ROK JCS)" in out
    assert "Japan MoD via Yonhap (2025-11-08): distance_km 500.0" in out  # a source added beside the JCS
    new_id = str(items["new"]["id"])
    code, out, _ = run(capsys, "review", "accept", new_id, "--set", "distance_km=360", "--user", "desk")
    assert code == 0 and out.strip() == "edited draft 1: saved 2024-05-30-sunan"
    code, out, _ = run(capsys, "review", "reject", str(items["revision"]["id"]), "--reason", "unsure")
    assert code == 0 and "nothing saved" in out
    store = Store(str(isolated_store))
    assert store.launch("2024-05-30-sunan")["distance_km"] == 360.0
    assert len(store.sources(["2024-05-30-sunan"])) == 3
    assert store.launch("2025-11-07-taegwan")["distance_km"] == 700.0  # the rejected revision changed nothing
    code, out, _ = run(capsys, "review", "list", "--all")
    assert "accepted" in out and "rejected" in out and "by desk" in out
    audit = store.audit()
    assert set(audit[audit["table_name"] == "review_queue"]["action"]) == {"queue", "edited", "rejected"}


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["review", "accept", "7"], 2, "no review item 7; pending items: none"),
        (["review", "show", "7"], 2, "no review item 7"),
        (["review", "accept", "1", "--set", "range=9"], 2, "unknown field 'range'"),
        (["review", "accept", "1", "--set", "distance_km"], 2, "expected FIELD=VALUE"),
    ],
)
def test_review__bad_ids_and_edits_are_one_line_usage_errors(capsys, argv, code, message) -> None:
    got, out, err = run(capsys, *argv)
    assert (got, out) == (code, "")
    assert err.startswith("launchmap: error: ") and message in err and "Traceback" not in err


def test_review__deciding_twice_is_refused(capsys, reports: Path) -> None:
    (reports / "yonhap-revision.txt").unlink()
    run(capsys, "review", "add", str(reports))
    assert run(capsys, "review", "reject", "1")[0] == 0
    code, _, err = run(capsys, "review", "accept", "1")
    assert code == 1 and "review item 1 was already rejected" in err


def test_review__korean_report_is_refused_by_name_in_review_and_extract(capsys, tmp_path: Path) -> None:
    korean = tmp_path / "seoul.txt"
    korean.write_text(KOREAN, encoding="utf-8")
    code, out, err = run(capsys, "review", "add", str(korean))
    assert code == 1 and out == ""
    assert f"refused: {korean} is in Korean; launchmap extracts English reports only" in err
    code, out, err = run(capsys, "extract", str(korean))
    assert code == 1 and f"error: {korean} is in Korean; launchmap extracts English reports only" in err


def test_review__show_lists_the_other_readings_to_check(capsys, tmp_path: Path) -> None:
    report = tmp_path / "kcna.txt"
    report.write_text(
        "Published: 2025-11-08\nNorth Korea fired a ballistic missile on Friday, the JCS said. KCNA said the test, "
        "conducted on Thursday, was a success.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "review", "add", str(report))
    assert code == 0 and "queued" in out
    code, out, _ = run(capsys, "review", "show", "1")
    assert code == 0
    assert (
        "check before accepting, the reports also give:\n"
        "  launch day: the report also says 2025-11-06 («Thursday»); the draft has 2025-11-07"
    ) in out
