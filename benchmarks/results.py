"""``benchmarks/results.md``: each benchmark owns one marked section and rewrites only that."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).with_name("results.md")


def write_section(name: str, text: str) -> None:
    """Replace the section between ``<!-- {name}: start -->`` and ``<!-- {name}: end -->``, or append it.

    A start marker may carry a note after the name (``<!-- bench_scale: start (…) -->``); it is kept.
    """
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    body = text.strip("\n")
    opening, end = f"<!-- {name}: start", f"<!-- {name}: end -->"
    if opening in current and end in current:
        before, rest = current.split(opening, 1)
        start = opening + rest.split("-->", 1)[0] + "-->"
        after = rest.split(end, 1)[1]
        current = f"{before}{start}\n{body}\n{end}{after}"
    else:
        current = current.rstrip("\n") + f"\n\n{opening} -->\n{body}\n{end}\n"
    RESULTS.write_text(current, encoding="utf-8")


def read_section(name: str) -> str:
    """The text between ``<!-- {name}: start … -->`` and ``<!-- {name}: end -->``, or "" if absent."""
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    opening, end = f"<!-- {name}: start", f"<!-- {name}: end -->"
    if opening not in current or end not in current:
        return ""
    return current.split(opening, 1)[1].split("-->", 1)[1].split(end, 1)[0].strip("\n")
