"""The library stays typed and the tree stays lint-clean: mypy (no untyped defs) and ruff, as `make lint` runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_mypy__geodata_is_fully_typed() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "geodata"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:]


@pytest.mark.slow
def test_ruff__no_lint_errors() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "geodata",
            "dashboard",
            "launchmap_cli",
            "tests",
            "benchmarks",
            "scripts",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
