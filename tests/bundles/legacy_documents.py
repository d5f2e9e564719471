"""The document builders as they were before each document had one definition (the
bundle format's models), kept word for word as the reference the new builders must match
byte for byte: existing databases hold content hashes made by these."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

DOCUMENT_FORMAT = "auditdesk.audit/1"

_HEADER_FIELDS = (
    "uuid",
    "reference",
    "template_id",
    "template_version",
    "template_sha256",
    "subject_kind",
    "child_reference",
    "setting_uuid",
    "plan_stage",
    "plan_issue_date",
    "year_group",
    "phase",
    "primary_need",
    "locality",
    "setting_type",
    "audit_date",
    "status",
    "suggested_grade",
    "override_grade",
    "override_reason",
)
_TEAM_FIELDS = ("auditor_uuid", "agency", "position")
_BLOCK_FIELDS = (
    "uuid",
    "section_id",
    "parent_uuid",
    "label",
    "position",
    "child_reference",
    "year_group",
)
# Not "board_highlight": marking a comment for the Board is the quality lead's call in the
# database the Board exports come from, so it must not make a new revision of the
# auditor's content (which would conflict with the auditor's next edit). Marks travel
# beside the content, unhashed, with the answer stamps.
_ANSWER_FIELDS = ("question_id", "block_uuid", "rating", "comment", "evidence")

# Statuses the quality lead moves an audit into; in the auditor's content they read as
# "completed", because moderation and sign-off are separate records.
_OWNER_STATUS = {"moderated": "completed", "signed_off": "completed"}


def audit_document(
    header: Mapping[str, Any],
    team: Sequence[Mapping[str, Any]],
    blocks: Sequence[Mapping[str, Any]],
    answers: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The canonical content of an audit, with lists in a stable order."""
    head = {name: header.get(name) for name in _HEADER_FIELDS}
    head["status"] = _OWNER_STATUS.get(str(head["status"]), head["status"])
    return {
        "format": DOCUMENT_FORMAT,
        "audit": head,
        "team": sorted(
            ({name: member.get(name) for name in _TEAM_FIELDS} for member in team),
            key=lambda member: (member["position"], member["auditor_uuid"]),
        ),
        "blocks": sorted(
            ({name: block.get(name) for name in _BLOCK_FIELDS} for block in blocks),
            key=lambda block: block["uuid"],
        ),
        "answers": sorted(
            ({name: answer.get(name) for name in _ANSWER_FIELDS} for answer in answers),
            key=lambda answer: (answer["question_id"], answer["block_uuid"] or ""),
        ),
    }


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
