"""The launchmap error hierarchy.

Every error raised on purpose by ``geodata`` derives from :class:`LaunchmapError`
and also from the builtin it resembles, so callers may catch either
(``except ValueError`` keeps working for code that knows nothing of launchmap).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class LaunchmapError(Exception):
    """Root of all launchmap errors."""


class InvalidCoordinate(LaunchmapError, ValueError):
    """A latitude/longitude pair that is missing, out of range or unparseable."""


class InvalidRange(LaunchmapError, ValueError):
    """A distance or radius that is not a positive, finite, supported length."""


class InvalidEvent(LaunchmapError, ValueError):
    """A launch event (or a file of them) that fails validation.

    ``errors`` holds the row-level :class:`geodata.events.RowError` list.
    """

    def __init__(self, message: str, errors: Iterable[object] = ()) -> None:
        super().__init__(message)
        self.errors = list(errors)


class InvalidOption(LaunchmapError, ValueError):
    """An option outside what is accepted: a style, preset, format, scale, resolution or date filter."""


class InvalidFile(LaunchmapError, ValueError):
    """A file that cannot be read in the expected format."""


class UnknownPlace(LaunchmapError, KeyError):
    """A site, place or city name that is not in the gazetteer.

    The message lists close matches so a typo is one step from a fix.
    """

    def __init__(self, name: str, candidates: Iterable[str] = ()) -> None:
        self.name = name
        self.close_matches = difflib.get_close_matches(name, list(candidates), n=5, cutoff=0.6)
        hint = f"; did you mean {', '.join(map(repr, self.close_matches))}?" if self.close_matches else ""
        super().__init__(f"unknown place {name!r}{hint}")

    def __str__(self) -> str:  # KeyError would otherwise repr() the message
        return str(self.args[0])


class StoreError(LaunchmapError, RuntimeError):
    """The store could not be opened or a write could not be completed."""


class MissingSeeds(LaunchmapError, FileNotFoundError):
    """The seed folder (the bundled launch history) is missing, incomplete or unreadable."""


class StaleEdit(StoreError):
    """An edit (or delete) based on an older version of a launch than the one stored: nothing was written.

    Someone saved the launch after the editor opened it. The error carries what a form needs
    to show the conflict and keep what the editor typed: ``stored`` (the launch as stored now,
    with its ``version``), ``changed_columns`` (the columns changed since ``expected_version``,
    when the audit tells), and who changed it last and when (``changed_by``, ``changed_at``).
    Saving again with ``expected_version=stale.stored_version`` applies the edit on top.
    """

    def __init__(
        self,
        launch_id: str,
        expected_version: int,
        stored_version: int,
        stored: dict[str, object],
        changed_columns: Iterable[str] = (),
        changed_by: str | None = None,
        changed_at: str | None = None,
    ) -> None:
        self.launch_id = launch_id
        self.expected_version = expected_version
        self.stored_version = stored_version
        self.stored = stored
        self.changed_columns = list(changed_columns)
        self.changed_by = changed_by
        self.changed_at = changed_at
        who = f" by {changed_by}" if changed_by else ""
        when = f" at {changed_at}" if changed_at else ""
        columns = f" ({', '.join(self.changed_columns)})" if self.changed_columns else ""
        super().__init__(
            f"launch {launch_id!r} was changed{who}{when}{columns} after you opened version "
            f"{expected_version}; it is now version {stored_version}. Nothing was saved: "
            "review the stored values and save again."
        )


class InvalidNumber(LaunchmapError, ValueError):
    """Text that is not a number as people write one: "1,5" (a decimal comma?) or "1,0" is refused."""


class UnsupportedLanguage(InvalidFile):
    """A report in a language the extractor does not read (Korean, Japanese...); ``language`` names it."""

    def __init__(self, message: str, language: str) -> None:
        super().__init__(message)
        self.language = language


class ReviewDecided(StoreError):
    """A review-queue item that was already accepted or rejected: it is decided once."""
