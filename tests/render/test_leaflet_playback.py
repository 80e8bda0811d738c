"""The timeline under the Leaflet map (#14): the launches in the order and Korean months they happened,
their tracks to the impact rule's point, and a control that needs nothing from outside."""

from __future__ import annotations

import re

import numpy as np
import pytest

from geodata.errors import InvalidOption
from geodata.events import launches_frame
from geodata.render import leaflet_playback
from geodata.render.leaflet import base_map
from geodata.render.leaflet_playback import playback_layer, playback_timeline
from geodata.tracks import impact_points
from tests.render.test_playback import launch_row

LAUNCHES = launches_frame(
    [
        launch_row("late", "1993-05-29T00:00:00Z", system_class="MRBM", distance_km=None, impact_basis=None),
        launch_row("first", "1984-04-01T00:00:00Z"),
        launch_row(
            "new-year", "1990-12-31T16:00:00Z", impact_lat=41.0, impact_lon=131.0, impact_basis="reported"
        ),
    ]
)


def test_playback_timeline__in_time_order_with_korean_months() -> None:
    timeline = playback_timeline(LAUNCHES)
    assert timeline["months"][0] == "April 1984" and timeline["months"][-1] == "May 1993"
    assert len(timeline["months"]) == 9 * 12 + 2  # April 1984 … May 1993, no month skipped
    # 16:00 UTC on 31 Dec 1990 is 1 Jan 1991 in Korea: January's frame, not December's
    assert timeline["month"] == [0, timeline["months"].index("January 1991"), len(timeline["months"]) - 1]
    assert (timeline["first"], timeline["last"]) == ("1984", "1993")


def test_playback_timeline__tracks_end_where_the_impact_rule_says() -> None:
    timeline = playback_timeline(LAUNCHES)
    ordered = LAUNCHES.sort_values("launched_at").reset_index(drop=True)
    lats, lons, bases = impact_points(ordered)
    for index, track in enumerate(timeline["track"]):
        if np.isfinite(lats[index]):
            assert track[:2] == [round(ordered["lat"][index], 2), round(ordered["lon"][index], 2)]
            assert track[-2:] == pytest.approx([lats[index], lons[index]], abs=0.006)
        else:
            assert track == []  # no distance, no reported point: a dot at the launch site only
    assert timeline["dashed"] == [int(b == "estimated") for b in bases] == [1, 0, 0]


def test_playback_timeline__long_tracks_bend_with_the_geodesic() -> None:
    far = launches_frame([launch_row("far", "2017-11-28T18:17:00Z", distance_km=4_000, bearing_deg=90)])
    track = playback_timeline(far)["track"][0]
    assert len(track) // 2 == 4_000 // leaflet_playback.TRACK_SPACING_KM + 1


def test_playback_timeline__colours_are_the_class_colours() -> None:
    from geodata.style import class_colour

    timeline = playback_timeline(LAUNCHES)
    colours = [timeline["colours"][i] for i in timeline["colour"]]
    assert colours == [class_colour("SRBM"), class_colour("SRBM"), class_colour("MRBM")]


def test_playback_timeline__refuses_nothing_to_play_and_too_much(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InvalidOption, match="at least one launch with a date"):
        playback_timeline(LAUNCHES.iloc[0:0])
    monkeypatch.setattr(leaflet_playback, "MAX_PLAYBACK_EVENTS", 2)
    with pytest.raises(InvalidOption, match="at most 2 launches to play, got 3: narrow the period"):
        playback_timeline(LAUNCHES)


def test_playback_layer__offline_control_drawn_into_its_group() -> None:
    page = base_map(vendor_url="/app/static/vendor", basemap_url="/app/static/countries_50m.geojson")
    group = playback_layer(playback_timeline(LAUNCHES))
    group.add_to(page)
    html = page.get_root().render()
    script = html[html.index("launchmap-playback-css") - 2000 :]
    assert group.control is False  # not a layer a reader can switch off in the layer control
    assert "L.Control.extend" in script and "data-testid', 'map-playback-date'" in script
    assert f"var group = {group.get_name()};" in html and f"var map = {page.get_name()};" in html
    # nothing fetched: no URL in the control's script or data, and the map's own assets stay local
    assert not re.search(r"https?://", script.split("</script>")[0])
    assert [url for _, url in page.default_js] == [
        "/app/static/vendor/leaflet.js",
        "/app/static/vendor/jquery.min.js",
    ]


def test_playback_css__hides_the_map_s_own_launches_while_playing() -> None:
    from geodata.render.leaflet import CanvasLaunches

    page = base_map(vendor_url="/app/static/vendor")
    CanvasLaunches(url="/app/static/launches.json").add_to(page)
    panes = set(re.findall(r"createPane\('(\w+)'\)", page.get_root().render())) - {"basemap"}
    assert panes  # the pane the canvas of many events draws in
    for pane in ("overlay", *panes):  # Leaflet names a pane's element leaflet-<name>-pane
        assert f".launchmap-playing .leaflet-{pane}-pane" in leaflet_playback.PLAYBACK_CSS
