"""Event fields read from a run of sentences: who said which figure, how many missiles, which way.

Each figure is attributed to the source named nearest to it in its sentence ("..., the
JCS said"), else to the last source named before it, else to "news". The event shows the
headline source's figures (``schema.HEADLINE_PRIORITY``); every source keeps its own.
Heading words give a bearing range (East Sea 60–120°, Yellow Sea 240–300°, over Japan
70–110°); a compass word ("flew northeast") narrows it to ±22.5°.
"""

from __future__ import annotations

import re

from geodata.reports.figures import check_units_agree, find_figures
from geodata.reports.lexicon import COMPASS, HEADINGS, NUMBER_WORDS, SOURCES, VAGUE_COUNTS, compile_table
from geodata.reports.text import Sentence, span
from geodata.schema import HEADLINE_PRIORITY

_SOURCES = compile_table(SOURCES)
_HEADINGS = compile_table(HEADINGS)

_SOURCES = compile_table(SOURCES)
_HEADINGS = compile_table(HEADINGS)
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


def sources_in(sentence: Sentence) -> list[tuple[int, str, str]]:
    return sorted(
        (m.start(), name, kind) for pattern, name, kind in _SOURCES for m in pattern.finditer(sentence.text)
    )


def figures_by_source(group: list[Sentence], warnings: list[str], evidence: dict) -> dict[str, dict]:
    """Each source's distance and apogee (first figure of each kind per source)."""
    by_source: dict[str, dict] = {}
    all_figures: dict[str, list] = {}
    last_source = ("news", "news")
    for sentence in group:
        figures, unit_warnings = find_figures(sentence.text, sentence.start)
        warnings.extend(unit_warnings)
        mentions = sources_in(sentence)
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


def headline_source(by_source: dict[str, dict]) -> dict | None:
    for name in (*HEADLINE_PRIORITY, *by_source):
        if name in by_source:
            return by_source[name]
    return None


def count_missiles(group: list[Sentence], warnings: list[str]) -> tuple[int | None, dict | None]:
    for sentence in [s for s in group if s.is_launch] + [s for s in group if not s.is_launch]:
        for match in _COUNT_RE.finditer(sentence.text):
            word = match.group("word").lower()
            if word in ("a", "an") and match.group("noun").lower().endswith("s"):
                continue
            evidence = span(match, sentence.start)
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
        return 1, span(singular[0], singular[1].start)
    return None, None


def heading(
    group: list[Sentence], failed: bool = False
) -> tuple[str | None, tuple[float, float] | None, dict]:
    evidence: dict = {}
    area, bearing_range = None, None
    for pattern, landing_area, bearings in _HEADINGS:
        if bearings is None and failed:
            continue  # "failed to put it into orbit"
        hit = next(((m, s) for s in group if (m := pattern.search(s.text))), None)
        if hit:  # "into orbit" has no bearing: bearings is None
            area, bearing_range = landing_area, bearings
            evidence["landing_area"] = span(hit[0], hit[1].start)
            break
    compass = next(((m, s) for s in group if (m := _COMPASS_RE.search(s.text))), None)
    if compass and (centre := COMPASS.get(compass[0].group("dir").lower().replace("--", "-"))) is not None:
        narrow = ((centre - 22.5) % 360, (centre + 22.5) % 360)
        if bearing_range is None or bearing_range[0] <= centre <= bearing_range[1]:
            bearing_range = narrow
            evidence["bearing_deg"] = span(compass[0], compass[1].start)
    return area, bearing_range, evidence


def centre_deg(bearing_range: tuple[float, float]) -> float:
    low, high = bearing_range
    span = (high - low) % 360
    return round((low + span / 2) % 360, 1)
