"""Distances and altitudes in report text, with units, hedges and who said them.

A figure is a number with a length unit ("about 700 kilometers (435 miles)", "some
1,000km", "flew 435 miles"), converted to km. A parenthesised second unit is checked
against the first: more than 5 % apart gives a warning. Whether a figure is a
distance or an apogee is read from the words around it ("altitude", "apogee",
"high" -> apogee); figures that locate the splash-down ("250 km west of Okushiri")
are not flight figures and are skipped.

>>> [(f.kind, round(f.value_km)) for f in find_figures("It flew about 700 kilometers (435 miles).")[0]]
[('distance', 700)]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from geodata.reports.lexicon import NUMBER_WORDS
from geodata.units import LENGTH_UNITS_KM, parse_number

AGREEMENT_TOLERANCE = 0.05

# "1,500", "1 500" (a space, or a no-break space, between groups of three digits), "99.8"
# "2,802", "2 802" and, garbled in relays, "2, 802" (a unit follows at once: no list of numbers reads so)
# "611-point-four kilometers": a decimal as read aloud in broadcast copy (KBS)
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_SAID_DECIMAL = re.compile(r"-point-(" + "|".join(_DIGIT_WORDS) + r")\b", re.I)
_NUM = (
    r"\d+-point-(?:" + "|".join(_DIGIT_WORDS) + r")\b|"
    r"\d{1,3}(?:, ?\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+(?:\.\d+)?"
)
# "around one-thousand kilometers" (a spokesman read aloud); larger spelled numbers are not seen in wire copy
_THOUSANDS = {  # the lexicon's number words from one to ten, not its "a", "single" or "pair"
    word: number
    for word, number in NUMBER_WORDS.items()
    if number <= 10 and word not in ("a", "an", "single", "pair")
}
_THOUSAND_WORDS = {"a": 1, **_THOUSANDS}  # ("about a thousand kilometers")
_NUM_WORDS = r"(?:" + "|".join(_THOUSAND_WORDS) + r")[- ]thousand"
_UNIT = r"kilomet(?:er|re)s?|kms|km|miles?|mi|nautical miles?|nm"
_HEDGE = r"about|around|approximately|roughly|some|nearly|almost|more than|over|up to|at least|an estimated|close to|a maximum of"
FIGURE_RE = re.compile(
    # "two maximum altitudes of 99.8 and 42.5 kilometers": the unit of the second number is the first's too
    rf"(?:(?P<hedge>{_HEDGE})\s+)?(?:(?P<num0>{_NUM})\s+and\s+)?(?P<num>{_NUM}|{_NUM_WORDS})\s*-?\s*(?P<unit>{_UNIT})\b"
    # the conversion in brackets, of a range too: "between 70km and 200km (45-125 miles)"
    rf"(?:\s*\(\s*(?:(?:{_HEDGE})\s+)?(?:{_NUM}\s*(?:-|–|to)\s*)?(?P<num2>{_NUM})\s*-?\s*(?P<unit2>{_UNIT})\s*\))?",
    re.IGNORECASE,
)
_APOGEE_BEFORE = re.compile(
    r"(altitudes?|elevations?|apogee|heights?|peaks?|as high as|soared|climbed|maximum height|max(?:imum)? altitude)"
    r"\W+(?:\w+\W+){0,6}$",
    re.I,
)
# "the observed apogee greatly exceeded 2,500 kilometers": a bound too
_BOUND_BEFORE = re.compile(
    r"\b(?:less than|under|below|lower than|higher than|within|(?:greatly |far |well )?exceed(?:ed|ing|s)?)\s+$",
    re.I,
)
# "within the 420 km striking range", "at least 4,000 kilometers ranged missile": what it could reach
# ("targets within its 500 kilometer-radius (300 miles)": a reach, as a range is)
_RANGE_AFTER = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:striking |strike |firing |operational )?ranged?\b|^-?\s*radius\b", re.I
)
# ... and its conversion in brackets after the word
_REACH_CONVERTED_BEFORE = re.compile(r"\b(?:radius|range)\s*\(\s*$", re.I)
# "about 6,200km/h (3,850mph)", "3 km per second": a speed, not a length
_SPEED_AFTER = re.compile(
    r"^\s*(?:/\s*(?:h|hr|hour|s|sec)\b|per (?:hour|second)\b|an hour\b|a second\b)", re.I
)
# "noting that it did not reach a second peak at an altitude of 42.5 kilometers": a figure it did not fly
# ("disappeared from the radar at an altitude of 11 miles": where it was lost, not its peak)
_NOT_FLOWN_BEFORE = re.compile(
    r"\b(?:did not|didn't|does not|never|failed to)\s+(?:[\w-]+\s+){0,8}$|"
    r"\bdisappeared\b[^.;]{0,30}?\bat\s+(?:an\s+)?altitude\s+of\s+(?:about\s+|around\s+|some\s+)?$",
    re.I,
)
# "placed in the polar orbit at a distance of 500 km from the Earth", "a perigee altitude of 493 km": a satellite's
# orbit, not a flight (KCNA's "flew along their orbit" for a cruise missile's path is not one of these words)
_ORBIT_PARAMETERS = re.compile(
    r"\b(?:perigee|sun-synchronous|polar orbit|inclination|orbital (?:altitude|period)|orbit at)\b", re.I
)
# "flew for between 70km and 200km": the first of a range's two figures (the second, its upper, is the figure)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
_AND_A_NUMBER_AFTER = re.compile(r"\s*and\s+(?:about\s+)?\d", re.I)
# "could have a range of over 15,000 kilometers": what it might do, not what it flew
_POTENTIAL_BEFORE = re.compile(
    # ("could potentially travel 14,000 kilometers")
    # ("capable of fly ing as far as 15,000 km": a page's broken word)
    # ("could have a range in excess of 10,000 kilometers")
    # ("capable of covering a distance of about 2,500 kilometers": what a lofted missile would do on a standard
    # trajectory)
    r"\b(?:range (?:of|in excess of)|ranges? of up to|range is|capable of \w+?\s?ing(?: as far as| a distance of)?|"
    r"could (?:potentially |possibly )?(?:fly|travel|reach|hit|strike)|"
    # "the missile's range could be as much as 7,000 kilometers"
    # ("Its natural range is estimated to be up to 2,000 km"; "the actual range was estimated to be" was flown)
    r"can (?:fly|travel|reach)|range (?:could|would|might) be(?: as (?:much|far) as)?|"
    r"range (?:is )?(?:estimated|believed|thought) (?:to be|at)(?: up to)?|"
    # ... and the upper end of a range: "has a range of 1,300-1,500 kilometers"
    r"designed to fly|typical\b[\w\s-]{0,40}can travel)\s+(?:[\w,.]+(?:\s*[-–]\s*|\s+)){0,2}$",
    re.I,
)
# "covered a range of 400 kilometers", "flew an estimated range of 900 kilometers": the range flown this time
# "flew on a lofted trajectory to a range of around 930 kilometers" too
_FLOWN_RANGE_BEFORE = re.compile(
    # "The missiles reached a range of about 210 kilometers"
    r"(?:\b(?:(?:covered|covering|flew|flown|flying|travel+ed|travel+ing|had|reached)\s+(?:an?\s+|the\s+)?"
    r"(?:estimated\s+|total\s+)?|"
    r"(?:flew|flown|travel+ed)\s+(?:[\w-]+\s+){0,4}?to\s+a\s+)|"
    # "may have flown as high as 600 km (400 miles), to a range of 300 km": right after the flight's height
    # ("flew to an altitude of about 2,000km and a range of 750km")
    r"^\W*(?:and\s+)?(?:to\s+)?a\s+|"
    # "it flew to an altitude of about 6,000 km with a range of 1,000 km": right after the flight's height
    r"^\W*with\s+a\s+|"
    # "Their flight range is estimated to have been somewhere in the range of 850 to 900 kilometers": about
    r"\bin\s+the\s+)range of\s+(?:\w+\s+){0,2}$",
    re.I,
)
# "heights of 101.1 kilometres and 72.3 kilometres": only "and" between two figures
_AND_ANOTHER_FIGURE = re.compile(r"\s*,?\s*and\s*")
# "... a potential range of 4,000 km and Rodong up to 1,300 km": another missile's, told in the same breath
_AND_ANOTHERS = re.compile(
    r"^\s*(?:,\s*)?(?:and|or|while)\s+(?:[\w-]+\s+){0,3}?(?:up to|as far as|about)?\s*$", re.I
)
# "maneuvered 120 kilometers sideways", "a 120 km lateral movement": a turn in flight, not the distance flown
_SIDEWAYS_AFTER = re.compile(r"^\W{0,2}\s*(?:sideways|laterally|lateral\b)", re.I)
# "The missile detached after launch, maneuvered 120 km from the initial launch, and reached the target set at 700
# km": a turn's sideways distance, not the flight's ("performed a sharp turn maneuver of 240 kilometers" too)
_MANOEUVRED_BEFORE = re.compile(
    r"\b(?:maneuvered|manoeuvred|maneuvering|manoeuvring)\s+(?:\w+\s+)?$|\b(?:turn|maneuver|manoeuvre)\s+of\s+$",
    re.I,
)
# "resumed its trajectory after traveling 600 kilometers and performed a sharp turn ... before hitting the target in
# waters 1,000 kilometers from the launch point": a point on the way, when the target's distance follows
_ON_THE_WAY_BEFORE = re.compile(r"\bafter\s+(?:travel+ing|flying|gliding)\s+(?:about\s+|some\s+)?$", re.I)
_TARGET_FARTHER_AFTER = re.compile(r"[^.;]{0,200}?\btarget\b[^.;]{0,60}?\d[\d,.]*\s*(?:km\b|kilomet)", re.I)
# "could have covered a distance of about 15,000 kilometers (on a normal trajectory)": a distance it might
# have flown; "could have reached an altitude of 770 kilometers" is an estimate of this flight's apogee
_POTENTIAL_DISTANCE_BEFORE = re.compile(
    r"\b(?:could|would|might) have\s+(?:\w+\s+){0,4}?(?:fl(?:own|y)|travel+ed|travel|covered|reached|hit)\s+"
    r"(?:\w+\s+){0,4}$",
    re.I,
)
# "flew about 70 km to 200 km", "550 km-600 km": one range, its upper figure (as "550 to 600 km")
_RANGE_BETWEEN = re.compile(r"\s*(?:to|-|–)\s*", re.I)
# ("reached a 30 km altitude")
_APOGEE_AFTER = re.compile(r"^\s*(?:high|in altitude|altitude\b|into space|up\b|above)", re.I)
_LOCATION_AFTER = re.compile(
    # "800 kilometers away from its location" is how far it flew, "away from the coast" where it fell
    # ("hit a target in waters 358.5 kilometers (223 miles) away from the point of launch" is flown too; "the EEZ, which
    # extends 200 nautical miles from land" is the zone's edge)
    r"^\s*(?:off|away from(?!\s+(?:its|the) (?:location|launch(?:ing)? (?:site|point|position)|position|"
    r"point of launch))|"
    r"from (?:the |its )?(?:coast|shore|city|island|peninsula|Japan|capital|land\b)|(?:north|south|east|west)"
    # "launched at Sino-ri, some 40 kilometers below Kusong": a place beside another, on the map
    r"(?:east|west)?(?:ern)? of|(?:to the )?(?:north|south|east|west)\w* of|(?:below|above)\s+(?-i:[A-Z]))",
    re.I,
)


# "landed in waters as close as 300 km (186 miles) to Japan's northwest coast": how near it fell
_AS_CLOSE_AS_BEFORE = re.compile(r"\b(?:as close as|as near as)\s+$", re.I)
# "covering 350 km range": the range covered, flown ("a 1,000 km range" alone is what it could reach)
_COVERING_BEFORE = re.compile(r"\b(?:covered|covering|covers)\s+(?:about\s+|around\s+|some\s+)?$", re.I)
_FLEW_BEFORE = re.compile(r"\b(?:flew|flown|travel+ed)\s+(?:for\s+)?$", re.I)
# ("fell about 200 kilometres from the country's Eocheong Island"; "falling just 88 nautical miles from the top US
# ally in Asia": a country not named)
_FROM_PLACE_AFTER = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:away\s+)?from\s+(?:the\s+)?"
    r"(?:(?:\w+'s\s+)?[A-Z]|(?i:(?:[\w-]+\s+){0,3}?(?:ally|country|nation|mainland|archipelago)\b))"
)
_AFTER_A_PLACE_BEFORE = re.compile(r"\bfrom\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*\s*,\s*$", re.I)
_LANDED_BEFORE = re.compile(
    r"\b(?:landed|landing|fell|falling|splashed down|crashed|came down|impacted)\b[^.;]{0,60}$", re.I
)


@dataclass(frozen=True)
class Figure:
    kind: str  # "distance" or "apogee"
    value_km: float
    text: str
    start: int
    end: int
    unit: str  # "km", "mi" or "nmi" of the first-stated number


def _to_km(number: str, unit: str) -> tuple[float, str]:
    """Km and the unit's short name; the factor comes from the one unit table."""
    unit = " ".join(unit.lower().split())
    unit = "km" if unit == "kms" else unit
    words = re.fullmatch(_NUM_WORDS, number.lower())
    if words:
        number = str(_THOUSAND_WORDS[number.lower().split("-")[0].split()[0]] * 1000)
    short = "nmi" if unit.startswith("nautical") or unit == "nm" else "mi" if unit.startswith("mi") else "km"
    number = _SAID_DECIMAL.sub(lambda digit: "." + str(_DIGIT_WORDS.index(digit.group(1).lower())), number)
    # the one number parser: "1 500" is read as "1,500", whose comma sits between groups of three
    return parse_number(re.sub(r",?[ \u00a0\u202f]", ",", number)) * LENGTH_UNITS_KM[unit], short


def find_figures(sentence: str, offset: int = 0) -> tuple[list[Figure], list[str]]:
    """Flight figures in one sentence, and warnings (units that disagree)."""
    figures: list[Figure] = []
    warnings: list[str] = []
    previous_end = 0  # words before an earlier figure describe that figure, not this one
    previous_potential = False
    if _ORBIT_PARAMETERS.search(sentence):
        return figures, warnings
    for match in FIGURE_RE.finditer(sentence):
        before = sentence[max(previous_end, match.start() - 60) : match.start()]
        previous_end = match.end()
        if _BOUND_BEFORE.search(before):
            warnings.append(
                f"{before.split()[-2:]!r} {match.group(0)!r} is only a bound; not used as a figure"
            )
            continue
        if _NOT_FLOWN_BEFORE.search(before):
            continue
        if _BETWEEN_BEFORE.search(before) and _AND_A_NUMBER_AFTER.match(sentence, match.end()):
            continue  # a range, its upper figure (as "70 to 200 km")
        after = sentence[match.end() : match.end() + 40]
        potential = (_POTENTIAL_BEFORE.search(before) and not _FLOWN_RANGE_BEFORE.search(before)) or (
            # "A Musudan has a potential range of between 2,500 and 4,000 km and Rodong up to 1,300 km"
            previous_potential and _AND_ANOTHERS.match(before)
        )
        previous_potential = bool(potential)
        # "flew about 400 miles off North Korea's east coast" is how far it flew; "landed 35 kilometers from
        # Pukchang airfield" where it came down
        location = (
            (_LOCATION_AFTER.match(after) and not _FLEW_BEFORE.search(before))
            or (
                _FROM_PLACE_AFTER.match(after)
                # "fired two projectiles eastward from Koo Song, about 50 miles from Pyongyang": where a place lies
                and (_LANDED_BEFORE.search(before) or _AFTER_A_PLACE_BEFORE.search(before))
            )
            or _AS_CLOSE_AS_BEFORE.search(before)
        )
        if (
            location
            or _SIDEWAYS_AFTER.match(after)
            or _MANOEUVRED_BEFORE.search(before)
            or (_ON_THE_WAY_BEFORE.search(before) and _TARGET_FARTHER_AFTER.match(sentence, match.end()))
            or _SPEED_AFTER.match(after)
            or (_RANGE_AFTER.match(after) and not _COVERING_BEFORE.search(before))
            or _REACH_CONVERTED_BEFORE.search(before)
            or potential
        ):
            continue
        try:
            value_km, unit = _to_km(match.group("num"), match.group("unit"))
            if match.group("num0"):  # "99.8 and 42.5 kilometers": two missiles or peaks, the larger figure
                value_km = max(value_km, _to_km(match.group("num0"), match.group("unit"))[0])
            other = _to_km(match.group("num2"), match.group("unit2")) if match.group("num2") else None
        except ValueError as error:  # parse_number's InvalidNumber: a 400-digit "number" is no figure
            warnings.append(f"{match.group(0)[:60]!r} is not a figure that can be read ({error}); not used")
            continue
        if not math.isfinite(value_km):
            warnings.append(f"{match.group(0)[:60]!r} is not a finite length; not used")
            continue
        if other is not None:
            other_km, other_unit = other
            if other_unit != unit and abs(other_km - value_km) > AGREEMENT_TOLERANCE * max(
                value_km, other_km
            ):
                warnings.append(
                    f"the units in {match.group(0)!r} disagree: {value_km:.0f} km vs {other_km:.0f} km "
                    f"(more than {AGREEMENT_TOLERANCE:.0%} apart); kept the first"
                )
            if (
                unit != "km" and other_unit == "km"
            ):  # "435 miles (700 km)": the metric figure is the source's own
                value_km, unit = other_km, other_unit
        # "two peaks at heights of 101.1 kilometres and 72.3 kilometres": a second height, the larger kept
        # ("altitude and range were 50 km and 350 km, respectively" is two quantities: see _respectively)
        second_height = bool(
            figures
            and figures[-1].kind == "apogee"
            and _AND_ANOTHER_FIGURE.fullmatch(before)
            and not _RESPECTIVELY.match(sentence, match.end())
        )
        # ("reached 80 km altitude and flew 350 km": the height's word is the first figure's)
        is_apogee = (
            bool(
                (_APOGEE_BEFORE.search(before) and not _FLEW_BEFORE.search(before))
                or _APOGEE_AFTER.match(after)
            )
            or second_height
        )
        if not is_apogee and _POTENTIAL_DISTANCE_BEFORE.search(before):
            continue
        kind = "apogee" if is_apogee else "distance"
        last = figures[-1] if figures else None
        if (
            last
            and (last.kind == kind or not is_apogee)  # "flew 600 km to 50 km high" is two quantities
            and last.end - offset <= match.start()
            and (_RANGE_BETWEEN.fullmatch(sentence[last.end - offset : match.start()]) or second_height)
        ):
            # "altitudes roughly 25 kilometers to 90 kilometers": the second figure is the first's quantity
            figures[-1] = Figure(
                last.kind,
                max(last.value_km, round(value_km, 1)),
                sentence[last.start - offset : match.end()],
                last.start,
                offset + match.end(),
                last.unit,
            )
            continue
        figures.append(
            Figure(
                kind,
                round(value_km, 1),
                match.group(0),
                offset + match.start(),
                offset + match.end(),
                unit,
            )
        )
    return _respectively(sentence, offset, figures), warnings


# "its flight distance and maximum altitude are presumed approx. 3,700 kilometers and approx. 800 kilometers
# respectively": the two figures take the quantities in the order they were named
_TWO_QUANTITIES = re.compile(
    r"\b(?:(?P<distance>distance|range)|(?P<apogee>altitude|apogee|height))\s+and\s+(?:(?:the|its|a)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:(?P<distance2>distance|range)|(?P<apogee2>altitude|apogee|height))\b",
    re.I,
)
_RESPECTIVELY = re.compile(r"\W*respectively\b", re.I)


def _respectively(sentence: str, offset: int, figures: list[Figure]) -> list[Figure]:
    """``figures``, each of a "distance and altitude ... X and Y respectively" pair of the quantity named in turn."""
    if len(figures) != 2 or not _RESPECTIVELY.match(sentence, figures[1].end - offset):
        return figures
    named = _TWO_QUANTITIES.search(sentence, 0, figures[0].start - offset)
    if named is None:
        return figures
    first = "distance" if named.group("distance") else "apogee"
    second = "distance" if named.group("distance2") else "apogee"
    if first == second:
        return figures
    return [replace(figures[0], kind=first), replace(figures[1], kind=second)]


def check_units_agree(figures: list[Figure], who: str) -> list[str]:
    """Warn when one source's km and miles figures for the same quantity disagree by > 5 %."""
    warnings = []
    for kind in ("distance", "apogee"):
        same = [f for f in figures if f.kind == kind]
        units = {f.unit for f in same}
        if len(units) > 1:
            low, high = min(f.value_km for f in same), max(f.value_km for f in same)
            if high - low > AGREEMENT_TOLERANCE * high:
                quoted = ", ".join(repr(f.text) for f in same)
                warnings.append(
                    f"{who} {kind} figures in different units disagree by more than 5 %: {quoted}"
                )
    return warnings


# --- flight time -------------------------------------------------------------------------
_COUNT_WORDS = {
    **_THOUSANDS,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}
_TIME_NUM = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(_COUNT_WORDS)
_DURATION = (
    rf"(?:(?P<hours>{_TIME_NUM}|an?)\s+hours?(?:\s*,?\s*(?:and\s+)?(?P<hmin>{_TIME_NUM})\s+minutes?)?"
    # "between 10,116 and 10,138 seconds": a range, its upper figure
    rf"|(?P<num>{_TIME_NUM})(?:\s*(?:to|-|–|and)\s*(?P<num2>{_TIME_NUM}))?"
    # "for 4,135s": a bare "s" only fixed to a number; "9 minutes and 46 seconds"
    rf"(?:\s*(?P<unit>minutes?|mins?|seconds?|secs?)\b(?:\s*,?\s*and\s+(?P<msec>\d{{1,2}})\s+seconds?\b)?|(?P<short>s)\b))"
)
# The words that make a duration a flight time ("flew for", "in the air for", "a flight that lasted")
FLIGHT_TIME_RE = re.compile(
    r"(?P<lead>\b(?:fl(?:ew|own|ying|ight)|travel+ed|in the air|airborne|aloft|stayed aloft|lasted|flight time of|"
    # ("The missile was tracked for six minutes until it landed")
    # ("tracked what appeared to be a short-range ballistic missile for six minutes")
    r"trajectory of the missile|a flight of|flight lasted|in flight|tracked(?=(?:\s+[\w-]+){0,8}?\s+for\b))\b"
    # ("flying around 1,240 miles (2,000 km) in oval and figure-eight patterns over the West Sea for about 170
    # minutes": the path told between the flight and its time)
    r"(?:[^.;]|\.\d){0,110}?)"
    r"(?:(?:for|of|in|about|around|approximately|some|nearly|almost|over|more than|a record-breaking|record|roughly|"
    r"between)\s+)*" + _DURATION,
    re.IGNORECASE,
)


# A satellite launch's time to orbit: "put the satellite on its orbit ... 705s after the launch", "it took just
# 9 minutes and 46 seconds for the satellite to enter its preset orbit", "entered orbit about 10 minutes later" (read
# only beside "orbit")
ORBIT_TIME_RE = re.compile(
    # ("precisely placed the satellite into orbit 705 seconds after launch" too)
    r"(?P<lead>\b(?:took|taking|within|in|at|,|orbit)\s+(?:just\s+|only\s+|about\s+|some\s+)?)"
    + _DURATION
    + r"(?=\s+(?:after\s+(?:the\s+)?(?:launch|lift-?off|take-?off)|for\s+the\s+(?:satellite|rocket)\s+to\s+"
    r"(?:enter|reach|be placed)|later\b))",
    re.IGNORECASE,
)
_ORBIT = re.compile(r"\borbit", re.I)


# The flight named after its duration: "in approximately 20 minutes of flight", "after a 22-minute flight",
# "traveled about 1,000 miles over a 45-minute period"
FLIGHT_TIME_BEFORE_FLIGHT_RE = re.compile(
    rf"(?:\b(?:about|around|approximately|some|nearly|almost|roughly)\s+)?\b(?P<num>{_TIME_NUM})[- ]"
    # ("after 87 minutes in the air")
    r"(?P<unit>minutes?|seconds?)(?:(?:\s+of)?\s+flight\b|\s+in\s+the\s+air\b|\s+(?P<period>period)\b)",
    re.IGNORECASE,
)
_HALF_BEFORE = re.compile(r"\bhalf\s+$", re.I)
_TRAVELLED = re.compile(r"\b(?:travel+ed|flew)\b", re.I)
_DURATION_BOUND = re.compile(r"\b(?:over|more than|less than|under|within|upwards of)\s+$", re.I)
# "The launches from the eastern coastal city of Wonsan lasted 10 minutes each": how long the firing went on, not a
# flight ("the flight lasted 53 minutes" is one)
_FIRING_LASTED_BEFORE = re.compile(
    r"\b(?:launches|firings|salvos?|barrage|drills?|exercises?)\b[^.;,]{0,60}$", re.I
)
# "a maximum flight speed of Mach 6.1, that's around seven,466 kilometers an hour": a speed, not an hour aloft
_PER_HOUR_BEFORE = re.compile(r"\b(?:km|kilomet(?:er|re)s|miles|nautical miles|knots)\s+$", re.I)


def _time_number(text: str) -> float:
    text = text.lower()
    if text in ("a", "an"):
        return 1.0
    return float(_COUNT_WORDS[text]) if text in _COUNT_WORDS else float(text.replace(",", ""))


def find_flight_times(sentence: str, offset: int = 0) -> list[Figure]:
    """Flight times in one sentence as :class:`Figure` of kind ``"flight_time"`` (value in seconds).

    "flew for about 53 minutes", "in the air for about 70 minutes", "a flight that lasted 4,052
    seconds", "one hour and 26 minutes"; a range ("10,116 to 10,138 seconds") gives its upper figure,
    as distances do.

    >>> [f.value_km for f in find_flight_times("It stayed aloft for about 53 minutes.")]
    [3180.0]
    """
    figures = []
    matches = list(FLIGHT_TIME_RE.finditer(sentence))
    if _ORBIT.search(sentence):
        matches += ORBIT_TIME_RE.finditer(sentence)
    for match in matches:
        start = match.start("hours") if match.group("hours") else match.start("num")
        if match.group("lead").lower().startswith("lasted") and _FIRING_LASTED_BEFORE.search(
            sentence[: match.start("lead")]
        ):
            continue
        if _DURATION_BOUND.search(sentence[:start]):
            continue  # "flew over an hour", "for more than two hours": a bound, not a flight time
        if match.group("hours") in ("a", "an") and _PER_HOUR_BEFORE.search(sentence[:start]):
            continue
        if match.group("short") and (
            not re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d{3,}", match.group("num"))
            or re.fullmatch(r"(?:1[89]|20)\d0", match.group("num"))
        ):
            continue  # "for 4,135s" is seconds; "in the 1990s" or "2s" is not a flight time
        if match.group("hours") in ("a", "an") and _HALF_BEFORE.search(sentence[: match.start("hours")]):
            seconds = 1800.0  # "for half an hour"
        elif match.group("hours"):
            seconds = _time_number(match.group("hours")) * 3600 + (
                _time_number(match.group("hmin")) * 60 if match.group("hmin") else 0
            )
        else:
            value = _time_number(match.group("num2") or match.group("num"))
            unit = (match.group("unit") or match.group("short")).lower()
            seconds = value * 60 if unit.startswith("min") else value
            if match.group("msec"):
                seconds += float(match.group("msec"))
        if not 0 < seconds <= 30000:
            continue
        figures.append(
            Figure(
                "flight_time",
                seconds,
                sentence[start : match.end()],
                offset + start,
                offset + match.end(),
                "s",
            )
        )
    taken = [(f.start - offset, f.end - offset) for f in figures]
    for match in FLIGHT_TIME_BEFORE_FLIGHT_RE.finditer(sentence):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        if match.group("period") and not _TRAVELLED.search(sentence, 0, match.start()):
            continue  # "a 30-minute period" of anything else is no flight
        value = _time_number(match.group("num"))
        seconds = value * 60 if match.group("unit").lower().startswith("min") else value
        if 0 < seconds <= 30000:
            text = match.group(0)
            figures.append(
                Figure("flight_time", seconds, text, offset + match.start(), offset + match.end(), "s")
            )
    return figures
