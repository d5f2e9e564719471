"""The Moderation tab: draw a stratified sample, assign second markers (to several audits
at once), mark blind, reconcile, and see how well markers agree."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.errors import UserError
from auditdesk.services.kernel import TemplateSummary
from auditdesk.services.moderation import _moderation as moderation
from auditdesk.services.moderation._moderation import ModerationRow
from auditdesk.services.reports import AgreementReport, agreement_report
from auditdesk.ui.accessibility import named
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.errors import error_handler
from auditdesk.ui.filter_bar import recent_periods
from auditdesk.ui.flow_layout import FlowLayout
from auditdesk.ui.moderation.assign_dialog import AssignMarkerDialog
from auditdesk.ui.moderation.blind_marking_window import BlindMarkingWindow
from auditdesk.ui.moderation.reconciliation_dialog import ReconciliationDialog
from auditdesk.ui.moderation.sample_table import SampleTable
from auditdesk.ui.session import AppSession
from auditdesk.ui.task_runner import TaskScope
from auditdesk.ui.view_actions import ViewActions

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
        self._marking: dict[str, BlindMarkingWindow] = {}  # open blind marking, by moderation
        self.view_actions = view_actions
        self._select_after_load: set[str] = set()
        self.show_info = show_info
        self.show_problem = show_problem or show_info
        self._handle = error_handler(self.show_problem)
        self._sample_controls(session, templates)
        self.table = SampleTable(HEADINGS)
        self.table.activated.connect(self._activated)
        self.assign = named(
            QPushButton("Assign second mar&ker…"),
            "Assign second marker",
            "Chooses who second-marks the selected audits (select several with Shift or Ctrl)",
        )
        self.assign.clicked.connect(self._assign)
        self.mark = named(
            QPushButton("Second &mark…"),
            "Second mark",
            "Opens the selected audit for blind second marking",
        )
        self.mark.clicked.connect(self._mark)
        self.reconcile = named(
            QPushButton("&Reconcile…"),
            "Reconcile",
            "Compares both markers and records the agreed grades",
        )
        self.reconcile.clicked.connect(self._reconcile)
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
        ctx = self.session.ctx
        self.tasks.read(
            lambda: (moderation.list_moderations(ctx), agreement_report(ctx)),
            lambda result: self._show(*result),
            self._handle,
        )

    def _show(self, rows: list[ModerationRow], report: AgreementReport) -> None:
        wanted = self._select_after_load or {row.uuid for row in self._selected_rows()}
        self._select_after_load = set()
        self.rows = sorted(
            rows, key=lambda r: (list(STATUS_WORDS).index(r.status), r.audit_reference)
        )
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            values = (
                row.audit_reference,
                row.template_title,
                _grade(row.first_grade),
                row.second_marker or "—",
                STATUS_WORDS[row.status],
                _grade(row.second_grade),
                _grade(row.agreed_grade),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.uuid)
                self.table.setItem(number, column, item)
        self._select(wanted)
        overall, ratings = report.overall_grades, report.ratings
        self.agreement.setText(
            f"Agreement across {report.moderations:,} moderated "
            f"audit{'s' if report.moderations != 1 else ''} — overall grades: "
            f"{overall.describe()}. Question ratings: {ratings.describe()}."
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
        self.table.setCurrentCell(positions[0], 0)
        selection = self.table.selectionModel()
        for position in positions:
            selection.select(
                self.table.model().index(position, 0),
                selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
            )
        self.table.scrollTo(self.table.model().index(positions[0], 0))

    def _selected(self) -> ModerationRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selected_rows(self) -> list[ModerationRow]:
        chosen = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        rows = [self.rows[i] for i in chosen if 0 <= i < len(self.rows)]
        current = self._selected()
        return rows or ([current] if current is not None else [])

    def _activated(self, index: QModelIndex) -> None:
        row = self._selected()
        if row is None:
            return
        if row.status == "drawn":
            self._assign()
        elif row.status == "assigned":
            self._mark()
        else:
            self._reconcile()

    def _draw(self) -> None:
        period = self.period.currentData()
        template = self.template.currentData()
        percentage = self.percentage.value()
        self.tasks.write(
            lambda: moderation.draw_sample(
                self.session.ctx,
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
        self._handle(error)
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
        self._select_after_load = {row.uuid for row in sample.drawn}
        self.reload()
        self.changed.emit()

    def _assign(self) -> None:
        rows = [r for r in self._selected_rows() if r.status in ("drawn", "assigned")]
        if not rows:
            self.show_info(
                "Choose audits that are drawn or with a second marker; "
                "submitted ones cannot change marker."
                if self.rows
                else "Draw a sample first."
            )
            return
        ctx, uuids = self.session.ctx, [r.uuid for r in rows]
        references = [r.audit_reference for r in rows]
        self.tasks.read(
            lambda: moderation.second_marker_choices(ctx, uuids),
            lambda people: self._choose_marker(uuids, references, people),
            self._handle,
        )

    def _choose_marker(
        self, uuids: list[str], references: list[str], people: list[moderation.MarkerChoice]
    ) -> None:
        if not any(person.can_mark_all for person in people):
            self.show_problem(
                f"Nobody here can second-mark all {len(uuids):,} chosen audits: each person "
                "worked on at least one of them. Choose fewer audits."
                if len(uuids) > 1
                else f"Nobody here can second-mark audit {references[0]}: everyone worked on it."
            )
            return
        dialog = AssignMarkerDialog(references, people, self.window())

        def chosen() -> None:
            person = dialog.person
            if person is not None:
                self._assign_to(uuids, person)

        self.dialogs.ask(dialog, chosen)

    def _assign_to(self, uuids: list[str], person: moderation.MarkerChoice) -> None:
        ctx = self.session.ctx

        def assigned(rows: tuple[ModerationRow, ...]) -> None:
            count = len(rows)
            plural = "s" if count != 1 else ""
            self.show_info(f"{person.name} will second-mark {count:,} audit{plural}.")
            self._select_after_load = set(uuids)
            self.reload()

        def refused(error: BaseException) -> None:
            # All or nothing, either way the list shows what the database now holds.
            self._handle(error)
            self._select_after_load = set(uuids)
            self.reload()

        self.tasks.write(
            lambda: moderation.assign_second_marker_to(ctx, uuids, person.uuid), assigned, refused
        )

    def _mark(self) -> None:
        row = self._selected()
        if row is None:
            return
        if row.status != "assigned":
            self.show_info(
                "Assign a second marker first."
                if row.status == "drawn"
                else "Second marking for this audit is already submitted."
            )
            return
        open_already = self._marking.get(row.uuid)
        if open_already is not None and shiboken6.isValid(open_already):
            # One marking window per audit: a second would show ratings already changed.
            open_already.raise_()
            open_already.activateWindow()
            return
        ctx = self.session.ctx
        # Read in the write lane: ratings still being saved from a window just closed
        # are in what the marker sees.
        self.tasks.write(
            lambda: moderation.blind_view(ctx, row.uuid), self._open_blind, self._handle
        )

    def _open_blind(self, view: moderation.BlindAudit) -> None:
        uuid = view.moderation_uuid
        open_already = self._marking.get(uuid)
        if open_already is not None and shiboken6.isValid(open_already):
            open_already.raise_()  # asked twice before the first one opened
            return
        window = BlindMarkingWindow(
            self.session, view, self.dialogs, self.view_actions, self.window()
        )
        self._marking[uuid] = window
        window.submitted.connect(lambda _uuid: self._after_submit(uuid))

        def closed(_accepted: bool) -> None:
            self._marking.pop(uuid, None)
            self.reload()

        self.dialogs.ask(window, on_finished=closed)

    def _after_submit(self, moderation_uuid: str) -> None:
        self.reload()
        self.changed.emit()
        self._open_reconciliation(moderation_uuid)

    def _reconcile(self) -> None:
        row = self._selected()
        if row is None:
            return
        if row.status not in ("submitted", "agreed"):
            self.show_info("Reconciliation opens once the second marker has submitted.")
            return
        self._open_reconciliation(row.uuid)

    def _open_reconciliation(self, moderation_uuid: str) -> None:
        try:
            result = moderation.reconciliation(self.session.ctx, moderation_uuid)
        except Exception as error:
            self._handle(error)
            return
        dialog = ReconciliationDialog(result, self.window())

        def agreed() -> None:
            grades, notes = dialog.agreed_grades(), dialog.notes_text
            self.tasks.write(
                lambda: moderation.agree(self.session.ctx, moderation_uuid, grades, notes),
                lambda _r: self._agreed(),
                self._handle,
            )

        self.dialogs.ask(dialog, agreed)

    def _agreed(self) -> None:
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


def _grade(grade: object) -> str:
    label = getattr(grade, "label", None)
    return str(label) if label else "—"
