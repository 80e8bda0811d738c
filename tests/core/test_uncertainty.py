"""Uncertainty that shows (#14): impact bands spanning the sources and heading, min–max ring bands,
drawn on the Leaflet map and in stills."""

from __future__ import annotations

import pandas as pd
import pytest

from geodata.events import launches_frame
from geodata.geo import geodesy
from geodata.geo.rings import RingSpec, ring_band, system_ring_band
from geodata.render import leaflet
from geodata.render.stills import render_still
from geodata.tracks import TYPICAL_HEADING_DEG, impact_band, impact_point
from tests.conftest import TAEGWAN_EVENT

TAEGWAN_SOURCES = [
    {"launch_id": "2025-11-07-taegwan", "source": "ROK JCS", "distance_km": 700.0, "apogee_km": None},
    {"launch_id": "2025-11-07-taegwan", "source": "Japan MoD", "distance_km": 450.0, "apogee_km": 50.0},
    {"launch_id": "another-launch", "source": "KCNA", "distance_km": 2000.0},
]
SYSTEMS = [
    {"name": "Hwasong-12", "range_min_km": 3700.0, "range_max_km": 4500.0},
    {"name": "Scud-B (Hwasong-5)", "range_min_km": 300.0, "range_max_km": 300.0},
]


def test_impact_band__spans_the_sources_and_the_typical_heading_range() -> None:
    band = impact_band(TAEGWAN_EVENT, TAEGWAN_SOURCES)
    assert band is not None
    assert (band.distance_low_km, band.distance_high_km) == (450.0, 700.0)  # the other launch is ignored
    typical = TYPICAL_HEADING_DEG[TAEGWAN_EVENT["landing_area"]]
    assert band.heading_basis == "typical"
    assert (band.heading_low_deg, band.heading_high_deg) == (typical - 15, typical + 15)
    text = band.describe()
    assert "450–700 km" in text and "ROK JCS 700 km" in text and "Japan MoD 450 km" in text
    assert "no heading reported" in text


def test_impact_band__outline_is_closed_and_contains_the_drawn_impact() -> None:
    band = impact_band(TAEGWAN_EVENT, TAEGWAN_SOURCES)
    assert band is not None
    outline = band.outline()
    assert outline[0] == outline[-1]
    start = (TAEGWAN_EVENT["lat"], TAEGWAN_EVENT["lon"])
    distances = [geodesy.distance_km(start, p) for p in outline]
    assert min(distances) == pytest.approx(450, rel=1e-6) and max(distances) == pytest.approx(700, rel=1e-6)
    from shapely.geometry import Point, Polygon

    end, _ = impact_point(TAEGWAN_EVENT)
    assert end is not None
    assert Polygon([(lon, lat) for lat, lon in outline]).buffer(1e-6).contains(Point(end[1], end[0]))


def test_impact_band__a_single_distance_with_a_typical_heading_still_shows_the_heading_range() -> None:
    band = impact_band(TAEGWAN_EVENT)
    assert band is not None
    assert band.distance_low_km == pytest.approx(665) and band.distance_high_km == pytest.approx(735)
    assert band.heading_span_deg == pytest.approx(30)


@pytest.mark.parametrize(
    ("changes", "sources"),
    [
        ({"bearing_deg": 90.0}, []),  # a reported heading and one distance: a point
        ({"impact_lat": 40.6, "impact_lon": 133.4, "impact_basis": "reported"}, []),  # a reported point
        ({"system_class": "cruise"}, TAEGWAN_SOURCES),  # no ballistic heading
        ({"system_class": "SLV"}, TAEGWAN_SOURCES),
        ({"distance_km": None}, []),  # no distance anywhere
        ({"lat": None}, TAEGWAN_SOURCES),
    ],
)
def test_impact_band__none_when_one_point_says_it_all(changes: dict, sources: list) -> None:
    assert impact_band({**TAEGWAN_EVENT, **changes}, sources) is None


def test_impact_band__reported_heading_with_disagreeing_sources_is_a_narrow_band() -> None:
    band = impact_band({**TAEGWAN_EVENT, "bearing_deg": 90.0}, TAEGWAN_SOURCES)
    assert band is not None
    assert band.heading_basis == "reported" and band.heading_span_deg == 0
    assert len(band.outline()) > 4  # still an area on the map


def test_impact_band__across_north_and_the_antimeridian_stays_one_piece() -> None:
    event = {**TAEGWAN_EVENT, "lat": 60.0, "lon": 179.0, "bearing_deg": 5.0}
    band = impact_band(event, [{"source": "a", "distance_km": 800}, {"source": "b", "distance_km": 1200}])
    assert band is not None
    lons = [lon for _, lon in band.outline()]
    assert max(lons) - min(lons) < 90


def test_ring_band__min_and_max_of_a_varying_system() -> None:
    event = {"system": "Hwasong-12", "lat": 40.0, "lon": 128.2}
    band = system_ring_band(event, SYSTEMS)
    assert band is not None
    assert (band.inner.radius_km, band.outer.radius_km) == (3700.0, 4500.0)
    assert band.text == "Hwasong-12 3,700–4,500 km"
    assert system_ring_band({"system": "Scud-B (Hwasong-5)", "lat": 40, "lon": 128}, SYSTEMS) is None
    assert ring_band([RingSpec(40, 128, 500)]) is None
    assert ring_band([RingSpec(40, 128, 500), RingSpec(41, 128, 900)]) is None  # not one centre


def test_leaflet__impact_and_ring_bands_draw_as_areas() -> None:
    band = impact_band(TAEGWAN_EVENT, TAEGWAN_SOURCES)
    assert band is not None
    rings = system_ring_band({"system": "Hwasong-12", "lat": 40.0, "lon": 128.2}, SYSTEMS)
    assert rings is not None
    m = leaflet.base_map(vendor_url="/v", basemap_url="/b.geojson", online_tiles=False)
    leaflet.impact_band_layer([band]).add_to(m)
    leaflet.ring_band_layer([rings]).add_to(m)
    page = m.get_root().render()
    assert page.count("impact-band") >= 1 and page.count("ring-band") >= 3  # one per world copy
    assert "450–700 km" in page and "Hwasong-12 3,700–4,500 km" in page


def _taegwan_frame() -> pd.DataFrame:
    return launches_frame(
        [{**TAEGWAN_EVENT, "launched_at": "2025-11-07T03:35:00Z", "impact_lat": None, "impact_lon": None}]
    )


SITES = pd.DataFrame([{"id": "taegwan", "name": "Taegwan", "lat": 40.21, "lon": 125.2}])


def test_still__impact_band_is_drawn_and_explained_in_the_legend() -> None:
    band = impact_band(TAEGWAN_EVENT, TAEGWAN_SOURCES)
    assert band is not None
    svg = render_still(_taegwan_frame(), sites=SITES, impact_bands=[band], fmt="svg", scale=0.5).decode()
    assert 'id="impact-band' in svg
    assert "Impact band" in svg
    plain = render_still(_taegwan_frame(), sites=SITES, fmt="svg", scale=0.5).decode()
    assert 'id="impact-band' not in plain and "Impact band" not in plain


def test_still__ring_band_is_drawn_with_its_label() -> None:
    band = system_ring_band({"system": "Hwasong-12", "lat": 40.21, "lon": 125.2}, SYSTEMS)
    assert band is not None
    svg = render_still(_taegwan_frame(), sites=SITES, ring_bands=[band], fmt="svg", scale=0.5).decode()
    assert 'id="ring-band' in svg and "Published range min–max" in svg
    # Map labels are drawn with a halo (as paths, not <text>): ask the layer for its label.
    from matplotlib.figure import Figure

    from geodata.render.stills import layers
    from geodata.render.stills.compose import STYLES
    from geodata.render.stills.view import choose_view

    view = choose_view([(40.21, 125.2)], [band.outer], 16 / 9)
    labels = layers.draw_ring_bands(Figure().add_subplot(), view, [band], STYLES["light"])
    assert [label.text for label in labels] == ["Hwasong-12 3,700–4,500 km"]
