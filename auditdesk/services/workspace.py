"""Opening a database for work: recognise or create it, migrate it, install templates."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from auditdesk import paths
from auditdesk.services.section_grades import fill_missing_section_grades
from auditdesk.services.templates import install_shipped_templates
from auditdesk.store.database import Database, open_database
from auditdesk.store.lock import DatabaseLock

__all__ = ["Database", "DatabaseLock", "open_workspace"]

log = logging.getLogger(__name__)


def open_workspace(
    path: Path | None = None,
    *,
    create: bool = True,
    progress: Callable[[int, int], bool] | None = None,
) -> Database:
    """The database at ``path`` (default: the user's), ready for the services.

    ``progress`` hears about one-off work after an upgrade (grading older audits)."""
    db = open_database(path or paths.default_database_path(), create=create)
    try:
        install_shipped_templates(db)
        fill_missing_section_grades(db, progress)
    except BaseException:
        db.close()
        raise
    log.info("opened %s", db.path)
    return db
