"""From a news report to draft launch events, every value traced to the words it came from.

Offline and deterministic: regular expressions and word tables
(:mod:`geodata.reports.lexicon`) find the phrases, ``dateparser`` resolves dates
(:mod:`geodata.reports.dates`), figures are converted to km
(:mod:`geodata.reports.figures`), the gazetteer (:mod:`geodata.geo.places`) places the site,
and the geodesy engine estimates the impact point from site + bearing + distance.

Assumptions: English wire copy about North Korean launches; a clock time without a zone
is Korea time; when sources disagree, each keeps its own figures in ``sources`` and the
event shows the headline source's (``schema.HEADLINE_PRIORITY``). Nothing is invented:
what cannot be read is left ``None`` and explained in ``warnings``.

Each event holds the schema's launch columns plus ``sources`` (one dict per source with
the figures it gave and ``is_headline``), ``evidence`` ({field: {"text", "start", "end"}},
offsets into the input), ``bearing_range_deg`` ([min, max] the heading words allow) and,
when only a province was named, ``province``. :func:`launch_row` and :func:`source_rows`
turn a draft into store rows.

>>> import datetime as dt
>>> draft = extract_events("North Korea fired a short-range ballistic missile into the East Sea on "
...     "Friday, flying about 700 km, South Korea's Joint Chiefs of Staff said.", dt.date(2025, 11, 7))
>>> draft.events[0]["launched_at"], draft.events[0]["distance_km"], draft.events[0]["system_class"]
('2025-11-07T00:00:00Z', 700.0, 'SRBM')
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from geodata.events import launch_id
from geodata.geo.places import Gazetteer
from geodata.reports.dates import find_dates, find_times
from geodata.reports.fields import (
    centre_deg,
    count_missiles,
    figures_by_source,
    heading,
    headline_source,
    sources_in,
)
from geodata.reports.lexicon import CLASSES, SYSTEMS, UNKNOWN_SYSTEM, UNKNOWN_SYSTEM_BY_CLASS, compile_table
from geodata.reports.sites import SiteMatch, find_site
from geodata.reports.text import (
    MAX_EVENTS,
    MAX_INPUT_CHARS,
    Sentence,
    check_text,
    first_match,
    group_events,
    looks_english,
    span,
    split_sentences,
)
from geodata.schema import LAUNCH_COLUMNS, SOURCE_COLUMNS
from geodata.seeds import seeds_dir
from geodata.tracks import impact_fields
from geodata.units import launch_time_utc

__all__ = [
    "MAX_INPUT_CHARS",
    "Extraction",
    "check_text",
    "default_gazetteer",
    "extract_events",
    "split_sentences",
]

_CLASSES = compile_table(CLASSES)
_SYSTEMS = compile_table(SYSTEMS)

_FAILURE = re.compile(
    r"\b(fail(?:ed|ure|s)?|exploded|blew up|explosion|crashed|broke (?:up|apart)|disintegrat\w+|mid-?air|malfunction\w*|did not reach orbit)\b",
    re.I,
)
_ABOUT_FLIGHT = re.compile(r"\b(missiles?|rockets?|projectiles?|launch\w*|it|flight|satellite)\b", re.I)
_INTO_SEA = re.compile(r"\binto (?:the )?(?:sea|waters)\b", re.I)
# Sites east of this longitude (Wonsan 127.5, Sinpo 128.2, Hamhung 127.5) sit on the east coast.
EAST_COAST_MIN_LON = 127.3
_HYPERSONIC = re.compile(r"\bhypersonic\b", re.I)
_KOREA_OR_JAPAN = re.compile(r"KST|JST|local time|Korea time|Seoul|Tokyo|Korea|Japan")
_SUCCESS = re.compile(r"\bsuccessful(?:ly)?\b", re.I)
_SUSPECTED = re.compile(
    r"\b(suspected (?:ballistic )?(?:missile )?launch|possible (?:missile )?launch|apparent (?:missile )?launch|"
    r"(?:may|might) have (?:launched|fired)|appear(?:s|ed)? to have (?:launched|fired))\b",
    re.I,
)
_NO_HARM = re.compile(
    r"\bno (?:immediate )?(?:reports? of |reported )?(?:injur\w+|damage)(?: or (?:injur\w+|damage))?", re.I
)


@dataclass
class Extraction:
    """Draft events (schema field names plus ``sources`` and ``evidence``) and warnings."""

    events: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"events": self.events, "warnings": self.warnings}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def default_gazetteer() -> Gazetteer:
    """The gazetteer of the bundled seeds (raises :class:`~geodata.errors.MissingSeeds` without them)."""
    return Gazetteer.from_seeds(seeds_dir())


def extract_events(text: str | bytes, published: dt.date | None = None, gazetteer=None) -> Extraction:
    """Draft launch events from English report ``text`` published on ``published`` (Korea date).

    Raises :class:`geodata.errors.InvalidFile` for empty, binary or oversized input; text
    that is not English gives no events and a warning.
    """
    text = check_text(text)
    if isinstance(published, dt.datetime):
        published = published.date()
    if not looks_english(text):
        return Extraction(
            [], ["the text does not look like English; the extractor reads English reports only"]
        )
    if gazetteer is None:
        gazetteer = default_gazetteer()
    warnings: list[str] = []
    groups = group_events(split_sentences(text), published)
    if not groups:
        return Extraction(
            [],
            [
                "no missile launch found in the text (no sentence says a missile or rocket was launched or fired)"
            ],
        )
    if len(groups) == MAX_EVENTS:
        warnings.append(
            f"the text names {MAX_EVENTS} or more launches; drafted the first {MAX_EVENTS - 1} and "
            "merged the rest into the last draft; split a round-up into single reports"
        )
    events, first_day = [], None
    for number, group in enumerate(groups, start=1):
        event_warnings: list[str] = []
        event = _draft(group, text, published, gazetteer, first_day, event_warnings)
        first_day = first_day or (event["launched_at"] or "")[:10] or None
        prefix = f"event {number}: " if len(groups) > 1 else ""
        warnings.extend(prefix + w for w in event_warnings)
        events.append(event)
    return Extraction(events, warnings)


def _draft(group, text, published, gazetteer, first_day, warnings) -> dict:
    """One draft event from its run of sentences; each step adds fields, evidence and warnings."""
    event: dict = {"id": None}
    evidence: dict = {}
    _when(event, evidence, warnings, group, text, published, first_day)
    _where(event, evidence, warnings, group, gazetteer)
    _what(event, evidence, warnings, group)
    _figures(event, evidence, warnings, group)
    _outcome(event, evidence, group)
    _direction(event, evidence, warnings, group)
    _confirmation(event, evidence, group)
    _notes(event, evidence, group)
    if event["launched_at"] and event["site_id"]:
        event["id"] = launch_id(event["launched_at"], event["launched_at_precision"], event["site_id"])
    event["evidence"] = evidence
    return event


def _first_in(pattern: re.Pattern, group: list[Sentence]) -> dict | None:
    """Evidence span of the first match of ``pattern`` in the group's sentences."""
    return next((span(m, s.start) for s in group if (m := pattern.search(s.text))), None)


def _when(event, evidence, warnings, group, text, published, first_day) -> None:
    dates = [d for s in group if s.is_launch for d in find_dates(s.text, published, s.start)] or [
        d for s in group for d in find_dates(s.text, published, s.start)
    ]
    date = dates[0] if dates else None
    times = [t for s in group if s.is_launch for t in find_times(s.text, s.start)] or [
        t for s in group for t in find_times(s.text, s.start)
    ]
    clock = times[0] if times else None
    day = date.value if date else (dt.date.fromisoformat(first_day) if first_day else published)
    if date is None:
        fallback = "the first event's date" if first_day else "the publication date" if published else None
        warnings.append("no launch date in the text; " + (f"used {fallback}" if fallback else "left blank"))
    else:
        evidence["launched_at"] = {"text": date.text, "start": date.start, "end": date.end}
        if date.vague:
            warnings.append(
                f"the launch day is vague ({date.text!r}); {date.value.isoformat()} is approximate"
            )
    if clock:
        evidence["launched_at_time"] = {"text": clock.text, "start": clock.start, "end": clock.end}
        if not clock.value[2] and not _KOREA_OR_JAPAN.search(text):
            warnings.append(f"the time {clock.text!r} has no zone; assumed Korea time (UTC+9)")
    event["launched_at"], event["launched_at_precision"] = (
        launch_time_utc(day, clock.value if clock else None) if day is not None else (None, None)
    )


def _where(event, evidence, warnings, group, gazetteer) -> None:
    site: SiteMatch | None = find_site(group, gazetteer, warnings)
    event["site_id"], event["lat"], event["lon"] = (
        (site.site_id, site.lat, site.lon) if site else (None, None, None)
    )
    if site is None:
        warnings.append("no launch site found in the text")
        return
    evidence["site_id"] = site.evidence
    if site.province:
        event["province"] = site.province


def _what(event, evidence, warnings, group) -> None:
    system_hit, class_hit = first_match(_SYSTEMS, group), first_match(_CLASSES, group)
    system_class, class_span = (
        (class_hit[0][1], span(class_hit[1], class_hit[2])) if class_hit else ("unknown", None)
    )
    if system_hit:
        event["system"] = system_hit[0][1]
        evidence["system"] = span(system_hit[1], system_hit[2])
        if system_hit[0][2] != system_class and system_class != "HGV":
            # a named system decides its class ("a long-range missile ... a Hwasong-17" is an ICBM)
            system_class, class_span = system_hit[0][2], evidence["system"]
    hypersonic = _first_in(_HYPERSONIC, group)
    if system_class in ("IRBM", "MRBM", "unknown") and hypersonic:
        # "a hypersonic intermediate-range missile": the glide vehicle is what is new
        system_class, class_span = "HGV", hypersonic
    if not system_hit:
        event["system"] = UNKNOWN_SYSTEM_BY_CLASS.get(system_class, UNKNOWN_SYSTEM)
        if system_class == "unknown":
            warnings.append("the missile type is not named; system and class left as unknown")
    event["system_class"] = system_class
    if class_span:
        evidence["system_class"] = class_span
    event["count"], count_evidence = count_missiles(group, warnings)
    if count_evidence:
        evidence["count"] = count_evidence


def _figures(event, evidence, warnings, group) -> None:
    """Headline distance and apogee; every source keeps its own figures in ``sources``."""
    by_source = figures_by_source(group, warnings, evidence)
    headline = headline_source(by_source)
    ranked = ([headline] if headline else []) + list(by_source.values())
    for key in ("distance_km", "apogee_km"):
        # the headline source's figure, else (it gave a distance only) another source's
        source_of = next((s for s in ranked if s[key] is not None), None)
        event[key] = source_of[key] if source_of else None
        if source_of:
            evidence[key] = source_of["evidence"][key]
    event["sources"] = [
        {k: v for k, v in s.items() if k != "evidence"} | {"is_headline": s is headline}
        for s in by_source.values()
    ]
    distances = [s for s in event["sources"] if s["distance_km"]]
    if len({s["distance_km"] for s in distances}) > 1:
        warnings.append(
            "sources disagree on the distance: "
            + ", ".join(f"{s['source']} {s['distance_km']:.0f} km" for s in distances)
        )


def _outcome(event, evidence, group) -> None:
    failure = next(
        (span(m, s.start) for s in group if (m := _FAILURE.search(s.text)) and _ABOUT_FLIGHT.search(s.text)),
        None,
    )
    success = _first_in(_SUCCESS, group)
    if failure:
        event["outcome"], evidence["outcome"] = "failure", failure
    elif success:
        event["outcome"], evidence["outcome"] = "success", success
    else:  # a missile that flew a reported distance flew, as far as public sources tell
        event["outcome"] = "success" if event["distance_km"] else "unknown"


def _direction(event, evidence, warnings, group) -> None:
    """Landing area, bearing range and the impact point estimated from site + bearing + distance."""
    area, bearing_range, heading_evidence = heading(group, event["outcome"] == "failure")
    evidence.update(heading_evidence)
    into_sea = _first_in(_INTO_SEA, group)
    if area is None and into_sea and event["lon"] is not None and event["lon"] >= EAST_COAST_MIN_LON:
        # an east-coast site firing "into the sea" can only mean the East Sea
        area, bearing_range = "East Sea/Sea of Japan", (60.0, 120.0)
        evidence["landing_area"] = into_sea
        warnings.append(f"read {into_sea['text']!r} from an east-coast site as the East Sea")
    event["landing_area"] = area
    if area == "orbit" and event["outcome"] == "unknown":
        event["outcome"] = "success"
    # A compass word ("northeast") is a reported heading; a sea alone ("into the East Sea") is not:
    # the impact rule then takes that sea's typical heading, as for any other entry path.
    event["bearing_deg"] = centre_deg(bearing_range) if bearing_range and "bearing_deg" in evidence else None
    event["bearing_range_deg"] = list(bearing_range) if bearing_range else None
    event.update(impact_fields(event))


def _confirmation(event, evidence, group) -> None:
    suspected = _first_in(_SUSPECTED, group)
    named = {name for s in group for _, name, _ in sources_in(s)}
    if suspected:
        event["confirmation"], evidence["confirmation"] = "suspected", suspected
    elif named == {"KCNA"}:  # only North Korea says so: nobody outside observed it
        event["confirmation"] = "claimed"
    else:
        event["confirmation"] = "confirmed"


def _notes(event, evidence, group) -> None:
    notes = []
    if len(event["sources"]) > 1:
        notes.append(
            " vs ".join(
                f"{s['source']} "
                + "/".join(f"{s[k]:.0f} km {k[:-3]}" for k in ("distance_km", "apogee_km") if s[k])
                for s in event["sources"]
            )
        )
    harm = _first_in(_NO_HARM, group)
    if harm:
        notes.append("no injuries or damage reported")
        evidence["notes"] = harm
    event["notes"] = "; ".join(notes) or None


def launch_row(event: dict) -> dict:
    """The draft ``event`` as a ``launches`` row: schema columns only, with an id when it can be made."""
    row = {column.name: event.get(column.name) for column in LAUNCH_COLUMNS}
    if not row["id"] and row["launched_at"] and row["site_id"]:
        row["id"] = launch_id(row["launched_at"], row["launched_at_precision"], row["site_id"])
    return row


def source_rows(
    event: dict,
    published_on: dt.date | str,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> list[dict]:
    """``launch_sources`` rows for ``event``: one per attributed source, or one for the report itself.

    Every row is dated ``published_on`` and relayed by ``outlet`` (the report the figures were read from).
    """
    published_on = published_on.isoformat() if isinstance(published_on, dt.date) else str(published_on)
    drafted = event.get("sources") or [
        {"source": outlet or "news report", "source_kind": "news", "is_headline": True}
    ]
    if not any(s.get("is_headline") for s in drafted):
        drafted = [{**drafted[0], "is_headline": True}, *drafted[1:]]
    rows = []
    for source in drafted:
        row = {column.name: source.get(column.name) for column in SOURCE_COLUMNS}
        row.update(
            launch_id=event.get("id"),
            published_on=published_on,
            outlet=outlet or source.get("source"),
            url=url or None,
            title=title or None,
        )
        rows.append(row)
    return rows
