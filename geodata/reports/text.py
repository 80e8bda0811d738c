"""Report text: input checks, sentences with offsets, and which sentences belong to which launch.

A sentence is a *launch sentence* when a launch verb ("fired", "launched", "test-fired")
that is not negated or merely possible ("has not fired", "could launch") meets a missile
word. A report holds one event per run of sentences; a new event starts at a launch
sentence that marks another launch ("also", "separately", "later") and names another
system/class or another day. Bare "launch" is not a verb here: it is either the noun
("the launch came") or an intention ("to launch"); "attempted to launch" is a launch tried.

>>> [s.is_launch for s in split_sentences("North Korea fired a missile. It may launch more.")]
[True, False]
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from geodata.errors import InvalidFile
from geodata.reports.dates import DATE_RE, find_dates
from geodata.reports.lexicon import CLASSES, HWASONG, MONTH_NAMES, SYSTEMS, compile_table

_CLASSES = compile_table(CLASSES)
# A report naming more launches than this is a round-up or a list, not a wire report of one day.
MAX_EVENTS = 12
_SYSTEMS = compile_table(SYSTEMS)

# A wire report is a few kB; 200 kB is a long feature. Larger input is a wrong file.
MAX_INPUT_CHARS = 200_000
# Bare "launch" is left out: it is either the noun ("the launch came") or an intention ("to launch").
_LAUNCH_VERB = re.compile(
    r"\b(launch(?:ed|es|ing(?!\s+(?:station|ground|site|pad|facility|base|complex|vehicle)))|fired|fires|firing|test-fired|test-fires|test-launched|lobbed|shot"
    # "said it flight-tested a new solid-fuel intermediate-range missile"
    r"|flight-tested|test-flew"
    # "the satellite blasted off from the west coast space launch center"
    r"|blasted off|lifted off"
    # "attempted to launch a Musudan", "an attempt by North Korea to launch": a launch that was tried (and failed)
    # ("The attempt made this week to launch a new satellite-carrying rocket failed")
    r"|attempt(?:ed|s)?(?:\s+by(?:\s+\w+){1,3}?|\s+made(?:\s+\w+){0,2}?)?\s+to\s+(?:test-)?(?:launch|fire))\b",
    re.I,
)
# "North Korea successfully tested a new tactical ballistic missile", "the test of the Hwasongpho-11 missile":
# read as launches only where a report has no plainer launch word (mark_tests_as_launches)
# "Kim observed a hypersonic missile test launch": the noun names its missile, and a witness says it happened
# ("Submarine Attempts Missile Test Launch" told of one that turned back)
_TEST_VERB = re.compile(
    # ("two test shots of North Korea's Musudan ... failed", "the test involved ... an intermediate-range ballistic
    # missile", "has blasted multiple ballistic missiles into the sky", "the satellite burst into flames mid-flight
    # ... after taking off": read only when no plainer launch word is found)
    r"\b(?:test shots?\s+of|test involved|blasted|(?:took|taking|lifted|lifting)\s+off)\b|"
    # "conducted a simulated 'tactical nuclear attack' drill on Saturday that included two long-range cruise missiles"
    r"\b(?:drill|exercise)\b[^.;]{0,60}?\b(?:included|involved|involving)\s+(?:the\s+(?:firing|launch)\s+of\s+)?"
    r"(?:two|three|four|five|six|\d+|several|multiple)\s+(?:[\w-]+\s+){0,3}?(?:missiles|rockets)\b|"
    r"\b(?:tested|test(?:[- ]?fire)?\s+of|(?:observed|oversaw|supervised|watched|guided|conducted|carried out)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:missiles?|rockets?)\s+test(?:[- ]?(?:launch(?:es)?|fir(?:e|ing)))?)\b",
    re.I,
)
_MISSILE_NOUN = re.compile(
    # "a new-type tactical guided weapon": KCNA's word for a missile
    # ("at their Sohae satellite launch site": a place's name, no satellite)
    r"\b(missiles?|rockets?|projectiles?|ICBMs?|SRBMs?|IRBMs?|SLBMs?|"
    r"satellite(?!\s+launch\s+(?:site|pad))|launch vehicle|" + HWASONG + r"|KN-?\d+|"
    r"guided weapons?|"
    # "The North on Thursday launched two weapons from its east coast": weapons counted as they are fired
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+weapons)\b"
    # ("a ground test of a new rocket engine" tests a part, not a missile)
    r"(?!\s+(?:engines?|motors?)\b)",
    re.I,
)
# "did not fire", "It didn't appear to be a test of ... a long-range missile": up to four words between
_NEGATED = re.compile(r"(?:\b(?:not|no|never|without)|n't)\W+(?:\w+\W+){0,4}$", re.I)
# "could fire" is not a launch; "may have fired" is a suspected one ("on Sunday, 21 may, launched" is a date).
_MODAL = re.compile(r"\b(?:could|(?<!\d )may|might|would|will|shall|can)\W+(?:\w+\W+){0,2}$", re.I)
_PERFECT = re.compile(r"\bhave\s+(?:been\s+)?$", re.I)
# "make preparations for launching the satellite as soon as possible", "its plans to launch a satellite rocket":
# a launch to come
_PLANNED = re.compile(
    r"\b(?:preparations?\s+for|plans?\s+to|planning\s+to|prepar(?:es|ed|ing)\s+to|ready\s+to)\s+$", re.I
)
_NEXT_EVENT = re.compile(
    # ("South Korea's military also told the Associated Press that it detected two launches": another source on it)
    r"\b(also(?! known as| called)(?!\s+(?:told|said|says|reported|confirmed|stated|noted|added)\b)|separately|later|"
    # ("..., Yonhap said in another update": another word on the same launch)
    r"another(?!\s+(?:update|report|statement|dispatch|briefing))|additional|second|in a separate|hours after|"
    r"followed)\b",
    re.I,
)
# "The launch came a day after ...", "coming days after": told against an earlier launch
CAME_AFTER = r"(?:comes?|came|coming)\s+(?:\w+\s+)?(?:days?\s+)?after\b"
# "Earlier in April", "earlier this month": an earlier launch recalled by when it was
EARLIER_IN = rf"earlier (?:in|this) (?:{MONTH_NAMES}|week|month|year)\b"
# "its tests on hypersonic missiles, fired for the first time in January and then for the second in April": the
# tests before this one, by their months
FIRST_TIME_IN = rf"\bfor the (?:first|second|third) time in (?:{MONTH_NAMES})\b"
# Another day within the window is another launch only when told apart from the first: "also", "another" (as
# _NEXT_EVENT), "The launch comes after ... detected ... on Sunday evening", "On Saturday, the North fired 30
# rockets". Without such words it is the same launch dated another way ("The Philippines on Tuesday condemned ...
# Pyongyang launched two missiles on Monday"); a second draft costs the editor a rejection, a merge loses a launch
_TOLD_APART = re.compile(rf"^\W*On \w+day\b|\b{CAME_AFTER}", re.I)
# "The launches came after ...", "Earlier in April, North Korea also test-launched ...": an earlier launch recalled
# ... and "It had also test-fired a new long-range cruise missile in September": told in the past perfect by its month
_RECALLED = re.compile(
    # ("In the previous launch, North Korea fired off three KN-01 anti-ship cruise missiles ..., also from Wonsan")
    rf"\b{CAME_AFTER}|^\W*{EARLIER_IN}|{FIRST_TIME_IN}|\b(?:in|during) (?:the|its) (?:previous|last|prior) "
    r"(?:launch|test|firing)\b|"
    rf"\bhad\s+(?:also\s+)?(?:[\w-]+\s+)?(?:fired|launched|test-fired|test-launched|tested)\b[^.]*\bin (?:{MONTH_NAMES})\b",
    re.I,
)
_SEPARATE = re.compile(r"\b(?:separately|in a separate)\b", re.I)
# "the missile was launched from near Pyongyang": the launch already reported, told again
_SAME_LAUNCH = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:missile|projectile|rocket)\s+(?:was|had been|"
    # "The missile is thought by authorities to have launched at 7:22 a.m."
    r"is (?:thought|believed|said|estimated)\s+(?:by \w+\s+)?to have(?: been)?)\s+(?:launched|fired)\b",
    re.I,
)
# A launch told only as a noun: "detected the North's launch of two projectiles", "detected a failed North
# Korean missile launch attempt"; like a flight verb it reports a launch but never starts another event
# ("a failed missile launch", "a successful ballistic missile test of a medium range ballistic missile")
_LAUNCH_NOUN = re.compile(
    # "said it conducted on Tuesday a strategic cruise missile test", "carried out a ballistic missile launch"
    r"\b(?:conducted|carried out|staged)\s+(?:\w+\s+){0,2}?(?:an?|its|the)\s+(?:[\w-]+\s+){0,3}?(?:missile|rocket)\s+"
    r"(?:test|launch|firing)\b(?!\s+(?:site|pad|facilit))|"
    # ("personally oversaw test-flights of hypersonic missiles")
    r"\b(?:launch|firing|test-firing|test-launch|testing|flight test|test-flights?)\s+of\b|\b(?:missile|rocket)\s+launch\s+attempts?\b|"
    # ("Successful Test at Satellite Launch Site": a place, not a launch)
    r"\b(?:failed|(?:un)?successful|attempted)\s+(?:[\w-]+\s+){0,3}?(?:missile|rocket|satellite)\s+launch\b"
    r"(?!\s+(?:site|pad|facilit|station|ground|cent))|"
    r"\bmissile\s+test\s+of\b|"
    # "the cruise missiles ... demonstrated an ability to hit targets 1,500 kilometers away during flight tests on
    # Saturday and Sunday"
    r"\b(?:during|in)\s+(?:(?:the|its|their)\s+)?flight\s+tests?\b|"
    # "South Korea's military spotted a rocket launch from the Sohae Satellite Launching Station"
    r"\b(?:spotted|detected|tracked|observed)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:missile|rocket)\s+launch\b|"
    # "We are aware of the North Korean ballistic missile launch this morning", "condemned North Korea for a
    # suspected ballistic missile launch"
    r"\b(?:aware of|condemned\s+(?:[\w-]+\s+){1,3}?for)\s+(?:an?|the|North Korea'?s?|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:missile|rocket)\s+"
    r"launch\b|"
    # "a solid-fuel intermediate-range ballistic missile with a hypersonic guided warhead was successfully tested"
    # (not "the missile's engine was tested")
    r"\b(?:missiles?|rockets?)\b(?:\s+(?!engines?\b|motors?\b)[\w-]+){0,5}?\s+(?:was|were)\s+(?:successfully\s+)?"
    r"(?:test-fired|test-launched|tested)\b|"
    # "A ballistic missile launch was detected from North Korea on Friday, the Pentagon said"
    r"\b(?:missile|rocket)\s+launch(?:es)?\s+(?:was|were|has been|had been)\s+(?:detected|spotted|tracked|observed)\b|"
    # "has failed to send a military spy satellite into orbit", "a second failed attempt by North Korea to place a
    # spy satellite into orbit": a satellite launch that was tried ("attempted to put a military spy satellite into
    # orbit but failed", "acknowledged ... its failure to launch a military reconnaissance satellite")
    # "A North Korean missile 'blew up almost immediately' on its test launch", "the DPRK test missile launch"
    r"\b(?:missiles?|rockets?)\W+(?:[\w'\"“”-]+\W+){0,3}?(?:blew|blows) up\b[^.;]{0,30}?\bon\s+(?:its\s+)?(?:test\s+)?"
    r"launch\b|\btest\s+missile\s+launch\b|"
    # "A North Korean rocket carrying its second spy satellite exploded midair on Monday": a launch that failed
    r"\b(?:missiles?|rockets?)\b(?:\s+(?!engines?\b|motors?\b)[\w-]+){0,5}?\s+(?:exploded|blew up)\b|"
    r"\b(?:failed\s+(?:again\s+)?|attempt(?:s|ed)?\s+(?:by\s+(?:[\w-]+\s+){1,3}?)?)to\s+(?:send|put|place)\s+(?:an?|its)\s+"
    r"(?:[\w-]+\s+){0,3}?satellite\s+(?:in|into)\s+orbit\b|"
    r"\bfailure\s+to\s+launch\s+(?:an?|its)\s+(?:[\w-]+\s+){0,3}?satellite\b",
    re.I,
)
# "a day after firing multiple missiles", "days after it launched two others": the verb is the earlier
# launch's, named as background (see wire/README.md, the "after" convention)
# "Blaring sirens alarmed people in Japan after North Korea fired a ballistic missile", "Japan sounds warning siren
# after North Korea fires missile": the alarm answers the launch, which is the news, not background
# ("presided over the meeting shortly after North Korea fired a ballistic missile": the security meeting it called)
A_RESPONSE_BEFORE = re.compile(
    # ("The National Security Council will meet Friday after North Korea fired")
    r"\b(?:sirens?|alerts?|alarms?|evacuation (?:orders?|warnings?)|(?:the|security|emergency|NSC) meetings?|"
    r"(?:will|to) meet|convened)\b"
    r"[^;]*$",
    re.I,
)
_AFTER_CLAUSE = re.compile(r"\bafter\s+(?:(?:it|the North|North Korea|Pyongyang)\s+)?(?:had\s+)?$", re.I)
_AFTER_NOUN = re.compile(
    r"\bafter\s+(?:(?:its|the|their|an?|North Korea'?s?|the North'?s|Pyongyang'?s)\s+)?(?:[\w-]+\s+)?$", re.I
)
# A flight verb after its missile ("The suspected ICBM flew to an altitude of 6,000 km") reports a launch too.
_FLIGHT_VERB = re.compile(r"\b(?:flew|flown|traveled|travelled|splashed down|splashing down)\b", re.I)
# Where a verb's clause ends: the missile must be in the same clause as "fired"
# ("fired artillery into the sea, days after the North's latest missile launch" is not a missile launch).
# "what South Korea described as two missiles" goes on: the missile is what was launched
_CLAUSE_END = re.compile(
    r"[,;()]|:\s|\s(?:days?|weeks?|hours?|after|since|while|(?<!described\s)(?<!called\s)(?<!identified\s)(?<!assessed\s)as|"
    r"but|which)\s",
    re.I,
)
# Another launch within this many days of the first is news of the same report (a round-up);
# an older one is background ("the launch came 27 days after...").
NEWS_WINDOW_DAYS = 2
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:U\.S|U\.N|Nov|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Mr|Mrs|Ms|Dr|Gen|Lt|Col|No|St|[ap]\.m|approx)\.)$|\b[A-Z]\.$"
)


# A line break inside a sentence: the next line starts with a lower-case word, or the line ends on a word
# that cannot end one ("... off the east of the Korean peninsula on\nSunday, South Korea's Yonhap ...")
_LINE_WRAP = re.compile(
    r"(?<=[\w,;-])(?P<wrap>[ \t]*\n)(?=[ \t]*[a-z(])|"
    r"(?P<word>\s(?:on|of|the|a|an|to|in|and|at|by|from|with|for|into|near|off|its))(?P<wrap2>[ \t]*\n)(?=[ \t]*\w)"
)


# Hard-wrapped lines are at most about 80 characters; a longer line is a paragraph, and one that stops on "in"
# ("... since Trump won the presidential election in\nThe missile flew around 500 kilometers") was cut short
_WRAPPED_LINE_MAX_CHARS = 100


def _unwrapped(match: re.Match[str]) -> str:
    """A line break that goes on as a space, or (a paragraph cut short on a word such as "in") stays a break."""
    if match.group("wrap2"):
        line_start = match.string.rfind("\n", 0, match.start()) + 1
        if match.start() - line_start > _WRAPPED_LINE_MAX_CHARS:
            return match.group(0)
    return (match.group("word") or "") + " " * len(match.group("wrap") or match.group("wrap2"))


@dataclass
class Sentence:
    text: str
    start: int
    is_launch: bool = False
    # said with a launch verb ("fired"), not only a flight verb ("flew"): only these start another event
    launch_verb: bool = False
    # a photo's caption ("A photo released by KCNA shows ..."): it shows a launch, often a file one, and tells none
    is_caption: bool = False
    # the second salvo of a sentence that tells two on two days (_two_salvos): another launch by its telling
    another_salvo: bool = False


def check_text(text: str | bytes) -> str:
    """Return ``text`` as str, or raise :class:`InvalidFile` for empty, binary or oversized input."""
    if isinstance(text, bytes | bytearray):
        if b"\x00" in text[:8192]:
            raise InvalidFile(
                f"expected report text, got binary data ({len(text)} bytes containing NUL bytes)"
            )
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidFile(
                f"expected UTF-8 report text, got undecodable bytes at position {error.start}"
            ) from None
    if not isinstance(text, str):
        raise InvalidFile(f"expected report text (str), got {text!r:.40} ({type(text).__name__})")
    if len(text) > MAX_INPUT_CHARS:
        raise InvalidFile(
            f"expected a news report of at most {MAX_INPUT_CHARS:,} characters, got {len(text):,} "
            "characters; paste the article itself, not a whole page or archive"
        )
    if not text.strip():
        raise InvalidFile(f"expected report text, got an empty text ({len(text)} characters, all blank)")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t")
    if "\x00" in text or controls > 0.01 * len(text):
        raise InvalidFile(
            f"expected report text, got binary-looking data ({controls} control characters in {len(text)})"
        )
    return text


# Short function words of English that French, Spanish, German... do not share.
_ENGLISH_WORDS = frozenset(
    {
        "the",
        "of",
        "and",
        "to",
        "in",
        "on",
        "said",
        "was",
        "from",
        "it",
        "its",
        "that",
        "with",
        "by",
        "at",
        "for",
        "is",
        "were",
        "has",
        "had",
        "after",
        "about",
    }
)


def looks_english(text: str) -> bool:
    """True when most letters are Latin and common English function words make up a fair share of the words."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if ch.isascii())
    words = re.findall(r"[^\W\d_]+", text.lower())
    common = sum(1 for w in words if w in _ENGLISH_WORDS)
    return latin / len(letters) > 0.8 and common >= max(1, 0.06 * len(words))


# "A photo released by ... KCNA shows the test-firing of a Hwasong-18 ... April 13.", "A TV screen shows a file image
# of a North Korea missile launch during a news program ..."
_CAPTION = re.compile(
    r"^\W*(?:(?:A|An|This|In this|The)\s+)?(?:undated\s+)?(?:file\s+)?(?:photo|image|picture|TV screen|television)\b"
    r"[^.]{0,120}?\b(?:shows?|showing|released|taken|provided|distributed)\b",
    re.I,
)
# "Kim Jong Un guides the underwater test-fire of ... in this undated photo released by KCNA": a caption too
# ("A missile is seen launched ..., in an image supplied by North Korea's KCNA on September 16": the picture's day,
# not the launch's)
_IN_THIS_PHOTO = re.compile(
    r"\bin this (?:undated |file |handout )*(?:photo|image|picture)\b|"
    r"\bin an? (?:photo|image|picture) (?:supplied|released|provided|distributed)\b",
    re.I,
)


# "Kim Jong Un supervising ... the Pukguksong-2, according to state media in May. North Korea launched multiple
# missiles early Thursday. File Photo by KCNA/EPA": a line that ends on a file photo's credit is its caption
_FILE_PHOTO_CREDIT = re.compile(r"\bFile (?:photo|picture|image)\b[^.\n]{0,60}$", re.I | re.M)


# "North Korea fired two long-range cruise missiles on Jan. 25 and two tactical guided missiles on Jan. 27": two
# launches in one sentence, each with its own weapons and day; the second is told from "two tactical ..." on
_AND_ANOTHER_SALVO_ON = re.compile(
    r"\b(?:fired|launched|test-fired|test-launched)\s+(?:[\w-]+\s+){1,6}?(?:missiles?|rockets?|projectiles?)\s+on\s+"
    r"(?P<first>[^,;]{3,20}?)\s+and\s+"
    r"(?P<second>(?:two|three|four|five|six|\d{1,2}|an?)\s+(?:[\w-]+\s+){0,4}?(?:missiles?|rockets?|projectiles?)"
    r"\s+on\s+(?P<day>[A-Z][a-z]+\.?\s+\d{1,2}\b|\w+day\b))",
    re.I,
)


def _two_salvos(sentence: Sentence) -> list[Sentence]:
    """``sentence``, or its two launches told apart when it tells two salvos on two days (``_AND_ANOTHER_SALVO_ON``)."""
    match = _AND_ANOTHER_SALVO_ON.search(sentence.text)
    if match is None or not all(DATE_RE.fullmatch(match.group(name)) for name in ("first", "day")):
        return [sentence]
    cut = match.start("second")
    return [
        Sentence(sentence.text[:cut], sentence.start),
        Sentence(sentence.text[cut:], sentence.start + cut, launch_verb=True, another_salvo=True),
    ]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; abbreviations such as 'U.S.' and 'Nov.' do not end one."""
    sentences, start = [], 0
    # Hard-wrapped copy ("fired 10 short-range\nmissiles into the sea"): a line that breaks before a
    # lower-case word goes on, so the break is a space; offsets stay those of the input
    text = _LINE_WRAP.sub(_unwrapped, text)
    # KBS copy glues sentences: "on Sunday.A JCS official", "(IRBM).Japan's", "the JCS.The launch";
    # two letters before the stop keep "U.S.Army"-style abbreviations whole
    for match in re.finditer(
        r"[.!?][\"”’)]?\s+(?=[\"“(A-Z0-9])|(?<=[A-Za-z)\"”]{2})\.(?=[A-Z][a-z’']|A\s)|\n\s*", text
    ):
        if (
            match.group(0).startswith((".", "!", "?"))
            # "... standoff with the U.S.\n“North Korea launched ...": a line break after an abbreviation still ends
            and "\n" not in match.group(0)
            and _ABBREVIATIONS.search(text[max(0, match.start() - 6) : match.start() + 1])
        ):
            continue
        if text[start : match.end()].strip():
            sentences.append(Sentence(text[start : match.end()], start))
        start = match.end()
    if text[start:].strip():
        sentences.append(Sentence(text[start:], start))
    sentences = [part for sentence in sentences for part in _two_salvos(sentence)]
    file_photo_lines = [
        (text.rfind("\n", 0, m.start()) + 1, m.end()) for m in _FILE_PHOTO_CREDIT.finditer(text)
    ]
    for sentence in sentences:
        sentence.is_caption = bool(
            _CAPTION.match(sentence.text)
            or _IN_THIS_PHOTO.search(sentence.text)
            or any(start <= sentence.start < end for start, end in file_photo_lines)
        )
        if sentence.is_caption:
            continue
        # (the second salvo of _two_salvos keeps the verb it shares with the first)
        sentence.launch_verb = sentence.launch_verb or _is_launch(sentence.text, flight_verbs=False)
        sentence.is_launch = sentence.launch_verb or _is_launch(sentence.text)
    return sentences


def _clause_after(sentence: str, end: int) -> str:
    rest = sentence[end : end + 120]
    cut = _CLAUSE_END.search(rest, 8)  # a few words in: "fired, from Sunan, two missiles" is rare
    return rest[: cut.start()] if cut else rest


def _clause_before(sentence: str, start: int) -> str:
    head = sentence[max(0, start - 120) : start]
    cuts = list(re.finditer(r";|:\s|\b(?:after|since|while|but)\b", head, re.I))
    return head[cuts[-1].end() :] if cuts else head


_LAUNCHES_AS_A_KIND_BEFORE = re.compile(r"\b(?:for|of)\s+(?:space\s+|satellite\s+|rocket\s+)?$", re.I)
# A sentence about weapons on show: "The North also showed off various other ballistic missiles including ..."
_ON_SHOW = re.compile(
    r"\b(?:showed off|show(?:s|ed|ing)? off|displayed|unveiled|paraded|on display|exhibited)\b", re.I
)


def _is_launch(sentence: str, flight_verbs: bool = True, test_verbs: bool = False) -> bool:
    """A launch (or flight) verb, not negated or merely possible, with a missile word in its own clause.

    With ``test_verbs``, "tested"/"a missile test launch" stand for the launch verbs: they name bombs and
    engines too, so a missile must follow them (or be named in the verb itself).
    """
    launch_verbs = _TEST_VERB if test_verbs else _LAUNCH_VERB
    verbs = [(m, True) for m in launch_verbs.finditer(sentence)] + [
        (m, False)
        for pattern in ((_FLIGHT_VERB, _LAUNCH_NOUN) if flight_verbs else ())
        for m in pattern.finditer(sentence)
    ]
    for verb, launch_verb in verbs:
        before = sentence[: verb.start()]
        if before.endswith("-") and not before.lower().endswith("test-") and _ON_SHOW.search(sentence):
            continue  # "showed off ... a submarine-launched ballistic missile": a kind of missile on display
        if verb.group(0).lower() == "launches" and _LAUNCHES_AS_A_KIND_BEFORE.search(before):
            continue  # "notifications are commonplace for space launches or missile tests": launches in general
        if (
            _NEGATED.search(before)
            or (_MODAL.search(before) and not _PERFECT.search(before))
            or _PLANNED.search(before)
        ):
            continue
        if re.search(r"\bbeing\s+$", before, re.I) and (
            re.search(r"\b(?:image|photo|picture|footage|video|shows?|showing)\b[^.]*$", before, re.I)
            or not re.search(r"\b(?:missiles?|rockets?|projectiles?)\s+being\s+$", before, re.I)
        ):
            # "an image of one of the missiles being launched" is a picture, "harder to detect before being
            # launched" a trait; "spotted the missile being launched southward" reports the launch
            continue
        # "after the launch of", "after the firing of": a noun, whichever word names it
        noun = verb.group(0).lower().endswith(" of") or bool(re.match(r"\s+of\b", sentence[verb.end() :]))
        after = _AFTER_NOUN if noun else _AFTER_CLAUSE
        if (
            after.search(before)
            and not re.match(r"\s*another\b", sentence[verb.end() :])
            and not A_RESPONSE_BEFORE.search(before, max(0, len(before) - 100))
        ):
            continue  # "hours after launching another short-range missile" is told as news of its own
        if (not launch_verb or test_verbs) and _MISSILE_NOUN.search(verb.group(0)):
            return True  # "a missile launch attempt", "a missile test launch" names its missile itself
        after_noun = _MISSILE_NOUN.search(_clause_after(sentence, verb.end()))
        before_noun = _MISSILE_NOUN.search(_clause_before(sentence, verb.start()))
        word = verb.group(0).lower()
        if launch_verb and ((word.endswith(("es", "ing")) and word != "fires") or test_verbs):
            # "launches"/"firing" are nouns as often as verbs ("projectile launches"), and "tested" names bombs
            # and engines too: need a missile as object
            before_noun = None
        if after_noun if not launch_verb else (after_noun or before_noun):
            return True
        if not launch_verb and before_noun:
            return True
    return False


def mark_tests_as_launches(sentences: list[Sentence]) -> bool:
    """Read "tested a missile" as a launch in sentences that are not captions; whether any sentence was.

    For a report with no plainer launch word only: "tested" names a missile launch in most copy but a
    warhead, an engine or a bomb in some, and beside "fired" it splits one launch into two.
    """
    marked = False
    for sentence in sentences:
        if not sentence.is_caption and _is_launch(sentence.text, flight_verbs=False, test_verbs=True):
            sentence.is_launch = sentence.launch_verb = marked = True
    return marked


def span(match: re.Match, offset: int, group: int | str = 0) -> dict:
    return {
        "text": match.group(group),
        "start": offset + match.start(group),
        "end": offset + match.end(group),
    }


def launch_sentences_first(sentences: list[Sentence]) -> list[Sentence]:
    """``sentences`` with the launch sentences first, each part in text order: the order fields are read in."""
    return [s for s in sentences if s.is_launch] + [s for s in sentences if not s.is_launch]


def first_match(
    table: Iterable[tuple[Any, ...]], sentences: list[Sentence], launch_first: bool = True
) -> tuple[tuple[Any, ...], re.Match[str], int] | None:
    """First row of ``table`` matching, preferring launch sentences: (row, match, offset)."""
    ordered = launch_sentences_first(sentences) if launch_first else sentences
    for sentence in ordered:
        best = None
        for row in table:
            match = row[0].search(sentence.text)
            if match and (best is None or match.start() < best[1].start()):
                best = (row, match, sentence.start)
        if best:
            return best
    return None


def _launch_days(sentence: Sentence, published: dt.date | None) -> set[dt.date]:
    """Days a launch sentence names; with a calendar date, relative words ("the previous night") are its own."""
    # every day named, old ones too: "launched ... on January 14" in a report of 2 April is long before
    found = find_dates(sentence.text, published, window=False)
    explicit = [d for d in found if (m := DATE_RE.fullmatch(d.text)) and m.group("full")]
    # '"North Korea fired one missile ... this morning," the ministry said' in copy of two days later: a quote's
    # "this morning" is the speaker's, not the copy's
    found = [d for d in found if not quoted_relative_day(d, sentence.text)]
    return {d.value for d in explicit or found}


def quoted_relative_day(found: Any, text: str, offset: int = 0) -> bool:
    """Whether ``found`` (a date of :func:`find_dates` in ``text``, offsets from ``offset``) is a relative day
    ("this morning", "yesterday") inside a quotation: relative to when the speaker spoke, not to the copy."""
    match = DATE_RE.fullmatch(found.text)
    if not (match and match.group("relative")):
        return False
    before = text[: found.start - offset]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


# "It also launched an intermediate-range missile in June", "the February launch of a satellite": a month with no
# day
_IN_A_MONTH = re.compile(
    # (case kept: "in may" is no month)
    rf"\b[Ii]n\s+(?:early\s+|mid-?|late\s+)?({MONTH_NAMES})\b(?!\s+\d)|\b[Tt]he\s+({MONTH_NAMES})\s+(?:launch|test)\b"
)


def _in_another_month(sentence: str, published: dt.date | None) -> bool:
    """Whether ``sentence`` dates its launch by a month other than the copy's ("also launched ... in June" in
    September's copy): a launch of another month, recalled."""
    if published is None:
        return False
    months = {match.group(1) or match.group(2) for match in _IN_A_MONTH.finditer(sentence)}
    return bool(months) and calendar.month_name[published.month] not in months


def recalled_only(sentences: list[Sentence], published: dt.date | None) -> bool:
    """Whether every launch the report tells is dated only by another month than the copy's: an item about something
    else (an engine test, a speech) that recalls this year's launches."""

    def recalled(sentence: Sentence) -> bool:
        return not _launch_days(sentence, published) and _in_another_month(sentence.text, published)

    launches = [s for s in sentences if s.is_launch]
    if not launches or not all(recalled(s) for s in launches):
        return False
    # ("North Korea tested its latest Hwasong-18 ... on Wednesday": a test told as tested is news too; read only
    # here, in the rare report whose launches are all recalled)
    return all(
        recalled(s)
        for s in sentences
        if not s.is_caption and _is_launch(s.text, flight_verbs=False, test_verbs=True)
    )


def _near(days: set[dt.date], others: set[dt.date]) -> bool:
    return any(abs((a - b).days) <= NEWS_WINDOW_DAYS for a in days for b in others)


def group_events(sentences: list[Sentence], published: dt.date | None = None) -> list[list[Sentence]]:
    """Split the report into one run of sentences per launch event (at most :data:`MAX_EVENTS`).

    A launch sentence starts a new event when it names another day within
    :data:`NEWS_WINDOW_DAYS` of the current one ("...detected a missile launched on Sunday
    evening"), or marks another launch ("also", "later", "an additional") of another kind.
    Launches further back are background and stay in the current run.
    """
    groups: list[list[Sentence]] = []
    current_kind: tuple[str | None, str] | None = None
    current_days: set[dt.date] = set()  # days named by the current event's launch sentences
    seen_days: list[set[dt.date]] = []
    told_days: set[dt.date] = set()  # the one day the current event's launch sentences that name one day name
    for sentence in sentences:
        kind = _kind(sentence.text)
        days = _launch_days(sentence, published) if sentence.is_launch else set()
        other_day = bool(
            days and current_days and not days & current_days and _near(days, current_days)
        ) and not any(days <= seen for seen in seen_days)
        # "fired 46 rockets on Saturday and Sunday. ... fired 30 rockets on Saturday. It also fired 16 rockets on
        # Sunday": after a round-up of two days, each day told on its own is its own launch
        other_day = other_day or bool(
            len(days) == 1 and told_days and not days & told_days and _near(days, told_days)
        )
        # "had launched an ICBM on December 18" in a report of January 14: background, not news,
        # unless told as a launch of its own ("the North separately fired two cruise missiles on Sunday")
        long_before = bool(
            (days and current_days and not _near(days, current_days))
            or (not days and _in_another_month(sentence.text, published))
        ) and not _SEPARATE.search(sentence.text)
        # "fired two ballistic missiles on Wednesday, followed by multiple cruise missile launches on
        # Saturday" in a report of Monday's launch: a recap of the week, each launch reported on its day
        recap = len(days) >= 2 and bool(current_days) and max(days) < min(current_days)
        starts = sentence.is_launch and (
            not groups
            or (
                len(groups) < MAX_EVENTS
                and sentence.launch_verb
                and not long_before
                and not recap
                and not _SAME_LAUNCH.search(sentence.text)
                and (
                    (
                        other_day
                        and bool(
                            _NEXT_EVENT.search(sentence.text)
                            or _TOLD_APART.search(sentence.text)
                            or sentence.another_salvo
                        )
                    )
                    or (
                        bool(_NEXT_EVENT.search(sentence.text))
                        # "The launches came after ... a test, two weeks ago, of a submarine-launched missile which
                        # also ...": an earlier launch recalled is background
                        # ("The launch came after the North separately fired two cruise missiles" is its own item)
                        and (not _RECALLED.search(sentence.text) or bool(_SEPARATE.search(sentence.text)))
                        # on the same day only another kind tells launches apart: a salvo is told in volleys
                        # by their clock times ("at 9:30, 9:40 and 9:55 a.m. ... two more in the afternoon")
                        and _other_kind(kind, current_kind)
                    )
                )
            )
        )
        told_of = (
            _salvo_of_kind(groups[:-1], kind, current_kind)
            if groups and groups[-1][0].another_salvo and not sentence.launch_verb
            else None
        )
        if starts:
            groups.append([sentence])
            current_kind, current_days = kind, set(days)
            seen_days.append(current_days)
            told_days = set(days) if len(days) == 1 else set()
        elif told_of is not None:
            # "fired two cruise missiles on Jan. 25 and two tactical guided missiles on Jan. 27. The cruise missiles
            # flew 1,800 km": a round-up's later sentence about the first salvo's kind is the first salvo's
            told_of.append(sentence)
        elif groups:
            groups[-1].append(sentence)
            current_kind = current_kind or kind
            if not current_days or _near(days, current_days):
                current_days |= days
            if len(days) == 1 and sentence.launch_verb and (not told_days or days & told_days):
                told_days |= days
    if (
        groups
    ):  # sentences before the first launch sentence (a headline, a dateline) belong to the first event
        lead = [s for s in sentences if s.start < groups[0][0].start]
        groups[0] = lead + groups[0]
    return groups


def _salvo_of_kind(
    groups: list[list[Sentence]], kind: tuple[str | None, str] | None, current: tuple[str | None, str] | None
) -> list[Sentence] | None:
    """The earlier group whose launch is of ``kind`` when ``kind`` is not the current salvo's, else None."""
    if not kind or not _other_kind(kind, current):
        return None
    return next((group for group in groups if _kind(group[0].text) == kind), None)


def _kind(sentence: str) -> tuple[str | None, str] | None:
    """(system name or None, class) of the first system, else class, the sentence names."""
    for pattern, name, system_class in _SYSTEMS:
        if pattern.search(sentence):
            return name, system_class
    for pattern, system_class in _CLASSES:
        if pattern.search(sentence):
            return None, system_class
    return None


def _other_kind(kind: tuple[str | None, str] | None, current: tuple[str | None, str] | None) -> bool:
    """Another class, or another named system: "600mm rocket launchers" after "short-range missiles" is not."""
    if not kind or not current:
        return False
    (name, system_class), (current_name, current_class) = kind, current
    return system_class != current_class or bool(name and current_name and name != current_name)
