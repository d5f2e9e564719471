"""First run: who is using AuditDesk on this laptop. Their name, agency and role go on
every audit they make and every change they record."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from auditdesk import APP_NAME
from auditdesk.domain.reference import Agency, Role
from auditdesk.ui.accessibility import named
from auditdesk.ui.choices import required


class WelcomeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Welcome to {APP_NAME}")
        named(self, f"Welcome to {APP_NAME}", "Tell AuditDesk who you are before you start")
        intro = QLabel(
            "AuditDesk records who made each audit and each change. Tell it who you are; "
            "you can change this later from the Help menu."
        )
        intro.setWordWrap(True)
        self.name = named(QLineEdit(), "Your name", "Your full name, as colleagues know you")
        self.agency = named(QComboBox(), "Your agency", "The agency you audit for")
        for agency in Agency:
            self.agency.addItem(agency.label, agency)
        self.role = named(QComboBox(), "Your role", "What you mostly do in AuditDesk")
        for role in Role:
            self.role.addItem(role.label, role)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        named(self.problem, "Problem", "What needs correcting before you can continue")
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Agency:", self.agency)
        form.addRow("&Role:", self.role)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Start")
        named(ok, "Start", "Saves who you are and opens AuditDesk")
        named(
            buttons.button(QDialogButtonBox.StandardButton.Cancel),
            "Cancel",
            "Closes AuditDesk without starting",
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str, Agency, Role]:
        return (
            self.name.text().strip(),
            required(self.agency, Agency),
            required(self.role, Role),
        )

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.problem.setText("Enter your name to continue.")
            self.name.setFocus()
            return
        self.accept()
