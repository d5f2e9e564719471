"""Applying an import plan inside the import's single write transaction.

Order matters: templates, then the records audits refer to, then audits, then actions and
moderations; then conflicts are kept, history and provenance recorded, the bundle's
change trail merged in, and statuses and final grades settled.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from auditdesk.domain import lineage
from auditdesk.domain.bundle_documents import ChildDocument, hash_of
from auditdesk.domain.bundle_format import CarriedTrailEntry, parse_time
from auditdesk.domain.reference import AuditStatus
from auditdesk.services.bundles import _history as history
from auditdesk.services.bundles._apply_audits import new_audits, update_audit
from auditdesk.services.bundles._apply_records import (
    REFERENCE_KINDS,
    apply_actions,
    apply_moderations,
    apply_references,
    find_blocks,
)
from auditdesk.services.bundles._contents import IncomingRecord
from auditdesk.services.bundles._decisions import Decision, ImportPlan
from auditdesk.services.bundles._documents import MODELS, StoredRecord, chunks
from auditdesk.services.bundles._results import ImportCancelled, ItemStatus
from auditdesk.services.bundles._state import Importing, bulk_insert, next_revision
from auditdesk.services.kernel import _revisions as revisions
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._templates import install_template
from auditdesk.store.models import (
    Audit,
    BundleConflict,
    ChangeTrail,
    Moderation,
    ReceivedBundle,
    RecordProvenance,
    RecordRevision,
)

#: Told each stage as it starts; returning False stops the import (it rolls back whole).
Progress = Callable[[str], bool]
_CHANGING = (ItemStatus.NEW, ItemStatus.UPDATED)


def apply_plan(
    session: Session,
    ctx: ServiceContext,
    plan: ImportPlan,
    label: Callable[[IncomingRecord], str],
    *,
    backup: Path | None,
    progress: Progress | None = None,
) -> None:
    """Carry out ``plan``; ``label`` names each record as a kept conflict's label."""

    def step(stage: str) -> None:
        if progress is not None and not progress(stage):
            raise ImportCancelled("The import was stopped; nothing was changed.")

    contents = plan.contents
    state = _importing(session, ctx, plan, backup)
    state.know(list(contents.records))
    step("Adding templates")
    for loaded in plan.install:
        stored = install_template(session, loaded)
        state.template_rows[(loaded.template.id, loaded.template.version)] = stored.id
    for decision in plan.decisions:
        if decision.local is not None:
            state.ids[decision.record.uuid] = decision.local.id
            if isinstance(decision.record.document, ChildDocument):
                state.child_by_reference[decision.record.document.reference] = decision.local.id
    before = history.local_documents(session, plan.decisions)
    step("Adding auditors, settings, children and plans")
    apply_references(state, [d for d in plan.decisions if d.record.kind in REFERENCE_KINDS])
    step("Adding audits")
    new_audits(state, plan.of("audit", ItemStatus.NEW))
    updated = plan.of("audit", ItemStatus.UPDATED)
    for decision in updated:
        update_audit(state, decision)
    step("Adding actions and moderation")
    dependants = plan.of("action") + plan.of("moderation")
    find_blocks(state, [d for d in dependants if d.status in _CHANGING])
    apply_actions(state, plan.of("action"))
    apply_moderations(state, plan.of("moderation"))
    step("Keeping conflicting versions")
    keep_conflicts(state, plan.decisions, before, label)
    step("Recording history and provenance")
    record_history(state, plan.decisions, before)
    merge_trail(state, plan.decisions)
    history.refresh_dependants(state, before, [d.local.id for d in updated if d.local])
    settle_audits(state)
    bulk_insert(session, RecordRevision, state.history_rows)
    bulk_insert(session, RecordProvenance, state.provenance_rows)
    bulk_insert(session, ChangeTrail, state.trail_rows)


def _importing(
    session: Session, ctx: ServiceContext, plan: ImportPlan, backup: Path | None
) -> Importing:
    """The record of this import (what came, from whom, what it did), and the state the
    import carries while it writes."""
    contents, now = plan.contents, ctx.now()
    manifest = contents.manifest
    counts = Counter(decision.status for decision in plan.decisions)
    bundle = ReceivedBundle(
        bundle_uuid=manifest.bundle_uuid,
        file_name=contents.path.name,
        file_sha256=contents.file_sha256,
        created_at=parse_time(manifest.created_at),
        author=manifest.author.name,
        device=manifest.device,
        app_version=manifest.app_version,
        imported_at=now,
        imported_by=ctx.actor.name,
        new_records=counts[ItemStatus.NEW],
        updated_records=counts[ItemStatus.UPDATED],
        conflicts=counts[ItemStatus.CONFLICT],
        problems=counts[ItemStatus.PROBLEM],
        backup_file=str(backup) if backup else None,
    )
    session.add(bundle)
    session.flush()
    return Importing(
        session,
        ctx,
        now,
        bundle.id,
        sender=manifest.author.name,
        sender_device=manifest.device,
        file_name=contents.path.name,
        template_rows=dict(plan.template_rows),
        indexes=plan.indexes,
    )


def keep_conflicts(
    state: Importing,
    decisions: list[Decision],
    before: dict[str, StoredRecord],
    label: Callable[[IncomingRecord], str],
) -> None:
    """Keep each conflicting incoming version whole, beside the version here."""
    rows: list[dict[str, Any]] = []
    superseded: list[int] = []
    for decision in decisions:
        if decision.status is not ItemStatus.CONFLICT:
            continue
        record, local = decision.record, decision.local
        assert local is not None
        rows.append(conflict_row(state, decision, before[local.uuid], label(record)))
        superseded += decision.supersedes
        state.provenance(record, local.uuid, "conflict")
        state.trail(
            record.audit_uuid,
            record_type=record.kind,
            record_uuid=local.uuid,
            field="conflicting version kept aside",
            new=f"revision {record.revision} from {state.sender} ({state.file_name}); "
            "choose between the versions in Conflicts",
        )
    bulk_insert(state.session, BundleConflict, rows)
    if superseded:
        state.session.execute(
            update(BundleConflict)
            .where(BundleConflict.id.in_(superseded))
            .values(
                status="superseded",
                decided_at=state.now,
                decided_by=state.ctx.actor.name,
                note=f"A later revision arrived from {state.sender} in {state.file_name}.",
            )
        )


def conflict_row(
    state: Importing, decision: Decision, mine: StoredRecord, label: str
) -> dict[str, Any]:
    record, local = decision.record, decision.local
    assert local is not None
    incoming_hash = record.hash
    if local.uuid != record.uuid:
        incoming_hash = hash_of(record.document.model_copy(update={"uuid": local.uuid}))
    return {
        "uuid": str(uuid.uuid4()),
        "record_type": record.kind,
        "record_uuid": local.uuid,
        "audit_uuid": record.audit_uuid,
        "label": label[:200],
        "local_revision": local.revision,
        "local_hash": mine.hash,
        "local_document": mine.document.canonical().decode("utf-8"),
        "incoming_revision": record.revision,
        "incoming_hash": incoming_hash,
        "incoming_parent_hash": record.parent_hash,
        "incoming_ancestry": json.dumps(list(record.ancestry)),
        "incoming_document": record.canonical or record.document.canonical().decode("utf-8"),
        "incoming_extra": record.extras_text(),
        "incoming_author": state.sender,
        "incoming_device": state.sender_device,
        "received_bundle_id": state.bundle_id,
        "detected_at": state.now,
        "status": "open",
        "decided_at": None,
        "decided_by": None,
        "note": "",
    }


def record_history(
    state: Importing, decisions: list[Decision], before: dict[str, StoredRecord]
) -> None:
    """Seal every revision that came in, keep the content of every one it replaced, and
    say where each came from."""
    for decision in decisions:
        record, local = decision.record, decision.local
        lineage = revisions.Lineage(record.parent_hash, record.ancestry, None)
        if decision.status is ItemStatus.NEW:
            history.add_row(
                state,
                record,
                local_uuid=record.uuid,
                revision=state.revision_here[record.uuid],
                lineage=lineage,
            )
            state.provenance(record, record.uuid, "new")
            _trail_import(state, record, "imported", None)
        elif decision.status is ItemStatus.UPDATED:
            assert local is not None
            history.keep_superseded(state, decision.history, before[local.uuid])
            revision = state.revision_here[local.uuid]
            history.add_row(
                state, record, local_uuid=local.uuid, revision=revision, lineage=lineage
            )
            state.provenance(record, local.uuid, "updated")
            _trail_import(state, record, "revision imported", f"revision {local.revision}")
        elif decision.seal_here and local is not None:
            _seal_here(state, decision)


def _seal_here(state: Importing, decision: Decision) -> None:
    """Seal the content here with both lineages: never sealed here (this one's first),
    or sealed but reached later in the bundle's lineage (then the bundle's first, under
    its revision number, which the record here takes)."""
    record, local = decision.record, decision.local
    assert local is not None
    mine = revisions.lineage_of(local.content_hash, decision.history)
    if not mine.sealed:
        parent = mine.parent_hash or record.parent_hash
        ancestry = lineage.joined(mine.ancestry, record.ancestry)
        revision = local.revision
    else:
        parent = record.parent_hash
        ancestry = lineage.joined(record.ancestry, mine.ancestry)
        revision = next_revision(record.revision, local.revision, decision.history)
        model = MODELS[record.kind]
        state.session.execute(update(model).where(model.id == local.id).values(revision=revision))
    history.add_row(
        state,
        record,
        local_uuid=local.uuid,
        revision=revision,
        lineage=revisions.Lineage(parent, ancestry, None),
        content_hash=local.content_hash,
    )


def _trail_import(state: Importing, record: IncomingRecord, field: str, old: str | None) -> None:
    if record.kind not in ("audit", "action", "moderation"):
        return
    state.trail(
        record.audit_uuid,
        record_type=record.kind,
        record_uuid=record.uuid,
        field=field,
        old=old,
        new=f"revision {record.revision} from {state.sender} ({state.file_name})",
    )


def merge_trail(state: Importing, decisions: list[Decision]) -> None:
    """The sender's change trail of each audit that came in, without repeating entries
    this database already has."""
    incoming = [d for d in decisions if d.record.kind == "audit" and d.status in _CHANGING]
    existing: set[tuple[Any, ...]] = set()
    known = [d.record.uuid for d in incoming if d.status is ItemStatus.UPDATED]
    for chunk in chunks(known):
        for entry in state.session.scalars(
            select(ChangeTrail).where(ChangeTrail.audit_uuid.in_(chunk))
        ):
            existing.add(_trail_key(entry.audit_uuid, entry.at, entry))
    for decision in incoming:
        for carried in decision.record.audit_extras.trail:
            at = parse_time(carried.at)
            key = _trail_key(decision.record.uuid, at, carried)
            if key in existing:
                continue
            existing.add(key)
            row = {**carried.model_dump(), "at": at, "audit_uuid": decision.record.uuid}
            state.trail_rows.append(row)


def _trail_key(
    audit_uuid: str | None, at: datetime, entry: ChangeTrail | CarriedTrailEntry
) -> tuple[Any, ...]:
    """One trail entry, whether here or carried, for finding the same one twice."""
    return (
        audit_uuid,
        at.isoformat(),
        entry.actor,
        entry.device,
        entry.record_type,
        entry.record_uuid,
        entry.field,
        entry.old_value,
        entry.new_value,
        entry.reason,
    )


def settle_audits(state: Importing) -> None:
    """An agreed moderation of the audit as it is here moves it from completed to
    moderated (as agreeing here does; a moderation of an earlier revision does not), and
    every touched audit's final grade is worked out afresh."""
    session = state.session
    for chunk in chunks(sorted(state.agreed_moderations)):
        for audit_id, audit_uuid, current in session.execute(
            select(Audit.id, Audit.uuid, Audit.content_hash).where(
                Audit.id.in_(chunk), Audit.status == AuditStatus.COMPLETED.value
            )
        ).all():
            moderated = state.agreed_moderations[audit_id]
            if current not in moderated and "" not in moderated:
                continue  # "" is an older moderation that did not record what it saw
            session.execute(
                update(Audit).where(Audit.id == audit_id).values(status=AuditStatus.MODERATED.value)
            )
            state.trail(
                audit_uuid,
                record_type="audit",
                record_uuid=audit_uuid,
                field="status",
                old=AuditStatus.COMPLETED.label,
                new=f"{AuditStatus.MODERATED.label} (moderation from {state.sender})",
            )
    touched = sorted(state.touched_audits | set(state.agreed_moderations))
    changes: list[dict[str, Any]] = []
    for chunk in chunks(touched):
        agreed: dict[int, str] = {}
        for audit_id, grade in session.execute(
            select(Moderation.audit_id, Moderation.agreed_grade)
            .where(Moderation.audit_id.in_(chunk), Moderation.status == "agreed")
            .order_by(Moderation.agreed_at.is_(None).desc(), Moderation.agreed_at)
        ).all():
            if grade:
                agreed[audit_id] = grade
        for audit_id, status, override, suggested, final in session.execute(
            select(
                Audit.id, Audit.status, Audit.override_grade, Audit.suggested_grade,
                Audit.final_grade,
            ).where(Audit.id.in_(chunk))
        ).all():  # fmt: skip
            is_moderated = status in (AuditStatus.MODERATED.value, AuditStatus.SIGNED_OFF.value)
            wanted = (agreed.get(audit_id) if is_moderated else None) or override or suggested
            if wanted != final:
                changes.append({"id": audit_id, "final_grade": wanted})
    if changes:
        session.execute(update(Audit), changes)
