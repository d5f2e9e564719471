"""Keeping every accepted revision: the content of a version an import replaces is stored
in its history row, and records an update changes indirectly (an action on a block the
sender removed) get a revision of their own, with the old content kept too."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from auditdesk.services.bundles._contents import IncomingRecord
from auditdesk.services.bundles._decisions import Decision
from auditdesk.services.bundles._documents import MODELS, StoredRecord, chunks, load_audits
from auditdesk.services.bundles._reference_documents import load_references
from auditdesk.services.bundles._results import ItemStatus
from auditdesk.services.bundles._state import Importing
from auditdesk.services.kernel import _revisions as revisions
from auditdesk.store.models import Action, Moderation, RecordRevision

_KEPT = (ItemStatus.UPDATED, ItemStatus.CONFLICT)


def local_documents(session: Session, decisions: Sequence[Decision]) -> dict[str, StoredRecord]:
    """The content here of every record an import will replace or set beside a conflict,
    and of the actions and moderations of audits it will update (by local uuid)."""
    audit_ids: set[int] = set()
    dependants: dict[str, set[int]] = {"action": set(), "moderation": set()}
    references: dict[Any, set[int]] = {}
    for decision in decisions:
        if decision.local is None or decision.status not in _KEPT:
            continue
        kind = decision.record.kind
        if kind == "audit":
            audit_ids.add(decision.local.id)
        elif kind in dependants:
            dependants[kind].add(decision.local.id)
        else:
            references.setdefault(kind, set()).add(decision.local.id)
    for model, wanted in ((Action, dependants["action"]), (Moderation, dependants["moderation"])):
        for chunk in chunks(sorted(wanted)):
            audit_ids |= set(session.scalars(select(model.audit_id).where(model.id.in_(chunk))))
    found: dict[str, StoredRecord] = {}
    for audit in load_audits(session, sorted(audit_ids)):
        found[audit.record.uuid] = audit.record
        for record in (*audit.actions, *audit.moderations):
            found[record.uuid] = record
    for record in load_references(session, references):
        found[record.uuid] = record
    return found


def add_row(
    state: Importing,
    record: IncomingRecord,
    *,
    local_uuid: str,
    revision: int,
    lineage: revisions.Lineage,
    content_hash: str | None = None,
) -> None:
    """Seal a revision received in the bundle, keeping its whole content: a later edit
    here replaces the live record, and the revision must not go with it."""
    text = record.canonical or record.document.canonical().decode("utf-8")
    if local_uuid != record.uuid:  # the same child, known here under its own uuid
        text = record.document.model_copy(update={"uuid": local_uuid}).canonical().decode("utf-8")
    state.history_rows.append(
        revisions.revision_row(
            record_type=record.kind,
            record_uuid=local_uuid,
            revision=revision,
            content_hash=content_hash or record.hash,
            lineage=lineage,
            origin="received",
            author=state.sender,
            device=state.sender_device,
            at=state.now,
            document_text=text,
        )
    )


def keep_superseded(
    state: Importing, history: Sequence[revisions.HistoryRow], old: StoredRecord
) -> None:
    """Store the full content of a version that is about to stop being the live one."""
    if any(row.content_hash == old.hash for row in history):
        state.session.execute(
            update(RecordRevision)
            .where(
                RecordRevision.record_uuid == old.uuid,
                RecordRevision.content_hash == old.hash,
                RecordRevision.document.is_(None),
            )
            .values(document=old.document.canonical().decode("utf-8"))
        )
        return
    if any(
        row["record_uuid"] == old.uuid and row["content_hash"] == old.hash
        for row in state.history_rows
    ):
        return
    state.history_rows.append(
        revisions.revision_row(
            record_type=old.kind,
            record_uuid=old.uuid,
            revision=old.revision,
            content_hash=old.hash,
            lineage=revisions.lineage_of(old.hash, history),
            origin="replaced",
            author=state.ctx.actor.name,
            device=state.ctx.device,
            at=state.now,
            document_text=old.document.canonical().decode("utf-8"),
        )
    )


def refresh_dependants(
    state: Importing, before: dict[str, StoredRecord], audit_ids: Sequence[int]
) -> None:
    """Actions and moderations whose content an audit update changed (a block they
    pointed at was removed by the sender): rehash them as a new revision, old one kept."""
    if not audit_ids:
        return
    session = state.session
    imported = set(state.revision_here)
    changed = [
        record
        for audit in load_audits(session, audit_ids)
        for record in (*audit.actions, *audit.moderations)
        if record.uuid not in imported and record.hash != record.stored_hash
    ]
    known = revisions.history_of(session, [record.uuid for record in changed])
    for record in changed:
        old = before.get(record.uuid)
        rows = known.get(record.uuid, [])
        if old is not None:
            keep_superseded(state, rows, old)
        used = {row.revision for row in rows} | {record.revision}
        revision = max(used) + 1
        model = MODELS[record.kind]
        session.execute(
            update(model)
            .where(model.id == record.id)
            .values(content_hash=record.hash, revision=revision, updated_at=state.now)
        )
        state.trail(
            record.audit_uuid,
            record_type=record.kind,
            record_uuid=record.uuid,
            field="changed by an imported revision of its audit",
            old=f"revision {record.revision}",
            new=f"revision {revision} (a part of the audit it referred to was removed)",
        )
