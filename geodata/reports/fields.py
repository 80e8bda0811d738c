"""Event fields read from a run of sentences: who said which figure, how many missiles, which way.

Each figure is attributed to the source named nearest to it in its sentence ("..., the
JCS said"), else to the last source named before it, else to "news". The event shows the
headline source's figures (``schema.HEADLINE_PRIORITY``); every source keeps its own.
Heading words give a bearing range (East Sea 60–120°, Yellow Sea 240–300°, over Japan
70–110°); a compass word ("flew northeast") narrows it to ±22.5°.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from geodata.reports.dates import DATE_RE, dateline_at, find_times
from geodata.reports.figures import check_units_agree, find_figures, find_flight_times
from geodata.reports.lexicon import (
    COMPASS,
    HEADINGS,
    NUMBER_WORDS,
    SOURCES,
    SYSTEMS,
    VAGUE_COUNTS,
    compile_table,
)
from geodata.reports.text import Sentence, launch_sentences_first, span
from geodata.schema import HEADLINE_PRIORITY

_SOURCES = compile_table(SOURCES)
_HEADINGS = compile_table(HEADINGS)
_SYSTEMS = compile_table(SYSTEMS)
# "Hwasong-18 ICBM", "KN-23 missiles": a number fixed to a name by a hyphen is part of the name
_NAME_NUMBER = re.compile(r"[A-Za-z]-$")
# "the other 430 miles", "The second flew about 650 kilometers": another missile of the salvo, another figure
_OTHER_OF_SALVO = re.compile(
    r"\b(?:the other|the second|and second|the latter|another|second one|one of (?:the|them))\b[^.;]{0,80}$",
    re.I,
)
# "traveling 900 kilometers and 950 kilometers respectively": one figure for each missile ("flew 430 km and
# 690 km" alone may be one missile's first and revised figure)
_LISTED_BEFORE = re.compile(r"\b(?:km|kilomet(?:er|re)s|miles)\s*,?\s*and\s+(?:\w+\s+)?$", re.I)
_RESPECTIVELY_AFTER = re.compile(r"^\W*(?:\w+\W+)?respectively\b", re.I)
# "It was seen travelling 500 kilometers and 600 kilometers": two figures right after the verb of flight are two
# missiles' (unless the report tells of revised figures: then the pair may be a first figure and its revision)
_REVISED = re.compile(r"\brevis(?:ed?|ing|ion)\b", re.I)
_TWO_FLOWN = re.compile(
    r"\b(?:flew|flying|travell?(?:ed|ing)|reached)\s+(?:\w+\s+)?[\d,.]+\s*(?:km|kilomet(?:er|re)s|miles)\s*,?\s*and\s+"
    r"(?:\w+\s+)?$",
    re.I,
)
# "projectiles were fired at 2.59am and 3.23am": one missile per launch time when no number is given
# ("The missile was launched off the east coast of North Korea at 7:06 a.m. and 7:25 a.m.": two times joined by
# "and" are two launches even of "the missile")
_PLURAL_FIRED = re.compile(
    r"\b(?:missiles|projectiles|rockets)\b[^.;]{0,60}?\b(?:fired|launched)\s+at\b"
    r"|\b(?:missile|projectile|rocket)\b[^.;]{0,40}?\b(?:fired|launched)\b[^;]{0,60}?\bat\s+"
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s+)?and\s+(?:at\s+)?\d{1,2}[:.]\d{2}",
    re.I,
)
# "a railway-borne missile regiment", "two missile tests", "a staging ground for missile testing": nouns a
# missile word only qualifies ("two missile launches" still counts: see _LAUNCHES_AFTER)
QUALIFIED_NOUNS = (
    r"(?:regiments?|units?|bases?|brigades?|battalions?|launchers?|tests?|testing|programm?e?s?|"
    r"forces?|troops|crews?|drills?|corps|divisions?|facilit(?:y|ies)|factor(?:y|ies)|sites?|development|technology|"
    r"capabilit(?:y|ies)|defen[cs]es?|systems?|threats?|activit(?:y|ies)|provocations?|firings?|exercises?|alerts?|"
    r"warnings?|data|experts?|arsenals?|stockpiles?|sequences?|events?)\b"
)
_COUNT_RE = re.compile(
    r"\b(?P<atleast>at least\s+)?(?P<word>a pair of|a barrage of|a volley of|a salvo of|a number of|a series of|"
    r"several|multiple|\d+|" + "|".join(k for k in NUMBER_WORDS if k not in ("pair",)) + r")\s+"
    # words between number and noun are words ("two short-range ballistic"), never a dateline's "-- A"
    # ("fires two ‘ballistic missiles’", "two unidentified “projectiles”": words in quotes are still the count's)
    r"(?P<adj>(?:[A-Za-z(\"“‘][\w().'\"”’-]*\s+){0,6}?)[\"“‘]?(?P<noun>missiles?|rockets?|projectiles?|ICBMs?|SRBMs?|IRBMs?|SLBMs?|weapons)\b"
    # "a railway-borne missile regiment", "two missile tests": the missile word only qualifies what is counted
    r"(?!\s+" + QUALIFIED_NOUNS + r")",
    re.I,
)
# "several months been ramping up missile tests", "one of the missiles", "two photos showing a missile being
# launched": the number counts something else
_NOT_A_COUNT = re.compile(
    r"\b(?:months?|years?|days?|weeks?|hours?|times?|been|has|have|had|was|were|is|are|of|the|and|but|which|that|"
    r"its|their|this|since|after|photos?|photographs?|images?|pictures?|videos?)\b",
    re.I,
)
# "the first two missiles", "the other two": part of the salvo, not its size
# ("the past four missiles" are other launches')
# ("But the US and South Korean militaries say those 2 missiles exploded": missiles told before, of other days)
_PART_OF_SALVO = re.compile(
    r"\b(?:first|other|remaining|last|latter|former|past|previous|earlier|those)\s+$", re.I
)
# the South's answer to a launch: "the South Korean military said it had fired", "Seoul fired its own"
_THE_SOUTHS_OWN = re.compile(
    r"\b(?:South Korea'?s?|the South'?s?|Seoul'?s?|South Korean)\b(?:\s+[\w-]+){0,3}?\s+(?:said\s+)?(?:that\s+)?"
    r"it\s+(?:had\s+|has\s+)?(?:fired|launched|test-fired)\s+$",
    re.I,
)
_BARE_NUMBER_FIRED = re.compile(
    r"^\W*(?P<word>(?:[2-9]|[1-9]\d)|"
    + "|".join(k for k in NUMBER_WORDS if " " not in k and k not in ("a", "an", "one", "single", "pair"))
    + r")\s+(?:were|had been|have been)\s+(?:fired|launched)\b",
    re.I,
)
_LAUNCH_VERB_NEXT = re.compile(r"(?:launched|fired|test-fired|launches|fires)\b", re.I)
_ORDINAL = re.compile(r"(?:first|second|third|fourth|fifth|sixth|further)\b", re.I)
_SUPERSEDED = re.compile(r"^\W*(?:Earlier|Initially|At first|Initial reports?)\b", re.I)
_NUMBER_IN = re.compile(
    r"(?:^|\s)(?:at least\s+|about\s+|around\s+|over\s+)?(?:\d+|"
    + "|".join(k for k in NUMBER_WORDS if " " not in k and k not in ("a", "an", "pair"))
    + r")\s",
    re.I,
)
_AND_ANOTHER = re.compile(r"[^;]{0,60}?\band another\b(?!\s+(?:launch|test|round|day|time))", re.I)
_AND_MORE = re.compile(
    r"[^;.]{0,80}?\band (?P<more>two|three|four|five|six|\d{1,2}) more\b(?!\s+(?:launch|test|round|day|time))",
    re.I,
)
# "fired two ballistic missiles on March 18, one of which flew about 800 km while the other exploded": the salvo
# told missile by missile, so a higher source's "One missile ... flew" is one of the two
_ONE_OF_WHICH = re.compile(r"[^.;]{0,40}?\bone of (?:which|them)\b", re.I)
# "13:50 multiple missiles": a number right after a clock's colon is its minutes
_CLOCK_BEFORE = re.compile(r"\d[:.]$")
# "According to the JCS, North Korea launched about 10 projectiles": a source's account of the launch
_ACCORDING_TO = re.compile(r"\W*According to\b", re.I)
_ACCORDING_TO_IN = re.compile(r"\baccording to\b", re.I)
# an opening quote mark: 'multiple "projectiles"', "a new “tactical guided projectile”"
_QUOTE = re.compile(r"[\"“‘]")
_DOZENS = re.compile(r"(?:dozens?|scores?|hundreds?)\b", re.I)
_ONE_LANDED = re.compile(r"\s+(?:\w+\s+){0,3}?(?:landed|fell|splashed|crashed|flew|exploded)\b", re.I)
# "Yonhap, citing the JCS, later reported that multiple ... may have been launched": the source revises itself
_LATER = re.compile(r"\blater\b", re.I)
_THE_OTHER_AFTER = re.compile(r"[^.;]{0,200}?\b(?:while|and|with|but)\s+the\s+other\b", re.I)
_LAUNCHES_AFTER = re.compile(r"\s+launch(?:es|ings?)\b", re.I)
_A_LAUNCH_AFTER = re.compile(r"\s+launch\b", re.I)
_OVER_WEEKS_AFTER = re.compile(
    r"\s+launch(?:es|ings?)\b[^.;]{0,40}?\b(?:in (?:recent|the past|the last) (?:\w+ )?(?:days|weeks|months)|"
    r"this (?:year|month)|so far|since)\b",
    re.I,
)
_NUMBER_OF_WHAT_BEFORE = re.compile(
    r"\b(?:number|multiple|several)\s+(?:of\s+)?what\s+(?:appeared|appears|seemed|seems|looked)\s+to\s+be\s+$",
    re.I,
)
_SUCH_BEFORE = re.compile(r"\bsuch\s+$", re.I)


def _kind_of_a_number(text: str, start: int) -> bool:
    """Whether the article at ``start`` names the kind of an uncounted number ("fired a multiple number of what
    appeared to be a short-range ballistic missile"), not one missile."""
    return bool(_NUMBER_OF_WHAT_BEFORE.search(text, max(0, start - 60), start))


# "a missile", "its new type of intercontinental ballistic missile", "a two-stage launch vehicle": one
_SINGULAR = re.compile(
    r"\b(?:the|a|an|its)\s+(?:[\w\"“”-]+\s+){0,5}?(?:missile|rocket|projectile|launch vehicle|satellite|guided weapon|ICBM|IRBM|SRBM|SLBM)\b(?!s)"
    # "a strategic cruise missile test": the missile word qualifies the test
    r"(?!\s+" + QUALIFIED_NOUNS + r")",
    re.I,
)
# The launch's weapons told doing something: "the missiles hit their targets" (plural), "The missile was launched
# at 5:58 a.m." (one, told again)
_DID = r"\s+(?:\w+\s+){0,2}?(?:flew|travel+ed|hit|landed|fell|reached|splashed|(?:was|were) (?:fired|launched))\b"
_THE_PLURAL = re.compile(r"(?<!\bof )\b(?:the|these|both)\s+(?:missiles|rockets|projectiles)" + _DID, re.I)
_THE_SINGULAR = re.compile(r"\b(?:the|this)\s+(?:missile|rocket|projectile)" + _DID, re.I)
# "those 2 missiles exploded immediately after liftoff": missiles told before, of other launches
_THOSE = re.compile(r"\bthose\s+(?:[\w-]+\s+){0,2}?(?:missiles|rockets|projectiles)\b", re.I)
# "the highest altitude achieved by one of North Korea's missiles", "longer than any of its previous missiles":
# the missiles of a comparison, not of this salvo
_PLURAL = re.compile(
    r"(?<!\bof )(?<!\bof the )(?<!\bof its )(?<!\bof its previous )(?<!\bof North Korea's )"
    r"\b(?:missiles|rockets|projectiles)\b",
    re.I,
)
_COMPASS_RE = re.compile(
    r"\b(?:toward|towards|heading|headed|flew|flying|travel+ed|in an?|to the)\s+(?:the\s+)?"
    r"(?P<dir>(?:north|south)?-?(?:north|south|east|west)(?:-?(?:east|west))?)(?:ward|wards|erly)?\b(?!\s+(?:Sea|coast|Korea|Japan|Pacific))",
    re.I,
)


def sources_in(sentence: Sentence) -> list[tuple[int, str, str]]:
    """(offset in the sentence, source, kind) of every source named, in order.

    A dateline's place ("SEOUL —", "SEOUL/TOKYO:", "Seoul/Pyongyang –") says where the copy was filed,
    not who said anything: it names no source.
    """
    text = sentence.text
    dateline = dateline_at(text, len(text) - len(text.lstrip()))
    return sorted(
        (m.start(), name, kind)
        for pattern, name, kind in _SOURCES
        for m in pattern.finditer(text)
        if dateline is None or not dateline.covers("place", m.start())
    )


def count_value(word: str) -> int | None:
    """The number a count word gives ("12", "two", "a pair of"); ``None`` for a vague one ("several")."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    return 2 if word == "a pair of" else NUMBER_WORDS.get(word)


def in_date(text: str, at: int) -> bool:
    """Whether offset ``at`` lies in a calendar date ("Aug. 29", "29 July 2017"): a day, not a count."""
    return any(m.start() <= at < m.end() for m in DATE_RE.finditer(text) if m.group("full"))


def figures_by_source(
    group: list[Sentence], warnings: list[str], evidence: dict, skip: frozenset[int] = frozenset()
) -> dict[str, dict]:
    """Each source's distance, apogee and flight time (first figure of each kind per source).

    Sentences whose start is in ``skip`` (about another launch) give no figures, but the
    sources they name still carry over to the next sentence.
    """
    by_source: dict[str, dict] = {}
    all_figures: dict[str, list] = {}
    last_source = ("news", "news")
    revised = any(_REVISED.search(sentence.text) for sentence in group)
    for sentence in group:
        figures, unit_warnings = find_figures(sentence.text, sentence.start)
        figures += find_flight_times(sentence.text, sentence.start)
        if sentence.start in skip:
            figures, unit_warnings = [], []
        warnings.extend(unit_warnings)
        mentions = sources_in(sentence)
        for figure in figures:
            if mentions:
                _, name, kind = min(mentions, key=lambda m: abs(m[0] + sentence.start - figure.start))
            else:
                name, kind = last_source
            entry = by_source.setdefault(
                name,
                {
                    "source": name,
                    "source_kind": kind,
                    "distance_km": None,
                    "apogee_km": None,
                    "flight_time_s": None,
                },
            )
            if figure.kind != "flight_time":
                all_figures.setdefault(name, []).append(figure)
            key = "flight_time_s" if figure.kind == "flight_time" else f"{figure.kind}_km"
            before = sentence.text[
                max(0, figure.start - sentence.start - 100) : figure.start - sentence.start
            ]
            after = sentence.text[figure.end - sentence.start : figure.end - sentence.start + 30]
            other_missile = figure.kind == "distance" and (
                _OTHER_OF_SALVO.search(before)
                or (_LISTED_BEFORE.search(before) and _RESPECTIVELY_AFTER.match(after))
                or (_TWO_FLOWN.search(before) and not revised)
            )
            if entry[key] is not None and other_missile and figure.value_km > entry[key]:
                # "one flying roughly 270 miles and the other 430 miles": the salvo flew as far as its farthest
                entry[key] = None
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


def _source_rank(name: str) -> int:
    """Where a count by ``name`` ranks (lower first): even steps of ``HEADLINE_PRIORITY``, so that a joint
    statement can sit between its two sources (:func:`_joint_rank`)."""
    return 2 * (HEADLINE_PRIORITY.index(name) if name in HEADLINE_PRIORITY else len(HEADLINE_PRIORITY))


# Below every source: an article no one speaks ("has fired a missile"), then a first word later revised
_WEAK_COUNT_RANK = _source_rank("") + 2
_SUPERSEDED_COUNT_RANK = _WEAK_COUNT_RANK + 1


_FULL_STOP = re.compile(r"[.!?][\"”’']?\s*$")
# "Prime Minister Sanae Takaichi said North Korea had fired two ballistic missiles": a speaker of its own
_SPOKEN = re.compile(r"\b(?:said|says|told)\b", re.I)


def count_missiles(
    group: list[Sentence], warnings: list[str], skip: frozenset[int] = frozenset()
) -> tuple[int | None, dict | None, dict[str, int]]:
    """(count, evidence, {source: count}): the headline source's count, else the first one stated.

    "A missile" in one sentence and "two ballistic missiles", Japan's ministry said, in another:
    the count is South Korea's JCS's when it gave one (``HEADLINE_PRIORITY``), and every source
    keeps its own. Sentences in ``skip`` (about another launch) are not read.
    """
    candidates: list[tuple[int, int, int | None, dict, str]] = []  # (rank, order, number, evidence, source)
    ordered = launch_sentences_first(group)
    last_source = "news"
    sources_before = {}
    named = [(sentence.start, sources_in(sentence)) for sentence in group]
    for sentence, (_, mentions) in zip(group, named, strict=True):
        # "North Korea launched several ballistic missiles ... The South Korean military reported that the
        # missiles were fired ...": a lead no one speaks in is the first named source's word (a headline,
        # with no full stop, is the outlet's)
        lead_by = (
            next((m[0][1] for start, m in named if m and start > sentence.start), None)
            if last_source == "news"
            and not mentions
            and _FULL_STOP.search(sentence.text)
            and not _SPOKEN.search(sentence.text)
            else None
        )
        sources_before[sentence.start] = lead_by or last_source
        if mentions:
            last_source = mentions[-1][1]
    for order, sentence in enumerate(ordered):
        if sentence.start in skip:
            continue
        mentions = sources_in(sentence)
        for match in missile_counts(sentence):
            word = match.group("word").lower()
            evidence = span(match, sentence.start)
            source = (
                min(mentions, key=lambda m: abs(m[0] - match.start()))[1]
                if mentions
                else sources_before[sentence.start]
            )
            rank = _joint_rank(mentions, source)
            if word in ("a", "an") and not mentions:
                # "the first time Pyongyang has fired a missile from an inland area": an article in a sentence
                # no source speaks is a weak count; a number stated anywhere comes first
                rank = _WEAK_COUNT_RANK
            if _SUPERSEDED.match(sentence.text):
                # "Earlier, Yonhap quoted the JCS as saying North Korea fired an unidentified missile": the
                # first word, which a later statement revised
                rank = _SUPERSEDED_COUNT_RANK
            if word in VAGUE_COUNTS:
                candidates.append((rank, order, None, evidence, source))
                break
            number = count_value(word)
            if number == 1 and _AND_ANOTHER.match(sentence.text, match.end()):
                number = 2  # "fired a ballistic missile at 2.35am and another at 2.45am"
            more = _AND_MORE.match(sentence.text, match.end())
            if number and more:
                # "firing three short-range projectiles less than an hour before he arrived and two more a short
                # time later": one salvo told in two parts
                number += count_value(more.group("more")) or 0
            if number and 1 <= number <= 100:
                candidates.append((rank, order, number, evidence, source))
                break
        else:
            bare = _BARE_NUMBER_FIRED.match(sentence.text)
            if bare is not None and sentence.start not in skip:
                # "Eight were fired over 35 minutes from at least four locations": the salvo counted by itself
                source = mentions[-1][1] if mentions else sources_before[sentence.start]
                number = count_value(bare.group("word"))
                candidates.append(
                    (_joint_rank(mentions, source), order, number, span(bare, sentence.start, "word"), source)
                )
                continue
            timed = _PLURAL_FIRED.search(sentence.text)
            # "8:10 a.m. local time (2310 GMT Tuesday)" is one time told twice
            clocks = {t.value for t in find_times(sentence.text) if not t.value[2]} if timed else set()
            if timed is not None and len(clocks) >= 2:
                source = (
                    min(mentions, key=lambda m: abs(m[0] - timed.start()))[1]
                    if mentions
                    else sources_before[sentence.start]
                )
                evidence = span(timed, sentence.start)
                candidates.append((_source_rank(source), order, len(clocks), evidence, source))
    if candidates:
        by_source: dict[str, int] = {}
        for _, _, number, _, source in sorted(candidates, key=lambda c: c[1]):
            if number is not None:
                by_source.setdefault(source, number)
        # the top source's first statement: "several cruise missiles" is not made "two" by a later aside,
        # unless the source itself later revised it ("later reported that multiple ... may have been launched")
        top = min(candidates, key=lambda c: (c[0], c[1]))
        revised = [
            c
            for c in candidates
            if c[4] == top[4]
            and c[1] > top[1]
            and _LATER.search(ordered[c[1]].text[: c[3]["start"] - ordered[c[1]].start])
        ]
        exact = [
            c
            for c in candidates
            if c[4] == top[4] and c[1] > top[1] and c[2] is not None and not by_article(c[3])
        ]
        lead = ordered[top[1]]
        if (
            top[2] is None
            and exact
            and (
                not _FULL_STOP.search(lead.text)
                or not (sources_in(lead) or _SPOKEN.search(lead.text))
                or _ACCORDING_TO.match(ordered[min(exact, key=lambda c: c[1])[1]].text)
                or _told_by_its_source(lead, ordered[min(exact, key=lambda c: c[1])[1]])
            )
        ):
            # "North Korea fires multiple suspected short-range missiles, South Korea says" over "fired what
            # appeared to be about 10", "tested a barrage of short-range ballistic missiles" over the JCS's "Eight
            # were fired": a headline's or an unspoken lead's word gives way to its source's number in the copy
            # ... and a lead's "a barrage of missiles, the JCS said" to "According to the JCS, North Korea launched
            # about 10 projectiles": the source's own account, told in full
            # ... and "a barrage of ballistic missiles ..., according to South Korea's military" to "South Korea's
            # Joint Chiefs of Staff said Thursday it detected around 10": the source's own words after the summary
            revised = [min(exact, key=lambda c: c[1])]
        _, _, number, evidence, _ = revised[-1] if revised else top
        if number == 1:
            salvo = next(
                (
                    c
                    for c in candidates
                    if (c[2] or 0) >= 2 and _ONE_OF_WHICH.match(ordered[c[1]].text, _end_in(c, ordered))
                ),
                None,
            )
            if salvo is not None:
                _, _, number, evidence, _ = salvo
        # "North Korea launched what is believed to be a ballistic missile ... believed to have launched the second
        # ballistic missile ... Both missiles": the first word, which the copy's later one outgrew
        if number == 1:
            second = next(
                ((m, s) for s in group if s.start not in skip and (m := _SECOND_OF_TWO.search(s.text))), None
            )
            if second is not None:
                number, evidence = 2, span(second[0], second[1].start)
        # "Update: The Japanese Coast Guard is reporting a potential second missile launch": one so far, perhaps two
        if number == 1 and any(_MAYBE_A_SECOND.search(s.text) for s in group if s.start not in skip):
            number = None
        if (
            number == 1
            and by_article(evidence)
            and not any(c[2] not in (None, 1) for c in candidates)
            and any(_THE_PLURAL.search(s.text) for s in group if s.start not in skip)
            and not any(_THE_SINGULAR.search(s.text) for s in group if s.start not in skip)
        ):
            # "test-fired a strategic cruise missile ... the missiles hit their targets": an article against
            # a plural of the same launch's weapons is no count
            number = None
        if number is None:
            warnings.append(f"the number of missiles is not given exactly ({evidence['text']!r}); left blank")
        return number, evidence, by_source
    singular = next(
        (
            (m, s)
            for s in group
            for m in _SINGULAR.finditer(s.text)
            if not _kind_of_a_number(s.text, m.start())
        ),
        None,
    )
    if singular and not any(_PLURAL.search(_THOSE.sub("", s.text)) for s in group if s.start not in skip):
        return 1, span(singular[0], singular[1].start), {}
    return None, None, {}


def _told_by_its_source(lead: Sentence, account: Sentence) -> bool:
    """Whether ``lead`` only attributes the launch ("..., according to South Korea's military") and ``account``
    is a source speaking its own words ("South Korea's Joint Chiefs of Staff said Thursday it detected ...")."""
    return bool(_ACCORDING_TO_IN.search(lead.text) and sources_in(account) and _SPOKEN.search(account.text))


# "launched the second ballistic missile", "Both missiles are believed to have landed", "the second missile also
# landed": a salvo of two told one missile at a time ("the second missile launch this year" counts launches)
_SECOND_OF_TWO = re.compile(
    r"\b(?:(?:launched|fired)\s+(?:a|the)\s+second|the\s+second)\s+(?:ballistic\s+)?missile\b"
    r"(?!\s+(?:launch|test|firing|this|in|of|since)\b)|\bboth\s+missiles\b",
    re.I,
)
# "is reporting a potential second missile launch": one so far, perhaps two
_MAYBE_A_SECOND = re.compile(
    r"\b(?:potential|possible|possibly a)\s+second\s+(?:ballistic\s+)?missile\b", re.I
)


def _end_in(candidate: tuple, ordered: list[Sentence]) -> int:
    """Where a count candidate's words end in its own sentence."""
    return candidate[3]["end"] - ordered[candidate[1]].start


def by_article(evidence: dict) -> bool:
    """Whether a count's words open on an article ("a strategic cruise missile"): one by grammar, not by number."""
    return evidence["text"].split()[0].lower() in ("a", "an")


def _joint_rank(mentions: list[tuple[int, str, str]], source: str) -> int:
    """``source``'s rank, one lower when another source is named with it ("according to Seoul
    and Tokyo's militaries"): a joint statement is not the headline source's own."""
    own_rank = _source_rank(source)
    at = [position for position, name, _ in mentions if name == source]
    for position, name, _ in mentions:
        if name != source and any(abs(position - own) <= 25 for own in at):
            # between the two: below the headline source's own word, above the other source's alone
            # ("South Korea and Japan said ... multiple" beats the coast guard's later "at least two")
            return own_rank + 1
    return own_rank


def _in_system_name(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` belongs to a system's name ("Hwasong-18", "Unha 3 rocket")."""
    if _NAME_NUMBER.search(text[max(0, start - 2) : start]):
        return True
    return any(
        m.start() < end and start < m.end() for pattern, *_ in _SYSTEMS for m in pattern.finditer(text)
    )


def missile_counts(sentence: Sentence) -> Iterator[re.Match[str]]:
    """The count phrases of ``sentence`` that count missiles launched: not "a ... missiles", a date's day, a
    system's number, "the first two missiles", "two missile launches" or "50 nuclear weapons"."""
    for match in count_phrases(sentence.text):
        word = match.group("word").lower()
        if word in ("a", "an") and match.group("noun").lower().endswith("s"):
            continue  # "said a day earlier that two ballistic missiles": the article is another noun's
        if match.group("noun").lower() == "weapons" and (match.group("adj") or not sentence.is_launch):
            continue  # "two weapons" fired are a count; "50 nuclear weapons" are an arsenal
        if not _number_word(word) and _QUOTE.search(match.group(0)):
            continue  # "a new “tactical guided projectile”", 'multiple "projectiles"': state media's words quoted
        if word in ("a", "an") and _ORDINAL.match(match.group("adj")):
            continue  # "tested a second missile two hours later": which one, not how many
        if word in ("a", "an") and _SUCH_BEFORE.search(
            sentence.text, max(0, match.start() - 12), match.start()
        ):
            continue  # "While such a missile launch would be in violation": a kind, not a count
        if word in ("a", "an") and _kind_of_a_number(sentence.text, match.start()):
            continue
        if _PART_OF_SALVO.search(sentence.text[max(0, match.start() - 12) : match.start()]):
            continue
        if _THE_SOUTHS_OWN.search(sentence.text[max(0, match.start() - 80) : match.start()]):
            continue  # "the South Korean military said it had fired three air-to-ground missiles in response"
        if _DOZENS.match(match.group("adj")):
            continue  # "nearly two dozen missiles": a round figure; an exact count may follow
        if re.match(r"to" + _NUMBER_IN.pattern, match.group("adj"), re.I):
            continue  # "two to three short-range ballistic missiles": the upper figure, read next
        if word == "one" and _ONE_LANDED.match(sentence.text, match.end()):
            continue  # "one ballistic missile landed near Ulleung": one of the salvo, where it fell
        if word == "one" and _THE_OTHER_AFTER.match(sentence.text, match.end()):
            continue  # "one missile covered 350 km ..., while the other flew 800 km": one of two
        if _NOT_A_COUNT.search(match.group("adj")) or (
            word.isdigit()
            and (
                in_date(sentence.text, match.start("word"))
                # "detected at around 13:50 multiple unidentified ballistic missiles": a clock's minutes
                or _CLOCK_BEFORE.search(sentence.text, max(0, match.start("word") - 2), match.start("word"))
                # "on the morning of 31 launched a rocket": a day of the month before its verb
                or _LAUNCH_VERB_NEXT.match(match.group("adj"))
                or _in_system_name(sentence.text, match.start("word"), match.end("word"))
            )
        ):
            continue
        if word not in VAGUE_COUNTS and _LAUNCHES_AFTER.match(sentence.text, match.end()):
            continue  # "confirmed at least two missile launches": launches, not missiles
        if word in ("a", "an") and _A_LAUNCH_AFTER.match(sentence.text, match.end()):
            continue  # "conducted a missile launch on Thursday, firing two short-range ballistic missiles"
        if word in VAGUE_COUNTS:
            if _NUMBER_IN.search(match.group("adj")):
                continue  # "a barrage of at least 10 short-range ballistic missiles": the number is read next
            if _LAUNCHES_AFTER.match(sentence.text, match.end()) and (
                word in ("a series of", "a number of") or _OVER_WEEKS_AFTER.match(sentence.text, match.end())
            ):
                # "in a series of missile launches", "has conducted several missile launches in recent weeks":
                # launches over months, not this salvo
                continue
        yield match


def _number_word(word: str) -> bool:
    """Whether a count's word is a number ("two", "10"), not an article or a vague word ("a", "multiple")."""
    return word not in ("a", "an") and word not in VAGUE_COUNTS


def count_phrases(text: str) -> Iterator[re.Match[str]]:
    """Every count phrase, overlapping ones too: a dateline's "21 (Jiji Press)--North Korea fired two
    projectiles" spans "two projectiles", which must still be read when the "21 ..." reading is refused."""
    position = 0
    while match := _COUNT_RE.search(text, position):
        yield match
        position = match.start("word") + 1


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
