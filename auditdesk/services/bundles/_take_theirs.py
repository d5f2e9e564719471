"""Taking the bundle's version of a conflict: it is applied as the next revision of the
record here, whose parent is the version here, kept whole in the record's history (and
its trail). The incoming version comes back from what the conflict kept of it (its
document and stamps, as canonical JSON text), parsed into its models here."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain import lineage
from auditdesk.domain.bundle_documents import (
    ActionDocument,
    AuditDocument,
    ChildDocument,
    ModerationDocument,
    PlanDocument,
    TravellingDocument,
)
from auditdesk.domain.bundle_format import DOCUMENT_MODELS, RecordKind
from auditdesk.errors import NotFound
from auditdesk.services.bundles import _apply as apply
from auditdesk.services.bundles import _history as history
from auditdesk.services.bundles._apply_audits import update_audit
from auditdesk.services.bundles._apply_records import (
    find_blocks,
    note_agreed,
    write_action,
    write_moderation,
    write_reference,
)
from auditdesk.services.bundles._contents import IncomingRecord, extras_from_text
from auditdesk.services.bundles._decisions import Decision, LocalRecord, Reason
from auditdesk.services.bundles._documents import MODELS, StoredRecord
from auditdesk.services.bundles._reference_documents import live_record
from auditdesk.services.bundles._results import ItemStatus
from auditdesk.services.bundles._state import Importing, bulk_insert
from auditdesk.services.kernel import _revisions as revisions
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._templates import index_for
from auditdesk.store.models import (
    Audit,
    Auditor,
    BundleConflict,
    ChangeTrail,
    Child,
    ModerationSample,
    Plan,
    RecordRevision,
    Setting,
    TemplateVersion,
)


def parsed(kind: str, text: str) -> TravellingDocument:
    """A document kept as canonical JSON text (in history or a conflict), as its model."""
    return DOCUMENT_MODELS[kind].model_validate_json(text)  # type: ignore[index]


def theirs(row: BundleConflict) -> tuple[TravellingDocument, str]:
    """The conflict's incoming document, with its canonical text (a child takes the uuid
    it has here: the same child may have another uuid there)."""
    document = parsed(row.record_type, row.incoming_document)
    if isinstance(document, ChildDocument) and document.uuid != row.record_uuid:
        document = document.model_copy(update={"uuid": row.record_uuid})
        return document, document.canonical().decode("utf-8")
    return document, row.incoming_document


def take_theirs(session: Session, ctx: ServiceContext, row: BundleConflict, file_name: str) -> None:
    kind: RecordKind = row.record_type  # type: ignore[assignment]
    model = MODELS[kind]
    local_id = session.scalars(select(model.id).where(model.uuid == row.record_uuid)).one()
    mine = live_record(session, kind, row.record_uuid)
    rows = revisions.history_of(session, [row.record_uuid]).get(row.record_uuid, [])
    record = _incoming(row, mine, rows)
    local = LocalRecord(local_id, row.record_uuid, mine.revision, mine.hash)
    decision = Decision(record, ItemStatus.UPDATED, Reason.FOLLOWS, local, list(rows))
    state = _state(session, ctx, row, file_name, record)
    history.keep_superseded(state, rows, mine)
    document = record.document
    if isinstance(document, AuditDocument):
        update_audit(state, decision)
        apply.merge_trail(state, [decision])
        history.refresh_dependants(state, {}, [local.id])
    elif isinstance(document, ActionDocument):
        find_blocks(state, [decision])
        write_action(state, decision)
    elif isinstance(document, ModerationDocument):
        find_blocks(state, [decision])
        write_moderation(state, decision)
        note_agreed(state, document)
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
            revision=state.revision_here.get(row.record_uuid, record.revision),
            content_hash=record.hash,
            lineage=revisions.Lineage(mine.hash, ancestry, None),
            origin="resolved",
            author=ctx.actor.name,
            device=ctx.device,
            at=state.now,
            document_text=record.canonical,
        )
    )
    apply.settle_audits(state)
    bulk_insert(session, RecordRevision, state.history_rows)
    bulk_insert(session, ChangeTrail, state.trail_rows)


def _incoming(
    row: BundleConflict, mine: StoredRecord, rows: list[revisions.HistoryRow]
) -> IncomingRecord:
    """The kept version, coming in as the revision after every one known here."""
    kind: RecordKind = row.record_type  # type: ignore[assignment]
    document, text = theirs(row)
    stamps, extras = extras_from_text(kind, row.incoming_extra)
    revision = max([mine.revision, row.incoming_revision, *(r.revision for r in rows)]) + 1
    return IncomingRecord(
        kind=kind,
        uuid=row.record_uuid,
        revision=revision,
        hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        parent_hash=mine.hash,
        ancestry=(mine.hash,),
        document=document,
        stamps=stamps,
        extras=extras,
        audit_uuid=row.audit_uuid,
        canonical=text,
    )


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
    uuids = _referred_uuids(record.document)
    for model in (Auditor, Setting, Child, Plan, ModerationSample, Audit):
        for uuid, id_ in session.execute(select(model.uuid, model.id).where(model.uuid.in_(uuids))):
            state.ids[uuid] = id_
    for reference, id_ in session.execute(
        select(Child.reference, Child.id).where(Child.reference.in_(_references(record.document)))
    ):
        state.child_by_reference[reference] = id_
    for uuid, name, urn in session.execute(select(Setting.uuid, Setting.name, Setting.urn)):
        state.setting_names[uuid], state.urns[uuid] = name, urn
    state.auditor_names.update(session.execute(select(Auditor.uuid, Auditor.name)).all())
    if record.kind == "audit" and (plan_uuid := record.audit_extras.bookkeeping.plan_uuid):
        found = session.scalar(select(Plan.id).where(Plan.uuid == plan_uuid))
        if found is None:
            raise NotFound("The plan this version of the audit is about is no longer here.")
        state.ids[plan_uuid] = found
    return state


def _referred_uuids(document: TravellingDocument) -> set[str]:
    """The uuids of the records ``document`` is of or refers to."""
    if isinstance(document, AuditDocument):
        head = document.audit
        found = {head.uuid, head.setting_uuid, *(m.auditor_uuid for m in document.team)}
    elif isinstance(document, ActionDocument):
        found = {document.uuid, document.audit_uuid}
    elif isinstance(document, ModerationDocument):
        found = {
            document.uuid,
            document.audit_uuid,
            document.sample_uuid,
            document.second_marker_uuid,
        }
    elif isinstance(document, PlanDocument):
        found = {document.uuid, document.child_uuid, document.setting_uuid}
    elif isinstance(document, ChildDocument):
        found = {document.uuid, document.setting_uuid}
    else:
        found = {document.uuid}
    return {uuid for uuid in found if uuid is not None}


def _references(document: TravellingDocument) -> set[str]:
    """The children (by reference) ``document`` is of or refers to."""
    if isinstance(document, ChildDocument):
        return {document.reference}
    if isinstance(document, AuditDocument):
        found = {document.audit.child_reference, *(b.child_reference for b in document.blocks)}
        return {reference for reference in found if reference is not None}
    return set()
