"""The one place a database engine is made.

Every connection gets its pragmas in a ``connect`` event, before any transaction, and
SQLAlchemy (not the sqlite3 module) emits BEGIN, following SQLAlchemy's documented recipe
for proper SQLite transactions: without it, pysqlite starts transactions lazily and DDL
runs outside them, so a failed migration could leave half a schema behind.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.pool import QueuePool

from auditdesk.store import problems

#: "ADSK" in the SQLite header (offset 68): how AuditDesk recognises its own files.
APPLICATION_ID = 0x4144534B
BUSY_TIMEOUT_MS = 5000


def make_engine(path: Path, *, foreign_keys: bool = True, read_only: bool = False) -> Engine:
    """An engine for the database file at ``path``.

    ``foreign_keys=False`` is only for migrations: a batch migration recreates tables, and
    with foreign keys on, dropping a parent table would cascade deletes into its children.
    Writes should use ``engine.execution_options(begin="IMMEDIATE")`` (see
    :func:`writer`) so a write transaction takes the lock up front instead of failing
    half-way when another connection holds it.

    Every SQLite error on it passes through :func:`auditdesk.store.problems.translate`, so
    a damaged, locked, full or read-only file reaches the caller as its message, wherever
    the statement ran (the services, the exports, the bundles, a migration).
    """

    def connect() -> sqlite3.Connection:
        # The pool hands each connection to one thread at a time; background readers and
        # the write lane each check out their own, hence check_same_thread=False.
        return open_connection(path, read_only=read_only, check_same_thread=False)

    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=QueuePool, pool_size=4)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            if not read_only:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        problem = problems.translate(path, context.original_exception)
        if problem is not None:
            raise problem from context.original_exception

    return engine


def open_connection(
    path: Path, *, read_only: bool = False, check_same_thread: bool = True
) -> sqlite3.Connection:
    """The one way AuditDesk opens a SQLite file (the engine, probes and backups all use it).

    Read-only opening is enforced by SQLite itself (``mode=ro``). Where SQLite could not
    even make the ``-shm`` file a WAL database needs for reading (a read-only folder or
    drive), and there is no ``-wal`` content to miss, the file is opened ``immutable``:
    nothing there can change it while it is open.
    """
    immutable = read_only and _needs_immutable(path)
    return sqlite3.connect(
        sqlite_uri(path, read_only=read_only, immutable=immutable),
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=check_same_thread,
    )


def _needs_immutable(path: Path) -> bool:
    folder_writable = os.access(path.parent, os.W_OK)
    shm = path.with_name(path.name + "-shm")
    wal = path.with_name(path.name + "-wal")
    wal_empty = not wal.exists() or wal.stat().st_size == 0
    return not folder_writable and not shm.exists() and wal_empty


def sqlite_uri(path: Path, *, read_only: bool = False, immutable: bool = False) -> str:
    """A percent-encoded URI, so any path works ('#', '?' and '%' included) and read-only
    opening is enforced by SQLite itself."""
    options = "?mode=ro" + ("&immutable=1" if immutable else "") if read_only else ""
    return "file:" + quote(path.resolve().as_posix()) + options


@contextmanager
def probe(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only look inside a file that leaves no trace behind.

    Opening a WAL database, even read-only, makes SQLite create empty ``-wal`` and ``-shm``
    files beside it. Those this probe created are removed again (an empty ``-wal`` holds
    nothing), so refusing a file really does leave the folder as it was.
    """
    sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = {sidecar: sidecar.exists() for sidecar in sidecars}
    connection = open_connection(path, read_only=True)
    try:
        yield connection
    finally:
        connection.close()
        wal = sidecars[0]
        if not existed[wal] and wal.exists() and wal.stat().st_size == 0:
            for sidecar in sidecars:
                if not existed[sidecar]:
                    sidecar.unlink(missing_ok=True)


def writer(engine: Engine) -> Engine:
    """The same engine, beginning transactions with BEGIN IMMEDIATE (the write lock)."""
    return engine.execution_options(begin="IMMEDIATE")


def read_application_id(path: Path) -> int | None:
    """The application id in a file's SQLite header, or ``None`` if it is not SQLite.

    Read from the raw header so a foreign or damaged file is never opened for writing.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return None
    return int.from_bytes(header[68:72], "big")
