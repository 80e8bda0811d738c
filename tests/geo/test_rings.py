"""Ring values: typed SITE:RANGE, a system's published range, the min/max rings of a launch."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geodata.errors import InvalidRange, UnknownPlace
from geodata.geo.places import Gazetteer
from geodata.geo.rings import RingSpec, parse_ring, ring_radius, system_range, system_rings

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
EVENT = {"lat": 40.21, "lon": 125.20, "system": "Unknown SRBM"}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_seeds(SEEDS)


@pytest.fixture(scope="module")
def systems() -> list[dict]:
    return pd.read_csv(SEEDS / "systems.csv", dtype=str, keep_default_na=False).to_dict("records")


def test_system_rings__published_min_and_max() -> None:
    systems = [{"name": "Unknown SRBM", "range_min_km": "450", "range_max_km": "800"}]
    rings = system_rings(EVENT, systems)
    assert [(r.radius_km, r.label) for r in rings] == [
        (450.0, "Unknown SRBM min"),
        (800.0, "Unknown SRBM max"),
    ]
    assert system_rings({**EVENT, "system": "other"}, systems) == []


def test_system_rings__one_ring_when_min_equals_max() -> None:
    systems = [{"name": "Unknown SRBM", "range_min_km": "300", "range_max_km": "300"}]
    assert [r.radius_km for r in system_rings(EVENT, systems)] == [300.0]


@pytest.mark.parametrize("name", ["Hwasong-11A (KN-23)", "Hwasong-11A", "KN-23", "kn23", "Kn 23"])
def test_system_range__any_name_of_a_system(systems: list[dict], name: str) -> None:
    radius_km, label = system_range(name, systems)
    assert label.startswith("Hwasong-11A (KN-23)") and radius_km > 0


def test_system_range__unknown_name_suggests_close_matches(systems: list[dict]) -> None:
    with pytest.raises(InvalidRange, match="did you mean"):
        system_range("Hwasong-51", systems)


@pytest.mark.parametrize(
    ("text", "radius_km", "label"),
    [("Sunan:1,000 km", 1000.0, ""), ("Sunan:435mi", 700.07, ""), ("Taegwan:13000", 13000.0, "")],
)
def test_parse_ring__site_and_length(gazetteer: Gazetteer, text: str, radius_km: float, label: str) -> None:
    ring = parse_ring(text, gazetteer)
    assert ring.radius_km == pytest.approx(radius_km, abs=0.01) and ring.label == label


def test_parse_ring__system_name_is_its_published_range(gazetteer: Gazetteer, systems: list[dict]) -> None:
    ring = parse_ring("Sunan:Hwasong-15", gazetteer, systems)
    assert ring.label.startswith("Hwasong-15") and ring.radius_km > 8000


@pytest.mark.parametrize(
    ("text", "error"),
    [("Sunan", InvalidRange), (":700km", InvalidRange), ("Sunan:", InvalidRange), ("Nowhere:700km", UnknownPlace),
     ("Sunan:30000km", InvalidRange), ("Sunan:furlongs", InvalidRange)],
)  # fmt: skip
def test_parse_ring__refuses_with_a_clear_error(gazetteer: Gazetteer, text: str, error: type) -> None:
    with pytest.raises(error):
        parse_ring(text, gazetteer)


def test_ring_radius__globe_sized_radius_is_refused() -> None:
    with pytest.raises(InvalidRange, match="every point on Earth"):
        ring_radius("20,100 km")


def test_ring_spec__text_is_label_or_radius() -> None:
    assert RingSpec(0, 0, 1000.0).text == "1,000 km"
    assert RingSpec(0, 0, 1000.0, "Hwasong-11A max").text == "Hwasong-11A max"
