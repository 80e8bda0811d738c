"""The one schema: every table launchmap stores, its columns, types, units and allowed values.

This module is the single source of truth. Validation (:mod:`geodata.events`), the
store's tables (:mod:`geodata.store`), the seed files and ``seeds/README.md`` all
follow it; ``tests/test_docs.py`` checks that the README documents every column.

Conventions: coordinates are WGS-84 decimal degrees, (lat, lon) in code; times are
UTC ISO-8601; units are part of the column name (``distance_km``, ``flight_time_s``).

>>> [c.name for c in LAUNCH_COLUMNS][:3]
['id', 'actor', 'launched_at']
"""

from __future__ import annotations

from dataclasses import dataclass, field

SYSTEM_CLASSES = ("SRBM", "MRBM", "IRBM", "ICBM", "SLBM", "SLV", "cruise", "HGV", "unknown")
PRECISIONS = ("minute", "day", "month", "year")
OUTCOMES = ("success", "partial", "failure", "unknown")  # partial: some missiles of the salvo failed
REPORT_STATUSES = ("preliminary", "revised", "confirmed")
CONFIRMATIONS = ("confirmed", "claimed", "suspected")
IMPACT_BASES = ("reported", "estimated", "none")
SITE_KINDS = ("fixed pad", "airport", "mobile-launcher area", "submarine/barge", "ship", "unknown")
PLACE_KINDS = ("capital", "city", "base", "territory", "other")
LANDING_AREAS = (
    "East Sea/Sea of Japan",
    "East Sea/Sea of Japan (inside Japan's EEZ)",
    "East Sea/Sea of Japan (outside Japan's EEZ)",
    "Yellow Sea",
    "Pacific",
    "Pacific (over Japan)",
    "land",
    "orbit",
    "unknown",
)
SOURCE_KINDS = ("government", "state media", "news", "research", "other")

# Who is believed first when sources disagree (see seeds/README.md, "Headline figures"):
# South Korea's JCS tracks every launch on radar from close range and reports first;
# Japan's MoD second; US officials third; North Korean state media last, because its
# claims are not independently observed. The first such source an event has is its headline.
HEADLINE_PRIORITY = ("ROK JCS", "Japan MoD", "US", "KCNA")


@dataclass(frozen=True)
class Column:
    """One column of a stored table."""

    name: str
    dtype: str  # "str", "int", "float", "bool", "datetime", "date"
    description: str
    unit: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    default: str | None = None  # filled in when a row leaves the cell empty (older files lack the column)


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    key: str = "id"
    seed_file: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


LAUNCH_COLUMNS: tuple[Column, ...] = (
    Column(
        "id", "str", "Stable identifier, e.g. `2025-11-07-taegwan`: date, then a short slug.", required=True
    ),
    Column(
        "actor",
        "str",
        "The launching state, ISO 3166-1 alpha-3 (`PRK` for North Korea); empty means `PRK`.",
        required=True,
        default="PRK",
    ),
    Column(
        "launched_at",
        "datetime",
        "Launch time in UTC (ISO-8601). Less precise records use the first instant of the period.",
        "UTC",
        required=True,
    ),
    Column(
        "launched_at_precision",
        "str",
        "How precise `launched_at` is; a month-precise record did not report a day.",
        required=True,
        choices=PRECISIONS,
    ),
    Column("site_id", "str", "Launch site, a key of `sites.csv`.", required=True),
    Column(
        "lat",
        "float",
        "Launch latitude; may differ from the site's when reported as 'near' a place.",
        "degrees north",
        required=True,
        minimum=-90,
        maximum=90,
    ),
    Column("lon", "float", "Launch longitude.", "degrees east", required=True, minimum=-180, maximum=180),
    Column(
        "system",
        "str",
        "Missile or launcher as commonly named, e.g. `Hwasong-11A (KN-23)`; a key of `systems.csv`.",
        required=True,
    ),
    Column("system_class", "str", "Class of the system.", required=True, choices=SYSTEM_CLASSES),
    Column(
        "count",
        "int",
        "Number of missiles fired in this event (a salvo of one system from one site at one time).",
        "missiles",
        required=True,
        minimum=1,
        maximum=100,
    ),
    Column("distance_km", "float", "Headline ground distance flown.", "km", minimum=0, maximum=20000),
    Column("apogee_km", "float", "Headline maximum altitude.", "km", minimum=0, maximum=10000),
    Column(
        "flight_time_s",
        "float",
        "Headline flight time (cruise missiles can fly for hours).",
        "s",
        minimum=0,
        maximum=30000,
    ),
    Column(
        "bearing_deg",
        "float",
        "Initial heading from the launch point, clockwise from true north.",
        "degrees",
        minimum=0,
        maximum=360,
    ),
    Column(
        "impact_lat",
        "float",
        "Latitude of the impact point (reported or estimated).",
        "degrees north",
        minimum=-90,
        maximum=90,
    ),
    Column(
        "impact_lon", "float", "Longitude of the impact point.", "degrees east", minimum=-180, maximum=180
    ),
    Column(
        "impact_basis",
        "str",
        "Whether the impact point was reported by a source, estimated from site + bearing + distance, or is unknown.",
        required=True,
        choices=IMPACT_BASES,
    ),
    Column("landing_area", "str", "Where the missile came down, as reported.", choices=LANDING_AREAS),
    Column(
        "outcome",
        "str",
        "Whether the flight succeeded, as far as public sources tell.",
        required=True,
        choices=OUTCOMES,
    ),
    Column(
        "failed_count",
        "int",
        "Missiles of the salvo that failed (exploded at launch, lost in flight); with `outcome` `partial` when some flew.",
        "missiles",
        minimum=0,
        maximum=100,
    ),
    Column(
        "confirmation",
        "str",
        "How well established the launch is: confirmed by an outside government, only claimed by North Korea, or suspected.",
        required=True,
        choices=CONFIRMATIONS,
    ),
    Column(
        "report_status",
        "str",
        "Where the figures stand: `preliminary` (first reports), `revised` (a source updated a figure; the "
        "earlier one stays in launch_sources.csv), `confirmed` (settled). Empty means `confirmed`.",
        required=True,
        choices=REPORT_STATUSES,
        default="confirmed",
    ),
    Column("notes", "str", "Free text: context, caveats, disagreements."),
)

# The columns a person scans in a list of launches (CLI table, history table).
LAUNCH_SUMMARY_COLUMNS = [
    "id",
    "launched_at",
    "site_id",
    "system",
    "system_class",
    "count",
    "distance_km",
    "apogee_km",
    "outcome",
    "confirmation",
]

SOURCE_COLUMNS: tuple[Column, ...] = (
    Column("launch_id", "str", "The launch event this source reports (`launches.csv` `id`).", required=True),
    Column(
        "source",
        "str",
        "Who said it: `ROK JCS`, `Japan MoD`, `US`, `KCNA`, or an outlet such as `Reuters`.",
        required=True,
    ),
    Column(
        "source_kind",
        "str",
        "Government statement, state media, news outlet or research organisation.",
        required=True,
        choices=SOURCE_KINDS,
    ),
    Column(
        "outlet",
        "str",
        "Where it was published or relayed, e.g. `Yonhap`, `AP`; same as `source` for a primary statement.",
    ),
    Column("published_on", "date", "Date of the report (YYYY-MM-DD).", required=True),
    Column("url", "str", "Address of the report, when there is one."),
    Column("title", "str", "Headline of the report, when known."),
    Column("distance_km", "float", "Distance this source reported.", "km", minimum=0, maximum=20000),
    Column("apogee_km", "float", "Apogee this source reported.", "km", minimum=0, maximum=10000),
    Column("flight_time_s", "float", "Flight time this source reported.", "s", minimum=0, maximum=30000),
    Column("count", "int", "Number of missiles this source reported.", "missiles", minimum=1, maximum=100),
    Column(
        "is_headline",
        "bool",
        "True for the one source whose figures the event shows first (rule: `HEADLINE_PRIORITY`).",
        required=True,
    ),
)

SITE_COLUMNS: tuple[Column, ...] = (
    Column("id", "str", "Stable identifier, e.g. `taegwan`.", required=True),
    Column("name", "str", "Common name.", required=True),
    Column("aliases", "str", "Other names and spellings, separated by `;`."),
    Column("province", "str", "Province (or sea area for submarine/ship launches)."),
    Column("lat", "float", "Latitude.", "degrees north", required=True, minimum=-90, maximum=90),
    Column("lon", "float", "Longitude.", "degrees east", required=True, minimum=-180, maximum=180),
    Column("kind", "str", "What kind of site it is.", required=True, choices=SITE_KINDS),
    Column("source", "str", "Where the coordinates come from.", required=True),
    Column("notes", "str", "Free text."),
)

SYSTEM_COLUMNS: tuple[Column, ...] = (
    Column("name", "str", "Name used in `launches.csv` `system`, e.g. `Hwasong-15`.", required=True),
    Column("designations", "str", "Other designations (US/ROK codes, KCNA names), separated by `;`."),
    Column("system_class", "str", "Class.", required=True, choices=SYSTEM_CLASSES),
    Column("propellant", "str", "`liquid`, `solid`, or `unknown`.", choices=("liquid", "solid", "unknown")),
    Column("range_min_km", "float", "Lower end of the published range.", "km", minimum=0, maximum=20000),
    Column("range_max_km", "float", "Upper end of the published range.", "km", minimum=0, maximum=20000),
    Column("range_source", "str", "Who published that range (outlet, date, URL when there is one)."),
    Column("notes", "str", "Free text."),
)

PLACE_COLUMNS: tuple[Column, ...] = (
    Column("id", "str", "Stable identifier, e.g. `andersen-afb`.", required=True),
    Column("name", "str", "Common name.", required=True),
    Column("aliases", "str", "Other names, separated by `;`."),
    Column("kind", "str", "What kind of place.", required=True, choices=PLACE_KINDS),
    Column("country", "str", "Country or territory."),
    Column("lat", "float", "Latitude.", "degrees north", required=True, minimum=-90, maximum=90),
    Column("lon", "float", "Longitude.", "degrees east", required=True, minimum=-180, maximum=180),
    Column("source", "str", "Where the coordinates come from.", required=True),
)

LAUNCHES = Table("launches", "One row per launch event.", LAUNCH_COLUMNS, seed_file="launches.csv")
SOURCES = Table(
    "launch_sources",
    "One row per source per launch, with the figures that source reported.",
    SOURCE_COLUMNS,
    key="",
    seed_file="launch_sources.csv",
)
SITES = Table("sites", "Launch sites.", SITE_COLUMNS, seed_file="sites.csv")
SYSTEMS = Table("systems", "Missile systems.", SYSTEM_COLUMNS, key="name", seed_file="systems.csv")
PLACES = Table("places", "Places people measure ranges to.", PLACE_COLUMNS, seed_file="places.csv")

TABLES: tuple[Table, ...] = (LAUNCHES, SOURCES, SITES, SYSTEMS, PLACES)
