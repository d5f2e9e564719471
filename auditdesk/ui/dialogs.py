"""Small dialogs that ask for one thing: a reason, a grade override, an action, a
sampled child. Each names its controls for screen readers and checks input before it
closes.

A problem is shown under the field it concerns, read out by screen readers (the field's
description says it), and the keyboard moves there; the message goes as soon as the field
is put right. Drop-downs start on "Choose…": nothing is chosen for the person.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QFocusEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain import validation
from auditdesk.domain.grades import GRADES_BEST_FIRST, Grade
from auditdesk.domain.limits import EARLIEST_DAY, LATEST_DAY
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
from auditdesk.ui.crowded import ScrollsWhenCrowded
from auditdesk.ui.date_field import DateField, qdate
from auditdesk.ui.on_screen import StaysOnScreen, grow_to_contents
from auditdesk.ui.wording import dates_shown_in_full

CHOOSE = "Choose…"
COMBO_CHARACTERS = 16


@dataclass(frozen=True)
class FieldProblem:
    """What is wrong, and the field to put it right in (the keyboard goes there). The
    message shows under ``near`` when the field is one of a group laid out together (the
    statuses to include, say), under the field itself otherwise."""

    field: QWidget
    message: str
    near: QWidget | None = None

    @property
    def shown_under(self) -> QWidget:
        return self.near or self.field


class FormDialog(StaysOnScreen, QDialog):
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
        # The form scrolls when the window is crowded (200% text on a laptop); what is
        # wrong and the buttons stay in view below it.
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.intro)
        body_layout.addLayout(self.form)
        body_layout.addStretch(1)
        self.body = ScrollsWhenCrowded(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
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
        if isinstance(widget, QComboBox):
            # As wide as a short choice: a long one (a setting's name) is shown whole in
            # the open list, and never makes the form wider than a laptop screen.
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            widget.setMinimumContentsLength(COMBO_CHARACTERS)
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
            self._go_to(found[0])
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
            problem = FieldProblem(field, message)
            self._show_field_problems([problem])
            self._go_to(problem)
            return
        self.problem.setText(message)
        self.problem.setAccessibleDescription(message)
        self.problem.show()
        self.ok_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _go_to(self, problem: FieldProblem) -> None:
        """The keyboard to the field, scrolled into view with its message under it (the
        form grows first to hold the messages, as far as the screen allows)."""
        if self.isVisible():
            grow_to_contents(self)
        problem.field.setFocus(Qt.FocusReason.OtherFocusReason)
        shown = problem.shown_under
        holder = shown.parentWidget() if shown in self._field_problems else None
        self.body.show_whole(holder or problem.field)

    def shown_problems(self) -> list[str]:
        """The problems a person can see now (for tests and screen readers)."""
        shown = [label.text() for label, _ in self._field_problems.values() if label.isVisible()]
        if self.problem.isVisible():
            shown.append(self.problem.text())
        return shown

    def _show_field_problems(self, found: list[FieldProblem]) -> list[str]:
        """Show each problem under its field; returns those whose field has no line."""
        messages: dict[QWidget, str] = {}
        for problem in found:  # two problems under one line: both are said
            under = problem.shown_under
            messages[under] = (
                f"{messages[under]} {problem.message}" if under in messages else problem.message
            )
        for widget, (label, description) in self._field_problems.items():
            message = messages.get(widget)
            label.setText(message or "")
            label.setVisible(message is not None)
            widget.setAccessibleDescription(
                f"{description} Problem: {message}" if message else description
            )
        return [p.message for p in found if p.shown_under not in self._field_problems]

    def _recheck(self) -> None:
        """Clear a field's message as soon as it is put right (never add new ones while
        the person is typing: those wait for the next attempt to accept). A message from
        elsewhere (the services refusing) goes at the first change: the next attempt says
        it again if it still holds."""
        self.problem.hide()
        if not any(label.isVisible() for label, _ in self._field_problems.values()):
            return
        still: dict[QWidget, str] = {}
        for problem in self.problems():
            under = problem.shown_under
            still[under] = (
                f"{still[under]} {problem.message}" if under in still else problem.message
            )
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
    elif isinstance(widget, DateField):
        widget.changed.connect(then)
    else:  # a list to choose from, or fields laid out together: a change to any
        if isinstance(widget, QAbstractItemView):
            widget.selectionModel().selectionChanged.connect(lambda _new, _old: then())
        for child in widget.findChildren(QWidget):
            if isinstance(child, (QLineEdit, QComboBox, QDateEdit, QAbstractButton)):
                _on_change(child, then)


class NothingChosenList(QListWidget):
    """A list that starts with no row chosen, and none even highlighted: Qt moves the
    highlight to the first row as the list takes the keyboard, where Space or a quick
    Enter would take it. The first arrow key (or letter) chooses the first row (or the
    first that matches)."""

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        had_current = self.currentIndex().isValid()
        super().focusInEvent(event)
        if not had_current and not self.selectedIndexes():
            self.selectionModel().setCurrentIndex(
                QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate
            )


class ChoiceDialog(FormDialog):
    """One of a list, with nothing chosen until the person chooses: the arrow keys, a
    typed first letter or a click choose one; Enter or a double click then accepts.
    (Qt's own item chooser starts on the first item, which an Enter pressed in passing
    would take.)"""

    def __init__(
        self,
        title: str,
        question: str,
        items: Sequence[str],
        parent: QWidget | None,
        *,
        ok_text: str = "&OK",
        list_name: str = "Choices",
    ) -> None:
        super().__init__(title, question, ok_text, parent)
        self.choices = named(NothingChosenList(), list_name, question)
        self.choices.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.choices.addItems(list(items))
        self.choices.doubleClicked.connect(lambda _index: self.try_accept())
        self.form.addRow(self.with_problem(self.choices))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.choices.setFocus(Qt.FocusReason.OtherFocusReason)  # the arrows choose at once

    @property
    def chosen(self) -> int | None:
        """The position of the item chosen, if one is."""
        rows = [index.row() for index in self.choices.selectedIndexes()]
        return rows[0] if rows else None

    def problems(self) -> list[FieldProblem]:
        if self.chosen is None:
            return [FieldProblem(self.choices, "Choose one from the list.")]
        return []


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
            _given(self.due),
            _given(self.reaudit) if self.reaudit_wanted.isChecked() else None,
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
    edit = dates_shown_in_full(named(QDateEdit(), name, description))
    edit.setCalendarPopup(True)
    # Qt's own range (1752 to 9999) holds days no period or record can be made from.
    edit.setDateRange(qdate(EARLIEST_DAY), qdate(LATEST_DAY))
    edit.setDate(qdate(value))
    return edit


def picked_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _given(field: DateField) -> date:
    day = field.day
    if day is None:
        raise ValueError(f"{field.accessibleName()} has no day given")
    return day
