"""The moderation list: every drawn audit with its first grade, second marker, status and
the second and agreed grades so far."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from auditdesk.domain.grades import Grade
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.moderation._results import ModerationRow
from auditdesk.store.models import Audit, Auditor, Moderation, ModerationSample, TemplateVersion


def list_moderations(ctx: ServiceContext, sample_uuid: str | None = None) -> list[ModerationRow]:
    """Every moderation, or only those drawn in one sample."""
    with ctx.db.read() as session:
        query = select(Moderation)
        if sample_uuid:
            query = query.join(ModerationSample).where(ModerationSample.uuid == sample_uuid)
        return moderation_rows(session, query)


def moderation_rows(session: Session, query: Select[Moderation]) -> list[ModerationRow]:
    """The list's rows for the moderations ``query`` selects."""
    rows: list[ModerationRow] = []
    for moderation in session.scalars(query).all():
        audit = session.get_one(Audit, moderation.audit_id)
        title = session.scalar(
            select(TemplateVersion.title).where(TemplateVersion.id == audit.template_version_id)
        )
        marker = (
            session.scalar(select(Auditor.name).where(Auditor.id == moderation.second_marker_id))
            if moderation.second_marker_id
            else None
        )
        first = audit.override_grade or audit.suggested_grade
        rows.append(
            ModerationRow(
                moderation.uuid,
                audit.uuid,
                audit.reference,
                title or audit.template_id,
                Grade(first) if first else None,
                marker,
                moderation.status,
                Grade(moderation.second_overall_grade) if moderation.second_overall_grade else None,
                Grade(moderation.agreed_grade) if moderation.agreed_grade else None,
            )
        )
    return rows
