"""Board figures about the work around the audits: actions by owner agency (moderation
agreement is :mod:`report_moderation`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from auditdesk.domain.board_figures import (
    ActionFigures,
    ActionRow,
)
from auditdesk.domain.reference import ActionStatus, Agency
from auditdesk.store.models import Action, Audit

OPEN_STATUSES = (ActionStatus.OPEN.value, ActionStatus.IN_PROGRESS.value)


def action_figures(
    session: Session, conditions: Sequence[ColumnElement[bool]], today: date
) -> ActionFigures:
    """Actions raised from the audits in scope, by owner agency, with their status today.

    Not suppressed: they count pieces of work owned by agencies, not children, and the
    Board needs to see exactly how many are overdue.
    """
    overdue = case(
        (Action.status.in_(OPEN_STATUSES) & (Action.due_date < today), 1), else_=0
    ).label("overdue")
    rows = session.execute(
        select(Action.owner_agency, Action.status, overdue, func.count())
        .join(Audit, Audit.id == Action.audit_id)
        .where(*conditions)
        .group_by(Action.owner_agency, Action.status, overdue)
    ).all()
    tally: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for agency, status, is_overdue, number in rows:
        tally[agency][status] += number
        if is_overdue:
            tally[agency]["overdue"] += number
    order = [agency.value for agency in Agency]
    keys = sorted(tally, key=lambda k: (order.index(k) if k in order else len(order), k))
    action_rows = tuple(_action_row(key, _agency_label(key), tally[key]) for key in keys)
    whole: dict[str, int] = defaultdict(int)
    for counts in tally.values():
        for status, number in counts.items():
            whole[status] += number
    return ActionFigures(action_rows, _action_row("all", "All agencies", whole), today)


def _action_row(key: str, label: str, counts: dict[str, int]) -> ActionRow:
    return ActionRow(
        key,
        label,
        open=counts.get(ActionStatus.OPEN.value, 0),
        in_progress=counts.get(ActionStatus.IN_PROGRESS.value, 0),
        overdue=counts.get("overdue", 0),
        done=counts.get(ActionStatus.DONE.value, 0),
        cancelled=counts.get(ActionStatus.CANCELLED.value, 0),
    )


def _agency_label(code: str) -> str:
    try:
        return Agency(code).label
    except ValueError:
        return code
