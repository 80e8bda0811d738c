"""``launchmap render --out FILE.gif|FILE.mp4`` (#14): the selection played in order, one frame a year or
a month, read back as a player would; still-only options and oversized films are refused, nothing written."""

from __future__ import annotations

import io
import json
from pathlib import Path

import imageio_ffmpeg
import pytest
from PIL import Image

from launchmap_cli import render as cli_render
from tests.cli.test_main import isolated_store, run  # noqa: F401 - autouse fixture


def test_render__mp4_of_the_history_one_frame_a_year(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "history.mp4"
    code, stdout, err = run(capsys, "render", "--out", str(out), "--scale", "0.25", "--style", "dark")
    assert code == 0, err
    summary = json.loads(stdout)
    assert summary["format"] == "mp4" and summary["events"] == 3 and summary["bytes"] == out.stat().st_size
    reader = imageio_ffmpeg.read_frames(str(out))
    meta = next(reader)
    frames = sum(1 for _ in reader)
    # the fixture history runs 2012 … 2025 (Korean years): 14 years, then the last held 2.5 s at 2.5 fps
    assert frames == 14 + 5
    assert meta["size"] == (480, 270) and meta["codec"] == "h264"
    assert out.read_bytes()[4:8] == b"ftyp"


def test_render__gif_by_month_of_one_system(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "icbm.gif"
    code, stdout, err = run(
        capsys, "render", "--out", str(out), "--class", "ICBM", "--step", "month", "--scale", "0.2"
    )
    assert code == 0, err
    image = Image.open(io.BytesIO(out.read_bytes()))
    assert image.format == "GIF" and image.size == (384, 216)
    assert image.n_frames == 1 and json.loads(stdout)["step"] == "month"  # one ICBM launch: one month


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--ring", "Sunan:1000km"], "--ring draw on stills only"),
        (["--logo-space", "--subtitle", "x"], "--logo-space, --subtitle draw on stills only"),
        (["--scale", "3"], "expected --scale at most 2 for a .mp4"),
        (["--event", "no-such-launch"], "expected a stored launch id for --event"),
    ],
)
def test_render__film_refusals_write_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    out = tmp_path / "history.mp4"
    code, _, err = run(capsys, "render", "--out", str(out), *argv)
    assert code == 2 and message in err
    assert not out.exists()


def test_render__film_choices_match_the_library() -> None:
    from geodata.render.stills import playback

    assert cli_render.FILMS == playback.FORMATS and cli_render.STEPS == playback.STEPS
