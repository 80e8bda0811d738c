"""Shared look: one colour and one marker per system class, and the colours of range rings.

The Leaflet map, the stills, the History charts and the KML export all draw from here,
so a class looks the same on every surface.
"""

from __future__ import annotations

from geodata.schema import SYSTEM_CLASSES

__all__ = [
    "CLASS_COLOURS",
    "CLASS_MARKERS",
    "CROWDED_TRACKS",
    "RING_COLOURS",
    "class_colour",
    "class_marker",
    "ring_colour",
]

# Okabe & Ito (2008) colour-blind-safe palette, one colour per class; cruise's yellow
# is darkened so it stays visible on the pale land colour.
CLASS_COLOURS: dict[str, str] = {
    "SRBM": "#E69F00",
    "MRBM": "#56B4E9",
    "IRBM": "#009E73",
    "ICBM": "#D55E00",
    "SLBM": "#0072B2",
    "SLV": "#CC79A7",
    "cruise": "#8C7A00",
    "HGV": "#000000",
    "unknown": "#999999",
}
# The marker shape repeats the colour's distinction so a greyscale print keeps classes apart.
CLASS_MARKERS: dict[str, str] = {
    "SRBM": "o",
    "MRBM": "D",
    "IRBM": "p",
    "ICBM": "^",
    "SLBM": "v",
    "SLV": "*",
    "cruise": "X",
    "HGV": "h",
    "unknown": "P",
}
assert set(CLASS_COLOURS) == set(CLASS_MARKERS) == set(SYSTEM_CLASSES)

# From this many launches drawn at once, tracks overlap in their thousands: the map and the stills
# draw them thin, and impact points small without outlines. Thick tracks would only merge into
# bands, and in a browser they cost seconds to rasterise (1.9 s for 50,000 on the launch map).
CROWDED_TRACKS = 1_000

# Rings are not launches: their colours are kept apart from the class colours (Paul Tol's
# "muted" scheme, colour-blind safe), so a red ring is never read as an ICBM.
RING_COLOURS = ("#332288", "#882255", "#117733", "#44AA99", "#AA4499", "#999933")


def class_colour(system_class: str) -> str:
    """The class's colour (grey for an unknown class)."""
    return CLASS_COLOURS.get(system_class, CLASS_COLOURS["unknown"])


def class_marker(system_class: str) -> str:
    """The class's matplotlib marker."""
    return CLASS_MARKERS.get(system_class, CLASS_MARKERS["unknown"])


def ring_colour(index: int) -> str:
    """The colour of the ``index``-th ring drawn on one map."""
    return RING_COLOURS[index % len(RING_COLOURS)]
