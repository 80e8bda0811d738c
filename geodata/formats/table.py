"""CSV text as a frame of strings, read strictly: the one table reader of launchmap CSV and CNS sheets."""

from __future__ import annotations

import csv as stdlib_csv
import io

import pandas as pd

from geodata.errors import InvalidFile
from geodata.limits import MAX_NOTE_CHARS


def read_table(text: str, name: str, *, keep_blank_lines: bool = False) -> pd.DataFrame:
    """A CSV text as a frame of strings, refusing rows whose field count differs from the header's.

    pandas would quietly shift such a row (an unquoted comma in a note), blaming every later
    cell; here the line is named instead. Text stays exactly as typed (no type guessing).
    """
    if "\x00" in text:
        raise InvalidFile(f"{name}: the file holds NUL characters; expected CSV text")
    reader = stdlib_csv.reader(io.StringIO(text))
    try:
        rows = list(reader)
    except stdlib_csv.Error as error:
        if "field larger than field limit" in str(error):
            raise InvalidFile(
                f"{name}: line {reader.line_num} holds a cell over {stdlib_csv.field_size_limit():,} characters; "
                f"a cell may hold at most {MAX_NOTE_CHARS:,} characters"
            ) from error
        raise InvalidFile(f"{name} is not a readable CSV file (line {reader.line_num}): {error}") from error
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise InvalidFile(f"{name}: expected a header line with column names, found none")
    header, body, line = rows[0], [], 1
    for row in rows[1:]:
        line += 1
        if not row or not any(cell.strip() for cell in row):
            if keep_blank_lines:
                body.append([""] * len(header))
            continue
        if len(row) != len(header):
            raise InvalidFile(
                f"{name}: line {line} has {len(row)} fields; the header has {len(header)} "
                "(an unquoted comma in a cell?)"
            )
        body.append(row)
    return pd.DataFrame(body, columns=header, dtype=str)
