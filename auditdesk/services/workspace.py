"""Opening a database for work: recognise or create it, migrate it, install templates."""

from __future__ import annotations

from pathlib import Path

from auditdesk import paths
from auditdesk.services.section_grades import fill_missing_section_grades
from auditdesk.services.templates import install_shipped_templates
from auditdesk.store.database import Database, open_database

__all__ = ["Database", "open_workspace"]


def open_workspace(path: Path | None = None, *, create: bool = True) -> Database:
    """The database at ``path`` (default: the user's), ready for the services."""
    db = open_database(path or paths.default_database_path(), create=create)
    try:
        install_shipped_templates(db)
        fill_missing_section_grades(db)
    except BaseException:
        db.close()
        raise
    return db
