"""The history played: what the map's timeline and the films cost, as ratios to what they ride on.

- Timeline: :func:`geodata.render.leaflet_playback.playback_timeline` against the map's own launch layers
  (:func:`geodata.render.leaflet.launch_geojson`) for the same launches: the time to build and the bytes
  sent inline. The timeline is sent once per filter change; a play then costs the server nothing.
- Films: drawing the frames alone (the matplotlib work both films share) against the GIF (Pillow) and the
  MP4 (H.264 by the ffmpeg of ``imageio-ffmpeg``) of the same frames: time and bytes.
Times are the best of a few repeats in this process; nothing is asserted.
"""

from __future__ import annotations

import json
from typing import Any

from benchmarks.bench_stills import best_seconds
from benchmarks.synthetic import synthetic_launches
from geodata.render import leaflet_playback
from geodata.render.leaflet import launch_geojson
from geodata.render.stills import playback


def size(value: Any) -> int:
    return len(json.dumps(value, separators=(",", ":")))


def timeline() -> None:
    print(
        f"{'launches':>9} {'layers s':>9} {'timeline s':>11} {'ratio':>6} {'layers kB':>10} {'timeline kB':>12} {'ratio':>6}"
    )
    for n in (250, 2_000, 20_000):
        launches = synthetic_launches(n)
        layers_s = best_seconds(lambda launches=launches: launch_geojson(launches), repeat=3)
        timeline_s = best_seconds(
            lambda launches=launches: leaflet_playback.playback_timeline(launches), repeat=3
        )
        layers_b = size(launch_geojson(launches))
        timeline_b = size(leaflet_playback.playback_timeline(launches))
        print(
            f"{n:>9,} {layers_s:>9.3f} {timeline_s:>11.3f} {timeline_s / layers_s:>6.2f} "
            f"{layers_b / 1e3:>10,.0f} {timeline_b / 1e3:>12,.0f} {timeline_b / layers_b:>6.2f}"
        )


def films() -> None:
    launches = synthetic_launches(250)  # 1990 … 2024: 35 yearly frames
    ends = playback.frame_dates(launches, "year")
    options = {"step": "year", "preset": "16x9", "scale": 0.5, "style": "light", "title": "x", "credit": None}

    def frames_only() -> int:
        return sum(1 for _ in playback._frames(launches, ends, **options))

    frames_s = best_seconds(frames_only, repeat=2)
    print(f"{len(ends)} frames at 960x540: drawing them alone {frames_s:.2f} s")
    for fmt in playback.FORMATS:
        data = playback.render_playback(launches, fmt=fmt, scale=0.5)
        seconds = best_seconds(
            lambda fmt=fmt: playback.render_playback(launches, fmt=fmt, scale=0.5), repeat=2
        )
        print(f"  {fmt}: {seconds:.2f} s ({seconds / frames_s:.2f}x the drawing), {len(data) / 1e3:,.0f} kB")


def main() -> None:
    timeline()
    films()


if __name__ == "__main__":
    main()
