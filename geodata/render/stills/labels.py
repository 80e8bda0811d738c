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

import matplotlib
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


def _overlaps(box: np.ndarray, others: np.ndarray) -> bool:
    """Whether the box ``(x0, y0, x1, y1)`` overlaps any row of ``others``: :meth:`Bbox.overlaps` for all at once."""
    return bool(
        np.any(
            (box[0] <= others[:, 2])
            & (others[:, 0] <= box[2])
            & (box[1] <= others[:, 3])
            & (others[:, 1] <= box[3])
        )
    )


# Padding around a label's text box, in pixels: what keeps labels from touching.
_PAD_PX = 2.0


def _candidate_boxes(anchor_px: np.ndarray, width_px: float, height_px: float, dpi: float) -> np.ndarray:
    """The padded text box ``(x0, y0, x1, y1)`` of each of :data:`_CANDIDATES` around ``anchor_px``.

    Arithmetic on one measured size: what matplotlib lays out for each offset and alignment (a test
    holds the two equal), without laying the text out eight times.
    """
    boxes = []
    for dx, dy, ha, va in _CANDIDATES:
        x = anchor_px[0] + dx * dpi / 72 - {"left": 0.0, "center": 0.5, "right": 1.0}[ha] * width_px
        y = anchor_px[1] + dy * dpi / 72 - {"bottom": 0.0, "center": 0.5, "top": 1.0}[va] * height_px
        boxes.append((x - _PAD_PX, y - _PAD_PX, x + width_px + _PAD_PX, y + height_px + _PAD_PX))
    return np.array(boxes)


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


def _near_labels(lines: Polylines, ax: Axes, reach_px: np.ndarray) -> np.ndarray:
    """Pixel points along the segments of ``lines`` that touch any box of ``reach_px`` (rows ``x0, y0, x1, y1``)."""
    xy_px = ax.transData.transform(lines.xy)
    if len(xy_px) < 2 or not len(reach_px):
        return np.empty((0, 2))
    same = lines.owner[1:] == lines.owner[:-1]
    starts, ends = xy_px[:-1][same], xy_px[1:][same]
    low, high = np.minimum(starts, ends), np.maximum(starts, ends)
    near = np.zeros(len(starts), dtype=bool)
    for x0, y0, x1, y1 in (
        reach_px + np.array([-2.0, -2.0, 2.0, 2.0])
    ).tolist():  # and the points' 2-px margin
        near |= (low[:, 0] <= x1) & (high[:, 0] >= x0) & (low[:, 1] <= y1) & (high[:, 1] >= y0)
    return _points_on_segments(starts[near], ends[near], _LINE_SAMPLE_PX)


# The size of a label's text box, by (text, font size, weight, dpi): the same names (sites, places)
# come back on every still, and laying text out is most of what placing labels costs.
_TEXT_SIZES_PX: dict[tuple[Any, ...], tuple[float, float]] = {}


def _font_families() -> tuple[str, ...]:
    """The fonts text is set in now (part of a size's key: another rc setting lays text out otherwise)."""
    rc = cast(dict[str, Any], matplotlib.rcParams)
    family = tuple(rc["font.family"])
    generic = ("serif", "sans-serif", "cursive", "fantasy", "monospace")  # each names a list of fonts
    return family + tuple(font for name in family if name in generic for font in rc[f"font.{name}"])


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
    dpi = ax.figure.dpi
    halo = [patheffects.withStroke(linewidth=3, foreground=style["halo"])]
    ordered = sorted(labels, key=lambda lab: -lab.priority)
    texts, candidates = [], []
    for label in ordered:  # each text laid out once; its eight positions follow by arithmetic
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
        key = (label.text, label.fontsize, label.weight, dpi, text.get_parse_math(), _font_families())
        size = _TEXT_SIZES_PX.get(key)  # read once: another thread's still may clear the dict meanwhile
        if size is None:
            first = _try(ax, text, _CANDIDATES[0], renderer)
            size = (first.width - 2 * _PAD_PX, first.height - 2 * _PAD_PX)
            if len(_TEXT_SIZES_PX) >= 4096:
                _TEXT_SIZES_PX.clear()
            _TEXT_SIZES_PX[key] = size
        anchor = ax.transData.transform((label.x, label.y))
        texts.append(text)
        candidates.append(_candidate_boxes(anchor, *size, dpi))
    if isinstance(lines, Polylines):
        reach = [np.r_[boxes[:, :2].min(axis=0), boxes[:, 2:].max(axis=0)] for boxes in candidates]
        line_px = _near_labels(lines, ax, np.array(reach).reshape(-1, 4))
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
    # Obstacles as rows (x0, y0, x1, y1): those given, and every anchor's marker (for every other label).
    anchors = ax.transData.transform([(label.x, label.y) for label in labels]).reshape(-1, 2)
    taken = np.concatenate(
        [
            np.array([box.extents for box in obstacles]).reshape(-1, 4),
            np.column_stack([anchors - marker_px, anchors + marker_px]),
        ]
    )
    placed = []
    for label, text, boxes in zip(ordered, texts, candidates, strict=True):
        chosen = None
        for index, box in enumerate(boxes):
            inside = frame.x0 <= box[0] and box[2] <= frame.x1 and frame.y0 <= box[1] and box[3] <= frame.y1
            if inside and not _overlaps(box, taken) and not on_lines.touches(Bbox.from_extents(*box)):
                chosen = index
                break
        if chosen is None:
            if not label.required:
                text.remove()
                continue
            chosen = 0  # required: overlap rather than vanish
        _place(ax, text, _CANDIDATES[chosen])
        taken = np.vstack([taken, boxes[chosen]])
        placed.append(text)
    return placed


def agg_renderer(figure: Any) -> RendererBase:
    """The renderer of a figure drawn on an Agg canvas (text sizes are measured with it)."""
    return figure.canvas.get_renderer()  # FigureCanvasAgg has it; the base class does not say so


def _place(ax: Axes, text: Text, candidate: tuple) -> None:
    dx, dy, ha, va = candidate
    text.set_transform(offset_copy(ax.transData, fig=cast(Figure, ax.figure), x=dx, y=dy, units="points"))
    text.set_horizontalalignment(ha)
    text.set_verticalalignment(va)


def _try(ax: Axes, text: Text, candidate: tuple, renderer: RendererBase) -> Bbox:
    """The padded box of ``text`` at ``candidate``, as matplotlib lays it out."""
    _place(ax, text, candidate)
    return text.get_window_extent(renderer).padded(_PAD_PX)
