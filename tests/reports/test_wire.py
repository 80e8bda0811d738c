"""Issue 13: the extractor on real wire copy, the failure classes it showed, and many reports at once.

The corpus and its conventions: tests/fixtures/reports/wire/README.md. Accuracy floors below are
what was measured when tuning stopped (per field, right/total); a drop is a regression.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geodata.reports import extract_events, extract_many
from geodata.reports.dates import find_dates, find_times
from geodata.reports.figures import find_figures, find_flight_times
from geodata.reports.text import split_sentences
from geodata.units import korea_day
from tests.reports.wire_corpus import (
    WIRE,
    WIRE_HELDOUT,
    accuracy,
    blind_results,
    candidate_recall,
    load_expected,
    overall,
    read_report,
    readings_shown,
    run,
)

# (right, total) when tuning stopped. Round 1 (2026-05): training 99.5 % on 51 reports; its held-out
# third, scored once afterwards, 91.3 % (83.3 % before the work). Round 2 (2026-11): that third moved
# into training (76 reports, 100 %); a new held-out set of 31 reports scored once after tuning stopped,
# 83.7 %. Round 3 (2026-11): those 31 moved into training (107 reports, 103 events) and tuned on; a new
# held-out set of 37 reports scored once after tuning stopped, 91.5 %. Round 4 (2026-11): those 37 moved
# into training (144 reports, 140 events) and tuned on; a new held-out set of 48 reports scored once after
# tuning stopped, 91.7 %. Round 5 (2026-11): those 48 moved into training (192 reports, 187 events) and tuned
# on; a new held-out set of 54 reports scored once after tuning stopped, 89.0 %. Round 6 (2026-11): those 54
# moved into training (246 reports, 240 events) and tuned on; a new held-out set of 47 reports scored once
# after tuning stopped, 89.9 %. Round 7 (2026-11-26): those 47 moved into training (293 reports, 287 events)
# and tuned on, with a model of which launch each clause is about (geodata/reports/attribution.py); a new
# held-out set of 50 reports scored once after tuning stopped, 92.5 %. Round 8 (2026-11-26): those 50 moved
# into training (343 reports, 336 events; the outcome convention settled, README) and tuned on; a new held-out
# set of 50 reports scored once after tuning stopped, 90.1 %. Round 9 (2026-11-26): those 50 moved into training
# (393 reports, 385 events) and tuned on (US-time clocks, "came a day after", ...); a new held-out set of 55
# reports scored once after tuning stopped, 82.8 %. Round 10 (2026-11-26): those 55 moved into training (448
# reports, 440 events; 96.9 % when moved in) and tuned on (state media's words for a launch and their days of
# report); a new held-out set of 57 reports scored once after tuning stopped, 88.0 %. Round 11 (2026-11-26):
# those 57 moved into training (505 reports, 496 events; 96.5 % when moved in) and tuned on (state media's
# "hit their targets", alternatives "KN-23 or KN-24", photo captions, bracketed conversions, orbit parameters,
# a statement's speaker before its day); a new held-out set of 50 reports scored once after tuning stopped,
# 88.9 %. Round 12 (2026-11-26): those 50 moved into training (555 reports, 546 events; 96.6 % when moved in) and
# tuned on (a salvo's one failure told by a second source, North Korea's own unnamed voice, an election's day, a
# European evening); a new held-out set of 56 reports scored once after tuning stopped, 88.6 %. Round 13
# (2026-11-26): those 56 moved into training (611 reports, 600 events; 96.0 % when moved in) and tuned on (a day
# of the month or a year's tally read as a count, an artillery headline's "missiles", ranges "between ... and",
# "ranged", "elevation"); a new held-out set of 46 reports scored once after tuning stopped, 85.8 %. Round 14
# (2026-11-26): those 46 moved into training (657 reports, 646 events; 95.4 % when moved in) and tuned on (one
# dateline grammar, typeset apostrophes and hyphens, a broadcast's day, flight times "between ... and", "over a
# 45-minute period", a failed satellite); a new held-out set of 58 reports scored once after tuning stopped,
# 90.1 %. Round 15 (2026-11-26): those 58 moved into training (715 reports, 704 events; 95.6 % when moved in) and
# tuned on classes met in several rounds (tests told on two days as one event per day, a page's stamp line, US
# and next-day state-media days); a new held-out set of 51 reports scored once after tuning stopped, 87.9 %. Round
# 16 (2026-11-26): those 51 moved into training (766 reports, 754 events; 95.7 % as they came) with no rule tuned on
# them: the round went to other readings (what a draft lists for the editor to check) measured on the blind drafts
# of rounds 3-15; a new held-out set of 58 reports scored once afterwards, 88.4 %. Round 17 (2026-11-26): those 58
# moved into training (824 reports, 812 events; 95.2 % as they came) and tuned on phrasings of a kind (a report that
# says only "tested", a reaction's or another zone's day, another day told apart only with "also"/"On Saturday,",
# places near or at the capital, a class denied with "unlikely", bounds on flight times, "one of which" failed); a
# new held-out set of 56 reports scored once after tuning stopped, 89.7 % (86.6 % with the code the round started
# from). Round 18 (2026-11-26): those 56 moved into training (880 reports, 865 events; 95.3 % as they came) and
# tuned on (a witness's "missile test launch", "Earlier in April ... also", a line break after "U.S.", "the main
# international airport", state-owned media alone); a new held-out set of 58 reports scored once after tuning
# stopped, 88.4 % (the same with the code the round started from). Round 19 (2026-11-26): those 58 moved into
# training (938 reports, 922 events; 95.1 % as they came) and tuned on (KCNA's drill weapons as short-range, US
# Central time, "a missile launch was detected", "in this undated photo" captions); a new held-out set (heldout/,
# 51 reports) scored once after tuning stopped, 89.2 % (88.8 % with the code the round started from). Round 20
# (2026-11-27): those 51 moved into training (989 reports, 971 events; 95.0 % as they came) and tuned on (one home for
# "recalls an earlier launch", satellite launches told as attempts, a lead's count on the next named source's word,
# outside confirmation of state-media-first copy, spans of classes, beside the capital); a new held-out set
# (54 reports) scored once after tuning stopped, 83.1 % (82.8 % with the code the round started from). Round 21
# (2026-11-27): those 54 moved into training (1,043 reports, 1,025 events; 95.4 % as they came) and tuned on (salvos
# told in volleys, launches told as known of or condemned, a missile's kin, the week's other launches' days and
# figures, counts against the launch's own plural); a new held-out set (53 reports) scored once after tuning
# stopped, 90.3 % (the same drafts with the code the round started from). Round 22 (2026-11-27): those 53 moved into
# training (1,096 reports, 1,074 events; 95.8 % as they came) and tuned on (the South's own missiles, a salvo
# counted with no missile word, two heights, an airport in the capital, days told as "the 25th"); a new held-out
# set (51 reports) scored once after tuning stopped, 89.1 % (the same drafts with the code the round started
# from). Round 23 (2026-11-27): those 51 moved into training (1,147 reports, 1,122 events; 95.7 % as they came)
# and tuned on (salvos told missile by missile, a type tested on two days, words and alarms that came after the
# launch, pictures' and other zones' days, the sea off Wonsan, outside observers of state-media launches); a new
# held-out set (52 reports) scored once after tuning stopped, 83.6 % (the same drafts with the code the round
# started from). Round 24 (2026-11-27): those 52 moved into training (1,199 reports, 1,171 events; 95.6 % as they
# came) and tuned on (failed satellite launches, rocket artillery, an analyst's improved version of a named
# missile, "respectively", page stamps, two salvos in one sentence, sirens after a launch, comparisons with an
# earlier launch); a new held-out set (54 reports) scored once after tuning stopped, 91.4 % (one draft differs
# from the code the round started from, the score is the same). Round 25 (2026-11-27): those 54 moved into training
# (1,253 reports, 1,226 events; 96.1 % as they came) and tuned briefly (the neighbours' data, a potential reach); a
# new held-out set (58 reports) scored once after tuning stopped, 85.9 % (the same drafts with the code the round
# started from). Round 26 (2026-11-27): those 58 moved into training (1,311 reports, 1,280 events; 95.7 % as they
# came) and tuned on (a launch told as a test's noun, state media's day before its announcement, a syndicator's
# credit before a dateline); a new held-out set (heldout/, 53 reports) scored once after tuning stopped, 89.6 %
# (89.7 % with the code the round started from: one draft differs, a day worse). Round 27 (2026-11-27): those 53
# moved into training (1,364 reports, 1,333 events; 95.6 % as they came) and tuned on (two distances after a verb of
# flight, a likeness to last week's launch, datelines that name no source, outside observers of state-media launches,
# an announcement a day after the detection, Scud models, the capital's government, artillery items' earlier
# missiles); a new held-out set (heldout/, 50 reports) scored once after tuning stopped, 84.5 % (the same drafts with
# the code the round started from). Round 28 (2026-11-27): those 50 moved into training (1,414 reports, 1,379 events;
# 95.6 % as they came) and tuned briefly (launches told with no launch verb, a salvo's first that "flopped", a broken
# potential range, a turn's sideways distance); a new held-out set (heldout/, 50 reports) scored once after tuning
# stopped, 90.9 % (the same drafts with the code the round started from). Round 29 (2026-11-27): those 50 moved into
# training (1,464 reports, 1,426 events; 95.6 % as they came), the coast convention made one (16 older blanks for
# "from its east coast" now `east-coast`, as rounds 23-28 wrote) and tuned on (a day's report "came a day after",
# clauses dated to another launch, security meetings after a launch, coasts and placeholder areas, ordinal and
# "one ... the other" counts); a new held-out set (heldout/, 50 reports) scored once after tuning stopped, 83.6 %
# (83.7 % with the code the round started from: one draft differs, a day worse). Round 30 (2026-11-27): those 50
# moved into training (1,514 reports, 1,479 events; 95.5 % as they came), two expectations written before the
# mixed-salvo convention settled given an event per kind (w744, w1484), and tuned on (salvos told as two kinds
# together, a weekend round-up told day by day, slips of the keys in place names, a US-time day's sentence, salvos
# told one missile at a time); a new held-out set (heldout/, 50 reports) scored once after tuning stopped, 86.6 % (the
# same drafts with the code the round started from). Round 31 (2026-11-28): those 50 moved into training (1,564
# reports, 1,527 events; 95.6 % as they came) and tuned on (a ballistic missile before a later-named cruise one, days
# counted back from a statement's day, page stamps' clocks, the launch an artillery item "came after", round-ups
# "between" two days and a split on the Korea day, a drill's day, vowel slips in place names); a new held-out set
# (heldout/, 50 reports) scored once after tuning stopped, 91.9 % (two drafts differ with the code the round started
# from, the score is the same). Round 32 (2026-11-28): those 50 moved into training (1,614 reports, 1,576 events;
# 95.7 % as they came) and tuned briefly (Scud models told as alternatives or with a space, an announcement that
# "follows" the detection, a claim's day, a system last tested, a base's missile, the South's own SLBM, artillery
# items' past weeks); a new held-out set (heldout/, 52 reports) scored once after tuning stopped, 92.8 % (the same
# drafts with the code the round started from). Round 33 (2026-11-28): those 52 moved into training (1,666 reports,
# 1,624 events; 95.7 % as they came) and tuned on (flight times told around the missile or its path, launch times
# joined by "and", the JCS spelt singular, a lead's "according to" against its source's own number, reaches and
# ranges "estimated to be", a US source's weekday and "evening American time", "those" missiles and launches, an ICBM
# test awaited); a new held-out set (heldout/, 50 reports) scored once after tuning stopped, 85.9 % (one draft differs
# with the code the round started from, the score is the same). Round 34 (2026-11-28): those 50 moved into training
# (1,716 reports, 1,674 events; 95.6 % as they came) and tuned on (satellite-development tests, an outlet named
# TODAY, two days across a month's end, state media's confirmed control, a target island, "they had detected", the
# second of two failing); a new held-out set (heldout/, 50 reports) scored once after tuning stopped, 90.6 % (the
# same drafts with the code the round started from). Round 35 (2026-11-28): those 50 moved into training (1,766
# reports, 1,722 events; 95.6 % as they came) and tuned on (an engine test that recalls the year's launches by their
# months, a rocket that exploded midair, Seoul as a party to drills, a month of another year, a height and a distance
# in one breath, a question of type); a new held-out set (heldout/, 50 reports) scored once after tuning stopped,
# 91.5 % (91.3 % with the code the round started from: the engine test it drafted is no launch now). Round 36
# (2026-11-28): those 50 moved into training (1,816 reports, 1,766 events; 95.8 % as they came) and tuned on (US page
# stamps with a section's name or reading notes, a date after a bracketed GMT clock, "no confirmation that it was" a
# class, a launch said before "the development", a range covered, where a named place lies, "a multiple number of
# what appeared to be", "-ni" run into a name, decimals read aloud, a test at a satellite launch site); a new held-out
# set (heldout/, 50 reports) scored once after tuning stopped, 93.8 % (the same drafts with the code the round started
# from). Round 37 (2026-11-28): those 50 moved into training (1,866 reports, 1,813 events; 95.8 % as they came) and
# tuned briefly (a reach told as a radius, "about a thousand kilometers", "verified the combat effectiveness", the
# test a launch followed, "announced today, Friday"); a new held-out set (heldout/, 43 reports) scored once after
# tuning stopped, 90.0 % (the same drafts with the code the round started from). Round 38 (2026-11-28): those 43
# moved into training (1,909 reports, 1,854 events; 95.7 % as they came) and tuned on ("from near its western coast",
# "in the range of 850 to 900 km", "submarine-based ballistic", a KN-23 "missile platform", a firing that "lasted",
# a place's past launches, a place near the town named first, "another update", the year's tally, a government
# condemning the launch, "a potential second missile", flight tests with no launch verb, "After its launch,"); a new
# held-out set (heldout/, 50 reports) scored once after tuning stopped, 86.8 % (the same score with the code the
# round started from; one draft differs). Round 39 (2026-11-28): those 50 moved into training (1,959 reports, 1,901
# events; 95.7 % as they came) and tuned on (the EEZ's 200 nautical miles, "off the coast of Sinpo", an editor's
# bracketed words, missiles on show, launches in general, a destroyer's failed launching, a drill that included
# missiles, "News Today", "told Pentagon reporters Thursday", a launch likened to another, "also told", a missile that
# "disappeared at an altitude", a minister's disclosure); a new held-out set (heldout/, 50 reports) scored once after
# tuning stopped, 86.5 % (the same drafts with the code the round started from).
# Training misses left
# include, each a phrasing met once:
# w315 (the "super-large" launcher named only in KCNA's lead), w318 ("Two of the new munitions"), w325 (a misspelt "Chunan"
# and a second launch told in a line of its own), w334 (Hwasong-19 named by KCNA a day after), w340/w343
# (mixed ballistic and cruise or hypersonic background classes); from round 8's set: w367 (cruise tests "on both
# Saturday and Sunday" as two events), w363 (a background launch as a second event), w349 (a satellite told on
# US evening time, its orbit's 500 km), w366 (figures in a sentence that opens on "previous launches"), w344.
TRAINING_FLOOR = {
    "events": (1928, 1959),
    "date": (1820, 1901),
    "site_id": (1830, 1901),
    "system": (1785, 1901),
    "system_class": (1813, 1901),
    "count": (1798, 1901),
    "distance_km": (1823, 1901),
    "apogee_km": (1863, 1901),
    "flight_time_s": (1873, 1901),
    "outcome": (1811, 1901),
    "confirmation": (1830, 1901),
    "sources": (677, 787),
}
# Scored once, after tuning stopped (2026-11-28): 86.5 % overall on 50 reports, the ten fields of issue 13 87.5 %
# (the same drafts with the code the round started from); below the 95 % goal: sites and classes read from background
# launches or missed ("from the North's east coast", "the vicinity of Pyongyang"), figures of other launches, an
# engine test and a parade drafted as launches, a round-up of two days drafted as one. Why, per failure class:
# tests/fixtures/reports/wire/README.md. Not tuned on afterwards.
HELDOUT_FLOOR = {
    "events": (45, 50),
    "date": (42, 46),
    "site_id": (38, 46),
    "system": (37, 46),
    "system_class": (37, 46),
    "count": (41, 46),
    "distance_km": (39, 46),
    "apogee_km": (41, 46),
    "flight_time_s": (42, 46),
    "outcome": (39, 46),
    "confirmation": (42, 46),
    "sources": (13, 17),
}


@pytest.fixture(scope="module")
def gazetteer():
    from geodata.reports import default_gazetteer

    return default_gazetteer()


def test_wire_corpus__size_outlets_and_a_fresh_held_out_set():
    train, heldout = load_expected(WIRE), load_expected(WIRE_HELDOUT)
    assert len(train) >= 1959 and len(heldout) >= 35
    # the held-out reports are new: no address is shared with the training reports
    assert not {c["url"] for c in train.values()} & {c["url"] for c in heldout.values()}
    outlets = {c["outlet"].split(" (")[0] for c in (*train.values(), *heldout.values())}
    assert len(outlets) >= 30
    years = {c["published"][:4] for c in (*train.values(), *heldout.values())}
    assert {"2014", "2017", "2020", "2023", "2025", "2026"} <= years
    assert {"2014", "2016", "2017", "2019", "2022", "2024", "2026"} <= {
        c["published"][:4] for c in heldout.values()
    }


@pytest.fixture(scope="module")
def drafted(gazetteer):
    """The corpus drafted once per folder for the tests of this module."""
    cache = {}

    def drafted_in(folder):
        if folder not in cache:
            cache[folder] = run(folder, gazetteer)
        return cache[folder]

    return drafted_in


@pytest.mark.parametrize(
    ("folder", "floor"), [(WIRE, TRAINING_FLOOR), (WIRE_HELDOUT, HELDOUT_FLOOR)], ids=["training", "heldout"]
)
def test_wire_corpus__field_accuracy_holds_its_measured_floor(folder, floor, drafted):
    table = accuracy(drafted(folder))
    low = {f: f"{table[f][0]}/{table[f][1]} < {r}/{t}" for f, (r, t) in floor.items() if table[f][0] < r}
    assert not low, low
    assert overall(table) >= sum(r for r, _ in floor.values()) / sum(t for _, t in floor.values())


def test_wire_corpus__the_right_value_is_among_the_rules_candidates(drafted):
    # Measured 2026-11-28 on 1,959 training reports: the right date, class and count are among the candidates for
    # 99.2-99.6 % of events while the rules choose right for 94.6-95.7 %; on round 39's fresh set for 97.8-100 %
    # against 80.4-91.3 %. What is left is mostly the choice among two or three candidates, not finding them.
    for field, (right, among, total, offered) in candidate_recall(drafted(WIRE)).items():
        assert among >= 0.99 * total, (field, among, total)
        assert right <= among and offered <= 4 * total, (field, right, among, offered)


# (drafts right, right value shown as the draft's or another reading) when measured, 2026-11-28: on the blind
# drafts of rounds 3-38 (1,852 reports, 1,798 launches, each drafted by its round's code before any tuning on it), and
# on round 39's fresh held-out set (50 reports). Count readings pass the draft's own test of a count phrase since
# round 17 (missile_counts): on the blind drafts of rounds 3-16, 112 readings instead of 195 and one right value
# fewer ("one of North Korea's missiles").
BLIND_READINGS = {
    "date": (1585, 1657),
    "site_id": (1555, 1615),
    "system_class": (1574, 1616),
    "count": (1556, 1632),
}
HELDOUT_READINGS = {"date": (42, 43), "site_id": (38, 38), "system_class": (37, 40), "count": (41, 43)}


@pytest.mark.parametrize("on", ["blind drafts", "heldout"])
def test_wire_corpus__other_readings_show_the_right_value_of_drafts_wrong(on, drafted):
    # A wrong day, site, class or count with the right one listed beside it is one look for the editor. The
    # readings stay few (0.06-0.17 per draft on the blind drafts; up to 0.43 on a fifty-report set, round 29's counts),
    # so they point at the field to check rather than at every field.
    results, floor = (
        (blind_results(), BLIND_READINGS)
        if on == "blind drafts"
        else (drafted(WIRE_HELDOUT), HELDOUT_READINGS)
    )
    for field, (right, shown, total, readings) in readings_shown(results).items():
        drafts_right, floor_shown = floor[field]
        assert right >= drafts_right and shown >= floor_shown, (field, right, shown, floor[field])
        assert shown - right >= (floor_shown - drafts_right) // 2, field  # the readings add the right value
        assert readings <= 0.45 * total, (field, readings, total)


# --- the failure classes of issue 13, each failing before its fix ----------------------------------


def _one(text, published, gazetteer):
    extraction = extract_events(text, dt.date.fromisoformat(published), gazetteer)
    assert len(extraction.events) == 1, extraction.warnings
    return extraction.events[0]


def test_extract__dateline_day_is_not_a_count(gazetteer):
    event = _one(
        "SEOUL, Aug. 29 -- A North Korean ballistic missile flew over Japan on Tuesday, the JCS said.",
        "2017-08-29",
        gazetteer,
    )
    assert event["count"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired about 200 artillery rounds near the western sea border on Friday, the JCS said. "
        "No ballistic missile launch was detected.",
        "North Korea fired suspected artillery pieces into the sea on Sunday, South Korea's military said, "
        "days after the North's latest missile launch ended in failure.",
        # a headline that calls the shells missiles
        "North Korea fires artillery, reportedly 200 missiles near Yeonpyeong Island. North Korea has launched "
        "over 200 rounds of artillery shells off its western coast, as confirmed by Seoul's military.",
    ],
)
def test_extract__artillery_item_gives_no_event(text, gazetteer):
    assert extract_events(text, dt.date(2024, 1, 5), gazetteer).events == []


@pytest.mark.parametrize(
    ("words", "seconds"),
    [
        ("The missile stayed aloft for about 53 minutes.", 3180),
        ("It flew for 86 minutes, a record.", 5160),
        ("It flew for 10,116 to 10,138 seconds.", 10138),
        ("The flight lasted one hour and 26 minutes.", 5160),
        ("The missiles flew 850 to 900 kilometers for about eleven minutes.", 660),
        ("The missile was tracked for six minutes until it landed in the Sea of Japan.", 360),  # w1468
        # the missile named between "tracked" and its time (w1623); the time told after the words (w1635); the
        # path told between the flight and its time (w1654)
        (
            "Pacific Command said it tracked what appeared to be a short-range ballistic missile for six minutes.",
            360,
        ),
        ("The missile landed 200 kilometers off Hokkaido, after 87 minutes in the air.", 5220),
        (
            "The missiles struck a target after flying around 1,240 miles (2,000 km) in oval and figure-eight "
            "patterns over the West Sea for about 170 minutes.",
            10200,
        ),
    ],
)
def test_find_flight_times__wire_phrasings(words, seconds):
    assert find_flight_times(words)[0].value_km == seconds


@pytest.mark.parametrize(
    "words",
    [
        "Radars tracked it 10 minutes after the launch, the JCS said.",
        # w1893: how long the firing went on
        "The launches from the eastern coastal city of Wonsan lasted 10 minutes each and the missiles flew about 70 "
        "kilometers before landing in the sea.",
    ],
)
def test_find_flight_times__radar_tracking_and_a_firing_that_lasted_are_no_flight_time(words):
    assert find_flight_times(words) == []


def test_find_flight_times__a_flight_that_lasted_is_one():
    assert [f.value_km for f in find_flight_times("The flight lasted roughly 47 minutes.")] == [2820]


def test_extract__flight_time_reaches_event_and_source(gazetteer):
    event = _one(
        "North Korea fired an ICBM on Thursday. It stayed aloft for about 53 minutes, Japan's defense ministry said.",
        "2017-11-30",
        gazetteer,
    )
    assert event["flight_time_s"] == 3180
    assert event["sources"][0]["flight_time_s"] == 3180


def test_extract__around_10_missiles_a_day_before_state_media(gazetteer):
    text = (
        "North Korea's state media said on Friday it had tested a new multiple rocket launcher. "
        "South Korea's military said the North fired around 10 ballistic missiles a day earlier."
    )
    event = _one(text, "2024-05-31", gazetteer)
    assert (event["count"], event["launched_at"][:10]) == (10, "2024-05-30")


def test_extract__launches_on_two_days_are_two_events(gazetteer):
    text = (
        "North Korea fired at least one ballistic missile on Monday, the South Korean military said. "
        "The launch comes after South Korea said it had detected a short-range ballistic missile launched "
        "from the Pyongyang region on Sunday evening. That missile flew about 570 km, the JCS said."
    )
    events = extract_events(text, dt.date(2023, 12, 18), gazetteer).events
    assert [e["launched_at"][:10] for e in events] == ["2023-12-18", "2023-12-17"]
    assert (events[0]["distance_km"], events[1]["distance_km"]) == (None, 570)


def test_extract__background_launch_weeks_earlier_is_not_an_event(gazetteer):
    text = (
        "North Korea fired a ballistic missile toward the East Sea on Sunday, the JCS said. "
        "North Korea had launched an ICBM on December 18, less than 12 hours after firing a "
        "short-range ballistic missile the previous night."
    )
    events = extract_events(text, dt.date(2024, 1, 14), gazetteer).events
    assert len(events) == 1 and events[0]["system_class"] == "unknown"


def test_extract__site_after_off_its_eastern_coastline(gazetteer):
    event = _one(
        "North Korea fired a ballistic missile off its eastern coastline on Monday, launched from the "
        "North's capital region, the JCS said.",
        "2024-04-22",
        gazetteer,
    )
    assert event["site_id"] == "pyongyang"


def test_extract__the_military_said_monday_dates_the_launch_when_nothing_else_does(gazetteer):
    event = _one(
        "North Korea has fired an unidentified ballistic missile into the East Sea, Seoul's military said on Monday.",
        "2024-04-23",
        gazetteer,
    )
    assert event["launched_at"][:10] == "2024-04-22"


@pytest.mark.parametrize(
    ("text", "published", "counts"),
    [
        (
            "North Korea fired a ballistic missile on Tuesday, South Korea's military said. "
            "Japan's defense ministry said two ballistic missiles were fired.",
            "2021-10-19",
            {"ROK JCS": 1, "Japan MoD": 2},
        ),
        # round 3: "South Korea said" is the JCS, so its "one" leads the US official's "two"
        (
            '"The US tracked the launch of two ballistic missiles from North Korea," a US defense official said. '
            "South Korea said earlier that North Korea had fired what appeared to be one medium range missile on "
            "Friday.",
            "2016-03-18",
            {"US": 2, "ROK JCS": 1},
        ),
    ],
)
def test_extract__count_comes_from_the_headline_source(text, published, counts, gazetteer):
    event = _one(text, published, gazetteer)
    assert event["count"] == 1
    assert {s["source"]: s["count"] for s in event["sources"]} == counts


def test_extract__joint_chief_of_staff_written_singular_is_the_headline_source(gazetteer):
    event = _one(  # w1644
        "South Korea's Joint Chief of Staff said early on Wednesday that North Korea fired three missiles toward "
        "waters off North Korea's eastern coast, one after another. Japan's Coast Guard also reported at least two "
        "projectiles believed to be ballistic missiles falling into the sea.",
        "2022-05-25",
        gazetteer,
    )
    assert event["count"] == 3
    assert {s["source"]: s["count"] for s in event["sources"]} == {"ROK JCS": 3, "Japan MoD": 2}


def test_extract__a_summary_by_according_to_gives_way_to_the_sources_own_number(gazetteer):
    event = _one(  # w1645: and ", days after its failed spy satellite launch" is that other launch's
        "SEOUL, South Korea (AP) — North Korea has fired a barrage of ballistic missiles toward its eastern sea, "
        "according to South Korea’s military, days after its failed spy satellite launch drew condemnation. South "
        "Korea’s Joint Chiefs of Staff said Thursday it detected around 10 suspected short-range ballistic missiles "
        "being fired from near the North’s capital toward the sea.",
        "2024-05-30",
        gazetteer,
    )
    assert (event["count"], event["system_class"], event["outcome"]) == (10, "SRBM", "unknown")


def test_extract__the_previous_launch_of_another_kind_told_with_also_is_background(gazetteer):
    extraction = extract_events(  # w1616
        "North Korea fired six short-range projectiles into the East Sea on Thursday, officials said. It was North "
        "Korea's first launch of short-range weapons into the sea so far this year. In the previous launch, North "
        "Korea fired off three KN-01 anti-ship cruise missiles into the East Sea, also from Wonsan.",
        dt.date(2016, 3, 3),
        gazetteer,
    )
    assert [(e["count"], e["system_class"]) for e in extraction.events] == [(6, "SRBM")]


def test_extract__those_missiles_of_other_days_are_no_count(gazetteer):
    event = _one(  # w1621
        "The Pacific Command says the missile was fired from Bukchang at around 5:30 AM on Saturday Seoul Time. "
        "North Korea fired a ballistic missile on April 5th and 16th from a site near Sinpo. But the US and South "
        "Korean militaries say those 2 missiles exploded immediately after liftoff.",
        "2017-04-29",
        gazetteer,
    )
    assert event["count"] == 1


@pytest.mark.parametrize(
    "text",
    [
        # w1628: an ICBM test watched for, anticipated, or said of "those launches" is not this launch's class
        "North Korean missile test ends in failure, as South and U.S. watch for ICBM test\nAn attempted North "
        "Korean missile launch ended in apparent failure Wednesday, according to South Korea's military.",
        "An attempted North Korean missile launch ended in apparent failure Wednesday, according to South Korea's "
        "military. Seoul and Washington have been closely monitoring the North in anticipation of a possible "
        "intercontinental ballistic missile test.",
        "An attempted North Korean missile launch ended in apparent failure Wednesday, according to South Korea's "
        "military. The Sunan airfield was the site of test-launches on Feb. 27 and Mar. 5. The U.S. and South Korea "
        "say that those launches were actually cover for ICBM tests.",
    ],
)
def test_extract__an_icbm_test_awaited_or_of_those_launches_is_no_class(text, gazetteer):
    assert _one(text, "2022-03-16", gazetteer)["system_class"] == "unknown"


@pytest.mark.parametrize(
    ("text", "system_class"),
    [
        (  # w1710: a satellite's parts tested on missiles the JCS classed
            "North Korea has conducted an important final-stage test for the development of reconnaissance "
            "satellite, KCNA said. The country fired vehicles carrying a test-piece satellite at a lofted angle on "
            "Sunday. South Korea's Joint Chiefs of Staff said it detected the launches of two medium-range ballistic "
            "missiles into the East Sea.",
            "MRBM",
        ),
        (  # w1706
            "North Korea says its Sunday test was part of developing a reconnaissance satellite. It fired a "
            "projectile from near Pyongyang on Sunday, South Korea's military said.",
            "unknown",
        ),
        # the launch site's name is no class; a satellite put into orbit still is one
        (
            "North Korea fired a missile from the Sohae Satellite Launching Station on Sunday, the JCS said.",
            "unknown",
        ),
        (
            "North Korea launched a reconnaissance satellite on a Chollima-1 rocket from Sohae on Tuesday.",
            "SLV",
        ),
    ],
)
def test_extract__a_satellite_development_test_is_no_satellite_launch(text, system_class, gazetteer):
    assert _one(text, "2022-12-19", gazetteer)["system_class"] == system_class


def test_extract__an_outlet_named_today_is_no_day(gazetteer):
    extraction = extract_events(  # w1682: the split into Saturday's and Sunday's tests was hidden by "TODAY"
        "[ TODAY / AFP ] North Korea test-fires new long-range cruise missile: KCNA\nNorth Korea test-fired a new "
        "long-range cruise missile over the weekend, state media reported Monday. The test launches took place on "
        "Saturday and Sunday, the official Korean Central News Agency (KCNA) said.",
        dt.date(2021, 9, 13),
        gazetteer,
    )
    assert [e["launched_at"][:10] for e in extraction.events] == ["2021-09-11", "2021-09-12"]


@pytest.mark.parametrize(
    ("header", "day"),
    [
        # w1930: KBS's programme "News Today" is no day
        ("N. KOREA'S FIRING OF BALLISTIC MISSILES News Today", "2021-03-25"),
        # a plain "today" in the copy still is one
        ("North Korea fired two missiles today, the JCS said.", "2021-03-26"),
    ],
)
def test_extract__a_programme_named_today_is_no_day(header, day, gazetteer):
    event = _one(
        f"{header}\n\nNorth Korea fired two short-range ballistic missiles on March 25. On Friday Pyongyang announced "
        "that it has successfully tested new tactical missiles.",
        "2021-03-26",
        gazetteer,
    )
    assert korea_day(event["launched_at"], event["launched_at_precision"]) == day


def test_extract__tests_on_two_days_across_a_years_end_are_two_events(gazetteer):
    extraction = extract_events(  # w1689
        "SEOUL, Jan 1 - On December 31 and January 1, the DPRK tested a super-large multiple launch rocket system, "
        "the projectiles hit targets in the Sea of Japan, the DPRK Central News Agency reports.",
        dt.date(2023, 1, 1),
        gazetteer,
    )
    assert [e["launched_at"][:10] for e in extraction.events] == ["2022-12-31", "2023-01-01"]


def test_extract__they_had_detected_dates_the_launch_and_kcna_quoting_dates_its_words(gazetteer):
    event = _one(  # w1701
        "North Korean leader Kim Jong-un oversaw the firing of hypersonic missiles, state media reported Monday. "
        "Seoul and Tokyo said Sunday they had detected the launch from near Pyongyang of two ballistic missiles.",
        "2026-01-05",
        gazetteer,
    )
    assert event["launched_at"][:10] == "2026-01-04"
    quoted = (
        "On Monday, the Korean Central News Agency (KCNA) quoted Kim as saying the test showed the readiness."
    )
    assert [d.statement for d in find_dates(quoted, dt.date(2026, 1, 5), statements=True)] == [True]


def test_extract__the_second_of_two_failing_is_a_partial_failure(gazetteer):
    event = _one(  # w1714
        "South Korea's military said North Korea fired two ballistic missiles on Monday and said the second likely "
        "failed soon after launch, blowing up in flight over land.",
        "2024-07-02",
        gazetteer,
    )
    assert (event["count"], event["outcome"]) == (2, "partial")


def test_extract__an_engine_test_that_recalls_this_years_launches_is_no_launch(gazetteer):
    extraction = extract_events(  # w1760
        "SEOUL, Sept 20 North Korean leader Kim Jong Un has supervised a ground test of a new rocket engine to launch "
        "satellites, the North's state media reported on Tuesday. Kim asked that the scientists make \"preparations "
        'for launching the satellite as soon as possible," KCNA said. North Korea has been testing ballistic missiles '
        "at an unprecedented rate this year, including the launch of a satellite in February. It also launched an "
        "intermediate-range missile in June that experts said marked a technological advance.",
        dt.date(2016, 9, 20),
        gazetteer,
    )
    assert extraction.events == []
    assert "another month" in extraction.warnings[0]


def test_extract__a_launch_of_an_earlier_month_told_beside_a_test_of_this_week_keeps_the_test(gazetteer):
    event = _one(  # w461
        "North Korea tested its latest Hwasong-18 intercontinental ballistic missile (ICBM) on Wednesday, its state "
        "media reported. The Hwasong-18 was first flown in April.",
        "2023-07-13",
        gazetteer,
    )
    assert (event["launched_at"][:10], event["system"]) == ("2023-07-12", "Hwasong-18")


def test_extract__a_rocket_that_exploded_midair_is_a_failed_launch(gazetteer):
    event = _one(  # w1765
        "A North Korean rocket carrying its second spy satellite exploded midair on Monday, state media have "
        "announced. The attempt came just hours after North Korea notified Japan's coast guard about its plans to "
        'launch "a satellite rocket."',
        "2024-05-27",
        gazetteer,
    )
    assert (event["launched_at"][:10], event["system_class"], event["outcome"]) == (
        "2024-05-27",
        "SLV",
        "failure",
    )


def test_extract__seoul_as_a_party_to_drills_is_no_witness_of_north_koreas_word(gazetteer):
    event = _one(  # w1747
        "North Korea said it fired two short-range ballistic missiles as part of a 'tactical nuclear strike drill' "
        "prompted by US-South Korean military exercises, state media reported Thursday. The launches came hours after "
        "Washington deployed B-1B bombers for combined air drills with Seoul. The North's army said the missiles were "
        "fired late Wednesday and 'correctly carried out (their) nuclear strike mission', the army said in a "
        "statement carried by the official Korean Central News Agency.",
        "2023-08-31",
        gazetteer,
    )
    assert (event["confirmation"], event["outcome"]) == ("claimed", "success")


@pytest.mark.parametrize(
    ("text", "published", "confirmation"),
    [
        (  # w1728: a North Korean newspaper is North Korea's word
            'A North Korean newspaper today announced that its test missile "soared into the sky from underwater," '
            "reports the Korea Times. North Korea has apparently joined the club of submarine-launched ballistic "
            "missiles.",
            "2015-05-09",
            "claimed",
        ),
        (  # w1743: an apparent test the ministry declined to confirm is suspected
            "SEOUL Nov 28 North Korea appeared to conduct a submarine-launched ballistic missile test on Saturday but "
            "it ended in failure, South Korea's Yonhap news agency reported. The test, if confirmed, follows a "
            "test-launch in May of a submarine-launched ballistic missile (SLBM). South Korea's Defence Ministry "
            "declined to confirm the report.",
            "2015-11-28",
            "suspected",
        ),
    ],
    ids=["north-korean-newspaper", "declined-to-confirm"],
)
def test_extract__who_said_it_sets_the_confirmation(text, published, confirmation, gazetteer):
    assert _one(text, published, gazetteer)["confirmation"] == confirmation


def test_find_figures__a_distance_flown_after_a_height_is_a_distance():
    figures, _ = find_figures(  # w1732
        "Japan's Ministry of Defense reported one missile reached 80 km altitude and flew 350 km; it fell outside "
        "Japan's exclusive economic zone."
    )
    assert [(f.kind, f.value_km) for f in figures] == [("apogee", 80.0), ("distance", 350.0)]


@pytest.mark.parametrize(
    ("sentence", "figures_km"),
    [
        (  # w1816: the range it covered
            "Japan's Defense Ministry tracked the first missile climbing to 80 km high and covering 350 km range.",
            [("apogee", 80.0), ("distance", 350.0)],
        ),
        ("The Hwasong-11 is a missile with a 700 km range.", []),  # what it could reach
    ],
)
def test_find_figures__a_range_covered_is_flown(sentence, figures_km):
    figures, _ = find_figures(sentence)
    assert [(f.kind, f.value_km) for f in figures] == figures_km


@pytest.mark.parametrize(
    ("sentence", "figures_km"),
    [
        (  # w1805: how far the launch place lies from the capital
            "North Korea fired two unidentified projectiles eastward from Koo Song, about 50 miles from Pyongyang, "
            "around 4:30 p.m. local time.",
            [],
        ),
        (  # ... but not a flight told after a place
            "The missile launched from Kusong, flew about 700 kilometers from the launch site.",
            [("distance", 700.0)],
        ),
        (  # w1915: the edge of a zone
            "They landed outside Japan's Exclusive Economic Zone (EEZ), which extends 200 nautical miles from land.",
            [],
        ),
    ],
)
def test_find_figures__how_far_a_named_place_lies_is_no_flight(sentence, figures_km):
    figures, _ = find_figures(sentence)
    assert [(f.kind, f.value_km) for f in figures] == figures_km


def test_find_figures__how_near_it_fell_to_an_ally_is_no_flight():
    figures, _ = find_figures(  # w1801
        "The missile also landed closer to Japan than previous tests had, the Pentagon said, falling just 88 nautical "
        "miles from the top US ally in Asia."
    )
    assert figures == []


@pytest.mark.parametrize(
    ("sentence", "figures_km"),
    [  # w1778, w1070: broadcast copy reads decimals aloud
        (
            "The KCNA said the missiles flew 611-point-four kilometers and hit a preset target.",
            [("distance", 611.4)],
        ),
        ("The missile reached an altitude of 101-point-one kilometers.", [("apogee", 101.1)]),
    ],
)
def test_find_figures__a_decimal_read_aloud(sentence, figures_km):
    figures, _ = find_figures(sentence)
    assert [(f.kind, f.value_km) for f in figures] == figures_km


def test_find_figures__a_radius_and_its_conversion_are_a_reach():
    figures, _ = find_figures(  # w1819
        "Two short-range Scud missiles that can reach targets within its 500 kilometer-radius (300 miles) was fired "
        "into the sea."
    )
    assert figures == []


def test_find_figures__a_thousand_kilometers():
    figures, _ = find_figures(  # w1820, w700
        "South Korean authorities said the missile was fired toward the eastern sea, adding that it cut about a "
        "thousand kilometers away."
    )
    assert [(f.kind, f.value_km) for f in figures] == [("distance", 1000.0)]


@pytest.mark.parametrize(
    "words",
    [
        # w1942, w1828: who was told stands between the verb and its day
        "Col. Pat Ryder told Pentagon reporters Thursday that the missile was likely launched from a sea platform.",
        "A spokesman told reporters Thursday that the missile was launched.",
        # w1919: the day of a minister's disclosure
        "The papers spotlighted the disclosure by Defense Minister Iwaya on Thursday that North Korea tested a new "
        "missile.",
    ],
)
def test_find_dates__the_day_someone_told_or_disclosed_is_a_statement(words):
    found = find_dates(words, dt.date(2019, 10, 4), statements=True, window=False)
    assert [(f.text, f.statement) for f in found] == [("Thursday", True)]


def test_find_dates__a_month_and_its_year_are_no_day():
    found = find_dates(
        "the Hwasong-15 ICBM that was launched in November 2017", dt.date(2022, 3, 24), window=False
    )
    assert found == []


def test_extract__a_height_measured_against_a_launch_of_another_year_stays_this_flights(gazetteer):
    event = _one(  # w1733
        "TOKYO - A suspected North Korean intercontinental ballistic missile (ICBM) fired earlier today landed within "
        "Japan's exclusive economic zone, the government says. \"Given the ballistic missile this time around flew at "
        "an altitude of over 6,000 km, which was much higher than the Hwasong-15 ICBM that was launched in November "
        '2017, the one today is believed to be a new ICBM," he adds.',
        "2022-03-24",
        gazetteer,
    )
    assert event["apogee_km"] == 6000


def test_extract__a_system_of_a_month_of_another_year_is_background(gazetteer):
    event = _one(  # w1236
        "North Korea test-fired a possible Submarine-Launched Ballistic Missile (SLBM) on Oct. 2, South Korea's Joint "
        "Chiefs of Staff (JCS) said in a statement. The missile was launched from near the port of Wonsan and flew "
        "about 450km. The North carried out a successful test of the Pukkuksong-1, also known as KN-11, in August 2016 "
        "which flew around 500 kilometres.",
        "2019-10-02",
        gazetteer,
    )
    assert (event["system"], event["distance_km"]) == ("Unknown ballistic missile", 450)


def test_extract__a_report_of_two_days_before_the_launch_tells_an_earlier_one(gazetteer):
    event = _one(  # w994
        "The Japanese Ministry of Defence announced on Sunday that North Korea had launched a ballistic missile. "
        "According to a report from the state media on Friday, the strategic forces of the DPRK carried out an "
        "intercontinental ballistic missile launch drill.",
        "2023-03-19",
        gazetteer,
    )
    assert event["system_class"] == "unknown"


def test_find_figures__how_close_to_a_coast_it_fell_is_no_flight():
    figures, _ = find_figures(  # w1763
        "Missiles fired by North Korea on Monday landed in waters as close as 300 km (186 miles) to Japan's northwest "
        "coast. Three of four missiles launched by North Korea landed within Japan's exclusive economic zone, 300-350 "
        "km from the Oga Peninsula in Akita prefecture."
    )
    assert figures == []


def test_extract__several_launches_in_recent_weeks_are_no_count_of_this_one(gazetteer):
    event = _one(  # w711
        "North Korea launched a ballistic missile off its east coast Friday. South Korea's Joint Chiefs of Staff said "
        "the suspected short-range missile was fired from an inland area around the western county of Taekwan. "
        "Reuters reported that North Korea has conducted several missile launches in recent weeks.",
        "2025-11-07",
        gazetteer,
    )
    assert event["count"] == 1


def test_extract__rodong_sinmun_reporting_on_friday_is_no_second_launch_and_this_years_tally_no_count(
    gazetteer,
):
    extraction = extract_events(  # w1749
        "North Korea fired two projectiles on Thursday into the East Sea. North Korean state media reported on Friday "
        "that Kim Jong-un personally supervised the successive firing of super-large multiple rocket launchers.\n\n"
        "On Friday, North Korea's daily Rodong "
        "Sinmun reported about a successive firing test of multiple rocket launchers supervised personally by leader "
        "Kim Jong-un. The report came after the regime fired two short-range projectiles from Hamkyongnam-do Province "
        "into the East Sea on Thursday afternoon. Pyongyang fired two short-range projectiles at 4:59 p.m. Thursday. "
        "They flew up to 380km at an altitude of 97km. North Korea has fired 13 projectiles this year.",
        dt.date(2019, 11, 29),
        gazetteer,
    )
    assert [(e["launched_at"][:10], e["count"], e["distance_km"]) for e in extraction.events] == [
        ("2019-11-28", 2, 380)
    ]


def test_extract__a_type_the_military_is_analyzing_whether_it_might_be_is_no_finding(gazetteer):
    event = _one(  # w1764
        "The missile was fired from the Banghyon airbase in the western province of North Pyongan on Sunday, and flew "
        "east towards the Sea of Japan, according to the South Korean Defense Ministry. South Korea's Yonhap News "
        "Agency earlier said the JCS was analyzing whether the projectile might be a Musudan-type missile, which has "
        "an estimated range of between 2,500-4,000 kilometers.",
        "2017-02-12",
        gazetteer,
    )
    assert (event["system"], event["system_class"]) == ("Unknown ballistic missile", "unknown")


@pytest.mark.parametrize(
    ("stamp", "lead", "published", "launch_day"),
    [
        (  # w1768: a section's name before the stamp
            "NEWS JUL 3 2017, 10:55 PM ET",
            "North Korea fired a ballistic missile toward the East Sea on Tuesday, military officials said.",
            "2017-07-04",
            "2017-07-04",
        ),
        (  # w1792: the page's reading notes after it
            "Mar 15, 2022  \u2022  1 hour ago  \u2022  1 minute read  \u2022  Join the conversation",
            "North Korea fired an unknown projectile on Wednesday which appeared to fail immediately after launch, "
            "South Korea's military said.",
            "2022-03-16",
            "2022-03-16",
        ),
    ],
)
def test_extract__a_us_page_stamp_with_a_section_or_reading_notes_is_no_launch_day(
    stamp, lead, published, launch_day, gazetteer
):
    event = _one(f"North Korea fires missile, officials say\n{stamp}\n{lead}\n", published, gazetteer)
    assert event["launched_at"][:10] == launch_day


@pytest.mark.parametrize(
    ("sentence", "published", "launch_day"),
    [
        (  # w1780: the date after a bracketed GMT clock is that zone's day; Korea, nine hours ahead, had moved on
            "The US Pacific Command detected the launch of a North Korean missile at 11:21 am (2121 GMT) on April 15, "
            "a spokesman said.",
            "2017-04-16",
            "2017-04-16",
        ),
        (  # w19: a weekday after the bracket is the local clock's
            "The missile, launched at 2:48 local time (18:18 GMT) Wednesday, flew 950 km in 53 minutes.",
            "2017-11-30",
            "2017-11-29",
        ),
    ],
)
def test_extract__a_date_after_a_bracketed_gmt_clock(sentence, published, launch_day, gazetteer):
    event = _one(sentence, published, gazetteer)
    assert korea_day(event["launched_at"], event["launched_at_precision"]) == launch_day


def test_extract__no_confirmation_that_it_was_an_icbm_is_no_class(gazetteer):
    event = _one(  # w1800
        "North Korea launched a missile from near Kusong on Sunday, the South Korean military said. The US Pacific "
        "Command detected the North Korean missile launch, but there was no confirmation that it was an "
        "intercontinental ballistic missile.",
        "2017-05-14",
        gazetteer,
    )
    assert event["system_class"] == "unknown"


@pytest.mark.parametrize(
    ("closing", "system_class"),
    [  # w1807: the governments' word on last weekend's test is another launch's
        (
            "The development comes after the U.S. and South Korean governments said North Korea tested a short-range "
            "weapons system last weekend.",
            "unknown",
        ),
        (  # w516: state media's report on this launch came after the military's
            "The report came a day after South Korea's military said that the North fired two projectiles presumed to "
            "be short-range ballistic missiles off its east coast.",
            "SRBM",
        ),
    ],
)
def test_extract__a_launch_said_before_the_development_is_another(closing, system_class, gazetteer):
    event = _one(
        "North Korea on Thursday fired two ballistic missiles from its territory, Japanese Prime Minister Yoshihide "
        f"Suga said. {closing}",
        "2021-03-25",
        gazetteer,
    )
    assert event["system_class"] == system_class


def test_extract__a_multiple_number_of_what_appeared_to_be_a_missile_is_no_count(gazetteer):
    event = _one(  # w1775
        "The South Korean military said on Monday morning that the North had fired a multiple number of what "
        "appeared to be a short-range ballistic missile from a site near Pyongyang toward the Sea of Japan.",
        "2024-03-18",
        gazetteer,
    )
    assert event["count"] is None


def test_extract__the_area_a_clause_says_the_launch_was_from_is_the_site(gazetteer):
    event = _one(  # w1784
        "North Korea fired two projectiles on Friday, the military said. The Tongchon area in Gangwon Province, "
        "where the projectiles were launched, is just 50 kilometers away from the inter-Korean military demarcation "
        "line.",
        "2019-08-16",
        gazetteer,
    )
    assert event["site_id"] == "tongchon"


def test_extract__launches_a_site_has_seen_are_others(gazetteer):
    event = _one(  # w1792
        "North Korea fired an unknown projectile on Wednesday which appeared to fail immediately after launch, South "
        "Korea's military said. The airfield has been the site of several recent launches, including two of what the "
        "United States and South Korea said were tests of a new intercontinental ballistic missile (ICBM) system.",
        "2022-03-16",
        gazetteer,
    )
    assert event["system_class"] == "unknown"


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (  # w1804: what the test did not appear to be
            'North Korean leader Kim Jong Un observed the successful test of an unspecified "newly developed '
            "ultramodern tactical weapon,\" state media reported Friday. It didn't appear to be a test of a nuclear "
            "device or a long-range missile with the potential to target the US.",
            dt.date(2018, 11, 16),
        ),
        (  # w1806: a test at a satellite launch site
            "North Korea Reports Successful Test at Satellite Launch Site\n\nNorth Korean state media has reported a "
            '"successful test of great significance" at their Sohae satellite launch site. They did not elaborate on '
            "what they were actually testing.",
            dt.date(2019, 12, 8),
        ),
    ],
)
def test_extract__tests_that_were_no_missile_launch(text, published, gazetteer):
    assert extract_events(text, published, gazetteer).events == []


def test_extract__a_test_that_verified_the_combat_effectiveness_succeeded(gazetteer):
    event = _one(  # w1853
        "North Korean leader Kim Jong Un oversaw the first test of a newly developed large-caliber multiple launch "
        "guided rocket system on Wednesday, KCNA said. The test verified the combat effectiveness of the overall "
        "system, the agency said.",
        "2019-08-01",
        gazetteer,
    )
    assert event["outcome"] == "success"


def test_extract__the_test_a_launch_followed_is_another(gazetteer):
    event = _one(  # w1836
        "North Korea test-fired an intermediate-range ballistic missile in waters off its east coast on Tuesday. A "
        "spokesman for the Joint Chiefs of Staff said the launch likely followed a March test of a solid-fuel engine "
        "for a new medium-range hypersonic missile North Korea is developing.",
        "2024-04-02",
        gazetteer,
    )
    assert event["system_class"] == "IRBM"


def test_extract__the_day_a_country_announced_today_is_the_words(gazetteer):
    event = _one(  # w1827
        "North Korea announced today, Friday, that what it launched into the Sea of Japan on Thursday was a new "
        "tactical guided missile, according to the official North Korean News Agency.",
        "2021-03-26",
        gazetteer,
    )
    assert event["launched_at"][:10] == "2021-03-25"


@pytest.mark.parametrize(
    ("words", "system_class"),
    [
        # w1892, w1299: AFP's and CNN's word for an SLBM
        (
            "North Korea has claimed it has successfully test-fired a submarine-based ballistic missile.",
            "SLBM",
        ),
        # w594: the arsenal on parade is no class of this launch
        (
            "North Korea fired a missile from Sinpo on Sunday. Kim Jong Un marked the day before with a display of "
            "long-range and submarine-based missiles.",
            "unknown",
        ),
    ],
)
def test_extract__a_submarine_based_ballistic_missile_is_an_slbm(words, system_class, gazetteer):
    assert _one(words, "2015-05-09", gazetteer)["system_class"] == system_class


@pytest.mark.parametrize(
    ("second", "site_id"),
    [
        # w1888: the JCS's nearer point, told after the town it lies near
        ("The JCS said it fired them from Hodo Peninsula near its eastern coastal town of Wonsan.", "hodo"),
        # another name of the same site (Kalma is Wonsan's airfield) leaves it
        ("The JCS said it fired them from Kalma Beach near its eastern coastal town of Wonsan.", "wonsan"),
    ],
)
def test_extract__a_place_near_the_town_named_first_is_the_site(second, site_id, gazetteer):
    event = _one(
        "North Korea on Thursday fired two short-range missiles from near its east coast town of Wonsan into the "
        f"East Sea, South Korea's Joint Chiefs of Staff said. {second}",
        "2019-07-25",
        gazetteer,
    )
    assert event["site_id"] == site_id


@pytest.mark.parametrize(
    ("update", "count"),
    [
        # w1883: one so far, perhaps two
        ("Update: The Japanese Coast Guard is reporting a potential second missile launch.", None),
        ("Update: The Japanese Coast Guard says the missile fell outside the EEZ.", 1),
    ],
)
def test_extract__a_potential_second_missile_leaves_the_count_open(update, count, gazetteer):
    event = _one(
        "The Japanese Prime Minister's Office has announced that North Korea has launched a suspected ballistic "
        f"missile. More information to come. {update}",
        "2023-03-27",
        gazetteer,
    )
    assert event["count"] == count


def test_extract__flight_tests_on_two_days_are_two_launches_and_photos_no_count(gazetteer):
    extraction = extract_events(  # w1879: no launch verb; the state paper's two photos are no count
        "North Korea announced a new long-range missile test early Monday. The country's main newspaper published "
        "two photos showing a missile being launched and flying in the sky. The Korean Central News Agency said the "
        "cruise missiles demonstrated an ability to hit targets 1,500 kilometers away during flight tests on "
        "Saturday and Sunday.",
        dt.date(2021, 9, 13),
        gazetteer,
    )
    assert [
        (
            korea_day(e["launched_at"], e["launched_at_precision"]),
            e["system_class"],
            e["count"],
            e["distance_km"],
        )
        for e in extraction.events
    ] == [("2021-09-11", "cruise", None, 1500), ("2021-09-12", "cruise", None, 1500)]


def test_extract__after_its_launch_the_missile_flew_is_this_flight(gazetteer):
    event = _one(  # w1823
        "The Department of Defense detected and tracked a single North Korea missile launched Friday at about 10:41 "
        "a.m. Eastern time from Mupyong-ni, according to the Pentagon. After its launch, the missile traveled about "
        "1,000 km before splashing down in the Sea of Japan.",
        "2017-07-29",
        gazetteer,
    )
    assert event["distance_km"] == 1000


def test_extract__no_dong_with_a_hyphen_is_the_nodong(gazetteer):
    event = _one(  # AFP's spelling in w1843
        "North Korea test-fired two No-Dong type missiles into the sea early Wednesday, an official in Seoul said.",
        "2014-03-26",
        gazetteer,
    )
    assert (event["system"], event["system_class"]) == ("Nodong (Hwasong-7)", "MRBM")


@pytest.mark.parametrize(
    ("text", "events"),
    [
        (  # w1923: a parade's missiles are kinds on show, not launches
            "North Korea on Saturday unveiled what appears to be its new ICBM, staging a large-scale military parade "
            "in Pyongyang. The North also showed off various other ballistic missiles including what it claims to be a "
            "submarine-launched ballistic missile (SLBM).",
            0,
        ),
        (
            "North Korea test-fired a submarine-launched ballistic missile off Sinpo on Tuesday, the JCS said.",
            1,
        ),
        (  # w1955: launches in general, in a notice of one to come
            "North Korea has begun informing international organizations of its intention to launch an earth "
            "observation satellite sometime between February 8 and 25. Such notifications are commonplace for space "
            "launches or missile tests and serve as warnings to ships and aircraft.",
            0,
        ),
    ],
)
def test_extract__missiles_on_show_and_launches_in_general_are_no_launch(text, events, gazetteer):
    assert len(extract_events(text, dt.date(2017, 4, 15), gazetteer).events) == events


@pytest.mark.parametrize(
    ("drill", "events"),
    [
        # w1939: state media's drill told by the missiles it included
        (
            'conducted a simulated "tactical nuclear attack" drill on Saturday that included two long-range cruise '
            "missiles",
            1,
        ),
        ("conducted a drill on Saturday that included two artillery units", 0),
    ],
)
def test_extract__a_drill_that_included_missiles_is_a_launch(drill, events, gazetteer):
    extraction = extract_events(
        f"North Korea {drill}, state media reported on Sunday.", dt.date(2023, 9, 3), gazetteer
    )
    assert len(extraction.events) == events
    if events:
        event = extraction.events[0]
        assert (event["launched_at"][:10], event["system_class"], event["count"]) == (
            "2023-09-02",
            "cruise",
            2,
        )


@pytest.mark.parametrize(
    "second",
    [
        # w1845, w1931: lost on its climb, at a height that is no peak
        "the second was detected by radar but disappeared at an altitude of about 17 kilometers (11 miles)",
        "The second missile disappeared from the radar at an altitude of 11 miles",
    ],
)
def test_extract__a_missile_that_disappeared_at_an_altitude_failed(second, gazetteer):
    event = _one(
        "North Korea fired two ballistic missiles on Friday. One of the missiles flew about 700 kilometers toward "
        f"the sea; {second}, the JCS said.",
        "2016-03-18",
        gazetteer,
    )
    assert (event["outcome"], event["apogee_km"], event["distance_km"]) == ("partial", None, 700)


def test_extract__first_report_is_preliminary(gazetteer):
    event = _one("North Korea fired a ballistic missile on Friday, the JCS said.", "2025-11-07", gazetteer)
    assert event["report_status"] == "preliminary"


# --- failure classes of the round-1 held-out reports, moved into training (each failed before its fix) ---


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("It fired an IRBM on Sunday.A JCS official said so.", 2),
        ("It fired a suspected IRBM(IRBM).Japan's ministry said so.", 2),
        ("It flew east, according to the JCS.The launch comes 15 days after a drill.", 2),
        ("U.S. officials said the U.S.Army saw it.", 1),
        # a line break after an abbreviation ends the sentence; a space does not
        ("It raised the stakes with the U.S.\n“North Korea launched a missile,” the JCS said.", 2),
        ("It raised the stakes with the U.S. Navy said so.", 1),
    ],
)
def test_split_sentences__kbs_glued_sentences_after_capitals(text, sentences):
    assert len(split_sentences(text)) == sentences


def test_extract__background_launch_day_and_system_are_not_this_launchs(gazetteer):
    event = _one(
        "North Korea fired a ballistic missile into east waters, South Korea's JCS said on Wednesday. "
        "The projectile was launched eastward from South Hwanghae province around 7.50 a.m. "
        "The launch came after North Korea test-fired two medium-range Rodong ballistic missiles on July 19.",
        "2016-08-03",
        gazetteer,
    )
    # "around 7.50 a.m." is read (07:50 KST is 22:50 UTC the day before): the Korean day is Wednesday's
    assert korea_day(event["launched_at"], event["launched_at_precision"]) == "2016-08-03"
    assert (event["system"], event["system_class"], event["site_id"]) == (
        "Unknown ballistic missile",
        "unknown",
        None,  # a province named in full is not the Hwanghae placeholder site
    )


def test_extract__last_week_launch_gives_neither_date_nor_class(gazetteer):
    event = _one(
        "North Korea has reportedly launched three projectiles towards the Sea of Japan, the JCS said. "
        "In the first missile incident of 2020, just last week, Pyongyang had fired two 'short-range projectiles'.",
        "2020-03-09",
        gazetteer,
    )
    assert (event["launched_at"][:10], event["system_class"], event["count"]) == ("2020-03-09", "unknown", 3)


@pytest.mark.parametrize(
    "text",
    [
        # a weekday named in another zone, after the clock time
        "North Korea fired two short-range ballistic missiles on Saturday, the JCS said. North Korea fired the "
        "first projectile around 6:45 a.m. (9:45 p.m. Friday GMT) from Sonchon.",
        # "the missile was launched" tells the reported launch again; Wednesday dates a warning
        "Japan said North Korea launched a suspected ICBM on Thursday. South Korean officials, who confirmed the "
        "missile was launched from near Pyongyang, had previously warned on Wednesday of a possible ICBM test.",
        # a launch 27 days back is background, even "less than 12 hours after" another
        "The JCS says North Korea fired an IRBM on Sunday. North Korea had launched an ICBM on the morning of "
        "December 18, less than 12 hours after firing a short-range ballistic missile.",
        # "600mm rocket launchers" are what the short-range missiles were, and "also known as" is no marker
        'North Korea fired two short-range ballistic missiles, Seoul said. North Korea said it had "fired two shots '
        'using 600mm multiple rocket launchers", into the East Sea, also known as the Sea of Japan.',
        # w1876: "in another update" is another word on the same launch
        "On Sunday morning, Yonhap reported citing the JCS that Pyongyang had launched an unidentified projectile "
        'toward the East Sea. The South Korean military characterized it as "intermediate-range" and also said that '
        "it flew around 800 kilometers. The National Security Council characterized the missile launched by "
        'Pyongyang on Sunday as a "medium-range ballistic missile," Yonhap said in another update.',
        # w1959: "also told" is another source on the same launch
        "North Korea fired multiple short-range missiles over the weekend. South Korea's military also told the "
        "Associated Press in a statement that it detected two launches, suspected to be cruise missiles, off of North "
        "Korea's west coast on Sunday morning.",
    ],
)
def test_extract__one_launch_told_twice_is_one_event(text, gazetteer):
    _one(text, "2024-01-14", gazetteer)


def test_extract__other_familys_figure_and_600mm(gazetteer):
    event = _one(
        "North Korea fired two short-range ballistic missiles from Sukchon, Seoul said. North Korea said it had "
        "fired two shots using 600mm multiple rocket launchers. The launch comes less than 48 hours after an "
        "ICBM drill. Japan said ICBM had flown for 66 minutes.",
        "2023-02-20",
        gazetteer,
    )
    assert (event["system"], event["flight_time_s"]) == ("KN-25 (600 mm MRL)", None)


def test_extract__first_two_of_three_is_not_the_count(gazetteer):
    event = _one(
        "North Korea launched three ballistic missiles on Monday, the Japanese government said. "
        "The South Korean military said the first two missiles, launched from near Pyongyang, appeared to be short range.",
        "2024-03-18",
        gazetteer,
    )
    assert event["count"] == 3


def test_extract__suspected_slbm_said_by_the_south_and_another_launchs_class(gazetteer):
    slbm = _one(
        "North Korea on Tuesday fired a short-range ballistic missile, South Korea's military said. "
        "South Korean said it was suspected to be a submarine-launched ballistic missile.",
        "2021-10-19",
        gazetteer,
    )
    assert slbm["system_class"] == "SLBM"
    events = extract_events(
        "North Korea fired at least one ballistic missile on Monday, the South Korean military said, just hours "
        "after launching another short-range missile late at night.",
        dt.date(2023, 12, 18),
        gazetteer,
    ).events
    assert events[0]["system_class"] == "unknown"


@pytest.mark.parametrize(
    ("words", "apogee_km"),
    [
        ("it reached two different peaks of 62 miles and 26.4 miles", 99.8),
        ("flying as high as 50 kilometers", 50),
    ],
)
def test_find_figures__peaks_and_as_high_as_are_apogees(words, apogee_km):
    apogees = [f.value_km for f in find_figures(words)[0] if f.kind == "apogee"]
    assert apogees[:1] == [apogee_km]


# --- failure classes of the round-2 held-out reports, moved into training (each failed before its fix) ---


def test_extract__earlier_launch_in_an_after_clause_is_background(gazetteer):
    # the round-3 convention (wire/README.md): the earlier launch was reported on its own day
    event = _one(
        "North Korea fired an unidentified ballistic missile on Thursday, Seoul's military said. The launch came a "
        "day after Pyongyang fired more than 20 missiles, including one that landed near the South's waters.",
        "2022-11-03",
        gazetteer,
    )
    assert (event["launched_at"][:10], event["count"]) == ("2022-11-03", 1)


@pytest.mark.parametrize(
    "text",
    [
        "North Korea on Tuesday fired artillery shells near its sea boundaries, the JCS said. North Korea fired about "
        "100 shells off its west coast. Three days earlier, North Korea fired two short-range ballistic missiles "
        "toward its eastern waters.",
        "North Korea fired seven suspected artillery shells into the ocean on Tuesday, Seoul said. North Korea has "
        "already launched six Scud missiles into the sea since the annual exercises began about a week ago.",
        # w1331: the missiles told on the day before the fire's
        "North Korea fired about one hundred artillery shells into the East Sea on Monday from a site near Goseong. "
        "North Korea has steadily moved its launch site to the south. On Sunday, it launched two Scud missiles to "
        "the East Sea from near Gaeseong.",
        # w1585: the missiles of the past two weeks
        "North Korea once again fired artillery shells off its west and east coasts, the JCS said. In response, "
        "Reuters reported that Pyongyang has tested 15 missiles in the past two weeks including a ballistic missile "
        "that flew over Japan.",
        # w1523: the launch the fire "came after", told on another day
        "North Korean forces fired around 250 artillery shells on Tuesday into maritime buffer areas. These North "
        "Korean artillery barrages come after the Associated Press reported North Korean forces fired ballistic "
        "missiles and artillery into their eastern waters on Friday. Earlier this month, North Korea also lobbed "
        "another ballistic missile that sailed over Japan.",
    ],
)
def test_extract__artillery_item_recalling_earlier_missiles_gives_no_event(text, gazetteer):
    extraction = extract_events(text, dt.date(2022, 10, 19), gazetteer)
    assert extraction.events == [] and "artillery" in extraction.warnings[0]


def test_extract__an_attempt_to_launch_is_a_failed_launch(gazetteer):
    event = _one(
        "South Korea and the United States detected an attempt by North Korea to launch a Musudan "
        "intermediate-range ballistic missile on Oct. 15. The launch was a failure.",
        "2016-10-16",
        gazetteer,
    )
    assert (event["launched_at"][:10], event["system"], event["outcome"]) == (
        "2016-10-15",
        "Musudan (Hwasong-10)",
        "failure",
    )


def test_extract__range_with_both_units_and_a_failed_summit(gazetteer):
    event = _one(
        "North Korea has fired several short-range projectiles, the South Korean military said, after its failed "
        "nuclear summit in Hanoi. The JCS said the projectiles flew about 70 km to 200 km.",
        "2019-05-04",
        gazetteer,
    )
    assert (event["distance_km"], event["outcome"]) == (200, "success")


@pytest.mark.parametrize(
    ("words", "figures"),
    [
        ("could have covered a distance of about 15,000 kilometers on its normal trajectory", []),
        ("it could have traveled over 9,300 miles at a normal trajectory", []),
        # an estimate of this flight's apogee, not a potential range
        ("the rocket could have reached an altitude of 770 kilometers", [("apogee", 770)]),
        ("flew 550 km-600 km", [("distance", 600)]),
        # w969, w555, w918: what the missile might reach, beside how far it went this time
        ("the missile's range could be as much as 7,000 kilometers on a standard trajectory", []),
        ("it was capable of flying as far as 15,000km", []),
        ("which are capable of reaching as far as 1,500 kilometers", []),
        ("it flew on a lofted trajectory to a range of around 930 kilometers", [("distance", 930)]),
        ("covering a range of 1,000km on a lofted trajectory", [("distance", 1000)]),
        # w928: where the site is, measured from the capital
        ("launched from a test site in Kaechon, about 80km (50 miles) from the capital", []),
        # w1039, w1038: ranges reached, and a range told right after the flight's height
        ("The missiles reached a range of about 210 kilometers (130 miles)", [("distance", 210)]),
        (
            "may have flown as high as 600 km (400 miles), to a range of 300 km (200 miles)",
            [("apogee", 600), ("distance", 300)],
        ),
        # w1071: two heights, then the distance
        (
            "reached two peaks at heights of 72.3 kilometres and 101.1 kilometres while flying a distance of "
            "1,000 kilometres",
            [("apogee", 101.1), ("distance", 1000)],
        ),
        # w1028: a second missile's potential range in the same breath as the first's
        ("A Musudan has a potential range of between 2,500 and 4,000 km and Rodong up to 1,300 km.", []),
        # w1506
        (
            "it is estimated that the missile could have a range in excess of 10,000 kilometers if flown flatter",
            [],
        ),
        # w1472: the range flown, told with the flight's height
        (
            "The first missile flew to an altitude of about 2,000km and a range of 750km, he said.",
            [("apogee", 2000), ("distance", 750)],
        ),
        # w1641: what a lofted missile would have flown on a standard trajectory
        ("Japan believes the new missile is capable of covering a distance of about 2,500 kilometers.", []),
        # w1630: the system's range, against w466's range flown ("the actual range was estimated to be")
        ("Its natural range is estimated to be up to 2,000 km.", []),
        ("The missile's actual range was estimated to be only about 1,100 kilometers.", [("distance", 1100)]),
    ],
)
def test_find_figures__potential_distance_and_ranges(words, figures):
    assert [(f.kind, f.value_km) for f in find_figures(words)[0]] == figures


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "Seoul, March 21 (Jiji Press)--North Korea fired two projectiles that appeared to be short-range "
            "ballistic missiles toward the Sea of Japan on Saturday morning, the South Korean military said.",
            "2020-03-21",
        ),
        (  # w693: days after drills, no other launch
            "North Korea fired two short-range ballistic missiles toward its eastern waters on Friday, days after "
            "U.S. and South Korean warplanes conducted military drills that Pyongyang views as a provocation.",
            "2022-12-23",
        ),
    ],
)
def test_extract__count_after_a_dateline_day_and_days_after_drills(text, published, gazetteer):
    assert _one(text, published, gazetteer)["count"] == 2


def test_extract__a_state_media_report_named_at_length_came_a_day_after_the_launch(gazetteer):
    event = _one(  # w1666
        "SEOUL: North Korea said on Thursday (Oct 23) that its latest missile tests involved a new hypersonic "
        "system. The report by North Korea’s official Korean Central News Agency (KCNA) came a day after South "
        "Korea’s military said it detected the North firing multiple missiles from an area south of the capital.",
        "2025-10-23",
        gazetteer,
    )
    assert event["launched_at"][:10] == "2025-10-22"


def test_extract__state_media_confirmation_day_and_yonhap_quoting_its_military(gazetteer):
    event = _one(
        "North Korea confirmed on Saturday it test-launched ballistic missiles from a train. KCNA said two guided "
        "missiles hit a set target. South Korea's Yonhap news agency quoted its military as saying the projectiles "
        "flew around 430km at an altitude of 36km. The report by the North Korean state media came a day after "
        "South Korea's military said on Friday it detected the firing of two missiles.",
        "2022-01-15",
        gazetteer,
    )
    assert event["launched_at"][:10] == "2022-01-14"
    assert [(s["source"], s["distance_km"]) for s in event["sources"] if s["distance_km"]] == [
        ("ROK JCS", 430)
    ]


def test_extract__past_rounds_class_and_a_followed_trajectory(gazetteer):
    event = _one(
        "North Korea fired a ballistic missile over Japan on Tuesday, the JCS said. During the past four rounds of "
        "launches, the missiles fired were short-range.",
        "2022-10-04",
        gazetteer,
    )
    assert event["system_class"] == "unknown"
    # "it followed a steep trajectory" tells this flight, not an earlier one ("follows a series of tests")
    event = _one(
        "North Korea fired an ICBM on Friday, Japan's defense ministry said. The missile flew about 1,000 kilometers "
        "at a maximum altitude of 6,000 kilometers, that is, it followed a steep trajectory.",
        "2022-11-18",
        gazetteer,
    )
    assert (event["distance_km"], event["apogee_km"]) == (1000, 6000)


# --- failure classes of the round-3 held-out reports, moved into training (each failed before its fix) ---


def test_extract__launch_told_only_as_a_noun(gazetteer):
    event = _one(
        "North Korean leader Kim Jong-un oversaw the successful test-firing of a new tactical guided weapon, state "
        "media said Sunday. South Korea's military said it detected the North's launch of two projectiles into "
        "the East Sea at 6 p.m. Saturday. They flew 110 kilometers at an apogee of around 25 km.",
        "2022-04-17",
        gazetteer,
    )
    assert (event["launched_at"][:10], event["count"], event["distance_km"], event["apogee_km"]) == (
        "2022-04-16",
        2,
        110,
        25,
    )


@pytest.mark.parametrize(
    ("words", "figures"),
    [
        (
            "The missiles covered a range of 400 kilometers (249 miles), said Gen Nakatani.",
            [("distance", 400)],
        ),
        ("The rocket flew an estimated range of 900 kilometers (560 miles).", [("distance", 900)]),
        (  # w1882: "in the range of" is about, not a reach
            "Their flight range is estimated to have been somewhere in the range of 850 to 900 kilometers.",
            [("distance", 900)],
        ),
        # a turn in flight is not the distance flown; KCNA's target is
        (
            "It was maneuvered 120 kilometers sideways before hitting a target 700 kilometers away.",
            [("distance", 700)],
        ),
        (
            'It made a "120 km lateral movement" and "precisely hit a set target 700 km away."',
            [("distance", 700)],
        ),
        ("ICBMs could have a range of over 15,000 kilometers.", []),
    ],
)
def test_find_figures__range_flown_turns_and_targets(words, figures):
    assert [(f.kind, f.value_km) for f in find_figures(words)[0]] == figures


def test_extract__state_media_first_report_with_a_colon_dateline(gazetteer):
    extraction = extract_events(
        "Seoul (South Korea), January 6: North Korea said Thursday that it has successfully conducted a "
        "test-firing of a hypersonic missile a day earlier, three months after it first showcased the weapon. "
        "On Wednesday, South Korea's military said the North fired what appeared to be a ballistic missile toward "
        'the East Sea from the northern province of Jagang. The missile made a "120 km lateral movement" and '
        '"precisely hit a set target 700 km away," KCNA said.',
        dt.date(2022, 1, 6),
        gazetteer,
    )
    assert len(extraction.events) == 1, extraction.warnings
    event = extraction.events[0]
    assert (event["launched_at"][:10], event["site_id"], event["distance_km"]) == (
        "2022-01-05",
        "chagang",
        700,
    )


def test_extract__a_named_day_beats_this_week(gazetteer):
    event = _one(
        'SEOUL (Reuters) - North Korea fired a "hypersonic missile" this week that successfully hit a target, KCNA '
        "reported on Thursday. The launch, made on Wednesday, was detected by several armed forces in the region.",
        "2022-01-07",
        gazetteer,
    )
    assert event["launched_at"][:10] == "2022-01-05"


def test_find_dates__a_day_earlier_counts_from_the_statement_day():
    dates = find_dates(
        "North Korea said Thursday that it test-fired a missile a day earlier.", dt.date(2022, 1, 8)
    )
    assert [d.value for d in dates] == [dt.date(2022, 1, 5)]


@pytest.mark.parametrize(
    ("text", "site_id"),
    [
        (
            'The JCS said that North Korea "fired an unidentified projectile from Simpo, South Hamgyeong Province."',
            "sinpo",
        ),
        (
            "The missile was fired from Banghyun area in North Pyongan Province on Tuesday, the JCS said.",
            "kusong",
        ),
        (  # w1463
            '"Two short-term ballistic missiles fired from Joongwha of North Hwanghae Province to the East Sea from '
            '7:47 to 8:00 a.m. were identified," said the Joint Chiefs of Staff.',
            "chunghwa",
        ),
        (  # w662: "got" is Korean for cape
            "The JCS said the North is believed to have fired a Scud-type missile from Jangsan Cape on its western "
            "coastal region.",
            "jangsangot",
        ),
        (  # w1056: the village is not in the table; its province, told after it, is
            "North Korea has test-fired a newly developed hypersonic missile called Hwasong 8. According to KCNA, the "
            "launch took place in Toyang-ri of Ryongnim County, Jagang Province.",
            "chagang",
        ),
    ],
)
def test_extract__romanisations_the_sites_table_lacks(text, site_id, gazetteer):
    assert _one(text, "2017-07-04", gazetteer)["site_id"] == site_id


@pytest.mark.parametrize(
    ("text", "published", "field", "value"),
    [
        (
            "North Korea launched a suspected ballistic missile into the East Sea on Tuesday. During that earlier "
            "test, North Korea fired multiple hypersonic missiles from the vicinity of Pyongyang.",
            "2026-01-27",
            ("site_id", "system_class", "count"),
            (None, "unknown", 1),
        ),
        (
            "North Korea launched two short-range missiles on Tuesday from Kwail, the JCS said. The North had fired "
            "two medium-range ballistic Nodong missiles from the same province in 2016.",
            "2019-08-06",
            ("system", "system_class"),
            ("Unknown SRBM", "SRBM"),
        ),
        (
            "North Korea fired a ballistic missile into the East Sea, the JCS said Tuesday. The launch comes less "
            "than two weeks after state media reported a successful test of an engine for a hypersonic missile.",
            "2024-04-02",
            ("system_class", "outcome"),
            ("unknown", "unknown"),
        ),
        # round 5: a tally ("... launch this year", "the first ... since November,") is background from its
        # verb or stop on, the launch it is said of is not
        (  # w155: the tally clause is background, the launch it is said of is not
            "North Korea fired a missile over northern Japan on Tuesday. Tuesday's launch of an Hwasong-12 "
            "intermediate range ballistic missile (IRBM) is North Korea's 13th ballistic missile launch this year "
            "and comes a month after its second flight test of a KN-14 intercontinental ballistic missile (ICBM).",
            "2017-08-29",
            ("system", "system_class"),
            ("Hwasong-12", "IRBM"),
        ),
        (  # w169: a JCS sentence glued to a tally by "p.m."
            "North Korea says its latest launch on Friday was of two short-range ballistic missiles. On Friday, "
            "South Korea's Joint Chiefs of Staff said Pyongyang fired two projectiles into the East Sea from the "
            "inland region of Uiju at 2:41 and 2:52 p.m. This was the military regime's third launch this year.",
            "2022-01-15",
            ("site_id",),
            ("uiju",),
        ),
        (  # w117: "the first ... since November" between commas, the figures of this flight after it
            "North Korea fired an apparent ICBM on Saturday, Japan's Defense Ministry said. The missile, the first "
            '"ICBM-class" weapon to be fired by the North since November, traveled roughly 900 km, the ministry said.',
            "2023-02-18",
            ("distance_km",),
            (900,),
        ),
        (  # w159: "first launch since September 15, when it successfully fired an IRBM" is the earlier launch's
            "North Korea fired a ballistic missile on Wednesday morning, the JCS said. The missile test represents "
            "Pyongyang's first launch since September 15, when it successfully fired an IRBM.",
            "2017-11-29",
            ("system_class", "outcome"),
            ("unknown", "unknown"),
        ),
    ],
)
def test_extract__background_launch_cues(text, published, field, value, gazetteer):
    event = _one(text, published, gazetteer)
    assert tuple(event[f] for f in field) == value


def test_extract__launch_in_an_after_clause_of_a_non_launch_item_is_background(gazetteer):
    # "On Friday, North Korea disclosed its uranium-based nuclear facility, a day after firing multiple ..."
    header, body = read_report(WIRE / "w144-koreatimesus-2024-09-18-kaechon-multiple-400km.txt")
    event = _one(body, header["published"], gazetteer)  # one event, not a second one for the day before
    assert (event["site_id"], event["distance_km"]) == ("kaechon", 400)


def test_extract__super_large_rockets_and_according_to_south_korea(gazetteer):
    event = _one(
        "Japan's defense minister says the three ballistic missiles fired by North Korea on Thursday may have been "
        'short-range ballistic missiles. North Korea refers to them as "super-large rockets".',
        "2022-05-13",
        gazetteer,
    )
    assert event["system"] == "KN-25 (600 mm MRL)"
    event = _one(
        "North Korea fired a ballistic missile on Wednesday. It flew about 450km, according to South Korea, "
        "with a maximum height of 910km.",
        "2019-10-02",
        gazetteer,
    )
    assert [(s["source"], s["distance_km"]) for s in event["sources"]] == [("ROK JCS", 450)]


# --- round 5: the failure classes of the moved round-4 held-out reports (w145-w192) ---------------------


@pytest.mark.parametrize(
    ("text", "published", "count", "system"),
    [
        (  # w179
            "North Korea likely launched its Hwasong-18 ICBM on Wednesday. The missile flew about 1,000 kilometers.",
            "2023-07-12",
            1,
            "Hwasong-18",
        ),
        (  # w146
            "North Korea tested two Rodong-type missiles on Wednesday. The missiles travelled some 650km, the "
            "longest-range weapons tested since its successful December 2012 Unha 3 rocket test.",
            "2014-03-26",
            2,
            "Nodong (Hwasong-7)",
        ),
        (  # w168: "a railway-borne missile regiment" counts regiments, not missiles
            "North Korea fired two short-range ballistic missiles on Wednesday. North Korea said a railway-borne "
            "missile regiment held the firing drill, KCNA said.",
            "2021-09-15",
            2,
            "Unknown SRBM",
        ),
    ],
)
def test_extract__numbers_in_system_names_and_qualifiers_are_not_counts(
    text, published, count, system, gazetteer
):
    event = _one(text, published, gazetteer)
    assert (event["count"], event["system"]) == (count, system)


@pytest.mark.parametrize(
    ("text", "distance_km"),
    [
        (  # w160
            "North Korea fired two missiles on Thursday from near Wonsan, with one flying roughly 270 miles and the "
            "other 430 miles, according to South Korea's Joint Chiefs of Staff.",
            692.0,
        ),
        (  # w180
            "North Korea fired two ballistic missiles on Wednesday, Japan's Defense Ministry said. If it had a normal "
            "trajectory, the first missile flew about 350 kilometers. The second flew about 650 kilometers.",
            650.0,
        ),
        (  # w191: "followed irregular trajectories" is this flight, and one figure a missile
            "North Korea launched two ballistic missiles on Sunday. According to Japan's Defense Ministry, the "
            "missiles followed irregular trajectories, traveling 900 kilometers and 950 kilometers respectively.",
            950.0,
        ),
    ],
)
def test_extract__two_missiles_two_distances_the_farther(text, distance_km, gazetteer):
    assert _one(text, "2019-07-25", gazetteer)["distance_km"] == pytest.approx(distance_km, abs=1)


@pytest.mark.parametrize(
    ("words", "figures"),
    [
        ("It traveled 1 500 kilometers at a speed 12 times faster than sound.", [("distance", 1500.0)]),
        ("It reached two maximum altitudes of 99.8 and 42.5 kilometers, respectively.", [("apogee", 99.8)]),
        ("It did not reach a second peak at an altitude of 42.5 kilometers.", []),
        (
            "Its mission was to strike the target area 800 kilometers away from its location.",
            [("distance", 800.0)],
        ),
        ("It fell 300 km away from the coast.", []),
        (  # w1646
            "The rockets hit a target in waters 358.5 kilometers (223 miles) away from the point of launch.",
            [("distance", 358.5)],
        ),
    ],
)
def test_find_figures__spaced_thousands_listed_peaks_and_figures_not_flown(words, figures):
    assert [(f.kind, f.value_km) for f in find_figures(words)[0]] == figures


@pytest.mark.parametrize(
    ("words", "seconds"),
    [
        ("It flew a distance of 999.2 km for 4,135s before landing.", [4135]),
        ("The missile flew over an hour and fell at 11:20 am.", []),
        ("The cruise missiles flew for more than two hours.", []),
        ("It stayed in the air for more than 70 minutes.", []),
        ("It flew for about an hour.", [3600]),
        ("Missiles it flew in the 1990s.", []),
        # w1422: a speed per hour
        (
            "It flew some 400 km recording a maximum flight speed of Mach 6.1, around 7,466 kilometers an hour.",
            [],
        ),
    ],
)
def test_find_flight_times__seconds_written_short_and_bounds(words, seconds):
    assert [f.value_km for f in find_flight_times(words)] == seconds


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        (  # w957: the page's stamp, glued to the byline
            "By YonhapPublished : Aug. 7, 2019 - 09:08\nNorth Korea fired two projectiles into the East Sea on "
            "Tuesday, the Joint Chiefs of Staff said.",
            "2019-08-07",
            "2019-08-06",
        ),
        (  # w947: "claimed Tuesday" dates the claim
            "North Korea claimed Tuesday it successfully test-fired a new intermediate-range hypersonic ballistic "
            "missile on the previous day.",
            "2025-01-07",
            "2025-01-06",
        ),
        (  # w1573: "on Monday claimed" dates the claim; the report came a day after the detection
            "North Korea on Monday claimed it flight-tested a new solid-fuel intermediate-range missile tipped with a "
            "hypersonic warhead. The report comes a day after the South Korean and Japanese militaries detected the "
            "launch from a site near the North Korean capital of Pyongyang.",
            "2024-01-15",
            "2024-01-14",
        ),
        (  # w151: an American weekday in a WASHINGTON copy is the day before Korea's
            "WASHINGTON The U.S. military detected a failed North Korean missile launch attempt, with a missile "
            "exploding within seconds of its launch, a military spokesman said on Tuesday.",
            "2017-03-22",
            "2017-03-22",
        ),
        (  # w156
            "The Japanese government warned citizens Monday that a North Korean missile was headed toward the "
            "northern end of the country. Seoul's Joint Chiefs of Staff on Tuesday said the missile traveled around "
            "2,700 kilometers.",
            "2017-08-29",
            "2017-08-29",
        ),
        (  # w162
            'North Korea launched what South Korea described as two "short-range missiles" into the East Sea on '
            "25 July: the country's first missile test since June. The Yonhap news agency quoted the JCS as saying "
            "on 26 July that both missiles flew around 600 km.",
            "2019-07-26",
            "2019-07-25",
        ),
        (  # w168: the copy's weekday against KCNA's calendar date a day apart
            "North Korea launched two short-range ballistic missiles into the East Sea on Thursday. North Korea "
            'said Thursday that its regiment held a firing drill a day earlier. "The regiment moved to the '
            'firing ground at dawn on September 15," KCNA said.',
            "2021-09-16",
            "2021-09-15",
        ),
        (  # w1354: an evening told in American time is Korea's next day
            "The Japanese Coast Guard says North Korea have fired two ballistic missiles over the Sea of Japan. The "
            "missiles were spotted on Friday evening American time, and their launch was confirmed by US officials.",
            "2019-08-24",
            "2019-08-24",
        ),
        (  # w1626: Pacific Command's Sunday, its clock in Hawaii Time, is Korea's Monday
            "North Korea fired a short-range ballistic missile Sunday which landed in the Sea of Japan, US Pacific "
            "Command said. The missile was launched from Wonsan at 10:40 p.m. Hawaii Time and tracked for six minutes.",
            "2017-05-29",
            "2017-05-29",
        ),
        (  # w152: read as Hawaii's, this Sunday would put the launch after the copy: it is Korea's
            "A North Korean missile exploded shortly after launch on Sunday, U.S. officials said. The missile was "
            "fired around 11:21 a.m. Hawaii time from a site near Sinpo, according to U.S. Pacific Command.",
            "2017-04-16",
            "2017-04-16",
        ),
    ],
)
def test_extract__statement_days_american_days_and_calendar_dates(text, published, day, gazetteer):
    event = _one(text, published, gazetteer)
    assert korea_day(event["launched_at"], event["launched_at_precision"]) == day


def test_extract__a_failed_launch_attempt_told_as_a_noun(gazetteer):
    event = _one(
        '"U.S. Pacific Command detected what we assess was a failed North Korean missile launch attempt... in '
        'the vicinity of Kalma," a spokesman said.',
        "2017-03-22",
        gazetteer,
    )
    assert (event["site_id"], event["outcome"], event["count"]) == ("wonsan", "failure", 1)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (  # w178: the tracker lost it, the missile flew on
            "North Korea launched a new ICBM on Thursday. The Japanese government said the missile disappeared "
            "from radar shortly after it was detected. South Korea's JCS said it flew about 1,000 kilometers.",
            "success",
        ),
        (  # w22
            "North Korea fired two missiles on Friday. The first flew 800km. The second, fired about 20 minutes "
            "later, disappeared off radar early into its flight.",
            "partial",
        ),
    ],
)
def test_extract__disappearing_from_radar_is_a_failure_only_early_in_flight(text, outcome, gazetteer):
    assert _one(text, "2023-04-13", gazetteer)["outcome"] == outcome


@pytest.mark.parametrize(
    ("text", "published", "system"),
    [
        (  # w946: KCNA's noun, relayed
            "North Korea's Missile Administration on Wednesday conducted the first test-fire of a new-type "
            "strategic cruise missile, Pulhwasal-3-31, KCNA reported on Thursday.",
            "2024-01-25",
            "Pulhwasal-3-31",
        ),
        (  # w958: a witness's "missile test" with no "launch" word
            "State media said on Wednesday that Kim Jong Un personally oversaw a hypersonic missile test. The "
            "missile hit a target in waters 1,000 km away, KCNA said.",
            "2022-01-12",
            None,
        ),
    ],
)
def test_extract__a_test_fire_of_and_an_overseen_missile_test_are_launches(
    text, published, system, gazetteer
):
    event = _one(text, published, gazetteer)
    assert event["launched_at"][:10] == published if system is None else event["system"] == system
    assert event["confirmation"] == "claimed"


@pytest.mark.parametrize(
    "background",
    [
        # w978: the day counted from the earlier launch
        "Pyongyang put a reconnaissance satellite into orbit on Nov. 21. It fired a ballistic missile the "
        "following day, but that launch is believed to have failed.",
        # w990: the earlier launch's fate, told right after it
        "Kim had warned of action after a drill held hours before a satellite launch attempt on Monday. The "
        "launch failed after the rocket exploded shortly after liftoff.",
    ],
)
def test_extract__an_earlier_launchs_fate_told_after_it_is_not_this_ones(background, gazetteer):
    text = (
        "North Korea fired a ballistic missile into the sea on Thursday, South Korea's military said. "
        + background
    )
    assert _one(text, "2024-05-30", gazetteer)["outcome"] == "unknown"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (  # w968, w392, w545, w805: the lead is the JCS's word, told in the sentences after it
            "North Korea launched several ballistic missiles into the sea on Sunday. The launches came as Seoul's "
            "president left for Beijing. South Korea's military said the missiles flew about 900 km. Japan said "
            "at least two missiles landed outside its waters.",
            None,
        ),
        (  # w439: a headline is the outlet's, not the source the body goes on to name
            "North Korea fires two missiles into sea\n\nNorth Korea has fired an unidentified projectile off the "
            "east coast, South Korea says.",
            1,
        ),
    ],
)
def test_extract__a_lead_no_source_speaks_in_is_the_next_named_sources_count(text, count, gazetteer):
    assert _one(text, "2026-01-04", gazetteer)["count"] == count


def test_extract__each_of_a_salvo_named_failing_is_a_failure(gazetteer):
    event = _one(  # w445
        "North Korea fired three short-range ballistic missiles from Kangwon province on Saturday. The first and "
        "third missiles failed in flight and the second appears to have blown up almost immediately, US Pacific "
        "Command said.",
        "2017-08-26",
        gazetteer,
    )
    assert (event["count"], event["outcome"]) == (3, "failure")


@pytest.mark.parametrize(
    "aside",
    [
        # w824: a follow-up is the same statement's, not a launch it follows
        "In a follow-up notice, the JCS said the missiles flew about 350 kilometers.",
        # w860: measured against the earlier tests, told of this one
        "The Pentagon said the missile flew approximately 350 km and at a greater altitude than in previous tests.",
    ],
)
def test_extract__a_follow_up_and_a_comparison_with_previous_tests_are_this_flights(aside, gazetteer):
    text = (
        "North Korea launched a ballistic missile into the East Sea on Tuesday, South Korea's military said. "
        + aside
    )
    assert _one(text, "2026-01-27", gazetteer)["distance_km"] == 350


@pytest.mark.parametrize(
    "text",
    [
        # w637, w769: beside the capital, not at it (as "from an area north of Pyongyang")
        "The JCS detected short-range ballistic missiles launched from north of Pyongyang on Tuesday.",
        "North Korea fired a missile from a mobile launcher northeast of Pyongyang on Tuesday.",
        # w986: where the news came from
        "North Korea launched a satellite on Tuesday, as reported by state media in Pyongyang.",
        # w1667: launched beside the capital, with no "from"
        "State media said the two hypersonic projectiles had been launched south of the capital Pyongyang on "
        "Wednesday.",
        # w1696: the island aimed at is the target, not the launch place
        "North Korea is said to have launched at least three missiles on Monday, which reportedly flew in the "
        "direction of an uninhabited island off Kilju in North Hamgyong Province.",
    ],
)
def test_extract__beside_the_capital_and_media_in_it_are_no_site(text, gazetteer):
    assert _one(text, "2026-01-27", gazetteer)["site_id"] is None


@pytest.mark.parametrize(
    ("outside", "confirmation"),
    [
        ("", "claimed"),
        (" The test was confirmed by both South Korea and the United States.", "confirmed"),  # w648
        (
            " It came down west of Aomori, according to authorities in Japan and South Korea.",
            "confirmed",
        ),  # w680
        (" South Korean assessments identified the missile as a Hwasong-11.", "confirmed"),  # w881
        (" The launch prompted evacuation warnings for Hokkaido.", "confirmed"),  # w694
        (  # w1886
            " Japan's top government spokesperson has issued a statement strongly condemning North Korea's latest "
            "launch.",
            "confirmed",
        ),
    ],
)
def test_extract__state_media_first_copy_confirmed_from_outside(outside, confirmation, gazetteer):
    text = (
        "North Korea said on Thursday it had successfully test-fired a new missile, KCNA reported." + outside
    )
    assert _one(text, "2024-01-15", gazetteer)["confirmation"] == confirmation


@pytest.mark.parametrize(
    "span",
    [
        "The projectiles, believed to be short- or medium-range, flew about 900 km.",  # w393
        "Officials said the missile was of medium or intermediate range.",  # w909
        # w464: nor does one of two systems give its class
        "Findings suggest short- to intermediate-range missiles, linked to the KN-23 or KN-24 family.",
    ],
)
def test_extract__a_span_of_classes_is_no_class(span, gazetteer):
    text = "North Korea fired ballistic missiles into the sea on Sunday, South Korea's military said. " + span
    assert _one(text, "2026-01-04", gazetteer)["system_class"] == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        # w903: the launch told again with its time ("The missile is thought by authorities to have launched at
        # 7:22 a.m. local time (3:22 p.m. PDT Monday)")
        read_report(WIRE / "w903-cnet-2022-10-04-over-hokkaido-722am-landed-7-minutes-later.txt")[1],
        (  # w905: an earlier launch told in the past perfect by its month
            "North Korea confirmed that it successfully tested a new submarine-launched ballistic missile on "
            'October 19. It had also test-fired a new "long-range cruise missile" in September.'
        ),
    ],
)
def test_extract__a_launch_told_again_or_recalled_by_its_month_is_one_event(text, gazetteer):
    event = _one(text, "2021-10-20", gazetteer)
    assert event["system_class"] != "cruise"


def test_extract__condemned_by_its_neighbours_is_confirmed(gazetteer):
    event = _one(  # w905
        "North Korea said it successfully tested a new submarine-launched ballistic missile on Tuesday. The test "
        "launch was condemned by the United States, South Korea and Japan.",
        "2021-10-20",
        gazetteer,
    )
    assert event["confirmation"] == "confirmed"


@pytest.mark.parametrize(
    "text",
    [
        # w551
        "A second failed attempt by North Korea to place a spy satellite into orbit has stirred concerns. The rocket "
        "broke into pieces on Thursday, Japan's defence ministry said.",
        # w580
        "North Korea announced on Monday the failure of a new attempt to put its second spy satellite into orbit.",
        # w938
        "North Korea appears to have attempted a satellite launch, South Korea's military said late Monday.",
        # w1164
        "North Korea acknowledged on Wednesday its failure to launch a military reconnaissance satellite.",
        # w1165
        "North Korea attempted to put a military spy satellite into orbit but failed for the second time in three "
        "months on Thursday morning.",
    ],
)
def test_extract__an_attempt_to_put_a_satellite_into_orbit_is_a_launch(text, gazetteer):
    assert _one(text, "2024-05-28", gazetteer)["system_class"] == "SLV"


def test_extract__a_satellite_is_one_launch(gazetteer):
    event = _one(  # w1164: one satellite, one rocket carrying it
        "North Korea acknowledged on Wednesday its failure to launch a military reconnaissance satellite.",
        "2023-05-31",
        gazetteer,
    )
    assert (event["count"], event["outcome"]) == (1, "failure")


def test_extract__a_day_and_month_before_the_verb_is_no_modal(gazetteer):
    event = _one(  # w725: "21 may" is a date, not "may"
        "North Korea on Sunday, 21 may, launched a rocket of unknown modification, flying about 500 kilometers.",
        "2017-05-21",
        gazetteer,
    )
    assert (event["distance_km"], event["confirmation"]) == (500, "confirmed")


@pytest.mark.parametrize(
    "told",
    [
        # w417: the sentence is about the first test too
        "North Korea's launch seems to be its second test of the Hwasong-18 ICBM which was first fired on April 13.",
        # w590
        "Experts say the launch was likely the second test-flight of the developmental Hwasong-18 solid-fuel missile.",
    ],
)
def test_extract__the_second_test_of_a_system_names_this_launchs(told, gazetteer):
    text = "North Korea fired an intercontinental ballistic missile on Wednesday, Seoul said. " + told
    assert _one(text, "2023-07-12", gazetteer)["system"] == "Hwasong-18"


def test_extract__a_test_described_as_a_success_succeeded(gazetteer):
    event = _one(  # w403
        "North Korea said on Monday it tested a new solid-fuel hypersonic missile on Sunday. The report described "
        "the test as a success but didn't provide details.",
        "2024-01-15",
        gazetteer,
    )
    assert (event["outcome"], event["confirmation"]) == ("success", "claimed")


@pytest.mark.parametrize(
    "words",
    [
        "The report said defense scientists have confirmed the navigational control and stability of the missile.",
        "It added that they verified technical specifications, such as the guiding maneuverability.",
    ],
)
def test_extract__state_media_confirming_what_was_tested_is_a_success(words, gazetteer):
    event = _one(  # w1683, w1684
        "A North Korean newspaper says the country carried out its first test-launch of a newly developed "
        "hypersonic missile on Tuesday morning. " + words,
        "2021-09-29",
        gazetteer,
    )
    assert event["outcome"] == "success"


def test_extract__a_salvo_told_in_volleys_is_one_launch(gazetteer):
    event = _one(  # w991: clock times alone do not tell launches apart
        "North Korea fired five short-range rockets into the East Sea on Thursday, the JCS said. Pyongyang "
        "launched three rockets at 9:30, 9:40 and 9:55 a.m. The North also fired two more rockets in the "
        "afternoon: one at 12:56 p.m. and one at 1:05 p.m. The rockets were fired from Wonsan. The first "
        "three rockets traveled about 220 kilometers.",
        "2014-08-14",
        gazetteer,
    )
    assert (event["count"], event["site_id"], event["distance_km"]) == (5, "wonsan", 220)


@pytest.mark.parametrize(
    "kin",
    [
        "Images of the missile suggest it is based on the ground-launched KN-23 short-range ballistic missile.",
        "Officials identified it as possibly the Pukguksong-5, a larger variant of the KN-23.",
    ],
)
def test_extract__a_system_the_missile_is_based_on_is_not_its_system(kin, gazetteer):
    event = _one(  # w1006, w881: the KN-23 is the missile's kin, not the missile launched
        f"North Korea fired a submarine-launched ballistic missile from Sinpo on 19 October, the JCS said. {kin}",
        "2021-10-19",
        gazetteer,
    )
    assert (event["system"], event["system_class"]) != ("Hwasong-11A (KN-23)", "SRBM")
    assert event["system_class"] == "SLBM"


def test_extract__a_system_in_a_came_after_clause_is_another_launchs(gazetteer):
    event = _one(  # w993: the clause names May's launch, cut in two by its own day
        "North Korea fired two short-range ballistic missiles from Chunghwa on Oct. 22. The provocation came "
        "about five months after North Korea fired multiple SRBMs, believed to be the \u201cNorth Korean "
        "Iskander\u201d (KN-23) and a super-large multiple rocket launcher (KN-25), into the East Sea on May 8.",
        "2025-10-23",
        gazetteer,
    )
    assert (event["system"], event["system_class"]) == ("Unknown SRBM", "SRBM")


@pytest.mark.parametrize(
    "text",
    [  # w1033: a command's statement is the only report of the launch
        "The United States military on Tuesday condemned North Korea for a suspected ballistic missile launch. "
        "\u201cWe are aware of the North Korean ballistic missile launch this morning into the Sea of Japan,\u201d "
        "the US Indo-Pacific Command said in a statement.",
    ],
)
def test_extract__a_launch_told_only_as_condemned_or_known_of(text, gazetteer):
    event = _one(text, "2021-10-19", gazetteer)
    assert (event["launched_at"][:10], event["count"]) == ("2021-10-19", 1)


def test_extract__a_satellite_attempt_made_this_week_spotted_being_launched(gazetteer):
    event = _one(  # w1002: the attempt is the launch; the military saw it lift off, not its preparations
        "Seoul: The attempt made this week to launch a new satellite-carrying rocket failed due to a midair "
        "explosion, North Korea said on Tuesday. The South Korean military said it spotted the missile being "
        "launched southward over the Yellow Sea from the Tongchang-ri region at around 10:44 p.m. Monday.",
        "2024-05-28",
        gazetteer,
    )
    assert (event["launched_at"][:10], event["site_id"], event["outcome"]) == (
        "2024-05-27",
        "sohae",
        "failure",
    )


def test_extract__harder_to_detect_before_being_launched_is_a_trait(gazetteer):
    event = _one(  # w1005: "being launched" after no missile word tells what the missile is like
        "North Korea said it tested a new solid-fuel Hwasong-18 ICBM on Thursday. On Wednesday 13 April, the "
        "South Korean army had reported the launch of a missile. The solid fuel missile being tested today is "
        "harder to detect before being launched.",
        "2023-04-14",
        gazetteer,
    )
    assert event["launched_at"][:10] == "2023-04-13"


def test_extract__the_leads_statement_day_before_the_weeks_other_launches(gazetteer):
    event = _one(  # w994: Thursday's and Friday's are the ICBM told after; Sunday's is the news
        "North Korea launches ballistic missile into eastern waters\n19th March 2023 - (Hong Kong) The Japanese "
        "Ministry of Defence announced on Sunday (19th) that North Korea had launched a ballistic missile. "
        "According to a report from the state media on Friday, the strategic forces carried out an "
        "intercontinental ballistic missile launch drill. On Thursday, a Hwasongpho-17 was launched from the "
        "Pyongyang International Airport.",
        "2023-03-19",
        gazetteer,
    )
    assert event["launched_at"][:10] == "2023-03-19"


def test_extract__an_earlier_launch_told_in_the_present_and_what_follows_it(gazetteer):
    event = _one(  # w998: TASS's "fires" tells January 11's launch, and "According to Pyongyang, it" goes on
        "TOKYO, January 14. /TASS/. North Korea launched what is believed to be a ballistic missile towards the "
        "Sea of Japan, Japan Coast Guard reported Friday. According to South Korean Joint Chiefs of Staff, on "
        "January 11, North Korea fires a presumably ballistic missile towards the Sea of Japan. The missile "
        "reportedly travelled for over 700 km, with maximum altitude of 70 km. On January 12, DPRK announced a "
        "successful test of a hypersonic missile. According to Pyongyang, it travelled for 1,000 km and "
        "successfully hit its target.",
        "2022-01-14",
        gazetteer,
    )
    assert (event["launched_at"][:10], event["distance_km"], event["apogee_km"]) == ("2022-01-14", None, None)


def test_extract__a_tally_of_launches_so_far_is_no_count(gazetteer):
    event = _one(  # w1015
        "TOKYO- North Korea test-fired a ballistic missile over Hokkaido on Friday morning. North Korea has so far "
        "fired a total of six ballistic missiles over Japan, including Friday's blast-off.",
        "2017-09-15",
        gazetteer,
    )
    assert event["count"] == 1


def test_extract__a_long_line_cut_short_ends_its_paragraph(gazetteer):
    event = _one(  # w1028: the first paragraph stops on "in"; the next one is the JCS's figure
        "North Korea test-fired a ballistic missile that landed in the Sea of Japan on Sunday, prompting Japanese "
        "Prime Minister Shinzo Abe to condemn the launch, the first by Pyongyang since Trump won the election in\n"
        "The missile flew around 500 kilometers, according to the South Korean military.",
        "2017-02-12",
        gazetteer,
    )
    assert event["distance_km"] == 500


def test_extract__a_count_told_as_two_to_three_takes_the_upper(gazetteer):
    event = _one(  # w993: ranges take the upper figure, counts too
        "North Korea fired two to three short-range ballistic missiles from Chunghwa on Oct. 22.",
        "2025-10-23",
        gazetteer,
    )
    assert event["count"] == 3


def test_extract__a_missile_that_was_successfully_tested_is_a_launch(gazetteer):
    event = _one(  # w999: TASS relays Japan's minister, and KCNA's passive is the only launch sentence
        "TOKYO, January 15th. /tass/. The Japanese Ministry of Defense is carefully studying information about "
        "the test of a hypersonic guided warhead. The Korean Central Telegraph Agency (KCNA) reported that on "
        "January 14, a solid-fuel intermediate-range ballistic missile with a hypersonic guided warhead was "
        "successfully tested in the DPRK.",
        "2024-01-15",
        gazetteer,
    )
    assert (event["launched_at"][:10], event["system_class"], event["outcome"]) == (
        "2024-01-14",
        "HGV",
        "success",
    )


@pytest.mark.parametrize(
    ("text", "count"),
    [  # w576: "a ... missile" then "the missiles hit their targets": no count
        (
            "North Korea has test-fired a strategic cruise missile, reports KCNA. According to the news agency, "
            "the missiles hit their targets after traveling 1,500 kilometers.",
            None,
        ),
        # w358: "the missile traveled" tells one again; w984: "one of the missiles" is one of another salvo
        (
            "North Korea has fired a cruise missile, KCNA said. The missile traveled 1,500 kilometers. "
            "The missiles hit their targets.",
            1,
        ),
    ],
)
def test_extract__an_article_against_the_launchs_plural(text, count, gazetteer):
    assert _one(text, "2025-01-26", gazetteer)["count"] == count


def test_extract__a_headlines_vague_count_gives_way_to_its_sources_number(gazetteer):
    event = _one(  # w855: the headline says "multiple"; South Korea's military, in the copy, "about 10"
        "North Korea fires multiple suspected short-range missiles, South Korea says\n"
        "SEOUL - North Korea fired what appeared to be about 10 short-range ballistic missiles off its east "
        "coast, South Korea's military said on May 30.",
        "2024-05-30",
        gazetteer,
    )
    assert event["count"] == 10


def test_extract__a_bylines_date_does_not_move_the_weekday_told(gazetteer):
    event = _one(  # w1029: the byline's Feb. 13 is the page's day; the launch was on Sunday, Feb. 12
        "North Korea Test Ballistics Missile Launch Amid Donald Trump's Visit with Shinzo Abe\n"
        "David Lee, Feb. 13, 2017, 10:49 a.m.\n"
        "North Korea fired a ballistic missile on Sunday shortly after U.S. President Donald Trump met with "
        "Japanese Prime Minister Shinzo Abe.",
        "2017-02-13",
        gazetteer,
    )
    assert event["launched_at"][:10] == "2017-02-12"


def test_extract__a_test_told_on_sept_11_and_sept_12_is_one_event_per_day(gazetteer):
    extraction = extract_events(  # w1037: the month told twice
        "North Korea over the weekend successfully test-fired a new long-range cruise missile, according to "
        "KCNA. The operation was confirmed as a success by officials who took part in the testing of the new "
        "type of cruise missile that was launched on Sept. 11 and Sept. 12, KCNA reported.",
        dt.date(2021, 9, 13),
        gazetteer,
    )
    assert [e["launched_at"][:10] for e in extraction.events] == ["2021-09-11", "2021-09-12"]


def test_extract__an_unsuccessful_launch_known_of_and_a_parade_in_the_capital(gazetteer):
    event = _one(  # w1093: "blew up" is no launch verb; the Pentagon's "unsuccessful missile launch" is
        'A North Korean missile "blew up almost immediately" on its test launch on Sunday, the U.S. Pacific '
        "Command said. The failed launch from the east coast came a day after the North held a military parade in "
        "its capital. "
        "\"The president and his military team are aware of North Korea's most recent unsuccessful missile "
        'launch," Secretary of Defense Jim Mattis said in a statement.',
        "2017-04-16",
        gazetteer,
    )
    # the parade's capital is no site; the coast the launch came from is (the corpus's coast convention)
    assert (event["outcome"], event["site_id"]) == ("failure", "east-coast")


def test_extract__the_missiles_the_south_fired_in_response_are_no_count(gazetteer):
    event = _one(  # w1069
        "North Korea fired at least 17 missiles on Wednesday, South Korea's military said. A short time later, "
        "the South Korean military said it had fired three air-to-ground missiles in the same area in response.",
        "2022-11-02",
        gazetteer,
    )
    assert event["count"] == 17


def test_extract__a_barrage_counted_as_eight_were_fired(gazetteer):
    event = _one(  # w1074: the lead's "a barrage" is the outlet's; the JCS's number follows with no missile word
        "North Korea tested a barrage of short-range ballistic missiles yesterday. Eight were fired over 35 "
        "minutes from at least four locations, South Korea's joint chiefs of staff said.",
        "2022-06-06",
        gazetteer,
    )
    assert event["count"] == 8


def test_extract__a_flight_compared_over_earlier_missiles_is_this_ones(gazetteer):
    event = _one(  # w1059: "over missiles tested ... in March" is the comparison's clause, not the sentence's
        "North Korea said the intercontinental ballistic missile it launched on Wednesday, which flew for more "
        "than 70 minutes, was a Hwasong-18. The 74-minute flight time represents a marginal advance over missiles "
        "tested by North Korea in March and April this year.",
        "2023-07-13",
        gazetteer,
    )
    assert event["flight_time_s"] == 4440


@pytest.mark.parametrize(
    "where",
    [
        "from an airport in Pyongyang",
        "from an airport in its capital Pyongyang",
        "from an airfield outside the North Korean capital of Pyongyang",  # w1792
    ],
)
def test_extract__an_airport_in_the_capital_is_sunan(where, gazetteer):
    event = _one(  # w1061, w842: the capital has one airport
        f"North Korea fired two short-range ballistic missiles {where} on Monday, the military said.",
        "2022-01-17",
        gazetteer,
    )
    assert event["site_id"] == "sunan"


def test_find_flight_times__a_long_path_before_the_time():
    found = find_flight_times(  # w1049: KCNA's path and distance come between "flew" and the seconds
        "the launched strategic cruise missiles flew along elliptical and figure-eight trajectories for 1,500 "
        "kilometers for 7,507 to 7,511 seconds, successfully hitting the target"
    )
    assert [f.value_km for f in found] == [7511]


def test_extract__a_day_told_by_its_ordinal(gazetteer):
    event = _one(  # w1049: copy translated from Korean names days as "the 25th"; "said on the 26th" is the words'
        'The Joint Chiefs of Staff said on the 26th, "North Korea launched several cruise missiles into the Yellow '
        'Sea on the afternoon of the 25th." It marked the 70th anniversary of the party.',
        "2025-01-26",
        gazetteer,
    )
    assert event["launched_at"][:10] == "2025-01-25"


@pytest.mark.parametrize(
    "text",
    [
        # w1113: the JCS's "One missile ... flew" is one of the two the US officials told apart
        "North Korea fired two ballistic missiles on Friday, one of which flew about 800 km while the other "
        "exploded shortly after launch, US officials said. One missile, fired from north of Pyongyang, flew "
        "into the sea off the east coast, the Joint Chiefs of Staff said.",
        # w1128: the JCS's "a ballistic missile" against STRATCOM's salvo of two, one of which exploded
        "North Korea launched a ballistic missile on Friday morning, the Joint Chiefs of Staff said. The U.S. "
        "Strategic Command said it detected the launch of two missiles, one of which exploded right after launch.",
    ],
)
def test_extract__a_salvo_told_missile_by_missile_counts_both(text, gazetteer):
    assert _one(text, "2016-03-18", gazetteer)["count"] == 2


def test_extract__figures_after_a_sentence_wholly_about_another_launch_are_its(gazetteer):
    event = _one(  # w1109: the sentence after the recalled "last week" test gives that test's figures
        "North Korea fired two ballistic missiles from Sunan on Monday, the Joint Chiefs of Staff said. North "
        "Korea performed a test of a Hwasong-8 hypersonic missile last week. According to the state news agency "
        "KCNA, the missile flew 1,000 kilometers.",
        "2022-01-17",
        gazetteer,
    )
    assert event["distance_km"] is None and event["system"] != "Hwasong-8"


def test_extract__the_missile_that_flew_after_an_after_clause_is_the_launchs_own(gazetteer):
    event = _one(  # w94: only the closing "after ..." clause was another launch's
        "Sirens sounded in Hokkaido on Friday after North Korea launched a missile over northern Japan. The "
        "missile travelled about 3700 kilometers before landing in the Pacific Ocean.",
        "2017-09-15",
        gazetteer,
    )
    assert event["distance_km"] == 3700


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # w1046: a number before quoted words still counts
        (
            "North Korea has fired two unidentified “projectiles” into the sea, the South Korean military says.",
            2,
        ),
        (
            "North Korea fires two ‘ballistic missiles’ into Sea of Japan. The launch was detected on Thursday.",
            2,
        ),
        # w656: an article before state media's quoted name is the name's, not a count
        (
            "North Korea has tested a new “tactical guided projectile”, state media said. The North on Thursday "
            "launched two weapons from its east coast, the Joint Chiefs of Staff said.",
            2,
        ),
    ],
)
def test_extract__a_count_of_words_in_quotes(text, count, gazetteer):
    assert _one(text, "2019-10-31", gazetteer)["count"] == count


def test_extract__a_tactical_guided_weapon_is_one(gazetteer):
    event = _one(  # w1048, w410, w843: KCNA's name for a single new weapon
        "North Korea's Academy of Defence Science has conducted the test firing of a new tactical guided weapon on "
        "Wednesday, April 17, the state news agency KCNA said.",
        "2019-04-18",
        gazetteer,
    )
    assert event["count"] == 1


def test_extract__a_type_tested_on_two_days_gives_no_count_per_day(gazetteer):
    events = extract_events(  # w783, w571, w1037, w541: the article names the type tested on both days
        "North Korea successfully test-fired a new long-range cruise missile on Saturday and Sunday, the state-run "
        "Korean Central News Agency reported Monday.",
        dt.date(2021, 9, 13),
        gazetteer,
    ).events
    assert [e["launched_at"][:10] for e in events] == ["2021-09-11", "2021-09-12"]
    assert [e["count"] for e in events] == [None, None]
    # nor does a number told for both days together ("fired 46 short-range rockets ... between Mar. 22 and 23"):
    # which day had how many, the copy does not say
    two = extract_events(
        "North Korea fired two cruise missiles on Saturday and Sunday, the state-run KCNA reported Monday.",
        dt.date(2021, 9, 13),
        gazetteer,
    ).events
    assert [e["count"] for e in two] == [None, None]


def test_extract__the_military_said_a_day_before_the_report_tells_this_launch(gazetteer):
    event = _one(  # w908: the report came a day after the JCS's words on the same launch
        "North Korea said Thursday that it tested a new rocket system. The firing was carried out on Wednesday to "
        "test a new multiple launch guided rocket system, the Korean Central News Agency said. The report came a "
        "day after South Korea's military said that North Korea fired two short-range ballistic "
        "missiles off its east coast early on Wednesday, saying they flew about 250 kilometers.",
        "2019-08-01",
        gazetteer,
    )
    assert (event["count"], event["distance_km"]) == (2, 250)


def test_extract__a_launch_after_words_on_another_launch_stays_background(gazetteer):
    event = _one(  # w115: the launch comes two weeks after state media's words on another test
        "North Korea fired a ballistic missile on Tuesday, the JCS said. The launch comes less than two weeks "
        "after state media said Kim Jong Un had overseen a test of an engine for a new hypersonic missile.",
        "2024-04-02",
        gazetteer,
    )
    assert event["system_class"] not in ("HGV", "cruise")


def test_extract__a_launch_told_before_words_on_it_is_another_launchs(gazetteer):
    event = _one(  # w447: "after it tested a cruise missile that analysts said ...": the launch, then words on it
        "The missiles fired by North Korea on Wednesday were a test of a new railway-borne missile system, KCNA "
        "reported on Thursday. The missiles flew 800 km before striking a target, KCNA said. On Wednesday, South "
        "Korean and Japanese authorities announced they had detected the launch of two ballistic missiles from "
        "North Korea, just days after it tested a cruise missile that analysts said could have nuclear capabilities.",
        "2021-09-16",
        gazetteer,
    )
    assert event["count"] == 2


def test_extract__the_hwasong_16_is_the_16b(gazetteer):
    event = _one(  # w1071: April 2024 copy names the 16B by its family's number alone
        "Kim Jong Un oversaw the test launch of the Hwasong-16 missile, powered by solid fuel, in a suburb of "
        "Pyongyang on Tuesday, the Korean Central News Agency stated.",
        "2024-04-03",
        gazetteer,
    )
    assert (event["system"], event["system_class"]) == ("Hwasong-16B", "HGV")


def test_extract__during_that_period_goes_on_about_the_launch_recalled(gazetteer):
    event = _one(  # w806: the Hwasong-16 test is the launch "last fired" on April 2
        "North Korea likely fired a ballistic missile on Monday, the Japanese Coast Guard said. On April 2, "
        "Pyongyang last fired a ballistic missile. During that period, the Korean Central News Agency reported a "
        "successful test of the Hwasong-16 intermediate-range missile.",
        "2024-04-22",
        gazetteer,
    )
    assert event["system"] == "Unknown ballistic missile" and event["system_class"] == "unknown"


def test_extract__the_new_missile_was_test_launched_on_names_the_reports_day(gazetteer):
    event = _one(  # w1107: a Sunday page; the only day told is the launch's, three days before
        "Footage shows North Korea launching what it has described as the world's strongest missile. The new "
        "intercontinental ballistic missile (ICBM) was test-launched on Thursday (31 October), officials said.",
        "2024-11-03",
        gazetteer,
    )
    assert event["launched_at"][:10] == "2024-10-31"


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # w857: the day KCNA supplied the picture
        (
            "A missile is seen launched during a drill in North Korea, in an image supplied by North Korea's Korean "
            "Central News Agency on September 16, 2021. North Korea tested a new railway-borne missile system on "
            "Wednesday, state media reported.",
            "2021-09-16",
            "2021-09-15",
        ),
        # w1058: a picture credit's day
        (
            "Hwasong-18 ICBM launched from a launchpad in southeast Pyongyang | Image: Rodong Sinmun (July 13, 2023)\n"
            "North Korea successfully test-launched its Hwasong-18 ICBM again on Wednesday, according to state media.",
            "2023-07-13",
            "2023-07-12",
        ),
    ],
)
def test_extract__a_pictures_day_is_not_the_launchs(text, published, day, gazetteer):
    assert _one(text, published, gazetteer)["launched_at"][:10] == day


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # w874: 13:42 GMT on the 21st is 22:42 in Korea, the same day
        (
            "A North Korean Chollima-1 rocket has reportedly placed a satellite into orbit after being launched at "
            "1342 GMT on 21 November. The mission lifted off from the Sohae Satellite Launching Ground.",
            "2023-11-22",
            "2023-11-21",
        ),
        # 15:42 GMT is already the next day in Korea
        (
            "A North Korean rocket was launched at 1542 GMT on 21 November from Sohae, state media said.",
            "2023-11-22",
            "2023-11-22",
        ),
        # w1473: the bracketed GMT day is the day before Korea's, not a calendar date to prefer over Thursday
        (
            "North Korea fired a suspected long-range ballistic missile on Thursday (October 31), the JCS said. The "
            "launch was from near Pyongyang at 7:10 a.m. (2210 GMT, October 30).",
            "2024-10-31",
            "2024-10-31",
        ),
        # w349: an American evening's day is the next in Korea; the GMT day beside it is Korea's
        (
            "North Korea launched a satellite this evening (February 6) Eastern Standard Time (EST). The launch, "
            "aboard an Unha-3 rocket, took place at 00:30 GMT February 7 at North Korea's Sohae Space Center.",
            "2016-02-07",
            "2016-02-07",
        ),
    ],
)
def test_extract__a_day_told_in_another_zone(text, published, day, gazetteer):
    event = _one(text, published, gazetteer)
    assert korea_day(event["launched_at"], event["launched_at_precision"]) == day


@pytest.mark.parametrize(
    ("text", "site"),
    [
        # w1000, w1095, w598: launched at sea off Wonsan
        (
            "The missile was fired from waters off the peninsula's east coast near the port city of Wonsan on Wednesday, "
            "the JCS said.",
            "wonsan-bay",
        ),
        (
            "A new type of Pukguksong missile was fired from off the east coast near Wonsan on Wednesday, the JCS said.",
            "wonsan-bay",
        ),
        # the Kalma airfield by the city stays the site of launches from land
        ("North Korea fired two missiles from near Wonsan on Wednesday, the JCS said.", "wonsan"),
    ],
)
def test_extract__launched_at_sea_off_wonsan(text, site, gazetteer):
    assert _one(text, "2019-10-02", gazetteer)["site_id"] == site


@pytest.mark.parametrize(
    "observed",
    [
        "The placement into orbit was confirmed through its detection by the US Space Command.",  # w874
        "South Korean and US authorities concluded that the missile exploded in flight.",  # w1007
        "South Korea's national security council expressed strong regret over the launch.",  # w958
        "Earlier, Defense Secretary James Mattis said the ICBM had flown higher than any previously tested.",  # w1126
        # w1514, w1481: the claim matched to a launch others saw
        "Its report apparently referred to the short-range ballistic missiles fired Wednesday by North Korea.",
        "Yonhap said the announcement likely referred to the firing of three rockets into the seas on Thursday.",
    ],
)
def test_extract__state_media_launch_observed_from_outside_is_confirmed(observed, gazetteer):
    text = "North Korea's state media said on Wednesday that it had launched a new missile, KCNA said. "
    assert _one(text, "2024-06-27", gazetteer)["confirmation"] == "claimed"
    assert _one(text + observed, "2024-06-27", gazetteer)["confirmation"] == "confirmed"


def test_extract__a_first_in_three_months_after_a_threat_is_this_launch(gazetteer):
    event = _one(  # w590: "in three months after it threatened" names no earlier launch
        "North Korea fires its first ICBM in 3 months. North Korea has test-fired its first intercontinental "
        "ballistic missile in three months after it threatened consequences over spy flights. South Korea and Japan "
        "assessed that the missile flew about 620 miles before landing.",
        "2023-07-12",
        gazetteer,
    )
    assert event["distance_km"] == 997.8


def test_extract__a_line_ending_on_a_file_photo_credit_is_a_caption(gazetteer):
    event = _one(  # w674: the file photo shows May's Pukguksong-2 test, not this launch
        "Kim Jong Un supervising North Korea's missile test of the Pukguksong-2, according to state media in May. "
        "North Korea launched multiple missiles early Thursday, local time. File Photo by KCNA/EPA\n\n"
        "June 7 (UPI) -- North Korea fired four anti-ship cruise missiles, according to a Pentagon official.",
        "2017-06-08",
        gazetteer,
    )
    assert (event["system"], event["system_class"]) == ("Unknown cruise missile", "cruise")
    assert [
        s.is_caption for s in split_sentences("A test. File photo by AP\nNorth Korea fired a missile.")
    ] == [
        True,
        True,
        False,
    ]


def test_extract__a_hypersonic_missile_seen_as_short_range_launches_keeps_their_figures(gazetteer):
    event = _one(  # w762: Seoul's "short-range launches" are the hypersonic test state media told of
        'North Korea said it test-fired a new "strategic" hypersonic missile system and that two projectiles '
        "launched Wednesday hit the target point, according to KCNA. South Korea's military said it detected "
        "multiple short-range launches that flew about 217 miles to the northeast before landing.",
        "2025-10-23",
        gazetteer,
    )
    assert (event["system_class"], event["distance_km"]) == ("HGV", 349.2)


def test_extract__the_rockets_were_fired_on_names_the_reports_day(gazetteer):
    event = _one(  # w719: five days before the page, told of the report's own rockets
        "North Korea says its firing of three rockets shortly before Pope Francis arrived had nothing to do with "
        "the papal visit\nThe short range rockets were fired from multiple launchers and travelled 220 km, before "
        "landing in waters east of the Korean peninsula on August 14.",
        "2014-08-19",
        gazetteer,
    )
    assert (event["launched_at"][:10], event["distance_km"]) == ("2014-08-14", 220)


def test_extract__an_alarm_after_the_launch_answers_it(gazetteer):
    event = _one(  # w1068: the siren sounded after the launch it tells
        "The air raid warning issued for Ulleung Island early Wednesday following North Korea's missile launches "
        "marked the first such alert since 2016.\nThe government issued the air raid siren for the eastern island "
        "at 8:55 a.m. after the North launched three short-range ballistic missiles into the East Sea.\nOne of the "
        "missiles flew across the de facto maritime border before falling into the international sea.",
        "2022-11-02",
        gazetteer,
    )
    assert (event["count"], event["system_class"]) == (3, "SRBM")


@pytest.mark.parametrize(
    "kin",
    [
        # w1154
        "If confirmed, the missile could be an improved version of the KN-23 missile, said an analyst.",
        # w1155
        "Observers say the North could have tested an upgraded version of its KN-23 missile.",
        # w1153
        "Experts believe the new weapon could be a modification of a short range ballistic missile designated as "
        "KN-23 by foreign intelligence.",
    ],
)
def test_extract__an_improved_version_of_a_named_missile_is_not_that_missile(kin, gazetteer):
    event = _one(
        "North Korea fired two short-range ballistic missiles on Thursday, South Korea's military said. "
        + kin,
        "2021-03-26",
        gazetteer,
    )
    assert event["system"] == "Unknown SRBM"


def test_extract__rocket_artillery_fire_is_no_missile_launch(gazetteer):
    extraction = extract_events(  # w1180
        "North Korea fired around 10 multiple launch rockets into the Yellow Sea on Thursday morning. The launches "
        "are believed to be part of a training exercise involving 240-millimeter multiple rocket launchers.",
        dt.date(2025, 6, 19),
        gazetteer,
    )
    assert extraction.events == []
    assert "artillery" in extraction.warnings[0]


@pytest.mark.parametrize(
    "text",
    [
        # w733: the launchers of the super-large kind fire short-range projectiles
        "North Korea fired two short-range projectiles into the sea off its east coast on Thursday in what "
        "appeared to be the latest try out of its new multiple rocket launchers.",
        # w1078: the drills' rockets are the ballistic missiles Seoul detected
        "Kim Jong Un supervised firing drills involving nuclear-capable, multiple rocket launchers. The exercises "
        "appeared to be the ballistic missile launches that South Korea detected Thursday. Photos showed Kim "
        "watching as at least 18 projectiles were launched.",
    ],
)
def test_extract__ballistic_rocket_launchers_fire_a_launch(text, gazetteer):
    assert len(extract_events(text, dt.date(2024, 5, 31), gazetteer).events) == 1


def test_extract__a_vague_lead_gives_way_to_its_sources_account(gazetteer):
    event = _one(  # w1191
        "SEOUL, May 30 (AJU PRESS) - North Korea fired a barrage of missiles into the East Sea, South Korea's Joint "
        "Chiefs of Staff (JCS) said Thursday.\nAccording to the JCS, North Korea launched about 10 projectiles, "
        "presumed to be short-range ballistic missiles (SRBMs), from Sunan at around 6:14 a.m. on Thursday.",
        "2024-05-30",
        gazetteer,
    )
    assert event["count"] == 10


def test_extract__a_clocks_minutes_are_no_count(gazetteer):
    event = _one(  # w496
        '"Our military has detected at around 13:50 multiple unidentified ballistic missiles fired from Hwanghae '
        'province into the West Sea," the Joint Chiefs of Staff said.',
        "2025-03-10",
        gazetteer,
    )
    assert event["count"] is None


def test_extract__hailed_on_tuesday_a_test_the_previous_day_and_earlier_tests_by_their_month(gazetteer):
    extraction = extract_events(  # w1179
        "North Korea on Tuesday hailed its test-firing of a new intermediate-range hypersonic ballistic missile the "
        "previous day. South Korea's Joint Chiefs of Staff said Monday that the North test-fired a suspected "
        "hypersonic missile, which flew about 1,100 kilometers. A JCS official saw the latest launch as an extension "
        "of its tests on hypersonic missiles, fired for the first time in January and then for the second in April "
        "last year.",
        dt.date(2025, 1, 7),
        gazetteer,
    )
    assert [e["launched_at"][:10] for e in extraction.events] == ["2025-01-06"]


def test_extract__two_salvos_on_two_days_in_one_sentence_are_two_launches(gazetteer):
    extraction = extract_events(  # w1195
        "North Korea fired two long-range cruise missiles on Jan. 25 and two tactical guided missiles on Jan. 27, "
        "the Rodong Sinmun reported on Friday. The cruise missiles flew a distance of 1,118 miles (1,800 km) for "
        "about 153 minutes before hitting a target island. South Korea's military said the Jan. 27 launch took "
        "place near Hamhung.",
        dt.date(2022, 1, 28),
        gazetteer,
    )
    assert [
        (e["launched_at"][:10], e["system_class"], e["count"], e["distance_km"], e["site_id"])
        for e in extraction.events
    ] == [("2022-01-25", "cruise", 2, 1800, None), ("2022-01-27", "SRBM", 2, None, "hamhung")]


def test_extract__figures_measured_against_an_earlier_launch_are_this_ones(gazetteer):
    event = _one(  # w374
        "The missile launched today by North Korea landed in the Sea of Japan, the deputy minister said. The missile "
        "traveled a distance of 1,100 kilometers and reached a maximum altitude of 6,000 km, according to data cited "
        'by Oniki, who also highlighted that it is "much higher" than the last ICBM launch by Pyongyang in 2017.',
        "2022-03-24",
        gazetteer,
    )
    assert (event["distance_km"], event["apogee_km"]) == (1100, 6000)


def test_extract__where_a_missile_fell_from_a_named_island_is_no_distance(gazetteer):
    event = _one(  # w1167
        "North Korea fired a long-range rocket on Wednesday morning. South Korea said that the projectile fell about "
        "200 kilometres from the country's Eocheong Island in the Yellow Sea.",
        "2023-05-31",
        gazetteer,
    )
    assert event["distance_km"] is None


@pytest.mark.parametrize(
    "text",
    [
        # w1156
        "Kim Jong Un guided another test of new “super-large” MLRS on Tuesday: KCNA\nSouth Korea's military said it "
        "had detected a North Korean missile launch taking place from South Pyongan Province.",
        # w1544
        'North Korea said on Monday that it fired two rockets from a "supersize" multiple rocket launcher toward the '
        "East Sea at 7 a.m. South Korea's Joint Chiefs of Staff said that the North fired two short-range ballistic "
        "missiles into the East Sea.",
    ],
)
def test_extract__a_super_large_mlrs_is_the_kn25(text, gazetteer):
    event = _one(text, "2019-09-11", gazetteer)
    assert (event["system"], event["system_class"]) == ("KN-25 (600 mm MRL)", "SRBM")


@pytest.mark.parametrize(
    "text",
    [
        # w961
        "Sapporo/Aomori/Tokyo, Oct. 4 (Jiji Press)--Blaring sirens alarmed people in Japan after North Korea fired a "
        "ballistic missile over the Japanese archipelago for the first time in five years on Tuesday.",
        # w1144
        "Japan sounds warning siren after North Korea fires missile\nJapanese authorities later retracted the alert "
        "for Hokkaido island.",
    ],
)
def test_extract__a_launch_the_sirens_answer_is_the_news(text, gazetteer):
    event = _one(text, "2022-10-04", gazetteer)
    assert (event["launched_at"][:10], event["confirmation"]) == ("2022-10-04", "confirmed")


def test_extract__short_range_antiship_cruise_missiles_are_cruise(gazetteer):
    event = _one(  # w726
        "On June 8, North Korea test-fired four missiles believed to be short-range, antiship cruise missiles. The "
        "launch took place from Wonsan.",
        "2017-06-09",
        gazetteer,
    )
    assert (event["system"], event["system_class"]) == ("Unknown cruise missile", "cruise")


def test_extract__figures_like_the_neighbours_data_are_observed(gazetteer):
    event = _one(  # w1221
        "North Korea's KCNA said the Hwasong-17 flew 1,090 km and reached an altitude of 6,248.5 km during the "
        "Thursday test. The numbers are similar to data reported by Japan and South Korea.",
        "2022-03-25",
        gazetteer,
    )
    assert event["confirmation"] == "confirmed"


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # w1272
        (
            'SEOUL/PYONGYANG - A North Korean missile "blew up almost immediately" on its test launch on Sunday, '
            "the US Pacific Command said.",
            "failure",
        ),
        # w1294
        (
            "Further details have emerged about the Democratic People's Republic of Korea (DPRK) test missile "
            "launch on Wednesday. True to form, the launch was condemned by the United States, Japan, and South "
            "Korea.",
            "unknown",
        ),
    ],
)
def test_extract__a_launch_told_as_a_test_launch_noun_is_found(text, outcome, gazetteer):
    event = _one(text, "2017-04-16", gazetteer)
    assert (event["outcome"], event["confirmation"]) == (outcome, "confirmed")


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # w1261: the announcement's day, the launch a day earlier
        (
            "On Wednesday, North Korea announced that it successfully test-fired a new-type of submarine-launched "
            "ballistic missile (SLBM) a day earlier.",
            "2021-10-20",
            "2021-10-19",
        ),
        # w1286: a syndicator's credit before the dateline
        (
            "(MENAFN- Kuwait News Agency (KUNA)) TOKYO, Jan 31 (KUNA) -- North Korea said Wednesday it conducted a "
            "launch drill of strategic cruise missile in the country's western waters on the previous day. South "
            "Korea's Joint Chiefs of Staff said Tuesday that the North fired several cruise missiles into the "
            "Yellow Sea.",
            "2024-01-31",
            "2024-01-30",
        ),
        # w1327: no day for the test, and state media "usually reports ... a day later"
        (
            "North Korean leader Kim Jong-un has observed the test-firing of a new type of tactical guided weapon, "
            "the North's KCNA state news agency has reported. It added the test was successful, KCNA said on "
            "Sunday. KCNA did not say when the test took place but the North's state media usually reports on the "
            "leader's activities a day later.",
            "2022-04-17",
            "2022-04-16",
        ),
    ],
)
def test_extract__state_medias_day_before_its_announcement(text, published, day, gazetteer):
    assert _one(text, published, gazetteer)["launched_at"][:10] == day


@pytest.mark.parametrize(
    "text",
    [
        # w1326 (found on round 26's held-out set after scoring: the first form of the rule above read this day
        # as the report's)
        "Kim Jong Un Oversees Hypersonic Missile Tests\n5 January 2026 World\nSEOUL, South Korea — North Korean "
        "leader Kim Jong Un personally supervised a series of hypersonic missile test launches on January 4, state "
        "media reported, marking a significant escalation. The tests were designed to assess the weapons and were "
        "watched by the leader and his officials.",
        # w648
        "On January 4, 2026, North Korea claimed that it successfully tested a hypersonic missile.",
    ],
)
def test_extract__a_day_state_media_reported_of_the_launch_is_its_day(text, gazetteer):
    assert _one(text, "2026-01-05", gazetteer)["launched_at"][:10] == "2026-01-04"


def test_extract__two_distances_flown_and_a_likeness_to_last_weeks_launch(gazetteer):
    event = _one(  # w1363: two figures right after the verb of flight are two missiles'; the salvo's is the farther
        "North Korea has fired 3 ballistic missiles toward the Sea of Japan, according to South Korean military. "
        "It was seen travelling 500 kilometers and 600 kilometers, enough distance to strike South Korea, the "
        "South's military said in a statement.",
        "2016-07-19",
        gazetteer,
    )
    assert event["distance_km"] == 600
    event = _one(  # w1347: "similar to those launched last week" compares; the figure before it is this launch's
        "SEOUL (REUTERS) - North Korea fired two short-range ballistic missiles early on Wednesday, the South "
        "Korean military said. It said it was monitoring in case of more launches. The JCS said later the North "
        "had fired ballistic missiles that flew about 250 km (155 miles) and that they appeared to be similar to "
        "those launched last week.",
        "2019-07-31",
        gazetteer,
    )
    assert event["distance_km"] == 250 and event["launched_at"][:10] == "2019-07-31"


@pytest.mark.parametrize(
    ("text", "confirmation"),
    [
        # w1328: a dateline with its country spelt out names no source; only KCNA speaks
        (
            "SEOUL, Korea, Republic Of — North Korea has test-fired a new-type tactical guided weapon, its state "
            "media announced Thursday. Kim Jong Un observed the firing on Wednesday, the North's state-run Korean "
            "Central News Agency said.",
            "claimed",
        ),
        # w1333: a dateline's place split off as a sentence of its own
        (
            "SEOUL. KAZINFORM North Korea said Thursday its second attempt to launch a spy satellite has ended in a "
            "failure, according to the North's official Korean Central News Agency (KCNA).",
            "claimed",
        ),
        # w799: the outside military's word in a ", a day after ..." clause (a tally's words, blanked for counts)
        (
            "North Korea said on Thursday it had successfully test-fired a new tactical ballistic missile capable "
            "of carrying a super-large warhead, a day after South Korea's military said the North launched multiple "
            "short-range ballistic missiles. The test-firing was conducted on Wednesday, said North Korea's "
            "state-run Korean Central News Agency, or KCNA.",
            "confirmed",
        ),
        # w767
        (
            "North Korea test-fired four rockets of an upgraded large-caliber launcher, KCNA said on Wednesday. On "
            "Tuesday, Japan and South Korean governments said North Korea fired two ballistic missiles toward the "
            "East Sea.",
            "confirmed",
        ),
        # w1322, w1324: South Korea and Japan saw it themselves
        (
            "North Korea successfully conducted a test launch of a new type of ballistic missile on Wednesday "
            "morning, KCNA said. On Wednesday morning, South Korea and Japan recorded an eastward launch of a North "
            "Korean ballistic missile.",
            "confirmed",
        ),
        (
            "North Korea's leader Kim Jong Un personally oversaw the successful test of a hypersonic missile, state "
            "media reported on Wednesday. Japan and South Korea both reported the launch on Tuesday.",
            "confirmed",
        ),
    ],
)
def test_extract__who_saw_a_state_media_launch(text, confirmation, gazetteer):
    assert _one(text, "2019-04-18", gazetteer)["confirmation"] == confirmation


def test_extract__test_flights_announced_a_day_after_the_neighbours_detected_them(gazetteer):
    event = _one(  # w1325: no day named; the announcement, on the copy's day, came a day after the launches
        "Kim Jong Un oversaw hypersonic missile test-flights ahead of a major party congress, state media reported. "
        "The announcement came a day after South Korea and Japan said they detected multiple North Korean missile "
        "launches, which they condemned as provocations.",
        "2026-01-05",
        gazetteer,
    )
    assert event["launched_at"][:10] == "2026-01-04" and event["confirmation"] == "confirmed"
    event = _one(  # w1323: "test-flights of" is the launch; "reports from neighboring countries" saw it
        "North Korean leader Kim Jong Un personally oversaw test-flights of hypersonic missiles, the regime "
        "announced Monday, the Associated Press reported. The announcement followed reports from neighboring "
        "countries that they had detected multiple ballistic missile launches on Sunday. According to the Korean "
        "Central News Agency (KCNA), Sunday's drill involved a hypersonic weapon system.",
        "2026-01-05",
        gazetteer,
    )
    assert event["launched_at"][:10] == "2026-01-04" and event["confirmation"] == "confirmed"


@pytest.mark.parametrize(
    "text",
    [
        # w1231
        "According to South Korea's Joint Chiefs of Staff, North Korea fired the missile towards the East Sea on "
        "Thursday, as the latest act of defiance from Pyongyang amid tensions with Seoul and Washington.",
        # w1124
        "North Korea fires missile over northern Japan\nJapanese government says it will respond firmly to "
        "'unprecedented threat' from Pyongyang\nNorth Korea has fired a missile over northern Japan on Tuesday.",
        # w588
        "North Korea fired multiple cruise missiles into the Yellow Sea on Saturday, the JCS said. This missile "
        "launch is part of a series of provocations from Pyongyang in 2023.",
    ],
)
def test_extract__pyongyang_that_provokes_or_defies_is_no_site(text, gazetteer):
    assert _one(text, "2023-04-13", gazetteer)["site_id"] is None


@pytest.mark.parametrize(
    ("text", "site_id"),
    [
        # w1336: a county's name is capitalised
        (
            "North Korea test-fired a hypersonic missile Hwasong-8 in Toyang-ri, Ryongrim County of Jagang Province "
            "on Tuesday morning, KCNA reported on Wednesday.",
            "chagang",
        ),
        # w548: "the North Korean capital of Pyongyang"
        (
            "South Korea's Joint Chiefs of Staff said the missiles were fired on Tuesday from an area near the North "
            "Korean capital of Pyongyang, but did not immediately say how far they flew.",
            "pyongyang",
        ),
        # w1321: Sondok written in two words
        (
            "According to the Joint Chiefs of Staff, the launch of short-range missiles of various types was held at "
            "7.36 local time in their Song Dok district.",
            "sondok",
        ),
    ],
)
def test_extract__a_county_of_a_province_and_a_site_in_two_words(text, site_id, gazetteer):
    assert _one(text, "2021-09-29", gazetteer)["site_id"] == site_id


@pytest.mark.parametrize(
    "text",
    [
        # w1357: a tally of earlier tests, and what it includes
        "Short-range ballistic missiles launched by the DPRK on Friday flew about 230 kilometers, Yonhap reported. "
        "Pyongyang has already conducted nine missile tests since September 25, including a medium-range ballistic "
        "missile of the Hwaseong-12 type, which flew over Japan.",
        # w1364: "Then, it was ..." goes on about the launch the sentence before recalled
        "North Korea said its launch of a solid-fuel short-range ballistic missile on Sunday was successful. "
        "Pyongyang previously launched a missile on Dec 18, 2023. Then, it was reportedly the Hwasong-18 "
        "intercontinental ballistic missile.",
    ],
)
def test_extract__an_earlier_launchs_system_in_a_tally_or_a_then(text, gazetteer):
    event = _one(text, "2022-10-28", gazetteer)
    assert event["system"] == "Unknown SRBM" and event["system_class"] == "SRBM"


def test_extract__a_missile_launch_is_a_launch_not_a_count(gazetteer):
    event = _one(  # w1314
        "According to reports from South Korean and Japanese media, North Korea conducted a missile launch on "
        "Thursday, firing two short-range ballistic missiles from a location north of its capital, Pyongyang.",
        "2023-06-15",
        gazetteer,
    )
    assert event["count"] == 2


def test_extract__such_a_missile_is_a_kind_not_a_count(gazetteer):
    event = _one(  # w1346
        "North Korea has conducted a strike drill, firing tactical guided weapons into the East Sea on Saturday, "
        "the North's state media reported on Sunday. Photographs showed the weapons fired could be short-range "
        "ballistic missiles, an expert said. While such a missile launch would be in violation of UN Security "
        "Council resolutions, it would not involve long-range missiles.",
        "2019-05-05",
        gazetteer,
    )
    assert event["count"] is None


@pytest.mark.parametrize(
    ("text", "system"),
    [
        # w948: "Scud-class" is a Scud of no known model
        (
            "North Korea fired at least one short-range ballistic missile on Monday. The missile was believed to be "
            "a Scud-class ballistic missile and flew about 450 km (280 miles), South Korean officials said.",
            "Scud-B (Hwasong-5)",
        ),
        # w394: the model named after the family
        (
            "North Korea fired two short-range Scud missiles into its eastern waters Sunday, a South Korean "
            "official said. South Korean media quoted officials as saying the missiles are presumed to be Scud-C "
            "missiles, the same as ones fired in March.",
            "Scud-C (Hwasong-6)",
        ),
        # w1283: one model and its modified version are no alternative; the list of models the North has is none
        (
            "North Korea fired two short-range ballistic missiles on Sunday, the JCS said. The missiles are believed "
            "to be Scud-C with a range of 500 km or modified Scud-C with an extended range of 700 to 900 km. The "
            "North has Scud-B missiles with a range of 300 km and Scud-ER missiles.",
            "Scud-C (Hwasong-6)",
        ),
        # w1575: one of two models is no one system
        (
            "North Korea launched two short-range ballistic missiles, assumed to be Scud missiles. Seoul officials "
            "said they assumed that the missiles were Scud-C or Scud-ER types, given their range.",
            "Unknown SRBM",
        ),
        # w1588: the model written with a space
        (
            "North Korea fired into the East Sea two short-range ballistic missiles believed to be the Scud C Missile "
            "on Monday.",
            "Scud-C (Hwasong-6)",
        ),
    ],
)
def test_extract__scud_models(text, system, gazetteer):
    assert _one(text, "2014-06-29", gazetteer)["system"] == system


@pytest.mark.parametrize(
    "text",
    [
        # w1136: machine-reworded copy's "released by North Korea on July 4" is that launch's day, not a statement's
        "TOKYO: North Korea fired a ballistic missile on Friday night which landed in the ocean off Japan, Japanese "
        "officers mentioned. Analysts say the Hwasong 14 ICBM released by North Korea on July 4 could reach most of "
        "Alaska. It was released at a steep angle and reached a top of more than 2,500 kilometers.",
        # w1142: "In the past, ..." tells earlier launches
        "SEOUL - North Korea fired a ballistic missile towards the Sea of Japan on Friday, the South Korean "
        "military said. In the past, North Korea has tested a nuclear-capable underwater drone and two "
        "intercontinental ballistic missiles.",
    ],
)
def test_extract__an_earlier_icbm_is_not_this_launchs_class(text, gazetteer):
    event = _one(text, "2017-07-28", gazetteer)
    assert event["system_class"] == "unknown" and event["distance_km"] is None


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # w1369: "test shots of" a missile, when the report has no plainer launch word (US afternoon, Korea's night)
        (
            "North Korea's ballistic missile tests this week were not the complete failure Pentagon officials "
            "initially believed. Initial reports from U.S. Strategic Command indicated two test shots of North "
            "Korea's Musudan intermediate-range ballistic missile Tuesday failed over the Sea of Japan.",
            "2016-06-22",
            "2016-06-21",
        ),
        # w1013: "has blasted multiple ballistic missiles into the sky"
        (
            "North Korea has blasted multiple ballistic missiles into the sky. It's Thursday, May 8, 2025, and a series "
            "of short-range ballistic missiles have crossed the sky from the coastal town of Wonsan.",
            "2025-05-08",
            "2025-05-08",
        ),
    ],
)
def test_extract__a_launch_told_with_no_launch_verb(text, published, day, gazetteer):
    assert _one(text, published, gazetteer)["launched_at"][:10] == day


def test_extract__the_first_of_two_flopped_and_an_unclear_shortfall(gazetteer):
    event = _one(  # w1370: "just like four previous launches" compares; "unclear whether ... failure" is no failure
        "Pyongyang launched two intermediate-range Musudan missiles in the direction of Japan on Wednesday. The first "
        "one flopped almost immediately, just like four previous launches. But the second one reached an altitude "
        "of 620 miles and covered about 250 miles. It's unclear whether it fell short due to failure or was "
        "intentionally kept from reaching its range.",
        "2016-06-22",
        gazetteer,
    )
    assert event["outcome"] == "partial"


def test_find_figures__a_broken_potential_a_range_right_after_the_height_and_a_turn():
    # w1379: "capable of fly ing as far as" is a potential (a page's broken word); "with a range of" right after the
    # altitude is the range flown
    figures, _ = find_figures(
        "Japan's defence minister told reporters the latest missile was capable of fly ing as far as 15,000 km, while "
        "the chief cabinet secretary said it flew to an altitude of about 6,000 km with a range of 1,000 km."
    )
    assert [(f.kind, f.value_km) for f in figures] == [("apogee", 6000), ("distance", 1000)]
    # w1412: a turn's sideways distance is not the flight's
    figures, _ = find_figures(
        "The missile detached after launch, maneuvered 120 km from the initial launch, and reached the target set "
        "at 700 km without an error, KCNA reported."
    )
    assert [(f.kind, f.value_km) for f in figures] == [("distance", 700)]


def test_extract__a_report_of_a_day_names_the_day_of_the_words(gazetteer):
    event = _one(  # w1420: "Wednesday's report ... came a day after": the launch is Tuesday's, and so is its place
        "Wednesday's report in the state-run Korean Central News Agency (KCNA) came a day after South Korea and Japan "
        "detected the launch of a missile from North Korea towards the east. North Korea has fired a suspected "
        "intermediate-range ballistic missile into the sea off its east coast. South Korea's Joint Chiefs of Staff "
        "said that it detected the launch from the area of the North Korean capital Pyongyang on Tuesday at 6.53 a.m..",
        "2024-04-03",
        gazetteer,
    )
    assert (event["launched_at"], event["site_id"]) == ("2024-04-01T21:53:00Z", "pyongyang")


def test_extract__an_acronym_in_brackets_keeps_the_day_with_its_launch(gazetteer):
    event = _one(  # w1427: "(ICBM) on July 12" is no clause of its own; the whole sentence is last week's launch
        "North Korea fired two short-range ballistic missiles into the East Sea on July 19, Seoul's military said. "
        "Pyongyang test fired a Hwasong-18 solid-fuel intercontinental ballistic missile (ICBM) on July 12.",
        "2023-07-19",
        gazetteer,
    )
    assert (event["system"], event["system_class"]) == ("Unknown SRBM", "SRBM")


def test_extract__the_rodong_newspaper_and_the_points_on_the_way_to_the_target(gazetteer):
    # w1455: "the Rodong newspaper" is the party daily, no Rodong missile; the way points are not the flight
    event = _one(
        "North Korea fired a ballistic missile on Tuesday, the JCS said. According to the Rodong newspaper, the "
        'missile\'s hypersonic warhead "resumed" its trajectory after traveling 600 kilometers and "performed a sharp '
        'turn maneuver of 240 kilometers" before "hitting the target in waters 1,000 kilometers" from the launch point.',
        "2022-01-11",
        gazetteer,
    )
    assert event["system"] == "Unknown ballistic missile"
    assert {s["source"]: s["distance_km"] for s in event["sources"]}["KCNA"] == 1000


def test_extract__a_sentence_opening_early_in_a_month_tells_an_earlier_launch(gazetteer):
    event = _one(  # w1419
        "South Korean Joint Chiefs of Staff announced that the missile was launched from Chagang Province in "
        "northern North Korea, at around 11:41 PM. In early July, Pyongyang claimed to have successfully tested "
        "Hwasong-14 intercontinental ballistic missile (ICBM) for the first time.",
        "2017-07-28",
        gazetteer,
    )
    assert (event["system"], event["outcome"]) == ("Unknown ballistic missile", "unknown")


def test_find_dates__a_clock_before_a_month_is_no_day():
    # w329: "at around 07:23 April 13" is 13 April, not 23 April
    dates = find_dates("It fired the Hwasong-18 at around 07:23 April 13.", dt.date(2023, 4, 14))
    assert [d.value for d in dates] == [dt.date(2023, 4, 13)]


@pytest.mark.parametrize(
    ("text", "published", "system"),
    [
        (  # w1425: the day blanked from "..., on March 18" still makes the drill's weapon another launch's
            "The Japanese defense ministry announced that North Korea fired a ballistic missile at around 6:52 a.m. on "
            "Tuesday. North Korean media reported that the country's military conducted firing drills involving "
            "short-range ballistic missiles, which it calls super-large multiple rocket launchers, on March 18.",
            "2024-04-02",
            "Unknown ballistic missile",
        ),
        (  # w1334: a day named to compare with ("the same type ... fired on March 3") leaves the sentence this one's
            "North Korea fired two short-range ballistic missiles into the East Sea on Sunday, the JCS said. "
            '"We believe that the missiles are Scud-C missiles, the same type the North fired on March 3."',
            "2014-06-29",
            "Scud-C (Hwasong-6)",
        ),
    ],
)
def test_extract__a_system_in_a_sentence_dated_to_another_launch(text, published, system, gazetteer):
    assert _one(text, published, gazetteer)["system"] == system


def test_extract__a_meeting_called_after_the_launch_tells_the_launch(gazetteer):
    event = _one(  # w1458: the security meeting answers this launch; its "after" clause is no other launch
        "The presidential office convened a security situation assessment meeting on Wednesday. Yin Sung-hwan "
        "presided over the meeting shortly after North Korea fired a ballistic missile from the Pyongyang region "
        "toward the East Sea at around 5:30 a.m., according to sources familiar with the matter.",
        "2024-06-26",
        gazetteer,
    )
    assert (event["site_id"], event["launched_at"]) == ("pyongyang", "2024-06-25T20:30:00Z")


def test_extract__an_explosion_on_the_target_island_is_no_failure(gazetteer):
    event = _one(  # w1452
        "North Korea's leader oversaw the firing of six super-large multiple rocket launchers Monday. The 600 mm "
        "rockets were fired simultaneously, KCNA reported with photos showing an explosion on an island.",
        "2024-03-19",
        gazetteer,
    )
    assert event["outcome"] == "unknown"  # nothing said of how the flight went


def test_extract__a_council_that_will_meet_after_the_launch_reports_it(gazetteer):
    event = _one(  # w1460: a two-line flash; the meeting answers the launch the "after" clause tells
        "SEOUL, Nov. 18 (Yonhap) -- The presidential National Security Council will meet Friday after North Korea "
        "fired what appeared to be an intercontinental ballistic missile, the presidential office said.",
        "2022-11-18",
        gazetteer,
    )
    assert (event["system_class"], event["count"]) == ("ICBM", 1)


@pytest.mark.parametrize(
    "said",
    [
        "KCNA noted perfect results of Friday's test launch.",  # w1378
        "The drill proved the perfect performance of the tactical rocket, said the KCNA dispatch.",  # w877
        # w1558, w520, w739
        'KCNA said the test results proved that "all the technical specifications met the design requirements."',
        "The missile, according to KCNA, met all of the missile's technical requirements.",
    ],
)
def test_extract__state_media_calls_the_flight_perfect(said, gazetteer):
    event = _one(
        "North Korea fired two short-range projectiles into the sea on Friday. " + said,
        "2019-08-17",
        gazetteer,
    )
    assert event["outcome"] == "success"


def test_extract__a_first_missile_is_which_one_not_how_many(gazetteer):
    event = _one(  # w995: the source's "a first missile ... followed by a second" does not make the salvo one
        "North Korea launched two projectiles presumed to be short-range ballistic missiles on Wednesday, South "
        "Korean authorities said. According to the South Korean Joint Chiefs of Staff, a first missile was launched "
        "at 5:06 a.m. local time and was followed by a second 21 minutes later.",
        "2019-07-31",
        gazetteer,
    )
    assert event["count"] == 2


def test_extract__one_missile_beside_the_other_is_one_of_two(gazetteer):
    event = _one(  # w1254: the JCS's "one SRBM flew ..., with the other ..." tells two missiles
        "TOKYO, October 6. /TASS/. North Korea test launched two ballistic missiles on Thursday in the direction of "
        "the Sea of Japan, NHK television channel reported citing the Japan Coast Guard. Yonhap news agency confirmed "
        'the news and, citing the Joint Chiefs of Staff (JCS), reported that "one SRBM [short-range ballistic '
        "missile] flew more than 350 kilometers at an apogee of roughly 80 kilometers, with the other traveling "
        'around 800 kilometers at the maximum altitude of some 60 kilometers."',
        "2022-10-06",
        gazetteer,
    )
    assert event["count"] == 2


@pytest.mark.parametrize(
    ("text", "site_id"),
    [
        (
            "North Korea launched two short-range missiles from its east coast on March 2, the JCS said.",
            "east-coast",
        ),
        (
            "The defense ministry said on Sunday that the missile fired from the North's west coast flew about 400 km.",
            "west-coast",
        ),
        (  # w1882, w180
            "North Korea launched at least two ballistic missiles eastward from near its western coast around 7:30 "
            "p.m., the Japanese Defense Ministry said Thursday.",
            "west-coast",
        ),
        (  # w1914: the coast of a named town is the town's
            "The KN-11 missile was launched off the coast of Sinpo and flew about 500km (300 miles), a US official "
            "said.",
            "sinpo",
        ),
        # ... where it fell is not
        ("North Korea fired a missile on Sunday that fell into the sea off the coast of Hamhung.", None),
        (  # w1941: an editor's words in brackets
            "North Korea has attempted to launch a missile which is believed to have failed. “North Korea attempted "
            "to test an unidentified type of missile from [its eastern port of] Sinpo,” the ministry said.",
            "sinpo",
        ),
        # where they flew, a what-if and the guns' coast are no launch site
        ("North Korea fired two short-range missiles into the sea off its east coast on Monday.", None),
        (  # w1345
            "North Korea Fires Missile into Sea off East Coast, South Korea Says\nSEOUL (Reuters) - North Korea has "
            "fired a missile into the sea off the east coast of the Korean Peninsula, the JCS said on Thursday.",
            None,
        ),
        (  # w1388: the island they struck is off the coast; the site is named
            "The missiles launched Saturday struck an island off North Korea's East Coast. The launches took place in "
            "the morning from a launch site near North Korea's Sonchon county in North Pyongan province.",
            "sonchon",
        ),
        (
            "North Korea fired two missiles on Wednesday. A Rodong missile fired from North Korea's east coast could "
            "strike major Japanese cities.",
            None,
        ),
        (
            "North Korea fired a missile on Wednesday. It fired more than 100 artillery rounds from its east coast.",
            None,
        ),
    ],
)
def test_extract__the_coast_a_launch_came_from(text, site_id, gazetteer):
    # the corpus's convention since round 23 (w1153, w1204, w1270 ...): the coast's placeholder site
    assert _one(text, "2023-12-17", gazetteer)["site_id"] == site_id


def test_extract__a_placeholder_area_gives_way_to_a_place_named_in_it(gazetteer):
    extraction = extract_events(  # w1445, w1227
        "The South Korean military said missiles were fired from an inland area of Hwanghae Province and landed in "
        "the Sea of Japan. The three missiles, launched from the western North Korean town of Hwangju, flew across "
        "the country.",
        dt.date(2016, 9, 5),
        gazetteer,
    )
    assert [e["site_id"] for e in extraction.events] == ["hwangju"]
    # no word of how the placeholder's name was read: it is not the site drafted
    assert not [w for w in extraction.warnings if "Hwanghae" in w], extraction.warnings


def test_extract__kcnas_launch_from_an_underwater_submarine_is_a_second_event_of_the_day(gazetteer):
    extraction = extract_events(  # w1486
        "SEOUL - North Korea on Saturday test-fired three short-range missiles into its eastern waters, the JCS said. "
        "The North on Saturday also has successfully test-fired a strategic ballistic missile from an underwater "
        "submarine, according to the KCNA.",
        dt.date(2015, 5, 9),
        gazetteer,
    )
    assert [(e["system_class"], e["count"]) for e in extraction.events] == [("SRBM", 3), ("SLBM", 1)]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (  # w1498: the failure is the short-range missiles'
            "North Korea launched three missiles toward the Sea of Japan on Wednesday. Wednesday's tests included an "
            "intercontinental ballistic missile and two short-range weapons. South Korea said that one of the KN-23 "
            "SRBM missiles failed mid-flight.",
            [
                ("Unknown ballistic missile", "ICBM", 1, "unknown"),
                ("Hwasong-11A (KN-23)", "SRBM", 2, "partial"),
            ],
        ),
        (  # w1484: each kind's own system
            "North Korea launched two short-range Scud missiles and one Rodong intermediate-range missile Tuesday, "
            "Strategic Command said.",
            [("Scud-B (Hwasong-5)", "SRBM", 2, "unknown"), ("Nodong (Hwasong-7)", "MRBM", 1, "unknown")],
        ),
        (  # one missile named twice
            "North Korea fired a long-range ballistic missile and ICBM on Wednesday, the JCS said.",
            [("Unknown ballistic missile", "ICBM", 1, "unknown")],
        ),
    ],
)
def test_extract__a_salvo_told_as_two_kinds_is_an_event_per_kind(text, parts, gazetteer):
    extraction = extract_events(text, dt.date(2022, 5, 25), gazetteer)
    events = extraction.events
    assert [(e["system"], e["system_class"], e["count"], e["outcome"]) for e in events] == parts
    assert len({e["launched_at"] for e in events}) == 1
    # split already: the editor is told so, and not asked to split it
    assert (
        len([w for w in extraction.warnings if "told together: drafted an event per kind" in w])
        == len(parts) - 1
    )
    assert not [w for w in extraction.warnings if "split it" in w], extraction.warnings


def test_extract__a_mixed_salvos_figures_stay_with_the_kind_they_were_given_for(gazetteer):
    events = extract_events(  # w1499
        'North Korea fired three ballistic missiles early Wednesday from the Sunan area, the JCS said. "The launch of '
        'a suspected intercontinental ballistic missile and short-range ballistic missile today is an illegal act," '
        "it said. The first ballistic missile, which is suspected to be an ICBM, had a range of around 360 kilometers "
        "and an altitude of around 540km.",
        dt.date(2022, 5, 25),
        gazetteer,
    ).events
    assert [(e["system_class"], e["count"], e["distance_km"], e["apogee_km"]) for e in events] == [
        ("ICBM", 1, 360, 540),
        ("SRBM", 2, None, None),
    ]
    assert {e["site_id"] for e in events} == {"sunan"}


def test_extract__a_weekends_round_up_told_day_by_day_is_a_launch_per_day(gazetteer):
    events = extract_events(  # w1477
        "North Korea fired 46 short-range rockets into the East Sea for two consecutive days on Saturday and Sunday. "
        "According to the Joint Chiefs of Staff, the North fired 30 short-range rockets in the Galma Peninsula area "
        "from 4:00 a.m. to 6:10 a.m. on Saturday. It also fired 16 short-range rockets in the same area at 0:52 a.m. "
        "to 2:21 a.m. on Sunday.",
        dt.date(2014, 3, 24),
        gazetteer,
    ).events
    # each day's own count, not the weekend's sum; "in the same area" is Saturday's place
    assert [e["site_id"] for e in events] == ["wonsan", "wonsan"]
    assert [e["lat"] for e in events] == [events[0]["lat"]] * 2
    days = [korea_day(e["launched_at"], e["launched_at_precision"]) for e in events]
    assert list(zip(days, [e["count"] for e in events], strict=True)) == [
        ("2014-03-22", 30),
        ("2014-03-23", 16),
    ]


@pytest.mark.parametrize(
    ("place", "site_id"),
    [
        ("Keasong area", "kaesong"),  # w1466: two letters swapped
        ("Hahung", "hamhung"),  # w1110: a letter left out
        ("the Tonchang-ri area", "sohae"),  # w938
        ("the Yongseong area of Pyongyang", "pyongyang"),  # w624: a first letter is no slip (Pyongsong)
        ("the Wonson area", "wonsan"),  # w1518: one vowel for another
        ("Sanchon", None),  # a vowel away from both Sonchon and Sunchon: no one place
    ],
)
def test_extract__a_place_typed_with_a_slip_of_the_keys_is_the_place(place, site_id, gazetteer):
    event = _one(
        f"North Korea fired two short range missiles. The JCS said the missiles were launched early Sunday morning "
        f"from {place} and flew approximately 500 km.",
        "2014-07-13",
        gazetteer,
    )
    assert event["site_id"] == site_id


def test_extract__the_sentence_a_us_time_day_was_read_in_still_tells_this_launchs_place(gazetteer):
    event = _one(  # w1515: Wednesday night in the US is Thursday in Korea; the place is told in the same sentence
        "Failed North Korean ballistic missile launch detected\nA failed attempt by North Korea to launch a missile "
        "was detected on Wednesday night from the northwestern city of Kusong, US Strategic Command said.",
        "2016-10-20",
        gazetteer,
    )
    assert event["site_id"] == "kusong"


@pytest.mark.parametrize(
    ("sentence", "published", "site_id"),
    [
        (  # w1506, w390
            "North Korea launched the missile from a new launch site at Mupyong-ni in northern Jagang province on "
            "Friday.",
            "2017-07-29",
            "mupyong",
        ),
        (  # w1811: run into the name
            "According to the Joint Chiefs of Staff, the rocket was launched from the area of the Dongchangni missile "
            "range around 11:05 local time on Sunday.",
            "2023-03-19",
            "sohae",
        ),
    ],
)
def test_extract__a_villages_ri_written_ni_is_the_village(sentence, published, site_id, gazetteer):
    assert _one(sentence, published, gazetteer)["site_id"] == site_id


def test_extract__a_day_counted_from_the_launch_for_something_else_is_not_its_day(gazetteer):
    event = _one(  # w1488
        "North Korea has fired two short-range missiles into the sea. A day earlier, Kim Jong Un posed with what "
        "Pyongyang claimed was a miniature nuclear warhead. The military fired two missiles from near Wonsan, "
        "Yonhap news agency said on Thursday morning.",
        "2016-03-10",
        gazetteer,
    )
    assert korea_day(event["launched_at"], event["launched_at_precision"]) == "2016-03-10"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (  # w1350
            "The Japan Coast Guard said early Wednesday that North Korea launched what is believed to be a ballistic "
            "missile. North Korea is believed to have launched the second ballistic missile. Both missiles are "
            "believed to have landed outside Japan's exclusive economic zone.",
            2,
        ),
        (  # w1355
            "Yonhap reported that North Korea test-fired an unspecified ballistic missile on Monday. NHK said that the "
            "second missile also landed outside the exclusive zone.",
            2,
        ),
        # a second launch of the year is no second missile of this one
        ("North Korea fired a ballistic missile on Monday, the second missile launch this year.", 1),
    ],
)
def test_extract__a_salvo_told_one_missile_at_a_time_counts_both(text, count, gazetteer):
    assert _one(text, "2023-09-13", gazetteer)["count"] == count


@pytest.mark.parametrize(
    ("text", "system_class"),
    [
        (  # w1532
            "According to the Ministry of Defense, at around 7:22 am on the 4th, one ballistic missile was launched "
            "from North Korea. This is the 23rd missile launch by North Korea, including cruise missiles.",
            "unknown",
        ),
        # a cruise missile told first is the launch's own
        (
            "North Korea fired two cruise missiles on Tuesday, unlike the ballistic missiles it fired last month.",
            "cruise",
        ),
    ],
)
def test_extract__a_missile_told_as_ballistic_is_not_the_cruise_missiles_named_later(
    text, system_class, gazetteer
):
    assert _one(text, "2022-10-04", gazetteer)["system_class"] == system_class


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        (  # w1548
            "North Korea revealed leader Kim Jong-un's daughter for the first time Saturday in photos showing them "
            "attending the test-firing of an intercontinental ballistic missile (ICBM) the previous day.",
            "2022-11-19",
            "2022-11-18",
        ),
        (  # w1234, w1545
            "South Korea's military said later Thursday it assessed that both ballistic missiles fired by North Korea "
            "the previous day landed in the North's mountainous northeastern region.",
            "2024-09-19",
            "2024-09-18",
        ),
    ],
)
def test_extract__a_day_the_launch_is_counted_back_from_is_not_its_own(text, published, day, gazetteer):
    assert _one(text, published, gazetteer)["launched_at"][:10] == day


def test_extract__rockets_told_between_two_days_are_a_launch_each_day_with_no_days_count(gazetteer):
    # w1543: "Mar." does not end a sentence, "between Mar. 22 and 23" is two days, and the 46 is both days' together
    text = (
        "North Korea fired 46 short-range rockets off the East Sea coast between Mar. 22 and 23. The rockets flew "
        "some 60 km before falling into the sea."
    )
    events = extract_events(text, dt.date(2014, 3, 24), gazetteer).events
    assert [(korea_day(e["launched_at"], e["launched_at_precision"]), e["count"]) for e in events] == [
        ("2014-03-22", None),
        ("2014-03-23", None),
    ]


def test_extract__a_two_day_round_up_told_day_by_day_is_not_split_again(gazetteer):
    text = (  # w1477, at Korea times whose UTC day is the same
        "North Korea fired 46 short-range rockets for two consecutive days on Saturday and Sunday. According to "
        "South Korea's Joint Chiefs of Staff, the North fired 30 short-range rockets in the Galma Peninsula area from "
        "10:00 a.m. to 11:10 a.m. on Saturday. It also fired 16 short-range rockets in the same area at 0:52 a.m. to "
        "2:21 a.m. on Sunday."
    )
    events = extract_events(text, dt.date(2014, 3, 24), gazetteer).events
    assert [(korea_day(e["launched_at"], e["launched_at_precision"]), e["count"]) for e in events] == [
        ("2014-03-22", 30),
        ("2014-03-23", 16),
    ]


def test_extract__a_launch_with_no_day_of_its_own_takes_the_first_launchs_korea_day(gazetteer):
    # 5:30 a.m. on Tuesday in Korea is Monday in UTC: the second launch is Tuesday's too
    text = (
        "North Korea fired a short-range ballistic missile at 5:30 a.m. on Tuesday from Pyongyang, the JCS said. It "
        "flew 300 km.\n\nNorth Korea also fired two cruise missiles from Wonsan, in a separate launch, the JCS said. "
        "They flew 1,500 km."
    )
    extraction = extract_events(text, dt.date(2023, 3, 14), gazetteer)
    days = [korea_day(e["launched_at"], e["launched_at_precision"]) for e in extraction.events]
    assert days == ["2023-03-14", "2023-03-14"] and "the first event's date" in extraction.warnings[-1]


def test_extract__the_day_of_a_drill_the_launch_answered_is_not_the_launch_day(gazetteer):
    text = (  # w1544
        "North Korea said on Monday that it fired two rockets toward the East Sea at 7 a.m. The KCNA said the firing "
        "was a response to the combined exercise staged by the allies on Sunday."
    )
    assert _one(text, "2023-02-20", gazetteer)["launched_at"] == "2023-02-19T22:00:00Z"


def test_extract__an_announcement_that_follows_the_detection_tells_this_launch(gazetteer):
    event = _one(  # w1608: "follows" the report of this launch, not another launch
        "North Korea announced it successfully tested a new tactical ballistic missile on Monday, the official state "
        "news agency KCNA reported on Tuesday. This announcement follows South Korea's report of two ballistic "
        "missile launches by North Korea, noting that the second missile likely failed shortly after launch and "
        "exploded over land.",
        "2024-07-02",
        gazetteer,
    )
    assert event["outcome"] == "partial"


def test_extract__the_system_a_country_last_tested_is_not_this_launchs(gazetteer):
    event = _one(  # w1612
        "North Korea launched what it claimed to be a solid-fueled intercontinental ballistic missile on Wednesday. "
        "According to KCNA, Pyongyang last tested the Hwasong-18, a potent solid-fueled ICBM, in April.",
        "2023-07-12",
        gazetteer,
    )
    assert (event["system"], event["system_class"]) == ("Unknown ballistic missile", "ICBM")


def test_extract__the_missile_a_base_houses_is_not_the_one_launched(gazetteer):
    event = _one(  # w1604
        "North Korea fired two short-range missiles from North Pyongan province on Thursday, the JCS said. The "
        "province is home to a missile base at Sino-ri that houses the Nodong medium-range ballistic missile.",
        "2019-05-10",
        gazetteer,
    )
    assert (event["system"], event["system_class"]) == ("Unknown SRBM", "SRBM")


def test_extract__the_souths_own_submarine_launched_missile_is_not_the_norths_class(gazetteer):
    event = _one(  # w1615
        "North Korea test-fired two ballistic missiles from a railway-borne launcher on Wednesday, KCNA said. South "
        "Korea successfully tested a submarine-launched ballistic missile on the same day.",
        "2021-09-16",
        gazetteer,
    )
    assert event["system_class"] == "unknown"


def test_extract__hard_wrapped_copy_is_one_sentence(gazetteer):
    event = _one(  # w145
        "SEOUL, March 16 North Korea fired 10 short-range\nmissiles into the sea off the east of the Korean "
        "peninsula on\nSunday, South Korea's Yonhap news agency reported.",
        "2014-03-16",
        gazetteer,
    )
    assert event["count"] == 10


@pytest.mark.parametrize(
    ("text", "site_id"),
    [
        (
            "North Korea fired a missile on Friday from an area north of Pyongyang, flying 700 km.",
            None,
        ),  # w188
        (  # w157
            "North Korea fired a missile that flew over Japan's Hokkaido, South Korean officials said. Last month, "
            "North Korea fired a missile from similar area near the capital Pyongyang.",
            None,
        ),
        (  # w190
            "North Korea Fires Ballistic Missile Toward The Sea off Its East Coast\nNorth Korea fired a ballistic "
            "missile towards the sea off its east coast, the JCS said on Sunday.",
            None,
        ),
        # w57: beside the capital, as w188's "an area north of" (round 20 brought w57's expectation in line)
        ("The missile was launched around 6:30 am from east of Pyongyang, the JCS said.", None),
    ],
)
def test_extract__a_place_beside_a_site_and_title_case_words_are_no_site(text, site_id, gazetteer):
    assert _one(text, "2025-11-07", gazetteer)["site_id"] == site_id


def test_extract__a_recap_of_the_weeks_launches_is_background(gazetteer):
    header, body = read_report(WIRE / "w181-koreatimesus-2023-07-24-late-monday-recap-of-week.txt")
    event = _one(body, header["published"], gazetteer)
    assert korea_day(event["launched_at"], event["launched_at_precision"]) == "2023-07-24"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (  # w161: one missile a launch time
            "South Korea's military said unidentified short-range projectiles were fired at 2.59am and 3.23am "
            "local time on Friday.",
            2,
        ),
        (  # w48: one time told in two zones
            "The JCS reported several missiles were fired at approximately 8:10 a.m. local time (2310 GMT Tuesday).",
            None,
        ),
        (  # w1660: "the missile" launched at two times joined by "and" is two, not the lead's article
            "North Korea test-fired a ballistic missile on Thursday. The missile was launched off the east coast of "
            "North Korea at 7:06 a.m. and 7:25 a.m., South Korea's Joint Chiefs of Staff said.",
            2,
        ),
        (  # one launch time told with its zone is still one missile
            "North Korea test-fired a ballistic missile on Thursday. The missile was launched at 7:06 a.m. "
            "(2206 GMT Wednesday), South Korea's Joint Chiefs of Staff said.",
            1,
        ),
    ],
)
def test_extract__count_from_launch_times(text, count, gazetteer):
    assert _one(text, "2019-08-02", gazetteer)["count"] == count


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        (  # w170
            "North Korea fired a ballistic missile on Wednesday. Japanese Deputy Defense Minister Makoto Oniki said "
            "the missile flew at a maximum altitude of about 800 kilometers over a distance of about 500 kilometers.",
            [("Japan MoD", 500.0, 800.0)],
        ),
        (  # w185
            "North Korea said it test-fired a hypersonic missile on Monday that traveled 1 500 kilometers, KCNA said. "
            "South Korea, Japan and the United States estimated the missile's range at 1 100 kilometers.",
            [("KCNA", 1500.0, None), ("ROK JCS", 1100.0, None)],
        ),
    ],
)
def test_extract__deputy_ministers_and_allies_speaking_together_are_named_sources(text, sources, gazetteer):
    event = _one(text, "2025-01-06", gazetteer)
    assert [(s["source"], s["distance_km"], s["apogee_km"]) for s in event["sources"]] == sources


def test_extract__at_the_time_and_a_picture_of_a_launch_are_another_launchs(gazetteer):
    event = _one(  # w174
        "North Korea fired an ICBM into the East Sea at around 10:15 am today, the JCS said. When launched in "
        "March, North Korea's long-range missile flew 1,090 km. At the time, North Korea claimed to have launched "
        "a Hwasong-17 missile.",
        "2022-11-18",
        gazetteer,
    )
    assert (event["system"], event["system_class"]) == ("Unknown ballistic missile", "ICBM")
    extraction = extract_events(  # w162: "being launched" describes an image released a day later
        "North Korea fired two short-range missiles on 25 July. An image of one of the missiles being launched "
        "from a launcher, which was released by KCNA on 26 July, shows a new weapon.",
        dt.date(2019, 7, 26),
        gazetteer,
    )
    assert len(extraction.events) == 1


def test_find_times__two_times_share_the_second_ones_pm():
    # w169: "from the inland region of Uiju at 2:41 and 2:52 p.m." was read as 02:41
    assert [t.value for t in find_times("at 2:41 and 2:52 p.m. This was")] == [
        (14, 41, False),
        (14, 52, False),
    ]
    assert next(t.value for t in find_times("at 14:30 and at 15:00 KST")) == (14, 30, False)


@pytest.mark.parametrize(
    "stamp",
    [
        "Posted at 7:48 PM, Sep 14, 2017",  # w1152
        "Posted : May 30, 2024, 10:32 Updated : May 30, 2024, 10:32",  # w1191
        "Published on 13 Apr 2023 5:27:52 PM",  # w1144
        "Published: 22 Oct. 2025, 08:57",  # w1188
        "Published : Nov. 19, 2022 - 11:22",  # w1548, w1081, w957
        "July 12, 2023 — 05:28 pm EDT",  # w1246: a line of a date and a clock alone
        "October 20, 2016 04:50",  # w1515
    ],
)
def test_find_times__a_page_stamps_clock_is_no_time_of_launch(stamp):
    assert find_times(stamp + "\nThe missile was launched at 6:14 a.m.") == find_times(
        "The missile was launched at 6:14 a.m.", len(stamp) + 1
    )


def test_extract__a_us_page_stamp_is_not_the_launch_day(gazetteer):
    event = _one(  # w1152: posted in the US evening, the next morning in Korea
        "North Korea Reportedly Launches Another Missile Over Japan\nPosted at 7:48 PM, Sep 14, 2017\nNorth Korea "
        "reportedly launched yet another missile. Japan's public broadcaster NHK reported it flew over Hokkaido.",
        "2017-09-15",
        gazetteer,
    )
    assert (event["launched_at"], event["launched_at_precision"]) == ("2017-09-15T00:00:00Z", "day")


# --- round 6: the failure classes of the moved round-5 held-out reports (w193-w246) ---------------------


@pytest.mark.parametrize(
    ("text", "published", "count"),
    [
        (  # w215
            "North Korea launched a single ballistic missile on October 4. The Japanese government believes the "
            "missile launched today is the same as the past four missiles.",
            "2022-10-04",
            1,
        ),
        (  # w233: the source revises itself
            "North Korea has launched at least one ballistic missile towards the sea, South Korea's Joint Chiefs of "
            'Staff report. Yonhap, citing the JCS, later reported that "multiple short-range ballistic missiles" '
            "may have been launched.",
            "2024-11-05",
            None,
        ),
        (  # w242, w245: launches are counted only as "multiple"; a number of launches is no number of missiles
            "Prime Minister Sanae Takaichi said North Korea had fired two ballistic missiles. South Korea's military "
            "also detected multiple short-range ballistic missile launches toward the East Sea.",
            "2026-01-27",
            None,
        ),
        (
            "North Korea launched multiple ballistic missiles toward the sea on Sunday. Japanese Defense Minister "
            "Shinjiro Koizumi confirmed at least two missile launches.",
            "2026-01-04",
            None,
        ),
        (  # w240: a count told by Seoul and Tokyo together is not the JCS's own
            "North Korea fired at least two ballistic missiles on Tuesday, according to Seoul and Tokyo's militaries. "
            "South Korea's Joint Chiefs of Staff also said it had detected several ballistic missiles.",
            "2026-01-27",
            None,
        ),
    ],
)
def test_extract__counts_of_other_missiles_revised_joint_and_of_launches(text, published, count, gazetteer):
    assert _one(text, published, gazetteer)["count"] == count


@pytest.mark.parametrize(
    ("text", "published", "events"),
    [
        (  # w198
            "The U.S. military says it's detected what's being described as a failed missile launch by North Korea. "
            "A military statement says the launch occurred near the northwestern city of Kusong.",
            "2016-10-15",
            1,
        ),
        (  # w204
            "On 12 February 2017 North Korea carried out a successful ballistic missile test of a medium range "
            "ballistic missile, the Pukguksong-2. The missile reached a height of 550 kilometers.",
            "2017-02-12",
            1,
        ),
        (  # w239: an artillery item recalling last November's satellite launch
            "North Korea fired some 200 artillery shells into waters off its western coast Friday morning, Seoul's "
            "military said. The North scrapped the accord last November after Seoul suspended the deal in protest "
            "of the North's successful launch of a military spy satellite.",
            "2024-01-05",
            0,
        ),
    ],
)
def test_extract__launches_told_as_a_failed_launch_or_a_missile_test(text, published, events, gazetteer):
    assert len(extract_events(text, dt.date.fromisoformat(published), gazetteer).events) == events


def test_extract__an_after_clause_in_the_lead_and_another_launchs_day(gazetteer):
    event = _one(  # w212
        "North Korea fired a suspected long-range ballistic missile toward the sea off its east coast on Thursday, "
        "militaries in South Korea and Japan said, about a week after a missile reportedly exploded in mid-air "
        "over Pyongyang. On March 16, North Korea launched a suspected missile that appeared to explode shortly "
        "after liftoff in the skies over Pyongyang, South Korea's military said.",
        "2022-03-24",
        gazetteer,
    )
    assert (korea_day(event["launched_at"], event["launched_at_precision"]), event["site_id"]) == (
        "2022-03-24",
        None,
    )
    event = _one(  # w233: a day five days before the copy is another launch's
        "North Korea has launched at least one ballistic missile towards the sea off the east coast, South Korea's "
        "Joint Chiefs of Staff report. North Korean state news reported the test-launch of a Hwasong-19 ICBM on "
        "October 31.",
        "2024-11-05",
        gazetteer,
    )
    assert (korea_day(event["launched_at"], event["launched_at_precision"]), event["system"]) == (
        "2024-11-05",
        "Unknown ballistic missile",
    )


@pytest.mark.parametrize(
    ("words", "figures"),
    [
        ("The missiles flew about 400 miles off North Korea's east coast.", [("distance", 643.7)]),
        ("The Musudan is an IRBM capable of traveling 1,500 to 2,500 miles.", []),
        ("The main part of the missile landed approximately 35 kilometers from Pukchang airfield.", []),
        ("He says the missile fired had a range of approximately 4,600 kilometers.", [("distance", 4600.0)]),
        ("Yoon said it launched an intermediate-range missile whose range is 4,000 kilometers.", []),
    ],
)
def test_find_figures__flown_off_a_coast_ranges_had_and_places_of_landing(words, figures):
    assert [(f.kind, f.value_km) for f in find_figures(words)[0]] == figures


@pytest.mark.parametrize(
    ("words", "seconds"),
    [
        ("In approximately 20 minutes of flight, it covered 4,600 km.", [1200]),
        ("It fell after a 22-minute flight.", [1320]),
    ],
)
def test_find_flight_times__the_duration_before_the_word_flight(words, seconds):
    assert [f.value_km for f in find_flight_times(words)] == seconds


@pytest.mark.parametrize(
    ("text", "published", "field", "value"),
    [
        (  # w200
            "North Korea fired a test missile Wednesday morning, but the launch failed. In February, North Korea "
            "launched a new solid-fuel rocket that traveled 310 miles into the Sea of Japan.",
            "2017-03-22",
            "distance_km",
            None,
        ),
        (  # w225: a sentence going on about the background weapon's rockets
            "North Korea appears to have launched a medium-range ballistic missile. The launch took place 15 days "
            "after Kim Jong-un directed an exercise involving super-large multiple rocket launchers. The South "
            "Korean military said North Korea's rockets flew about 300 km.",
            "2024-04-02",
            "distance_km",
            None,
        ),
        (
            "North Korea fired a missile on Sunday, the JCS said. It was believed to be intermediate in range.",
            "2024-01-14",
            "system_class",
            "IRBM",
        ),  # w222
        (
            "North Korea fired a projectile, suspected of a mid-range ballistic missile, on Tuesday.",
            "2024-04-02",
            "system_class",
            "MRBM",
        ),  # w224
        (  # w202
            "North Korea attempted to launch a missile from Sinpo that blew up. The official said the missile was not "
            "an intercontinental ballistic missile (ICBM). The display included submarine-launched ballistic missiles.",
            "2017-04-16",
            "system_class",
            "unknown",
        ),
        (  # w238
            "North Korea fired hypersonic missiles on Sunday. Analysts suggest a hypersonic payload attached to a "
            "KN-23 booster.",
            "2026-01-05",
            "system",
            "Unknown ballistic missile",
        ),
        (  # w1910
            "North Korea fired hypersonic missiles on Sunday. The South's military believes the launch involved "
            "Hwasong-11Ma hypersonic missiles, a system combining a hypersonic payload with the KN-23 missile platform.",
            "2026-01-05",
            "system",
            "Unknown ballistic missile",
        ),
        (  # w1875: the year's tally has a failure, this launch does not
            "North Korea fired a ballistic missile from Sunan on Wednesday; it flew about 500 kilometers. From that "
            "time, launch becomes 13th of the year, including one presumed to have failed.",
            "2022-05-04",
            "outcome",
            "success",
        ),
        (  # w1935, w1291: a destroyer's launching failed, not the missiles
            "North Korea fired multiple unidentified cruise missiles from the Sondok area. This missile launch occurred "
            "shortly after a new 5,000-ton destroyer suffered a failed launch during a ceremony. The tests may divert "
            "attention from the failed warship launch.",
            "2025-05-22",
            "outcome",
            "unknown",
        ),
        (  # w1932: the launch this one is likened to
            "North Korea fired a long-range ballistic missile from its capital on Saturday, Japan said. The details were "
            "similar to North Korea's November test flight of the Hwasong-17 intercontinental ballistic missile.",
            "2023-02-18",
            "system_class",
            "unknown",
        ),
        (  # w1944: the year's first launch, told by its month
            "North Korea fired at least one projectile on Tuesday, the JCS said. After the first launch in early "
            "January, the North said it had tested a hypersonic missile.",
            "2026-01-27",
            "system_class",
            "unknown",
        ),
        (  # w1898: the place's past launches; "the site from which the missile was launched" would be this one's
            "North Korea launched two ballistic missiles, the JCS said. The two missiles were launched from Wonsan on "
            "the eastern coast, the location from which Pyongyang launched a series of short-range missiles.",
            "2020-03-02",
            "system_class",
            "unknown",
        ),
        (
            "North Korea fired a missile on Saturday that is presumed to be a Musadan intermediate-range "
            "ballistic missile, a military statement says.",
            "2016-10-15",
            "system",
            "Musudan (Hwasong-10)",
        ),  # w198
        (
            "North Korea launched two ballistic missiles early Friday, South Korea's military said. One flew about "
            "500 miles across North Korea. A second missile blew up midair.",
            "2016-03-18",
            "outcome",
            "partial",
        ),  # w195
        (  # w196
            "North Korea fired two ballistic missiles. One missile landed in Sea of Japan and another one explored "
            "after launch.",
            "2016-08-03",
            "outcome",
            "partial",
        ),
    ],
)
def test_extract__background_figures_classes_systems_and_outcomes(text, published, field, value, gazetteer):
    assert _one(text, published, gazetteer)[field] == value


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        (  # w216
            "North Korea fired an unidentified ballistic missile. Representatives of the Ministry of Defense of Japan "
            "noted that, in approximately 20 minutes of flight, the missile covered a distance of about 4,600 km.",
            "2022-10-04",
            [("Japan MoD", 4600.0, 1200.0)],
        ),
        (  # w215
            "North Korea launched a single ballistic missile. Defense Minister Hamada says the missile fired had a "
            "range of approximately 4,600 kilometers.",
            "2022-10-04",
            [("Japan MoD", 4600.0, None)],
        ),
    ],
)
def test_extract__japans_ministry_by_its_full_name_and_its_minister(text, published, value, gazetteer):
    event = _one(text, published, gazetteer)
    assert [
        (s["source"], s["distance_km"], s["flight_time_s"]) for s in event["sources"] if s["distance_km"]
    ] == value


@pytest.mark.parametrize(
    "text",
    [
        "North Korea on Sunday successfully test-fired a new ballistic missile, KCNA reported on Monday. The "
        "Ministry of Defense of Russia stated that the missile passed 500km from the country's border.",  # w203
        "North Korea launched more than 10 suspected short-range ballistic missiles into the sea on Thursday in "
        "a super-large rocket drill, the official Korean Central News Agency reported.",  # w227
        "North Korea test-fired hypersonic missiles on Thursday, KCNA reported on Friday. South Korean radar "
        "detected the launch at 07:50 a.m. on Thursday.",  # w238
    ],
)
def test_extract__outside_observers_make_a_state_media_report_confirmed(text, gazetteer):
    assert _one(text, "2024-05-31", gazetteer)["confirmation"] == "confirmed"


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (  # w197
            "North Korea fired an intermediate-range missile on Friday that failed, South Korea's Joint Chiefs of "
            "Staff said. South Korea warned Thursday that it had spotted a mobile launcher carrying one or two "
            "Musudan ballistic missiles near Wonsan on North Korea's east coast.",
            "2016-04-15",
        ),
        (  # w199
            "North Korea on Saturday launched a missile that blew up over land. The main part of the missile landed "
            "approximately 35 kilometers from Pukchang airfield. CNN's Will Ripley in Pyongyang reported.",
            "2017-04-29",
        ),
        (  # w213
            "The JCS detected the launch of two missiles on Saturday. Observers in the south believe that Pyongyang "
            "has tested an upgraded KN-23 missile.",
            "2022-04-17",
        ),
        (  # w243
            "North Korea launched several missiles on Tuesday ahead of a major political meeting in Pyongyang. The "
            "military detected missiles from an area north of the North Korean capital, Pyongyang.",
            "2026-01-27",
        ),
    ],
)
def test_extract__places_of_preparations_landings_speakers_and_meetings_are_no_site(
    text, published, gazetteer
):
    assert _one(text, published, gazetteer)["site_id"] is None


# --- many reports at once ---------------------------------------------------------------------------

YONHAP = (
    "North Korea fired a short-range ballistic missile from near Taegwan, North Pyongan Province, into the "
    "East Sea at 12:35 p.m. on Friday, flying about 700 km, South Korea's Joint Chiefs of Staff said."
)
KYODO = (
    "North Korea launched a ballistic missile on Friday that flew about 450 km at a maximum altitude of "
    "about 50 km, Japan's defense ministry said."
)
AP = "North Korea fired a short-range ballistic missile from Taekwan on Friday, South Korea's military said."
REVISION = (
    "South Korea's Joint Chiefs of Staff said on Saturday that the missile North Korea fired from Taegwan "
    "on Friday flew about 750 km, revising its earlier figure."
)


def test_extract_many__three_outlets_and_a_revision_are_one_event(gazetteer):
    merged = extract_many(
        [
            (YONHAP, dt.date(2025, 11, 7), "Yonhap"),
            (KYODO, dt.date(2025, 11, 7), "Kyodo"),
            (AP, dt.date(2025, 11, 7), "AP"),
            (REVISION, dt.date(2025, 11, 8), "Yonhap update"),
        ],
        gazetteer,
    )
    assert len(merged.events) == 1, merged.to_dict()
    event = merged.events[0]
    assert event["reports"] == ["Yonhap", "Kyodo", "AP", "Yonhap update"]
    assert {s["report"] for s in event["sources"]} >= {"Yonhap", "Kyodo", "AP"}
    assert [(r["source"], r["field"], r["old"], r["new"]) for r in event["revisions"]] == [
        ("ROK JCS", "distance_km", 700.0, 750.0)
    ]
    assert event["report_status"] == "revised" and event["distance_km"] == 750.0
    jcs = [(s["distance_km"], s["published_on"]) for s in event["sources"] if s["source"] == "ROK JCS"]
    assert (700.0, "2025-11-07") in jcs and (750.0, "2025-11-08") in jcs
    assert sum(s["is_headline"] for s in event["sources"]) == 1


def test_extract_many__round_up_of_two_launches_gives_two_drafts(gazetteer):
    _, body = read_report(WIRE / "w54-leiria-2023-12-18-two-launches.txt")
    merged = extract_many([(body, dt.date(2023, 12, 18)), (AP, dt.date(2025, 11, 7))], gazetteer)
    assert sorted(e["launched_at"][:10] for e in merged.events) == ["2023-12-17", "2023-12-18", "2025-11-07"]


def test_extract_many__artillery_only_item_gives_none(gazetteer):
    _, body = read_report(WIRE / "w76-kbs-2024-01-07-artillery-90-shells.txt")
    assert extract_many([(body, dt.date(2024, 1, 7))], gazetteer).events == []
