"""Issue #13: reports -> review queue -> a person's decision, on SQLite and PostgreSQL.

Real wire copy from ``tests/fixtures/reports/wire`` where it fits: three outlets' reports of the
30 May 2024 Sunan salvo (Japan Times, Korea Herald, Gulf Times), a round-up of two launches
(Leiria/AFP, 17-18 Dec 2023) and an artillery item (Millennium Post, 2022). The revision is
written here: the JCS revising the stored 7 Nov 2025 Taegwan flight from 700 to 800 km.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from geodata.errors import InvalidOption, ReviewDecided, StaleEdit, UnsupportedLanguage
from geodata.reports import extract_many
from geodata.reports.language import refuse_non_english, report_language
from geodata.reports.review import (
    Report,
    ReviewQueue,
    accept,
    describe_change,
    parse_edits,
    queue_reports,
    reject,
)
from geodata.store import Store
from tests.backends import backend_url, pg_admin_url
from tests.conftest import FIXTURE_SEEDS
from tests.reports.wire_corpus import WIRE, read_report

__all__ = ["backend_url", "pg_admin_url"]

THREE_OUTLETS = (
    "w29-japantimes-2024-05-30-at-least-10",
    "w31-koreaherald-2024-05-30-at-least-10-projectiles",
    "w32-gulftimes-2024-05-30-kn25",
)
REVISION = (
    "SEOUL, Nov. 8 (Yonhap) -- The short-range ballistic missile North Korea fired from Taegwan on "
    "Friday flew about 800 km, South Korea's Joint Chiefs of Staff said Saturday, revising its earlier "
    "estimate. Japan's defence ministry said the missile flew about 500 km."
)
KOREAN = "북한이 7일 낮 12시 35분께 평안북도 대관 일대에서 동해상으로 단거리 탄도미사일 1발을 발사했다고 합참이 밝혔다."
JAPANESE = "防衛省によると、北朝鮮は7日午後、弾道ミサイル1発を日本海に向けて発射した。"


@pytest.fixture
def store(backend_url: str) -> Store:
    seeded = Store(backend_url)
    seeded.seed(FIXTURE_SEEDS)
    return seeded


def wire(case: str) -> Report:
    header, text = read_report(WIRE / f"{case}.txt")
    return Report(
        text, dt.date.fromisoformat(header["published"]), case, header.get("outlet"), header.get("url")
    )


def test_queue__three_outlets_and_a_revision_give_one_event_with_three_sources_and_one_revision(store):
    launches_before = store.launches(include_version=True)
    result = queue_reports(store, [*(wire(c) for c in THREE_OUTLETS), Report(REVISION, dt.date(2025, 11, 8))])
    queue = ReviewQueue(store)
    items = queue.items()
    assert result.refused == [] and sorted(result.queued) == [i["id"] for i in items]
    new = [i for i in items if i["kind"] == "new"]
    revisions = [i for i in items if i["kind"] == "revision"]
    assert len(new) == 1 and len(revisions) == 1
    assert sorted(s["report"] for s in new[0]["draft"]["sources"]) == sorted(THREE_OUTLETS)
    assert {s["outlet"] for s in new[0]["draft"]["sources"]} >= {"The Japan Times", "Gulf Times"} or len(
        {s["outlet"] for s in new[0]["draft"]["sources"]}
    ) == 3
    assert new[0]["draft"]["report_status"] == "preliminary"
    revision = revisions[0]
    assert revision["target_id"] == "2025-11-07-taegwan"
    by_field = {c["field"]: c for c in revision["changes"]}
    assert (by_field["distance_km"]["old"], by_field["distance_km"]["new"]) == (700.0, 800.0)
    assert by_field["distance_km"]["source"] == "ROK JCS" and by_field["distance_km"]["applies"]
    assert describe_change(by_field["distance_km"]) == "distance: 700 km → 800 km (ROK JCS)"
    # nothing is saved without a decision
    assert store.launches(include_version=True).equals(launches_before)

    saved = accept(store, new[0]["id"], user="editor-a")
    event = store.launch(saved["launch_id"])
    assert saved["launch_id"] == "2024-05-30-sunan" and event["report_status"] == "preliminary"
    assert len(store.sources([saved["launch_id"]])) == 3

    revised = accept(store, revision["id"], user="editor-b")
    taegwan = store.launch("2025-11-07-taegwan")
    assert revised["launch_id"] == "2025-11-07-taegwan"
    assert (taegwan["distance_km"], taegwan["report_status"]) == (800.0, "revised")
    sources = store.sources(["2025-11-07-taegwan"])
    japan = sorted(sources[sources["source"] == "Japan MoD"]["distance_km"].astype(float))
    assert japan == [450.0, 500.0]  # Japan's new figure is kept beside its earlier one; the JCS leads
    assert int(sources["is_headline"].astype(bool).sum()) == 1
    decisions = store.audit()
    decided = decisions[decisions["table_name"] == "review_queue"]
    assert {"accepted"} <= set(decided["action"]) and {"editor-a", "editor-b"} <= set(decided["user_name"])
    assert json.loads(decided.iloc[0]["new_value"])["launch_id"] == "2025-11-07-taegwan"


def test_queue__a_round_up_of_two_launches_gives_two_drafts(store):
    result = queue_reports(store, [wire("w54-leiria-2023-12-18-two-launches")])
    assert len(result.queued) == 2
    days = sorted(ReviewQueue(store).item(i)["draft"]["launched_at"][:10] for i in result.queued)
    assert days == ["2023-12-17", "2023-12-18"]


def test_queue__an_artillery_item_gives_no_draft(store):
    result = queue_reports(store, [wire("w08-millenniumpost-2022-03-20-artillery")])
    assert result.queued == [] and ReviewQueue(store).items() == []
    assert any("no missile launch" in w for w in result.warnings)


def test_queue__copies_pasted_one_at_a_time_join_the_waiting_draft(store):
    first = queue_reports(store, [wire(THREE_OUTLETS[0])])
    second = queue_reports(store, [wire(THREE_OUTLETS[1])])
    assert second.queued == [] and second.redrafted == first.queued
    (item,) = ReviewQueue(store).items()
    assert sorted(r["name"] for r in item["reports"]) == sorted(THREE_OUTLETS[:2])
    assert len(item["draft"]["sources"]) == 2


def test_revision__a_lower_ranked_source_is_kept_beside_the_headline(store):
    text = "North Korea fired a ballistic missile from Taegwan on Friday that flew about 500 km, Japan's defence ministry said."
    (item_id,) = queue_reports(store, [Report(text, dt.date(2025, 11, 7))]).queued
    change = next(c for c in ReviewQueue(store).item(item_id)["changes"] if c["field"] == "distance_km")
    assert not change["applies"]
    assert describe_change(change) == (
        "distance: Japan MoD says 500 km; ROK JCS's 700 km stays the headline (both kept)"
    )
    accept(store, item_id)
    assert store.launch("2025-11-07-taegwan")["distance_km"] == 700.0
    sources = store.sources(["2025-11-07-taegwan"])
    assert 500.0 in set(sources["distance_km"].astype(float))


def test_decisions__edit_then_accept_reject_and_never_twice(store):
    result = queue_reports(store, [wire(THREE_OUTLETS[2]), wire("w54-leiria-2023-12-18-two-launches")])
    queue = ReviewQueue(store)
    by_day = {queue.item(i)["draft"]["launched_at"][:10]: i for i in result.queued}
    salvo, first, second = by_day["2024-05-30"], by_day["2023-12-17"], by_day["2023-12-18"]
    with pytest.raises(InvalidOption, match=f"draft {second} names no launch site.*site_id="):
        accept(store, second)  # the report says only "launched", not where from
    edited = accept(
        store, salvo, parse_edits(["distance_km=360", "notes=checked against JCS text"]), user="ed"
    )
    assert edited["decision"] == "edited" and "distance_km=360" in edited["reason"]
    assert store.launch(edited["launch_id"])["distance_km"] == 360.0
    before = len(store.launches())
    rejected = reject(store, first, "a duplicate of an earlier item", user="ed")
    assert (rejected["status"], rejected["decision"], rejected["decided_by"]) == (
        "rejected",
        "rejected",
        "ed",
    )
    assert len(store.launches()) == before
    with pytest.raises(ReviewDecided, match="already rejected by ed"):
        accept(store, first)
    with pytest.raises(ReviewDecided, match="already accepted"):
        reject(store, salvo)
    assert [i["id"] for i in ReviewQueue(store).items()] == [second]
    audit = store.audit()
    rows = audit[(audit["table_name"] == "review_queue") & (audit["row_key"] == str(first))]
    assert list(rows["action"]) == ["rejected", "queue"]  # newest first: queued, then rejected


def test_revision__the_event_edited_since_is_not_overwritten(store):
    (item_id,) = queue_reports(store, [Report(REVISION, dt.date(2025, 11, 8))]).queued
    stored = store.launch("2025-11-07-taegwan")
    store.update_launch("2025-11-07-taegwan", {"distance_km": 720.0}, expected_version=stored["version"])
    with pytest.raises(StaleEdit, match="was changed"):
        accept(store, item_id)
    assert store.launch("2025-11-07-taegwan")["distance_km"] == 720.0
    assert ReviewQueue(store).item(item_id)["status"] == "pending"


@pytest.mark.parametrize(
    ("pairs", "message"),
    [
        (["distnace_km=800"], "unknown field 'distnace_km'; did you mean distance_km"),
        (["distance_km"], "expected FIELD=VALUE"),
        (["count=2.5"], "count must be a whole number"),
        (["distance_km=1,5"], "distance_km:"),
    ],
)
def test_parse_edits__bad_edits_say_what_was_expected(pairs, message):
    with pytest.raises(InvalidOption, match=message):
        parse_edits(pairs)


def test_queue__an_unknown_item_names_the_pending_ones(store):
    with pytest.raises(InvalidOption, match="no review item 99; pending items: none"):
        accept(store, 99)


@pytest.mark.parametrize(("text", "language"), [(KOREAN, "Korean"), (JAPANESE, "Japanese")])
def test_non_english__refused_by_name_in_the_library(store, text, language):
    assert report_language(text) == language
    message = f"this report is in {language}; launchmap extracts English reports only"
    with pytest.raises(UnsupportedLanguage, match=f"seoul.txt is in {language}; launchmap extracts English"):
        extract_many([(text, dt.date(2025, 11, 7), "seoul.txt")])
    with pytest.raises(UnsupportedLanguage, match=message):
        refuse_non_english(text)
    result = queue_reports(store, [Report(text, dt.date(2025, 11, 7), "seoul.txt"), wire(THREE_OUTLETS[0])])
    assert result.refused == [f"seoul.txt is in {language}; launchmap extracts English reports only "
                              "(paste the English edition of the report, or enter the launch on the Data page)"]  # fmt: skip
    assert len(result.queued) == 1  # the English report still goes on


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired a missile, the JCS said. 합참은 이날 북한이 미사일을 발사했다고 밝혔다.",  # quotes a Korean line
        "KCNA said the Hwasong-18 (화성-18형) was launched from Pyongyang on Friday, the JCS said.",
    ],
)
def test_non_english__an_english_report_quoting_korean_is_read(text):
    assert report_language(text) is None


def test_decisions__two_editors_accepting_one_draft_at_once_save_it_once(store, backend_url):
    import threading

    (item_id,) = queue_reports(store, [wire(THREE_OUTLETS[0])]).queued
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def decide(user: str) -> None:
        mine = Store(backend_url)  # each editor's own app server and connections
        start.wait()
        try:
            outcomes.append(accept(mine, item_id, user=user)["decided_by"])
        except ReviewDecided:
            outcomes.append("refused")

    editors = [threading.Thread(target=decide, args=(name,)) for name in ("ana", "ben")]
    for editor in editors:
        editor.start()
    for editor in editors:
        editor.join()
    assert sorted(outcomes) in (["ana", "refused"], ["ben", "refused"])
    assert len(store.sources(["2024-05-30-sunan"])) == 1  # saved once, with its one source
    assert list(store.launches()["id"]).count("2024-05-30-sunan") == 1
