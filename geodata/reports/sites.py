"""The launch site named in a report, resolved against the gazetteer.

Candidates are capitalised phrases after "from", "near", "in", "area of"...; each is
tried as given, without a trailing "County"/"Province"/"area", word by word, and through
the gazetteer's close matches when the romanisation differs (Taekwan/Taegwan,
Phyongan/Pyongan). Only places of a launch-site kind count, so "Seoul" or "Tokyo" never
becomes a site. When only a province is named, its approximate centre is used and the
site is left blank.

The gazetteer needs ``resolve(name) -> Place`` raising ``UnknownPlace`` (whose
``close_matches`` lists near names); see :mod:`geodata.geo.places`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geodata.errors import UnknownPlace
from geodata.geo.places import Gazetteer, Place, place_key
from geodata.reports.lexicon import PROVINCES
from geodata.reports.text import Sentence, launch_sentences_first, span
from geodata.schema import SITE_KINDS

_CANDIDATE = re.compile(
    # ("in Toyang-ri, Ryongrim County of Jagang Province": a county's name is capitalised)
    r"\b(?:from|near|in|at|around|area of|vicinity of|close to|outskirts of|suburbs of|(?:[Cc]ity|town|[Cc]ounty|[Dd]istrict|port|"
    # ("launched off the coast of Sinpo")
    r"island|region|province|capital|coast) of|off(?=\s+[A-Z]))\s+"
    # "from North Korea's northern Jagang province", "near the North Korean coastal town of Sinpo"
    r"(?:(?:North Korea'?s?|the North'?s?|the country'?s|its)\s+)?"
    # up to five lower-case words between: "from the eastern coastal town of Wonsan"; never "by"/"for"
    # ("in the fifth weapons test by Pyongyang" names who, not where)
    # ("from [its eastern port of] Sinpo": an editor's words in brackets)
    r"(?:\[?(?!(?:by|for|with|to|than|since|and|said|says|that|believe|believes|reported|has|had|is|was)\b)"
    r"[a-z][\w-]*\]?\s+){0,5}?"
    # "from Pyongyang airport": the airport, not the city
    r"(?P<name>[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,4}(?:\s+(?:airport|airfield)\b)?)"
)
# "The Tongchon area in Gangwon Province, where the projectiles were launched": the place a clause says the launch
# was from
_WHERE_LAUNCHED = re.compile(
    r"\b[Tt]he\s+(?P<name>[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,2})\s+(?:area|region|county|district)\b[^.;]{0,40}?,"
    r"\s+where\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:was|were|had been)\s+(?:launched|fired)\b"
)
# "in Toyang-ri of Ryongnim County, Jagang Province": the province a named place lies in, read after it (when the
# place itself is not in the gazetteer)
_PROVINCE_OF_A_PLACE = re.compile(
    r"(?:\b(?:County|county)|-ri|-gun|-dong)\s*,\s*(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+[Pp]rovince)\b"
)
# "from the North's capital", "near its capital Pyongyang", "the outskirts of the capital": Pyongyang
_CAPITAL = re.compile(
    r"\b(?:from|near|in|around|of|outskirts of|vicinity of)\s+(?:North Korea'?s?|the North'?s?|its|the|the North Korean)\s+"
    r"capital(?:\s+(?:city|region|area))?\b(?!\s+(?:of|Seoul))",
    re.I,
)
CAPITAL_NAME = "Pyongyang"
# "launched from North Korea's main international airport": the country has one, Sunan; "from an airport in
# Pyongyang" is the capital's, Sunan too
_MAIN_AIRPORT = re.compile(
    # ("from somewhere near Pyongyang's main airport")
    r"\b(?:North Korea'?s?|the North'?s?|the country'?s|Pyongyang'?s?|its)\s+"
    r"(?:main\s+(?:international\s+)?|international\s+)airport\b|"
    # ("fired from an airfield outside the North Korean capital of Pyongyang")
    r"\b(?:an|the)\s+(?:airport|airfield)\s+(?:in|near|outside)\s+"
    r"(?:Pyongyang|(?:the|its|North Korea'?s?|the North'?s?)\s+(?:North Korean\s+)?capital)\b|"
    # ("from Pyongyang International Airfield")
    r"\bPyongyang\s+International\s+Airfield\b",
    re.I,
)
MAIN_AIRPORT_NAME = "Pyongyang International Airport"
# "fired from waters off the peninsula's east coast near the port city of Wonsan", "from off the east coast near
# Wonsan", "from the ocean upper east of Wonsan": the sea launch area off Wonsan, not the Kalma airfield
_SEA_OFF_WONSAN = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:waters?|sea|ocean|off)\b[^.;]{0,60}?\b(?:off|near|of)\s+(?:the\s+)?"
    r"(?:(?:port\s+)?city\s+of\s+)?Wonsan\b",
    re.I,
)
SEA_OFF_WONSAN_NAME = "Wonsan offshore"
CAPITAL_SITE_ID = "pyongyang"
# the kind of the gazetteer's stand-ins for an area ("Hwanghae provinces (inland; exact point not reported)")
PLACEHOLDER_KIND = "unknown"
# "fired two ballistic missiles from its east coast", "from a site on the country's east coast", "from near its
# western coast": the coast's placeholder site, when no place on it is named ("into the sea off its east coast" is
# where they flew)
_COAST = r"(?P<side>east|west)(?:ern)?\s+coast"
_FROM_COAST = re.compile(
    r"\bfrom\s+(?:a\s+site\s+on\s+|near\s+)?(?:(?:North Korea'?s?|the North'?s?|the country'?s|its|the)\s+)?"
    + _COAST
    + r"(?:line)?\b",
    re.I,
)
# ... and a coast named as a place ("into the Sea off East Coast"), which is only where the missiles flew
_A_COAST = re.compile(_COAST, re.I)
# "Sukchon County", "Hwangju-county", and copy's glued "Hwangjucounty"
_SUFFIX = re.compile(r"(?:[\s-]+|(?<=[a-z]))(?:County|Province|province|county|area|City|region|district)$")
_SKIP = {
    "North Korea",
    "South Korea",
    "Korea",
    "Japan",
    "Seoul",
    "Tokyo",
    "Washington",
    "The",
    "It",
    "East Sea",
    "Yellow Sea",
}


# "from an area north of Pyongyang", "a location 50 km east of the capital": an unnamed place beside the
# named one, not it ("from east of Pyongyang" is the city's own eastern part)
_RELATIVE_PLACE = re.compile(
    # ("from North Hwanghae Province, south of the capital Pyongyang")
    r"\b(?:areas?|regions?|provinces?|locations?|sites?|places?|spots?|points?|km|kilomet(?:er|re)s|miles),?\s+(?:\w+\s+)?"
    # ("a location in northern Pyongyang" is in it, not beside it)
    r"(?<!\bin )(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:of\s+(?:(?:the|its)\s+)?(?:North Korean\s+)?)?$|"
    # "launched from north of Pyongyang", "a mobile launcher northeast of Pyongyang" ("from northern Pyongyang" is in it)
    # ("from the north of the city of Wonsan" too)
    r"\b(?:from|launchers?)\s+(?:the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+"
    r"(?:the\s+)?(?:(?:city|town|port|county)\s+of\s+)?$|"
    # (the capital's own match starts at its preposition: "launched south |of the capital|")
    r"\b(?:from|launchers?|launched|fired)\s+(?:the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\s+$|"
    # "landed approximately 35 kilometers from Pukchang airfield": where it came down, measured from a place
    # ("flew 350 kilometers from the Sunan district" names the launch place)
    r"\b(?:landed|fell|splashed down|crashed|came down|impacted)\b[^.;]{0,40}?\b(?:km|kilomet(?:er|re)s|miles)\s+"
    r"(?:away\s+)?from\s+(?:the\s+)?$|"
    # "the first stage fell 10 km (6 miles) off Kumya County": where a stage came down
    r"\b(?:fell|landed|splashed down|crashed|came down|impacted)\b[^.;]{0,40}?\b(?:off|near)\s+(?:the\s+)?"
    r"(?:coast\s+of\s+)?$|"
    # "flew in the direction of an uninhabited island off Kilju": the target, where it was aimed
    r"\b(?:in the direction of|towards?|aimed at|targeting)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?islands?\s+"
    r"(?:off|near)\s+(?:the\s+)?(?:coast\s+of\s+)?$",
    re.I,
)
# "ahead of a major political meeting in Pyongyang", "reported by state media in Pyongyang": where something else
# happens
_EVENT_PLACE = re.compile(
    r"\b(?:meeting|congress|summit|talks|parade|ceremony|conference|rally|visit|celebrations?|complex|factory|plant|"
    # (the capital's own match starts at its preposition: "a military parade in its capital")
    r"farm|shipyard|hospital|school|guidance|media)\s+(?:(?:in|at)\s+)?$",
    re.I,
)
# "CNN's Will Ripley in Pyongyang reported": where someone speaks from
# "a show of force from Pyongyang, which had not conducted any military tests since September": the
# government, doing things, not a place of launch
# "would likely provoke a sharp reaction from Pyongyang": the government answering, not a place of launch
_GOVERNMENT_BEFORE = re.compile(
    # ("provocations from Pyongyang in 2023", "the latest act of defiance from Pyongyang", "'unprecedented threat'
    # from Pyongyang", "The rare same-day launch announcement from Pyongyang")
    r"\b(?:reactions?|responses?|retaliation|threats?|warnings?|statements?|messages?|rhetoric|condemnation|"
    r"protests?|provocations?|defiance|announcements?|aggression)[’'\"”]?\s+from\s+$",
    re.I,
)
_SPEAKER_AFTER = re.compile(
    r"^\s*,?\s*(?:reported|reports|said|says|told)\b|^\s*,\s*(?:which|who)\s+(?:had|has|have|is|was)\b"
)
# A Title Case headline ("Fires Ballistic Missile Toward The Sea off Its East Coast") capitalises words that
# never open a place name
_TITLE_WORDS = {"Its", "Their", "His", "Her", "The", "A", "An", "Toward", "Towards", "Into"}


@dataclass(frozen=True)
class SiteMatch:
    site_id: str | None
    lat: float
    lon: float
    evidence: dict
    province: str | None = None


def _is_site(place: Place) -> bool:
    kind = getattr(place, "kind", None)
    return kind in SITE_KINDS or kind in (None, "site", "launch site")


# Spellings wire copy uses beside the stored romanisations: ㅕ written "yu" as in Hyundai ("Banghyun" for
# Banghyon), n written as it sounds before p/b/m ("Simpo" for Sinpo, as Japanese outlets spell it), and ㅜ written
# "oo" with ㅘ as "wha" ("Joongwha" for Junghwa), and the village's -ri written as said after a nasal ("Mupyong-ni")
_SPELLING_FOLDS = (
    (re.compile(r"yu", re.I), "yo"),
    (re.compile(r"(?<=[a-z])-ni\b", re.I), "-ri"),
    (re.compile(r"(?<=[a-z]ng)ni\b", re.I), "ri"),  # ... run into the name ("Dongchangni")
    (re.compile(r"m(?=[pbm])", re.I), "n"),
    (re.compile(r"oo", re.I), "u"),
    (re.compile(r"(?<=[a-z])wha", re.I), "hwa"),
)


def _spellings(name: str) -> list[str]:
    """``name`` with each romanisation fold applied (alone and together), without ``name`` itself."""
    variants = [name]
    for pattern, replacement in _SPELLING_FOLDS:
        variants += [pattern.sub(replacement, v) for v in variants]
    return [v for v in dict.fromkeys(variants) if v != name]


def _resolve(gazetteer: Gazetteer, name: str, fold: bool = True) -> Place | None:
    """The site called ``name``, tolerating romanisation variants, or None."""
    try:
        place = gazetteer.resolve(name)
    except UnknownPlace as error:
        if fold:
            folded_place = next(
                (p for v in _spellings(name) if (p := _resolve(gazetteer, v, fold=False)) is not None), None
            )
            if folded_place is not None:
                return folded_place
        folded = place_key(name)
        # one vowel written for another ("Wonson" for Wonsan) only when no other place is a vowel away too
        # (Sonchon and Sunchon are two places)
        one_vowel = list(
            dict.fromkeys(place_key(c) for c in error.close_matches if _one_vowel(place_key(c), folded))
        )
        for close in error.close_matches:
            if (
                place_key(close) == folded
                or _one_swap(place_key(close), folded)
                or (one_vowel == [place_key(close)] and len(name) >= 6)
            ):
                try:
                    place = gazetteer.resolve(close)
                except UnknownPlace:
                    continue
                return place if _is_site(place) else None
        return None
    except (KeyError, ValueError):
        return None
    return place if _is_site(place) else None


_VOWELS = frozenset("aeiou")


def _one_vowel(name: str, typed: str) -> bool:
    """Whether ``typed`` is ``name`` with one vowel, not the first letter, written as another."""
    if len(name) != len(typed):
        return False
    differ = [i for i, (a, b) in enumerate(zip(name, typed, strict=True)) if a != b]
    return len(differ) == 1 and differ[0] > 0 and {name[differ[0]], typed[differ[0]]} <= _VOWELS


def _one_swap(name: str, typed: str) -> bool:
    """Whether ``typed`` is ``name`` with one slip of the keys: two neighbouring letters swapped ("Keasong" for
    Kaesong) or one letter left out ("Hahung" for Hamhung), in names long enough that a slip makes no other place."""
    if min(len(name), len(typed)) < 6:
        return False
    if len(name) == len(typed) + 1:
        # (never the first letter: "Yongseong" is a district of its own, not Pyongsong)
        return any(name[:i] + name[i + 1 :] == typed for i in range(1, len(name)))
    if len(name) != len(typed):
        return False
    differ = [i for i, (a, b) in enumerate(zip(name, typed, strict=True)) if a != b]
    return (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and name[differ[0]] == typed[differ[1]]
        and name[differ[1]] == typed[differ[0]]
    )


def _variants(name: str) -> list[str]:
    base = _SUFFIX.sub("", name).strip()
    words = base.split()
    variants = [name, base] + [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)] + words
    return list(dict.fromkeys(v for v in variants if v and v not in _SKIP))


def _named_as(place: Place, name: str) -> bool:
    """Whether ``name`` (or it without "Province"...) is the place's own name or one of its aliases."""
    keys = {place_key(name), place_key(_SUFFIX.sub("", name))}
    names = [getattr(place, "name", ""), *(getattr(place, "aliases", None) or ())]
    return any(place_key(n) in keys for n in names)


def _province(name: str) -> str | None:
    folded = place_key(_SUFFIX.sub("", name))
    return next((p for p in PROVINCES if place_key(p) == folded), None)


def find_site(group: list[Sentence], gazetteer: Gazetteer, warnings: list[str]) -> SiteMatch | None:
    """The first resolvable site in ``group`` (launch sentences first), else a province centre."""
    ordered = launch_sentences_first(group)
    province_hit = None
    capital_hit: SiteMatch | None = None
    placeholder_hit: SiteMatch | None = None
    read_as: dict[str, str] = {}  # site id: how a name was read as it
    for sentence in ordered:
        candidates = [
            (m.start("name"), m.end("name"), m.group("name"))
            for pattern in (_CANDIDATE, _PROVINCE_OF_A_PLACE, _WHERE_LAUNCHED)
            for m in pattern.finditer(sentence.text)
        ]
        candidates += [(m.start(), m.end(), CAPITAL_NAME) for m in _CAPITAL.finditer(sentence.text)]
        candidates += [(m.start(), m.end(), MAIN_AIRPORT_NAME) for m in _MAIN_AIRPORT.finditer(sentence.text)]
        candidates += [
            (m.start(), m.end(), SEA_OFF_WONSAN_NAME) for m in _SEA_OFF_WONSAN.finditer(sentence.text)
        ]
        for start, end, name in sorted(candidates):
            if (
                _RELATIVE_PLACE.search(sentence.text[max(0, start - 80) : start])
                or name.split()[0] in _TITLE_WORDS
                or _SPEAKER_AFTER.match(sentence.text[end:])
                or _EVENT_PLACE.search(sentence.text[max(0, start - 40) : start])
                or _GOVERNMENT_BEFORE.search(sentence.text[max(0, start - 40) : start])
                # ("into the Sea off East Coast": where it flew; the coast it came from is read by _coast)
                or _A_COAST.match(name)
            ):
                continue
            evidence = {
                "text": sentence.text[start:end],
                "start": sentence.start + start,
                "end": sentence.start + end,
            }
            whole = _resolve(gazetteer, name) if gazetteer is not None else None
            province = _province(name)
            if province and whole is not None and not _named_as(whole, name):
                # "North Hwanghae Province" resolves to the Hwanghae placeholder; it is a province
                whole = None
            if whole is None and province:
                # "North Hwanghae Province" is a province, not its word "Hwanghae"
                province_hit = province_hit or (province, evidence)
                continue
            if gazetteer is not None:
                for variant in _variants(name):
                    place = _resolve(gazetteer, variant)
                    if place is not None:
                        if place_key(variant) != place_key(
                            getattr(place, "name", variant)
                        ) and variant.lower() not in [
                            a.lower() for a in (getattr(place, "aliases", None) or ())
                        ]:
                            # said only of the site drafted: a placeholder or the capital may still give way
                            read_as.setdefault(
                                place.id, f"read the site {variant!r} as {place.name!r} ({place.id})"
                            )
                        province = _province_after(sentence.text[end:])
                        found = SiteMatch(place.id, place.lat, place.lon, evidence, province)
                        if getattr(place, "kind", None) == PLACEHOLDER_KIND:
                            # "from an inland area of Hwanghae Province ... from near Hwangju County": a placeholder
                            # gives way to a place named in it
                            placeholder_hit = placeholder_hit or found
                            break
                        if place.id != CAPITAL_SITE_ID:
                            return _drafted(
                                _place_near(found, ordered, gazetteer) or found, read_as, warnings
                            )
                        # "from an area near its capital, Pyongyang ... from an area around Pukchang": the
                        # capital area is where copy starts; a place named in or near it is the site
                        capital_hit = capital_hit or found
                        break
    area_hit = capital_hit or placeholder_hit
    if area_hit is not None:
        return _drafted(area_hit, read_as, warnings)
    coast = _coast(ordered, gazetteer) if gazetteer is not None else None
    if coast:
        return coast
    if province_hit:
        province, evidence = province_hit
        lat, lon = PROVINCES[province]
        warnings.append(
            f"only the province is named ({evidence['text']!r}); the launch point is its approximate centre "
            "and the site is left blank"
        )
        return SiteMatch(None, lat, lon, evidence, province)
    return None


def _place_near(site: SiteMatch, ordered: list[Sentence], gazetteer: Gazetteer) -> SiteMatch | None:
    """A place told as near the site found, in the launch's other words: the nearer point of launch.

    "fired two short-range missiles from near its east coast town of Wonsan ... from Hodo Peninsula near its
    eastern coastal town of Wonsan": Hodo is the site, Wonsan where it lies.
    """
    near = re.compile(
        r"\bfrom\s+(?P<name>(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)*)\s+near\s+(?:[\w-]+\s+){0,5}?"
        + re.escape(site.evidence["text"])
        + r"\b",
        re.I,
    )
    for sentence in ordered:
        match = near.search(sentence.text)
        place = _resolve(gazetteer, match.group("name")) if match else None
        if (
            match
            and place is not None
            and place.id != site.site_id
            and getattr(place, "kind", None) != PLACEHOLDER_KIND
        ):
            return SiteMatch(place.id, place.lat, place.lon, span(match, sentence.start, "name"))
    return None


def _drafted(site: SiteMatch, read_as: dict[str, str], warnings: list[str]) -> SiteMatch:
    """``site``, the one drafted, with the warning of how its name was read (if it was read as another)."""
    if site.site_id in read_as:
        warnings.append(read_as[site.site_id])
    return site


_ARTILLERY = re.compile(r"\b(?:artillery|shells|rounds)\b", re.I)
_MIGHT_AFTER = re.compile(r"[^.;]{0,30}?\b(?:could|would|might|can)\b", re.I)


def _coast(ordered: list[Sentence], gazetteer: Gazetteer) -> SiteMatch | None:
    """The coast a launch sentence says it came from ("from its east coast"), as its placeholder site."""
    for sentence in ordered:
        match = _FROM_COAST.search(sentence.text)
        if match is None:
            continue
        if _ARTILLERY.search(sentence.text, 0, match.start()):
            continue  # "fired more than 100 artillery rounds Wednesday from its east coast": the guns' coast
        if _MIGHT_AFTER.match(sentence.text, match.end()):
            continue  # "a Rodong missile fired from North Korea's east coast could strike ...": a what-if
        place = _resolve(gazetteer, f"{match.group('side').lower()} coast")
        if place is not None:
            return SiteMatch(place.id, place.lat, place.lon, span(match, sentence.start))
    return None


def _province_after(rest: str) -> str | None:
    match = re.match(r"\s*,?\s*(?:in\s+)?([A-Z]\w+ [A-Z]\w+)\s+[Pp]rovince", rest)
    return _province(match.group(1)) if match else None
