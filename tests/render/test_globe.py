"""The offline globe (#14): a _GlobeView deck with inline data, trajectories with altitude, no URLs."""

from __future__ import annotations

import json

import pytest

from geodata.geo import geodesy
from geodata.geo.rings import RingBand, RingSpec
from geodata.render.globe import GLOBE_LAYER_IDS, deck_spec, flight_paths, globe_deck, rgba
from geodata.tracks import impact_band

HWASONG15 = {
    "id": "2017-11-29-pyongsong",
    "launched_at": "2017-11-28T18:17:00Z",
    "system": "Hwasong-15",
    "system_class": "ICBM",
    "lat": 39.2464,
    "lon": 125.8719,
    "distance_km": 960.0,
    "apogee_km": 4475.0,
    "landing_area": "East Sea/Sea of Japan",
}
NO_APOGEE = {**HWASONG15, "id": "srbm", "system_class": "SRBM", "distance_km": 600.0, "apogee_km": None}
CRUISE = {**HWASONG15, "id": "cruise", "system_class": "cruise", "bearing_deg": 90.0, "distance_km": 1500.0}


def test_flight_paths__hwasong15_apogee_to_scale_in_metres() -> None:
    (path,) = flight_paths([HWASONG15])
    altitudes = [point[2] for point in path["path"]]
    assert max(altitudes) == pytest.approx(4_475_000, rel=1e-3)
    assert altitudes[0] == altitudes[-1] == 0
    assert path["colour"] == rgba("#D55E00", 235)
    assert "apogee 4,475 km as reported" in path["label"]


def test_flight_paths__exaggeration_multiplies_height_only() -> None:
    (plain,) = flight_paths([HWASONG15])
    (tall,) = flight_paths([HWASONG15], exaggeration=3)
    assert [p[:2] for p in tall["path"]] == [p[:2] for p in plain["path"]]
    assert max(p[2] for p in tall["path"]) == pytest.approx(3 * max(p[2] for p in plain["path"]), rel=1e-6)


def test_flight_paths__no_apogee_is_a_minimum_energy_arc_and_cruise_flies_low() -> None:
    srbm, cruise = flight_paths([NO_APOGEE, CRUISE])
    assert 0.2 * 600_000 < max(p[2] for p in srbm["path"]) < 0.3 * 600_000
    assert "minimum-energy arc" in srbm["label"]
    assert max(p[2] for p in cruise["path"]) == 0


def test_globe_deck__globe_view_every_layer_inline_and_no_url() -> None:
    band = impact_band(
        HWASONG15, [{"source": "US", "distance_km": 1000}, {"source": "KCNA", "distance_km": 950}]
    )
    assert band is not None
    deck = globe_deck(
        [HWASONG15, NO_APOGEE],
        selected_id=HWASONG15["id"],
        rings=[RingSpec(39.2464, 125.8719, 13000, "Hwasong-15 max")],
        ring_bands=[RingBand(RingSpec(40, 125, 3700), RingSpec(40, 125, 4500))],
        impact_bands=[band],
    )
    spec = deck_spec(deck)
    assert [view["@@type"] for view in spec["views"]] == ["_GlobeView"]
    assert "mapStyle" not in spec and "mapProvider" not in spec  # Streamlit adds no CARTO basemap
    ids = [layer["id"] for layer in spec["layers"]]
    assert ids == [*GLOBE_LAYER_IDS, "selected-colour"]
    for layer in spec["layers"]:
        assert isinstance(layer["data"], list | dict), f"{layer['id']} data must be inline"
    text = json.dumps(spec)
    assert "http://" not in text and "https://" not in text
    by_id = {layer["id"]: layer for layer in spec["layers"]}
    assert len(by_id["flights"]["data"]) == 2 and len(by_id["selected"]["data"]) == 1
    assert by_id["land"]["data"]["type"] == "FeatureCollection"
    assert len(by_id["rings"]["data"]) == 1 and len(by_id["ring-bands"]["data"]) == 1
    assert len(by_id["impact-bands"]["data"]) == 1


def test_globe_deck__ring_path_lies_at_its_radius() -> None:
    spec = deck_spec(globe_deck([], rings=[RingSpec(40.0, 125.0, 5500)]))
    (ring,) = next(layer for layer in spec["layers"] if layer["id"] == "rings")["data"]
    for lon, lat in ring["path"][:: max(1, len(ring["path"]) // 12)]:
        assert geodesy.distance_km((40.0, 125.0), (lat, (lon + 180) % 360 - 180)) == pytest.approx(
            5500, rel=1e-3
        )
