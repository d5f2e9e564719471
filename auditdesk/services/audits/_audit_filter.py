"""What the audit list can be narrowed to and sorted by: plain data, so the window can hold
one before the database layer is loaded (its SQL is in ``_listing``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import Agency, AuditStatus, Phase, PlanStage, PrimaryNeed

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

SORTABLE = (
    "reference",
    "child_reference",
    "setting_name",
    "template",
    "plan_stage",
    "lead_auditor",
    "lead_agency",
    "audit_date",
    "status",
    "final_grade",
)


@dataclass(frozen=True)
class AuditFilter:
    """Everything the filter bar can ask for; empty means "any"."""

    text: str = ""
    statuses: tuple[AuditStatus, ...] = ()
    template_ids: tuple[str, ...] = ()
    grades: tuple[Grade, ...] = ()
    ungraded: bool = False
    date_from: date | None = None
    date_to: date | None = None
    auditor_uuid: str | None = None
    agencies: tuple[Agency, ...] = ()
    localities: tuple[str, ...] = ()
    phases: tuple[Phase, ...] = ()
    primary_needs: tuple[PrimaryNeed, ...] = ()
    setting_uuid: str | None = None
    setting_types: tuple[str, ...] = ()
    plan_stages: tuple[PlanStage, ...] = ()

    def conditions(self) -> list[ColumnElement[bool]]:
        """The WHERE clauses for this filter, shared by the list, counts and reports."""
        # Imported when asked: they are SQL, which only a query (never the window) needs.
        from auditdesk.services.audits._listing import filter_conditions  # noqa: PLC0415

        return filter_conditions(self)


#: No narrowing: every audit.
ANY_AUDIT = AuditFilter()
