"""Geodesy and ballistics subcommands of ``launchmap``: ring, distance, track, in-range, loft.

Each prints JSON on stdout; an error is one line on stderr with exit status 2 for a bad argument
value (an unknown place, a swapped coordinate, a length that is not one) and 1 for a failed
operation (see :mod:`launchmap_cli.errors`). Sites and places are looked up by name through
``context.gazetteer.resolve(name)`` (a ``geodata.geo.places.Gazetteer``); anything that parses
as a coordinate is used as one. ``distance`` and ``in-range`` round distances to 0.1 km (mi,
nmi) and bearings to 0.1°, well inside what a reported launch position supports.

    launchmap ring --site Taegwan --range 435mi
    launchmap distance "40.209, 125.204" Tokyo
    launchmap track Taegwan --bearing 95 --range 700km
    launchmap in-range --lat 40.2 --lon 125.2 --range 13000km --min-population 1000000
    launchmap loft --apogee-km 4475 --distance-km 950
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable
from typing import Any

from geodata.errors import InvalidCoordinate, InvalidRange, LaunchmapError
from launchmap_cli.errors import usage_errors

# geodata.geo and geodata.units load numpy, pandas, pyproj and geopy: imported in the handlers,
# so `launchmap --help` stays quick.

ContextFactory = Callable[[argparse.Namespace], Any]
GEONAMES_CREDIT = "City data: GeoNames (https://www.geonames.org), CC BY 4.0"
# The Range planner page lists cities of 100,000 people or more unless told otherwise.
DEFAULT_MIN_POPULATION = 100_000
DISTANCE_DECIMALS = 1  # 0.1 km, mi, nmi and 0.1°


def _rounded(lengths: dict[str, float]) -> dict[str, float]:
    return {key: round(value, DISTANCE_DECIMALS) for key, value in lengths.items()}


def _count(minimum: int) -> Callable[[str], int]:
    """argparse type: a whole number of at least ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text.replace(",", "").replace("_", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected a whole number of at least {minimum}, got {text!r}")
        return value

    return parse


def _emit(payload: Any) -> int:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=1, allow_nan=False)
    sys.stdout.write("\n")
    return 0


def _point(name: str | None, lat: float, lon: float, place_id: str | None = None) -> dict[str, Any]:
    return {"id": place_id, "name": name, "lat": lat, "lon": lon}


def _resolve(text: str, context: Any) -> dict[str, Any]:
    """A coordinate text or a site/place name from the gazetteer."""
    from geodata.geo import geodesy

    if re.search(r"\d", text):
        try:
            lat, lon = geodesy.parse_coordinate(text)
            return _point(None, lat, lon)
        except InvalidCoordinate as coordinate_error:
            # A name may hold a digit ("Sohae 2"); when the gazetteer does not know it either,
            # the coordinate message (with its swapped-order hint) is the more useful one.
            try:
                return _place(context.gazetteer.resolve(text))
            except LaunchmapError:
                raise coordinate_error from None
    return _place(context.gazetteer.resolve(text))


def _place(place: Any) -> dict[str, Any]:
    from geodata.geo import geodesy

    lat, lon = geodesy.validate_lat_lon(place.lat, place.lon)
    return _point(place.name, lat, lon, getattr(place, "id", None))


def _curated_places(gazetteer: Any) -> Any:
    """Launch sites and reference places of the gazetteer as an ``extra_places`` DataFrame (or None)."""
    import pandas as pd

    if gazetteer is None:
        return None
    if hasattr(gazetteer, "to_frame"):
        return gazetteer.to_frame()
    rows = [
        {
            "name": place.name,
            "country": getattr(place, "province_or_country", ""),
            "kind": getattr(place, "kind", "place") or "place",
            "lat": place.lat,
            "lon": place.lon,
        }
        for place in gazetteer
    ]
    return pd.DataFrame(rows) if rows else None


def _centre(args: argparse.Namespace, context: Any) -> dict[str, Any]:
    from geodata.geo import geodesy

    if args.site is not None:
        if args.lat is not None or args.lon is not None:
            raise InvalidCoordinate("expected either --site or --lat/--lon, not both")
        return _resolve(args.site, context)
    if args.lat is None or args.lon is None:
        raise InvalidCoordinate(
            f"expected --site NAME or both --lat and --lon, got lat={args.lat!r}, lon={args.lon!r}"
        )
    lat, lon = geodesy.validate_lat_lon(args.lat, args.lon)
    return _point(None, lat, lon)


def cmd_ring(args: argparse.Namespace, context: Any) -> int:
    """A geodesic range ring: GeoJSON FeatureCollection (split at 180°) or JSON with unwrapped vertices."""
    from geodata.geo import geodesy
    from geodata.geo.rings import ring_radius
    from geodata.units import lengths_in_units

    with usage_errors():
        centre = _centre(args, context)
        radius_km, _ = ring_radius(args.range)
        properties = {"centre": centre, **lengths_in_units(radius_km, "radius")}
        if args.format == "json":
            ring = geodesy.range_ring(centre["lat"], centre["lon"], radius_km)
            return _emit({**properties, "vertices_lat_lon": [list(vertex) for vertex in ring]})
        geometry = geodesy.range_ring_geojson(centre["lat"], centre["lon"], radius_km)
    feature = {"type": "Feature", "geometry": geometry, "properties": properties}
    return _emit({"type": "FeatureCollection", "features": [feature]})


def cmd_distance(args: argparse.Namespace, context: Any) -> int:
    """Geodesic distance (km, mi, nmi) and initial bearing between two places or coordinates."""
    from geodata.geo import geodesy
    from geodata.units import lengths_in_units

    with usage_errors():
        start, end = _resolve(args.origin, context), _resolve(args.target, context)
    distance_km, bearing_deg = geodesy.inverse((start["lat"], start["lon"]), (end["lat"], end["lon"]))
    return _emit(
        {
            "from": start,
            "to": end,
            **_rounded(lengths_in_units(distance_km, "distance")),
            "initial_bearing_deg": round(bearing_deg % 360.0, DISTANCE_DECIMALS) % 360.0,
        }
    )


def cmd_track(args: argparse.Namespace, context: Any) -> int:
    """The estimated impact point after a range on a bearing, and the geodesic track, as GeoJSON."""
    from geodata.geo import geodesy
    from geodata.units import lengths_in_units, parse_length_km

    with usage_errors():
        start = _resolve(args.origin, context)
        distance_km = parse_length_km(args.range)
        if distance_km >= geodesy.MAX_RING_RADIUS_KM:
            raise InvalidRange(
                f"expected a range below half the Earth's circumference ({geodesy.MAX_RING_RADIUS_KM:,.0f} km), "
                f"got {args.range!r}"
            )
        if not math.isfinite(args.bearing):
            raise InvalidCoordinate(f"expected a finite bearing in degrees, got {args.bearing!r}")
        bearing_deg = args.bearing % 360.0
        impact_lat, impact_lon = geodesy.destination(start["lat"], start["lon"], bearing_deg, distance_km)
        track = geodesy.track_geojson((start["lat"], start["lon"]), (impact_lat, impact_lon))
    impact = _point(None, impact_lat, impact_lon)
    common = {**lengths_in_units(distance_km, "distance"), "bearing_deg": bearing_deg}
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [start["lon"], start["lat"]]},
         "properties": {"role": "launch", **start}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [impact_lon, impact_lat]},
         "properties": {"role": "impact", **impact, **common}},
        {"type": "Feature", "geometry": track, "properties": {"role": "track", **common}},
    ]  # fmt: skip
    return _emit({"type": "FeatureCollection", "features": features})


def cmd_in_range(args: argparse.Namespace, context: Any) -> int:
    """Cities (GeoNames) and curated places within a range, nearest first, with the summed city population."""
    from geodata.geo import geodesy
    from geodata.geo.rings import ring_radius
    from geodata.units import lengths_in_units

    with usage_errors():
        centre = _centre(args, context)
        radius_km, _ = ring_radius(args.range)
    gazetteer = _optional_gazetteer(context)
    extra = _curated_places(gazetteer)
    with usage_errors():
        found = geodesy.cities_in_range(centre["lat"], centre["lon"], radius_km, args.min_population, extra)
    population = geodesy.population_in_range(found)
    shown = (found if args.limit is None else found.head(args.limit)).copy()
    for column in ("distance_km", "bearing_deg"):
        shown[column] = shown[column].round(DISTANCE_DECIMALS)
    return _emit(
        {
            "centre": centre,
            **lengths_in_units(radius_km, "radius"),
            "min_population": args.min_population,
            "count": len(found),
            "population_in_range": population,
            "places": json.loads(shown.to_json(orient="records", force_ascii=False)),
            "credit": GEONAMES_CREDIT,
        }
    )


def _optional_gazetteer(context: Any) -> Any:
    """The gazetteer if one can be opened; in-range by coordinates still works without curated places."""
    try:
        return context.gazetteer
    except (ImportError, LaunchmapError, AttributeError):
        return None


def cmd_loft(args: argparse.Namespace, context: Any) -> int:
    """Trajectory class, burnout speed, equivalent range (with band) and free-flight time from apogee and range."""
    from geodata.geo import ballistics

    with usage_errors():  # every input is an argument: what the model refuses is a bad value
        estimate = ballistics.analyse_trajectory(
            args.apogee_km, args.distance_km, args.apogee_uncertainty_km, args.distance_uncertainty_km
        )
    payload = estimate.to_dict()
    payload["free_flight_time_min"] = estimate.free_flight_time_s / 60
    payload["assumptions"] = ballistics.__doc__.split("Example")[0].strip() if ballistics.__doc__ else ""
    return _emit(payload)


def _add_centre_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", help="site or place name from the gazetteer (or a coordinate text)")
    parser.add_argument("--lat", type=float, help="centre latitude, decimal degrees")
    parser.add_argument("--lon", type=float, help="centre longitude, decimal degrees")


def register(subparsers: Any, context_factory: ContextFactory) -> None:
    """Add ring, distance, track, in-range and loft to a ``launchmap`` subparsers object."""
    defaults = {"context_factory": context_factory}

    ring = subparsers.add_parser("ring", help="geodesic range ring as GeoJSON", description=cmd_ring.__doc__)
    _add_centre_options(ring)
    ring.add_argument("--range", required=True, help="radius, e.g. 700km, 435mi, 378nmi")
    ring.add_argument("--format", choices=("geojson", "json"), default="geojson")
    ring.set_defaults(handler=cmd_ring, **defaults)

    distance = subparsers.add_parser(
        "distance", help="distance and bearing", description=cmd_distance.__doc__
    )
    distance.add_argument(
        "origin", metavar="FROM", help="site/place name or coordinate, e.g. '40.209, 125.204'"
    )
    distance.add_argument("target", metavar="TO", help="site/place name or coordinate")
    distance.set_defaults(handler=cmd_distance, **defaults)

    track = subparsers.add_parser(
        "track", help="impact point and flight track", description=cmd_track.__doc__
    )
    track.add_argument("origin", metavar="FROM", help="site/place name or coordinate")
    track.add_argument("--bearing", type=float, required=True, help="initial bearing, degrees from north")
    track.add_argument("--range", required=True, help="distance flown, e.g. 700km")
    track.set_defaults(handler=cmd_track, **defaults)

    in_range = subparsers.add_parser(
        "in-range", help="cities and places within a range", description=cmd_in_range.__doc__
    )
    _add_centre_options(in_range)
    in_range.add_argument("--range", required=True, help="radius, e.g. 13000km")
    in_range.add_argument(
        "--min-population",
        type=_count(0),
        default=DEFAULT_MIN_POPULATION,
        help=f"smallest city population to list (default {DEFAULT_MIN_POPULATION:,}, as the Range planner; "
        "0 lists every GeoNames city of 15,000 or more)",
    )
    in_range.add_argument(
        "--limit", type=_count(1), help="list at most N places (the count and sum cover all)"
    )
    in_range.set_defaults(handler=cmd_in_range, **defaults)

    loft = subparsers.add_parser("loft", help="what a lofted test implies", description=cmd_loft.__doc__)
    loft.add_argument("--apogee-km", type=float, required=True)
    loft.add_argument("--distance-km", type=float, required=True)
    loft.add_argument("--apogee-uncertainty-km", type=float, default=0.0)
    loft.add_argument("--distance-uncertainty-km", type=float, default=0.0)
    loft.set_defaults(handler=cmd_loft, **defaults)
