"""Which audits a send takes, and the list File > Send audits shows before writing."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import QueryableAttribute, Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

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
    chosen = _taken(session, selection)
    return list(session.scalars(select(Audit.id).where(chosen).order_by(Audit.id)))


def _taken(session: Session, selection: SendSelection) -> ColumnElement[bool]:
    """What picks out the audits ``selection`` takes (named audits are looked up here, so
    that one missing is said before anything is read)."""
    if isinstance(selection, ChosenAudits):
        found: set[int] = set()
        for key in selection.audits:
            audit_id = session.scalar(
                select(Audit.id).where(or_(Audit.uuid == key, Audit.reference == key.upper()))
            )
            if audit_id is None:
                raise NotFound(f"There is no audit {key} in this database.")
            found.add(audit_id)
        return Audit.id.in_(sorted(found))
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
        return and_(completed, changed)
    return and_(completed, _not_yet_sent())


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
    """The audits a send with ``selection`` would include, for the dialog to list, by
    the day they were carried out.

    One query of plain values, only the columns listed: "completed and not sent" can be
    tens of thousands of audits, and reading them as whole objects, 500 at a time, took
    over a second and a half at 50,000 audits."""
    with ctx.db.read() as session:
        last_sent = (
            select(SentRecord.record_uuid, func.max(SentBundle.created_at).label("at"))
            .join(SentBundle, SentBundle.id == SentRecord.sent_bundle_id)
            .group_by(SentRecord.record_uuid)
            .subquery()
        )
        query = (
            select(
                Audit.uuid,
                Audit.reference,
                TemplateVersion.title,
                Child.reference,
                Setting.name,
                Audit.status,
                Audit.revision,
                Audit.updated_at,
                last_sent.c.at,
            )
            .join(TemplateVersion, TemplateVersion.id == Audit.template_version_id)
            .outerjoin(Child, Child.id == Audit.child_id)
            .outerjoin(Setting, Setting.id == Audit.setting_id)
            .outerjoin(last_sent, last_sent.c.record_uuid == Audit.uuid)
            .where(_taken(session, selection))
            .order_by(_sorted_not_looked_up(Audit.audit_date), Audit.id)
        )
        statuses = {status.value: status for status in AuditStatus}
        return tuple(
            SendCandidate(
                uuid=uuid,
                reference=reference,
                template_title=title,
                subject=child_reference or setting_name or "",
                status=statuses[status],
                revision=revision,
                updated_at=updated_at,
                last_sent_at=sent_at.replace(tzinfo=UTC) if sent_at else None,
            )
            # Through the connection: the ORM's handling of each row is not needed here.
            for (
                uuid,
                reference,
                title,
                child_reference,
                setting_name,
                status,
                revision,
                updated_at,
                sent_at,
            ) in session.connection().execute(query)
        )


def _sorted_not_looked_up(column: QueryableAttribute[Any]) -> ColumnElement[Any]:
    """``column`` with SQLite's unary plus, which keeps the value and stops its index being
    used for the order: walking tens of thousands of audits in the index's order and
    looking each up in the table took twice as long as reading them in turn and sorting."""
    return UnaryExpression(column.expression, operator=custom_op("+"))


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
