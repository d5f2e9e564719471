"""Small dialogs that ask for one thing: a reason, a grade override, an action, a
sampled child. Each names its controls for screen readers and checks input before it
closes.

A problem is shown under the field it concerns, read out by screen readers (the field's
description says it), and the keyboard moves there; the message goes as soon as the field
is put right. Drop-downs start on "Choose…": nothing is chosen for the person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain import validation
from auditdesk.domain.grades import GRADES_BEST_FIRST, Grade
from auditdesk.domain.reference import (
    EARLIEST_YEAR_GROUP,
    LATEST_YEAR_GROUP,
    Agency,
    PrimaryNeed,
    year_group_label,
)
from auditdesk.domain.validation import MIN_REASON_LENGTH
from auditdesk.errors import UserError
from auditdesk.ui.accessibility import named
from auditdesk.ui.choices import chosen, required

CHOOSE = "Choose…"


@dataclass(frozen=True)
class FieldProblem:
    """What is wrong, and the field to put it right in."""

    field: QWidget
    message: str


class FormDialog(QDialog):
    """A titled form with OK/Cancel; subclasses add rows and say what is wrong in
    :meth:`problems`. ``submit``, if given, does the work when the form is sound: a
    :class:`UserError` it raises is shown in the dialog, which stays open."""

    def __init__(self, title: str, description: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        named(self, title, description)
        self.submit: Callable[[], None] | None = None
        self.intro = QLabel(description)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("fieldProblem")
        self.problem.hide()
        named(self.problem, "Problem", "What needs correcting before this can be saved")
        self._field_problems: dict[QWidget, tuple[QLabel, str]] = {}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        named(self.ok_button, ok_text.replace("&", ""), description)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        named(cancel, "Cancel", "Closes this without saving anything")
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    # -- building ---------------------------------------------------------------------------
    def add_row(self, label: str, widget: QWidget, form: QFormLayout | None = None) -> None:
        """A labelled field (the label's mnemonic moves to it) with room for its problem."""
        caption = QLabel(label)
        caption.setBuddy(widget)
        (form or self.form).addRow(caption, self.with_problem(widget))

    def with_problem(self, widget: QWidget, beside: QWidget | None = None) -> QWidget:
        """``widget`` (and a button ``beside`` it) over a line for its problem, to lay out."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if beside is None:
            column.addWidget(widget)
        else:
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            row.addWidget(beside)
            column.addLayout(row)
        problem = QLabel()
        problem.setObjectName("fieldProblem")
        problem.setWordWrap(True)
        problem.hide()
        named(problem, f"Problem with {widget.accessibleName()}", "What to put right here")
        column.addWidget(problem)
        self._field_problems[widget] = (problem, widget.accessibleDescription())
        _on_change(widget, self._recheck)
        return holder

    # -- checking ---------------------------------------------------------------------------
    def problems(self) -> list[FieldProblem]:
        """Everything wrong with the input, in the order of the fields (empty: accept)."""
        return []

    def try_accept(self) -> None:
        found = self.problems()
        elsewhere = self._show_field_problems(found)
        if found:
            if elsewhere:  # a field with no line of its own: say it above the buttons
                self.problem.setText(" ".join(elsewhere))
                self.problem.setAccessibleDescription(self.problem.text())
                self.problem.show()
            else:
                self.problem.hide()
            found[0].field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.submit is not None:
            try:
                self.submit()
            except UserError as error:
                self.show_problem(str(error))
                return
        self.accept()

    def show_problem(self, message: str, field: QWidget | None = None) -> None:
        """A problem found outside the form's own checks (by the services, say)."""
        if field is not None and field in self._field_problems:
            self._show_field_problems([FieldProblem(field, message)])
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.problem.setText(message)
        self.problem.setAccessibleDescription(message)
        self.problem.show()
        self.ok_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def shown_problems(self) -> list[str]:
        """The problems a person can see now (for tests and screen readers)."""
        shown = [label.text() for label, _ in self._field_problems.values() if label.isVisible()]
        if self.problem.isVisible():
            shown.append(self.problem.text())
        return shown

    def _show_field_problems(self, found: list[FieldProblem]) -> list[str]:
        """Show each problem under its field; returns those whose field has no line."""
        messages = {problem.field: problem.message for problem in found}
        for widget, (label, description) in self._field_problems.items():
            message = messages.get(widget)
            label.setText(message or "")
            label.setVisible(message is not None)
            widget.setAccessibleDescription(
                f"{description} Problem: {message}" if message else description
            )
        return [p.message for p in found if p.field not in self._field_problems]

    def _recheck(self) -> None:
        """Clear a field's message as soon as it is put right (never add new ones while
        the person is typing: those wait for the next attempt to accept)."""
        if not any(label.isVisible() for label, _ in self._field_problems.values()):
            return
        still = {p.field: p.message for p in self.problems()}
        for widget, (label, description) in self._field_problems.items():
            if label.isVisible() and widget not in still:
                label.hide()
                widget.setAccessibleDescription(description)
            elif label.isVisible():
                label.setText(still[widget])


def _on_change(widget: QWidget, then: Callable[[], None]) -> None:
    if isinstance(widget, QLineEdit):
        widget.textChanged.connect(lambda _t: then())
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(then)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda _i: then())
        if widget.isEditable():
            widget.editTextChanged.connect(lambda _t: then())
    elif isinstance(widget, QDateEdit):
        widget.dateChanged.connect(lambda _d: then())
    elif isinstance(widget, QAbstractButton):
        widget.toggled.connect(lambda _on: then())


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
        self.due = date_edit("Due date", "When the action must be done", today + timedelta(weeks=6))
        self.reaudit_wanted = named(
            QCheckBox("Re-audit this p&lan"), "Re-audit", "Set a date to audit the plan again"
        )
        self.reaudit = date_edit(
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
        if self.reaudit_wanted.isChecked() and self.reaudit.date() < self.due.date():
            found.append(
                FieldProblem(self.reaudit, "The re-audit date should fall after the action is due.")
            )
        return found

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


def reference_problem(text: str) -> str | None:
    """What is wrong with a child's reference, by the same rule the services apply."""
    try:
        validation.child_reference(text)
    except UserError as error:
        return str(error)
    return None


def choice_combo(name: str, description: str, items: list[tuple[str, object]]) -> QComboBox:
    """A drop-down that starts on "Choose…" (holding ``None``), so nothing is pre-chosen."""
    combo = named(QComboBox(), name, description)
    combo.addItem(CHOOSE, None)
    for text, value in items:
        combo.addItem(text, value)
    return combo


def year_group_combo() -> QComboBox:
    return choice_combo(
        "Year group",
        "The child's year group now",
        [
            (year_group_label(year), year)
            for year in range(EARLIEST_YEAR_GROUP, LATEST_YEAR_GROUP + 1)
        ],
    )


def need_combo() -> QComboBox:
    return choice_combo(
        "Primary need",
        "The child's primary need (SEN2 code)",
        [(f"{need.value} – {need.label}", need) for need in PrimaryNeed],
    )


def date_edit(name: str, description: str, value: date) -> QDateEdit:
    edit = named(QDateEdit(), name, description)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd MMM yyyy")
    edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def picked_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())
