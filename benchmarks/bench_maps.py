"""Map layers for many events: one GeoJSON layer per group against one folium marker per event.

The baseline is what a naive page does (a CircleMarker and a PolyLine per event), measured
in the same run on the same seeded events; reported as ratios, never asserted.
"""

from __future__ import annotations

import time

import folium

from benchmarks.synthetic import synthetic_launches, synthetic_sites
from geodata.render import leaflet as maps


def _page_bytes(groups: list[folium.FeatureGroup]) -> int:
    """Size of the page the layers make (what the browser receives on every change)."""
    m = folium.Map(tiles=None)
    for group in groups:
        group.add_to(m)
    return len(m.get_root().render().encode())


def naive_layers(launches, sites) -> list[folium.FeatureGroup]:
    group = folium.FeatureGroup(name="naive")
    for event in launches.to_dict("records"):
        point, _ = maps.impact_point(event)
        if point is None:
            continue
        folium.PolyLine([(event["lat"], event["lon"]), point], color="#E69F00").add_to(group)
        folium.CircleMarker(point, radius=5, popup=str(event["id"])).add_to(group)
    return [group]


def main() -> None:
    print(
        f"{'events':>7} {'geojson s':>10} {'naive s':>9} {'speed-up':>9} {'geojson MB':>11} {'naive MB':>9}"
    )
    sites = synthetic_sites()
    for n in (500, 5000):
        launches = synthetic_launches(n)
        started = time.perf_counter()  # build and render, as a page rerun does
        ours_bytes = _page_bytes(maps.launch_layers(launches, sites))
        ours_total = time.perf_counter() - started
        started = time.perf_counter()
        naive_bytes = _page_bytes(naive_layers(launches, sites))
        naive_total = time.perf_counter() - started
        print(
            f"{n:>7} {ours_total:>10.2f} {naive_total:>9.2f} {naive_total / ours_total:>8.1f}× "
            f"{ours_bytes / 1e6:>11.2f} {naive_bytes / 1e6:>9.2f}"
        )


if __name__ == "__main__":
    main()
