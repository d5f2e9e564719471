"""Adding a sampled child to an audit, by their pseudonymous reference only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from auditdesk.ui.accessibility import named
from auditdesk.ui.dialogs import FieldProblem, FormDialog
from auditdesk.ui.form_fields import need_combo, reference_problem, year_group_combo


class SampledChildDialog(FormDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(
            "Add a sampled child",
            "The child's local pseudonymous reference only, never their name.",
            "&Add child",
            parent,
        )
        self.reference = named(
            QLineEdit(), "Child reference", "The pseudonymous reference, e.g. CE-10423"
        )
        self.reference.setPlaceholderText("e.g. CE-10423")
        self.year = year_group_combo()
        self.need = need_combo()
        self.add_row("&Reference:", self.reference)
        self.add_row("&Year group:", self.year)
        self.add_row("Primary &need:", self.need)

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        self.reference.setFocus(Qt.FocusReason.OtherFocusReason)  # typing goes straight in

    def problems(self) -> list[FieldProblem]:
        found = []
        reference = reference_problem(self.reference.text())
        if reference:
            found.append(FieldProblem(self.reference, reference))
        if self.year.currentData() is None:
            found.append(FieldProblem(self.year, "Choose the child's year group."))
        if self.need.currentData() is None:
            found.append(FieldProblem(self.need, "Choose the child's primary need."))
        return found
