"""Moving an audit along: complete, reopen, override the grade, sign off; and its trail."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain import validation
from auditdesk.domain.completion import missing_for_completion
from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import AuditStatus
from auditdesk.errors import CompletionRefused, MissingAnswer, NotAllowed
from auditdesk.services.audits import _state as audit_state
from auditdesk.services.audits._detail import detail_of
from auditdesk.services.audits._trail import TrailWording
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._records import AuditDetail, TrailEntry
from auditdesk.store.models import Action, ChangeTrail


def complete_audit(ctx: ServiceContext, audit_uuid: str) -> AuditDetail:
    """Complete a draft; refused with the list of what is missing and where."""
    with ctx.db.write() as session:
        loaded = audit_state.load_audit(session, audit_uuid)
        audit = loaded.audit
        if audit.status != AuditStatus.DRAFT.value:
            raise NotAllowed(f"Audit {audit.reference} is already {_status(audit.status)}.")
        missing = _missing(loaded)
        if missing:
            raise CompletionRefused(missing)
        _move(session, ctx, loaded, AuditStatus.COMPLETED)
        audit.completed_at = ctx.now()
        audit_state.after_edit(session, ctx, loaded)
        return detail_of(session, audit_uuid, today=ctx.today())


def reopen_audit(ctx: ServiceContext, audit_uuid: str, reason: str) -> AuditDetail:
    """Return a completed (or moderated, or signed-off) audit to draft, saying why."""
    why = validation.reason(reason, "reopening the audit")
    with ctx.db.write() as session:
        loaded = audit_state.load_audit(session, audit_uuid)
        audit = loaded.audit
        if audit.status == AuditStatus.DRAFT.value:
            raise NotAllowed(f"Audit {audit.reference} is already a draft; it can be edited.")
        _move(session, ctx, loaded, AuditStatus.DRAFT, reason=why)
        audit.completed_at = None
        audit.signed_off_at = None
        audit.signed_off_by = None
        audit_state.after_edit(session, ctx, loaded)
        return detail_of(session, audit_uuid, today=ctx.today())


def override_grade(
    ctx: ServiceContext, audit_uuid: str, grade: Grade | None, reason: str
) -> AuditDetail:
    """Set the overall grade by professional judgement (``None`` returns to the suggestion).

    Allowed until the audit is moderated; the reason is kept with the audit and its trail.
    """
    why = validation.reason(
        reason, "overriding the grade" if grade else "removing the grade override"
    )
    with ctx.db.write() as session:
        loaded = audit_state.load_audit(session, audit_uuid)
        audit = loaded.audit
        if audit.status not in (AuditStatus.DRAFT.value, AuditStatus.COMPLETED.value):
            raise NotAllowed(
                f"Audit {audit.reference} is {_status(audit.status)}: its grade is the "
                "moderated one. Reopen it to change the grade."
            )
        old = audit.override_grade
        audit.override_grade = grade.value if grade else None
        audit.override_reason = why if grade else None
        audit.override_by = ctx.actor.name if grade else None
        audit_state.add_trail(
            session,
            ctx,
            audit_uuid=audit_uuid,
            record_type="audit",
            record_uuid=audit_uuid,
            field="overall grade override",
            old=Grade(old).label if old else "none (suggested grade)",
            new=grade.label if grade else "none (suggested grade)",
            reason=why,
        )
        audit_state.after_edit(session, ctx, loaded)
        return detail_of(session, audit_uuid, today=ctx.today())


def sign_off(ctx: ServiceContext, audit_uuid: str) -> AuditDetail:
    """A quality lead signs off a completed or moderated audit."""
    with ctx.db.write() as session:
        loaded = audit_state.load_audit(session, audit_uuid)
        audit = loaded.audit
        if audit.status not in (AuditStatus.COMPLETED.value, AuditStatus.MODERATED.value):
            raise NotAllowed(
                f"Only a completed or moderated audit can be signed off; "
                f"{audit.reference} is {_status(audit.status)}."
            )
        _move(session, ctx, loaded, AuditStatus.SIGNED_OFF)
        audit.signed_off_at = ctx.now()
        audit.signed_off_by = ctx.actor.name
        audit_state.after_edit(session, ctx, loaded)
        return detail_of(session, audit_uuid, today=ctx.today())


def audit_trail(ctx: ServiceContext, audit_uuid: str) -> list[TrailEntry]:
    """Every change to an audit, its blocks, answers, actions and moderation, oldest first,
    worded with the audit's own template version (see :class:`TrailEntry`)."""
    with ctx.db.read() as session:
        loaded = audit_state.load_audit(session, audit_uuid)
        rows = session.scalars(
            select(ChangeTrail)
            .where(ChangeTrail.audit_uuid == audit_uuid)
            .order_by(ChangeTrail.at, ChangeTrail.id)
        ).all()
        named_actions = select(Action.uuid, Action.action).where(Action.audit_id == loaded.audit.id)
        actions = dict(session.execute(named_actions).all())
        wording = TrailWording(
            loaded.index,
            loaded.blocks,
            names={audit_uuid: f"audit {loaded.audit.reference}"},
            actions=actions,
        )
        return [wording.entry(row) for row in rows]


def _missing(loaded: audit_state.LoadedAudit) -> list[MissingAnswer]:
    answers = {key: record.state for key, record in loaded.answers().items()}
    return missing_for_completion(loaded.index, loaded.blocks, loaded.context, answers)


def _move(
    session: Session,
    ctx: ServiceContext,
    loaded: audit_state.LoadedAudit,
    status: AuditStatus,
    *,
    reason: str | None = None,
) -> None:
    audit = loaded.audit
    audit_state.add_trail(
        session,
        ctx,
        audit_uuid=audit.uuid,
        record_type="audit",
        record_uuid=audit.uuid,
        field="status",
        old=AuditStatus(audit.status).label,
        new=status.label,
        reason=reason,
    )
    audit.status = status.value


def _status(code: str) -> str:
    return AuditStatus(code).label.lower()
