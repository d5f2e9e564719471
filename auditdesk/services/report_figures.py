"""Board figures, built once for the workbook, the Board pack and the in-app dashboard.

Each figure is one SQL GROUP BY over the audits in scope (see :mod:`report_counts`,
:mod:`report_answers`, :mod:`report_activity`); Python only names the groups and applies
small-count suppression (:mod:`report_tables`) before anything leaves the services.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from auditdesk.domain.board_figures import (
    BoardFigures,
    Change,
    Definition,
    GradeRow,
    GradeTable,
    Headline,
    Share,
    percent_text,
)
from auditdesk.domain.intervals import difference_interval
from auditdesk.domain.periods import Period, previous_term_key, term_key, term_period
from auditdesk.domain.suppression import count, describe_rule
from auditdesk.domain.wording import date_text
from auditdesk.services.context import ServiceContext
from auditdesk.services.report_activity import action_figures, moderation_figures
from auditdesk.services.report_answers import highlights, quality_figures, setting_visit_figures
from auditdesk.services.report_catalogue import Catalogue
from auditdesk.services.report_counts import (
    DIMENSIONS,
    GOOD_OR_BETTER,
    WIDTH,
    GradeCounts,
    counts_by,
    dimension_rows,
    overall_counts,
    section_counts,
)
from auditdesk.services.report_redaction import Redactor
from auditdesk.services.report_scope import ReportScope, describe_scope, period_info
from auditdesk.services.report_tables import Group, RawRow, protect_groups, protect_table
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
) -> BoardFigures:
    """The same, inside a session the caller holds (exports read rows in the same one)."""
    catalogue = catalogue or Catalogue.load(session)
    threshold = scope.suppress_below
    conditions = scope.conditions()
    headline = _headline(session, scope)
    fixed_total = _hidden(headline.current)
    breakdowns = []
    for dimension in DIMENSIONS:
        counted = counts_by(session, conditions, dimension.column)
        rows, total = protect_table(
            dimension_rows(dimension, counted),
            threshold,
            good_columns=GOOD_OR_BETTER,
            width=WIDTH,
            total_label="All audits",
            fixed_total=fixed_total,
        )
        breakdowns.append(
            GradeTable(
                dimension.key,
                dimension.title,
                tuple(row.as_grade_row() for row in rows),
                total.as_grade_row(),
                dimension.note,
            )
        )
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
        trend=_trend(session, scope, fixed_total),
        breakdowns=tuple(breakdowns),
        sections=_sections(session, scope, catalogue),
        themes=quality.themes,
        questions=quality.questions,
        setting_visits=setting_visit_figures(session, conditions, catalogue, threshold),
        moderation=moderation_figures(session, scope.period, catalogue),
        highlights=highlights(session, conditions, Redactor.load(session), threshold),
        actions=action_figures(session, conditions, today),
    )


# -- headline and trend ------------------------------------------------------------------
def _headline(session: Session, scope: ReportScope) -> Headline:
    threshold = scope.suppress_below
    now = overall_counts(session, scope.conditions())
    before = overall_counts(session, scope.conditions(scope.previous_period))
    current = _single_row("current", scope.period.label, now, threshold)
    previous = _single_row("previous", scope.previous_period.label, before, threshold)
    change = _change(current, previous, now, before)
    return Headline(
        audits=count(now.audits, threshold),
        current=current,
        previous_audits=count(before.audits, threshold),
        previous=previous,
        change=change,
        summary=_summary(scope, current, previous, change),
    )


def _single_row(key: str, label: str, counts: GradeCounts, threshold: int) -> GradeRow:
    row = RawRow(key, label, counts.grades)
    return protect_groups([row], threshold, good_columns=GOOD_OR_BETTER)[key].as_grade_row()


def _hidden(row: GradeRow) -> dict[str, bool]:
    hidden = {f"c{index}": count.is_suppressed for index, count in enumerate(row.grades)}
    return hidden | {"all": row.graded.is_suppressed, "good": row.good_or_better.is_suppressed}


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


def _trend(session: Session, scope: ReportScope, fixed_total: dict[str, bool]) -> GradeTable:
    period = scope.period
    keys = _trend_terms(period)
    window = Period(term_period(keys[0]).start, period.end, "trend")
    counted = counts_by(session, scope.conditions(window), Audit.term_key)
    while len(keys) > 1 and keys[0] not in counted:
        keys.pop(0)  # terms before the first audit say nothing
    rows = []
    for key in keys:
        term = term_period(key)
        label = (
            term.label if term.end <= period.end else f"{term.label} (to {date_text(period.end)})"
        )
        grades = counted[key].grades if key in counted else (0,) * WIDTH
        rows.append(RawRow(key, label, grades))
    groups = []
    first = term_key(period.start)
    if term_period(first).start == period.start:
        # The terms inside the period add up to the headline exactly: protect them as such.
        inside = tuple(key for key in keys if key >= first)
        groups.append(Group("period", period.label, inside, fixed_total))
    safe = protect_groups(
        rows, scope.suppress_below, good_columns=GOOD_OR_BETTER, groups=groups, width=WIDTH
    )
    return GradeTable(
        "term",
        "Term",
        tuple(safe[row.key].as_grade_row() for row in rows),
        None,
        "Whole terms; those before the period are shown for context.",
    )


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


# -- words -------------------------------------------------------------------------------
def definitions(scope: ReportScope, today: date) -> tuple[Definition, ...]:
    statuses = ", ".join(status.label.lower() for status in scope.statuses)
    return tuple(
        Definition(term, meaning)
        for term, meaning in (
            (
                "Audits counted",
                f"Audits dated in the period whose status is {statuses}, "
                "narrowed by the filters listed. Drafts are unfinished and never counted.",
            ),
            (
                "Final grade",
                "The grade agreed at moderation if there was one, otherwise the "
                "auditor's override (which always has a recorded reason), otherwise the grade "
                "AuditDesk suggested from the answers.",
            ),
            (
                "Good or better",
                "A final grade of Outstanding or Good on Ofsted's four-point "
                "scale. Percentages are of audits with a final grade.",
            ),
            (
                "95% interval",
                "The Wilson score interval: where the true percentage probably "
                "lies, given how few or many audits there are. A wide interval means few audits.",
            ),
            (
                "Change since the previous period",
                "The difference in percentage points, with "
                "Newcombe's 95% interval. It is called a clear change only when that interval "
                "does not include zero.",
            ),
            (
                "Previous period",
                "The previous term, quarter or year when the period is one; "
                "otherwise the same number of days immediately before.",
            ),
            (
                "Term",
                "Autumn is September to December, Spring January to March, Summer April to August.",
            ),
            (
                "Section grade",
                "The grade AuditDesk suggests for each top-level section of a "
                "template from its answers, before any moderation.",
            ),
            (
                "Meets the standard",
                "An answer worth 3 or more points: Good or Outstanding, Yes, "
                "Delivered, On track or Exceeding. N/A answers and answers that are recorded but "
                "not graded (such as the child's own view) are not counted.",
            ),
            (
                "Quality area",
                "The quality ideas templates tag their questions with (golden "
                "thread, preparing for adulthood, health input and others). An answer counts in "
                "every area its question is tagged with.",
            ),
            (
                "Provision checks",
                "On setting visits, each Section F provision line (and the "
                "preparing-for-adulthood provision) checked against the evidence for a sampled "
                "child: delivered, partly delivered, not delivered or no evidence.",
            ),
            ("Overdue action", f"An open or in-progress action due before {date_text(today)}."),
            (
                "Moderation agreement",
                "Exact agreement is the share of first and second marker "
                "pairs that match. Weighted kappa (linear weights) allows for agreement by chance "
                "and gives partial credit one grade apart; its bands follow Landis and Koch.",
            ),
            (
                "Comments",
                "Comments are exported as written, except that child references held "
                "in AuditDesk are removed. Names typed into comments cannot be recognised, so "
                "read them before sharing further.",
            ),
            (
                "Rows and privacy",
                "The Audits, Answers and Actions sheets and the appendix carry "
                "no child reference, locality, phase, need or setting, so the small groups hidden "
                "in the figure tables cannot be rebuilt from them.",
            ),
        )
    )


def share_sentence(share: Share) -> str:
    """``63% (95% interval 58–68%)`` or the hidden/no-data mark."""
    if share.value is None:
        return share.text
    return f"{percent_text(share.value)} (95% interval {share.interval_text})"
