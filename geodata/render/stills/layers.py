"""Map layers of a still, drawn with matplotlib on axes in projected metres.

Each ``draw_*`` function draws one layer of :mod:`geodata.render.stills.compose` and returns the
labels it wants; :func:`geodata.render.stills.labels.place_labels` then places them all at
once without overlaps.

Colours and markers per system class come from :mod:`geodata.style` (Okabe–Ito,
colour-blind safe); the marker shape differs per class too, so a greyscale print keeps
classes apart, and estimated tracks are dashed in every style.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle
from matplotlib.patches import Circle, Patch, PathPatch, Rectangle
from matplotlib.path import Path
from matplotlib.transforms import IdentityTransform
from shapely.geometry.base import BaseGeometry

from geodata import style as shared_style
from geodata.geo.ballistics import EARTH_RADIUS_KM
from geodata.geo.rings import RingBand, RingSpec
from geodata.render.stills.labels import LabelRequest, Polylines
from geodata.render.stills.view import MapView, projected_basemap
from geodata.style import CROWDED_TRACKS, class_marker
from geodata.tracks import FlightTrack, ImpactBand


def class_colour(system_class: str, style: dict) -> str:
    """The class colour, or the text colour in greyscale (and for black on a dark style)."""
    if style["greyscale"]:
        return style["text"]
    colour = shared_style.class_colour(system_class)
    return style["text"] if colour == "#000000" else colour  # black HGV would vanish on dark


def _polygon_path(geometry: BaseGeometry) -> Path | None:
    vertices, codes = [], []
    for polygon in shapely.get_parts(geometry):
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            coords = np.asarray(ring.coords)
            if len(coords) < 3:
                continue
            vertices.append(coords)
            ring_codes = np.full(len(coords), Path.LINETO, dtype=Path.code_type)
            ring_codes[0], ring_codes[-1] = Path.MOVETO, Path.CLOSEPOLY
            codes.append(ring_codes)
    if not vertices:
        return None
    return Path(np.concatenate(vertices), np.concatenate(codes))


def _lines(geometry: BaseGeometry) -> list[np.ndarray]:
    return [np.asarray(line.coords) for line in shapely.get_parts(geometry) if line.geom_type == "LineString"]


@lru_cache(maxsize=16)
def _basemap_paths(view: MapView) -> tuple[Path | None, tuple[np.ndarray, ...]]:
    """The view's land as one path and its borders as line arrays: built once per view, as the basemap."""
    land, borders = projected_basemap(view)
    return _polygon_path(land), tuple(_lines(borders))


def draw_basemap(ax: Axes, view: MapView, style: dict) -> None:
    """Ocean (axes background), land and country borders."""
    land_path, border_lines = _basemap_paths(view)
    if view.kind == "azimuthal":  # the map is a disc; outside it is the page
        ax.set_facecolor(style["background"])
        ax.add_patch(
            Circle(
                (0, 0),
                view.disc_m,
                facecolor=style["ocean"],
                edgecolor=style["border"],
                lw=0.8,
                zorder=0.5,
                gid="globe-disc",
            )
        )
    else:
        ax.set_facecolor(style["ocean"])
    if land_path is not None:
        # add_artist, not add_patch: the view's limits are set, and measuring the extent of every
        # coastline vertex for autoscaling cost a tenth of a small still.
        ax.add_artist(PathPatch(land_path, facecolor=style["land"], edgecolor="none", zorder=1))
    borders = LineCollection(border_lines, colors=style["border"], linewidths=0.6, zorder=2)
    ax.add_collection(borders, autolim=False)


def draw_graticule(ax: Axes, view: MapView, style: dict) -> None:
    """Faint parallels and meridians: every 10° on regional maps, 30° on azimuthal ones."""
    step = 30 if view.kind == "azimuthal" else (10 if view.width_km > 1500 else 5)
    lines = []
    lat_limit = 89.0 if view.kind == "azimuthal" else 84.0
    for lon in range(-180, 180, step):
        lats = np.linspace(-lat_limit, lat_limit, 180)
        lines.append(view.project(lats, np.full_like(lats, lon)))
    for lat in range(-90 + step, 90, step):
        if abs(lat) > lat_limit:
            continue
        lons = view.centre_lon + np.linspace(-179.9, 179.9, 361)
        lines.append(view.project(np.full_like(lons, lat), lons))
    segments = []
    for x, y in lines:
        finite = np.isfinite(x) & np.isfinite(y)
        if finite.sum() >= 2:
            segments.append(np.column_stack([x[finite], y[finite]]))
    graticule = LineCollection(
        segments, colors=style["graticule"], linewidths=0.4, linestyles=":", zorder=1.5
    )
    ax.add_collection(graticule)
    if view.kind == "azimuthal":
        graticule.set_clip_path(Circle((0, 0), view.disc_m, transform=ax.transData))


def draw_rings(ax: Axes, view: MapView, rings: Sequence[RingSpec], style: dict) -> list[LabelRequest]:
    from geodata.geo import geodesy

    labels = []
    for ring in rings:
        points = geodesy.range_ring(ring.lat, ring.lon, ring.radius_km)
        x, y = view.project([p[0] for p in points], [p[1] for p in points])
        ax.plot(x, y, color=style["ring"], lw=1.3, ls=(0, (6, 2, 1, 2)), zorder=3)
        # The label sits on the ring where the ring is in view, preferring its northern side.
        for index in (0, len(points) // 8, 7 * len(points) // 8, len(points) // 4, 3 * len(points) // 4):
            if view.contains(x[index], y[index]):
                labels.append(
                    LabelRequest(
                        x[index], y[index], ring.text, priority=80, required=True, colour=style["ring"]
                    )
                )
                break
    return labels


def _ring_xy(view: MapView, ring: RingSpec) -> tuple[np.ndarray, np.ndarray]:
    from geodata.geo import geodesy

    points = geodesy.range_ring(ring.lat, ring.lon, ring.radius_km)
    return view.project([p[0] for p in points], [p[1] for p in points])


def draw_ring_bands(ax: Axes, view: MapView, bands: Sequence[RingBand], style: dict) -> list[LabelRequest]:
    """Each band between a system's minimum and maximum range: shaded, both edges dashed, one label."""
    labels = []
    for band in bands:
        outer_x, outer_y = _ring_xy(view, band.outer)
        inner_x, inner_y = _ring_xy(view, band.inner)
        finite = np.isfinite(outer_x).all() and np.isfinite(inner_x).all()
        if finite:
            vertices = np.concatenate(
                [np.column_stack([outer_x, outer_y]), np.column_stack([inner_x[::-1], inner_y[::-1]])]
            )
            codes = np.full(len(vertices), Path.LINETO, dtype=Path.code_type)
            codes[0] = codes[len(outer_x)] = Path.MOVETO
            ax.add_patch(
                PathPatch(
                    Path(vertices, codes),
                    facecolor=style["ring"],
                    alpha=0.16,
                    edgecolor="none",
                    zorder=2.8,
                    gid="ring-band",
                )
            )
        for x, y in ((outer_x, outer_y), (inner_x, inner_y)):
            ax.plot(x, y, color=style["ring"], lw=1.1, ls=(0, (4, 3)), zorder=3)
        # The label sits on the outer edge where it is in view, as a ring's label does (draw_rings).
        n = len(outer_x)
        for index in (n // 16, 15 * n // 16, n // 8, 7 * n // 8, n // 4, 3 * n // 4, 0):
            if view.contains(outer_x[index], outer_y[index]):
                labels.append(
                    LabelRequest(
                        outer_x[index],
                        outer_y[index],
                        band.text,
                        priority=80,
                        required=True,
                        colour=style["ring"],
                    )
                )
                break
    return labels


def draw_impact_bands(ax: Axes, view: MapView, bands: Sequence[ImpactBand], style: dict) -> None:
    """Where each flight may have landed: the band spanning the sources and the heading range."""
    for band in bands:
        outline = band.outline()
        x, y = view.project([p[0] for p in outline], [p[1] for p in outline])
        colour = class_colour(band.system_class, style)
        ax.fill(x, y, facecolor=colour, alpha=0.28, edgecolor="none", zorder=3.5, gid="impact-band")
        ax.plot(x, y, color=colour, lw=1.0, ls=(0, (3, 2)), zorder=3.6)


# Tracks are drawn as straight pieces between points on the geodesic: as few as keep the drawn line
# within _TRACK_TOLERANCE_PX of the geodesic. On Mercator a piece of s km parts from the geodesic by
# about s² tan φ / 8R on the ground (the geodesic curvature of a straight Mercator line at latitude φ),
# magnified cos φ0 / cos φ against the centre's scale; the step follows from the size of a pixel.
# Azimuthal (intercontinental) maps take 1/64 of the map's width. Never finer than 10 km, nor
# coarser than 200 km.
_TRACK_TOLERANCE_PX = 0.25
_STEPS_ACROSS_MAP, _MIN_STEP_KM, _MAX_STEP_KM = 64, 10.0, 200.0
_WGS84_A_M = 6378137.0  # the semi-major axis the Mercator views project with


def track_step_km(view: MapView, map_width_px: float) -> float:
    """How far apart a still's track points are for a map ``map_width_px`` pixels wide (10–200 km)."""
    if view.kind == "regional":
        km_per_px = view.width_km / max(map_width_px, 1.0)
        # The highest latitude in view bends the most (spherical Mercator's inverse: close enough here).
        lat = max(
            abs(2 * math.atan(math.exp(y / _WGS84_A_M)) - math.pi / 2) for y in (view.y_min, view.y_max)
        )
        lat = min(lat, math.radians(85.0))
        bend = math.tan(lat) * math.cos(math.radians(view.centre_lat)) / math.cos(lat)
        step_km = math.sqrt(8 * EARTH_RADIUS_KM * _TRACK_TOLERANCE_PX * km_per_px / max(bend, 1e-6))
    else:
        step_km = view.width_km / _STEPS_ACROSS_MAP
    return float(min(max(step_km, _MIN_STEP_KM), _MAX_STEP_KM))


# The view is chosen from 5 points a track (ends and quarters): between them a geodesic bulges at most
# ~(L/4)²/8R, 3 km on a 600 km track and 200 km on a 13,000 km one, inside the view's padding.
_OUTLINE_FRACTIONS = np.array([0.25, 0.5, 0.75])


def outline_points(tracks: Sequence[FlightTrack]) -> np.ndarray:
    """``(lat, lon)`` points of every track, five a track: enough to choose the view, computed in two
    array calls before the view's pixel size is known (longitudes wrapped, as the view takes them)."""
    from geodata.geo import geodesy

    if not tracks:
        return np.empty((0, 2))
    starts = np.array([t.start for t in tracks], dtype=float)
    ends = np.array([t.end for t in tracks], dtype=float)
    azimuths, _, lengths_m = geodesy.WGS84.inv(starts[:, 1], starts[:, 0], ends[:, 1], ends[:, 0])
    k = len(_OUTLINE_FRACTIONS)
    lons, lats, _ = geodesy.WGS84.fwd(
        np.repeat(starts[:, 1], k),
        np.repeat(starts[:, 0], k),
        np.repeat(azimuths, k),
        np.outer(lengths_m, _OUTLINE_FRACTIONS).ravel(),
    )
    return np.concatenate([starts, ends, np.column_stack([lats, lons])])


@dataclass(frozen=True)
class TrackLook:
    """How a still draws its tracks and impact points; its legend shows the same."""

    linewidth_pt: float
    alpha: float
    estimated_dashes: Any  # the line style of a track to an estimated impact
    impact_size_pt: float  # marker size, as plot's markersize
    impact_edge_pt: float

    @property
    def dense(self) -> bool:
        return self is DENSE_LOOK


# The design rule for crowded stills, in one place. Up to DENSE_TRACKS - 1 tracks a still draws each
# track 2 pt wide, estimated ones dashed, with a 9 pt impact marker. From DENSE_TRACKS on, the tracks
# overlap in their thousands: dashes merge into solid bands (the dash no longer tells an estimate from
# a report) and full-size markers bury the tracks. So every track is drawn solid, thin and
# translucent, where many overlap the colour deepens, and impacts shrink; estimated and reported
# impacts still differ (hollow and filled markers), and the legend shows the dense look.
DENSE_TRACKS = CROWDED_TRACKS  # the launch map's canvas thins its tracks from the same count
SPARSE_LOOK = TrackLook(
    linewidth_pt=2.0, alpha=1.0, estimated_dashes=(0, (5, 3)), impact_size_pt=9.0, impact_edge_pt=1.6
)
DENSE_LOOK = TrackLook(
    linewidth_pt=0.8, alpha=0.35, estimated_dashes="solid", impact_size_pt=5.0, impact_edge_pt=1.0
)


def track_look(track_count: int) -> TrackLook:
    """The look of a still of ``track_count`` tracks: :data:`DENSE_LOOK` from :data:`DENSE_TRACKS` on."""
    return DENSE_LOOK if track_count >= DENSE_TRACKS else SPARSE_LOOK


def _track_style(track: FlightTrack, style: dict, look: TrackLook) -> tuple[str, Any, str, str]:
    """``(colour, line style, marker face, marker)`` of one track: one rule for every way it is drawn."""
    colour = class_colour(track.system_class, style)
    face = style["panel"] if track.estimated else colour  # an estimated impact is a hollow marker
    dashes = look.estimated_dashes if track.estimated else "solid"
    return colour, dashes, face, class_marker(track.system_class)


def draw_tracks(
    ax: Axes, view: MapView, tracks: Sequence[FlightTrack], style: dict
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """Tracks (estimated ones dashed) and impact points, two artists per track (playback fades each).

    Returns the impact points' positions and points along the tracks (for label avoidance).
    Many tracks at once: :func:`draw_track_collection`.
    """
    impacts: list[tuple[float, float]] = []
    along: list[tuple[float, float]] = []
    for track in tracks:
        points = track.points()
        x, y = view.project([p[0] for p in points], [p[1] for p in points])
        colour, dashes, face, marker = _track_style(track, style, SPARSE_LOOK)
        ax.plot(x, y, color=colour, lw=SPARSE_LOOK.linewidth_pt, ls=dashes, zorder=4, solid_capstyle="round")
        ax.plot(
            x[-1],
            y[-1],
            marker=marker,
            ms=SPARSE_LOOK.impact_size_pt,
            markerfacecolor=face,
            markeredgecolor=colour,
            markeredgewidth=SPARSE_LOOK.impact_edge_pt,
            ls="none",
            zorder=5,
        )
        impacts.append((float(x[-1]), float(y[-1])))
        along.extend(zip(x[1:-1:2].tolist(), y[1:-1:2].tolist(), strict=True))
    return impacts, along


@lru_cache(maxsize=32)  # a handful of shapes, each the same path every time
def _marker_path(marker: str) -> Path:
    """A marker's outline as :meth:`Axes.plot` draws it, for a collection of markers."""
    shape = MarkerStyle(marker)
    return shape.get_path().transformed(shape.get_transform())


def draw_track_collection(
    ax: Axes,
    view: MapView,
    tracks: Sequence[FlightTrack],
    style: dict,
    points: Sequence[np.ndarray] | None = None,
) -> tuple[list[tuple[float, float]], Polylines]:
    """Every track and impact point of a still as two artists, looking as :func:`draw_tracks` draws them.

    One line collection for the tracks and one marker collection for the impact points, each
    in the tracks' order (so overlaps stack as if drawn one by one): 10,000 tracks are two
    artists, not 20,000. Tracks are sampled for the still's pixel size (:func:`track_step_km`)
    unless ``points`` (``(lat, lon)`` arrays, one per track) are given. Returns the impact
    points' positions and the drawn tracks as :class:`~.labels.Polylines`, for labels to keep clear of.
    """
    from geodata.geo import geodesy

    if not tracks:
        return [], Polylines(np.empty((0, 2)), np.empty(0, dtype=int))
    if points is None:
        starts = np.array([t.start for t in tracks], dtype=float)
        ends = np.array([t.end for t in tracks], dtype=float)
        points = geodesy.tracks(
            starts[:, 0], starts[:, 1], ends[:, 0], ends[:, 1], spacing_km=track_step_km(view, ax.bbox.width)
        )
    # Project every point at once, then cut the arrays back into tracks.
    every = np.concatenate(points)
    every_x, every_y = view.project(every[:, 0], every[:, 1])
    xy = np.column_stack([every_x, every_y])
    lengths = np.array([len(p) for p in points])
    starts_at = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    look = track_look(len(tracks))
    # One style per class and kind, not per track (10,000 tracks have a dozen).
    kinds = {(t.system_class, t.estimated): t for t in tracks}
    by_kind = {kind: _track_style(track, style, look) for kind, track in kinds.items()}
    looks = [by_kind[t.system_class, t.estimated] for t in tracks]
    # Each colour converted once, and handed over as one (n, 4) array: matplotlib would parse the same
    # few names 10,000 times, and checks a list of tuples item by item.
    rgba = {colour: to_rgba(colour) for colour in {c for one in looks for c in (one[0], one[2])}}
    line_colours = np.array([rgba[one[0]] for one in looks])
    styles = [one[1] for one in looks]
    lines = LineCollection(
        # Slices of one array (np.split costs some 2 µs a piece: 20 ms at 10,000 tracks).
        [xy[a:b] for a, b in zip(starts_at.tolist(), (starts_at + lengths).tolist(), strict=True)],
        colors=line_colours,
        linewidths=look.linewidth_pt,
        # One style for all when all are solid (a dense still): matplotlib parses each list item.
        linestyles=styles if len(set(styles)) > 1 else styles[0],
        alpha=look.alpha,
        capstyle="round",
        zorder=4,
    )
    lines.set_rasterized(look.dense)  # an SVG or PDF of thousands of tracks stays small and quick to open
    ax.add_collection(lines, autolim=False)  # the view is set; 10,000 paths' extent is not worth measuring
    last = starts_at + lengths - 1
    impacts = list(zip(every_x[last].tolist(), every_y[last].tolist(), strict=True))
    paths = {shape: _marker_path(shape) for shape in {one[3] for one in looks}}
    markers = PathCollection(
        [paths[one[3]] for one in looks],
        sizes=[look.impact_size_pt**2],  # points², as plot's markersize
        facecolors=np.array([rgba[one[2]] for one in looks]),
        edgecolors=line_colours,
        linewidths=look.impact_edge_pt,
        offsets=impacts,
        offset_transform=ax.transData,
        transform=IdentityTransform(),  # marker outlines are in points, as scatter has them
        zorder=5,
    )
    markers.set_rasterized(look.dense)
    ax.add_collection(markers, autolim=False)
    return impacts, Polylines(xy, np.repeat(np.arange(len(points)), lengths))


def draw_points(
    ax: Axes,
    view: MapView,
    rows: Sequence[tuple[float, float, str, int]],
    style: dict,
    *,
    marker: str,
    size: float,
    required: bool,
    fontsize: float,
    weight: str = "normal",
    limit: int | None = None,
) -> tuple[list[LabelRequest], list[tuple[float, float]]]:
    """Markers with labels for sites or places (``(lat, lon, name, label priority)``) inside the view.

    At most ``limit`` rows are drawn: the first ones in view, so pass the rows most important first.
    """
    labels: list[LabelRequest] = []
    positions: list[tuple[float, float]] = []
    if not rows:
        return labels, positions
    xs, ys = view.project([row[0] for row in rows], [row[1] for row in rows])  # one call for all
    for (_, _, name, priority), x, y in zip(rows, xs.tolist(), ys.tolist(), strict=True):
        if limit is not None and len(positions) >= limit:
            break
        if not view.contains(x, y):
            continue
        labels.append(LabelRequest(x, y, name, priority, required, fontsize, weight))
        positions.append((x, y))
    if positions:
        ax.plot(  # every marker of the kind in one artist: they look alike
            [x for x, _ in positions],
            [y for _, y in positions],
            marker=marker,
            ms=size,
            markerfacecolor=style["marker_fill"],
            markeredgecolor=style["text"],
            markeredgewidth=1.2,
            ls="none",
            zorder=6,
        )
    return labels, positions


def draw_scale_bar(ax: Axes, view: MapView, style: dict, fontsize: float) -> None:
    """A bar of a round length (true at the map centre) in the lower right corner."""
    target_km = view.width_km * 0.18
    magnitude = 10 ** math.floor(math.log10(target_km))
    length_km = max(m * magnitude for m in (1, 2, 5) if m * magnitude <= target_km)
    fraction = length_km * 1000.0 * view.scale_factor / (view.x_max - view.x_min)
    x1, y = 0.97, 0.045
    x0 = x1 - fraction
    kwargs: dict[str, Any] = {"transform": ax.transAxes, "zorder": 8}
    ax.add_patch(
        Rectangle(
            (x0 - 0.012, y - 0.025),
            fraction + 0.024,
            0.085,
            facecolor=style["panel"],
            edgecolor="none",
            alpha=0.85,
            gid="scale-bar",
            **kwargs,
        )
    )
    ax.add_patch(
        Rectangle(
            (x0, y), fraction / 2, 0.008, facecolor=style["text"], edgecolor=style["text"], lw=0.8, **kwargs
        )
    )
    ax.add_patch(
        Rectangle(
            (x0 + fraction / 2, y),
            fraction / 2,
            0.008,
            facecolor=style["panel"],
            edgecolor=style["text"],
            lw=0.8,
            **kwargs,
        )
    )
    ax.text(
        (x0 + x1) / 2,
        y + 0.02,
        f"{length_km:,.0f} km",
        ha="center",
        va="bottom",
        fontsize=fontsize,
        color=style["text"],
        gid="scale-bar",
        **kwargs,
    )


Corner = Literal["upper left", "upper right", "lower left"]


def legend_corner(view: MapView, points: Sequence[tuple[float, float]]) -> Corner:
    """The corner whose quarter of the map holds the fewest content points (lower right has the scale bar)."""
    cx, cy = (view.x_min + view.x_max) / 2, (view.y_min + view.y_max) / 2
    counts: dict[Corner, int] = {"upper left": 0, "upper right": 0, "lower left": 0}
    for x, y in points:
        if y >= cy:
            counts["upper left" if x < cx else "upper right"] += 1
        elif x < cx:
            counts["lower left"] += 1
    return min(counts, key=lambda k: (counts[k], k != "upper left"))


def legend_handles(
    classes: Sequence[str],
    style: dict,
    *,
    estimated: bool,
    reported: bool,
    rings: bool,
    places: bool,
    sites: bool = True,
    impact_bands: bool = False,
    ring_bands: bool = False,
    look: TrackLook = SPARSE_LOOK,
) -> list[Any]:
    """Legend entries for what the still shows: classes, track kinds (drawn in ``look``), sites, rings, places."""
    handles: list[Any] = []
    for system_class in classes:
        colour = class_colour(system_class, style)
        handles.append(
            Line2D([], [], color=colour, lw=2, marker=class_marker(system_class), ms=8, label=system_class)
        )
    muted = style["text"]
    # A dense still's tracks are all solid: its legend tells the kinds apart by the marker alone.
    if reported:
        marker: dict[str, Any] = {"marker": "o", "ms": 6} if look.dense else {}
        handles.append(Line2D([], [], color=muted, lw=2, label="Track to reported impact", **marker))
    if estimated:
        handles.append(
            Line2D(
                [],
                [],
                color=muted,
                lw=2,
                ls=look.estimated_dashes,
                marker="o",
                ms=6 if look.dense else 7,
                markerfacecolor=style["panel"],
                label="Estimated track / impact",
            )
        )
    if sites:
        handles.append(
            Line2D(
                [],
                [],
                ls="none",
                marker="s",
                ms=8,
                markerfacecolor=style["marker_fill"],
                markeredgecolor=style["text"],
                label="Launch site",
            )
        )
    if rings:
        handles.append(Line2D([], [], color=style["ring"], lw=1.3, ls=(0, (6, 2, 1, 2)), label="Range ring"))
    if places:
        handles.append(
            Line2D(
                [],
                [],
                ls="none",
                marker="o",
                ms=4,
                markerfacecolor=style["text"],
                markeredgecolor=style["text"],
                label="City / place",
            )
        )
    if impact_bands:
        handles.append(
            Patch(
                facecolor=style["muted"],
                alpha=0.35,
                edgecolor=style["text"],
                ls=(0, (3, 2)),
                label="Impact band: sources' distances, heading range",
            )
        )
    if ring_bands:
        handles.append(
            Patch(
                facecolor=style["ring"], alpha=0.25, edgecolor=style["ring"], label="Published range min–max"
            )
        )
    return handles
