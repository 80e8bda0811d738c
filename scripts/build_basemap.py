"""Build the offline Natural Earth basemap from the npm package ``world-atlas``.

world-atlas (Mike Bostock, ISC) redistributes Natural Earth's public-domain Admin 0
country boundaries as quantized TopoJSON. This script decodes that TopoJSON in plain
Python (delta-decoded, quantized arcs -> lon/lat), splits every polygon at the
antimeridian with the ``antimeridian`` package so Russia (Chukotka), Fiji and
Antarctica never draw a band across the map, rounds coordinates to 4 decimals
(~11 m, far below the data's own precision) and writes one GeoJSON
FeatureCollection per scale with a single ``name`` property.

Assumptions: the input is a world-atlas v2 ``countries-*.json`` (object ``countries``).

Rebuild (from the repository root)::

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    .venv/bin/python scripts/build_basemap.py /tmp/package/countries-50m.json geodata/data/countries_50m.geojson
    .venv/bin/python scripts/build_basemap.py /tmp/package/countries-110m.json geodata/data/countries_110m.geojson
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path
from typing import Any

import antimeridian

DECIMALS = 4  # ~11 m at the equator; 1:50m data is good to ~1 km anyway


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Return every arc of ``topology`` as absolute (lon, lat) positions.

    Quantized topologies store each arc as a first position followed by deltas; the
    ``transform`` (scale, translate) maps the integer grid back to degrees.
    """
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    # A negative index i means arc ~i reversed; consecutive arcs share their joining point.
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def _polygon(
    rings: list[list[int]], arcs: list[list[tuple[float, float]]]
) -> list[list[tuple[float, float]]]:
    # Quantization collapses a few tiny islands to fewer than 3 distinct points
    # (North Korea has one at 110m): they enclose nothing, so drop them.
    decoded = [_ring(r, arcs) for r in rings]
    kept = [ring for ring in decoded if len(set(ring)) >= 3]
    return kept if kept and kept[0] is decoded[0] else []


def geometry_to_geojson(geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> dict | None:
    """Convert one TopoJSON (Multi)Polygon geometry object to a GeoJSON geometry dict."""
    kind = geometry.get("type")
    if kind == "Polygon":
        polygons = [_polygon(geometry["arcs"], arcs)]
    elif kind == "MultiPolygon":
        polygons = [_polygon(p, arcs) for p in geometry["arcs"]]
    elif kind is None:  # world-atlas marks a few features without geometry
        return None
    else:
        raise ValueError(
            f"expected a Polygon or MultiPolygon TopoJSON geometry, got {kind!r} ({type(kind).__name__})"
        )
    polygons = [p for p in polygons if p]
    return {"type": "MultiPolygon", "coordinates": polygons} if polygons else None


def fix_antimeridian(geometry: dict[str, Any]) -> dict[str, Any]:
    """Split a lon/lat (Multi)Polygon where it crosses ±180 so no edge spans the map.

    world-atlas is stitched for spherical rendering: Russia's and Fiji's rings cross
    180° directly and Antarctica is one ring around the south pole. The
    ``antimeridian`` package cuts them at ±180 and closes a pole-enclosing ring
    along the -90 parallel (the bottom edge of a plate-carrée map). d3 winds
    exteriors clockwise, the opposite of RFC 7946, so ``fix_winding`` must stay on:
    it reverses them first, otherwise Russia would come back as 'the rest of the world'.
    """
    fixed = antimeridian.fix_shape(geometry, fix_winding=True)
    polygons = fixed["coordinates"] if fixed["type"] == "MultiPolygon" else [fixed["coordinates"]]
    polygons = [[close_at_south_pole(ring) for ring in polygon] for polygon in polygons]
    return {"type": "MultiPolygon", "coordinates": polygons}


def close_at_south_pole(ring: list) -> list:
    """Replace a 360°-long edge at a southern latitude by a detour along the -90 parallel.

    At 1:110m world-atlas ships Antarctica already cut at ±180 but closed by one edge
    from (180, -84.7) straight back to (-180, -84.7): drawn flat, that is a band across
    the map. The ring really encloses the south pole, so it goes down the map edge,
    along the bottom and back up.
    """
    out = [tuple(ring[0])]
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if abs(x2 - x1) > 359.0 and y1 < -60 and y2 < -60:
            out += [(x1, -90.0), (x2, -90.0)]
        out.append((x2, y2))
    return out


def _round(coords: Any) -> Any:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(coords[0]), DECIMALS), round(float(coords[1]), DECIMALS)]
    return [_round(c) for c in coords]


def convert(topology: dict[str, Any], object_name: str = "countries") -> dict[str, Any]:
    """Return a GeoJSON FeatureCollection of ``topology.objects[object_name]``."""
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"][object_name]["geometries"]:
        geojson = geometry_to_geojson(geometry, arcs)
        if geojson is None:
            continue
        fixed = fix_antimeridian(geojson)
        features.append(
            {
                "type": "Feature",
                "properties": {"name": geometry.get("properties", {}).get("name", "")},
                "geometry": {"type": fixed["type"], "coordinates": _round(fixed["coordinates"])},
            }
        )
    features.sort(key=lambda f: f["properties"]["name"])
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-50m.json or countries-110m.json")
    parser.add_argument("out", type=Path, help="GeoJSON file to write")
    args = parser.parse_args(argv)
    collection = convert(json.loads(args.topojson.read_text(encoding="utf-8")))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {len(collection['features'])} countries to {args.out} ({args.out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
