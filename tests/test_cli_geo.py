"""The geodesy/ballistics subcommands: JSON on stdout, errors on stderr, exit codes; a fake gazetteer."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from typing import Any

import pytest
from geographiclib.geodesic import Geodesic
from shapely.geometry import Point, shape

from geodata.errors import UnknownPlace
from launchmap_cli import geo as cli_geo


@dataclass(frozen=True)
class FakePlace:
    id: str
    name: str
    lat: float
    lon: float
    kind: str


class FakeGazetteer:
    """Three places; unknown names raise UnknownPlace with close matches, like geodata.geo.places.Gazetteer."""

    PLACES = (
        FakePlace("taegwan", "Taegwan", 40.209, 125.204, "launch site"),
        FakePlace("tokyo", "Tokyo", 35.6895, 139.6917, "capital"),
        FakePlace("attu", "Attu", 52.9, 172.9, "island"),
    )

    def resolve(self, name: str) -> FakePlace:
        for place in self.PLACES:
            if name.lower() in (place.id, place.name.lower()):
                return place
        raise UnknownPlace(name, [p.name for p in self.PLACES])

    def __iter__(self) -> Any:
        return iter(self.PLACES)


class FakeContext:
    def __init__(self, args: argparse.Namespace) -> None:
        self.gazetteer = FakeGazetteer()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = cli_geo.main(list(argv), FakeContext)
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else out), err


def test_register__adds_subcommands_to_a_host_parser() -> None:
    parser = argparse.ArgumentParser(prog="launchmap")
    subparsers = parser.add_subparsers(dest="command", required=True)
    cli_geo.register(subparsers, FakeContext)
    for argv in (
        ["ring", "--lat", "1", "--lon", "2", "--range", "5km"],
        ["distance", "A", "B"],
        ["track", "A", "--bearing", "90", "--range", "5km"],
        ["in-range", "--site", "A", "--range", "5km"],
        ["loft", "--apogee-km", "1", "--distance-km", "2"],
    ):
        args = parser.parse_args(argv)
        assert callable(args.handler) and args.context_factory is FakeContext


def test_ring__site_and_miles_give_a_feature_collection(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload, _ = run(capsys, "ring", "--site", "Taegwan", "--range", "435mi")
    assert code == 0
    assert payload["type"] == "FeatureCollection"
    feature = payload["features"][0]
    assert feature["geometry"]["type"] == "Polygon"
    assert feature["properties"]["radius_km"] == pytest.approx(435 * 1.609344)
    assert feature["properties"]["radius_mi"] == pytest.approx(435)
    assert feature["properties"]["centre"]["name"] == "Taegwan"
    assert shape(feature["geometry"]).covers(Point(125.204, 40.209))


def test_ring__across_antimeridian_is_a_multipolygon(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload, _ = run(capsys, "ring", "--site", "attu", "--range", "1000km")
    assert code == 0
    assert payload["features"][0]["geometry"]["type"] == "MultiPolygon"


def test_ring__json_format_gives_closed_unwrapped_vertices(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload, _ = run(
        capsys, "ring", "--lat", "52.9", "--lon", "172.9", "--range", "378nmi", "--format", "json"
    )
    assert code == 0
    vertices = payload["vertices_lat_lon"]
    assert vertices[0] == vertices[-1]
    assert max(v[1] for v in vertices) > 180


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(
            ["ring", "--lat", "125.2", "--lon", "40.2", "--range", "700km"], "swapped", id="swapped"
        ),
        pytest.param(["ring", "--lat", "40", "--lon", "125", "--range", "0km"], "positive", id="zero-radius"),
        pytest.param(
            ["ring", "--lat", "40", "--lon", "125", "--range=-5km"], "positive", id="negative-radius"
        ),
        pytest.param(["ring", "--lat", "40", "--lon", "125", "--range", "nan"], "finite", id="nan-radius"),
        pytest.param(
            ["ring", "--lat", "40", "--lon", "125", "--range", "25000km"], "cover the globe", id="globe"
        ),
        pytest.param(
            ["ring", "--lat", "40", "--lon", "125", "--range", "far"], "expected a length", id="garbage"
        ),
        pytest.param(["ring", "--lat", "40", "--range", "700km"], "--lat", id="missing-lon"),
        pytest.param(
            ["ring", "--site", "Taegwan", "--lat", "1", "--lon", "1", "--range", "7km"], "not both", id="both"
        ),
        pytest.param(
            ["ring", "--site", "Taegwn", "--range", "700km"], "did you mean 'Taegwan'", id="unknown-site"
        ),
        pytest.param(["distance", "Taegwan", "Tokio"], "did you mean 'Tokyo'", id="unknown-place"),
        pytest.param(["distance", "125.2, 40.2", "Tokyo"], "swapped", id="swapped-text"),
        pytest.param(
            ["track", "Taegwan", "--bearing", "nan", "--range", "700km"], "bearing", id="nan-bearing"
        ),
        pytest.param(["loft", "--apogee-km", "nan", "--distance-km", "950"], "apogee_km", id="nan-apogee"),
        pytest.param(
            ["loft", "--apogee-km", "50", "--distance-km", "-1"], "distance_km", id="negative-distance"
        ),
    ],
)
def test_cli__bad_argument_value_exits_2_with_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert message in err and err.startswith("launchmap: error:")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_cli__usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli_geo.main(["ring", "--lat", "40", "--lon", "125"], FakeContext)
    assert caught.value.code == 2
    assert "--range" in capsys.readouterr().err


def test_cli__names_need_a_gazetteer_when_none_is_wired(capsys: pytest.CaptureFixture[str]) -> None:
    # No gazetteer is a failed operation (1), not a bad argument (2).
    assert cli_geo.main(["distance", "Taegwan", "Tokyo"]) == 1
    assert "give coordinates" in capsys.readouterr().err


def test_distance__names_and_coordinates_in_three_units(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload, _ = run(capsys, "distance", "Taegwan", "35°41′22″N 139°41′30″E")
    assert code == 0
    expected = Geodesic.WGS84.Inverse(40.209, 125.204, payload["to"]["lat"], payload["to"]["lon"])
    assert payload["distance_km"] == pytest.approx(expected["s12"] / 1000, abs=0.05)
    assert payload["distance_mi"] == pytest.approx(expected["s12"] / 1609.344, abs=0.05)
    assert payload["distance_nmi"] == pytest.approx(expected["s12"] / 1852, abs=0.05)
    assert payload["initial_bearing_deg"] == pytest.approx(expected["azi1"] % 360, abs=0.05)
    assert payload["from"]["name"] == "Taegwan"


def test_distance__prints_tenths_not_thirteen_decimals(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli_geo.main(["distance", "Taegwan", "Tokyo"], FakeContext)
    out = capsys.readouterr().out
    assert code == 0
    payload = json.loads(out)
    for key in ("distance_km", "distance_mi", "distance_nmi", "initial_bearing_deg"):
        assert payload[key] == round(payload[key], 1), key
    assert '"distance_km": 1366.5,' in out  # Geodesic.WGS84 gives 1366.548... km


def test_in_range__min_population_defaults_to_the_range_planners_100000(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, payload, _ = run(capsys, "in-range", "--lat", "40.209", "--lon", "125.204", "--range", "300km")
    assert code == 0
    assert payload["min_population"] == 100_000
    cities = [p for p in payload["places"] if p["kind"] == "city"]
    assert cities and min(p["population"] for p in cities) >= 100_000
    assert all(p["distance_km"] == round(p["distance_km"], 1) for p in payload["places"])


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--min-population", "-5"], "at least 0"),
        (["--min-population", "lots"], "expected a whole number"),
        (["--limit", "0"], "at least 1"),
    ],
)
def test_in_range__bad_counts_are_usage_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as raised:
        cli_geo.main(["in-range", "--lat", "40", "--lon", "125", "--range", "300km", *argv], FakeContext)
    err = capsys.readouterr().err
    assert raised.value.code == 2
    assert message in err and err.startswith("launchmap: error: argument ") and err.count("\n") == 1


def test_track__impact_point_and_linestring(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload, _ = run(capsys, "track", "Taegwan", "--bearing", "95", "--range", "700km")
    assert code == 0
    launch, impact, track = payload["features"]
    assert [f["properties"]["role"] for f in payload["features"]] == ["launch", "impact", "track"]
    expected = Geodesic.WGS84.Direct(40.209, 125.204, 95, 700_000)
    assert impact["geometry"]["coordinates"] == pytest.approx([expected["lon2"], expected["lat2"]], abs=1e-6)
    assert track["geometry"]["type"] == "LineString"
    assert track["geometry"]["coordinates"][0] == pytest.approx(launch["geometry"]["coordinates"])
    assert track["geometry"]["coordinates"][-1] == pytest.approx(impact["geometry"]["coordinates"])


def test_track__across_180_is_a_multilinestring(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload, _ = run(capsys, "track", "Attu", "--bearing", "90", "--range", "1000km")
    assert code == 0
    assert payload["features"][2]["geometry"]["type"] == "MultiLineString"
    assert payload["features"][1]["geometry"]["coordinates"][0] < 0  # impact lon wrapped to [-180, 180)


def test_in_range__sorted_places_population_and_credit(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload, _ = run(
        capsys, "in-range", "--lat", "40.209", "--lon", "125.204", "--range", "1500km",
        "--min-population", "1000000", "--limit", "5",
    )  # fmt: skip
    assert code == 0
    places = payload["places"]
    assert len(places) == 5 and payload["count"] > 5
    assert [p["distance_km"] for p in places] == sorted(p["distance_km"] for p in places)
    assert all(p["population"] >= 1_000_000 for p in places if p["kind"] == "city")
    assert payload["population_in_range"] > sum(p["population"] for p in places)
    assert "GeoNames" in payload["credit"]


def test_in_range__site_lists_curated_places(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload, _ = run(
        capsys, "in-range", "--site", "Taegwan", "--range", "1400km", "--min-population", "5000000"
    )
    assert code == 0
    listed = {(p["name"], p["kind"]) for p in payload["places"]}
    assert {("Taegwan", "launch site"), ("Tokyo", "capital"), ("Tokyo", "city")} <= listed
    assert "Attu" not in {name for name, _ in listed}


def test_loft__hwasong15(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload, _ = run(
        capsys, "loft", "--apogee-km", "4475", "--distance-km", "950", "--apogee-uncertainty-km", "100"
    )
    assert code == 0
    assert payload["trajectory_class"] == "lofted"
    assert payload["burnout_speed_km_s"] == pytest.approx(7.2, abs=0.05)
    assert (
        payload["equivalent_range_low_km"]
        < payload["equivalent_range_km"]
        < payload["equivalent_range_high_km"]
    )
    assert payload["free_flight_time_min"] == pytest.approx(50, abs=1.5)
    assert "non-rotating" in payload["assumptions"]


def test_loft__7_nov_2025_depressed(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload, _ = run(
        capsys, "loft", "--apogee-km", "50", "--distance-km", "575", "--distance-uncertainty-km", "125"
    )
    assert code == 0
    assert payload["trajectory_class"] == "depressed"
    assert payload["method_applies"] is False
