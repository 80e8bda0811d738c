"""The review queue: drafts from news reports wait here until a person accepts, edits or rejects each.

Nothing queued is a launch: the map, exports and filters read ``launches`` only. A decision is
one transaction under the store's write lock that (for an accept) saves the launch and its
sources, or revises a stored launch and appends the new sources, marks the item decided, and
writes an audit row (``table_name='review_queue'``, ``action`` = the decision, who, when, what).
An item is decided once: a second accept or reject of it is refused with
:class:`~geodata.errors.ReviewDecided`, so two editors never save one draft twice.

The queue stores drafts as JSON and knows nothing of how they were read from text; the
drafting and the diff against stored events live in :mod:`geodata.reports.review`.

>>> from geodata.store import Store
>>> queue = ReviewQueue(Store("sqlite://"))
>>> item_id = queue.add({"kind": "new", "title": "SRBM from Sunan", "draft": {}}, user="editor")
>>> [i["status"] for i in queue.items()]
['pending']
>>> queue.reject(item_id, "artillery, not a missile", user="editor")["decision"]
'rejected'
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from geodata.errors import InvalidEvent, InvalidOption, ReviewDecided
from geodata.events import validate_sources
from geodata.limits import MAX_NOTE_CHARS
from geodata.schema import LAUNCHES, SOURCES, SYSTEMS, Table
from geodata.store.connect import current_user, write_transaction
from geodata.store.core import Store, _normalise, _now
from geodata.store.tables import (
    review_table,
    sources_table,
    systems_table,
)

__all__ = ["DECISIONS", "STATUSES", "ReviewQueue"]

STATUSES = ("pending", "accepted", "rejected")
DECISIONS = ("accepted", "edited", "rejected")
_JSON_COLUMNS = ("draft", "changes", "reports")


def _item(row: Any) -> dict[str, Any]:
    item = dict(row._mapping)
    for column in _JSON_COLUMNS:
        item[column] = json.loads(item[column]) if item.get(column) else ([] if column != "draft" else {})
    return item


class ReviewQueue:
    """Queued drafts of one :class:`~geodata.store.Store`, and the decisions on them."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- reading -----------------------------------------------------------------
    def items(self, status: str | None = "pending") -> list[dict[str, Any]]:
        """Queued items, oldest first; ``status`` one of :data:`STATUSES`, or None for all."""
        if status is not None and status not in STATUSES:
            raise InvalidOption(f"review status must be one of {', '.join(STATUSES)}, got {status!r}")
        query = sa.select(review_table).order_by(review_table.c.id)
        if status is not None:
            query = query.where(review_table.c.status == status)
        with self.store.engine.connect() as connection:
            return [_item(row) for row in connection.execute(query)]

    def item(self, item_id: int) -> dict[str, Any]:
        """One item; :class:`~geodata.errors.InvalidOption` naming the pending ids when there is none."""
        with self.store.engine.connect() as connection:
            return self._item(connection, item_id)

    def _item(self, connection: Connection, item_id: int) -> dict[str, Any]:
        row = connection.execute(sa.select(review_table).where(review_table.c.id == int(item_id))).first()
        if row is None:
            pending = [
                str(r[0])
                for r in connection.execute(
                    sa.select(review_table.c.id).where(review_table.c.status == "pending")
                )
            ]
            raise InvalidOption(f"no review item {item_id!r}; pending items: {', '.join(pending) or 'none'}")
        return _item(row)

    # --- queueing ----------------------------------------------------------------
    def add(self, proposal: dict[str, Any], *, actor: str = "review", user: str | None = None) -> int:
        """Queue one proposal (``kind``, ``title``, ``draft``, optional ``target_id``, ``target_version``,
        ``changes``, ``reports``) as pending; returns its id."""
        with write_transaction(self.store.engine) as connection:
            return self._add(connection, proposal, actor, user)

    def _add(self, connection: Connection, proposal: dict[str, Any], actor: str, user: str | None) -> int:
        kind = proposal.get("kind")
        if kind not in ("new", "revision"):
            raise InvalidOption(f"a queued draft is 'new' or a 'revision', got {kind!r}")
        if kind == "revision" and not proposal.get("target_id"):
            raise InvalidOption("a revision must name the stored launch it revises (target_id)")
        row = {
            "queued_at": _now(),
            "queued_by": user or current_user(),
            "status": "pending",
            "kind": kind,
            "target_id": proposal.get("target_id"),
            "target_version": proposal.get("target_version"),
            "title": str(proposal.get("title") or "draft"),
            **{
                c: json.dumps(proposal.get(c) or ({} if c == "draft" else []), default=str)
                for c in _JSON_COLUMNS
            },
        }
        inserted = connection.execute(review_table.insert().values(**row)).inserted_primary_key
        assert inserted is not None  # an insert into a table with a serial key returns it
        item_id = int(inserted[0])
        self.store._audit(
            connection,
            actor,
            "queue",
            review_table.name,
            str(item_id),
            None,
            {"kind": kind, "title": row["title"]},
            user,
        )
        return item_id

    def replace(
        self, item_id: int, proposal: dict[str, Any], *, actor: str = "review", user: str | None = None
    ) -> None:
        """Redraft a pending item (another copy of the same launch arrived); a decided one is refused."""
        with write_transaction(self.store.engine) as connection:
            old = self._pending(connection, item_id)
            values = {
                "kind": proposal["kind"],
                "target_id": proposal.get("target_id"),
                "target_version": proposal.get("target_version"),
                "title": str(proposal.get("title") or old["title"]),
                **{
                    c: json.dumps(proposal.get(c) or ({} if c == "draft" else []), default=str)
                    for c in _JSON_COLUMNS
                },
            }
            connection.execute(
                review_table.update().where(review_table.c.id == int(item_id)).values(**values)
            )
            self.store._audit(
                connection,
                actor,
                "redraft",
                review_table.name,
                str(item_id),
                {"title": old["title"], "reports": [r.get("name") for r in old["reports"]]},
                {"title": values["title"], "reports": [r.get("name") for r in proposal.get("reports") or []]},
                user,
            )

    def pending_item(self, item_id: int) -> dict[str, Any]:
        """One item that still waits for a decision; :class:`~geodata.errors.ReviewDecided` if decided."""
        with self.store.engine.connect() as connection:
            return self._pending(connection, item_id)

    def _pending(self, connection: Connection, item_id: int) -> dict[str, Any]:
        item = self._item(connection, item_id)
        if item["status"] != "pending":
            raise ReviewDecided(
                f"review item {item_id} was already {item['status']} by {item['decided_by']} at "
                f"{item['decided_at']}; nothing was changed"
            )
        return item

    # --- deciding ----------------------------------------------------------------
    def reject(
        self, item_id: int, reason: str | None = None, *, actor: str = "review", user: str | None = None
    ) -> dict[str, Any]:
        """Reject a pending item: nothing is saved; the item and the audit keep who, when and why."""
        if reason is not None and (len(reason) > MAX_NOTE_CHARS or "\x00" in reason):
            raise InvalidOption(
                f"expected a reason of at most {MAX_NOTE_CHARS:,} characters without NUL, got "
                f"{len(reason):,} characters; nothing was changed"
            )
        with write_transaction(self.store.engine) as connection:
            self._pending(connection, item_id)
            return self._decide(connection, item_id, "rejected", None, reason, actor, user)

    def accept_new(
        self,
        item_id: int,
        launch: dict[str, Any],
        sources: list[dict[str, Any]],
        *,
        edited: dict[str, Any] | None = None,
        actor: str = "review",
        user: str | None = None,
    ) -> dict[str, Any]:
        """Save a pending new-event item as ``launch`` with ``sources`` (validated; all or nothing)."""
        with write_transaction(self.store.engine) as connection:
            self._pending(connection, item_id)
            result, valid, valid_sources, systems = self.store._plan_import(
                connection, pd.DataFrame([launch]), pd.DataFrame(sources, columns=SOURCES.names), True
            )
            if result.errors or valid.empty:
                first = result.errors[0] if result.errors else "the same event is stored already, unchanged"
                raise InvalidEvent(f"draft {item_id} was not saved: {first}", result.errors)
            record = valid.to_dict("records")[0]
            if record["system"] not in systems:  # a system the reports name that the store lacks
                system = {
                    "name": record["system"],
                    "system_class": record["system_class"],
                    "notes": f"added by {actor}",
                }
                self._insert(connection, SYSTEMS, system, actor, user)
            self._insert(connection, LAUNCHES, record, actor, user)
            for source in valid_sources.to_dict("records"):
                self._insert(connection, SOURCES, source, actor, user)
            decision = "edited" if edited else "accepted"
            return self._decide(
                connection, item_id, decision, str(record["id"]), _edits_note(edited), actor, user
            )

    def accept_revision(
        self,
        item_id: int,
        changes: dict[str, Any],
        expected: dict[str, Any],
        sources: list[dict[str, Any]],
        *,
        edited: dict[str, Any] | None = None,
        actor: str = "review",
        user: str | None = None,
    ) -> dict[str, Any]:
        """Revise the item's stored launch with ``changes`` and append ``sources`` (all or nothing).

        ``expected`` holds the stored values the diff was made against; if someone changed one
        of those fields since, :class:`~geodata.errors.StaleEdit` is raised and nothing is saved.
        Source rows already stored for the launch (same source, date, outlet and figures) are not
        added twice; a source that disagrees keeps its own figures beside the headline.
        """
        with write_transaction(self.store.engine) as connection:
            item = self._pending(connection, item_id)
            launch_id = str(item["target_id"])
            old = self.store._locked_row(connection, launch_id, None)
            moved = [
                name
                for name, value in expected.items()
                if name in LAUNCHES.names
                and _normalise(LAUNCHES.column(name), old[name]) != _normalise(LAUNCHES.column(name), value)
            ]
            if moved:
                raise self.store._stale(
                    connection, launch_id, int(item["target_version"] or old["version"]), dict(old)
                )
            if changes:
                self._revise(connection, launch_id, old, changes, actor, user)
            stored = [
                dict(r)
                for r in connection.execute(
                    sa.select(sources_table).where(sources_table.c.launch_id == launch_id)
                ).mappings()
            ]
            fresh = [
                {**s, "launch_id": launch_id, "is_headline": False}
                for s in sources
                if not any(_same_source(s, t) for t in stored)
            ]
            valid_sources, errors = validate_sources(
                pd.DataFrame(fresh, columns=SOURCES.names), launch_ids={launch_id}
            )
            if errors:
                raise InvalidEvent(f"draft {item_id} was not saved: {errors[0]}", errors)
            for source in valid_sources.to_dict("records"):
                self._insert(connection, SOURCES, source, actor, user)
            decision = "edited" if edited else "accepted"
            return self._decide(connection, item_id, decision, launch_id, _edits_note(edited), actor, user)

    def _insert(
        self, connection: Connection, table: Table, record: Mapping[Any, Any], actor: str, user: str | None
    ) -> None:
        self.store._insert_many(connection, table, [dict(record)], actor, user)

    def _revise(
        self,
        connection: Connection,
        launch_id: str,
        old: Any,
        changes: dict[str, Any],
        actor: str,
        user: str | None,
    ) -> None:
        system = changes.get("system")
        if system and system not in self.store._stored_keys(connection, systems_table, "name"):
            # a system the report names that the store lacks (as an import adds it)
            system_class = changes.get("system_class") or old["system_class"]
            self._insert(connection, SYSTEMS, {"name": system, "system_class": system_class,
                                               "notes": f"added by {actor}"}, actor, user)  # fmt: skip
        # a report changed what the event says: it is revised, whatever the figures
        self.store._write_update(
            connection, launch_id, old, {"report_status": "revised", **changes}, actor, user
        )

    def _decide(
        self,
        connection: Connection,
        item_id: int,
        decision: str,
        launch_id: str | None,
        reason: str | None,
        actor: str,
        user: str | None,
    ) -> dict[str, Any]:
        who = user or current_user()
        values = {
            "status": "rejected" if decision == "rejected" else "accepted",
            "decision": decision,
            "decided_at": _now(),
            "decided_by": who,
            "launch_id": launch_id,
            "reason": reason,
        }
        connection.execute(review_table.update().where(review_table.c.id == int(item_id)).values(**values))
        title = connection.execute(
            sa.select(review_table.c.title).where(review_table.c.id == int(item_id))
        ).scalar_one()
        self.store._audit(
            connection,
            actor,
            decision,
            review_table.name,
            str(item_id),
            {"status": "pending", "title": title},
            values,
            who,
        )
        return self._item(connection, item_id)


def _edits_note(edited: dict[str, Any] | None) -> str | None:
    if not edited:
        return None
    return "edited: " + ", ".join(f"{k}={v}" for k, v in edited.items())


def _same_source(new: dict[str, Any], stored: dict[str, Any]) -> bool:
    """One report's source row stored already (accepting the same copy twice adds nothing)."""
    keys = ("source", "published_on", "outlet", "distance_km", "apogee_km", "flight_time_s", "count")
    return all(
        _normalise(SOURCES.column(k), new.get(k)) == _normalise(SOURCES.column(k), stored.get(k))
        for k in keys
    )
