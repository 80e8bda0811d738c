"""Other readings: the other day, class or count a report's launch sentences give, listed beside a draft so the
editor checks that field first (geodata.reports.extract.other_readings)."""

from __future__ import annotations

import datetime as dt

import pytest

from geodata.reports import extract_events, extract_many
from geodata.reports.review import describe_readings

KCNA_THURSDAY = (
    "North Korea fired a ballistic missile on Friday, the JCS said. KCNA said the test, conducted on Thursday, "
    "was a success."
)


def _one(text: str, published: dt.date) -> dict:
    events = extract_events(text, published).events
    assert len(events) == 1
    return events[0]


@pytest.mark.parametrize(
    ("text", "published", "field", "value", "quote"),
    [
        (KCNA_THURSDAY, dt.date(2025, 11, 8), "launched_at", "2025-11-06", "Thursday"),
        (
            "North Korea fired a ballistic missile toward the East Sea, the JCS said on Saturday. The launch took "
            "place on Friday, according to Japan's coast guard, which said the test came early Thursday.",
            dt.date(2025, 11, 8),
            "launched_at",
            "2025-11-06",
            "early Thursday",
        ),
        (
            "North Korea fired two short-range ballistic missiles into the sea on Thursday, South Korea's Joint "
            "Chiefs of Staff said. Japan's defense ministry said the North launched three missiles.",
            dt.date(2025, 11, 6),
            "count",
            3,
            "three missiles",
        ),
        (
            "North Korea fired a ballistic missile from the Sunan area on Friday, the JCS said. Japan's defense "
            "ministry said the North fired the missile from near Kusong.",
            dt.date(2025, 11, 7),
            "site_id",
            "kusong",
            "Kusong",
        ),
        (
            "North Korea fired a short-range ballistic missile on Friday, the JCS said. Japan's ministry said the "
            "North launched what appeared to be a cruise missile.",
            dt.date(2025, 11, 7),
            "system_class",
            "cruise",
            "cruise missile",
        ),
    ],
    ids=["kcna-day", "coast-guard-day", "japan-count", "japan-site", "japan-class"],
)
def test_other_readings__a_launch_sentence_giving_another_value_is_listed_with_its_words(
    text, published, field, value, quote
):
    event = _one(text, published)
    drafted = {
        "launched_at": event["launched_at"][:10],
        "site_id": event["site_id"],
        "count": event["count"],
        "system_class": event["system_class"],
    }
    assert drafted[field] != value
    reading = event["other_readings"][field][0]
    assert (reading["value"], reading["text"], text[reading["start"] : reading["end"]]) == (
        value,
        quote,
        quote,
    )


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # another launch's day, told as background
        (
            "North Korea fired a ballistic missile on Friday, the JCS said. It was the North's first launch since "
            "it fired an ICBM on Monday.",
            dt.date(2025, 11, 7),
        ),
        # the day of a statement is not a launch's
        (
            "North Korea fired two ballistic missiles on Thursday, the JCS said on Friday.",
            dt.date(2025, 11, 7),
        ),
        # the same value twice is no other reading
        (
            "North Korea fired two ballistic missiles on Thursday. Japan also said two missiles were fired.",
            dt.date(2025, 11, 6),
        ),
        # the same rule as the draft's count: an article before another noun's plural counts nothing
        (
            "North Korea successfully tested a new tactical ballistic missile on Monday, state media said. South "
            "Korea's military said a day earlier that two ballistic missiles were launched.",
            dt.date(2025, 11, 4),
        ),
    ],
    ids=["background-day", "statement-day", "same-count", "article-before-a-plural"],
)
def test_other_readings__background_statements_and_agreeing_values_are_not_listed(text, published):
    assert _one(text, published)["other_readings"] == {}


def test_other_readings__tests_told_on_two_days_do_not_list_each_others_day():
    text = (
        "North Korea said it test-fired new long-range cruise missiles on September 11 and 12, flying 1,500 km. "
        "The missiles flew for 7,580 seconds, KCNA said."
    )
    events = extract_events(text, dt.date(2021, 9, 13)).events
    assert [e["launched_at"][:10] for e in events] == ["2021-09-11", "2021-09-12"]
    assert all("launched_at" not in e["other_readings"] for e in events)


def test_other_readings__merged_copies_keep_each_reports_words_and_drop_the_settled():
    merged = extract_many(
        [
            (
                "North Korea fired two short-range ballistic missiles into the sea on Thursday, the JCS said. "
                "Japan's defense ministry said the North launched three missiles.",
                dt.date(2025, 11, 6),
                "yonhap.txt",
            ),
            (
                "North Korea fired two ballistic missiles on Thursday, Japan's defense ministry said, revising its "
                "count. The North fired four missiles, a Japanese official said earlier.",
                dt.date(2025, 11, 6),
                "kyodo.txt",
            ),
        ]
    ).events
    assert len(merged) == 1
    readings = merged[0]["other_readings"]["count"]
    assert [(r["value"], r["report"]) for r in readings] == [(3, "yonhap.txt"), (4, "kyodo.txt")]
    assert merged[0]["count"] not in {r["value"] for r in readings}


def test_other_readings__a_vague_count_beside_a_number_is_a_reading_without_one():
    event = _one(
        "North Korea fired two ballistic missiles on Thursday, the JCS said. Japan's defense ministry said the "
        "North fired several missiles.",
        dt.date(2025, 11, 6),
    )
    assert event["count"] == 2
    assert [(r["value"], r["text"]) for r in event["other_readings"]["count"]] == [(None, "several missiles")]
    assert describe_readings(event) == [
        "missiles: the report also says no exact number («several missiles»); the draft has 2"
    ]


def test_describe_readings__one_line_per_reading_with_its_words_and_the_drafts_value():
    event = _one(KCNA_THURSDAY, dt.date(2025, 11, 8))
    assert describe_readings(event) == [
        "launch day: the report also says 2025-11-06 («Thursday»); the draft has 2025-11-07"
    ]
    assert describe_readings({**event, "other_readings": {}}) == []
