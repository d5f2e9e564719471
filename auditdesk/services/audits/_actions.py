"""Actions: closing the loop on what an audit found."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from auditdesk.domain import limits, validation
from auditdesk.domain.reference import ActionStatus, Agency
from auditdesk.domain.wording import date_text
from auditdesk.errors import InvalidInput, NotFound
from auditdesk.services.audits import _state as audit_state
from auditdesk.services.audits._detail import action_record
from auditdesk.services.kernel import _revisions as revisions
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._records import ActionRecord, Page
from auditdesk.store.models import Action, Audit, AuditBlock

OPEN_STATUSES = (ActionStatus.OPEN.value, ActionStatus.IN_PROGRESS.value)


@dataclass(frozen=True)
class ActionInput:
    finding: str
    action: str
    owner_agency: Agency
    owner: str
    due_date: date
    re_audit_date: date | None = None
    question_id: str | None = None
    block_id: str | None = None


@dataclass(frozen=True)
class ActionFilter:
    owner_agencies: tuple[Agency, ...] = ()
    statuses: tuple[ActionStatus, ...] = ()
    overdue_only: bool = False
    audit_uuid: str | None = None


def add_action(ctx: ServiceContext, audit_uuid: str, details: ActionInput) -> ActionRecord:
    """Add an action to an audit, in any status (actions often follow completion)."""
    _check(details)
    with ctx.db.write() as session:
        loaded = audit_state.load_audit(session, audit_uuid)
        audit = loaded.audit
        if details.question_id and details.question_id not in loaded.index.questions:
            raise InvalidInput("That finding's question is not in this audit's template.")
        block_row = loaded.block_rows.get(details.block_id) if details.block_id else None
        if details.block_id and block_row is None:
            raise InvalidInput(
                "That finding's block is no longer in this audit; refresh and retry."
            )
        _check_room(session, audit)
        row = Action(
            uuid=str(uuid.uuid4()),
            audit_id=audit.id,
            question_id=details.question_id,
            block_id=block_row.id if block_row else None,
            finding=details.finding.strip(),
            action=details.action.strip(),
            owner_agency=details.owner_agency.value,
            owner=details.owner.strip(),
            due_date=details.due_date,
            status=ActionStatus.OPEN.value,
            re_audit_date=details.re_audit_date,
            author=ctx.actor.name,
            device=ctx.device,
            created_at=ctx.now(),
            updated_at=ctx.now(),
        )
        row.content_hash = _hash(row, audit_uuid, block_row.uuid if block_row else None)
        session.add(row)
        session.flush()
        audit_state.add_trail(
            session,
            ctx,
            audit_uuid=audit_uuid,
            record_type="action",
            record_uuid=row.uuid,
            field="action added",
            new=f"{row.action} (owner {details.owner_agency.label}: {row.owner}, due "
            f"{date_text(row.due_date)})",
        )
        return action_record(
            row, audit_uuid, audit.reference, _block_uuids(session, audit.id), ctx.today()
        )


def update_action(
    ctx: ServiceContext,
    action_uuid: str,
    *,
    status: ActionStatus | None = None,
    due_date: date | None = None,
    owner: str | None = None,
    owner_agency: Agency | None = None,
    action: str | None = None,
    re_audit_date: date | None = None,
) -> ActionRecord:
    """Change an action; each change is kept in the audit's trail."""
    with ctx.db.write() as session:
        row = session.scalar(select(Action).where(Action.uuid == action_uuid))
        if row is None:
            raise NotFound("That action is no longer in this database.")
        audit = session.get_one(Audit, row.audit_id)
        changes: dict[str, object] = {}
        if status is not None:
            changes["status"] = status.value
            changes["completed_on"] = ctx.today() if status is ActionStatus.DONE else None
        if due_date is not None:
            changes["due_date"] = due_date
        if owner is not None:
            changes["owner"] = validation.required_text(
                owner, "who owns the action", max_length=limits.PERSON_NAME
            )
        if owner_agency is not None:
            changes["owner_agency"] = owner_agency.value
        if action is not None:
            changes["action"] = validation.required_text(
                action, "what must be done", max_length=limits.ACTION_TEXT
            )
        if re_audit_date is not None:
            changes["re_audit_date"] = re_audit_date
        for field, value in changes.items():
            audit_state.change_field(
                session,
                ctx,
                row,
                field,
                value,
                audit_uuid=audit.uuid,
                record_type="action",
                record_uuid=row.uuid,
                trail_field=f"action {field.replace('_', ' ')}",
            )
        block_uuids = _block_uuids(session, audit.id)
        row.updated_at = ctx.now()
        row.content_hash = _hash(row, audit.uuid, block_uuids.get(row.block_id or -1))
        revisions.follow_edit(session, row)  # a sent revision is never changed
        session.flush()
        return action_record(row, audit.uuid, audit.reference, block_uuids, ctx.today())


def list_actions(
    ctx: ServiceContext, action_filter: ActionFilter, *, offset: int = 0, limit: int = 200
) -> Page[ActionRecord]:
    """Actions across audits, soonest due first (so the overdue ones lead)."""
    today = ctx.today()
    conditions = _conditions(action_filter, today)
    with ctx.db.read() as session:
        total = (
            session.scalar(
                select(func.count(Action.id))
                .join(Audit, Audit.id == Action.audit_id)
                .where(*conditions)
            )
            or 0
        )
        rows = session.execute(
            select(Action, Audit.uuid, Audit.reference, AuditBlock.uuid)
            .join(Audit, Audit.id == Action.audit_id)
            .outerjoin(AuditBlock, AuditBlock.id == Action.block_id)
            .where(*conditions)
            .order_by(Action.due_date, Action.id)
            .offset(offset)
            .limit(limit)
        ).all()
        items = tuple(
            action_record(
                row,
                audit_uuid,
                reference,
                {row.block_id: block_uuid} if row.block_id and block_uuid else {},
                today,
            )
            for row, audit_uuid, reference, block_uuid in rows
        )
        return Page(items, offset, total)


def _conditions(f: ActionFilter, today: date) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if f.owner_agencies:
        where.append(Action.owner_agency.in_([a.value for a in f.owner_agencies]))
    if f.statuses:
        where.append(Action.status.in_([s.value for s in f.statuses]))
    if f.overdue_only:
        where.append(and_(Action.status.in_(OPEN_STATUSES), Action.due_date < today))
    if f.audit_uuid:
        where.append(Audit.uuid == f.audit_uuid)
    return where


def _check(details: ActionInput) -> None:
    validation.required_text(details.finding, "the finding", max_length=limits.ACTION_TEXT)
    validation.required_text(details.action, "what must be done", max_length=limits.ACTION_TEXT)
    validation.required_text(details.owner, "who owns the action", max_length=limits.PERSON_NAME)
    validation.day_within(details.due_date, "the date the action is due")
    validation.day_within(details.re_audit_date, "the date to audit again")
    if details.re_audit_date and details.re_audit_date < details.due_date:
        raise InvalidInput("The re-audit date should fall after the action is due.")


def _check_room(session: Session, audit: Audit) -> None:
    """An audit travels with its actions, and a bundle carries at most so many."""
    count = session.scalar(select(func.count(Action.id)).where(Action.audit_id == audit.id)) or 0
    if count >= limits.ACTIONS_PER_AUDIT:
        raise InvalidInput(
            f"Audit {audit.reference} already has {count:,} actions, the most one audit "
            "can hold (and carry to another laptop)."
        )


def _block_uuids(session: Session, audit_id: int) -> dict[int, str]:
    return dict(
        session.execute(
            select(AuditBlock.id, AuditBlock.uuid).where(AuditBlock.audit_id == audit_id)
        ).all()
    )


def _hash(row: Action, audit_uuid: str, block_uuid: str | None) -> str:
    from auditdesk.domain.record_documents import document_hash  # noqa: PLC0415

    return document_hash(action_document_of(row, audit_uuid, block_uuid))


def action_document_of(row: Action, audit_uuid: str, block_uuid: str | None) -> dict[str, Any]:
    """An action row as its canonical document (what its hash covers and bundles carry)."""
    # The record formats (pydantic) load with the first action written, not at start-up.
    from auditdesk.domain.record_documents import action_document  # noqa: PLC0415

    return action_document(
        row.uuid,
        audit_uuid,
        question_id=row.question_id,
        block_uuid=block_uuid,
        finding=row.finding,
        action=row.action,
        owner_agency=row.owner_agency,
        owner=row.owner,
        due_date=row.due_date,
        status=row.status,
        re_audit_date=row.re_audit_date,
        completed_on=row.completed_on,
    )
