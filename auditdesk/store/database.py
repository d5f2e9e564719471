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
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from auditdesk.errors import (
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseProblem,
    FileProblem,
    NotAnAuditDeskDatabase,
)
from auditdesk.store.engine import APPLICATION_ID, make_engine, probe, read_application_id, writer
from auditdesk.store.migrate import (
    MigrationReport,
    stored_revision,
    table_names,
    upgrade_to_head,
)
from auditdesk.store.models import AppState

DEVICE_KEY = "device_id"


class Database:
    """An open AuditDesk database file.

    Writes go through :meth:`write` one at a time (a lock here, BEGIN IMMEDIATE in SQLite),
    which is the "one writer" rule: concurrent edits queue rather than fail half-way.
    """

    def __init__(self, path: Path, engine: Engine, migration: MigrationReport | None) -> None:
        self.path = path
        self.engine = engine
        self.migration = migration
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(writer(engine), expire_on_commit=False)
        self._write_lock = threading.RLock()
        self.device_id = self._device_id()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed.

        Closing (not rolling back) ends it: the pool rolls the connection back, while
        objects already loaded keep their values instead of being expired."""
        with translate_errors(self.path), self._reader() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        with (
            self._write_lock,
            translate_errors(self.path),
            self._writer() as session,
            session.begin(),
        ):
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def _device_id(self) -> str:
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
    by a newer AuditDesk, and one whose header or schema is damaged.
    """
    path = path.expanduser().absolute()
    migration: MigrationReport | None
    if path.is_dir():
        raise DatabaseProblem(f"{path} is a folder; choose a database file.")
    if not path.exists() or path.stat().st_size == 0 or _unfinished_creation(path):
        if not create:
            raise DatabaseProblem(f"There is no database at {path}.")
        migration = _create(path)
    else:
        recognise_database(path)
        migration = upgrade_to_head(path)
    return Database(path, make_engine(path), migration)


def _create(path: Path) -> MigrationReport:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Stamp the application id before WAL is on, so it lands in the main file's header
        # at once (in WAL mode page 1 could sit in the -wal file until a checkpoint).
        with closing(sqlite3.connect(path)) as connection:
            connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
            connection.commit()
    except (OSError, sqlite3.Error) as error:
        raise FileProblem(
            f"Cannot create a database at {path} ({error}). Choose a folder you can write to."
        ) from None
    return upgrade_to_head(path, take_backup=False)


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
        raise DatabaseDamaged(
            f"{path.name} is an AuditDesk file but its tables are missing; it may be damaged "
            "or a copy was interrupted. Restore it from a backup."
        )


@contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's expected failures into messages a caseworker can act on."""
    try:
        yield
    except OperationalError as error:
        text = str(error.orig).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseLocked(
                f"{path.name} is busy: another AuditDesk window or program is writing to it. "
                "Try again in a moment."
            ) from error
        if "disk is full" in text or "database or disk is full" in text:
            raise FileProblem(
                f"The disk holding {path.name} is full. Free some space; your last change "
                "was not saved."
            ) from error
        if "readonly" in text or "read-only" in text:
            raise FileProblem(
                f"{path.name} cannot be written to (it is read-only or on read-only media)."
            ) from error
        raise
    except DatabaseError as error:
        text = str(error.orig).lower()
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            raise DatabaseDamaged(
                f"{path.name} is damaged ({error.orig}). Restore it from a backup."
            ) from error
        raise


def app_state(session: Session, key: str) -> str | None:
    return session.scalar(select(AppState.value).where(AppState.key == key))


def set_app_state(session: Session, key: str, value: str) -> None:
    found = session.get(AppState, key)
    if found is None:
        session.add(AppState(key=key, value=value))
    else:
        found.value = value
