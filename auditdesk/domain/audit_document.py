"""An audit as one canonical document: what its content hash covers and what bundles carry.

The hash covers what the auditor owns (subject, team, blocks, answers, grades and any
override). It leaves out local bookkeeping (row ids, times, who touched it last) and the
quality lead's own acts (moderation, sign-off), which are records of their own; so the same
content hashes the same on every laptop, and moderation never conflicts with an edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from auditdesk.domain.bundle_documents import (
    AnswerDocument,
    AuditDocument,
    AuditHeader,
    BlockDocument,
    TeamMemberDocument,
)
from auditdesk.domain.canonical import content_hash
from auditdesk.domain.document_check import checked, literal_of

# The fields come from the one definition (bundle_documents); a builder's mapping may hold
# more (row ids, times), which are left out.
DOCUMENT_FORMAT = literal_of(AuditDocument, "format")
_HEADER_FIELDS = tuple(AuditHeader.model_fields)
_TEAM_FIELDS = tuple(TeamMemberDocument.model_fields)
_BLOCK_FIELDS = tuple(BlockDocument.model_fields)
# Not "board_highlight": marking a comment for the Board is the quality lead's call in the
# database the Board exports come from, so it must not make a new revision of the
# auditor's content (which would conflict with the auditor's next edit). Marks travel
# beside the content, unhashed, with the answer stamps.
_ANSWER_FIELDS = tuple(AnswerDocument.model_fields)

# Statuses the quality lead moves an audit into; in the auditor's content they read as
# "completed", because moderation and sign-off are separate records.
_OWNER_STATUS = {"moderated": "completed", "signed_off": "completed"}


def audit_document(
    header: Mapping[str, Any],
    team: Sequence[Mapping[str, Any]],
    blocks: Sequence[Mapping[str, Any]],
    answers: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The canonical content of an audit, with lists in a stable order, checked against
    its definition (:class:`~auditdesk.domain.document_check.InvalidDocument` if it fails).

    A field missing from a mapping is an explicit ``None`` in the document."""
    head = {name: header.get(name) for name in _HEADER_FIELDS}
    head["status"] = _OWNER_STATUS.get(str(head["status"]), head["status"])
    document: dict[str, Any] = {
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
    return checked(AuditDocument, "audit", document)


def audit_content_hash(document: Mapping[str, Any]) -> str:
    return content_hash(dict(document))
