"""Opening an AuditDesk database: recognise it, refuse what must not be touched, create or
migrate it, and hand out sessions (one lane for writes, any number for reads)."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from auditdesk.errors import DatabaseProblem, FileProblem, NotAnAuditDeskDatabase
from auditdesk.store import problems
from auditdesk.store.content_check import template_problems
from auditdesk.store.engine import (
    APPLICATION_ID,
    make_engine,
    open_connection,
    probe,
    read_application_id,
    writer,
)
from auditdesk.store.migrate import (
    MigrationReport,
    refuse_if_newer,
    stored_revision,
    table_names,
    upgrade_to_head,
)
from auditdesk.store.models import AppState
from auditdesk.store.schema_check import schema_problems
from auditdesk.store.shipped import shipped_head
from auditdesk.store.state_keys import DEVICE_KEY
from auditdesk.store.types import UnreadableDocument


class Database:
    """An open AuditDesk database file.

    Writes go through :meth:`write` one at a time (a lock here, BEGIN IMMEDIATE in SQLite),
    which is the "one writer" rule: concurrent edits queue rather than fail half-way.
    A database opened ``read_only`` (its file, folder or drive cannot be written) reads as
    usual and refuses every write with a message saying why and what to do.
    """

    def __init__(
        self,
        path: Path,
        engine: Engine,
        migration: MigrationReport | None,
        *,
        read_only: bool = False,
    ) -> None:
        self.path = path
        self.engine = engine
        self.migration = migration
        self.read_only = read_only
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(writer(engine), expire_on_commit=False)
        self._write_lock = threading.RLock()
        self.device_id = self._device_id()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed.

        Closing (not rolling back) ends it: the pool rolls the connection back, while
        objects already loaded keep their values instead of being expired."""
        with name_the_file(self.path), self._reader() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        if self.read_only:
            raise problems.read_only(self.path)
        with (
            self._write_lock,
            name_the_file(self.path),
            self._writer() as session,
            session.begin(),
        ):
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def _device_id(self) -> str:
        if self.read_only:
            # Nothing is written from here, so nothing needs this device's id: a stored one
            # is read as it is, and a database without one goes without.
            with self.read() as session:
                return app_state(session, DEVICE_KEY) or ""
        with self.write() as session:
            found = session.get(AppState, DEVICE_KEY)
            if found is not None:
                return found.value
            device = str(uuid.uuid4())
            session.add(AppState(key=DEVICE_KEY, value=device))
            return device


def open_database(path: Path, *, create: bool = True) -> Database:
    """Open (or create) the database at ``path``, migrating it if it is older.

    Refuses, without writing anything, a file that is not an AuditDesk database, one written
    by a newer AuditDesk, and a damaged one (its header, its tables, columns, indexes or
    triggers, or a stored template). ``create`` makes a database where there is none: no
    file, or an empty (0-byte) one; whoever passes it has decided that (the window asks
    first). A database that cannot be written is opened read-only if it needs no update.
    """
    path = path.expanduser().absolute()
    if path.is_dir():
        raise DatabaseProblem(f"{path} is a folder; choose a database file.")
    empty = path.exists() and path.stat().st_size == 0
    read_only = problems.location_is_read_only(path)
    if not path.exists() or empty or _unfinished_creation(path):
        if not create:
            if empty:
                raise problems.empty_file(path)
            raise DatabaseProblem(f"There is no database at {path}.")
        if path.exists() and read_only:
            raise problems.read_only(path, needs_update=True)
        migration = _create(path)
    else:
        recognise_database(path)
        migration = _as_it_is(path) if read_only else upgrade_to_head(path)
        check_structure(path)
    return Database(path, make_engine(path, read_only=read_only), migration, read_only=read_only)


def _create(path: Path) -> MigrationReport:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Stamp the application id before WAL is on, so it lands in the main file's header
        # at once (in WAL mode page 1 could sit in the -wal file until a checkpoint).
        with closing(open_connection(path)) as connection:
            connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
            connection.commit()
    except (OSError, sqlite3.Error) as error:
        raise FileProblem(
            f"Cannot create a database at {path} ({error}). Choose a folder you can write to."
        ) from None
    return upgrade_to_head(path, take_backup=False)


def _as_it_is(path: Path) -> MigrationReport:
    """A read-only file is usable only if it needs no update: nothing may be written."""
    revision = stored_revision(path)
    refuse_if_newer(path, revision)
    if revision is None or revision != shipped_head():
        raise problems.read_only(path, needs_update=True)
    return MigrationReport(revision, revision, None)


def check_structure(path: Path) -> None:
    """Refuse a file missing a table, column, index or trigger, or holding a template that
    changed since it was stored: said now, in words, rather than found half-way through an
    export. A few milliseconds: three catalogue queries and a fingerprint per template."""
    try:
        with probe(path) as connection:
            found = schema_problems(connection)
            if not found:
                found = template_problems(connection, validate=False)
    except sqlite3.Error as error:
        raise problems.translate(path, error) or problems.damaged(path, str(error)) from None
    if found:
        raise problems.damaged(path, "; ".join(found[:3]))


def _unfinished_creation(path: Path) -> bool:
    """An AuditDesk-stamped file with no tables at all: a creation that failed or was killed
    before its (single-transaction) migration committed. It never held data, so it is
    finished rather than refused as damaged."""
    if read_application_id(path) != APPLICATION_ID:
        return False
    try:
        with probe(path) as connection:
            return not table_names(connection)
    except sqlite3.DatabaseError:
        return False


def recognise_database(path: Path) -> None:
    """Refuse a file that is not an intact AuditDesk database, without writing to it."""
    if path.is_file() and path.stat().st_size == 0:
        raise problems.empty_file(path)
    application_id = read_application_id(path)
    if application_id is None:
        raise NotAnAuditDeskDatabase(
            f"{path.name} is not an AuditDesk database (it is not a database file at all, "
            "or its first page is damaged). AuditDesk has not changed it. Open another file "
            "or restore this one from a backup."
        )
    if application_id != APPLICATION_ID:
        raise NotAnAuditDeskDatabase(
            f"{path.name} is a database made by another program, not AuditDesk. "
            "AuditDesk has not changed it."
        )
    if stored_revision(path) is None:
        raise problems.damaged(
            path,
            "it is an AuditDesk file but its tables are missing; a copy may have been cut short",
        )


@contextmanager
def name_the_file(path: Path) -> Iterator[None]:
    """A stored document found damaged while rows were read (where the file is not known)
    is said with the file's name, in the one damaged-database message. SQLite's own errors
    are translated by the engine (see :func:`auditdesk.store.engine.make_engine`)."""
    try:
        yield
    except UnreadableDocument as error:
        raise problems.damaged(path, error.detail) from error


def app_state(session: Session, key: str) -> str | None:
    return session.scalar(select(AppState.value).where(AppState.key == key))


def set_app_state(session: Session, key: str, value: str) -> None:
    found = session.get(AppState, key)
    if found is None:
        session.add(AppState(key=key, value=value))
    else:
        found.value = value
