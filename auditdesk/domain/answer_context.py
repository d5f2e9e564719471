"""What applicability rules look at, kept apart from the template model (pydantic) so that
the code that grades, completes and lists audits can name it without loading pydantic:
the window's first page loads none of the template model."""

from __future__ import annotations

from dataclasses import dataclass

from auditdesk.domain.reference import PlanStage


@dataclass(frozen=True)
class AnswerContext:
    """What applicability rules look at: the child's year group and the plan stage."""

    year_group: int | None = None
    plan_stage: PlanStage | None = None
