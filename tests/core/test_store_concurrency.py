"""Several app processes on one store: first starts, concurrent writers, two editors of one launch.

Each case forks real processes that wait at a barrier and then go at once, on SQLite and on
PostgreSQL. Loops are bounded (a few edits per writer) so the file runs in seconds on 2 cores.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import traceback
from collections.abc import Callable
from typing import Any

import pytest

from geodata.errors import StaleEdit
from geodata.store import Store
from tests.conftest import FIXTURE_SEEDS

FORK = multiprocessing.get_context("fork")
LAUNCH = "2025-11-07-taegwan"
SEEDED_ROWS = 3 + 5 + 3 + 4 + 2  # launches, sources, sites, systems, places in the fixture seeds
EDITS_PER_WRITER = 4

# Eight writers, one column each, each value valid on its own and with all the others.
WRITERS: dict[str, Callable[[int], Any]] = {
    "distance_km": lambda i: 600.0 + i,
    "apogee_km": lambda i: 40.0 + i,
    "flight_time_s": lambda i: 400.0 + i,
    "bearing_deg": lambda i: 80.0 + i,
    "notes": lambda i: f"note {i}",
    "confirmation": lambda i: ("claimed", "suspected", "confirmed")[i % 3],
    "landing_area": lambda i: ("Yellow Sea", "Pacific", "East Sea/Sea of Japan")[i % 3],
    "count": lambda i: 2 + i,
}


def _in_processes(worker: Callable[..., Any], arguments: list[tuple[Any, ...]]) -> list[Any]:
    """Run ``worker(barrier, *arguments[i])`` in one process each, all released together; their results."""
    barrier = FORK.Barrier(len(arguments))
    results = FORK.Queue()

    def child(index: int, args: tuple[Any, ...]) -> None:
        try:
            results.put((index, "ok", worker(barrier, *args)))
        except BaseException:  # report anything: the parent asserts on it
            results.put((index, "error", traceback.format_exc(limit=3)))

    processes = [FORK.Process(target=child, args=(i, a)) for i, a in enumerate(arguments)]
    for process in processes:
        process.start()
    outcomes = dict.fromkeys(range(len(arguments)))
    for _ in arguments:
        index, status, value = results.get(timeout=120)
        outcomes[index] = (status, value)
    for process in processes:
        process.join(timeout=30)
    errors = [value for status, value in outcomes.values() if status == "error"]
    assert errors == [], errors[0]
    return [value for _status, value in outcomes.values()]


def _first_start(barrier: Any, url: str) -> int:
    barrier.wait()
    store = Store(url)
    return store.seed(FIXTURE_SEEDS)


@pytest.mark.parametrize("processes", [2, 8])
def test_first_start__processes_at_once_on_an_empty_store_seed_it_once(
    backend_url: str, processes: int
) -> None:
    inserted = _in_processes(_first_start, [(backend_url,)] * processes)
    assert sorted(inserted) == [0] * (processes - 1) + [SEEDED_ROWS]
    store = Store(backend_url)
    assert len(store.launches()) == 3 and len(store.sources()) == 5 and len(store.systems()) == 4
    assert (store.audit(limit=1000)["action"] == "insert").sum() == SEEDED_ROWS


def _writer(barrier: Any, url: str, column: str) -> int:
    store = Store(url)
    barrier.wait()
    for i in range(EDITS_PER_WRITER):
        store.update_launch(LAUNCH, {column: WRITERS[column](i)}, actor="writer", user=f"user-{column}")
    return EDITS_PER_WRITER


def test_concurrent_writers__eight_columns_of_one_launch_nothing_lost_and_the_audit_chains(
    store: Store,
) -> None:
    _in_processes(_writer, [(store.url, column) for column in WRITERS])
    event = store.launch(LAUNCH)
    assert event is not None
    assert {c: event[c] for c in WRITERS} == {c: f(EDITS_PER_WRITER - 1) for c, f in WRITERS.items()}
    edits = len(WRITERS) * EDITS_PER_WRITER
    assert event["version"] == 1 + edits
    audit = store.audit(limit=1000)
    updates = audit[(audit["action"] == "update") & (audit["row_key"] == LAUNCH)].sort_values("id")
    assert len(updates) == edits
    chain = [(json.loads(r["old_value"]), json.loads(r["new_value"])) for r in updates.to_dict("records")]
    for (_, earlier_new), (later_old, _) in itertools.pairwise(chain):
        assert later_old == earlier_new  # each edit starts from the one before it: none was lost
    assert [new["version"] for _old, new in chain] == list(range(2, edits + 2))
    assert set(updates["user_name"]) == {f"user-{c}" for c in WRITERS}


def _editor(barrier: Any, url: str, notes: str) -> str:
    store = Store(url)
    form = store.launch(LAUNCH)  # both open the form on the same version
    assert form is not None
    barrier.wait()
    try:
        store.update_launch(LAUNCH, {"notes": notes}, expected_version=form["version"], user=notes)
    except StaleEdit as told:
        return f"told:{told.changed_by}:{told.stored['notes']}"
    return "saved"


def test_two_editors__same_launch_at_once_the_second_is_told(store: Store) -> None:
    outcomes = _in_processes(_editor, [(store.url, "alice"), (store.url, "bob")])
    assert sorted(o.split(":")[0] for o in outcomes) == ["saved", "told"]
    winner = "alice" if outcomes[0] == "saved" else "bob"
    assert f"told:{winner}:{winner}" in outcomes  # the loser sees who saved, and what
    event = store.launch(LAUNCH)
    assert event is not None and (event["notes"], event["version"]) == (winner, 2)


def _importer(barrier: Any, url: str, index: int) -> list[str]:
    import pandas as pd

    from tests.conftest import NEW_EVENT

    store = Store(url)
    barrier.wait()
    event = {**NEW_EVENT, "id": f"2025-11-08-sunan-{index}", "system": "Hwasong-99"}
    return store.import_launches(pd.DataFrame([event])).systems_added


def test_concurrent_imports__adding_the_same_new_system_add_it_once(store: Store) -> None:
    added = _in_processes(_importer, [(store.url, i) for i in range(4)])
    assert sorted(map(len, added)) == [0, 0, 0, 1]
    assert (store.systems()["name"] == "Hwasong-99").sum() == 1
    assert len(store.launches()) == 3 + 4
