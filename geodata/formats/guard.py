"""Checks every reader runs before it parses: size, rows, nesting, zip bombs — with the limit named.

Each check is cheap and runs on the raw bytes, so a hostile file is refused before pandas,
``json`` or openpyxl spend memory on it. XML inside workbooks is parsed with ``defusedxml``
(openpyxl uses it when it is installed, and launchmap depends on it), which refuses entity
expansion and external entities.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

from geodata.errors import InvalidFile
from geodata.limits import (
    MAX_FILE_BYTES,
    MAX_JSON_DEPTH,
    MAX_ROWS,
    MAX_XLSX_MEMBERS,
    MAX_XLSX_RATIO,
    MAX_XLSX_UNPACKED_BYTES,
    describe_bytes,
)

__all__ = ["check_json_depth", "check_rows", "check_size", "check_workbook", "read_capped"]


def check_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        limit = describe_bytes(MAX_FILE_BYTES)
        # A read capped one byte past the limit rounds to the limit itself: say "more than" instead.
        found = describe_bytes(size) if describe_bytes(size) != limit else f"more than {limit}"
        raise InvalidFile(f"{name}: the file is {found}; the limit is {limit}")


def read_capped(path: Path) -> bytes:
    """The bytes of a regular file, refusing devices, folders and files over the size limit.

    Reads at most one byte past the limit, so ``/dev/zero`` or a growing file cannot exhaust memory.
    """
    try:
        status = os.stat(path)
    except OSError as error:
        raise InvalidFile(f"{path}: cannot read it ({error.strerror})") from error
    if not stat.S_ISREG(status.st_mode):
        kind = "folder" if stat.S_ISDIR(status.st_mode) else "device or pipe"
        raise InvalidFile(f"{path}: expected a regular file, got a {kind}")
    check_size(status.st_size, str(path))  # its real size, unread
    with open(path, "rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    check_size(len(data), str(path))
    return data


def check_rows(data: bytes, name: str) -> None:
    """Refuse a text table with more data rows than :data:`~geodata.limits.MAX_ROWS` (counted as lines)."""
    lines = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    if lines - 1 > MAX_ROWS:
        raise InvalidFile(f"{name}: the table has {lines - 1:,} rows; the limit is {MAX_ROWS:,}")


def check_json_depth(text: str, name: str) -> None:
    """Refuse JSON nested deeper than :data:`~geodata.limits.MAX_JSON_DEPTH` before ``json`` recurses into it."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                raise InvalidFile(
                    f"{name}: the JSON is nested more than {MAX_JSON_DEPTH} levels deep; the limit is {MAX_JSON_DEPTH}"
                )
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1


def check_workbook(data: bytes, name: str) -> None:
    """Refuse an XLSX that is not a readable zip, holds too many members, or unpacks too large (a zip bomb)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
        raise InvalidFile(
            f"{name}: expected an .xlsx workbook (a zip file), but it cannot be opened: {error}"
        ) from error
    if len(members) > MAX_XLSX_MEMBERS:
        raise InvalidFile(
            f"{name}: the workbook holds {len(members):,} files; the limit is {MAX_XLSX_MEMBERS:,}"
        )
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise InvalidFile(
            f"{name}: the workbook unpacks to {describe_bytes(unpacked)}; the limit is {describe_bytes(MAX_XLSX_UNPACKED_BYTES)}"
        )
    if unpacked > MAX_XLSX_RATIO * max(len(data), 1) and unpacked > 1_000_000:
        raise InvalidFile(
            f"{name}: the workbook unpacks {unpacked // max(len(data), 1)} times its size; the limit is {MAX_XLSX_RATIO} (a zip bomb?)"
        )
    if archive.testzip() is not None:
        raise InvalidFile(f"{name}: the workbook is damaged (a member fails its checksum)")
