"""Keep the content hash of the smaller travelling records current (see
:mod:`auditdesk.domain.record_documents`).

The record formats (pydantic) are imported by the first edit that rehashes, not with this
module: the kernel's face loads it, and opening a database or the window's first page
needs no format."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from auditdesk.services.kernel import _revisions as revisions
from auditdesk.store.models import Auditor, Child, Plan, Setting


def rehash_auditor(row: Auditor) -> None:
    from auditdesk.domain.record_documents import auditor_document, document_hash  # noqa: PLC0415

    row.content_hash = document_hash(auditor_document(row.uuid, row.name, row.agency, row.role))
    _follow_edit(row)


def rehash_setting(row: Setting) -> None:
    from auditdesk.domain.record_documents import document_hash, setting_document  # noqa: PLC0415

    row.content_hash = document_hash(
        setting_document(
            row.uuid,
            row.name,
            row.urn,
            setting_type=row.setting_type,
            phase=row.phase,
            locality=row.locality,
        )
    )
    _follow_edit(row)


def rehash_child(session: Session, row: Child) -> None:
    from auditdesk.domain.record_documents import child_document, document_hash  # noqa: PLC0415

    row.content_hash = document_hash(
        child_document(
            row.uuid,
            row.reference,
            year_group=row.year_group,
            primary_need=row.primary_need,
            locality=row.locality,
            setting_uuid=_setting_uuid(session, row.setting_id),
        )
    )
    revisions.follow_edit(session, row)


def rehash_plan(session: Session, row: Plan) -> None:
    from auditdesk.domain.record_documents import document_hash, plan_document  # noqa: PLC0415

    child_uuid = session.scalar(select(Child.uuid).where(Child.id == row.child_id))
    assert child_uuid is not None
    row.content_hash = document_hash(
        plan_document(
            row.uuid, child_uuid, row.stage, row.issue_date, _setting_uuid(session, row.setting_id)
        )
    )
    revisions.follow_edit(session, row)


def _setting_uuid(session: Session, setting_id: int | None) -> str | None:
    if setting_id is None:
        return None
    return session.scalar(select(Setting.uuid).where(Setting.id == setting_id))


def _follow_edit(row: Auditor | Setting) -> None:
    """Bundles: an edit to a sent (sealed) revision starts the next revision. A row not yet
    in a session is new, so it has never been sent."""
    session = object_session(row)
    if session is not None:
        revisions.follow_edit(session, row)
