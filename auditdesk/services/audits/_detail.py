"""Reading one audit whole, for the editor, reports and the command line."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.grades import Grade
from auditdesk.domain.grading import grade_audit
from auditdesk.domain.reference import (
    ActionStatus,
    Agency,
    AuditStatus,
    Phase,
    PlanStage,
    PrimaryNeed,
    SubjectKind,
)
from auditdesk.services.audits import _state as audit_state
from auditdesk.services.kernel._people import auditor_record
from auditdesk.services.kernel._records import ActionRecord, AuditDetail, TeamMember
from auditdesk.services.kernel._subjects import setting_record
from auditdesk.services.kernel._templates import summary
from auditdesk.store.models import Action, AuditAuditor, AuditBlock, Auditor, Child, Setting


def detail_of(session: Session, audit_uuid: str, *, today: date | None = None) -> AuditDetail:
    loaded = audit_state.load_audit(session, audit_uuid)
    audit = loaded.audit
    grading = grade_audit(loaded.index, loaded.blocks, loaded.context, loaded.ratings())
    team_rows = session.execute(
        select(Auditor, AuditAuditor.agency)
        .join(AuditAuditor, AuditAuditor.auditor_id == Auditor.id)
        .where(AuditAuditor.audit_id == audit.id)
        .order_by(AuditAuditor.position)
    ).all()
    setting = session.get(Setting, audit.setting_id) if audit.setting_id else None
    child_reference = (
        session.scalar(select(Child.reference).where(Child.id == audit.child_id))
        if audit.child_id
        else None
    )
    return AuditDetail(
        uuid=audit.uuid,
        reference=audit.reference,
        revision=audit.revision,
        content_hash=audit.content_hash,
        template=summary(loaded.version),
        index=loaded.index,
        subject_kind=SubjectKind(audit.subject_kind),
        child_reference=child_reference,
        setting=setting_record(setting) if setting else None,
        year_group=audit.year_group,
        phase=Phase(audit.phase) if audit.phase else None,
        primary_need=PrimaryNeed(audit.primary_need) if audit.primary_need else None,
        locality=audit.locality,
        plan_stage=PlanStage(audit.plan_stage) if audit.plan_stage else None,
        audit_date=audit.audit_date,
        status=AuditStatus(audit.status),
        team=tuple(TeamMember(auditor_record(row), Agency(agency)) for row, agency in team_rows),
        blocks=tuple(sorted(loaded.blocks, key=lambda b: (b.position, b.label))),
        answers=loaded.answers(),
        grading=grading,
        suggested_grade=Grade(audit.suggested_grade) if audit.suggested_grade else None,
        override_grade=Grade(audit.override_grade) if audit.override_grade else None,
        override_reason=audit.override_reason,
        final_grade=Grade(audit.final_grade) if audit.final_grade else None,
        completed_at=audit.completed_at,
        signed_off_at=audit.signed_off_at,
        signed_off_by=audit.signed_off_by,
        actions=tuple(actions_of(session, audit.id, audit.uuid, audit.reference, today)),
    )


def actions_of(
    session: Session, audit_id: int, audit_uuid: str, reference: str, today: date | None
) -> list[ActionRecord]:
    rows = session.scalars(
        select(Action).where(Action.audit_id == audit_id).order_by(Action.due_date, Action.id)
    ).all()
    block_uuids = dict(
        session.execute(
            select(AuditBlock.id, AuditBlock.uuid).where(AuditBlock.audit_id == audit_id)
        ).all()
    )
    return [action_record(row, audit_uuid, reference, block_uuids, today) for row in rows]


def action_record(
    row: Action,
    audit_uuid: str,
    reference: str,
    block_uuids: dict[int, str],
    today: date | None,
) -> ActionRecord:
    status = ActionStatus(row.status)
    open_statuses = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
    return ActionRecord(
        uuid=row.uuid,
        audit_uuid=audit_uuid,
        audit_reference=reference,
        question_id=row.question_id,
        block_id=block_uuids.get(row.block_id) if row.block_id else None,
        finding=row.finding,
        action=row.action,
        owner_agency=Agency(row.owner_agency),
        owner=row.owner,
        due_date=row.due_date,
        status=status,
        re_audit_date=row.re_audit_date,
        completed_on=row.completed_on,
        overdue=bool(today and status in open_statuses and row.due_date < today),
    )
