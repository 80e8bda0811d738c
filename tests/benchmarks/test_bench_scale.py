"""``python -m benchmarks.bench_scale stills`` replaces the stills table and keeps the rest of results.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks import bench_scale, results

SECTION = """<!-- bench_scale: start (python -m benchmarks scale rewrites this section only) -->
# Scale benchmarks

| events | map layers (ours) |
|---:|---:|
| 233 | 0.011 s |

## Store, import and stills

| events | import |
|---:|---:|
| 100,000 | 22.70 s |

Stills: a 16:9 PNG of N synthetic events (basemap warm) vs saving a bare 16:9 figure.

| events | still | bare save | ratio |
|---:|---:|---:|---:|
| 233 | 1.07 s | 0.304 s | 3.5× |
<!-- bench_scale: end -->

<!-- bench_browser: start -->
## Browser
| 1,245 | ours | 3.35 s |
<!-- bench_browser: end -->
"""


def _fake_row(n: int | str, repeat: int = 7) -> dict[str, Any]:
    return {"n": f"{n:,}" if isinstance(n, int) else "245 (history)", "repeat": repeat, "still": 0.5,
            "bare": 0.1, "still_cpu": 0.4, "bare_cpu": 0.1}  # fmt: skip


def test_stills_only__replaces_the_stills_table_and_keeps_every_other_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(results, "RESULTS", tmp_path / "results.md")
    results.RESULTS.write_text(SECTION, encoding="utf-8")
    monkeypatch.setattr(bench_scale, "still_rows", _fake_row)
    bench_scale.main(["stills"])
    text = results.RESULTS.read_text(encoding="utf-8")
    for kept in ("| 233 | 0.011 s |", "| 100,000 | 22.70 s |", "## Browser", "| 1,245 | ours | 3.35 s |",
                 "(python -m benchmarks scale rewrites this section only)"):  # fmt: skip
        assert text.count(kept) == 1
    assert "1.07 s" not in text and text.count(bench_scale.STILLS_HEADING) == 1
    assert "| 10,000 | 0.50 s | 0.100 s | 5.0× | 4.0× |" in text
    bench_scale.main(["stills"])  # again: still one table
    assert results.RESULTS.read_text(encoding="utf-8").count("| 10,000 |") == 1


def test_main__an_unknown_part_is_refused_with_the_parts_there_are() -> None:
    with pytest.raises(SystemExit, match="the only part is 'stills'"):
        bench_scale.main(["stils"])
