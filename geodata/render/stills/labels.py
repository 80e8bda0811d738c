"""Label placement for stills: greedy collision avoidance on text bounding boxes.

:func:`place_labels` places all labels of a still at once, most important first. Each
label tries eight positions around its anchor and takes the first whose text box stays
inside the map and overlaps no other label, marker, track, legend or scale bar (tracks as a
grid of occupied cells, :class:`OccupiedCells`).
A required label (a site when only one or two are shown, a ring label) that finds no
room keeps its first position; an optional one (a place, one of many sites) is left out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
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


# Track points are kept as a grid of occupied 4-px cells, not a list: a label asks the grid (a summed-area
# table, four look-ups a box) instead of testing every point, so 10,000 tracks cost no more than ten.
_CELL_PX = 4.0


class OccupiedCells:
    """Which ``_CELL_PX`` cells of a frame hold the ``half_px`` square around any of some points (pixels).

    :meth:`touches` answers whether a box overlaps such a square, erring (by under a cell) on the side
    of "yes", so a label that passes keeps at least ``half_px`` clear of every point.
    """

    def __init__(self, frame: Bbox, points_px: np.ndarray, half_px: float) -> None:
        self.x0, self.y0 = frame.x0, frame.y0
        self.columns = math.ceil(frame.width / _CELL_PX) + 1
        self.rows = math.ceil(frame.height / _CELL_PX) + 1
        occupied = np.zeros((self.rows, self.columns), dtype=bool)
        if len(points_px):
            # A square no wider than a cell (half_px <= 2) touches only the cells of its four corners.
            for dx in (-half_px, half_px):
                for dy in (-half_px, half_px):
                    column = self._cells(points_px[:, 0] + dx - self.x0, self.columns)
                    row = self._cells(points_px[:, 1] + dy - self.y0, self.rows)
                    occupied[row, column] = True
        self.table = np.zeros((self.rows + 1, self.columns + 1), dtype=np.int64)
        self.table[1:, 1:] = occupied.cumsum(axis=0).cumsum(axis=1)

    @staticmethod
    def _cells(offset_px: np.ndarray, count: int) -> np.ndarray:
        return np.clip(np.floor(offset_px / _CELL_PX), 0, count - 1).astype(np.intp)

    def touches(self, box: Bbox) -> bool:
        c0, c1 = self._cells(np.array([box.x0 - self.x0, box.x1 - self.x0]), self.columns)
        r0, r1 = self._cells(np.array([box.y0 - self.y0, box.y1 - self.y0]), self.rows)
        t = self.table
        return bool(t[r1 + 1, c1 + 1] - t[r0, c1 + 1] - t[r1 + 1, c0] + t[r0, c0] > 0)


@dataclass(frozen=True)
class Polylines:
    """Drawn lines (tracks) as one array: vertices ``xy`` in data units and the line ``owner`` of each."""

    xy: np.ndarray
    owner: np.ndarray


# What labels keep clear of: points this many pixels apart along each drawn line (a continuous band
# with the 2-px margin each point gets).
_LINE_SAMPLE_PX = 4.0


def _points_on_segments(starts: np.ndarray, ends: np.ndarray, step: float) -> np.ndarray:
    """Points at most ``step`` apart along each segment ``starts[i]``–``ends[i]``, both ends included."""
    delta = ends - starts
    pieces = np.maximum(1, np.ceil(np.hypot(delta[:, 0], delta[:, 1]) / step)).astype(int)
    segment = np.repeat(np.arange(len(starts)), pieces + 1)
    k = np.arange(len(segment)) - np.repeat(np.cumsum(pieces + 1) - (pieces + 1), pieces + 1)
    return starts[segment] + (k / pieces[segment])[:, None] * delta[segment]


def _near_labels(
    lines: Polylines, ax: Axes, labels: Sequence[LabelRequest], renderer: RendererBase
) -> np.ndarray:
    """Pixel points along the segments of ``lines`` that some label's positions could touch."""
    xy_px = ax.transData.transform(lines.xy)
    if len(xy_px) < 2 or not labels:
        return np.empty((0, 2))
    same = lines.owner[1:] == lines.owner[:-1]
    starts, ends = xy_px[:-1][same], xy_px[1:][same]
    low, high = np.minimum(starts, ends), np.maximum(starts, ends)
    near = np.zeros(len(starts), dtype=bool)
    offset_px = max(abs(c) for candidate in _CANDIDATES for c in candidate[:2]) * ax.figure.dpi / 72
    for label in labels:
        width, height, _ = renderer.get_text_width_height_descent(
            label.text, FontProperties(size=label.fontsize, weight=label.weight), ismath=False
        )
        # Every candidate box lies within offset + text + padding (2 px) + the points' margin (2 px).
        reach_x, reach_y = width + offset_px + 6, height + offset_px + 6
        x, y = ax.transData.transform((label.x, label.y))
        near |= (
            (low[:, 0] <= x + reach_x) & (high[:, 0] >= x - reach_x)
            & (low[:, 1] <= y + reach_y) & (high[:, 1] >= y - reach_y)
        )  # fmt: skip
    return _points_on_segments(starts[near], ends[near], _LINE_SAMPLE_PX)


def place_labels(
    ax: Axes,
    labels: Sequence[LabelRequest],
    obstacles: Sequence[Bbox],
    style: dict,
    marker_px: float,
    lines: Polylines | Sequence[tuple[float, float]] | np.ndarray = (),
) -> list[Text]:
    """Greedy placement: for each label, most important first, the first candidate that overlaps nothing.

    ``lines`` are drawn lines (tracks, :class:`Polylines`) or points along them that labels should not
    cover; of :class:`Polylines` only the parts within a label's reach are looked at.
    """
    renderer = agg_renderer(ax.figure)
    frame = ax.get_window_extent(renderer)
    taken = list(obstacles)
    if isinstance(lines, Polylines):
        line_px = _near_labels(lines, ax, labels, renderer)
    else:
        line_px = ax.transData.transform(lines) if len(lines) else np.empty((0, 2))
    # Only points inside the map can touch a label (labels stay inside it).
    inside_map = (
        (line_px[:, 0] >= frame.x0 - 2)
        & (line_px[:, 0] <= frame.x1 + 2)
        & (line_px[:, 1] >= frame.y0 - 2)
        & (line_px[:, 1] <= frame.y1 + 2)
    )
    on_lines = OccupiedCells(frame, line_px[inside_map], half_px=2)
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
            if inside and not _overlaps(box, taken) and not on_lines.touches(box):
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
