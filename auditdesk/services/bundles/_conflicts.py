"""The Conflicts view's services: list conflicts, compare the two versions side by side,
and decide; and the history of a record's revisions. Neither version is ever lost.

- **Keep mine** records the decision; the incoming version stays stored with the conflict.
- **Take theirs** applies the incoming version as a new revision whose parent is the
  version here; the version here is kept whole in the record's history (and its trail)
  (see :mod:`._take_theirs`).
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.bundle_documents import TravellingDocument
from auditdesk.domain.bundle_format import RecordKind
from auditdesk.domain.canonical import content_hash
from auditdesk.errors import InvalidInput, NotAllowed, NotFound
from auditdesk.services.bundles._compare import compare
from auditdesk.services.bundles._conflict_results import (
    ConflictComparison,
    ConflictStatus,
    ConflictSummary,
    Resolution,
    RevisionEntry,
)
from auditdesk.services.bundles._documents import MODELS
from auditdesk.services.bundles._reference_documents import live_record
from auditdesk.services.bundles._results import when
from auditdesk.services.bundles._take_theirs import parsed, take_theirs, theirs
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.store.models import (
    BundleConflict,
    ChangeTrail,
    ReceivedBundle,
    RecordRevision,
)


def list_conflicts(
    ctx: ServiceContext, *, include_decided: bool = False, audit_uuid: str | None = None
) -> tuple[ConflictSummary, ...]:
    """Conflicts waiting for a decision (and, if asked, those decided), newest first."""
    with ctx.db.read() as session:
        query = select(BundleConflict, ReceivedBundle.file_name).join(
            ReceivedBundle, ReceivedBundle.id == BundleConflict.received_bundle_id
        )
        if not include_decided:
            query = query.where(BundleConflict.status == ConflictStatus.OPEN.value)
        if audit_uuid is not None:
            query = query.where(BundleConflict.audit_uuid == audit_uuid)
        rows = session.execute(query.order_by(BundleConflict.id.desc())).all()
        return tuple(_summary(row, file_name) for row, file_name in rows)


def compare_conflict(ctx: ServiceContext, conflict_uuid: str) -> ConflictComparison:
    """The version here (as it is now) and the bundle's, field by field."""
    with ctx.db.read() as session:
        row, file_name = _conflict(session, conflict_uuid)
        kind: RecordKind = row.record_type  # type: ignore[assignment]
        mine = live_record(session, kind, row.record_uuid)
        incoming, _ = theirs(row)
        return ConflictComparison(
            _summary(row, file_name),
            f"Here: revision {mine.revision}, last changed {when(mine.updated_at)}",
            f"From {row.incoming_author}: revision {row.incoming_revision}, in {file_name}",
            tuple(compare(session, mine.document, incoming)),
        )


def resolve_conflict(
    ctx: ServiceContext, conflict_uuid: str, resolution: Resolution, note: str = ""
) -> ConflictSummary:
    """Decide a conflict. Keep mine records the decision; take theirs applies the incoming
    version as the next revision, keeping the version here in the history."""
    note = note.strip()
    if len(note) > 4000:
        raise InvalidInput("The note is too long (4,000 characters at most).")
    with ctx.db.write() as session:
        row, file_name = _conflict(session, conflict_uuid)
        if row.status != ConflictStatus.OPEN.value:
            status = ConflictStatus(row.status)
            decided = when(row.decided_at) if row.decided_at else "earlier"
            raise NotAllowed(
                f"This conflict was already decided ({status.label.lower()}, {decided})."
            )
        if resolution is Resolution.TAKE_THEIRS:
            take_theirs(session, ctx, row, file_name)
        row.status = (
            ConflictStatus.TOOK_THEIRS
            if resolution is Resolution.TAKE_THEIRS
            else ConflictStatus.KEPT_MINE
        ).value
        row.decided_at = ctx.now()
        row.decided_by = ctx.actor.name
        row.note = note
        chosen = (
            "took the version from"
            if resolution is Resolution.TAKE_THEIRS
            else "kept the version here over"
        )
        session.add(
            ChangeTrail(
                at=ctx.now(),
                actor=ctx.actor.name,
                device=ctx.device,
                audit_uuid=row.audit_uuid,
                record_type=row.record_type,
                record_uuid=row.record_uuid,
                field="conflict decided",
                old_value=f"revision {row.local_revision} here",
                new_value=f"{chosen} {row.incoming_author} (revision {row.incoming_revision})",
                reason=note or None,
            )
        )
        session.flush()
        return _summary(row, file_name)


def record_history(ctx: ServiceContext, record_uuid: str) -> tuple[RevisionEntry, ...]:
    """Every sealed, received, replaced and resolved revision of a record, oldest first."""
    with ctx.db.read() as session:
        rows = session.scalars(
            select(RecordRevision)
            .where(RecordRevision.record_uuid == record_uuid)
            .order_by(RecordRevision.id)
        ).all()
        return tuple(
            RevisionEntry(
                row.revision,
                row.content_hash,
                row.origin,
                row.author,
                row.device,
                row.recorded_at,
                row.document is not None,
            )
            for row in rows
        )


def revision_document(
    ctx: ServiceContext, record_uuid: str, wanted_hash: str
) -> TravellingDocument | None:
    """The full content of one revision of a record, wherever it is kept (the live record,
    its history, or a conflict), or ``None`` if this database never held it."""
    with ctx.db.read() as session:
        kind = _kind_of(session, record_uuid)
        if kind is not None:
            live = live_record(session, kind, record_uuid)
            if live.hash == wanted_hash:
                return live.document
        stored = session.execute(
            select(RecordRevision.record_type, RecordRevision.document).where(
                RecordRevision.record_uuid == record_uuid,
                RecordRevision.content_hash == wanted_hash,
                RecordRevision.document.is_not(None),
            )
        ).first()
        candidates: list[tuple[str, str]] = []
        if stored is not None and stored[1] is not None:
            candidates.append((stored[0], stored[1]))
        for record_type, local, incoming in session.execute(
            select(
                BundleConflict.record_type,
                BundleConflict.local_document,
                BundleConflict.incoming_document,
            ).where(BundleConflict.record_uuid == record_uuid)
        ):
            candidates += [(record_type, local), (record_type, incoming)]
        for record_type, text in candidates:
            # Hashed as kept (canonical JSON), then read into its model.
            if content_hash(json.loads(text)) == wanted_hash:
                return parsed(record_type, text)
        return None


# -- reading ----------------------------------------------------------------------------------
def _conflict(session: Session, conflict_uuid: str) -> tuple[BundleConflict, str]:
    found = session.execute(
        select(BundleConflict, ReceivedBundle.file_name)
        .join(ReceivedBundle, ReceivedBundle.id == BundleConflict.received_bundle_id)
        .where(BundleConflict.uuid == conflict_uuid)
    ).first()
    if found is None:
        raise NotFound("That conflict is not in this database.")
    return found[0], found[1]


def _kind_of(session: Session, record_uuid: str) -> RecordKind | None:
    for kind, model in MODELS.items():
        if session.scalar(select(model.id).where(model.uuid == record_uuid)) is not None:
            return kind
    return None


def _summary(row: BundleConflict, file_name: str) -> ConflictSummary:
    return ConflictSummary(
        uuid=row.uuid,
        record_type=row.record_type,
        record_uuid=row.record_uuid,
        audit_uuid=row.audit_uuid,
        label=row.label,
        status=ConflictStatus(row.status),
        local_revision=row.local_revision,
        incoming_revision=row.incoming_revision,
        sender=row.incoming_author,
        sender_device=row.incoming_device,
        bundle_file=file_name,
        detected_at=row.detected_at,
        decided_at=row.decided_at,
        decided_by=row.decided_by,
        note=row.note,
    )
