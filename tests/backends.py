"""Store back ends for tests: a SQLite file always; PostgreSQL when one is given or can be started.

``backend_url`` is parametrized over both, one fresh database per test. PostgreSQL comes from
``$LAUNCHMAP_TEST_PG_URL`` (an account that may create databases; ``.ci/run`` starts one), else
from a throwaway cluster this module starts on 127.0.0.1 with the installed ``initdb``/``pg_ctl``
(as the ``postgres`` user when run as root: PostgreSQL refuses root). With neither, the
PostgreSQL cases skip with the reason, unless ``$LAUNCHMAP_REQUIRE_PG`` is set (CI): then they fail.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

PG_URL_ENV = "LAUNCHMAP_TEST_PG_URL"
REQUIRE_PG_ENV = "LAUNCHMAP_REQUIRE_PG"
BACKENDS = ("sqlite", "postgresql")


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_postgres(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a PostgreSQL cluster in a temporary folder on 127.0.0.1; yields its admin URL."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        raise RuntimeError("no initdb/pg_ctl (Debian: apt-get install postgresql)")
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError as error:
            raise RuntimeError("running as root and there is no 'postgres' user to run the server") from error
    folder = Path(tempfile.mkdtemp(prefix="launchmap-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    port = _free_port()
    try:
        subprocess.run(
            _as_postgres(
                [initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]
            ),
            check=True,
            capture_output=True,
        )
        # fsync off: a test cluster that loses its data on a crash loses nothing of value.
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        subprocess.run(
            _as_postgres([pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"]),
            check=True,
            capture_output=True,
        )
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    except subprocess.CalledProcessError as error:
        log = (folder / "log").read_text() if (folder / "log").exists() else ""
        raise RuntimeError(f"cannot start PostgreSQL: {error.stderr.decode()[-500:]} {log[-500:]}") from error
    finally:
        subprocess.run(
            _as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """An admin URL of a PostgreSQL server for this test session, or a skip saying why there is none."""
    given = os.environ.get(PG_URL_ENV)
    if given:
        yield given
        return
    try:
        with throwaway_cluster() as url:
            yield url
    except RuntimeError as error:
        if os.environ.get(REQUIRE_PG_ENV):
            pytest.fail(f"PostgreSQL is required here (${REQUIRE_PG_ENV}) but: {error}")
        pytest.skip(f"PostgreSQL: no ${PG_URL_ENV} and {error}")


@contextlib.contextmanager
def fresh_pg_database(admin_url: str) -> Iterator[str]:
    """A new empty database on the server of ``admin_url``; dropped afterwards."""
    name = f"launchmap_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.engine.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty store on each back end."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'launchmap.db'}"
        return
    admin_url = request.getfixturevalue("pg_admin_url")
    with fresh_pg_database(admin_url) as url:
        yield url
