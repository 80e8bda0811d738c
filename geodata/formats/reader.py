"""Reading launch files in every format launchmap accepts, without writing anything.

Formats, detected from the file name and its columns:

- launchmap CSV (the ``launches.csv`` columns; an optional ``sources`` file beside it is not needed);
- launchmap JSON (``launchmap export --format json``: records with a nested ``sources`` list);
- GeoJSON FeatureCollection written by :func:`geodata.formats.geojson.to_geojson`;
- the CNS/NTI "North Korea Missile Test Database" layout, CSV or XLSX (:mod:`geodata.formats.cns`).

Validation happens in the store (:meth:`geodata.store.Store.import_launches`), so the
same rules apply to a file, a form and a pasted report.
"""

from __future__ import annotations

from pathlib import Path

from geodata.errors import InvalidFile
from geodata.formats.cns import read_cns_file
from geodata.formats.csv import read_csv
from geodata.formats.guard import check_size, check_workbook, read_capped
from geodata.formats.json import read_json
from geodata.formats.parsed import ParsedFile
from geodata.limits import MAX_FILE_BYTES

__all__ = ["FORMATS", "MAX_FILE_BYTES", "ParsedFile", "read_launch_file"]

FORMATS = ("launchmap-csv", "launchmap-json", "geojson", "cns")


def read_launch_file(
    path: Path | None = None, *, data: bytes | None = None, name: str | None = None
) -> ParsedFile:
    """Parse a file from ``path`` or from ``data`` bytes (an upload named ``name``)."""
    if data is None:
        if path is None:
            raise InvalidFile("expected a file path or the file's bytes, got neither")
        data = read_capped(Path(path))
    name = name or (path.name if path else "upload")
    check_size(len(data), name)
    if not data.strip():
        raise InvalidFile(f"{name} is empty; expected CSV, XLSX, JSON or GeoJSON launch data")
    suffix = Path(name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        check_workbook(data, name)
        return read_cns_file(data, name)
    if suffix in (".json", ".geojson"):
        return read_json(data, name)
    if suffix in (".csv", ".txt", ""):
        return read_csv(data, name)
    raise InvalidFile(f"expected a .csv, .xlsx, .json or .geojson file, got {name!r}")
