"""The gazetteer: launch sites and reference places, found by any common spelling.

Korean place names reach us in several romanisations (McCune–Reischauer ``P'yŏngan``,
Revised Romanization ``Pyeongan``, news spellings ``Phyongan``), with and without
``-gun``/``County``, and wrapped in phrases such as "near" or "the area of". The
gazetteer folds all of these to one key (:func:`place_key`), so ``"near Taekwan County"``,
``"Taegwan-gun"`` and ``"taegwan"`` find the same site. Assumptions: a name that folds
to the same key as another *is* that place (sites win over reference places, ids and
names over aliases); a coordinate string is a place of its own.

>>> from geodata.seeds import seeds_dir
>>> gazetteer = Gazetteer.from_seeds(seeds_dir())
>>> gazetteer.resolve("near Taekwan County, North Phyongan Province").id
'taegwan'
>>> [p.id for p in gazetteer.search("fired from the Tongchang-ri area toward Okinawa")]
['sohae']
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from geodata.errors import InvalidCoordinate, UnknownPlace
from geodata.units import ascii_fold, text_or_empty


@dataclass(frozen=True)
class Place:
    """A launch site or a reference place, in WGS-84 degrees."""

    id: str
    name: str
    lat: float
    lon: float
    kind: str
    aliases: tuple[str, ...] = ()
    province_or_country: str = ""


# Words that wrap a place name in reports without being part of it.
_NOISE_WORDS = frozenset(
    [
        "near",
        "nearby",
        "area",
        "areas",
        "of",
        "the",
        "vicinity",
        "around",
        "in",
        "from",
        "at",
        "county",
        "province",
        "city",
        "district",
        "region",
        "gun",
        "kun",
        "up",
        "eup",
        "guyok",
        "si",
        "do",
    ]
)
# Romanisation variants, folded in this order after hyphens and spaces are gone.
_VOWEL_FOLDS = (("eo", "o"), ("eu", "u"), ("ay", "ae"), ("wo", "o"))
_CONSONANT_FOLDS = (
    ("ph", "p"),
    ("th", "t"),
    ("kh", "k"),
    ("sh", "s"),
    ("j", "ch"),
    ("g", "k"),
    ("b", "p"),
    ("d", "t"),
)
_WORD_RE = re.compile(r"[^\W_](?:[\w'’`ʼ.-]*[^\W_])?", re.UNICODE)
_DIGIT_RE = re.compile(r"\d")
# Longest phrase (in words) tried when scanning free text, e.g. "Pyongyang Sunan International Airport".
_MAX_PHRASE_WORDS = 5
# Keys this short ("dc", "la") match only when the text spells the alias exactly, case included.
_SHORT_KEY = 4


def place_key(text: str) -> str:
    """Fold a place name to the key used for matching (lower case, no noise words, one romanisation).

    >>> place_key("near Taekwan County") == place_key("Taegwan-gun")
    True
    """
    text = ascii_fold(str(text)).lower()
    text = re.sub(r"['’`ʼ.]", "", text)
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w and w not in _NOISE_WORDS]
    key = "".join(words)
    for old, new in _VOWEL_FOLDS + _CONSONANT_FOLDS:
        key = key.replace(old, new)
    # Doubled letters vary between spellings (Kittaeryong / Kitaeryong).
    return re.sub(r"(.)\1+", r"\1", key)


def _coordinate(value: Any, column: str, row_id: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number):
        raise InvalidCoordinate(
            f"{column} of place {row_id!r} must be a number, got {value!r} ({type(value).__name__})"
        )
    return number


def _places_from_frame(frame: pd.DataFrame | None, region_column: str) -> list[Place]:
    if frame is None or frame.empty:
        return []
    places = []
    for record in frame.to_dict("records"):
        place_id = text_or_empty(record.get("id"))
        if not place_id:
            continue
        aliases = tuple(a.strip() for a in text_or_empty(record.get("aliases")).split(";") if a.strip())
        places.append(
            Place(
                id=place_id,
                name=text_or_empty(record.get("name")) or place_id,
                lat=_coordinate(record.get("lat"), "lat", place_id),
                lon=_coordinate(record.get("lon"), "lon", place_id),
                kind=text_or_empty(record.get("kind")) or "unknown",
                aliases=aliases,
                province_or_country=text_or_empty(record.get(region_column)),
            )
        )
    return places


class Gazetteer:
    """Launch sites and reference places, resolvable by id, name, alias or spelling variant."""

    def __init__(self, sites: list[Place], places: list[Place]) -> None:
        self._sites = list(sites)
        self._places = list(places)
        self._by_id: dict[str, Place] = {}
        # key -> (rank, place); lower rank wins: site id/name 0, site alias 1, place id/name 2, place alias 3.
        self._by_key: dict[str, tuple[int, Place]] = {}
        # Short keys are matched exactly (case-sensitive) in free text.
        self._short_aliases: dict[str, Place] = {}
        for rank_offset, group in ((0, self._sites), (2, self._places)):
            for place in group:
                self._by_id.setdefault(place.id.lower(), place)
                self._index(place.id, rank_offset, place)
                self._index(place.name, rank_offset, place)
                for alias in place.aliases:
                    self._index(alias, rank_offset + 1, place)

    def _index(self, label: str, rank: int, place: Place) -> None:
        key = place_key(label)
        if not key:
            return
        if len(key) < _SHORT_KEY:
            self._short_aliases.setdefault(label.strip(), place)
        current = self._by_key.get(key)
        if current is None or rank < current[0]:
            self._by_key[key] = (rank, place)

    # --- construction ----------------------------------------------------------------------------

    @classmethod
    def from_frames(cls, sites: pd.DataFrame | None, places: pd.DataFrame | None = None) -> Gazetteer:
        """Build from ``sites`` (SITE_COLUMNS) and ``places`` (PLACE_COLUMNS) frames."""
        return cls(_places_from_frame(sites, "province"), _places_from_frame(places, "country"))

    @classmethod
    def from_seeds(cls, seeds_dir: Path) -> Gazetteer:
        """Build from ``sites.csv`` and (if present) ``places.csv`` in ``seeds_dir``."""
        seeds_dir = Path(seeds_dir)
        sites = pd.read_csv(seeds_dir / "sites.csv", dtype=str, keep_default_na=False)
        places_path = seeds_dir / "places.csv"
        places = pd.read_csv(places_path, dtype=str, keep_default_na=False) if places_path.exists() else None
        return cls.from_frames(sites, places)

    # --- access ----------------------------------------------------------------------------------

    @property
    def sites(self) -> list[Place]:
        """Launch sites, in file order."""
        return list(self._sites)

    @property
    def places(self) -> list[Place]:
        """Reference places (capitals, cities, bases), in file order."""
        return list(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._sites + self._places)

    def __len__(self) -> int:
        return len(self._sites) + len(self._places)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._lookup(name) is not None

    def labels(self) -> list[str]:
        """Every id, name and alias, for suggestions and close matches."""
        labels: list[str] = []
        for place in self:
            labels.extend((place.id, place.name, *place.aliases))
        return list(dict.fromkeys(labels))

    # --- resolving -------------------------------------------------------------------------------

    def _lookup(self, name: str) -> Place | None:
        text = name.strip()
        if not text:
            return None
        by_id = self._by_id.get(text.lower())
        if by_id is not None:
            return by_id
        found = self._by_key.get(place_key(text))
        if found is not None:
            return found[1]
        # "Taegwan, North Phyongan Province": the part before the first comma is the place.
        if "," in text:
            head = text.split(",", 1)[0]
            found = self._by_key.get(place_key(head))
            if found is not None:
                return found[1]
        return None

    def resolve(self, name: str) -> Place:
        """Return the place ``name`` refers to: an id, a name, an alias, a spelling variant,
        a phrase that mentions one known place, or a coordinate such as ``"40.21, 125.20"``.

        Raises :class:`~geodata.errors.UnknownPlace` with close matches otherwise.
        """
        if not isinstance(name, str):
            raise UnknownPlace(repr(name), ())
        place = self._lookup(name)
        if place is not None:
            return place
        if _DIGIT_RE.search(name):
            coordinate = _parse_coordinate(name)
            if coordinate is not None:
                lat, lon = coordinate
                return Place(
                    id=f"{lat:.4f},{lon:.4f}", name=name.strip(), lat=lat, lon=lon, kind="coordinate"
                )
        mentioned = self.search(name)
        if mentioned:
            return mentioned[0]
        raise UnknownPlace(name, self._close_labels(name))

    def _close_labels(self, name: str) -> list[str]:
        """Labels whose folded key is close to ``name``'s, so the error suggests real spellings."""
        key = place_key(name)
        labels = self.labels()
        keyed = {place_key(label): label for label in labels}
        close = difflib.get_close_matches(key, list(keyed), n=5, cutoff=0.6) if key else []
        # UnknownPlace matches these against the raw name; listing them first keeps them in front.
        return list(dict.fromkeys([keyed[k] for k in close] + labels))

    # --- free text -------------------------------------------------------------------------------

    def search(self, text: str, *, include_places: bool = True) -> list[Place]:
        """Places mentioned in free text, in order of first mention, each once.

        The longest phrase wins at each position, so "Pyongyang International Airport"
        gives Sunan, not Pyongyang. Reference places are left out with ``include_places=False``.
        """
        if not isinstance(text, str) or not text.strip():
            return []
        words = [m.group(0) for m in _WORD_RE.finditer(ascii_fold(text))]
        found: dict[str, Place] = {}
        site_ids = {p.id for p in self._sites}
        i = 0
        while i < len(words):
            match = self._match_at(words, i)
            if match is None:
                i += 1
                continue
            place, used = match
            if include_places or place.id in site_ids:
                found.setdefault(place.id, place)
            i += used
        return list(found.values())

    def _match_at(self, words: list[str], i: int) -> tuple[Place, int] | None:
        # A phrase may not start with a noise word ("near Sunan" is matched from "Sunan").
        if words[i].lower() in _NOISE_WORDS:
            return None
        for size in range(min(_MAX_PHRASE_WORDS, len(words) - i), 0, -1):
            phrase_words = words[i : i + size]
            phrase = " ".join(phrase_words)
            short = self._short_aliases.get(phrase)
            if short is not None:
                return short, size
            key = place_key(phrase)
            if len(key) < _SHORT_KEY:
                continue
            found = self._by_key.get(key)
            if found is not None:
                return found[1], size
        return None


def _parse_coordinate(text: str) -> tuple[float, float] | None:
    """``(lat, lon)`` if ``text`` is a coordinate; geodesy is imported lazily (it loads pyproj)."""
    try:
        from geodata.geo.geodesy import parse_coordinate
    except ImportError:  # geodesy not installed in a trimmed deployment
        return None
    try:
        return parse_coordinate(text)
    except (InvalidCoordinate, ValueError):
        return None
