"""Section grades for audits from a database older than the stored-grades table (schema
0001). Every edit keeps them current after that (``audit_state.after_edit``)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import exists, select

from auditdesk.services import audit_state
from auditdesk.store.database import Database
from auditdesk.store.models import Audit, AuditSectionGrade

BATCH = 500


def fill_missing_section_grades(
    db: Database, progress: Callable[[int, int], bool] | None = None
) -> int:
    """Grade every audit that has no stored section grades (after upgrading from schema
    0001). Returns how many were filled; cheap when there are none."""
    missing = ~exists().where(AuditSectionGrade.audit_id == Audit.id)
    with db.read() as session:
        todo = session.scalars(select(Audit.uuid).where(missing).order_by(Audit.id)).all()
    for start in range(0, len(todo), BATCH):
        with db.write() as session:
            for audit_uuid in todo[start : start + BATCH]:
                loaded = audit_state.load_audit(session, audit_uuid)
                audit_state.store_section_grades(
                    session, loaded.audit.id, audit_state.grade_of(loaded)
                )
        if progress is not None and not progress(min(start + BATCH, len(todo)), len(todo)):
            break
    return len(todo)
