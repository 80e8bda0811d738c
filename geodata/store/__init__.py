"""The launch store: one SQL database shared by the dashboard, the CLI and every app server.

- :mod:`geodata.store.core` — :class:`Store`: read launches, sources, sites, systems, places
  and the audit; seed, import, edit (with a per-launch ``version``) and delete;
- :mod:`geodata.store.connect` — URLs (SQLite file by default, PostgreSQL for a team), the
  store-wide write lock, who is writing;
- :mod:`geodata.store.tables` — the SQL tables; :mod:`geodata.store.migrate` and
  ``migrations/`` — schema revisions with Alembic (``launchmap db upgrade``);
- :mod:`geodata.store.dump` — portable JSON backups (``launchmap db dump`` / ``restore``);
- :mod:`geodata.store.review` — :class:`ReviewQueue`: drafts from reports waiting for a
  person's accept, edit or reject (the drafting is :mod:`geodata.reports.review`).

``docs/deployment.md`` says how to run one laptop or a team on it.

>>> store = Store("sqlite://")
>>> store.seed() > 0 and store.version() > 0
True
"""

from geodata.store.connect import (
    ENV_VAR,
    USER_ENV_VAR,
    current_user,
    default_db_path,
    resolve_db_url,
)
from geodata.store.core import FIGURE_COLUMNS, ImportResult, Store
from geodata.store.migrate import SchemaState, head_revision
from geodata.store.review import ReviewQueue
from geodata.store.tables import (
    audit_table,
    launches_table,
    meta_table,
    metadata,
    places_table,
    review_table,
    sites_table,
    sources_table,
    systems_table,
)

__all__ = [
    "ENV_VAR",
    "FIGURE_COLUMNS",
    "USER_ENV_VAR",
    "ImportResult",
    "ReviewQueue",
    "SchemaState",
    "Store",
    "audit_table",
    "current_user",
    "default_db_path",
    "head_revision",
    "launches_table",
    "meta_table",
    "metadata",
    "places_table",
    "resolve_db_url",
    "review_table",
    "sites_table",
    "sources_table",
    "systems_table",
]
