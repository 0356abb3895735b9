"""A throwaway PostgreSQL server for the tests in this folder.

``DIPLOGRAPH_TEST_PG`` (a server URL, e.g. ``postgresql://me@/postgres?host=/run/pg``)
uses an existing server; otherwise a server is started from Debian's binaries
(``apt-get install postgresql``) in a temporary folder, as the ``postgres`` OS
user when the tests run as root, with its unix socket in that folder. Each
test gets a new, empty database on it. Without either, the tests are skipped.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ENV = "DIPLOGRAPH_TEST_PG"


def _pg_bin() -> Path | None:
    """The folder holding initdb/pg_ctl: on PATH, or the newest under /usr/lib/postgresql."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_user() -> list[str]:
    """The prefix that runs a server command as a non-root user (PostgreSQL refuses root)."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        pytest.skip("running as root and runuser is missing: cannot start PostgreSQL as non-root")
    try:
        subprocess.run(["id", "postgres"], check=True, capture_output=True)
    except subprocess.CalledProcessError:
        pytest.skip("running as root and there is no 'postgres' OS user to run the server")
    return [runuser, "-u", "postgres", "--"]


def _start_server(folder: Path) -> tuple[str, list[str]]:
    """initdb + pg_ctl start in ``folder``; return the server URL and the stop command."""
    binaries = _pg_bin()
    if binaries is None:
        pytest.skip("PostgreSQL server binaries not found (apt-get install postgresql), "
                    f"and {ENV} is not set")  # fmt: skip
    prefix = _as_user()
    if prefix:
        shutil.chown(folder, user="postgres")
    data, port = folder / "data", _free_port()
    subprocess.run([*prefix, str(binaries / "initdb"), "-D", str(data), "-A", "trust",
                    "-U", "postgres", "-E", "UTF8", "--no-sync"],
                   check=True, capture_output=True)  # fmt: skip
    options = f"-k {folder} -p {port} -c listen_addresses='' -c fsync=off"
    subprocess.run([*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-o", options,
                    "-l", str(folder / "server.log"), "-w", "start"],
                   check=True, capture_output=True)  # fmt: skip
    stop = [*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
    return f"postgresql://postgres@/postgres?host={folder}&port={port}", stop


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL of a PostgreSQL server (its ``postgres`` database) for this test session."""
    pytest.importorskip("psycopg", reason="psycopg is missing: pip install 'diplograph[postgres]'")
    if os.environ.get(ENV):
        yield os.environ[ENV]
        return
    folder = Path(tempfile.mkdtemp(prefix="dg-pg-"))  # short: unix socket paths are limited
    folder.chmod(0o755)
    try:
        url, stop = _start_server(folder)
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"could not start PostgreSQL: {exc.stderr.decode(errors='replace')[-500:]}")
    try:
        yield url
    finally:
        subprocess.run(stop, check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def _admin(url: str, sql: str) -> None:
    import psycopg

    conninfo = _with_database(url, urlsplit(url).path.lstrip("/") or "postgres")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """URL of a new, empty database on the test server (dropped afterwards)."""
    name = f"dg_test_{uuid.uuid4().hex[:12]}"
    try:
        _admin(pg_server, f'CREATE DATABASE "{name}"')
    except Exception as exc:  # psycopg's errors: no CREATEDB right, server gone
        pytest.skip(f"cannot create a test database on the PostgreSQL server: {exc}")
    yield _with_database(pg_server, name)
    _admin(pg_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
