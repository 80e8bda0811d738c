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
