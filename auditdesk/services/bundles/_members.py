"""The members of a bundle being written, built as the bundle format's models (the ones
the reader validates against) from stored records and rows.

Documents are models already (see :mod:`._documents`); what travels beside them (stamps,
an audit's bookkeeping, answer stamps and trail, a moderation's times) is taken from the
rows here, and each member is validated as one model, so a fault's place in it (its
``loc``) names the part that is wrong (see :mod:`._outgoing`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from auditdesk import __version__
from auditdesk.domain.bundle_format import (
    AUDIT_MEMBER_FORMAT,
    FORMAT_NAME,
    FORMAT_VERSION,
    RECORD_GROUPS,
    RECORDS_MEMBER_FORMAT,
    TEMPLATE_MEMBER_FORMAT,
    AuditMember,
    BundleManifest,
    RecordsMember,
    TemplateMember,
)
from auditdesk.services.bundles._documents import StoredAudit, StoredRecord
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.store.migrate import head_revision
from auditdesk.store.models import ChangeTrail, TemplateVersion


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def stamps_of(row: Any) -> dict[str, Any]:
    """A travelling row's stamps (``RecordStamps``), as stored."""
    return {
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
        "author": row.author,
        "device": row.device,
    }


def audit_member(audit: StoredAudit) -> AuditMember:
    """``audits/<uuid>.json``: the audit, its actions, moderations and change trail."""
    row = audit.record.row
    answer_stamps = [
        {
            "question_id": answer.question_id,
            "block_uuid": block_uuid,
            "updated_at": iso(answer.updated_at),
            "updated_by": answer.updated_by,
            "board_highlight": answer.board_highlight,
        }
        for answer, block_uuid in audit.answers
    ]
    answer_stamps.sort(key=lambda stamp: (stamp["question_id"], stamp["block_uuid"] or ""))
    return AuditMember(
        format=AUDIT_MEMBER_FORMAT,
        document=audit.record.document,
        stamps=stamps_of(row),
        bookkeeping={
            "status": row.status,
            "completed_at": iso(row.completed_at),
            "signed_off_at": iso(row.signed_off_at),
            "signed_off_by": row.signed_off_by,
            "override_by": row.override_by,
            "plan_uuid": audit.plan_uuid,
        },
        answer_stamps=answer_stamps,
        actions=[{"document": a.document, "stamps": stamps_of(a.row)} for a in audit.actions],
        moderations=[
            {
                "document": m.document,
                "stamps": stamps_of(m.row),
                "submitted_at": iso(m.row.submitted_at),
                "agreed_at": iso(m.row.agreed_at),
            }
            for m in audit.moderations
        ],
        trail=[_trail_entry(entry) for entry in audit.trail],
    )


def _trail_entry(entry: ChangeTrail) -> dict[str, Any]:
    return {
        "at": iso(entry.at),
        "actor": entry.actor,
        "device": entry.device,
        "record_type": entry.record_type,
        "record_uuid": entry.record_uuid,
        "field": entry.field,
        "old_value": entry.old_value,
        "new_value": entry.new_value,
        "reason": entry.reason,
    }


def grouped(references: Sequence[StoredRecord]) -> dict[str, list[StoredRecord]]:
    """The records audits refer to, by their group in ``records.json``, each by uuid."""
    groups: dict[str, list[StoredRecord]] = {group: [] for group in RECORD_GROUPS.values()}
    for record in sorted(references, key=lambda r: r.uuid):
        groups[RECORD_GROUPS[record.kind]].append(record)
    return groups


def records_member(references: Sequence[StoredRecord]) -> RecordsMember:
    """``records.json``: the auditors, settings, children, plans and samples referred to."""
    return RecordsMember(
        format=RECORDS_MEMBER_FORMAT,
        **{
            group: [{"document": r.document, "stamps": stamps_of(r.row)} for r in records]
            for group, records in grouped(references).items()
        },
    )


def template_member(version: TemplateVersion) -> TemplateMember:
    return TemplateMember(
        format=TEMPLATE_MEMBER_FORMAT,
        template_id=version.template_id,
        version=version.version,
        sha256=version.sha256,
        definition=json.loads(version.definition),
    )


def manifest(
    ctx: ServiceContext,
    *,
    bundle_uuid: str,
    now: datetime,
    selection: str,
    templates: Sequence[dict[str, Any]],
    records: Sequence[dict[str, Any]],
    members: Sequence[dict[str, Any]],
) -> BundleManifest:
    """``manifest.json``: who sent what, when, and the SHA-256 of every other member
    (``templates``, ``records`` and ``members`` as ``ManifestTemplate``, ``ManifestRecord``
    and ``ManifestMember`` take them, validated with the rest)."""
    return BundleManifest(
        format=FORMAT_NAME,
        format_version=FORMAT_VERSION,
        bundle_uuid=bundle_uuid,
        created_at=now.isoformat(),
        app_version=__version__,
        schema_revision=head_revision(),
        author={
            "name": ctx.actor.name,
            "agency": ctx.actor.agency,
            "role": ctx.actor.role,
            "auditor_uuid": ctx.actor.auditor_uuid,
        },
        device=ctx.device,
        selection=selection,
        templates=list(templates),
        records=list(records),
        members=list(members),
    )
