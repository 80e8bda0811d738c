"""Issue #12 corrections to the seed history (seeds/README.md, "Corrections (2026-11)"), one test each."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _rows(name: str) -> list[dict[str, str]]:
    with (SEEDS / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def launches() -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in _rows("launches.csv")}


@pytest.fixture(scope="module")
def sources() -> list[dict[str, str]]:
    return _rows("launch_sources.csv")


def _of(sources: list[dict[str, str]], launch_id: str) -> list[dict[str, str]]:
    return [row for row in sources if row["launch_id"] == launch_id]


def _headline(sources: list[dict[str, str]], launch_id: str) -> dict[str, str]:
    (headline,) = [row for row in _of(sources, launch_id) if row["is_headline"] == "true"]
    return headline


def test_2016_03_10__launched_from_hwangju_not_wonsan(launches, sources) -> None:
    event = launches["2016-03-10-wonsan"]  # the id stays: users link to it
    sites = {row["id"]: row for row in _rows("sites.csv")}
    assert event["site_id"] == "hwangju"
    assert (float(event["lat"]), float(event["lon"])) == pytest.approx(
        (float(sites["hwangju"]["lat"]), float(sites["hwangju"]["lon"])), abs=0.05
    )
    assert "North Hwanghae" in event["notes"] and "direction" in event["notes"]
    assert event["launched_at"] == "2016-03-09T20:20:00Z"  # 05:20 KST on 10 Mar
    assert _headline(sources, "2016-03-10-wonsan")["source"] == "ROK JCS"


def test_2016_03_18__second_rodong_failed_and_jcs_gave_800_km(launches, sources) -> None:
    event = launches["2016-03-18-sukchon"]
    assert (event["outcome"], event["failed_count"], event["count"]) == ("partial", "1", "2")
    assert float(event["distance_km"]) == 800
    headline = _headline(sources, "2016-03-18-sukchon")
    assert (headline["source"], float(headline["distance_km"])) == ("ROK JCS", 800)
    assert "AEN20160318" in headline["url"]


@pytest.mark.parametrize(
    ("launch_id", "count"),
    [("2016-08-03-unnyul", 2), ("2017-03-06-sohae", 5), ("2017-08-26-kittaeryong", 3)],
)
def test_partial_salvos__one_missile_failed(launches, sources, launch_id: str, count: int) -> None:
    event = launches[launch_id]
    assert (event["outcome"], event["failed_count"], int(event["count"])) == ("partial", "1", count)
    us = [row for row in _of(sources, launch_id) if row["source"] == "US"]
    assert us, "the US statement that reported the failure is cited"


def test_2017_03_06__five_fired_per_us_but_jcs_four_kept(sources) -> None:
    rows = _of(sources, "2017-03-06-sohae")
    assert _headline(sources, "2017-03-06-sohae")["source"] == "US"
    assert {row["count"] for row in rows if row["source"] == "US"} == {"5"}
    assert {row["count"] for row in rows if row["source"] == "ROK JCS"} == {"4"}


def test_2017_08_26__pacom_update_cited(sources) -> None:
    assert any("abcnews.go.com" in row["url"] for row in _of(sources, "2017-08-26-kittaeryong"))


def test_2019_09_10__jcs_apogee_about_50_km(launches, sources) -> None:
    assert float(launches["2019-09-10-kaechon"]["apogee_km"]) == 50
    jcs = [
        row for row in _of(sources, "2019-09-10-kaechon") if row["source"] == "ROK JCS" and row["apogee_km"]
    ]
    assert "50" in {row["apogee_km"] for row in jcs}


def test_2015_04_03__four_missiles_from_tongchang_ri_added(launches, sources) -> None:
    event = launches["2015-04-03-sohae"]
    assert (event["site_id"], event["count"], event["system_class"]) == ("sohae", "4", "SRBM")
    assert float(event["distance_km"]) == 140
    assert event["landing_area"] == "Yellow Sea"
    assert event["launched_at"].startswith("2015-04-03T07:")  # afternoon KST, same day in UTC
    rows = _of(sources, "2015-04-03-sohae")
    assert len(rows) >= 2
    assert _headline(sources, "2015-04-03-sohae")["source"] == "ROK JCS"


@pytest.mark.parametrize(
    ("launch_id", "bad_url_part"),
    [
        ("2019-08-10-hamhung", "europeworldnews.com"),
        ("2008-03-28-nampo", "city.udn.com"),
        ("2022-11-02-dprk-unknown-b", "tawitawi-deped-lead-school-event"),
        ("2023-03-09-nampo", "Seq_Code=176419"),
        ("2023-03-22-hamhung", "AEN20230722000551325"),
        ("2023-03-22-hamhung-b", "AEN20230722000551325"),
    ],
)
def test_wrong_article_urls_are_gone(sources, launch_id: str, bad_url_part: str) -> None:
    rows = _of(sources, launch_id)
    assert rows
    assert [row["url"] for row in rows if bad_url_part in row["url"]] == []


def test_2022_11_03_koksan__yonhap_id_kept_after_checking_the_page(sources) -> None:
    """AEN20220307008954325 looks like a March id, but the page is Yonhap's 4 Nov 2022 Koksan report."""
    (row,) = [row for row in _of(sources, "2022-11-03-koksan") if "AEN20220307008954325" in row["url"]]
    assert row["published_on"] == "2022-11-04"
    assert (float(row["distance_km"]), float(row["apogee_km"])) == (490, 130)


def test_every_corrected_event_still_has_one_headline(sources) -> None:
    for launch_id in (
        "2016-03-10-wonsan",
        "2016-03-18-sukchon",
        "2017-03-06-sohae",
        "2019-08-10-hamhung",
        "2022-11-02-dprk-unknown-b",
        "2023-03-09-nampo",
        "2023-03-22-hamhung",
        "2015-04-03-sohae",
    ):
        assert sum(row["is_headline"] == "true" for row in _of(sources, launch_id)) == 1, launch_id
