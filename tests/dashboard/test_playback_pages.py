"""The history played on the pages (#14), through AppTest (no JavaScript): the launch map passes the
timeline with its layers (the selection, not the whole history; never in the embed view), and the Export
page offers the selection as a GIF and an MP4 film in the still's size and style."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import imageio_ffmpeg

from tests.dashboard.test_pages import folium_component, metrics, open_page


def timeline_data(feature_group: str) -> dict:
    """The launches the timeline will play, as the page sent them to the browser."""
    found = re.search(r"var data = (\{.*?\});\n", feature_group)
    assert found, "no timeline in the map's layers"
    return json.loads(found.group(1))


def test_launch_map__timeline_plays_the_filtered_selection() -> None:
    everything = timeline_data(folium_component(open_page())["feature_group"])
    assert len(everything["month"]) == 3 and everything["first"] == "2012"
    app = open_page(**{"class": "ICBM"})
    chosen = timeline_data(folium_component(app)["feature_group"])
    assert len(chosen["month"]) == int(metrics(app)["Launch events"]) == 1
    assert chosen["months"] == ["November 2017"]  # the Hwasong-15, in its Korean month


def test_launch_map__no_timeline_when_nothing_is_selected_or_in_the_embed_view() -> None:
    empty = open_page(since="2013-01-01", until="2016-12-31")  # between the fixture launches
    assert metrics(empty)["Launch events"] == "0"
    assert "launchmap-playback" not in folium_component(empty)["feature_group"]
    embed = open_page(view="embed")
    assert not embed.exception
    assert "launchmap-playback" not in folium_component(embed)["feature_group"]


def test_export__gif_and_mp4_films_beside_the_stills() -> None:
    app = open_page("export")
    assert not app.exception
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels[-2:] == ["GIF film", "MP4 film"]
    assert "One frame a" in [group.label for group in app.get("button_group")]


def test_export__the_film_download_is_the_selection_played() -> None:
    from dashboard import common, playback

    ids = tuple(common.launches()["id"])
    mp4 = playback.cached_film(common.store_version(), ids, ("1x1", "dark", "", ""), "year", "mp4", 0.25)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "film.mp4"
        path.write_bytes(mp4)
        reader = imageio_ffmpeg.read_frames(str(path))
        meta = next(reader)
        frames = sum(1 for _ in reader)
    assert meta["size"] == (270, 270) and meta["codec"] == "h264"
    assert frames == 14 + 5  # 2012 … 2025, then the last year held


def test_flight__playback_tab_offers_the_same_gif_and_mp4_films() -> None:
    app = open_page("flight")
    assert not app.exception, [e.message for e in app.exception]
    labels = [button.proto.label for button in app.get("download_button")]
    assert "GIF film" in labels and "MP4 film" in labels
