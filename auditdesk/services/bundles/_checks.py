"""Cross-checks of a bundle's contents: every record listed once, hashed as listed, with a
sound lineage, and every reference pointing at something the bundle carries.

AuditDesk always writes the records an audit refers to into the same bundle, so a bundle
that refers to something it does not carry was written wrongly or altered since, and is
refused; it arrived intact (its members match their SHA-256), so sending it again would
not help.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from auditdesk.domain.bundle_documents import (
    ActionDocument,
    AuditorDocument,
    ChildDocument,
    ModerationDocument,
    PlanDocument,
    SampleDocument,
    SettingDocument,
    TravellingDocument,
    uuid_of,
)
from auditdesk.domain.bundle_format import (
    RECORD_KINDS,
    BundleManifest,
    ManifestRecord,
    RecordKind,
    RecordStamps,
)
from auditdesk.domain.record_words import record_label
from auditdesk.services.bundles._contents import Extras, IncomingRecord, IncomingTemplate
from auditdesk.services.bundles._problems import Refusal


@dataclass(frozen=True)
class Carried:
    """One record as a member carries it, validated, before it is matched to the manifest."""

    kind: RecordKind
    member: str
    document: TravellingDocument
    canonical: bytes  # the document's canonical JSON as it arrived: what its hash covers
    stamps: RecordStamps
    extras: Extras = None
    audit_uuid: str | None = None

    def what(self) -> str:
        """The record as a person would name it (only ever wanted for a refusal)."""
        return record_label(self.kind, self.document.model_dump())


def match_manifest(
    refusal: Refusal, manifest: BundleManifest, carried: Sequence[Carried]
) -> list[IncomingRecord]:
    """Pair each carried record with its manifest entry; refuse any mismatch."""
    entries: dict[str, ManifestRecord] = {}
    for entry in manifest.records:
        if entry.uuid in entries:
            refusal.invalid(f"its manifest lists the record {entry.uuid} twice")
        entries[entry.uuid] = entry
    records: list[IncomingRecord] = []
    seen: set[str] = set()
    for item in carried:
        uuid = uuid_of(item.document)
        listed = entries.get(uuid)
        if listed is None or listed.kind != item.kind or listed.member != item.member:
            refusal.invalid(f"the {item.what()} inside it is not listed in its manifest")
        entry = listed
        if uuid in seen:
            refusal.invalid(f"it carries the {item.what()} twice")
        seen.add(uuid)
        if hashlib.sha256(item.canonical).hexdigest() != entry.hash:
            refusal.invalid(
                f"the {item.what()} inside it does not match the hash its manifest gives"
            )
        expected_parent = entry.ancestry[0] if entry.ancestry else None
        # (A hash may appear in its own ancestry: content can return to an earlier state.)
        if entry.parent_hash != expected_parent:
            refusal.invalid(f"the revision history of the {item.what()} does not hang together")
        records.append(
            IncomingRecord(
                kind=entry.kind,
                uuid=uuid,
                revision=entry.revision,
                hash=entry.hash,
                parent_hash=entry.parent_hash,
                ancestry=tuple(entry.ancestry),
                document=item.document,
                stamps=item.stamps,
                extras=item.extras,
                audit_uuid=item.audit_uuid,
                canonical=item.canonical.decode("utf-8"),
            )
        )
    missing = set(entries) - seen
    if missing:
        refusal.invalid(f"its manifest lists {len(missing)} record(s) that are not in it")
    order: dict[RecordKind, int] = {kind: number for number, kind in enumerate(RECORD_KINDS)}
    return sorted(records, key=lambda record: order[record.kind])


def check_references(
    refusal: Refusal, templates: Sequence[IncomingTemplate], records: Sequence[IncomingRecord]
) -> None:
    """Every uuid and child reference a record uses is carried by the bundle."""
    _References(refusal, templates, records).check()


class _References:
    def __init__(
        self,
        refusal: Refusal,
        templates: Sequence[IncomingTemplate],
        records: Sequence[IncomingRecord],
    ) -> None:
        self.refusal = refusal
        self.records = records
        self.auditors: set[str] = set()
        self.settings: set[str] = set()
        self.samples: set[str] = set()
        self.plans: dict[str, PlanDocument] = {}
        self.child_uuids: set[str] = set()
        self.children: dict[str, ChildDocument] = {}  # by reference
        for record in records:
            document = record.document
            if isinstance(document, AuditorDocument):
                self.auditors.add(document.uuid)
            elif isinstance(document, SettingDocument):
                self.settings.add(document.uuid)
            elif isinstance(document, SampleDocument):
                self.samples.add(document.uuid)
            elif isinstance(document, PlanDocument):
                self.plans[document.uuid] = document
            elif isinstance(document, ChildDocument):
                if document.reference in self.children:
                    refusal.invalid(
                        f"it carries two children with the reference {document.reference}"
                    )
                self.children[document.reference] = document
                self.child_uuids.add(document.uuid)
        self.template_hashes = {(t.template_id, t.version): t.sha256 for t in templates}

    def need(self, found: bool, what: str) -> None:
        if not found:
            self.refusal.invalid(f"it is incomplete: {what}")

    def check(self) -> None:
        for child in self.children.values():
            self.need(
                _none_or_in(child.setting_uuid, self.settings),
                f"child {child.reference}'s setting is missing",
            )
        for plan in self.plans.values():
            self.need(plan.child_uuid in self.child_uuids, "a plan's child is missing")
            self.need(_none_or_in(plan.setting_uuid, self.settings), "a plan's setting is missing")
        blocks_of = {
            record.uuid: self.audit(record) for record in self.records if record.kind == "audit"
        }
        self.distinct_audits()
        for record in self.records:
            blocks = blocks_of.get(record.audit_uuid or "", set())
            document = record.document
            if isinstance(document, ActionDocument):
                self.action(record, document, blocks)
            elif isinstance(document, ModerationDocument):
                self.moderation(record, document, blocks)

    def distinct_audits(self) -> None:
        """No two audits share a reference or a repeated section (a sampled child, an
        outcome...): each is unique in the database that sent them, as it must be in the
        one receiving them."""
        references: set[str] = set()
        block_owner: dict[str, str] = {}
        for record in self.records:
            if record.kind != "audit":
                continue
            document = record.audit
            reference = document.audit.reference
            if reference in references:
                self.refusal.invalid(
                    f"it carries two different audits with the reference {reference}"
                )
            references.add(reference)
            for block in document.blocks:
                other = block_owner.setdefault(block.uuid, reference)
                if other != reference:
                    self.refusal.invalid(
                        f"audits {other} and {reference} inside it share a repeated section "
                        "(such as a sampled child), which two audits never do"
                    )

    def action(self, record: IncomingRecord, document: ActionDocument, blocks: set[str]) -> None:
        self.need(document.audit_uuid == record.audit_uuid, "an action is under the wrong audit")
        self.need(_none_or_in(document.block_uuid, blocks), "an action refers to a missing block")

    def moderation(
        self, record: IncomingRecord, document: ModerationDocument, blocks: set[str]
    ) -> None:
        self.need(document.audit_uuid == record.audit_uuid, "a moderation is under the wrong audit")
        self.need(
            _none_or_in(document.sample_uuid, self.samples), "a moderation's sample is missing"
        )
        self.need(
            _none_or_in(document.second_marker_uuid, self.auditors),
            "a moderation's second marker is missing",
        )
        self.need(
            all(_none_or_in(rating.block_uuid, blocks) for rating in document.ratings),
            "a moderation rates a block the audit does not have",
        )

    def audit(self, record: IncomingRecord) -> set[str]:
        document = record.audit
        head = document.audit
        what = f"audit {head.reference}"
        key = (head.template_id, head.template_version)
        if key not in self.template_hashes:
            self.refusal.invalid(
                f"{what} was filled in with template '{key[0]}' version {key[1]}, which the "
                "bundle does not list",
            )
        self.need(self.template_hashes[key] == head.template_sha256, f"{what}'s template differs")
        self.need(_none_or_in(head.setting_uuid, self.settings), f"{what}'s setting")
        self.need(_none_or_in(head.child_reference, self.children), f"{what}'s child is missing")
        for member in document.team:
            self.need(member.auditor_uuid in self.auditors, f"an auditor on {what} is missing")
        for block in document.blocks:
            self.need(
                _none_or_in(block.child_reference, self.children),
                f"a child sampled in {what} is missing",
            )
        bookkeeping = record.audit_extras.bookkeeping
        contradiction = bookkeeping.problem_with(head)
        if contradiction is not None:
            self.refusal.invalid(f"{what} does not hang together: {contradiction}")
        if head.subject_kind == "plan":
            plan = self.plans.get(bookkeeping.plan_uuid or "")
            child = self.children.get(head.child_reference or "")
            self.need(
                plan is not None
                and child is not None
                and plan.child_uuid == child.uuid
                and plan.stage == head.plan_stage
                and plan.issue_date == head.plan_issue_date,
                f"{what} does not agree with its plan",
            )
        else:
            self.need(
                bookkeeping.plan_uuid is None and head.setting_uuid is not None,
                f"{what}'s setting is missing",
            )
        return {block.uuid for block in document.blocks}


def _none_or_in(value: str | None, known: Collection[str]) -> bool:
    """Nothing named, or one of ``known`` (a set or dict: ``value in (None, *known)``
    copied every known uuid into a tuple and searched it, for every record)."""
    return value is None or value in known
