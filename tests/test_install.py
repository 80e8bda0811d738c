"""A wheel install (not editable, outside the checkout) serves the whole bundled history."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        cwd=out,
    )
    (built,) = out.glob("launchmap-*.whl")
    return built


@pytest.mark.slow
def test_wheel__carries_every_seed_file_and_the_basemap(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for seed in SEEDS.glob("*.csv"):
        assert f"geodata/seed_files/{seed.name}" in names
    assert "geodata/data/countries_50m.geojson" in names
    assert "launchmap_cli/main.py" in names and "dashboard/app.py" in names


@pytest.mark.slow
def test_wheel__installed_outside_the_checkout_lists_the_full_history(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)  # a pure-Python wheel installs by unpacking
    env = {k: v for k, v in os.environ.items() if k not in ("LAUNCHMAP_SEEDS", "LAUNCHMAP_DB")}
    env |= {"PYTHONPATH": str(site), "LAUNCHMAP_DB": str(tmp_path / "store.db")}
    script = (
        "import sys, geodata, launchmap_cli.main as cli;"
        "print('FROM', geodata.__file__, file=sys.stderr);"
        "sys.exit(cli.main(['events', '--format', 'csv']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert f"FROM {site}" in done.stderr  # the wheel's copy, not the checkout's
    listed = pd.read_csv(pd.io.common.StringIO(done.stdout))
    expected = pd.read_csv(SEEDS / "launches.csv")
    assert set(listed["id"]) == set(expected["id"])
