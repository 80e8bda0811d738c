"""How holding drafts against the store scales (#13): ours against a full scan in the same run.

:func:`geodata.reports.review.propose` narrows the stored launches to those within two days of
each draft in one column operation, then applies :func:`~geodata.reports.many.same_launch` (the
rule that merges copies) to the few left. The baseline applies the same rule to every stored
launch, as a first version would. Ten drafts, copies of stored events with a changed distance,
against 233, 10,000 and 100,000 synthetic events; the figure is the median of repeated runs and
the ratio is what to compare across machines. Both must find the same revisions.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from benchmarks.bench_scale import median_seconds
from benchmarks.synthetic import synthetic_launches
from geodata.events import sources_frame
from geodata.reports.many import same_launch
from geodata.reports.review import _stored_draft, propose

SIZES = (233, 10_000, 100_000)
DRAFTS = 10


def drafts_of(launches: pd.DataFrame) -> list[dict[str, Any]]:
    """Copies of ten stored events as a later report would draft them: 10 % further."""
    picked = launches.sample(DRAFTS, random_state=7).to_dict("records")
    return [
        {**_stored_draft(row), "id": None, "distance_km": float(row["distance_km"]) * 1.1, "sources": []}
        for row in picked
    ]


def full_scan(drafts: list[dict[str, Any]], launches: pd.DataFrame) -> list[str]:
    stored = [_stored_draft(r) for r in launches.to_dict("records")]
    return [next((e["id"] for e in stored if same_launch(e, d)), "") for d in drafts]


def main() -> None:
    sources = sources_frame()
    print(f"{'stored events':>14}  {'propose (s)':>12}  {'full scan (s)':>14}  {'speed-up':>9}")
    for size in SIZES:
        launches = synthetic_launches(size)
        drafts = drafts_of(launches)
        ours = [p.get("target_id", "") for p in propose(drafts, launches, sources)]
        assert ours == full_scan(drafts, launches), "the narrowed search must find what the full scan finds"
        repeat = 5 if size < 100_000 else 1  # the full scan of 100,000 takes over a minute
        fast = median_seconds(lambda d=drafts, f=launches: propose(d, f, sources), repeat)
        slow = median_seconds(lambda d=drafts, f=launches: full_scan(d, f), repeat)
        print(f"{size:>14,}  {fast:>12.4f}  {slow:>14.4f}  {slow / fast:>8.0f}×")


if __name__ == "__main__":
    main()
