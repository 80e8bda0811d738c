"""The words on a still: title, subtitle, date line (KST and UTC), credit line; and what gets a label.

Kept apart from :mod:`geodata.render.stills.compose` (layout and drawing) because these are editorial
rules that are tested on their own:

- the date line shows one event in KST and UTC (KST first: the local day of the launch),
  several as a span of KST dates;
- the credit line always ends with the map and data credits editors must carry;
- sites are labelled most-used first; places by kind (capital, base, territory, city).

>>> credit_line("Source: ROK JCS")
'Source: ROK JCS; Map: launchmap; Natural Earth, GeoNames'
"""

from __future__ import annotations

import textwrap
from datetime import UTC, timedelta, timezone

import pandas as pd

MAP_CREDIT = "Map: launchmap; Natural Earth, GeoNames"
KST = timezone(timedelta(hours=9), "KST")  # Korea has kept UTC+9 without daylight saving since 1988
PLACE_RANK = {"capital": 0, "base": 1, "territory": 2, "city": 3, "other": 4}


def _fmt_time(ts: pd.Timestamp, precision: str, zone: timezone) -> str:
    local = ts.tz_convert(zone)
    if precision == "year":
        return f"{local:%Y}"
    if precision == "month":
        return f"{local:%B %Y}"
    if precision == "day":
        return f"{local.day} {local:%B %Y}"
    return f"{local.day} {local:%B %Y}, {local:%H:%M} {zone.tzname(None)}"


def date_line(launches: pd.DataFrame) -> str:
    """When: one event in KST and UTC, or the span of several (KST dates)."""
    times = launches["launched_at"].dropna() if "launched_at" in launches else pd.Series(dtype=object)
    if times.empty:
        return ""
    if len(times) == 1:
        row = launches.loc[times.index[0]]
        precision = str(row.get("launched_at_precision") or "minute")
        kst, utc = _fmt_time(times.iloc[0], precision, KST), _fmt_time(times.iloc[0], precision, UTC)
        if precision != "minute":
            return kst if kst == utc else f"{kst} (KST) · {utc} (UTC)"
        ts = times.iloc[0]
        if ts.tz_convert(KST).date() == ts.tz_convert(UTC).date():  # one date, two clocks
            return f"{kst} ({ts.tz_convert(UTC):%H:%M} UTC)"
        return f"{kst} · {utc}"
    first, last = times.min().tz_convert(KST), times.max().tz_convert(KST)
    if first.date() == last.date():
        return f"{first.day} {first:%B %Y}, {first:%H:%M}–{last:%H:%M} KST"
    return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y} (KST)"


def credit_line(credit: str | None, sources: pd.DataFrame | None = None) -> str:
    """The credit line: the caller's source credit, always followed by the map and data credits."""
    if not credit:
        names = []
        if sources is not None and "source" in sources:
            names = list(dict.fromkeys(str(s) for s in sources["source"].dropna()))
        credit = "Source: " + (
            ", ".join(names[:4]) + (" and others" if len(names) > 4 else "")
            if names
            else "launchmap database"
        )
    credit = credit.strip().rstrip(";.")
    return credit if "Natural Earth" in credit else f"{credit}; {MAP_CREDIT}"


def default_title(launches: pd.DataFrame, site_names: dict[str, str]) -> str:
    if len(launches) == 1:
        row = launches.iloc[0]
        site = site_names.get(str(row.get("site_id")), str(row.get("site_id") or "an unknown site"))
        return f"{row.get('system') or 'Missile'} launch from {site}"
    if launches.empty:
        return "Launch sites and ranges"
    return f"{len(launches)} launch events"


def default_subtitle(launches: pd.DataFrame) -> str:
    if len(launches) == 1:
        row = launches.iloc[0]
        parts = []
        for column, label in (("distance_km", "flew about {:,.0f} km"), ("apogee_km", "apogee {:,.0f} km")):
            value = row.get(column)
            if value is not None and not pd.isna(value):
                parts.append(label.format(float(value)))
        if isinstance(row.get("landing_area"), str) and row.get("landing_area"):
            parts.append(f"landed in the {row['landing_area']}")
        text = "; ".join(parts)
        return text[:1].upper() + text[1:]
    if launches.empty:
        return ""
    counts = launches["count"] if "count" in launches else pd.Series(1, index=launches.index)
    missiles = pd.to_numeric(counts, errors="coerce").fillna(1).astype(int)
    by_class = missiles.groupby(launches["system_class"]).sum().sort_values(ascending=False)
    return f"{len(launches)} launch events, {missiles.sum()} missiles: " + ", ".join(
        f"{n} {c}" for c, n in by_class.items()
    )


def wrap(text: str, width_in: float, fontsize: float, max_lines: int) -> list[str]:
    chars = max(10, int(width_in * 72 / (fontsize * 0.55)))
    lines = textwrap.wrap(text, chars) or [""]
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], textwrap.shorten(" ".join(lines[max_lines - 1 :]), chars)]
    return lines


def site_rows(launches: pd.DataFrame, sites: pd.DataFrame) -> list[tuple[float, float, str, int]]:
    """``(lat, lon, name, launches)`` of the sites the launches used, most used first."""
    if "site_id" not in launches or sites.empty:
        return []
    counts = launches["site_id"].dropna().astype(str).value_counts()
    used = sites[sites["id"].astype(str).isin(counts.index)]
    rows = [
        (float(lat), float(lon), str(name), int(counts[str(site_id)]))
        for lat, lon, name, site_id in zip(used["lat"], used["lon"], used["name"], used["id"], strict=True)
    ]
    return sorted(rows, key=lambda row: -row[3])


def place_rows(places: pd.DataFrame | None) -> list[tuple[float, float, str, int]]:
    """``(lat, lon, name, rank)`` of places, most important first (capitals, bases, then the rest)."""
    if places is None or places.empty:
        return []
    kinds = places["kind"] if "kind" in places else pd.Series("other", index=places.index)
    ordered = places.assign(place_rank=kinds.map(PLACE_RANK).fillna(len(PLACE_RANK)).astype(int))
    keys = ["place_rank", "population"] if "population" in ordered else ["place_rank"]
    ordered = ordered.sort_values(keys, ascending=[True] + [False] * (len(keys) - 1), kind="stable")
    columns = (ordered["lat"], ordered["lon"], ordered["name"], ordered["place_rank"])
    return [
        (float(lat), float(lon), str(name), int(rank)) for lat, lon, name, rank in zip(*columns, strict=True)
    ]
