"""Finding a moderation and keeping its record honest: every change leaves a line in the
audit's trail and a fresh content hash, so a bundle carries exactly what was recorded."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from auditdesk.domain.record_documents import document_hash, moderation_document
from auditdesk.errors import NotFound
from auditdesk.services.audits import _state as audit_state
from auditdesk.services.kernel import _revisions as revisions
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.moderation._results import AnswerKey
from auditdesk.store.models import (
    Audit,
    AuditBlock,
    Auditor,
    Moderation,
    ModerationGrade,
    ModerationRating,
    ModerationSample,
)


def find_moderation(session: Session, moderation_uuid: str) -> Moderation:
    found = session.scalar(select(Moderation).where(Moderation.uuid == moderation_uuid))
    if found is None:
        raise NotFound("That moderation is not in this database.")
    return found


def second_ratings(
    session: Session, moderation: Moderation, loaded: audit_state.LoadedAudit
) -> tuple[dict[AnswerKey, str], dict[AnswerKey, str]]:
    """The second marker's ratings and comments so far, by question and block."""
    uuid_by_id = {row.id: row.uuid for row in loaded.block_rows.values()}
    ratings: dict[AnswerKey, str] = {}
    comments: dict[AnswerKey, str] = {}
    for row in session.scalars(
        select(ModerationRating).where(ModerationRating.moderation_id == moderation.id)
    ):
        key = (row.question_id, uuid_by_id.get(row.block_id) if row.block_id else None)
        ratings[key] = row.rating
        comments[key] = row.comment
    return ratings, comments


def touch(
    session: Session, ctx: ServiceContext, moderation: Moderation, field: str, value: object
) -> None:
    """Record a change to a moderation in its audit's trail, and rehash it."""
    moderation.updated_at = ctx.now()
    audit_uuid = session.scalar(select(Audit.uuid).where(Audit.id == moderation.audit_id))
    audit_state.add_trail(
        session,
        ctx,
        audit_uuid=audit_uuid,
        record_type="moderation",
        record_uuid=moderation.uuid,
        field=field,
        new=value,
    )
    rehash(session, moderation)


def rehash(session: Session, moderation: Moderation) -> None:
    """The moderation's content hash, from its document as a bundle would carry it."""
    block_uuid = aliased(AuditBlock)
    ratings = session.execute(
        select(
            ModerationRating.question_id,
            block_uuid.uuid,
            ModerationRating.rating,
            ModerationRating.comment,
        )
        .outerjoin(block_uuid, block_uuid.id == ModerationRating.block_id)
        .where(ModerationRating.moderation_id == moderation.id)
    ).all()
    grades = session.execute(
        select(
            ModerationGrade.scope,
            ModerationGrade.first_grade,
            ModerationGrade.second_grade,
            ModerationGrade.agreed_grade,
        ).where(ModerationGrade.moderation_id == moderation.id)
    ).all()
    audit_uuid = session.scalar(select(Audit.uuid).where(Audit.id == moderation.audit_id))
    sample_uuid = (
        session.scalar(
            select(ModerationSample.uuid).where(ModerationSample.id == moderation.sample_id)
        )
        if moderation.sample_id
        else None
    )
    marker_uuid = (
        session.scalar(select(Auditor.uuid).where(Auditor.id == moderation.second_marker_id))
        if moderation.second_marker_id
        else None
    )
    assert audit_uuid is not None
    moderation.content_hash = document_hash(
        moderation_document(
            moderation.uuid,
            audit_uuid,
            sample_uuid=sample_uuid,
            audit_revision=moderation.audit_revision,
            audit_hash=moderation.audit_hash,
            second_marker_uuid=marker_uuid,
            assigned_by=moderation.assigned_by,
            status=moderation.status,
            second_overall_grade=moderation.second_overall_grade,
            agreed_grade=moderation.agreed_grade,
            notes=moderation.notes,
            ratings=[(q, b, r, c) for q, b, r, c in ratings],
            grades=[(s, f, t, a) for s, f, t, a in grades],
        )
    )
    revisions.follow_edit(session, moderation)  # a sent revision is never changed
