"""Newsroom stills: presets, styles, formats, projection choice, labels, text lines."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.image import imread

from geodata.errors import InvalidOption
from geodata.events import launches_frame
from geodata.geo import geodesy
from geodata.geo.rings import RingSpec
from geodata.render.stills.compose import (
    FORMATS,
    PRESETS,
    STYLES,
    credit_line,
    date_line,
    render_still,
    render_to_file,
)
from geodata.render.stills.labels import LabelRequest, place_labels
from geodata.render.stills.view import choose_view

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
TITLE = "Test launch over the East Sea"
SUNAN = (39.224, 125.670)


@pytest.fixture(scope="module")
def launches() -> pd.DataFrame:
    return launches_frame(pd.read_csv(FIXTURES / "launches.csv").to_dict("records"))


@pytest.fixture(scope="module")
def sites() -> pd.DataFrame:
    return pd.read_csv(FIXTURES / "sites.csv")


@pytest.fixture(scope="module")
def places() -> pd.DataFrame:
    return pd.read_csv(FIXTURES / "places.csv")


def _png_pixels(data: bytes) -> np.ndarray:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return imread(io.BytesIO(data), format="png")


@pytest.mark.parametrize(("preset", "scale"), [("16x9", 1), ("1x1", 1), ("4x5", 1), ("1x1", 2)])
def test_render_still__png_has_the_preset_pixel_size(launches, sites, preset, scale):
    pixels = _png_pixels(render_still(launches, sites=sites, preset=preset, scale=scale))
    width, height = PRESETS[preset]
    assert pixels.shape[:2] == (height * scale, width * scale)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("preset", PRESETS)
def test_render_still__every_preset_style_and_format(launches, sites, places, preset, style, fmt):
    data = render_still(
        launches,
        sites=sites,
        places=places,
        preset=preset,
        style=style,
        fmt=fmt,
        scale=0.25,
        title=TITLE,
        credit="Source: ROK JCS",
        rings=[RingSpec(*SUNAN, 1000)],
    )
    width, height = PRESETS[preset]
    if fmt == "png":
        pixels = _png_pixels(data)
        assert pixels.shape[:2] == (height // 4, width // 4)
        assert pixels[..., :3].std() > 0.05, "image looks blank"
    elif fmt == "svg":
        svg = data.decode("utf-8")
        assert re.search(rf"<text[^>]*>{TITLE}</text>", svg), "title is not SVG text"
        assert "Source: ROK JCS; Map: launchmap; Natural Earth, GeoNames" in svg
        assert f'width="{width * 0.72:g}pt"' in svg and f'height="{height * 0.72:g}pt"' in svg
    else:
        assert data.startswith(b"%PDF")
        media_box = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
        assert media_box and (float(media_box[1]), float(media_box[2])) == pytest.approx(
            (width * 0.72, height * 0.72)
        )


def test_render_still__print_style_is_greyscale(launches, sites):
    pixels = _png_pixels(render_still(launches, sites=sites, style="print", scale=0.5))[..., :3]
    assert np.abs(pixels[..., 0] - pixels[..., 1]).max() < 0.02
    assert np.abs(pixels[..., 1] - pixels[..., 2]).max() < 0.02


def test_render_still__light_style_is_coloured_and_dark_style_is_dark(launches, sites):
    light = _png_pixels(render_still(launches, sites=sites, style="light", scale=0.5))[..., :3]
    dark = _png_pixels(render_still(launches, sites=sites, style="dark", scale=0.5))[..., :3]
    assert np.abs(light[..., 0] - light[..., 2]).max() > 0.2  # class colours survive
    assert dark.mean() < 0.35 < light.mean()


def test_render_still__no_launches_still_draws_a_map(sites):
    pixels = _png_pixels(render_still(launches_frame(), sites=sites, scale=0.25))
    assert pixels[..., :3].std() > 0.05


def test_render_still__logo_space_and_logo(launches, sites, tmp_path):
    logo = tmp_path / "logo.png"
    fig = Figure(figsize=(2, 0.5))
    FigureCanvasAgg(fig)
    fig.text(0.1, 0.3, "LOGO", fontsize=20)
    fig.savefig(logo)
    svg = render_still(launches, sites=sites, fmt="svg", logo=logo, scale=0.25).decode()
    assert 'id="logo-space"' in svg and "<image" in svg


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"preset": "3x2"}, "preset must be one of"),
        ({"style": "neon"}, "style must be one of"),
        ({"fmt": "gif"}, "fmt must be one of"),
        ({"scale": 0}, "scale must be a number in"),
        ({"scale": -1}, "scale must be a number in"),
        ({"scale": 8}, "scale must be a number in"),
        ({"scale": float("nan")}, "scale must be a number in"),
        ({"scale": "2"}, "scale must be a number in"),
    ],
)
def test_render_still__rejects_bad_choices(launches, sites, kwargs, message):
    with pytest.raises(InvalidOption, match=message):
        render_still(launches, sites=sites, **kwargs)


def test_render_to_file__format_follows_the_suffix(launches, sites, tmp_path):
    assert (
        render_to_file(tmp_path / "a.svg", launches, sites=sites, scale=0.25)
        .read_bytes()
        .startswith(b"<?xml")
    )
    assert (
        render_to_file(tmp_path / "a.pdf", launches, sites=sites, scale=0.25).read_bytes().startswith(b"%PDF")
    )
    with pytest.raises(InvalidOption, match="file suffix must be one of"):
        render_to_file(tmp_path / "a.jpg", launches, sites=sites)


# --- projection choice ------------------------------------------------------------------------------


def test_choose_view__single_launch_is_regional_mercator():
    view = choose_view([(40.21, 125.2), (40.6, 133.4)], (), aspect=16 / 9)
    assert view.kind == "regional"
    assert 700 < view.width_km < 3000
    x, y = view.project([40.21, 40.6], [125.2, 133.4])
    assert all(view.contains(a, b) for a, b in zip(x, y, strict=True))


@pytest.mark.parametrize("radius_km", [5500, 10000, 13000])
def test_choose_view__intercontinental_ring_is_a_circle_around_the_site(radius_km):
    ring = RingSpec(*SUNAN, radius_km)
    view = choose_view([SUNAN], [ring], aspect=1.0)
    assert view.kind == "azimuthal" and (view.centre_lat, view.centre_lon) == SUNAN
    points = geodesy.range_ring(*SUNAN, radius_km)
    x, y = view.project([p[0] for p in points], [p[1] for p in points])
    radii_km = np.hypot(x, y) / 1000
    assert np.allclose(radii_km, radius_km, rtol=0.005)
    assert view.x_min < -radius_km * 1000 and view.x_max > radius_km * 1000


def test_choose_view__small_ring_keeps_a_regional_view():
    view = choose_view([SUNAN], [RingSpec(*SUNAN, 1000)], aspect=1.0)
    assert view.kind == "regional" and view.width_km > 2000


def test_choose_view__polar_content_switches_to_azimuthal():
    assert choose_view([(80.0, 10.0), (78.0, 20.0)], (), aspect=1.0).kind == "azimuthal"


# --- tracks -------------------------------------------------------------------------------------------


# --- labels -------------------------------------------------------------------------------------------


def test_place_labels__optional_labels_never_overlap():
    fig = Figure(figsize=(4, 3), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 100)
    style = STYLES["light"]
    labels = [LabelRequest(50 + i % 3, 50 + i // 3, f"Place number {i}", priority=i) for i in range(12)]
    placed = place_labels(ax, labels, [], style, marker_px=3)
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in placed]
    assert 1 < len(placed) < 12
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)


def test_place_labels__required_labels_are_always_kept():
    fig = Figure(figsize=(4, 3), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    labels = [LabelRequest(0.5, 0.5, f"Site {i}", priority=100, required=True) for i in range(10)]
    assert len(place_labels(ax, labels, [], STYLES["light"], marker_px=3)) == 10


# --- text lines ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("launched_at", "precision", "expected"),
    [
        ("2025-11-07T03:35:00Z", "minute", "7 November 2025, 12:35 KST (03:35 UTC)"),
        ("2017-11-28T18:17:00Z", "minute", "29 November 2017, 03:17 KST · 28 November 2017, 18:17 UTC"),
        ("2017-11-28T00:00:00Z", "day", "28 November 2017"),
        ("2017-11-01T00:00:00Z", "month", "November 2017"),
    ],
)
def test_date_line__one_event_in_kst_and_utc(launched_at, precision, expected):
    frame = launches_frame([{"id": "x", "launched_at": launched_at, "launched_at_precision": precision}])
    assert date_line(frame) == expected


def test_date_line__several_events_give_a_span(launches):
    assert date_line(launches) == "12 Dec 2012 – 7 Nov 2025 (KST)"


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("Source: ROK JCS", "Source: ROK JCS; Map: launchmap; Natural Earth, GeoNames"),
        ("Source: Reuters.", "Source: Reuters; Map: launchmap; Natural Earth, GeoNames"),
        ("Source: JCS; Natural Earth", "Source: JCS; Natural Earth"),
        (None, "Source: launchmap database; Map: launchmap; Natural Earth, GeoNames"),
    ],
)
def test_credit_line__always_carries_the_map_credits(credit, expected):
    assert credit_line(credit) == expected


def test_credit_line__names_the_sources_when_no_credit_is_given():
    sources = pd.DataFrame({"source": ["ROK JCS", "Japan MoD", "ROK JCS"]})
    assert credit_line(None, sources).startswith("Source: ROK JCS, Japan MoD; Map: launchmap")


# --- CLI ----------------------------------------------------------------------------------------------


class _Context:
    def __init__(self, store):
        from geodata.geo.places import Gazetteer

        self.store = store
        self.gazetteer = Gazetteer.from_frames(store.sites(), store.places())


def _run_render(store, argv: list[str]) -> int:
    import argparse

    from launchmap_cli import render as cli_render

    parser = argparse.ArgumentParser(prog="launchmap")
    cli_render.register(parser.add_subparsers(dest="command"), _Context)
    args = parser.parse_args(["render", *argv])
    return args.handler(args, _Context(store))


@pytest.mark.parametrize(
    "argv",
    [
        ["--event", "2025-11-07-taegwan", "--credit", "Source: ROK JCS"],
        ["--class", "ICBM", "--ring", "Sunan:13000km", "--ring", "sunan:Hwasong-15", "--style", "dark"],
        ["--since", "2017-01-01", "--until", "2017-12-31", "--preset", "4x5", "--style", "print"],
    ],
)
@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_cli_render__writes_the_file(store, tmp_path, capsys, argv, suffix):
    out = tmp_path / f"map.{suffix}"
    assert _run_render(store, ["--out", str(out), "--scale", "0.25", *argv]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["out"] == str(out) and summary["bytes"] == out.stat().st_size > 1000
    assert summary["events"] >= 1


@pytest.mark.parametrize(
    ("ring", "label"),
    [
        ("Sunan:Hwasong-15", "Hwasong-15 13,000 km"),
        ("taegwan:Hwasong-11A", "Hwasong-11A (KN-23) 800 km"),  # short name without the designation
        ("taegwan:kn-23", "Hwasong-11A (KN-23) 800 km"),  # designation, any case
        ("Sunan:435mi", "700 km"),
    ],
)
def test_cli_render__ring_ranges_by_length_or_system(store, tmp_path, capsys, ring, label):
    _run_render(store, ["--out", str(tmp_path / "a.svg"), "--scale", "0.25", "--ring", ring])
    assert json.loads(capsys.readouterr().out)["rings"] == [label]


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["--event", "no-such-launch"], "expected a stored launch id"),
        (["--event", "2025-11-07-taegwan", "--class", "SRBM"], "--event picks one launch"),
        (["--ring", "Sunan"], "expected a ring as SITE:RANGE"),
        (["--ring", "Sunan:far"], "expected a length (700km, 435mi) or a system"),
        (["--ring", "Sunan:Hwasong-16X"], "did you mean"),
        (["--ring", "Atlantis:700km"], "unknown place"),
    ],
)
def test_cli_render__rejects_bad_selection(store, tmp_path, argv, error):
    from geodata.errors import LaunchmapError

    with pytest.raises(LaunchmapError, match=re.escape(error)):
        _run_render(store, ["--out", str(tmp_path / "a.png"), *argv])


def test_cli_render__rejects_unknown_suffix(store, tmp_path):
    from geodata.errors import LaunchmapError

    with pytest.raises(LaunchmapError, match="expected --out to end in"):
        _run_render(store, ["--out", str(tmp_path / "a.bmp")])


def test_render_still__credit_line_says_how_current_the_records_are(launches, sites):
    svg = render_still(
        launches, sites=sites, fmt="svg", scale=0.25, records="Records to 26 May 2026"
    ).decode()
    assert "Records to 26 May 2026" in svg


def test_render_still__text_is_plain_not_mathtext(launches, sites):
    svg = render_still(launches, sites=sites, fmt="svg", scale=0.25, title=r"Price: $5 or $10 \foo$").decode()
    assert "Price: $5 or $10" in svg  # mathtext would have eaten the dollars (and $\foo$ would raise)


def test_scaled_png__a_wide_still_is_scaled_to_the_width_keeping_its_aspect() -> None:
    from PIL import Image

    from geodata.render.stills.compose import scaled_png

    wide = io.BytesIO()
    Image.new("RGB", (1920, 1080), "#336699").save(wide, format="PNG")
    scaled = Image.open(io.BytesIO(scaled_png(wide.getvalue(), 1460)))
    assert scaled.format == "PNG" and scaled.size == (1460, 821)
    assert scaled.getpixel((730, 410)) == (51, 102, 153)
    narrow = io.BytesIO()
    Image.new("RGB", (1080, 1350), "white").save(narrow, format="PNG")
    assert scaled_png(narrow.getvalue(), 1460) == narrow.getvalue()  # fits: the same bytes
