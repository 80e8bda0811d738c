"""Many reports at once: one draft per launch, with every outlet's sources, and revisions shown.

Editors get three agencies' copies of one launch within the hour, then an update with revised
figures. :func:`extract_many` drafts each report (:func:`~geodata.reports.extract.extract_events`)
and merges drafts of the same launch: same Korean day and either the same site, the same clock
time, or no site/clock to tell them apart and a compatible class. The merged draft keeps every
source row (tagged with the report it came from and its date); when a later report gives a
source gives a figure that differs from what the same source said earlier, the draft lists it in
``revisions`` (source, field, old, new, report, published_on), keeps both as source rows, and its
``report_status`` becomes ``revised`` (the headline follows the headline source's latest figure).

>>> import datetime as dt
>>> merged = extract_many([
...     ("North Korea fired a ballistic missile on Friday, flying 700 km, the JCS said.", dt.date(2025, 11, 7)),
...     ("North Korea fired a ballistic missile on Friday that flew about 700 km, Japan's defence ministry said.",
...      dt.date(2025, 11, 7)),
... ])
>>> len(merged.events), sorted(s["source"] for s in merged.events[0]["sources"])
(1, ['Japan MoD', 'ROK JCS'])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from geodata.events import launch_id
from geodata.geo.places import Gazetteer
from geodata.reports.extract import Extraction, default_gazetteer, drafted_readings, event_day, extract_events
from geodata.reports.language import refuse_non_english
from geodata.reports.text import check_text

__all__ = ["REVISED_FIELDS", "extract_many", "same_launch"]

# Headline fields a later report may revise (figures, count, outcome).
REVISED_FIELDS = ("count", "distance_km", "apogee_km", "flight_time_s", "outcome")
FIGURE_TOLERANCE = 0.02  # 435 mi and 700 km are one figure
_FILLED = (
    "site_id",
    "lat",
    "lon",
    "system",
    "system_class",
    "landing_area",
    "bearing_deg",
    "bearing_range_deg",
)


def _clock(event: dict[str, Any]) -> str | None:
    return str(event["launched_at"]) if event.get("launched_at_precision") == "minute" else None


def _classes_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    known = {c for c in (a.get("system_class"), b.get("system_class")) if c not in (None, "unknown")}
    return len(known) <= 1


def same_launch(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two drafts report one launch: same Korean day, and nothing that tells them apart."""
    if event_day(a) is None or event_day(a) != event_day(b):
        return False
    if a.get("site_id") and b.get("site_id") and a["site_id"] != b["site_id"]:
        return False
    clock_a, clock_b = _clock(a), _clock(b)
    if clock_a and clock_b:
        minutes = abs(dt.datetime.fromisoformat(clock_a[:16]) - dt.datetime.fromisoformat(clock_b[:16]))
        if minutes > dt.timedelta(minutes=30):  # "7:25 p.m. and 7:37 p.m." are one salvo
            return False
    return _classes_agree(a, b)


def _differs(old: Any, new: Any) -> bool:
    if isinstance(old, int | float) and isinstance(new, int | float) and not isinstance(old, bool):
        return abs(float(old) - float(new)) > FIGURE_TOLERANCE * max(abs(float(old)), abs(float(new)))
    return bool(old != new)


def _merge(into: dict[str, Any], event: dict[str, Any], report: str) -> None:
    for key in _FILLED:
        if into.get(key) in (None, "unknown", "Unknown ballistic missile") and event.get(key) not in (
            None,
            "unknown",
        ):
            into[key] = event[key]
    if event.get("launched_at_precision") == "minute" and into.get("launched_at_precision") != "minute":
        into["launched_at"], into["launched_at_precision"] = event["launched_at"], "minute"
    headline = next((s["source"] for s in into["sources"] if s.get("is_headline")), None)
    for source in event["sources"]:
        earlier = [s for s in into["sources"] if s["source"] == source["source"] and s["source"] != "news"]
        for key in REVISED_FIELDS:
            new = source.get(key)
            old = next((s.get(key) for s in reversed(earlier) if s.get(key) is not None), None)
            if new is None or old is None or not _differs(old, new):
                continue
            into["revisions"].append(
                {
                    "source": source["source"],
                    "field": key,
                    "old": old,
                    "new": new,
                    "report": report,
                    "published_on": source.get("published_on"),
                }
            )
            into["report_status"] = "revised"
            if source["source"] == headline and key in into:
                into[key] = new  # the headline source revised its own figure
    for key in REVISED_FIELDS:  # figures the earlier copies lacked
        if into.get(key) in (None, "unknown") and event.get(key) not in (None, "unknown"):
            into[key] = event[key]
    into["sources"].extend(event["sources"])
    for field, readings in event.get("other_readings", {}).items():
        into.setdefault("other_readings", {}).setdefault(field, []).extend(readings)
    for field, span in event.get("evidence", {}).items():
        into.setdefault("evidence_by_report", {}).setdefault(report, {})[field] = span
    if into.get("launched_at") and into.get("site_id"):
        into["id"] = launch_id(into["launched_at"], into["launched_at_precision"], into["site_id"])


def extract_many(
    reports: Iterable[tuple[str | bytes, dt.date | None] | tuple[str | bytes, dt.date | None, str]],
    gazetteer: Gazetteer | None = None,
) -> Extraction:
    """One draft per launch from many reports: ``(text, published)`` or ``(text, published, name)``.

    Reports are read in publication order, so a later copy's differing figure is a revision of
    an earlier one. Every source row carries ``report`` (its name, ``report 1``... by default) and
    ``published_on``; warnings are prefixed with the report's name.
    """
    gazetteer = gazetteer or default_gazetteer()
    named = [
        (item[0], item[1], item[2] if len(item) > 2 else f"report {number}")
        for number, item in enumerate(reports, start=1)
    ]
    named.sort(key=lambda r: r[1] or dt.date.max)
    drafts: list[dict[str, Any]] = []
    warnings: list[str] = []
    for text, published, name in named:
        extraction = _extract_named(text, published, gazetteer, name)
        warnings.extend(f"{name}: {w}" for w in extraction.warnings)
        for event in extraction.events:
            event = dict(event)
            on = published.isoformat() if published else None
            event["sources"] = [
                {**s, "report": name, "published_on": on}
                for s in event["sources"] or [{"source": "news", "source_kind": "news", "is_headline": True}]
            ]
            # a reading's quote is in its own report's words
            event["other_readings"] = {
                field: [{**r, "report": name} for r in readings]
                for field, readings in event.get("other_readings", {}).items()
            }
            match = next((d for d in drafts if same_launch(d, event)), None)
            if match is None:
                event.update(reports=[name], revisions=[])
                drafts.append(event)
            else:
                match["reports"].append(name)
                _merge(match, event, name)
    for draft in drafts:
        _reheadline(draft)
        _settle_readings(draft)
    return Extraction(drafts, warnings)


def _settle_readings(draft: dict[str, Any]) -> None:
    """The merged draft's other readings: one per value, none equal to what the draft now says."""
    says = drafted_readings(draft)
    settled = {}
    for field, readings in draft.get("other_readings", {}).items():
        kept: dict[Any, dict[str, Any]] = {}
        for reading in readings:
            if reading["value"] != says.get(field):
                kept.setdefault(reading["value"], reading)
        if kept:
            settled[field] = list(kept.values())
    draft["other_readings"] = settled


def _extract_named(
    text: str | bytes, published: dt.date | None, gazetteer: Gazetteer, name: str
) -> Extraction:
    """:func:`extract_events`, refusing a Korean, Japanese or Chinese report by name ("b.txt is in Korean; ...")."""
    refuse_non_english(check_text(text), name)
    return extract_events(text, published, gazetteer)


def _reheadline(draft: dict[str, Any]) -> None:
    """One headline source per merged draft: the first of the highest-priority source."""
    from geodata.schema import HEADLINE_PRIORITY

    rank = {name: i for i, name in enumerate(HEADLINE_PRIORITY)}
    best = min(
        range(len(draft["sources"])),
        key=lambda i: (rank.get(draft["sources"][i]["source"], len(rank)), i),
        default=None,
    )
    for index, source in enumerate(draft["sources"]):
        source["is_headline"] = index == best
