"""Range rings as values: the ring type, the typed ``SITE:RANGE`` form, and a system's published range.

A ring is a centre, a radius in km and the words drawn on it. Every page, the CLI, the
stills and the exports build rings here, so "1,000 km", "Hwasong-15" and "KN-23" mean the
same ring everywhere. The geometry (an exact geodesic polygon) is :func:`geodata.geo.geodesy.range_ring`.

>>> ring = RingSpec(40.21, 125.2, parse_length_km("1,000 km"))
>>> ring.text
'1,000 km'
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from geodata.errors import InvalidRange
from geodata.geo.geodesy import MAX_RING_RADIUS_KM
from geodata.units import float_or_nan, name_key, parse_length_km

__all__ = [
    "RingBand",
    "RingSpec",
    "close_system_names",
    "find_system",
    "parse_ring",
    "ring_band",
    "ring_radius",
    "system_names",
    "system_range",
    "system_ring_band",
    "system_rings",
]


# A typed range that starts like a number is a length, never a system name.
_LOOKS_NUMERIC = re.compile(r"\s*([-+.\d]|nan\b|inf)", re.IGNORECASE)


@dataclass(frozen=True)
class RingSpec:
    """A range ring: centre ``(lat, lon)`` in degrees, radius in km, and the label drawn on it."""

    lat: float
    lon: float
    radius_km: float
    label: str = ""

    @property
    def text(self) -> str:
        return self.label or f"{self.radius_km:,.0f} km"


class _Located(Protocol):
    lat: float
    lon: float


class _Gazetteer(Protocol):
    def resolve(self, text: str) -> _Located: ...


def system_names(system: Mapping[Any, Any]) -> set[str]:
    """Every name a system answers to: its full name, its short name and its designations."""
    name = str(system["name"])
    names = {name, name.split(" (")[0]}
    names |= {d.strip() for d in str(system.get("designations") or "").split(";") if d.strip()}
    return names


def find_system(name: str, systems: Iterable[Mapping[Any, Any]]) -> Mapping[Any, Any] | None:
    """The catalogue row answering to ``name`` (full name, short name or designation), or ``None``."""
    wanted = name_key(name)
    return next((s for s in systems if wanted in {name_key(n) for n in system_names(s)}), None)


def close_system_names(name: str, systems: Iterable[Mapping[Any, Any]]) -> list[str]:
    """Up to three catalogue names close to a mistyped ``name``."""
    known = [n for s in systems for n in system_names(s)]
    return difflib.get_close_matches(name, known, n=3, cutoff=0.6)


def system_range(name: str, systems: Iterable[Mapping[Any, Any]]) -> tuple[float, str]:
    """``(range_max_km, label)`` of a system by name, short name ("Hwasong-11A") or designation ("KN-23").

    Raises :class:`~geodata.errors.InvalidRange` naming close matches when no system with a
    published range answers to ``name``.
    """
    systems = list(systems)
    system = find_system(name, systems)
    radius_km = float_or_nan(system.get("range_max_km")) if system is not None else math.nan
    if system is not None and math.isfinite(radius_km):
        return radius_km, f"{system['name']} {radius_km:,.0f} km"
    hint = close_system_names(name, systems)
    raise InvalidRange(
        f"expected a length (700km, 435mi) or a system with a published range, got {name!r}"
        + (f"; did you mean {', '.join(map(repr, hint))}?" if hint else "")
    )


def ring_radius(text: str, systems: Iterable[Mapping[Any, Any]] = ()) -> tuple[float, str]:
    """``(radius_km, label)`` for one typed range: a length, or a system's published maximum range."""
    try:
        radius_km, label = parse_length_km(text), ""
    except InvalidRange:
        if _LOOKS_NUMERIC.match(str(text)):
            raise  # "0km", "1e309km", "7 furlongs": the length's own message says what is wrong
        radius_km, label = system_range(text.strip(), systems)
    if radius_km >= MAX_RING_RADIUS_KM:
        raise InvalidRange(
            f"expected a radius below {MAX_RING_RADIUS_KM:,.0f} km (half the Earth's circumference), "
            f"got {text!r}: every point on Earth is in range"
        )
    return radius_km, label


def parse_ring(text: str, gazetteer: _Gazetteer, systems: Iterable[Mapping[Any, Any]] = ()) -> RingSpec:
    """``SITE:RANGE`` -> a :class:`RingSpec`; RANGE is a length or a system's published maximum range."""
    site, sep, range_text = str(text).rpartition(":")
    if not sep or not site.strip() or not range_text.strip():
        raise InvalidRange(
            f"expected a ring as SITE:RANGE such as 'Sunan:13000km', got {text!r} ({type(text).__name__})"
        )
    place = gazetteer.resolve(site.strip())
    radius_km, label = ring_radius(range_text, systems)
    return RingSpec(float(place.lat), float(place.lon), radius_km, label)


def system_rings(event: Mapping[Any, Any], systems: Iterable[Mapping[Any, Any]]) -> list[RingSpec]:
    """Rings at the published minimum and maximum range of an event's system, centred on its launch point."""
    system = next((s for s in systems if s["name"] == event.get("system")), None)
    if system is None:
        return []
    rings = []
    for column, word in (("range_min_km", "min"), ("range_max_km", "max")):
        radius_km = float_or_nan(system.get(column))
        if 0 < radius_km < MAX_RING_RADIUS_KM:
            label = f"{system['name']} {word}"
            rings.append(RingSpec(float(event["lat"]), float(event["lon"]), radius_km, label))
    if len(rings) == 2 and rings[0].radius_km == rings[1].radius_km:
        rings = rings[1:]
    return rings


@dataclass(frozen=True)
class RingBand:
    """A system whose published range varies: the area between its minimum and maximum rings."""

    inner: RingSpec
    outer: RingSpec

    @property
    def text(self) -> str:
        """'Hwasong-12 3,700–4,500 km' (the system's name from the ring labels)."""
        name = self.outer.label.removesuffix(" max").strip()
        span = f"{self.inner.radius_km:,.0f}–{self.outer.radius_km:,.0f} km"
        return f"{name} {span}" if name else span


def ring_band(rings: Iterable[RingSpec]) -> RingBand | None:
    """The band between the smallest and largest of rings sharing one centre, or ``None`` when
    there is one radius (a band needs a minimum below the maximum)."""
    rings = list(rings)
    if len(rings) < 2:
        return None
    inner = min(rings, key=lambda r: r.radius_km)
    outer = max(rings, key=lambda r: r.radius_km)
    if inner.radius_km == outer.radius_km or (inner.lat, inner.lon) != (outer.lat, outer.lon):
        return None
    return RingBand(inner, outer)


def system_ring_band(event: Mapping[Any, Any], systems: Iterable[Mapping[Any, Any]]) -> RingBand | None:
    """The min–max band of an event's system (:func:`system_rings`), or ``None`` for a single range."""
    return ring_band(system_rings(event, systems))
