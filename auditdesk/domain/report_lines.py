"""Row-level lines for the workbook's Audits, Answers and Actions sheets and the Board
pack's appendix: one per audit, answer or action, streamed rather than held in memory.

None of them carries a child's reference, locality, phase, need or setting: with those,
anyone could rebuild the small groups the figure tables suppress by pivoting the rows.
Repeating blocks are named by position ("Child 2 › Provision line 1"), never by their
label, because a sampled child's block is labelled with the child's reference.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple


@dataclass(frozen=True)
class AuditLine:
    reference: str
    template_id: str
    template_title: str
    version: int
    kind: str
    plan_stage: str
    audit_date: date
    term: str
    status: str
    completed_on: date | None
    signed_off_on: date | None
    lead_auditor: str
    lead_agency: str
    team: str  # "Name (Agency); Name (Agency)"
    suggested_grade: str
    final_grade: str
    grade_overridden: bool


class AnswerLine(NamedTuple):
    """One answer. A named tuple rather than a dataclass: a large workbook holds millions,
    and a tuple is several times cheaper to make. Fields are in the Answers sheet's order:
    the words people read first, the stable ids for pivots across versions last."""

    audit_reference: str
    template_title: str
    version: int
    section_title: str  # the top-level section, in the audit's own template version
    prompt: str
    repeat: str | None
    rating: str | None  # the option's label ("Good", "Partly delivered", "N/A")
    points: int | None
    comment: str
    evidence: str
    marked_for_board: str | None
    template_id: str
    section_id: str
    question_id: str


@dataclass(frozen=True)
class ActionLine:
    audit_reference: str
    finding: str
    action: str
    owner_agency: str
    owner: str
    due_date: date
    status: str
    overdue: bool
    re_audit_date: date | None
    completed_on: date | None


@dataclass(frozen=True)
class BoardRows:
    """Fresh iterators over the lines in scope; each call starts from the first line."""

    audits: Callable[[], Iterator[AuditLine]]
    answers: Callable[[], Iterator[AnswerLine]]
    actions: Callable[[], Iterator[ActionLine]]
    audit_count: int
    answer_count: int
    action_count: int
