"""Where the bundled launch history lives, and the one check that it is really there.

The repository keeps the history in ``seeds/`` at its top; the wheel carries the same
files as package data (``geodata/seed_files`` links to it in a checkout), so an installed
``launchmap`` serves the same history as the checkout. ``$LAUNCHMAP_SEEDS`` points a test
or a team at another folder.

>>> (seeds_dir() / "launches.csv").is_file()
True
"""

from __future__ import annotations

import os
import re
from datetime import date
from importlib import resources
from pathlib import Path

from geodata.errors import MissingSeeds

ENV_VAR = "LAUNCHMAP_SEEDS"
# The files a seed folder must hold; places.csv (reference cities) is optional.
REQUIRED_FILES = ("launches.csv", "launch_sources.csv", "sites.csv", "systems.csv")


def bundled_seeds() -> Path:
    """The seed folder shipped with the package (a real folder in a wheel or a checkout)."""
    return Path(str(resources.files("geodata") / "seed_files"))


def seeds_dir(folder: str | os.PathLike[str] | None = None) -> Path:
    """The seed folder to load: ``folder``, else ``$LAUNCHMAP_SEEDS``, else the bundled one.

    Raises :class:`~geodata.errors.MissingSeeds` when the folder or one of its required files
    is missing or unreadable: an empty store would look like a history with no launches.
    """
    chosen = Path(folder or os.environ.get(ENV_VAR) or bundled_seeds())
    if not chosen.is_dir():
        raise MissingSeeds(
            f"seed folder not found: expected a folder holding {', '.join(REQUIRED_FILES)}, got {str(chosen)!r}"
        )
    missing = [
        name
        for name in REQUIRED_FILES
        if not (chosen / name).is_file() or not os.access(chosen / name, os.R_OK)
    ]
    if missing:
        raise MissingSeeds(
            f"seed folder {str(chosen)!r} is incomplete: expected {', '.join(REQUIRED_FILES)}, "
            f"missing or unreadable: {', '.join(missing)}"
        )
    return chosen


_CHECKED_RE = re.compile(r"\*\*Last checked: (\d{4}-\d{2}-\d{2})\.")


def records_checked_on(folder: str | os.PathLike[str] | None = None) -> date | None:
    """The date the history was last checked against the news, as its README states it (or ``None``)."""
    readme = seeds_dir(folder) / "README.md"
    match = _CHECKED_RE.search(readme.read_text(encoding="utf-8")) if readme.is_file() else None
    return date.fromisoformat(match.group(1)) if match else None
