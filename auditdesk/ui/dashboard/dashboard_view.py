"""The dashboard: headline figures and charts a Board member would understand, for the
audit list's current filter. The figures are the very ones the Board exports publish
(built once in the services), small counts included as "<5"."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.board_figures import BoardFigures, GradeRow, GradeTable
from auditdesk.exporters.palette import DELIVERY_COLOURS, GRADE_COLOURS, MEASURE
from auditdesk.services.audits import AuditFilter
from auditdesk.services.reports import (
    DashboardFigures,
    keep_dashboard_figures,
    kept_dashboard_figures,
    work_out_dashboard_figures,
)
from auditdesk.ui.accessibility import named
from auditdesk.ui.dashboard.bar_chart import Bar, BarChart
from auditdesk.ui.errors import error_handler
from auditdesk.ui.session import AppSession
from auditdesk.ui.task_runner import TaskScope
from auditdesk.ui.wording import date_time_text

log = logging.getLogger(__name__)

RECOMPUTE_DELAY_MS = 300


class DashboardView(QScrollArea):
    def __init__(
        self,
        session: AppSession,
        tasks: TaskScope,
        show_problem: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        named(self, "Dashboard", "Board figures for the audits the filters select")
        self.session = session
        self.tasks = tasks
        self._handle = error_handler(show_problem)
        self._filter = AuditFilter()
        self._stale = True
        self._asked = 0  # each refresh's number: results for an earlier one are not shown
        self._showing = False  # figures are on show (kept ones may be, while others come)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.setWidgetResizable(True)
        body = QWidget()
        self.layout_ = QVBoxLayout(body)
        self.heading = self._label("What these figures cover", "pageTitle")
        self.scope = self._label("The period and filters behind the figures")
        self.headline = self._label("Headline figures", "pageTitle")
        self.change = self._label("Change since the previous period")
        self.grades = BarChart("Grade distribution")
        self.trend = BarChart("Percentage good or better by term")
        self.themes = BarChart("Percentage meeting the standard by quality area")
        self.agency = self._table("Results by agency", "Audits and % good or better by lead agency")
        self.delivery = BarChart("Setting visits: provision delivery")
        self.action_table = self._table(
            "Actions by owner agency", "Open, in progress and overdue actions"
        )
        self.agreement = self._label("Agreement between first and second markers")
        grid = QGridLayout()
        self._box(grid, 0, 0, "Grade distribution", self.grades)
        self._box(grid, 0, 1, "% good or better, term by term", self.trend)
        self._box(grid, 1, 0, "Quality areas (% meeting the standard)", self.themes)
        self._box(grid, 1, 1, "Setting visits: provision lines", self.delivery)
        self._box(grid, 2, 0, "By agency", self.agency)
        self._box(grid, 2, 1, "Actions (open and overdue)", self.action_table)
        for widget in (self.heading, self.scope, self.headline, self.change):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(grid)
        self.layout_.addWidget(self.agreement)
        self.layout_.addStretch(1)
        self.setWidget(body)
        self.heading.setText("Dashboard")
        self.scope.setText("Working out the figures…")

    # -- following the audit list ------------------------------------------------------------
    def follow(self, audit_filter: AuditFilter) -> None:
        self._filter = audit_filter
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._timer.start(0)

    def refresh(self) -> None:
        """Show the figures kept for the filter at once, and work them out afresh in the
        background only when what they are made from has changed since (or none are kept)."""
        self._stale = False
        self._asked += 1
        asked, audit_filter, ctx = self._asked, self._filter, self.session.ctx
        if not self._showing:
            self.scope.setText("Working out the figures…")
        self.tasks.read(
            lambda: kept_dashboard_figures(ctx, audit_filter),
            lambda kept: self._kept(asked, kept),
            self._handle,
        )

    def _kept(self, asked: int, kept: DashboardFigures | None) -> None:
        if asked != self._asked:
            return  # the filter has moved on; its own figures are on their way
        if kept is not None:
            self._show(kept.figures, out_of_date=not kept.current)
            if kept.current:
                return
        else:
            self.scope.setText("Working out the figures…")
        audit_filter, ctx = self._filter, self.session.ctx
        self.tasks.read(
            lambda: work_out_dashboard_figures(ctx, audit_filter),
            lambda worked: self._worked(asked, audit_filter, worked),
            self._handle,
        )

    def _worked(self, asked: int, audit_filter: AuditFilter, worked: DashboardFigures) -> None:
        if asked == self._asked:
            self._show(worked.figures)
        ctx = self.session.ctx
        # Kept even when the filter has moved on: the work is done, and the person may
        # well come back to it. Not keeping them costs only time, so a failure is noted.
        self.tasks.write(
            lambda: keep_dashboard_figures(ctx, audit_filter, worked),
            lambda _kept: None,
            lambda error: log.warning("the dashboard's figures were not kept: %s", error),
        )

    # -- showing ------------------------------------------------------------------------------
    def _show(self, figures: BoardFigures | None, *, out_of_date: bool = False) -> None:
        self._showing = figures is not None
        if figures is None:
            self.scope.setText(
                "No completed audits match the filters, so there is nothing to show yet. "
                "Complete an audit (Ctrl+Return in the editor), import a bundle (Ctrl+I), "
                "or clear the filters on the Audits tab."
            )
            for chart in (self.grades, self.trend, self.themes, self.delivery):
                chart.show_bars([])
            return
        text_note = " (the text search is not applied here)" if self._filter.text else ""
        # The heading names the period; a period named by its dates alone is not said
        # again beneath it.
        lines = [
            line
            for line in figures.scope
            if (line.label, line.value) != ("Period", figures.period.label)
        ]
        scope = "; ".join(f"{line.label}: {line.value}" for line in lines)
        self.heading.setText(f"{figures.title}: {figures.period.label}")
        old = (
            f"These figures are as of {date_time_text(figures.generated_at)}; audits have "
            "changed since, and the latest figures are being worked out… "
            if out_of_date
            else ""
        )
        self.scope.setText(f"{old}{scope}{text_note}. {figures.suppression_rule}")
        head = figures.headline
        share = head.current.share
        interval = f" (95% interval {share.interval_text})" if share.interval else ""
        self.headline.setText(f"{head.audits.text} audits · {share.text} good or better{interval}")
        self.change.setText(head.summary)
        self._grades(head.current)
        self.trend.show_bars(
            [
                Bar(row.label, row.share.value, row.share.text, MEASURE)
                for row in figures.trend.rows
            ],
            maximum=1.0,
        )
        self.themes.show_bars(
            [Bar(t.label, t.share.value, t.share.text, MEASURE) for t in figures.themes],
            maximum=1.0,
        )
        visits = figures.setting_visits
        self.delivery.show_bars(
            [
                Bar(label, count.shown, count.text, colour)
                for label, count, colour in zip(
                    visits.categories, visits.total.counts, DELIVERY_COLOURS, strict=False
                )
            ]
        )
        self._agency(figures.breakdown("agency"))
        self._actions(figures)
        moderation = figures.moderation
        self.agreement.setText(
            f"Moderation: {moderation.moderations.text} audits second-marked. Overall grades: "
            f"{_agreement(moderation.overall)}. Question ratings: {_agreement(moderation.ratings)}."
            if moderation.moderations.shown != 0
            else "Moderation: no second marking in this period yet."
        )

    def _grades(self, row: GradeRow) -> None:
        shares = row.grade_shares()
        self.grades.show_bars(
            [
                Bar(label, count.shown, f"{count.text} ({share.text})", colour)
                for label, count, share, colour in zip(
                    ("Outstanding", "Good", "Requires improvement", "Inadequate"),
                    row.grades, shares, GRADE_COLOURS, strict=True,
                )
            ]
        )  # fmt: skip

    def _agency(self, table: GradeTable) -> None:
        rows = list(table.rows) + ([table.total] if table.total else [])
        self.agency.setRowCount(len(rows))
        self.agency.setColumnCount(3)
        self.agency.setHorizontalHeaderLabels(["Agency", "Graded audits", "% good or better"])
        for number, row in enumerate(rows):
            for column, value in enumerate((row.label, row.graded.text, row.share.text)):
                self.agency.setItem(number, column, QTableWidgetItem(value))
        self._fit(self.agency)

    def _actions(self, figures: BoardFigures) -> None:
        rows = [*figures.actions.rows, figures.actions.total]
        self.action_table.setRowCount(len(rows))
        self.action_table.setColumnCount(4)
        self.action_table.setHorizontalHeaderLabels(
            ["Owner agency", "Open", "In progress", "Overdue"]
        )
        for number, row in enumerate(rows):
            values = (row.label, str(row.open), str(row.in_progress), str(row.overdue))
            for column, value in enumerate(values):
                self.action_table.setItem(number, column, QTableWidgetItem(value))
        self._fit(self.action_table)

    # -- building blocks ------------------------------------------------------------------------
    def _label(self, name: str, object_name: str = "") -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        if object_name:
            label.setObjectName(object_name)
        return named(label, name, name)

    def _table(self, name: str, description: str) -> QTableWidget:
        table = named(QTableWidget(), name, description)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _fit(self, table: QTableWidget) -> None:
        height = table.horizontalHeader().height() + 4
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height)

    def _box(self, grid: QGridLayout, row: int, column: int, title: str, widget: QWidget) -> None:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(widget)
        grid.addWidget(box, row, column)


def _agreement(figure: Any) -> str:
    if figure.pairs.shown == 0:
        return "no pairs yet"
    if figure.hidden:
        return f"hidden because the numbers are small ({figure.pairs.text} pairs)"
    kappa = "not defined" if figure.kappa is None else f"{figure.kappa:.2f} ({figure.band.lower()})"
    percent = "–" if figure.percent is None else f"{figure.percent:.0f}%"
    return f"{percent} exact agreement over {figure.pairs.text} pairs, weighted kappa {kappa}"
