"""Geography on the WGS-84 ellipsoid: distances, rings, the flight physics, names and the basemap.

- :mod:`~geodata.geo.geodesy` — distances, bearings, destination points, exact range rings
  (pyproj for many points, geographiclib/geopy for one), cities in range;
- :mod:`~geodata.geo.ballistics` — what a lofted test implies (equivalent range, flight time),
  on a spherical, non-rotating Earth in vacuum;
- :mod:`~geodata.geo.places` — the gazetteer: launch sites and reference places by any spelling;
- :mod:`~geodata.geo.rings` — the ring type, ``SITE:RANGE`` parsing, a system's published range;
- :mod:`~geodata.geo.basemap` — Natural Earth country shapes shipped with the package.

>>> from geodata.geo import geodesy
>>> round(geodesy.distance_km((40.21, 125.2), (35.6895, 139.6917)))
1367
"""

__all__ = ["ballistics", "basemap", "geodesy", "places", "rings"]
