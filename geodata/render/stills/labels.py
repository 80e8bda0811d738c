"""Label placement for stills: greedy collision avoidance on text bounding boxes.

:func:`place_labels` places all labels of a still at once, most important first. Each
label tries eight positions around its anchor and takes the first whose text box stays
inside the map and overlaps no other label, marker, track point, legend or scale bar.
A required label (a site when only one or two are shown, a ring label) that finds no
room keeps its first position; an optional one (a place, one of many sites) is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox, offset_copy

# Label anchors: offsets in points, with the text alignment that keeps text clear of the anchor.
_CANDIDATES = (
    (6, 4, "left", "bottom"),
    (6, -4, "left", "top"),
    (-6, 4, "right", "bottom"),
    (-6, -4, "right", "top"),
    (8, 0, "left", "center"),
    (-8, 0, "right", "center"),
    (0, 8, "center", "bottom"),
    (0, -8, "center", "top"),
)


@dataclass
class LabelRequest:
    """A label to place next to the point ``(x, y)`` (projected metres)."""

    x: float
    y: float
    text: str
    priority: int  # higher is placed first
    required: bool = False
    fontsize: float = 11.0
    weight: str = "normal"
    colour: str | None = None


def _overlaps(box: Bbox, others: Sequence[Bbox]) -> bool:
    return any(box.overlaps(other) for other in others)


def _covers_a_point(box: Bbox, xs: np.ndarray, ys: np.ndarray, half_px: float) -> bool:
    """Whether ``box`` overlaps the ``half_px`` square around any point: :meth:`Bbox.overlaps` as one array test."""
    if not len(xs):
        return False
    return bool(
        np.any(
            (box.x0 <= xs + half_px)
            & (xs - half_px <= box.x1)
            & (box.y0 <= ys + half_px)
            & (ys - half_px <= box.y1)
        )
    )


def place_labels(
    ax: Axes,
    labels: Sequence[LabelRequest],
    obstacles: Sequence[Bbox],
    style: dict,
    marker_px: float,
    lines: Sequence[tuple[float, float]] | np.ndarray = (),
) -> list[Text]:
    """Greedy placement: for each label, most important first, the first candidate that overlaps nothing.

    ``lines`` are points along drawn lines (tracks) that labels should not cover.
    """
    renderer = agg_renderer(ax.figure)
    frame = ax.get_window_extent(renderer)
    taken = list(obstacles)
    # Points along tracks stay one array (10,000 tracks give 300,000): each candidate box is
    # tested against all of them at once, not against a box per point.
    line_px = ax.transData.transform(lines) if len(lines) else np.empty((0, 2))
    # Only points inside the map can touch a label (labels stay inside it).
    inside_map = (
        (line_px[:, 0] >= frame.x0 - 2)
        & (line_px[:, 0] <= frame.x1 + 2)
        & (line_px[:, 1] >= frame.y0 - 2)
        & (line_px[:, 1] <= frame.y1 + 2)
    )
    line_xs, line_ys = line_px[inside_map, 0], line_px[inside_map, 1]
    for label in labels:  # every anchor's marker is an obstacle for every other label
        cx, cy = ax.transData.transform((label.x, label.y))
        taken.append(Bbox.from_extents(cx - marker_px, cy - marker_px, cx + marker_px, cy + marker_px))
    placed = []
    halo = [patheffects.withStroke(linewidth=3, foreground=style["halo"])]
    for label in sorted(labels, key=lambda lab: -lab.priority):
        text = ax.text(
            label.x,
            label.y,
            label.text,
            fontsize=label.fontsize,
            fontweight=label.weight,
            color=label.colour or style["text"],
            path_effects=halo,
            zorder=9,
        )
        chosen = None
        for candidate in _CANDIDATES:
            box = _try(ax, text, candidate, renderer)
            inside = frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
            if inside and not _overlaps(box, taken) and not _covers_a_point(box, line_xs, line_ys, 2):
                chosen = box
                break
        if chosen is None:
            if not label.required:
                text.remove()
                continue
            chosen = _try(ax, text, _CANDIDATES[0], renderer)  # required: overlap rather than vanish
        taken.append(chosen)
        placed.append(text)
    return placed


def agg_renderer(figure: Any) -> RendererBase:
    """The renderer of a figure drawn on an Agg canvas (text sizes are measured with it)."""
    return figure.canvas.get_renderer()  # FigureCanvasAgg has it; the base class does not say so


def _try(ax: Axes, text: Text, candidate: tuple, renderer: RendererBase) -> Bbox:
    dx, dy, ha, va = candidate
    text.set_transform(offset_copy(ax.transData, fig=cast(Figure, ax.figure), x=dx, y=dy, units="points"))
    text.set_horizontalalignment(ha)
    text.set_verticalalignment(va)
    return text.get_window_extent(renderer).padded(2)
