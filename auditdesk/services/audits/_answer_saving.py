"""Saving one answer the short way: the audit's rows are read as plain values (not loaded
as objects to change, but for the one answer), the audit is regraded only when a rating
changed, and only the changed answer is checked before the document is hashed, the rest
coming from what the last save worked out (``_content``). Every other edit goes the whole
way (``audit_state.after_edit``).

What is stored is the same as the whole way's, byte for byte: the same document hashed,
the same grades, section grades, trail and revision. When nothing was kept for the audit,
or its rows differ from what was kept by more than this answer, the whole way is taken,
and what it works out is kept for the saves that follow.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditdesk.domain.grades import Grade
from auditdesk.domain.grading import grade_audit
from auditdesk.services.audits import _state as audit_state
from auditdesk.services.audits._content import recall, remember, with_answer
from auditdesk.services.audits._section_grades import store_section_grades
from auditdesk.services.kernel import _revisions as revisions
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._records import GradeUpdate
from auditdesk.store.models import Answer, AuditBlock


def answer_row(
    session: Session, audit_id: int, question_id: str, block: AuditBlock | None
) -> Answer | None:
    """The one stored answer (read through the unique index it lives in)."""
    in_block = Answer.block_id.is_(None) if block is None else Answer.block_id == block.id
    return session.scalar(
        select(Answer).where(
            Answer.audit_id == audit_id, Answer.question_id == question_id, in_block
        )
    )


def answers_given(session: Session, audit_id: int) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(Answer).where(audit_state.answers_of(audit_id))
        )
        or 0
    )


def after_answer(
    session: Session,
    ctx: ServiceContext,
    loaded: audit_state.LoadedAudit,
    row: Answer,
    block_uuid: str | None,
) -> GradeUpdate:
    """Regrade, rehash and stamp an audit after one answer changed (``row``, already
    holding the new values)."""
    audit = loaded.audit
    key = (row.question_id, block_uuid)
    base = recall(audit.content_hash)
    # As stored now, this answer's change included (reading flushes it first).
    stored = audit_state.stored_content(
        session, loaded, audit_state.stored_answers(session, loaded)
    )
    if base is None or not base.stored.same_but(stored, key):
        return audit_state.after_edit(session, ctx, loaded)
    grading = base.grading
    before = base.stored.answers.get(key)
    if (before[0] if before else None) != row.rating:
        ratings = base.ratings()
        ratings.pop(key, None)
        if row.rating:
            ratings[key] = row.rating
        grading = grade_audit(loaded.index, loaded.blocks, loaded.context, ratings)
    audit.suggested_grade = grading.overall.value if grading.overall else None
    audit.final_grade = audit_state.effective_final_grade(session, audit)
    content = with_answer(base, stored.graded(audit.suggested_grade), key, grading)
    audit.content_hash = content.content_hash
    remember(content)
    # As after_edit: editing a revision that was sent (sealed) starts the next revision.
    revisions.follow_edit(session, audit)
    audit.updated_at = ctx.now()
    audit_state.refresh_search_text(session, loaded)
    store_section_grades(session, audit.id, grading)
    session.flush()
    return GradeUpdate(
        audit.uuid,
        grading,
        Grade(audit.suggested_grade) if audit.suggested_grade else None,
        Grade(audit.final_grade) if audit.final_grade else None,
    )
