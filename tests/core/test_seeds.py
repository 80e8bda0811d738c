"""The seed folder is found through the package, and a missing one is an error, never an empty store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from geodata.errors import LaunchmapError, MissingSeeds
from geodata.seeds import REQUIRED_FILES, bundled_seeds, seeds_dir
from geodata.store import Store

REPO = Path(__file__).resolve().parents[2]


def test_bundled_seeds__are_the_repository_seeds() -> None:
    assert (bundled_seeds() / "launches.csv").read_bytes() == (REPO / "seeds" / "launches.csv").read_bytes()


def test_seeds_dir__env_var_overrides_the_bundled_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shutil.copytree(REPO / "seeds", tmp_path / "s")
    monkeypatch.setenv("LAUNCHMAP_SEEDS", str(tmp_path / "s"))
    assert seeds_dir() == tmp_path / "s"


def test_store_seed__missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.db")
    with pytest.raises(MissingSeeds, match="seed folder not found") as raised:
        store.seed(tmp_path / "nowhere")
    assert isinstance(raised.value, LaunchmapError) and isinstance(raised.value, FileNotFoundError)
    assert store.launches().empty


@pytest.mark.parametrize("missing", REQUIRED_FILES)
def test_store_seed__incomplete_folder_names_the_missing_file(tmp_path: Path, missing: str) -> None:
    shutil.copytree(REPO / "seeds", tmp_path / "s")
    (tmp_path / "s" / missing).unlink()
    with pytest.raises(MissingSeeds, match=missing):
        Store(tmp_path / "x.db").seed(tmp_path / "s")


def test_records_checked_on__read_from_the_seed_readme() -> None:
    import datetime as dt

    from geodata.seeds import records_checked_on

    checked = records_checked_on()
    assert checked is not None and checked >= dt.date(2026, 5, 27)  # after the latest launch on record


def test_seed_history__runs_into_2026() -> None:
    import pandas as pd

    launches = pd.read_csv(REPO / "seeds" / "launches.csv")
    assert launches["launched_at"].max() >= "2026-05-26"
