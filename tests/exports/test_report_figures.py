"""Board figures (the dashboard's, the workbook's and the pack's) against independent
answers from the database file, and the scope and period rules behind them."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from auditdesk.domain.periods import Period, parse_period
from auditdesk.domain.reference import Phase
from auditdesk.domain.template_loader import shipped_templates
from auditdesk.domain.template_model import Theme
from auditdesk.errors import InvalidInput
from auditdesk.services.audits._listing import AuditFilter
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.reports._figures import BoardFigures, board_figures
from auditdesk.services.reports._scope import ReportScope, period_between, previous_period
from tests.exports.conftest import sql

PERIOD = parse_period("2025/26")
WHERE = (
    "a.audit_date BETWEEN '2025-09-01' AND '2026-08-31' "
    "AND a.status IN ('completed', 'moderated', 'signed_off')"
)


@pytest.fixture(scope="module")
def figures(demo_path: Path) -> BoardFigures:
    from tests.exports.conftest import demo_context

    with demo_context(demo_path) as ctx:
        return board_figures(ctx, ReportScope(PERIOD, suppress_below=0))


def test_previous_period_follows_the_kind_of_period() -> None:
    cases = {
        "Autumn 2025": ("Summer 2025", date(2025, 4, 1), date(2025, 8, 31)),
        "Spring 2026": ("Autumn 2025", date(2025, 9, 1), date(2025, 12, 31)),
        "2025/26 Q1": ("2024/25 Q4", date(2025, 1, 1), date(2025, 3, 31)),
        "2025/26": ("2024/25", date(2024, 9, 1), date(2025, 8, 31)),
        "2025": ("2024", date(2024, 1, 1), date(2024, 12, 31)),
    }
    for text, (label, start, end) in cases.items():
        before = previous_period(parse_period(text))
        assert (before.label, before.start, before.end) == (label, start, end), text
    custom = previous_period(period_between(date(2026, 3, 10), date(2026, 3, 19)))
    assert (custom.start, custom.end) == (date(2026, 2, 28), date(2026, 3, 9))
    assert custom.label == "28 February 2026 to 9 March 2026"


def test_dates_that_make_a_term_or_quarter_are_named_so() -> None:
    assert period_between(date(2025, 9, 1), date(2025, 12, 31)).label == "Autumn 2025"
    assert period_between(date(2025, 7, 1), date(2025, 9, 30)).label == "2025/26 Q2"
    assert period_between(date(2025, 9, 1), date(2026, 8, 31)).label == "2025/26"
    assert period_between(date(2025, 9, 2), date(2025, 12, 31)).label == (
        "2 September 2025 to 31 December 2025"
    )


def test_a_scope_refuses_what_a_board_export_must_not_do() -> None:
    with pytest.raises(InvalidInput, match="text search"):
        ReportScope(PERIOD, AuditFilter(text="CE-10442"))
    with pytest.raises(InvalidInput, match="from 0 to 100"):
        ReportScope(PERIOD, suppress_below=-1)
    with pytest.raises(InvalidInput, match="after it ends"):
        ReportScope(Period(date(2026, 1, 2), date(2026, 1, 1), "backwards"))
    assert [s.value for s in ReportScope(PERIOD).statuses] == [
        "completed",
        "moderated",
        "signed_off",
    ]


def test_headline_and_phase_breakdown_equal_the_database(
    figures: BoardFigures, demo_path: Path
) -> None:
    (audits,) = sql(demo_path, f"SELECT count(*) FROM audits a WHERE {WHERE}")[0]
    assert figures.headline.audits.shown == audits
    phase = figures.breakdown("phase")
    expected = dict(
        sql(
            demo_path,
            f"SELECT coalesce(phase, ''), count(*) FROM audits a WHERE {WHERE} "
            "AND final_grade IS NOT NULL GROUP BY 1",
        )
    )
    shown = {row.key: row.graded.shown for row in phase.rows}
    assert shown == expected
    order = [row.key for row in phase.rows]
    assert order == [p.value for p in Phase if p.value in expected] + [""]
    assert phase.rows[-1].label == "Setting visits (no single child)"
    assert phase.total is not None
    assert phase.total.graded.shown == sum(expected.values())


def test_trend_terms_end_with_the_period(figures: BoardFigures, demo_path: Path) -> None:
    labels = [row.label for row in figures.trend.rows]
    assert labels[-3:] == ["Autumn 2025", "Spring 2026", "Summer 2026"]
    for row in figures.trend.rows:
        (graded,) = sql(
            demo_path,
            "SELECT count(*) FROM audits a WHERE a.term_key = ? AND final_grade IS NOT NULL "
            "AND a.status != 'draft' AND a.audit_date <= '2026-08-31'",
            row.key,
        )[0]
        assert row.graded.shown == graded, row.label


def test_quality_areas_equal_an_independent_count(figures: BoardFigures, demo_path: Path) -> None:
    points: dict[str, dict[str, int | None]] = {}
    themed: dict[str, set[Theme]] = defaultdict(set)
    for loaded in shipped_templates():
        template = loaded.template
        for _section, question in template.questions():
            if question.scale:
                scale = template.scale(question.scale)
                points[question.id] = {o.code: o.points for o in scale.options}
                themed[question.id] |= set(question.themes)
    rated = meeting = 0
    for question_id, rating, number in sql(
        demo_path,
        f"SELECT q.question_id, q.rating, count(*) FROM answers q JOIN audits a "
        f"ON a.id = q.audit_id WHERE {WHERE} AND q.rating IS NOT NULL GROUP BY 1, 2",
    ):
        value = points.get(question_id, {}).get(rating)
        if value is not None and Theme.PFA in themed[question_id]:
            rated += number
            meeting += number if value >= 3 else 0
    assert rated > 100
    pfa = figures.theme("pfa")
    assert (pfa.rated.shown, pfa.meeting.shown) == (rated, meeting)
    assert pfa.share.value == pytest.approx(meeting / rated)
    assert sum(part.rated.shown or 0 for part in pfa.by_template) == rated


def test_setting_visits_actions_highlights_and_moderation_equal_the_database(
    figures: BoardFigures, demo_path: Path
) -> None:
    visits = figures.setting_visits
    (count, settings) = sql(
        demo_path,
        f"SELECT count(*), count(DISTINCT setting_id) FROM audits a WHERE {WHERE} "
        "AND template_id = 'setting-visit'",
    )[0]
    assert (visits.visits.shown, visits.settings.shown) == (count, settings)
    checks = dict(
        sql(
            demo_path,
            "SELECT q.rating, count(*) FROM answers q JOIN audits a ON a.id = "
            f"q.audit_id WHERE {WHERE} AND q.question_id IN ('child.provision_delivered',"
            " 'child.pfa_provision') GROUP BY 1",
        )
    )
    totals = [c.shown for c in visits.total.counts]
    assert totals == [
        checks.get(code, 0) for code in ("delivered", "partly", "not_delivered", "no_evidence")
    ]

    overdue = dict(
        sql(
            demo_path,
            "SELECT t.owner_agency, sum(t.status IN ('open', 'in_progress') "
            "AND t.due_date < '2026-11-20') FROM actions t JOIN audits a ON a.id = "
            f"t.audit_id WHERE {WHERE} GROUP BY 1",
        )
    )
    assert {row.key: row.overdue for row in figures.actions.rows} == overdue

    top = figures.highlights.needs_improvement[0]
    (text, times) = sql(
        demo_path,
        "SELECT q.comment, count(*) FROM answers q JOIN audits a ON a.id = "
        f"q.audit_id WHERE {WHERE} AND q.board_highlight = 'needs_improvement' "
        "GROUP BY 1 ORDER BY 2 DESC, max(a.audit_date) DESC, 1 LIMIT 1",
    )[0]
    assert (top.text, top.marked.shown) == (text, times)

    (moderated,) = sql(
        demo_path,
        "SELECT count(*) FROM moderations m JOIN audits a ON a.id = m.audit_id "
        "WHERE m.status IN ('submitted', 'agreed') AND a.audit_date "
        "BETWEEN '2025-09-01' AND '2026-08-31'",
    )[0]
    assert figures.moderation.moderations.shown == moderated


def test_filters_narrow_every_figure(demo_ctx: ServiceContext, demo_path: Path) -> None:
    scope = ReportScope(PERIOD, AuditFilter(localities=("Crewe",)), suppress_below=0)
    narrowed = board_figures(demo_ctx, scope)
    (crewe,) = sql(
        demo_path, f"SELECT count(*) FROM audits a WHERE {WHERE} AND locality = 'Crewe'"
    )[0]
    assert narrowed.headline.audits.shown == crewe
    assert [row.key for row in narrowed.breakdown("locality").rows] == ["Crewe"]
    assert ("Localities", "Crewe") in [(line.label, line.value) for line in narrowed.scope]
