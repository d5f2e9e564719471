"""Each audit's section grades as stored for the Board's figures by section: kept current
by every edit (``audit_state.after_edit``), and filled in for audits from a database older
than the stored-grades table (schema 0001).

Filling them reads audits a batch at a time with one query per table (not one audit at a
time), so upgrading a large database takes seconds per thousand audits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, exists, insert, select, update
from sqlalchemy.orm import Session

from auditdesk.domain.answer_context import AnswerContext
from auditdesk.domain.grading import GradingResult, grade_audit
from auditdesk.domain.reference import PlanStage
from auditdesk.domain.template_index import Block
from auditdesk.services.kernel._templates import index_for
from auditdesk.store.database import Database
from auditdesk.store.models import Answer, Audit, AuditBlock, AuditSectionGrade, TemplateVersion

BATCH = 1000
AnswerKey = tuple[str, str | None]


def section_grade_rows(audit_id: int, grading: GradingResult) -> list[dict[str, Any]]:
    return [
        {
            "audit_id": audit_id,
            "section_id": section.section_id,
            "grade": section.grade.value if section.grade else None,
            "average": section.average,
            "rated": section.rated,
        }
        for section in grading.sections
    ]


def store_section_grades(session: Session, audit_id: int, grading: GradingResult) -> None:
    """Make the audit's stored section grades (what Board figures by section read) those
    of ``grading``, writing only the rows that differ: one answer moves a few sections."""
    wanted = {row["section_id"]: row for row in section_grade_rows(audit_id, grading)}
    stored = {
        section_id: {"grade": grade, "average": average, "rated": rated}
        for section_id, grade, average, rated in session.execute(
            select(
                AuditSectionGrade.section_id,
                AuditSectionGrade.grade,
                AuditSectionGrade.average,
                AuditSectionGrade.rated,
            ).where(AuditSectionGrade.audit_id == audit_id)
        )
    }
    gone = stored.keys() - wanted.keys()
    if gone:
        session.execute(
            delete(AuditSectionGrade).where(
                AuditSectionGrade.audit_id == audit_id, AuditSectionGrade.section_id.in_(gone)
            )
        )
    new = [row for section_id, row in wanted.items() if section_id not in stored]
    if new:
        session.execute(insert(AuditSectionGrade), new)
    for section_id, row in wanted.items():
        held = stored.get(section_id)
        if held is not None and any(held[name] != row[name] for name in held):
            session.execute(
                update(AuditSectionGrade)
                .where(
                    AuditSectionGrade.audit_id == audit_id,
                    AuditSectionGrade.section_id == section_id,
                )
                .values(grade=row["grade"], average=row["average"], rated=row["rated"])
            )


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
