"""Reconciliation: once the second marker has submitted, both markers' ratings side by side,
then the agreed grades and notes, which make the audit moderated."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain import limits, validation
from auditdesk.domain.grades import NOT_APPLICABLE, Grade
from auditdesk.domain.reference import AuditStatus
from auditdesk.domain.template_model import RatingScale
from auditdesk.errors import InvalidInput, NotAllowed
from auditdesk.services.audits import _state as audit_state
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.moderation._records import find_moderation, second_ratings, touch
from auditdesk.services.moderation._results import (
    OVERALL,
    Reconciliation,
    ReconciliationLine,
    ScopeGrades,
)
from auditdesk.store.models import Audit, Moderation, ModerationGrade


def reconciliation(ctx: ServiceContext, moderation_uuid: str) -> Reconciliation:
    """Side by side, once (and only once) the second marker has submitted."""
    with ctx.db.read() as session:
        moderation = find_moderation(session, moderation_uuid)
        if moderation.status not in ("submitted", "agreed"):
            raise NotAllowed(
                "The first marker's ratings stay hidden until second marking is submitted."
            )
        return reconciliation_of(session, moderation)


def agree(
    ctx: ServiceContext,
    moderation_uuid: str,
    agreed: Mapping[str, Grade],
    notes: str,
) -> Reconciliation:
    """Record agreed grades (``overall`` required; sections optional) and notes; the audit
    becomes moderated and its final grade is the agreed overall grade."""
    if OVERALL not in agreed:
        raise InvalidInput("Record the agreed overall grade.")
    notes = validation.text_within(
        notes.strip(), "the agreement note", max_length=limits.MODERATION_NOTES
    )
    with ctx.db.write() as session:
        moderation = find_moderation(session, moderation_uuid)
        if moderation.status != "submitted":
            raise NotAllowed("Agreement follows submitted second marking.")
        audit = session.get_one(Audit, moderation.audit_id)
        grades = {
            row.scope: row
            for row in session.scalars(
                select(ModerationGrade).where(ModerationGrade.moderation_id == moderation.id)
            )
        }
        for scope, grade in agreed.items():
            if scope not in grades:
                raise InvalidInput(f"'{scope}' is not a graded section of this audit.")
            grades[scope].agreed_grade = grade.value
        moderation.agreed_grade = agreed[OVERALL].value
        moderation.notes = notes
        moderation.status = "agreed"
        moderation.agreed_at = ctx.now()
        touch(session, ctx, moderation, "agreed grade", agreed[OVERALL].label)
        if audit.status == AuditStatus.COMPLETED.value:
            audit_state.add_trail(
                session,
                ctx,
                audit_uuid=audit.uuid,
                record_type="audit",
                record_uuid=audit.uuid,
                field="status",
                old=AuditStatus.COMPLETED.label,
                new=AuditStatus.MODERATED.label,
            )
            audit.status = AuditStatus.MODERATED.value
        audit.final_grade = audit_state.effective_final_grade(session, audit)
        session.flush()
        return reconciliation_of(session, moderation)


def reconciliation_of(session: Session, moderation: Moderation) -> Reconciliation:
    """Both markers' ratings question by question, and the grades each gives."""
    audit = session.get_one(Audit, moderation.audit_id)
    loaded = audit_state.load_audit(session, audit.uuid)
    second, _ = second_ratings(session, moderation, loaded)
    first = loaded.ratings()
    lines: list[ReconciliationLine] = []
    for slot in loaded.index.slots(loaded.blocks, loaded.context):
        if not slot.applies or not slot.question.is_rated:
            continue
        scale = loaded.index.scale_for(slot.question)
        lines.append(
            ReconciliationLine(
                section_id=slot.section.id,
                section_title=slot.section.title,
                question_id=slot.question.id,
                prompt=slot.question.prompt,
                block_id=slot.block.id if slot.block else None,
                block_label=slot.block.label if slot.block else None,
                first=first.get(slot.key),
                second=second.get(slot.key),
                first_label=_label(scale, first.get(slot.key)),
                second_label=_label(scale, second.get(slot.key)),
                first_points=_points(scale, first.get(slot.key)),
                second_points=_points(scale, second.get(slot.key)),
            )
        )
    titles = {section.id: section.title for section in loaded.index.template.all_sections()}
    titles[OVERALL] = "Overall"
    grade_rows = session.scalars(
        select(ModerationGrade).where(ModerationGrade.moderation_id == moderation.id)
    ).all()
    order = [OVERALL, *titles]
    grade_rows = sorted(
        grade_rows, key=lambda row: order.index(row.scope) if row.scope in order else 999
    )
    grades = tuple(
        ScopeGrades(
            row.scope,
            titles.get(row.scope, row.scope),
            Grade(row.first_grade) if row.first_grade else None,
            Grade(row.second_grade) if row.second_grade else None,
            Grade(row.agreed_grade) if row.agreed_grade else None,
        )
        for row in grade_rows
    )
    return Reconciliation(
        moderation.uuid,
        audit.uuid,
        audit.reference,
        tuple(lines),
        grades,
        moderation.notes,
        moderation.status,
    )


def _label(scale: RatingScale | None, code: str | None) -> str:
    if code is None:
        return "—"
    if code == NOT_APPLICABLE:
        return "N/A"
    option = scale.option(code) if scale is not None else None
    return option.label if option is not None else code


def _points(scale: RatingScale | None, code: str | None) -> int | None:
    option = scale.option(code) if scale is not None and code else None
    return option.points if option is not None else None
