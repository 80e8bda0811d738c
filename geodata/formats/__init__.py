"""Launch files in and out, one module per format, and the reader that picks one.

==============  ==========================================  ===============================
format          write                                       read
==============  ==========================================  ===============================
csv             :func:`~geodata.formats.csv.to_csv`         :func:`~geodata.formats.csv.read_csv`
json            :func:`~geodata.formats.json.to_json`       :func:`~geodata.formats.json.read_json`
geojson         :func:`~geodata.formats.geojson.to_geojson` :func:`~geodata.formats.geojson.from_geojson`
kml             :func:`~geodata.formats.kml.to_kml`         —
html            :func:`~geodata.formats.html.standalone_html` —
cns (XLSX/CSV)  —                                           :func:`~geodata.formats.cns.read_cns`
==============  ==========================================  ===============================

:func:`read_launch_file` picks the reader from the name and the columns; every reader returns a
:class:`ParsedFile` (candidate rows, rows it could not parse, warnings). Validation and saving
happen in the store, so a file, a form and a report obey the same rules. Names are loaded on
first use, so ``import geodata.formats`` stays light.

>>> from geodata.formats import to_csv
>>> to_csv.__module__
'geodata.formats.csv'
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "ParsedFile": "parsed",
    "read_launch_file": "reader",
    "MAX_FILE_BYTES": "reader",
    "to_csv": "csv",
    "read_csv": "csv",
    "neutralise_cell": "csv",
    "neutralise_column": "csv",
    "restore_cell": "csv",
    "to_json": "json",
    "read_json": "json",
    "to_geojson": "geojson",
    "from_geojson": "geojson",
    "to_kml": "kml",
    "standalone_html": "html",
    "read_cns": "cns",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'geodata.formats' has no attribute {name!r}")
    return getattr(importlib.import_module(f"geodata.formats.{_HOMES[name]}"), name)
