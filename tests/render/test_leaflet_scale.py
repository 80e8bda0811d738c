"""The canvas launch layer for many events (issue #17): when it is used, what it sends, that it decodes."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from benchmarks.synthetic import synthetic_launches
from geodata.render import leaflet
from geodata.tracks import impact_points

# Measured ~70 bytes an event at 1,000 and ~60 at 100,000 (an id alone is ~18); the SVG GeoJSON
# layers take ~1,100 and one folium marker and polyline per event ~1,600 (issue #17).
MAX_BYTES_PER_EVENT = 90


@pytest.fixture(scope="module")
def launches() -> pd.DataFrame:
    return synthetic_launches(3_000)


def decoded_paths(data: dict) -> list[np.ndarray]:
    """Each event's (lat, lon) path as the canvas layer's script rebuilds it: launch point, then steps."""
    scale, steps, paths, step = data["scale"], np.asarray(data["paths"]).reshape(-1, 2), [], 0
    for index in range(data["n"]):
        origin = data["origin"][index]
        lat, lon = data["origins"][2 * origin], data["origins"][2 * origin + 1]
        points = [(lat, lon)]
        for _ in range(data["path_length"][index]):
            lon, lat = lon + steps[step][0], lat + steps[step][1]
            points.append((lat, lon))
            step += 1
        paths.append(np.asarray(points, dtype=float) / scale)
    return paths


@pytest.mark.parametrize(
    ("events", "canvas"),
    [
        (0, False),
        (leaflet.CANVAS_THRESHOLD_EVENTS, False),
        (leaflet.CANVAS_THRESHOLD_EVENTS + 1, True),
        (100_000, True),
    ],
)
def test_use_canvas__switches_past_the_threshold(events: int, canvas: bool) -> None:
    assert leaflet.use_canvas(events) is canvas


def test_compact_launches__bytes_per_event_under_bound(launches: pd.DataFrame) -> None:
    data = leaflet.compact_launches(launches)
    size = len(json.dumps(data, separators=(",", ":")))
    naive_geojson = len(json.dumps(leaflet.launch_geojson(launches.head(300)), separators=(",", ":"))) / 300
    assert size / len(launches) <= MAX_BYTES_PER_EVENT
    assert size / len(launches) < naive_geojson / 8  # the SVG layers' GeoJSON, per event


def test_compact_launches__paths_end_at_the_impact_points(launches: pd.DataFrame) -> None:
    data = leaflet.compact_launches(launches)
    lats, lons, bases = impact_points(launches)
    paths = decoded_paths(data)
    assert data["n"] == len(paths) == len(launches)
    for index in range(0, len(launches), 97):
        path = paths[index]
        assert path[0] == pytest.approx((launches["lat"].iloc[index], launches["lon"].iloc[index]), abs=1e-4)
        if np.isfinite(lats[index]):
            assert path[-1] == pytest.approx((lats[index], lons[index]), abs=2e-4)
            assert data["estimated"][index] == ("1" if bases[index] == "estimated" else "0")
        else:
            assert len(path) == 1


def test_compact_launches__simplified_track_stays_within_tolerance_of_the_geodesic() -> None:
    from shapely import LineString, Point

    from geodata.geo import geodesy

    frame = synthetic_launches(40)
    frame["distance_km"] = 4_000.0  # long enough for the geodesic to bend on the map
    data = leaflet.compact_launches(frame)
    lats, lons, _ = impact_points(frame)
    for index, path in enumerate(decoded_paths(data)):
        start = (frame["lat"].iloc[index], frame["lon"].iloc[index])
        exact = geodesy.track(start, (lats[index], lons[index]), spacing_km=100)
        drawn = LineString(path)
        # Douglas-Peucker keeps every point of the track within the tolerance; rounding adds ~1e-4°.
        assert max(drawn.distance(Point(p)) for p in exact) <= leaflet.TRACK_TOLERANCE_DEG + 2e-4
        assert 2 < len(path) < len(exact)  # simplified, yet still curved


def test_compact_launches__empty_table() -> None:
    data = leaflet.compact_launches(synthetic_launches(5).head(0))
    assert data["n"] == 0 and data["paths"] == [] and data["ids"] == []


def test_launch_mask__one_bit_per_event_in_table_order() -> None:
    ids = pd.Series([f"e{i}" for i in range(11)])
    mask = leaflet.launch_mask(ids, ["e0", "e3", "e10", "not-stored"])
    bits = np.unpackbits(np.frombuffer(base64.b64decode(mask), dtype=np.uint8))[: len(ids)]
    assert np.flatnonzero(bits).tolist() == [0, 3, 10]


def test_launch_mask__100k_events_fit_in_a_small_message() -> None:
    ids = pd.Series([f"synthetic-{i:06d}" for i in range(100_000)])
    assert len(leaflet.launch_mask(ids, ids[::3])) <= 17_000  # 12.5 kB of bits, base64


def test_write_launch_data__named_by_content_and_complete(tmp_path: Path) -> None:
    data = leaflet.compact_launches(synthetic_launches(50))
    name = leaflet.write_launch_data(tmp_path, data)
    assert leaflet.write_launch_data(tmp_path, data) == name  # the same content, the same file
    assert json.loads((tmp_path / name).read_text()) == data
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind
    other = leaflet.write_launch_data(tmp_path, {**data, "n": 49})
    assert other != name


def test_write_launch_data__prunes_old_versions_but_not_recent_ones(tmp_path: Path) -> None:
    import os
    import time

    old = [tmp_path / f"launches-old{i}.json" for i in range(6)]
    for index, file in enumerate(old):
        file.write_text("{}")
        stamp = time.time() - leaflet.STALE_LAUNCH_DATA_S - 100 + index  # old[5] is the newest
        os.utime(file, (stamp, stamp))
    recent = tmp_path / "launches-recent.json"
    recent.write_text("{}")
    name = leaflet.write_launch_data(tmp_path, {"n": 0})
    left = {p.name for p in tmp_path.iterdir()}
    # The new file, the one written moments ago and the two newest old ones stay (four kept).
    assert left == {name, "launches-recent.json", "launches-old5.json", "launches-old4.json"}


def test_write_launch_data__a_file_in_use_survives_another_servers_prune(tmp_path: Path) -> None:
    import os
    import time

    # A server finds its data's file already there, written long ago for the same data (the name is
    # the content's hash); another server then writes four other versions and prunes. Before, the
    # old modification time got the file in use deleted, and the map stayed empty on a 404.
    data = leaflet.compact_launches(synthetic_launches(20))
    name = leaflet.write_launch_data(tmp_path, data)
    stamp = time.time() - leaflet.STALE_LAUNCH_DATA_S - 100
    os.utime(tmp_path / name, (stamp, stamp))
    assert leaflet.write_launch_data(tmp_path, data) == name
    for n in range(4):
        leaflet.write_launch_data(tmp_path, {"n": n})
    assert (tmp_path / name).exists()
    (tmp_path / name).unlink()  # pruned all the same (a server down for hours): the page writes it again
    assert not leaflet.keep_launch_data(tmp_path, name)
    assert leaflet.write_launch_data(tmp_path, data) == name and leaflet.keep_launch_data(tmp_path, name)


def test_canvas_layer__fetches_its_data_and_waits_for_the_mask() -> None:
    m = leaflet.base_map(vendor_url="/v", basemap_url="/b.geojson")
    leaflet.CanvasLaunches(url="/app/static/launches-abc.json", wait_for_mask=True).add_to(m)
    page = m.get_root().render()
    assert 'fetch("/app/static/launches-abc.json")' in page
    assert "layer._waiting = true" in page
    assert "window.launchmapCanvas = layer" in page


def test_canvas_layer__inline_data_cannot_end_the_script() -> None:
    frame = synthetic_launches(3)
    frame.loc[0, "id"] = "</script><script>alert(1)</script>"
    m = leaflet.base_map(vendor_url="/v", basemap_url="/b.geojson")
    leaflet.CanvasLaunches(data=leaflet.compact_launches(frame)).add_to(m)
    page = m.get_root().render()
    assert "</script><script>alert(1)" not in page
    assert "<\\/script><script>alert(1)<\\/script>" in page


def test_canvas_mask_layer__sends_the_mask_and_stays_out_of_the_layer_control() -> None:
    group = leaflet.canvas_mask_layer("gA==")
    m = leaflet.base_map(vendor_url="/v", basemap_url="/b.geojson")
    group.add_to(m)
    page = m.get_root().render()
    assert 'setMask("gA==")' in page
    assert group.control is False


def test_site_layer__radius_capped_for_thousands_of_launches(launches: pd.DataFrame) -> None:
    group = leaflet.site_layer(launches, leaflet_sites())
    geojson = next(iter(group._children.values())).data
    radii = [f["properties"]["radius"] for f in geojson["features"]]
    assert max(radii) == leaflet.SITE_RADIUS_MAX_PX
    assert sum(f["properties"]["launches"] for f in geojson["features"]) == len(launches)


def leaflet_sites() -> pd.DataFrame:
    from benchmarks.synthetic import synthetic_sites

    return synthetic_sites()
