"""From reports to the review queue: new events, revisions of stored ones, and the editor's decisions.

Several reports are drafted together (:func:`~geodata.reports.many.extract_many`: copies of one
launch become one draft with every source). Each draft is then held against the stored events
with the same rule that merges copies (:func:`~geodata.reports.many.same_launch`: same Korean
day, and no site, clock or class that tells them apart):

- no stored event matches: the draft is proposed as a **new** event;
- one matches: it is proposed as a **revision** of that event, with a field-by-field diff
  (old -> new, and the source that gave the new value), not as a second event.

A revised figure replaces the stored one only when its source ranks at least as high as the
stored headline source (``schema.HEADLINE_PRIORITY``: the JCS is believed before Japan's
ministry); otherwise the diff shows it as *kept beside* the headline: accepted, it is stored as
that source's own figure and the headline stays. Sources disagree; both figures are kept.

Proposals wait in the store's queue (:class:`geodata.store.review.ReviewQueue`) until a person
accepts (:func:`accept`, optionally with edits) or rejects (:func:`reject`) each; nothing is
saved without that decision. Korean, Japanese and Chinese reports are refused by name.

>>> import datetime as dt
>>> from geodata.store import Store
>>> store = Store("sqlite://"); _ = store.seed()
>>> result = queue_reports(store, [Report("North Korea fired a ballistic missile from Taegwan on "
...     "Friday that flew about 800 km, South Korea's Joint Chiefs of Staff said.", dt.date(2025, 11, 7))])
>>> item = ReviewQueue(store).item(result.queued[0])
>>> item["kind"], item["target_id"], [describe_change(c) for c in item["changes"]][:1]
('revision', '2025-11-07-taegwan', ['distance: 700 km → 800 km (ROK JCS)'])
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from geodata.errors import InvalidFile, InvalidOption, LaunchmapError
from geodata.events import headline_rank, launch_id
from geodata.geo.places import Gazetteer
from geodata.reports.dates import find_dateline
from geodata.reports.extract import drafted_readings, event_day, launch_row, source_rows
from geodata.reports.language import refuse_non_english
from geodata.reports.many import FIGURE_TOLERANCE, extract_many, same_launch
from geodata.reports.text import check_text
from geodata.schema import LAUNCHES
from geodata.store import Store
from geodata.store.review import ReviewQueue
from geodata.tracks import impact_fields
from geodata.units import is_missing, parse_number

__all__ = [
    "DIFF_FIELDS",
    "EDITABLE_FIELDS",
    "QueueResult",
    "Report",
    "ReviewQueue",
    "accept",
    "describe_change",
    "field_label",
    "parse_edits",
    "propose",
    "queue_reports",
    "reject",
]

# What a later report may change of a stored event, in the order the diff shows them.
DIFF_FIELDS = (
    "launched_at",
    "system",
    "system_class",
    "count",
    "distance_km",
    "apogee_km",
    "flight_time_s",
    "bearing_deg",
    "landing_area",
    "outcome",
)
FIGURES = ("count", "distance_km", "apogee_km", "flight_time_s")  # each source row carries its own
# Names and places: a stored one is not replaced by a report's reading of it (the diff shows it).
DESCRIBED = ("system", "system_class", "landing_area", "bearing_deg")
EDITABLE_FIELDS = tuple(c.name for c in LAUNCHES.columns if c.name not in ("id", "impact_basis"))
NEAR = pd.Timedelta(days=2)  # wider than any Korean day seen from UTC (+9 h)
_LABELS = {
    "distance_km": "distance",
    "apogee_km": "apogee",
    "flight_time_s": "flight time",
    "launched_at": "launch day",
    "site_id": "site",
    "system_class": "class",
    "count": "missiles",
}


@dataclass
class Report:
    """One report's text and what is known of it; ``published`` and ``outlet`` default to its dateline."""

    text: str | bytes
    published: dt.date | None = None
    name: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass
class QueueResult:
    """What :func:`queue_reports` did: item ids queued and redrafted, reports refused, warnings."""

    queued: list[int] = field(default_factory=list)
    redrafted: list[int] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _unknown(value: Any) -> bool:
    return is_missing(value) or value == "unknown" or str(value).startswith("Unknown ")


def _differs(old: Any, new: Any) -> bool:
    if isinstance(old, int | float) and isinstance(new, int | float) and not isinstance(old, bool):
        return abs(float(old) - float(new)) > FIGURE_TOLERANCE * max(abs(float(old)), abs(float(new)))
    return str(old) != str(new)


def _stored_draft(row: Mapping[Any, Any]) -> dict[str, Any]:
    """A stored launch in the draft's shape (ISO text times, plain Python values)."""
    event: dict[str, Any] = {str(k): (None if is_missing(v) else v) for k, v in row.items()}
    if event.get("launched_at") is not None:
        event["launched_at"] = pd.Timestamp(event["launched_at"]).strftime("%Y-%m-%dT%H:%M:%SZ")
    for name in ("count", "version"):
        if event.get(name) is not None:
            event[name] = int(event[name])
    return event


def _figure_source(draft: dict[str, Any], name: str) -> dict[str, Any]:
    """The draft's source that gave its value of ``name`` (the headline source when none did alone)."""
    sources = draft.get("sources") or []
    headline = next((s for s in sources if s.get("is_headline")), sources[0] if sources else {})
    if name in FIGURES:
        giving = [s for s in sources if s.get(name) is not None and not _differs(s[name], draft[name])]
        if giving and headline not in giving:
            return giving[0]
    return headline


def _diff(
    draft: dict[str, Any], stored: dict[str, Any], stored_headline: str | None, stored_on: str | None
) -> list[dict[str, Any]]:
    """Field-by-field changes; ``applies`` says whether accepting changes the stored value."""
    changes = []
    for name in DIFF_FIELDS:
        new, old = draft.get(name), stored.get(name)
        if _unknown(new):
            continue
        if name == "launched_at":
            # only a clock time improves on a stored day; two different days are two launches
            if draft.get("launched_at_precision") != "minute" or (
                stored.get("launched_at_precision") == "minute" and not _differs(old, new)
            ):
                continue
        elif not _unknown(old) and not _differs(old, new):
            continue
        source = _figure_source(draft, name)
        by = str(source.get("source") or "news")
        published = source.get("published_on")
        if _unknown(old) or stored_headline is None:
            applies = True  # fills a gap
        elif name in DESCRIBED:
            applies = False  # a different name or place is shown for the editor to decide, not taken over
        else:
            # a figure is revised by the headline's own source or a better-ranked one, in a report
            # no older than the one the stored headline came from (an older copy revises nothing)
            applies = headline_rank(by) <= headline_rank(stored_headline) and not (
                published and stored_on and str(published) < str(stored_on)
            )
        changes.append(
            {
                "field": name,
                "old": old,
                "new": new,
                "source": by,
                "report": source.get("report"),
                "published_on": published,
                "applies": bool(applies),
                "headline": stored_headline,
            }
        )
    return changes


def propose(
    drafts: list[dict[str, Any]], launches: pd.DataFrame, sources: pd.DataFrame
) -> list[dict[str, Any]]:
    """One proposal per draft: ``{"kind": "new"|"revision", "draft", "title", ...}``.

    A revision names ``target_id`` and ``target_version`` (the stored event and the version its
    diff was made against) and lists ``changes``: ``{"field", "old", "new", "source", "report",
    "applies", "headline"}``, where ``applies`` is false for a figure kept beside the headline.
    """
    times = pd.to_datetime(launches["launched_at"], utc=True)
    proposals = []
    for draft in drafts:
        # same_launch needs the same Korean day: only launches within two days of the draft can
        # match, so a store of 100,000 events is narrowed in one column operation first
        when = pd.Timestamp(draft["launched_at"]) if draft.get("launched_at") else None
        near = launches[(times - when).abs() <= NEAR] if when is not None else launches[:0]
        matches = [
            event for event in map(_stored_draft, near.to_dict("records")) if same_launch(event, draft)
        ]
        # the same site first, then the nearest clock: a site-less draft of a busy day picks one
        matches.sort(key=lambda e: (e.get("site_id") != draft.get("site_id"), str(e.get("launched_at"))))
        title = _title(draft)
        if not matches:
            proposals.append({"kind": "new", "draft": draft, "title": title})
            continue
        target = matches[0]
        headline = sources[
            (sources["launch_id"] == target["id"]) & sources["is_headline"].fillna(False).astype(bool)
        ]
        stored_headline = str(headline["source"].iloc[0]) if not headline.empty else None
        stored_on = str(headline["published_on"].iloc[0]) if not headline.empty else None
        revision: dict[str, Any] = {
            "kind": "revision",
            "draft": draft,
            "title": f"{title} — revises {target['id']}",
            "target_id": target["id"],
            "target_version": target.get("version"),
            "changes": _diff(draft, target, stored_headline, stored_on),
            "stored": {name: target.get(name) for name in ("launched_at_precision", *DIFF_FIELDS)},
        }
        proposals.append(revision)
    return proposals


def _title(draft: dict[str, Any]) -> str:
    day = event_day(draft) or "day unknown"
    count = draft.get("count")
    what = draft.get("system") or draft.get("system_class") or "missile"
    site = draft.get("site_id") or "site unknown"
    reports = len(draft.get("reports") or [])
    return f"{day} · {count or '?'} × {what} · {site} · {reports} report{'s' if reports != 1 else ''}"


def field_label(name: str) -> str:
    """A field as an editor calls it: ``distance_km`` -> ``distance``."""
    return _LABELS.get(name, name.replace("_", " "))


def describe_change(change: dict[str, Any]) -> str:
    """One diff line: ``distance: 700 km → 800 km (ROK JCS)``, or a figure kept beside the headline."""
    name = change["field"]
    label = field_label(name)

    def shown(value: Any) -> str:
        if _unknown(value):
            return "—"
        if name in ("distance_km", "apogee_km"):
            return f"{float(value):,.0f} km"
        if name == "flight_time_s":
            return f"{float(value) / 60:.0f} min"
        return str(value)

    if change.get("applies", True):
        return f"{label}: {shown(change['old'])} → {shown(change['new'])} ({change['source']})"
    if change["field"] in DESCRIBED:
        return f"{label}: {change['source']} says {shown(change['new'])}; stored {shown(change['old'])} kept (edit to change it)"
    if change["source"] == change.get("headline"):
        return (
            f"{label}: {change['source']} said {shown(change['new'])} in an older report; "
            f"its later {shown(change['old'])} stays (both kept)"
        )
    return (
        f"{label}: {change['source']} says {shown(change['new'])}; {change['headline']}'s "
        f"{shown(change['old'])} stays the headline (both kept)"
    )


def describe_readings(draft: dict[str, Any]) -> list[str]:
    """One line per other reading of the draft (see :func:`~geodata.reports.extract.other_readings`):
    ``launch day: the report also says 2025-11-06 («on Thursday», in b.txt); the draft has 2025-11-07`` (the
    report named when the draft has several)."""
    has = drafted_readings(draft)
    several = len(draft.get("reports") or []) > 1  # which report's words, when there are several
    lines = []
    for name, readings in (draft.get("other_readings") or {}).items():
        for reading in readings:
            where = f"«{reading['text']}»" + (
                f", in {reading['report']}" if several and reading.get("report") else ""
            )
            lines.append(
                f"{field_label(name)}: the report also says {reading_value(reading)} ({where}); "
                f"the draft has {'—' if _unknown(has.get(name)) else has.get(name)}"
            )
    return lines


def reading_value(reading: dict[str, Any]) -> str:
    """A reading's value for people: a vague count ("several missiles") has no number."""
    return "no exact number" if reading["value"] is None else str(reading["value"])


def _read(report: Report) -> dict[str, Any]:
    """The report checked (refused by name if not English), named, and dated by its dateline if need be."""
    text = check_text(report.text)
    # an unnamed (pasted) report is named by its words: pasting the same copy twice adds it once
    name = report.name or f"pasted report {hashlib.sha1(text.encode('utf-8')).hexdigest()[:6]}"
    refuse_non_english(text, report.name)  # a pasted report (no name) is "this report"
    line = find_dateline(text, report.published or dt.date.today())
    published = report.published or (line.day if line and line.day else None)
    return {
        "name": name,
        "published_on": published.isoformat() if published else None,
        "outlet": report.outlet or (line.outlet if line else None),
        "url": report.url,
        "title": report.title,
        "text": text,
    }


def _drafts(abouts: list[dict[str, Any]], gazetteer: Gazetteer) -> tuple[list[dict[str, Any]], list[str]]:
    extraction = extract_many(
        [
            (a["text"], dt.date.fromisoformat(a["published_on"]) if a["published_on"] else None, a["name"])
            for a in abouts
        ],
        gazetteer,
    )
    by_name = {a["name"]: a for a in abouts}
    for draft in extraction.events:
        draft.setdefault("report_status", "preliminary")
        draft["report_status"] = "preliminary"  # a draft is preliminary until a person accepts it
        for source in draft["sources"]:
            about = by_name.get(source.get("report"), {})
            source.update({k: about.get(k) for k in ("outlet", "url", "title") if not source.get(k)})
    return extraction.events, extraction.warnings


def queue_reports(
    store: Store,
    reports: list[Report],
    *,
    gazetteer: Gazetteer | None = None,
    actor: str = "review",
    user: str | None = None,
) -> QueueResult:
    """Draft ``reports`` together and queue one proposal per launch; nothing becomes a launch here.

    A report that cannot be read (empty, binary, Korean...) is refused by name and the others go
    on. A draft of the same launch as a pending item is merged into it (the item is redrafted
    from all its reports), so copies pasted one at a time still become one draft.
    """
    gazetteer = gazetteer or Gazetteer.from_frames(store.sites(), store.places())
    queue = ReviewQueue(store)
    result = QueueResult()
    abouts = []
    for report in reports:
        try:
            abouts.append(_read(report))
        except InvalidFile as error:
            result.refused.append(str(error))
    if not abouts:
        return result
    drafts, warnings = _drafts(abouts, gazetteer)
    result.warnings.extend(warnings)
    if not drafts:
        return result
    launches, sources = store.launches(include_version=True), store.sources()
    pending = queue.items("pending")
    for draft in drafts:
        own = [a for a in abouts if a["name"] in draft["reports"]]
        item = next((i for i in pending if i["draft"] and same_launch(i["draft"], draft)), None)
        if item is not None:
            known = {r["name"] for r in item["reports"]}
            combined = item["reports"] + [a for a in own if a["name"] not in known]
            redrafted, _ = _drafts(combined, gazetteer)
            draft = next((d for d in redrafted if same_launch(d, item["draft"])), draft)
            own = [a for a in combined if a["name"] in draft["reports"]]
        proposal = propose([draft], launches, sources)[0]
        proposal["reports"] = own
        if item is not None:
            queue.replace(item["id"], proposal, actor=actor, user=user)
            result.redrafted.append(int(item["id"]))
            item["draft"] = draft
        else:
            item_id = queue.add(proposal, actor=actor, user=user)
            result.queued.append(item_id)
    return result


def parse_edits(pairs: list[str] | tuple[str, ...]) -> dict[str, Any]:
    """``["distance_km=800", "notes=checked"]`` as typed values; an unknown field names close matches."""
    edits: dict[str, Any] = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        name = name.strip()
        if not equals or not name:
            raise InvalidOption(f"expected FIELD=VALUE such as distance_km=800, got {pair!r}")
        if name not in EDITABLE_FIELDS:
            close = difflib.get_close_matches(name, EDITABLE_FIELDS, n=3)
            hint = (
                f"; did you mean {', '.join(close)}?" if close else f"; fields: {', '.join(EDITABLE_FIELDS)}"
            )
            raise InvalidOption(f"unknown field {name!r}{hint}")
        edits[name] = _typed(name, value.strip())
    return edits


def _typed(name: str, value: str) -> Any:
    if value == "":
        return None
    dtype = LAUNCHES.column(name).dtype
    try:
        if dtype == "float":
            return parse_number(value)
        if dtype == "int":
            number = parse_number(value)
            if not float(number).is_integer():
                raise InvalidOption(f"{name} must be a whole number, got {value!r}")
            return int(number)
    except LaunchmapError as error:
        raise InvalidOption(f"{name}: {error}") from None
    return value


def _sources_for(event: dict[str, Any], item: dict[str, Any]) -> list[dict[str, Any]]:
    first: dict[str, Any] = next((r for r in item["reports"] if r.get("published_on")), {})
    if not first:
        raise InvalidOption(
            f"review item {item['id']}: no publication date for its report; sources need one "
            "(set the report's date and queue it again)"
        )
    return source_rows(
        event, first["published_on"], first.get("outlet"), first.get("url"), first.get("title")
    )


def accept(
    store: Store,
    item_id: int,
    edits: dict[str, Any] | None = None,
    *,
    actor: str = "review",
    user: str | None = None,
) -> dict[str, Any]:
    """Accept a pending item, with ``edits`` (field -> value) over the draft; returns the decided item.

    A new event gets its id by the one rule (:func:`~geodata.events.launch_id`) and stays
    ``preliminary`` unless edited; a revision updates the stored event with the changes that
    apply, plus the edits, and appends the new sources.
    """
    queue = ReviewQueue(store)
    item = queue.pending_item(item_id)  # decided ones are refused before anything is read into a row
    edits = dict(edits or {})
    if item["kind"] == "new":
        event = {**item["draft"], **edits}
        if "site_id" in edits and not {"lat", "lon"} & set(edits):
            sites = store.sites().set_index("id")
            if event.get("site_id") in sites.index:
                event["lat"], event["lon"] = (float(v) for v in sites.loc[event["site_id"], ["lat", "lon"]])
        for needed, example in (
            ("site_id", "site_id=sunan"),
            ("launched_at", "launched_at=2025-11-07T03:35Z"),
        ):
            if is_missing(event.get(needed)):
                raise InvalidOption(
                    f"draft {item_id} names no {'launch site' if needed == 'site_id' else 'launch time'}; "
                    f"set it to save the draft (e.g. {example}) or reject it"
                )
        event.update(impact_fields(event))
        row = launch_row({**event, "id": None})
        if row["launched_at"] and row["site_id"]:
            taken = set(store.launches()["id"])
            row["id"] = launch_id(
                row["launched_at"], row["launched_at_precision"] or "day", row["site_id"], taken
            )
        return queue.accept_new(
            item_id, row, _sources_for({**event, "id": row["id"]}, item), edited=edits, actor=actor, user=user
        )
    changes: dict[str, Any] = {}
    expected: dict[str, Any] = {}
    for change in item["changes"]:
        if change["applies"]:
            changes[change["field"]] = change["new"]
            expected[change["field"]] = change["old"]
            if change["field"] == "launched_at":
                changes["launched_at_precision"] = item["draft"].get("launched_at_precision")
    changes.update(edits)
    stored = store.launch(str(item["target_id"]))
    if stored is None:
        raise InvalidOption(f"review item {item_id} revises {item['target_id']!r}, which is no longer stored")
    if changes.keys() & {"lat", "lon", "site_id", "bearing_deg", "distance_km", "landing_area"}:
        changes.update(impact_fields({**_stored_draft(stored), **changes}))
    sources = _sources_for({**item["draft"], "id": item["target_id"]}, item)
    return queue.accept_revision(item_id, changes, expected, sources, edited=edits, actor=actor, user=user)


def reject(
    store: Store, item_id: int, reason: str | None = None, *, actor: str = "review", user: str | None = None
) -> dict[str, Any]:
    """Reject a pending item: nothing is saved; who, when and why are kept and audited."""
    return ReviewQueue(store).reject(item_id, reason, actor=actor, user=user)
