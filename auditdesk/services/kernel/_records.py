"""Plain, frozen results handed from services to the window, exporters and CLI."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import (
    ActionStatus,
    Agency,
    AuditStatus,
    Phase,
    PlanStage,
    PrimaryNeed,
    Role,
    SettingPhase,
    SettingType,
    SubjectKind,
    TemplateKind,
)

if TYPE_CHECKING:
    # Named, not loaded: the template model is pydantic, which the window's first page and
    # the commands that only list or check do not need (the records are plain dataclasses).
    from auditdesk.domain.completion import AnswerState
    from auditdesk.domain.grading import GradingResult
    from auditdesk.domain.template_index import Block, TemplateIndex
    from auditdesk.domain.template_model import AnswerContext

T = TypeVar("T")


@dataclass(frozen=True)
class AuditorRecord:
    uuid: str
    name: str
    agency: Agency
    role: Role


@dataclass(frozen=True)
class SettingRecord:
    uuid: str
    name: str
    urn: str | None
    setting_type: SettingType
    phase: SettingPhase
    locality: str


@dataclass(frozen=True)
class ChildRecord:
    uuid: str
    reference: str
    year_group: int
    primary_need: PrimaryNeed
    locality: str
    setting_uuid: str | None


@dataclass(frozen=True)
class TemplateSummary:
    template_id: str
    version: int
    title: str
    kind: TemplateKind
    sha256: str

    @property
    def key(self) -> str:
        return f"{self.template_id}@{self.version}"


@dataclass(frozen=True)
class TeamMember:
    """An auditor on an audit, with the agency they audited for."""

    auditor: AuditorRecord
    agency: Agency


@dataclass(frozen=True)
class AuditRow:
    """One line of the audit list."""

    uuid: str
    reference: str
    child_reference: str | None
    setting_name: str | None
    template_id: str
    template_title: str
    plan_stage: PlanStage | None
    lead_auditor: str
    lead_agency: Agency
    audit_date: date
    status: AuditStatus
    final_grade: Grade | None
    locality: str | None
    phase: Phase | None
    primary_need: PrimaryNeed | None

    @classmethod
    def from_columns(cls, values: Sequence[Any]) -> AuditRow:
        """A line from its stored values, in the order of the fields above: read through
        SQLAlchemy (the list) or plain ``sqlite3`` (the first look), which gives the date
        as it is stored (ISO text)."""
        (uuid, reference, child, setting, template_id, title, stage, auditor, agency,
         day, status, grade, locality, phase, need) = values  # fmt: skip
        return cls(
            uuid=uuid,
            reference=reference,
            child_reference=child,
            setting_name=setting,
            template_id=template_id,
            template_title=title,
            plan_stage=PlanStage(stage) if stage else None,
            lead_auditor=auditor,
            lead_agency=Agency(agency),
            audit_date=day if isinstance(day, date) else date.fromisoformat(day),
            status=AuditStatus(status),
            final_grade=Grade(grade) if grade else None,
            locality=locality,
            phase=Phase(phase) if phase else None,
            primary_need=PrimaryNeed(need) if need else None,
        )


@dataclass(frozen=True)
class AnswerRecord:
    question_id: str
    block_id: str | None
    rating: str | None
    comment: str
    evidence: str
    board_highlight: str | None
    updated_at: datetime
    updated_by: str

    @property
    def state(self) -> AnswerState:
        from auditdesk.domain.completion import AnswerState  # noqa: PLC0415

        return AnswerState(self.rating, self.comment)


@dataclass(frozen=True)
class ActionRecord:
    uuid: str
    audit_uuid: str
    audit_reference: str
    question_id: str | None
    block_id: str | None
    finding: str
    action: str
    owner_agency: Agency
    owner: str
    due_date: date
    status: ActionStatus
    re_audit_date: date | None
    completed_on: date | None
    overdue: bool


@dataclass(frozen=True)
class AuditDetail:
    """Everything the editor shows for one audit."""

    uuid: str
    reference: str
    revision: int
    content_hash: str
    template: TemplateSummary
    index: TemplateIndex
    subject_kind: SubjectKind
    child_reference: str | None
    setting: SettingRecord | None
    year_group: int | None
    phase: Phase | None
    primary_need: PrimaryNeed | None
    locality: str | None
    plan_stage: PlanStage | None
    audit_date: date
    status: AuditStatus
    team: tuple[TeamMember, ...]
    blocks: tuple[Block, ...]
    answers: dict[tuple[str, str | None], AnswerRecord]
    grading: GradingResult
    suggested_grade: Grade | None
    override_grade: Grade | None
    override_reason: str | None
    final_grade: Grade | None
    completed_at: datetime | None
    signed_off_at: datetime | None
    signed_off_by: str | None
    actions: tuple[ActionRecord, ...] = field(default=())

    @property
    def context(self) -> AnswerContext:
        from auditdesk.domain.template_model import AnswerContext  # noqa: PLC0415

        return AnswerContext(self.year_group, self.plan_stage)

    @property
    def is_editable(self) -> bool:
        return self.status is AuditStatus.DRAFT


@dataclass(frozen=True)
class GradeUpdate:
    """What changed after an edit: the new suggestion, ready for the live grade panel."""

    audit_uuid: str
    grading: GradingResult
    suggested_grade: Grade | None
    final_grade: Grade | None


@dataclass(frozen=True)
class TrailEntry:
    """One change to an audit.

    ``what``, ``before`` and ``after`` are what people read: the section and question in
    the audit's own template version's words, values as the labels chosen ("Yes", "Not
    applicable"), records by their label. ``field``, ``old_value`` and ``new_value`` are as
    stored (stable ids and codes), and the ids of what changed follow, for exports and
    matching; none of them is for showing.
    """

    at: datetime
    actor: str
    device: str
    record_type: str
    field: str
    old_value: str | None
    new_value: str | None
    reason: str | None
    what: str = ""
    before: str = ""
    after: str = ""
    record_uuid: str | None = None
    question_id: str | None = None
    section_id: str | None = None  # the question's own section
    block_id: str | None = None  # the block answered in, added, renamed or removed


@dataclass(frozen=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    offset: int
    total: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.items) < self.total
