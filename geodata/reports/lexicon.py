"""Word tables the report extractor (:mod:`geodata.reports.extract`) matches against.

Kept apart from the matching code so an editor can add a spelling, a system or a
source without reading regular expressions. Every table maps words seen in wire
reports to values of :mod:`geodata.schema`. Patterns are case-insensitive.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from typing import Any

# --- who said it -------------------------------------------------------------------------
# (pattern, source name as in launch_sources.source, source_kind). Order matters only for
# overlapping words: the longest match at a position wins in the extractor.
SOURCES: tuple[tuple[str, str, str], ...] = (
    (
        r"Joint Chiefs? of Staff|\bJCS\b|South Korea'?s? Joint Chiefs|South Korean Joint Chiefs|S\. ?Korea'?s? (?:military|Joint Chiefs)|South Korea'?s? military|the South'?s military|"
        r"South Korean and Japanese (?:defen[cs]e )?(?:ministries|militaries|officials)|South Korean military|Seoul'?s? military|"
        r"South Korean (?:officials|army)|\bSeoul\b|South Korea'?s? [Dd]efen[cs]e [Mm]inistry|"
        r"South Korean [Dd]efen[cs]e [Mm]inistry|South Korean (?:defen[cs]e|military) officials?|"
        r"[Dd]efen[cs]e ministry spokesman|South Korean defen[cs]e officials|"
        # "South Korea said earlier that...", "Yonhap news agency quoted its military as saying"
        r"South Korea (?:said|says|reported|announced|confirmed|detected)\b|according to South Korea\b(?!'s| and)|"
        # "South Korea, Japan and the United States estimated the missile's range at 1 100 kilometers"
        r"\bSouth Korea(?:,? (?:and )?(?:Japan|the United States|the U\.?S\.?)){1,2} (?:both |also )?(?:said|say|estimated|estimate|"
        r"assessed|assess|detected|reported|confirmed)\b|"
        r"\bYonhap\b[\w ]{0,40}?\bits (?:military|defen[cs]e ministry|Joint Chiefs)",
        "ROK JCS",
        "government",
    ),
    (
        # "Representatives of the Ministry of Defense of Japan"; "Defense Minister Hamada says" (Japan's defence
        # ministers of 2014-2026 by name, for copy that does not say whose minister)
        r"(?:Ministry of Defen[cs]e|Defen[cs]e Ministry) of Japan|"
        r"Defen[cs]e Minister (?:[A-Z][a-z]+ )?(?:Onodera|Nakatani|Inada|Kono|Iwaya|Kishi|Hamada|Kihara|Koizumi)\b|Japan'?s? (?:defen[cs]e ministry|ministry of defen[cs]e)|Japanese (?:defen[cs]e ministry|ministry of defen[cs]e)|"
        r"Japan'?s? (?:(?:deputy|vice|state) )?defen[cs]e minist(?:er|ry)|Japanese (?:(?:deputy|vice|state) )?defen[cs]e minister|Japanese (?:government|coast ?guard|officials|authorities)|"
        r"Japan'?s? (?:coast ?guard|government)|Chief Cabinet Secretary|Japanese Prime Minister|\bTokyo\b|"
        r"Japan'?s? [Pp]rime [Mm]inister|Prime Minister (?:Shinzo )?(?:Abe|Suga|Kishida|Ishiba|Takaichi)\b|"
        r"\bJapan (?:also )?(?:said|says|confirmed|reported|detected)\b",
        "Japan MoD",
        "government",
    ),
    (
        r"Indo-Pacific Command|INDOPACOM|\bPentagon\b|U\.?S\.? (?:military|officials?|forces)|United States Forces Korea|"
        r"\bUSFK\b|American officials|U\.?S\.? (?:defen[cs]e|Defense Department) officials?|Pacific Command|"
        r"Strategic Command|USSTRATCOM|White House official",
        "US",
        "government",
    ),
    (
        r"\bKCNA\b|Korean Central News Agency|(?:North Korea'?s?|North Korean|Pyongyang'?s?) state media|state media|"
        r"Rodong (?:Sinmun|newspaper)|North Korea said|Pyongyang said|Korean Central Television|\bKCTV\b|\bKRT\b|"
        r"North Korea'?s? state-run|state-run (?:media|television|news agency)|"
        # "North Korean authorities said", "According to the North Korean news Agency", "N.Korea says",
        # "North Korean state television reports": North Korea's own word, however the copy names it
        r"\bN(?:orth|\.) ?Korea(?:n authorities)? (?:says|announced|claimed|reported)\b|North Korean authorities|"
        r"according to North Korea\b(?!'s? (?:neighbou?rs|military))|"
        r"North Korean (?:state )?(?:news agency|television|TV|broadcaster|newspaper)|state (?:television|TV|news agency|broadcaster)",
        "KCNA",
        "state media",
    ),
)

# --- class and system ----------------------------------------------------------------------
# Korean names reach English copy in several romanizations: McCune-Reischauer "Hwasong", "Pukguksong",
# "Chollima"; Revised "Hwaseong", "Bukgeukseong", "Cheollima"; KCNA's "Hwasongpho"; and copy's own
# "Pukkuksong". :func:`romanized` spells a name so that each of them matches.
_VOWELS = {"o": "(?:eo|o|ŏ|ō)", "u": "(?:eu|u|ŭ|oo)"}
_CONSONANTS = {"k": "[kg]", "g": "[kg]", "p": "[pb]", "b": "[pb]", "t": "[td]", "d": "[td]", "l": "l"}


def romanized(name: str) -> str:
    """A pattern matching the romanizations of the Korean ``name`` (given in McCune-Reischauer, no marks).

    >>> bool(re.fullmatch(romanized("Pukguksong"), "Bukgeukseong", re.I))
    True
    """
    parts = []
    for run in re.finditer(r"[kg]+|[pb]+|[td]+|l+|ch'?|.", name, re.I):
        letters = run.group(0).lower()
        if letters.startswith("ch"):
            parts.append("ch['’]?")
        elif letters[0] in _CONSONANTS:
            parts.append(_CONSONANTS[letters[0]] + "{1,2}")
        else:
            parts.append(_VOWELS.get(letters, re.escape(run.group(0))))
    return "".join(parts)


# "Hwasong-18", "Hwaseong-18", "Hwasongpho-16B" (KCNA's "Hwasong gun")
# "January|February|...|December", for patterns that tell a launch by its month
MONTH_NAMES = "|".join(calendar.month_name[1:])
HWASONG = romanized("Hwasong") + r"(?:-?pho)?"
# (pattern, system_class). First match in text order decides; more specific patterns first.
CLASSES: tuple[tuple[str, str], ...] = (
    # "from an underwater submarine" (KCNA's words), "a submarine-based ballistic missile" (AFP's)
    (
        r"submarine-launched|submarine-based ballistic|\bSLBMs?\b|from an? (?:underwater )?submarine|submarine (?:ballistic )?missile",
        "SLBM",
    ),
    (r"intercontinental|\bICBMs?\b", "ICBM"),
    (r"intermediate(?:[- ]range|-? or longer-range| in range)|\bIRBMs?\b", "IRBM"),
    (r"medium[- ]range|\bmid-range|\bMRBMs?\b", "MRBM"),
    (r"hypersonic|glide vehicle", "HGV"),
    # "short-range, antiship cruise missiles", "anti-ship surface missiles": the kind of the cruise missile
    (
        r"cruise missiles?|\bcruise\b|(?:short[- ]range,?\s+)?(?:anti-?ship|surface-to-ship|ship-to-ship)\b",
        "cruise",
    ),
    # ("Satellite imagery ... show the rockets were fired" is how they were seen, not what flew)
    (
        # ("the Sohae Satellite Launching Station" is a place, "satellite photography" a payload's test)
        r"satellite(?!\s+(?:imagery|images?|photos?|photographs?|photography|pictures?|footage|analysis|data|"
        r"[Ll]aunching|[Ll]aunch (?:[Ss]tation|[Gg]round|[Ss]ite|[Ff]acility))\b)|"
        r"space launch vehicle|carrier rocket|space rocket",
        "SLV",
    ),
    # "large-caliber multiple rocket launchers", "tactical guided missiles": the guided rockets and tactical
    # missiles of KCNA's drills, short-range ballistic by the JCS's account
    (
        r"short[- ]range|\bSRBMs?\b|close-range|large[- ]cal(?:i|li)b(?:er|re) (?:[\w-]+ ){0,3}?"
        r"(?:rockets?|launch\w*|MLRS|MRL)\b|tactical guided missiles?",
        "SRBM",
    ),
)

# (pattern, canonical system name, system_class). Names follow /work/scratch/DATA.md.
SYSTEMS: tuple[tuple[str, str, str], ...] = (
    (r"KN-?23|" + HWASONG + r"[- ]?11A?\b(?![-\s]?[BCD])", "Hwasong-11A (KN-23)", "SRBM"),
    (r"KN-?24|" + HWASONG + r"[- ]?11B", "Hwasong-11B (KN-24)", "SRBM"),
    (
        # ('new “super-large” MLRS', 'a "supersize" multiple rocket launcher')
        r"KN-?25|super-?(?:large|size)[\"”]? (?:multiple )?(?:rockets?|launch|MLRS|MRLS?)\b|600[- ]?mm|"
        r"600-millimet(?:er|re)",
        "KN-25 (600 mm MRL)",
        "SRBM",
    ),
    (HWASONG + r"[- ]?11C", "Hwasong-11C", "SRBM"),
    (HWASONG + r"[- ]?11D", "Hwasong-11D", "SRBM"),
    (HWASONG + r"[- ]?20", "Hwasong-20", "ICBM"),
    (HWASONG + r"[- ]?19", "Hwasong-19", "ICBM"),
    (HWASONG + r"[- ]?18", "Hwasong-18", "ICBM"),
    (HWASONG + r"[- ]?17", "Hwasong-17", "ICBM"),
    (HWASONG + r"[- ]?16B", "Hwasong-16B", "HGV"),
    # "the Hwasong-16 missile tipped with a hypersonic warhead" (April 2024): the 16B, the one Hwasong-16 flown
    (HWASONG + r"[- ]?16\b", "Hwasong-16B", "HGV"),
    (HWASONG + r"[- ]?15", "Hwasong-15", "ICBM"),
    (HWASONG + r"[- ]?14", "Hwasong-14", "ICBM"),
    (HWASONG + r"[- ]?12", "Hwasong-12", "IRBM"),
    (HWASONG + r"[- ]?8\b", "Hwasong-8", "HGV"),
    (r"Mus[ua]dan|" + HWASONG + r"[- ]?10", "Musudan (Hwasong-10)", "IRBM"),  # "Musadan" in AP copy
    # ("According to the Rodong newspaper": the party daily, Rodong Sinmun, in English)
    (
        r"Nodong|No[- ]Dong|Rodong(?! Sinmun| newspaper| daily)|" + HWASONG + r"[- ]?7\b",
        "Nodong (Hwasong-7)",
        "MRBM",
    ),
    (romanized("Pukguksong") + r"[- ]?2|KN-?15", "Pukguksong-2 (KN-15)", "MRBM"),
    (romanized("Pukguksong") + r"[- ]?3", "Pukguksong-3", "SLBM"),
    (romanized("Pukguksong") + r"[- ]?1|KN-?11", "Pukguksong-1 (KN-11)", "SLBM"),
    (romanized("Chollima") + r"-?1", "Chollima-1", "SLV"),
    (romanized("Unha") + r"[- ]?3", "Unha-3", "SLV"),
    (romanized("Unha") + r"[- ]?2", "Unha-2", "SLV"),
    (r"Taepodong-?1|Paektusan", "Taepodong-1 (Paektusan)", "SLV"),
    (r"Scud[- ]?ER\b|" + HWASONG + r"[- ]?9", "Scud-ER (Hwasong-9)", "SRBM"),
    # ("a Scud-class ballistic missile" is a Scud of no known model; "the Scud C Missile" is the model)
    (r"Scud[- ]?C\b|" + HWASONG + r"[- ]?6\b", "Scud-C (Hwasong-6)", "SRBM"),
    (romanized("Hwasal") + r"[- ]?2", "Hwasal-2", "cruise"),
    (romanized("Hwasal") + r"[- ]?1", "Hwasal-1", "cruise"),
    (romanized("Pulhwasal") + r"[- ]?3-?31", "Pulhwasal-3-31", "cruise"),
    (r"Scud(?![- ]?(?:C|ER)\b)", "Scud-B (Hwasong-5)", "SRBM"),  # (the "Scud" of "Scud-C" is no other model)
)

# Name to use when only the class is known.
UNKNOWN_SYSTEM_BY_CLASS = {
    "SRBM": "Unknown SRBM",
    "cruise": "Unknown cruise missile",
    "MRBM": "Unknown MRBM",
}
UNKNOWN_SYSTEM = "Unknown ballistic missile"

# --- heading -------------------------------------------------------------------------------
# (pattern, landing_area, (bearing_min_deg, bearing_max_deg)). Checked in order; the first
# that matches wins, so "over Japan" beats a later "Pacific".
HEADINGS: tuple[tuple[str, str, tuple[float, float] | None], ...] = (
    # "... was in a 494.4 x 500 kilometer polar orbit" too
    (
        r"\b(?:into|entered|reached|placed (?:it )?in(?:to)?|(?:is|was) (?:now )?in) (?:an? |the )?(?:[\w.-]+ ){0,5}?orbit",
        "orbit",
        None,
    ),
    (
        r"over (?:northern )?Japan|over (?:the )?(?:Japanese )?(?:island of )?Hokkaido|over Japanese territory",
        "Pacific (over Japan)",
        (70.0, 110.0),
    ),
    (
        r"\b(?:inside|within|in|into) Japan'?s? (?:exclusive economic zone|EEZ)",
        "East Sea/Sea of Japan (inside Japan's EEZ)",
        (60.0, 120.0),
    ),
    (
        r"outside Japan'?s? (?:exclusive economic zone|EEZ)",
        "East Sea/Sea of Japan (outside Japan's EEZ)",
        (60.0, 120.0),
    ),
    (
        r"East Sea|Sea of Japan|(?:off|waters off) (?:its|the|North Korea'?s?) east(?:ern)? coast|eastern waters",
        "East Sea/Sea of Japan",
        (60.0, 120.0),
    ),
    (
        r"Yellow Sea|West Sea|(?:off|waters off) (?:its|the|North Korea'?s?) west(?:ern)? coast|western waters",
        "Yellow Sea",
        (240.0, 300.0),
    ),
    (r"Pacific", "Pacific", (60.0, 120.0)),
)

# Compass words narrow the bearing range to ±22.5° around the point.
COMPASS = {
    "north": 0.0,
    "northeast": 45.0,
    "east": 90.0,
    "southeast": 135.0,
    "south": 180.0,
    "southwest": 225.0,
    "west": 270.0,
    "northwest": 315.0,
    "east-northeast": 67.5,
    "north-northeast": 22.5,
    "east-southeast": 112.5,
}

# --- counts --------------------------------------------------------------------------------
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "two": 2,
    "pair": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "eighteen": 18,
    "twenty": 20,
}
VAGUE_COUNTS = (
    "several",
    "multiple",
    "a barrage of",
    "a volley of",
    "a salvo of",
    "a number of",
    "a series of",
)

# --- provinces (approximate centroids, used only when no site is named) ------------------------
PROVINCES: dict[str, tuple[float, float]] = {
    "North Pyongan": (40.10, 125.10),
    "South Pyongan": (39.40, 125.90),
    "North Hamgyong": (41.50, 129.50),
    "South Hamgyong": (40.20, 127.90),
    "North Hwanghae": (38.60, 126.30),
    "South Hwanghae": (38.20, 125.40),
    "Kangwon": (38.80, 127.50),
    "Chagang": (40.90, 126.50),
    "Ryanggang": (41.20, 128.20),
}


def compile_table(
    table: Iterable[tuple[Any, ...]], flags: int = re.IGNORECASE
) -> tuple[tuple[Any, ...], ...]:
    """Compile the first element of each row of a word table."""
    return tuple((re.compile(row[0], flags), *row[1:]) for row in table)
