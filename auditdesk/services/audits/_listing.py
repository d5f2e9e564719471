"""The audit list: filtered, sorted and paged in SQL so it stays quick at 50,000 audits.

Filters work on columns of the ``audits`` table itself (the subject is copied in when an
audit is made), each with an index; text search uses one pre-lowered column.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, case, exists, func, select
from sqlalchemy.orm import Session

from auditdesk.domain.grades import GRADES_BEST_FIRST, Grade
from auditdesk.domain.reference import (
    Agency,
    AuditStatus,
    Phase,
    PlanStage,
    PrimaryNeed,
)
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._people import list_auditors
from auditdesk.services.kernel._records import AuditorRecord, AuditRow, Page, SettingRecord
from auditdesk.services.kernel._subjects import list_settings, localities
from auditdesk.store.models import (
    Audit,
    AuditAuditor,
    Auditor,
    Child,
    Setting,
    TemplateVersion,
)

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
        where: list[ColumnElement[bool]] = []
        if self.text.strip():
            where.append(
                Audit.search_text.like(f"%{_escape(self.text.strip().lower())}%", escape="\\")
            )
        if self.statuses:
            where.append(Audit.status.in_([s.value for s in self.statuses]))
        if self.template_ids:
            where.append(Audit.template_id.in_(self.template_ids))
        if self.grades or self.ungraded:
            grade_match = Audit.final_grade.in_([g.value for g in self.grades])
            where.append(
                grade_match | Audit.final_grade.is_(None) if self.ungraded else grade_match
            )
        if self.date_from:
            where.append(Audit.audit_date >= self.date_from)
        if self.date_to:
            where.append(Audit.audit_date <= self.date_to)
        if self.auditor_uuid:
            where.append(
                exists(
                    select(AuditAuditor.audit_id)
                    .join(Auditor, Auditor.id == AuditAuditor.auditor_id)
                    .where(AuditAuditor.audit_id == Audit.id, Auditor.uuid == self.auditor_uuid)
                )
            )
        if self.agencies:
            where.append(
                exists(
                    select(AuditAuditor.audit_id).where(
                        AuditAuditor.audit_id == Audit.id,
                        AuditAuditor.agency.in_([a.value for a in self.agencies]),
                    )
                )
            )
        if self.localities:
            where.append(Audit.locality.in_(self.localities))
        if self.phases:
            where.append(Audit.phase.in_([p.value for p in self.phases]))
        if self.primary_needs:
            where.append(Audit.primary_need.in_([n.value for n in self.primary_needs]))
        if self.setting_uuid:
            where.append(
                Audit.setting_id.in_(select(Setting.id).where(Setting.uuid == self.setting_uuid))
            )
        if self.setting_types:
            where.append(Audit.setting_type.in_(self.setting_types))
        if self.plan_stages:
            where.append(Audit.plan_stage.in_([s.value for s in self.plan_stages]))
        return where


def list_audits(
    ctx: ServiceContext,
    audit_filter: AuditFilter = AuditFilter(),
    *,
    sort: str = "audit_date",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
    with_total: bool = True,
) -> Page[AuditRow]:
    """One page of the audit list. ``total`` is the filtered count (0 if not asked for)."""
    with ctx.db.read() as session:
        rows = session.execute(
            _page_query(audit_filter, sort, descending).offset(offset).limit(limit)
        ).all()
        total = count_audits_in(session, audit_filter) if with_total else 0
        return Page(tuple(_row(r) for r in rows), offset, total)


def count_audits(ctx: ServiceContext, audit_filter: AuditFilter = AuditFilter()) -> int:
    with ctx.db.read() as session:
        return count_audits_in(session, audit_filter)


def date_range(
    ctx: ServiceContext, audit_filter: AuditFilter = AuditFilter()
) -> tuple[date, date] | None:
    """The first and last audit dates matching the filter (``None`` when none match)."""
    with ctx.db.read() as session:
        first, last = session.execute(
            select(func.min(Audit.audit_date), func.max(Audit.audit_date)).where(
                *audit_filter.conditions()
            )
        ).one()
    return (first, last) if first and last else None


def count_audits_in(session: Session, audit_filter: AuditFilter) -> int:
    return session.scalar(select(func.count(Audit.id)).where(*audit_filter.conditions())) or 0


def _page_query(audit_filter: AuditFilter, sort: str, descending: bool) -> Select[*tuple[Any, ...]]:
    if sort not in SORTABLE:
        raise ValueError(f"cannot sort by {sort!r}")
    query = (
        select(
            Audit.uuid,
            Audit.reference,
            Child.reference.label("child_reference"),
            Setting.name.label("setting_name"),
            Audit.template_id,
            TemplateVersion.title,
            Audit.plan_stage,
            Auditor.name.label("lead_auditor"),
            Audit.lead_agency,
            Audit.audit_date,
            Audit.status,
            Audit.final_grade,
            Audit.locality,
            Audit.phase,
            Audit.primary_need,
        )
        .join(TemplateVersion, TemplateVersion.id == Audit.template_version_id)
        .join(Auditor, Auditor.id == Audit.lead_auditor_id)
        .outerjoin(Child, Child.id == Audit.child_id)
        .outerjoin(Setting, Setting.id == Audit.setting_id)
        .where(*audit_filter.conditions())
    )
    key = _sort_key(sort)
    # The id breaks ties so pages never overlap or skip rows.
    order = [key.desc(), Audit.id.desc()] if descending else [key.asc(), Audit.id.asc()]
    return query.order_by(*order)


def _sort_key(sort: str) -> ColumnElement[Any]:
    if sort == "final_grade":
        # Best first reads naturally; ungraded sorts below Inadequate.
        return case(
            {grade.value: grade.points for grade in GRADES_BEST_FIRST},
            value=Audit.final_grade,
            else_=0,
        )
    if sort == "status":
        order = {status.value: index for index, status in enumerate(AuditStatus)}
        return case(order, value=Audit.status, else_=99)
    columns: dict[str, Any] = {
        "reference": Audit.reference,
        "child_reference": func.coalesce(Child.reference, ""),
        "setting_name": func.coalesce(Setting.name, ""),
        "template": TemplateVersion.title,
        "plan_stage": func.coalesce(Audit.plan_stage, ""),
        "lead_auditor": Auditor.name,
        "lead_agency": Audit.lead_agency,
        "audit_date": Audit.audit_date,
    }
    key: ColumnElement[Any] = columns[sort]
    return key


def _row(row: Any) -> AuditRow:
    return AuditRow(
        uuid=row.uuid,
        reference=row.reference,
        child_reference=row.child_reference,
        setting_name=row.setting_name,
        template_id=row.template_id,
        template_title=row.title,
        plan_stage=PlanStage(row.plan_stage) if row.plan_stage else None,
        lead_auditor=row.lead_auditor,
        lead_agency=Agency(row.lead_agency),
        audit_date=row.audit_date,
        status=AuditStatus(row.status),
        final_grade=Grade(row.final_grade) if row.final_grade else None,
        locality=row.locality,
        phase=Phase(row.phase) if row.phase else None,
        primary_need=PrimaryNeed(row.primary_need) if row.primary_need else None,
    )


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_auditors_and_places(
    ctx: ServiceContext,
) -> tuple[list[AuditorRecord], list[str], list[SettingRecord]]:
    """What the list's filters offer: every auditor, locality and setting in the database
    now (read again after an import, so new names appear at once)."""
    return list_auditors(ctx), localities(ctx), list_settings(ctx)
