"""Which audits a send takes, and the list File > Send audits shows before writing."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import QueryableAttribute, Session

from auditdesk.domain.reference import AuditStatus
from auditdesk.errors import NotFound
from auditdesk.services.bundles._results import (
    ChangedSince,
    ChosenAudits,
    SendCandidate,
    SendSelection,
    SentBundleSummary,
)
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.store.models import (
    Action,
    Audit,
    Child,
    Moderation,
    RecordRevision,
    SentBundle,
    SentRecord,
    Setting,
    TemplateVersion,
)


def audit_ids(session: Session, selection: SendSelection) -> list[int]:
    """Row ids of the audits ``selection`` takes, oldest first."""
    if isinstance(selection, ChosenAudits):
        found: set[int] = set()
        for key in selection.audits:
            audit_id = session.scalar(
                select(Audit.id).where(or_(Audit.uuid == key, Audit.reference == key.upper()))
            )
            if audit_id is None:
                raise NotFound(f"There is no audit {key} in this database.")
            found.add(audit_id)
        return sorted(found)
    completed = Audit.status != AuditStatus.DRAFT.value
    if isinstance(selection, ChangedSince):
        start = start_of_day(selection.since)
        changed = or_(
            Audit.updated_at >= start,
            select(Action.id)
            .where(Action.audit_id == Audit.id, Action.updated_at >= start)
            .exists(),
            select(Moderation.id)
            .where(Moderation.audit_id == Audit.id, Moderation.updated_at >= start)
            .exists(),
        )
        return list(session.scalars(select(Audit.id).where(completed, changed).order_by(Audit.id)))
    return list(
        session.scalars(select(Audit.id).where(completed, _not_yet_sent()).order_by(Audit.id))
    )


def _not_yet_sent() -> ColumnElement[bool]:
    """The audit, one of its actions or its moderation is in a version that has neither
    been sent from nor received into this database."""

    def sealed(
        uuid: QueryableAttribute[str], content_hash: QueryableAttribute[str]
    ) -> ColumnElement[bool]:
        return (
            select(RecordRevision.id)
            .where(RecordRevision.record_uuid == uuid, RecordRevision.content_hash == content_hash)
            .exists()
        )

    return or_(
        ~sealed(Audit.uuid, Audit.content_hash),
        select(Action.id)
        .where(Action.audit_id == Audit.id, ~sealed(Action.uuid, Action.content_hash))
        .exists(),
        select(Moderation.id)
        .where(Moderation.audit_id == Audit.id, ~sealed(Moderation.uuid, Moderation.content_hash))
        .exists(),
    )


def start_of_day(day: date) -> datetime:
    """Local midnight at the start of ``day``, as a UTC time."""
    return datetime.combine(day, time(0)).astimezone().astimezone(UTC)


def audits_to_send(ctx: ServiceContext, selection: SendSelection) -> tuple[SendCandidate, ...]:
    """The audits a send with ``selection`` would include, for the dialog to list."""
    with ctx.db.read() as session:
        ids = audit_ids(session, selection)
        last_sent = (
            select(SentRecord.record_uuid, func.max(SentBundle.created_at).label("at"))
            .join(SentBundle, SentBundle.id == SentRecord.sent_bundle_id)
            .group_by(SentRecord.record_uuid)
            .subquery()
        )
        candidates: list[SendCandidate] = []
        for start in range(0, len(ids), 500):
            rows = session.execute(
                select(
                    Audit,
                    TemplateVersion.title,
                    Child.reference,
                    Setting.name,
                    last_sent.c.at,
                )
                .join(TemplateVersion, TemplateVersion.id == Audit.template_version_id)
                .outerjoin(Child, Child.id == Audit.child_id)
                .outerjoin(Setting, Setting.id == Audit.setting_id)
                .outerjoin(last_sent, last_sent.c.record_uuid == Audit.uuid)
                .where(Audit.id.in_(ids[start : start + 500]))
                .order_by(Audit.audit_date, Audit.id)
            ).all()
            for audit, title, child_reference, setting_name, sent_at in rows:
                candidates.append(
                    SendCandidate(
                        uuid=audit.uuid,
                        reference=audit.reference,
                        template_title=title,
                        subject=child_reference or setting_name or "",
                        status=AuditStatus(audit.status),
                        revision=audit.revision,
                        updated_at=audit.updated_at,
                        last_sent_at=sent_at.replace(tzinfo=UTC) if sent_at else None,
                    )
                )
        return tuple(candidates)


def sent_bundles(ctx: ServiceContext, limit: int = 100) -> tuple[SentBundleSummary, ...]:
    """The bundles sent from this database, newest first."""
    with ctx.db.read() as session:
        rows = session.scalars(
            select(SentBundle).order_by(SentBundle.created_at.desc(), SentBundle.id.desc())
        ).all()[:limit]
        return tuple(
            SentBundleSummary(
                row.uuid,
                row.file_name,
                row.created_at,
                row.author,
                row.selection,
                row.audits,
                row.records,
            )
            for row in rows
        )
