"""The bundle file format: names, limits, and the schema of its manifest and members.

A bundle (``.auditdesk``) is a zip holding ``manifest.json``, ``records.json`` (the
auditors, settings, children, plans and moderation samples the audits refer to), one
``audits/<uuid>.json`` per audit (its canonical document, actions, moderations and change
trail) and ``templates/NNNN.json`` for each template version used. Every member is
canonical JSON; the manifest lists each member's SHA-256 and each record's revision,
parent hash, ancestry and content hash.

The schemas are strict: every field of a canonical document must be present with the
right type, and nothing else may be, so what is hashed here hashes the same when the
receiver rebuilds the document from its own rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import Field, Strict, StringConstraints

from auditdesk.domain import limits
from auditdesk.domain.bundle_documents import (
    ActionDocument,
    AuditDocument,
    AuditHeader,
    AuditorDocument,
    ChildDocument,
    ModerationDocument,
    PlanDocument,
    SampleDocument,
    SettingDocument,
    TravellingDocument,
)
from auditdesk.domain.bundle_types import (
    Device,
    Identifier,
    IsoTime,
    PersonName,
    Reason,
    Revision,
    Selection,
    Sha256,
    StrictModel,
    TemplateTitle,
    TemplateVersionNumber,
    Text32,
    Text36,
    TrailField,
    TrailValue,
    Uuid,
)
from auditdesk.domain.reference import Agency, AuditStatus, Role

FORMAT_NAME = "auditdesk.bundle"
FORMAT_VERSION = 1
FILE_SUFFIX = ".auditdesk"
MANIFEST_NAME = "manifest.json"
RECORDS_NAME = "records.json"
AUDIT_MEMBER_FORMAT = "auditdesk.bundle.audit/1"
RECORDS_MEMBER_FORMAT = "auditdesk.bundle.records/1"
TEMPLATE_MEMBER_FORMAT = "auditdesk.bundle.template/1"
MAX_ANCESTRY = 500

#: The kinds of record a bundle carries, parents before the records that refer to them.
RecordKind = Literal[
    "auditor", "setting", "child", "plan", "moderation_sample", "audit", "action", "moderation"
]
RECORD_KINDS: tuple[RecordKind, ...] = (
    "auditor",
    "setting",
    "child",
    "plan",
    "moderation_sample",
    "audit",
    "action",
    "moderation",
)


#: Each kind's one definition of its document.
DOCUMENT_MODELS: dict[RecordKind, type[TravellingDocument]] = {
    "auditor": AuditorDocument,
    "setting": SettingDocument,
    "child": ChildDocument,
    "plan": PlanDocument,
    "moderation_sample": SampleDocument,
    "audit": AuditDocument,
    "action": ActionDocument,
    "moderation": ModerationDocument,
}
#: Where ``records.json`` keeps each kind of record the audits refer to.
RECORD_GROUPS: dict[RecordKind, str] = {
    "auditor": "auditors",
    "setting": "settings",
    "child": "children",
    "plan": "plans",
    "moderation_sample": "moderation_samples",
}


@dataclass(frozen=True)
class BundleLimits:
    """What a bundle may hold. A file past any limit is refused before it is unpacked.

    The ratio limit catches zip bombs (a few kilobytes that inflate to gigabytes); it
    applies only to members big enough to matter, as small JSON compresses very well.
    """

    max_file_bytes: int = 1_000_000_000
    max_members: int = 20_000
    max_member_bytes: int = 32_000_000
    max_total_bytes: int = 1_000_000_000
    max_ratio: float = 200.0
    ratio_from_bytes: int = 1_000_000
    max_json_depth: int = 40
    max_name_length: int = 200


DEFAULT_LIMITS = BundleLimits()
#: Members besides the audits: manifest, records and up to this many template versions.
MAX_TEMPLATE_MEMBERS = 200
MAX_AUDITS_PER_BUNDLE = DEFAULT_LIMITS.max_members - 2 - MAX_TEMPLATE_MEMBERS

_MEMBER_NAME = re.compile(r"^(audits/[0-9A-Za-z][0-9A-Za-z-]{0,35}\.json|templates/\d{4}\.json)$")


def audit_member_name(audit_uuid: str) -> str:
    return f"audits/{audit_uuid}.json"


def template_member_name(number: int) -> str:
    return f"templates/{number:04d}.json"


def is_expected_member_name(name: str) -> bool:
    """Only the names AuditDesk itself writes; anything else is refused."""
    return name in (MANIFEST_NAME, RECORDS_NAME) or _MEMBER_NAME.fullmatch(name) is not None


def unsafe_name_reason(name: str) -> str | None:
    """Why a member name is dangerous to any program that might extract it, or ``None``."""
    if not name:
        return "has no name"
    # Any character that is not seen when printed (NUL, escapes, DEL, the bidirectional
    # overrides that make a name read backwards); a space is printable.
    if not name.isprintable():
        return "contains control characters"
    if "\\" in name:
        return "contains a backslash"
    if name.startswith("/"):
        return "is an absolute path"
    if re.match(r"^[A-Za-z]:", name):
        return "starts with a drive letter"
    if any(part == ".." for part in name.split("/")):
        return "climbs out of its folder with '..'"
    return None


# -- manifest -------------------------------------------------------------------------------
MemberName = Annotated[str, Strict(), StringConstraints(min_length=1, max_length=200)]


class ManifestAuthor(StrictModel):
    name: PersonName
    agency: Agency
    role: Role
    auditor_uuid: Uuid


class ManifestTemplate(StrictModel):
    template_id: Identifier
    version: TemplateVersionNumber
    sha256: Sha256
    title: TemplateTitle
    member: MemberName | None  # None: not carried (the receiver must have it already)


class ManifestRecord(StrictModel):
    kind: RecordKind
    uuid: Uuid
    revision: Revision
    hash: Sha256
    parent_hash: Sha256 | None
    ancestry: Annotated[list[Sha256], Field(max_length=MAX_ANCESTRY)]
    member: MemberName


class ManifestMember(StrictModel):
    name: MemberName
    sha256: Sha256
    size: Annotated[int, Strict(), Field(ge=0)]


class BundleManifest(StrictModel):
    format: Literal["auditdesk.bundle"]
    format_version: Annotated[int, Strict()]
    bundle_uuid: Uuid
    created_at: IsoTime
    app_version: Text32
    schema_revision: Text32
    author: ManifestAuthor
    device: Device
    selection: Selection
    templates: Annotated[list[ManifestTemplate], Field(max_length=MAX_TEMPLATE_MEMBERS)]
    records: list[ManifestRecord]
    members: list[ManifestMember]


# -- members --------------------------------------------------------------------------------
class RecordStamps(StrictModel):
    """Bookkeeping a record carries besides its content (not covered by its hash)."""

    created_at: IsoTime
    updated_at: IsoTime
    author: PersonName
    device: Device


class CarriedAuditor(StrictModel):
    document: AuditorDocument
    stamps: RecordStamps


class CarriedSetting(StrictModel):
    document: SettingDocument
    stamps: RecordStamps


class CarriedChild(StrictModel):
    document: ChildDocument
    stamps: RecordStamps


class CarriedPlan(StrictModel):
    document: PlanDocument
    stamps: RecordStamps


class CarriedSample(StrictModel):
    document: SampleDocument
    stamps: RecordStamps


class CarriedAction(StrictModel):
    document: ActionDocument
    stamps: RecordStamps


class CarriedModeration(StrictModel):
    document: ModerationDocument
    stamps: RecordStamps
    submitted_at: IsoTime | None
    agreed_at: IsoTime | None


class RecordsMember(StrictModel):
    format: Literal["auditdesk.bundle.records/1"]
    auditors: list[CarriedAuditor]
    settings: list[CarriedSetting]
    children: list[CarriedChild]
    plans: list[CarriedPlan]
    moderation_samples: list[CarriedSample]


#: The document's (auditor's) status, and the statuses the quality lead's records may add.
OWNER_STATUS = {"draft": {"draft"}, "completed": {"completed", "moderated", "signed_off"}}


class AuditBookkeeping(StrictModel):
    """The audit row's fields outside its content: the quality lead's status, times, and
    which plan it is of (the document names the plan by child, stage and issue date)."""

    status: AuditStatus
    completed_at: IsoTime | None
    signed_off_at: IsoTime | None
    signed_off_by: PersonName | None
    override_by: PersonName | None
    plan_uuid: Uuid | None

    def problem_with(self, header: AuditHeader) -> str | None:
        """What in this bookkeeping contradicts itself or the audit's ``header``, as the
        services never leave it; ``None`` if nothing does. A draft has no completion or
        sign-off (reopening clears them); a completed, moderated or signed-off audit was
        completed; only a signed-off one has a sign-off time and signer, and it has both;
        who overrode the grade is kept only with an override."""
        status = self.status
        if status not in OWNER_STATUS.get(header.status, set()):
            return "its status does not match its content"
        signed = self.signed_off_at is not None, self.signed_off_by is not None
        if status == "draft":
            if self.completed_at is not None or any(signed):
                return "it is a draft, yet records a completion or sign-off"
        elif self.completed_at is None:
            return "it is not a draft, yet records no completion time"
        if status == "signed_off" and not all(signed):
            return "it is signed off, yet does not record when and by whom"
        if status != "signed_off" and any(signed):
            return "it records a sign-off, though it is not signed off"
        if (header.override_grade is None) != (self.override_by is None):
            return "it names who overrode its grade, yet has no override (or the reverse)"
        return None


class AnswerStamp(StrictModel):
    question_id: Identifier
    block_uuid: Uuid | None
    updated_at: IsoTime
    updated_by: PersonName
    # The sender's mark for the Board: outside the hashed content (see audit_document).
    board_highlight: Literal["working_well", "needs_improvement"] | None = None


class CarriedTrailEntry(StrictModel):
    at: IsoTime
    actor: PersonName
    device: Device
    record_type: Text32
    record_uuid: Text36
    field: TrailField
    old_value: TrailValue | None
    new_value: TrailValue | None
    reason: Reason | None


class AuditExtras(StrictModel):
    """What an audit carries beside its document and stamps, outside its hash (kept whole
    with a conflicting version, so taking that version later writes it as it came)."""

    bookkeeping: AuditBookkeeping
    answer_stamps: list[AnswerStamp]
    trail: list[CarriedTrailEntry]


class ModerationTimes(StrictModel):
    """What a moderation carries beside its document and stamps, outside its hash."""

    submitted_at: IsoTime | None
    agreed_at: IsoTime | None


class AuditMember(StrictModel):
    format: Literal["auditdesk.bundle.audit/1"]
    document: AuditDocument
    stamps: RecordStamps
    bookkeeping: AuditBookkeeping
    answer_stamps: Annotated[list[AnswerStamp], Field(max_length=limits.ANSWERS_PER_AUDIT)]
    actions: Annotated[list[CarriedAction], Field(max_length=limits.ACTIONS_PER_AUDIT)]
    moderations: Annotated[list[CarriedModeration], Field(max_length=limits.MODERATIONS_PER_AUDIT)]
    trail: Annotated[list[CarriedTrailEntry], Field(max_length=limits.TRAIL_PER_AUDIT)]


class TemplateMember(StrictModel):
    format: Literal["auditdesk.bundle.template/1"]
    template_id: Identifier
    version: TemplateVersionNumber
    sha256: Sha256
    # Validated as a template by the services (template_loader names the exact field).
    definition: dict[str, Any]


def parse_time(text: str) -> datetime:
    """A validated ``IsoTime`` as an aware datetime."""
    return datetime.fromisoformat(text)


def parse_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


__all__ = [
    "AUDIT_MEMBER_FORMAT",
    "DEFAULT_LIMITS",
    "DOCUMENT_MODELS",
    "FILE_SUFFIX",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MANIFEST_NAME",
    "MAX_ANCESTRY",
    "MAX_AUDITS_PER_BUNDLE",
    "OWNER_STATUS",
    "RECORDS_MEMBER_FORMAT",
    "RECORDS_NAME",
    "RECORD_GROUPS",
    "RECORD_KINDS",
    "TEMPLATE_MEMBER_FORMAT",
    "AnswerStamp",
    "AuditBookkeeping",
    "AuditExtras",
    "AuditMember",
    "BundleLimits",
    "BundleManifest",
    "CarriedAction",
    "CarriedModeration",
    "CarriedTrailEntry",
    "ManifestMember",
    "ManifestRecord",
    "ManifestTemplate",
    "ModerationTimes",
    "RecordKind",
    "RecordStamps",
    "RecordsMember",
    "TemplateMember",
    "audit_member_name",
    "is_expected_member_name",
    "template_member_name",
    "unsafe_name_reason",
]
