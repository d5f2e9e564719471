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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain import lineage
from auditdesk.domain.canonical import content_hash
from auditdesk.domain.template_index import TemplateIndex
from auditdesk.domain.template_loader import LoadedTemplate, load_template_definition
from auditdesk.errors import TemplateProblem
from auditdesk.services.bundles import _fit as fit
from auditdesk.services.bundles._contents import BundleContents, IncomingRecord
from auditdesk.services.bundles._documents import MODELS, chunks
from auditdesk.services.bundles._problems import Refusal
from auditdesk.services.bundles._results import ItemStatus
from auditdesk.services.bundles._wording import Wording
from auditdesk.services.kernel import _revisions as revisions
from auditdesk.services.kernel._templates import index_for
from auditdesk.store.models import (
    Audit,
    AuditBlock,
    BundleConflict,
    Child,
    ReceivedBundle,
    RecordProvenance,
    TemplateVersion,
)


@dataclass(frozen=True)
class LocalRecord:
    id: int
    uuid: str  # differs from the incoming uuid for a child known here under another record
    revision: int
    content_hash: str


@dataclass
class Decision:
    record: IncomingRecord
    status: ItemStatus
    description: str
    label: str
    local: LocalRecord | None = None
    history: list[revisions.HistoryRow] = field(default_factory=list)
    # No change, but the version here has never been sealed, or the bundle's lineage of
    # the same content knows revisions this database does not (recorded all the same).
    seal_here: bool = False
    supersedes: list[int] = field(default_factory=list)  # open conflict rows it replaces

    @property
    def local_uuid(self) -> str:
        return self.local.uuid if self.local else self.record.uuid


@dataclass
class ImportPlan:
    contents: BundleContents
    decisions: list[Decision]
    install: list[LoadedTemplate]
    template_rows: dict[tuple[str, int], int]  # template key -> local template_versions.id
    indexes: dict[tuple[str, int], TemplateIndex]
    wording: Wording

    def of(self, kind: str, *statuses: ItemStatus) -> list[Decision]:
        return [
            d
            for d in self.decisions
            if d.record.kind == kind and (not statuses or d.status in statuses)
        ]


def classify(session: Session, contents: BundleContents, device: str) -> ImportPlan:
    """Decide every record's fate against the database ``session`` sees (reads only)."""
    install, template_rows, indexes, clashes = _templates(session, contents)
    wording = Wording(contents, device, _previous_imports(session, contents))
    records = contents.records
    local = _local_records(session, records)
    uuids = {record.uuid for record in records} | {found.uuid for found in local.values()}
    history = revisions.history_of(session, uuids)
    conflicts = _conflicts(session, uuids)
    provenance = _provenance(session, uuids)
    wording.provenance = provenance
    decisions: list[Decision] = []
    for record in records:
        found = local.get(record.uuid)
        rows = history.get(found.uuid if found else record.uuid, [])
        decision = _decide(record, found, rows, conflicts, wording)
        decisions.append(decision)
    audits = {d.record.uuid: d for d in decisions if d.record.kind == "audit"}
    _audit_problems(session, audits, clashes, indexes, wording)
    _dependant_problems(session, decisions, audits, wording)
    return ImportPlan(contents, decisions, install, template_rows, indexes, wording)


def _templates(
    session: Session, contents: BundleContents
) -> tuple[
    list[LoadedTemplate],
    dict[tuple[str, int], int],
    dict[tuple[str, int], TemplateIndex],
    set[tuple[str, int]],
]:
    used = {
        (r.document["audit"]["template_id"], r.document["audit"]["template_version"])
        for r in contents.of_kind("audit")
    }
    here = {(row.template_id, row.version): row for row in session.scalars(select(TemplateVersion))}
    install: list[LoadedTemplate] = []
    rows: dict[tuple[str, int], int] = {}
    indexes: dict[tuple[str, int], TemplateIndex] = {}
    clashes: set[tuple[str, int]] = set()
    refusal = Refusal(contents.path, contents.manifest.app_version)
    for template in contents.templates:
        if template.key not in used:
            continue
        label = f"the template '{template.title}' version {template.version}"
        stored = here.get(template.key)
        if stored is not None:
            rows[template.key] = stored.id
            indexes[template.key] = index_for(stored)
            if stored.sha256 != template.sha256:
                clashes.add(template.key)
            continue
        if template.definition is None:
            refusal.refuse(
                f"its audits were filled in with {label}, which this AuditDesk does not have "
                "and the bundle does not carry",
                "Ask the sender to send it again from an up-to-date AuditDesk, or add that "
                "template version here first.",
            )
        try:
            loaded = load_template_definition(template.definition, label)
        except TemplateProblem as problem:
            # The loader names the source and a line (of YAML); only the field matters here.
            detail = problem.problems[0].split(", line ", 1)[-1].split(", ", 1)[-1]
            refusal.invalid(
                f"{label} that it carries is not a valid template ({detail})", problem.problems
            )
        if (loaded.template.id, loaded.template.version) != template.key:
            refusal.invalid(f"{label} names a different template inside")
        _check_title(refusal, label, loaded, here.values(), install)
        install.append(loaded)
        indexes[template.key] = TemplateIndex(loaded.template)
    return install, rows, indexes, clashes


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _check_title(
    refusal: Refusal,
    label: str,
    loaded: LoadedTemplate,
    here: Iterable[TemplateVersion],
    installing: Sequence[LoadedTemplate],
) -> None:
    """A new template may not take the title of a different one (another id) installed
    here or carried alongside: people choose and read templates by title, so one posing as
    a shipped template would be filled in, graded and reported as that template. Another
    version of the same template may keep or change its title."""
    template = loaded.template
    wanted = _title_key(template.title)
    taken = [(row.template_id, row.title) for row in here]
    taken += [(other.template.id, other.template.title) for other in installing]
    for template_id, title in taken:
        if template_id != template.id and _title_key(title) == wanted:
            refusal.invalid(
                f"{label} that it carries is a new template (id '{template.id}') with the "
                f"same title as the template '{template_id}', which AuditDesk never makes"
            )


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
    unmatched = {r.document["reference"]: r.uuid for r in records if r.kind == "child"}
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


def _provenance(session: Session, uuids: set[str]) -> dict[tuple[str, str], Any]:
    """When and from whom each (record, version) was first imported."""
    found: dict[tuple[str, str], Any] = {}
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
            found[(uuid, stored_hash)] = (imported_at, author, file_name)
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
    conflicts: dict[tuple[str, str], BundleConflict],
    wording: Wording,
) -> Decision:
    label = wording.label(record)
    if local is None:
        return Decision(record, ItemStatus.NEW, wording.new(record), label)
    incoming_hash = record.hash
    if local.uuid != record.uuid:  # the same child, recorded separately on each laptop
        incoming_hash = content_hash({**record.document, "uuid": local.uuid})
    decision = Decision(record, ItemStatus.UNCHANGED, "", label, local, history)
    mine = revisions.lineage_of(local.content_hash, history)
    # A child recorded separately on each laptop has another lineage there: only its
    # content can be compared.
    same_record = local.uuid == record.uuid
    here = lineage.Revision(local.content_hash, mine.ancestry)
    there = lineage.Revision(incoming_hash, record.ancestry)
    if local.content_hash == incoming_hash:
        decision.description = wording.same(record, local, incoming_hash)
        # Never sealed here, or the same content reached later in its lineage (an action
        # open, in progress, open again): keep the incoming lineage too, or an older
        # revision arriving afterwards would look like an update.
        later = mine.sealed and same_record and lineage.adds_to(record.ancestry, mine.ancestry)
        decision.seal_here = not mine.sealed or later
        if later:
            decision.description += " " + wording.same_later(record)
    elif same_record and lineage.comes_before(there, here):
        decision.description = wording.older(record, local)
    elif same_record and (
        lineage.comes_before(here, there) or local.content_hash in record.ancestry
    ):
        # Content alone decides only where the lineages cannot (a version chosen in a
        # conflict is the incoming content with both lineages). Checked before "older" by
        # content: content can return to an earlier state on purpose.
        decision.status = ItemStatus.UPDATED
        decision.description = wording.update(record, local)
    elif incoming_hash in revisions.known_hashes(history):
        decision.description = wording.older(record, local)
    elif (local.uuid, incoming_hash) in conflicts:
        decision.description = wording.known_conflict(conflicts[(local.uuid, incoming_hash)])
    else:
        decision.status = ItemStatus.CONFLICT
        decision.description = wording.conflict(record, local)
        decision.supersedes = [
            row.id
            for (uuid, known), row in conflicts.items()
            if uuid == local.uuid and row.status == "open" and known in record.ancestry
        ]
    return decision


def _audit_problems(
    session: Session,
    audits: dict[str, Decision],
    clashes: set[tuple[str, int]],
    indexes: dict[tuple[str, int], TemplateIndex],
    wording: Wording,
) -> None:
    changing = {
        uuid: d
        for uuid, d in audits.items()
        if d.status in (ItemStatus.NEW, ItemStatus.UPDATED, ItemStatus.CONFLICT)
    }
    references = {d.record.document["audit"]["reference"]: uuid for uuid, d in changing.items()}
    taken: dict[str, str] = {}
    for chunk in chunks(list(references)):
        taken.update(
            session.execute(
                select(Audit.reference, Audit.uuid).where(Audit.reference.in_(chunk))
            ).all()
        )
    block_owner: dict[str, str] = {}
    block_uuids = [b["uuid"] for d in changing.values() for b in d.record.document["blocks"]]
    for chunk in chunks(block_uuids):
        block_owner.update(
            session.execute(
                select(AuditBlock.uuid, Audit.uuid)
                .join(Audit, Audit.id == AuditBlock.audit_id)
                .where(AuditBlock.uuid.in_(chunk))
            ).all()
        )
    for uuid, decision in changing.items():
        head = decision.record.document["audit"]
        key = (head["template_id"], head["template_version"])
        problem: str | None = None
        if key in clashes:
            problem = wording.template_clash(head)
        elif taken.get(head["reference"], uuid) != uuid:
            problem = wording.reference_taken(head)
        elif any(
            block_owner.get(b["uuid"], uuid) != uuid for b in decision.record.document["blocks"]
        ):
            problem = wording.blocks_taken(head)
        else:
            misfit = fit.misfit(indexes[key], decision.record.document)
            if misfit:
                problem = wording.misfit(head, misfit)
        if problem:
            decision.status, decision.description = ItemStatus.PROBLEM, problem


def _dependant_problems(
    session: Session, decisions: list[Decision], audits: dict[str, Decision], wording: Wording
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
        record = decision.record
        if record.kind not in ("action", "moderation") or decision.status in (
            ItemStatus.UNCHANGED,
            ItemStatus.PROBLEM,
        ):
            continue
        audit = audits[record.audit_uuid or ""]
        if audit.status is ItemStatus.PROBLEM:
            decision.status = ItemStatus.PROBLEM
            decision.description = wording.audit_refused(audit)
            continue
        if audit.status in (ItemStatus.NEW, ItemStatus.UPDATED) or audit.local is None:
            blocks = {b["uuid"] for b in audit.record.document["blocks"]}
        else:
            blocks = local_blocks[audit.local.id]
        wanted = (
            {record.document["block_uuid"]}
            if record.kind == "action"
            else {r["block_uuid"] for r in record.document["ratings"]}
        ) - {None}
        if not wanted <= blocks:
            decision.status = ItemStatus.PROBLEM
            decision.description = wording.blocks_not_here(audit)
