"""Import the CNS/NTI "North Korea Missile Test Database" spreadsheet (XLSX or CSV).

The database has one row per missile, with text figures ("4475 km", "Unknown",
"between 25 and 90 km", "~700 km"), dates like "9-Apr-84" and UTC times like "3:35".
:func:`read_cns` turns it into launchmap events: the missiles of one salvo (same date,
launch time, facility and missile name) become one event whose ``count`` is the number
of rows. Facility names are matched to site ids through :class:`geodata.geo.places.Gazetteer`
(any romanisation); missile names to ``systems.csv`` names through their designations.

Assumptions: a range "between A and B" is stored as its mean, with both ends in ``notes``;
when the missiles of a salvo report different figures the event shows the largest and the
notes list each; a salvo with any unreadable row is left out whole (its count would be wrong),
and every problem names the spreadsheet row (the header is row 1), the column and the value.

>>> import io
>>> sheet = ",".join(CNS_COLUMNS) + chr(10) + "1,29-Nov-17,,18:17,Hwasong-15,ICBM,,Pyongsong,,,,,,4475 km,950 km,Confirmed,Success,,"
>>> parsed = read_cns(io.StringIO(sheet))
>>> parsed.launches.loc[0, ["id", "launched_at"]].tolist(), float(parsed.launches.loc[0, "apogee_km"]), parsed.errors
(['2017-11-29-pyongsong', '2017-11-28T18:17:00Z'], 4475.0, [])
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

import pandas as pd

from geodata.errors import InvalidEvent, InvalidFile, UnknownPlace
from geodata.events import RowError, launch_id
from geodata.formats.guard import check_rows, check_size, check_workbook
from geodata.formats.parsed import ParsedFile
from geodata.formats.table import read_table
from geodata.geo.places import Gazetteer
from geodata.limits import MAX_ROWS
from geodata.schema import LAUNCH_COLUMNS, SOURCE_COLUMNS
from geodata.seeds import seeds_dir
from geodata.units import LENGTH_UNITS_KM, ascii_fold, launch_time_utc, name_key

CNS_COLUMNS = (
    "F1", "Date", "Date Entered/Updated", "Launch Time (UTC)", "Missile Name", "Missile Type",
    "Launch Agency/Authority", "Facility Name", "Facility Location", "Other Name", "Facility Latitude",
    "Facility Longitude", "Landing Location", "Apogee", "Distance Travelled", "Confirmation Status",
    "Test Outcome", "Additional Information", "Source(s)",
)  # fmt: skip
_REQUIRED = ("Date", "Missile Name", "Facility Name")
_SPELLINGS = {"distance traveled": "Distance Travelled", "sources": "Source(s)", "source(s)": "Source(s)"}
_UNKNOWN = {
    "",
    "unknown",
    "unk",
    "n/a",
    "na",
    "nan",
    "none",
    "-",
    "--",
    "?",
    "not available",
    "not reported",
    "nat",
}
_CLASS_WORDS = (
    ("SRBM", ("srbm", "short-range", "short range")), ("MRBM", ("mrbm", "medium-range", "medium range")),
    ("IRBM", ("irbm", "intermediate")), ("ICBM", ("icbm", "intercontinental")),
    ("SLBM", ("slbm", "submarine")), ("SLV", ("slv", "space launch", "satellite")),
    ("cruise", ("cruise", "lacm", "ascm")), ("HGV", ("hgv", "hypersonic", "glide")),
)  # fmt: skip
_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_RANGE_RE = re.compile(
    rf"^(?:between\s+)?{_NUMBER}\s*([a-z. ]*?)\s*(?:and|to|-|–|—)\s*{_NUMBER}\s*([a-z. ]*)$"
)
_SINGLE_RE = re.compile(rf"^{_NUMBER}\s*\+?\s*([a-z. ]*)$")
_HEDGES = (("more than ", "at least"), ("over ", "at least"), ("at least ", "at least"), (">", "at least"),
           ("less than ", "at most"), ("under ", "at most"), ("up to ", "at most"), ("<", "at most"),
           ("approximately ", ""), ("approx. ", ""), ("approx ", ""), ("about ", ""), ("around ", ""),
           ("roughly ", ""), ("est. ", ""), ("c. ", ""), ("~", ""), ("≈", ""))  # fmt: skip
_DATE_FORMATS = (
    "%d-%b-%y",
    "%d-%b-%Y",
    "%Y-%m-%d",
    "%m/%d/%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
)
_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:utc|z)?$")
_URL_RE = re.compile(r"https?://[^\s,;|)\]]+")


# --- format detection and loading ----------------------------------------------------------------


def _column_key(name: object) -> str:
    return re.sub(r"\s+", " ", str(name)).strip().lower()


_CANONICAL = {_column_key(c): c for c in CNS_COLUMNS} | _SPELLINGS


def looks_like_cns(columns: Any) -> bool:
    """True if ``columns`` are those of the CNS database (its key columns, case and spacing aside)."""
    found = {_CANONICAL.get(_column_key(c)) for c in columns}
    descriptive = {
        "Missile Type",
        "Launch Time (UTC)",
        "Apogee",
        "Distance Travelled",
        "Test Outcome",
        "Source(s)",
    }
    return set(_REQUIRED) <= found and len(found & descriptive) >= 2


def _load(path_or_buffer: str | Path | IO[Any]) -> pd.DataFrame:
    """Read the first sheet (XLSX) or the CSV as objects, keeping text exactly as typed."""
    source: Any = path_or_buffer
    if isinstance(source, (str, Path)):
        path = Path(source)
        source = io.BytesIO(path.read_bytes())
    data = source.read()
    if isinstance(data, str):
        check_rows(data.encode(), "CNS sheet")
        return read_table(data, "CNS sheet", keep_blank_lines=True)
    check_size(len(data), "CNS sheet")
    if data[:4] == b"PK\x03\x04":  # XLSX is a zip file
        check_workbook(data, "CNS workbook")
        # One row past the limit is enough to know the sheet is too long.
        frame = pd.read_excel(io.BytesIO(data), dtype=object, engine="openpyxl", nrows=MAX_ROWS + 1)
        if len(frame) > MAX_ROWS:
            raise InvalidFile(
                f"CNS workbook: the sheet has more than {MAX_ROWS:,} rows; the limit is {MAX_ROWS:,}"
            )
        return frame
    check_rows(data, "CNS sheet")
    return read_table(data.decode("utf-8-sig"), "CNS sheet", keep_blank_lines=True)


# --- cell parsers: return a value or raise InvalidEvent (a ValueError) saying what was expected --------------------


def _blank(value: Any) -> bool:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return True
    return isinstance(value, str) and value.strip().lower() in _UNKNOWN


def _found(value: Any) -> str:
    return f"{value!r} ({type(value).__name__})"


def parse_cns_date(value: Any) -> date:
    """A launch date from an XLSX date cell or text such as ``"9-Apr-84"`` or ``"2017-11-29"``."""
    if isinstance(value, (datetime, pd.Timestamp)):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip() if isinstance(value, str) else ""
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InvalidEvent(f"expected a date such as '9-Apr-84' or '2017-11-29', got {_found(value)}")


def parse_cns_time(value: Any) -> time | None:
    """A UTC launch time from ``"3:35"``, ``"03:35:00"``, an XLSX time cell, or None for "Unknown"."""
    if _blank(value):
        return None
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    if isinstance(value, float) and 0 <= value < 1:  # Excel stores a time as a fraction of a day
        minutes = round(value * 24 * 60)
        return time(minutes // 60, minutes % 60)
    match = _TIME_RE.match(str(value).strip().lower())
    if match and int(match[1]) < 24 and int(match[2]) < 60 and int(match[3] or 0) < 60:
        return time(int(match[1]), int(match[2]), int(match[3] or 0))
    raise InvalidEvent(f"expected a UTC time such as '3:35' or 'Unknown', got {_found(value)}")


def parse_cns_km(value: Any) -> tuple[float | None, str]:
    """``(km, note)`` from ``"4475 km"``, ``"~700 km"``, ``"between 25 and 90 km"`` (mean), ``"Unknown"``."""
    if _blank(value):
        return None, ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value), ""
    text = re.sub(r"\s+", " ", str(value).strip().lower())
    hedge = ""
    for word, meaning in _HEDGES:
        if text.startswith(word):
            text, hedge = text[len(word) :].strip(), meaning
            break
    if match := _RANGE_RE.match(text):
        low_unit, high_unit = match[2].strip(" ."), match[4].strip(" .")
        unit = high_unit or low_unit
        if unit in LENGTH_UNITS_KM and (not low_unit or low_unit == unit):
            low, high = (float(match[i].replace(",", "")) * LENGTH_UNITS_KM[unit] for i in (1, 3))
            return (low + high) / 2, f"between {low:g} and {high:g} km"
    elif (match := _SINGLE_RE.match(text)) and match[2].strip(" .") in LENGTH_UNITS_KM:
        km = float(match[1].replace(",", "")) * LENGTH_UNITS_KM[match[2].strip(" .")]
        return km, (f"{hedge} {km:g} km" if hedge else "")
    raise InvalidEvent(
        f"expected a distance such as '450 km', '~700 km', 'between 25 and 90 km' or 'Unknown', got {_found(value)}"
    )


def _parse_degrees(value: Any, column: str, limit: float) -> float | None:
    if _blank(value):
        return None
    try:
        number = float(str(value).strip().rstrip("°NnEe ").strip())
    except ValueError:
        raise InvalidEvent(
            f"expected {column} in decimal degrees such as '40.85', got {_found(value)}"
        ) from None
    if not -limit <= number <= limit:
        hint = " — are latitude and longitude swapped?" if limit == 90 and abs(number) <= 180 else ""
        raise InvalidEvent(f"{column} must be within [-{limit:g}, {limit:g}], got {_found(value)}{hint}")
    return number


def _system_class(missile_type: Any) -> str | None:
    text = "" if _blank(missile_type) else str(missile_type).lower()
    for system_class, words in _CLASS_WORDS:
        if any(word in text for word in words):
            return system_class
    return None


def _outcome(value: Any) -> tuple[str, str]:
    text = "" if _blank(value) else str(value).strip().lower()
    if "partial" in text:
        return "unknown", f"CNS outcome: {value}"
    if any(word in text for word in ("fail", "explod", "abort")):
        return "failure", ""
    if "success" in text:
        return "success", ""
    return "unknown", (f"CNS outcome: {value}" if text else "")


def _confirmation(value: Any) -> str:
    text = "" if _blank(value) else str(value).strip().lower()
    if "unconfirmed" in text or "suspect" in text or "possib" in text or not text:
        return "suspected"
    if "claim" in text:
        return "claimed"
    return "confirmed" if "confirm" in text else "suspected"


def _landing_area(value: Any) -> str:
    text = "" if _blank(value) else str(value).lower()
    if "orbit" in text:
        return "orbit"
    if "pacific" in text:
        return "Pacific (over Japan)" if "japan" in text and "over" in text else "Pacific"
    if "yellow sea" in text or "west sea" in text:
        return "Yellow Sea"
    if any(sea in text for sea in ("sea of japan", "east sea", "japan sea")) or "eez" in text:
        if "eez" in text:
            outside = any(word in text for word in ("outside", "beyond"))
            return (
                "East Sea/Sea of Japan (outside Japan's EEZ)"
                if outside
                else "East Sea/Sea of Japan (inside Japan's EEZ)"
            )
        return "East Sea/Sea of Japan"
    if any(word in text for word in ("land", "crash", "inland", "ground")):
        return "land"
    return "unknown"


# --- name matching --------------------------------------------------------------------------------


def _system_index(systems: pd.DataFrame | None) -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    if systems is None:
        return index
    for record in systems.to_dict("records"):
        name, system_class = str(record["name"]), str(record.get("system_class") or "unknown")
        labels = [name, *str(record.get("designations") or "").split(";")]
        for label in labels:
            if label.strip():
                index.setdefault(name_key(label), (name, system_class))
    return index


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-") or "unknown-site"


class _Context:
    """What one import needs to map names: the gazetteer's sites and the systems table."""

    def __init__(self, gazetteer: Gazetteer, systems: pd.DataFrame | None) -> None:
        self.gazetteer = gazetteer
        self.site_ids = {site.id for site in gazetteer.sites}
        self.systems = _system_index(systems)

    def site(self, *names: Any) -> Any:
        for name in names:
            if _blank(name):
                continue
            try:
                place = self.gazetteer.resolve(str(name))
            except UnknownPlace:
                continue
            if place.id in self.site_ids:
                return place
        return None

    def system(self, missile_name: Any, system_class: str | None) -> tuple[str, str, bool]:
        """``(system, class, known)``; an unnamed missile becomes the "Unknown …" system of its class."""
        if _blank(missile_name):
            fallback = {"SRBM": "Unknown SRBM", "cruise": "Unknown cruise missile"}
            name = fallback.get(system_class or "", "Unknown ballistic missile")
            return name, system_class or ("unknown" if name.endswith("ballistic missile") else name), True
        known = self.systems.get(name_key(missile_name))
        if known is not None:
            return known[0], system_class or known[1], True
        return str(missile_name).strip(), system_class or "unknown", False


def _default_context(gazetteer: Gazetteer | None, systems: pd.DataFrame | None) -> _Context:
    if gazetteer is None:
        gazetteer = Gazetteer.from_seeds(seeds_dir())
    if systems is None:
        systems = pd.read_csv(seeds_dir() / "systems.csv", dtype=str, keep_default_na=False)
    return _Context(gazetteer, systems)


# --- rows to events -------------------------------------------------------------------------------


def _launched_at(parsed: dict[str, Any]) -> tuple[str, str]:
    """``(launched_at, precision)``: the sheet dates a launch by its Korean day and times it in UTC
    (its Hwasong-15 row: 29 Nov 2017, 18:17 UTC, i.e. 03:17 KST on the 29th)."""
    clock = parsed["time"]
    return launch_time_utc(parsed["date"], (clock.hour, clock.minute, True) if clock else None)


def _error(row: int, column: str, value: Any, message: str) -> RowError:
    shown = None if _blank(value) and not isinstance(value, str) else value
    if isinstance(shown, (datetime, date, time)):
        shown = shown.isoformat()
    return RowError(row, column, shown, message)


def _parse_row(record: dict[str, Any], row: int, context: _Context) -> tuple[dict[str, Any], list[RowError]]:
    """One spreadsheet row as a parsed missile; errors name the row, column and value."""
    errors: list[RowError] = []
    parsed: dict[str, Any] = {"row": row, "notes": []}

    def attempt(column: str, parser: Any) -> Any:
        try:
            return parser(record.get(column))
        except ValueError as error:
            errors.append(_error(row, column, record.get(column), str(error)))
            return None

    parsed["date"] = attempt("Date", parse_cns_date)
    parsed["time"] = attempt("Launch Time (UTC)", parse_cns_time)
    parsed["updated"] = None
    try:
        parsed["updated"] = (
            None
            if _blank(record.get("Date Entered/Updated"))
            else parse_cns_date(record.get("Date Entered/Updated"))
        )
    except ValueError:  # only used as the source's publication date; the launch date stands in
        parsed["notes"].append(f"CNS entry date unreadable: {record.get('Date Entered/Updated')}")
    for column, key in (("Distance Travelled", "distance"), ("Apogee", "apogee")):
        figure = attempt(column, parse_cns_km)
        parsed[key], note = figure if figure else (None, "")
        if note:
            parsed["notes"].append(f"{column.split()[0].lower()} {note}")
    parsed["lat"] = attempt("Facility Latitude", lambda v: _parse_degrees(v, "Facility Latitude", 90))
    parsed["lon"] = attempt("Facility Longitude", lambda v: _parse_degrees(v, "Facility Longitude", 180))

    system_class = _system_class(record.get("Missile Type"))
    if system_class is None and not _blank(record.get("Missile Type")):
        parsed["notes"].append(f"CNS missile type: {record.get('Missile Type')}")
    parsed["system"], parsed["system_class"], parsed["system_known"] = context.system(
        record.get("Missile Name"), system_class
    )
    facility = record.get("Facility Name")
    parsed["facility"] = "" if _blank(facility) else str(facility).strip()
    parsed["site"] = context.site(facility, record.get("Other Name"), record.get("Facility Location"))
    if parsed["site"] is None and (parsed["lat"] is None or parsed["lon"] is None) and not errors:
        errors.append(
            _error(
                row,
                "Facility Name",
                facility,
                f"expected a known facility name or Facility Latitude/Longitude, got {_found(facility)}",
            )
        )
    parsed["outcome"], outcome_note = _outcome(record.get("Test Outcome"))
    parsed["confirmation"] = _confirmation(record.get("Confirmation Status"))
    parsed["landing_area"] = _landing_area(record.get("Landing Location"))
    for column in ("Landing Location", "Additional Information"):
        if not _blank(record.get(column)):
            parsed["notes"].append(f"{column}: {str(record.get(column)).strip()}")
    if outcome_note:
        parsed["notes"].append(outcome_note)
    parsed["sources_text"] = "" if _blank(record.get("Source(s)")) else str(record.get("Source(s)")).strip()
    return parsed, errors


def _salvo_key(parsed: dict[str, Any]) -> tuple[Any, ...]:
    return (parsed["date"], parsed["time"], name_key(parsed["facility"]), name_key(parsed["system"]))


def _combine(values: list[float | None], label: str, notes: list[str]) -> float | None:
    known = [v for v in values if v is not None]
    if len(set(known)) > 1:
        notes.append(f"per-missile {label}: {', '.join(f'{v:g}' for v in known)} km; largest shown")
    return max(known) if known else None


def _event(
    rows: list[dict[str, Any]], event_id: str, context: _Context
) -> tuple[dict[str, Any], dict[str, Any]]:
    first = rows[0]
    site = first["site"]
    launched_at, precision = _launched_at(first)
    notes = [
        f"Imported from the CNS North Korea Missile Test Database (rows {', '.join(str(r['row']) for r in rows)})"
    ]
    for row in rows:
        notes.extend(n for n in row["notes"] if n not in notes)
    distance_km = _combine([r["distance"] for r in rows], "distance", notes)
    apogee_km = _combine([r["apogee"] for r in rows], "apogee", notes)
    outcomes = {r["outcome"] for r in rows}
    if len(outcomes) > 1:
        notes.append(f"per-missile outcomes: {', '.join(r['outcome'] for r in rows)}")
    confirmation = next(
        c for c in ("confirmed", "claimed", "suspected") if c in {r["confirmation"] for r in rows}
    )
    launch = {
        "id": event_id,
        "launched_at": launched_at,
        "launched_at_precision": precision,
        "site_id": site.id if site else _slug(first["facility"]),
        "lat": first["lat"] if first["lat"] is not None else site.lat,
        "lon": first["lon"] if first["lon"] is not None else site.lon,
        "system": first["system"],
        "system_class": first["system_class"],
        "count": len(rows),
        "distance_km": distance_km,
        "apogee_km": apogee_km,
        "flight_time_s": None,
        "bearing_deg": None,
        "impact_lat": None,
        "impact_lon": None,
        "impact_basis": "estimated" if distance_km is not None else "none",
        "landing_area": first["landing_area"],
        "outcome": outcomes.pop() if len(outcomes) == 1 else "unknown",
        "confirmation": confirmation,
        "notes": "; ".join(notes),
    }
    texts = list(dict.fromkeys(r["sources_text"] for r in rows if r["sources_text"]))
    urls = [m for text in texts for m in _URL_RE.findall(text)]
    updated = [r["updated"] for r in rows if r["updated"]]
    source = {
        "launch_id": event_id,
        "source": "CNS",
        "source_kind": "research",
        "outlet": "CNS North Korea Missile Test Database",
        "published_on": (max(updated) if updated else first["date"]).isoformat(),
        "url": urls[0] if urls else None,
        "title": " | ".join(texts) or None,
        "distance_km": distance_km,
        "apogee_km": apogee_km,
        "flight_time_s": None,
        "count": len(rows),
        "is_headline": True,
    }
    return launch, source


def build_events(
    frame: pd.DataFrame, context: _Context
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[RowError], list[str]]:
    """Group parsed rows into salvos and build one launch and one source row per salvo."""
    errors: list[RowError] = []
    warnings: list[str] = []
    salvos: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    bad_salvos: set[tuple[Any, ...]] = set()
    # Spreadsheet rows are numbered from 2: row 1 is the header.
    for index, record in zip(frame.index, frame.to_dict("records"), strict=True):
        parsed, row_errors = _parse_row({str(k): v for k, v in record.items()}, int(index) + 2, context)
        errors.extend(row_errors)
        key = _salvo_key(parsed)
        salvos.setdefault(key, []).append(parsed)
        if row_errors:
            bad_salvos.add(key)
    launches: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []
    used_ids: set[str] = set()
    new_sites: dict[str, dict[str, Any]] = {}
    for key, rows in salvos.items():
        if key in bad_salvos:
            continue
        first = rows[0]
        site_id = first["site"].id if first["site"] else _slug(first["facility"])
        launched_at, precision = _launched_at(first)
        event_id = launch_id(launched_at, precision, site_id, used_ids)
        used_ids.add(event_id)
        launch, source = _event(rows, event_id, context)
        launches.append(launch)
        sources.append(source)
        if first["site"] is None:
            new_sites.setdefault(
                site_id,
                {"facility": first["facility"], "rows": [], "lat": launch["lat"], "lon": launch["lon"]},
            )
            new_sites[site_id]["rows"].extend(r["row"] for r in rows)
        if not first["system_known"]:
            warnings.append(
                f"missile {first['system']!r} (rows {', '.join(str(r['row']) for r in rows)}) "
                "is not in systems.csv; add it or rename it"
            )
    for site_id, info in new_sites.items():
        warnings.append(
            f"facility {info['facility']!r} (rows {', '.join(map(str, info['rows']))}) is not a "
            f"known site; used new site id {site_id!r} at {info['lat']}, {info['lon']}"
        )
    return launches, sources, errors, warnings


def read_cns(
    path_or_buffer: str | Path | IO[Any],
    *,
    gazetteer: Gazetteer | None = None,
    systems: pd.DataFrame | None = None,
) -> ParsedFile:
    """Read a CNS database file into candidate launches and sources.

    ``errors`` are :class:`~geodata.events.RowError` s naming the spreadsheet row, column and value
    (those salvos are left out); ``warnings`` are sentences (e.g. a facility that is no known site
    got a new ``site_id``; the caller decides whether to add it). Sites and systems default to
    the bundled seeds; raises :class:`InvalidFile` if the file is not this layout.
    """
    try:
        frame = _load(path_or_buffer)
    except (ValueError, OSError, UnicodeDecodeError, KeyError, EOFError, zipfile.BadZipFile) as error:
        # openpyxl's own refusals (a damaged workbook, defusedxml's entity checks) end here as a message
        raise InvalidFile(f"could not read the CNS file: {type(error).__name__}: {error}") from error
    if not looks_like_cns(frame.columns):
        raise InvalidFile(
            "expected the CNS North Korea Missile Test Database columns (at least "
            f"{', '.join(_REQUIRED)}), got {[str(c) for c in frame.columns]!r}"
        )
    frame = frame.rename(columns={c: _CANONICAL.get(_column_key(c), c) for c in frame.columns})
    # Empty rows are dropped but keep their index, so row numbers stay those of the spreadsheet.
    frame = frame.reset_index(drop=True)
    empty = [all(_blank(v) for v in values) for values in frame.itertuples(index=False)]
    frame = frame[[not e for e in empty]]
    context = _default_context(gazetteer, systems)
    launches, sources, errors, warnings = build_events(frame, context)
    return ParsedFile(
        "cns",
        pd.DataFrame(launches, columns=[c.name for c in LAUNCH_COLUMNS]),
        pd.DataFrame(sources, columns=[c.name for c in SOURCE_COLUMNS]),
        errors,
        warnings,
    )


def read_cns_file(data: bytes, name: str) -> ParsedFile:
    """A CNS sheet (XLSX, or CSV by its columns) from an upload's bytes."""
    workbook = name.lower().endswith((".xlsx", ".xlsm"))
    return read_cns(io.BytesIO(data) if workbook else io.StringIO(data.decode("utf-8-sig")))
