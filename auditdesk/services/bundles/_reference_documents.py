"""The smaller records an audit refers to (auditors, settings, children, plans, samples)
as canonical documents, loaded by row id; and any one stored record, for history and
conflicts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.bundle_format import RecordKind
from auditdesk.domain.record_documents import (
    auditor_document,
    child_document,
    plan_document,
    sample_document,
    setting_document,
)
from auditdesk.services.bundles._documents import (
    MODELS,
    StoredRecord,
    chunks,
    load_audits,
    stored,
)
from auditdesk.store.models import Auditor, Child, ModerationSample, Plan, Setting


def load_references(session: Session, wanted: dict[RecordKind, set[int]]) -> list[StoredRecord]:
    """Auditors, settings, children, plans and samples by row id, with what they refer to
    in turn (a plan's child, a child's setting)."""
    wanted = {kind: set(ids) for kind, ids in wanted.items()}
    plans = _rows(session, Plan, wanted.get("plan", set()))
    children_ids = wanted.setdefault("child", set()) | {p.child_id for p in plans}
    children = _rows(session, Child, children_ids)
    setting_ids = wanted.setdefault("setting", set())
    setting_ids |= {c.setting_id for c in children if c.setting_id}
    setting_ids |= {p.setting_id for p in plans if p.setting_id}
    settings = _rows(session, Setting, setting_ids)
    setting_uuid = {row.id: row.uuid for row in settings}
    child_uuid = {row.id: row.uuid for row in children}
    found: list[StoredRecord] = []
    for auditor in _rows(session, Auditor, wanted.get("auditor", set())):
        document = auditor_document(auditor.uuid, auditor.name, auditor.agency, auditor.role)
        found.append(stored("auditor", auditor, document))
    for setting in settings:
        found.append(stored("setting", setting, setting_document_of(setting)))
    for child in children:
        document = child_document_of(child, setting_uuid.get(child.setting_id or 0))
        found.append(stored("child", child, document))
    for plan in plans:
        document = plan_document(
            plan.uuid,
            child_uuid[plan.child_id],
            plan.stage,
            plan.issue_date,
            setting_uuid.get(plan.setting_id or 0),
        )
        found.append(stored("plan", plan, document))
    for sample in _rows(session, ModerationSample, wanted.get("moderation_sample", set())):
        found.append(stored("moderation_sample", sample, sample_document_of(sample)))
    return found


def setting_document_of(row: Setting) -> dict[str, Any]:
    return setting_document(
        row.uuid,
        row.name,
        row.urn,
        setting_type=row.setting_type,
        phase=row.phase,
        locality=row.locality,
    )


def child_document_of(row: Child, setting_uuid: str | None) -> dict[str, Any]:
    return child_document(
        row.uuid,
        row.reference,
        year_group=row.year_group,
        primary_need=row.primary_need,
        locality=row.locality,
        setting_uuid=setting_uuid,
    )


def sample_document_of(row: ModerationSample) -> dict[str, Any]:
    return sample_document(
        row.uuid,
        row.name,
        percentage=row.percentage,
        period_from=row.period_from,
        period_to=row.period_to,
        strata=row.strata,
        seed=row.seed,
    )


def _rows(session: Session, model: Any, ids: set[int]) -> list[Any]:
    found: list[Any] = []
    for chunk in chunks(sorted(ids)):
        found += session.scalars(select(model).where(model.id.in_(chunk)).order_by(model.id))
    return found


def stored_record(session: Session, kind: RecordKind, record_id: int) -> StoredRecord:
    """One stored record, by kind and row id (for history and conflicts)."""
    if kind == "audit":
        return load_audits(session, [record_id])[0].record
    if kind in ("action", "moderation"):
        model = MODELS[kind]
        audit_id: int = session.scalars(select(model.audit_id).where(model.id == record_id)).one()
        audit = load_audits(session, [audit_id])[0]
        owned = audit.actions if kind == "action" else audit.moderations
        return next(record for record in owned if record.id == record_id)
    found = load_references(session, {kind: {record_id}})
    return next(record for record in found if record.kind == kind and record.id == record_id)


def live_record(session: Session, kind: RecordKind, record_uuid: str) -> StoredRecord:
    """The record ``record_uuid`` as it is here now (for history and conflicts)."""
    model = MODELS[kind]
    record_id: int = session.scalars(select(model.id).where(model.uuid == record_uuid)).one()
    return stored_record(session, kind, record_id)
