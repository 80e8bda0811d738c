"""The Export page's films in chromium (#14): the MP4 button downloads the selection played, read back
with the ffmpeg that made it (frames, size, codec); nothing fetched from outside."""

from __future__ import annotations

import time
from pathlib import Path

import imageio_ffmpeg
import pytest

from tests.browser.harness import chromium, outside_requests
from tests.dashboard.test_journeys import click, wait_heading

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_export__mp4_film_button_downloads_the_history_played(dashboard: str, tmp_path: Path) -> None:
    with chromium(1400, 1000) as driver:
        driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)}
        )
        driver.get(f"{dashboard}/export?style=dark")
        wait_heading(driver, "Export", 60)
        click(driver, "button", lambda text: text == "MP4 film", timeout_s=120)
        deadline = time.monotonic() + 120
        films: list[Path] = []
        while time.monotonic() < deadline and not films:
            films = [f for f in tmp_path.iterdir() if f.suffix == ".mp4"]  # not the .crdownload in flight
            time.sleep(0.3)
        assert films, "no MP4 downloaded within 120 s"
        assert films[0].name.endswith("-16x9-by-year.mp4")
        assert films[0].read_bytes()[4:8] == b"ftyp"
        reader = imageio_ffmpeg.read_frames(str(films[0]))
        meta = next(reader)
        frames = sum(1 for _ in reader)
        assert (meta["size"], meta["codec"]) == ((960, 540), "h264")
        assert frames == 14 + 5  # the fixture history, 2012 … 2025 (Korean years), then the last one held
        assert outside_requests(driver) == []
