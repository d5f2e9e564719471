"""The Moderation tab: draw a stratified sample, assign second markers (to several audits
at once), mark blind, reconcile, and see how well markers agree. The tab lays out the
sample and its list and draws samples; what follows for the audits chosen in it
(assigning, marking, reconciling) is in :mod:`auditdesk.ui.moderation.moderation_steps`."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditdesk.errors import UserError
from auditdesk.services import moderation
from auditdesk.services.kernel import TemplateSummary
from auditdesk.services.moderation import ModerationRow
from auditdesk.services.reports import (
    AgreementReport,
    ModerationAgreement,
    keep_agreement,
    kept_agreement,
    work_out_agreement,
)
from auditdesk.ui.accessibility import named
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.errors import error_handler
from auditdesk.ui.flow_layout import FlowLayout
from auditdesk.ui.moderation.moderation_steps import ModerationSteps
from auditdesk.ui.moderation.sample_table import SampleTable
from auditdesk.ui.period_choices import recent_periods
from auditdesk.ui.session import AppSession
from auditdesk.ui.task_runner import TaskScope
from auditdesk.ui.view_actions import ViewActions

log = logging.getLogger(__name__)

STATUS_WORDS = {
    "drawn": "Drawn: needs a second marker",
    "assigned": "With the second marker",
    "submitted": "Ready to reconcile",
    "agreed": "Agreed",
}
HEADINGS = ("Audit", "Template", "First grade", "Second marker", "Stage", "Second grade", "Agreed")


class ModerationView(QWidget):
    changed = Signal()

    def __init__(
        self,
        session: AppSession,
        tasks: TaskScope,
        dialogs: DialogService,
        templates: list[TemplateSummary],
        show_info: Any,
        *,
        show_problem: Any = None,
        view_actions: ViewActions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``show_info`` tells the person how things went; ``show_problem`` (``show_info``
        if not given) says what was refused and why."""
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.dialogs = dialogs
        self.view_actions = view_actions
        self.select_after_load: set[str] = set()
        self.show_info = show_info
        self.show_problem = show_problem or show_info
        self.handle_error = error_handler(self.show_problem)
        self.steps = ModerationSteps(self)
        self._sample_controls(session, templates)
        self.table = SampleTable(HEADINGS, _cells, key=lambda row: row.uuid)
        self.table.activated.connect(self._activated)
        self.assign = named(
            QPushButton("Assign second mar&ker…"),
            "Assign second marker",
            "Chooses who second-marks the selected audits (select several with Shift or Ctrl)",
        )
        self.assign.clicked.connect(self.steps.assign)
        self.mark = named(
            QPushButton("Second &mark…"),
            "Second mark",
            "Opens the selected audit for blind second marking",
        )
        self.mark.clicked.connect(self.steps.mark)
        self.reconcile = named(
            QPushButton("&Reconcile…"),
            "Reconcile",
            "Compares both markers and records the agreed grades",
        )
        self.reconcile.clicked.connect(self.steps.reconcile)
        self.agreement = QLabel()
        self.agreement.setWordWrap(True)
        named(self.agreement, "Agreement between markers", "Percent agreement and weighted kappa")
        # The sample's settings flow onto a second line at large text sizes.
        top = FlowLayout()
        for text, widget in (
            ("Sample si&ze:", self.percentage),
            ("P&eriod:", self.period),
            ("&Template:", self.template),
        ):
            top.addWidget(_labelled(text, widget))
        top.addWidget(self.draw)
        buttons = QHBoxLayout()
        for button in (self.assign, self.mark, self.reconcile):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.agreement)
        self.rows: list[ModerationRow] = []
        self.report: AgreementReport | None = None
        self.report_current = True
        self._asked = 0  # readings asked for: only the newest is shown

    def _sample_controls(self, session: AppSession, templates: list[TemplateSummary]) -> None:
        self.percentage = named(
            QDoubleSpinBox(),
            "Sample size",
            "Percentage of completed audits to draw, from each template and grade",
        )
        self.percentage.setRange(1, 100)
        self.percentage.setValue(10)
        self.percentage.setSuffix(" %")
        self.period = named(
            QComboBox(), "Sample period", "Draw from audits carried out in this period"
        )
        self.period.addItem("Any time", None)
        for period in recent_periods(session.ctx.today()):
            self.period.addItem(period.label, period)
        self.template = named(
            QComboBox(), "Sample template", "Draw only from this template's audits"
        )
        # As wide as a short title; the list shows every title whole when it opens.
        self.template.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template.setMinimumContentsLength(24)
        self.set_templates(templates)
        self.draw = named(
            QPushButton("&Draw sample"),
            "Draw sample",
            "Draws a sample stratified by template and grade for second marking",
        )
        self.draw.clicked.connect(self._draw)

    def set_templates(self, templates: list[TemplateSummary]) -> None:
        kept = self.template.currentData()
        self.template.blockSignals(True)
        self.template.clear()
        self.template.addItem("Every template", None)
        for template in templates:
            self.template.addItem(template.title, template.template_id)
        self.template.setCurrentIndex(max(0, self.template.findData(kept)))
        self.template.blockSignals(False)

    def reload(self) -> None:
        """Read the list and the agreement figures side by side (two reads): the list,
        quick, is shown and usable while the figures, which weigh every rating pair, are
        still being worked out."""
        ctx = self.session.ctx
        self._asked += 1
        asked = self._asked
        self.tasks.read(
            lambda: moderation.list_moderations(ctx),
            lambda rows: self._show(asked, rows),
            self.handle_error,
        )
        self.tasks.read(
            lambda: kept_agreement(ctx),
            lambda kept: self._kept_agreement(asked, kept),
            self.handle_error,
        )

    def _show(self, asked: int, rows: list[ModerationRow]) -> None:
        if asked != self._asked:  # a newer reading is on its way
            return
        wanted = self.select_after_load or {row.uuid for row in self.selected_rows()}
        self.select_after_load = set()
        self.rows = sorted(
            rows, key=lambda r: (list(STATUS_WORDS).index(r.status), r.audit_reference)
        )
        self.table.refill(self.rows)
        self._select(wanted)
        self._say_agreement()

    def _kept_agreement(self, asked: int, kept: ModerationAgreement | None) -> None:
        """The report kept from last time, shown at once; worked out again (weighing every
        rating pair) only when something has changed since."""
        if asked != self._asked:
            return
        if kept is not None:
            self._show_agreement(asked, kept.report, current=kept.current)
            if kept.current:
                return
        ctx = self.session.ctx
        self.tasks.read(
            lambda: work_out_agreement(ctx),
            lambda worked: self._worked_agreement(asked, worked),
            self.handle_error,
        )

    def _worked_agreement(self, asked: int, worked: ModerationAgreement) -> None:
        self._show_agreement(asked, worked.report, current=True)
        ctx = self.session.ctx
        # Not keeping it costs only time next time, so a failure is noted, not shown.
        self.tasks.write(
            lambda: keep_agreement(ctx, worked),
            lambda _kept: None,
            lambda error: log.warning("the agreement report was not kept: %s", error),
        )

    def _show_agreement(self, asked: int, report: AgreementReport, *, current: bool) -> None:
        if asked != self._asked:
            return
        self.report, self.report_current = report, current
        self._say_agreement()

    def _say_agreement(self) -> None:
        """The figures, said again when the list arrives: with none yet, what is said
        depends on whether anything is drawn."""
        report = self.report
        if report is None:
            return
        overall, ratings = report.overall_grades, report.ratings
        updating = "" if self.report_current else " (bringing these up to date…)"
        self.agreement.setText(
            f"Agreement across {report.moderations:,} moderated "
            f"audit{'s' if report.moderations != 1 else ''} — overall grades: "
            f"{overall.describe()}. Question ratings: {ratings.describe()}.{updating}"
            if report.moderations
            else "No moderation submitted yet: agreement figures appear once second markers submit."
            if self.rows
            else "Nothing drawn for moderation yet. Choose a sample size and press Draw sample "
            "(Alt+D): completed audits are drawn from each template and grade."
        )

    def _select(self, uuids: set[str]) -> None:
        """Select these rows (or the first) and bring the first of them into view."""
        if not self.rows:
            return
        positions = [i for i, r in enumerate(self.rows) if r.uuid in uuids] or [0]
        self.table.clearSelection()
        self.table.setCurrentIndex(self.table.cell(positions[0]))
        selection = self.table.selectionModel()
        for position in positions:
            selection.select(
                self.table.cell(position),
                selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
            )
        self.table.scrollTo(self.table.cell(positions[0]))

    def selected(self) -> ModerationRow | None:
        row = self.table.current_row()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def selected_rows(self) -> list[ModerationRow]:
        chosen = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        rows = [self.rows[i] for i in chosen if 0 <= i < len(self.rows)]
        current = self.selected()
        return rows or ([current] if current is not None else [])

    def _activated(self, index: QModelIndex) -> None:
        row = self.selected()
        if row is None:
            return
        if row.status == "drawn":
            self.steps.assign()
        elif row.status == "assigned":
            self.steps.mark()
        else:
            self.steps.reconcile()

    def _draw(self) -> None:
        period = self.period.currentData()
        template = self.template.currentData()
        percentage = self.percentage.value()
        ctx = self.session.ctx
        self.tasks.write(
            lambda: moderation.draw_sample(
                ctx,
                percentage=percentage,
                period_from=period.start if period else None,
                period_to=period.end if period else None,
                template_ids=(template,) if template else (),
            ),
            self._drawn,
            self._draw_refused,
        )

    def _draw_refused(self, error: BaseException) -> None:
        """Say why (nothing waiting in that period, say), with the keyboard on the period:
        where it is put right."""
        self.handle_error(error)
        if isinstance(error, UserError):
            self.period.setFocus(Qt.FocusReason.OtherFocusReason)

    def _drawn(self, sample: moderation.SampleResult) -> None:
        drawn = len(sample.drawn)
        self.show_info(
            f"Drew {drawn:,} of {sample.eligible:,} completed audit"
            f"{'s' if sample.eligible != 1 else ''} "
            f"({sample.percentage:g}% of each template and grade, at least one from each)."
            + (" The new audits are selected: assign their second marker next." if drawn else "")
        )
        self.select_after_load = {row.uuid for row in sample.drawn}
        self.reload()
        self.changed.emit()


def _labelled(text: str, widget: QWidget) -> QWidget:
    """A label and its control, kept together when a row flows onto more lines."""
    pair = QWidget()
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    label = QLabel(text)
    label.setBuddy(widget)
    row.addWidget(label)
    row.addWidget(widget)
    return pair


def _cells(row: ModerationRow) -> tuple[str, ...]:
    return (
        row.audit_reference,
        row.template_title,
        _grade(row.first_grade),
        row.second_marker or "—",
        STATUS_WORDS[row.status],
        _grade(row.second_grade),
        _grade(row.agreed_grade),
    )


def _grade(grade: object) -> str:
    label = getattr(grade, "label", None)
    return str(label) if label else "—"
