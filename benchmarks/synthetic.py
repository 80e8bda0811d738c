"""Seeded synthetic launch sets for benchmarks: the same events on every run."""

from __future__ import annotations

import random

import pandas as pd

from geodata.events import launches_frame

SITES = (
    ("sunan", 39.224, 125.670),
    ("taegwan", 40.21, 125.20),
    ("wonsan", 39.17, 127.48),
    ("sinpo", 40.02, 128.18),
)
CLASSES = ("SRBM", "MRBM", "IRBM", "ICBM", "SLBM", "cruise")


def synthetic_launches(n: int, seed: int = 42) -> pd.DataFrame:
    """``n`` plausible events toward the East Sea, half with a reported impact point."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        site_id, lat, lon = rng.choice(SITES)
        rows.append(
            {
                "id": f"synthetic-{i:05d}",
                "launched_at": pd.Timestamp("1990-01-01", tz="UTC")
                + pd.Timedelta(minutes=rng.randrange(18_000_000)),
                "launched_at_precision": "minute",
                "site_id": site_id,
                "lat": lat,
                "lon": lon,
                "system": "Unknown SRBM",
                "system_class": rng.choice(CLASSES),
                "count": rng.randint(1, 4),
                "distance_km": rng.uniform(100, 1200),
                "bearing_deg": rng.uniform(60, 110),
                "impact_basis": "estimated",
                "landing_area": "East Sea/Sea of Japan",
                "outcome": "success",
                "confirmation": "confirmed",
            }
        )
    return launches_frame(rows)


def synthetic_sites() -> pd.DataFrame:
    return pd.DataFrame(
        [{"id": s, "name": s.title(), "lat": a, "lon": b, "aliases": ""} for s, a, b in SITES]
    )
