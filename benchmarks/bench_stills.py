"""Time to render a newsroom still per preset, as a ratio to saving a bare matplotlib figure of the same size.

The baseline is the least any still can cost: a :class:`matplotlib.figure.Figure` of the preset's pixel
size with one line, saved in the same format by the same backend. Ours draws the basemap, tracks, rings, labels
(with collision checks), legend and text, then saves. Times are the best of several repeats after a warm-up
(the first render of a view also projects the basemap, which is cached; the cold time is reported too).
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from geodata.events import launches_frame
from geodata.render.stills import view as stills_view
from geodata.render.stills.compose import PRESETS, RingSpec, render_still

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seeds"
SUNAN = (39.224, 125.670)


def best_seconds(function: Callable[[], Any], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def bare_figure(width_px: int, height_px: int, scale: float, fmt: str) -> bytes:
    fig = Figure(figsize=(width_px / 100, height_px / 100), dpi=100 * scale)
    FigureCanvasAgg(fig)
    fig.add_subplot().plot([0, 1], [0, 1])
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt)
    return buffer.getvalue()


def main() -> None:
    launches = launches_frame(pd.read_csv(FIXTURES / "launches.csv").to_dict("records"))
    sites = pd.read_csv(FIXTURES / "sites.csv")
    places = pd.read_csv(FIXTURES / "places.csv")
    cases = {
        "regional (1 event)": {"launches": launches.iloc[[0]], "rings": ()},
        "azimuthal (13,000 km ring)": {"launches": launches, "rings": (RingSpec(*SUNAN, 13000),)},
    }
    print(
        f"{'case':28} {'preset':7} {'scale':>5} {'fmt':4} {'baseline':>9} {'ours':>8} {'cold':>8} {'ratio':>6}"
    )
    for case, content in cases.items():
        for preset, (width, height) in PRESETS.items():
            for scale, fmt in ((1, "png"), (2, "png"), (1, "svg"), (1, "pdf")):
                if (scale, fmt) != (1, "png") and preset != "16x9":
                    continue  # the retina and vector variants once per case is enough

                def ours(content=content, preset=preset, scale=scale, fmt=fmt) -> bytes:
                    return render_still(
                        content["launches"],
                        sites=sites,
                        places=places,
                        rings=content["rings"],
                        preset=preset,
                        scale=scale,
                        fmt=fmt,
                    )

                stills_view.projected_basemap.cache_clear()
                started = time.perf_counter()
                ours()
                cold = time.perf_counter() - started
                baseline = best_seconds(lambda w=width, h=height, s=scale, f=fmt: bare_figure(w, h, s, f))
                warm = best_seconds(ours, repeat=3)
                print(
                    f"{case:28} {preset:7} {scale:>5} {fmt:4} {baseline * 1000:7.0f}ms {warm * 1000:6.0f}ms "
                    f"{cold * 1000:6.0f}ms {warm / baseline:5.1f}x"
                )


if __name__ == "__main__":
    main()
