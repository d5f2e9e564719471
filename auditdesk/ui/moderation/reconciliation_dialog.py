"""Reconciliation: first and second marker side by side, differences highlighted (in
words and colour), then the agreed grades and notes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from auditdesk.domain.agreement import agreement
from auditdesk.domain.grades import GRADES_BEST_FIRST, Grade
from auditdesk.services.moderation import OVERALL, Reconciliation, ReconciliationLine
from auditdesk.ui.accessibility import named
from auditdesk.ui.choices import chosen
from auditdesk.ui.dialogs import FieldProblem, FormDialog
from auditdesk.ui.wording import count

SECTION_CHARACTERS = 22  # "Section A: views, interests" wraps onto two lines


class ReconciliationDialog(FormDialog):
    def __init__(self, result: Reconciliation, parent: QWidget | None = None) -> None:
        differing = sum(1 for line in result.lines if line.differs)
        super().__init__(
            f"Reconcile {result.audit_reference}",
            f"{differing} of {count(len(result.lines), 'rating')} differ between the markers. "
            "Agree the grades and record why.",
            "&Record agreement",
            parent,
        )
        self.reconciliation = result
        self.figures = QLabel(agreement_words(result.lines, differing))
        self.figures.setWordWrap(True)
        named(self.figures, "Agreement on this audit", self.figures.text())
        self.form.addRow(self.figures)
        self.lines = self._lines_table()
        self.form.addRow(self.lines)
        self.grades = self._grades_table()
        self.form.addRow(self.with_problem(self.grades))  # what is missing is said under it
        self.notes = named(
            QPlainTextEdit(result.notes),
            "Moderation notes",
            "What was discussed and why the agreed grades were chosen",
        )
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 14)
        self.add_row("&Notes:", self.notes)
        if result.status == "agreed":
            self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(False)
            self.intro.setText(self.intro.text() + " This moderation is already agreed.")
        self.resize(1000, 760)

    def _lines_table(self) -> QTableWidget:
        rows = self.reconciliation.lines
        table = named(
            QTableWidget(len(rows), 5),
            "Ratings side by side",
            "Each question with the first and second marker's rating; rows that differ say DIFFERS",
        )
        table.setHorizontalHeaderLabels(
            ["Section", "Question", "First marker", "Second marker", "Same?"]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        bold = QFont(self.font())
        bold.setBold(True)
        for row, line in enumerate(rows):
            where = line.section_title + (f" › {line.block_label}" if line.block_label else "")
            values = [
                where,
                line.prompt,
                line.first_label,
                line.second_label,
                "DIFFERS" if line.differs else "same",
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if line.differs:
                    item.setBackground(QBrush(QColor("#fff4ce")))
                    item.setForeground(QBrush(QColor("#000000")))
                    item.setFont(bold)
                item.setToolTip(value)
                table.setItem(row, column, item)
        # Every question, section and rating read whole: the text wraps and each row is as
        # tall as its longest cell (47 questions cost nothing to measure).
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = table.horizontalHeader()
        char = table.fontMetrics().averageCharWidth()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, char * SECTION_CHARACTERS)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Rows are measured again once the columns have their widths (after the dialog is
        # laid out, and whenever a column or the dialog is resized), never before.
        fit = QTimer(table)
        fit.setSingleShot(True)
        fit.setInterval(0)
        fit.timeout.connect(table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: fit.start())
        header.geometriesChanged.connect(fit.start)
        fit.start()
        table.setMinimumHeight(260)
        return table

    def _grades_table(self) -> QTableWidget:
        rows = self.reconciliation.grades
        table = named(
            QTableWidget(len(rows), 4),
            "Grades to agree",
            "First, second and agreed grade for the audit overall and each section",
        )
        table.setHorizontalHeaderLabels(["Scope", "First marker", "Second marker", "Agreed"])
        table.setTabKeyNavigation(False)
        self.agreed: dict[str, QComboBox] = {}
        for row, scope in enumerate(rows):
            for column, value in enumerate(
                (scope.title, _label(scope.first), _label(scope.second))
            ):
                table.setItem(row, column, QTableWidgetItem(value))
            combo = named(
                QComboBox(),
                f"Agreed grade for {scope.title}",
                f"The grade both markers agree for {scope.title}",
            )
            combo.addItem("—", None)
            for grade in GRADES_BEST_FIRST:
                combo.addItem(grade.label, grade)
            default = scope.agreed or (scope.first if scope.first == scope.second else None)
            if default is not None:
                combo.setCurrentIndex(combo.findData(default))
            table.setCellWidget(row, 3, combo)
            self.agreed[scope.scope] = combo
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setMinimumHeight(180)
        return table

    def agreed_grades(self) -> dict[str, Grade]:
        agreed: dict[str, Grade] = {}
        for scope, combo in self.agreed.items():
            value = chosen(combo, Grade)
            if value is not None:
                agreed[scope] = value
        return agreed

    @property
    def notes_text(self) -> str:
        return self.notes.toPlainText().strip()

    def problems(self) -> list[FieldProblem]:
        if OVERALL not in self.agreed_grades():
            return [
                FieldProblem(
                    self.agreed[OVERALL], "Choose the agreed overall grade.", near=self.grades
                )
            ]
        return []


def _label(grade: Grade | None) -> str:
    return grade.label if grade else "—"


def agreement_words(lines: Sequence[ReconciliationLine], differing: int) -> str:
    """The agreement figures, with why they count fewer ratings than the comparison when
    they do: a rating of N/A (or none, or one that scores no points) on either side has
    no points to compare, so it is left out of the percentage and kappa, though it may
    still differ."""
    scored = [line for line in lines if None not in (line.first_points, line.second_points)]
    figures = agreement([(line.first_points or 0, line.second_points or 0) for line in scored])
    said = (
        f"Agreement on this audit, over the {count(len(scored), 'rating')} both markers "
        f"scored: {figures.describe()}."
    )
    left_out = [line for line in lines if line not in scored]
    if not left_out:
        return said
    reasons = " or ".join(sorted({_why_left_out(line) for line in left_out}))
    one = len(left_out) == 1
    said += (
        f" {count(len(left_out), 'other rating')} {'is' if one else 'are'} left out of these "
        f"figures ({reasons}), as there are no points to compare"
    )
    also = sum(1 for line in left_out if line.differs)
    if also and one:
        said += f"; it is among the {differing:,} that differ"
    elif also:
        verb = "is" if also == 1 else "are"
        said += f"; {also:,} of them {verb} among the {differing:,} that differ"
    return said + "."


def _why_left_out(line: ReconciliationLine) -> str:
    labels = (line.first_label, line.second_label)
    if "N/A" in labels:
        return "N/A from both markers" if labels == ("N/A", "N/A") else "N/A from one marker"
    if line.first is None or line.second is None:
        return "not rated by one marker"
    return "a rating that scores no points"
