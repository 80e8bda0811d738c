"""Publication-ready still maps (PNG, SVG, PDF) of launches, drawn with matplotlib.

No browser and no network: the basemap is the Natural Earth file shipped in
``geodata/data`` and everything renders with matplotlib's Agg/SVG/PDF backends.

A still has a header (title, subtitle, a date line in KST and UTC), the map (land and
borders, launch sites, tracks — estimated ones dashed — impact points, range rings,
labelled places, a legend and a scale bar) and a footer (a note on the projection and
the credit line editors must carry, plus optional logo space). A still of
:data:`~.layers.DENSE_TRACKS` tracks or more draws them thin, solid and translucent with small
impacts (:func:`~.layers.track_look` says why). The projection is chosen
for the content (see :mod:`geodata.render.stills.view`): Mercator for a regional view, or
azimuthal-equidistant centred on the site when a ring is intercontinental, so every
ring is a circle.

Presets are what editors publish — ``16x9`` (1920×1080 px), ``1x1`` (1080×1080) and
``4x5`` (1080×1350) at ``scale=1``; ``scale=2`` is the retina variant. Styles are
``light``, ``dark`` and ``print`` (greyscale-safe: classes also differ by marker shape,
estimated tracks by dashes). SVG keeps text as ``<text>`` (editable in Illustrator);
PDF embeds TrueType fonts.

>>> import pandas as pd
>>> from geodata.events import launches_frame
>>> launches = launches_frame([{"id": "x", "launched_at": "2025-11-07T03:35:00Z",
...     "launched_at_precision": "minute", "site_id": "taegwan", "lat": 40.21, "lon": 125.2,
...     "system": "SRBM", "system_class": "SRBM", "count": 1, "impact_lat": 40.6, "impact_lon": 133.4,
...     "impact_basis": "estimated", "outcome": "success", "confirmation": "confirmed"}])
>>> sites = pd.DataFrame([{"id": "taegwan", "name": "Taegwan", "lat": 40.21, "lon": 125.2}])
>>> render_still(launches, sites=sites, scale=0.25)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
"""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.image
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from geodata.errors import InvalidFile, InvalidOption
from geodata.geo.rings import RingBand, RingSpec
from geodata.render.stills import layers as layers
from geodata.render.stills.labels import agg_renderer, place_labels
from geodata.render.stills.text import (
    credit_line,
    date_line,
    default_subtitle,
    default_title,
    place_rows,
    site_rows,
    wrap,
)
from geodata.render.stills.view import choose_view
from geodata.style import CLASS_COLOURS
from geodata.tracks import ImpactBand, flight_tracks

__all__ = [
    "FONT_SIZES",
    "FORMATS",
    "MARGIN_IN",
    "PRESETS",
    "STYLES",
    "RingSpec",
    "check_options",
    "credit_line",
    "date_line",
    "footer_lines",
    "header_line",
    "render_still",
    "render_to_file",
    "scaled_png",
]

PRESETS: dict[str, tuple[int, int]] = {"16x9": (1920, 1080), "1x1": (1080, 1080), "4x5": (1080, 1350)}
FORMATS = ("png", "svg", "pdf")

_BASE = {"greyscale": False, "marker_fill": "#ffffff"}
STYLES: dict[str, dict[str, Any]] = {
    "light": _BASE
    | {
        "background": "#ffffff",
        "ocean": "#dce9f2",
        "land": "#f4f1ea",
        "border": "#a7a39a",
        "graticule": "#b7c8d6",
        "text": "#1b1b1b",
        "muted": "#5c5c5c",
        "halo": "#ffffff",
        "panel": "#ffffff",
        "ring": "#6a3d9a",
    },
    "dark": _BASE
    | {
        "background": "#12161c",
        "ocean": "#1a2430",
        "land": "#2e3642",
        "border": "#5d6878",
        "graticule": "#2f3d4d",
        "text": "#eef1f5",
        "muted": "#a9b2bd",
        "halo": "#12161c",
        "panel": "#1f2731",
        "ring": "#c9a0ff",
        "marker_fill": "#12161c",
    },
    "print": _BASE
    | {
        "greyscale": True,
        "background": "#ffffff",
        "ocean": "#ffffff",
        "land": "#e3e3e3",
        "border": "#7a7a7a",
        "graticule": "#c8c8c8",
        "text": "#000000",
        "muted": "#404040",
        "halo": "#ffffff",
        "panel": "#ffffff",
        "ring": "#404040",
    },
}

# Sizes in points at scale 1 (100 px per inch); every preset's short side is 1080 px.
_FONT = {"title": 28, "subtitle": 17, "date": 14, "label": 12, "legend": 12, "credit": 11.5, "note": 10.5}
_MARGIN_IN = 0.45
FONT_SIZES = _FONT  # the same type sizes on every still: maps, profiles, playback frames
MARGIN_IN = _MARGIN_IN
MAX_PLACES = 16  # places drawn in one view, most important first; more crowd out the launches


def _check(name: str, value: Any, choices: Sequence[str]) -> None:
    if value not in choices:
        raise InvalidOption(f"{name} must be one of {tuple(choices)}, got {value!r} ({type(value).__name__})")


def check_options(
    preset: Any, style: Any, fmt: Any, scale: Any, formats: Sequence[str] = FORMATS, max_scale: float = 4
) -> None:
    """Refuse, by name, a preset, style or format not offered or a scale outside (0, ``max_scale``]:
    the one check of every picture's options (stills, profiles, films)."""
    _check("preset", preset, tuple(PRESETS))
    _check("style", style, tuple(STYLES))
    _check("fmt", fmt, formats)
    if not isinstance(scale, int | float) or not 0 < scale <= max_scale or math.isnan(scale):
        raise InvalidOption(
            f"scale must be a number in (0, {max_scale:g}], got {scale!r} ({type(scale).__name__})"
        )


def _margin_line(
    fig: Figure,
    text: str,
    height_in: float,
    va: str,
    size: str,
    colour: str,
    gid: str,
    weight: str = "normal",
) -> None:
    """One line of text on the picture's left margin, ``height_in`` inches above its bottom edge."""
    fig_width_in, fig_height_in = fig.get_size_inches()
    fig.text(
        _MARGIN_IN / fig_width_in,
        height_in / fig_height_in,
        text,
        ha="left",
        va=va,
        fontsize=_FONT[size],
        fontweight=weight,
        color=colour,
        gid=gid,
    )


def footer_lines(fig: Figure, note: str, note_gid: str, credit: str, colours: dict[str, str]) -> None:
    """The footer of every picture: a muted note (the projection, the method), then the credit line."""
    _margin_line(fig, note, 0.36, "bottom", "note", colours["muted"], note_gid)
    _margin_line(fig, credit, 0.12, "bottom", "credit", colours["text"], "credit")


def header_line(fig: Figure, line: str, top_in: float, size: str, weight: str, colour: str) -> None:
    """One header line (title, subtitle, date) at ``top_in`` inches from the top, on the left margin."""
    _margin_line(fig, line, fig.get_size_inches()[1] - top_in, "top", size, colour, f"header-{size}", weight)


def _logo_image(logo: str | Path) -> Any:
    try:
        return matplotlib.image.imread(str(logo))
    except (OSError, ValueError, SyntaxError) as error:  # Pillow's refusals of a non-image
        raise InvalidFile(
            f"logo {str(logo)!r}: expected a PNG or JPEG image, could not read it ({error})"
        ) from error


def _render_still(
    launches: pd.DataFrame,
    *,
    sites: pd.DataFrame,
    rings: Sequence[RingSpec] = (),
    places: pd.DataFrame | None = None,
    preset: str = "16x9",
    scale: float = 1,
    style: str = "light",
    title: str | None = None,
    subtitle: str | None = None,
    credit: str | None = None,
    fmt: str = "png",
    sources: pd.DataFrame | None = None,
    logo: str | Path | None = None,
    logo_space: bool = False,
    records: str | None = None,
    impact_bands: Sequence[ImpactBand] = (),
    ring_bands: Sequence[RingBand] = (),
) -> bytes:
    """Render a still of ``launches`` (rows in the :data:`geodata.schema.LAUNCH_COLUMNS` schema).

    ``sites`` needs ``id, name, lat, lon`` (only the sites the launches use are drawn);
    ``places`` needs ``name, lat, lon`` and may have ``kind``/``population`` (used to
    choose which to label). ``credit`` is the source credit ("Source: ROK JCS"); the map
    and data credits are always appended. Without ``credit``, ``sources`` (launch_sources
    rows) names the sources. ``records`` (:func:`geodata.events.records_note`, e.g. "Records to
    26 May 2026 (checked 26 Nov 2026)") ends the credit line, so a still says how current it is.
    ``logo`` is a PNG path drawn in the footer's logo space
    (``logo_space=True`` reserves the space empty). ``impact_bands``
    (:func:`geodata.tracks.impact_band`) shade where a flight may have landed when sources disagree;
    ``ring_bands`` (:func:`geodata.geo.rings.system_ring_band`) shade a system's min–max range.
    Returns the file's bytes.
    """
    check_options(preset, style, fmt, scale)
    colours = STYLES[style]
    width_px, height_px = PRESETS[preset]
    width_in, height_in = width_px / 100, height_px / 100
    fig = Figure(figsize=(width_in, height_in), dpi=100 * scale, facecolor=colours["background"])
    FigureCanvasAgg(fig)

    site_names = (
        dict(zip(sites["id"].astype(str), sites["name"].astype(str), strict=False)) if len(sites) else {}
    )
    text_width = width_in - 2 * _MARGIN_IN
    title_lines = wrap(
        title if title is not None else default_title(launches, site_names), text_width, _FONT["title"], 2
    )
    subtitle_text = subtitle if subtitle is not None else default_subtitle(launches)
    subtitle_lines = wrap(subtitle_text, text_width, _FONT["subtitle"], 2) if subtitle_text else []
    when = date_line(launches)

    # Header: stacked text lines measured in inches from the top.
    y_in = _MARGIN_IN * 0.8
    header = []
    for lines, size, weight, colour in (
        (title_lines, "title", "bold", "text"),
        (subtitle_lines, "subtitle", "normal", "text"),
        ([when] if when else [], "date", "normal", "muted"),
    ):
        for line in lines:
            header.append((y_in, line, size, weight, colour))
            y_in += _FONT[size] * 1.3 / 72
        y_in += 0.06 if lines else 0
    header_in = y_in + 0.12
    footer_in = 0.62
    map_box = (
        _MARGIN_IN / width_in,
        footer_in / height_in,
        1 - 2 * _MARGIN_IN / width_in,
        1 - (header_in + footer_in) / height_in,
    )
    for top_in, line, size, weight, colour in header:
        header_line(fig, line, top_in, size, weight, colours[colour])

    ax = fig.add_axes(map_box)
    aspect = (map_box[2] * width_in) / (map_box[3] * height_in)
    tracks = flight_tracks(launches)
    used_sites = site_rows(launches, sites)
    content = [  # (lat, lon) arrays of what the view must show
        np.array([(r[0], r[1]) for r in used_sites], dtype=float).reshape(-1, 2),
        np.column_stack(
            [
                pd.to_numeric(launches.get("lat", pd.Series(dtype=float)), errors="coerce"),
                pd.to_numeric(launches.get("lon", pd.Series(dtype=float)), errors="coerce"),
            ]
        ).astype(float),
        layers.outline_points(tracks),  # enough to choose the view; drawn finer once it is known
        *(np.array(band.outline(step_deg=5.0), dtype=float).reshape(-1, 2) for band in impact_bands),
    ]
    view = choose_view(np.concatenate(content), [*rings, *(b.outer for b in ring_bands)], aspect)
    ax.set_xlim(view.x_min, view.x_max)
    ax.set_ylim(view.y_min, view.y_max)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor(colours["border"])

    layers.draw_basemap(ax, view, colours)
    layers.draw_graticule(ax, view, colours)
    labels = layers.draw_rings(ax, view, rings, colours)
    labels += layers.draw_ring_bands(ax, view, ring_bands, colours)
    layers.draw_impact_bands(ax, view, impact_bands, colours)
    impacts, along_tracks = layers.draw_track_collection(ax, view, tracks, colours)
    # One or two sites are always named; with more, the busiest get the room first.
    site_labels, site_xy = layers.draw_points(
        ax,
        view,
        [(lat, lon, name, 1000 + n) for lat, lon, name, n in used_sites],
        colours,
        marker="s",
        size=9,
        required=len(used_sites) <= 2,
        fontsize=_FONT["label"],
        weight="bold",
    )
    place_name_labels, place_xy = layers.draw_points(
        ax,
        view,
        [(lat, lon, name, 100 - rank) for lat, lon, name, rank in place_rows(places)],
        colours,
        marker="o",
        size=4.5,
        required=False,
        fontsize=_FONT["label"] - 1,
        limit=MAX_PLACES,
    )
    labels += site_labels + place_name_labels
    layers.draw_scale_bar(ax, view, colours, _FONT["note"])

    classes = [c for c in CLASS_COLOURS if c in {t.system_class for t in tracks}]
    handles = layers.legend_handles(
        classes,
        colours,
        estimated=any(t.estimated for t in tracks),
        reported=any(not t.estimated for t in tracks),
        rings=bool(rings),
        places=bool(place_xy),
        sites=bool(site_xy),
        impact_bands=bool(impact_bands),
        ring_bands=bool(ring_bands),
        look=layers.track_look(len(tracks)),
    )
    corner = layers.legend_corner(view, site_xy + impacts + place_xy)
    legend = ax.legend(
        handles=handles,
        loc=corner,
        fontsize=_FONT["legend"],
        frameon=True,
        framealpha=0.9,
        facecolor=colours["panel"],
        edgecolor=colours["border"],
        labelcolor=colours["text"],
        borderpad=0.6,
        handlelength=2.6,
    )
    legend.set_zorder(10)
    renderer = agg_renderer(fig)
    obstacles = [legend.get_window_extent(renderer)]
    obstacles += [
        a.get_window_extent(renderer) for a in (*ax.texts, *ax.patches) if a.get_gid() == "scale-bar"
    ]
    place_labels(ax, labels, obstacles, colours, marker_px=5 * scale, lines=along_tracks)

    # Footer: the projection note, then the credit line; logo space on the right.
    logo_in = 1.7 if (logo_space or logo) else 0.0
    note = (
        "Azimuthal equidistant projection centred on the ring's centre: every distance from it is true."
        if view.kind == "azimuthal"
        else "Mercator projection; scale bar true at the map centre."
    )
    footer_lines(
        fig,
        note,
        "projection-note",
        credit_line(credit, sources) + (f" · {records}" if records else ""),
        colours,
    )
    if logo_in:
        logo_ax = fig.add_axes(
            (
                (width_in - _MARGIN_IN - logo_in) / width_in,
                0.08 / height_in,
                logo_in / width_in,
                0.48 / height_in,
            )
        )
        logo_ax.set_axis_off()
        logo_ax.set_gid("logo-space")
        if logo:
            logo_ax.imshow(_logo_image(logo))
            logo_ax.set_aspect("equal", anchor="E")

    buffer = io.BytesIO()
    metadata = {"png": None, "svg": {"Date": None}, "pdf": {"CreationDate": None}}[fmt]
    with matplotlib.rc_context({"svg.fonttype": "none", "pdf.fonttype": 42, "svg.hashsalt": "launchmap"}):
        fig.savefig(buffer, format=fmt, dpi=100 * scale, facecolor=colours["background"], metadata=metadata)
    return buffer.getvalue()


@functools.wraps(_render_still)
def render_still(*args: Any, **kwargs: Any) -> bytes:
    # Every text on a still is plain text: "$5 or $10" must not become maths, "$\\foo$" must not crash.
    with matplotlib.rc_context({"text.parse_math": False}):
        return _render_still(*args, **kwargs)


def render_to_file(path: str | Path, launches: pd.DataFrame, **kwargs: Any) -> Path:
    """Render to ``path``; the format follows the suffix (.png, .svg, .pdf) unless ``fmt`` is given."""
    path = Path(path)
    fmt = kwargs.pop("fmt", None) or path.suffix.lower().lstrip(".")
    _check("file suffix", fmt, FORMATS)
    path.write_bytes(render_still(launches, fmt=fmt, **kwargs))
    return path


def scaled_png(png: bytes, max_width_px: int) -> bytes:
    """``png`` scaled down to ``max_width_px`` wide, keeping its aspect (unchanged when it fits).

    For a preview: a page shows the download at most so wide, and scaling it once per still is
    cheaper than having the page scale it on every run.
    """
    from PIL import Image

    image = Image.open(io.BytesIO(png))
    if image.width <= max_width_px:
        return png
    height_px = max(1, round(image.height * max_width_px / image.width))
    scaled = io.BytesIO()
    image.resize((max_width_px, height_px), Image.Resampling.LANCZOS).save(scaled, format="PNG")
    return scaled.getvalue()
