"""The one table of input limits: what a file, a cell, a report or a URL may hold.

The CLI, the pages and the readers check against these numbers and name them in the
message ("the file is 52.0 MB; the limit is 20 MB"), so one bad input cannot hold a server
thread for minutes or take gigabytes, and every refusal says what would be accepted.
The whole bundled history is under 1 MB and 300 rows: the limits leave a wide margin.
"""

from __future__ import annotations

__all__ = [
    "MAX_CELL_CHARS",
    "MAX_COORDINATE_CHARS",
    "MAX_FILE_BYTES",
    "MAX_ID_CHARS",
    "MAX_JSON_DEPTH",
    "MAX_NOTE_CHARS",
    "MAX_REPORT_FILE_BYTES",
    "MAX_ROWS",
    "MAX_XLSX_MEMBERS",
    "MAX_XLSX_RATIO",
    "MAX_XLSX_UNPACKED_BYTES",
    "describe_bytes",
]

MAX_FILE_BYTES = 20_000_000  # an upload or an imported file
MAX_ROWS = 20_000  # data rows in one imported table
MAX_ID_CHARS = 80  # an event id: a date and a short slug
MAX_CELL_CHARS = 2_000  # any text cell but notes (names, URLs, titles)
MAX_NOTE_CHARS = 20_000  # notes: context and disagreements, a few paragraphs
MAX_REPORT_FILE_BYTES = 5_000_000  # one report file: a saved news page with its markup, or an e-mail
MAX_COORDINATE_CHARS = 100  # a typed coordinate; "40°12′32″N 125°12′14″E" is 22 (longer text is refused
# before the pattern runs: its backtracking grows with the cube of a long run of digits)
MAX_JSON_DEPTH = 32  # nesting of a JSON or GeoJSON document (ours is 5 deep)
MAX_XLSX_UNPACKED_BYTES = 100_000_000  # the members of a workbook, unpacked
MAX_XLSX_RATIO = 100  # unpacked / packed size: beyond it a workbook is a zip bomb
MAX_XLSX_MEMBERS = 1_000  # files inside a workbook


def describe_bytes(size: int) -> str:
    """``"52.0 MB"``, ``"900 kB"`` — sizes as people read them (decimal units)."""
    if size >= 1_000_000:
        return f"{size / 1e6:.1f} MB"
    if size >= 1_000:
        return f"{size / 1e3:.0f} kB"
    return f"{size} bytes"
