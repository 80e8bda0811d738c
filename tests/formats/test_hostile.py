"""Hostile and malformed input, one table: every case ends in a clear message or a clean accept.

Each case runs the real ``launchmap`` command (``import``, ``extract`` or another subcommand)
on a store seeded from the fixture set and asserts: no traceback; the exit code (0 accepted,
1 failed operation, 2 bad usage); the message says what was expected; and after a refusal
the store's content is exactly what it was (a canonical dump of every table, audit included).
"""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from geodata.limits import MAX_FILE_BYTES, MAX_JSON_DEPTH, MAX_ROWS
from launchmap_cli.main import main
from tests.conftest import FIXTURE_SEEDS, NEW_EVENT

GOOD_ROW = {k: str(v) for k, v in NEW_EVENT.items()}
HEADER = list(GOOD_ROW)


def csv_text(rows: list[dict[str, str]], header: list[str] = HEADER) -> str:
    buffer = io.StringIO()
    pd.DataFrame(rows, columns=header).to_csv(buffer, index=False)
    return buffer.getvalue()


def csv_with(**changes: str) -> bytes:
    header = HEADER + [column for column in changes if column not in HEADER]
    return csv_text([{**GOOD_ROW, **changes}], header).encode()


def json_records(records: object) -> bytes:
    return json.dumps(records).encode()


def feature(geometry: object, **properties: object) -> dict[str, object]:
    return {"type": "Feature", "geometry": geometry, "properties": {**GOOD_ROW, **properties}}


def collection(*features: object) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def workbook(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def real_workbook(cells: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in cells:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


CNS_HEADER = ["F1", "Date", "Launch Time (UTC)", "Missile Name", "Missile Type", "Facility Name", "Apogee",
              "Distance Travelled", "Confirmation Status", "Test Outcome"]  # fmt: skip
POINT = {"type": "Point", "coordinates": [125.67, 39.224]}
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b"<row><c t='inlineStr'><is><t>&x;</t></is></c></row></sheetData></worksheet>"
)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">&d;</workbook>'
)


@dataclass(frozen=True)
class Case:
    """One hostile input: the file (name and bytes) or arguments, and what must come of it."""

    name: str
    outcome: str  # "refused" (exit 1), "usage" (exit 2), "accepted", "warned" (accepted with a warning)
    message: str  # a phrase the one-line message must hold ("" when accepted)
    filename: str = ""
    data: bytes | Callable[[], bytes] = b""
    argv: tuple[str, ...] = ()


def file_case(
    name: str, outcome: str, message: str, filename: str, data: bytes | Callable[[], bytes]
) -> Case:
    return Case(name, outcome, message, filename, data)


def cli_case(name: str, outcome: str, message: str, *argv: str) -> Case:
    return Case(name, outcome, message, argv=argv)


CSV_CASES = [
    file_case("csv-good", "accepted", "", "ok.csv", csv_with()),
    file_case("csv-thousands-count", "accepted", "", "ok.csv", csv_with(count="1,0".replace("1,0", "2"))),
    file_case("csv-comma-count", "refused", "a comma only between groups of three digits", "a.csv", csv_with(count="1,0")),
    file_case("csv-comma-distance", "refused", "a comma only between groups of three digits", "a.csv", csv_with(distance_km="1,5")),
    file_case("csv-indian-grouping", "refused", "a comma only between groups", "a.csv", csv_with(distance_km="1,00,000")),
    file_case("csv-5000-digit-count", "refused", "count", "a.csv", csv_with(count="9" * 5000)),
    file_case("csv-inf-distance", "refused", "distance_km", "a.csv", csv_with(distance_km="inf")),
    file_case("csv-nan-lat", "refused", "lat", "a.csv", csv_with(lat="nan")),
    file_case("csv-swapped", "refused", "are lat and lon swapped", "a.csv", csv_with(lat="125.67", lon="39.224")),
    file_case("csv-lat-200", "refused", "lat must be within", "a.csv", csv_with(lat="200")),
    file_case("csv-bool-count", "refused", "count", "a.csv", csv_with(count="yes")),
    file_case("csv-count-zero", "refused", "count must be within", "a.csv", csv_with(count="0")),
    file_case("csv-count-fraction", "refused", "a whole number", "a.csv", csv_with(count="2.5")),
    file_case("csv-long-id", "refused", "at most 80 characters", "a.csv", csv_with(id="x" * 100_000)),
    file_case("csv-id-with-space", "refused", "an id of letters, digits", "a.csv", csv_with(id="2025 11 08 sunan")),
    file_case("csv-id-with-slash", "refused", "an id of letters, digits", "a.csv", csv_with(id="../../etc/passwd")),
    file_case("csv-nul-in-note", "refused", "NUL", "a.csv", csv_with(notes="a\x00b")),
    file_case("csv-escape-in-system", "refused", "without control characters", "a.csv", csv_with(system="Unknown\x1b[31mSRBM")),
    file_case("csv-huge-note", "refused", "at most 20,000 characters", "a.csv", csv_with(notes="n" * 1_000_000)),
    file_case("csv-long-name", "refused", "at most 2,000 characters", "a.csv", csv_with(landing_area="x" * 5000)),
    file_case("csv-bad-date", "refused", "launched_at", "a.csv", csv_with(launched_at="2025-02-30T01:00:00Z")),
    file_case("csv-year-99999", "refused", "launched_at", "a.csv", csv_with(launched_at="99999-01-01")),
    file_case("csv-garbage-date", "refused", "launched_at", "a.csv", csv_with(launched_at="garbage")),
    file_case("csv-future-date", "refused", "between 1984-01-01 and now", "a.csv", csv_with(launched_at="2099-01-01T00:00:00Z")),
    file_case("csv-before-1984", "refused", "between 1984-01-01 and now", "a.csv", csv_with(launched_at="1950-01-01T00:00:00Z")),
    file_case("csv-unknown-site", "refused", "unknown site id", "a.csv", csv_with(site_id="atlantis")),
    file_case("csv-unknown-class", "refused", "expected one of SRBM", "a.csv", csv_with(system_class="rocket")),
    file_case("csv-bad-precision", "refused", "launched_at_precision", "a.csv", csv_with(launched_at_precision="second")),
    file_case("csv-bad-actor", "refused", "ISO 3166-1 alpha-3", "a.csv", csv_with(actor="North Korea")),
    file_case("csv-partial-no-failed", "refused", "needs failed_count", "a.csv", csv_with(outcome="partial")),
    file_case("csv-failed-over-count", "refused", "exceeds the salvo's count", "a.csv", csv_with(failed_count="9")),
    file_case("csv-missing-required", "refused", "required", "a.csv", csv_with(site_id="")),
    file_case("csv-formula-note", "accepted", "", "ok.csv", csv_with(notes="=HYPERLINK(\"http://x\")")),
    file_case("csv-script-note", "accepted", "", "ok.csv", csv_with(notes="<script>alert(1)</script>")),
    file_case("csv-markdown-image-note", "accepted", "", "ok.csv", csv_with(notes="![x](http://127.0.0.9/u.png)")),
    file_case("csv-extra-field", "refused", "line 2 has", "a.csv", (",".join(HEADER) + "\n" + ",".join([*GOOD_ROW.values(), "extra"]) + "\n").encode()),
    file_case("csv-short-row", "refused", "fields; the header has", "a.csv", (",".join(HEADER) + "\n" + "a,b,c\n").encode()),
    file_case("csv-unknown-column", "warned", "ignored column(s) not in the launch schema", "a.csv", csv_text([{**GOOD_ROW, "nonsense": "1"}], [*HEADER, "nonsense"]).encode()),
    file_case("csv-header-only", "refused", "holds no launch", "a.csv", (",".join(HEADER) + "\n").encode()),
    file_case("csv-empty", "refused", "is empty", "a.csv", b""),
    file_case("csv-whitespace", "refused", "is empty", "a.csv", b"  \n \n"),
    file_case("csv-not-utf8", "refused", "is not UTF-8", "a.csv", b"id,launched_at\n\xff\xfe\x00,1\n"),
    file_case("csv-binary", "refused", "NUL", "a.csv", b"\x00\x01\x02" * 100),
    file_case("csv-unclosed-quote", "refused", "expected launchmap columns", "a.csv", b'id,"launched_at\n1,2\n'),
    file_case("csv-other-columns", "refused", "expected launchmap columns", "a.csv", b"name,age\nx,1\n"),
    file_case("csv-too-many-rows", "refused", f"the limit is {MAX_ROWS:,}", "a.csv", lambda: (",".join(HEADER) + "\n" + "x\n" * (MAX_ROWS + 5)).encode()),
    file_case("csv-too-big", "refused", "the limit is 20.0 MB", "a.csv", lambda: b"x" * (MAX_FILE_BYTES + 10)),
    file_case("csv-duplicate-ids", "refused", "duplicate id", "a.csv", csv_text([GOOD_ROW, GOOD_ROW]).encode()),
    file_case("csv-bom", "accepted", "", "ok.csv", b"\xef\xbb\xbf" + csv_with()),
    file_case("csv-crlf", "accepted", "", "ok.csv", csv_with().replace(b"\n", b"\r\n")),
    file_case("csv-stored-id", "refused", "already stored", "a.csv", csv_with(id="2025-11-07-taegwan")),
    file_case("txt-suffix", "accepted", "", "ok.txt", csv_with()),
    file_case("odd-suffix", "refused", "expected a .csv, .xlsx, .json or .geojson file", "a.exe", csv_with()),
]  # fmt: skip

JSON_CASES = [
    file_case("json-good", "accepted", "", "ok.json", json_records([GOOD_ROW])),
    file_case("json-with-sources", "accepted", "", "ok.json", json_records([{**GOOD_ROW, "sources": [{"source": "ROK JCS", "source_kind": "government", "published_on": "2025-11-08", "is_headline": True}]}])),
    file_case("json-deep-100000", "refused", f"nested more than {MAX_JSON_DEPTH}", "a.json", lambda: b"[" * 100_000 + b"]" * 100_000),
    file_case("json-deep-40", "refused", f"the limit is {MAX_JSON_DEPTH}", "a.json", b"[" * 40 + b"]" * 40),
    file_case("json-brackets-in-strings", "accepted", "", "ok.json", json_records([{**GOOD_ROW, "notes": "[[[[" * 20}])),
    file_case("json-empty-list", "refused", "an empty list", "a.json", b"[]"),
    file_case("json-object", "refused", "got dict", "a.json", b'{"id": "x"}'),
    file_case("json-number", "refused", "got int", "a.json", b"42"),
    file_case("json-string", "refused", "got str", "a.json", b'"text"'),
    file_case("json-null", "refused", "got NoneType", "a.json", b"null"),
    file_case("json-list-of-numbers", "refused", "record 1 is int", "a.json", b"[1, 2]"),
    file_case("json-no-id", "refused", "has no text 'id'", "a.json", json_records([{k: v for k, v in GOOD_ROW.items() if k != "id"}])),
    file_case("json-numeric-id", "refused", "has no text 'id'", "a.json", json_records([{**GOOD_ROW, "id": 7}])),
    file_case("json-sources-string", "refused", "'sources' must be a list of objects", "a.json", json_records([{**GOOD_ROW, "sources": "JCS"}])),
    file_case("json-sources-numbers", "refused", "'sources' must be a list of objects", "a.json", json_records([{**GOOD_ROW, "sources": [1, 2]}])),
    file_case("json-nested-field", "refused", "must be a plain value", "a.json", json_records([{**GOOD_ROW, "lat": {"x": 1}}])),
    file_case("json-list-field", "refused", "must be a plain value", "a.json", json_records([{**GOOD_ROW, "count": [1]}])),
    file_case("json-5000-digit-int", "refused", "the limit is 15 digits", "a.json", b'[{"id": "x", "count": ' + b"9" * 5000 + b"}]"),
    file_case("json-count-string-comma", "refused", "a comma only between groups", "a.json", json_records([{**GOOD_ROW, "count": "1,0"}])),
    file_case("json-count-bool", "refused", "count", "a.json", json_records([{**GOOD_ROW, "count": True}])),
    file_case("json-lat-string", "accepted", "", "ok.json", json_records([{**GOOD_ROW, "lat": "39.224"}])),
    file_case("json-truncated", "refused", "is not valid JSON", "a.json", b'[{"id": "x"'),
    file_case("json-trailing-garbage", "refused", "is not valid JSON", "a.json", json_records([GOOD_ROW]) + b"xyz"),
    file_case("json-nan-literal", "refused", "lat", "a.json", json_records([GOOD_ROW]).replace(b'"39.224"', b"NaN")),
    file_case("json-infinity-literal", "refused", "distance_km", "a.json", json_records([GOOD_ROW])[:-2] + b', "distance_km": Infinity}]'),
    file_case("json-not-utf8", "refused", "is not UTF-8", "a.json", b"[\xff]"),
    file_case("json-too-many", "refused", f"the limit is {MAX_ROWS:,}", "a.json", lambda: json.dumps([{"id": str(i)} for i in range(MAX_ROWS + 1)]).encode()),
]  # fmt: skip

GEOJSON_CASES = [
    file_case("geojson-good", "accepted", "", "ok.geojson", collection(feature(POINT))),
    file_case("geojson-features-string", "refused", "'features' must be a list", "a.geojson", b'{"type": "FeatureCollection", "features": "x"}'),
    file_case("geojson-features-object", "refused", "'features' must be a list", "a.geojson", b'{"type": "FeatureCollection", "features": {}}'),
    file_case("geojson-features-missing", "refused", "'features' must be a list", "a.geojson", b'{"type": "FeatureCollection"}'),
    file_case("geojson-feature-number", "refused", "expected a GeoJSON Feature object", "a.geojson", collection(7)),
    file_case("geojson-properties-string", "refused", "expected an object", "a.geojson", collection({"type": "Feature", "geometry": POINT, "properties": "x"})),
    file_case("geojson-empty-coords", "refused", "two numbers", "a.geojson", collection(feature({"type": "Point", "coordinates": []}))),
    file_case("geojson-one-coord", "refused", "two numbers", "a.geojson", collection(feature({"type": "Point", "coordinates": [125.0]}))),
    file_case("geojson-string-coords", "refused", "two numbers", "a.geojson", collection(feature({"type": "Point", "coordinates": ["125", "39"]}))),
    file_case("geojson-null-coords", "refused", "two numbers", "a.geojson", collection(feature({"type": "Point", "coordinates": None}))),
    file_case("geojson-bool-coords", "refused", "two numbers", "a.geojson", collection(feature({"type": "Point", "coordinates": [True, False]}))),
    file_case("geojson-coords-object", "refused", "two numbers", "a.geojson", collection(feature({"type": "Point", "coordinates": {"x": 1}}))),
    file_case("geojson-flight-time-empty", "accepted", "", "ok.geojson", collection(feature(POINT, flight_time_s=""))),
    file_case("geojson-flight-time-word", "refused", "flight_time_s", "a.geojson", collection(feature(POINT, flight_time_s="long"))),
    file_case("geojson-linestring-launch", "warned", "not launch points", "a.geojson", collection(feature(POINT), feature({"type": "LineString", "coordinates": [[0, 0], [1, 1]]}, id="line-x"))),
    file_case("geojson-only-lines", "refused", "holds no launch", "a.geojson", collection(feature({"type": "LineString", "coordinates": [[0, 0], [1, 1]]}))),
    file_case("geojson-null-geometry", "refused", "holds no launch", "a.geojson", collection(feature(None))),
    file_case("geojson-sources-string", "refused", "expected a list of source objects", "a.geojson", collection(feature(POINT, sources="JCS"))),
    file_case("geojson-lat-out-of-range", "refused", "lat must be within", "a.geojson", collection(feature({"type": "Point", "coordinates": [125.0, 95.0]}))),
    file_case("geojson-swapped", "refused", "are lat and lon swapped", "a.geojson", collection(feature({"type": "Point", "coordinates": [39.2, 125.6]}))),
    file_case("geojson-derived-only", "refused", "holds no launch", "a.geojson", collection(feature({"type": "LineString", "coordinates": [[0, 0], [1, 1]]}, feature_type="track"))),
    file_case("geojson-deep", "refused", "nested more than", "a.geojson", b'{"type": "FeatureCollection", "features": ' + b"[" * 50 + b"]" * 50 + b"}"),
]  # fmt: skip

XLSX_CASES = [
    file_case("xlsx-random-bytes", "refused", "cannot be opened", "a.xlsx", bytes(range(256)) * 40),
    file_case("xlsx-truncated-zip", "refused", "cannot be opened", "a.xlsx", lambda: real_workbook([CNS_HEADER])[:300]),
    file_case("xlsx-zip-bomb", "refused", "unpacks", "a.xlsx", lambda: workbook({"xl/worksheets/sheet1.xml": b"\0" * (120 * 1024 * 1024)})),
    file_case("xlsx-ratio-bomb", "refused", "times its size", "a.xlsx", lambda: workbook({"a.xml": b"\0" * (40 * 1024 * 1024)})),
    file_case("xlsx-many-members", "refused", "files; the limit is", "a.xlsx", lambda: workbook({f"m{i}": b"" for i in range(1_200)}, zipfile.ZIP_STORED)),
    file_case("xlsx-not-a-workbook", "refused", "could not read the CNS file", "a.xlsx", lambda: workbook({"hello.txt": b"hi"})),
    file_case("xlsx-xxe", "refused", "could not read the CNS file", "a.xlsx", lambda: workbook({"[Content_Types].xml": XXE, "xl/workbook.xml": XXE})),
    file_case("xlsx-billion-laughs", "refused", "could not read the CNS file", "a.xlsx", lambda: workbook({"[Content_Types].xml": LAUGHS, "xl/workbook.xml": LAUGHS})),
    file_case("xlsx-other-columns", "refused", "expected the CNS North Korea Missile Test Database columns", "a.xlsx", lambda: real_workbook([["name", "age"], ["x", 1]])),
    file_case("xlsx-cns-good", "accepted", "", "ok.xlsx", lambda: real_workbook([CNS_HEADER, [1, "8-Nov-25", "1:00", "KN-23", "SRBM", "Sunan", "50 km", "300 km", "Confirmed", "Success"]])),
    file_case("xlsx-cns-bad-date", "refused", "expected a date such as", "a.xlsx", lambda: real_workbook([CNS_HEADER, [1, "31-Feb-17", "1:00", "KN-23", "SRBM", "Sunan", "50 km", "300 km", "Confirmed", "Success"]])),
    file_case("cns-csv-comma-distance", "refused", "Distance Travelled", "a.csv", (",".join(CNS_HEADER) + "\n1,8-Nov-25,1:00,KN-23,SRBM,Sunan,50 km,far,Confirmed,Success\n").encode()),
]  # fmt: skip

CLI_CASES = [
    cli_case("since-month-13", "usage", "date as YYYY-MM-DD", "events", "--since", "2026-13-01"),
    cli_case("since-garbage", "usage", "date as YYYY-MM-DD", "events", "--since", "garbage"),
    cli_case("since-feb-30", "usage", "date as YYYY-MM-DD", "events", "--since", "2025-02-30"),
    cli_case("since-year-99999", "usage", "date as YYYY-MM-DD", "events", "--since", "99999-01-01"),
    cli_case("system-markdown-image", "usage", "unknown system", "events", "--system", "![x](http://127.0.0.9/u.png)"),
    cli_case("site-script", "usage", "unknown place", "events", "--site", "<script>alert(1)</script>"),
    cli_case("render-scale-0", "usage", "scale", "render", "--out", "x.png", "--scale", "0"),
    cli_case("render-scale-nan", "usage", "scale", "render", "--out", "x.png", "--scale", "nan"),
    cli_case("render-scale-negative", "usage", "scale", "render", "--out", "x.png", "--scale", "-2"),
    cli_case("render-scale-1000", "usage", "scale", "render", "--out", "x.png", "--scale", "1000"),
    cli_case("render-bad-suffix", "usage", "", "render", "--out", "x.jpg"),
    cli_case("render-ring-30000km", "usage", "half the Earth", "render", "--out", "x.png", "--ring", "Sunan:30000km"),
    cli_case("ring-1e309", "usage", "positive, finite", "ring", "--lat", "40", "--lon", "125", "--range", "1e309km"),
    cli_case("ring-zero", "usage", "positive", "ring", "--lat", "40", "--lon", "125", "--range", "0km"),
    cli_case("ring-furlongs", "usage", "units km, mi, nmi", "ring", "--lat", "40", "--lon", "125", "--range", "7 furlongs"),
    cli_case("ring-lat-91", "usage", "latitude", "ring", "--lat", "91", "--lon", "125", "--range", "700km"),
    cli_case("distance-unknown", "usage", "unknown place", "distance", "Atlantis", "Tokyo"),
    cli_case("track-1e9km", "usage", "half the Earth", "track", "Sunan", "--bearing", "90", "--range", "1e9km"),
    cli_case("track-bearing-word", "usage", "", "track", "Sunan", "--bearing", "east", "--range", "700km"),
    cli_case("in-range-half-earth", "usage", "every point on Earth", "in-range", "--site", "Sunan", "--range", "30000km"),
    cli_case("in-range-limit-negative", "usage", "", "in-range", "--site", "Sunan", "--range", "700km", "--limit", "-1"),
    cli_case("loft-1e308", "usage", "nothing is ballistic", "loft", "--apogee-km", "1e308", "--distance-km", "950"),
    cli_case("loft-negative", "usage", "", "loft", "--apogee-km", "-5", "--distance-km", "950"),
    cli_case("loft-nan", "usage", "", "loft", "--apogee-km", "nan", "--distance-km", "950"),
    cli_case("export-format-xml", "usage", "invalid choice", "export", "--format", "xml"),
    cli_case("import-missing-file", "refused", "", "import", "/nonexistent/launches.csv"),
    cli_case("import-dev-zero", "refused", "expected a regular file", "import", "/dev/zero"),
    cli_case("import-folder", "refused", "", "import", "/tmp"),
    cli_case("unknown-command", "usage", "invalid choice", "fly"),
    cli_case("event-unknown", "usage", "", "render", "--out", "x.png", "--event", "1999-01-01-nowhere"),
]  # fmt: skip

REPORT_CASES = [
    Case("report-empty", "refused", "empty", "r.txt", b""),
    Case("report-binary", "refused", "", "r.txt", b"\x00\x01\x02\xff" * 50),
    Case("report-too-long", "refused", "characters", "r.txt", lambda: b"North Korea fired a missile. " * 10_000),
    Case("report-not-english", "refused", "is in Korean; launchmap extracts English reports only", "r.txt", "북한이 단거리 탄도미사일 1발을 동해상으로 발사했다고 합참이 밝혔다.".encode()),
    Case("report-no-launch", "warned", "no missile launch found", "r.txt", b"The weather in Seoul was mild on Friday."),
    Case("report-script", "accepted", "", "r.txt", b"North Korea fired a <script>alert(1)</script> ballistic missile into the East Sea on Friday, South Korea's military said."),
    Case("report-markdown-image", "accepted", "", "r.txt", b"North Korea fired a ballistic missile ![x](http://127.0.0.9/u.png) into the East Sea on Friday."),
    Case("report-page-script", "accepted", "", "r.html", b"<html><head><script>alert(1)</script></head><body><p>North Korea fired a ballistic missile into the East Sea on Friday, South Korea's military said.</p></body></html>"),
    Case("report-page-too-big", "refused", "the limit for one report file is 5.0 MB", "r.html", lambda: b"<html>" + b"<p>x</p>" * 700_000),
    Case("report-email-no-body", "refused", "expected an e-mail with a text or HTML body", "r.eml", b"From: a@b\nContent-Type: image/png\n\n\x89PNG"),
    Case("report-huge-number", "accepted", "", "r.txt", b"North Korea fired a ballistic missile that flew " + b"9" * 400 + b" km into the East Sea on Friday."),
]  # fmt: skip

CASES = CSV_CASES + JSON_CASES + GEOJSON_CASES + XLSX_CASES + CLI_CASES + REPORT_CASES
EXIT_CODES = {"refused": 1, "usage": 2, "accepted": 0, "warned": 0}


def store_dump(db: Path) -> str:
    """Every table's rows in a canonical order: equal dumps mean nothing was written."""
    with sqlite3.connect(db) as connection:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()


@pytest.fixture
def seeded_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "store.db"
    monkeypatch.setenv("LAUNCHMAP_DB", str(db))
    monkeypatch.setenv("LAUNCHMAP_SEEDS", str(FIXTURE_SEEDS))
    monkeypatch.chdir(tmp_path)
    assert main(["events", "--format", "csv"]) == 0
    return db


def test_corpus__is_large_and_covers_every_way_in() -> None:
    assert len(CASES) >= 150
    assert len({case.name for case in CASES}) == len(CASES)
    assert {c.filename.rsplit(".", 1)[-1] for c in CASES if c.filename} >= {
        "csv",
        "json",
        "geojson",
        "xlsx",
        "txt",
    }


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_input__clear_outcome_no_traceback_nothing_half_written(
    case: Case, seeded_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = store_dump(seeded_db)
    if case.argv:
        argv = list(case.argv)
    else:
        path = tmp_path / case.filename
        path.write_bytes(case.data() if callable(case.data) else case.data)
        argv = (
            ["extract", str(path), "--published", "2025-11-07"]
            if case.name.startswith("report-")
            else ["import", str(path)]
        )
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse's own refusals
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    assert code == EXIT_CODES[case.outcome], err
    if case.outcome in ("refused", "usage"):
        assert err.startswith("launchmap: error:") or err.startswith("usage:") or "error:" in err, err
        assert case.message in err, err
        assert store_dump(seeded_db) == before, "a refusal changed the store"
    elif case.outcome == "warned":
        assert case.message in err + out, err
    assert "unexpected" not in err, err  # the CLI's last-resort handler means an unforeseen error


def test_hostile_input__openpyxl_parses_xml_with_defusedxml() -> None:
    import openpyxl

    assert openpyxl.DEFUSEDXML is True
