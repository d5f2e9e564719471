"""The moderation list: every drawn audit with its first grade, second marker, status and
the second and agreed grades so far."""

from __future__ import annotations

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from auditdesk.domain.grades import Grade
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.moderation._results import ModerationRow
from auditdesk.store.models import Audit, Auditor, Moderation, ModerationSample, TemplateVersion


def list_moderations(ctx: ServiceContext, sample_uuid: str | None = None) -> list[ModerationRow]:
    """Every moderation, or only those drawn in one sample."""
    with ctx.db.read() as session:
        if not sample_uuid:
            return moderation_rows(session)
        in_sample = select(ModerationSample.id).where(ModerationSample.uuid == sample_uuid)
        return moderation_rows(session, Moderation.sample_id.in_(in_sample.scalar_subquery()))


def moderation_rows(session: Session, *where: ColumnElement[bool]) -> list[ModerationRow]:
    """The list's rows for the moderations ``where`` selects (every one if nothing), in
    the order they were drawn.

    One query with plain values: reading each moderation's audit, template title and
    second marker separately took three queries a moderation, 2 s for 4,545 of them."""
    query = (
        select(
            Moderation.uuid,
            Audit.uuid,
            Audit.reference,
            TemplateVersion.title,
            Audit.template_id,
            Audit.override_grade,
            Audit.suggested_grade,
            Auditor.name,
            Moderation.status,
            Moderation.second_overall_grade,
            Moderation.agreed_grade,
        )
        .join(Audit, Audit.id == Moderation.audit_id)
        .outerjoin(TemplateVersion, TemplateVersion.id == Audit.template_version_id)
        .outerjoin(Auditor, Auditor.id == Moderation.second_marker_id)
        .where(*where)
        .order_by(Moderation.id)
    )
    return [
        ModerationRow(
            uuid,
            audit_uuid,
            reference,
            title or template_id,
            _grade(override or suggested),
            marker,
            status,
            _grade(second),
            _grade(agreed),
        )
        for (
            uuid,
            audit_uuid,
            reference,
            title,
            template_id,
            override,
            suggested,
            marker,
            status,
            second,
            agreed,
        ) in session.execute(query)
    ]


def _grade(value: str | None) -> Grade | None:
    return Grade(value) if value else None
