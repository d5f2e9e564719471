"""The form every question the window asks is put in, and the one-of-a-list chooser.

A :class:`FormDialog` names its controls for screen readers and checks input before it
closes. A problem is shown under the field it concerns, read out by screen readers (the
field's description says it), and the keyboard moves there; the message goes as soon as
the field is put right. What the form saves is saved off the GUI thread
(:meth:`FormDialog.saves_through`), the dialog waiting open until the database answers.
The fields forms are made of are in :mod:`auditdesk.ui.form_fields`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QFocusEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
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

from auditdesk.errors import UserError
from auditdesk.ui.accessibility import named
from auditdesk.ui.crowded import ScrollsWhenCrowded
from auditdesk.ui.date_field import DateField
from auditdesk.ui.on_screen import StaysOnScreen, grow_to_contents
from auditdesk.ui.task_runner import Failed, TaskScope

COMBO_CHARACTERS = 16
Work = Callable[[], Any]


@dataclass(frozen=True)
class _Saving:
    scope: TaskScope
    prepare: Callable[[], Work]
    on_error: Failed


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
        self._saving: _Saving | None = None
        self.saved_result: Any = None  # what the saving work returned (saves_through)
        self.busy_saving = False
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
        self._ok_text = ok_text
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
        if self._saving is not None:
            self._save(self._saving)
            return
        if self.submit is not None:
            try:
                self.submit()
            except UserError as error:
                self.show_problem(str(error))
                return
        self.accept()

    # -- saving off the GUI thread -------------------------------------------------------------
    def saves_through(
        self, tasks: TaskScope, prepare: Callable[[], Work], on_error: Failed
    ) -> None:
        """Once the form is sound, save in the write lane: ``prepare`` reads the fields (on
        the GUI thread, where widgets may be read) and returns the work. The dialog closes,
        accepted, when the work is done, with its result in :attr:`saved_result`. A refusal
        (:class:`UserError`) is shown in the dialog, which stays open to put it right;
        anything else goes to ``on_error``. Results for a dialog (or window) closed
        meanwhile are dropped."""
        self._saving = _Saving(tasks.for_dialog(self), prepare, on_error)

    def _save(self, saving: _Saving) -> None:
        try:
            work = saving.prepare()
        except UserError as error:
            self.show_problem(str(error))
            return
        self._busy(True)
        saving.scope.write(work, self._saved, lambda error: self._refused(error, saving))

    def _saved(self, result: Any) -> None:
        self._busy(False)
        self.saved_result = result
        self.accept()

    def _refused(self, error: BaseException, saving: _Saving) -> None:
        self._busy(False)
        if isinstance(error, UserError):
            self.show_problem(str(error))
        else:
            saving.on_error(error)

    def _busy(self, busy: bool) -> None:
        """While saving, the buttons wait: a second press would save twice, and Cancel
        could not take back what is already on its way to the database."""
        self.busy_saving = busy
        self.buttons.setEnabled(not busy)
        self.ok_button.setText(self._ok_text if not busy else "Saving…")

    def reject(self) -> None:
        if self.busy_saving:  # Escape or the close button while saving: wait for it
            return
        super().reject()

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
