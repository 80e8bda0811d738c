"""The offline source checks (scripts/check_sources.py) over the real seeds, and proof each check bites."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("check_sources", ROOT / "scripts" / "check_sources.py")
assert _spec is not None and _spec.loader is not None
check_sources = importlib.util.module_from_spec(_spec)
sys.modules["check_sources"] = check_sources
_spec.loader.exec_module(check_sources)


def _launch(launch_id: str, at: str, site: str = "sohae", precision: str = "minute", notes: str = "") -> dict:
    return {
        "id": launch_id,
        "launched_at": at,
        "launched_at_precision": precision,
        "site_id": site,
        "notes": notes,
    }


def _source(launch_id: str, url: str, published: str, kind: str = "news") -> dict:
    return {"launch_id": launch_id, "url": url, "published_on": published, "source_kind": kind}


LAUNCHES = [
    _launch("2019-08-10-hamhung", "2019-08-09T20:34:00Z", site="hamhung"),
    _launch("2019-09-10-kaechon", "2019-09-09T21:53:00Z", site="kaechon"),
]


# --- the real seeds ---------------------------------------------------------------------------


def test_real_seeds__no_unexplained_findings() -> None:
    launches, sources = check_sources.load_seeds(ROOT / "seeds")
    findings = check_sources.run_checks(launches, sources)
    assert [str(f) for f in check_sources.unexplained(findings)] == []


def test_real_seeds__allowlist_has_no_stale_entries_and_every_entry_a_reason() -> None:
    launches, sources = check_sources.load_seeds(ROOT / "seeds")
    findings = check_sources.run_checks(launches, sources)
    assert check_sources.stale_allowlist(findings) == []
    assert all(reason.strip() for reason in check_sources.ALLOWLIST.values())


def test_main__exit_code_zero_on_the_real_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_sources.main([str(ROOT / "seeds")]) == 0
    assert "0 open" in capsys.readouterr().err


def test_main__exit_code_one_when_a_row_is_bad(tmp_path: Path) -> None:
    (tmp_path / "launches.csv").write_text(
        "id,launched_at,launched_at_precision,site_id,notes\n2019-08-10-hamhung,2019-08-09T20:34:00Z,minute,hamhung,\n",
        encoding="utf-8",
    )
    (tmp_path / "launch_sources.csv").write_text(
        "launch_id,source_kind,published_on,url\n2019-08-10-hamhung,news,2019-08-10,https://example.com/2019/08/16/x\n",
        encoding="utf-8",
    )
    assert check_sources.main([str(tmp_path)]) == 1


# --- URL form ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/a",
        "https://exa mple.com/a",
        "https:///no-host",
        "example.com/2019/08/10/a",
        "http://localhost/a",
    ],
)
def test_check_urls__flags_malformed(url: str) -> None:
    findings = check_sources.check_urls([_source("2019-08-10-hamhung", url, "2019-08-10")])
    assert [f.check for f in findings] == ["url"]


def test_check_urls__accepts_ordinary_and_ip_hosts() -> None:
    rows = [
        _source("x", "https://en.yna.co.kr/view/AEN20190810000351325", "2019-08-10"),
        _source("x", "http://209.141.35.7:8011/https/www.dw.com/en/a-48599221", "2019-05-04"),
    ]
    assert check_sources.check_urls(rows) == []


# --- dates in URLs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected", "precision"),
    [
        ("https://www.millenniumfm.net/2019/08/10/north-korea-fires/", date(2019, 8, 10), "day"),
        ("https://www.tellerreport.com/news/2019-08-16---nhk-news-.SJff.html", date(2019, 8, 16), "day"),
        ("https://en.yna.co.kr/view/AEN20220307008954325?section=national/defense", date(2022, 3, 7), "day"),
        ("https://www.nippon.com/en/news/yjj2023031500273/x.html", date(2023, 3, 15), "day"),
        ("http://www.koreaherald.com/view.php?ud=20170317000441", date(2017, 3, 17), "day"),
        ("https://www.donga.com/en/List/article/all/20080329/257847/1", date(2008, 3, 29), "day"),
        ("https://twocircles.net/2008mar27/north_korea.html", date(2008, 3, 27), "day"),
        ("https://www.washingtontimes.com/news/2003/mar/10/20030310-085855-5340r/", date(2003, 3, 10), "day"),
        ("https://www.rte.ie/news/2009/0526/117760-northkorea", date(2009, 5, 26), "day"),
        ("https://usa.chinadaily.com.cn/world/2014-09/06/content_18558141.htm", date(2014, 9, 6), "day"),
        (
            "https://www.austindailyherald.com/2016/08/north-korea-fires-mid-range-missile/",
            date(2016, 8, 1),
            "month",
        ),
    ],
)
def test_url_date__reads_common_patterns(url: str, expected: date, precision: str) -> None:
    found = check_sources.url_date(url)
    assert found is not None
    assert (found.day, found.precision) == (expected, precision)


@pytest.mark.parametrize(
    "url",
    [
        "https://news.kbs.co.kr/news/view.do?ncd=7623642",
        "https://english.kyodonews.net/news/2024/05/7fde4466cf77-n-korea-tested.html",  # month only
        "https://news.sbs.co.kr/news/endPage.do?news_id=N1008472163",
    ],
)
def test_url_date__no_false_day(url: str) -> None:
    found = check_sources.url_date(url)
    assert found is None or found.precision == "month"


def test_check_url_dates__catches_the_europeworldnews_style_mismatch() -> None:
    bad = _source("2019-08-10-hamhung", "https://example.com/2019/08/16/north-korea-launches/", "2019-08-10")
    good = _source("2019-08-10-hamhung", "https://example.com/2019/08/11/north-korea-launches/", "2019-08-10")
    findings = check_sources.check_url_dates([bad, good])
    assert [(f.check, f.url) for f in findings] == [("url-date", bad["url"])]


def test_check_url_dates__month_paths_compare_with_the_month() -> None:
    inside = _source("x", "https://example.com/2016/08/slug/", "2016-08-31")
    outside = _source("x", "https://example.com/2016/08/slug-2/", "2016-10-01")
    assert [f.url for f in check_sources.check_url_dates([inside, outside])] == [outside["url"]]


# --- publication window -----------------------------------------------------------------------


def test_check_publication_window__flags_early_and_late_news() -> None:
    rows = [
        _source("2019-08-10-hamhung", "https://a.example/1", "2019-08-07"),  # two days before the UTC date
        _source("2019-08-10-hamhung", "https://a.example/2", "2019-08-08"),  # one day before: time zones
        _source("2019-08-10-hamhung", "https://a.example/3", "2019-08-09"),  # launch UTC day: fine
        _source("2019-08-10-hamhung", "https://a.example/4", "2019-12-01"),  # > 60 days later
        _source("2019-08-10-hamhung", "https://a.example/5", "2024-01-01", kind="research"),  # research: fine
    ]
    findings = check_sources.check_publication_window(LAUNCHES, rows)
    assert sorted(f.url for f in findings) == ["https://a.example/1", "https://a.example/4"]


def test_check_publication_window__month_precise_events_use_the_whole_month() -> None:
    launches = [_launch("2015-05-sinpo", "2015-05-01T00:00:00Z", precision="month")]
    rows = [_source("2015-05-sinpo", "https://a.example/1", "2015-07-25")]  # < 60 days after 31 May
    assert check_sources.check_publication_window(launches, rows) == []


def test_check_publication_window__unknown_launch_is_a_finding() -> None:
    findings = check_sources.check_publication_window(
        LAUNCHES, [_source("nope", "https://a.example/", "2019-08-10")]
    )
    assert [f.message for f in findings] == ["no such launch"]


# --- reused URLs ------------------------------------------------------------------------------


def test_check_reused_urls__flags_a_link_reused_for_a_distant_event() -> None:
    url = "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=176419"
    launches = [
        _launch("2023-03-09-nampo", "2023-03-09T09:20:00Z"),
        _launch("2023-03-14-jangyon", "2023-03-13T22:41:00Z"),
    ]
    rows = [_source("2023-03-09-nampo", url, "2023-03-14"), _source("2023-03-14-jangyon", url, "2023-03-14")]
    findings = check_sources.check_reused_urls(launches, rows)
    assert sorted(f.launch_id for f in findings) == ["2023-03-09-nampo", "2023-03-14-jangyon"]


def test_check_reused_urls__allows_events_within_two_days() -> None:
    url = "https://example.com/roundup"
    launches = [_launch("a", "2022-11-02T00:00:00Z"), _launch("b", "2022-11-03T12:00:00Z")]
    rows = [_source("a", url, "2022-11-04"), _source("b", url, "2022-11-04")]
    assert check_sources.check_reused_urls(launches, rows) == []


# --- same site within an hour -----------------------------------------------------------------


def test_check_same_site__flags_unexplained_pairs_only() -> None:
    launches = [
        _launch("2024-07-01-jangyon", "2024-06-30T20:05:00Z", site="jangyon"),
        _launch("2024-07-01-jangyon-b", "2024-06-30T20:15:00Z", site="jangyon"),
        _launch("2025-05-08-wonsan", "2025-05-07T23:10:00Z", site="wonsan"),
        _launch(
            "2025-05-08-wonsan-b", "2025-05-07T23:10:00Z", site="wonsan", notes="apart from 2025-05-08-wonsan"
        ),
        _launch("2025-05-08-wonsan-c", "2025-05-08T02:10:00Z", site="wonsan"),  # three hours later: fine
        _launch("2025-05-08-hamhung", "2025-05-07T23:10:00Z", site="hamhung"),  # other site: fine
    ]
    findings = check_sources.check_same_site(launches)
    assert [f.launch_id for f in findings] == ["2024-07-01-jangyon|2024-07-01-jangyon-b"]


def test_check_same_site__day_precise_records_are_not_compared() -> None:
    launches = [
        _launch("a", "2022-11-02T00:00:00Z", site="dprk-unknown", precision="day"),
        _launch("b", "2022-11-02T00:12:00Z", site="dprk-unknown"),
    ]
    assert check_sources.check_same_site(launches) == []


# --- the allowlist ----------------------------------------------------------------------------


def test_unexplained__drops_only_allow_listed_keys() -> None:
    kept = check_sources.Finding("url", "a", "u1", "m")
    allowed = check_sources.Finding("url", "b", "u2", "m")
    assert check_sources.unexplained([kept, allowed], {allowed.key: "reason"}) == [kept]
    assert check_sources.stale_allowlist([kept], {allowed.key: "reason"}) == [allowed.key]
