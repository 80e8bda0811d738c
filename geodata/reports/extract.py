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

import calendar
import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass, field, fields, replace
from typing import Any

from geodata.events import launch_id
from geodata.geo.places import Gazetteer
from geodata.reports.attribution import LIKENESS, about_this_launch, words_came_after
from geodata.reports.dates import DATE_RE, Found, dateline_at, find_dates, find_times, two_days_told, us_zone
from geodata.reports.fields import (
    by_article,
    centre_deg,
    count_missiles,
    count_value,
    figures_by_source,
    heading,
    headline_source,
    missile_counts,
    sources_in,
)
from geodata.reports.lexicon import (
    CLASSES,
    HWASONG,
    MONTH_NAMES,
    SOURCES,
    SYSTEMS,
    UNKNOWN_SYSTEM,
    UNKNOWN_SYSTEM_BY_CLASS,
    compile_table,
    romanized,
)
from geodata.reports.sites import SiteMatch, find_site
from geodata.reports.text import (
    CAME_AFTER,
    EARLIER_IN,
    FIRST_TIME_IN,
    MAX_EVENTS,
    MAX_INPUT_CHARS,
    NEWS_WINDOW_DAYS,
    Sentence,
    check_text,
    first_match,
    group_events,
    launch_sentences_first,
    looks_english,
    mark_tests_as_launches,
    quoted_relative_day,
    recalled_only,
    span,
    split_sentences,
)
from geodata.schema import LAUNCH_COLUMNS, SOURCE_COLUMNS
from geodata.seeds import seeds_dir
from geodata.tracks import impact_fields
from geodata.units import KST, korea_day, launch_time_utc

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
_SOURCE_KINDS = compile_table(SOURCES)

_FAILURE = re.compile(
    # ("The first one flopped almost immediately")
    r"\b(fail(?:ed|ure|s)?|exploded|blew up|explosion|crashed|flopped|broke (?:up|apart)|disintegrat\w+|mid-?air|"
    r"malfunction\w*|"
    # losing a missile on radar is a failure only early in its flight ("disappeared off radar early into its
    # flight"); "disappeared from radar shortly after it was detected" is a tracker losing it
    r"did not reach orbit|disappeared (?:off|from) (?:the )?radar(?=\s+(?:early|soon|shortly after (?:launch|lift-?off)|"
    r"(?:seconds|moments) after))|"
    # "the second was detected by radar but disappeared at an altitude of about 17 kilometers": lost in its climb
    r"disappeared(?:\s+(?:from|off)\s+(?:the\s+)?radar)?(?=\s+at\s+(?:an\s+)?altitude\b))\b",
    re.I,
)
# "after its failed nuclear summit in Hanoi", "the failure of talks": something else failed, not a flight
_OTHER_FAILURE = re.compile(
    # "an ICBM, which crashed into Japanese waters": where it came down, not a failure
    r"\bcrash(?:ed|ing|es)\s+(?:down\s+)?(?:into|in)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:sea|waters|ocean|zone|EEZ)\b|"
    # "initially said the first and third missiles failed in flight. But ... corrected that": a word withdrawn
    r"\binitially\s+(?:said|reported|claimed)\b[^.;]*|"
    # "noting that the country failed to impose a no-fly zone", "Pyongyang's failure to win talks": failing to do
    # something other than fly
    r"\bfail(?:ed|ure|s|ing)?\s+to\s+(?!(?:reach|enter|achieve|fly|launch|lift|ignite|separate|deploy|put|place|send|hit|"
    r"make|get|clear|gain|go|orbit|perform|function|work|land|travel|complete)\b)\w+|"
    r"\bfail(?:ed|ure of)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:summit|talks|negotiations|diplomacy|meeting|deal|policy|sanctions|efforts?|attempts? at (?:talks|dialogue))\b|"
    # "fired the sixth suspected Musudan, the second in the day, after the fifth test-launched had failed": an
    # earlier launch's failure, told as what this one came after
    r"\bafter\s+the\s+(?:first|second|third|fourth|fifth|previous|earlier)\b[^.;]{0,40}?\bhad\s+(?:failed|exploded)\b|"
    # "photos showing an explosion on an island", "exploded above the target": the warhead at its target
    r"\bexplo(?:sions?|ded)\s+(?:on|over|above|at)\s+(?:an?|the|its)\s+(?:[\w-]+\s+)?(?:island|islet|target)\b|"
    # "a new 5,000-ton destroyer suffered a failed launch during a ceremony", "the failed warship launch": a ship's
    # launching
    r"\b(?:destroyer|warship|ship|vessel|frigate)\b[^.;]{0,30}?\bfail(?:ed|ure)\b[^.;]{0,10}?\blaunch\w*|"
    r"\bfailed\s+(?:[\w-]+\s+)?(?:destroyer|warship|ship|vessel|frigate)\s+launch\w*",
    re.I,
)
# "... fired two missiles, but one exploded in midair", "one of two missiles ...; the other exploded": one of a
# salvo failed (both patterns below)
_ONE_OF_SALVO_FAILED = r"\b(?:(?:but|and|while)\s+one|the other)\s+(?:missile\s+)?(?:exploded|failed|blew up|crashed|disintegrated)\b"
# "one of the missiles exploded ... while the second was tracked": part of a salvo, whatever the headline count
_ONE_OF_MANY = re.compile(
    r"\bone of (?:the|them|two|three|which)\b|\bwhile the (?:second|other)\b|\bincluding (?:an?|one)\b|"
    + _ONE_OF_SALVO_FAILED,
    re.I,
)
# "two of the missiles failed in flight and the other blew up": every one failed
_THE_REST_FAILED = re.compile(
    r"\b(?:two|three|four|both|all)\s+(?:of\s+(?:the|them)\s+)?(?:\w+\s+)?(?:failed|exploded|blew up)\b"
    r"[^.;]*\bthe other\b|"
    # "The first and third missiles failed in flight and the second ... blown up": each one named failing
    r"^\W*The first and (?:second|third)\b[^.;]*\band the (?:second|third)\b[^.;]*\b(?:failed|exploded|blown up)",
    re.I,
)
# "One exploded after launch. The other flew...", "The second ... disappeared off radar": part of a salvo
_PART_FAILED = re.compile(
    r"^\W*(?:One|The first|The second|The other|One of (?:the|them)|An? second|Another)\b|\bone of (?:the|them|which)\b|"
    # "fired multiple ballistic missiles, including a possible failed ICBM"
    r"\bincluding (?:an?|one)\b(?:\s+[\w-]+){0,3}?\s+(?:failed|exploded)\b|"
    # "South Korea branded the first launch a failure"
    r"\bthe (?:first|second|third) (?:launch|missile)\b|"
    # "fired two ballistic missiles ... and said the second likely failed soon after launch"
    r"\bthe (?:first|second|third)\s+(?:\w+ly\s+)?(?:failed|exploded|blew up)\b|" + _ONE_OF_SALVO_FAILED,
    re.I,
)
# "the launch ... may have failed", "could have exploded": a failure only supposed
_SUPPOSED = r"\b(?:may|might|could|possibly)\s+(?:well\s+)?(?:have\s+)?(?:\w+\s+)?$"
# ("it's unclear whether it fell short due to failure or was intentionally kept from reaching it")
_SUPPOSED_FAILURE = re.compile(
    _SUPPOSED + r"|\b(?:unclear|not clear|not known)\s+(?:whether|if)\b[^.;]{0,60}$", re.I
)
# ... and "appeared to have successfully separated its first stage": a success only supposed
_SUPPOSED_SUCCESS = re.compile(_SUPPOSED + r"|\bappear\w*\s+to\s+have\s+$", re.I)
# Background cues both patterns below share: "less than two weeks after", "During that earlier test",
# "had fired two ... Nodong missiles ... in 2016", "the third ballistic missile test so far this year"
_BACKGROUND = (
    # ("its first intercontinental ballistic missile in three months after it threatened ...": a first in a while)
    r"(?<!\bin )\w+ (?:weeks?|months?) after|\bthat earlier (?:test|launch|firing)|"
    r"\bhad\s+(?:\w+\s+)?(?:fired|launched|test-fired|tested)\b[^.]*?\b(?:in (?:19|20)\d\d|last year)|"
    r"\blast year\b[^.]*?\bhad\s+(?:\w+\s+)?(?:fired|launched|test-fired|tested)\b|"
    # "North Korea has tested 40 different missiles in the 20 different launch events in 2022": a year's tally
    r"\bhas\s+(?:\w+\s+)?(?:fired|launched|test-fired|tested)\s+(?:more than |over |about )?\d+\s+(?:[\w-]+\s+){0,2}?"
    r"(?:missiles|rockets)\b[^.]*?\b(?:in (?:19|20)\d\d|this year|so far)|"
    # "At the time, North Korea claimed to have launched a Hwasong-17": the earlier launch just named
    r"^\W*At the time\b(?! of (?:the|this|today)|,? the (?:missile|launch))|"
    # "In the past, North Korea has tested ... two intercontinental ballistic missiles"
    r"^\W*In the past\b|"
    # "In February, North Korea launched a new solid-fuel rocket", "fired hypersonic missiles in October, 2025":
    # a launch told by its month is an earlier one ("In early July, Pyongyang claimed to have ... tested Hwasong-14")
    rf"^\W*In (?:(?:early|mid|late)[- ])?(?:{MONTH_NAMES})\b|"
    rf"\bin (?:{MONTH_NAMES}),? (?:19|20)\d\d\b|" + FIRST_TIME_IN + r"|"
    # "At a massive military parade ... the military displayed new ICBMs", "The display included ...": shown,
    # not launched
    r"^\W*(?:The (?:display|parade)\b|At (?:a|the) (?:[\w-]+ ){0,3}parade\b)"
)
# A tally told of this launch: "Tuesday's launch of an Hwasong-12 ... is North Korea's 13th ballistic missile
# launch this year and comes a month after ...", "on 25 July: the country's first missile test since ...".
# From its verb (or colon) to the end of the sentence it counts or recalls other launches; before it, the
# sentence still tells this one (see :func:`_blank_tallies`)
_TALLY = re.compile(
    r"(?:tests?|launch(?:es)?) (?:so far )?this year|"
    # "North Korea has fired 13 projectiles this year"
    r"\b(?:has|have)\s+(?:fired|launched|tested)\s+(?:[\w-]+\s+){1,3}?(?:missiles|projectiles|rockets)\s+"
    r"(?:so far\s+)?this year\b|"
    # "North Korea has so far fired a total of six ballistic missiles over Japan, including Friday's"
    r"\b(?:has|have)\s+(?:so far|to date)\s+(?:fired|launched)\b|"
    # "Pyongyang has already conducted nine missile tests since September 25, including a medium-range ..."
    r"\b(?:has|have)\s+already\s+(?:conducted|carried out|staged)\s+(?:\w+\s+){1,2}(?:tests|launches)\b|"
    # "... on Thursday, militaries in South Korea and Japan said, about a week after a missile reportedly
    # exploded in mid-air over Pyongyang": from the comma on, the other launch
    r"(?P<after>,\s+(?:about |some |just |only |less than |more than |nearly )?(?:a|an|one|two|three|four|five|six|"
    r"seven|\d+|several|a few)\s+(?:days?|weeks?|months?)\s+after\b|"
    # (", days after its failed spy satellite launch drew condemnation": no number, a launch; ", days after U.S.
    # and South Korean warplanes conducted military drills" is no other launch)
    r",\s+(?:days|weeks|months)\s+after\b(?=[^.;]{0,60}?\b(?:launch|fir(?:ed|ing)|test)))|"
    r"(?P<since>\b(?:first|latest|longest|largest|biggest)\b[^.:;]{0,70}\bsince\b)",
    re.I,
)
# A "first ... since October" phrase ends where the sentence goes on about this launch: "... since October
# and was detected by several armed forces in the region"
# (", when it fired..." still tells the earlier launch)
_TALLY_END = re.compile(
    r"\s+and\s+(?:was|were|is|are|has|have|had|drew|drawing)\b|;|,(?!\s*(?:when|which|where|who|after)\b)",
    re.I,
)
_TALLY_START = re.compile(
    r"(?::\s|;|,\s|\s—\s|\b(?:is|was|were|are|marks?|marked|marking|would be|will be|becomes?|became|brings?|"
    r"bringing|brought|makes?|made|making)\b)",
    re.I,
)
_BACKGROUND_RE = re.compile(r"\b(?:" + _BACKGROUND + r")\b", re.I)
# "those launches were actually cover for ICBM tests": launches told before, not this one
_THOSE_LAUNCHES = r"those (?:[\w-]+\s+)?(?:launches|tests)"
# Sentences about other launches: their system, figures and fate are not this event's
_CONTEXT = re.compile(
    r"\b(?:"
    + _BACKGROUND
    + r"|\w+ days? after|(?:first|latest|launch(?:es)?|test)\b[^.]{0,40}\bsince\b|last (?:launched|fired|tested|test-fired|time|known)|"
    # ("test-fired hypersonic missiles the previous day" is this launch's day)
    # ("flew ... at a greater altitude than in previous tests" measures this flight against them)
    r"(?<!than )(?<!than in )(?<!than its )\bprevious(?:ly)?\b(?!\s+(?:day|night|evening)\b)|earlier last (?:month|year|week)|last (?:week|month|year)|in (?:19|20)\d\d\b|"
    + CAME_AFTER
    + r"|"
    # "follows a series of tests" is background; "it followed a steep trajectory" and "a follow-up notice" are this
    # flight's
    # ("This announcement follows South Korea's report of two ballistic missile launches" is this launch's)
    r"(?<!announcement )(?<!report )(?<!statement )(?<!claim )"
    r"(?:follows?|followed)(?!-up)(?!\s+(?:(?:an?|the|its|their)\s+)?(?:[\w-]+\s+)?(?:trajector(?:y|ies)|paths?|courses?|arcs?))|"
    r"the previous round|" + _THOSE_LAUNCHES + r"|" + EARLIER_IN + r"|said earlier in|^\W*The following day|"
    # "launch becomes 13th of the year, including one presumed to have failed": the year's tally
    r"\d+(?:st|nd|rd|th)\s+(?:[\w-]+\s+)?(?:of\s+the|this)\s+year|"
    r"(?:during|in|over) the (?:past|last|previous) (?:\w+ )?(?:rounds?|launches|tests|weeks|months))\b",
    re.I,
)
# The part of _CONTEXT that also keeps a sentence's system names off this event ("63 days after the North
# test-fired a Hwasong-18"); "a version of the Unha-3 that put a satellite in orbit in 2012" still names it.
_CONTEXT_SYSTEM = re.compile(
    r"\b(?:"
    + _BACKGROUND
    + r"|\w+ days? after|since|last (?:launched|fired|tested|test-fired|time|known|week)|previous(?:ly)?(?!\s+(?:day|night|evening)\b)|"
    + _THOSE_LAUNCHES
    + r"|"
    + r"(?:said )?"
    + EARLIER_IN
    + r"|(?:during|in|over) the (?:past|last|previous) (?:\w+ )?"
    r"(?:rounds?|launches|tests|weeks|months))\b",
    re.I,
)
# "just hours after launching another short-range missile": the rest of the clause is the other launch
_OTHER_LAUNCH_CLAUSE = re.compile(
    r"\b(?:hours?|days?|a day)\s+after\s+(?:launching|firing|test-firing)\s+(?:another|an earlier)\b[^.;]*|"
    # "from where North Korea has launched what it claims to be hypersonic missiles in recent months"
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:fired|launched|test-fired|tested)\b[^.;]*?\bin recent (?:weeks|months|years)\b"
    # "the launch likely followed a March test of a solid-fuel engine for a new medium-range hypersonic missile"
    r"|\b(?:follows?|followed|following)\s+(?:an?|the|its|last)\s+(?:[\w-]+\s+){0,3}?(?:tests?|launch(?:es)?|firings?)"
    r"\s+of\b[^.;]*"
    # "The airfield has been the site of several recent launches, including two of what ... were tests of a new ICBM"
    r"|\b(?:has|have)\s+been\s+the\s+sites?\s+of\s+(?:\w+\s+){0,2}?(?:launches|tests|firings)\b[^.;]*"
    # "The details were similar to North Korea's November test flight of the Hwasong-17 intercontinental ballistic
    # missile": the launch this one is likened to
    r"|\b(?:similar\s+to|resembl(?:ed|es|ing))\s+(?:North Korea'?s?\s+|the\s+|its\s+)?"
    rf"(?:{MONTH_NAMES}|last|previous|earlier)\b[^.;]*"
    # "After the first launch in early January, the North said it had tested a hypersonic missile"
    rf"|\bafter\s+the\s+(?:first|last|previous)\s+launch\s+in\s+(?:early\s+|mid-?|late\s+)?(?:{MONTH_NAMES})\b[^.;]*"
    # "launched from Wonsan on the eastern coast, the location from which Pyongyang launched a series of short-range
    # missiles" ("the site from which the missiles were launched" is this launch's)
    r"|\bthe\s+(?:location|site|place|area|spot)\s+(?:from\s+which|where)\s+(?:[\w-]+\s+){1,3}?"
    r"(?:(?:has|have|had)\s+)?(?:fired|launched|test-fired|tested)\s+(?:a\s+series\s+of|several|numerous|dozens\s+of|"
    r"many|a\s+number\s+of)\b[^.;]*"
    # "The provocation ... came about five months after North Korea fired multiple SRBMs, believed to be ..."
    # ("came after the North separately fired two cruise missiles" tells a launch of its own)
    r"|\b(?:comes?|came|coming)\s+(?:\w+\s+){0,3}after\s+(?:(?!separately)\w+\s+){0,3}"
    r"(?:fired|launched|test-fired|tested)\b[^.;]*"
    # "The development comes after the U.S. and South Korean governments said North Korea tested a short-range weapons
    # system last weekend" ("The report came a day after South Korea's military said that the North fired two
    # projectiles" is state media's word on this launch)
    r"|(?<!report )(?<!dispatch )(?<!statement )(?<!announcement )\b(?:comes?|came|coming)\s+(?:\w+\s+){0,3}after\s+"
    r"(?:[\w.'’-]+\s+){1,6}?(?:said|says|reported)\s+(?:that\s+)?(?:\w+\s+){0,3}"
    r"(?:fired|launched|test-fired|tested)\b[^.;]*",
    re.I,
)
_SYSTEM_NAME = r"(?:KN-?\d+|" + HWASONG + r"[- ]?\d+\w*|" + romanized("Pukguksong") + r"-?\d)"
# "attaches a hypersonic payload to a KN-23 booster", "combining a hypersonic payload with the KN-23 missile
# platform": a system's part, not the missile launched; "based on the
# ground-launched KN-23", "KN-23-based": its kin, not the missile launched either ("appear to be a variant of the
# KN-23" and "resembled the KN-23" are the KN-23, as the corpus has it)
_A_PART = re.compile(
    r"\b"
    + _SYSTEM_NAME
    + r"\s+(?:missile\s+)?(?:booster|engine|motor|(?:first |second )?stage|airframe|warhead|body|platform)\b|"
    r"\b(?:based on|derived from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    + _SYSTEM_NAME
    + r"|\b"
    + _SYSTEM_NAME
    + r"-based\b|"
    # an apposition to another name: "the Hwasong-11Ma, a hypersonic variant of the KN-23", "a KN-23 variant"
    r",\s+an?\s+(?:[\w-]+\s+){0,2}?(?:variant|version|derivative)\s+of\s+(?:the\s+)?"
    + _SYSTEM_NAME
    + r"|,\s+an?\s+"
    + _SYSTEM_NAME
    + r"\s+(?:variant|derivative)\b|"
    # an analyst's kin: "could be an improved version of the KN-23", "an upgraded version of its KN-23", "a
    # modification of a short range ballistic missile designated as KN-23" (a plain "variant of the KN-23" is it)
    r"\b(?:improved|upgraded|advanced|modified|enhanced)\s+(?:version|variant)\s+of\s+(?:the\s+|its\s+|their\s+)?"
    + _SYSTEM_NAME
    + r"|\bmodification\s+of\s+(?:[\w-]+\s+){0,7}?"
    + _SYSTEM_NAME
    # a base and what it keeps: "a missile base at Sino-ri that houses the Nodong medium-range ballistic missile"
    + r"|\b(?:houses|housing)\s+(?:the|its|North Korea'?s?)\b[^.;]*",
    re.I,
)
# "believed to be short- or medium-range", "short- to intermediate-range", "medium or intermediate": a span of
# classes, none of them
_CLASS_SPAN = r"\b(?:short|medium|mid|intermediate)(?:[- ]range)?-?\s+(?:or|to)\s+(?:medium|intermediate|long)(?:[- ]range)?\b"
# "the missile was not an intercontinental ballistic missile (ICBM)", "it's unlikely they were long-range
# intercontinental missiles": a class denied ("there was no confirmation that it was an intercontinental ballistic
# missile": a class not found)
_NOT_A_CLASS = re.compile(
    r"(?:\b(?:not|never|n't)|\b(?:unlikely|no (?:confirmation|evidence|indication))\s+(?:that\s+)?(?:\w+\s+){1,2}?"
    r"(?:were|was|is|are))\s+(?:be\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:intercontinental|ICBMs?|intermediate|"
    r"IRBMs?|medium|MRBMs?|short|SRBMs?|submarine|SLBMs?|hypersonic|cruise)\b[\w -]*(?:\(\w+\))?|"
    # "in anticipation of a possible intercontinental ballistic missile test", "as South and U.S. watch for ICBM
    # test", "amid fears of an ICBM launch": a test awaited, not the one told
    r"\b(?:in anticipation of|watch(?:es|ing)? for|amid (?:fears|concerns|speculation|warnings) (?:of|that|about)|"
    r"preparations? for)\s+"
    r"(?:an?\s+|the\s+)?(?:possible\s+|new\s+|upcoming\s+|imminent\s+)?(?:intercontinental|ICBMs?)\b[\w -]*|"
    # "the JCS was analyzing whether the projectile might be a Musudan-type missile": a question, not a finding
    r"\b(?:analy[sz]ing|examining|checking|determining)\s+whether\s+(?:[\w-]+\s+){1,3}?(?:might|may|could)\s+be\s+"
    r"(?:an?\s+|the\s+)?[\w -]*|" + _CLASS_SPAN,
    re.I,
)
_SPANS_CLASSES = re.compile(_CLASS_SPAN, re.I)
# "a test for the development of reconnaissance satellite", "part of developing a reconnaissance satellite", "a
# prelude to spy satellite": a test of a satellite's parts, not a satellite put into orbit
_SATELLITE_DEVELOPMENT = re.compile(
    r"\b(?:develop(?:ing|ment of)|prelude to)\s+(?:an?\s+|the\s+)?(?:military\s+)?(?:reconnaissance|spy)\s+"
    r"satellites?\b",
    re.I,
)
# The South's own test, not the North's: "the South tested its own submarine-launched missile"
# ("South Korea said it was suspected to be a submarine-launched ballistic missile" is the North's)
_SOUTH_OWN = re.compile(
    # ("South Korea successfully tested a submarine-launched ballistic missile on the same day")
    r"\bits own\b|\b(?:South|Seoul)(?:\s+Korea'?s?)?\s+(?:had\s+|has\s+)?(?:\w+ly\s+)?"
    r"(?:tested|test-fired|launched|fired|conducted)\b",
    re.I,
)
_HEDGED_LAUNCH = re.compile(
    r"\b(?:suspected|possible|apparent|may|might|appear\w*|could|believed|presumed|what (?:appeared|appears|could be)|"
    # "The test, if confirmed, follows a test-launch in May"
    r"if confirmed)\b",
    re.I,
)
# Outside observers of a launch that only state media name ("which Japanese, U.S. and South Korean
# authorities have detected", a landing in Japan's EEZ that Tokyo reports)
_OBSERVED = re.compile(
    r"authorities (?:have )?detected|detected by|"
    r"\b(?:inside|within|outside) (?:Japan'?s?|the country'?s) (?:exclusive economic zone|EEZ)|"
    # "South Korean radar detected the launch", "The Ministry of Defense of Russia ... stated that this rocket
    # passed 500km from the country's border", "launched more than 10 suspected short-range ballistic missiles"
    # (North Korea never calls its own missiles suspected)
    # "two hours after foreign governments reported the launch", "South Korean reports indicated"
    r"\bforeign (?:governments|militaries) (?:reported|detected)|\bSouth Korean reports\b|"
    r"\bradars?\s+(?:\w+\s+)?detected|\bMinistry of Defen[cs]e of\b|\b(?:Russia|China)'?s? (?:defen[cs]e ministry|military)|"
    r"\b(?:launched|fired)\s+(?:[\w-]+\s+){0,3}?suspected\s+(?:[\w-]+\s+){0,3}?(?:missiles?|projectiles?)|"
    # "CNN reports quoting South Korean authorities", "a statement from the South Korean Foreign Ministry", three
    # governments that "strongly condemned" the launch
    r"\bquoting South Korean (?:authorities|officials)\b|\bSouth Korean (?:Foreign Ministry|government)\b|"
    # ("a statement strongly condemning North Korea's latest launch")
    r"\bcondemn(?:ed|ing|s) (?:the|(?:North Korea|Pyongyang)'?s?) (?:latest |recent )?(?:launch|test)\b|"
    # "the test was confirmed by both South Korea and the United States", "Pyongyang's neighbours, South Korea and
    # Japan, detected the launch", "prompted evacuation warnings for ... Hokkaido"
    r"\b(?:confirmed|detected|tracked|condemned) by (?:both )?(?:South Korea|Japan|the U\.?S\.?\b|the United States)|"
    r"\b(?:South Korea|Japan),? (?:also )?detected\b|"
    # "South Korea and Japan recorded an eastward launch", "Japan and South Korea both reported the launch"
    r"\b(?:South Korea|Japan) and (?:South Korea|Japan) (?:both )?(?:recorded|reported|tracked) (?:the|an?) "
    r"(?:[\w-]+ ){0,2}launch\b|\bevacuation (?:warnings?|alerts?|orders?)\b|\bJ-Alert\b|"
    # "according to authorities in Japan and South Korea", "South Korean assessments identified the missiles",
    # "confirming prior reports from South Korea"
    r"\b(?:authorities|officials) in (?:Japan|South Korea)\b|\breports from (?:South Korea|Japan|Seoul|Tokyo|neighbou?ring countries)\b|"
    r"\b(?:South Korean|Japanese) (?:and (?:U\.?S\.?|American|Japanese|South Korean) )?"
    r"(?:assessments?|militar(?:y|ies)|authorities)\b|"
    r"\bSouth Korea'?s? military said\b|"
    # "Japan and South Korean governments said North Korea fired two ballistic missiles"
    r"\b(?:Japan(?:ese)?|South Korean?) and (?:Japan(?:ese)?|South Korean?) governments said\b|"
    # "confirmed through its detection by the US Space Command", "expressed 'strong regret over the launch'", the US
    # Defense Secretary on how high the ICBM flew
    r"\bdetection by\b|\bregret over the (?:launch|test)\b|\bDefen[cs]e Secretary\b|"
    # "The numbers are similar to data reported by Japan and South Korea": the neighbours' own tracking
    r"\b(?:data|figures|numbers) (?:reported|released|given|announced) by (?:Japan|South Korea|Seoul|Tokyo)\b|"
    # "Its report apparently referred to the short-range ballistic missiles fired Wednesday", "the announcement
    # likely referred to the firing of three rockets": the claim matched to a launch seen from outside
    r"\b(?:report|announcement|statement|claim)s?\s+(?:\w+ly\s+)?referred\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:firing|launch(?:es)?|missiles?|rockets?|projectiles?)\b",
    re.I,
)
# North Korea's own voice, unnamed: "the DPRK Academy of Defense Science reports", "media sources in the DPRK",
# "under the direct guidance of Kim Jong Un"
_NORTH_KOREAN_VOICE = re.compile(
    r"\bAcademy of Defen[cs]e Science\b|\bmedia (?:sources )?in the DPRK\b|"
    # "North Korea announced that it had successfully launched", "North Korean state-owned media has published"
    r"\bNorth Korea (?:announced|claimed|claims)\b|\bNorth Korea'?s state (?:news agency|media)\b|"
    r"\bNorth Korean state(?:-run|-owned)? media\b|"
    r"\bunder the (?:direct |on-the-spot )?guidance of (?:Kim Jong[ -]?Un|the (?:Supreme|supreme) (?:Leader|leader))\b",
    re.I,
)
# "air drills with Seoul", "prompted by US-South Korean military exercises": Seoul as a party to drills, not as a
# witness of the launch
_A_PARTY_TO = re.compile(r"\b(?:with|against)\s+$", re.I)
_AN_ALLYS_DRILLS = re.compile(r"(?:[\w'-]+\s+){1,3}?(?:exercises|drills|war games)\b", re.I)
# "It was not immediately clear if Wednesday's cruise missiles were detected by Japan": no one observed it
_NOT_CLEAR = re.compile(
    r"\b(?:not (?:immediately )?clear|unclear|unknown|not known)\s+(?:if|whether)\b[^.;]*$", re.I
)
# An item about artillery fire: "fired about 100 shells", "artillery rounds"; the missile launches it names
# ("Three days earlier, North Korea fired two short-range ballistic missiles", "has already launched six Scud
# missiles since the exercises began") are background: each was its own report, and is stored already
_ARTILLERY_FIRE = re.compile(
    r"\b(?:fired|fires|firing|launched)\b[^.]{0,80}?\b(?:artillery|shells|rounds)\b|"
    r"\bartillery\b[^.]{0,40}?\b(?:fire|firing|fired|shells|rounds|pieces)\b",
    re.I,
)
# Rocket artillery: "around 10 multiple launch rockets", "its 240mm multiple rocket launcher", "10 artillery rocket
# shells". Its fire is no missile launch (the corpus has no event for it, w562, w1180-w1182); the super-large
# (600 mm), large-calibre and 300 mm guided rockets are ballistic, and named as such
_ROCKET_ARTILLERY = re.compile(
    r"\b(?:240|122|107)[- ]?(?:mm|millimet(?:er|re))\b|\bmultiple[- ]launch\s+rockets?\b|"
    r"\bmultiple[- ]rocket[- ]launch(?:ers?|ing)\b|\bartillery\s+rockets?\b|\brocket\s+artillery\b",
    re.I,
)
_A_MISSILE = re.compile(
    # ("two short-range projectiles ... its new multiple rocket launchers", "nuclear-capable, multiple rocket
    # launchers": the launchers of the ballistic kind)
    r"\b(?:missiles?|ballistic|cruise|short-range|nuclear(?:-capable)?|super-?large|large-?calib(?:er|re)|(?:600|300)[- ]?(?:mm|millimet\w+)|"
    r"KN-?\d+|SRBMs?|ICBMs?|IRBMs?|satellite)\b|" + HWASONG,
    re.I,
)
_EARLIER_LAUNCH = re.compile(
    rf"\b(?:already|earlier|previously|since|last (?:week|month|{MONTH_NAMES})|in recent (?:days|weeks|months)|"
    # ("has tested 15 missiles in the past two weeks")
    r"in the (?:past|last) (?:\w+ )?(?:days|weeks|months)|"
    r"\w+ days? (?:earlier|before|ago)|a week ago|"
    # "just a day after firing two ballistic missiles", "fired after detecting dozens of projectiles"
    r"a day after|after (?:firing|launching|test-firing|detecting))\b",
    re.I,
)
_CAME_AFTER = re.compile(CAME_AFTER, re.I)
_TELLS_LAUNCH = re.compile(
    r"\b(?:launch\w*|fir(?:ed|ing)|test(?:ed|ing|-fired|-launched)?|attempt\w*)\b", re.I
)
_ABOUT_FLIGHT = re.compile(r"\b(missiles?|rockets?|projectiles?|launch\w*|it|flight|satellite)\b", re.I)
_INTO_SEA = re.compile(r"\binto (?:the )?(?:sea|waters)\b", re.I)
# Sites east of this longitude (Wonsan 127.5, Sinpo 128.2, Hamhung 127.5) sit on the east coast.
EAST_COAST_MIN_LON = 127.3
_HYPERSONIC = re.compile(r"\bhypersonic\b", re.I)
_KOREA_OR_JAPAN = re.compile(r"KST|JST|local time|Korea time|Seoul|Tokyo|Korea|Japan")
_SUCCESS = re.compile(
    r"\bsuccessful(?:ly)?\b|\b(?:described|hailed|called)\s+(?:(?:the|its|it)\s+)?(?:\w+\s+)?(?:as\s+)?an?\s+success\b|"
    # "noted perfect results of Friday's test launch", "the perfect performance of the tactical rocket"
    r"\bperfect\s+(?:results?|performance)\b|"
    # "all the technical specifications met the design requirements", "met all of the missile's technical
    # requirements"
    r"\bmet\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?(?:[\w'’]+\s+)?(?:design|technical)\s+requirements\b|"
    # "defense scientists have confirmed the navigational control and stability of the missile", "verified
    # technical specifications"
    r"\bconfirmed\s+(?:the\s+|its\s+)?navigational\s+(?:control|stability)\b|"
    # ("verified the combat effectiveness of the overall system")
    r"\bverified\s+(?:the\s+|its\s+)?(?:[\w-]+\s+)?(?:(?:technical\s+)?specifications|effectiveness)\b|"
    # "'correctly carried out (their) nuclear strike mission'"
    r"\bcorrectly\s+carried\s+out\b|"
    # state media's success in other words: "flew ... before hitting their targets", "precisely struck the set
    # target"
    r"(?P<hit>\b(?:hit|hitting|struck|striking)\s+(?:(?:the|their|its|an?|set|pre-?set|designated|intended|"
    r"planned|island|sea|target)\s+){0,3}targets?\b)",
    re.I,
)
# ... but not a missile's reach: "could fly 1,500 km before hitting the target", "capable of striking targets"
_REACH = re.compile(r"\b(?:could|can|would|capable|able to|designed to)\b[^.;]*$", re.I)
_SUSPECTED = re.compile(
    r"\b(suspected (?:ballistic )?(?:missile )?launch|possible (?:missile )?launch|apparent (?:missile )?launch|"
    r"(?:may|might) have (?:launched|fired)|appear(?:s|ed)? to have (?:launched|fired)|"
    # "South Korea's Defence Ministry declined to confirm the report"
    r"declined to confirm)\b",
    re.I,
)
_NO_HARM = re.compile(
    r"\bno (?:immediate )?(?:reports? of |reported )?(?:injur\w+|damage)(?: or (?:injur\w+|damage))?", re.I
)


Evidence = dict[str, Any]  # {"text", "start", "end"}: where in the input a value was read


@dataclass
class Extraction:
    """Draft events (schema field names plus ``sources`` and ``evidence``) and warnings."""

    events: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"events": self.events, "warnings": self.warnings}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


@dataclass
class Draft:
    """One event while the drafting steps read it: each step fills its fields, evidence and warnings."""

    launched_at: str | None = None
    launched_at_precision: str | None = None
    site_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    province: str | None = None
    system: str | None = None
    system_class: str = "unknown"
    count: int | None = None
    distance_km: float | None = None
    apogee_km: float | None = None
    flight_time_s: float | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    outcome: str = "unknown"
    landing_area: str | None = None
    bearing_deg: float | None = None
    bearing_range_deg: list[float] | None = None
    impact_lat: float | None = None
    impact_lon: float | None = None
    impact_basis: str = "none"
    confirmation: str = "confirmed"
    report_status: str = "preliminary"  # a first report; an editor or a later copy confirms or revises it
    notes: str | None = None
    evidence: dict[str, Evidence] = field(default_factory=dict)
    # other values of the day, class and count the report's launch sentences give (see other_readings)
    other_readings: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # starts of the group's sentences about other launches (background): read for dates only
    context: frozenset[int] = frozenset()
    counts_by_source: dict[str, int] = field(default_factory=dict)

    @property
    def id(self) -> str | None:
        if self.launched_at and self.launched_at_precision and self.site_id:
            return launch_id(self.launched_at, self.launched_at_precision, self.site_id)
        return None

    def to_event(self) -> dict[str, Any]:
        """The draft as the event dict pages, the CLI and :func:`launch_row` read."""
        event: dict[str, Any] = {"id": self.id}
        event.update(
            (f.name, getattr(self, f.name))
            for f in fields(self)
            if f.name not in ("warnings", "context", "counts_by_source")
        )
        if self.province is None:
            del event["province"]
        return event


def event_day(event: dict[str, Any]) -> str | None:
    """The Korea day (ISO) of a drafted event's launch; ``None`` when the draft has no time."""
    at = event.get("launched_at")
    return korea_day(at, event.get("launched_at_precision") or "day") if at else None


def drafted_readings(event: dict[str, Any]) -> dict[str, Any]:
    """What a drafted event says for each field that can have other readings (see :func:`other_readings`)."""
    return {
        "launched_at": event_day(event),
        "site_id": event.get("site_id"),
        "system_class": event.get("system_class"),
        "count": event.get("count"),
    }


def default_gazetteer() -> Gazetteer:
    """The gazetteer of the bundled seeds (raises :class:`~geodata.errors.MissingSeeds` without them)."""
    return Gazetteer.from_seeds(seeds_dir())


_PLAIN_PUNCTUATION = str.maketrans({"’": "'", "\u2010": "-", "\u2011": "-"})


def extract_events(
    text: str | bytes, published: dt.date | None = None, gazetteer: Gazetteer | None = None
) -> Extraction:
    """Draft launch events from English report ``text`` published on ``published`` (Korea date).

    Raises :class:`geodata.errors.InvalidFile` for empty, binary or oversized input; text
    that is not English gives no events and a warning.
    """
    # "Japan’s defense minister", "Short‑Range": a typeset apostrophe or hyphen is the plain one (one character for
    # one, so evidence offsets hold)
    report = check_text(text)
    text = report.translate(_PLAIN_PUNCTUATION)
    if isinstance(published, dt.datetime):
        published = published.date()
    if not looks_english(text):
        return Extraction(
            [], ["the text does not look like English; the extractor reads English reports only"]
        )
    if gazetteer is None:
        gazetteer = default_gazetteer()
    warnings: list[str] = []
    sentences = split_sentences(text)
    groups = _news_groups(sentences, group_events(sentences, published), published)
    if not groups and mark_tests_as_launches(sentences):
        groups = _news_groups(sentences, group_events(sentences, published), published)
    if groups and recalled_only(sentences, published):
        return Extraction(
            [],
            [
                "every launch the report names is dated only by another month than the report's "
                "(background, reported on their own days)"
            ],
        )
    if groups is None:
        return Extraction(
            [],
            [
                "the report is about artillery fire; the missile launches it names happened earlier "
                "(background, reported on their own days)"
            ],
        )
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
    events: list[dict[str, Any]] = []
    first_day: str | None = None
    previous: Draft | None = None
    for number, group in enumerate(groups, start=1):
        draft = _draft(group, text, published, gazetteer, first_day)
        first_day = first_day or event_day(vars(draft))
        if previous is not None and previous.site_id and draft.site_id is None:
            _same_place(draft, group, previous)
        previous = draft
        prefix = f"event {number}: " if len(groups) > 1 else ""
        elsewhere = [s for other in groups if other is not group for s in other if s.is_launch]
        parts = [
            part for day in _one_per_day(draft, group, published, elsewhere) for part in _by_kind(day, group)
        ]
        if len({part.system_class for part in parts}) > 1:
            # split here already: no word to the editor to split it
            draft.warnings = [w for w in draft.warnings if not w.startswith(_MIXED_SALVO)]
            draft.warnings.append(
                f"a salvo of {' and '.join(part.system_class for part in parts)} missiles told together: "
                "drafted an event per kind"
            )
        warnings.extend(prefix + w for w in draft.warnings)
        for one_day in parts:
            event = one_day.to_event()
            # the evidence in the report's own characters
            quotes = [
                *event["evidence"].values(),
                *(r for rs in event["other_readings"].values() for r in rs),
            ]
            for quote in quotes:
                quote["text"] = report[quote["start"] : quote["end"]]
            events.append(event)
    return Extraction(events, warnings)


# "It also fired 16 short-range rockets on two rounds in the same area": the place of the launch told before it
# ("the same area where ...", "the same location as ..." name the place by another launch)
_SAME_PLACE = re.compile(
    r"\b(?:in|from|at)\s+the\s+same\s+(?:area|site|place|location)\b(?!\s+(?:as|where|from|that|which)\b)",
    re.I,
)


def _same_place(draft: Draft, group: list[Sentence], previous: Draft) -> None:
    """The place of the ``previous`` event for a launch told as fired from the same area (see ``_SAME_PLACE``)."""
    told = next(
        (span(m, s.start) for s in group if s.is_launch for m in [_SAME_PLACE.search(s.text)] if m), None
    )
    if told is None:
        return
    draft.site_id, draft.lat, draft.lon, draft.province = (
        previous.site_id,
        previous.lat,
        previous.lon,
        previous.province,
    )
    draft.evidence["site_id"] = told
    draft.warnings = [w for w in draft.warnings if w != "no launch site found in the text"]
    _impact(draft)


def _one_per_day(
    draft: Draft, group: list[Sentence], published: dt.date | None, elsewhere: list[Sentence]
) -> list[Draft]:
    """``draft``, or one draft per day when its launch is told as tests on two days ("the test launches, which
    took place on both Saturday and Sunday", "test-fired the missiles on September 11 and 12"), unless a launch
    sentence of another group (``elsewhere``) tells one of those days' own ("It also fired 16 ... on Sunday")."""
    day = event_day(vars(draft))
    for sentence in group:
        if not (sentence.is_launch or _TELLS_LAUNCH.search(sentence.text)):
            continue
        days = two_days_told(sentence.text, published) or ()
        told = {d.isoformat() for d in days}
        if day in told and not any(_days_named(s.text, published) & told for s in elsewhere):
            # each day has its own draft: neither is another reading of the other's
            readings = {
                field: kept
                for field, values in draft.other_readings.items()
                if (kept := [r for r in values if field != "launched_at" or r["value"] not in told])
            }
            # "tested a new long-range cruise missile on Saturday and Sunday": the article names the type tested
            # on both days, not how many flew on each
            # ... nor does "fired 46 short-range rockets ... between Mar. 22 and 23": both days' together
            counted = draft.evidence.get("count")
            no_days_count = counted is not None and (
                (draft.count == 1 and by_article(counted)) or _holds(sentence, counted)
            )
            return [
                replace(
                    draft,
                    launched_at=launch_time_utc(d, None)[0],
                    launched_at_precision="day",
                    other_readings=readings,
                    count=None if no_days_count else draft.count,
                    evidence={
                        k: v for k, v in draft.evidence.items() if not (no_days_count and k == "count")
                    },
                )
                for d in days
            ]
    return [draft]


# "tests included an intercontinental ballistic missile and two short-range weapons", "two short-range Scud missiles
# and one Rodong intermediate-range missile": one salvo of two kinds, told together. A long-range missile is no kind
# of its own here ("a long-range ballistic missile and ICBM" is one missile).
_KIND_WORD = "|".join(f"(?:{row[0]})" for row in (*SYSTEMS, *CLASSES)) + r"|short[- ]range"
_QUANTITY = r"an?|one|single|two|three|four|five|six|seven|eight|\d{1,2}"
_TWO_KINDS = re.compile(
    rf"\b(?P<first>(?P<count_a>{_QUANTITY})\s+(?:[\w()-]+\s+){{0,3}}?(?:{_KIND_WORD}))[\w\s-]{{0,30}}?\s"
    rf"(?:and|as well as|plus)\s+(?P<second>(?:(?P<count_b>{_QUANTITY})\s+)?(?:[\w()-]+\s+){{0,3}}?(?:{_KIND_WORD}))",
    re.I,
)


def _kind_of(words: str) -> tuple[str | None, str]:
    """(system or None, class) that ``words`` name: a named system decides its class."""
    system = next((row for row in _SYSTEMS if row[0].search(words)), None)
    if system:
        return system[1], system[2]
    return None, next((row[1] for row in _CLASSES if row[0].search(words)), "SRBM")


def _by_kind(draft: Draft, group: list[Sentence]) -> list[Draft]:
    """``draft``, or one draft per kind when its salvo is told as two kinds of missile together ("launched an ICBM
    and two short-range missiles"): an event is a salvo of one kind (seeds/README.md)."""
    for sentence in group:
        if sentence.start in draft.context or sentence.is_caption:
            continue
        for told in _TWO_KINDS.finditer(sentence.text):
            kinds = _kind_of(told["first"]), _kind_of(told["second"])
            classes = {kinds[0][1], kinds[1][1]}
            one_family = any(classes <= family for family in _FAMILIES)
            if one_family or draft.system_class not in (*classes, "unknown"):
                continue
            first, second = count_value(told["count_a"]), count_value(told["count_b"] or "")
            if second is None and first and draft.count and draft.count > first:
                second = draft.count - first  # "three missiles ... a suspected ICBM and short-range missiles"
            # the salvo's figures are its headline kind's, unless the draft read no kind
            own = next((kind for kind in kinds if kind[1] == draft.system_class), kinds[0])
            failed_of = _kinds_failed(draft, group, kinds)
            return [
                _of_kind(draft, kind, count, span(told, sentence.start, part), kind == own, failed_of)
                for kind, count, part in ((kinds[0], first, "first"), (kinds[1], second, "second"))
            ]
    return [draft]


def _kinds_failed(
    draft: Draft, group: list[Sentence], kinds: tuple[tuple[str | None, str], ...]
) -> set[tuple[str | None, str]]:
    """The kinds of a mixed salvo its failure is told of ("one of the KN-23 SRBM missiles failed mid-flight")."""
    told = draft.evidence.get("outcome")
    if draft.outcome not in ("failure", "partial") or told is None:
        return set(kinds)
    sentence = next((s for s in group if _holds(s, told)), None)
    named = {kind for kind in kinds if sentence and _kind_of(sentence.text)[1] == kind[1]}
    return named or set(kinds)


def _of_kind(
    draft: Draft,
    kind: tuple[str | None, str],
    count: int | None,
    told: Evidence,
    own: bool,
    failed_of: set[tuple[str | None, str]],
) -> Draft:
    """The part of a mixed salvo of ``kind``: its own system, class and count; the salvo's day and place; the
    figures only for the kind they were read for."""
    system, system_class = kind
    figures = ("distance_km", "apogee_km", "flight_time_s")
    part = replace(
        draft,
        system=system or (draft.system if own else UNKNOWN_SYSTEM_BY_CLASS.get(system_class, UNKNOWN_SYSTEM)),
        system_class=system_class,
        count=count,
        evidence={
            **{k: v for k, v in draft.evidence.items() if own or k not in ("system", "count", *figures)},
            "system_class": told,
            **({"system": told} if system else {}),
            **({"count": told} if count is not None else {}),
        },
    )
    if not own:
        part = replace(part, distance_km=None, apogee_km=None, flight_time_s=None, sources=[])
    if kind not in failed_of or (not own and draft.outcome == "success" and "outcome" not in draft.evidence):
        part.outcome = "success" if part.distance_km or part.apogee_km or part.flight_time_s else "unknown"
        part.evidence.pop("outcome", None)
    return part


def _news_groups(
    sentences: list[Sentence], groups: list[list[Sentence]], published: dt.date | None
) -> list[list[Sentence]] | None:
    """``groups`` without the earlier launches an artillery item recalls; ``None`` when none is left."""
    if any(_ROCKET_ARTILLERY.search(s.text) for s in sentences):
        # an item about rocket artillery: a launch told with no missile word is the rockets' fire
        groups = [g for g in groups if any(_A_MISSILE.search(s.text) for s in g)]
        if not groups:
            return None
    first_launch = next((s for s in sentences if s.is_launch), None)
    artillery = next((s for s in sentences if _ARTILLERY_FIRE.search(s.text)), None)
    if not groups or first_launch is None or artillery is None or artillery.start > first_launch.start:
        return groups
    # ... and a group whose launch is only the artillery fire told ("fires artillery, reportedly 200 missiles") is
    # no launch either
    # ... and a launch told on another day than the fire's ("fired about one hundred artillery shells ... on Monday
    # ... On Sunday, it launched two Scud missiles") is the earlier launch the item recalls
    fire_days = _days_named(artillery.text, published)
    # ... and one the fire "came after", told on another day ("These North Korean artillery barrages come after the
    # Associated Press reported North Korean forces fired ballistic missiles ... on Friday"; "The firing came after
    # North Korea fired a volley of ballistic missiles" on the fire's day is the news too)
    # (the days of the fire told in sentences of its own: a headline names none)
    fire_told_days = set().union(
        *(
            _days_named(s.text, published)
            for s in sentences
            if not s.is_launch and _ARTILLERY_FIRE.search(s.text)
        )
    )
    news = [
        g
        for g in groups
        if not _EARLIER_LAUNCH.search(lead := next(s for s in g if s.is_launch).text)
        and not (
            _CAME_AFTER.search(lead) and (days := _days_named(lead, published)) and not days & fire_told_days
        )
        and not all(_ARTILLERY_FIRE.search(s.text) for s in g if s.is_launch)
        and not (
            fire_days
            and all(
                (days := _days_named(s.text, published)) and not days & fire_days for s in g if s.is_launch
            )
        )
    ]
    return news or None


def _blank_tallies(group: list[Sentence]) -> list[Sentence]:
    """``group`` with each tally clause (see ``_TALLY``) blanked from its start to the sentence's end.

    Blanked, not cut, so that evidence offsets still point into the input; a tally with no verb or
    stop before it is blanked from its own first word ("... landed south of the border for the first time
    since 1945" keeps the landing).
    """
    blanked = []
    for sentence in group:
        tally = _TALLY.search(sentence.text)
        if tally is None:
            blanked.append(sentence)
            continue
        starts = list(_TALLY_START.finditer(sentence.text, max(0, tally.start() - 120), tally.start()))
        cut = tally.start() if tally.group("after") else starts[-1].start() if starts else tally.start()
        end = len(sentence.text)
        if tally.group("since") and (rest := _TALLY_END.search(sentence.text, tally.end())):
            end = rest.start()
        blanked.append(replace(sentence, text=sentence.text[:cut] + " " * (end - cut) + sentence.text[end:]))
    return blanked


def _draft(
    group: list[Sentence], text: str, published: dt.date | None, gazetteer: Gazetteer, first_day: str | None
) -> Draft:
    """One draft event from its run of sentences; each step reads what the earlier ones found."""
    as_written = group
    group = _blank_tallies(group)
    draft = Draft()
    _when(draft, group, text, published, first_day)
    # whole sentences about other launches by their words (context), clauses by the time they name
    told = group
    group = about_this_launch(told, _launch_day(draft), published)
    draft.context = _context_sentences(group, draft, published, systems=True, told=told)
    _where(draft, group, gazetteer, published)
    _what(draft, group, told, _summed_over_days(group, published))
    draft.context = _context_sentences(told, draft, published)
    _figures(draft, group)
    _outcome(draft, group)
    _direction(draft, group)
    _confirmation(draft, group, as_written)
    _notes(draft, group)
    draft.other_readings = other_readings(told, published, draft.to_event(), gazetteer)
    return draft


def _launch_day(draft: Draft) -> dt.date | None:
    """The Korea day of the drafted launch, once :func:`_when` has read it."""
    day = event_day(vars(draft))
    return dt.date.fromisoformat(day) if day else None


def _first_in(pattern: re.Pattern[str], group: list[Sentence]) -> Evidence | None:
    """Evidence span of the first match of ``pattern`` in the group's sentences."""
    return next((span(m, s.start) for s in group if (m := pattern.search(s.text))), None)


_FOLLOWS_ON = re.compile(
    r"\b(?:the (?:following|next) day|a day later)\b|^\W*(?:The|That) (?:launch|attempt)\b", re.I
)


def _context_sentences(
    group: list[Sentence],
    draft: Draft,
    published: dt.date | None,
    systems: bool = False,
    told: list[Sentence] | None = None,
) -> frozenset[int]:
    """Sentences about other launches: another day named, or background words ("27 days after").

    With ``systems``, only the words that put a system name on another launch count. The days are read in
    ``told``, the sentences before other times' clauses were blanked: "... short-range ballistic missiles, which
    it calls super-large multiple rocket launchers, on March 18" tells another day's launch, blanked day and all.
    """
    told_text = {s.start: s.text for s in told or ()}
    first_launch = next((s for s in group if s.is_launch), None)
    context = set()
    own_nouns = _nouns(first_launch.text) if first_launch else set()
    previous: Sentence | None = None
    for sentence in group:
        if sentence is first_launch:
            previous = sentence
            continue
        named_other_day = _names_other_day(sentence, draft, published, told_text.get(sentence.start))
        # "Japan said ICBM had flown for 66 minutes" in a report of two SRBMs: the other launch's figure
        other_kind = not systems and _other_family(sentence.text, draft.system_class)
        # "... 15 days after Kim directed an exercise involving super-large multiple rocket launchers. The South
        # Korean military said North Korea's rockets flew about 300 km": the sentence goes on about the
        # background weapon (its word, not this launch's)
        nouns = _nouns(sentence.text)
        continues = bool(
            previous is not None
            and previous.start in context
            and nouns
            and not nouns & own_nouns
            and nouns <= _nouns(previous.text)
        )
        # "North Korea launched a ... satellite on Nov. 21. The reclusive country fired a ballistic missile the
        # following day, but the launch is believed to have failed": counted from the earlier launch, told of it
        follows_on = bool(
            previous is not None and previous.start in context and _FOLLOWS_ON.search(sentence.text)
        )
        if (
            named_other_day
            or other_kind
            or continues
            or follows_on
            or any(
                not (
                    _A_DAY_AFTER.fullmatch(match.group(0)) and words_came_after(sentence.text, match.start())
                )
                and not (
                    not systems
                    and _COMPARED_WITH.search(sentence.text, max(0, match.start() - 120), match.start())
                )
                for match in (_CONTEXT_SYSTEM if systems else _CONTEXT).finditer(sentence.text)
            )
        ):
            context.add(sentence.start)
        previous = sentence
    return frozenset(context)


def _holds(sentence: Sentence, evidence: Evidence | None) -> bool:
    """Whether ``evidence`` was read in ``sentence``."""
    return evidence is not None and sentence.start <= evidence["start"] < sentence.start + len(sentence.text)


# "reached a maximum altitude of 6,000 km ... much higher than the last ICBM launch by Pyongyang in 2017": the
# earlier launch is what this flight is measured against, and the figures stay this one's (its system names, kept
# off by _CONTEXT_SYSTEM, still are the other launch's)
# ("less than two weeks after" counts time, not a comparison)
# ("appeared to be similar to those launched last week": a likeness, as "than" is a measure)
_COMPARED_WITH = re.compile(
    r"(?:(?<!\bless )(?<!\bmore )(?<!\bfewer )(?<!\bother )(?<!\brather )\bthan|" + LIKENESS + r")"
    r"\s+(?:[\w'\"“”-]+\s+){0,8}$",
    re.I,
)
# "The report came a day after South Korea's military said ...", "state media reported, a day after the South said
# Pyongyang fired ...": the words came after the launch they tell ("two weeks after" cannot be this launch's words)
_A_DAY_AFTER = re.compile(r"(?:(?:comes?|came|coming)\s+)?(?:(?:a|one)\s+day\s+)?after", re.I)


def _nouns(text: str) -> set[str]:
    """Which of "missile", "rocket", "projectile" ``text`` uses for a weapon."""
    return {m.group(1).lower() for m in re.finditer(r"\b(missile|rocket|projectile)s?\b", text, re.I)}


# Classes one launch can be called by in one report (an SRBM "believed to be an SLBM", a "hypersonic IRBM")
# (a hypersonic missile may be called short-range as well: "a new 'strategic' hypersonic missile system" that Seoul
# "detected" as "multiple short-range launches")
_FAMILIES = ({"SRBM", "SLBM", "HGV"}, {"IRBM", "MRBM", "HGV"}, {"ICBM"}, {"cruise"}, {"SLV"})


def _other_family(text: str, system_class: str | None) -> bool:
    """Whether ``text`` names a missile of another family than ``system_class`` (and none of its own)."""
    if not system_class or system_class == "unknown":
        return False
    named = {row[-1] for row in (*_SYSTEMS, *_CLASSES) if row[0].search(text)}
    own = set().union(*(family for family in _FAMILIES if system_class in family)) or {system_class}
    return bool(named) and not named & own


_EVENING = re.compile(r"\b(?:evening|night)\b", re.I)
# "on Friday evening American time", "Tuesday night U.S. time": a US evening, which in Korea is the next day
_AMERICAN_EVENING = re.compile(
    r"\s+(?:(?:evening|night)\s+)?(?:American|U\.?S\.?|Washington|Eastern|Pacific)\s+time\b", re.I
)
# "launched just days before the United States presidential election on Tuesday": the election's day
_ANOTHER_EVENTS_DAY = re.compile(
    r"\b(?:before|after|ahead of)\b[^,.;]{0,60}?\b(?:election|summit|visit|talks|meeting|congress|anniversary|"
    r"holiday|ceremony|parade|drills?|exercises?)\s+(?:\w+\s+){0,2}$|"
    # "a response to the combined exercise staged by the allies on Sunday": the drill's own day
    r"\b(?:drills?|exercises?|training|maneuvers|manoeuvres)\s+(?:staged|held|conducted|carried out)\b"
    r"[^,.;]{0,40}?\s(?:on\s+)?$",
    re.I,
)
# "The launch was carried out on November 21, 2023" in copy of the 24th: the report's launch, however old its day
_THE_LAUNCH_TOOK_PLACE = re.compile(
    r"^\W*The (?:launch|test|firing|test-firing|test-launch)\b(?:,[^,]{0,80},)?\s+"
    r"(?:was carried out|was conducted|took place|occurred|happened)\b|"
    # "The new intercontinental ballistic missile (ICBM) was test-launched on Thursday (31 October)", "The short
    # range rockets were fired from multiple launchers ... on August 14"
    r"^\W*The (?:[\w-]+\s+){0,3}?(?:missile|rocket|ICBM|IRBM|SRBM|SLBM)s?\b(?:\s+\([A-Z]+\))?\s+"
    r"(?:was|were) (?:test-)?(?:launched|fired)\b",
    re.I,
)


# what may come before a day that opens its sentence: "On Thursday, ...", "According to the JCS, on January 11, ...",
# "According to a report from the state media on Friday, ..."
_OPENS_WITH_DAY = re.compile(r"^\W*(?:According to\b[^,]*?,?\s*)?(?:on\s+)?$", re.I)


_COUNTED_FROM_ANOTHER = re.compile(
    r"(?:a|one|two|three)\s+days?\s+(?:earlier|before|later|after)|the\s+(?:previous|next|following)\s+day",
    re.I,
)


def _counted_from_this(sentence: Sentence, day: Found) -> bool:
    """Whether ``day`` is counted from this launch in a sentence told of something else ("A day earlier, Kim Jong Un
    posed with what Pyongyang claimed was a miniature nuclear warhead"): not the launch's day."""
    return not _TELLS_LAUNCH.search(sentence.text) and bool(_COUNTED_FROM_ANOTHER.fullmatch(day.text))


_DAY_BEFORE = re.compile(r"(?:the\s+(?:previous\s+day|day\s+before)|a\s+day\s+earlier)", re.I)


def _day_counted_back_from(day: Found, sentence: Sentence, told: list[tuple[Sentence, Found]]) -> Found:
    """``day`` as a statement's day when the same sentence later counts the launch back from it ("revealed ... for
    the first time Saturday in photos showing them attending the test-firing ... the previous day")."""
    if day.statement or _DAY_BEFORE.fullmatch(day.text):
        return day
    counted_back = any(
        s is sentence
        and d.start > day.end
        and _DAY_BEFORE.fullmatch(d.text)
        and (day.value - d.value).days == 1
        for s, d in told
    )
    return replace(day, statement=True) if counted_back else day


def _when(
    draft: Draft, group: list[Sentence], text: str, published: dt.date | None, first_day: str | None
) -> None:
    first_launch = next((s for s in group if s.is_launch), None)
    # "just last week, Pyongyang had fired...", "came after ... on July 19": another launch's day
    background = {
        s.start for s in group if s is not first_launch and (_CONTEXT.search(s.text) or s.is_caption)
    }
    told = [
        (s, d)
        for s in group
        if s.start not in background
        for d in find_dates(s.text, published, s.start, statements=True)
        if not _ANOTHER_EVENTS_DAY.search(s.text[: d.start - s.start])
    ]
    told = [(s, _day_counted_back_from(d, s, told)) for s, d in told]
    found = [
        (s, d)
        for s, d in told
        # a day more than NEWS_WINDOW_DAYS before the copy is another launch's ("North Korean state news reported
        # the test-launch of a Hwasong-19 ICBM on October 31" in copy of 5 November), unless the report's own
        # launch sentence names it
        if s is first_launch
        or _THE_LAUNCH_TOOK_PLACE.match(s.text)
        or published is None
        or (published - d.value).days <= NEWS_WINDOW_DAYS
    ]
    if not any(not d.statement for _, d in found) and any(_TOLD_EARLIER.search(s.text) for s in group):
        # a page dated days after its launch that says so ("South Korea's military earlier said North Korea fired
        # two projectiles ... on Thursday" on a Sunday page) and no day inside the window: a weekday told of a
        # launch is this one's, rather than the page's day
        found += [
            (s, d)
            for s, d in told
            if s.is_launch and not d.statement and _is_weekday(d) and (s, d) not in found
        ]
    # "The Japanese Ministry of Defence announced on Sunday that North Korea had launched a ballistic missile" and
    # later "On Thursday, a Hwasongpho-17 was launched": a day two or more before the lead's statement day, opening
    # a sentence of its own, is one of the week's other launches ("The missile, one of four launched ... Monday"
    # after "a government source said Thursday" is this one's)
    dated_lead = next((s for s, _ in found if s.is_launch), None)
    lead_said = [d for s, d in found if s is dated_lead and d.statement]
    if lead_said and not any(not d.statement for s, d in found if s is dated_lead):
        found = [
            (s, d)
            for s, d in found
            if s is dated_lead
            or d.statement
            or (lead_said[0].value - d.value).days < 2
            or not _OPENS_WITH_DAY.match(s.text[: d.start - s.start])
        ]
    dates = (
        # "fired a missile this week ... The launch, made on Wednesday": a named day beats a vague one
        [d for s, d in found if s.is_launch and not d.statement and not d.vague]
        # "... revealed to the world in a display of military might yesterday" beside "attempted to test ... this
        # morning": a day told of a launch, a test or an attempt before one told of something else
        or [d for s, d in found if not d.statement and not d.vague and _TELLS_LAUNCH.search(s.text)]
        or [d for s, d in found if not d.statement and not d.vague and not _counted_from_this(s, d)]
        or [d for s, d in found if s.is_launch and not d.statement]
        or [d for s, d in found if not d.statement and not _counted_from_this(s, d)]
        or [d for s, d in found if s.is_launch]  # "the military said Monday": the launch day too
        or [d for _, d in found]
    )
    date = dates[0] if dates else None
    if date is not None and date.statement:
        # "North Korea confirmed on Saturday it test-launched... a day after South Korea's military said on
        # Friday it detected the firing": an outside military's day of detection beats state media's day
        detected = _detection_day(group, published)
        if detected is not None:
            date = detected
        elif _REPORT_A_DAY_AFTER.search(text):
            # read in the input's words: a tally blank may have cut ", a day after ..." from the group.
            # "North Korea said Wednesday it tested ... The report by North Korean state media came a day after the
            # South Korean and Japanese militaries detected the North launching the missile": the day before
            date = replace(date, value=date.value - dt.timedelta(days=1))
    if date is not None and date.statement and published and _datelined_in_us(text):
        # "WASHINGTON ... a military spokesman said on Tuesday": an American day, which in Korea (13-14 hours
        # ahead) is already the next, the launch's
        date = replace(date, value=min(date.value + dt.timedelta(days=1), published))
    if (
        date is not None
        and (american := _AMERICAN_EVENING.match(text, date.end)) is not None
        and _EVENING.search(date.text + american.group(0))
        and (published is None or date.value < published)
    ):
        # "launched a ballistic missile into the ocean on Friday evening American time": Korea's next morning
        date = replace(date, value=date.value + dt.timedelta(days=1), end=american.end())
    if date is not None and not date.statement and _is_weekday(date):
        # "launched ... on Thursday" beside KCNA's "at dawn on September 15": a weekday is relative, and copy
        # crossing time zones gets it wrong; a calendar date a day apart is the launch's
        calendar_date = next(
            (
                d
                for s, d in found
                if not d.statement
                and _is_calendar(d)
                and abs((d.value - date.value).days) == 1
                # ("David Lee, Feb. 13, 2017, 10:49 a.m." is the page's byline, not a day told of the launch)
                and (s.is_launch or d.value != published)
            ),
            None,
        )
        date = calendar_date or date
    times = [t for s in group if s.is_launch for t in find_times(s.text, s.start)] or [
        t for s in group for t in find_times(s.text, s.start)
    ]
    clock = times[0] if times else None
    day = date.value if date else (dt.date.fromisoformat(first_day) if first_day else published)
    announced_later = bool(
        date is None and not first_day and published and _ANNOUNCED_A_DAY_AFTER.search(text)
    )
    if announced_later and published is not None:
        # "Kim Jong Un oversaw hypersonic missile test-flights, state media reported ... The announcement came a day
        # after South Korea and Japan said they detected multiple launches": no day named; the announcement is the
        # copy's day, the launch the one before
        day = published - dt.timedelta(days=1)
    clock_value = clock.value if clock else None
    zone = us_zone(clock) if clock else None
    if (
        date is not None
        and clock is not None
        and zone is None
        and clock.value[0] < 12
        and _EVENING.search(date.text)
        and (published is None or date.value < published)
    ):
        # "fired a missile ... on Monday evening" in European copy, "at around 5:57 am local time": the evening
        # is the copy's, the morning Korea's, the next day
        day = date.value + dt.timedelta(days=1)
    if clock is not None and zone is not None:
        # "at 11:33 p.m. EDT Friday", "4:57 p.m. Eastern time Aug. 28": the day beside the clock is the US one;
        # in Washington copy ("detected a launch Tuesday ... at 1:17 p.m. Eastern time") so is the copy's day
        beside = find_dates(text[clock.end : clock.end + 25], published, window=False)
        us_day = beside[0].value if beside else None
        if (
            us_day is None
            and date is not None
            and (_datelined_in_us(text) or _told_by_a_us_source(group, date))
        ):
            # ("fired a short-range ballistic missile Sunday ..., US Pacific Command said ... at 10:40 p.m. Hawaii
            # Time": the Command's Sunday too)
            us_day = date.value
        if us_day is not None:
            moment = dt.datetime.combine(us_day, dt.time(clock.value[0], clock.value[1]), zone).astimezone(
                KST
            )
            if beside or published is None or moment.date() <= published:
                # (a launch "on Sunday, U.S. officials said ... at 11:21 a.m. Hawaii time" in copy of Sunday is
                # Korea's Sunday: read as Hawaii's, the launch would come after the copy)
                day, clock_value = moment.date(), (moment.hour, moment.minute, False)
    if date is None:
        fallback = (
            "the first event's date"
            if first_day
            else "the day before the publication date (the announcement came a day after the launch)"
            if announced_later
            else "the publication date"
            if published
            else None
        )
        draft.warnings.append(
            "no launch date in the text; "
            + (
                f"used {fallback}"
                if fallback
                # "May 25", "on Friday": which year, which week, only the day the copy came out tells
                else "left blank (give the publication date to read a day with no year)"
                if published is None
                else "left blank"
            )
        )
    else:
        draft.evidence["launched_at"] = {"text": date.text, "start": date.start, "end": date.end}
        if date.vague:
            draft.warnings.append(
                f"the launch day is vague ({date.text!r}); {date.value.isoformat()} is approximate"
            )
    if clock:
        draft.evidence["launched_at_time"] = {"text": clock.text, "start": clock.start, "end": clock.end}
        if not clock.value[2] and zone is None and not _KOREA_OR_JAPAN.search(text):
            draft.warnings.append(f"the time {clock.text!r} has no zone; assumed Korea time (UTC+9)")
    if day is not None:
        draft.launched_at, draft.launched_at_precision = launch_time_utc(day, clock_value)


# Copy telling a launch some days on: "the military earlier said", "test-fired by North Korea earlier in the week"
_TOLD_EARLIER = re.compile(
    r"\bearlier (?:said|reported|in the week|this week)\b|\b(?:said|reported) earlier\b", re.I
)
_US_PLACES = frozenset(
    ("WASHINGTON", "NEW YORK", "HONOLULU", "LOS ANGELES", "SAN FRANCISCO", "UNITED NATIONS")
)


def _told_by_a_us_source(group: list[Sentence], date: Found) -> bool:
    """Whether the sentence ``date`` is told in names a US source ("..., US Pacific Command said")."""
    return any(
        s.start <= date.start < s.start + len(s.text) and any(name == "US" for _, name, _ in sources_in(s))
        for s in group
    )


def _datelined_in_us(text: str) -> bool:
    """Whether the copy is datelined in the United States ("WASHINGTON (Reuters) -", "WASHINGTON: ..."), on the
    first line or after a headline: its weekdays are American days."""
    head = text[:300]
    for start in (0, *(m.end() for m in re.finditer(r"\n", head))):
        line = dateline_at(head, start)
        if line is not None and line.place is not None and line.place in _US_PLACES:
            return True
    return False


def _is_weekday(date: Found) -> bool:
    """Whether ``date`` was written as a weekday ("on Thursday", "early Friday")."""
    match = DATE_RE.fullmatch(date.text)
    return bool(match and match.group("weekday"))


def _is_calendar(date: Found) -> bool:
    """Whether ``date`` was written as a calendar date ("September 15", "25 July"), not a weekday or "yesterday"."""
    match = DATE_RE.fullmatch(date.text)
    return bool(match and match.group("full"))


# what follows an outside source's "said on Friday" when it is the day the launch was seen
_DETECTED_AFTER = re.compile(
    r"^\s*,?\s*(?:that\s+)?(?:it\s+|they\s+|the North\s+|North Korea\s+)?(?:had\s+)?(?:detected|spotted|tracked)\b",
    re.I,
)


# "The report ... came a day after ... detected", "KCNA described the tests a day after the South Korean and
# Japanese militaries said they detected", "state media reported on Sunday, a day after Seoul identified the launch"
_REPORT_A_DAY_AFTER = re.compile(
    # ("The report by North Korea’s official Korean Central News Agency (KCNA) came a day after")
    r"\b(?:report\w*|dispatch|statement|announcement|claim|described|confirmed|said)\b[^.;]{0,80}?\ba\s+day\s+after\b"
    r"[^.;]{0,80}?\b(?:detected|said|reported|identified)\b"
    # "KCNA did not say when the test took place but the North's state media usually reports on the leader's
    # activities a day later"
    r"|\b(?:usually|typically|normally|often)\s+reports?\b[^.;]{0,60}?\ba\s+day\s+later\b",
    re.I,
)


# ... and with no day named at all, its strict form: the copy's day is the announcement's
_ANNOUNCED_A_DAY_AFTER = re.compile(
    r"\b(?:report|dispatch|statement|announcement)\b[^.;]{0,30}?\bcame\s+a\s+day\s+after\b[^.;]{0,80}?\bdetected\b",
    re.I,
)


def _detection_day(group: list[Sentence], published: dt.date | None) -> Found | None:
    """The day an outside source (not state media) said it detected the launch, in any sentence of the group."""
    for sentence in group:
        for date in find_dates(sentence.text, published, sentence.start, statements=True):
            said_by = [name for at, name, _ in sources_in(sentence) if at < date.start - sentence.start]
            if (
                date.statement
                and said_by
                and said_by[-1] != "KCNA"
                and _DETECTED_AFTER.match(sentence.text[date.end - sentence.start :])
            ):
                return date
    return None


# "Last month, North Korea fired a missile from similar area near the capital": a sentence that opens in the
# past tells another launch
_PAST_OPENER = re.compile(
    r"^\W*(?:Last (?:week|month|year)|Earlier this (?:week|month|year)|In (?:19|20)\d\d)\b|"
    # "South Korea warned Thursday that it had spotted a mobile launcher ... near Wonsan": the preparations'
    # place, seen before the launch ("spotted a rocket launch from the Sohae Satellite Launching Station" and "spotted
    # the missile being launched southward ... from the Tongchang-ri region" are the launch)
    r"\b(?:had\s+)?spotted\b(?!\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:missile|rocket)\s+"
    r"(?:launch|being\s+(?:launched|fired))\b)|"
    r"\bsigns of (?:an? )?(?:imminent )?launch",
    re.I,
)


def _names_other_day(
    sentence: Sentence, draft: Draft, published: dt.date | None, as_told: str | None = None
) -> bool:
    """Whether ``sentence`` tells of a launch on another day than the draft's ("On March 16, North Korea launched a
    suspected missile that appeared to explode ... over Pyongyang"); a statement's day does not count, nor the
    sentence the draft's day was read in as another day ("detected on Wednesday night from ... Kusong, US Strategic
    Command said": Wednesday in the US, Thursday in Korea). ``as_told`` is the sentence before a clause of it was
    blanked: its days count too."""
    day = event_day(vars(draft))
    days = _days_named(sentence.text, published)
    if as_told is not None and as_told != sentence.text:
        days |= _days_named(as_told, published, likened=False)
    dated = draft.evidence.get("launched_at")
    # (the day as told there is not the day drafted: the launch's own, told in another time zone)
    shifted = (
        dated is not None and _holds(sentence, dated) and day not in _days_named(dated["text"], published)
    )
    other_month = day is not None and _names_other_month(as_told or sentence.text, day)
    # "According to a report from the state media on Friday, ... carried out an ICBM launch drill" in a report of
    # Sunday's launch: words spoken before the launch are about an earlier one
    # (a day before is often the same launch, told in a US source's day; a weekday a week before is more often a
    # later day of the copy's week than a report of a week ago)
    said_before = day is not None and any(
        d.statement and 2 <= (dt.date.fromisoformat(day) - d.value).days < _SAID_BEFORE_MAX_DAYS
        for d in find_dates(sentence.text, published, window=False, statements=True)
    )
    return bool(day and ((days and day not in days) or other_month or said_before)) and not shifted


_SAID_BEFORE_MAX_DAYS = 5
# "a successful test of the Pukkuksong-1 ... in August 2016", "the May 2019 firing": a month of a year
_MONTH_OF_YEAR = re.compile(rf"\b({MONTH_NAMES})\.?,?\s+((?:19|20)\d\d)\b")


def _names_other_month(text: str, day: str) -> bool:
    """Whether ``text`` names a month of a year other than ``day``'s (ISO), not as a measure ("much higher than the
    Hwasong-15 ICBM that was launched in November 2017" compares this flight with that one)."""
    return any(
        (int(match.group(2)), list(calendar.month_name).index(match.group(1)))
        != (int(day[:4]), int(day[5:7]))
        and not _COMPARED_WITH.search(text, max(0, match.start() - 120), match.start())
        for match in _MONTH_OF_YEAR.finditer(text)
    )


def _days_named(text: str, published: dt.date | None, likened: bool = True) -> set[str]:
    """The days ``text`` names (ISO), leaving out vague ones ("last week") and a quote's "this morning".

    Without ``likened``, days after a likeness are left out too: "Scud-C missiles, the same type the North fired
    on March 3" names that day to compare with, and the sentence still tells this launch.
    """
    return {
        d.value.isoformat()
        for d in find_dates(text, published, window=False)
        if not d.vague
        and not quoted_relative_day(d, text)
        and (likened or not _LIKENED_BEFORE.search(text, 0, d.start))
    }


_LIKENED_BEFORE = re.compile(LIKENESS + r"|\bsame\b|\bsimilar\b", re.I)


def _where(
    draft: Draft, group: list[Sentence], gazetteer: Gazetteer, published: dt.date | None = None
) -> None:
    # "During that earlier test, ... from the vicinity of Pyongyang": another launch's place. Only the
    # strong cues: "the same area from where last week's were conducted" still names this launch's place
    first_launch = next((s for s in group if s.is_launch), None)
    group = [
        s
        for s in group
        if s is first_launch
        or not (
            _BACKGROUND_RE.search(s.text)
            or _PAST_OPENER.search(s.text)
            or _names_other_day(s, draft, published)
        )
    ]
    site: SiteMatch | None = find_site(group, gazetteer, draft.warnings)
    if site is None:
        draft.warnings.append("no launch site found in the text")
        return
    draft.site_id, draft.lat, draft.lon = site.site_id, site.lat, site.lon
    draft.evidence["site_id"] = site.evidence
    draft.province = site.province or None


# a few words around "or"/"and" between two system names: "the KN-23 or KN-24", "KN-23 types and rounds from a"
_JOINED_BY = re.compile(r"[\w\s'-]{0,30}?\b(or|and)\b[\w\s'-]{0,30}")


_MIXED_SALVO = "a mixed salvo"


def _system_beside(hit: re.Match[str], name: str) -> tuple[str, str] | None:
    """Another system named next to ``hit`` and the word joining them: ("or", name) for an alternative
    ("the KN-23 or KN-24 family"), ("and", name) for a mixed salvo ("KN-23 types and rounds from a 600mm")."""
    before = max(0, hit.start() - 50)
    window, at = hit.string[before : hit.end() + 50], hit.start() - before
    for pattern, other, _class in _SYSTEMS:
        if other == name:
            continue
        for found in pattern.finditer(window):
            between = (
                window[found.end() : at]
                if found.end() <= at
                else window[at + len(hit.group(0)) : found.start()]
            )
            joined = _JOINED_BY.fullmatch(between)
            if joined:
                return joined.group(1).lower(), other
    return None


_NTH_TEST_OF = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth)\s+(?:test(?:-flight|-launch|-fire)?|flight test|launch|firing)\s+of\s+"
    r"(?:the|its)\s+(?:[\w-]+\s+){0,2}?$",
    re.I,
)


def _nth_test_of(group: list[Sentence]) -> tuple[tuple[Any, ...], re.Match[str], int] | None:
    """A system this launch is the second (third ...) test of, in a sentence about its first: "its second test of
    the Hwasong-18 ICBM, which was first fired on April 13"."""
    for sentence in group:
        for row in _SYSTEMS:
            for match in row[0].finditer(sentence.text):
                if _NTH_TEST_OF.search(sentence.text[max(0, match.start() - 80) : match.start()]):
                    return row, match, sentence.start
    return None


def _blanked(text: str, told: str, patterns: tuple[re.Pattern[str], ...]) -> str:
    """``text`` with what ``patterns`` find in ``told`` (the same sentence before any blanking) blanked."""
    if len(told) != len(text):
        told = text
    for pattern in patterns:
        for found in pattern.finditer(told):
            text = text[: found.start()] + " " * (found.end() - found.start()) + text[found.end() :]
    return text


_GENERIC_SCUD = "Scud-B (Hwasong-5)"
_SCUD_B = re.compile(r"\bScud[- ]?B\b", re.I)


def _scud_models(sentence: Sentence) -> list[tuple[tuple[Any, ...], re.Match[str], int]]:
    """The Scud models a sentence names ("Scud-C", "Scud-ER"), as :func:`first_match` gives a system."""
    return [
        (row, match, sentence.start)
        for row in _SYSTEMS
        if row[1].startswith("Scud")
        for match in (_SCUD_B if row[1] == _GENERIC_SCUD else row[0]).finditer(sentence.text)
    ]


def _south_own(hit: re.Match[str]) -> bool:
    """Whether the missile named at ``hit`` is the South's own, as the 50 characters before it tell."""
    return bool(_SOUTH_OWN.search(hit.string[max(0, hit.start() - 50) : hit.start()]))


_BALLISTIC_ONLY = re.compile(r"^(?!.*\bcruise\b).*\bballistic\b", re.I | re.S)


def _ballistic_before(named: list[Sentence], cruise_start: int) -> bool:
    """Whether a sentence read before the one naming a cruise missile (at ``cruise_start``) tells the missile as
    ballistic and names no cruise missile; launch sentences are read first, as :func:`first_match` does."""
    ordered = launch_sentences_first(named)
    for sentence in ordered:
        if sentence.start == cruise_start:
            return False
        if _BALLISTIC_ONLY.search(sentence.text):
            return True
    return False


def _summed_over_days(group: list[Sentence], published: dt.date | None) -> frozenset[int]:
    """Starts of the sentences that count two days' launches together ("fired 46 rockets ... on Saturday and
    Sunday") where another tells one of those days' own ("fired 30 rockets ... on Saturday"): no one day's count."""
    one_day = [
        days
        for s in group
        if s.launch_verb and any(missile_counts(s)) and len(days := _days_named(s.text, published)) == 1
    ]
    return frozenset(
        s.start
        for s in group
        if s.is_launch
        and (both := two_days_told(s.text, published))
        and any(days <= {d.isoformat() for d in both} for days in one_day)
    )


def _what(
    draft: Draft, group: list[Sentence], told: list[Sentence], summed: frozenset[int] = frozenset()
) -> None:
    """System and class from ``group`` (``told`` is the run before the clauses about other times were blanked);
    the count from none of the ``summed`` sentences (see :func:`_summed_over_days`)."""
    # a photo's caption shows a launch, often a file one ("the underwater test-fire of strategic submarine ballistic
    # missile in this undated photo"): its weapon is not this launch's
    group = [s for s in group if s.start not in draft.context and not s.is_caption]
    # blanked, not cut, so that evidence offsets still point into the input; read in the sentence as told, since
    # blanking another time's words may have cut a clause in two ("came about five months after ... on May 8")
    told_text = {s.start: s.text for s in told}
    named = [
        replace(
            s,
            text=_blanked(
                s.text, told_text.get(s.start, s.text), (_OTHER_LAUNCH_CLAUSE, _NOT_A_CLASS, _A_PART)
            ),
        )
        for s in group
    ]
    system_hit, class_hit = (
        first_match(_SYSTEMS, named) or _nth_test_of([s for s in told if not s.is_caption]),
        first_match(_CLASSES, named),
    )
    if class_hit and class_hit[0] is _CLASSES[0] and _south_own(class_hit[1]):
        # "South Korea successfully tested a submarine-launched ballistic missile on the same day": not the North's
        class_hit = first_match(_CLASSES[1:], named)
    if (
        class_hit
        and class_hit[0][1] == "SLV"
        and not (system_hit and system_hit[0][2] == "SLV")
        and any(_SATELLITE_DEVELOPMENT.search(s.text) for s in named)
    ):
        # "an important final-stage test for the development of reconnaissance satellite ... carrying a test-piece
        # satellite": the satellite's parts tested on a missile, whose class the report may give ("two medium-range
        # ballistic missiles", the JCS said)
        class_hit = first_match(tuple(row for row in _CLASSES if row[1] != "SLV"), named)
    system_class, class_span = (
        (class_hit[0][1], span(class_hit[1], class_hit[2])) if class_hit else ("unknown", None)
    )
    if class_hit and system_class == "cruise" and _ballistic_before(named, class_hit[2]):
        # "one ballistic missile was launched ... This is the 23rd missile launch ..., including cruise missiles":
        # a missile told as ballistic first is not the cruise missiles named after it
        system_class, class_span = "unknown", None
    slbm = first_match(_CLASSES[:1], named)
    if slbm and _south_own(slbm[1]):
        slbm = None  # "hours before the South tested its own submarine-launched missile"
    if slbm and system_class in ("SRBM", "unknown"):
        # "a short-range projectile believed to be a submarine-launched ballistic missile": the platform decides
        system_class, class_span = "SLBM", span(slbm[1], slbm[2])
    if system_hit and system_hit[1].group(0).lower() == "scud":
        # "fired two short-range Scud missiles ... presumed to be Scud-C missiles": the model named later (not in
        # a list of the models North Korea has; "Scud-C or Scud-ER" is one of two, read below as no one system)
        for sentence in named:
            models = sorted(_scud_models(sentence), key=lambda hit: hit[1].start())
            named_models = {hit[0][1] for hit in models}
            if not models or _GENERIC_SCUD in named_models:
                continue
            alternative = _system_beside(models[0][1], models[0][0][1])
            if len(named_models) == 1 or (alternative is not None and alternative[0] == "or"):
                system_hit = models[0]
                break
    beside = _system_beside(system_hit[1], system_hit[0][1]) if system_hit else None
    if system_hit and beside and beside[0] == "or" and beside[1] != system_hit[0][1]:
        # "the KN-23 or KN-24 family": an alternative, no one system; the class still stands
        draft.warnings.append(f"the system is one of {system_hit[0][1]} or {beside[1]}; left as unknown")
        # (unless the report spans classes: "short- to intermediate-range")
        if system_class == "unknown" and not any(_SPANS_CLASSES.search(x.text) for x in group):
            system_class = system_hit[0][2]
        system_hit = None
    elif system_hit and beside:
        # one event is a salvo of one system (seeds/README.md): the editor splits a mixed one
        draft.warnings.append(f"{_MIXED_SALVO}: {beside[1]} too; split it into an event per system")
    if system_hit:
        draft.system = system_hit[0][1]
        draft.evidence["system"] = span(system_hit[1], system_hit[2])
        if system_hit[0][2] != system_class and system_class != "HGV":
            # a named system decides its class ("a long-range missile ... a Hwasong-17" is an ICBM)
            system_class, class_span = system_hit[0][2], draft.evidence["system"]
    hypersonic = _first_in(_HYPERSONIC, named)
    if system_class in ("IRBM", "MRBM", "unknown") and hypersonic:
        # "a hypersonic intermediate-range missile": the glide vehicle is what is new
        system_class, class_span = "HGV", hypersonic
    if not system_hit:
        draft.system = UNKNOWN_SYSTEM_BY_CLASS.get(system_class, UNKNOWN_SYSTEM)
        if system_class == "unknown":
            draft.warnings.append("the missile type is not named; system and class left as unknown")
    draft.system_class = system_class
    if class_span:
        draft.evidence["system_class"] = class_span
    draft.count, count_evidence, draft_counts = count_missiles(group, draft.warnings, draft.context | summed)
    draft.evidence.pop("count", None)
    draft.counts_by_source = draft_counts
    if count_evidence:
        draft.evidence["count"] = count_evidence


def _figures(draft: Draft, group: list[Sentence]) -> None:
    """Headline distance and apogee; every source keeps its own figures in ``sources``."""
    by_source = figures_by_source(group, draft.warnings, draft.evidence, draft.context)
    for name, count in draft.counts_by_source.items():
        if name == "news" and name not in by_source:
            continue  # no one named gave it: the report's own count is the event's, not a source's
        by_source.setdefault(
            name,
            {
                "source": name,
                "source_kind": next((k for _, n, k in _SOURCE_KINDS if n == name), "news"),
                "distance_km": None,
                "apogee_km": None,
                "flight_time_s": None,
            },
        )["count"] = count
    for entry in by_source.values():
        entry.setdefault("count", None)
    headline = headline_source(by_source)
    ranked = ([headline] if headline else []) + list(by_source.values())
    for key in ("distance_km", "apogee_km", "flight_time_s"):
        # the headline source's figure, else (it gave a distance only) another source's
        source_of = next((s for s in ranked if s[key] is not None), None)
        setattr(draft, key, source_of[key] if source_of else None)
        if source_of:
            draft.evidence[key] = source_of["evidence"][key]
    draft.sources = [
        {k: v for k, v in s.items() if k != "evidence"} | {"is_headline": s is headline}
        for s in by_source.values()
    ]
    distances = [s for s in draft.sources if s["distance_km"]]
    if len({s["distance_km"] for s in distances}) > 1:
        draft.warnings.append(
            "sources disagree on the distance: "
            + ", ".join(f"{s['source']} {s['distance_km']:.0f} km" for s in distances)
        )


# "another one explored after launch": a word a letter away from "exploded", right after the launch, is it
_DONE_AFTER_LAUNCH = re.compile(
    r"\b(\w+ed)\s+(?:shortly\s+|soon\s+|right\s+|just\s+)?after\s+(?:its\s+|the\s+)?(?:launch|lift-?off)\b",
    re.I,
)


def _like_exploded(word: str) -> bool:
    return difflib.SequenceMatcher(None, word.lower(), "exploded").ratio() >= 0.85


def _outcome(draft: Draft, group: list[Sentence]) -> None:
    group = [s for s in group if s.start not in draft.context]
    failed = next(
        (
            (m, s)
            for s in group
            if (m := _FAILURE.search(_OTHER_FAILURE.sub(lambda o: " " * len(o.group(0)), s.text)))
            and _ABOUT_FLIGHT.search(s.text)
            and not _SUPPOSED_FAILURE.search(s.text[: m.start()])
        ),
        None,
    )
    if failed is None:
        failed = next(
            (
                (m, s)
                for s in group
                for m in _DONE_AFTER_LAUNCH.finditer(s.text)
                if _like_exploded(m.group(1))
            ),
            None,
        )
    # "appeared to have successfully separated its first stage": a success only supposed
    success = next(
        (
            span(m, s.start)
            for s in group
            for m in _SUCCESS.finditer(s.text)
            if not _SUPPOSED_SUCCESS.search(s.text[: m.start()])
            and not (m.group("hit") and _REACH.search(s.text[: m.start()]))
        ),
        None,
    )
    if failed:
        match, sentence = failed
        partial = (
            _PART_FAILED.search(sentence.text)
            and ((draft.count or 0) > 1 or _ONE_OF_MANY.search(sentence.text))
            and not _THE_REST_FAILED.search(sentence.text)
        )
        draft.outcome = "partial" if partial else "failure"
        draft.evidence["outcome"] = span(match, sentence.start)
    elif success:
        draft.outcome, draft.evidence["outcome"] = "success", success
    else:  # a missile with a reported distance, apogee or flight time flew, as far as public sources tell
        draft.outcome = (
            "success" if draft.distance_km or draft.apogee_km or draft.flight_time_s else "unknown"
        )


def _direction(draft: Draft, group: list[Sentence]) -> None:
    """Landing area and heading; the impact point then follows the one rule (:mod:`geodata.tracks`)."""
    area, bearing_range, heading_evidence = heading(group, draft.outcome == "failure")
    draft.evidence.update(heading_evidence)
    into_sea = _first_in(_INTO_SEA, group)
    if area is None and into_sea and draft.lon is not None and draft.lon >= EAST_COAST_MIN_LON:
        # an east-coast site firing "into the sea" can only mean the East Sea
        area, bearing_range = "East Sea/Sea of Japan", (60.0, 120.0)
        draft.evidence["landing_area"] = into_sea
        draft.warnings.append(f"read {into_sea['text']!r} from an east-coast site as the East Sea")
    draft.landing_area = area
    if area == "orbit" and draft.outcome == "unknown":
        draft.outcome = "success"
    # A compass word ("northeast") is a reported heading; a sea alone ("into the East Sea") is not:
    # the impact rule then takes that sea's typical heading, as for any other entry path.
    draft.bearing_deg = (
        centre_deg(bearing_range) if bearing_range and "bearing_deg" in draft.evidence else None
    )
    draft.bearing_range_deg = list(bearing_range) if bearing_range else None
    _impact(draft)


def _impact(draft: Draft) -> None:
    """The estimated impact point, by the one rule (:func:`geodata.tracks.impact_fields`)."""
    impact = impact_fields(draft.to_event())
    draft.impact_lat, draft.impact_lon, draft.impact_basis = (
        impact["impact_lat"],
        impact["impact_lon"],
        impact["impact_basis"],
    )


def _a_witness(text: str, at: int) -> bool:
    """Whether the government or military named at ``at`` in ``text`` is told as one, not as a party to drills."""
    return not (_A_PARTY_TO.search(text, 0, at) or _AN_ALLYS_DRILLS.match(text, at))


def _confirmation(draft: Draft, group: list[Sentence], as_written: list[Sentence]) -> None:
    """Suspected, claimed (North Korea's word alone) or confirmed; ``as_written`` is the run before tallies and the
    clauses about other times were blanked: "..., a day after South Korea's military said the North launched ..." is
    someone outside who saw this launch."""
    suspected = _first_in(_SUSPECTED, group)
    named = {name for s in group for at, name, _ in sources_in(s) if _a_witness(s.text, at)}
    # "North Korea fired another ballistic missile ... may have launched a solid-fuel rocket":
    # one plain statement of the launch outweighs a hedge about what was launched
    asserted = any(s.is_launch and not _HEDGED_LAUNCH.search(s.text) for s in group)
    if suspected and not asserted:
        draft.confirmation, draft.evidence["confirmation"] = "suspected", suspected
    elif (named == {"KCNA"} or (not named and _first_in(_NORTH_KOREAN_VOICE, group))) and not any(
        not _NOT_CLEAR.search(s.text[: m.start()]) and _a_witness(s.text, m.start())
        for s in as_written
        for m in _OBSERVED.finditer(s.text)
    ):
        draft.confirmation = "claimed"  # only North Korea says so: nobody outside observed it


def _notes(draft: Draft, group: list[Sentence]) -> None:
    notes = []
    if len(draft.sources) > 1:
        notes.append(
            " vs ".join(
                f"{s['source']} "
                + "/".join(f"{s[k]:.0f} km {k[:-3]}" for k in ("distance_km", "apogee_km") if s[k])
                for s in draft.sources
            )
        )
    harm = _first_in(_NO_HARM, group)
    if harm:
        notes.append("no injuries or damage reported")
        draft.evidence["notes"] = harm
    draft.notes = "; ".join(notes) or None


# A day named this many days or fewer before the copy can be another reading of its launch's day
_READING_WINDOW_DAYS = 7


def other_readings(
    sentences: list[Sentence],
    published: dt.date | None,
    event: dict[str, Any],
    gazetteer: Gazetteer | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Other values of the launch day, site (with a ``gazetteer``), class and count that the report gives in its
    launch sentences.

    The rules choose one value per field; when the report's own launch sentences (not its background) give
    another, the draft lists it, where it is written, so the editor checks that field before accepting:
    ``{"launched_at": [{"value": "2025-11-06", "text": "Thursday", "start": .., "end": ..}], "count": [...]}``; a
    vague count ("several missiles") beside a drafted number is the value ``None``.
    On the blind drafts of thirteen held-out rounds (651 launches) the right day is the draft's or one of these
    for 92.0 % of launches, where the draft's alone is right for 88.2 %; the site 89.9 % against 88.6 %, the
    count 91.2 % against 86.0 % (wire README, "Other readings").
    """
    says = drafted_readings(event)
    readings: dict[str, dict[Any, dict[str, Any]]] = {field: {} for field in says}

    def add(field: str, value: Any, where: dict[str, Any]) -> None:
        if value != says[field]:
            readings[field].setdefault(value, {"value": value, **where})

    classes = [*_CLASSES, *((row[0], row[2]) for row in _SYSTEMS)]  # a class word, or a system of the class
    for sentence in (s for s in sentences if not _CONTEXT.search(s.text)):
        if published is not None and (sentence.is_launch or _TELLS_LAUNCH.search(sentence.text)):
            for found in find_dates(sentence.text, published, sentence.start, statements=True, window=False):
                if not found.statement and 0 <= (published - found.value).days <= _READING_WINDOW_DAYS:
                    where = {"text": found.text, "start": found.start, "end": found.end}
                    add("launched_at", found.value.isoformat(), where)
        if not sentence.is_launch:
            continue
        site = find_site([sentence], gazetteer, []) if gazetteer is not None else None
        if site is not None and site.site_id is not None:
            add("site_id", site.site_id, site.evidence)
        for pattern, system_class in classes:
            for match in pattern.finditer(sentence.text):
                if system_class != "unknown":
                    add("system_class", system_class, span(match, sentence.start))
        for match in missile_counts(sentence):
            count = count_value(match.group("word"))
            # a vague count ("several missiles") is a reading only beside a drafted number
            if count is not None or says["count"] is not None:
                add("count", count, span(match, sentence.start))
    return {field: list(values.values()) for field, values in readings.items() if values}


def launch_row(event: dict[str, Any]) -> dict[str, Any]:
    """The draft ``event`` as a ``launches`` row: schema columns only, with an id when it can be made."""
    row = {column.name: event.get(column.name) for column in LAUNCH_COLUMNS}
    if not row["id"] and row["launched_at"] and row["site_id"]:
        row["id"] = launch_id(row["launched_at"], str(row["launched_at_precision"] or "day"), row["site_id"])
    return row


def source_rows(
    event: dict[str, Any],
    published_on: dt.date | str,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> list[dict[str, Any]]:
    """``launch_sources`` rows for ``event``: one per attributed source, or one for the report itself.

    Every row is dated ``published_on`` and relayed by ``outlet`` (the report the figures were read
    from), unless the drafted source carries its own (a draft merged from several reports by
    :func:`geodata.reports.many.extract_many` keeps each report's date, outlet, address and headline).
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
            published_on=source.get("published_on") or published_on,
            outlet=source.get("outlet") or outlet or source.get("source"),
            url=source.get("url") or url or None,
            title=source.get("title") or title or None,
        )
        rows.append(row)
    return rows
