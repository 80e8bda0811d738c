"""Which launch each clause of a report is about (geodata.reports.attribution), and the round-7 rules.

Texts here are written for the tests; each mirrors a class the wire corpus showed (README, round 6).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from geodata.reports import extract_events
from geodata.reports.attribution import about_this_launch
from geodata.reports.dates import find_dates
from geodata.reports.figures import find_figures, find_flight_times
from geodata.reports.lexicon import romanized
from geodata.reports.text import split_sentences
from geodata.units import korea_day


@pytest.fixture(scope="module")
def gazetteer():
    from geodata.reports import default_gazetteer

    return default_gazetteer()


def _one(gazetteer, text: str, published: str) -> dict:
    """The one event drafted from ``text`` published on ``published`` (ISO)."""
    extraction = extract_events(text, dt.date.fromisoformat(published), gazetteer)
    assert len(extraction.events) == 1, extraction.warnings
    return extraction.events[0]


def _day(event: dict) -> str:
    return korea_day(event["launched_at"], event["launched_at_precision"])


def _kept(text: str, day: dt.date, published: dt.date) -> list[str]:
    return [" ".join(s.text.split()) for s in about_this_launch(split_sentences(text), day, published)]


def test_about_this_launch__a_sentence_told_weeks_ago_is_another_launch():
    kept = _kept(
        "The North fired three missiles on Monday from Hwangju. Two weeks ago a KN-11 was fired from a submarine.",
        dt.date(2016, 9, 5),
        dt.date(2016, 9, 5),
    )
    assert kept == ["The North fired three missiles on Monday from Hwangju.", ""]


def test_about_this_launch__only_the_clause_of_the_other_launch_is_blanked():
    kept = _kept(
        "The missiles were fired from Hwangju county, in a show of force that follows a submarine-launched "
        "ballistic missile test some two weeks ago.",
        dt.date(2016, 9, 5),
        dt.date(2016, 9, 5),
    )
    assert kept[0].startswith("The missiles were fired from Hwangju county")
    assert "submarine" not in kept[0]


def test_about_this_launch__a_sentence_going_on_about_the_other_launch_is_blanked_too():
    text = (
        "North Korea launched a Hwasong-14 on July 4 from Panghyon. The previous longest shot was on May 14 "
        "with a Hwasong-12. That missile reached an apogee of 2,111 kilometers. The Hwasong-14 flew 930 km."
    )
    kept = _kept(text, dt.date(2017, 7, 4), dt.date(2017, 7, 4))
    assert kept[1:3] == ["", ""]
    assert kept[0].startswith("North Korea launched") and kept[3] == "The Hwasong-14 flew 930 km."


def test_about_this_launch__the_connective_that_brought_the_other_launch_in_starts_its_clause():
    kept = _kept(
        "North Korea fired missiles on Friday. The launch comes after the North fired 600-mm super-large shells, "
        "considered ballistic missiles, toward the sea on April 22.",
        dt.date(2024, 5, 17),
        dt.date(2024, 5, 17),
    )
    assert kept[1] == "The launch"


@pytest.mark.parametrize(
    "published, kept",
    [
        # copy of the launch day: "earlier this week" is another launch
        (dt.date(2026, 1, 4), False),
        # copy three days after the launch: "earlier this week" is this one
        (dt.date(2026, 1, 7), True),
    ],
)
def test_about_this_launch__earlier_this_week_is_resolved_against_the_launch_day(published, kept):
    text = (
        "North Korea fired missiles on Sunday. Earlier this week, North Korea said it fired cruise missiles."
    )
    assert bool(_kept(text, dt.date(2026, 1, 4), published)[1]) is kept


def test_about_this_launch__a_day_off_across_time_zones_is_still_this_launch():
    # copy on US time names the launch by the day before Korea's
    text = "North Korea fired a missile early Wednesday. The missile, launched Tuesday in Washington, flew 600 km."
    assert _kept(text, dt.date(2024, 9, 18), dt.date(2024, 9, 18))[1]


@pytest.mark.parametrize(
    "name, spelling",
    [
        ("Pukguksong", "Bukgeukseong"),
        ("Pukguksong", "Pukkuksong"),
        ("Chollima", "Cheollima"),
        ("Chollima", "Ch'ŏllima"),
        ("Hwasong", "Hwaseong"),
        ("Unha", "Eunha"),
    ],
)
def test_romanized__matches_each_romanization(name, spelling):
    assert re.fullmatch(romanized(name), spelling, re.I)
    assert not re.fullmatch(romanized(name), "Pyongyang", re.I)


@pytest.mark.parametrize(
    "spelling, system",
    [
        ("Pukkuksong-3", "Pukguksong-3"),
        ("Bukgeukseong-3", "Pukguksong-3"),
        ("Hwasongpho-16B", "Hwasong-16B"),
        ("Hwaseong-18", "Hwasong-18"),
    ],
)
def test_extract__system_names_in_other_romanizations(spelling, system, gazetteer):
    text = f"North Korea said it launched a {spelling} missile on Wednesday, South Korea's military said."
    event = extract_events(text, dt.date(2024, 4, 3), gazetteer).events[0]
    assert event["system"] == system


@pytest.mark.parametrize(
    "text, confirmation",
    [
        (
            "SEOUL — North Korean authorities said a new ballistic missile was launched from a submarine on "
            "Wednesday.",
            "claimed",
        ),
        (
            "Seoul/Pyongyang – North Korea on Wednesday announced the launch of a rocket carrying a satellite, "
            "the North Korean state news agency reported.",
            "claimed",
        ),
        (
            "SEOUL — North Korea launched a ballistic missile on Wednesday, South Korea's military said, and "
            "state media confirmed it.",
            "confirmed",
        ),
    ],
)
def test_extract__a_dateline_is_no_observer_and_north_koreas_word_is_a_claim(text, confirmation, gazetteer):
    assert extract_events(text, dt.date(2019, 10, 2), gazetteer).events[0]["confirmation"] == confirmation


@pytest.mark.parametrize(
    "sentence, outcome",
    [
        (
            "The missiles flew 500 km, the military said, noting that the North failed to impose a no-fly zone.",
            "success",
        ),
        (
            "Analysts blamed the launch on Pyongyang's failure to win talks. The missile flew 500 km.",
            "success",
        ),
        ("The rocket failed to reach orbit.", "failure"),
    ],
)
def test_extract__failing_to_do_something_else_is_no_failed_flight(sentence, outcome, gazetteer):
    text = "North Korea fired a ballistic missile on Monday, South Korea's military said. " + sentence
    assert extract_events(text, dt.date(2014, 7, 7), gazetteer).events[0]["outcome"] == outcome


def test_extract__a_claim_recalled_from_last_week_keeps_its_failure(gazetteer):
    text = (
        "North Korea fired two ballistic missiles on Monday, the JCS said; one flew 600 kilometers. "
        "In addition, North Korea claimed to have tested a multiple-warhead missile last week. "
        "However, South Korea dismissed this claim as a cover for a failed launch."
    )
    assert extract_events(text, dt.date(2024, 7, 1), gazetteer).events[0]["outcome"] == "success"


def test_find_dates__a_possessive_day_after_said_is_the_day_of_what_it_names():
    found = find_dates("KCNA said Sunday's drill tested a hypersonic missile.", dt.date(2026, 1, 5))
    assert [f.value for f in found] == [dt.date(2026, 1, 4)]


def test_extract__said_sundays_drill_dates_the_launch(gazetteer):
    text = "North Korea fired hypersonic missiles, KCNA said Monday. KCNA said Sunday's drill involved Kim Jong Un."
    event = extract_events(text, dt.date(2026, 1, 5), gazetteer).events[0]
    assert korea_day(event["launched_at"], event["launched_at_precision"]) == "2026-01-04"


def test_about_this_launch__a_launch_brought_in_by_after_is_another_whatever_its_day():
    kept = _kept(
        "North Korea fired an ICBM on Monday. The launch followed closely after the firing of a short-range "
        "missile late Sunday, traveling about 570 kilometers.",
        dt.date(2023, 12, 18),
        dt.date(2023, 12, 18),
    )
    assert "570" not in kept[1] and kept[1].startswith("The launch")


def test_about_this_launch__a_report_that_came_after_the_launch_keeps_it():
    text = (
        "Kim Jong Un directed a rocket drill, KCNA reported. The report came after North Korea launched more than "
        "10 short-range ballistic missiles on Thursday, just days after it failed to launch a satellite rocket."
    )
    kept = _kept(text, dt.date(2024, 5, 30), dt.date(2024, 5, 31))
    assert "more than 10 short-range ballistic missiles" in kept[1]
    assert "satellite" not in kept[1]


def test_group_events__after_the_firing_of_another_missile_is_no_second_event(gazetteer):
    text = (
        "North Korea fired a Hwasong-18 ICBM on Monday morning, the JCS said. The launch came after the firing of "
        "a short-range missile from Pyongyang late Sunday."
    )
    assert len(extract_events(text, dt.date(2023, 12, 18), gazetteer).events) == 1


@pytest.mark.parametrize(
    "text, count",
    [
        # a round figure in the headline, an exact count in the body
        (
            "North Korea Launches Nearly Two Dozen Missiles\nNorth Korea launched 23 missiles on Wednesday.",
            23,
        ),
        # where one of the salvo fell is no count of the salvo
        (
            "North Korea launched at least 23 missiles on Wednesday. Seoul's military said the North fired "
            "artillery too. Outlets reported that one ballistic missile landed near Ulleung island.",
            23,
        ),
        # a count South Korea and Japan gave together outranks Japan's own later one
        (
            "North Korea has fired multiple short-range ballistic missiles, South Korea and Japan said. Japan also "
            "confirmed the launch, with the coastguard saying North Korea fired at least two ballistic missiles.",
            None,
        ),
    ],
)
def test_count_missiles__round_figures_parts_of_the_salvo_and_joint_counts(text, count, gazetteer):
    assert extract_events(text, dt.date(2022, 11, 2), gazetteer).events[0]["count"] == count


def test_sources_in__a_datelines_place_names_no_source():
    from geodata.reports.fields import sources_in

    sentence = split_sentences("SEOUL/TOKYO: North Korea fired a missile, Japan's defence ministry said.")[0]
    assert [name for _, name, _ in sources_in(sentence)] == ["Japan MoD"]


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("South Korea's Joint Chief of Staff said North Korea fired three missiles.", "ROK JCS"),  # w1644
        ("South Korean Joint Chiefs said the missile flew 600 km.", "ROK JCS"),
        ("S. Korea's military said the missile flew 600 km.", "ROK JCS"),
        ("Japan's prime minister, Shinzo Abe, condemned the missile launch.", "Japan MoD"),  # w569
        ("Prime Minister Kishida said the missile fell outside Japan's waters.", "Japan MoD"),
    ],
)
def test_sources_in__spellings_of_the_militaries_and_governments(words, name):
    from geodata.reports.fields import sources_in

    assert [found for _, found, _ in sources_in(split_sentences(words)[0])] == [name]


@pytest.mark.parametrize(
    "text, distance_km, apogee_km",
    [
        (
            "KCNA said the missile hit a target 1,000km away, flying at about 6,200km/h (3,850mph).",
            1000,
            None,
        ),
        ("The missile flew 930 km; its apogee greatly exceeded 2,500 kilometers, Japan said.", 930, None),
    ],
)
def test_find_figures__speeds_and_bounds_are_no_figures(text, distance_km, apogee_km, gazetteer):
    event = extract_events(
        "North Korea fired a missile on Tuesday. " + text, dt.date(2022, 1, 11), gazetteer
    ).events[0]
    assert (event["distance_km"], event["apogee_km"]) == (distance_km, apogee_km)


def test_extract__round_7_training_classes(gazetteer):
    # "province of Hwanghae" is a place of launch, as "county of ..." is
    assert (
        _one(
            gazetteer,
            "North Korea fired two missiles from an air base in the North's western province of Hwanghae.",
            "2014-07-09",
        )["site_id"]
        == "hwanghae"
    )
    # Pyongyang doing things is the government
    event = _one(
        gazetteer,
        "North Korea fired an ICBM from Pyongsong on Wednesday. It was a show of force from Pyongyang, which had "
        "not conducted any tests for two months.",
        "2017-11-29",
    )
    assert event["site_id"] == "pyongsong"
    # a TASS dateline dates the copy, not the launch
    event = _one(
        gazetteer,
        "MOSCOW, March 25. /TASS/. North Korea confirmed the test of a Hwasong-17, Yonhap said on Friday. South "
        "Korea's military said on Thursday that it detected the launch and the missile flew some 1,080 kilometers.",
        "2022-03-25",
    )
    assert korea_day(event["launched_at"], event["launched_at_precision"]) == "2022-03-24"
    # a test conducted is a launch; "a ... missile test" is no count
    event = _one(
        gazetteer,
        "North Korea said it conducted on Tuesday a strategic cruise missile test on a destroyer.",
        "2026-03-11",
    )
    assert (event["system_class"], event["count"]) == ("cruise", None)
    # "its new type of ICBM", "a two-stage launch vehicle": one
    assert (
        _one(
            gazetteer,
            'North Korea said it test fired its "new type" of ICBM Hwasong-17 on Thursday.',
            "2022-03-25",
        )["count"]
        == 1
    )
    # a landing "for the first time since 1945" is no tally of launches: the sentence keeps its class
    event = _one(
        gazetteer,
        "North Korea launched 23 missiles on Wednesday. One of the short-range ballistic missiles landed south of "
        "the border for the first time since 1945.",
        "2022-11-02",
    )
    assert event["system_class"] == "SRBM"
    # a comma inside a quotation still ends a clause: the aside's date leaves the system named before it
    event = _one(
        gazetteer,
        "North Korea fired two projectiles on Thursday. North Korea said it tested its "
        '"super-large multiple rocket launcher," the same one it tested on 24 August.',
        "2019-11-01",
    )
    assert event["system"] == "KN-25 (600 mm MRL)"


def test_find_site__a_county_glued_to_its_name(gazetteer):
    text = "North Korea fired three missiles from Hwangjucounty on Monday, the JCS said."
    assert extract_events(text, dt.date(2016, 9, 5), gazetteer).events[0]["site_id"] == "hwangju"


@pytest.mark.parametrize(
    "published, kept",
    [
        (dt.date(2023, 3, 16), False),  # the launch day's copy: "earlier this month" is older news
        (dt.date(2023, 3, 28), True),  # copy twelve days on names the launch so
    ],
)
def test_about_this_launch__earlier_this_month_is_news_only_a_week_or_more_on(published, kept):
    text = (
        "North Korea fired an ICBM on Thursday. Earlier this month, the North fired two missiles from Wonsan."
    )
    assert bool(_kept(text, dt.date(2023, 3, 16), published)[1]) is kept


@pytest.mark.parametrize(
    "text, count",
    [
        # a vague word before an exact number
        (
            "North Korea launched a barrage of at least 10 short-range ballistic missiles on Thursday, according "
            "to the South's military. Japan warned about a suspected ballistic missile.",
            10,
        ),
        # a missile word that qualifies another noun counts nothing
        ("North Korea launched ten ballistic missiles. Sunan is a staging ground for missile testing.", 10),
        # "a ... and another" is two
        ("North Korea fired a ballistic missile at 2.35am and another at 2.45am, the JCS said.", 2),
        # the first word, revised by a later statement
        (
            "North Korea fired two short-range missiles on Sunday, the JCS said. Earlier, Yonhap quoted the JCS "
            "as saying that North Korea fired an unidentified missile.",
            2,
        ),
        # the missiles of a comparison do not make this one plural
        (
            "North Korea fired an ICBM on Thursday. The missile reached the highest altitude achieved by one of "
            "North Korea's missiles.",
            1,
        ),
        # a series of launches over months is no salvo
        (
            "North Korea fired the Hwasong-18 ICBM on Thursday, in a series of missile launches this spring.",
            1,
        ),
    ],
)
def test_count_missiles__round_8_training_classes(text, count, gazetteer):
    assert extract_events(text, dt.date(2024, 5, 30), gazetteer).events[0]["count"] == count


@pytest.mark.parametrize(
    "sentence, seconds",
    [
        ("It took just 9 minutes and 46 seconds for the satellite to enter its preset orbit.", 586),
        ("The rocket precisely placed the satellite into orbit 705 seconds after launch, at 22:54:13.", 705),
        ('"The rocket put the satellite on its orbit at 22:54:13, 705s after the launch," KCNA said.', 705),
        ("The flight lasted 9 minutes and 46 seconds.", 586),
        # no orbit: a time after the launch is when something else happened
        ("The missile landed 10 minutes after the launch.", None),
    ],
)
def test_find_flight_times__time_to_orbit_and_seconds_after_minutes(sentence, seconds):
    from geodata.reports.figures import find_flight_times

    found = find_flight_times(sentence)
    assert (found[0].value_km if found else None) == seconds


@pytest.mark.parametrize(
    "text, outcome",
    [
        # one of two failed
        (
            "North Korea fired two Musudan missiles on Wednesday. The first launch apparently failed.",
            "partial",
        ),
        # supposed, not reported
        ("North Korea launched a rocket on Sunday; Yonhap says the launch may have failed.", "unknown"),
        (
            "North Korea launched a rocket on Sunday. It appeared to have successfully separated its first stage.",
            "unknown",
        ),
        # state media's success in other words; a missile's reach is no outcome
        (
            "North Korea fired cruise missiles on Sunday, KCNA said. The missiles flew over the sea before "
            "hitting their targets.",
            "success",
        ),
        (
            "North Korea fired a ballistic missile on Sunday. A destroyer's missiles precisely struck the set target.",
            "success",
        ),
        (
            "North Korea fired a cruise missile on Sunday. Experts say it could fly 1,500 km before hitting "
            "the target; it is capable of striking targets in Japan.",
            "unknown",
        ),
    ],
)
def test_outcome__part_of_a_salvo_and_supposed_outcomes(text, outcome, gazetteer):
    assert extract_events(text, dt.date(2016, 6, 22), gazetteer).events[0]["outcome"] == outcome


def test_figures__the_second_missiles_figure_far_after_the_second(gazetteer):
    text = (
        "North Korea fired two missiles on Wednesday. The first missile was deemed to have failed after travelling "
        "around 150 kilometres. But the second -- fired from the same east coast location two hours later -- flew "
        "400 kilometres, the South Korean and Japanese ministries said."
    )
    assert extract_events(text, dt.date(2016, 6, 22), gazetteer).events[0]["distance_km"] == 400


def test_extract__round_8_training_classes(gazetteer):
    # European copy's "overnight Monday-Tuesday" is Tuesday in Korea
    assert _day(
        _one(
            gazetteer,
            "North Korea fired a ballistic missile overnight Monday-Tuesday, Japan said.",
            "2022-10-04",
        )
    ) == ("2022-10-04")
    # a quote's "this morning" in copy two days on neither starts a second launch nor hides the site
    event = _one(
        gazetteer,
        'North Korea unsuccessfully test-fired a ballistic missile Wednesday. "North Korea fired one missile from '
        'an area near the Wonsan Air Base this morning but it is presumed to have failed," the ministry said.',
        "2017-03-24",
    )
    assert (_day(event), event["site_id"]) == ("2017-03-22", "wonsan")
    # a day told of the launch before a day told of a parade
    event = _one(
        gazetteer,
        "North Korea attempted to fire a missile. It was shown to the world in a military parade yesterday. The "
        "ministry said: 'North Korea attempted to test a missile from Sinpo this morning.'",
        "2017-04-16",
    )
    assert _day(event) == "2017-04-16"
    # where a stage fell, a province beside the capital and a factory's town are no place of launch
    for text in (
        "North Korea fired an ICBM on Thursday. Pyongyang said the first stage fell 10 km off Kumya County.",
        "North Korea fired missiles at 7:30 a.m. from a province south of Pyongyang, the JCS said.",
        "North Korea fired a missile from a submarine. Kim gave guidance at a fishery complex in Sinpo on Saturday.",
    ):
        assert _one(gazetteer, text, "2023-04-13")["site_id"] is None, text
    # "on the 4th" in copy of the 27th is another launch
    event = _one(
        gazetteer,
        "North Korea fired several ballistic missiles on the 27th, the JCS said. Earlier, on the 4th, North Korea "
        "fired a hypersonic missile.",
        "2026-01-27",
    )
    assert event["system_class"] == "unknown"


@pytest.mark.parametrize(
    "text, confirmation",
    [
        (
            "North Korea said it put a satellite into orbit on Sunday, two hours after foreign governments reported "
            "the launch of a long-range missile.",
            "confirmed",
        ),
        (
            "SEOUL, South Korea — North Korea test-fired two cruise missiles on Wednesday, KCNA reported. It was not "
            "immediately clear if the missiles were detected by Japan.",
            "claimed",
        ),
        # North Korea's own words, no one else's
        (
            "North Korean state-owned media has published photos of the launch of a satellite on Tuesday from "
            "the Sohae Satellite Launching Ground.",
            "claimed",
        ),
    ],
)
def test_confirmation__observers_named_and_denied(text, confirmation, gazetteer):
    assert extract_events(text, dt.date(2022, 10, 13), gazetteer).events[0]["confirmation"] == confirmation


@pytest.mark.parametrize(
    "text, published, day",
    [
        # a Pentagon clock with its US day beside it
        (
            "North Korea launched a ballistic missile at 4:57 p.m. Eastern time Aug. 28, the Pentagon said.",
            "2017-08-29",
            "2017-08-29",
        ),
        # US Strategic Command's Central time
        (
            "North Korea launched a missile at 4:55 p.m. CST on Saturday, Feb. 11, US Strategic Command said.",
            "2017-02-12",
            "2017-02-12",
        ),
        ("The military says the missile was launched at 11:33 p.m. EDT Friday.", "2016-10-15", "2016-10-15"),
        # Washington copy: its weekday is American, the Eastern clock turns it into Korea's next day
        (
            "WASHINGTON (AA) - The U.S. detected a North Korean missile launch Tuesday. The missile was detected at "
            "1:17 p.m. Eastern time, according to the Pentagon. The missile was launched from Sain Ni.",
            "2017-11-29",
            "2017-11-29",
        ),
        # a page's own date is not the launch's
        (
            "Published Friday, August 23, 2019\nNorth Korea fired two projectiles on Saturday morning, the JCS said.",
            "2019-08-24",
            "2019-08-24",
        ),
        # state media's report "came a day after" the outside detection
        (
            "North Korea said Wednesday it tested a hypersonic missile. The report by state media came a day after "
            "the South Korean military detected the North launching the missile.",
            "2024-04-03",
            "2024-04-02",
        ),
    ],
)
def test_when__us_time_page_dates_and_reports_a_day_after(text, published, day, gazetteer):
    event = extract_events(text, dt.date.fromisoformat(published), gazetteer).events[0]
    assert korea_day(event["launched_at"], event["launched_at_precision"]) == day


def test_extract__round_9_training_classes(gazetteer):
    def events(text, published="2023-08-24"):
        return extract_events(text, dt.date.fromisoformat(published), gazetteer).events

    # a satellite that blasted off is a launch
    assert len(events("North Korea said its satellite blasted off from Cholsan on Thursday but failed.")) == 1
    # an artillery item with a missile launch only "a day after" / "after detecting" gives no event
    assert not events(
        "North Korea fired more than 100 rockets and artillery shells on Monday, just a day after firing two "
        "ballistic missiles.",
        "2014-07-14",
    )
    event = events(
        "North Korea fired an ICBM, which crashed into Japanese waters, the JCS said. It flew 1,080 km.",
        "2022-03-24",
    )[0]
    assert event["outcome"] == "success"
    event = events(
        "North Korea fired two missiles on Wednesday. A spokesman initially said both failed in flight. He later "
        "corrected that; one flew 400 km.",
        "2017-08-26",
    )[0]
    assert event["outcome"] != "failure"
    event = events(
        "North Korea fired two Musudan missiles on Wednesday; the first missile traveled 150 km and second 400 km. "
        "South Korea branded the first launch a failure.",
        "2016-06-22",
    )[0]
    assert (event["distance_km"], event["outcome"]) == (400, "partial")


def test_extract__round_10_training_classes(gazetteer):
    # KCNA's words for a launch: a "test-firing of a new-type tactical guided weapon", a missile "flight-tested"
    _one(
        gazetteer,
        "Kim Jong Un observed the test-firing of a new-type tactical guided weapon, KCNA reported.",
        "2022-04-17",
    )
    _one(
        gazetteer,
        "North Korea said it flight-tested a new solid-fuel intermediate-range missile.",
        "2024-01-15",
    )
    # a day in brackets after a statement's day is the statement's too
    event = _one(
        gazetteer,
        "North Korea conducted a test of its multiple rocket launcher, state media reported on Sunday (March 15, "
        "2026), a day after Seoul identified the launch of around 10 ballistic missiles.",
        "2026-03-15",
    )
    assert _day(event) == "2026-03-14"
    # a sentence opening on state media's day of report; "... on Sunday, state media reported" stays the launch's
    event = _one(
        gazetteer,
        "On Sunday, the North's Korean Central News Agency reported that Pyongyang had successfully tested the "
        "launch of a new tactical guided weapon. The JCS detected the launch of two missiles at 6:00 pm Saturday.",
        "2022-04-17",
    )
    assert _day(event) == "2022-04-16"
    assert _day(
        _one(
            gazetteer,
            "North Korea test-fired hypersonic missiles on Sunday, state media KCNA reported on Monday.",
            "2026-01-05",
        )
    ) == ("2026-01-04")
    # a striking range is what it could reach; the quoted "super-large" launcher is the KN-25
    event = _one(
        gazetteer,
        'North Korea test-fired its new "super-large" multiple rocket launcher on Thursday, KCNA said. Kim said '
        'enemies "within the 420 km striking range" should worry; the rockets hit a target 360 kilometres away.',
        "2019-11-01",
    )
    assert (event["system"], event["distance_km"]) == ("KN-25 (600 mm MRL)", 360)


@pytest.mark.parametrize(
    "text, system",
    [
        # alternatives or a mixed salvo: no one system, the class still stands
        (
            "North Korea fired two ballistic missiles on Sunday. They may be linked to the KN-23 or KN-24 family.",
            "Unknown SRBM",
        ),
        # a mixed salvo keeps the first name (and a warning: the editor splits it, as the seed data does)
        (
            "North Korea fired missiles on Sunday: a KN-25 and a KN-23, the military said.",
            "KN-25 (600 mm MRL)",
        ),
        # one named, another only in a later, separate clause of background
        ("North Korea fired a KN-23 on Sunday. In May it had tested a Hwasong-12.", "Hwasong-11A (KN-23)"),
    ],
)
def test_system__two_systems_named_together_are_no_one_system(text, system, gazetteer):
    assert extract_events(text, dt.date(2026, 1, 4), gazetteer).events[0]["system"] == system


def test_date__a_pages_printed_stamp_is_not_the_launch_day(gazetteer):
    # a calendar date a day from a weekday used to win as the launch's, even a page's "Printed On" stamp
    text = (
        "Kim supervised the test-firing of strategic cruise missiles from a destroyer.\n"
        "Printed On 5 Mar 2026\n"
        "Kim supervised the launch of sea-to-surface missiles from the destroyer Choe Hyon on Wednesday."
    )
    event = extract_events(text, dt.date(2026, 3, 5), gazetteer).events[0]
    assert event["launched_at"][:10] == "2026-03-04"


@pytest.mark.parametrize(
    "sentence, figures_km",
    [
        # a hedged conversion in brackets is the same figure, and a place after it is where it fell
        (
            "It reached an altitude of 770 kilometers (about 500 miles) and fell into the ocean 2,000 kilometers "
            "(about 1,200 miles) east of Cape Erimo.",
            [("apogee", 770.0)],
        ),
        # a satellite's orbit is no flight; KCNA's "orbit" for a cruise missile's path is
        ("It was placed in the polar orbit at a distance of 500 km from the Earth.", []),
        (
            "It is in a sun-synchronous orbit, with a perigee altitude of 493 km and an apogee altitude of 512 km.",
            [],
        ),
        (
            "The cruise missiles flew along their orbit for 7,580 seconds and hit targets 1,500 km away.",
            [("distance", 1500.0)],
        ),
        # a potential range's upper end is no flight
        (
            "A Rodong missile has a range of 1,300-1,500 kilometers. The three missiles all flew about 1,000 km.",
            [("distance", 1000.0)],
        ),
        # "between 70km and 200km" is a range, its upper figure; an "elevation" is an apogee
        (
            "The missiles flew for between 70km and 200km (45-125 miles) towards the Sea of Japan.",
            [("distance", 200.0)],
        ),
        (
            "The missile flew 450 km (280 miles) and arrived at an elevation of 910 km (565 miles).",
            [("distance", 450.0), ("apogee", 910.0)],
        ),
        ("It fired an at least 4,000 kilometers ranged missile over Japan.", []),
        # a relay's garbled thousands
        ("It reached an altitude of 2, 802km and flew 933 km.", [("apogee", 2802.0), ("distance", 933.0)]),
    ],
)
def test_figures__bracketed_conversions_and_garbled_thousands(sentence, figures_km):
    found, _warnings = find_figures(sentence)
    assert [(f.kind, round(f.value_km, 1)) for f in found] == figures_km


@pytest.mark.parametrize(
    "text, count, outcome",
    [
        # "a second missile" says which, not how many; the first of two failed: partial
        (
            "North Korea fired two missiles Wednesday morning, the JCS said. The first launch was presumed to have "
            "been a failure. About two hours later, North Korea tested a second missile, the JCS said.",
            2,
            "partial",
        ),
        # "one of the missiles exploded ... while the second was tracked": partial, whatever the headline count
        (
            "A missile fired Wednesday flew about 1,000 km, the JCS said. US Strategic Command said one of the "
            "missiles exploded immediately after launch, while the second was tracked into the sea.",
            1,
            "partial",
        ),
        # "..., but one exploded in midair", "one of two ...; the other exploded": partial; all failed is a failure
        (
            "A missile fired Wednesday flew about 1,000 km, the JCS said. NORAD determined that Pyongyang fired two "
            "missiles, but one exploded in midair immediately after launch.",
            1,
            "partial",
        ),
        (
            "North Korea fired a missile on Wednesday. US Strategic Command said it was one of two missiles fired "
            "near Hwangju; the other exploded shortly after launch.",
            2,
            "partial",
        ),
        # "one of which likely exploded", "including a possible failed ICBM": one of a salvo
        (
            "On Monday, the military in Seoul reported the launch of two missiles, one of which likely exploded "
            "over North Korean territory.",
            2,
            "partial",
        ),
        (
            "North Korea fired multiple ballistic missiles on Thursday, including a possible failed "
            "intercontinental ballistic missile.",
            None,
            "partial",
        ),
        (
            "North Korea fired three short-range missiles on Saturday. The US military said that two of the missiles "
            "failed in flight and the other blew up almost immediately.",
            3,
            "failure",
        ),
        # an earlier launch's failure, told as what this one came after
        (
            "North Korea on Wednesday fired the sixth suspected Musudan missile, after the fifth test-launched "
            "had failed.",
            1,
            "unknown",
        ),
    ],
)
def test_outcome__salvos_with_one_failure_and_an_earlier_failure(text, count, outcome, gazetteer):
    event = extract_events(text, dt.date(2016, 6, 22), gazetteer).events[0]
    assert (event["count"], event["outcome"]) == (count, outcome)


def test_captions__a_file_photos_launch_is_not_this_one(gazetteer):
    # a caption shows a launch, often a file one: its system and its day are not this launch's
    text = (
        "A photo released by KCNA shows the test firing of a new solid-fuel Hwasong-18 intercontinental ballistic "
        "missile at an undisclosed location in North Korea, April 13.\n"
        "North Korea fired one short-range ballistic missile toward the East Sea on Sunday, the JCS said. It flew "
        "about 570 kilometers.\n"
        "A TV screen shows a file image of a North Korean missile launch during a news program in Seoul on Dec. 16, "
        "2023."
    )
    event = extract_events(text, dt.date(2023, 12, 17), gazetteer).events[0]
    assert (event["system"], event["launched_at"][:10], event["distance_km"]) == (
        "Unknown SRBM",
        "2023-12-17",
        570,
    )


def test_attribution__a_launch_dated_weeks_ago_in_its_own_sentence_is_another(gazetteer):
    text = (
        "North Korea has fired a projectile into the Sea of Japan, a South Korean Defense Ministry official said. "
        "North Korea test-fired a new type of missile, the Pukguksong-2, nearly a month ago."
    )
    event = extract_events(text, dt.date(2017, 3, 6), gazetteer).events[0]
    assert (event["system"], event["system_class"]) == ("Unknown ballistic missile", "unknown")


def test_attribution__the_missile_of_a_recalled_launch_goes_on_about_it(gazetteer):
    text = (
        "North Korea fired a short-range ballistic missile toward the East Sea on January 27, the JCS said. "
        "The missile traveled about 350 kilometers. "
        "Earlier this month, on January 4, North Korea test-fired a hypersonic missile toward the East Sea. "
        "The missile reportedly flew about 900 kilometers and was believed to be part of the KN-23 series."
    )
    event = extract_events(text, dt.date(2026, 1, 27), gazetteer).events[0]
    assert (event["system"], event["distance_km"]) == ("Unknown SRBM", 350)


def test_dates__a_statement_day_after_its_speaker_is_no_launch_day(gazetteer):
    # "said official KCNA news agency on Thursday" dates the statement; the launch is "on Wednesday morning"
    text = (
        "North Korea confirmed it fired a submarine-launched ballistic missile, said official KCNA news agency on "
        "Thursday. The Pukguksong-3 was fired from the waters off Wonsan Bay on Wednesday morning, KCNA reported."
    )
    events = extract_events(text, dt.date(2019, 10, 3), gazetteer).events
    assert [e["launched_at"][:10] for e in events] == ["2019-10-02"]
    # ... while "said the missile launched Friday" is still the launch's day
    text = "Suga said the missile launched Friday flew for about 45 minutes."
    assert extract_events(text, dt.date(2017, 7, 29), gazetteer).events[0]["launched_at"][:10] == "2017-07-28"


def test_outcome__a_satellite_in_orbit_is_a_success(gazetteer):
    text = (
        "North Korea launched a satellite on Sunday. KCNA reported that the satellite was in a 494.4 x 500 "
        "kilometer polar orbit inclined at 97.4 degrees."
    )
    event = extract_events(text, dt.date(2016, 2, 7), gazetteer).events[0]
    assert (event["outcome"], event["distance_km"]) == ("success", None)


def test_attribution__those_launches_go_on_about_the_recalled_ones(gazetteer):
    text = (
        "North Korea launched at least two ballistic missiles on Tuesday, the Japanese government said. "
        "The latest incident follows a similar launch on January 4, when North Korea fired at least two ballistic "
        "missiles from near Pyongyang. North Korea's state news agency later reported successful hypersonic "
        "missile tests following those launches."
    )
    event = extract_events(text, dt.date(2026, 1, 27), gazetteer).events[0]
    assert (event["system_class"], event["outcome"]) == ("unknown", "unknown")


@pytest.mark.parametrize(
    "where, site_id",
    [
        ("from a location in northern Pyongyang", "pyongyang"),
        ("from an area north of Pyongyang", None),
        ("from areas north of Pyongyang", None),
        ("from the north of the city of Wonsan", None),  # w1196
        ("from North Hwanghae Province, south of the capital Pyongyang", None),  # w1177
        ("from Sunan, drawing a sharp reaction from Pyongyang's rivals", "sunan"),
    ],
)
def test_site__in_a_part_of_a_place_is_that_place_beside_it_is_not(where, site_id, gazetteer):
    text = f"North Korea fired two ballistic missiles on Tuesday {where}, the JCS said."
    assert extract_events(text, dt.date(2026, 1, 27), gazetteer).events[0]["site_id"] == site_id


def test_site__a_reaction_from_pyongyang_is_its_government(gazetteer):
    text = (  # w1150
        "Analysts had cautioned that such an announcement would likely provoke a sharp reaction from Pyongyang, and "
        "it did. North Korea fired a ballistic missile on Friday, the JCS said."
    )
    assert extract_events(text, dt.date(2025, 11, 7), gazetteer).events[0]["site_id"] is None


def test_date__the_launch_took_place_days_before_the_copy(gazetteer):
    text = (
        "North Korea has announced the successful launch of a reconnaissance satellite. The launch was carried out "
        "on November 21, 2023, at 13:42 UTC from the Sohae cosmodrome."
    )
    event = extract_events(text, dt.date(2023, 11, 24), gazetteer).events[0]
    assert (event["launched_at"][:10], event["site_id"]) == ("2023-11-21", "sohae")


@pytest.mark.parametrize(
    "text, confirmation",
    [
        # North Korea's own voice and no one else's: claimed
        (
            "According to media sources in the DPRK, the DPRK Academy of Defense Science reports that a successful "
            "test of the Hwasong-14 was carried out on July 4. The report states that the rocket was launched from "
            "the northwest part of the DPRK.",
            "claimed",
        ),
        # state media's word and an outside government's: confirmed
        (
            "North Korea test fired a submarine-launched ballistic missile on Wednesday, CNN reports quoting South "
            "Korean authorities. KCNA said the test-fire was successfully conducted.",
            "confirmed",
        ),
        (
            "North Korea said it successfully test-fired cruise missiles Tuesday, KCNA said. South Korea's Joint "
            "Chiefs said they detected the launches.",
            "confirmed",
        ),
    ],
)
def test_confirmation__whose_word_it_is(text, confirmation, gazetteer):
    assert extract_events(text, dt.date(2017, 7, 5), gazetteer).events[0]["confirmation"] == confirmation


@pytest.mark.parametrize(
    "text, published, day",
    [
        # the election's day is not the launch's
        (
            "North Korea said it tested a new intercontinental ballistic missile on Thursday morning. The new "
            "Hwasong-19 missile was launched just days before the United States presidential election on Tuesday.",
            dt.date(2024, 11, 1),
            "2024-10-31",
        ),
        # European copy's evening is Korea's next morning
        (
            "North Korea has fired a missile that passed over northern Japan on Monday evening, the Japanese "
            "government has said. The North fired the projectile from Pyongyang at around 5:57 am local time "
            "(20:57 GMT), according to the South Korean Joint Chiefs of Staff.",
            dt.date(2017, 8, 29),
            "2017-08-29",
        ),
        # the day footage aired is the broadcast's, not the launch's
        (
            "Footage aired by North Korean broadcaster KRT on January 7 showed what the country described as a "
            "successful test-fire of a new hypersonic missile launched on January 6.",
            dt.date(2025, 1, 7),
            "2025-01-06",
        ),
        # a page dated three days on that says the military told it earlier: the weekday it told
        (
            "KCNA said Kim Jong Un supervised the test-firing of a super-large multiple rocket launcher. South "
            "Korea's military earlier said North Korea fired two projectiles on Thursday.",
            dt.date(2019, 12, 1),
            "2019-11-28",
        ),
        # a page's stamp line is the page's day, not the launch's
        (
            "North Korea fires a ballistic missile toward sea, South Korea says\nJune 25, 2024, 5:00 PM\n"
            "South Korea says North Korea has fired a ballistic missile toward the North's east coast. The launch "
            "was made on Wednesday morning.",
            dt.date(2024, 6, 26),
            "2024-06-26",
        ),
        # "the previous day" is a day, not a background cue
        (
            "North Korea test-fires hypersonic missiles: state media\n"
            "North Korea confirmed that it test-fired hypersonic missiles the previous day under the supervision "
            "of Kim Jong Un, the Korean Central News Agency reported on Monday.",
            dt.date(2026, 1, 5),
            "2026-01-04",
        ),
        # a background launch's weekday is not taken for an undated launch: the page's day
        (
            "North Korea fired a ballistic missile towards the sea off its east coast. The North on Thursday fired "
            "a suspected intercontinental ballistic missile into the sea, hours before South Korea's president "
            "flew to Tokyo.",
            dt.date(2023, 3, 19),
            "2023-03-19",
        ),
    ],
)
def test_date__which_day_is_the_launchs(text, published, day, gazetteer):
    event = extract_events(text, published, gazetteer).events[0]
    assert korea_day(event["launched_at"], event["launched_at_precision"]) == day


@pytest.mark.parametrize(
    "text, count",
    [
        # a day of the month before its verb is no count
        ("North Korea on the morning of 31 launched a rocket with a military spy satellite.", 1),
        # a year's tally is no count of this launch
        (
            "North Korea fired an intermediate-range ballistic missile over Japan on Tuesday. North Korea has "
            "tested 40 different missiles in the 20 different launch events in 2022.",
            1,
        ),
        # one salvo told in two parts
        (
            "North Korea made its presence felt by firing three short-range projectiles less than an hour before "
            "he arrived and two more a short time later.",
            5,
        ),
        # weapons counted as they are fired
        ("The North on Thursday launched two weapons from its east coast.", 2),
        # an arsenal is no count
        (
            "North Korea fired a ballistic missile on Thursday. It is believed to have 50 nuclear weapons.",
            1,
        ),
    ],
)
def test_count__what_is_and_is_not_a_count(text, count, gazetteer):
    assert extract_events(text, dt.date(2023, 5, 31), gazetteer).events[0]["count"] == count


def test_sources__a_typeset_apostrophe_names_the_source(gazetteer):
    text = (
        "North Korea fired two missiles toward the Sea of Japan late Thursday, South Korea’s Joint Chiefs of Staff "
        "said. Japan’s defense minister said that the two missiles reached an altitude of 100 km and flew about "
        "380 km."
    )
    event = extract_events(text, dt.date(2019, 11, 29), gazetteer).events[0]
    japan = next(s for s in event["sources"] if s["source"] == "Japan MoD")
    assert (japan["distance_km"], japan["apogee_km"]) == (380, 100)


@pytest.mark.parametrize(
    "sentence, seconds",
    [
        (
            "The missiles flew along flight trajectories set over the West Sea of Korea for between 10,116 and "
            "10,138 seconds before hitting island targets.",
            [10138],
        ),
        ("The Pentagon said it traveled about 1,000 miles over a 45-minute period.", [2700]),
        ("The satellite, launched at 9:00am, entered orbit about 10 minutes later.", [600]),
        ("Three missiles were fired in a 30-minute period.", []),  # a period of firing, no flight
    ],
)
def test_flight_times__a_range_with_between_a_period_and_orbit_later(sentence, seconds):
    assert [f.value_km for f in find_flight_times(sentence)] == seconds


def test_figures__a_range_of_altitudes_is_one_apogee_its_upper_figure():
    figures, _ = find_figures(
        "The distances flown ranged from about 110 kilometers to 670 kilometers and their altitudes roughly "
        "25 kilometers to 90 kilometers."
    )
    assert [(f.kind, f.value_km) for f in figures] == [("distance", 670), ("apogee", 90)]
    figures, _ = find_figures("It flew 600 km to 50 km high.")  # two quantities, not a range
    assert [(f.kind, f.value_km) for f in figures] == [("distance", 600), ("apogee", 50)]


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # w1172: the quantities named in turn
        (
            "Also, its flight distance and maximum altitude are presumed approx. 3,700 kilometers and approx. "
            "800 kilometers respectively.",
            [("distance", 3700), ("apogee", 800)],
        ),
        (
            "The maximum altitude and range were 50 kilometers and 350 kilometers, respectively.",
            [("apogee", 50), ("distance", 350)],
        ),
        # one figure for each missile, both distances
        (
            "The missiles flew 900 kilometers and 950 kilometers respectively.",
            [("distance", 900), ("distance", 950)],
        ),
    ],
)
def test_figures__respectively_gives_each_figure_the_quantity_named_in_turn(sentence, kinds):
    figures, _ = find_figures(sentence)
    assert [(f.kind, f.value_km) for f in figures] == kinds


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # w878, w873: an altitude told after its number
        ("According to the JCS, the projectiles reached a 30 km altitude.", [("apogee", 30)]),
        ("Officials stated that both missiles reached a 50 km altitude.", [("apogee", 50)]),
        # w1247: what it could reach
        (
            "Hamada said the missile test-fired by North Korea could potentially travel 14,000 kilometers (8,700 "
            "miles) and reach the US mainland.",
            [],
        ),
        # w927: a place south of another on the map, not a flight
        ("It had initially said they were launched at Sino-ri, some 40 kilometers below Kusong.", []),
    ],
)
def test_figures__an_altitude_after_its_number_a_place_below_another_and_a_potential_reach(sentence, kinds):
    figures, _ = find_figures(sentence)
    assert [(f.kind, f.value_km) for f in figures] == kinds


def test_launch__a_satellite_that_failed_and_a_rocket_launch_spotted(gazetteer):
    text = (
        "North Korea has reportedly failed to send a military spy satellite into orbit for the second time. "
        "South Korea's military spotted a rocket launch from the Sohae Satellite Launching Station at "
        "approximately 3:50 AM local time."
    )
    event = extract_events(text, dt.date(2023, 8, 24), gazetteer).events[0]
    assert (event["system_class"], event["site_id"], event["outcome"]) == ("SLV", "sohae", "failure")


def test_system__a_non_breaking_hyphen_is_a_hyphen(gazetteer):
    text = "The Joint Chiefs of Staff detected a salvo of short\u2011range ballistic missiles launched at 3:50 p.m."
    assert extract_events(text, dt.date(2026, 1, 27), gazetteer).events[0]["system_class"] == "SRBM"


def test_evidence__quotes_the_report_in_its_own_characters(gazetteer):
    text = (
        "North Korea fired two short\u2011range ballistic missiles from the country’s Sohae site, Japan’s defense "
        "ministry said. They flew 380 km."
    )
    evidence = extract_events(text, dt.date(2019, 11, 29), gazetteer).events[0]["evidence"]
    assert evidence and all(
        quote["text"] == text[quote["start"] : quote["end"]] for quote in evidence.values()
    )
    assert any("’" in quote["text"] or "\u2011" in quote["text"] for quote in evidence.values())


@pytest.mark.parametrize(
    "text, days",
    [
        (
            "North Korea test-fired a new long-range cruise missile over the weekend, KCNA reported on Monday. "
            "The test launches, which took place on both Saturday and Sunday, were observed by officials. The "
            "missiles travelled for 7,580 seconds and hit targets 1,500 kilometres away.",
            ["2021-09-11", "2021-09-12"],
        ),
        (
            "KCNA said the Academy of Defense Science successfully test-fired the cruise missiles on September 11 "
            "and 12. The missiles traveled for 7,580 seconds and hit targets 1,500 km away.",
            ["2021-09-11", "2021-09-12"],
        ),
        # one launch on one day: the talks of two days are not launches
        (
            "North Korea fired a cruise missile on Sunday. Officials met on Monday and Tuesday.",
            ["2021-09-12"],
        ),
    ],
)
def test_events__tests_told_on_two_days_are_one_event_each(text, days, gazetteer):
    events = extract_events(text, dt.date(2021, 9, 14), gazetteer).events
    assert [korea_day(e["launched_at"], "day") for e in events] == days
    if len(days) == 2:
        assert events[0]["flight_time_s"] == events[1]["flight_time_s"] == 7580
        assert events[0]["distance_km"] == events[1]["distance_km"] == 1500


def test_attribution__a_named_system_goes_on_about_the_recalled_launch(gazetteer):
    text = (
        "North Korea fired a medium-range ballistic missile from Pukchang on Sunday, flying about 350 miles. "
        "The May 14 launch was believed to be an intermediate-range ballistic missile from Kusong. "
        "The Hwasong-12 missile traveled around more than 435 miles for half an hour before splashing down."
    )
    event = extract_events(text, dt.date(2017, 5, 21), gazetteer).events[0]
    assert (event["system_class"], event["flight_time_s"]) == ("MRBM", None)
    assert [f.value_km for f in find_flight_times("The missile flew for half an hour.")] == [1800]


def test_dates__reported_by_state_media_on_a_day_is_a_statement():
    (found,) = find_dates(
        "This development, reported by state media on Monday, comes", dt.date(2026, 1, 5), statements=True
    )
    assert found.statement


def test_site__a_place_named_beats_the_capital_area(gazetteer):
    text = (
        "North Korea fired a missile on Sunday from an area near its capital, Pyongyang. The JCS said the "
        "missile was fired from an area around Pukchang."
    )
    assert extract_events(text, dt.date(2017, 5, 21), gazetteer).events[0]["site_id"] == "sunchon"
    assert extract_events(text.split(" The JCS")[0], dt.date(2017, 5, 21), gazetteer).events[0][
        "site_id"
    ] == ("pyongyang")


@pytest.mark.parametrize(
    ("where", "site_id"),
    [
        ("Pyongyang airport", "sunan"),
        ("Wonsan airfield", "wonsan"),
        ("Pukchang airfield", "sunchon"),
        ("North Korea's main international airport", "sunan"),
        ("somewhere near Pyongyang's main airport", "sunan"),  # w1501
        ("Pyongyang International Airfield", "sunan"),  # w1550
    ],
)
def test_site__an_airport_is_read_with_its_town(where, site_id, gazetteer):
    text = f"North Korea fired a missile on Sunday from {where}, the JCS said."
    assert extract_events(text, dt.date(2023, 2, 19), gazetteer).events[0]["site_id"] == site_id


def test_class__satellite_imagery_is_how_a_launch_was_seen_not_a_satellite_launch(gazetteer):
    text = (  # w1520
        "North Korea fired two missiles on Monday from a site close to the South. Satellite imagery and photos "
        "released by state media show the missiles were fired near the DMZ."
    )
    assert extract_events(text, dt.date(2014, 7, 15), gazetteer).events[0]["system_class"] == "unknown"
    satellite = "North Korea launched a satellite on Monday."
    assert extract_events(satellite, dt.date(2014, 7, 15), gazetteer).events[0]["system_class"] == "SLV"


@pytest.mark.parametrize(
    "denial",
    [
        "Seoul says it is unlikely they were long-range intercontinental missiles.",
        "The missile was not an intercontinental ballistic missile (ICBM), officials said.",
    ],
)
def test_class__a_class_denied_is_not_the_launch_class(denial, gazetteer):
    text = f"North Korea fired four missiles on Monday, flying 1,000 km. {denial}"
    event = extract_events(text, dt.date(2017, 3, 6), gazetteer).events[0]
    assert event["system_class"] == "unknown"


def test_class__a_class_told_of_recent_months_is_not_this_launch(gazetteer):
    text = (
        "North Korea fired an intermediate-range ballistic missile on Sunday. It was launched from Jagang, from "
        "where North Korea has launched what it claims to be hypersonic missiles in recent months."
    )
    assert extract_events(text, dt.date(2022, 1, 30), gazetteer).events[0]["system_class"] == "IRBM"


@pytest.mark.parametrize(
    "words",
    [
        "two large-caliber multiple rocket launchers",
        "new-type large-calibre guided rockets",
        "tactical guided missiles",
    ],
)
def test_class__kcna_drill_weapons_are_short_range(words, gazetteer):
    text = f"North Korea test-fired {words} on Wednesday, KCNA said. They flew 250 km."
    assert extract_events(text, dt.date(2019, 8, 1), gazetteer).events[0]["system_class"] == "SRBM"
