"""The real-wire-copy corpus (tests/fixtures/reports/wire/): loading, extracting and per-field scoring.

Each ``wNN-slug.txt`` opens with provenance lines (``url:``, ``outlet:``, ``published:``,
``published_basis:``) and ``---``; the report excerpt follows. ``expected.json`` holds what a careful
reader gets from the excerpt alone (see ``wire/README.md`` for the conventions). ``wire/heldout/``
holds reports collected after the first held-out third was moved into training; they are scored once,
after tuning on the training reports stops.

    .venv/bin/python -m tests.reports.wire_corpus      # per-field accuracy tables
    .venv/bin/python -m tests.reports.wire_corpus --candidates   # and how often the right value was a candidate
    .venv/bin/python -m tests.reports.wire_corpus --readings     # and how often it is shown as another reading
    .venv/bin/python -m tests.reports.wire_corpus --blind --readings   # the same for the scored rounds' blind drafts
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from geodata.reports.dates import find_dates
from geodata.reports.extract import event_day, extract_events, other_readings
from geodata.reports.fields import count_phrases, count_value
from geodata.reports.lexicon import CLASSES, SYSTEMS, compile_table
from geodata.reports.text import split_sentences

WIRE = Path(__file__).resolve().parents[1] / "fixtures" / "reports" / "wire"
WIRE_HELDOUT = WIRE / "heldout"
SCORED_FIELDS = (
    "date",
    "site_id",
    "system",
    "system_class",
    "count",
    "distance_km",
    "apogee_km",
    "flight_time_s",
    "outcome",
    "confirmation",
    "sources",
)
FIGURES = ("distance_km", "apogee_km", "flight_time_s")
TOLERANCE = 0.02  # 435 mi is 700.1 km; "about 69 minutes" is 4,140 s against KCNA's 4,052 s beyond it


def load_expected(folder: Path = WIRE) -> dict[str, dict[str, Any]]:
    return json.loads((folder / "expected.json").read_text(encoding="utf-8"))


def read_report(path: Path) -> tuple[dict[str, str], str]:
    """(provenance header, report text) of one corpus file."""
    raw = path.read_text(encoding="utf-8")
    head, _, body = raw.partition("\n---\n")
    header = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    return header, body


def run(folder: Path = WIRE, gazetteer: Any = None) -> dict[str, dict[str, Any]]:
    """{case: {"events", "warnings", "expected", "text"}} for every report in ``folder``."""
    results = {}
    for case, expected in load_expected(folder).items():
        header, text = read_report(folder / f"{case}.txt")
        extraction = extract_events(text, dt.date.fromisoformat(header["published"]), gazetteer)
        results[case] = {
            "events": extraction.events,
            "warnings": extraction.warnings,
            "expected": expected,
            "text": text,
            "published": header["published"],
        }
    return results


def _close(got: Any, want: Any) -> bool:
    if got is None or want is None:
        return got is None and want is None
    return abs(float(got) - float(want)) <= TOLERANCE * abs(float(want))


def _value(event: dict[str, Any], field: str) -> Any:
    if field == "date":
        return event_day(event)
    return event.get(field)


def field_right(event: dict[str, Any], want: dict[str, Any], field: str) -> bool:
    """Whether ``event`` has the expected ``field`` (figures within :data:`TOLERANCE`)."""
    if field == "sources":
        got = {s["source"]: s for s in event.get("sources") or []}
        return all(
            name in got and all(_close(got[name].get(k), v) for k, v in figures.items())
            for name, figures in want["sources"].items()
        )
    if field in FIGURES:
        return _close(_value(event, field), want[field])
    return bool(_value(event, field) == want[field])


def accuracy(results: dict[str, dict[str, Any]]) -> dict[str, tuple[int, int]]:
    """(right, total) per field; "events" counts reports whose number of events is right.

    Expected events pair with drafted ones in order; a missing draft gets every field wrong.
    "sources" is scored only for events whose expectation names sources.
    """
    score = {field: [0, 0] for field in ("events", *SCORED_FIELDS)}
    for result in results.values():
        got, wanted = result["events"], result["expected"]["events"]
        score["events"][0] += len(got) == len(wanted)
        score["events"][1] += 1
        for index, want in enumerate(wanted):
            event = got[index] if index < len(got) else {}
            for field in SCORED_FIELDS:
                if field == "sources" and not want["sources"]:
                    continue
                score[field][0] += field_right(event, want, field) if event else 0
                score[field][1] += 1
    return {field: (right, total) for field, (right, total) in score.items()}


def overall(table: dict[str, tuple[int, int]]) -> float:
    right = sum(r for r, _ in table.values())
    total = sum(t for _, t in table.values())
    return right / total


def wrong_fields(results: dict[str, dict[str, Any]]) -> list[str]:
    """One line per wrong field, for tuning on the training set."""
    lines = []
    for case, result in results.items():
        got, wanted = result["events"], result["expected"]["events"]
        if len(got) != len(wanted):
            lines.append(f"{case}: {len(got)} events, expected {len(wanted)}")
        for index, want in enumerate(wanted):
            event = got[index] if index < len(got) else {}
            for field in SCORED_FIELDS:
                if field == "sources" and not want["sources"]:
                    continue
                if not event or not field_right(event, want, field):
                    shown = (
                        event.get("sources")
                        if field == "sources"
                        else _value(event, field)
                        if event
                        else None
                    )
                    lines.append(f"{case}[{index}].{field}: got {shown!r}, expected {want[field]!r}")
    return lines


CANDIDATE_FIELDS = ("date", "system_class", "count")
_CLASS_PATTERNS = compile_table(CLASSES)
_SYSTEM_PATTERNS = compile_table(SYSTEMS)


def candidates(text: str, published: dt.date) -> dict[str, set[Any]]:
    """Every value the rules find anywhere in ``text`` for the fields a ranker could choose among: each day a date
    phrase names (the page's day too), each class a word or a system names ("unknown" too), each number a count
    phrase gives (none, and one for "a missile", too)."""
    counts: set[Any] = {None, 1} | {count_value(match.group("word")) for match in count_phrases(text)}
    return {
        "date": {d.value.isoformat() for d in find_dates(text, published, statements=True, window=False)}
        | {published.isoformat()},
        "system_class": {c for p, c in _CLASS_PATTERNS if p.search(text)}
        | {row[2] for row in _SYSTEM_PATTERNS if row[0].search(text)}
        | {"unknown"},
        "count": counts,
    }


def candidate_recall(results: dict[str, dict[str, Any]]) -> dict[str, tuple[int, int, int, int]]:
    """Per field: (rules right, right value among the candidates, events, candidates offered in all).

    How far a ranker choosing among the rules' candidates could go, against how far the rules' own choice goes.
    """
    table = {field: [0, 0, 0, 0] for field in CANDIDATE_FIELDS}
    for result in results.values():
        found = candidates(result["text"], dt.date.fromisoformat(result["published"]))
        for index, want in enumerate(result["expected"]["events"]):
            event = result["events"][index] if index < len(result["events"]) else {}
            for field in CANDIDATE_FIELDS:
                right = bool(event) and field_right(event, want, field)
                row = table[field]
                row[0] += right
                row[1] += right or want[field] in found[field]
                row[2] += 1
                row[3] += len(found[field])
    return {field: (a, b, c, d) for field, (a, b, c, d) in table.items()}


# The scored field each reading of a draft (geodata.reports.extract.other_readings) stands for
READING_FIELDS = {
    "date": "launched_at",
    "site_id": "site_id",
    "system_class": "system_class",
    "count": "count",
}


def readings_shown(results: dict[str, dict[str, Any]]) -> dict[str, tuple[int, int, int, int]]:
    """Per field: (drafts right, right value shown as the draft's or one of its other readings, events, readings).

    What an editor reviewing the drafts has before them: a wrong field with the right value listed beside it is
    one look, not a search through the report.
    """
    table = {field: [0, 0, 0, 0] for field in READING_FIELDS}
    for result in results.values():
        for index, want in enumerate(result["expected"]["events"]):
            event = result["events"][index] if index < len(result["events"]) else {}
            for field, key in READING_FIELDS.items():
                readings = [r["value"] for r in event.get("other_readings", {}).get(key, [])]
                right = bool(event) and field_right(event, want, field)
                row = table[field]
                row[0] += right
                row[1] += right or want[field] in readings
                row[2] += 1
                row[3] += len(readings)
    return {field: (a, b, c, d) for field, (a, b, c, d) in table.items()}


BLIND_DRAFTS = WIRE / "blind_drafts.json"


def blind_results() -> dict[str, dict[str, Any]]:
    """:func:`run`'s results for the reports of every scored held-out round, with the drafts that round's code
    made of them before any tuning on them (``blind_drafts.json``), each given its other readings as the
    drafting code gives them now (a value another draft of the same report has is that draft's, not a reading)."""
    from geodata.reports import default_gazetteer

    blind = json.loads(BLIND_DRAFTS.read_text(encoding="utf-8"))["drafts"]
    gazetteer = default_gazetteer()
    expected = load_expected(WIRE)
    results = {}
    for case, events in blind.items():
        header, text = read_report(WIRE / f"{case}.txt")
        published = dt.date.fromisoformat(header["published"])
        sentences = split_sentences(text)
        drafted = []
        for event in events:
            others = [e for e in events if e is not event]
            readings = other_readings(sentences, published, event, gazetteer)
            for field, key in READING_FIELDS.items():
                taken = {_value(e, field) for e in others}
                readings[key] = [r for r in readings.get(key, []) if r["value"] not in taken]
            drafted.append({**event, "other_readings": readings})
        results[case] = {
            "events": drafted,
            "expected": expected[case],
            "text": text,
            "published": header["published"],
        }
    return results


def main() -> None:
    import sys

    from geodata.reports import default_gazetteer

    gazetteer = default_gazetteer()
    runs = (
        {"heldout": lambda: run(WIRE_HELDOUT, gazetteer)}
        if "--heldout" in sys.argv
        else {"wire": lambda: run(WIRE, gazetteer)}
    )
    if "--blind" in sys.argv:
        runs = {"blind drafts of the scored held-out rounds": blind_results}
    for name, drafted in runs.items():
        results = drafted()
        table = accuracy(results)
        print(f"{name}: {len(results)} reports, overall {overall(table):.1%}")
        for field, (right, total) in table.items():
            print(f"  {field:14s} {right:3d}/{total:<3d} {right / total:6.1%}")
        if "-v" in sys.argv:
            print("\n".join(wrong_fields(results)))
        if "--readings" in sys.argv:
            for field, (right, shown, total, readings) in readings_shown(results).items():
                print(
                    f"  {field:14s} drafts {right / total:6.1%}, right value shown {shown / total:6.1%} "
                    f"({readings / total:.2f} other readings each)"
                )
        if "--candidates" in sys.argv:
            for field, (right, among, total, offered) in candidate_recall(results).items():
                print(
                    f"  {field:14s} rules {right / total:6.1%}, right value among the candidates "
                    f"{among / total:6.1%} ({offered / total:.1f} candidates each)"
                )


if __name__ == "__main__":
    main()
