"""The dashboard's Board figures, kept in the database so that opening the dashboard
again shows them at once when nothing they are made from has changed.

Figures are kept per filter and day (``today`` moves the span's end, what is overdue and
the definitions), with the data's stamp read *before* they were worked out: a change made
while they were being worked out leaves the kept stamp behind the data's, so they are
worked out again the next time rather than passed off as current. The stamp is the
change counter migration 0004's triggers keep (:mod:`auditdesk.store.models.stored_figures`);
when the counter or any of its triggers is missing (a file another program changed),
nothing is taken as current. The Board exports never come here: they always work their
figures out afresh (:func:`._figures.build_board_figures`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from sqlalchemy import delete, func, select

from auditdesk.domain.board_figures import BoardFigures
from auditdesk.domain.periods import Period
from auditdesk.domain.wording import date_text
from auditdesk.services.audits import AuditFilter, date_range
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.reports._data_stamp import data_stamp
from auditdesk.services.reports._figures import board_figures
from auditdesk.services.reports._figures_json import figures_from_json, figures_to_json
from auditdesk.services.reports._scope import ReportScope, period_between
from auditdesk.store.models import StoredBoardFigures

log = logging.getLogger(__name__)

MOST_KEPT = 12  # filters whose figures are kept at once


@dataclass(frozen=True)
class DashboardFigures:
    """Figures for the dashboard: ``None`` when the filter selects no audits."""

    figures: BoardFigures | None
    current: bool  # worked out from the data as it is now
    stamp: int | None = None  # the data's stamp before they were worked out


def scope_key(ctx: ServiceContext, audit_filter: AuditFilter) -> str:
    """What kept figures are for: the filter (a text search never reaches a report) and
    the day."""
    return f"{ctx.today().isoformat()} {replace(audit_filter, text='')!r}"


def kept_dashboard_figures(
    ctx: ServiceContext, audit_filter: AuditFilter
) -> DashboardFigures | None:
    """The figures kept for this filter today, saying whether they are still current
    (``None``: none are kept, or they cannot be read)."""
    with ctx.db.read() as session:
        stamp = data_stamp(session)
        kept = session.get(StoredBoardFigures, scope_key(ctx, audit_filter))
        if kept is None:
            return None
        try:
            figures = figures_from_json(kept.figures)
        except ValueError:  # kept by another version of AuditDesk: worked out afresh
            log.info("kept dashboard figures could not be read; working them out again")
            return None
        return DashboardFigures(figures, current=stamp is not None and kept.stamp == stamp)


def work_out_dashboard_figures(ctx: ServiceContext, audit_filter: AuditFilter) -> DashboardFigures:
    """The Board figures for the filter's dates, or, without dates, for the span of the
    audits it selects up to today, worked out afresh."""
    with ctx.db.read() as session:
        stamp = data_stamp(session)  # before the figures: see the module's note
    span = _span(ctx, audit_filter)
    figures = None if span is None else board_figures(ctx, ReportScope(span, audit_filter))
    return DashboardFigures(figures, current=True, stamp=stamp)


def keep_dashboard_figures(
    ctx: ServiceContext, audit_filter: AuditFilter, worked: DashboardFigures
) -> bool:
    """Keep figures just worked out for the next opening (on the write lane). Nothing is
    kept from a read-only file, without a trusted stamp, or for a filter with no audits
    (that costs nothing to find again). Figures for earlier days are let go, and all but
    the filters most recently worked out (each set is a few hundred kilobytes)."""
    if ctx.db.read_only or worked.stamp is None or worked.figures is None:
        return False
    document = figures_to_json(worked.figures)
    kept = StoredBoardFigures(
        scope_key=scope_key(ctx, audit_filter),
        stamp=worked.stamp,
        figures=document,
        made_at=ctx.now(),
    )
    today = f"{ctx.today().isoformat()} "
    with ctx.db.write() as session:
        session.merge(kept)
        session.flush()
        newest = (
            select(StoredBoardFigures.scope_key)
            .order_by(StoredBoardFigures.made_at.desc())
            .limit(MOST_KEPT)
        )
        session.execute(
            delete(StoredBoardFigures).where(
                (func.substr(StoredBoardFigures.scope_key, 1, len(today)) != today)
                | StoredBoardFigures.scope_key.not_in(newest.scalar_subquery())
            )
        )
    return True


def _span(ctx: ServiceContext, audit_filter: AuditFilter) -> Period | None:
    if audit_filter.date_from and audit_filter.date_to:
        return period_between(audit_filter.date_from, audit_filter.date_to)
    found = date_range(ctx, audit_filter)
    if found is None:
        return None
    first = audit_filter.date_from or found[0]
    last = audit_filter.date_to or max(found[1], ctx.today())
    # Named by its dates alone, as the Board pack names a span, so they are said once.
    return Period(first, last, f"{date_text(first)} to {date_text(last)}")
