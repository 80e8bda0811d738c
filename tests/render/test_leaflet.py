"""The folium map builders, tested without a browser: offline assets, escaping, impact points, rings."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from geographiclib.geodesic import Geodesic

from geodata.events import launches_frame
from geodata.render import leaflet as maps
from geodata.tracks import impact_point
from tests.conftest import TAEGWAN_EVENT

EVENT = TAEGWAN_EVENT


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return Geodesic.WGS84.Inverse(a[0], a[1], b[0], b[1])["s12"] / 1000


def test_event_label__uses_the_korean_date_for_timed_launches() -> None:
    late_utc = {**EVENT, "launched_at": pd.Timestamp("2017-11-28T18:17Z"), "system": "Hwasong-15"}
    assert maps.event_label(late_utc) == "29 Nov 2017 · Hwasong-15"
    month = {**EVENT, "launched_at": pd.Timestamp("1984-04-01T00:00Z"), "launched_at_precision": "month"}
    assert maps.event_label(month).startswith("Apr 1984")


def test_launch_geojson__escapes_data_strings() -> None:
    hostile = {**EVENT, "system": "<img src=x onerror=alert(1)>", "outcome": "success"}
    collections = maps.launch_geojson(launches_frame([hostile]), {"taegwan": "Tae<b>gwan</b>"})
    text = json.dumps(collections)
    assert "<img" not in text and "<b>" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_launch_geojson__estimated_tracks_are_dashed_and_end_at_the_impact() -> None:
    collections = maps.launch_geojson(launches_frame([EVENT]))
    (track,) = collections["tracks"]["features"]
    assert track["properties"]["dash"] and track["properties"]["basis"] == "estimated"
    lon, lat = track["geometry"]["coordinates"][-1]
    expected = impact_point(EVENT)[0]
    assert distance_km((lat, lon), expected) < 0.02


def test_base_map__loads_only_local_assets() -> None:
    m = maps.base_map(vendor_url="/app/static/vendor", basemap_url="/app/static/countries_50m.geojson")
    links = [url for _, url in m.default_js + m.default_css]
    assert all(url.startswith("/app/static/vendor/") for url in links)
    html = m.get_root().render()
    assert "cdn.jsdelivr" not in html and "code.jquery.com" not in html
    assert "/app/static/countries_50m.geojson" in html
    # Per instance: a new folium map elsewhere in the process still has folium's defaults.
    import folium

    assert folium.Map().default_js[0][1].startswith("https://")


def test_install_static_assets__copies_from_installed_packages(tmp_path: Path) -> None:
    target = maps.install_static_assets(tmp_path / "static")
    for name in (
        "vendor/leaflet.js",
        "vendor/leaflet.css",
        "vendor/jquery.min.js",
        "vendor/images/layers.png",
        "countries_50m.geojson",
        "countries_110m.geojson",
    ):
        assert (target / name).stat().st_size > 100, name
    assert maps.install_static_assets(tmp_path / "static") == target  # idempotent


@pytest.mark.parametrize(
    ("centre", "radius_km", "encloses_pole"),
    [((39.0, 125.7), 700, None), ((39.0, 125.7), 13_000, "north"), ((-33.9, 151.2), 12_000, "south")],
)
def test_leaflet_ring__outline_at_radius_and_fill_closed_on_the_enclosed_pole(
    centre: tuple[float, float], radius_km: float, encloses_pole: str | None
) -> None:
    outline, fill = maps.leaflet_ring(*centre, radius_km)
    assert max(abs(distance_km(centre, (lat, lon)) - radius_km) for lat, lon in outline) < 0.001
    if encloses_pole is None:
        assert fill == outline and outline[0] == outline[-1]
    else:
        pole_lat = 89.9 if encloses_pole == "north" else -89.9
        assert [lat for lat, _ in fill[-3:-1]] == [pole_lat, pole_lat]


def test_zoom_for_radius__wider_rings_zoom_out() -> None:
    zooms = [maps.zoom_for_radius(r) for r in (300, 800, 1500, 3000, 6000, 13_000)]
    assert zooms == sorted(zooms, reverse=True) and zooms[0] > zooms[-1]
