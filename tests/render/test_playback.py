"""Playback export (#14): one GIF or MP4 frame per year from the first launch to the last, at the preset's
size; the MP4 is H.264 in an MP4 container, read back with the ffmpeg that encoded it."""

from __future__ import annotations

import io
from pathlib import Path

import imageio_ffmpeg
import numpy as np
import pytest
from PIL import Image

from geodata.errors import InvalidOption
from geodata.events import launches_frame
from geodata.render.stills.playback import frame_dates, render_playback, render_playback_to_file


def launch_row(launch_id: str, when: str, lon: float = 125.2, **fields: object) -> dict:
    """An SRBM from Taegwan flying 500 km (impact estimated), with ``fields`` changed."""
    return {
        "id": launch_id,
        "launched_at": when,
        "launched_at_precision": "minute",
        "site_id": "taegwan",
        "lat": 40.21,
        "lon": lon,
        "system": "Unknown SRBM",
        "system_class": "SRBM",
        "count": 1,
        "distance_km": 500,
        "impact_basis": "estimated",
        "landing_area": "East Sea/Sea of Japan",
        "outcome": "success",
        "confirmation": "confirmed",
        **fields,
    }


LAUNCHES = launches_frame(
    [
        launch_row("a", "1984-04-01T00:00:00Z"),
        launch_row("b", "1990-05-01T00:00:00Z", 126.0),
        launch_row("c", "1990-12-31T16:00:00Z", 127.0),  # 1 Jan 1991 in Korea: the 1991 frame
        launch_row("d", "1993-05-29T00:00:00Z"),
    ]
)


def _gif(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "GIF"
    return image


def test_render_playback__one_frame_per_year_at_the_preset_size() -> None:
    image = _gif(render_playback(LAUNCHES, scale=0.25))
    assert image.n_frames == 10  # 1984 … 1993
    assert image.size == (480, 270)
    assert image.info.get("loop") == 0


def test_render_playback__monthly_frames_and_square_preset() -> None:
    two_months = LAUNCHES.iloc[[1, 2]]
    image = _gif(render_playback(two_months, step="month", preset="1x1", scale=0.2))
    assert image.n_frames == 9  # May 1990 … January 1991 (KST)
    assert image.size == (216, 216)


def test_frame_dates__korean_year_of_eachlaunch_row() -> None:
    ends = frame_dates(LAUNCHES.iloc[[2]])
    assert [f"{end:%Y-%m-%d}" for end in ends] == ["1992-01-01"]  # the launch is 1991 in Korea


def test_render_playback__frames_differ_as_launches_appear() -> None:
    image = _gif(render_playback(LAUNCHES, scale=0.25))
    first = image.convert("RGB").tobytes()
    image.seek(image.n_frames - 1)
    assert image.convert("RGB").tobytes() != first


def _mp4(path: Path) -> tuple[dict, int]:
    """(ffmpeg's metadata of the first video stream, frames decoded) — the film as a player reads it."""
    assert path.read_bytes()[4:8] == b"ftyp"  # an ISO base media (MP4) container, not a raw stream
    reader = imageio_ffmpeg.read_frames(str(path))
    meta = next(reader)
    frames = sum(1 for _ in reader)
    return meta, frames


def test_render_playback__mp4_one_frame_per_year_then_the_hold(tmp_path) -> None:
    path = tmp_path / "history.mp4"
    path.write_bytes(render_playback(LAUNCHES, scale=0.25, fmt="mp4", frame_ms=400, hold_ms=2000))
    meta, frames = _mp4(path)
    assert frames == 10 + 4  # 1984 … 1993, then the last year held 2 s at 2.5 frames a second
    assert meta["size"] == (480, 270)
    assert meta["codec"] == "h264"
    assert meta["pix_fmt"].startswith("yuv420p")  # the pixel format every browser and phone plays
    assert meta["fps"] == pytest.approx(2.5)


def test_render_playback__mp4_odd_height_is_padded_not_scaled(tmp_path) -> None:
    path = tmp_path / "tall.mp4"
    path.write_bytes(render_playback(LAUNCHES.iloc[[0]], preset="4x5", scale=0.25, fmt="mp4"))
    meta, frames = _mp4(path)
    assert meta["size"] == (270, 338)  # 1080×1350 × 0.25 = 270×337.5: one row of padding, never a resize
    assert frames == 1 + 5  # one year, held 2.5 s at 400 ms a frame


def test_render_playback__mp4_frames_differ_as_launches_appear(tmp_path) -> None:
    path = tmp_path / "history.mp4"
    path.write_bytes(render_playback(LAUNCHES, scale=0.25, fmt="mp4"))
    reader = imageio_ffmpeg.read_frames(str(path))
    next(reader)
    frames = [np.frombuffer(f, dtype=np.uint8).astype(int) for f in reader]
    # H.264 is lossy: compare mean pixel differences, not bytes.
    assert np.abs(frames[0] - frames[9]).mean() > 10 * np.abs(frames[-1] - frames[-2]).mean()
    assert np.abs(frames[-1] - frames[-2]).mean() < 1  # the hold repeats the last year


def test_render_playback_to_file__by_suffix(tmp_path) -> None:
    path = render_playback_to_file(tmp_path / "history.gif", LAUNCHES, scale=0.2)
    assert _gif(path.read_bytes()).n_frames == 10
    meta, frames = _mp4(render_playback_to_file(tmp_path / "history.mp4", LAUNCHES, scale=0.2))
    assert (meta["size"], frames) == ((384, 216), 15)
    with pytest.raises(InvalidOption, match=r"'\.gif' or '\.mp4', got '\.avi'"):
        render_playback_to_file(tmp_path / "history.avi", LAUNCHES)
    assert not (tmp_path / "history.avi").exists()


@pytest.mark.parametrize(
    "options",
    [
        {"step": "week"},
        {"preset": "A4"},
        {"scale": 3},
        {"style": "neon"},
        {"fmt": "webm"},
        {"frame_ms": 0},
        {"hold_ms": 2.5},
    ],
)
def test_render_playback__rejects_options(options: dict) -> None:
    with pytest.raises(InvalidOption):
        render_playback(LAUNCHES, **options)


def test_render_playback__needs_launches() -> None:
    with pytest.raises(InvalidOption):
        render_playback(LAUNCHES.iloc[0:0])


def test_render_playback__dollar_signs_in_a_title_are_text() -> None:
    # As mathtext "$\frac{" is an error; a typed title must render as the characters typed.
    assert render_playback(LAUNCHES.iloc[[0]], scale=0.2, title=r"Costs $\frac{ and $5")[:6] == b"GIF89a"
