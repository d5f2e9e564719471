"""Opening a database for work: recognise or create it, migrate it, install templates.

This is the one way the window and every command open a database (through
:func:`open_workspace`), so a damaged, read-only or empty file is met, and said, the same
way everywhere."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from auditdesk import paths
from auditdesk.services.audits._section_grades import fill_missing_section_grades
from auditdesk.services.kernel._templates import install_shipped_templates
from auditdesk.store.database import Database, open_database
from auditdesk.store.lock import DatabaseLock
from auditdesk.store.problems import location_is_read_only

__all__ = ["Database", "DatabaseLock", "is_empty_file", "is_read_only", "open_workspace"]

log = logging.getLogger(__name__)


def open_workspace(
    path: Path | None = None,
    *,
    create: bool = True,
    progress: Callable[[int, int], bool] | None = None,
) -> Database:
    """The database at ``path`` (default: the user's), ready for the services.

    ``create`` makes a new database where there is none, an empty (0-byte) file included:
    the window asks the person before passing it for an empty file (:func:`is_empty_file`).
    A database that cannot be written opens read-only (``db.read_only``), as it is: the
    one-off work after an upgrade is left for when it can be written.

    ``progress`` hears about one-off work after an upgrade (grading older audits)."""
    db = open_database(path or paths.default_database_path(), create=create)
    try:
        if not db.read_only:
            install_shipped_templates(db)
            fill_missing_section_grades(db, progress)
    except BaseException:
        db.close()
        raise
    log.info("opened %s%s", db.path, " read-only" if db.read_only else "")
    return db


def is_empty_file(path: Path) -> bool:
    """A file that exists and holds nothing: opening it would make a new database in it."""
    path = path.expanduser()
    return path.is_file() and path.stat().st_size == 0


def is_read_only(path: Path) -> bool:
    """An existing database this computer cannot write to (its file, folder or drive)."""
    path = path.expanduser()
    return path.is_file() and location_is_read_only(path)
