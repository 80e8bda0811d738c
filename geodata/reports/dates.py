"""Launch date and time from report text, resolved against the publication date.

Regular expressions only *find* date and time phrases; ``dateparser`` does the
calendar arithmetic ("Friday", "yesterday", "Nov. 7"). Assumptions:

- a weekday names the most recent such day on or before publication, so "on Friday"
  in a report published on a Friday is that same day;
- a clock time without a zone is Korea time (KST = Japan time, UTC+9), because the
  reports quote Seoul's JCS or Tokyo; "GMT"/"UTC" times are taken as UTC.

>>> import datetime as dt
>>> [m.value for m in find_dates("It fired on Friday.", dt.date(2025, 11, 7))]
[datetime.date(2025, 11, 7)]
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import dateparser

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
DATE_RE = re.compile(
    rf"(?P<full>(?:{_WEEKDAY},?\s+)?{_MONTH}\.?\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    # ("at around 07:23 April 13": a clock's minutes are no day)
    rf"|(?<![\d:.])\d{{1,2}}\s+{_MONTH}\.?(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2})"
    rf"|(?P<weekday>(?:(?:early|late)\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?)"
    # "on the afternoon of the 25th", "said on the 26th" (copy translated from Korean): a day of the copy's month,
    # not "the 70th anniversary"
    r"|\bthe\s+(?P<ordinal>\d{1,2}(?:st|nd|rd|th))(?=\s*(?:[.,;:)\"”]|$)|\s+(?:and|at|in|to|from|when)\b)"
    r"|(?P<relative>\byesterday\b|\btoday\b|\blast night\b|\bthis morning\b|\bearlier today\b|\blast week\b|"
    r"\bearlier this week\b|\bthis week\b|\bearlier in the day\b|\ba day (?:earlier|before)\b|\bthe (?:previous|prior) "
    r"(?:day|night|evening)\b|\bthe day before\b)",
    re.IGNORECASE,
)
# US zones a Pentagon statement or US copy gives its clock in ("1:17 p.m. Eastern time", "5:03 p.m. ET")
_US_ZONE = (
    r"E[SD]?T\b|Eastern(?: (?:Standard |Daylight )?[Tt]ime)?|P[SD]?T\b|Pacific(?: (?:Standard |Daylight )?[Tt]ime)?|"
    r"HST\b|Hawaii(?:an)? [Tt]ime|C[SD]T\b|Central(?: (?:Standard |Daylight )?[Tt]ime)"
)
_ZONE = rf"KST|JST|GMT|UTC|local time|Korea time|Seoul time|{_US_ZONE}"
US_ZONES = {
    "E": "America/New_York",
    "C": "America/Chicago",
    "P": "America/Los_Angeles",
    "H": "Pacific/Honolulu",
}
TIME_RE = re.compile(
    # "4: 57 p-m" in a garbled statement too
    rf"(?P<h>\d{{1,2}})(?:[:.]\s?(?P<m>\d{{2}}))?\s*(?P<ampm>[ap][.-]?\s?m\b\.?)(?:\s*\(?\s*(?P<zone>{_ZONE}))?"
    rf"|(?P<h24>\d{{1,2}}):(?P<m24>\d{{2}})\s*(?P<zone24>{_ZONE})?"
    r"|(?P<hhmm>\d{4})\s*(?P<zonehhmm>GMT|UTC)\b",
    re.IGNORECASE,
)
_REPORTED_ON = re.compile(
    # "quoted the JCS as saying on 26 July", "The Japanese government warned citizens Monday"
    # ("told Pentagon reporters Thursday that the missile was likely launched from a sea-based platform")
    r"\b(?:said|says|saying|reported|announced|stated|confirmed|claimed|added|told(?: [\w'’]+){1,3}?|warned(?: \w+)?)\s+"
    # ("North Korea announced today, Friday, that what it launched ... on Thursday")
    r"(?:(?:early|late)\s+)?(?:today,\s+)?(?:on\s+)?$|"
    # "This development, reported by state media on Monday" ("the ICBM released by North Korea on July 4", in copy
    # reworded by a machine, is the launch's day)
    r"(?<!\bICBM )(?<!\bmissile )(?<!\bmissiles )(?<!\brocket )\b(?:reported|announced|released)\s+by\s+"
    r"(?:[\w'’-]+\s+){1,4}on\s+$|"
    # "According to media reports on 16 October", "in a statement on Monday": the day of the words ("made the
    # announcement Wednesday, hours after ... the 3 a.m. launch" is often the launch day too: KCNA reports the same day)
    r"\b(?:reports|statement|briefing)\s+(?:on\s+)?$|"
    # "the disclosure by Defense Minister Iwaya on Tuesday that the ministry has concluded ..."
    r"\b(?:disclosure|announcement|statement|remarks|comments|briefing)\s+by\s+(?:[\w'’.-]+\s+){1,5}?on\s+$|"
    # "According to a report from the state media on Friday"
    r"\breport\s+(?:from|by|in)\s+(?:[\w'’-]+\s+){1,4}on\s+$|"
    # "Yonhap said quoting Pyongyang's state media Sunday"
    r"\bquoting\s+(?:[\w'’]+\s+){1,4}$|"
    # "said official KCNA news agency on Thursday": the speaker between the verb and its day
    r"\b(?:said|reported|announced)\s+(?:(?:the|official|state|news|agency|media|(?-i:[A-Z])[\w'’.]*)\s+){1,5}(?:on\s+)?$|"
    # "Footage aired by North Korean broadcaster KRT on January 7": the day of the broadcast, not of the launch
    r"\b(?:aired|broadcast|televised)\s+by\s+(?:[\w'’-]+\s+){1,5}on\s+$|"
    # "| Image: Rodong Sinmun (July 13, 2023)": a picture credit's day
    r"\b(?:Image|Photo|Picture)\s*:\s*[^().]{0,60}\(\s*$",
    re.I,
)
# "Published Friday, August 23, 2019", "Printed On 5 Mar 2026", "By YonhapPublished : Aug. 7, 2019", "Posted at 7:48
# PM, Sep 14, 2017": the page's day in the outlet's zone, neither the launch's nor a statement's (the copy's
# publication day, in Korea, stands in when the report names no other)
_PAGE_STAMP = (
    r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))(?:Published|Updated|Posted|Last updated|Printed|Created)\s*:?\s*"
)
_PAGE_STAMP_BEFORE = re.compile(
    _PAGE_STAMP + r"(?:on\s+|at\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?,?\s+)?$", re.I
)
# ... and its clock: "Posted at 7:48 PM", "Posted : May 30, 2024, 10:32", "Published on 13 Apr 2023 5:27:52 PM",
# "Published : Nov. 19, 2022 - 11:22"
_PAGE_STAMP_CLOCK_BEFORE = re.compile(
    _PAGE_STAMP + r"(?:on\s+)?(?:at\s+|[\w., ]{0,20}?\d{4}(?:,|\s+-)?\s+)$", re.I
)
# "North Korea on Friday confirmed that a missile it test-fired a day earlier...": the statement's day;
# "The Philippines on Tuesday condemned North Korea's firing of two missiles": the reaction's day
_REPORTED_AFTER = re.compile(
    r"^\s*,?\s*(?:that\s+)?(?:said|says|confirmed|reported|announced|stated|claimed|claims|identified|called|named|"
    r"described|"
    # "North Korea on Tuesday hailed its test-firing of a new ... missile the previous day": state media's praise
    r"condemned|denounced|critici[sz]ed|slammed|protested|hailed|touted|lauded|boasted)\b",
    re.I,
)
# "On Sunday, the North's Korean Central News Agency (KCNA) reported that ...": a sentence that opens on state
# media's day of report ("... fired missiles on Sunday, state media reported" is the launch's day)
_OPENS_ON = re.compile(r"(?:^|[.!?\n]\s*)(?:On\s+)?$")
# ... and "On Wednesday, North Korea announced that it successfully test-fired ... a day earlier": its own
# announcement's day, when it dates the launch from it ("On February 12, North Korea claimed that it successfully
# tested" names the test's day; "fired missiles on January 4, state media reported" is the launch's)
_NORTH_KOREA_SAID_AFTER = re.compile(
    r"^\s*,\s*(?:North Korea|Pyongyang|the North)\s+(?:said|says|announced|confirmed|reported|claimed)\b"
    r"[^.;]*\b(?:a day earlier|the previous day|the day before)\b",
    re.I,
)
_STATE_MEDIA_REPORTED_AFTER = re.compile(
    r"^\s*,\s*(?:the\s+)?(?:North(?:'s|\s+Korea'?s)?\s+)?(?:official\s+)?(?:Korean Central News Agency|KCNA|state media|"
    # ("On Friday, North Korea's daily Rodong Sinmun reported about a successive firing test")
    r"state news agency|(?:daily\s+|newspaper\s+)?Rodong Sinmun)\b[^.;]{0,30}?\b(?:said|reported|announced|quoted)\b",
    re.I,
)
_WORDS_AFTER_POSSESSIVE = re.compile(r"\s+(?:\w+\s+)?(?:report|announcement|statement|dispatch)\b", re.I)
# "(16.27 EST on Saturday)", "(2310 GMT Tuesday)": another time zone's day, not Korea's
_FOREIGN_DAY_BEFORE = re.compile(
    r"(?:\b|\d)(?:GMT|UTC|EST|EDT|CDT|CST|PDT|PST|ET|BST|CET|CEST|MSK|Hawaii time|(?:UK|British|London|Moscow|Paris|"
    # ("at 7:10 a.m. (2210 GMT, October 30)")
    # ("at 11:21 am (2121 GMT) on April 15": the bracket closed before the day)
    r"Berlin|Brussels|Sydney|Delhi|India|Indian) time)\)?\s*,?\s*(?:on\s+)?(?:the\s+)?$",
    re.I,
)
_OVERNIGHT_TO = re.compile(rf"\s*(?:-|–|to|into)\s*{_WEEKDAY}", re.I)
# "(9:45 p.m. Friday GMT)": the zone after the day
# ("this evening (February 6) Eastern Standard Time": the zone after the bracketed day)
_FOREIGN_DAY_AFTER = re.compile(
    r"^\)?\s*(?:GMT|UTC|EST|EDT|CDT|CST|PDT|PST|(?:Eastern|Central|Pacific) (?:Standard|Daylight) Time)\b",
    re.I,
)
# What may stand beside a date on a page's stamp line: a clock, its zone, separators
_STAMP_REST = r"[\s,|·•-]*(?:\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?\s*(?:[A-Z]{2,4}\b)?)?[\s,|·•-]*"
# ... after a section's name in capitals ("NEWS JUL 3 2017, 10:55 PM ET")
_STAMP_BEFORE_DATE = re.compile(r"(?:[A-Z]{2,}\s+)*" + _STAMP_REST)
# ... and before the page's reading notes ("Mar 15, 2022 • 1 hour ago • 1 minute read • Join the conversation")
_STAMP_AFTER_DATE = re.compile(
    _STAMP_REST
    + r"(?:(?:\d+\s+(?:hours?|minutes?|mins?)\s+ago|\d+\s+min(?:ute)?s?\s+read|Join the conversation)"
    r"[\s|·•-]*)*"
)
_RELATIVE_ALIASES = {
    "last night": "yesterday",
    "this morning": "today",
    "earlier today": "today",
    "earlier in the day": "today",
    "earlier this week": "this week",
    "a day earlier": "yesterday",
    "a day before": "yesterday",
    "the day before": "yesterday",
    "the previous day": "yesterday",
    "the previous night": "yesterday",
    "the previous evening": "yesterday",
    "the prior day": "yesterday",
    "the prior night": "yesterday",
    "the prior evening": "yesterday",
}
# How far back a date may lie and still be taken as this report's launch (older = background).
MAX_AGE_DAYS = 31


@dataclass(frozen=True)
class Found:
    """A phrase found in the text: its value, the text, and where it is."""

    value: Any
    text: str
    start: int
    end: int
    vague: bool = False  # "last week": a day can be given but it is approximate
    statement: bool = False  # "the military said Monday", a dateline: the day of the words, not of the launch


@functools.lru_cache(maxsize=4096)  # the same few phrases ("Friday") recur; dateparser is the slow step
def _parse(phrase: str, base: dt.datetime) -> dt.date | None:
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


_YEAR = re.compile(r"\b\d{4}\b")
_OUTLET_TODAY = re.compile(r"TODAY\s*/")
_A_NAME_BEFORE = re.compile(r"\b[A-Z][\w.]*[ \t]+$")


def find_dates(
    text: str, published: dt.date | None, offset: int = 0, statements: bool = False, window: bool = True
) -> list[Found]:
    """Dates mentioned in ``text`` that could be the launch day, in text order.

    Relative phrases need ``published``; without it they are skipped. Dates after
    publication or more than :data:`MAX_AGE_DAYS` before it are background and dropped
    (all are kept with ``window=False``). The day of a statement ("KCNA said on Monday",
    a dateline) is left out, or with ``statements=True`` kept and marked ``statement``:
    it is the launch day only when a report says nothing else.
    """
    found: list[Found] = []
    base = dt.datetime.combine(published, dt.time(12)) if published else dt.datetime(2100, 1, 1)
    # "North Korea said Thursday that it ... test-fired a missile a day earlier": the day before the statement
    said_on: dt.date | None = None
    last_said_end: int | None = None  # where the last statement's day ended ("said on Sunday (March 15)")
    for match in DATE_RE.finditer(text):
        phrase = match.group(0)
        before = text[max(0, match.start() - 60) : match.start()]
        if _PAGE_STAMP_BEFORE.search(before):
            continue
        if _OUTLET_TODAY.match(text, match.start()) or (phrase == "Today" and _A_NAME_BEFORE.search(before)):
            # "[ TODAY / AFP ]": Singapore's TODAY credited with its wire service; "News Today", "USA Today": a
            # programme's or a paper's name, not a day
            continue
        korea_days_ahead = 0
        foreign = _FOREIGN_DAY_BEFORE.search(before)
        if foreign and ")" in foreign.group(0) and not match.group("full"):
            foreign = (
                None  # "at 2:48 local time (18:18 GMT) Wednesday": the bracket aside, the local clock's day
            )
        if foreign or _FOREIGN_DAY_AFTER.match(text[match.end() : match.end() + 30]):
            # "launched at 1342 GMT on 21 November": a calendar day in UTC, which Korea (9 hours ahead) may have left
            utc_clock = _utc_clock_of(foreign, before)
            if utc_clock is None or not match.group("full"):
                continue  # "(2310 GMT Tuesday)": the same moment, named in another zone's day
            korea_days_ahead = 1 if utc_clock.value[0] + 9 >= 24 else 0
        if (
            match.group("weekday")
            and _OVERNIGHT_TO.match(text, match.end())
            and re.search(r"overnight\W+(?:from\s+)?$", before, re.I)
        ):
            continue  # "overnight Monday-Tuesday" in European copy: Korea, ahead, was already in the second day
        # "SEOUL, Aug. 29 --": a dateline dates the copy; so does a page's stamp, a line of a date and a clock
        # alone ("June 25, 2024, 5:00 PM" under the headline)
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())  # a stamp is a line of its own; a clause alone is not one
        line = dateline_at(text, line_start) if match.group("full") else None
        dateline = bool(match.group("full")) and (
            (line is not None and line.covers("month", match.start()))
            or bool(
                line_end != -1
                and _STAMP_BEFORE_DATE.fullmatch(text[line_start : match.start()])
                and _STAMP_AFTER_DATE.fullmatch(text[match.end() : line_end])
            )
        )
        # "KCNA said Sunday's drill ...": a possessive day is the day of what it names, not of the words
        possessive = text.startswith(("'s", "’s"), match.end())
        # ... but "Wednesday's report in KCNA came a day after ..." names the day of the words
        report_of_the_day = possessive and bool(_WORDS_AFTER_POSSESSIVE.match(text, match.end() + 2))
        # "reported on Sunday (March 15, 2026)": the date in brackets is the same day, said the same way
        bracketed = (
            last_said_end is not None
            and last_said_end + 3 >= match.start()
            and text[: match.start()].rstrip().endswith("(")
        )
        statement = (
            dateline
            or bracketed
            or report_of_the_day
            or (
                not possessive
                and bool(
                    _REPORTED_ON.search(before)
                    or _REPORTED_AFTER.match(text[match.end() : match.end() + 20])
                    or (
                        _OPENS_ON.search(before)
                        and (
                            _STATE_MEDIA_REPORTED_AFTER.match(text[match.end() : match.end() + 100])
                            or _NORTH_KOREA_SAID_AFTER.match(text[match.end() : match.end() + 200])
                        )
                    )
                )
            )
        )
        last_said_end = match.end() if statement else None
        if match.group("full") and (published is not None or _YEAR.search(phrase)):
            value = _parse(re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", phrase), base)
        elif published is None:
            continue  # "on Friday", "May 25": of which week or year only publication tells
        elif match.group("ordinal"):
            value = _day_of_month(int(match.group("ordinal")[:-2]), published)
        elif match.group("weekday"):
            # dateparser's "past" skips today's weekday; a base one day later makes
            # "Friday" mean the most recent Friday on or before publication.
            day = re.search(_WEEKDAY, phrase, re.IGNORECASE)
            value = _parse(day.group(0), base + dt.timedelta(days=1)) if day else None
        else:
            key = phrase.lower()
            alias = _RELATIVE_ALIASES.get(key, key)
            relative_to = (
                dt.datetime.combine(said_on, dt.time(12)) if said_on and alias == "yesterday" else base
            )
            value = _parse(alias, relative_to)
        if value is None:
            continue
        value += dt.timedelta(days=korea_days_ahead)
        if statement and not dateline and match.group("weekday") and published and value <= published:
            said_on = value
        if statement and not statements:
            continue  # "KCNA said on Monday": the day of the statement, not of the launch
        if window and published and not (published - dt.timedelta(days=MAX_AGE_DAYS) <= value <= published):
            continue
        vague = bool(match.group("relative")) and "week" in phrase.lower()
        found.append(Found(value, phrase, offset + match.start(), offset + match.end(), vague, statement))
    return found


def _utc_clock_of(zone: re.Match[str] | None, before: str) -> Found | None:
    """The UTC clock time whose ``zone`` stands right before a day ("at 1342 GMT on 21 November"), if any."""
    clocks = find_times(before) if zone is not None else []
    if zone is not None and clocks and clocks[-1].value[2] and clocks[-1].end >= zone.start():
        return clocks[-1]
    return None


def _day_of_month(day: int, published: dt.date) -> dt.date | None:
    """Day ``day`` of the copy's month, or of the month before when that day is still to come."""
    month_start = published.replace(day=1)
    for start in (month_start, (month_start - dt.timedelta(days=1)).replace(day=1)):
        try:
            value = start.replace(day=day)
        except ValueError:
            continue
        if value <= published:
            return value
    return None


# "the tests on both Saturday and Sunday", "test-fired the missiles on September 11 and 12": two days of launches
_TWO_DAYS = re.compile(
    rf"\bon\s+(?:both\s+)?(?P<first>{_WEEKDAY})\s+and\s+(?P<second>{_WEEKDAY})\b"
    # ("launched on Sept. 11 and Sept. 12": the month told again; "fired 46 ... rockets between Mar. 22 and 23",
    # where "the night between Sunday and Monday" is one night)
    rf"|\b(?:on|between)\s+(?P<month>{_MONTH})\.?\s+(?P<day1>\d{{1,2}})\s+and\s+(?:(?P=month)\.?\s+)?(?P<day2>\d{{1,2}})\b"
    r"(?!\s*(?:km|kilomet|miles))"
    # ("On December 31 and January 1, the DPRK tested": across a month's end)
    rf"|\b(?:on|between)\s+(?P<first_date>{_MONTH}\.?\s+\d{{1,2}})\s+and\s+(?P<second_date>{_MONTH}\.?\s+\d{{1,2}})\b",
    re.I,
)


def two_days_told(text: str, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The two days, a day or two apart, of a phrase that tells launches on both ("on Saturday and Sunday").

    >>> two_days_told("The tests took place on both Saturday and Sunday.", dt.date(2021, 9, 13))
    (datetime.date(2021, 9, 11), datetime.date(2021, 9, 12))
    >>> two_days_told("It test-fired the missiles on September 11 and 12.", dt.date(2021, 9, 13))
    (datetime.date(2021, 9, 11), datetime.date(2021, 9, 12))
    >>> two_days_told("the cruise missile that was launched on Sept. 11 and Sept. 12", dt.date(2021, 9, 13))
    (datetime.date(2021, 9, 11), datetime.date(2021, 9, 12))
    >>> two_days_told("On December 31 and January 1, the DPRK tested a launcher.", dt.date(2023, 1, 1))
    (datetime.date(2022, 12, 31), datetime.date(2023, 1, 1))
    """
    for match in _TWO_DAYS.finditer(text):
        if match.group("first"):
            phrases = [match.group("first"), match.group("second")]
        elif match.group("first_date"):
            phrases = [match.group("first_date"), match.group("second_date")]
        else:
            phrases = [f"{match.group('month')} {match.group(g)}" for g in ("day1", "day2")]
        found = [find_dates(phrase, published, statements=True) for phrase in phrases]
        if found[0] and found[1] and 0 < (found[1][0].value - found[0][0].value).days <= 2:
            return found[0][0].value, found[1][0].value
    return None


_SHARED_AMPM = re.compile(r"\s*(?:and|to|-)\s+\d{1,2}[:.]\d{2}\s*([ap])\.?\s?m\b", re.I)


def us_zone(found: Found) -> ZoneInfo | None:
    """The US time zone a clock time of :func:`find_times` was given in ("1:17 p.m. Eastern time"), if any."""
    zone = re.search(_US_ZONE, found.text)
    return ZoneInfo(US_ZONES[zone.group(0)[0].upper()]) if zone else None


def _stamp_line(text: str, clock: re.Match[str]) -> bool:
    """Whether ``clock`` ends a line of a calendar date and a clock alone ("July 12, 2023 — 05:28 pm EDT" under
    the headline): the page's stamp, not a time of launch."""
    line_start = text.rfind("\n", 0, clock.start()) + 1
    clock_end = clock.start() + len(clock.group(0).rstrip())  # (a clock may take the line's break with it)
    line_end = text.find("\n", clock_end)
    date = DATE_RE.fullmatch(text[line_start : clock.start()].strip(" \t,|·•—–-"))
    rest = text[clock_end : len(text) if line_end == -1 else line_end]
    return bool(date and date.group("full") and re.fullmatch(r"[\s,|·•]*", rest))


def find_times(text: str, offset: int = 0) -> list[Found]:
    """Clock times as ``(hour, minute, is_utc)``, in text order."""
    found = []
    for match in TIME_RE.finditer(text):
        if match.group("hhmm"):
            hour, minute, zone = int(match.group("hhmm")[:2]), int(match.group("hhmm")[2:]), "UTC"
        elif match.group("ampm"):
            hour, minute = int(match.group("h")), int(match.group("m") or 0)
            pm = match.group("ampm").lower().startswith("p")
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if pm else 0)
            zone = (match.group("zone") or "").upper()
        else:
            hour, minute = int(match.group("h24")), int(match.group("m24"))
            zone = (match.group("zone24") or "").upper()
            shared = _SHARED_AMPM.match(text, match.end())
            if not zone and shared and 1 <= hour <= 12:
                # "at 2:41 and 2:52 p.m.": the second time's "p.m." is the first's too
                hour = hour % 12 + (12 if shared.group(1).lower() == "p" else 0)
        if (
            hour > 23
            or minute > 59
            or _PAGE_STAMP_CLOCK_BEFORE.search(text, max(0, match.start() - 60), match.start())
            or _stamp_line(text, match)
        ):
            continue
        found.append(
            Found(
                (hour, minute, zone in ("GMT", "UTC")),
                match.group(0),
                offset + match.start(),
                offset + match.end(),
            )
        )
    return found


_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_PLACE_WORD = r"[A-Z][A-Za-z.'’-]*"
_DASH = r"(?:--|—|–|-)"
# The one grammar of a dateline, the line that says where, when and by whom the copy was filed:
# "SEOUL, Nov. 7 (Yonhap) --", "TOKYO, Aug 29, 2017 (AP) —", "SEOUL (Reuters) -", "Tokyo, Nov. 18 (Jiji Press)--",
# "SEOUL —", "Seoul/Pyongyang –", "SEOUL/TOKYO:", "SEOUL, South Korea —", "Seoul (South Korea), January 6:",
# "Pyongyang [North Korea], November 19 :", "SEOUL, Korea, Republic Of —", "Jul 29 (Time) -", "WASHINGTON (REUTERS, BLOOMBERG) -", "Baku, May 13, AZERTAC", "MOSCOW, March 25. /TASS/.", "MOSCOW, February 19 – RIA Novosti."
DATELINE = re.compile(
    rf"[ \t]*(?P<place>{_PLACE_WORD}(?:[ /]{_PLACE_WORD}){{0,3}})?"
    r"(?:\s*[(\[](?P<country>[A-Z][A-Za-z ]{1,25})[)\]](?=,)|,\s*[A-Z][a-z]+(?:,?\s[A-Z][a-z]+){0,2}(?=\s*(?:--|—|–|-)))?"
    rf"(?:,?\s*(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?!\d)(?:,\s*(?P<year>\d{{4}}))?)?"
    r"(?:\s*\((?P<outlet>[A-Z][\w .,&'’-]{1,40})\)\s*(?:--|—|–|-|:)"
    r"|,\s*(?P<caps>[A-Z]{3,})\b\.?"
    r"|\.\s*/(?P<slash>[A-Z]{2,})/\.?"
    rf"|\s*{_DASH}\s*(?P<after>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)\.(?=\s)"
    rf"|\s*(?:{_DASH}|:(?=\s))"
    # "WASHINGTON The U.S. military detected": a page that dropped the dash after a place in capitals
    r"|(?<=[A-Z][A-Z])(?=\s+[A-Z][a-z])"
    # "SEOUL. KAZINFORM North Korea said": the place split off as a sentence of its own
    r"|(?<=[A-Z][A-Z]\.)(?=\s*$))"
    r"(?:\s|(?=[A-Z])|$)",
)


@dataclass(frozen=True)
class Dateline:
    """What a wire report's dateline says about the copy: where, on which day, from which agency."""

    place: str | None
    day: dt.date | None
    outlet: str | None
    match: re.Match[str] = field(repr=False, compare=False)

    def covers(self, group: str, at: int) -> bool:
        """Whether offset ``at`` lies in the dateline's ``group`` ("place", "month", "day")."""
        return self.match.start(group) <= at < self.match.end(group)


# "(MENAFN- Kuwait News Agency (KUNA)) TOKYO, Jan 31 (KUNA) --": a syndicator's credit before the dateline
_SYNDICATION = re.compile(r"\(MENAFN\b[^()]*(?:\([^()]*\)[^()]*)?\)\s*")


def dateline_at(text: str, start: int = 0, today: dt.date | None = None) -> Dateline | None:
    """The dateline opening ``text`` at ``start`` (a line's or a sentence's start), or ``None``.

    A day without a year takes the latest year that does not put it after ``today``
    (copy is not dated in the future); without ``today`` it is left ``None``.

    >>> dateline_at("SEOUL/TOKYO: North Korea fired").place
    'SEOUL/TOKYO'
    >>> dateline_at("North Korea fired a missile, Seoul said.") is None
    True
    """
    wrapper = _SYNDICATION.match(text, start)
    match = DATELINE.match(text, wrapper.end() if wrapper else start)
    if match is None or not (match.group("place") or match.group("month")):
        return None
    if (
        match.group("place")
        and match.group("month")
        and "," not in text[match.end("place") : match.start("month")]
    ):
        return None  # "On Nov. 7 --": a dateline's place is parted from its day by a comma
    outlet = next((match.group(g) for g in ("outlet", "caps", "slash", "after") if match.group(g)), None)
    day = None
    if match.group("month") and today is not None:
        month, number = _MONTHS[match.group("month")[:3].lower()], int(match.group("day"))
        years = [int(match.group("year"))] if match.group("year") else [today.year, today.year - 1]
        for year in years:
            try:
                candidate = dt.date(year, month, number)
            except ValueError:
                continue
            if match.group("year") or candidate <= today:
                day = candidate
                break
    place = match.group("place")
    return Dateline(place.strip() if place else None, day, outlet, match)


def find_dateline(text: str, today: dt.date) -> Dateline | None:
    """The dateline opening ``text`` ("SEOUL, Nov. 7 (Yonhap) --") if it dates the copy or names its agency.

    >>> find_dateline("SEOUL, Nov. 7 (Yonhap) -- North Korea fired", dt.date(2025, 11, 8))
    Dateline(place='SEOUL', day=datetime.date(2025, 11, 7), outlet='Yonhap')
    >>> find_dateline("SEOUL (Reuters) - North Korea fired", dt.date(2025, 11, 8)).outlet
    'Reuters'
    """
    start = len(text) - len(text.lstrip())
    line = dateline_at(text[: start + 200], start, today)
    return line if line is not None and (line.day or line.outlet) else None
