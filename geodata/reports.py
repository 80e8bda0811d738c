"""From a news report to draft launch events, every value traced to the words it came from.

Offline and deterministic: regular expressions and word tables
(:mod:`geodata.reports_lexicon`) find the phrases, ``dateparser`` resolves dates
(:mod:`geodata.reports_dates`), figures are converted to km
(:mod:`geodata.reports_figures`), the gazetteer (:mod:`geodata.places`) places the site,
and the geodesy engine estimates the impact point from site + bearing + distance.

Assumptions: English wire copy about North Korean launches; a clock time without a zone
is Korea time; when sources disagree, each keeps its own figures in ``sources`` and the
event shows the headline source's (``schema.HEADLINE_PRIORITY``). Nothing is invented:
what cannot be read is left ``None`` and explained in ``warnings``.

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
from pathlib import Path

from geodata.errors import InvalidFile
from geodata.reports_dates import find_dates, find_times, launch_time_utc
from geodata.reports_figures import check_units_agree, find_figures
from geodata.reports_lexicon import (
    CLASSES,
    COMPASS,
    HEADINGS,
    NUMBER_WORDS,
    SOURCES,
    SYSTEMS,
    UNKNOWN_SYSTEM,
    UNKNOWN_SYSTEM_BY_CLASS,
    VAGUE_COUNTS,
    compile_table,
)
from geodata.reports_sites import SiteMatch, find_site
from geodata.schema import HEADLINE_PRIORITY

# A wire report is a few kB; 200 kB is a long feature. Larger input is a wrong file.
MAX_INPUT_CHARS = 200_000

_SOURCES = compile_table(SOURCES)
_CLASSES = compile_table(CLASSES)
_SYSTEMS = compile_table(SYSTEMS)
_HEADINGS = compile_table(HEADINGS)

# Bare "launch" is left out: it is either the noun ("the launch came") or an intention ("to launch").
_LAUNCH_VERB = re.compile(
    r"\b(launch(?:ed|es|ing(?!\s+(?:station|ground|site|pad|facility|base|complex|vehicle)))|fired|fires|firing|test-fired|test-fires|test-launched|lobbed|shot)\b",
    re.I,
)
_MISSILE_NOUN = re.compile(
    r"\b(missiles?|rockets?|projectiles?|ICBMs?|SRBMs?|IRBMs?|SLBMs?|satellite|launch vehicle|Hwas(?:eo|o)ng|KN-?\d+)\b",
    re.I,
)
_NEGATED = re.compile(r"(?:\b(?:not|no|never|without)|n't)\W+(?:\w+\W+){0,3}$", re.I)
# "could fire" is not a launch; "may have fired" is a suspected one.
_MODAL = re.compile(r"\b(?:could|may|might|would|will|shall|can)\W+(?:\w+\W+){0,2}$", re.I)
_PERFECT = re.compile(r"\bhave\s+(?:been\s+)?$", re.I)
_NEXT_EVENT = re.compile(
    r"\b(also|separately|later|another|second|in a separate|hours after|followed)\b", re.I
)
_COUNT_RE = re.compile(
    r"\b(?P<atleast>at least\s+)?(?P<word>a pair of|a barrage of|a volley of|a salvo of|a number of|a series of|"
    r"several|multiple|\d+|" + "|".join(k for k in NUMBER_WORDS if k not in ("pair",)) + r")\s+"
    r"(?P<adj>(?:[\w().-]+\s+){0,6}?)(?P<noun>missiles?|rockets?|projectiles?|ICBMs?|SRBMs?|IRBMs?|SLBMs?)\b",
    re.I,
)
_SINGULAR = re.compile(r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:missile|rocket|projectile)\b(?!s)", re.I)
_PLURAL = re.compile(r"\b(?:missiles|rockets|projectiles)\b", re.I)
_COMPASS_RE = re.compile(
    r"\b(?:toward|towards|heading|headed|flew|flying|travel+ed|in an?|to the)\s+(?:the\s+)?"
    r"(?P<dir>(?:north|south)?-?(?:north|south|east|west)(?:-?(?:east|west))?)(?:ward|wards|erly)?\b(?!\s+(?:Sea|coast|Korea|Japan|Pacific))",
    re.I,
)
_FAILURE = re.compile(
    r"\b(fail(?:ed|ure|s)?|exploded|blew up|explosion|crashed|broke (?:up|apart)|disintegrat\w+|mid-?air|malfunction\w*|did not reach orbit)\b",
    re.I,
)
_ABOUT_FLIGHT = re.compile(r"\b(missiles?|rockets?|projectiles?|launch\w*|it|flight|satellite)\b", re.I)
_SUCCESS = re.compile(r"\bsuccessful(?:ly)?\b", re.I)
_SUSPECTED = re.compile(
    r"\b(suspected (?:ballistic )?(?:missile )?launch|possible (?:missile )?launch|apparent (?:missile )?launch|"
    r"(?:may|might) have (?:launched|fired)|appear(?:s|ed)? to have (?:launched|fired))\b",
    re.I,
)
_NO_HARM = re.compile(
    r"\bno (?:immediate )?(?:reports? of |reported )?(?:injur\w+|damage)(?: or (?:injur\w+|damage))?", re.I
)
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:U\.S|U\.N|Nov|Dec|Jan|Feb|Aug|Sept?|Oct|Mr|Mrs|Ms|Dr|Gen|Lt|Col|No|St|[ap]\.m|approx)\.)$|\b[A-Z]\.$"
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


@dataclass
class _Sentence:
    text: str
    start: int
    is_launch: bool = False


def check_text(text: str | bytes) -> str:
    """Return ``text`` as str, or raise :class:`InvalidFile` for empty, binary or oversized input."""
    if isinstance(text, bytes | bytearray):
        if b"\x00" in text[:8192]:
            raise InvalidFile(
                f"expected report text, got binary data ({len(text)} bytes containing NUL bytes)"
            )
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidFile(
                f"expected UTF-8 report text, got undecodable bytes at position {error.start}"
            ) from None
    if not isinstance(text, str):
        raise InvalidFile(f"expected report text (str), got {text!r:.40} ({type(text).__name__})")
    if len(text) > MAX_INPUT_CHARS:
        raise InvalidFile(
            f"expected a news report of at most {MAX_INPUT_CHARS:,} characters, got {len(text):,} "
            "characters; paste the article itself, not a whole page or archive"
        )
    if not text.strip():
        raise InvalidFile(f"expected report text, got an empty text ({len(text)} characters, all blank)")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t")
    if "\x00" in text or controls > 0.01 * len(text):
        raise InvalidFile(
            f"expected report text, got binary-looking data ({controls} control characters in {len(text)})"
        )
    return text


def looks_english(text: str) -> bool:
    """True when most letters are Latin and common English words occur."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if ch.isascii())
    words = re.findall(r"[a-z]+", text.lower())
    common = sum(
        1 for w in words if w in {"the", "a", "of", "and", "to", "in", "on", "said", "was", "from", "it"}
    )
    return latin / len(letters) > 0.8 and common >= max(1, 0.04 * len(words))


def split_sentences(text: str) -> list[_Sentence]:
    """Sentences with their offsets; abbreviations such as 'U.S.' and 'Nov.' do not end one."""
    sentences, start = [], 0
    for match in re.finditer(r"[.!?][\"”’)]?\s+(?=[\"“(A-Z0-9])|\n\s*", text):
        if match.group(0).startswith((".", "!", "?")) and _ABBREVIATIONS.search(
            text[max(0, match.start() - 6) : match.start() + 1]
        ):
            continue
        if text[start : match.end()].strip():
            sentences.append(_Sentence(text[start : match.end()], start))
        start = match.end()
    if text[start:].strip():
        sentences.append(_Sentence(text[start:], start))
    for sentence in sentences:
        sentence.is_launch = _is_launch(sentence.text)
    return sentences


def _is_launch(sentence: str) -> bool:
    for verb in _LAUNCH_VERB.finditer(sentence):
        before = sentence[: verb.start()]
        if _NEGATED.search(before) or (_MODAL.search(before) and not _PERFECT.search(before)):
            continue
        if _MISSILE_NOUN.search(sentence):
            return True
    return False


def _span(match: re.Match, offset: int, group: int | str = 0) -> dict:
    return {
        "text": match.group(group),
        "start": offset + match.start(group),
        "end": offset + match.end(group),
    }


def _first(table, sentences: list[_Sentence], launch_first: bool = True):
    """First row of ``table`` matching, preferring launch sentences: (row, match, offset)."""
    ordered = (
        [s for s in sentences if s.is_launch] + [s for s in sentences if not s.is_launch]
        if launch_first
        else sentences
    )
    for sentence in ordered:
        best = None
        for row in table:
            match = row[0].search(sentence.text)
            if match and (best is None or match.start() < best[1].start()):
                best = (row, match, sentence.start)
        if best:
            return best
    return None


def _new_day(sentence: _Sentence, group: list[_Sentence], published: dt.date | None) -> bool:
    """True when ``sentence`` names a launch day other than the one ``group`` names."""
    days = {d.value for d in find_dates(sentence.text, published)}
    current = {d.value for s in group if s.is_launch for d in find_dates(s.text, published)}
    return bool(days and current and not days & current)


def _group_events(sentences: list[_Sentence], published: dt.date | None = None) -> list[list[_Sentence]]:
    """Split the report into one run of sentences per launch event."""
    groups: list[list[_Sentence]] = []
    current_kind: str | None = None
    for sentence in sentences:
        kind = _kind(sentence.text)
        if (sentence.is_launch and not groups) or (
            sentence.is_launch
            and _NEXT_EVENT.search(sentence.text)
            and (
                (kind and current_kind and kind != current_kind) or _new_day(sentence, groups[-1], published)
            )
        ):
            groups.append([sentence])
            current_kind = kind
        elif groups:
            groups[-1].append(sentence)
            current_kind = current_kind or kind
    if (
        groups
    ):  # sentences before the first launch sentence (a headline, a dateline) belong to the first event
        lead = [s for s in sentences if s.start < groups[0][0].start]
        groups[0] = lead + groups[0]
    return groups


def _kind(sentence: str) -> str | None:
    for pattern, name, _ in _SYSTEMS:
        if pattern.search(sentence):
            return name
    for pattern, system_class in _CLASSES:
        if pattern.search(sentence):
            return system_class
    return None


def _sources_in(sentence: _Sentence) -> list[tuple[int, str, str]]:
    return sorted(
        (m.start(), name, kind) for pattern, name, kind in _SOURCES for m in pattern.finditer(sentence.text)
    )


def _figures_by_source(group: list[_Sentence], warnings: list[str], evidence: dict) -> dict[str, dict]:
    """Each source's distance and apogee (first figure of each kind per source)."""
    by_source: dict[str, dict] = {}
    all_figures: dict[str, list] = {}
    last_source = ("news", "news")
    for sentence in group:
        figures, unit_warnings = find_figures(sentence.text, sentence.start)
        warnings.extend(unit_warnings)
        mentions = _sources_in(sentence)
        for figure in figures:
            if mentions:
                _, name, kind = min(mentions, key=lambda m: abs(m[0] + sentence.start - figure.start))
            else:
                name, kind = last_source
            entry = by_source.setdefault(
                name, {"source": name, "source_kind": kind, "distance_km": None, "apogee_km": None}
            )
            all_figures.setdefault(name, []).append(figure)
            key = f"{figure.kind}_km"
            if entry[key] is None:
                entry[key] = figure.value_km
                entry.setdefault("evidence", {})[key] = {
                    "text": figure.text,
                    "start": figure.start,
                    "end": figure.end,
                }
        if mentions:
            last_source = mentions[-1][1:]
    for name, figures in all_figures.items():
        warnings.extend(check_units_agree(figures, name))
    return by_source


def _headline(by_source: dict[str, dict]) -> dict | None:
    for name in (*HEADLINE_PRIORITY, *by_source):
        if name in by_source:
            return by_source[name]
    return None


def _count(group: list[_Sentence], warnings: list[str]) -> tuple[int | None, dict | None]:
    for sentence in [s for s in group if s.is_launch] + [s for s in group if not s.is_launch]:
        for match in _COUNT_RE.finditer(sentence.text):
            word = match.group("word").lower()
            if word in ("a", "an") and match.group("noun").lower().endswith("s"):
                continue
            evidence = _span(match, sentence.start)
            if word in VAGUE_COUNTS or word in ("several", "multiple"):
                warnings.append(
                    f"the number of missiles is not given exactly ({match.group(0)!r}); left blank"
                )
                return None, evidence
            number = (
                int(word) if word.isdigit() else NUMBER_WORDS.get(word.replace("a pair of", "pair"), None)
            )
            if word == "a pair of":
                number = 2
            if number and 1 <= number <= 100:
                return number, evidence
    singular = next(((m, s) for s in group if (m := _SINGULAR.search(s.text))), None)
    if singular and not any(_PLURAL.search(s.text) for s in group):
        return 1, _span(singular[0], singular[1].start)
    return None, None


def _heading(
    group: list[_Sentence], failed: bool = False
) -> tuple[str | None, tuple[float, float] | None, dict]:
    evidence: dict = {}
    area, bearing_range = None, None
    for pattern, landing_area, bearings in _HEADINGS:
        if bearings is None and failed:
            continue  # "failed to put it into orbit"
        hit = next(((m, s) for s in group if (m := pattern.search(s.text))), None)
        if hit:  # "into orbit" has no bearing: bearings is None
            area, bearing_range = landing_area, bearings
            evidence["landing_area"] = _span(hit[0], hit[1].start)
            break
    compass = next(((m, s) for s in group if (m := _COMPASS_RE.search(s.text))), None)
    if compass and (centre := COMPASS.get(compass[0].group("dir").lower().replace("--", "-"))) is not None:
        narrow = ((centre - 22.5) % 360, (centre + 22.5) % 360)
        if bearing_range is None or bearing_range[0] <= centre <= bearing_range[1]:
            bearing_range = narrow
            evidence["bearing_deg"] = _span(compass[0], compass[1].start)
    if bearing_range and "bearing_deg" not in evidence and "landing_area" in evidence:
        evidence["bearing_deg"] = evidence["landing_area"]
    return area, bearing_range, evidence


def _centre(bearing_range: tuple[float, float]) -> float:
    low, high = bearing_range
    span = (high - low) % 360
    return round((low + span / 2) % 360, 1)


def _destination(lat: float, lon: float, bearing_deg: float, distance_km: float) -> tuple[float, float]:
    try:
        from geodata.geodesy import destination
    except ImportError:  # pragma: no cover - the geodesy engine is being written alongside
        from geographiclib.geodesic import Geodesic

        line = Geodesic.WGS84.Direct(lat, lon, bearing_deg, distance_km * 1000.0)
        return line["lat2"], line["lon2"]
    return destination(lat, lon, bearing_deg, distance_km)


def default_gazetteer():
    """The gazetteer of seeds/ in this checkout, or ``None`` when it cannot be loaded."""
    try:
        from geodata.places import Gazetteer

        return Gazetteer.from_seeds(Path(__file__).resolve().parents[1] / "seeds")
    except Exception:
        return None


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
    if gazetteer is None:
        warnings.append("no gazetteer of launch sites could be loaded; sites are left blank")
    groups = _group_events(split_sentences(text), published)
    if not groups:
        return Extraction(
            [],
            [
                "no missile launch found in the text (no sentence says a missile or rocket was launched or fired)"
            ],
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
    evidence: dict = {}
    event: dict = {"id": None}
    # --- when
    dates = [d for s in group for d in find_dates(s.text, published, s.start)]
    launch_dates = [d for s in group if s.is_launch for d in find_dates(s.text, published, s.start)]
    date = (launch_dates or dates)[0] if (launch_dates or dates) else None
    times = [t for s in group if s.is_launch for t in find_times(s.text, s.start)] or [
        t for s in group for t in find_times(s.text, s.start)
    ]
    clock = times[0] if times else None
    day = date.value if date else (dt.date.fromisoformat(first_day) if first_day else published)
    if date is None:
        warnings.append(
            "no launch date in the text; "
            + (
                "used the first event's date"
                if first_day
                else "used the publication date"
                if published
                else "left blank"
            )
        )
    elif date.vague:
        warnings.append(f"the launch day is vague ({date.text!r}); {date.value.isoformat()} is approximate")
    if date:
        evidence["launched_at"] = {"text": date.text, "start": date.start, "end": date.end}
    if clock:
        evidence["launched_at_time"] = {"text": clock.text, "start": clock.start, "end": clock.end}
        if not clock.value[2] and not re.search(
            r"KST|JST|local time|Korea time|Seoul|Tokyo|Korea|Japan", text
        ):
            warnings.append(f"the time {clock.text!r} has no zone; assumed Korea time (UTC+9)")
    if day is not None:
        event["launched_at"], event["launched_at_precision"] = launch_time_utc(
            day, clock.value if clock else None
        )
    else:
        event["launched_at"], event["launched_at_precision"] = None, None
    # --- where
    site: SiteMatch | None = find_site(group, gazetteer, warnings)
    event["site_id"], event["lat"], event["lon"] = (
        (site.site_id, site.lat, site.lon) if site else (None, None, None)
    )
    if site:
        evidence["site_id"] = site.evidence
        if site.province:
            event["province"] = site.province
    else:
        warnings.append("no launch site found in the text")
    # --- what
    system_hit, class_hit = _first(_SYSTEMS, group), _first(_CLASSES, group)
    system_class, class_span = (
        (class_hit[0][1], _span(class_hit[1], class_hit[2])) if class_hit else ("unknown", None)
    )
    if system_hit:
        event["system"] = system_hit[0][1]
        evidence["system"] = _span(system_hit[1], system_hit[2])
        if system_hit[0][2] != system_class and system_class != "HGV":
            # a named system decides its class ("a long-range missile ... a Hwasong-17" is an ICBM)
            system_class, class_span = system_hit[0][2], evidence["system"]
    hypersonic = next(((m, s) for s in group if (m := re.search(r"\bhypersonic\b", s.text, re.I))), None)
    if system_class in ("IRBM", "MRBM", "unknown") and hypersonic:
        # "a hypersonic intermediate-range missile": the glide vehicle is what is new
        system_class, class_span = "HGV", _span(hypersonic[0], hypersonic[1].start)
    if not system_hit:
        event["system"] = UNKNOWN_SYSTEM_BY_CLASS.get(system_class, UNKNOWN_SYSTEM)
        if system_class == "unknown":
            warnings.append("the missile type is not named; system and class left as unknown")
    event["system_class"] = system_class
    if class_span:
        evidence["system_class"] = class_span
    event["count"], count_evidence = _count(group, warnings)
    if count_evidence:
        evidence["count"] = count_evidence
    # --- how far, how high, who said it
    by_source = _figures_by_source(group, warnings, evidence)
    headline = _headline(by_source)
    for key in ("distance_km", "apogee_km"):
        event[key] = headline[key] if headline else None
        source_of = next(
            (s for s in ([headline] if headline else []) + list(by_source.values()) if s[key] is not None),
            None,
        )
        if event[key] is None and source_of:
            event[key] = source_of[key]  # the headline source gave a distance only: take another's apogee
        if source_of:
            evidence[key] = source_of["evidence"][key]
    sources = [
        {k: v for k, v in s.items() if k != "evidence"} | {"is_headline": s is headline}
        for s in by_source.values()
    ]
    event["sources"] = sources
    if len({s["distance_km"] for s in sources if s["distance_km"]}) > 1:
        warnings.append(
            "sources disagree on the distance: "
            + ", ".join(f"{s['source']} {s['distance_km']:.0f} km" for s in sources if s["distance_km"])
        )
    # --- outcome and confirmation
    group_text = " ".join(s.text for s in group)
    failure = next(
        ((m, s) for s in group if (m := _FAILURE.search(s.text)) and _ABOUT_FLIGHT.search(s.text)), None
    )
    success = next(((m, s) for s in group if (m := _SUCCESS.search(s.text))), None)
    if failure:
        event["outcome"] = "failure"
        evidence["outcome"] = _span(failure[0], failure[1].start)
    elif success or event["distance_km"]:
        event["outcome"] = "success"
        if success:
            evidence["outcome"] = _span(success[0], success[1].start)
    else:
        event["outcome"] = "unknown"
    # --- which way, where it came down
    area, bearing_range, heading_evidence = _heading(group, event["outcome"] == "failure")
    evidence.update(heading_evidence)
    event["landing_area"] = area
    if area == "orbit" and event["outcome"] == "unknown":
        event["outcome"] = "success"
    event["bearing_deg"] = _centre(bearing_range) if bearing_range else None
    event["bearing_range_deg"] = list(bearing_range) if bearing_range else None
    event["impact_lat"] = event["impact_lon"] = None
    event["impact_basis"] = "none"
    if (
        event["lat"] is not None
        and event["distance_km"]
        and event["bearing_deg"] is not None
        and event["system_class"] != "SLV"
    ):
        impact = _destination(event["lat"], event["lon"], event["bearing_deg"], event["distance_km"])
        event["impact_lat"], event["impact_lon"] = round(impact[0], 3), round(impact[1], 3)
        event["impact_basis"] = "estimated"
    suspected = next(((m, s) for s in group if (m := _SUSPECTED.search(s.text))), None)
    observers = {name for s in split_sentences(text) for _, name, _ in _sources_in(s)} - {"KCNA"}
    if suspected:
        event["confirmation"] = "suspected"
        evidence["confirmation"] = _span(suspected[0], suspected[1].start)
    elif not observers and "KCNA" in {name for s in group for _, name, _ in _sources_in(s)}:
        event["confirmation"] = "claimed"
    else:
        event["confirmation"] = "confirmed"
    # --- notes and id
    notes = []
    if len(sources) > 1:
        notes.append(
            " vs ".join(
                f"{s['source']} "
                + "/".join(f"{s[k]:.0f} km {k[:-3]}" for k in ("distance_km", "apogee_km") if s[k])
                for s in sources
            )
        )
    if (harm := _NO_HARM.search(group_text)) is not None:
        notes.append("no injuries or damage reported")
        evidence["notes"] = {"text": harm.group(0), "start": group_text.find(harm.group(0)), "end": -1}
        _locate(evidence["notes"], group)
    event["notes"] = "; ".join(notes) or None
    if event["launched_at"] and event["site_id"]:
        event["id"] = f"{event['launched_at'][:10]}-{event['site_id']}"
    event["evidence"] = evidence
    return event


def _locate(span: dict, group: list[_Sentence]) -> None:
    """Give a span found in joined sentences its offsets in the original text."""
    for sentence in group:
        at = sentence.text.find(span["text"])
        if at >= 0:
            span["start"], span["end"] = sentence.start + at, sentence.start + at + len(span["text"])
            return
