"""The history that plays, as an animated GIF for newsrooms: launches appear as they happened.

One frame per step of ``step`` ("year" or "month") from the first launch to the last: every launch up to
the frame's date is a dot at its launch point and its flight track (estimated ones dashed, as on every
still), the latest ones drawn larger; a date readout and a running count sit on the frame; the
credit line is the stills' own. The map is drawn once (basemap, view from
:func:`geodata.render.stills.view.choose_view`) and only the launches change, so a 40-year history is a
few seconds to render. The same frames are encoded as a GIF (Pillow) or an MP4 (H.264 in an MP4 container,
by the ffmpeg binary that the ``imageio-ffmpeg`` wheel ships: no system ffmpeg, no download); the last frame
is held.

>>> import pandas as pd
>>> from geodata.events import launches_frame
>>> launches = launches_frame([{"id": "x", "launched_at": "2017-11-28T18:17:00Z",
...     "launched_at_precision": "minute", "site_id": "pyongsong", "lat": 39.25, "lon": 125.87,
...     "system": "Hwasong-15", "system_class": "ICBM", "count": 1, "distance_km": 960,
...     "impact_basis": "estimated", "landing_area": "East Sea/Sea of Japan",
...     "outcome": "success", "confirmation": "confirmed"}])
>>> render_playback(launches, scale=0.2)[:6]
b'GIF89a'
>>> render_playback(launches, scale=0.2, fmt="mp4")[4:8]
b'ftyp'
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import matplotlib
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from geodata.errors import InvalidOption
from geodata.render.stills import layers
from geodata.render.stills.compose import FONT_SIZES, MARGIN_IN, PRESETS, STYLES, check_options
from geodata.render.stills.text import KST, credit_line
from geodata.render.stills.view import choose_view
from geodata.tracks import flight_tracks

__all__ = ["FORMATS", "STEPS", "frame_dates", "render_playback", "render_playback_to_file"]

STEPS = ("year", "month")
FORMATS = ("gif", "mp4")
MAX_FRAMES = 600  # 50 years of months: more would be a film, not a GIF


def frame_dates(launches: pd.DataFrame, step: str = "year") -> list[pd.Timestamp]:
    """The end (KST, exclusive) of each frame's period, from the first launch's to the last's."""
    if step not in STEPS:
        raise InvalidOption(f"step must be one of {STEPS}, got {step!r} ({type(step).__name__})")
    times = launches["launched_at"].dropna() if "launched_at" in launches else pd.Series(dtype=object)
    if times.empty:
        return []
    first, last = times.min().tz_convert(KST), times.max().tz_convert(KST)
    if step == "year":
        starts = [pd.Timestamp(year=y, month=1, day=1, tz=KST) for y in range(first.year, last.year + 1)]
        offset = pd.DateOffset(years=1)
    else:
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        starts = [
            pd.Timestamp(year=first.year, month=first.month, day=1, tz=KST) + pd.DateOffset(months=m)
            for m in range(months)
        ]
        offset = pd.DateOffset(months=1)
    return [start + offset for start in starts]


def render_playback(
    launches: pd.DataFrame,
    *,
    step: str = "year",
    preset: str = "16x9",
    scale: float = 0.5,
    style: str = "light",
    title: str = "North Korean missile launches",
    credit: str | None = None,
    frame_ms: int = 400,
    hold_ms: int = 2500,
    fmt: str = "gif",
) -> bytes:
    """An animated GIF or MP4 (``fmt``) of ``launches`` appearing in order; one frame per ``step``.

    ``scale`` 0.5 makes a 960×540 film from the 16x9 preset. The GIF has one frame per period, the last
    shown for ``hold_ms``; the MP4 plays at one period per ``frame_ms`` and repeats the last frame to hold
    it (a film has one frame rate). Raises :class:`~geodata.errors.InvalidOption` for unknown options, no
    launches or too many frames.
    """
    check_options(preset, style, fmt, scale, formats=FORMATS, max_scale=2)
    ends = frame_dates(launches, step)
    if not ends:
        raise InvalidOption("expected at least one launch with a date to play, got none")
    if len(ends) > MAX_FRAMES:
        raise InvalidOption(f"expected at most {MAX_FRAMES} frames, got {len(ends)}: play by year")
    for name, milliseconds in (("frame_ms", frame_ms), ("hold_ms", hold_ms)):
        if not isinstance(milliseconds, int) or not 20 <= milliseconds <= 60_000:
            raise InvalidOption(
                f"{name} must be whole milliseconds in [20, 60000], got {milliseconds!r} "
                f"({type(milliseconds).__name__})"
            )
    frames = _frames(
        launches, ends, step=step, preset=preset, scale=scale, style=style, title=title, credit=credit
    )
    # Titles and credits are typed by users: "$…$" is text, never mathtext (as on every still).
    with matplotlib.rc_context({"text.parse_math": False}):
        if fmt == "mp4":
            return _encode_mp4(frames, frame_ms, hold_ms)
        return _encode_gif(list(frames), frame_ms, hold_ms)


def _frames(
    launches: pd.DataFrame,
    ends: list[pd.Timestamp],
    *,
    step: str,
    preset: str,
    scale: float,
    style: str,
    title: str,
    credit: str | None,
) -> Iterator[Image.Image]:
    """Each period's frame as an RGB image: the map drawn once, the launches added period by period."""
    colours = STYLES[style]
    width_px, height_px = PRESETS[preset]
    width_in, height_in = width_px / 100, height_px / 100
    dpi = 100 * scale
    fig = Figure(figsize=(width_in, height_in), dpi=dpi, facecolor=colours["background"])
    canvas = FigureCanvasAgg(fig)
    header_in, footer_in = 1.2, 0.5
    map_box = (
        MARGIN_IN / width_in,
        footer_in / height_in,
        1 - 2 * MARGIN_IN / width_in,
        1 - (header_in + footer_in) / height_in,
    )
    ax = fig.add_axes(map_box)
    aspect = (map_box[2] * width_in) / (map_box[3] * height_in)
    rows = launches.sort_values("launched_at").to_dict("records")
    tracks = {t.launch_id: t for t in flight_tracks(rows)}
    content = [(float(r["lat"]), float(r["lon"])) for r in rows]
    for track in tracks.values():
        content += [track.start, track.end]
    view = choose_view(content, (), aspect)
    ax.set_xlim(view.x_min, view.x_max)
    ax.set_ylim(view.y_min, view.y_max)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    layers.draw_basemap(ax, view, colours)
    layers.draw_graticule(ax, view, colours)
    fig.text(
        MARGIN_IN / width_in,
        1 - 0.35 / height_in,
        title,
        ha="left",
        va="top",
        fontsize=FONT_SIZES["title"],
        fontweight="bold",
        color=colours["text"],
    )
    fig.text(
        MARGIN_IN / width_in,
        0.15 / height_in,
        credit_line(credit),
        ha="left",
        va="bottom",
        fontsize=FONT_SIZES["credit"],
        color=colours["text"],
    )
    readout = fig.text(
        1 - MARGIN_IN / width_in,
        1 - 0.35 / height_in,
        "",
        ha="right",
        va="top",
        fontsize=FONT_SIZES["title"],
        fontweight="bold",
        color=colours["text"],
        gid="date",
    )
    counter = fig.text(
        MARGIN_IN / width_in,
        1 - 0.85 / height_in,
        "",
        ha="left",
        va="top",
        fontsize=FONT_SIZES["subtitle"],
        color=colours["muted"],
    )

    recent: list[Any] = []  # the artists of the latest period: bright, then faded on the next frame
    shown = 0
    times = [pd.Timestamp(r["launched_at"]) for r in rows]
    for end in ends:
        start = end - (pd.DateOffset(years=1) if step == "year" else pd.DateOffset(months=1))
        for artist in recent:
            artist.set_alpha(0.3)
            artist.set_markersize(min(artist.get_markersize(), 4))
        recent = []
        while shown < len(rows) and times[shown] < end:
            row = rows[shown]
            before = len(ax.lines)
            flight = tracks.get(str(row.get("id", "")))
            if flight is not None:
                layers.draw_tracks(ax, view, [flight], colours)
            x, y = view.project([row["lat"]], [row["lon"]])
            colour = layers.class_colour(str(row.get("system_class")), colours)
            ax.plot(x, y, marker="o", ms=7, color=colour, mec=colours["text"], mew=0.6, ls="none", zorder=6)
            recent += ax.lines[before:]
            shown += 1
        readout.set_text(f"{(end - pd.Timedelta(days=1)):%Y}" if step == "year" else f"{start:%b %Y}")
        counter.set_text(f"{shown:,} launch events since {times[0]:%Y}")
        canvas.draw()
        yield Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba()).convert("RGB")


def _encode_gif(frames: list[Image.Image], frame_ms: int, hold_ms: int) -> bytes:
    buffer = io.BytesIO()
    palette_frames = [f.quantize(colors=128, method=Image.Quantize.MEDIANCUT) for f in frames]
    durations = [frame_ms] * (len(frames) - 1) + [hold_ms]
    palette_frames[0].save(
        buffer,
        format="GIF",
        save_all=True,
        append_images=palette_frames[1:],
        duration=durations,
        loop=0,
        optimize=False,
        disposal=1,
    )
    return buffer.getvalue()


def _encode_mp4(frames: Iterator[Image.Image], frame_ms: int, hold_ms: int) -> bytes:
    """H.264 (yuv420p, which every player and newsroom CMS takes) in an MP4 with the index up front."""
    import imageio_ffmpeg  # only when a film is asked for: the ffmpeg binary is ~80 MB of wheel

    first = next(frames)
    # yuv420p halves the colour planes: both sides must be even. Pad with the frame's own edge colour
    # rather than let ffmpeg rescale (which would blur the text).
    width_px, height_px = first.size[0] + first.size[0] % 2, first.size[1] + first.size[1] % 2
    background = first.getpixel((0, 0))
    hold_frames = max(1, round(hold_ms / frame_ms))

    def padded(image: Image.Image) -> bytes:
        if image.size != (width_px, height_px):
            canvas = Image.new("RGB", (width_px, height_px), background)
            canvas.paste(image, (0, 0))
            image = canvas
        return image.tobytes()

    with tempfile.TemporaryDirectory(prefix="launchmap-") as folder:
        # The MP4 muxer seeks back to write its index: it needs a file, not a pipe.
        path = Path(folder) / "playback.mp4"
        writer = imageio_ffmpeg.write_frames(
            str(path),
            (width_px, height_px),
            fps=1000 / frame_ms,
            codec="libx264",
            pix_fmt_out="yuv420p",
            macro_block_size=1,  # sizes are already even; never let it resize
            quality=None,
            output_params=["-crf", "23", "-movflags", "+faststart"],
        )
        writer.send(None)  # start the generator (and ffmpeg)
        try:
            last = first
            writer.send(padded(first))
            for image in frames:
                writer.send(padded(image))
                last = image
            for _ in range(hold_frames - 1):
                writer.send(padded(last))
        finally:
            writer.close()  # waits for ffmpeg to finish the file (or stops it on an error)
        return path.read_bytes()


def render_playback_to_file(path: str | Path, launches: pd.DataFrame, **kwargs: Any) -> Path:
    """Write the GIF or MP4 (by the suffix of ``path``: .gif or .mp4); nothing is written on an error."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InvalidOption(f"file suffix must be '.gif' or '.mp4', got {path.suffix!r}")
    path.write_bytes(render_playback(launches, fmt=fmt, **kwargs))
    return path
