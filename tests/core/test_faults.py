"""Faults under the store (#15): a full disk, a read-only store, a damaged database, missing seeds.

Each fault is met three ways: by the library (a :class:`StoreError` or :class:`MissingSeeds` that
says what was expected and what was found), by the CLI (one line on stderr, exit code ≠ 0, no
traceback) and by the dashboard (a notice on the page, never an exception box). After every fault
the store holds exactly what it held before (its dump is equal, SQLite's integrity check passes)
and it still takes the next write whole.

A real full disk and a real read-only folder need a tiny tmpfs, which only root may mount (CI
runs as root); elsewhere those cases skip, and the full disk is also made portably with SQLite's
``max_page_count``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
import streamlit as st
from streamlit.testing.v1 import AppTest

from geodata.errors import MissingSeeds, StoreError
from geodata.events import launches_frame
from geodata.store import Store
from launchmap_cli.main import main
from tests.conftest import FIXTURE_SEEDS, NEW_EVENT, REPO

APP = str(REPO / "dashboard" / "app.py")
FAULTS: dict[str, dict[str, str]] = {}  # case -> how each layer answered; read by the hostile-input note


def _events(count: int, note_chars: int = 15_000, prefix: str = "x") -> pd.DataFrame:
    """``count`` new valid launches with long notes: enough to fill a small disk quickly."""
    return launches_frame(
        [{**NEW_EVENT, "id": f"2025-11-08-{prefix}{i}", "notes": "n" * note_chars} for i in range(count)]
    )


def _seeded(path: Path) -> Store:
    store = Store(path)
    store.seed(FIXTURE_SEEDS)
    return store


def _snapshot(path: Path) -> dict:
    """What the store holds, read by a fresh connection: its dump, and SQLite's own integrity check."""
    store = Store(path)
    try:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        dump = store.dump()
        dump.pop("dumped_at", None)  # when, not what
        return dump
    finally:
        store.engine.dispose()


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    _out, err = capsys.readouterr()
    return code, err


def _one_line_failure(code: int, err: str) -> str:
    assert code != 0, err
    assert "Traceback" not in err and "unexpected" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("launchmap: error: "), err
    return lines[0]


@contextlib.contextmanager
def _dashboard_on(db: Path | str, seeds: Path = FIXTURE_SEEDS) -> Iterator[None]:
    """The dashboard's environment pointed at ``db`` (and ``seeds``), with empty caches; restored after."""
    env = {"LAUNCHMAP_DB": str(db), "LAUNCHMAP_SEEDS": str(seeds)}
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        st.cache_resource.clear()


def _page_notice(db: Path | str, seeds: Path = FIXTURE_SEEDS) -> str:
    """The dashboard opened on ``db``: no exception, and the notice it shows."""
    with _dashboard_on(db, seeds):
        app = AppTest.from_file(APP, default_timeout=60).run()
    assert not app.exception, [e.value for e in app.exception]
    notices = [e.value for e in app.error]
    assert notices and "cannot be opened" in notices[0], notices
    return notices[0]


def _csv(path: Path, frame: pd.DataFrame) -> Path:
    frame.assign(launched_at=frame["launched_at"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")).to_csv(path, index=False)
    return path


# --- a full disk ------------------------------------------------------------------------------------


def test_full_disk__max_page_count__import_refused_whole_and_store_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "full.db"
    _seeded(path).engine.dispose()
    before = _snapshot(path)
    store = Store(path)
    with store.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    store.engine.dispose()  # the limit is per connection: every new one gets it
    sa.event.listen(
        store.engine, "connect", lambda dbapi, _record: dbapi.execute(f"PRAGMA max_page_count={pages + 8}")
    )
    with pytest.raises(StoreError) as refused:
        store.import_launches(_events(60))
    message = str(refused.value)
    assert "cannot write to the store" in message and "full" in message and "nothing was saved" in message
    store.engine.dispose()
    assert _snapshot(path) == before
    # Room again: the same store takes the next import whole.
    assert len(Store(path).import_launches(_events(3, 100)).inserted) == 3
    FAULTS["full disk (SQLite max_page_count)"] = {"library": message}


@contextlib.contextmanager
def _tmpfs(size: str) -> Iterator[Path]:
    """A tiny tmpfs of ``size`` (root only), unmounted after."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    import tempfile

    point = Path(tempfile.mkdtemp(prefix="launchmap-tmpfs-"))
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)], capture_output=True
    )
    if done.returncode != 0:
        point.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)
        point.rmdir()


def _remount(point: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(point)], check=True, capture_output=True)


def test_full_disk__tmpfs__library_cli_and_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with _tmpfs("400k") as disk:
        path = disk / "store.db"
        _seeded(path).engine.dispose()
        before = _snapshot(path)
        store = Store(path)
        with pytest.raises(StoreError) as refused:
            store.import_launches(_events(60))
        store.engine.dispose()
        message = str(refused.value)
        assert "full" in message and "nothing was saved" in message
        assert _snapshot(path) == before

        code, err = _cli(capsys, "--db", str(path), "import", str(_csv(tmp_path / "big.csv", _events(60))))
        line = _one_line_failure(code, err)
        assert "full" in line
        assert _snapshot(path) == before
        FAULTS["full disk (400 kB tmpfs)"] = {"library": message, "cli": f"exit {code}: {line}"}


# --- a read-only store -------------------------------------------------------------------------------


def test_read_only_store__writes_refused_reads_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with _tmpfs("4m") as disk:
        path = disk / "store.db"
        _seeded(path).engine.dispose()
        before = _snapshot(path)
        _remount(disk, "ro")
        try:
            answers = {}
            try:
                store = Store(path)
                assert len(store.launches()) == 3  # reading a read-only store still works
                with pytest.raises(StoreError) as refused:
                    store.import_launches(_events(1, 10))
                store.engine.dispose()
            except StoreError as error:  # or it is refused at opening: either way, said in one line
                refused = pytest.ExceptionInfo.from_exception(error)
            message = str(refused.value)
            assert "store" in message and ("read" in message or "open" in message), message
            answers["library"] = message
            code, err = _cli(
                capsys, "--db", str(path), "import", str(_csv(tmp_path / "one.csv", _events(1, 10)))
            )
            answers["cli"] = f"exit {code}: {_one_line_failure(code, err)}"
            # A store in a folder that cannot be created there.
            with pytest.raises(StoreError, match="its folder cannot be created"):
                Store(disk / "new" / "store.db")
            code, err = _cli(capsys, "--db", str(disk / "new" / "store.db"), "events")
            answers["cli, new folder"] = f"exit {code}: {_one_line_failure(code, err)}"
            answers["page, new folder"] = _page_notice(disk / "new" / "store.db")
        finally:
            _remount(disk, "rw")
        assert _snapshot(path) == before
        FAULTS["read-only store (tmpfs mounted ro)"] = answers


# --- a damaged database file -------------------------------------------------------------------------


def _damaged(kind: str, folder: Path) -> Path:
    path = folder / f"{kind}.db"
    if kind in ("truncated", "header only"):
        good = folder / "good.db"
        _seeded(good).engine.dispose()
        data = good.read_bytes()
        path.write_bytes(data[: len(data) // 2] if kind == "truncated" else data[:100])
    elif kind == "random bytes":
        path.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(64_000)))
    elif kind == "a CSV file":
        path.write_text((FIXTURE_SEEDS / "launches.csv").read_text(encoding="utf-8"), encoding="utf-8")
    elif kind == "a folder":
        path.mkdir()
    return path


DAMAGED = ("random bytes", "truncated", "header only", "a CSV file", "a folder")


@pytest.mark.parametrize("kind", DAMAGED)
def test_damaged_database__refused_at_opening_and_left_as_it_was(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _damaged(kind, tmp_path)
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(StoreError) as refused:
        Store(path).seed(FIXTURE_SEEDS)
    message = str(refused.value)
    assert message.startswith("cannot open the store at") and str(path.name) in message, message
    assert any(word in message for word in ("not a database", "malformed", "unable to open")), message
    code, err = _cli(capsys, "--db", str(path), "events")
    line = _one_line_failure(code, err)
    notice = _page_notice(path)
    assert (path.read_bytes() if path.is_file() else None) == before  # nothing written over it
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    FAULTS[f"damaged database: {kind}"] = {"library": message, "cli": f"exit {code}: {line}", "page": notice}


# --- missing seeds at first start --------------------------------------------------------------------


@pytest.mark.parametrize("missing", ["the folder", "launches.csv", "an unreadable sites.csv"])
def test_missing_seeds__first_start_says_what_is_missing(
    missing: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "seeds"
    if missing != "the folder":
        shutil.copytree(FIXTURE_SEEDS, seeds)
        if missing == "launches.csv":
            (seeds / "launches.csv").unlink()
        else:
            (seeds / "sites.csv").unlink()
            (seeds / "sites.csv").mkdir()  # unreadable as a file, even for root
    path = tmp_path / "first.db"
    with pytest.raises(MissingSeeds) as refused:
        Store(path).seed(seeds)
    message = str(refused.value)
    assert "expected" in message and str(seeds) in message, message
    monkeypatch.setenv("LAUNCHMAP_SEEDS", str(seeds))
    code, err = _cli(capsys, "--db", str(path), "events")
    line = _one_line_failure(code, err)
    notice = _page_notice(path, seeds)
    assert "seed folder" in notice
    store = Store(path)
    assert store.launches().empty  # nothing half-seeded: no table has a row
    assert store.sites().empty and store.systems().empty
    FAULTS[f"missing seeds: {missing}"] = {"library": message, "cli": f"exit {code}: {line}", "page": notice}


def test_faults__a_real_process_prints_one_line(tmp_path: Path) -> None:
    """The installed entry point, not only main(): the damaged file through a real interpreter."""
    path = _damaged("random bytes", tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "launchmap_cli.main", "--db", str(path), "events"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "LAUNCHMAP_SEEDS": str(FIXTURE_SEEDS)},
        timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0 and "file is not a database" in done.stderr


def test_sqlite_refuses_what_the_damaged_cases_hold(tmp_path: Path) -> None:
    """The damaged files are damaged for SQLite itself (so the cases above test what they say)."""
    for kind in ("random bytes", "a CSV file"):
        path = _damaged(kind, tmp_path)
        with pytest.raises(sqlite3.DatabaseError), contextlib.closing(sqlite3.connect(path)) as connection:
            connection.execute("SELECT count(*) FROM launches").fetchall()


def test_full_disk__data_page_save_says_not_saved_and_keeps_the_store() -> None:
    """The dashboard's add form on a disk that fills up after the page opened: a notice, nothing half."""
    with _tmpfs("2m") as disk:
        path = disk / "store.db"
        _seeded(path).engine.dispose()
        before = _snapshot(path)
        with _dashboard_on(path):
            app = AppTest.from_file(APP, default_timeout=60)
            app.switch_page("app_pages/data.py")
            app.run()
            for label, value in {"ID": "2025-11-09-full", "Who said it": "ROK JCS"}.items():
                next(w for w in app.text_input if w.label == label).set_value(value)
            next(w for w in app.text_area if w.label == "Notes").set_value("n" * 19_000)
            with (disk / "filler").open("wb") as filler:  # the disk fills while the page is open
                filler.write(b"\0" * shutil.disk_usage(disk).free)
            next(b for b in app.button if b.label == "Save").click()
            app.run()
            from dashboard import common

            common.get_store().engine.dispose()  # the page's cached store: let go of the file
        notices = [e.value for e in app.error]
        assert not app.exception, [e.value for e in app.exception]
        assert not app.success and notices and notices[0].startswith("Not saved"), notices
        assert "full" in notices[0], notices
        (disk / "filler").unlink()
        assert _snapshot(path) == before
        FAULTS["full disk during a save on the Data page"] = {"page": notices[0]}
