"""Stored payloads in the browser (#15): events whose every text field is hostile, on every page and export.

The store is seeded from the fixture history with each free-text field replaced by a payload that
names its field (``sys1``, ``note0``, ``url2``…): script tags, event handlers, ``javascript:`` links,
markdown images to an outside host, mathtext, right-to-left overrides, zero-width and combining
characters and long text. Ids and site ids are slugs (the validator refuses anything else), so they
cannot carry one. Then chromium, with every outside host blocked, opens each page once (the launch
map with the event selected and rings drawn, the planner with the payload system, the globe, the
export preview…), opens every Leaflet popup and tooltip, and asserts for the page and every frame in
it: no payload ran (``__pwned`` unset, no alert), no live markup built from a payload (an element
with an ``on…`` handler, a script or a ``javascript:`` link holding one), no request left the
machine, no exception box, and a payload is on the page as text (so the check is not vacuous).
The exports of the same events: the HTML map and the SVG still opened in chromium run nothing,
KML carries the payloads as escaped text, GeoJSON as plain strings, CSV with no formula cell.

The figures go to ``docs/hostile-input.md`` (see tests/formats/test_hostile_report.py).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import defusedxml.ElementTree as SafeET
import pandas as pd
import pytest

from geodata.formats import standalone_html, to_csv, to_geojson, to_kml
from geodata.formats.csv import FORMULA_STARTS
from geodata.render.leaflet import export_map
from geodata.render.stills import render_still
from geodata.render.stills.view import RingSpec
from geodata.store import Store
from tests.browser.harness import outside_requests, require_browser, served_dashboard, wait_for_map
from tests.conftest import FIXTURE_SEEDS
from tests.dashboard.test_journeys import settle

pytestmark = pytest.mark.browser
RESULTS: dict[str, dict] = {}  # page or export -> what was checked; written out by the last test


def payload(tag: str) -> str:
    """Hostile text that says where it came from when it runs (``__pwned = tag``) or is fetched."""
    return (
        f"{tag} <img src=x onerror=top.__pwned='{tag}'> <script>top.__pwned='{tag}'</script>"
        f" ![p](http://pwned.invalid/{tag}.png) [l](javascript:top.__pwned='{tag}')"
        f" \"'><svg onload=top.__pwned='{tag}'> <details open ontoggle=alert('{tag}')>"
        f" $\\foo$ $5 or $10 \u202egnol\u202c \u200b\ufeff e\u0301 \U0001f680"
        f" </script><script>top.__pwned='{tag}'</script> {{{{7*7}}}} =1+1"
    )


def _rewrite(path: Path, change) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    fields = list(rows[0])
    for number, row in enumerate(rows):
        change(number, row)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def payload_seeds(folder: Path) -> Path:
    """The fixture history with a tagged payload in every free-text field (near their length limits)."""
    shutil.copytree(FIXTURE_SEEDS, folder)
    renamed: dict[str, str] = {}

    def systems(i: int, row: dict) -> None:
        renamed[row["name"]] = row["name"] = payload(f"sys{i}")
        row.update(
            designations=payload(f"des{i}"), range_source=payload(f"rsrc{i}"), notes=payload(f"snote{i}")
        )

    def sites(i: int, row: dict) -> None:
        row.update(name=payload(f"site{i}"), aliases=payload(f"alias{i}"), province=payload(f"prov{i}"))
        row.update(source=payload(f"ssrc{i}"), notes=payload(f"sitenote{i}") + " x" * 7_000)

    def places(i: int, row: dict) -> None:
        row.update(name=payload(f"place{i}"), aliases=payload(f"palias{i}"), country=payload(f"country{i}"))

    def launches(i: int, row: dict) -> None:
        row.update(system=renamed[row["system"]], notes=payload(f"note{i}") + " long" * 3_500)

    def sources(i: int, row: dict) -> None:
        row.update(source=payload(f"src{i}"), outlet=payload(f"outlet{i}"), title=payload(f"title{i}"))
        row["url"] = f"https://pwned.invalid/url{i}?q=\"><script>top.__pwned='url{i}'</script>"

    _rewrite(folder / "systems.csv", systems)
    _rewrite(folder / "sites.csv", sites)
    _rewrite(folder / "places.csv", places)
    _rewrite(folder / "launches.csv", launches)
    _rewrite(folder / "launch_sources.csv", sources)
    return folder


# --- what a page may not do -----------------------------------------------------------------------

# For the page and every same-origin frame in it (recursively): did a payload run, is there live
# markup built from one, and which payload tags are on the page as text.
PROBE = """
const found = {ran: [], live: [], tags: [], frames: 0, blocked: 0};
const visit = (win) => {
  let doc;
  try { doc = win.document; void doc.body; } catch (e) { found.blocked++; return; }
  if (!doc || !doc.body) return;
  found.frames++;
  if (win.__pwned !== undefined) found.ran.push(String(win.__pwned));
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase(), value = attr.value || '';
      if (name.startsWith('on') && value.includes('pwned')) found.live.push(el.tagName + ' ' + name);
      if ((name === 'href' || name === 'src') && /^\\s*javascript:/i.test(value)) found.live.push(el.tagName + ' ' + name);
    }
    // a script element made from a payload (one that broke out of a string or was inserted as HTML)
    if (el.tagName === 'SCRIPT' && /^\\s*top\\.__pwned/.test(el.textContent || '')) found.live.push('SCRIPT');
  }
  const text = doc.body.innerText || '';
  for (const m of text.matchAll(/\\b(sys|des|rsrc|snote|site|alias|prov|ssrc|sitenote|place|palias|country|note|src|outlet|title|url)(\\d+)\\b/g)) {
    if (!found.tags.includes(m[0])) found.tags.push(m[0]);
  }
  for (const frame of doc.querySelectorAll('iframe')) { if (frame.contentWindow) visit(frame.contentWindow); }
};
visit(window);
return found;
"""

# Open every popup and tooltip of every Leaflet map in the page's frames: their HTML is built on open.
OPEN_POPUPS = """
let opened = 0;
const visit = (win) => {
  let doc;
  try { doc = win.document; void doc.body; } catch (e) { return; }
  if (win.L) {
    for (const key of Object.keys(win)) {
      let map;
      try { map = win[key]; } catch (e) { continue; }
      if (!(map instanceof win.L.Map)) continue;
      map.eachLayer((layer) => {
        try {
          if (layer.getPopup && layer.getPopup()) { layer.openPopup(); opened++; }
          if (layer.getTooltip && layer.getTooltip()) { layer.openTooltip(); opened++; }
        } catch (e) { }
      });
      for (const control of doc.querySelectorAll('.leaflet-control-layers')) {
        control.classList.add('leaflet-control-layers-expanded');
      }
    }
  }
  for (const frame of doc.querySelectorAll('iframe')) { if (frame.contentWindow) visit(frame.contentWindow); }
};
visit(window);
return opened;
"""


def _alert_text(driver) -> str | None:
    """The text of an open alert (accepted so the session goes on), or None."""
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.accept()
        return text
    except NoAlertPresentException:
        return None


def _probe(driver) -> dict:
    from selenium.common.exceptions import UnexpectedAlertPresentException

    alerts = []
    for _ in range(5):
        try:
            found = driver.execute_script(PROBE)
            break
        except UnexpectedAlertPresentException:
            alerts.append(_alert_text(driver) or "alert")
    else:
        raise AssertionError(f"alerts kept opening: {alerts}")
    found["alerts"] = alerts + [a for a in [_alert_text(driver)] if a]
    return found


def _settle(driver) -> None:
    """Wait until Streamlit finished the run, then give its component frames time to draw."""
    settle(driver, timeout_s=60)
    time.sleep(3)  # map and chart frames load their scripts after the run


# --- the served dashboard on the payload store ----------------------------------------------------------

SYSTEM = "sys1"  # Hwasong-15 in the fixtures, launched from Sunan on 2017-11-28
EVENT = "2017-11-28-sunan"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return payload_seeds(tmp_path_factory.mktemp("payloads") / "seeds")


@pytest.fixture(scope="module")
def store(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    seeded = Store(tmp_path_factory.mktemp("payload-store") / "store.db")
    seeded.seed(seeds)
    return seeded


@pytest.fixture(scope="module")
def dashboard(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_browser()
    with served_dashboard(tmp_path_factory.mktemp("payload-served") / "store.db", seeds=seeds) as base:
        yield base


def _pages(system_name: str) -> dict[str, str]:
    return {
        "launch map, event selected": "/?" + urlencode({"event": EVENT}),
        "history": "/history",
        "range planner": "/range_planner?" + urlencode({"origin": "sunan", "systems": system_name}),
        "globe & flight": "/flight?" + urlencode({"event": EVENT}),
        "export preview": "/export?"
        + urlencode({"event": EVENT, "ring_site": "sunan", "ring_ranges": system_name}),
        "data": "/data",
        "report to map": "/report_to_map",
        "about": "/about",
    }


# Pages that show stored text: a payload tag must be readable there, or the test saw nothing.
MAP_PAGES = {"launch map, event selected", "range planner"}  # a Leaflet map whose popups are opened
SHOWS_STORED_TEXT = {"launch map, event selected", "range planner", "globe & flight", "export preview"}


def test_stored_payloads__seeded_whole(store: Store) -> None:
    launches, sources = store.launches(), store.sources()
    assert len(launches) == 3 and len(sources) == 5
    assert launches["notes"].str.contains("top.__pwned='note0'", regex=False).any()
    assert store.sites()["name"].str.contains("<script>", regex=False).all()


@pytest.mark.parametrize("page", list(_pages("")))
def test_stored_payloads__page_runs_nothing_and_sends_nothing_out(
    page: str, dashboard: str, browser, store
) -> None:
    system_name = store.launches().set_index("id").at[EVENT, "system"]
    assert system_name.startswith(SYSTEM + " ")
    outside_requests(browser)  # drop what an earlier page logged
    browser.get(dashboard + _pages(system_name)[page])
    _settle(browser)
    if page in MAP_PAGES:
        wait_for_map(browser, min_paths=2, timeout_s=60)
    opened = browser.execute_script(OPEN_POPUPS)
    time.sleep(0.5)
    found = _probe(browser)
    exceptions = [e.text[:300] for e in browser.find_elements("css selector", "[data-testid='stException']")]
    outside = outside_requests(browser)
    browser.save_screenshot(f"/tmp/stored-payloads-{page.split(',')[0].replace(' ', '-')}.png")
    RESULTS[page] = {"frames": found["frames"], "popups": opened, "tags": len(found["tags"]), "ran": found["ran"],
                     "alerts": found["alerts"], "live": found["live"], "outside": outside, "exceptions": exceptions}  # fmt: skip
    assert found["ran"] == [] and found["alerts"] == [], found
    assert found["live"] == [], found["live"][:10]
    assert outside == [], outside[:10]
    assert exceptions == []
    if page in SHOWS_STORED_TEXT:
        assert found["tags"], f"no stored payload is on the {page} page: the check saw nothing"
    if page in MAP_PAGES:
        assert opened >= 3, f"only {opened} popups and tooltips opened on the {page} map"


# --- exports of the same events ---------------------------------------------------------------------------


def _ring(store: Store) -> RingSpec:
    return RingSpec(39.224, 125.67, 1_000, payload("ring0"))


def test_stored_payloads__html_export_runs_nothing_in_chromium(store: Store, browser, tmp_path: Path) -> None:
    require_browser()
    page = tmp_path / "export.html"
    folium_map = export_map(store.launches(), store.sites(), [_ring(store)], vendor_url="/app/static/vendor")
    page.write_text(
        standalone_html(folium_map, title=payload("htmltitle"), records=payload("records")), "utf-8"
    )
    outside_requests(browser)
    browser.get(page.as_uri())
    time.sleep(2)
    opened = browser.execute_script(OPEN_POPUPS)
    time.sleep(0.5)
    found = _probe(browser)
    outside = outside_requests(browser)
    browser.save_screenshot("/tmp/stored-payloads-html-export.png")
    RESULTS["HTML export"] = {"frames": found["frames"], "popups": opened, "tags": len(found["tags"]),
                              "ran": found["ran"], "alerts": found["alerts"], "live": found["live"], "outside": outside}  # fmt: skip
    assert opened >= 3 and found["tags"], (opened, found)
    assert found["ran"] == [] and found["alerts"] == [] and found["live"] == [], found
    assert outside == []


def test_stored_payloads__svg_still_runs_nothing(store: Store, browser, tmp_path: Path) -> None:
    require_browser()
    svg = render_still(
        store.launches(), sites=store.sites(), places=store.places(), rings=(_ring(store),), fmt="svg",
        title=payload("stilltitle"), subtitle=payload("stillsub"), credit=payload("stillcredit"),
        sources=store.sources(),
    )  # fmt: skip
    tree = SafeET.fromstring(svg)
    elements = [el.tag.rsplit("}", 1)[-1] for el in tree.iter()]
    handlers = [k for el in tree.iter() for k in el.attrib if k.lower().startswith("on")]
    hrefs = [v for el in tree.iter() for k, v in el.attrib.items() if k.endswith("href") and not v.startswith(("#", "data:"))]  # fmt: skip
    assert "script" not in elements and "foreignObject" not in elements and handlers == [] and hrefs == []
    path = tmp_path / "still.svg"
    path.write_bytes(svg)
    outside_requests(browser)
    browser.get(path.as_uri())
    time.sleep(1)
    found = _probe(browser)
    RESULTS["SVG still"] = {"ran": found["ran"], "alerts": found["alerts"], "live": found["live"],
                            "outside": outside_requests(browser)}  # fmt: skip
    assert found["ran"] == [] and found["alerts"] == [] and found["live"] == []
    assert RESULTS["SVG still"]["outside"] == []


def test_stored_payloads__kml_carries_them_as_escaped_text(store: Store) -> None:
    kml = to_kml(store.launches(), store.sources(), [_ring(store)], payload("records"))
    tree = SafeET.fromstring(kml.encode())
    tags = {el.tag.rsplit("}", 1)[-1] for el in tree.iter()}
    assert not tags & {"script", "img", "svg", "a", "details"}  # no element made from a payload
    descriptions = [el.text or "" for el in tree.iter() if el.tag.endswith("description")]
    assert any("note0" in d for d in descriptions)
    # Google Earth renders a description as HTML: the payload's markup must arrive escaped inside it.
    balloon = "".join(descriptions)
    assert "<img" not in balloon and "<script" not in balloon and "<svg" not in balloon
    assert "javascript:" not in balloon.replace("[l](javascript:", "")  # only inside escaped text
    assert 'href="https://pwned.invalid/url1?q=&quot;&gt;&lt;script&gt;' in balloon
    RESULTS["KML"] = {"descriptions": len(descriptions), "live": 0}


def test_stored_payloads__geojson_keeps_them_as_plain_strings(store: Store) -> None:
    collection = json.loads(json.dumps(to_geojson(store.launches(), store.sources(), [_ring(store)])))
    texts = [v for f in collection["features"] for v in f["properties"].values() if isinstance(v, str)]
    assert any(text.startswith("sys1 <img") for text in texts)  # the text as stored, for a reader to escape
    RESULTS["GeoJSON"] = {"features": len(collection["features"])}


def test_stored_payloads__csv_has_no_formula_cell(store: Store) -> None:
    launches = store.launches().copy()
    launches.loc[0, "notes"] = '=HYPERLINK("http://pwned.invalid","x")'
    launches.loc[1, "notes"] = "+1+cmd|' /C calc'!A0"
    launches.loc[2, "notes"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    text = to_csv(launches, store.sources())
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert [c for c in cells if c.startswith(FORMULA_STARTS)] == []
    assert "'=HYPERLINK(" in text and "'+1+cmd" in text and "'@SUM(" in text
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert (frame["sources_json"].str.len() > 0).all()  # the sources went along, as text
    RESULTS["CSV"] = {"cells": len(cells), "formula_cells": 0}


def test_stored_payloads__summary() -> None:
    """Every page and export above was checked: what the hostile-input note reports."""
    checked = [name for name in RESULTS if "ran" in RESULTS[name]]
    if len(checked) < len(_pages("")) + 2:
        pytest.skip("run with the whole module to collect the summary")
    ran = sum(len(r["ran"]) + len(r["alerts"]) for r in RESULTS.values() if "ran" in r)
    outside = sum(len(r["outside"]) for r in RESULTS.values() if "outside" in r)
    assert ran == 0 and outside == 0
    out = Path(__file__).resolve().parents[2] / "artifacts" / "stored-payloads.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(RESULTS, indent=1, default=str), encoding="utf-8")
