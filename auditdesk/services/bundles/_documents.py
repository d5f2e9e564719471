"""The canonical documents of stored records, loaded in bulk: what a bundle carries, and
what history and conflicts keep of a version that is replaced.

Each builder uses the same domain functions the services hash with
(:func:`audit_document`, :mod:`record_documents`), so a document built here hashes to the
record's content hash (a test holds this for demo data and service-made audits alike).
Those functions check every document against the bundle format's models: a stored row the
format refuses raises :class:`~auditdesk.domain.document_check.InvalidDocument` here, and
the writer turns that into a plain refusal naming the record. What they build is then
held as its model (the one definition), never as loose JSON.
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
from auditdesk.domain.bundle_documents import (
    ActionDocument,
    AuditDocument,
    ModerationDocument,
    TravellingDocument,
    document_as,
)
from auditdesk.domain.bundle_format import DOCUMENT_MODELS, RecordKind
from auditdesk.domain.canonical import content_hash
from auditdesk.domain.record_documents import moderation_document
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
    """One stored record: its canonical document, and the row its stamps come from."""

    kind: RecordKind
    id: int
    uuid: str
    revision: int
    stored_hash: str
    document: TravellingDocument
    hash: str  # the content hash of the document as built (what the services hash)
    row: Any  # the stored row (created and updated when, by whom, on which laptop)
    # Row ids of the records this one refers to (never exported; used to collect them).
    links: dict[RecordKind, set[int]] = field(default_factory=dict)

    @property
    def audit_uuid(self) -> str | None:
        """The audit it is, or belongs to (audits, actions and moderations)."""
        document = self.document
        if isinstance(document, AuditDocument):
            return document.audit.uuid
        if isinstance(document, ActionDocument | ModerationDocument):
            return document.audit_uuid
        return None

    @property
    def updated_at(self) -> datetime:
        return self.row.updated_at  # type: ignore[no-any-return]


def stored(
    kind: RecordKind,
    row: Any,
    built: dict[str, Any],
    links: dict[RecordKind, set[int]] | None = None,
) -> StoredRecord:
    """The record of ``row``, from the document its builder ``built``. The builder has
    checked that document against its model, so making the model of it cannot fail; the
    hash is taken from what was built, exactly as the services take it."""
    document = DOCUMENT_MODELS[kind].model_validate(built)
    return StoredRecord(
        kind,
        row.id,
        row.uuid,
        row.revision,
        row.content_hash,
        document,
        content_hash(built),
        row,
        links or {},
    )


@dataclass
class StoredAudit:
    """An audit with what its bundle member carries besides its document."""

    record: StoredRecord
    template_version_id: int
    plan_uuid: str | None
    answers: list[tuple[Answer, str | None]]  # each answer row with its block's uuid
    trail: list[ChangeTrail]
    actions: list[StoredRecord]
    moderations: list[StoredRecord]
    refers_to: dict[RecordKind, set[int]]

    @property
    def document(self) -> AuditDocument:
        return document_as(self.record.document, AuditDocument)


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


@dataclass
class _Parts:
    """The rows of a chunk of audits, by audit id (block uuids by block id)."""

    team: dict[int, list[tuple[int, dict[str, Any]]]] = field(
        default_factory=lambda: defaultdict(list)
    )  # (auditor id, team member as the document holds it)
    blocks: dict[int, list[Any]] = field(default_factory=lambda: defaultdict(list))
    block_uuid: dict[int, str] = field(default_factory=dict)
    answers: dict[int, list[Answer]] = field(default_factory=lambda: defaultdict(list))
    trail: dict[str, list[ChangeTrail]] = field(default_factory=lambda: defaultdict(list))

    def block_uuid_of(self, block_id: int | None) -> str | None:
        return self.block_uuid.get(block_id) if block_id else None


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
    parts = _parts(session, ids, [row[0].uuid for row in rows])
    actions = _actions(session, ids, parts, {row[0].id: row[0].uuid for row in rows})
    moderations = _moderations(session, ids, parts)
    loaded = []
    for audit, template_id, version, sha256, child_ref, setting_uuid, plan_uuid, issue in rows:
        header = audit_header(
            audit,
            template=(template_id, version, sha256),
            child_reference=child_ref,
            setting_uuid=setting_uuid,
            issue_date=issue,
        )
        own_actions, own_moderations = actions[audit.id], moderations[audit.id]
        refers_to: dict[RecordKind, set[int]] = {
            "auditor": present(auditor_id for auditor_id, _ in parts.team[audit.id]),
            "setting": present([audit.setting_id]),
            "child": present([audit.child_id, *(b.child_id for b, _ in parts.blocks[audit.id])]),
            "plan": present([audit.plan_id]),
            "moderation_sample": set(),
        }
        for moderation in own_moderations:
            for kind, linked in moderation.links.items():
                refers_to[kind] |= linked
        loaded.append(
            StoredAudit(
                stored("audit", audit, _audit_document(header, audit.id, parts)),
                audit.template_version_id,
                plan_uuid,
                [(a, parts.block_uuid_of(a.block_id)) for a in parts.answers[audit.id]],
                parts.trail[audit.uuid],
                own_actions,
                own_moderations,
                refers_to,
            )
        )
    return loaded


def _parts(session: Session, ids: Sequence[int], uuids: Sequence[str]) -> _Parts:
    parts = _Parts()
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
        member = {"auditor_uuid": auditor_uuid, "agency": agency, "position": position}
        parts.team[audit_id].append((auditor_id, member))
    for block in session.execute(
        select(AuditBlock, Child.reference)
        .outerjoin(Child, Child.id == AuditBlock.child_id)
        .where(AuditBlock.audit_id.in_(ids))
    ):
        parts.blocks[block[0].audit_id].append(block)
        parts.block_uuid[block[0].id] = block[0].uuid
    for answer in session.scalars(select(Answer).where(Answer.audit_id.in_(ids))):
        parts.answers[answer.audit_id].append(answer)
    for entry in session.scalars(
        select(ChangeTrail).where(ChangeTrail.audit_uuid.in_(uuids)).order_by(ChangeTrail.id)
    ):
        parts.trail[entry.audit_uuid or ""].append(entry)
    return parts


def _audit_document(header: dict[str, Any], audit_id: int, parts: _Parts) -> dict[str, Any]:
    blocks = [
        {
            "uuid": block.uuid,
            "section_id": block.section_id,
            "parent_uuid": parts.block_uuid_of(block.parent_id),
            "label": block.label,
            "position": block.position,
            "child_reference": reference,
            "year_group": block.year_group,
        }
        for block, reference in parts.blocks[audit_id]
    ]
    answers = [
        {
            "question_id": a.question_id,
            "block_uuid": parts.block_uuid_of(a.block_id),
            "rating": a.rating,
            "comment": a.comment,
            "evidence": a.evidence,
        }
        for a in parts.answers[audit_id]
    ]
    return audit_document(header, [m for _, m in parts.team[audit_id]], blocks, answers)


def _actions(
    session: Session, ids: Sequence[int], parts: _Parts, audit_uuid: dict[int, str]
) -> dict[int, list[StoredRecord]]:
    found: dict[int, list[StoredRecord]] = defaultdict(list)
    for row in session.scalars(select(Action).where(Action.audit_id.in_(ids)).order_by(Action.id)):
        built = action_document_of(row, audit_uuid[row.audit_id], parts.block_uuid_of(row.block_id))
        found[row.audit_id].append(stored("action", row, built))
    return found


def _moderations(
    session: Session, ids: Sequence[int], parts: _Parts
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
    ratings: dict[int, list[tuple[str, str | None, str, str]]] = defaultdict(list)
    grades: dict[int, list[tuple[str, str | None, str | None, str | None]]] = defaultdict(list)
    for chunk in chunks([row[0].id for row in rows]):
        for rating in session.scalars(
            select(ModerationRating).where(ModerationRating.moderation_id.in_(chunk))
        ):
            block = parts.block_uuid_of(rating.block_id)
            ratings[rating.moderation_id].append(
                (rating.question_id, block, rating.rating, rating.comment)
            )
        for grade in session.scalars(
            select(ModerationGrade).where(ModerationGrade.moderation_id.in_(chunk))
        ):
            grades[grade.moderation_id].append(
                (grade.scope, grade.first_grade, grade.second_grade, grade.agreed_grade)
            )
    found: dict[int, list[StoredRecord]] = defaultdict(list)
    for row, audit_uuid, sample_uuid, marker_uuid in rows:
        built = moderation_document(
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
        links: dict[RecordKind, set[int]] = {
            "auditor": present([row.second_marker_id]),
            "moderation_sample": present([row.sample_id]),
        }
        found[row.audit_id].append(stored("moderation", row, built, links))
    return found
