"""What the moderation services hand back: rows of the moderation list, a drawn sample,
the blind view a second marker works from, the people who could second-mark, and the side
by side reconciliation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import Agency, PlanStage, PrimaryNeed, year_group_label
from auditdesk.domain.template_index import Block, TemplateIndex
from auditdesk.domain.wording import date_text

OVERALL = "overall"  # the scope of the overall grade, beside the sections' ids
AnswerKey = tuple[str, str | None]  # (question id, block uuid or None)


@dataclass(frozen=True)
class ModerationRow:
    uuid: str
    audit_uuid: str
    audit_reference: str
    template_title: str
    first_grade: Grade | None
    second_marker: str | None
    status: str
    second_grade: Grade | None
    agreed_grade: Grade | None


@dataclass(frozen=True)
class SampleResult:
    uuid: str
    name: str
    percentage: float
    eligible: int
    drawn: tuple[ModerationRow, ...]
    strata: tuple[tuple[str, str, int, int], ...]  # template, grade, eligible, drawn


@dataclass(frozen=True)
class BlindAudit:
    """What a second marker sees: the structure and subject, never the first marker's
    ratings, comments, evidence or grades."""

    moderation_uuid: str
    audit_reference: str
    index: TemplateIndex
    blocks: tuple[Block, ...]
    year_group: int | None
    plan_stage: str | None
    ratings: dict[AnswerKey, str]
    comments: dict[AnswerKey, str]
    status: str
    # Which plan to read: the marker finds it in the case record by these.
    template_title: str = ""
    child_reference: str | None = None
    primary_need: PrimaryNeed | None = None
    setting_name: str | None = None
    plan_issue_date: date | None = None
    audit_date: date | None = None

    def plan_to_read(self) -> str:
        """One line naming the plan, in the words a caseworker would search by."""
        parts = []
        if self.child_reference:
            parts.append(f"Child {self.child_reference}")
        if self.year_group is not None:
            parts.append(year_group_label(self.year_group))
        if self.primary_need is not None:
            parts.append(f"primary need {self.primary_need.label}")
        if self.setting_name:
            parts.append(f"at {self.setting_name}")
        if self.plan_stage:
            parts.append(PlanStage(self.plan_stage).label.lower())
        if self.plan_issue_date is not None:
            parts.append(f"plan dated {date_text(self.plan_issue_date)}")
        return ", ".join(parts) or "No plan details recorded"


@dataclass(frozen=True)
class ReconciliationLine:
    section_id: str
    section_title: str
    question_id: str
    prompt: str
    block_id: str | None
    block_label: str | None
    first: str | None
    second: str | None
    first_label: str
    second_label: str
    first_points: int | None  # None: N/A, not rated, or recorded only
    second_points: int | None

    @property
    def differs(self) -> bool:
        return self.first != self.second


@dataclass(frozen=True)
class ScopeGrades:
    scope: str
    title: str
    first: Grade | None
    second: Grade | None
    agreed: Grade | None


@dataclass(frozen=True)
class Reconciliation:
    moderation_uuid: str
    audit_uuid: str
    audit_reference: str
    lines: tuple[ReconciliationLine, ...]
    grades: tuple[ScopeGrades, ...]
    notes: str
    status: str


@dataclass(frozen=True)
class MarkerChoice:
    """Someone who could second-mark a batch of drawn audits, and the references of the
    audits in it they worked on (a second marker must be independent of the audit)."""

    uuid: str
    name: str
    agency: Agency
    worked_on: tuple[str, ...]

    @property
    def can_mark_all(self) -> bool:
        return not self.worked_on
