"""Hostile values in every form field (#15), through Streamlit's AppTest: a clear message or a clean
page, never an exception, live markup or a half-stored record.

Every text input, text area and number input of every page is fed a table of hostile values: huge
text, negative numbers, NaN, 1e309, "1,0", unicode digits, empty, whitespace, markdown images,
script tags and mathtext for text; ±inf, NaN, ±1e12, -1 and 0 for numbers (AppTest sets them as a
crafted client would, past the widget's own min/max). What must hold after each run:

- no exception box;
- no text element carries a markdown image or link, or HTML, built from the value;
- a field that reads a number or a length and gets a malformed one says so (an error or warning);
- a form that saves (the Data page's Save) either refuses with a message and the store's dump is
  unchanged, or saves a record that passes the schema's validation: never half, never silently bad.

File uploaders go through :func:`geodata.formats.reader.read_launch_file`, which
``tests/formats/test_hostile.py`` feeds its hostile files; AppTest cannot upload a file.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geodata.events import validate_launches
from geodata.store import Store
from tests.dashboard.test_hostile_urls import LIVE
from tests.dashboard.test_pages import APP

pytestmark = pytest.mark.slow  # ~300 AppTest runs

TEXT_VALUES = {
    "huge": "9" * 100_000,
    "negative": "-1",
    "nan": "NaN",
    "overflow": "1e309",
    "decimal comma": "1,0",
    "unicode digits": "\u0661\u0662\u0663",  # Arabic-Indic 123
    "fullwidth digits": "\uff11\uff10\uff10\uff10 km",
    "empty": "",
    "whitespace": " \t  ",
    "markdown image": "![x](http://127.0.0.9/u.png)",
    "javascript link": "[x](javascript:alert(1))",
    "script": "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "mathtext": "$\\foo$ $5 or $10",
    "rtl override": "\u202eelif.exe",
}
NUMBER_VALUES = {
    "inf": math.inf,
    "-inf": -math.inf,
    "nan": math.nan,
    "huge": 1e12,
    "huge negative": -1e12,
    "negative": -1.0,
    "zero": 0.0,
}
# Per field, the values it must refuse out loud (a length or a coordinate it cannot read is never
# taken as something else, nor dropped without a word). "1,0" is a valid coordinate (1°N 0°E), and a
# place name may be a number-like word a city search matches, so those fields refuse fewer.
LENGTHS = ("negative", "nan", "overflow", "decimal comma", "markdown image", "javascript link", "script")
POINTS = ("overflow", "unicode digits", "markdown image", "javascript link", "script")
COORDINATES = ("huge", "negative", "nan", "overflow", "unicode digits", "markdown image", "script")

# (page, kind, label, values it must refuse, setup) — setup: widget values set before the field.
FIELDS = [
    ("range_planner", "text_input", "Typed ranges", LENGTHS, {}),
    ("range_planner", "text_input", "Find a place", (), {}),
    ("range_planner", "text_input", "Distance from", POINTS, {"Distance to": "Seoul"}),
    ("range_planner", "text_input", "Distance to", POINTS, {"Distance from": "Seoul"}),
    ("range_planner", "text_input", "Coordinates", COORDINATES, {"radio:Origin from": "Coordinates"}),
    ("range_planner", "number_input", "Cities with at least (people)", (), {"Typed ranges": "1000 km"}),
    # The still's three text boxes take each value together: one render a value instead of three.
    ("export", "text_input", "Title|Subtitle|Source credit", (), {}),
    ("export", "text_input", "Ring ranges", LENGTHS, {}),
    ("report_to_map", "text_input", "Outlet", (), {}),
    ("report_to_map", "text_input", "Address of the report", (), {}),
    ("report_to_map", "text_area", "…or paste a report", (), {}),
    ("data", "number_input", "Preliminary for more than (days)", (), {}),
    # Out of its bounds, a number box's value is clamped by Streamlit itself (inf -> the maximum):
    # checked below as "the page never works with a non-finite number".
    ("about", "number_input", "Apogee (km)", (), {}),
    ("about", "number_input", "Distance flown (km)", (), {}),
    ("about", "number_input", "± uncertainty (%)", (), {}),
]
# The Data page's add form: each field hostile while the others hold a valid new launch, then Save.
FORM_BASE = {"ID": "2025-11-09-formtest", "Who said it": "ROK JCS"}
FORM_FIELDS = [
    ("text_input", "ID"),
    ("text_input", "Who said it"),
    ("text_input", "URL"),
    ("text_area", "Notes"),
    ("number_input", "Launch lat (°N)"),
    ("number_input", "Launch lon (°E)"),
    ("number_input", "Missiles"),
    ("number_input", "Distance (km)"),
    ("number_input", "Apogee (km)"),
    ("number_input", "Bearing (°)"),
]
# A queued draft on Report to map: each field hostile, then Accept (or Reject, for its reason box).
REVIEW_FIELDS = [
    ("text_input", "Launched at (UTC, ISO)"),
    ("number_input", "Launch latitude"),
    ("number_input", "Launch longitude"),
    ("number_input", "Missiles"),
    ("number_input", "Distance (km)"),
    ("number_input", "Apogee (km)"),
    ("number_input", "Bearing (°)"),
    ("text_input", "Notes"),
    ("text_input", "Why reject (optional)"),
]
TRIED: list[tuple[str, str, str, str]] = []  # (page, field, value name, outcome) for the hostile-input note


def _open(page: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    if page != "launch_map":
        app.switch_page(f"app_pages/{page}.py")
    return app.run()


def _widget(app: AppTest, kind: str, label: str):
    if kind.startswith("radio:"):
        kind, label = "radio", kind.split(":", 1)[1]
    found = [w for w in getattr(app, kind) if w.label == label]
    assert found, f"no {kind} {label!r} on the page: {[w.label for w in getattr(app, kind)]}"
    return found[0]


def _set(app: AppTest, setup: dict[str, object]) -> None:
    for name, value in setup.items():
        kind = (
            name
            if name.startswith("radio:")
            else next(
                k
                for k in ("text_input", "text_area", "number_input")
                if any(w.label == name for w in getattr(app, k))
            )
        )
        _widget(app, kind, name).set_value(value)


def _texts(app: AppTest) -> list[str]:
    kinds = ("markdown", "caption", "title", "header", "subheader", "warning", "error", "info", "success")
    return [str(element.value) for kind in kinds for element in getattr(app, kind)]


def _check_page(app: AppTest, where: str) -> None:
    assert not app.exception, (where, [e.value[:500] for e in app.exception])
    live = [text[:200] for text in _texts(app) if LIVE.search(text)]
    assert live == [], (where, live)


def _messages(app: AppTest) -> list[str]:
    return [str(e.value) for e in (*app.error, *app.warning)]


# Whole-number boxes: Streamlit's own int() of the client's value fails on ±inf and NaN before any
# page code runs (a crafted websocket message, not something a page can answer): finite values only.
WHOLE_NUMBER_BOXES = {"Cities with at least (people)", "Preliminary for more than (days)", "Missiles"}


def _values(kind: str, label: str) -> dict[str, object]:
    """The hostile values for a box: text, or numbers (finite ones for a whole-number box)."""
    if kind != "number_input":
        return dict(TEXT_VALUES)
    if label in WHOLE_NUMBER_BOXES:
        return {name: value for name, value in NUMBER_VALUES.items() if math.isfinite(value)}
    return dict(NUMBER_VALUES)


def test_corpus__every_field_of_every_page() -> None:
    pages = {page for page, *_ in FIELDS} | {"data"}
    assert pages == {
        "range_planner",
        "export",
        "report_to_map",
        "data",
        "about",
    }  # the map and History have none
    total = inputs_tried()
    assert total >= 250


def inputs_tried() -> int:
    """Hostile values the corpus types, one per field and value (boxes filled together count each)."""
    return sum(len(_values(kind, label)) * len(label.split("|")) for _, kind, label, *_ in FIELDS) + sum(
        len(_values(kind, label)) for kind, label in (*FORM_FIELDS, *REVIEW_FIELDS)
    )


@pytest.mark.parametrize(("page", "kind", "label", "refuses", "setup"), FIELDS, ids=lambda v: str(v)[:30])
def test_form_field__hostile_values_give_a_message_or_a_clean_page(
    page: str, kind: str, label: str, refuses: tuple[str, ...], setup: dict
) -> None:
    app = _open(page)
    _set(app, setup)
    app.run()
    labels = label.split("|")
    for name, value in _values(kind, label).items():
        for each in labels:
            _widget(app, kind, each).set_value(value)
        app.run()
        where = f"{page} · {label} = {name}"
        _check_page(app, where)
        messages = _messages(app)
        if kind == "number_input":
            shown = _widget(app, kind, label).value
            assert shown is None or math.isfinite(shown), f"{where}: the page holds {shown!r}"
        if name in refuses:
            assert messages, f"{where}: taken without a word"
        TRIED.append((page, label, name, "message" if messages else "clean page"))


def _stored(db: Path) -> dict:
    store = Store(db)
    dump = store.dump()
    store.engine.dispose()
    dump.pop("dumped_at", None)
    return dump


def _form(db: Path, label: str) -> AppTest:
    app = _open("data")
    _set(app, {k: v for k, v in FORM_BASE.items() if k != label})
    return app


@pytest.mark.parametrize(("kind", "label"), FORM_FIELDS, ids=lambda v: str(v)[:30])
def test_data_form__hostile_field_is_refused_whole_or_saved_valid(kind: str, label: str) -> None:
    db = Path(os.environ["LAUNCHMAP_DB"])
    app = _form(db, label)
    for name, value in _values(kind, label).items():
        before = _stored(db)
        _widget(app, kind, label).set_value(value)
        next(b for b in app.button if b.label == "Save").click()
        app.run()
        where = f"data form · {label} = {name}"
        _check_page(app, where)
        if app.success:  # saved: the whole record, and a valid one
            store = Store(db)
            launches = store.launches()
            _valid, errors = validate_launches(launches, site_ids=set(store.sites()["id"]))
            assert errors == [], (where, errors[:3])
            table = before["tables"]["launches"]
            assert len(launches) == len(table["rows"]) + 1
            assert len(store.sources()) == len(before["tables"]["launch_sources"]["rows"]) + 1
            (added,) = set(launches["id"]) - {row[table["columns"].index("id")] for row in table["rows"]}
            store.delete_launch(added, actor="test")  # the next value starts from the same store
            store.engine.dispose()
            TRIED.append(("data", label, name, "saved valid"))
            _set(app, {k: v for k, v in FORM_BASE.items() if k != label})  # the form stays a new launch
        else:
            assert any(m.startswith("Not saved") for m in _messages(app)), (where, _messages(app))
            assert _stored(db) == before, f"{where}: refused, yet the store changed"
            TRIED.append(("data", label, name, "refused whole"))


@pytest.mark.parametrize(("kind", "label"), REVIEW_FIELDS, ids=lambda v: str(v)[:30])
def test_review_draft__hostile_field_is_refused_whole_or_decided_valid(kind: str, label: str) -> None:
    from tests.dashboard.test_report_review import journey_text, queue_pasted

    db = Path(os.environ["LAUNCHMAP_DB"])
    rejecting = label.startswith("Why reject")
    for name, value in _values(kind, label).items():
        app = queue_pasted(journey_text("accept"))  # a fresh draft for each value
        before = _stored(db)
        _widget(app, kind, label).set_value(value)
        next(b for b in app.button if b.label == ("Reject" if rejecting else "Accept and save")).click()
        app.run()
        where = f"review draft · {label} = {name}"
        _check_page(app, where)
        store = Store(db)
        if any("Saved as" in s.value for s in app.success):  # saved: the whole record, and a valid one
            launches = store.launches()
            _valid, errors = validate_launches(launches, site_ids=set(store.sites()["id"]))
            assert errors == [], (where, errors[:3])
            assert len(launches) == len(before["tables"]["launches"]["rows"]) + 1
            store.delete_launch("2023-03-16-sunan", actor="test")  # the next value starts from the same store
            TRIED.append(("report_to_map", label, name, "saved valid"))
        elif rejecting and any("Rejected draft" in i.value for i in app.info):
            assert name != "huge", f"{where}: a 100,000-character reason was kept"
            TRIED.append(("report_to_map", label, name, "rejected"))
        else:
            assert any(m.startswith("Not saved") for m in _messages(app)), (where, _messages(app))
            assert _stored(db) == before, f"{where}: refused, yet the store changed"
            TRIED.append(("report_to_map", label, name, "refused whole"))
        store.engine.dispose()
