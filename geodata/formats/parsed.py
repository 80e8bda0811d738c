"""What every reader returns: candidate rows, the rows that could not be parsed, and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from geodata.events import RowError

__all__ = ["ParsedFile"]


@dataclass
class ParsedFile:
    """Candidate rows read from a file; ``errors`` are rows that could not even be parsed."""

    format: str
    launches: pd.DataFrame
    sources: pd.DataFrame
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
