"""Blind second marking: the second marker sees the audit's structure and the plan to read,
never the first marker's ratings, rates each question, then submits, which grades both
sides and opens the reconciliation."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain import limits, validation
from auditdesk.domain.completion import AnswerState, missing_for_completion
from auditdesk.domain.grades import NOT_APPLICABLE
from auditdesk.domain.grading import GradingResult, grade_audit
from auditdesk.domain.reference import PrimaryNeed
from auditdesk.errors import CompletionRefused, InvalidInput, NotAllowed
from auditdesk.services.audits import _state as audit_state
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.moderation._reconciliation import reconciliation_of
from auditdesk.services.moderation._records import (
    find_moderation,
    rehash,
    second_ratings,
    touch,
)
from auditdesk.services.moderation._results import OVERALL, BlindAudit, Reconciliation
from auditdesk.store.models import (
    Audit,
    Child,
    Moderation,
    ModerationGrade,
    ModerationRating,
    Plan,
    Setting,
)


def blind_view(ctx: ServiceContext, moderation_uuid: str) -> BlindAudit:
    """What the second marker works from: the plan to read and their own ratings so far."""
    with ctx.db.read() as session:
        moderation = find_moderation(session, moderation_uuid)
        audit = session.get_one(Audit, moderation.audit_id)
        loaded = audit_state.load_audit(session, audit.uuid)
        ratings, comments = second_ratings(session, moderation, loaded)
        child = session.get(Child, audit.child_id) if audit.child_id else None
        plan = session.get(Plan, audit.plan_id) if audit.plan_id else None
        setting_id = audit.setting_id or (plan.setting_id if plan else None)
        setting = session.get(Setting, setting_id) if setting_id else None
        return BlindAudit(
            moderation_uuid,
            audit.reference,
            loaded.index,
            tuple(loaded.blocks),
            audit.year_group,
            audit.plan_stage,
            ratings,
            comments,
            moderation.status,
            template_title=loaded.version.title,
            child_reference=child.reference if child else None,
            primary_need=PrimaryNeed(audit.primary_need) if audit.primary_need else None,
            setting_name=setting.name if setting else None,
            plan_issue_date=plan.issue_date if plan else None,
            audit_date=audit.audit_date,
        )


def record_second_rating(
    ctx: ServiceContext,
    moderation_uuid: str,
    question_id: str,
    block_id: str | None,
    *,
    rating: str | None,
    comment: str = "",
) -> None:
    """The second marker's rating for one question (``None`` clears it)."""
    comment = validation.text_within(
        comment.strip(), "the second marker's comment", max_length=limits.MODERATION_NOTES
    )
    with ctx.db.write() as session:
        moderation = find_moderation(session, moderation_uuid)
        if moderation.status != "assigned":
            raise NotAllowed(
                "Assign a second marker first."
                if moderation.status == "drawn"
                else "Second marking is submitted and can no longer change."
            )
        audit = session.get_one(Audit, moderation.audit_id)
        loaded = audit_state.load_audit(session, audit.uuid)
        question = loaded.index.questions.get(question_id)
        if question is None or question.scale is None:
            raise InvalidInput("Only rated questions are second-marked.")
        scale = loaded.index.template.scale(question.scale)
        if rating is not None and rating != NOT_APPLICABLE and scale.option(rating) is None:
            raise InvalidInput(f"'{rating}' is not a rating for this question.")
        block_row = loaded.block_rows.get(block_id) if block_id else None
        if block_id and block_row is None:
            raise InvalidInput("That block is not part of this audit.")
        block_pk = block_row.id if block_row else None
        existing = session.scalar(
            select(ModerationRating).where(
                ModerationRating.moderation_id == moderation.id,
                ModerationRating.question_id == question_id,
                ModerationRating.block_id.is_(None)
                if block_pk is None
                else ModerationRating.block_id == block_pk,
            )
        )
        if rating is None:
            if existing is not None:
                session.delete(existing)
        elif existing is None:
            session.add(
                ModerationRating(
                    moderation_id=moderation.id,
                    question_id=question_id,
                    block_id=block_pk,
                    rating=rating,
                    comment=comment,
                )
            )
        else:
            existing.rating, existing.comment = rating, comment
        session.flush()
        moderation.updated_at = ctx.now()
        rehash(session, moderation)


def submit_second_marking(ctx: ServiceContext, moderation_uuid: str) -> Reconciliation:
    """Close blind marking: every applicable required rated question must be rated."""
    with ctx.db.write() as session:
        moderation = find_moderation(session, moderation_uuid)
        if moderation.status != "assigned":
            raise NotAllowed("This moderation is not waiting for second marking.")
        audit = session.get_one(Audit, moderation.audit_id)
        loaded = audit_state.load_audit(session, audit.uuid)
        ratings, _ = second_ratings(session, moderation, loaded)
        states = {key: AnswerState(value, "-") for key, value in ratings.items()}
        missing = [
            item
            for item in missing_for_completion(loaded.index, loaded.blocks, loaded.context, states)
            if item.question_id
            and loaded.index.questions[item.question_id].is_rated
            and item.problem == "not rated yet"
        ]
        if missing:
            raise CompletionRefused(missing)
        first = grade_audit(loaded.index, loaded.blocks, loaded.context, loaded.ratings())
        second = grade_audit(loaded.index, loaded.blocks, loaded.context, ratings)
        _store_grades(session, moderation, first, second, audit)
        moderation.second_overall_grade = second.overall.value if second.overall else None
        moderation.status = "submitted"
        moderation.submitted_at = ctx.now()
        touch(session, ctx, moderation, "second marking submitted", moderation.second_overall_grade)
        return reconciliation_of(session, moderation)


def _store_grades(
    session: Session,
    moderation: Moderation,
    first: GradingResult,
    second: GradingResult,
    audit: Audit,
) -> None:
    session.query(ModerationGrade).filter_by(moderation_id=moderation.id).delete()
    first_overall = audit.override_grade or (first.overall.value if first.overall else None)
    session.add(
        ModerationGrade(
            moderation_id=moderation.id,
            scope=OVERALL,
            first_grade=first_overall,
            second_grade=second.overall.value if second.overall else None,
        )
    )
    for mine, theirs in zip(first.sections, second.sections, strict=True):
        session.add(
            ModerationGrade(
                moderation_id=moderation.id,
                scope=mine.section_id,
                first_grade=mine.grade.value if mine.grade else None,
                second_grade=theirs.grade.value if theirs.grade else None,
            )
        )
    session.flush()
