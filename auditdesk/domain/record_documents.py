"""The canonical content of the smaller travelling records (auditors, settings, children,
plans, actions, moderation samples and moderations). Their content hash is the hash of
this document; bundles carry the same shape. References to other records are by UUID,
never by a local row id.

Each document has one definition, its model in :mod:`auditdesk.domain.bundle_documents`:
a builder takes its fields from the model and checks what it built against it (see
:mod:`auditdesk.domain.document_check`), so a document a bundle reader would refuse is never
hashed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel

from auditdesk.domain.bundle_documents import (
    ActionDocument,
    AuditorDocument,
    ChildDocument,
    ModerationDocument,
    PlanDocument,
    SampleDocument,
    SettingDocument,
)
from auditdesk.domain.canonical import content_hash
from auditdesk.domain.document_check import checked, literal_of


def _document(model: type[BaseModel], **values: Any) -> dict[str, Any]:
    """The document ``model`` defines: its fields, in its order, from ``values`` (named as
    the fields; the kind comes from the model), checked against the model."""
    kind = literal_of(model, "kind")
    document = {name: values[name] for name in model.model_fields if name != "kind"}
    return checked(model, kind, {"kind": kind, **document})


def auditor_document(uuid: str, name: str, agency: str, role: str) -> dict[str, Any]:
    return _document(AuditorDocument, uuid=uuid, name=name, agency=agency, role=role)


def setting_document(
    uuid: str, name: str, urn: str | None, *, setting_type: str, phase: str, locality: str
) -> dict[str, Any]:
    return _document(
        SettingDocument,
        uuid=uuid,
        name=name,
        urn=urn,
        setting_type=setting_type,
        phase=phase,
        locality=locality,
    )


def child_document(
    uuid: str,
    reference: str,
    *,
    year_group: int,
    primary_need: str,
    locality: str,
    setting_uuid: str | None,
) -> dict[str, Any]:
    return _document(
        ChildDocument,
        uuid=uuid,
        reference=reference,
        year_group=year_group,
        primary_need=primary_need,
        locality=locality,
        setting_uuid=setting_uuid,
    )


def plan_document(
    uuid: str, child_uuid: str, stage: str, issue_date: date | None, setting_uuid: str | None
) -> dict[str, Any]:
    return _document(
        PlanDocument,
        uuid=uuid,
        child_uuid=child_uuid,
        stage=stage,
        issue_date=_iso(issue_date),
        setting_uuid=setting_uuid,
    )


def action_document(
    uuid: str,
    audit_uuid: str,
    *,
    question_id: str | None,
    block_uuid: str | None,
    finding: str,
    action: str,
    owner_agency: str,
    owner: str,
    due_date: date,
    status: str,
    re_audit_date: date | None,
    completed_on: date | None,
) -> dict[str, Any]:
    return _document(
        ActionDocument,
        uuid=uuid,
        audit_uuid=audit_uuid,
        question_id=question_id,
        block_uuid=block_uuid,
        finding=finding,
        action=action,
        owner_agency=owner_agency,
        owner=owner,
        due_date=due_date.isoformat(),
        status=status,
        re_audit_date=_iso(re_audit_date),
        completed_on=_iso(completed_on),
    )


def sample_document(
    uuid: str,
    name: str,
    *,
    percentage: float,
    period_from: date | None,
    period_to: date | None,
    strata: str,
    seed: int,
) -> dict[str, Any]:
    return _document(
        SampleDocument,
        uuid=uuid,
        name=name,
        # The database holds a REAL: a whole number would hash differently ("10" and
        # "10.0") from the document rebuilt from the stored row.
        percentage=float(percentage),
        period_from=_iso(period_from),
        period_to=_iso(period_to),
        strata=strata,
        seed=seed,
    )


def moderation_document(
    uuid: str,
    audit_uuid: str,
    *,
    sample_uuid: str | None,
    audit_revision: int,
    audit_hash: str,
    second_marker_uuid: str | None,
    assigned_by: str,
    status: str,
    second_overall_grade: str | None,
    agreed_grade: str | None,
    notes: str,
    ratings: list[tuple[str, str | None, str, str]],  # question, block uuid, rating, comment
    grades: list[tuple[str, str | None, str | None, str | None]],  # scope, first, second, agreed
) -> dict[str, Any]:
    return _document(
        ModerationDocument,
        uuid=uuid,
        audit_uuid=audit_uuid,
        sample_uuid=sample_uuid,
        audit_revision=audit_revision,
        audit_hash=audit_hash,
        second_marker_uuid=second_marker_uuid,
        assigned_by=assigned_by,
        status=status,
        second_overall_grade=second_overall_grade,
        agreed_grade=agreed_grade,
        notes=notes,
        ratings=[
            {"question_id": q, "block_uuid": b, "rating": r, "comment": c}
            for q, b, r, c in sorted(ratings, key=lambda item: (item[0], item[1] or ""))
        ],
        grades=[
            {"scope": s, "first": f, "second": t, "agreed": a} for s, f, t, a in sorted(grades)
        ],
    )


def document_hash(document: dict[str, Any]) -> str:
    return content_hash(document)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
