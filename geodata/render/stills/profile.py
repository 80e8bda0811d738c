"""A launch in side view: how high it went, how far it flew, and how far it could have flown.

The picture editors and students ask for. Each curve is the ballistic ellipse through a source's
reported range and apogee (:func:`geodata.geo.trajectory.flight_profile`); beside the reported flight
is the minimum-energy trajectory with the same burnout speed, labelled with its equivalent range and
flight time (:func:`geodata.geo.trajectory.minimum_energy_profile`). When sources disagree each
source's figures are their own curve. A depressed flight says so in the picture and gets no
minimum-energy curve: the vacuum method does not apply to it.

Panels: the upper one is to scale (1 km up = 1 km along); when that leaves the flight a flat line,
a lower panel repeats it with the height exaggerated, and says by how much. The page has the stills'
presets, styles, type sizes and credit line (:mod:`geodata.render.stills.compose`).

>>> curves = [ProfileCurve("KCNA", apogee_km=4475, distance_km=950)]
>>> render_profile(curves, title="Hwasong-15", scale=0.25)[:4] == b"\\x89PNG"
True
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from geodata.errors import InvalidOption, LaunchmapError
from geodata.events import disagreements
from geodata.geo.ballistics import LOWER_BOUND_CAVEAT
from geodata.geo.trajectory import FlightProfile, flight_profile, minimum_energy_profile
from geodata.render.stills.compose import (
    FONT_SIZES,
    FORMATS,
    MARGIN_IN,
    PRESETS,
    STYLES,
    check_options,
    footer_lines,
    header_line,
)
from geodata.render.stills.text import credit_line, wrap
from geodata.style import RING_COLOURS
from geodata.units import float_or_nan

__all__ = ["ProfileCurve", "profile_curves", "render_profile", "render_profile_to_file"]

MINIMUM_ENERGY_COLOUR = "#555555"


@dataclass(frozen=True)
class ProfileCurve:
    """One curve: who said it and the range and apogee they gave (``note`` says what was borrowed)."""

    source: str
    apogee_km: float
    distance_km: float
    note: str = ""
    reported_flight_time_s: float | None = None

    @property
    def label(self) -> str:
        text = f"{self.source}: {self.distance_km:,.0f} km, apogee {self.apogee_km:,.0f} km"
        return f"{text} ({self.note})" if self.note else text


def profile_curves(event: Mapping[Any, Any], sources: Iterable[Mapping[Any, Any]] = ()) -> list[ProfileCurve]:
    """The curves of an event: one per distinct (range, apogee) when the sources disagree
    (:func:`geodata.events.disagreements`), else one of the headline figures.

    A source that gave only a range borrows the event's apogee (and the reverse); the curve's note says
    so. Sources that gave the same figures share one curve. ``sources`` rows of other launches are
    ignored. Empty when the event has no range or no apogee.
    """
    launch_id = event.get("id")
    headline_km = float_or_nan(event.get("distance_km"))
    headline_apogee = float_or_nan(event.get("apogee_km"))
    figures: dict[tuple[float, float], list[str]] = {}
    notes: dict[tuple[float, float], str] = {}
    times: dict[tuple[float, float], float] = {}
    for row in sources:
        if launch_id is not None and "launch_id" in row and row["launch_id"] != launch_id:
            continue
        distance_km, apogee_km = float_or_nan(row.get("distance_km")), float_or_nan(row.get("apogee_km"))
        if not (distance_km > 0 or apogee_km > 0):
            continue
        note = ""
        if not distance_km > 0:
            distance_km, note = headline_km, "range not given by this source: the record's"
        if not apogee_km > 0:
            apogee_km, note = headline_apogee, "apogee not given by this source: the record's"
        if not (distance_km > 0 and apogee_km > 0):
            continue
        key = (distance_km, apogee_km)
        name = str(row.get("source") or "source")
        if name not in figures.setdefault(key, []):
            figures[key].append(name)
        if note and key not in notes:
            notes[key] = note
        elif not note:
            notes[key] = ""  # someone gave both figures: nothing borrowed
        flight_s = float_or_nan(row.get("flight_time_s"))
        if flight_s > 0:
            times[key] = flight_s
    flight_s = float_or_nan(event.get("flight_time_s"))
    rows = pd.DataFrame(
        [{"launch_id": "x", "distance_km": d, "apogee_km": h} for d, h in figures],
        columns=["launch_id", "distance_km", "apogee_km", "flight_time_s", "count"],
    )
    if len(figures) < 2 or not disagreements(rows):  # the one rule of "sources disagree" (10 %)
        if not (headline_km > 0 and headline_apogee > 0):
            return []
        key = (headline_km, headline_apogee)
        names = figures.get(key) or ["Reported"]
        time_s = times.get(key) or next(iter(times.values()), None) or (flight_s if flight_s > 0 else None)
        return [ProfileCurve(", ".join(names), headline_apogee, headline_km, "", time_s)]
    return [
        ProfileCurve(", ".join(names), key[1], key[0], notes.get(key, ""), times.get(key))
        for key, names in sorted(figures.items(), key=lambda item: -item[0][0])
    ]


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.0f} min" if seconds >= 600 else f"{seconds / 60:.1f} min"


def _draw_panel(
    ax: Axes,
    flights: Sequence[tuple[ProfileCurve, FlightProfile]],
    equivalents: Sequence[FlightProfile],
    colours: dict[str, Any],
    fontsize: float,
) -> None:
    ax.set_facecolor(colours["background"])
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    for spine in ("left", "bottom"):
        ax.spines[spine].set_color(colours["muted"])
    ax.tick_params(colors=colours["muted"], labelsize=fontsize - 1)
    ax.axhline(0, color=colours["border"], lw=1.2, zorder=1)
    for index, (curve, profile) in enumerate(flights):
        colour = colours["text"] if colours["greyscale"] else RING_COLOURS[index % len(RING_COLOURS)]
        ax.plot(
            profile.downrange_km,
            profile.altitude_km,
            color=colour,
            lw=2.4,
            ls=("-", (0, (6, 2)), (0, (2, 2)))[index % 3] if colours["greyscale"] else "-",
            label=f"{curve.label} · free flight ≈ {_minutes(profile.flight_time_s)}"
            + (
                f" (reported {_minutes(curve.reported_flight_time_s)} incl. boost)"
                if curve.reported_flight_time_s
                else ""
            ),
            zorder=4,
            gid=f"flight-{index}",
        )
    for equivalent in equivalents:
        estimate = equivalent.estimate
        ax.plot(
            equivalent.downrange_km,
            equivalent.altitude_km,
            color=MINIMUM_ENERGY_COLOUR if not colours["greyscale"] else colours["muted"],
            lw=2.0,
            ls=(0, (7, 4)),
            label=(
                f"Minimum-energy, same burnout speed ({equivalent.burnout_speed_km_s:.1f} km/s): "
                f"≈ {equivalent.distance_km:,.0f} km, ≈ {_minutes(equivalent.flight_time_s)} "
                f"(apogee {estimate.apogee_km:,.0f} km)"
            ),
            zorder=3,
            gid="minimum-energy",
        )
    ax.set_ylabel("Altitude (km)", color=colours["text"], fontsize=fontsize)
    ax.set_xlabel(
        "Distance along the ground from the launch point (km)", color=colours["text"], fontsize=fontsize
    )
    ax.grid(color=colours["graticule"], lw=0.5, ls=":")


def _round_down(value: float) -> float:
    """A round factor not above ``value``: a whole number up to 10, then 1, 2 or 5 × 10^n (at least 1)."""
    if value <= 1:
        return 1.0
    if value < 10:
        return float(math.floor(value))
    magnitude = 10 ** math.floor(math.log10(value))
    return float(max(m * magnitude for m in (1, 2, 5) if m * magnitude <= value))


def _render_profile(
    curves: Sequence[ProfileCurve],
    *,
    title: str,
    subtitle: str = "",
    date_text: str = "",
    preset: str = "16x9",
    scale: float = 1,
    style: str = "light",
    credit: str | None = None,
    fmt: str = "png",
) -> bytes:
    check_options(preset, style, fmt, scale)
    if not curves:
        raise InvalidOption("expected at least one curve with a range and an apogee, got none")
    colours = STYLES[style]
    width_px, height_px = PRESETS[preset]
    width_in, height_in = width_px / 100, height_px / 100
    fig = Figure(figsize=(width_in, height_in), dpi=100 * scale, facecolor=colours["background"])
    FigureCanvasAgg(fig)

    flights = [(curve, flight_profile(curve.apogee_km, curve.distance_km)) for curve in curves]
    depressed = [curve for curve, profile in flights if profile.trajectory_class == "depressed"]
    equivalents: list[FlightProfile] = []
    unbounded = False
    for _, profile in flights:
        if profile.method_applies:
            equivalent = minimum_energy_profile(profile.burnout_speed_km_s)
            if equivalent is None:
                unbounded = True
            elif all(abs(e.distance_km - equivalent.distance_km) > 0.01 * e.distance_km for e in equivalents):
                equivalents.append(equivalent)

    text_width = width_in - 2 * MARGIN_IN
    header: list[tuple[str, str, str, str]] = [
        (line, "title", "bold", "text") for line in wrap(title, text_width, FONT_SIZES["title"], 2)
    ]
    header += [
        (line, "subtitle", "normal", "text")
        for line in wrap(subtitle, text_width, FONT_SIZES["subtitle"], 2)
        if subtitle
    ]
    if date_text:
        header.append((date_text, "date", "normal", "muted"))
    y_in = MARGIN_IN * 0.8
    for line, size, weight, colour in header:
        header_line(fig, line, y_in, size, weight, colours[colour])
        y_in += FONT_SIZES[size] * 1.3 / 72
    verdicts = []
    if depressed:
        names = ", ".join(c.source for c in depressed)
        verdicts.append(
            f"Depressed trajectory ({names}): flown far below a minimum-energy path, low in the atmosphere. "
            "The vacuum-ellipse method does not apply, so no equivalent range is given."
        )
    if equivalents:
        verdicts.append(
            "Minimum-energy equivalent: the same burnout speed on its farthest path. " + LOWER_BOUND_CAVEAT
        )
    if unbounded:
        verdicts.append("The burnout speed reaches orbital energy: the equivalent range is unbounded.")
    verdict_lines = [
        line for text in verdicts for line in wrap(text, text_width * 0.88, FONT_SIZES["subtitle"] - 2, 3)
    ]
    y_in += 0.1
    for line in verdict_lines:
        fig.text(
            MARGIN_IN / width_in,
            1 - y_in / height_in,
            line,
            ha="left",
            va="top",
            fontsize=FONT_SIZES["subtitle"] - 2,
            fontweight="bold" if depressed else "normal",
            color=colours["text"],
            gid="verdict",
        )
        y_in += (FONT_SIZES["subtitle"] - 2) * 1.3 / 72
    top_in = y_in + 0.25
    footer_in = 1.2
    plot_h_in = height_in - top_in - footer_in
    left_in, right_in = MARGIN_IN + 0.7, MARGIN_IN
    plot_w_in = width_in - left_in - right_in

    length_km = max(p.distance_km for p in [*(f[1] for f in flights), *equivalents]) * 1.04
    height_km = max(p.apogee_km for p in [*(f[1] for f in flights), *equivalents]) * 1.18
    # To scale: km per inch the same on both axes. The panel is as high as that needs (up to the
    # whole plot; beyond, the ground axis grows instead); a flat flight gets a second, exaggerated panel.
    scale_h_in = min(plot_h_in, plot_w_in * height_km / length_km)
    panels: list[tuple[float, float, float, float]] = []  # (factor, height_in, x_span_km, y_span_km)
    gap_in = 0.75
    if scale_h_in < 0.5 * plot_h_in:
        scale_h_in = max(scale_h_in, 0.45)
        rest_in = plot_h_in - scale_h_in - gap_in
        factor = _round_down((rest_in / plot_w_in) / (height_km / length_km))
        panels.append((1.0, scale_h_in, length_km, length_km * scale_h_in / plot_w_in))
        # The axis limits do the exaggerating, so the ticks stay in true km.
        panels.append((factor, rest_in, length_km, length_km * rest_in / plot_w_in / factor))
    else:
        x_span = max(length_km, height_km * plot_w_in / scale_h_in)
        panels.append((1.0, scale_h_in, x_span, x_span * scale_h_in / plot_w_in))
    top = footer_in + plot_h_in
    for index, (factor, h_in, x_span, y_span) in enumerate(panels):
        bottom = top - h_in
        ax = fig.add_axes((left_in / width_in, bottom / height_in, plot_w_in / width_in, h_in / height_in))
        ax.set_gid("to-scale" if factor == 1 else "exaggerated")
        _draw_panel(ax, flights, equivalents, colours, FONT_SIZES["label"])
        ax.set_xlim(0, x_span)
        ax.set_ylim(0, y_span)
        ax.set_title(
            "To scale (1 km up = 1 km along)" if factor == 1 else f"Height exaggerated × {factor:g}",
            loc="left",
            fontsize=FONT_SIZES["label"],
            color=colours["muted"],
        )
        if index == len(panels) - 1:
            ax.legend(
                loc="upper right",
                fontsize=FONT_SIZES["legend"] - 1,
                frameon=True,
                framealpha=0.92,
                facecolor=colours["panel"],
                edgecolor=colours["border"],
                labelcolor=colours["text"],
            )
        else:
            ax.set_xlabel("")
        top = bottom - gap_in

    footer_lines(
        fig,
        "Vacuum Kepler ellipse on a spherical, non-rotating Earth, burnout at the surface; the apogee "
        "half-way along the reported range. Free flight excludes the boost phase.",
        "method-note",
        credit_line(credit or "Source: launchmap database"),
        colours,
    )

    buffer = io.BytesIO()
    metadata = {"png": None, "svg": {"Date": None}, "pdf": {"CreationDate": None}}[fmt]
    with matplotlib.rc_context({"svg.fonttype": "none", "pdf.fonttype": 42, "svg.hashsalt": "launchmap"}):
        fig.savefig(buffer, format=fmt, dpi=100 * scale, facecolor=colours["background"], metadata=metadata)
    return buffer.getvalue()


def render_profile(curves: Sequence[ProfileCurve], **kwargs: Any) -> bytes:
    """Render the side view of ``curves`` (see :func:`profile_curves`) and return the file's bytes.

    Keywords: ``title`` (required), ``subtitle``, ``date_text``, ``preset`` (16x9, 1x1, 4x5),
    ``scale``, ``style`` (light, dark, print), ``credit``, ``fmt`` (png, svg, pdf). Raises
    :class:`~geodata.errors.InvalidOption` for an unknown option or no curve, and
    :class:`~geodata.errors.InvalidRange` for figures the ballistic model refuses.
    """
    with matplotlib.rc_context({"text.parse_math": False}):  # "$" in a title stays a dollar sign
        try:
            return _render_profile(curves, **kwargs)
        except LaunchmapError:
            raise


def render_profile_to_file(path: str | Path, curves: Sequence[ProfileCurve], **kwargs: Any) -> Path:
    """Render to ``path``; the format follows the suffix (.png, .svg, .pdf)."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InvalidOption(f"file suffix must be one of {FORMATS}, got {path.suffix!r}")
    path.write_bytes(render_profile(curves, fmt=fmt, **kwargs))
    return path
