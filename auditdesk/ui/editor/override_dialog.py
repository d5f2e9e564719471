"""Overriding the overall grade by professional judgement, with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from auditdesk.domain.grades import GRADES_BEST_FIRST, Grade
from auditdesk.domain.validation import MIN_REASON_LENGTH
from auditdesk.ui.accessibility import named
from auditdesk.ui.choices import chosen
from auditdesk.ui.dialogs import FieldProblem, FormDialog
from auditdesk.ui.form_fields import reason_box


class OverrideDialog(FormDialog):
    """Override the overall grade by professional judgement, or go back to the suggestion."""

    def __init__(
        self, suggested: Grade | None, current: Grade | None, parent: QWidget | None
    ) -> None:
        suggestion = suggested.label if suggested else "none yet"
        super().__init__(
            "Override the overall grade",
            f"The suggested grade is {suggestion}. Choose the grade your professional "
            "judgement gives, and say why.",
            "&Override",
            parent,
        )
        self.grade = named(
            QComboBox(), "Overall grade", "The grade to record instead of the suggestion"
        )
        self.grade.addItem("Use the suggested grade", None)
        for grade in GRADES_BEST_FIRST:
            self.grade.addItem(grade.label, grade)
        if current is not None:
            self.grade.setCurrentIndex(self.grade.findData(current))
        self.reason = reason_box("Reason", "Why, in a sentence; kept in the change trail")
        self.add_row("&Grade:", self.grade)
        self.add_row("&Reason:", self.reason)

    @property
    def chosen(self) -> Grade | None:
        return chosen(self.grade, Grade)

    @property
    def text(self) -> str:
        return self.reason.toPlainText().strip()

    def problems(self) -> list[FieldProblem]:
        if len(" ".join(self.text.split())) < MIN_REASON_LENGTH:
            return [
                FieldProblem(
                    self.reason, f"Give a reason of at least {MIN_REASON_LENGTH} characters."
                )
            ]
        return []
