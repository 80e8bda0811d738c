"""Alembic revisions of the store's schema, oldest first in ``versions/``.

``launchmap db upgrade`` runs them (:func:`geodata.store.migrate.upgrade`); ``env.py`` is
Alembic's entry and uses the connection launchmap hands it, under the store's write lock.
A new revision is a new file in ``versions/`` whose ``down_revision`` is the current head;
write it by hand after the last one (the revisions stay readable without autogenerate), then
change :mod:`geodata.store.tables` to match: a test compares the two.
"""
