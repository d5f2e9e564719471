"""The Conflicts view's services: list conflicts, compare the two versions side by side,
and decide. Neither version is ever lost.

- **Keep mine** records the decision; the incoming version stays stored with the conflict.
- **Take theirs** applies the incoming version as a new revision whose parent is the
  version here; the version here is kept whole in the record's history (and its trail).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain import lineage
from auditdesk.domain.bundle_format import parse_time
from auditdesk.domain.canonical import content_hash
from auditdesk.errors import InvalidInput, NotAllowed, NotFound
from auditdesk.services.bundles import _apply as apply
from auditdesk.services.bundles import _history as history
from auditdesk.services.bundles._apply_audits import update_audit
from auditdesk.services.bundles._apply_records import (
    find_blocks,
    write_action,
    write_moderation,
    write_reference,
)
from auditdesk.services.bundles._classify import Decision, LocalRecord
from auditdesk.services.bundles._compare import compare
from auditdesk.services.bundles._contents import IncomingRecord
from auditdesk.services.bundles._documents import MODELS, StoredRecord, load_audits
from auditdesk.services.bundles._reference_documents import load_references
from auditdesk.services.bundles._results import (
    ConflictComparison,
    ConflictStatus,
    ConflictSummary,
    ItemStatus,
    Resolution,
    RevisionEntry,
    when,
)
from auditdesk.services.bundles._state import Importing, bulk_insert
from auditdesk.services.kernel import _revisions as revisions
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._templates import index_for
from auditdesk.store.database import Database
from auditdesk.store.models import (
    Audit,
    Auditor,
    BundleConflict,
    ChangeTrail,
    Child,
    ModerationSample,
    Plan,
    ReceivedBundle,
    RecordRevision,
    Setting,
    TemplateVersion,
)


def list_conflicts(
    db: Database, *, include_decided: bool = False, audit_uuid: str | None = None
) -> tuple[ConflictSummary, ...]:
    """Conflicts waiting for a decision (and, if asked, those decided), newest first."""
    with db.read() as session:
        query = select(BundleConflict, ReceivedBundle.file_name).join(
            ReceivedBundle, ReceivedBundle.id == BundleConflict.received_bundle_id
        )
        if not include_decided:
            query = query.where(BundleConflict.status == ConflictStatus.OPEN.value)
        if audit_uuid is not None:
            query = query.where(BundleConflict.audit_uuid == audit_uuid)
        rows = session.execute(query.order_by(BundleConflict.id.desc())).all()
        return tuple(_summary(row, file_name) for row, file_name in rows)


def compare_conflict(db: Database, conflict_uuid: str) -> ConflictComparison:
    """The version here (as it is now) and the bundle's, field by field."""
    with db.read() as session:
        row, file_name = _conflict(session, conflict_uuid)
        mine = _live(session, row.record_type, row.record_uuid)
        theirs = json.loads(row.incoming_document)
        if row.record_type == "child":  # the same child may have another uuid there
            theirs = {**theirs, "uuid": row.record_uuid}
        summary = _summary(row, file_name)
        return ConflictComparison(
            summary,
            f"Here: revision {mine.revision}, last changed "
            f"{when(parse_time(mine.stamps['updated_at']))}",
            f"From {row.incoming_author}: revision {row.incoming_revision}, in {file_name}",
            tuple(compare(session, row.record_type, mine.document, theirs)),
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
            _take_theirs(session, ctx, row, file_name)
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


def record_history(db: Database, record_uuid: str) -> tuple[RevisionEntry, ...]:
    """Every sealed, received, replaced and resolved revision of a record, oldest first."""
    with db.read() as session:
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


def revision_document(db: Database, record_uuid: str, wanted_hash: str) -> dict[str, Any] | None:
    """The full content of one revision of a record, wherever it is kept (the live record,
    its history, or a conflict), or ``None`` if this database never held it."""
    with db.read() as session:
        kind = _kind_of(session, record_uuid)
        if kind is not None:
            live = _live(session, kind, record_uuid)
            if live.hash == wanted_hash:
                return live.document
        stored = session.scalars(
            select(RecordRevision.document).where(
                RecordRevision.record_uuid == record_uuid,
                RecordRevision.content_hash == wanted_hash,
                RecordRevision.document.is_not(None),
            )
        ).first()
        candidates = [stored] if stored else []
        for local, incoming in session.execute(
            select(BundleConflict.local_document, BundleConflict.incoming_document).where(
                BundleConflict.record_uuid == record_uuid
            )
        ):
            candidates += [local, incoming]
        for text in candidates:
            document: dict[str, Any] = json.loads(text)
            if content_hash(document) == wanted_hash:
                return document
        return None


# -- taking theirs ----------------------------------------------------------------------------
def _take_theirs(
    session: Session, ctx: ServiceContext, row: BundleConflict, file_name: str
) -> None:
    kind = row.record_type
    model = MODELS[kind]  # type: ignore[index]
    local_row = session.scalars(select(model).where(model.uuid == row.record_uuid)).one()
    mine = _live(session, kind, row.record_uuid)
    rows = revisions.history_of(session, [row.record_uuid]).get(row.record_uuid, [])
    extra = json.loads(row.incoming_extra)
    document = json.loads(row.incoming_document)
    if kind == "child":
        document = {**document, "uuid": row.record_uuid}
    revision = max([mine.revision, row.incoming_revision, *(r.revision for r in rows)]) + 1
    record = IncomingRecord(
        kind=kind,  # type: ignore[arg-type]
        uuid=row.record_uuid,
        revision=revision,
        hash=content_hash(document),
        parent_hash=mine.hash,
        ancestry=(mine.hash,),
        document=document,
        stamps=extra.pop("stamps"),
        extra=extra,
        audit_uuid=row.audit_uuid,
    )
    local = LocalRecord(local_row.id, row.record_uuid, mine.revision, mine.hash)
    decision = Decision(record, ItemStatus.UPDATED, "", row.label, local, list(rows))
    state = _state(session, ctx, row, file_name, record)
    history.keep_superseded(state, rows, mine)
    if kind == "audit":
        update_audit(state, decision)
        apply.merge_trail(state, [decision])
        history.refresh_dependants(state, {}, [local.id])
    elif kind == "action":
        find_blocks(state, [decision])
        write_action(state, decision)
    elif kind == "moderation":
        find_blocks(state, [decision])
        write_moderation(state, decision)
        if document["status"] == "agreed":
            audit_id = state.ids[document["audit_uuid"]]
            state.agreed_moderations.setdefault(audit_id, set()).add(document["audit_hash"])
    else:
        write_reference(state, decision)
    mine_lineage = revisions.lineage_of(mine.hash, rows)
    # Both lineages, repeats kept: the chosen version comes after each of them.
    ancestry = lineage.joined(
        (mine.hash, *mine_lineage.ancestry), tuple(json.loads(row.incoming_ancestry))
    )
    state.history_rows.append(
        revisions.revision_row(
            record_type=kind,
            record_uuid=row.record_uuid,
            revision=state.revision_here.get(row.record_uuid, revision),
            content_hash=record.hash,
            lineage=revisions.Lineage(mine.hash, ancestry, None),
            origin="resolved",
            author=ctx.actor.name,
            device=ctx.device,
            at=state.now,
            document=document,
        )
    )
    apply.settle_audits(state)
    bulk_insert(session, RecordRevision, state.history_rows)
    bulk_insert(session, ChangeTrail, state.trail_rows)


def _state(
    session: Session,
    ctx: ServiceContext,
    row: BundleConflict,
    file_name: str,
    record: IncomingRecord,
) -> Importing:
    """Local ids of everything the incoming version refers to (all here since the import)."""
    templates = {(t.template_id, t.version): t for t in session.scalars(select(TemplateVersion))}
    state = Importing(
        session,
        ctx,
        ctx.now(),
        row.received_bundle_id,
        sender=row.incoming_author,
        sender_device=row.incoming_device,
        file_name=file_name,
        template_rows={key: t.id for key, t in templates.items()},
        indexes={key: index_for(t) for key, t in templates.items()},
    )
    for model in (Auditor, Setting, Plan, ModerationSample, Audit):
        for uuid, id_ in session.execute(
            select(model.uuid, model.id).where(model.uuid.in_(_uuids(record.document)))
        ):
            state.ids[uuid] = id_
    for reference, id_ in session.execute(
        select(Child.reference, Child.id).where(Child.reference.in_(_references(record.document)))
    ):
        state.child_by_reference[reference] = id_
    for uuid, name, urn in session.execute(select(Setting.uuid, Setting.name, Setting.urn)):
        state.setting_names[uuid], state.urns[uuid] = name, urn
    state.auditor_names.update(session.execute(select(Auditor.uuid, Auditor.name)).all())
    plan_uuid = record.extra.get("bookkeeping", {}).get("plan_uuid")
    if plan_uuid:
        found = session.scalar(select(Plan.id).where(Plan.uuid == plan_uuid))
        if found is None:
            raise NotFound("The plan this version of the audit is about is no longer here.")
        state.ids[plan_uuid] = found
    return state


def _uuids(value: Any) -> set[str]:
    """Every string in a document (uuids among them), for looking up local ids."""
    if isinstance(value, dict):
        return set().union(*(_uuids(item) for item in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_uuids(item) for item in value)) if value else set()
    return {value} if isinstance(value, str) and len(value) <= 36 else set()


def _references(document: dict[str, Any]) -> set[str]:
    found = {document.get("reference"), document.get("audit", {}).get("child_reference")}
    found |= {block.get("child_reference") for block in document.get("blocks", [])}
    return {reference for reference in found if isinstance(reference, str)}


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


def _kind_of(session: Session, record_uuid: str) -> str | None:
    for kind, model in MODELS.items():
        if session.scalar(select(model.id).where(model.uuid == record_uuid)) is not None:
            return kind
    return None


def _live(session: Session, kind: str, record_uuid: str) -> StoredRecord:
    model = MODELS[kind]  # type: ignore[index]
    row = session.scalars(select(model).where(model.uuid == record_uuid)).one()
    if kind == "audit":
        return load_audits(session, [row.id])[0].record
    if kind in ("action", "moderation"):
        audit = load_audits(session, [row.audit_id])[0]
        return next(r for r in (*audit.actions, *audit.moderations) if r.uuid == record_uuid)
    return next(r for r in load_references(session, {kind: {row.id}}) if r.uuid == record_uuid)  # type: ignore[dict-item]


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
