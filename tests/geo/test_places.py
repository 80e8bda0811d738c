"""Gazetteer: spelling variants, coordinates, free-text search, and the seed files it reads."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

from geodata.errors import UnknownPlace
from geodata.geo.places import Gazetteer, Place, place_key
from geodata.schema import (
    PLACE_COLUMNS,
    PLACE_KINDS,
    SITE_COLUMNS,
    SITE_KINDS,
    SYSTEM_CLASSES,
    SYSTEM_COLUMNS,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_seeds(SEEDS)


SPELLINGS = [
    # (as written in a report or a spreadsheet, expected id)
    ("taegwan", "taegwan"),
    ("Taegwan", "taegwan"),
    ("Taekwan", "taegwan"),
    ("TAEKWAN", "taegwan"),
    ("Daegwan", "taegwan"),
    ("Taegwan County", "taegwan"),
    ("Taegwan-gun", "taegwan"),
    ("near Taekwan", "taegwan"),
    ("the area of Taekwan County", "taegwan"),
    ("near Taegwan County, North Phyongan Province", "taegwan"),
    ("Taekwan, North Pyongan", "taegwan"),
    ("Taecheon", "taechon"),
    ("Tongchang-ri", "sohae"),
    ("Tongchangri", "sohae"),
    ("Tongch'ang-ri", "sohae"),
    ("Dongchang-ri", "sohae"),
    ("Pongdong-ri", "sohae"),
    ("Sohae Satellite Launching Station", "sohae"),
    ("Seohae", "sohae"),
    ("Musudan-ri", "tonghae"),
    ("Musudan ri", "tonghae"),
    ("Tonghae", "tonghae"),
    ("Donghae Satellite Launching Ground", "tonghae"),
    ("Hwadae County", "tonghae"),
    ("Sunan", "sunan"),
    ("Pyongyang International Airport", "sunan"),
    ("Pyongyang Sunan International Airport", "sunan"),
    ("Pyongyang", "pyongyang"),
    ("Pyeongyang", "pyongyang"),
    ("P'yŏngyang", "pyongyang"),
    ("Phyongyang", "pyongyang"),
    ("Kittaeryong", "kittaeryong"),
    ("Gitdaeryeong", "kittaeryong"),
    ("Kalma", "wonsan"),
    ("Galma peninsula", "wonsan"),
    ("Sinpho", "sinpo"),
    ("waters off Sinpo", "sinpo"),
    ("Panghyon", "kusong"),
    ("Banghyon airfield", "kusong"),
    ("Pukchang", "sunchon"),
    ("Suncheon", "sunchon"),
    ("Changyon", "jangyon"),
    ("Gangseo District", "kangso"),
    ("Jagang Province", "chagang"),
    ("Chongju", "jongju"),
    ("Sinŭiju", "sinuiju"),
    ("Hamheung", "hamhung"),
    ("Chunghwa County", "chunghwa"),
    ("Camp Humphreys", "camp-humphreys"),
    ("USAG Humphreys", "camp-humphreys"),
    ("Andersen AFB", "andersen-afb"),
    ("Pearl Harbor", "pearl-harbor-hickam"),
    ("JBER", "jber"),
    ("Washington, D.C.", "washington-dc"),
    ("Kadena", "kadena-ab"),
]


@pytest.mark.parametrize(("written", "expected_id"), SPELLINGS)
def test_resolve__spelling_variants(gazetteer: Gazetteer, written: str, expected_id: str) -> None:
    assert gazetteer.resolve(written).id == expected_id


@pytest.mark.parametrize(
    ("written", "lat", "lon"),
    [
        ("40.21, 125.20", 40.21, 125.20),
        ("40°12′36″N 125°12′E", 40.21, 125.2),
        ("125.2E 40.21N", 40.21, 125.2),
    ],
)
def test_resolve__coordinate_string(gazetteer: Gazetteer, written: str, lat: float, lon: float) -> None:
    place = gazetteer.resolve(written)
    assert (place.lat, place.lon) == pytest.approx((lat, lon), abs=1e-4)
    assert place.kind == "coordinate"


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("Taegwon", "Taegwan"),
        ("Sohea", "Seohae"),
        ("Musudanri-x", "Musudanri"),
        ("Camp Humphries", "Camp Humphreys"),
    ],
)
def test_resolve__unknown_name_suggests_close_matches(
    gazetteer: Gazetteer, written: str, suggested: str
) -> None:
    with pytest.raises(UnknownPlace) as caught:
        gazetteer.resolve(written)
    assert suggested in caught.value.close_matches
    assert written in str(caught.value)


@pytest.mark.parametrize("written", ["", "   ", "Atlantis", "North Phyongan Province", "999, 999"])
def test_resolve__rejects_names_that_are_no_place(gazetteer: Gazetteer, written: str) -> None:
    with pytest.raises(UnknownPlace):
        gazetteer.resolve(written)


def test_resolve__unknown_place_is_also_a_key_error(gazetteer: Gazetteer) -> None:
    with pytest.raises(KeyError):
        gazetteer.resolve("Atlantis")


@pytest.mark.parametrize(
    ("text", "expected_ids"),
    [
        (
            "South Korea's JCS said the missile was launched from the Taekwan area of North Pyongan "
            "Province at 12:35 p.m. and flew about 700 km.",
            ["taegwan"],
        ),
        ("A rocket lifted off from Tongchang-ri, also called Sohae, near the Chinese border.", ["sohae"]),
        (
            "The ICBM was fired from Pyongyang International Airport, not from central Pyongyang.",
            ["sunan", "pyongyang"],
        ),
        (
            "Missiles from near Wonsan could reach Camp Humphreys and Kadena Air Base.",
            ["wonsan", "camp-humphreys", "kadena-ab"],
        ),
        ("No place at all is named in this sentence.", []),
    ],
)
def test_search__finds_mentions_in_order(gazetteer: Gazetteer, text: str, expected_ids: list[str]) -> None:
    assert [p.id for p in gazetteer.search(text)] == expected_ids


def test_search__sites_only_leaves_out_reference_places(gazetteer: Gazetteer) -> None:
    text = "launched near Sinpo toward Guam and Washington"
    assert [p.id for p in gazetteer.search(text, include_places=False)] == ["sinpo"]
    assert [p.id for p in gazetteer.search(text)] == ["sinpo", "guam", "washington-dc"]


def test_search__short_alias_needs_exact_case(gazetteer: Gazetteer) -> None:
    assert [p.id for p in gazetteer.search("a flight toward DC")] == ["washington-dc"]
    assert gazetteer.search("the dc motor") == []


def test_place_key__folds_romanisations() -> None:
    assert place_key("Phyongan") == place_key("Pyeongan") == place_key("P'yŏngan")
    assert place_key("Taekwan County") == place_key("Taegwan-gun")
    assert place_key("Taechon") != place_key("Taegwan")


def test_from_frames__builds_places_and_properties() -> None:
    sites = pd.DataFrame(
        [
            {
                "id": "x",
                "name": "Ex Site",
                "aliases": "Eks; Ecks",
                "province": "P",
                "lat": 40.0,
                "lon": 125.0,
                "kind": "fixed pad",
            }
        ]
    )
    places = pd.DataFrame(
        [{"id": "y", "name": "Why", "aliases": None, "kind": "city", "country": "C", "lat": 1, "lon": 2}]
    )
    gazetteer = Gazetteer.from_frames(sites, places)
    assert gazetteer.sites == [Place("x", "Ex Site", 40.0, 125.0, "fixed pad", ("Eks", "Ecks"), "P")]
    assert [p.id for p in gazetteer.places] == ["y"]
    assert gazetteer.resolve("ecks").id == "x"
    assert "Why" in gazetteer and "Zed" not in gazetteer


def test_from_frames__site_wins_over_place_with_same_spelling() -> None:
    sites = pd.DataFrame(
        [{"id": "a", "name": "Anju", "lat": 39.6, "lon": 125.7, "kind": "mobile-launcher area"}]
    )
    places = pd.DataFrame([{"id": "b", "name": "Anju", "lat": 1.0, "lon": 1.0, "kind": "city"}])
    assert Gazetteer.from_frames(sites, places).resolve("Anju").id == "a"


def test_from_frames__rejects_missing_coordinate() -> None:
    sites = pd.DataFrame([{"id": "x", "name": "X", "lat": None, "lon": 125.0, "kind": "fixed pad"}])
    with pytest.raises(ValueError, match="lat of place 'x'"):
        Gazetteer.from_frames(sites, None)


# --- the seed files this gazetteer reads ---------------------------------------------------------


def _seed(name: str) -> pd.DataFrame:
    return pd.read_csv(SEEDS / name, dtype=str, keep_default_na=False)


@pytest.mark.parametrize(
    ("name", "columns"),
    [("sites.csv", SITE_COLUMNS), ("places.csv", PLACE_COLUMNS), ("systems.csv", SYSTEM_COLUMNS)],
)
def test_seeds__headers_match_schema(name: str, columns: tuple) -> None:
    assert list(_seed(name).columns) == [c.name for c in columns]


def test_seeds__no_two_places_share_a_spelling(gazetteer: Gazetteer) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for place in gazetteer:
        for label in (place.id, place.name, *place.aliases):
            owners[place_key(label)].add(place.id)
    assert {key: ids for key, ids in owners.items() if len(ids) > 1} == {}


# Natural Earth 1:50m coastlines are generalised; a coastal site may sit a few km "at sea" on them.
COASTLINE_TOLERANCE_KM = 5.0
# Places the 1:50m map leaves out altogether, so the check cannot see them.
TOO_SMALL_FOR_THE_MAP = {"hodo": "the Hodo peninsula is too thin to appear on Natural Earth 1:50m"}


def test_seeds__sites_lie_inside_north_korea() -> None:
    from shapely.geometry import Point

    from geodata.geo import basemap

    north_korea = next(c.geometry for c in basemap.country_shapes() if c.name == "North Korea")
    sites = _seed("sites.csv")
    outside = {
        r.id: round(north_korea.distance(Point(float(r.lon), float(r.lat))) * 111.2, 1)
        for r in sites.itertuples()
        if r.kind not in ("submarine/barge", "ship") and r.id not in TOO_SMALL_FOR_THE_MAP
    }
    assert {site: km for site, km in outside.items() if km > COASTLINE_TOLERANCE_KM} == {}


def test_seeds__sites_have_kind_source_and_unique_ids() -> None:
    sites = _seed("sites.csv")
    assert sites["id"].is_unique
    assert set(sites["kind"]) <= set(SITE_KINDS)
    assert (sites["source"].str.len() > 0).all()


def test_seeds__places_have_kind_source_and_valid_coordinates() -> None:
    places = _seed("places.csv")
    assert places["id"].is_unique
    assert set(places["kind"]) <= set(PLACE_KINDS)
    assert (places["source"].str.len() > 0).all()
    assert places["lat"].astype(float).between(-90, 90).all()
    assert places["lon"].astype(float).between(-180, 180).all()


def test_seeds__systems_classes_and_ranges_are_consistent() -> None:
    systems = pd.read_csv(SEEDS / "systems.csv")
    assert systems["name"].is_unique
    assert set(systems["system_class"]) <= set(SYSTEM_CLASSES)
    both = systems.dropna(subset=["range_min_km", "range_max_km"])
    assert (both["range_min_km"] <= both["range_max_km"]).all()
    ranged = systems[systems["range_min_km"].notna() | systems["range_max_km"].notna()]
    assert ranged["range_source"].notna().all()
