"""Deciding what importing a verified bundle would do, record by record.

For each record: not here, **new**; the same content here, or an older revision of what is
here, or a version already kept as a conflict, **no change**; a revision whose lineage
holds the version here, **update**; anything else, a **conflict** (both kept). Lineages,
not bare hashes, decide older and newer (:mod:`auditdesk.domain.lineage`): content can
recur, and one hash then names more than one revision. Records that cannot go in (a
clashing template, a reference already used by another audit, answers that do not fit
their template) are **problems**, and so are the actions and moderations of an audit that
cannot go in. Runs for the preview and again inside the import's write transaction, so
what is applied is decided against the database as it is.

Each decision says its reason (:class:`~._decisions.Reason`); the words come later, from
:mod:`._wording`, for the preview.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain import lineage
from auditdesk.domain.bundle_documents import (
    ActionDocument,
    ChildDocument,
    ModerationDocument,
    hash_of,
)
from auditdesk.domain.template_index import TemplateIndex
from auditdesk.services.bundles import _fit as fit
from auditdesk.services.bundles._contents import BundleContents, IncomingRecord
from auditdesk.services.bundles._decisions import (
    Decision,
    FirstImported,
    ImportPlan,
    LocalRecord,
    Reason,
)
from auditdesk.services.bundles._documents import MODELS, chunks
from auditdesk.services.bundles._incoming_templates import incoming_templates
from auditdesk.services.bundles._results import ItemStatus
from auditdesk.services.kernel import _revisions as revisions
from auditdesk.store.models import (
    Audit,
    AuditBlock,
    BundleConflict,
    Child,
    ReceivedBundle,
    RecordProvenance,
)

_CHANGING = (ItemStatus.NEW, ItemStatus.UPDATED, ItemStatus.CONFLICT)


def classify(session: Session, contents: BundleContents, device: str) -> ImportPlan:
    """Decide every record's fate against the database ``session`` sees (reads only)."""
    templates = incoming_templates(session, contents)
    records = contents.records
    local = _local_records(session, records)
    uuids = {record.uuid for record in records} | {found.uuid for found in local.values()}
    history = revisions.history_of(session, uuids)
    known = _Known(_conflicts(session, uuids), _provenance(session, uuids), device)
    decisions: list[Decision] = []
    for record in records:
        found = local.get(record.uuid)
        rows = history.get(found.uuid if found else record.uuid, [])
        decisions.append(_decide(record, found, rows, known))
    audits = {d.record.uuid: d for d in decisions if d.record.kind == "audit"}
    _audit_problems(session, audits, templates.clashes, templates.indexes)
    _dependant_problems(session, decisions, audits)
    return ImportPlan(
        contents,
        decisions,
        templates.install,
        templates.rows,
        templates.indexes,
        _previous_imports(session, contents),
    )


class _Known:
    """What this database already knows of the incoming versions."""

    def __init__(
        self,
        conflicts: dict[tuple[str, str], BundleConflict],
        provenance: dict[tuple[str, str], FirstImported],
        device: str,
    ) -> None:
        self.conflicts = conflicts
        self.provenance = provenance
        self.device = device


def _local_records(session: Session, records: tuple[IncomingRecord, ...]) -> dict[str, LocalRecord]:
    """The record here with each incoming uuid; a child not here by uuid is matched by its
    reference (each laptop may have recorded the same child itself)."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    for record in records:
        by_kind[record.kind].append(record.uuid)
    found: dict[str, LocalRecord] = {}
    for kind, uuids in by_kind.items():
        model = MODELS[kind]  # type: ignore[index]
        for chunk in chunks(uuids):
            for id_, uuid, revision, stored_hash in session.execute(
                select(model.id, model.uuid, model.revision, model.content_hash).where(
                    model.uuid.in_(chunk)
                )
            ):
                found[uuid] = LocalRecord(id_, uuid, revision, stored_hash)
    unmatched = {
        r.document.reference: r.uuid for r in records if isinstance(r.document, ChildDocument)
    }
    unmatched = {ref: uuid for ref, uuid in unmatched.items() if uuid not in found}
    for chunk in chunks(list(unmatched)):
        for id_, uuid, reference, revision, stored_hash in session.execute(
            select(Child.id, Child.uuid, Child.reference, Child.revision, Child.content_hash).where(
                Child.reference.in_(chunk)
            )
        ):
            found[unmatched[reference]] = LocalRecord(id_, uuid, revision, stored_hash)
    return found


def _conflicts(session: Session, uuids: set[str]) -> dict[tuple[str, str], BundleConflict]:
    found: dict[tuple[str, str], BundleConflict] = {}
    for chunk in chunks(sorted(uuids)):
        for row in session.scalars(
            select(BundleConflict).where(BundleConflict.record_uuid.in_(chunk))
        ):
            found[(row.record_uuid, row.incoming_hash)] = row
    return found


def _provenance(session: Session, uuids: set[str]) -> dict[tuple[str, str], FirstImported]:
    """When and from whom each (record, version) was first imported."""
    found: dict[tuple[str, str], FirstImported] = {}
    for chunk in chunks(sorted(uuids)):
        rows = session.execute(
            select(
                RecordProvenance.record_uuid,
                RecordProvenance.content_hash,
                ReceivedBundle.imported_at,
                ReceivedBundle.author,
                ReceivedBundle.file_name,
            )
            .join(ReceivedBundle, ReceivedBundle.id == RecordProvenance.received_bundle_id)
            .where(RecordProvenance.record_uuid.in_(chunk))
            .order_by(RecordProvenance.id.desc())
        ).all()
        for uuid, stored_hash, imported_at, author, file_name in rows:
            found[(uuid, stored_hash)] = FirstImported(imported_at, author, file_name)
    return found


def _previous_imports(session: Session, contents: BundleContents) -> list[Any]:
    return list(
        session.execute(
            select(ReceivedBundle.imported_at, ReceivedBundle.imported_by, ReceivedBundle.file_name)
            .where(ReceivedBundle.bundle_uuid == contents.manifest.bundle_uuid)
            .order_by(ReceivedBundle.id)
        ).all()
    )


def _decide(
    record: IncomingRecord,
    local: LocalRecord | None,
    history: list[revisions.HistoryRow],
    known: _Known,
) -> Decision:
    if local is None:
        return Decision(record, ItemStatus.NEW, Reason.NOT_HERE)
    incoming_hash = record.hash
    # A child recorded separately on each laptop has another lineage there: only its
    # content can be compared.
    same_record = local.uuid == record.uuid
    if not same_record:
        incoming_hash = hash_of(record.document.model_copy(update={"uuid": local.uuid}))
    decision = Decision(record, ItemStatus.UNCHANGED, Reason.SAME, local, history)
    mine = revisions.lineage_of(local.content_hash, history)
    here = lineage.Revision(local.content_hash, mine.ancestry)
    there = lineage.Revision(incoming_hash, record.ancestry)
    if local.content_hash == incoming_hash:
        _same(decision, incoming_hash, known)
        # Never sealed here, or the same content reached later in its lineage (an action
        # open, in progress, open again): keep the incoming lineage too, or an older
        # revision arriving afterwards would look like an update.
        later = mine.sealed and same_record and lineage.adds_to(record.ancestry, mine.ancestry)
        decision.seal_here = not mine.sealed or later
        decision.came_back_later = later
    elif same_record and lineage.comes_before(there, here):
        decision.reason = Reason.OLDER
    elif same_record and (
        lineage.comes_before(here, there) or local.content_hash in record.ancestry
    ):
        # Content alone decides only where the lineages cannot (a version chosen in a
        # conflict is the incoming content with both lineages). Checked before "older" by
        # content: content can return to an earlier state on purpose.
        decision.status, decision.reason = ItemStatus.UPDATED, Reason.FOLLOWS
    elif incoming_hash in revisions.known_hashes(history):
        decision.reason = Reason.OLDER
    elif (local.uuid, incoming_hash) in known.conflicts:
        decision.reason = Reason.KNOWN_CONFLICT
        decision.conflict = known.conflicts[(local.uuid, incoming_hash)]
    else:
        decision.status = ItemStatus.CONFLICT
        decision.reason = Reason.CHANGED_ON_BOTH if same_record else Reason.RECORDED_DIFFERENTLY
        decision.supersedes = [
            row.id
            for (uuid, hash_), row in known.conflicts.items()
            if uuid == local.uuid and row.status == "open" and hash_ in record.ancestry
        ]
    return decision


def _same(decision: Decision, content_hash: str, known: _Known) -> None:
    """Why the same content is here: recorded here too, imported, or made here."""
    record, local = decision.record, decision.local
    assert local is not None
    imported = known.provenance.get((local.uuid, content_hash))
    if local.uuid != record.uuid:
        decision.reason = Reason.SAME_RECORDED_HERE_TOO
    elif imported is not None:
        decision.reason, decision.imported = Reason.SAME_IMPORTED, imported
    elif record.stamps.device == known.device:
        decision.reason = Reason.SAME_MADE_HERE


def _audit_problems(
    session: Session,
    audits: dict[str, Decision],
    clashes: set[tuple[str, int]],
    indexes: dict[tuple[str, int], TemplateIndex],
) -> None:
    changing = {uuid: d for uuid, d in audits.items() if d.status in _CHANGING}
    references = {d.record.audit.audit.reference: uuid for uuid, d in changing.items()}
    taken: dict[str, str] = {}
    for chunk in chunks(list(references)):
        taken.update(
            session.execute(
                select(Audit.reference, Audit.uuid).where(Audit.reference.in_(chunk))
            ).all()
        )
    block_owner: dict[str, str] = {}
    block_uuids = [b.uuid for d in changing.values() for b in d.record.audit.blocks]
    for chunk in chunks(block_uuids):
        block_owner.update(
            session.execute(
                select(AuditBlock.uuid, Audit.uuid)
                .join(Audit, Audit.id == AuditBlock.audit_id)
                .where(AuditBlock.uuid.in_(chunk))
            ).all()
        )
    for uuid, decision in changing.items():
        document = decision.record.audit
        head = document.audit
        key = (head.template_id, head.template_version)
        if key in clashes:
            decision.refuse(Reason.TEMPLATE_CLASH)
        elif taken.get(head.reference, uuid) != uuid:
            decision.refuse(Reason.REFERENCE_TAKEN)
        elif any(block_owner.get(b.uuid, uuid) != uuid for b in document.blocks):
            decision.refuse(Reason.BLOCKS_TAKEN)
        elif misfit := fit.misfit(indexes[key], document):
            decision.refuse(Reason.MISFIT, misfit)


def _dependant_problems(
    session: Session, decisions: list[Decision], audits: dict[str, Decision]
) -> None:
    """Actions and moderations go in only with their audit, and only onto blocks the
    audit will have once the import is done."""
    kept_locally = [
        d.local.id
        for d in audits.values()
        if d.local is not None and d.status not in (ItemStatus.NEW, ItemStatus.UPDATED)
    ]
    local_blocks: dict[int, set[str]] = defaultdict(set)
    for chunk in chunks(kept_locally):
        for audit_id, block_uuid in session.execute(
            select(AuditBlock.audit_id, AuditBlock.uuid).where(AuditBlock.audit_id.in_(chunk))
        ):
            local_blocks[audit_id].add(block_uuid)
    for decision in decisions:
        document = decision.record.document
        if isinstance(document, ActionDocument):
            wanted = {document.block_uuid}
        elif isinstance(document, ModerationDocument):
            wanted = {rating.block_uuid for rating in document.ratings}
        else:
            continue
        if decision.status in (ItemStatus.UNCHANGED, ItemStatus.PROBLEM):
            continue
        audit = audits[decision.record.audit_uuid or ""]
        if audit.status is ItemStatus.PROBLEM:
            decision.refuse(Reason.AUDIT_REFUSED)
            continue
        if audit.status in (ItemStatus.NEW, ItemStatus.UPDATED) or audit.local is None:
            blocks = {b.uuid for b in audit.record.audit.blocks}
        else:
            blocks = local_blocks[audit.local.id]
        if not wanted - {None} <= blocks:
            decision.refuse(Reason.BLOCKS_NOT_HERE)
