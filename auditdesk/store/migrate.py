"""Bring a database up to this version's schema without ever losing it.

The order matters (docs/architecture.md, "Storage"): back up with SQLite's backup API (a
file copy of a live WAL database can miss committed pages), migrate with foreign keys off
inside one transaction, verify integrity and foreign keys, and restore the backup if
anything fails. A database from a newer AuditDesk is refused before anything is written.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text

from auditdesk.errors import DatabaseDamaged, DatabaseProblem, DatabaseTooNew
from auditdesk.store import problems
from auditdesk.store.engine import make_engine, open_connection, probe
from auditdesk.store.schema_check import schema_problems
from auditdesk.store.shipped import shipped_head

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# Alembic (with Mako and Pygments behind it) costs a few hundred milliseconds to import,
# a big share of the start-up budget. Opening a database already at the shipped head needs
# none of it (auditdesk/store/shipped.py reads the head from the scripts' text), so it is
# imported only when there is something to migrate or refuse.


@dataclass(frozen=True)
class MigrationReport:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    from alembic.config import Config  # noqa: PLC0415 - see the note on start-up above

    config = Config()
    location = resources.files("auditdesk.store") / "migrations"
    config.set_main_option("script_location", str(location))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    script = ScriptDirectory.from_config(alembic_config())
    return {revision.revision for revision in script.walk_revisions()}


def stored_revision(path: Path) -> str | None:
    """The schema revision recorded in the file, read without writing anything."""
    try:
        with probe(path) as connection:
            if "alembic_version" not in table_names(connection):
                return None
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            return str(row[0]) if row else None
    except sqlite3.Error as error:
        raise problems.translate(path, error) or problems.damaged(path, str(error)) from None


def table_names(connection: sqlite3.Connection) -> set[str]:
    return {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }


def refuse_if_newer(path: Path, revision: str | None) -> None:
    if revision is None or revision == shipped_head():
        return
    if revision not in known_revisions():
        raise DatabaseTooNew(
            f"{path.name} was last used by a newer version of AuditDesk (schema {revision}). "
            "Install the latest AuditDesk to open it; this version has not changed the file."
        )


def backup_database(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup API (a file copy of a live WAL
    database can miss committed pages). The source is only read, so a read-only database
    can be backed up too."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with probe(source) as src, closing(open_connection(target)) as dst:
        src.backup(dst)


def restore_database(backup: Path, path: Path) -> None:
    """Put ``backup`` back as ``path``, byte for byte.

    Called once every connection to ``path`` is closed. The failed attempt's ``-wal`` and
    ``-shm`` go first: left beside the restored file, SQLite would replay that WAL into it.
    The backup's bytes are then written under a temporary name, flushed to disk and renamed
    over the file, so at every moment there is either the old file or the whole backup."""
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    temporary = path.with_name(f".{path.name}.restoring")
    with backup.open("rb") as source, temporary.open("wb") as target:
        shutil.copyfileobj(source, target)
        target.flush()
        os.fsync(target.fileno())
    os.replace(temporary, path)


def upgrade_to_head(path: Path, *, take_backup: bool = True) -> MigrationReport:
    """Migrate ``path`` to the head revision (a no-op when it is already there)."""
    before = stored_revision(path)
    if before is not None and before == shipped_head():
        return MigrationReport(before, before, None)
    refuse_if_newer(path, before)
    head = head_revision()
    if before == head:
        return MigrationReport(before, head, None)
    backup: Path | None = None
    if take_backup and before is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = path.with_name(f"{path.stem}.before-{head}-{stamp}{path.suffix}.bak")
        backup_database(path, backup)
        log.info("backed up %s to %s before migrating %s -> %s", path, backup, before, head)
    try:
        _run_alembic(path)
        _verify(path, head)
    except Exception as error:
        if backup is not None:
            restore_database(backup, path)  # backup -> live file
            log.exception("migration failed; restored %s from %s", path, backup)
            raise DatabaseProblem(
                f"Updating {path.name} to this version of AuditDesk failed ({error}). "
                f"The database was restored from the backup {backup.name}; nothing is lost."
            ) from error
        raise
    if before is None:
        log.info("created the database schema (revision %s) in %s", head, path)
    else:
        log.info("migrated %s from %s to %s; backup taken first: %s", path, before, head, backup)
    return MigrationReport(before, head, backup)


def _run_alembic(path: Path) -> None:
    from alembic import command  # noqa: PLC0415

    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()


def _verify(path: Path, head: str) -> None:
    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            integrity = connection.execute(text("PRAGMA integrity_check")).scalar()
            if integrity != "ok":
                raise DatabaseDamaged(f"integrity check failed after migrating: {integrity}")
            broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            if broken:
                raise DatabaseDamaged(f"{len(broken)} broken references after migrating")
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if revision != head:
                raise DatabaseProblem(f"schema is at {revision} after migrating, not {head}")
            missing = schema_problems(connection.connection.dbapi_connection)  # type: ignore[arg-type]
            if missing:
                raise DatabaseDamaged(f"after migrating, {'; '.join(missing[:3])}")
    finally:
        engine.dispose()
