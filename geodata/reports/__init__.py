"""From a news report to draft launch events, every value traced to the words it came from.

The steps, each in its module: :mod:`~geodata.reports.text` (input checks, sentences, one run
of sentences per launch), :mod:`~geodata.reports.dates` (launch day and clock),
:mod:`~geodata.reports.figures` (distances and apogees in any unit),
:mod:`~geodata.reports.fields` (who said what, counts, headings), :mod:`~geodata.reports.sites`
(the launch site through the gazetteer), :mod:`~geodata.reports.lexicon` (word tables), and
:mod:`~geodata.reports.extract`, which runs them over a typed :class:`Draft`, and
:mod:`~geodata.reports.many`, which merges several reports of one launch into one draft;
:mod:`~geodata.reports.documents` reads report files (text, e-mail, saved web pages).

>>> from geodata.reports import extract_events
>>> import datetime as dt
>>> extract_events("North Korea fired a ballistic missile into the East Sea on Friday, "
...     "South Korea's military said.", dt.date(2025, 11, 7)).events[0]["system_class"]
'unknown'
"""

from geodata.reports.extract import (
    MAX_INPUT_CHARS,
    Draft,
    Extraction,
    default_gazetteer,
    extract_events,
    launch_row,
    source_rows,
)
from geodata.reports.many import extract_many, same_launch

__all__ = [
    "MAX_INPUT_CHARS",
    "Draft",
    "Extraction",
    "default_gazetteer",
    "extract_events",
    "extract_many",
    "launch_row",
    "same_launch",
    "source_rows",
]
