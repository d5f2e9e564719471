"""Creating audits and recording answers: the practice champion's and visitor's work."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditdesk.domain import limits, validation
from auditdesk.domain.answer_context import AnswerContext
from auditdesk.domain.grades import NOT_APPLICABLE
from auditdesk.domain.periods import term_key
from auditdesk.domain.reference import (
    Agency,
    AuditStatus,
    PlanStage,
    PrimaryNeed,
    Role,
    SubjectKind,
    TemplateKind,
    phase_for_year_group,
    year_group_label,
)

if TYPE_CHECKING:
    from auditdesk.domain.template_model import Question
from auditdesk.errors import InvalidInput, NotAllowed
from auditdesk.services.audits import _state as audit_state
from auditdesk.services.audits._answer_saving import after_answer, answer_row, answers_given
from auditdesk.services.audits._detail import detail_of
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._people import find_or_add_auditor
from auditdesk.services.kernel._record_hashes import rehash_plan
from auditdesk.services.kernel._records import AnswerRecord, AuditDetail, GradeUpdate
from auditdesk.services.kernel._subjects import record_child, setting_by_uuid
from auditdesk.services.kernel._templates import latest_version
from auditdesk.store.models import Answer, Audit, AuditAuditor, AuditBlock, Plan, Setting


@dataclass(frozen=True)
class ChildPlanSubject:
    """The plan being audited, described only by the child's pseudonymous reference."""

    child_reference: str
    year_group: int
    primary_need: PrimaryNeed
    plan_stage: PlanStage
    locality: str
    setting_uuid: str | None = None
    plan_issue_date: date | None = None


@dataclass(frozen=True)
class SettingVisitSubject:
    setting_uuid: str


@dataclass(frozen=True)
class TeamMemberInput:
    name: str
    agency: Agency
    role: Role = Role.PRACTICE_CHAMPION


MAX_TEXT = limits.ANSWER_TEXT  # a comment or evidence; the editor stops typing here too


class _Unset:
    """Marks an answer field the caller is not changing (``None`` means clear it)."""


UNSET = _Unset()


@dataclass(frozen=True)
class AnswerChange:
    """The answer before and after an edit (for undo) and the new grades."""

    before: AnswerRecord | None
    after: AnswerRecord
    grades: GradeUpdate


def create_audit(
    ctx: ServiceContext,
    *,
    template_id: str,
    subject: ChildPlanSubject | SettingVisitSubject,
    team: Sequence[TeamMemberInput] = (),
    audit_date: date | None = None,
) -> AuditDetail:
    """Start a draft audit against the latest version of a template.

    ``team`` lists the auditors, lead first; when empty, the person using AuditDesk leads.
    """
    with ctx.db.write() as session:
        version = latest_version(session, template_id)
        kind = TemplateKind(version.kind)
        audit_day = audit_date or ctx.today()
        if audit_day > ctx.today():
            raise InvalidInput("The audit date cannot be in the future.")
        validation.day_within(audit_day, "the audit date")
        if isinstance(subject, ChildPlanSubject):
            validation.day_within(subject.plan_issue_date, "the date the plan was issued")
        audit = Audit(
            uuid=str(uuid.uuid4()),
            reference=_new_reference(session),
            template_version_id=version.id,
            template_id=version.template_id,
            audit_date=audit_day,
            term_key=term_key(audit_day),
            status=AuditStatus.DRAFT.value,
            author=ctx.actor.name,
            device=ctx.device,
            created_at=ctx.now(),
            updated_at=ctx.now(),
        )
        _describe_subject(session, ctx, audit, kind, subject)
        members = list(team) or [TeamMemberInput(ctx.actor.name, ctx.actor.agency, ctx.actor.role)]
        if len(members) > limits.TEAM_SIZE:
            raise InvalidInput(
                f"An audit team has at most {limits.TEAM_SIZE} people; this one lists "
                f"{len(members)}."
            )
        for position, member in enumerate(members):
            auditor = find_or_add_auditor(session, ctx, member.name, member.agency, member.role)
            if any(m.auditor_id == auditor.id for m in audit.team):
                raise InvalidInput(f"{auditor.name} is listed twice in the audit team.")
            audit.team.append(
                AuditAuditor(auditor_id=auditor.id, agency=member.agency.value, position=position)
            )
            if position == 0:
                audit.lead_auditor_id = auditor.id
                audit.lead_agency = member.agency.value
        session.add(audit)
        session.flush()
        audit_state.add_trail(
            session,
            ctx,
            audit_uuid=audit.uuid,
            record_type="audit",
            record_uuid=audit.uuid,
            field="created",
            new=f"{version.title} (version {version.version})",
        )
        loaded = audit_state.load_audit(session, audit.uuid)
        audit_state.after_edit(session, ctx, loaded)
        return detail_of(session, audit.uuid, today=ctx.today())


def get_audit(ctx: ServiceContext, audit_uuid: str) -> AuditDetail:
    with ctx.db.read() as session:
        return detail_of(session, audit_uuid, today=ctx.today())


def record_answer(
    ctx: ServiceContext,
    audit_uuid: str,
    question_id: str,
    block_id: str | None = None,
    *,
    rating: str | _Unset | None = UNSET,
    comment: str | _Unset = UNSET,
    evidence: str | _Unset = UNSET,
) -> AnswerChange:
    """Record or change one answer; returns the new suggested grades.

    ``rating`` is an option code of the question's scale, ``"na"`` for not applicable, or
    ``None`` to clear it.
    """
    with ctx.db.write() as session:
        # Only the one answer is read: the rest of the audit's content is kept (_content).
        loaded = audit_state.load_outline(session, audit_uuid)
        audit = loaded.audit
        audit_state.require_editable(audit)
        question = _question(loaded, question_id)
        block = _block_for(loaded, question_id, block_id)
        context = _context_for_block(loaded, block_id)
        rule = loaded.index.rule_excluding(question_id, context)
        if rule is not None:
            child = (
                f"; this child is in {year_group_label(context.year_group)}"
                if context.year_group is not None
                else ""
            )
            raise NotAllowed(f"“{question.prompt}” does not apply here ({rule.explain()}{child}).")
        if not isinstance(rating, _Unset):
            _check_rating(loaded, question, rating)
        row = answer_row(session, audit.id, question_id, block)
        before = audit_state.answer_record(row, block_id) if row else None
        if row is None:
            if answers_given(session, audit.id) >= limits.ANSWERS_PER_AUDIT:
                raise InvalidInput(
                    f"Audit {audit.reference} already holds {limits.ANSWERS_PER_AUDIT:,} "
                    "answers, the most one audit can hold."
                )
            row = Answer(
                audit_id=audit.id,
                question_id=question_id,
                block_id=block.id if block else None,
                comment="",
                evidence="",
                updated_by=ctx.actor.name,
            )
            session.add(row)
        changes = {
            "rating": rating,
            "comment": comment,
            "evidence": evidence,
        }
        for field, value in changes.items():
            if isinstance(value, _Unset):
                continue
            if isinstance(value, str) and len(value) > MAX_TEXT:
                raise InvalidInput(f"The {field} is too long ({MAX_TEXT:,} characters at most).")
            change_answer_field(
                session, ctx, audit.uuid, row, block=block, field=field, value=value
            )
        row.updated_at = ctx.now()
        row.updated_by = ctx.actor.name
        grades = after_answer(session, ctx, loaded, row, block_id)
        return AnswerChange(before, audit_state.answer_record(row, block_id), grades)


def change_answer_field(
    session: Session,
    ctx: ServiceContext,
    audit_uuid: str,
    row: Answer,
    *,
    block: AuditBlock | None,
    field: str,
    value: str | None,
) -> None:
    """Set one of an answer's fields with its change-trail entry, named by question and
    block as the trail reads them (the tests' bulk builder answers through this too)."""
    audit_state.change_field(
        session,
        ctx,
        row,
        field,
        value,
        audit_uuid=audit_uuid,
        record_type="answer",
        record_uuid=audit_uuid,
        trail_field=f"{row.question_id}{'/' + block.label if block else ''}: {field}",
    )


def set_board_highlight(
    ctx: ServiceContext,
    audit_uuid: str,
    question_id: str,
    block_id: str | None,
    highlight: str | None,
) -> AnswerRecord:
    """Mark (or unmark) a comment for the Board's "working well / needs to improve"."""
    if highlight not in (None, "working_well", "needs_improvement"):
        raise InvalidInput("Mark a comment as 'working well' or 'needs to improve'.")
    with ctx.db.write() as session:
        loaded = audit_state.load_audit(session, audit_uuid)
        row = loaded.answer_rows.get((question_id, block_id))
        if row is None or not row.comment.strip():
            raise InvalidInput("Only a written comment can be marked for the Board.")
        old = row.board_highlight
        row.board_highlight = highlight
        audit_state.add_trail(
            session,
            ctx,
            audit_uuid=audit_uuid,
            record_type="answer",
            record_uuid=audit_uuid,
            field=f"{question_id}: marked for the Board",
            old=old,
            new=highlight,
        )
        # The mark is not part of the audit's content (see audit_document): no new revision.
        session.flush()
        return audit_state.answer_record(row, block_id)


# -- helpers -----------------------------------------------------------------------------
def _describe_subject(
    session: Session,
    ctx: ServiceContext,
    audit: Audit,
    kind: TemplateKind,
    subject: ChildPlanSubject | SettingVisitSubject,
) -> None:
    """Fill the audit's subject columns from the template's kind of subject."""
    if kind is TemplateKind.SETTING_VISIT:
        if not isinstance(subject, SettingVisitSubject):
            raise InvalidInput("A setting quality visit is of a setting: choose the setting.")
        setting = setting_by_uuid(session, subject.setting_uuid)
        audit.subject_kind = SubjectKind.SETTING.value
        audit.setting_id = setting.id
        audit.locality = setting.locality
        audit.setting_type = setting.setting_type
        return
    if not isinstance(subject, ChildPlanSubject):
        raise InvalidInput("This audit is of a child's plan: enter the child's reference.")
    if kind is TemplateKind.ANNUAL_REVIEW_AUDIT and subject.plan_stage is PlanStage.NEW_PLAN:
        raise InvalidInput(
            "An annual review audit looks at a plan at annual review or phase transfer, "
            "not a new plan. Choose the EHCP quality audit for new plans."
        )
    named_setting: Setting | None = (
        setting_by_uuid(session, subject.setting_uuid) if subject.setting_uuid else None
    )
    child = record_child(
        session,
        ctx,
        reference=subject.child_reference,
        year_group=subject.year_group,
        primary_need=subject.primary_need,
        locality=subject.locality,
        setting=named_setting,
    )
    plan = session.scalar(
        select(Plan).where(
            Plan.child_id == child.id,
            Plan.stage == subject.plan_stage.value,
            Plan.issue_date.is_(subject.plan_issue_date)
            if subject.plan_issue_date is None
            else Plan.issue_date == subject.plan_issue_date,
        )
    )
    if plan is None:
        plan = Plan(
            uuid=str(uuid.uuid4()),
            child_id=child.id,
            stage=subject.plan_stage.value,
            issue_date=subject.plan_issue_date,
            setting_id=named_setting.id if named_setting else None,
            author=ctx.actor.name,
            device=ctx.device,
        )
        session.add(plan)
        session.flush()
        rehash_plan(session, plan)
    audit.subject_kind = SubjectKind.PLAN.value
    audit.child_id = child.id
    audit.plan_id = plan.id
    audit.setting_id = named_setting.id if named_setting else None
    audit.setting_type = named_setting.setting_type if named_setting else None
    audit.year_group = child.year_group
    audit.phase = phase_for_year_group(child.year_group).value
    audit.primary_need = child.primary_need
    audit.locality = child.locality
    audit.plan_stage = subject.plan_stage.value


def _new_reference(session: Session) -> str:
    """A short reference people can read out ("AD-7KQ2XM"); unique in this database and,
    being random, very unlikely to meet another laptop's."""
    while True:
        code = base64.b32encode(uuid.uuid4().bytes).decode()[:6]
        reference = f"AD-{code}"
        if not session.scalar(select(func.count()).where(Audit.reference == reference)):
            return reference


def _question(loaded: audit_state.LoadedAudit, question_id: str) -> Question:
    question = loaded.index.questions.get(question_id)
    if question is None:
        raise InvalidInput(
            f"Question '{question_id}' is not in {loaded.version.title} "
            f"version {loaded.version.version}."
        )
    return question


def _block_for(
    loaded: audit_state.LoadedAudit, question_id: str, block_id: str | None
) -> AuditBlock | None:
    owner = loaded.index.repeating_owner(loaded.index.question_section[question_id].id)
    if owner is None:
        if block_id is not None:
            raise InvalidInput("This question is answered once per audit, not per block.")
        return None
    if block_id is None:
        unit = loaded.index.sections[owner].repeat
        raise InvalidInput(f"Choose which {unit.unit if unit else 'block'} this answer is for.")
    row = loaded.block_rows.get(block_id)
    if row is None or row.section_id != owner:
        raise InvalidInput("That block is not part of this audit's section; refresh and retry.")
    return row


def _context_for_block(loaded: audit_state.LoadedAudit, block_id: str | None) -> AnswerContext:
    """Applicability inside a sampled child's block uses that child's year group."""
    context = loaded.context
    current = loaded.block_rows.get(block_id) if block_id else None
    uuid_by_id = {row.id: row.uuid for row in loaded.block_rows.values()}
    while current is not None:
        section = loaded.index.sections[current.section_id]
        if section.repeat is not None and section.repeat.sampled_child:
            return AnswerContext(current.year_group, context.plan_stage)
        parent = uuid_by_id.get(current.parent_id) if current.parent_id else None
        current = loaded.block_rows.get(parent) if parent else None
    return context


def _check_rating(loaded: audit_state.LoadedAudit, question: Question, rating: str | None) -> None:
    if rating is None:
        return
    scale = loaded.index.scale_for(question)
    if scale is None:
        raise InvalidInput(f"“{question.prompt}” is answered in writing, not with a rating.")
    if rating == NOT_APPLICABLE:
        if not scale.allow_na:
            raise InvalidInput(f"“{question.prompt}” must be rated; N/A is not allowed here.")
        return
    if scale.option(rating) is None:
        allowed = ", ".join(option.label for option in scale.options)
        raise InvalidInput(f"'{rating}' is not a rating for this question. Choose: {allowed}.")


__all__ = [
    "UNSET",
    "AnswerChange",
    "ChildPlanSubject",
    "SettingVisitSubject",
    "TeamMemberInput",
    "create_audit",
    "get_audit",
    "record_answer",
    "set_board_highlight",
]
