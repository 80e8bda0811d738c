"""launchmap's domain library: launch events, their geometry, files, reports and pictures.

No Streamlit here; the dashboard and the ``launchmap`` command are applications on top.
The parts, from the ground up (``docs/architecture.md`` has the board and the test that
keeps imports pointing down):

- :mod:`geodata.errors`, :mod:`geodata.units` — the error hierarchy; lengths, Korea time,
  missing values, names and longitudes;
- :mod:`geodata.geo` — WGS-84 geodesy, ballistics, the gazetteer, range rings, the basemap;
- :mod:`geodata.schema`, :mod:`geodata.events`, :mod:`geodata.tracks`, :mod:`geodata.store`,
  :mod:`geodata.seeds`, :mod:`geodata.style` — the event schema and its rules, where a flight
  ends, the SQL store, the bundled history, the shared look;
- :mod:`geodata.formats` (files in and out) and :mod:`geodata.reports` (news text to drafts);
- :mod:`geodata.render` — Leaflet layers and publication stills.

>>> from geodata.units import parse_length_km
>>> parse_length_km("1,000 km")
1000.0
"""

__version__ = "0.2.0"

__all__ = [
    "errors",
    "events",
    "formats",
    "geo",
    "render",
    "reports",
    "schema",
    "seeds",
    "store",
    "style",
    "tracks",
    "units",
]
