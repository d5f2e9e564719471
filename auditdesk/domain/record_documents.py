"""The canonical content of the smaller travelling records (auditors, settings, children,
plans). Their content hash is the hash of this document; bundles carry the same shape.
References to other records are by UUID, never by a local row id."""

from __future__ import annotations

from datetime import date
from typing import Any

from auditdesk.domain.canonical import content_hash


def auditor_document(uuid: str, name: str, agency: str, role: str) -> dict[str, Any]:
    return {"kind": "auditor", "uuid": uuid, "name": name, "agency": agency, "role": role}


def setting_document(
    uuid: str, name: str, urn: str | None, *, setting_type: str, phase: str, locality: str
) -> dict[str, Any]:
    return {
        "kind": "setting",
        "uuid": uuid,
        "name": name,
        "urn": urn,
        "setting_type": setting_type,
        "phase": phase,
        "locality": locality,
    }


def child_document(
    uuid: str,
    reference: str,
    *,
    year_group: int,
    primary_need: str,
    locality: str,
    setting_uuid: str | None,
) -> dict[str, Any]:
    return {
        "kind": "child",
        "uuid": uuid,
        "reference": reference,
        "year_group": year_group,
        "primary_need": primary_need,
        "locality": locality,
        "setting_uuid": setting_uuid,
    }


def plan_document(
    uuid: str, child_uuid: str, stage: str, issue_date: date | None, setting_uuid: str | None
) -> dict[str, Any]:
    return {
        "kind": "plan",
        "uuid": uuid,
        "child_uuid": child_uuid,
        "stage": stage,
        "issue_date": issue_date.isoformat() if issue_date else None,
        "setting_uuid": setting_uuid,
    }


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
    return {
        "kind": "action",
        "uuid": uuid,
        "audit_uuid": audit_uuid,
        "question_id": question_id,
        "block_uuid": block_uuid,
        "finding": finding,
        "action": action,
        "owner_agency": owner_agency,
        "owner": owner,
        "due_date": due_date.isoformat(),
        "status": status,
        "re_audit_date": re_audit_date.isoformat() if re_audit_date else None,
        "completed_on": completed_on.isoformat() if completed_on else None,
    }


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
    return {
        "kind": "moderation_sample",
        "uuid": uuid,
        "name": name,
        "percentage": percentage,
        "period_from": period_from.isoformat() if period_from else None,
        "period_to": period_to.isoformat() if period_to else None,
        "strata": strata,
        "seed": seed,
    }


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
    return {
        "kind": "moderation",
        "uuid": uuid,
        "audit_uuid": audit_uuid,
        "sample_uuid": sample_uuid,
        "audit_revision": audit_revision,
        "audit_hash": audit_hash,
        "second_marker_uuid": second_marker_uuid,
        "assigned_by": assigned_by,
        "status": status,
        "second_overall_grade": second_overall_grade,
        "agreed_grade": agreed_grade,
        "notes": notes,
        "ratings": [
            {"question_id": q, "block_uuid": b, "rating": r, "comment": c}
            for q, b, r, c in sorted(ratings, key=lambda item: (item[0], item[1] or ""))
        ],
        "grades": [
            {"scope": s, "first": f, "second": t, "agreed": a} for s, f, t, a in sorted(grades)
        ],
    }


def document_hash(document: dict[str, Any]) -> str:
    return content_hash(document)
