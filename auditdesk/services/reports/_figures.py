"""Board figures, built once for the workbook, the Board pack and the in-app dashboard.

Each figure is one SQL GROUP BY over the audits in scope (see :mod:`._counts`,
:mod:`._answers`, :mod:`._activity`); Python only names the groups and applies small-count
suppression (:mod:`._tables`) before anything leaves the services. The words of the
Definitions table are in :mod:`._definitions`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy.orm import Session

from auditdesk.domain.board_figures import (
    BoardFigures,
    Change,
    GradeRow,
    GradeTable,
    Headline,
)
from auditdesk.domain.intervals import difference_interval
from auditdesk.domain.periods import Period, previous_term_key, term_key, term_period
from auditdesk.domain.suppression import count, describe_rule
from auditdesk.domain.wording import date_text
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.reports._activity import action_figures
from auditdesk.services.reports._answers import highlights, quality_figures, setting_visit_figures
from auditdesk.services.reports._catalogue import Catalogue
from auditdesk.services.reports._counts import (
    DIMENSIONS,
    GOOD_OR_BETTER,
    WIDTH,
    Dimension,
    GradeCounts,
    counts_by,
    dimension_rows,
    overall_counts,
    section_counts,
)
from auditdesk.services.reports._definitions import definitions
from auditdesk.services.reports._moderation import moderation_figures
from auditdesk.services.reports._redaction import Redactor
from auditdesk.services.reports._scope import ReportScope, describe_scope, period_info
from auditdesk.services.reports._tables import Group, RawRow, protect_groups
from auditdesk.store.models import Audit

__all__ = ["BoardFigures", "ReportScope", "board_figures", "build_board_figures"]

TREND_TERMS = 6  # at least this many terms of context on the trend chart


def board_figures(ctx: ServiceContext, scope: ReportScope) -> BoardFigures:
    """Every Board figure for ``scope``, for the dashboard (one read transaction)."""
    with ctx.db.read() as session:
        return build_board_figures(
            session, scope, today=ctx.today(), generated_at=ctx.now(), generated_by=ctx.actor.name
        )


def build_board_figures(
    session: Session,
    scope: ReportScope,
    *,
    today: date,
    generated_at: datetime,
    generated_by: str,
    catalogue: Catalogue | None = None,
    redactor: Redactor | None = None,
) -> BoardFigures:
    """The same, inside a session the caller holds (exports read rows in the same one,
    and pass the catalogue and redactor they use for them)."""
    catalogue = catalogue or Catalogue.load(session)
    threshold = scope.suppress_below
    conditions = scope.conditions()
    headline, trend, breakdowns = _grade_tables(session, scope)
    quality = quality_figures(session, conditions, catalogue, threshold)
    return BoardFigures(
        title=scope.title,
        partnership=scope.partnership,
        period=period_info(scope.period),
        previous_period=period_info(scope.previous_period),
        # The threshold is said once, in the suppression rule every renderer shows.
        scope=describe_scope(session, scope, compared=headline.change.points is not None),
        generated_at=generated_at,
        generated_by=generated_by,
        suppress_below=threshold,
        suppression_rule=describe_rule(threshold),
        definitions=definitions(scope, today),
        headline=headline,
        trend=trend,
        breakdowns=breakdowns,
        sections=_sections(session, scope, catalogue),
        themes=quality.themes,
        questions=quality.questions,
        setting_visits=setting_visit_figures(session, conditions, catalogue, threshold),
        moderation=moderation_figures(session, scope.period, catalogue, threshold),
        highlights=highlights(
            session, conditions, redactor or Redactor.load_when_needed(session), threshold
        ),
        actions=action_figures(session, conditions, today),
        working_copy=scope.working_copy,
    )


# -- headline, trend and breakdowns ------------------------------------------------------
def _grade_tables(
    session: Session, scope: ReportScope
) -> tuple[Headline, GradeTable, tuple[GradeTable, ...]]:
    """The headline, the trend by term and every breakdown, protected together: they are
    one set of final grades cut different ways (each breakdown's total row is the headline,
    the terms of a period add up to it), so what one hides another must not give away."""
    threshold = scope.suppress_below
    now = overall_counts(session, scope.conditions())
    before = overall_counts(session, scope.conditions(scope.previous_period))
    current, previous = scope.period.label, scope.previous_period.label
    trend_rows, trend_groups = _trend_rows(session, scope)
    rows = list(trend_rows)
    groups = list(trend_groups)
    if not any(group.key == "previous" for group in groups):
        rows.append(RawRow("previous", previous, before.grades))
    if not any(group.key == "current" for group in groups):
        rows.append(RawRow("current", current, now.grades))
    shown_as: dict[str, str] = {}  # a group of audits every breakdown shows alike
    tables: list[tuple[Dimension, list[str]]] = []
    for dimension in DIMENSIONS:
        keys = []
        for row in dimension_rows(
            dimension, counts_by(session, scope.conditions(), dimension.column)
        ):
            key = f"{dimension.key}:{row.key}"  # a dimension row's key is its code
            same = shown_as.get(row.label) if row.key == "" else None
            if same is not None and _counts(rows, same) == row.counts:
                # The same audits (setting visits have no phase and no need): one figure.
                groups.append(Group(key, row.label, (same,)))
            else:
                rows.append(RawRow(key, row.label, row.counts))
                if row.key == "":
                    shown_as[row.label] = key
            keys.append(key)
        groups.append(Group("current", current, tuple(keys)))
        tables.append((dimension, keys))
    safe = protect_groups(
        rows, threshold, good_columns=GOOD_OR_BETTER, groups=_in_order(groups), width=WIDTH
    )
    now_row, before_row = safe["current"].as_grade_row(), safe["previous"].as_grade_row()
    change = _change(now_row, before_row, now, before)
    headline = Headline(
        audits=count(now.audits, threshold),
        current=now_row,
        previous_audits=count(before.audits, threshold),
        previous=before_row,
        change=change,
        summary=_summary(scope, now_row, before_row, change),
    )
    trend = GradeTable(
        "term",
        "Term",
        tuple(_keyed(safe[row.key].as_grade_row()) for row in trend_rows),
        None,
        "Whole terms; those before the period are shown for context.",
    )
    total = replace(now_row, key="all", label="All audits")
    breakdowns = tuple(
        GradeTable(
            dimension.key,
            dimension.title,
            tuple(_keyed(safe[key].as_grade_row()) for key in keys),
            total,
            dimension.note,
        )
        for dimension, keys in tables
    )
    return headline, trend, breakdowns


def _keyed(row: GradeRow) -> GradeRow:
    """The row under its own code ("ks3", "2025-1"), without the table it was protected in."""
    return replace(row, key=row.key.split(":", 1)[1])


def _counts(rows: list[RawRow], key: str) -> tuple[int, ...] | None:
    return next((row.counts for row in rows if row.key == key), None)


def _in_order(groups: list[Group]) -> list[Group]:
    """Groups whose members are plain rows first, so every group's members come before it."""
    keys = {group.key for group in groups}
    return sorted(groups, key=lambda group: any(member in keys for member in group.members))


def _change(current: GradeRow, previous: GradeRow, now: GradeCounts, before: GradeCounts) -> Change:
    if current.share.value is None or previous.share.value is None:
        reason = "hidden" if current.share.suppressed or previous.share.suppressed else "no audits"
        return Change(None, None, "No comparison", f"no comparison ({reason})")
    good_now, good_before = sum(now.grades[:2]), sum(before.grades[:2])
    interval = difference_interval(good_now, sum(now.grades), good_before, sum(before.grades))
    points = (current.share.value - previous.share.value) * 100
    rounded = round(points)
    text = (
        "no change"
        if rounded == 0
        else f"{'up' if rounded > 0 else 'down'} {abs(rounded)} percentage point"
        f"{'' if abs(rounded) == 1 else 's'}"
    )
    if interval is None or interval.low <= 0 <= interval.high:
        verdict = "not a clear change (within what chance alone could produce)"
    elif interval.low > 0:
        verdict = "a clear improvement"
    else:
        verdict = "a clear decline"
    return Change(points, interval, text, verdict)


def _summary(scope: ReportScope, current: GradeRow, previous: GradeRow, change: Change) -> str:
    during = _during(scope.period)
    if current.graded.shown == 0:
        return f"No audits in scope were graded {during}."
    if current.share.value is None:
        return (
            f"{current.graded.text} audits were graded {during}; the share judged good or "
            "better is hidden because the numbers are small."
        )
    words = (
        f"Of {current.graded.text} audits graded {during}, {current.share.text} were "
        f"judged good or better (95% interval {current.share.interval_text})."
    )
    if change.points is None:
        # Said here alone: the scope lists no "Compared with" when nothing was compared.
        why = (
            "its figures are hidden because the numbers are small"
            if previous.share.suppressed
            else "no audits in scope were graded then"
        )
        return f"{words} There is no comparison with the previous period ({previous.label}): {why}."
    before = _during(scope.previous_period)
    return words + (
        f" {before[:1].upper()}{before[1:]} it was {previous.share.text} of "
        f"{previous.graded.text}: {change.text}, {change.verdict}."
    )


def _during(period: Period) -> str:
    """ "in Autumn 2025", "in 2025/26", or "from 1 January 2025 to 7 December 2026" for a
    period named by its dates alone."""
    dates = f"{date_text(period.start)} to {date_text(period.end)}"
    return f"from {dates}" if period.label == dates else f"in {period.label}"


def _trend_terms(period: Period) -> list[str]:
    keys = [term_key(period.end)]
    first = term_key(period.start)
    while len(keys) < TREND_TERMS or keys[-1] > first:
        keys.append(previous_term_key(keys[-1]))
    return list(reversed(keys))


def _trend_rows(session: Session, scope: ReportScope) -> tuple[list[RawRow], list[Group]]:
    """One row per term, and the periods they add up to exactly: the current one when it
    starts at a term, and the previous one when it is whole terms on the chart."""
    period = scope.period
    keys = _trend_terms(period)
    window = Period(term_period(keys[0]).start, period.end, "trend")
    counted = counts_by(session, scope.conditions(window), Audit.term_key)
    while len(keys) > 1 and keys[0] not in counted:
        keys.pop(0)  # terms before the first audit say nothing (and hold none)
    rows = []
    for key in keys:
        term = term_period(key)
        label = (
            term.label if term.end <= period.end else f"{term.label} (to {date_text(period.end)})"
        )
        grades = counted[key].grades if key in counted else (0,) * WIDTH
        rows.append(RawRow(f"term:{key}", label, grades))
    groups = []
    for name, span, last in (
        ("current", period, period.end),
        ("previous", scope.previous_period, scope.previous_period.end),
    ):
        inside = tuple(
            f"term:{key}" for key in keys if span.start <= term_period(key).start <= last
        )
        whole_terms = bool(inside) and term_period(term_key(span.start)).start == span.start
        ends_in_window = name == "current" or term_period(term_key(last)).end == last
        if whole_terms and ends_in_window and span.start >= window.start:
            groups.append(Group(name, span.label, inside))
    return rows, groups


def _sections(session: Session, scope: ReportScope, catalogue: Catalogue) -> tuple[GradeTable, ...]:
    templates = section_counts(session, scope.conditions(), catalogue)
    rows = [row for template in templates for row in template.rows]
    safe = protect_groups(rows, scope.suppress_below, good_columns=GOOD_OR_BETTER, width=WIDTH)
    return tuple(
        GradeTable(
            template.template_id,
            template.title,
            tuple(safe[row.key].as_grade_row() for row in template.rows),
            None,
            "Suggested section grades (before any moderation), top-level sections.",
        )
        for template in templates
    )
