"""Which launch each part of a report is about: the launch it reports, or an earlier one it recalls.

Wire copy tells the day's launch and, in the same paragraphs, earlier launches for context: "Two
weeks ago a KN-11 was fired from a submarine", "... that follows a submarine-launched ballistic
missile test some two weeks ago", "The previous longest shot occurred on May 14 ... That missile
reached an apogee of 2,111.5 kilometers". Their systems, figures and fates are not this launch's.

Cue lists of "background words" never end; the time a clause names does. Once the launch day is
known, each clause's time phrases are resolved against the publication date and compared with it:

- a clause naming another time ("on May 14", "two weeks ago", "earlier this week" in copy of the
  launch day, "In May 2017", "in 2016", "at the time") is about another launch, and is blanked from
  its start to the next strong stop (dash, semicolon, bracket, ", and ...", or the sentence's end);
- when the sentence's opening clause names another time, the whole sentence is another launch's;
- a sentence that goes on with "It ..." or "That missile ..." after such a sentence is, too.

Blanked, not cut: offsets stay those of the input, so evidence still points at the words read.

>>> import datetime as dt
>>> from geodata.reports.text import split_sentences
>>> group = split_sentences("North Korea fired a missile on Monday. Two weeks ago a KN-11 was fired from a submarine.")
>>> [s.text.strip() for s in about_this_launch(group, dt.date(2016, 9, 5), dt.date(2016, 9, 5))]
['North Korea fired a missile on Monday.', '']
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace

from geodata.reports.dates import find_dates
from geodata.reports.lexicon import NUMBER_WORDS
from geodata.reports.text import A_RESPONSE_BEFORE, Sentence

_MONTHS = tuple(calendar.month_name[1:])  # "January" ... "December"
_AMOUNT = r"(?:(?:some|about|around|nearly|almost|just|only|roughly|more than|less than|over)\s+)?" + (
    r"(?P<n>\d+|an?|"
    + "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True))
    + ")"
)
# A time before the launch, told relative to the copy: "two weeks ago", "three days earlier", "last month"
_RELATIVE_PAST = re.compile(
    _AMOUNT + r"\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier|before)\b|"
    r"\b(?P<last>last|earlier this|earlier last|the previous|the prior)\s+(?P<period>week|month|year)\b|"
    r"\b(?:In|in)\s+(?P<month>" + "|".join(_MONTHS) + r")(?:,?\s+(?P<month_year>(?:19|20)\d\d))?\b(?!\s+\d)|"
    r"\b(?:in|since|of)\s+(?P<year>(?:19|20)\d\d)\b|"
    r"^\W*(?P<at_the_time>At the time)\b(?! of (?:the|this|today)|,? the (?:missile|launch))|"
    # Korean copy's "on the 4th": a day of the launch's month (or the month before)
    r"\bon the (?P<ordinal>[1-3]?\d)(?:st|nd|rd|th)\b",
    re.I,
)
_DAYS_PER = {"day": 1, "week": 7, "month": 30, "year": 365}
# Where a clause starts: a connective that can bring in another launch ("..., including a failed ICBM
# test on May 4", "... that follows a ... test some two weeks ago", "... longer than the ICBM on July 4")
# The connectives that bring in another launch, as opposed to a clause of this one's (", the same one")
_OTHER_LAUNCH_CONNECTIVES = r"after|before|including|follow(?:s|ed|ing)|since|comes?|came|coming"
_CLAUSE_START = re.compile(
    # ("a Hwasong-18 ... ballistic missile (ICBM) on July 12": an acronym in brackets names, it opens no clause)
    r",[\"”’']?\s|\s--\s|\s[—–]\s|;\s|\((?![A-Z]{2,6}\))|(?<!more )(?<!less )(?<!fewer )(?<!rather )(?<!other )\bthan\b|"
    # "a marginal advance over missiles tested by North Korea in March": a comparison, as "than"
    r"\bover\b(?=\s+(?:the\s+)?(?:missiles|rockets|ones|those)\b)|"
    rf"\b(?:{_OTHER_LAUNCH_CONNECTIVES}|when|while|which|that|whereas|as)\b",
    re.I,
)
_BRINGS_IN_ANOTHER = re.compile(rf"\b(?:{_OTHER_LAUNCH_CONNECTIVES}|than)\b", re.I)
# A launch told in a clause: "the firing of a short-range missile", "North Korea fired two missiles", "a
# submarine-launched ballistic missile test"; "shortly after launch" names no missile
_WEAPONS = r"missiles?|rockets?|projectiles?|ICBMs?|SRBMs?|IRBMs?|SLBMs?"
_LAUNCH_TOLD = re.compile(
    r"\b(?:fir(?:ed|ing|es)|launch(?:ed|ing|es)?|test(?:-fired|-launched|ed|s)?)\b[^.;]{0,80}?"
    rf"\b(?:{_WEAPONS}|shells|satellites?)\b|"
    rf"\b(?:{_WEAPONS})\s+(?:launch(?:es)?|tests?|firings?)\b",
    re.I,
)
# "After its launch, the missile traveled about 1,000 km": this flight, from its own launch on
_AFTER_ITS_LAUNCH = re.compile(r"after\s+(?:its|the)\s+(?:launch|lift-?off|take-?off)\s*,", re.I)
_A_REPORT_BEFORE = re.compile(
    r"\b(?:report|dispatch|statement|announcement|broadcast|footage|claims?|comments?|remarks|confirmation)\b[^.;]*$|"
    r"\b(?:said|saying|says|announced)\b[^.;,]{0,20}$",
    re.I,
)
# "The government issued the air raid siren for the eastern island at 8:55 a.m. after the North launched three
# short-range ballistic missiles": an alarm sounds after the launch it answers
_AFTER = re.compile(r"after\b", re.I)
_REPORTED = re.compile(
    r"\b(?:said|says|saying|reported|detected|announced|confirmed|identified|spotted|tracked)\b", re.I
)
_WEAPON = re.compile(rf"\b(?:{_WEAPONS}|launch|test)\b", re.I)
# A clause that dates what the sentence said before it: "... a hypersonic missile that was launched from near
# Pyongyang on January 14", "..., on May 4"; not an aside (", the same one it tested on 24 August")
# ("North Korea test-fired a new type of missile, the Pukguksong-2, nearly a month ago" too)
_DATES_WHAT_CAME_BEFORE = re.compile(
    r"(?:that|which|when)\b|,\s+(?:on|in|at)\b|,\s+" + _AMOUNT + r"\s+(?:day|week|month|year)s?\s+ago\b", re.I
)
# "that they appeared to be similar to those launched last week": a likeness names the other launch to compare
# with; it does not date this one
LIKENESS = r"\bsimilar to|\bsame (?:type|kind|model)(?: as)?|\bjust like"
_LIKENESS_RE = re.compile(LIKENESS, re.I)
# Where a blanked clause ends: a strong stop; "after", "which", "that" inside it go on about the same launch
_CLAUSE_STOP = re.compile(r"\s--\s|\s[—–]\s|;|\)|,\s+(?:and|but|while)\b", re.I)
# A sentence that goes on about the launch the previous sentence recalled: "It was launched at a very
# steep angle", "That missile reached an apogee of 2,111.5 kilometers", "The missile reportedly flew about 900
# kilometers and was believed to be part of the KN-23 series", "The Hwasong-12 missile traveled around more than
# 435 miles for half an hour", "However, South Korea dismissed this claim, labeling it as deceptive to cover up a
# failed launch"
_GOES_ON = re.compile(
    # ("On April 2, Pyongyang last fired a ballistic missile. During that period, KCNA reported a test of ...")
    r"^\W*(?:During|In|At) (?:that|this) (?:period|time)\b|"
    # ("According to Pyongyang, it travelled for 1,000 km": who says so first; "... launched a missile on Dec 18,
    # 2023. Then, it was reportedly the Hwasong-18": when that was)
    r"^\W*(?:According to [^,]{1,60},\s+)?(?:(?:However|But|Yet|Still|Instead|As it turned out|Then|At the time)\b,?\s+)?"
    r"(?:It|That|Those|These|"
    r"The (?:missile|rocket|projectile)s? (?:reportedly|had)\b|"
    # "The May 14 launch was believed to be an IRBM ... The Hwasong-12 missile traveled ...": the system named
    r"The (?-i:[A-Z][\w-]*\d[\w-]*) (?:missile|rocket)s?\b)\b"
    r"(?!\s+(?:is|was)\s+(?:the|its|a|an)\s+\w+\s+(?:launch|test))|"
    # ("... later reported successful hypersonic missile tests following those launches")
    r"^[^.;]{0,120}?\b(?:(?:this|that) (?:claim|test|launch|firing|missile|rocket)|"
    r"(?:those|these) (?:claims|tests|launches|firings|missiles|rockets))\b",
    re.I,
)
# After a sentence wholly about another launch: "North Korea performed a missile test of a Hwasong-8 hypersonic
# rocket last week. According to the state news agency KCNA, the missile flew 1,000 kilometers" (after a trailing
# "... after North Korea launched a missile over northern Japan." the missile that flew is the launch's own)
_GOES_ON_AFTER_A_WHOLE_SENTENCE = re.compile(
    r"^\W*(?:According to [^,]{1,60},\s+)?The (?:missile|rocket|projectile)s? (?:flew|travel+ed)\b", re.I
)
# ", U.S. officials said." closing a clause: who told all of it
_SAID_AT_THE_END = re.compile(r",\s+(?:[\w.'’-]+\s+){1,5}(?:said|says|reported|announced)\b[^,]*$", re.I)
# A date by its calendar day or weekday ("on May 14", "July 4", "on Monday"), not "yesterday"
_NAMED_DAY = re.compile(r"\d|\w+day\b(?<!today)(?<!yesterday)", re.I)
# Two days apart or more: copy crossing time zones names the launch by the day before or after
OTHER_DAY_MIN_DAYS = 2


def about_this_launch(
    group: list[Sentence], day: dt.date | None, published: dt.date | None
) -> list[Sentence]:
    """``group`` with every clause about another launch than the one on ``day`` blanked (see module doc).

    The group's first launch sentence is the launch itself: only clauses after its opening one can be
    blanked in it.
    """
    if day is None:
        return group
    first_launch = next((s for s in group if s.is_launch), None)
    result = []
    recalled = False  # the previous sentence was about another launch
    recalled_whole = False  # ... all of it, not only a clause it ends on
    for sentence in group:
        text = sentence.text
        if recalled and (
            _GOES_ON.match(text) or (recalled_whole and _GOES_ON_AFTER_A_WHOLE_SENTENCE.match(text))
        ):
            result.append(replace(sentence, text=" " * len(text)))
            continue
        recalled = recalled_whole = False
        if sentence.is_caption and _names_another_time(text, day, published):
            # "A photo ... shows the test-firing of a Hwasong-18 ..., April 13.": a file photo, wherever its day
            result.append(replace(sentence, text=" " * len(text)))
            recalled = True
            continue
        starts = [0, *(m.start() for m in _CLAUSE_START.finditer(text) if m.start() > 0)]
        blanked = text
        for index, start in enumerate(starts):
            end = starts[index + 1] if index + 1 < len(starts) else len(text)
            another_time = _names_another_time(text[start:end], day, published)
            if not another_time and not _recalls_a_launch(text, start):
                continue
            # "North Korea tested a hypersonic missile that was launched ... on January 14": a clause that dates
            # the launch the sentence opens with (not one brought in by "since", "after"...) makes it another's
            dates_the_opening = (
                another_time
                and start > 0
                and bool(_DATES_WHAT_CAME_BEFORE.match(text, start))
                and bool(_LAUNCH_TOLD.search(text, 0, starts[1]))
                and not _LIKENESS_RE.search(text, start, end)
            )
            if (start == 0 or dates_the_opening) and sentence is not first_launch:
                blanked, recalled = " " * len(text), True
                recalled_whole = True
                break
            if start == 0:
                continue
            # "The launch comes after the North fired 600-mm super-large shells ... on April 22": the other
            # launch's clause begins at the connective that brought it in, not at the date
            for earlier in reversed(starts[:index] if another_time else []):
                if earlier == 0 or _CLAUSE_STOP.search(text, earlier, start):
                    break
                if _BRINGS_IN_ANOTHER.match(text, earlier):
                    start = earlier
            stop = _CLAUSE_STOP.search(text, end)
            stop_at = stop.start() if stop else len(text)
            if not _LAUNCH_TOLD.search(text, start, stop_at) and not _WEAPON.search(text, start, end):
                # "its most powerful missile since 2017, an intermediate-range ballistic missile launched from
                # Jagang": a time to compare with, no other launch told; only its own clause is blanked
                stop_at = end
            # the sentence ends on the other launch: "It ..." next goes on about it
            recalled = recalled or not text[stop_at:].strip(" .\n\"'”")
            blanked = blanked[:start] + " " * (stop_at - start) + blanked[stop_at:]
        result.append(replace(sentence, text=blanked) if blanked != text else sentence)
    return result


def _recalls_a_launch(text: str, start: int) -> bool:
    """Whether the clause at ``start`` is brought in by "after", "follows"... and tells a missile launch.

    "The launch followed closely after the firing of a short-range missile", "comes after North Korea fired
    two missiles": by the wire's "after" convention the launch so brought in is background, whatever its day.
    """
    connective = _BRINGS_IN_ANOTHER.match(text, start)
    if (
        connective is None
        or connective.group(0).lower() == "than"
        or words_came_after(text, start)
        or _AFTER_ITS_LAUNCH.match(text, start)
    ):
        return False
    stop = _CLAUSE_STOP.search(text, start)
    return bool(_LAUNCH_TOLD.search(text, start, stop.start() if stop else len(text)))


def words_came_after(text: str, start: int) -> bool:
    """Whether the "after" clause at ``start`` tells words about a launch, not another launch.

    "The report on the drill came after North Korea launched ...", "The dispatch came a day after South Korea's
    military said it detected ...": words about the launch, and the alarms it set off, come after the launch itself.
    """
    if _A_REPORT_BEFORE.search(text, max(0, start - 100), start):
        return True
    stop = _CLAUSE_STOP.search(text, start)
    clause = text[start : stop.start() if stop else len(text)]
    reported, told = _REPORTED.search(clause), _LAUNCH_TOLD.search(clause)
    if (
        told is not None
        and _AFTER.match(clause)
        and A_RESPONSE_BEFORE.search(text, max(0, start - 80), start)
    ):
        return True
    # "... after it tested a cruise missile that analysts said could ...": the launch told, then words on it
    # (", U.S. officials said." closing the sentence says who told all of it)
    return reported is not None and (
        told is None or reported.start() < told.start() or bool(_SAID_AT_THE_END.search(clause))
    )


def _names_another_time(clause: str, day: dt.date, published: dt.date | None) -> bool:
    """Whether ``clause`` names a time two days or more away from the launch ``day``."""
    for found in find_dates(clause, published, window=False):
        if found.statement or abs((found.value - day).days) < OTHER_DAY_MIN_DAYS:
            continue
        if found.vague:  # "last week", "earlier this week": a span of days, not one
            if published is None or not _within_week(day, published, found.text):
                return True
        elif _NAMED_DAY.search(found.text):  # "yesterday", "a day earlier" are told from another time
            return True
    for match in _RELATIVE_PAST.finditer(clause):
        if match.group("at_the_time"):
            return True
        if match.group("ordinal"):
            if abs(int(match.group("ordinal")) - day.day) >= OTHER_DAY_MIN_DAYS:
                return True
            continue
        if match.group("year"):
            if int(match.group("year")) != day.year:
                return True
            continue
        if match.group("month"):
            month = _MONTHS.index(match.group("month").capitalize()) + 1
            year = int(match.group("month_year") or day.year)
            if (year, month) != (day.year, day.month):
                return True
            continue
        if published is not None and not _within(day, published, match):
            return True
    return False


def _within_week(day: dt.date, published: dt.date, phrase: str) -> bool:
    """Whether the launch ``day`` lies in the week a vague date ("last week", "this week") names."""
    match = _RELATIVE_PAST.search(phrase)
    if match is not None:  # "last week", "earlier this week"
        return _within(day, published, match)
    return 0 <= (published - day).days <= 7  # "this week"


def _within(day: dt.date, published: dt.date, match: re.Match[str]) -> bool:
    """Whether the launch ``day`` lies in the span a relative phrase of ``_RELATIVE_PAST`` names."""
    age_days = (published - day).days
    if match.group("unit"):
        amount = match.group("n").lower()
        units = int(amount) if amount.isdigit() else NUMBER_WORDS.get(amount, 1)
        span_days = units * _DAYS_PER[match.group("unit").lower()]
        slack_days = max(1, span_days // 3)
        return abs(age_days - span_days) <= slack_days
    period_days = _DAYS_PER[match.group("period").lower()]
    if match.group("last").lower().startswith("earlier this"):
        # copy names a launch of the past few days by its day; "earlier this month/year" is older news
        return 0 < age_days <= period_days if period_days == 7 else 7 < age_days <= period_days
    return period_days // 2 <= age_days <= 2 * period_days
