"""One audit as a report for the caseworker or the setting: plain frozen data for the
single-audit PDF (:mod:`auditdesk.exporters.audit_report`).

Unlike the Board exports this names the child by their pseudonymous reference and lists
every comment: it goes to the people working with that child's plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class ReportAnswer:
    question_id: str
    prompt: str
    where: str  # the sub-section and repeat it sits in, or ""
    rating: str  # the option's label, "N/A", "Not answered" or "" for written answers
    comment: str
    evidence: str
    rated: bool


@dataclass(frozen=True)
class ReportSection:
    title: str
    grade: str  # the suggested section grade's label, or why there is none
    reasons: tuple[str, ...]
    answers: tuple[ReportAnswer, ...]


@dataclass(frozen=True)
class ReportAction:
    finding: str
    action: str
    owner_agency: str
    owner: str
    due_date: date
    status: str
    overdue: bool
    re_audit_date: date | None


@dataclass(frozen=True)
class ReportModerationGrade:
    scope: str
    first: str
    second: str
    agreed: str


@dataclass(frozen=True)
class ReportModeration:
    status: str
    second_marker: str
    grades: tuple[ReportModerationGrade, ...]
    notes: str
    agreed_on: date | None


@dataclass(frozen=True)
class Unfinished:
    """What an audit still lacks before it can be completed, for the report's warning."""

    unanswered: int  # required questions that apply and have no answer yet
    required: int  # required questions that apply
    sections: tuple[tuple[str, int], ...]  # (top-level section title, unanswered in it)
    other: tuple[str, ...]  # anything else completion needs, in words


@dataclass(frozen=True)
class AuditReport:
    reference: str
    template_title: str
    template_version: int
    kind: str
    status: str
    subject: tuple[Fact, ...]
    team: tuple[str, ...]
    sections: tuple[ReportSection, ...]
    suggested_grade: str
    override_grade: str
    override_reason: str
    final_grade: str
    overall_reasons: tuple[str, ...]
    actions: tuple[ReportAction, ...]
    moderation: ReportModeration | None
    sign_off: tuple[Fact, ...]
    generated_at: datetime
    generated_by: str
    # A draft, or anything still to finish, must never read as a final judgement.
    draft: bool = False
    unfinished: Unfinished | None = None

    @property
    def provisional(self) -> bool:
        return self.draft or self.unfinished is not None
