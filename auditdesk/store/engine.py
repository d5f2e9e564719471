"""The one place a database engine is made.

Every connection gets its pragmas in a ``connect`` event, before any transaction, and
SQLAlchemy (not the sqlite3 module) emits BEGIN, following SQLAlchemy's documented recipe
for proper SQLite transactions: without it, pysqlite starts transactions lazily and DDL
runs outside them, so a failed migration could leave half a schema behind.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.pool import QueuePool

from auditdesk.store import problems
from auditdesk.store.sqlite_files import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    open_connection,
    probe,
    read_application_id,
)

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_MS",
    "make_engine",
    "open_connection",
    "probe",
    "read_application_id",
    "writer",
]


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


def writer(engine: Engine) -> Engine:
    """The same engine, beginning transactions with BEGIN IMMEDIATE (the write lock)."""
    return engine.execution_options(begin="IMMEDIATE")
