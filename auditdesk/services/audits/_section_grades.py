"""Section grades for audits from a database older than the stored-grades table (schema
0001). Every edit keeps them current after that (``audit_state.after_edit``).

Filling them reads audits a batch at a time with one query per table (not one audit at a
time), so upgrading a large database takes seconds per thousand audits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import exists, insert, select

from auditdesk.domain.grading import grade_audit
from auditdesk.domain.reference import PlanStage
from auditdesk.domain.template_index import Block
from auditdesk.domain.template_model import AnswerContext
from auditdesk.services.audits._state import section_grade_rows
from auditdesk.services.kernel._templates import index_for
from auditdesk.store.database import Database
from auditdesk.store.models import Answer, Audit, AuditBlock, AuditSectionGrade, TemplateVersion

BATCH = 1000
AnswerKey = tuple[str, str | None]


def fill_missing_section_grades(
    db: Database, progress: Callable[[int, int], bool] | None = None
) -> int:
    """Grade every audit that has no stored section grades. Returns how many were filled;
    cheap (one indexed query) when there are none."""
    missing = ~exists().where(AuditSectionGrade.audit_id == Audit.id)
    with db.read() as session:
        todo = session.scalars(select(Audit.id).where(missing).order_by(Audit.id)).all()
        versions = {v.id: index_for(v) for v in session.scalars(select(TemplateVersion))}
    for start in range(0, len(todo), BATCH):
        batch = todo[start : start + BATCH]
        with db.write() as session:
            audits = session.execute(
                select(
                    Audit.id, Audit.template_version_id, Audit.year_group, Audit.plan_stage
                ).where(Audit.id.in_(batch))
            ).all()
            blocks: dict[int, list[Block]] = defaultdict(list)
            block_rows = (
                session.execute(select(AuditBlock).where(AuditBlock.audit_id.in_(batch)))
                .scalars()
                .all()
            )
            block_uuid = {row.id: row.uuid for row in block_rows}
            for row in block_rows:
                parent = block_uuid.get(row.parent_id) if row.parent_id else None
                blocks[row.audit_id].append(
                    Block(row.uuid, row.section_id, parent, row.label, row.position, row.year_group)
                )
            ratings: dict[int, dict[AnswerKey, str]] = defaultdict(dict)
            for audit_id, question_id, block_id, rating in session.execute(
                select(Answer.audit_id, Answer.question_id, Answer.block_id, Answer.rating).where(
                    Answer.audit_id.in_(batch), Answer.rating.is_not(None)
                )
            ):
                key = (question_id, block_uuid.get(block_id) if block_id else None)
                if rating is not None:
                    ratings[audit_id][key] = rating
            rows: list[dict[str, object]] = []
            for audit_id, version_id, year_group, stage in audits:
                context = AnswerContext(year_group, PlanStage(stage) if stage else None)
                grading = grade_audit(
                    versions[version_id], blocks[audit_id], context, ratings[audit_id]
                )
                rows += section_grade_rows(audit_id, grading)
            if rows:
                session.execute(insert(AuditSectionGrade), rows)
        if progress is not None and not progress(start + len(batch), len(todo)):
            break
    return len(todo)
