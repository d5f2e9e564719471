"""An audit as one canonical document: what its content hash covers and what bundles carry.

The hash covers what the auditor owns (subject, team, blocks, answers, grades and any
override). It leaves out local bookkeeping (row ids, times, who touched it last) and the
quality lead's own acts (moderation, sign-off), which are records of their own; so the same
content hashes the same on every laptop, and moderation never conflicts with an edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from auditdesk.domain.canonical import content_hash

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


def audit_content_hash(document: Mapping[str, Any]) -> str:
    return content_hash(dict(document))
