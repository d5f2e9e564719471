"""The canonical documents of the records that travel: the one definition of each.

The builders (:mod:`auditdesk.domain.audit_document`, :mod:`auditdesk.domain.record_documents`)
take their fields from these models and check every document they build against them, so
nothing is hashed or written that a bundle reader would refuse; the reader checks what
arrives against the same models.

Beyond types, each document must be in canonical form (lists in their stable order, no
duplicate keys), because the receiver rebuilds the document from its own rows and the
hash must come out the same.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Annotated, Literal, TypeVar

from pydantic import Field, Strict, StringConstraints, ValidationError, model_validator

from auditdesk.domain import limits, validation
from auditdesk.domain.bundle_types import (
    ActionText,
    AnswerText,
    BlockLabel,
    ChildReference,
    Identifier,
    IsoDate,
    Locality,
    ModerationNotes,
    Percentage,
    PersonName,
    Position,
    RatingCode,
    Reason,
    RequiredPersonName,
    SampleName,
    Seed,
    SettingName,
    Sha256,
    Strata,
    StrictModel,
    TemplateVersionNumber,
    Urn,
    Uuid,
    YearGroup,
)
from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import (
    ActionStatus,
    Agency,
    Phase,
    PlanStage,
    PrimaryNeed,
    Role,
    SettingPhase,
    SettingType,
    SubjectKind,
)

Reference = Annotated[str, Strict(), StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{0,19}$")]
AuditHash = Annotated[str, Strict(), StringConstraints(pattern=r"^([0-9a-f]{64})?$")]


# -- the audit ------------------------------------------------------------------------------
class AuditHeader(StrictModel):
    uuid: Uuid
    reference: Reference
    template_id: Identifier
    template_version: TemplateVersionNumber
    template_sha256: Sha256
    subject_kind: SubjectKind
    child_reference: ChildReference | None
    setting_uuid: Uuid | None
    plan_stage: PlanStage | None
    plan_issue_date: IsoDate | None
    year_group: YearGroup | None
    phase: Phase | None
    primary_need: PrimaryNeed | None
    locality: Locality | None
    setting_type: SettingType | None
    audit_date: IsoDate
    # The auditor's own statuses: moderation and sign-off are the quality lead's records.
    status: Literal["draft", "completed"]
    suggested_grade: Grade | None
    override_grade: Grade | None
    override_reason: Reason | None

    @model_validator(mode="after")
    def _consistent(self) -> AuditHeader:
        # The services keep a reason (at least validation.MIN_REASON_LENGTH characters,
        # spaces collapsed) with every override. (A reason left without an override is
        # harmless, and read by nothing.)
        if self.override_grade is not None:
            reason = " ".join((self.override_reason or "").split())
            if len(reason) < validation.MIN_REASON_LENGTH:
                raise ValueError("the audit's grade is overridden without a reason")
        return self


class TeamMemberDocument(StrictModel):
    auditor_uuid: Uuid
    agency: Agency
    position: Position


class BlockDocument(StrictModel):
    uuid: Uuid
    section_id: Identifier
    parent_uuid: Uuid | None
    label: BlockLabel
    position: Position
    child_reference: ChildReference | None
    year_group: YearGroup | None


class AnswerDocument(StrictModel):
    question_id: Identifier
    block_uuid: Uuid | None
    rating: RatingCode | None
    comment: AnswerText
    evidence: AnswerText


class AuditDocument(StrictModel):
    format: Literal["auditdesk.audit/1"]
    audit: AuditHeader
    team: Annotated[list[TeamMemberDocument], Field(min_length=1, max_length=limits.TEAM_SIZE)]
    blocks: Annotated[list[BlockDocument], Field(max_length=limits.BLOCKS_PER_AUDIT)]
    answers: Annotated[list[AnswerDocument], Field(max_length=limits.ANSWERS_PER_AUDIT)]

    @model_validator(mode="after")
    def _canonical(self) -> AuditDocument:
        team = [(m.position, m.auditor_uuid) for m in self.team]
        _in_order(team, "team")
        _unique([m.auditor_uuid for m in self.team], "auditor in the team")
        blocks = [b.uuid for b in self.blocks]
        _in_order(blocks, "blocks")
        _unique(blocks, "block")
        answers = [(a.question_id, a.block_uuid or "") for a in self.answers]
        _in_order(answers, "answers")
        _unique(answers, "answer to the same question in the same block")
        parents = {b.uuid: b.parent_uuid for b in self.blocks}
        for block in self.blocks:
            _check_ancestry(block.uuid, parents)
        for answer in self.answers:
            if answer.block_uuid is not None and answer.block_uuid not in parents:
                raise ValueError(f"an answer refers to block {answer.block_uuid}, not in the audit")
        return self


def _check_ancestry(block_uuid: str, parents: dict[str, str | None]) -> None:
    seen = {block_uuid}
    current = parents[block_uuid]
    while current is not None:
        if current not in parents:
            raise ValueError(f"block {block_uuid} sits inside block {current}, not in the audit")
        if current in seen:
            raise ValueError(f"block {block_uuid} is nested inside itself")
        seen.add(current)
        current = parents[current]


# -- the smaller records --------------------------------------------------------------------
class AuditorDocument(StrictModel):
    kind: Literal["auditor"]
    uuid: Uuid
    name: RequiredPersonName
    agency: Agency
    role: Role


class SettingDocument(StrictModel):
    kind: Literal["setting"]
    uuid: Uuid
    name: SettingName
    urn: Urn | None
    setting_type: SettingType
    phase: SettingPhase
    locality: Locality


class ChildDocument(StrictModel):
    kind: Literal["child"]
    uuid: Uuid
    reference: ChildReference
    year_group: YearGroup
    primary_need: PrimaryNeed
    locality: Locality
    setting_uuid: Uuid | None


class PlanDocument(StrictModel):
    kind: Literal["plan"]
    uuid: Uuid
    child_uuid: Uuid
    stage: PlanStage
    issue_date: IsoDate | None
    setting_uuid: Uuid | None


class ActionDocument(StrictModel):
    kind: Literal["action"]
    uuid: Uuid
    audit_uuid: Uuid
    question_id: Identifier | None
    block_uuid: Uuid | None
    finding: ActionText
    action: ActionText
    owner_agency: Agency
    owner: PersonName
    due_date: IsoDate
    status: ActionStatus
    re_audit_date: IsoDate | None
    completed_on: IsoDate | None


class SampleDocument(StrictModel):
    kind: Literal["moderation_sample"]
    uuid: Uuid
    name: SampleName
    percentage: Percentage
    period_from: IsoDate | None
    period_to: IsoDate | None
    strata: Strata
    seed: Seed

    @model_validator(mode="after")
    def _consistent(self) -> SampleDocument:
        # The services draw from audits inside the period: a period running backwards
        # holds none, so no sample is ever made with one.
        if self.period_from and self.period_to and self.period_from > self.period_to:
            raise ValueError("the sample's period ends before it begins")
        try:
            # (Empty: nothing recorded. Nothing reads the strata back; they are for people.)
            if self.strata:
                StrataShape.model_validate_json(self.strata, strict=True)
        except ValidationError:
            raise ValueError(
                "the sample's strata are not what AuditDesk writes (a JSON object naming "
                "what the sample was stratified by)"
            ) from None
        return self


class StrataShape(StrictModel):
    """What a sample's ``strata`` text holds (JSON): what it was stratified by and, per
    stratum, template id, grade, how many audits were eligible and how many were drawn."""

    by: Annotated[
        list[Annotated[str, Strict(), StringConstraints(max_length=80)]], Field(max_length=20)
    ]
    strata: (
        list[
            tuple[
                Identifier,
                Annotated[str, Strict(), StringConstraints(max_length=80)],
                Annotated[int, Strict(), Field(ge=0)],
                Annotated[int, Strict(), Field(ge=0)],
            ]
        ]
        | None
    ) = None


class ModerationRatingDocument(StrictModel):
    question_id: Identifier
    block_uuid: Uuid | None
    rating: RatingCode
    comment: ModerationNotes


class ModerationGradeDocument(StrictModel):
    scope: Identifier
    first: Grade | None
    second: Grade | None
    agreed: Grade | None


class ModerationDocument(StrictModel):
    kind: Literal["moderation"]
    uuid: Uuid
    audit_uuid: Uuid
    sample_uuid: Uuid | None
    audit_revision: Annotated[int, Strict(), Field(ge=0, le=limits.LATEST_REVISION)]
    audit_hash: AuditHash
    second_marker_uuid: Uuid | None
    assigned_by: PersonName
    status: Literal["drawn", "assigned", "submitted", "agreed"]
    second_overall_grade: Grade | None
    agreed_grade: Grade | None
    notes: ModerationNotes
    ratings: Annotated[list[ModerationRatingDocument], Field(max_length=limits.ANSWERS_PER_AUDIT)]
    grades: Annotated[list[ModerationGradeDocument], Field(max_length=limits.MODERATION_GRADES)]

    @model_validator(mode="after")
    def _canonical(self) -> ModerationDocument:
        ratings = [(r.question_id, r.block_uuid or "") for r in self.ratings]
        _in_order(ratings, "ratings")
        _unique(ratings, "rating of the same question in the same block")
        scopes = [g.scope for g in self.grades]
        _in_order(scopes, "grades")
        _unique(scopes, "grade for the same section")
        return self


# -- any of them ----------------------------------------------------------------------------
#: The canonical document of any travelling record (which one its record's kind says).
TravellingDocument = (
    AuditorDocument
    | SettingDocument
    | ChildDocument
    | PlanDocument
    | SampleDocument
    | AuditDocument
    | ActionDocument
    | ModerationDocument
)
Document = TypeVar("Document", bound=StrictModel)


def document_as(document: TravellingDocument, model: type[Document]) -> Document:
    """``document`` as the ``model`` its record's kind says it is (for code that handles
    one kind: a mismatch is a fault in AuditDesk, never something a bundle can cause, as
    the reader pairs each kind with its model)."""
    if not isinstance(document, model):
        raise TypeError(f"expected a {model.__name__}, not a {type(document).__name__}")
    return document


def uuid_of(document: TravellingDocument) -> str:
    """The uuid of the record ``document`` is the content of."""
    return document.audit.uuid if isinstance(document, AuditDocument) else document.uuid


def hash_of(document: TravellingDocument) -> str:
    """The content hash of ``document``: the SHA-256 of its canonical JSON."""
    return hashlib.sha256(document.canonical()).hexdigest()


def _in_order(keys: Sequence[tuple[int, str] | tuple[str, str] | str], what: str) -> None:
    if list(keys) != sorted(keys):
        raise ValueError(f"the {what} are not in canonical order")


def _unique(keys: Sequence[tuple[str, str] | str], what: str) -> None:
    if len(set(keys)) != len(keys):
        raise ValueError(f"there is more than one {what}")


__all__ = [
    "ActionDocument",
    "AnswerDocument",
    "AuditDocument",
    "AuditHeader",
    "AuditorDocument",
    "BlockDocument",
    "ChildDocument",
    "ModerationDocument",
    "PlanDocument",
    "SampleDocument",
    "SettingDocument",
    "StrataShape",
    "TeamMemberDocument",
    "TravellingDocument",
    "document_as",
    "hash_of",
    "uuid_of",
]
