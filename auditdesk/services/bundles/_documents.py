"""The canonical documents of stored records, loaded in bulk: what a bundle carries, and
what history and conflicts keep of a version that is replaced.

Each builder uses the same domain functions the services hash with
(:func:`audit_document`, :mod:`record_documents`), so a document built here hashes to the
record's content hash (a test holds this for demo data and service-made audits alike).
Those functions check every document against the bundle format's models: a stored row the
format refuses raises :class:`~auditdesk.domain.document_check.InvalidDocument` here, and
the writer turns that into a plain refusal naming the record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from auditdesk.domain.audit_document import audit_document
from auditdesk.domain.bundle_format import AUDIT_MEMBER_FORMAT, RecordKind
from auditdesk.domain.canonical import content_hash
from auditdesk.domain.record_documents import (
    moderation_document,
)
from auditdesk.services.audits._actions import action_document_of
from auditdesk.services.audits._state import audit_header
from auditdesk.store.models import (
    Action,
    Answer,
    Audit,
    AuditAuditor,
    AuditBlock,
    Auditor,
    ChangeTrail,
    Child,
    Moderation,
    ModerationGrade,
    ModerationRating,
    ModerationSample,
    Plan,
    Setting,
    TemplateVersion,
)

CHUNK = 500
MODELS: dict[RecordKind, Any] = {
    "auditor": Auditor,
    "setting": Setting,
    "child": Child,
    "plan": Plan,
    "moderation_sample": ModerationSample,
    "audit": Audit,
    "action": Action,
    "moderation": Moderation,
}


@dataclass
class StoredRecord:
    """One stored record as a bundle carries it."""

    kind: RecordKind
    id: int
    uuid: str
    revision: int
    stored_hash: str
    document: dict[str, Any]
    stamps: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)
    # Row ids of the records this one refers to (never exported; used to collect them).
    links: dict[RecordKind, set[int]] = field(default_factory=dict)

    @property
    def hash(self) -> str:
        return content_hash(self.document)


@dataclass
class StoredAudit:
    record: StoredRecord
    template_version_id: int
    member: dict[str, Any]  # the whole ``audits/<uuid>.json``
    actions: list[StoredRecord]
    moderations: list[StoredRecord]
    refers_to: dict[RecordKind, set[int]]


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def stamps_of(row: Any) -> dict[str, Any]:
    return {
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
        "author": row.author,
        "device": row.device,
    }


def present(values: Iterable[int | None]) -> set[int]:
    return {value for value in values if value is not None}


def chunks(ids: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


# -- audits ---------------------------------------------------------------------------------
def load_audits(session: Session, audit_ids: Sequence[int]) -> list[StoredAudit]:
    """Every audit with its actions, moderations and trail, a chunk at a time."""
    loaded: list[StoredAudit] = []
    for chunk in chunks(list(audit_ids)):
        loaded += _load_chunk(session, chunk)
    return loaded


def _load_chunk(session: Session, ids: Sequence[int]) -> list[StoredAudit]:
    rows = session.execute(
        select(
            Audit,
            TemplateVersion.template_id,
            TemplateVersion.version,
            TemplateVersion.sha256,
            Child.reference,
            Setting.uuid,
            Plan.uuid,
            Plan.issue_date,
        )
        .join(TemplateVersion, TemplateVersion.id == Audit.template_version_id)
        .outerjoin(Child, Child.id == Audit.child_id)
        .outerjoin(Setting, Setting.id == Audit.setting_id)
        .outerjoin(Plan, Plan.id == Audit.plan_id)
        .where(Audit.id.in_(ids))
        .order_by(Audit.id)
    ).all()
    team: dict[int, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for audit_id, auditor_id, auditor_uuid, agency, position in session.execute(
        select(
            AuditAuditor.audit_id,
            Auditor.id,
            Auditor.uuid,
            AuditAuditor.agency,
            AuditAuditor.position,
        )
        .join(Auditor, Auditor.id == AuditAuditor.auditor_id)
        .where(AuditAuditor.audit_id.in_(ids))
    ):
        team[audit_id].append(
            (auditor_id, {"auditor_uuid": auditor_uuid, "agency": agency, "position": position})
        )
    blocks: dict[int, list[Any]] = defaultdict(list)
    block_uuid: dict[int, str] = {}
    for block in session.execute(
        select(AuditBlock, Child.reference)
        .outerjoin(Child, Child.id == AuditBlock.child_id)
        .where(AuditBlock.audit_id.in_(ids))
    ):
        blocks[block[0].audit_id].append(block)
        block_uuid[block[0].id] = block[0].uuid
    answers: dict[int, list[Answer]] = defaultdict(list)
    for answer in session.scalars(select(Answer).where(Answer.audit_id.in_(ids))):
        answers[answer.audit_id].append(answer)
    uuids = [row[0].uuid for row in rows]
    trail: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in session.scalars(
        select(ChangeTrail).where(ChangeTrail.audit_uuid.in_(uuids)).order_by(ChangeTrail.id)
    ):
        trail[entry.audit_uuid or ""].append(trail_entry(entry))
    actions = _actions(session, ids, block_uuid, {row[0].id: row[0].uuid for row in rows})
    moderations = _moderations(session, ids, block_uuid)
    loaded = []
    for (
        audit,
        template_id,
        version,
        sha256,
        child_ref,
        setting_uuid,
        plan_uuid,
        issue,
    ) in rows:
        header = audit_header(
            audit,
            template=(template_id, version, sha256),
            child_reference=child_ref,
            setting_uuid=setting_uuid,
            issue_date=issue,
        )
        block_rows = [
            {
                "uuid": block.uuid,
                "section_id": block.section_id,
                "parent_uuid": block_uuid.get(block.parent_id) if block.parent_id else None,
                "label": block.label,
                "position": block.position,
                "child_reference": reference,
                "year_group": block.year_group,
            }
            for block, reference in blocks[audit.id]
        ]
        answer_rows = [
            {
                "question_id": a.question_id,
                "block_uuid": block_uuid.get(a.block_id) if a.block_id else None,
                "rating": a.rating,
                "comment": a.comment,
                "evidence": a.evidence,
            }
            for a in answers[audit.id]
        ]
        document = audit_document(header, [m for _, m in team[audit.id]], block_rows, answer_rows)
        record = StoredRecord(
            "audit", audit.id, audit.uuid, audit.revision, audit.content_hash, document,
            stamps_of(audit),
        )  # fmt: skip
        own_actions, own_moderations = actions[audit.id], moderations[audit.id]
        member = {
            "format": AUDIT_MEMBER_FORMAT,
            "document": document,
            "stamps": record.stamps,
            "bookkeeping": {
                "status": audit.status,
                "completed_at": iso(audit.completed_at),
                "signed_off_at": iso(audit.signed_off_at),
                "signed_off_by": audit.signed_off_by,
                "override_by": audit.override_by,
                "plan_uuid": plan_uuid,
            },
            "answer_stamps": sorted(
                (
                    {
                        "question_id": a.question_id,
                        "block_uuid": block_uuid.get(a.block_id) if a.block_id else None,
                        "updated_at": iso(a.updated_at),
                        "updated_by": a.updated_by,
                        "board_highlight": a.board_highlight,
                    }
                    for a in answers[audit.id]
                ),
                key=lambda stamp: (stamp["question_id"], stamp["block_uuid"] or ""),
            ),
            "actions": [{"document": a.document, "stamps": a.stamps} for a in own_actions],
            "moderations": [
                {"document": m.document, "stamps": m.stamps, **m.extra} for m in own_moderations
            ],
            "trail": trail[audit.uuid],
        }
        refers_to: dict[RecordKind, set[int]] = {
            "auditor": present(auditor_id for auditor_id, _ in team[audit.id]),
            "setting": present([audit.setting_id]),
            "child": present([audit.child_id, *(b.child_id for b, _ in blocks[audit.id])]),
            "plan": present([audit.plan_id]),
            "moderation_sample": set(),
        }
        for moderation in own_moderations:
            for kind, linked in moderation.links.items():
                refers_to[kind] |= linked
        loaded.append(
            StoredAudit(
                record, audit.template_version_id, member, own_actions, own_moderations, refers_to
            )
        )
    return loaded


def trail_entry(entry: ChangeTrail) -> dict[str, Any]:
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


def _actions(
    session: Session, ids: Sequence[int], block_uuid: dict[int, str], audit_uuid: dict[int, str]
) -> dict[int, list[StoredRecord]]:
    found: dict[int, list[StoredRecord]] = defaultdict(list)
    for row in session.scalars(select(Action).where(Action.audit_id.in_(ids)).order_by(Action.id)):
        found[row.audit_id].append(action_record(row, audit_uuid[row.audit_id], block_uuid))
    return found


def action_record(row: Action, audit_uuid: str, block_uuid: dict[int, str]) -> StoredRecord:
    document = action_document_of(
        row, audit_uuid, block_uuid.get(row.block_id) if row.block_id else None
    )
    return StoredRecord(
        "action", row.id, row.uuid, row.revision, row.content_hash, document, stamps_of(row)
    )


def _moderations(
    session: Session, ids: Sequence[int], block_uuid: dict[int, str]
) -> dict[int, list[StoredRecord]]:
    sample, marker = aliased(ModerationSample), aliased(Auditor)
    rows = session.execute(
        select(Moderation, Audit.uuid, sample.uuid, marker.uuid)
        .join(Audit, Audit.id == Moderation.audit_id)
        .outerjoin(sample, sample.id == Moderation.sample_id)
        .outerjoin(marker, marker.id == Moderation.second_marker_id)
        .where(Moderation.audit_id.in_(ids))
        .order_by(Moderation.id)
    ).all()
    moderation_ids = [row[0].id for row in rows]
    ratings: dict[int, list[tuple[str, str | None, str, str]]] = defaultdict(list)
    grades: dict[int, list[tuple[str, str | None, str | None, str | None]]] = defaultdict(list)
    for chunk in chunks(moderation_ids):
        for rating in session.scalars(
            select(ModerationRating).where(ModerationRating.moderation_id.in_(chunk))
        ):
            ratings[rating.moderation_id].append(
                (
                    rating.question_id,
                    block_uuid.get(rating.block_id) if rating.block_id else None,
                    rating.rating,
                    rating.comment,
                )
            )
        for grade in session.scalars(
            select(ModerationGrade).where(ModerationGrade.moderation_id.in_(chunk))
        ):
            grades[grade.moderation_id].append(
                (grade.scope, grade.first_grade, grade.second_grade, grade.agreed_grade)
            )
    found: dict[int, list[StoredRecord]] = defaultdict(list)
    for row, audit_uuid, sample_uuid, marker_uuid in rows:
        document = moderation_document(
            row.uuid,
            audit_uuid,
            sample_uuid=sample_uuid,
            audit_revision=row.audit_revision,
            audit_hash=row.audit_hash,
            second_marker_uuid=marker_uuid,
            assigned_by=row.assigned_by,
            status=row.status,
            second_overall_grade=row.second_overall_grade,
            agreed_grade=row.agreed_grade,
            notes=row.notes,
            ratings=ratings[row.id],
            grades=grades[row.id],
        )
        found[row.audit_id].append(
            StoredRecord(
                "moderation",
                row.id,
                row.uuid,
                row.revision,
                row.content_hash,
                document,
                stamps_of(row),
                extra={"submitted_at": iso(row.submitted_at), "agreed_at": iso(row.agreed_at)},
                links={
                    "auditor": present([row.second_marker_id]),
                    "moderation_sample": present([row.sample_id]),
                },
            )
        )
    return found
