"""Checks that keep the seed launch history honest: loading, references, dates, figures, coverage.

The checks read ``seeds/*.csv`` and ``seeds/README.md`` as shipped. Sites, places and
system ranges are checked in ``tests/geo/test_places.py``; the README's column dictionary in
``tests/seeds/test_docs.py``. Where real data legitimately breaks a rule, the exception is an
explicit, commented allow-list keyed by event id below, so every other row is still held
to the rule.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from geodata.events import headline_rank, validate_launches, validate_sources
from geodata.store import Store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
README = SEEDS / "README.md"
KOREA = "Asia/Seoul"
FIGURES = ("distance_km", "apogee_km", "flight_time_s", "count")


@dataclass(frozen=True)
class Bounds:
    """Largest plausible reported figure for a class; None leaves only the schema's range."""

    distance_km: float | None
    apogee_km: float | None
    flight_time_s: float | None


# Plausibility bounds per class, with margin above the largest test flown so far.
# Distances: SRBM < 1,000 km by definition, ~1,500 km allows a loose report; MRBM 1,000-3,000;
# IRBM 3,000-5,500; ICBMs are flown lofted (~1,000 km) but a full-range shot is ~13,000+ km.
# Apogees: a 1,000-km SRBM on a minimum-energy path peaks near 250 km; lofted Nodong/Pukguksong-2
# ~550 km; lofted Hwasong-12 ~2,100 km; Hwasong-18/19 6,000-7,700 km (KCNA 7,687.5 km, Oct 2024).
# Cruise missiles fly low: any reported altitude above 10 km is a mistyped figure. Flight times:
# the longest ICBM flight was 86 min (Japan MoD, 31 Oct 2024); KCNA's cruise flights last ~2.5 h.
CLASS_BOUNDS: dict[str, Bounds] = {
    "SRBM": Bounds(distance_km=1_500, apogee_km=300, flight_time_s=1_200),
    "MRBM": Bounds(distance_km=3_000, apogee_km=1_500, flight_time_s=1_800),
    "IRBM": Bounds(distance_km=5_500, apogee_km=3_000, flight_time_s=2_700),
    "ICBM": Bounds(distance_km=16_000, apogee_km=8_000, flight_time_s=6_000),
    "SLBM": Bounds(distance_km=3_000, apogee_km=1_500, flight_time_s=1_800),
    "HGV": Bounds(distance_km=5_500, apogee_km=300, flight_time_s=1_800),
    "cruise": Bounds(distance_km=3_000, apogee_km=10, flight_time_s=12_000),
    # Satellite launchers go to orbit; class unknown covers lofted ICBM-like shots (2022-05-04).
    "SLV": Bounds(distance_km=None, apogee_km=None, flight_time_s=None),
    "unknown": Bounds(distance_km=16_000, apogee_km=8_000, flight_time_s=6_000),
}

# Event figures that differ from the headline source's on purpose, keyed by event id.
HEADLINE_EXCEPTIONS: dict[str, tuple[set[str], str]] = {
    "2016-08-03-unnyul": ({"count"}, "JCS saw one missile; US STRATCOM: two fired, one exploded at launch"),
    "2022-05-25-sunan-b": ({"apogee_km"}, "JCS lost track at ~20 km altitude (failure); not an apogee"),
    # JCS gave 8 SRBMs for the whole morning from four areas; the events split them two per area.
    "2022-06-05-hamhung": ({"count"}, "JCS total of 8 split over four sites"),
    "2022-06-05-kaechon": ({"count"}, "JCS total of 8 split over four sites"),
    "2022-06-05-sohae": ({"count"}, "JCS total of 8 split over four sites"),
    "2022-06-05-sunan": ({"count"}, "JCS total of 8 split over four sites"),
    "2023-03-09-nampo": ({"count"}, "JCS first said one; later JCS reporting (KBS) six"),
    "2024-05-30-sunan": ({"count"}, "JCS about 10; KCNA 18, shown in its photos"),
}

# Figures a lower-ranked source gave that the event leaves blank on purpose, with the reason.
UNFILLED_ON_PURPOSE: dict[tuple[str, str], str] = {
    (
        "2006-07-05-tonghae",
        "distance_km",
    ): "Japan's early 640 km was withdrawn; the missile failed near the pad",
    ("2022-05-25-sunan-b", "apogee_km"): "JCS lost track at ~20 km altitude (failure); not an apogee",
}

# Launches of one system from one site within an hour that are really separate events.
SEPARATE_LAUNCHES: dict[tuple[str, str], str] = {
    ("2006-07-05-kittaeryong", "2006-07-05-kittaeryong-2"): "03:33 and 04:04 KST in Japan's timeline",
    ("2024-07-01-jangyon", "2024-07-01-jangyon-b"): "JCS: 10 min apart; ~600 km vs failed at ~120 km",
    ("2025-04-28-nampo", "2025-04-28-nampo-b"): "KCNA: a strategic and a supersonic cruise missile",
}

FIRST_YEAR, LAST_YEAR = 1984, 2025

# YYYY-MM-DD-slug (day or minute precision), YYYY-MM-slug (month), YYYY-slug (year precision).
ID_PATTERN = re.compile(r"(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)-(?P<slug>[a-z][a-z0-9]*(?:-[a-z0-9]+)*)")
ID_DATE_FORMAT = {"minute": "%Y-%m-%d", "day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def _raw(name: str) -> pd.DataFrame:
    return pd.read_csv(SEEDS / name, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def launches() -> pd.DataFrame:
    frame, _errors = validate_launches(
        _raw("launches.csv"), site_ids=_raw("sites.csv")["id"], system_names=_raw("systems.csv")["name"]
    )
    return frame.set_index("id", drop=False)


@pytest.fixture(scope="module")
def sources(launches: pd.DataFrame) -> pd.DataFrame:
    frame, _errors = validate_sources(_raw("launch_sources.csv"), launch_ids=launches["id"])
    return frame


def _korea_year(launches: pd.DataFrame) -> pd.Series:
    return launches["launched_at"].dt.tz_convert(KOREA).dt.year


def _readme_section(heading: str) -> list[str]:
    """Lines under the README heading that contains ``heading``, up to the next heading."""
    lines = README.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("#") and heading in line), None)
    assert start is not None, f"seeds/README.md has no heading containing {heading!r}"
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    return lines[start + 1 : end]


def _table_rows(heading: str) -> Iterator[list[str]]:
    """Cells of each data row of the markdown table in a README section."""
    for line in _readme_section(heading):
        if line.startswith("|") and not re.fullmatch(r"[|:\- ]+", line):
            yield [cell.strip() for cell in line.strip().strip("|").split("|")]


def _counts_table(heading: str) -> dict[str, tuple[int, int]]:
    rows = list(_table_rows(heading))[1:]  # first row is the header
    return {row[0].strip("*"): (int(row[1].strip("*")), int(row[2].strip("*"))) for row in rows}


# --- loading and references ------------------------------------------------------------------


def test_seeds__load_into_a_fresh_store() -> None:
    store = Store("sqlite://")
    store.seed(SEEDS)  # raises InvalidEvent on any invalid row
    assert len(store.launches()) == len(_raw("launches.csv"))
    assert len(store.sources()) == len(_raw("launch_sources.csv"))
    assert store.sources().groupby("launch_id")["is_headline"].sum().eq(1).all()


def test_launches__every_row_validates_with_known_site_and_system() -> None:
    _valid, errors = validate_launches(
        _raw("launches.csv"), site_ids=_raw("sites.csv")["id"], system_names=_raw("systems.csv")["name"]
    )
    assert [str(e) for e in errors] == []


def test_launches__class_matches_the_system_table(launches: pd.DataFrame) -> None:
    classes = _raw("systems.csv").set_index("name")["system_class"]
    wrong = {
        r.id: (r.system, r.system_class) for r in launches.itertuples() if classes[r.system] != r.system_class
    }
    assert wrong == {}


def test_sources__every_row_validates_and_names_a_launch() -> None:
    launch_ids = _raw("launches.csv")["id"]
    _valid, errors = validate_sources(_raw("launch_sources.csv"), launch_ids=launch_ids)
    assert [str(e) for e in errors] == []


def test_sources__every_launch_has_sources_and_one_headline(
    launches: pd.DataFrame, sources: pd.DataFrame
) -> None:
    per_launch = sources.groupby("launch_id")
    assert set(launches["id"]) - set(sources["launch_id"]) == set()
    headlines = per_launch["is_headline"].sum()
    assert headlines[headlines != 1].to_dict() == {}


# --- dates and ids ---------------------------------------------------------------------------


def test_launches__dates_within_1984_and_now(launches: pd.DataFrame) -> None:
    now = pd.Timestamp.now(tz="UTC")
    early = pd.Timestamp(f"{FIRST_YEAR}-01-01", tz="UTC")
    outside = launches[(launches["launched_at"] > now) | (launches["launched_at"] < early)]
    assert outside["launched_at"].astype(str).to_dict() == {}


def test_launches__ids_are_date_then_slug(launches: pd.DataFrame) -> None:
    bad = {}
    for event in launches.itertuples():
        match = ID_PATTERN.fullmatch(event.id)
        if match is None:
            bad[event.id] = "not YYYY-MM-DD-slug, YYYY-MM-slug or YYYY-slug"
            continue
        fmt = ID_DATE_FORMAT[event.launched_at_precision]
        utc_date = event.launched_at.strftime(fmt)
        korea_date = event.launched_at.tz_convert(KOREA).strftime(fmt)
        # Minute-precise ids use the Korean day (how the launch is known); a day-precise record
        # carries only a date, so either reading of it is accepted.
        allowed = {korea_date} if event.launched_at_precision == "minute" else {utc_date, korea_date}
        if match["date"] not in allowed:
            bad[event.id] = (
                f"date part should be one of {sorted(allowed)} for {event.launched_at.isoformat()}"
            )
    assert bad == {}


@pytest.mark.parametrize("precision", ["month", "year"])
def test_launches__imprecise_times_start_their_period(launches: pd.DataFrame, precision: str) -> None:
    imprecise = launches[launches["launched_at_precision"] == precision]
    naive_utc = imprecise["launched_at"].dt.tz_convert("UTC").dt.tz_localize(None)
    start = naive_utc.dt.to_period("M" if precision == "month" else "Y").dt.start_time
    wrong = imprecise[naive_utc != start]
    assert wrong["launched_at"].astype(str).to_dict() == {}


def test_launches__no_duplicate_events(launches: pd.DataFrame) -> None:
    close: set[frozenset[str]] = set()
    for _key, group in launches.sort_values("launched_at").groupby(["site_id", "system"]):
        times = list(zip(group["id"], group["launched_at"], strict=True))
        for (first, first_at), (second, second_at) in itertools.pairwise(times):
            if second_at - first_at <= pd.Timedelta(hours=1):
                close.add(frozenset({first, second}))
    separate = {frozenset(pair) for pair in SEPARATE_LAUNCHES}
    assert close - separate == set()
    assert separate - close == set(), "stale SEPARATE_LAUNCHES entry"


def test_sources__published_no_earlier_than_the_day_before_launch(
    launches: pd.DataFrame, sources: pd.DataFrame
) -> None:
    published = pd.to_datetime(sources["published_on"]).dt.tz_localize("UTC")
    launched = sources["launch_id"].map(launches["launched_at"]).dt.normalize()
    early = sources[published < launched - pd.Timedelta(days=1)]
    assert early[["launch_id", "source", "published_on"]].to_dict("records") == []


def test_sources__urls_are_http(sources: pd.DataFrame) -> None:
    urls = sources["url"].dropna()
    bad = urls[~urls.str.fullmatch(r"https?://\S+")]
    assert sources.loc[bad.index, ["launch_id", "url"]].to_dict("records") == []


# --- figures ---------------------------------------------------------------------------------


@pytest.mark.parametrize("figure", ["distance_km", "apogee_km", "flight_time_s"])
def test_figures__plausible_for_the_class(launches: pd.DataFrame, sources: pd.DataFrame, figure: str) -> None:
    reported = sources.assign(system_class=sources["launch_id"].map(launches["system_class"]))
    rows = [(e.id, "event", e.system_class, getattr(e, figure)) for e in launches.itertuples()]
    rows += [(s.launch_id, s.source, s.system_class, getattr(s, figure)) for s in reported.itertuples()]
    too_big = [
        (event_id, who, system_class, value)
        for event_id, who, system_class, value in rows
        if pd.notna(value)
        and (limit := getattr(CLASS_BOUNDS[system_class], figure)) is not None
        and value > limit
    ]
    assert too_big == []
    assert set(launches["system_class"]) <= set(CLASS_BOUNDS)


def test_figures__event_shows_its_headline_source(launches: pd.DataFrame, sources: pd.DataFrame) -> None:
    headline = sources[sources["is_headline"]].set_index("launch_id")
    mismatches: dict[str, dict[str, tuple[object, object]]] = {}
    for launch_id, source in headline.iterrows():
        for figure in FIGURES:
            said, shown = source[figure], launches.at[launch_id, figure]
            if pd.notna(said) and (pd.isna(shown) or float(said) != float(shown)):
                mismatches.setdefault(str(launch_id), {})[figure] = (shown, said)
    unexplained = {
        launch_id: figures
        for launch_id, figures in mismatches.items()
        if set(figures) != HEADLINE_EXCEPTIONS.get(launch_id, (set(), ""))[0]
    }
    assert unexplained == {}, "event (shown, headline said); fix the row or add a reasoned exception"
    assert set(HEADLINE_EXCEPTIONS) - set(mismatches) == set(), "stale HEADLINE_EXCEPTIONS entry"


def test_figures__silent_headline_is_completed_by_the_next_source(
    launches: pd.DataFrame, sources: pd.DataFrame
) -> None:
    """A figure the headline source did not give comes from the highest-ranked source that did."""
    missing = []
    ranked = sources.assign(rank=sources["source"].map(headline_rank)).sort_values(
        ["is_headline", "rank", "published_on"], ascending=[False, True, True]
    )
    for launch_id, group in ranked.groupby("launch_id", sort=False):
        for figure in ("distance_km", "apogee_km", "flight_time_s"):
            given = group[figure].dropna()
            shown = launches.at[launch_id, figure]
            if len(given) and pd.isna(shown) and (launch_id, figure) not in UNFILLED_ON_PURPOSE:
                missing.append((launch_id, figure, float(given.iloc[0])))
    assert missing == [], "event leaves blank a figure a source gave"
    stale = [key for key in UNFILLED_ON_PURPOSE if pd.notna(launches.at[key[0], key[1]])]
    assert stale == [], "stale UNFILLED_ON_PURPOSE entry"


def test_figures__taegwan_2025_11_07_keeps_both_governments(
    launches: pd.DataFrame, sources: pd.DataFrame
) -> None:
    event = launches.loc["2025-11-07-taegwan"]
    assert event["site_id"] == "taegwan"
    assert event["launched_at"].tz_convert(KOREA).date().isoformat() == "2025-11-07"
    assert event["distance_km"] == pytest.approx(700, abs=10)
    reported = sources[sources["launch_id"] == "2025-11-07-taegwan"].set_index("source")
    jcs = reported.loc[reported["is_headline"]]
    assert list(jcs.index) == ["ROK JCS"]
    assert jcs["distance_km"].iloc[0] == pytest.approx(700, abs=10)
    japan = reported.loc[["Japan MoD"]].iloc[0]
    assert (japan["distance_km"], japan["apogee_km"]) == (
        pytest.approx(450, abs=10),
        pytest.approx(50, abs=5),
    )


def test_figures__hwasong_15_first_flight(launches: pd.DataFrame) -> None:
    korea_day = launches["launched_at"].dt.tz_convert(KOREA).dt.date.astype(str)
    flight = launches[(launches["system"] == "Hwasong-15") & (korea_day == "2017-11-29")]
    assert len(flight) == 1
    assert flight["system_class"].iloc[0] == "ICBM"
    assert 4_475 <= flight["apogee_km"].iloc[0] <= 4_500


# --- coverage and the README's numbers -------------------------------------------------------


def test_coverage__every_year_has_a_launch_or_a_checked_reason(launches: pd.DataFrame) -> None:
    checked = {int(row[0]): row[1] for row in list(_table_rows("no launch"))[1:]}
    active = set(_korea_year(launches))
    assert all(checked.values()), "each checked year needs a reason"
    assert set(checked) & active == set(), "listed as a zero-launch year but has events"
    assert set(range(FIRST_YEAR, LAST_YEAR + 1)) - active - set(checked) == set()


def test_readme__counts_per_year_match_the_data(launches: pd.DataFrame) -> None:
    years = launches.groupby(_korea_year(launches))["count"].agg(["size", "sum"])
    expected = {str(year): (int(row["size"]), int(row["sum"])) for year, row in years.iterrows()}
    expected["total"] = (len(launches), int(launches["count"].sum()))
    assert _counts_table("per year") == expected


def test_readme__counts_per_class_match_the_data(launches: pd.DataFrame) -> None:
    classes = launches.groupby("system_class")["count"].agg(["size", "sum"])
    expected = {str(name): (int(row["size"]), int(row["sum"])) for name, row in classes.iterrows()}
    expected["total"] = (len(launches), int(launches["count"].sum()))
    assert _counts_table("per class") == expected


def test_readme__placeholder_sites_are_marked_unknown() -> None:
    placeholders = set(re.findall(r"`([a-z-]+)`", "\n".join(_readme_section("Placeholder sites"))))
    kinds = _raw("sites.csv").set_index("id")["kind"]
    assert placeholders, "README lists no placeholder sites"
    assert {site: kinds.get(site) for site in placeholders if kinds.get(site) != "unknown"} == {}
