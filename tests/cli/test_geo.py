"""The geodesy/ballistics subcommands: JSON on stdout, errors on stderr, exit codes; the real gazetteer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from geographiclib.geodesic import Geodesic
from shapely.geometry import Point, shape

from launchmap_cli.main import build_parser, main


@pytest.fixture(autouse=True)
def real_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test runs the real command on a fresh store seeded with the bundled history and places."""
    monkeypatch.setenv("LAUNCHMAP_DB", str(tmp_path / "store.db"))
    monkeypatch.delenv("LAUNCHMAP_SEEDS", raising=False)


TAEGWAN = (40.21, 125.20)  # the seeded site (seeds/sites.csv)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else out), err


def test_register__adds_subcommands_to_the_launchmap_parser() -> None:
    parser = build_parser()
    for argv in (
        ["ring", "--lat", "1", "--lon", "2", "--range", "5km"],
        ["distance", "A", "B"],
        ["track", "A", "--bearing", "90", "--range", "5km"],
        ["in-range", "--site", "A", "--range", "5km"],
        ["loft", "--apogee-km", "1", "--distance-km", "2"],
    ):
        args = parser.parse_args(argv)
        assert callable(args.handler)


def test_ring__site_and_miles_give_a_feature_collection(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload, _ = run(capsys, "ring", "--site", "Taegwan", "--range", "435mi")
    assert code == 0
    assert payload["type"] == "FeatureCollection"
    feature = payload["features"][0]
    assert feature["geometry"]["type"] == "Polygon"
    assert feature["properties"]["radius_km"] == pytest.approx(435 * 1.609344)
    assert feature["properties"]["radius_mi"] == pytest.approx(435)
    assert feature["properties"]["centre"]["name"] == "Taegwan"
    assert shape(feature["geometry"]).covers(Point(*TAEGWAN[::-1]))


def test_ring__across_antimeridian_is_a_multipolygon(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload, _ = run(capsys, "ring", "--lat", "52.9", "--lon", "172.9", "--range", "1000km")
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
            ["ring", "--lat", "40", "--lon", "125", "--range", "25000km"],
            "every point on Earth is in range",
            id="globe",
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
        main(["ring", "--lat", "40", "--lon", "125"])
    assert caught.value.code == 2
    assert "--range" in capsys.readouterr().err


def test_distance__names_and_coordinates_in_three_units(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload, _ = run(capsys, "distance", "Taegwan", "35°41′22″N 139°41′30″E")
    assert code == 0
    expected = Geodesic.WGS84.Inverse(*TAEGWAN, payload["to"]["lat"], payload["to"]["lon"])
    assert payload["distance_km"] == pytest.approx(expected["s12"] / 1000, abs=0.05)
    assert payload["distance_mi"] == pytest.approx(expected["s12"] / 1609.344, abs=0.05)
    assert payload["distance_nmi"] == pytest.approx(expected["s12"] / 1852, abs=0.05)
    assert payload["initial_bearing_deg"] == pytest.approx(expected["azi1"] % 360, abs=0.05)
    assert payload["from"]["name"] == "Taegwan"


def test_distance__prints_tenths_not_thirteen_decimals(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["distance", "Taegwan", "Tokyo"])
    out = capsys.readouterr().out
    assert code == 0
    payload = json.loads(out)
    for key in ("distance_km", "distance_mi", "distance_nmi", "initial_bearing_deg"):
        assert payload[key] == round(payload[key], 1), key
    assert '"distance_km": 1366.9,' in out  # Geodesic.WGS84 gives 1366.906... km from the seeded Taegwan


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
        main(["in-range", "--lat", "40", "--lon", "125", "--range", "300km", *argv])
    err = capsys.readouterr().err
    assert raised.value.code == 2
    assert message in err and err.startswith("launchmap: error: argument ") and err.count("\n") == 1


def test_track__impact_point_and_linestring(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload, _ = run(capsys, "track", "Taegwan", "--bearing", "95", "--range", "700km")
    assert code == 0
    launch, impact, track = payload["features"]
    assert [f["properties"]["role"] for f in payload["features"]] == ["launch", "impact", "track"]
    expected = Geodesic.WGS84.Direct(*TAEGWAN, 95, 700_000)
    assert impact["geometry"]["coordinates"] == pytest.approx([expected["lon2"], expected["lat2"]], abs=1e-6)
    assert track["geometry"]["type"] == "LineString"
    assert track["geometry"]["coordinates"][0] == pytest.approx(launch["geometry"]["coordinates"])
    assert track["geometry"]["coordinates"][-1] == pytest.approx(impact["geometry"]["coordinates"])


def test_track__across_180_is_a_multilinestring(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload, _ = run(capsys, "track", "52.9, 172.9", "--bearing", "90", "--range", "1000km")
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
    assert ("Taegwan", "mobile-launcher area") in listed and ("Tokyo", "capital") in listed
    assert "Anchorage" not in {name for name, _ in listed}  # 5,300 km away


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
