"""The history that plays on the Leaflet map: a timeline under the map that draws launches as they happened.

Everything runs in the browser: the launches travel once, inline with the layer, as a few compact arrays,
and a small Leaflet control (play/pause, a date readout, a speed choice and a month slider) adds them
month by month, so a play costs no Streamlit rerun per frame. The months are Korean (KST) months, as
every launch date on the site is the Korean day; the latest year's launches are drawn bright and the
older ones faded, as in the GIF (:mod:`geodata.render.stills.playback`). Tracks are the same geodesics as
the map's (:func:`geodata.geo.geodesy.tracks` to the impact of :func:`geodata.tracks.impact_points`),
dashed where the impact is estimated.

Why not ``folium.plugins.TimestampedGeoJson``: it loads leaflet-timedimension, jQuery UI, iso8601 and
moment from CDNs, and no PyPI package ships leaflet-timedimension, so offline it would draw nothing. The
control here is our own short script on the Leaflet that ``xstatic-leaflet`` ships: nothing third-party,
nothing from outside.

While a play is on (or the slider is moved back) the map's own launch layers are hidden (the class
``launchmap-playing`` on the map hides Leaflet's overlay pane and the canvas layer's pane; the playback
draws in a pane of its own); at the end of the play every launch is drawn and the map's clickable layers
come back on top.

>>> from geodata.events import launches_frame
>>> launches = launches_frame([{"id": "x", "launched_at": "2017-11-28T18:17:00Z",
...     "launched_at_precision": "minute", "site_id": "pyongsong", "lat": 39.25, "lon": 125.87,
...     "system": "Hwasong-15", "system_class": "ICBM", "count": 1, "distance_km": 960,
...     "impact_basis": "estimated", "landing_area": "East Sea/Sea of Japan",
...     "outcome": "success", "confirmation": "confirmed"}])
>>> timeline = playback_timeline(launches)
>>> timeline["months"], timeline["month"]  # 18:17 UTC on the 28th is the 29th in Korea
(['November 2017'], [0])
"""

from __future__ import annotations

import json
from typing import Any

import folium
import numpy as np
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from geodata.errors import InvalidOption
from geodata.geo import geodesy
from geodata.style import class_colour
from geodata.tracks import impact_points
from geodata.units import KST

__all__ = ["MAX_PLAYBACK_EVENTS", "SPEEDS", "TimelineControl", "playback_layer", "playback_timeline"]

# Months per second of play. 2 years a second plays 1984 to 2026 in about 21 s.
SPEEDS = (("6 months / s", 6), ("1 year / s", 12), ("2 years / s", 24), ("5 years / s", 60))
DEFAULT_SPEED = 24
# Inline data is ~60 bytes a launch: 20,000 launches are ~1.2 MB sent once per filter change. Past that a
# play is a blur of dots anyway; the page says to narrow the period.
MAX_PLAYBACK_EVENTS = 20_000
TRACK_SPACING_KM = (
    250  # a track shorter than this is a straight segment; a longer one bends with the geodesic
)


def playback_timeline(launches: pd.DataFrame) -> dict[str, Any]:
    """The launches as the control plays them: sorted by time, each with its Korean month's index.

    Returns ``months`` (labels from the first launch's month to the last's, none skipped), per launch
    ``month``, ``lat``/``lon``, ``track`` (flat ``[lat, lon, lat, lon, …]``, empty without an impact),
    ``colour`` (an index into ``colours``) and ``dashed`` (the impact is estimated); ``first``/``last``
    years. Raises :class:`~geodata.errors.InvalidOption` for no dated launch or more than
    :data:`MAX_PLAYBACK_EVENTS`.
    """
    dated = launches[pd.notna(launches["launched_at"])] if "launched_at" in launches else launches.iloc[0:0]
    if dated.empty:
        raise InvalidOption("expected at least one launch with a date to play, got none")
    if len(dated) > MAX_PLAYBACK_EVENTS:
        raise InvalidOption(
            f"expected at most {MAX_PLAYBACK_EVENTS:,} launches to play, got {len(dated):,}: narrow the period"
        )
    frame = dated.sort_values("launched_at", kind="stable").reset_index(drop=True)
    korea = pd.to_datetime(frame["launched_at"], utc=True).dt.tz_convert(KST)
    first = korea.iloc[0]
    month_index = ((korea.dt.year - first.year) * 12 + korea.dt.month - first.month).to_numpy(dtype=int)
    start = pd.Timestamp(year=first.year, month=first.month, day=1)
    labels = [f"{start + pd.DateOffset(months=m):%B %Y}" for m in range(int(month_index.max()) + 1)]

    lats, lons = frame["lat"].to_numpy(dtype=float), frame["lon"].to_numpy(dtype=float)
    impact_lats, impact_lons, bases = impact_points(frame)
    has_impact = np.isfinite(impact_lats) & np.isfinite(impact_lons)
    lines = iter(
        geodesy.tracks(
            lats[has_impact],
            lons[has_impact],
            impact_lats[has_impact],
            impact_lons[has_impact],
            spacing_km=TRACK_SPACING_KM,
        )
    )
    # 2 decimals (~1 km) is finer than a pixel at the zooms a whole history is played at.
    tracks = [np.round(next(lines), 2).ravel().tolist() if has else [] for has in has_impact]
    classes = frame["system_class"].astype(str).tolist()
    colours = list(dict.fromkeys(class_colour(c) for c in classes))
    return {
        "months": labels,
        "month": month_index.tolist(),
        "lat": np.round(lats, 2).tolist(),
        "lon": np.round(lons, 2).tolist(),
        "track": tracks,
        "colour": [colours.index(class_colour(c)) for c in classes],
        "colours": colours,
        "dashed": [int(b == "estimated") for b in bases],
        "first": f"{first:%Y}",
        "last": f"{korea.iloc[-1]:%Y}",
    }


class TimelineControl(MacroElement):
    """The timeline under the map; a child of the :class:`folium.FeatureGroup` it draws into.

    Added again (a filter changed), it replaces the previous one; its group removed from the map, it
    goes too. The control's element carries ``data-state`` (idle, playing, paused, ended), ``data-month``,
    ``data-drawn`` and ``data-total`` for tests and screenshots.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var group = {{ this._parent.get_name() }};
            var map = {{ this._parent._parent.get_name() }};
            var data = {{ this.data }};
            var speeds = {{ this.speeds }};
            if (map._launchmapPlayback) { map._launchmapPlayback.destroy(); }
            if (!document.getElementById('launchmap-playback-css')) {
                var css = document.createElement('style');
                css.id = 'launchmap-playback-css';
                css.textContent = {{ this.css|tojson }};
                document.head.appendChild(css);
            }
            var PANE = 'launchmapPlayback';
            if (!map.getPane(PANE)) { map.createPane(PANE).style.zIndex = 390; }  // under the map's layers
            var renderer = L.canvas({pane: PANE});
            var total = data.month.length, last = data.months.length - 1;
            var state = 'idle', position = last, shown = -1, next = 0, bright = 0, timer = null, tick = 0;
            var speed = {{ this.default_speed }};
            var drawn = [];  // per drawn launch: its dot and track, to fade them a year later
            // Drawn, not typed: a headless or minimal system may have no font with the media symbols.
            var ICONS = {
                play: '<svg width="14" height="14" viewBox="0 0 14 14"><path d="M3 1.5v11l9.5-5.5z" fill="#fff"/></svg>',
                pause: '<svg width="14" height="14" viewBox="0 0 14 14"><path d="M2.5 1.5h3.2v11H2.5zM8.3 1.5h3.2v11H8.3z" fill="#fff"/></svg>',
                again: '<svg width="14" height="14" viewBox="0 0 14 14" fill="none" stroke="#fff" stroke-width="2">'
                    + '<path d="M11.5 7a4.5 4.5 0 1 1-1.6-3.4"/><path d="M10.6 0.8v3.4H7.2" stroke-linejoin="round"/></svg>'
            };
            var BRIGHT = {dot: {radius: 6, weight: 1.2, opacity: 1, fillOpacity: 0.95}, line: {weight: 2.4, opacity: 0.9}};
            var FADED = {dot: {radius: 4, weight: 0.6, opacity: 0.5, fillOpacity: 0.4}, line: {weight: 1.4, opacity: 0.3}};

            var box = L.DomUtil.create('div', 'launchmap-playback leaflet-control');
            box.setAttribute('role', 'group');
            box.setAttribute('aria-label', 'Play the launches in order');
            var row = L.DomUtil.create('div', 'lm-pb-row', box);
            var button = L.DomUtil.create('button', 'lm-pb-play', row);
            button.type = 'button';
            var readout = L.DomUtil.create('span', 'lm-pb-date', row);
            readout.setAttribute('data-testid', 'map-playback-date');
            readout.setAttribute('aria-live', 'off');
            var count = L.DomUtil.create('span', 'lm-pb-count', row);
            var select = L.DomUtil.create('select', 'lm-pb-speed', row);
            select.setAttribute('aria-label', 'Playback speed');
            speeds.forEach(function(s) {
                var option = document.createElement('option');
                option.value = s[1]; option.textContent = s[0]; option.selected = s[1] === speed;
                select.appendChild(option);
            });
            var slider = L.DomUtil.create('input', 'lm-pb-slider', box);
            slider.type = 'range'; slider.min = 0; slider.max = last; slider.step = 1; slider.value = last;
            slider.setAttribute('aria-label', 'Month shown');
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);

            function clear() { group.clearLayers(); drawn = []; next = 0; bright = 0; shown = -1; }
            function draw(i) {
                var colour = data.colours[data.colour[i]], line = null;
                if (data.track[i].length) {
                    var points = [];
                    for (var k = 0; k < data.track[i].length; k += 2) { points.push([data.track[i][k], data.track[i][k + 1]]); }
                    line = L.polyline(points, L.extend({pane: PANE, renderer: renderer, interactive: false,
                        color: colour, dashArray: data.dashed[i] ? '6 5' : null}, BRIGHT.line)).addTo(group);
                }
                var end = line ? line.getLatLngs()[line.getLatLngs().length - 1] : [data.lat[i], data.lon[i]];
                var dot = L.circleMarker(end, L.extend({pane: PANE, renderer: renderer, interactive: false,
                    color: '#222', fillColor: colour}, BRIGHT.dot)).addTo(group);
                drawn.push([dot, line]);
            }
            function show(month) {
                if (month < shown) { clear(); }
                while (next < total && data.month[next] <= month) { draw(next); next += 1; }
                while (bright < next && data.month[bright] <= month - 12) {  // older than a year: faded
                    drawn[bright][0].setStyle(FADED.dot); drawn[bright][0].setRadius(FADED.dot.radius);
                    if (drawn[bright][1]) { drawn[bright][1].setStyle(FADED.line); }
                    bright += 1;
                }
                shown = month;
                slider.value = month;
                readout.textContent = data.months[month];
                count.textContent = next.toLocaleString('en-GB') + ' of ' + total.toLocaleString('en-GB') + ' launch events';
                box.dataset.month = month; box.dataset.drawn = next;
            }
            function setState(value) {
                state = value;
                box.dataset.state = value;
                var hiding = value === 'playing' || value === 'paused';
                L.DomUtil[hiding ? 'addClass' : 'removeClass'](map.getContainer(), 'launchmap-playing');
                button.innerHTML = ICONS[value === 'playing' ? 'pause' : (value === 'ended' ? 'again' : 'play')];
                button.title = value === 'playing' ? 'Pause' : (value === 'ended' ? 'Play again from the start' : 'Play');
                button.setAttribute('aria-label', button.title);
            }
            function stop() { if (timer) { clearInterval(timer); timer = null; } }
            function step() {
                var now = performance.now();
                position = Math.min(last, position + (now - tick) / 1000 * speed);
                tick = now;
                var month = Math.floor(position);
                if (month !== shown) { show(month); }
                if (position >= last) { stop(); show(last); setState('ended'); }
            }
            function play() {
                if (state === 'idle' || state === 'ended') { clear(); position = 0; show(0); }
                setState('playing');
                tick = performance.now();
                stop();
                timer = setInterval(step, 40);  // a timer, not animation frames: it keeps time in a hidden tab
            }
            L.DomEvent.on(button, 'click', function() { if (state === 'playing') { stop(); setState('paused'); } else { play(); } });
            L.DomEvent.on(select, 'change', function() { speed = +select.value; });
            L.DomEvent.on(slider, 'input', function() {
                stop();
                position = +slider.value;
                show(position);
                setState(position >= last ? 'ended' : 'paused');
            });

            readout.textContent = data.first === data.last ? data.first : data.first + ' \u2013 ' + data.last;
            count.textContent = total.toLocaleString('en-GB') + ' launch events';
            box.dataset.total = total; box.dataset.drawn = 0; box.dataset.month = last;
            setState('idle');
            var Control = L.Control.extend({options: {position: 'bottomleft'}, onAdd: function() { return box; }});
            var control = new Control().addTo(map);
            box.parentNode.appendChild(box);  // the lowest control of its corner: under the scale, along the map's foot
            L.DomUtil.addClass(document.body, 'launchmap-has-playback');
            var playback = {destroy: function() {
                stop();
                group.clearLayers();
                control.remove();
                L.DomUtil.removeClass(map.getContainer(), 'launchmap-playing');
                L.DomUtil.removeClass(document.body, 'launchmap-has-playback');
                if (map._launchmapPlayback === playback) { delete map._launchmapPlayback; }
            }};
            map._launchmapPlayback = playback;
            group.on('remove', function() { if (map._launchmapPlayback === playback) { playback.destroy(); } });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, timeline: dict[str, Any]) -> None:
        super().__init__()
        self._name = "TimelineControl"
        self.data = json.dumps(timeline, separators=(",", ":"))
        self.speeds = json.dumps(SPEEDS)
        self.default_speed = DEFAULT_SPEED
        self.css = PLAYBACK_CSS


# While playing, the map's own launches hide: the GeoJSON layers in Leaflet's overlay pane, and the canvas
# of many events in its 'launches' pane (geodata.render.leaflet.CanvasLaunches).
# Light on dark and light pages alike (the map itself is light); under a phone's legend, not over it.
PLAYBACK_CSS = """
.launchmap-playing .leaflet-overlay-pane, .launchmap-playing .leaflet-launches-pane { visibility: hidden; }
.launchmap-playback { background: rgba(255,255,255,.94); color: #1a1a1a; border-radius: 6px;
  box-shadow: 0 1px 5px rgba(0,0,0,.35); padding: 6px 10px 4px; font: 13px/1.3 sans-serif;
  width: calc(100vw - 44px); max-width: 640px; box-sizing: border-box; }
.leaflet-bottom .launchmap-playback { margin-bottom: 24px; }  /* clear of the attribution, bottom right */
.launchmap-playback .lm-pb-row { display: flex; align-items: center; gap: 10px; }
.launchmap-playback .lm-pb-play { width: 34px; height: 30px; border: 1px solid #666; border-radius: 4px;
  background: #0072B2; cursor: pointer; padding: 0; flex: none; display: flex; align-items: center;
  justify-content: center; }
.launchmap-playback .lm-pb-play:focus-visible { outline: 3px solid #E69F00; outline-offset: 1px; }
.launchmap-playback .lm-pb-date { font-weight: 700; font-size: 16px; min-width: 8.5em; white-space: nowrap; }
.launchmap-playback .lm-pb-count { color: #444; flex: 1; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.launchmap-playback .lm-pb-speed { font: inherit; color: #1a1a1a; background: #fff; border: 1px solid #999;
  border-radius: 4px; padding: 2px; flex: none; }
.launchmap-playback .lm-pb-slider { width: 100%; margin: 6px 0 2px; accent-color: #0072B2; }
body.launchmap-has-playback .launchmap-legend { bottom: 112px !important; }
@media (max-width: 520px) {
  .launchmap-playback { font-size: 12px; padding: 5px 7px 3px; }
  .launchmap-playback .lm-pb-row { gap: 6px; flex-wrap: wrap; }
  .launchmap-playback .lm-pb-date { font-size: 14px; min-width: 0; }
  .launchmap-playback .lm-pb-count { order: 4; flex-basis: 100%; }
  body.launchmap-has-playback .launchmap-legend { bottom: 128px !important; }
}
"""


def playback_layer(timeline: dict[str, Any], name: str = "Playback") -> folium.FeatureGroup:
    """A feature group (out of the layer control) holding the timeline of :func:`playback_timeline`'s
    output: pass it with the map's other layers (``feature_group_to_add``) or add it to a map."""
    group = folium.FeatureGroup(name=name, show=True, control=False)
    TimelineControl(timeline).add_to(group)
    return group
