"""Row-level lines for Board exports (one per audit, answer or action), streamed from SQL
in batches so a 50,000-audit workbook never holds three million answers in memory. The
answers, most of the rows by far, are read in :mod:`._answer_rows`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from functools import cache

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from auditdesk.domain.grades import Grade
from auditdesk.domain.periods import term_label
from auditdesk.domain.reference import ActionStatus, Agency, AuditStatus, PlanStage
from auditdesk.domain.report_lines import ActionLine, AuditLine, BoardRows
from auditdesk.services.reports._answer_rows import answer_lines
from auditdesk.services.reports._answer_scope import answer_count
from auditdesk.services.reports._catalogue import Catalogue
from auditdesk.services.reports._redaction import Redactor
from auditdesk.store.models import Action, Audit, AuditAuditor, Auditor

BATCH = 5_000
OPEN_STATUSES = (ActionStatus.OPEN.value, ActionStatus.IN_PROGRESS.value)


def board_rows(
    session: Session,
    conditions: Sequence[ColumnElement[bool]],
    catalogue: Catalogue,
    today: date,
    redactor: Redactor | None = None,
) -> BoardRows:
    """Lazily read lines; the session must stay open while they are read."""
    redactor = redactor or Redactor.load(session)
    in_scope = select(Audit.id).where(*conditions).scalar_subquery()
    actions = select(func.count()).select_from(Action).where(Action.audit_id.in_(in_scope))
    return BoardRows(
        audits=lambda: audit_lines(session, conditions, catalogue),
        answers=lambda: answer_lines(session, conditions, catalogue, redactor),
        actions=lambda: action_lines(session, conditions, today, redactor),
        audit_count=session.scalar(select(func.count(Audit.id)).where(*conditions)) or 0,
        answer_count=answer_count(session, conditions),
        action_count=session.scalar(actions) or 0,
    )


def audit_lines(
    session: Session, conditions: Sequence[ColumnElement[bool]], catalogue: Catalogue
) -> Iterator[AuditLine]:
    teams: dict[int, list[str]] = defaultdict(list)
    for audit_id, name, agency in session.execute(
        select(AuditAuditor.audit_id, Auditor.name, AuditAuditor.agency)
        .join(Auditor, Auditor.id == AuditAuditor.auditor_id)
        .join(Audit, Audit.id == AuditAuditor.audit_id)
        .where(*conditions)
        .order_by(AuditAuditor.audit_id, AuditAuditor.position)
    ):
        teams[audit_id].append(f"{name} ({_label(Agency, agency)})")
    rows = session.execute(
        select(
            Audit.id,
            Audit.reference,
            Audit.template_version_id,
            Audit.plan_stage,
            Audit.audit_date,
            Audit.term_key,
            Audit.status,
            Audit.completed_at,
            Audit.signed_off_at,
            Auditor.name,
            Audit.lead_agency,
            Audit.suggested_grade,
            Audit.final_grade,
            Audit.override_grade,
        )
        .join(Auditor, Auditor.id == Audit.lead_auditor_id)
        .where(*conditions)
        .order_by(Audit.audit_date, Audit.reference),
        execution_options={"yield_per": BATCH},
    )
    for (
        audit_id,
        reference,
        version_id,
        plan_stage,
        audit_date,
        term,
        status,
        completed_at,
        signed_off_at,
        lead,
        lead_agency,
        suggested,
        final,
        override,
    ) in rows:
        info = catalogue.versions[version_id]
        yield AuditLine(
            reference=reference,
            template_id=info.template_id,
            template_title=info.title,
            version=info.version,
            kind=info.kind.label,
            plan_stage=_label(PlanStage, plan_stage) if plan_stage else "",
            audit_date=audit_date,
            term=_term(term),
            status=_label(AuditStatus, status),
            completed_on=_local_date(completed_at),
            signed_off_on=_local_date(signed_off_at),
            lead_auditor=lead,
            lead_agency=_label(Agency, lead_agency),
            team="; ".join(teams.get(audit_id, ())),
            suggested_grade=_grade(suggested),
            final_grade=_grade(final),
            grade_overridden=override is not None,
        )


def action_lines(
    session: Session,
    conditions: Sequence[ColumnElement[bool]],
    today: date,
    redactor: Redactor,
) -> Iterator[ActionLine]:
    rows = session.execute(
        select(
            Audit.reference,
            Action.finding,
            Action.action,
            Action.owner_agency,
            Action.owner,
            Action.due_date,
            Action.status,
            Action.re_audit_date,
            Action.completed_on,
        )
        .join(Audit, Audit.id == Action.audit_id)
        .where(*conditions)
        .order_by(Action.due_date, Audit.reference, Action.id),
        execution_options={"yield_per": BATCH},
    )
    clean = redactor.clean
    for reference, finding, action, agency, owner, due, status, re_audit, completed in rows:
        yield ActionLine(
            audit_reference=reference,
            finding=clean(finding),
            action=clean(action),
            owner_agency=_label(Agency, agency),
            owner=owner,
            due_date=due,
            status=_label(ActionStatus, status),
            overdue=status in OPEN_STATUSES and due < today,
            re_audit_date=re_audit,
            completed_on=completed,
        )


# -- helpers: each code's words worked out once, not once per row ------------------------
@cache
def _label(kind: type, code: str) -> str:
    try:
        return str(kind(code).label)
    except ValueError:
        return code


@cache
def _term(key: str) -> str:
    return term_label(key)


@cache
def _grade(code: str | None) -> str:
    return Grade(code).label if code else ""


def _local_date(moment: datetime | None) -> date | None:
    return moment.astimezone().date() if moment else None
