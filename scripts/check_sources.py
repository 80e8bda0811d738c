"""Offline checks of the seed sources: does each source row plausibly point at the report it cites?

Run ``python scripts/check_sources.py [SEEDS_DIR]``; it exits 1 when a finding is neither fixed nor
listed in :data:`ALLOWLIST`. Nothing is fetched: every check reads ``launches.csv`` and
``launch_sources.csv`` only.

Checks (each a function returning :class:`Finding` objects, so tests can run them on small tables):

``url``
    The URL is well formed: ``http``/``https``, a host, no whitespace.
``url-date``
    A page date encoded in the URL (``/2019/08/16/``, ``2019-08-16``, ``20190816``, Yonhap
    ``AEN20190816…``, Jiji ``yjj20190816…``, Korea Herald ``ud=20190816…``, ``/2008mar27/``,
    ``/2003/mar/10/``, ``/2009/0526/``, ``/2014-02/27/``; month-only paths such as ``/2016/08/``)
    agrees with ``published_on`` within :data:`URL_DATE_TOLERANCE_DAYS`.
``window``
    ``published_on`` lies between one day before the launch's UTC date and
    :data:`NEWS_WINDOW_DAYS` after the end of the launch's period (its day, or its month/year for
    month-/year-precise records). Research sources (chronologies, databases, analyses) are often
    written long after: they get :data:`RESEARCH_WINDOW_DAYS`.
``reused-url``
    The same URL cited for two events more than :data:`REUSE_GAP_DAYS` apart: one of them almost
    certainly cites the wrong page (a day's roundup legitimately covers several events).
``same-site``
    Two events at the same site within :data:`SAME_SITE_WINDOW` are probably one event recorded
    twice, unless the notes of one of them name the other event's id (how the seeds say "these
    are separate").
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

URL_DATE_TOLERANCE_DAYS = 3  # time zones (a US-dated page for a Korean-morning launch) and next-day relays
NEWS_WINDOW_DAYS = 60  # follow-ups (KCNA claims, MND revisions, debris analysis) come within weeks
RESEARCH_WINDOW_DAYS = 365 * 40  # research chronologies may be written decades later
EARLY_DAYS = 1  # a report can carry the previous UTC day's date only by time zone
REUSE_GAP_DAYS = 2  # one report may cover launches on consecutive days (a weekend's series)
SAME_SITE_WINDOW = timedelta(hours=1)

MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1
    )
}
_MON = "(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"

# Day-precise patterns, most specific first. Each has named groups y, m (or mon) and d.
_DAY_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"AEN(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})",  # Yonhap article ids
        r"yjj(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})",  # Jiji Press ids (nippon.com)
        r"[?&]ud=(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})",  # Korea Herald ids
        r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=[/?#]|$)",  # /2019/08/16/
        r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)",  # 2019-08-16
        r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})/(?P<d>\d{2})/",  # /2014-02/27/
        r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{2})(?P<d>\d{2})/",  # /2009/0526/
        rf"/(?P<y>(?:19|20)\d{{2}}){_MON}(?P<d>\d{{2}})/",  # /2008mar27/
        rf"/(?P<y>(?:19|20)\d{{2}})/{_MON}/(?P<d>\d{{1,2}})/",  # /2003/mar/10/
        r"(?<![\d])(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?![\d])",  # 20190816 standing alone
    )
)
# Month-precise paths: /2016/08/slug, /2016-08/
_MONTH_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{2})/(?!\d)"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})/(?!\d)"),
)


@dataclass(frozen=True)
class Finding:
    """One suspicious row. ``launch_id`` is ``a|b`` for a pair of events."""

    check: str
    launch_id: str
    url: str
    message: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.check, self.launch_id, self.url)

    def __str__(self) -> str:
        where = f" {self.url}" if self.url else ""
        return f"[{self.check}] {self.launch_id}{where}: {self.message}"


@dataclass(frozen=True)
class UrlDate:
    """A date read from a URL; ``precision`` is ``day`` or ``month`` (then ``day`` is the 1st)."""

    day: date
    precision: str
    pattern: str


# Findings checked by hand and kept, keyed by Finding.key, each with a one-line reason.
ALLOWLIST: dict[tuple[str, str, str], str] = {
    (
        "url-date",
        "2022-11-03-koksan",
        "https://en.yna.co.kr/view/AEN20220307008954325?section=national/defense",
    ): "Yonhap reserved the id on 7 Mar 2022; the page is the (2nd LD) of 00:46 KST 4 Nov 2022 on the Koksan launch (read via the search tool)",
}
_YONHAP_2009 = "http://english.yonhapnews.co.kr/northkorea/2009/04/03/90/0401000000AEN20090403003000325F.HTML"
_CNS_1984 = "https://nonproliferation.org/north-koreas-ballistic-missile-program-how-we-got-here/"
_CNS_1990 = (
    "https://nonproliferation.org/chronology-of-north-koreas-missile-trade-and-developments-1990-1991/"
)
_CHOSUN_2012 = "http://english.chosun.com/site/data/html_dir/2012/10/05/2012100500807.html"
_REUTERS_2015 = "http://uk.reuters.com/article/northkorea-missile-idUKL3N13N05020151128"
_TOPNEWS_2014 = "https://www.topnews.in/law/north-korea-launches-two-short-range-missiles-2152865"
_ARMYTECH_2014 = "https://www.army-technology.com/news/newsnorth-korea-fires-additional-ballistic-missiles-into-east-sea-4313777/"
_CHINADAILY_2014 = "https://usa.chinadaily.com.cn/world/2014-09/06/content_18558141.htm"
_LATER: dict[tuple[str, str, str], str] = {
    # Chronologies and retrospectives written long after the launch (the early years rest on them).
    ("window", "1985-tonghae", _YONHAP_2009): "Yonhap's 2009 chronology of NK missile tests",
    ("window", "1990-01-tonghae", _YONHAP_2009): "Yonhap's 2009 chronology of NK missile tests",
    ("reused-url", "1985-tonghae", _YONHAP_2009): "one chronology covers both early tests",
    ("reused-url", "1990-01-tonghae", _YONHAP_2009): "one chronology covers both early tests",
    (
        "window",
        "1993-05-29-tonghae",
        "https://www.japantimes.co.jp/news/2006/07/06/national/norths-missile-threat/",
    ): ("Japan Times 2006 background piece recounting the 1993 Nodong test"),
    (
        "window",
        "2003-03-10-hamhung",
        "https://csmonitor.com/World/Asia-Pacific/2010/1123/North-Korean-attack-on-South-Korea-8-provocations-of-the-past-decade/February-2003",
    ): "CSM 2010 list of a decade's provocations",
    ("reused-url", "1984-04-tonghae", _CNS_1984): "CNS research history covering both 1984 tests",
    ("reused-url", "1984-09-tonghae", _CNS_1984): "CNS research history covering both 1984 tests",
    ("reused-url", "1990-01-tonghae", _CNS_1990): "CNS 1990-1991 chronology covering the year's tests",
    ("reused-url", "1990-05-tonghae", _CNS_1990): "CNS 1990-1991 chronology covering the year's tests",
    ("reused-url", "1990-06-tonghae", _CNS_1990): "CNS 1990-1991 chronology covering the year's tests",
    # Later reports that disclose or recap an earlier launch (checked via the search tool unless noted).
    (
        "window",
        "2012-03-west-coast",
        _CHOSUN_2012,
    ): "Chosun (Oct 2012) first disclosed the March 2012 KN-01 firing",
    ("reused-url", "2012-03-west-coast", _CHOSUN_2012): "the Oct 2012 Chosun report covers March and 27 Sep",
    (
        "reused-url",
        "2012-09-27-west-coast",
        _CHOSUN_2012,
    ): "the Oct 2012 Chosun report covers March and 27 Sep",
    (
        "window",
        "2015-05-sinpo",
        _REUTERS_2015,
    ): "Reuters 28 Nov 2015 restates Seoul's May assessment (~150 m ejection)",
    ("reused-url", "2015-05-sinpo", _REUTERS_2015): "Reuters 28 Nov 2015 covers the Nov test and recaps May",
    (
        "reused-url",
        "2015-11-28-sinpo",
        _REUTERS_2015,
    ): "Reuters 28 Nov 2015 covers the Nov test and recaps May",
    ("window", "2015-12-21-sinpo", "http://www.koogle.tv/media/news/north-korea-tests-submarine-missile/"): (
        "KBS item relayed in Mar 2016 on the Dec 2015 SLBM test (only later footage existed); page not re-read"
    ),
    (
        "reused-url",
        "2014-02-27-kittaeryong",
        _TOPNEWS_2014,
    ): "IANS 3 Mar 2014 report recaps the 27 Feb four-Scud launch",
    (
        "reused-url",
        "2014-03-03-kittaeryong",
        _TOPNEWS_2014,
    ): "IANS 3 Mar 2014 report recaps the 27 Feb four-Scud launch",
    (
        "reused-url",
        "2014-06-29-wonsan",
        _ARMYTECH_2014,
    ): "9 Jul 2014 report of 'additional' launches recaps 29 Jun; page not re-read",
    (
        "reused-url",
        "2014-07-09-hwangju",
        _ARMYTECH_2014,
    ): "9 Jul 2014 report of 'additional' launches recaps 29 Jun; page not re-read",
    (
        "reused-url",
        "2014-08-14-wonsan-2",
        _CHINADAILY_2014,
    ): "6 Sep 2014 Xinhua/Yonhap report recaps 14 Aug; page not re-read",
    (
        "reused-url",
        "2014-09-06-wonsan",
        _CHINADAILY_2014,
    ): "6 Sep 2014 Xinhua/Yonhap report recaps 14 Aug; page not re-read",
}
ALLOWLIST.update(_LATER)


# --- parsing ---------------------------------------------------------------------------------


def _date(year: str, month: str | int, day: str) -> date | None:
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return found if 1980 <= found.year <= 2100 else None


def url_date(url: str) -> UrlDate | None:
    """The page date encoded in ``url``, if any (first matching pattern wins)."""
    for pattern in _DAY_PATTERNS:
        for match in pattern.finditer(url):
            groups = match.groupdict()
            month = MONTHS[groups["mon"].lower()] if groups.get("mon") else groups["m"]
            found = _date(groups["y"], month, groups["d"])
            if found is not None:
                return UrlDate(found, "day", pattern.pattern)
    for pattern in _MONTH_PATTERNS:
        match = pattern.search(url)
        if match and (found := _date(match["y"], match["m"], "1")) is not None:
            return UrlDate(found, "month", pattern.pattern)
    return None


def url_problems(url: str) -> list[str]:
    """What is wrong with the form of ``url`` (empty list when it is fine)."""
    problems = []
    if re.search(r"\s", url):
        problems.append("contains whitespace")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        problems.append(f"scheme is {parts.scheme!r}, not http/https")
    host = parts.hostname or ""
    if not host or ("." not in host and not re.fullmatch(r"[\d.]+|\[[0-9a-f:]+\]", host)):
        problems.append(f"no usable host ({host!r})")
    return problems


def _launch_dates(launch: Mapping[str, str]) -> tuple[date, date]:
    """First and last UTC day of the launch's period (one day unless month/year precise)."""
    start = datetime.fromisoformat(launch["launched_at"].replace("Z", "+00:00")).date()
    precision = launch.get("launched_at_precision") or "minute"
    if precision == "month":
        following = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return start, following - timedelta(days=1)
    if precision == "year":
        return start, date(start.year, 12, 31)
    return start, start


def _published(row: Mapping[str, str]) -> date | None:
    try:
        return date.fromisoformat(row["published_on"])
    except (KeyError, ValueError):
        return None


# --- checks ----------------------------------------------------------------------------------


def check_urls(sources: Iterable[Mapping[str, str]]) -> list[Finding]:
    return [
        Finding("url", row["launch_id"], row["url"], "; ".join(problems))
        for row in sources
        if row.get("url") and (problems := url_problems(row["url"]))
    ]


def check_url_dates(
    sources: Iterable[Mapping[str, str]], tolerance_days: int = URL_DATE_TOLERANCE_DAYS
) -> list[Finding]:
    findings = []
    for row in sources:
        encoded, published = url_date(row.get("url") or ""), _published(row)
        if encoded is None or published is None:
            continue
        if encoded.precision == "day":
            off = abs((published - encoded.day).days)
        else:  # month: distance from the month's span
            last = date(encoded.day.year + (encoded.day.month == 12), encoded.day.month % 12 + 1, 1)
            last -= timedelta(days=1)
            off = max((encoded.day - published).days, (published - last).days, 0)
        if off > tolerance_days:
            findings.append(
                Finding(
                    "url-date",
                    row["launch_id"],
                    row["url"],
                    f"URL dated {encoded.day.isoformat()} ({encoded.precision}) but published_on "
                    f"{published.isoformat()} ({off} days apart)",
                )
            )
    return findings


def check_publication_window(
    launches: Iterable[Mapping[str, str]], sources: Iterable[Mapping[str, str]]
) -> list[Finding]:
    by_id = {launch["id"]: launch for launch in launches}
    findings = []
    for row in sources:
        launch, published = by_id.get(row["launch_id"]), _published(row)
        if launch is None:
            findings.append(Finding("window", row["launch_id"], row.get("url", ""), "no such launch"))
            continue
        if published is None:
            findings.append(
                Finding("window", row["launch_id"], row.get("url", ""), "published_on unreadable")
            )
            continue
        first, last = _launch_dates(launch)
        days = RESEARCH_WINDOW_DAYS if row.get("source_kind") == "research" else NEWS_WINDOW_DAYS
        earliest, latest = first - timedelta(days=EARLY_DAYS), last + timedelta(days=days)
        if not earliest <= published <= latest:
            findings.append(
                Finding(
                    "window",
                    row["launch_id"],
                    row.get("url", ""),
                    f"published {published.isoformat()} outside {earliest.isoformat()}..{latest.isoformat()}",
                )
            )
    return findings


def check_reused_urls(
    launches: Iterable[Mapping[str, str]],
    sources: Iterable[Mapping[str, str]],
    max_gap_days: int = REUSE_GAP_DAYS,
) -> list[Finding]:
    starts = {launch["id"]: _launch_dates(launch)[0] for launch in launches}
    events_by_url: dict[str, set[str]] = defaultdict(set)
    for row in sources:
        if row.get("url") and row["launch_id"] in starts:
            events_by_url[row["url"]].add(row["launch_id"])
    findings = []
    for url, events in events_by_url.items():
        for event in sorted(events):
            far = sorted(
                other for other in events if abs((starts[other] - starts[event]).days) > max_gap_days
            )
            if far:
                findings.append(
                    Finding("reused-url", event, url, f"same URL also cited for {', '.join(far)}")
                )
    return findings


def check_same_site(
    launches: Sequence[Mapping[str, str]], window: timedelta = SAME_SITE_WINDOW
) -> list[Finding]:
    by_site: dict[str, list[tuple[datetime, Mapping[str, str]]]] = defaultdict(list)
    for launch in launches:
        if (launch.get("launched_at_precision") or "minute") != "minute":
            continue  # a day- or month-precise record has no time to compare
        at = datetime.fromisoformat(launch["launched_at"].replace("Z", "+00:00"))
        by_site[launch["site_id"]].append((at, launch))
    findings = []
    for site, events in by_site.items():
        events.sort(key=lambda pair: pair[0])
        for i, (first_at, first) in enumerate(events):
            for second_at, second in events[i + 1 :]:
                if second_at - first_at > window:
                    break
                explained = second["id"] in (first.get("notes") or "") or first["id"] in (
                    second.get("notes") or ""
                )
                if not explained:
                    findings.append(
                        Finding(
                            "same-site",
                            f"{first['id']}|{second['id']}",
                            "",
                            f"both at {site} within {int((second_at - first_at).total_seconds() // 60)} min; "
                            "name the other event in the notes if they are separate",
                        )
                    )
    return findings


def run_checks(launches: Sequence[Mapping[str, str]], sources: Sequence[Mapping[str, str]]) -> list[Finding]:
    return [
        *check_urls(sources),
        *check_url_dates(sources),
        *check_publication_window(launches, sources),
        *check_reused_urls(launches, sources),
        *check_same_site(launches),
    ]


def unexplained(
    findings: Iterable[Finding], allowlist: Mapping[tuple[str, str, str], str] = ALLOWLIST
) -> list[Finding]:
    return [finding for finding in findings if finding.key not in allowlist]


def stale_allowlist(
    findings: Iterable[Finding], allowlist: Mapping[tuple[str, str, str], str] = ALLOWLIST
) -> list[tuple[str, str, str]]:
    """Allow-list entries that no longer match a finding (fixed rows: drop the entry)."""
    keys = {finding.key for finding in findings}
    return [key for key in allowlist if key not in keys]


# --- entry point -----------------------------------------------------------------------------


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def load_seeds(folder: Path = SEEDS) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    return read_rows(folder / "launches.csv"), read_rows(folder / "launch_sources.csv")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=SEEDS, help="seed folder (default: ./seeds)")
    parser.add_argument("--all", action="store_true", help="also print allow-listed findings")
    args = parser.parse_args(argv)
    launches, sources = load_seeds(args.seeds)
    findings = run_checks(launches, sources)
    open_findings = unexplained(findings)
    for finding in findings if args.all else open_findings:
        reason = ALLOWLIST.get(finding.key)
        print(f"{finding}" + (f"  [allowed: {reason}]" if reason else ""))
    stale = stale_allowlist(findings)
    for key in stale:
        print(f"stale allow-list entry: {key}")
    print(
        f"{len(sources)} source rows, {len(launches)} events: {len(findings)} findings, "
        f"{len(findings) - len(open_findings)} allow-listed, {len(open_findings)} open, {len(stale)} stale",
        file=sys.stderr,
    )
    return 1 if open_findings or stale else 0


if __name__ == "__main__":
    sys.exit(main())
