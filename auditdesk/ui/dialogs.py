"""Small dialogs that ask for one thing: a reason, a grade override, an action, a
sampled child. Each names its controls for screen readers and checks input before it
closes, saying what is wrong next to the fields."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.grades import GRADES_BEST_FIRST, Grade
from auditdesk.domain.reference import (
    EARLIEST_YEAR_GROUP,
    LATEST_YEAR_GROUP,
    Agency,
    PrimaryNeed,
    year_group_label,
)
from auditdesk.domain.validation import MIN_REASON_LENGTH
from auditdesk.ui.accessibility import named
from auditdesk.ui.choices import chosen, required


class FormDialog(QDialog):
    """A titled form with OK/Cancel and a problem line; subclasses add rows and a check."""

    def __init__(self, title: str, description: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        named(self, title, description)
        self.intro = QLabel(description)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        named(self.problem, "Problem", "What needs correcting before this can be saved")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text)
        named(ok, ok_text.replace("&", ""), description)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        named(cancel, "Cancel", "Closes this without saving anything")
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def add_row(self, label: str, widget: QWidget) -> None:
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)

    def check(self) -> str | None:
        """What is wrong with the input, or ``None`` to accept."""
        return None

    def _try_accept(self) -> None:
        problem = self.check()
        if problem:
            self.problem.setText(problem)
            return
        self.accept()


def reason_box(name: str, description: str) -> QPlainTextEdit:
    box = named(QPlainTextEdit(), name, description)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 14)
    return box


class ReasonDialog(FormDialog):
    """A reason for something the trail must explain (reopening an audit)."""

    def __init__(self, title: str, description: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(title, description, ok_text, parent)
        self.reason = reason_box("Reason", "Why, in a sentence; kept in the change trail")
        self.add_row("&Reason:", self.reason)

    @property
    def text(self) -> str:
        return self.reason.toPlainText().strip()

    def check(self) -> str | None:
        if len(" ".join(self.text.split())) < MIN_REASON_LENGTH:
            return f"Give a reason of at least {MIN_REASON_LENGTH} characters."
        return None


class OverrideDialog(ReasonDialog):
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
        self.form.insertRow(0, "&Grade:", self.grade)
        label = self.form.labelForField(self.grade)
        if isinstance(label, QLabel):
            label.setBuddy(self.grade)

    @property
    def chosen(self) -> Grade | None:
        return chosen(self.grade, Grade)


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
        self.owner_agency = named(QComboBox(), "Owner agency", "The agency responsible")
        for agency in Agency:
            self.owner_agency.addItem(agency.label, agency)
        self.owner = named(QLineEdit(), "Owner", "The person or team responsible")
        self.due = _date_edit(
            "Due date", "When the action must be done", today + timedelta(weeks=6)
        )
        self.reaudit_wanted = named(
            QCheckBox("Re-audit this plan"), "Re-audit", "Set a date to audit the plan again"
        )
        self.reaudit = _date_edit(
            "Re-audit date", "When to audit again", today + timedelta(weeks=12)
        )
        self.reaudit.setEnabled(False)
        self.reaudit_wanted.toggled.connect(self.reaudit.setEnabled)
        self.add_row("&Finding:", self.finding)
        self.add_row("A&ction:", self.action)
        self.add_row("Owner a&gency:", self.owner_agency)
        self.add_row("&Owner:", self.owner)
        self.add_row("&Due:", self.due)
        self.form.addRow(self.reaudit_wanted)
        self.add_row("&Re-audit on:", self.reaudit)

    def check(self) -> str | None:
        if not self.finding.toPlainText().strip():
            return "Describe the finding."
        if not self.action.toPlainText().strip():
            return "Say what must be done."
        if not self.owner.text().strip():
            return "Say who owns the action."
        if self.reaudit_wanted.isChecked() and self.reaudit.date() < self.due.date():
            return "The re-audit date should fall after the action is due."
        return None

    def values(self) -> tuple[str, str, Agency, str, date, date | None]:
        return (
            self.finding.toPlainText().strip(),
            self.action.toPlainText().strip(),
            required(self.owner_agency, Agency),
            self.owner.text().strip(),
            picked_date(self.due),
            picked_date(self.reaudit) if self.reaudit_wanted.isChecked() else None,
        )


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
        self.year = year_group_combo()
        self.need = need_combo()
        self.add_row("&Reference:", self.reference)
        self.add_row("&Year group:", self.year)
        self.add_row("Primary &need:", self.need)

    def check(self) -> str | None:
        return None if self.reference.text().strip() else "Enter the child's reference."


def year_group_combo() -> QComboBox:
    combo = named(QComboBox(), "Year group", "The child's year group now")
    for year in range(EARLIEST_YEAR_GROUP, LATEST_YEAR_GROUP + 1):
        combo.addItem(year_group_label(year), year)
    combo.setCurrentIndex(combo.findData(5))
    return combo


def need_combo() -> QComboBox:
    combo = named(QComboBox(), "Primary need", "The child's primary need (SEN2 code)")
    for need in PrimaryNeed:
        combo.addItem(f"{need.value} – {need.label}", need)
    return combo


def _date_edit(name: str, description: str, value: date) -> QDateEdit:
    edit = named(QDateEdit(), name, description)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd MMM yyyy")
    edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def picked_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def date_edit(name: str, description: str, value: date) -> QDateEdit:
    return _date_edit(name, description, value)
