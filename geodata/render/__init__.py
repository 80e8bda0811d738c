"""Pictures of launches: interactive Leaflet layers and publication-ready stills.

- :mod:`~geodata.render.leaflet` — the offline folium base map (local Leaflet, Natural Earth
  basemap) and its layers: launches as GeoJSON, tracks and impacts, exact rings, places;
- :mod:`~geodata.render.leaflet_playback` — the timeline under that map: the launches played in
  order in the browser, month by month, with no server round trip per frame;
- :mod:`~geodata.render.stills` — PNG/SVG/PDF maps drawn with matplotlib, with title, date
  line, legend, scale bar and credit, in an azimuthal projection when rings are large; and the
  history played as a GIF or MP4 film (:mod:`~geodata.render.stills.playback`).

Both draw colours from :mod:`geodata.style` and flight ends from :mod:`geodata.tracks`.
"""

__all__ = ["leaflet", "leaflet_playback", "stills"]
