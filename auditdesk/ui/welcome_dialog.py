"""First run: who is using AuditDesk on this laptop. Their name, agency and role go on
every audit they make and every change they record. They are kept in the person's own
preferences, so opening somebody else's database never changes who they are."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from auditdesk import APP_NAME
from auditdesk.domain.reference import Agency, Role
from auditdesk.ui.accessibility import named
from auditdesk.ui.choices import required
from auditdesk.ui.dialogs import FieldProblem, FormDialog, choice_combo


class WelcomeDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            f"Welcome to {APP_NAME}",
            "AuditDesk records who made each audit and each change. Tell it who you are; "
            "you can change this later from the Help menu.",
            "&Start",
            parent,
        )
        named(self, f"Welcome to {APP_NAME}", "Tell AuditDesk who you are before you start")
        self.name = named(QLineEdit(), "Your name", "Your full name, as colleagues know you")
        self.agency = choice_combo(
            "Your agency", "The agency you audit for", [(a.label, a) for a in Agency]
        )
        self.role = choice_combo(
            "Your role", "What you mostly do in AuditDesk", [(r.label, r) for r in Role]
        )
        self.add_row("&Name:", self.name)
        self.add_row("&Agency:", self.agency)
        self.add_row("&Role:", self.role)
        cancel = self.buttons.button(self.buttons.StandardButton.Cancel)
        named(cancel, "Cancel", "Closes without saving")
        named(self.ok_button, "Start", "Saves who you are and opens AuditDesk")

    def show_profile(self, name: str, agency: Agency, role: Role) -> None:
        self.name.setText(name)
        self.agency.setCurrentIndex(self.agency.findData(agency))
        self.role.setCurrentIndex(self.role.findData(role))
        self.ok_button.setText("&Save")
        named(self.ok_button, "Save", "Records your work under these details from now on")

    def chosen(self) -> tuple[str, Agency, Role]:
        return (
            self.name.text().strip(),
            required(self.agency, Agency),
            required(self.role, Role),
        )

    def problems(self) -> list[FieldProblem]:
        found = []
        if not self.name.text().strip():
            found.append(FieldProblem(self.name, "Enter your name to continue."))
        elif len(self.name.text().strip()) > 120:
            found.append(FieldProblem(self.name, "Your name is too long (120 characters at most)."))
        if self.agency.currentData() is None:
            found.append(FieldProblem(self.agency, "Choose the agency you audit for."))
        if self.role.currentData() is None:
            found.append(FieldProblem(self.role, "Choose your role."))
        return found
