"""Stills of many launches: tracks as collections in draw order, track points for all at once, labels off the tracks."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from geodata.events import launches_frame
from geodata.geo import geodesy
from geodata.geo.rings import RingSpec
from geodata.render.stills.compose import STYLES, render_still
from geodata.render.stills.labels import LabelRequest, agg_renderer, place_labels
from geodata.render.stills.layers import (
    DENSE_TRACKS,
    class_colour,
    draw_track_collection,
    draw_tracks,
    legend_handles,
    outline_points,
    track_look,
)
from geodata.render.stills.view import choose_view
from geodata.tracks import FlightTrack, flight_tracks, impact_point

CLASSES = ("SRBM", "ICBM", "cruise", "MRBM")


def _events(count: int) -> pd.DataFrame:
    return launches_frame(
        [
            {
                "id": f"e{i}",
                "launched_at": "2020-01-01T00:00:00Z",
                "launched_at_precision": "minute",
                "site_id": "sunan",
                "lat": 39.2 + (i % 5) * 0.3,
                "lon": 125.6,
                "system": "x",
                "system_class": CLASSES[i % len(CLASSES)],
                "count": 1,
                "distance_km": 200.0 + 900.0 * (i % 7) + 9 * i,
                "bearing_deg": 70.0 + i % 30,
                "impact_basis": "estimated",
                "outcome": "success",
                "confirmation": "confirmed",
                **({"impact_lat": 41.0, "impact_lon": 133.0 + i % 3} if i % 4 == 0 else {}),
            }
            for i in range(count)
        ]
    )


def test_flight_tracks__a_table_gives_the_tracks_row_by_row_gives() -> None:
    events = _events(40).astype({"lat": object})
    events.loc[1, "lat"] = None  # no start: no track
    events.loc[2, "lat"] = "39.5"  # text that is a number
    events.loc[3, "system_class"] = None  # drawn as "unknown"
    events.loc[4, ["impact_lat", "impact_lon", "impact_basis"]] = [events.loc[4, "lat"], 125.6, "reported"]
    by_table, by_row = flight_tracks(events), flight_tracks(events.to_dict("records"))
    assert [t.launch_id for t in by_table] == [t.launch_id for t in by_row]
    assert {"e1", "e4"}.isdisjoint(t.launch_id for t in by_table) and len(by_table) == 38
    assert [t.system_class for t in by_table if t.launch_id == "e3"] == ["unknown"]
    for a, b in zip(by_table, by_row, strict=True):
        assert (a.system_class, a.estimated, a.start) == (b.system_class, b.estimated, b.start)
        assert a.end == pytest.approx(b.end, abs=1e-9)


def _axes() -> Any:
    fig = Figure(figsize=(6, 4))
    FigureCanvasAgg(fig)
    return fig.add_axes((0, 0, 1, 1))


def test_draw_track_collection__all_tracks_are_one_line_and_one_marker_collection_in_their_order() -> None:
    events = _events(400)
    events.loc[events.index % 8 == 0, "impact_basis"] = "reported"  # solid, among the dashed
    tracks = flight_tracks(events)
    ax = _axes()
    view = choose_view(outline_points(tracks), (), 1.5)
    style = STYLES["light"]
    impacts, along = draw_track_collection(ax, view, tracks, style)
    lines = [c for c in ax.collections if isinstance(c, LineCollection)]
    markers = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert (
        len(lines) == 1 and len(markers) == 1 and not [a for a in ax.get_children() if isinstance(a, Line2D)]
    )
    expected_colours = [class_colour(t.system_class, style) for t in tracks]
    line_collection: Any = lines[0]
    assert [to_hex(c) for c in line_collection.get_colors()] == [to_hex(c) for c in expected_colours]
    styles = line_collection.get_linestyles()  # one for all, or one a track (matplotlib cycles them)
    dashed = [styles[i % len(styles)][1] is not None for i in range(len(tracks))]
    assert dashed == [t.estimated for t in tracks] and len({*dashed}) == 2
    assert len(np.asarray(markers[0].get_offsets())) == len(tracks) == len(impacts)
    ends: list[Any] = [impact_point(row)[0] for row in events.to_dict("records")]
    x, y = view.project([e[0] for e in ends], [e[1] for e in ends])
    assert np.allclose(impacts, np.column_stack([x, y]))
    # The impact points are where draw_tracks (one artist per track) puts them.
    one_by_one_impacts, _ = draw_tracks(_axes(), view, tracks[:25], style)
    assert np.allclose(impacts[:25], one_by_one_impacts)
    assert len(along.xy) >= 2 * len(tracks) and set(along.owner.tolist()) == set(range(len(tracks)))


def test_draw_tracks__one_line_and_one_marker_per_flight_so_playback_can_fade_each() -> None:
    tracks = flight_tracks(_events(6))
    ax = _axes()
    view = choose_view(outline_points(tracks), (), 1.5)
    draw_tracks(ax, view, tracks, STYLES["light"])
    assert len(ax.lines) == 2 * len(tracks) and [line.get_zorder() for line in ax.lines[:2]] == [4, 5]


def test_place_labels__a_label_keeps_off_the_tracks_even_with_thousands_of_track_points() -> None:
    fig = Figure(figsize=(4, 3), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 100)
    # A dense band of track points above and right of the anchor: the first positions are covered.
    band = [(x, y) for x in np.linspace(50, 100, 200) for y in np.linspace(50.5, 70, 40)]
    label = LabelRequest(50, 50, "Sunan", priority=1)
    placed = place_labels(ax, [label], [], STYLES["light"], marker_px=3, lines=band)
    assert len(placed) == 1
    box = placed[0].get_window_extent(agg_renderer(fig)).padded(2)
    points_px = ax.transData.transform(band)
    inside = (
        (box.x0 <= points_px[:, 0] + 2)
        & (points_px[:, 0] - 2 <= box.x1)
        & (box.y0 <= points_px[:, 1] + 2)
        & (points_px[:, 1] - 2 <= box.y1)
    )
    assert not inside.any()
    assert placed[0].get_horizontalalignment() == "right" or placed[0].get_verticalalignment() == "top"


def test_render_still__many_launches_draw_every_class_in_the_legend_and_the_picture() -> None:
    events = _events(1200)
    png = render_still(
        events, sites=pd.DataFrame([{"id": "sunan", "name": "Sunan", "lat": 39.224, "lon": 125.67}])
    )
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000


def test_draw_track_collection__labels_keep_off_a_track_between_its_drawn_points() -> None:
    # Labels must keep off the whole drawn line, not only its points (~1/64 of the map apart on a still).
    ax = _axes()
    start, end = (39.0, 125.0), (39.5, 133.0)
    view = choose_view(np.array([start, end]), (), 1.5)
    ax.set_xlim(view.x_min, view.x_max)
    ax.set_ylim(view.y_min, view.y_max)
    # Two points only: the line between them is all a label can collide with.
    _, drawn = draw_track_collection(
        ax, view, [FlightTrack("x", "SRBM", start, end, False)], STYLES["light"], [np.array([start, end])]
    )
    vertices_px = ax.transData.transform(drawn.xy)
    assert np.hypot(*np.diff(vertices_px, axis=0).T).min() > 300  # a gap a label fits in
    line_px = np.linspace(vertices_px[0], vertices_px[-1], 200)  # the line itself, pixel by pixel
    middle = drawn.xy.mean(axis=0)
    label = LabelRequest(float(middle[0]), float(middle[1]), "Mid-track", priority=1)  # between two points
    (placed,) = place_labels(ax, [label], [], STYLES["light"], marker_px=3, lines=drawn)
    box = placed.get_window_extent(agg_renderer(ax.figure)).padded(2)
    assert not any(box.contains(x, y) for x, y in line_px)


def _drawn_tracks(count: int) -> tuple[LineCollection, PathCollection, list[Any]]:
    tracks = [
        FlightTrack(f"e{i}", CLASSES[i % len(CLASSES)], (39.2, 125.6), (40.0, 130.0 + i * 1e-4), True)
        for i in range(count)
    ]
    ax = _axes()
    view = choose_view(np.array([(39.2, 125.6), (40.0, 131.0)]), (), 1.5)
    ax.set_xlim(view.x_min, view.x_max)
    ax.set_ylim(view.y_min, view.y_max)
    draw_track_collection(ax, view, tracks, STYLES["light"])
    (lines,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    (markers,) = [c for c in ax.collections if isinstance(c, PathCollection)]
    handles = legend_handles(
        CLASSES,
        STYLES["light"],
        estimated=True,
        reported=True,
        rings=False,
        places=False,
        look=track_look(count),
    )
    return lines, markers, handles


@pytest.mark.parametrize("count", [DENSE_TRACKS - 1, DENSE_TRACKS])
def test_track_look__tracks_turn_thin_solid_and_translucent_at_the_dense_threshold_not_below(
    count: int,
) -> None:
    lines, markers, handles = _drawn_tracks(count)
    dense = count >= DENSE_TRACKS
    dashed = {dashes is not None for _offset, dashes in lines.get_linestyles()}
    estimated = next(h for h in handles if h.get_label() == "Estimated track / impact")
    if dense:  # every track solid, thin, translucent; small impacts; drawn as pixels in SVG/PDF
        assert dashed == {False} and lines.get_linewidths()[0] < 1 and lines.get_alpha() < 0.5
        assert markers.get_sizes()[0] < 6**2 and lines.get_rasterized() and markers.get_rasterized()
        assert estimated.get_linestyle() == "-"  # the legend shows what the map shows
    else:  # estimated tracks dashed, 2 pt, opaque, as on every still below the threshold
        assert dashed == {True} and lines.get_linewidths()[0] == 2 and lines.get_alpha() in (None, 1)
        assert markers.get_sizes()[0] == 9**2 and not lines.get_rasterized()
        assert estimated.get_linestyle() == "--"


def test_render_still__a_dense_svg_keeps_its_tracks_as_one_image_and_its_text_as_text() -> None:
    events = _events(DENSE_TRACKS)
    sites = pd.DataFrame([{"id": "sunan", "name": "Sunan", "lat": 39.224, "lon": 125.67}])
    svg = render_still(events, sites=sites, fmt="svg").decode()
    assert svg.count("<image") == 1 and "launch events</text>" in svg and "Estimated track / impact" in svg
    sparse = render_still(events.head(DENSE_TRACKS - 1), sites=sites, fmt="svg").decode()
    assert "<image" not in sparse and len(svg) < len(sparse) * 0.6


@pytest.mark.parametrize(
    ("start", "end", "dpi"),
    [
        ((39.2, 125.6), (40.4, 135.0), 100),  # the East Sea: the synthetic sets and most of the history
        ((39.2, 125.6), (40.4, 135.0), 200),  # the retina variant: pixels half the size
        ((62.0, 30.0), (70.5, 60.0), 100),  # far north, where Mercator bends geodesics most
        ((39.0, 125.7), (47.6, -122.3), 100),  # intercontinental, on the azimuthal map
    ],
)
def test_draw_track_collection__tracks_drawn_within_half_a_pixel_of_the_geodesic_with_few_points(
    start: tuple[float, float], end: tuple[float, float], dpi: int
) -> None:
    fig = Figure(figsize=(19.2, 10.8), dpi=dpi)  # a 16:9 still's map
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.02, 0.1, 0.96, 0.75))
    track = FlightTrack("x", "ICBM", start, end, False)
    # Centred off the track (Tokyo), so the track is no straight radius of the azimuthal map.
    rings = (RingSpec(35.7, 139.7, 9000),) if abs(end[1] - start[1]) > 90 else ()
    view = choose_view(np.array([start, end]), rings, ax.bbox.width / ax.bbox.height)
    ax.set_xlim(view.x_min, view.x_max)
    ax.set_ylim(view.y_min, view.y_max)
    _, drawn = draw_track_collection(ax, view, [track], STYLES["light"])
    drawn_px = ax.transData.transform(drawn.xy)
    true = np.asarray(geodesy.track(start, end, spacing_km=2))
    true_px = ax.transData.transform(np.column_stack(view.project(true[:, 0], true[:, 1])))
    # Distance of every point of the true geodesic to the drawn polyline, in pixels.
    a, b = drawn_px[:-1], drawn_px[1:]
    ab = b - a
    t = np.clip(
        np.einsum("pij,ij->pi", true_px[:, None, :] - a[None], ab) / np.einsum("ij,ij->i", ab, ab), 0, 1
    )
    nearest = a[None] + t[..., None] * ab[None]
    off_px = np.min(np.hypot(*(true_px[:, None, :] - nearest).transpose(2, 0, 1)), axis=1)
    assert off_px.max() < 0.5
    assert len(drawn.xy) < len(track.points()) or len(drawn.xy) <= 12  # fewer points than 10 km apart


@pytest.mark.parametrize("dpi", [100, 200])
@pytest.mark.parametrize(
    ("text", "fontsize", "weight"), [("Sunan", 12, "bold"), ("Fleet Activities Yokosuka", 11, "normal")]
)
def test_place_labels__candidate_boxes_by_arithmetic_are_the_boxes_matplotlib_lays_out(
    text: str, fontsize: float, weight: str, dpi: int
) -> None:
    from geodata.render.stills.labels import _CANDIDATES, _PAD_PX, _candidate_boxes, _try

    fig = Figure(figsize=(6, 4), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 100)
    label = ax.text(40, 60, text, fontsize=fontsize, fontweight=weight)
    renderer = agg_renderer(fig)
    laid_out = [_try(ax, label, candidate, renderer).extents for candidate in _CANDIDATES]
    first = _try(ax, label, _CANDIDATES[0], renderer)
    computed = _candidate_boxes(
        ax.transData.transform((40, 60)), first.width - 2 * _PAD_PX, first.height - 2 * _PAD_PX, dpi
    )
    assert computed == pytest.approx(np.array(laid_out), abs=1e-6)


def test_place_labels__a_text_size_remembered_from_one_still_is_not_used_under_other_fonts() -> None:
    import matplotlib

    def first_box(family: str) -> Any:
        fig = Figure(figsize=(4, 3), dpi=100)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, 100)
        ax.set_ylim(0, 100)
        with matplotlib.rc_context({"font.family": family}):
            (placed,) = place_labels(ax, [LabelRequest(20, 50, "Wide label WWW", 1)], [], STYLES["light"], 3)
            return placed.get_window_extent(agg_renderer(fig))

    from geodata.render.stills.labels import _TEXT_SIZES_PX

    sans, mono = first_box("sans-serif"), first_box("monospace")
    assert sans.width != pytest.approx(mono.width, abs=1)
    remembered = {size for key, size in _TEXT_SIZES_PX.items() if key[0] == "Wide label WWW"}
    assert {round(w) for w, _ in remembered} == {round(sans.width), round(mono.width)}  # one a font
    assert first_box("sans-serif").width == pytest.approx(sans.width)
