"""Opening a database for work: recognise or create it, migrate it, install templates.

This is the one way the window and every command open a database (through
:func:`open_workspace`), so a damaged, read-only or empty file is met, and said, the same
way everywhere."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import exists, select

from auditdesk import paths
from auditdesk.services.kernel._templates import install_shipped_templates
from auditdesk.store.database import Database, app_state, open_database, set_app_state
from auditdesk.store.models import Audit, AuditSectionGrade
from auditdesk.store.state_keys import SECTION_GRADES_KEY

__all__ = ["Database", "open_workspace"]

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
            fill_section_grades_once(db, progress)
    except BaseException:
        db.close()
        raise
    log.info("opened %s%s", db.path, " read-only" if db.read_only else "")
    return db


def fill_section_grades_once(
    db: Database, progress: Callable[[int, int], bool] | None = None
) -> None:
    """Grade the audits that have no stored section grades, unless the database says none
    lacks them. Looking costs a probe per audit (about 50 ms at 50,000) and filling parses
    every template, so after the first time start-up reads one key instead."""
    with db.read() as session:
        if app_state(session, SECTION_GRADES_KEY) == "yes":
            return
    if _lacks_section_grades(db):
        # Imported here: grading belongs to the audits feature, which the kernel does not
        # need in order to load, and start-up almost never does this.
        from auditdesk.services.audits._section_grades import (  # noqa: PLC0415
            fill_missing_section_grades,
        )

        fill_missing_section_grades(db, progress)
        if _lacks_section_grades(db):
            return  # stopped part-way: the rest is filled next time
    with db.write() as session:
        set_app_state(session, SECTION_GRADES_KEY, "yes")


def _lacks_section_grades(db: Database) -> bool:
    missing = ~exists().where(AuditSectionGrade.audit_id == Audit.id)
    with db.read() as session:
        return session.scalar(select(Audit.id).where(missing).limit(1)) is not None
