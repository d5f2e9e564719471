"""Adding an action from a question: what must change, who owns it, when it is due and
when to re-audit."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from auditdesk.domain.reference import Agency
from auditdesk.ui.accessibility import named
from auditdesk.ui.choices import required
from auditdesk.ui.date_field import DateField
from auditdesk.ui.dialogs import FieldProblem, FormDialog
from auditdesk.ui.form_fields import choice_combo, given_day, reason_box


class ActionDialog(FormDialog):
    def __init__(self, finding: str, today: date, parent: QWidget | None) -> None:
        super().__init__(
            "Add an action",
            "Record what must change, who owns it, when it is due and when to re-audit.",
            "&Add action",
            parent,
        )
        self.finding = reason_box("Finding", "What the audit found")
        self.finding.setPlainText(finding)
        self.action = reason_box("Action", "What must be done")
        self.owner_agency = choice_combo(
            "Owner agency", "The agency responsible", [(a.label, a) for a in Agency]
        )
        self.owner = named(QLineEdit(), "Owner", "The person or team responsible")
        # No due date is suggested: one nobody changed would read later as agreed.
        self.today = today
        self.due = DateField("Due date", "When the action must be done")
        self.reaudit_wanted = named(
            QCheckBox("Re-audit this p&lan"), "Re-audit", "Set a date to audit the plan again"
        )
        self.reaudit = DateField("Re-audit date", "When to audit the plan again")
        self.reaudit.setEnabled(False)
        self.reaudit_wanted.toggled.connect(self.reaudit.setEnabled)
        self.add_row("&Finding:", self.finding)
        self.add_row("A&ction:", self.action)
        self.add_row("Owner a&gency:", self.owner_agency)
        self.add_row("&Owner:", self.owner)
        self.add_row("&Due:", self.due)
        self.form.addRow(self.reaudit_wanted)
        self.add_row("Re-audit o&n:", self.reaudit)

    def problems(self) -> list[FieldProblem]:
        found = []
        if not self.finding.toPlainText().strip():
            found.append(FieldProblem(self.finding, "Describe the finding."))
        if not self.action.toPlainText().strip():
            found.append(FieldProblem(self.action, "Say what must be done."))
        if self.owner_agency.currentData() is None:
            found.append(FieldProblem(self.owner_agency, "Choose the agency that owns it."))
        if not self.owner.text().strip():
            found.append(FieldProblem(self.owner, "Say who owns the action."))
        due = self.due.day
        wrong = self.due.problem("the date the action is due")
        if wrong is None and due is not None and due < self.today:
            wrong = "The due date has passed: choose a day from today on."
        if wrong:
            found.append(FieldProblem(self.due, wrong))
        if self.reaudit_wanted.isChecked():
            reaudit = self.reaudit.day
            wrong = self.reaudit.problem("the date to audit again")
            if wrong is None and due is not None and reaudit is not None and reaudit < due:
                wrong = "The re-audit date should fall after the action is due."
            if wrong:
                found.append(FieldProblem(self.reaudit, wrong))
        return found

    def values(self) -> tuple[str, str, Agency, str, date, date | None]:
        return (
            self.finding.toPlainText().strip(),
            self.action.toPlainText().strip(),
            required(self.owner_agency, Agency),
            self.owner.text().strip(),
            given_day(self.due),
            given_day(self.reaudit) if self.reaudit_wanted.isChecked() else None,
        )
