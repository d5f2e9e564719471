"""Asking why, for something the change trail must explain (reopening an audit)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from auditdesk.domain.validation import MIN_REASON_LENGTH
from auditdesk.ui.dialogs import FieldProblem, FormDialog
from auditdesk.ui.form_fields import reason_box


class ReasonDialog(FormDialog):
    """A reason for something the trail must explain (reopening an audit)."""

    def __init__(self, title: str, description: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(title, description, ok_text, parent)
        self.reason = reason_box("Reason", "Why, in a sentence; kept in the change trail")
        self.add_row("&Why:", self.reason)

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
