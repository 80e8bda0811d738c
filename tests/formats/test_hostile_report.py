"""The figures of docs/hostile-input.md (#15), from the corpora themselves and from measurement.

- How many hostile inputs each corpus tries is counted from its table here, and the note must say
  the same (``test_note__counts_match_the_corpora``): a case added or dropped shows up as a diff.
- The largest refused files are imported by the real command in a child process, which reports its
  peak memory (``ru_maxrss``) and time; the test asserts each was refused with the limit named and
  that its peak memory stays within a bound of a one-row import measured the same way (memory, not
  time: times are recorded in the note, never asserted).

``LAUNCHMAP_WRITE_NOTE=1 pytest tests/formats/test_hostile_report.py`` rewrites the generated part
of the note from a fresh run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from geodata.limits import MAX_FILE_BYTES, MAX_ROWS, describe_bytes
from tests.conftest import FIXTURE_SEEDS, REPO
from tests.formats.test_hostile import CASES, HEADER, csv_with

NOTE = REPO / "docs" / "hostile-input.md"
BEGIN, END = "<!-- figures: begin (tests/formats/test_hostile_report.py) -->", "<!-- figures: end -->"
# A refused file may take this much more memory than importing one good row: it is refused while
# streaming, so it never holds the whole table (the issue saw 3.4 GB for a 9.9 MB CSV).
MEMORY_MARGIN_MB = 300

# The child: run `launchmap` on argv, then write its exit code, time and peak memory as JSON.
CHILD = """
import json, resource, sys, time
from launchmap_cli.main import main
started = time.perf_counter()
code = main(sys.argv[2:])
elapsed_s = time.perf_counter() - started
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
with open(sys.argv[1], "w") as out:
    json.dump({"code": code, "elapsed_s": elapsed_s, "peak_mb": peak_mb}, out)
"""


def corpus_counts() -> list[tuple[str, int, str]]:
    """(way in, inputs tried, the test that tries them) for every corpus of #15."""
    from tests.core.test_faults import DAMAGED
    from tests.dashboard.test_form_fields import inputs_tried
    from tests.dashboard.test_hostile_urls import CASES as URL_CASES
    from tests.dashboard.test_stored_payloads import _pages
    from tests.formats.test_hostile_links import REFUSED

    by_kind = {"file": 0, "cli": 0, "report": 0}
    for case in CASES:
        kind = (
            "cli"
            if case.argv and not case.filename
            else "report"
            if case.name.startswith("report")
            else "file"
        )
        by_kind[kind] += 1
    fields = inputs_tried()
    faults = len(DAMAGED) + 3 + 3 + 1  # damaged files, missing seeds, full disk (3 ways), read-only store
    return [
        ("import files (CSV, JSON, GeoJSON, XLSX, CNS)", by_kind["file"], "tests/formats/test_hostile.py"),
        ("CLI arguments", by_kind["cli"], "tests/formats/test_hostile.py"),
        ("report text", by_kind["report"], "tests/formats/test_hostile.py"),
        ("source addresses (link schemes)", len(REFUSED) + 3, "tests/formats/test_hostile_links.py"),
        ("URL parameters of every page", len(URL_CASES), "tests/dashboard/test_hostile_urls.py"),
        ("form fields of every page (AppTest)", fields, "tests/dashboard/test_form_fields.py"),
        (
            "stored payloads: pages opened in chromium",
            len(_pages("")),
            "tests/dashboard/test_stored_payloads.py",
        ),
        (
            "stored payloads: exports (HTML, SVG, KML, GeoJSON, CSV)",
            5,
            "tests/dashboard/test_stored_payloads.py",
        ),
        (
            "faults (full disk, read-only, damaged database, missing seeds)",
            faults,
            "tests/core/test_faults.py",
        ),
    ]


def counts_table() -> str:
    rows = corpus_counts()
    lines = ["| way in | inputs tried | test |", "|---|---:|---|"]
    lines += [f"| {name} | {count:,} | `{test}` |" for name, count, test in rows]
    lines.append(f"| **total** | **{sum(count for _, count, _ in rows):,}** | |")
    return "\n".join(lines)


def test_note__counts_match_the_corpora() -> None:
    note = NOTE.read_text(encoding="utf-8")
    assert BEGIN in note and END in note, f"{NOTE} lost its generated part"
    assert counts_table() in note, (
        "docs/hostile-input.md is out of date with the corpora: run "
        "LAUNCHMAP_WRITE_NOTE=1 pytest tests/formats/test_hostile_report.py\n" + counts_table()
    )


# --- the largest refused files, measured ------------------------------------------------------------


def _million_tiny_rows(path: Path) -> None:
    """The issue's file: 9.9 MB of a million tiny rows (it ran past 600 s at 3.4 GB)."""
    with path.open("w", encoding="utf-8") as out:
        out.write(",".join(HEADER) + "\n")
        row = "x,,,,,,,,\n"  # 10 bytes: a million rows
        out.write(row * ((9_900_000 - 200) // len(row)))


def _rows_up_to_the_size_limit(path: Path) -> None:
    """The largest file the size limit lets through: just under 20 MB of short valid-looking rows."""
    line = csv_with().decode().splitlines()[1] + "\n"
    header = ",".join(HEADER) + "\n"
    with path.open("w", encoding="utf-8") as out:
        out.write(header + line * ((MAX_FILE_BYTES - 1_000 - len(header)) // len(line)))


def _zip_bomb(path: Path) -> None:
    """An XLSX whose worksheet unpacks 1,000 times larger than the file (~500 MB from ~0.5 MB)."""
    chunk = b"\0" * (1 << 20)
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as book,
        book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(500):
            member.write(chunk)


def _over_the_size_limit(path: Path) -> None:
    with path.open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1_000_000)  # sparse: no disk, but a file of that size


def _one_good_row(path: Path) -> None:
    path.write_bytes(csv_with())


LARGEST = [  # name, file, builder, phrase the refusal must hold
    ("one good row (baseline)", "good.csv", _one_good_row, ""),
    ("9.9 MB CSV of a million tiny rows", "million.csv", _million_tiny_rows, f"the limit is {MAX_ROWS:,}"),
    (
        "20 MB CSV of valid-looking rows",
        "limit.csv",
        _rows_up_to_the_size_limit,
        f"the limit is {MAX_ROWS:,}",
    ),
    ("XLSX zip bomb unpacking to 524 MB", "bomb.xlsx", _zip_bomb, "unpacks"),
    (
        "21 MB file over the size limit",
        "big.csv",
        _over_the_size_limit,
        "the file is 21.0 MB; the limit is 20.0 MB",
    ),
]


def _import(path: Path, db: Path, out: Path) -> tuple[dict, str]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(out), "--db", str(db), "import", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "LAUNCHMAP_SEEDS": str(FIXTURE_SEEDS)},
        timeout=600,
    )
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    return json.loads(out.read_text()), done.stderr.strip()


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    folder = tmp_path_factory.mktemp("largest")
    results = []
    for name, filename, build, phrase in LARGEST:
        path = folder / filename
        build(path)
        figures, message = _import(path, folder / f"{filename}.db", folder / f"{filename}.json")
        results.append(
            {"name": name, "bytes": path.stat().st_size, "phrase": phrase, "message": message, **figures}
        )
        path.unlink()
    return results


@pytest.mark.slow
def test_largest_refused_files__refused_with_the_limit_named_in_bounded_memory(measured: list[dict]) -> None:
    baseline, *refused = measured
    assert baseline["code"] == 0, baseline
    for result in refused:
        assert result["code"] == 1 and result["phrase"] in result["message"], result
        assert result["message"].count("\n") == 0, result["message"]
        assert result["peak_mb"] <= baseline["peak_mb"] + MEMORY_MARGIN_MB, (result, baseline["peak_mb"])
    if os.environ.get("LAUNCHMAP_WRITE_NOTE"):
        _write_note(measured)


def _measured_table(measured: list[dict]) -> str:
    lines = ["| file | size | outcome | peak memory | time |", "|---|---:|---|---:|---:|"]
    for result in measured:
        outcome = (
            "imported"
            if result["code"] == 0
            else "refused: "
            + re.sub(r"^launchmap: error: \S+ ", "", result["message"]).replace("|", "\\|")[:110]
        )
        lines.append(
            f"| {result['name']} | {describe_bytes(result['bytes'])} | {outcome} | "
            f"{result['peak_mb']:,.0f} MB | {result['elapsed_s']:.1f} s |"
        )
    return "\n".join(lines)


def _write_note(measured: list[dict]) -> None:
    note = NOTE.read_text(encoding="utf-8")
    head, rest = note.split(BEGIN, 1)
    _old, tail = rest.split(END, 1)
    body = (
        f"{BEGIN}\n\n### Inputs tried\n\n{counts_table()}\n\n"
        "### The largest files, imported by `launchmap import` in a child process\n\n"
        f"{_measured_table(measured)}\n\n"
        f"Measured on {os.cpu_count()} cores while other work ran; peak memory is the process's "
        "`ru_maxrss` (the interpreter and pandas included), time is wall clock.\n\n"
        f"{END}"
    )
    NOTE.write_text(head + body + tail, encoding="utf-8")
