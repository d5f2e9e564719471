"""One question: its prompt, what good looks like, the rating, a comment and the evidence.

Keyboard: on the rating buttons, 1-9 pick an option (1 = the first, Outstanding on the
Ofsted scale), N picks N/A and Delete clears; Tab moves on to the comment and evidence.

What the person types is theirs: the widget is never refilled from storage while it is
shown. Only an undo or redo (which the person asked for) changes one field, through
:meth:`QuestionWidget.show_field`. The text boxes have no undo of their own: Ctrl+Z goes
to the audit's one undo history, so there is a single history the person can see.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.grades import NOT_APPLICABLE
from auditdesk.domain.template_index import Slot
from auditdesk.domain.template_model import RatingScale
from auditdesk.services.audits import MAX_TEXT
from auditdesk.services.kernel import AnswerRecord
from auditdesk.ui.accessibility import named
from auditdesk.ui.flow_layout import FlowLayout

TEXT_SAVE_DELAY_MS = 400  # a pause in typing saves: every edit is stored within half a second


class QuestionWidget(QFrame):
    """Emits ``edited(field, value)`` for "rating", "comment" and "evidence"."""

    edited = Signal(str, object)
    typing_started = Signal(str)  # "comment" or "evidence": typed, not yet saved
    left_box = Signal(str)  # "comment" or "evidence": the keyboard left it (typing saved)
    action_requested = Signal()
    too_long = Signal(int)  # a box reached the most it can hold

    def __init__(
        self,
        slot: Slot,
        scale: RatingScale | None,
        answer: AnswerRecord | None,
        *,
        number: int,
        editable: bool,
        marking_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._loading = False
        self.number = number
        self.slot = slot
        self.scale = scale
        self.setFrameShape(QFrame.Shape.StyledPanel)
        named(self, f"Question {number}", slot.question.prompt)
        layout = QVBoxLayout(self)
        self._add_prompt(layout, number)
        self.buttons: dict[str, QRadioButton] = {}
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        if scale is not None:
            layout.addLayout(self._rating_row(scale, number))
            self.group.buttonToggled.connect(self._rating_toggled)
        self._add_texts(layout, number)
        if marking_only:  # a second marker rates and notes; evidence and actions are not theirs
            self.evidence.hide()
            self.layout_evidence_label.hide()
            self.add_action.hide()
        self.show_answer(answer)
        self.set_editable(editable)

    def _add_prompt(self, layout: QVBoxLayout, number: int) -> None:
        question = self.slot.question
        prompt = QLabel(f"<b>{number}. {_escape(question.prompt)}</b>")
        prompt.setWordWrap(True)
        prompt.setTextFormat(Qt.TextFormat.RichText)
        named(prompt, f"Question {number}", question.prompt)
        layout.addWidget(prompt)
        self.guidance = QLabel(f"What good looks like: {question.guidance}")
        self.guidance.setWordWrap(True)
        named(self.guidance, f"Guidance for question {number}", question.guidance or "No guidance")
        if question.guidance:
            layout.addWidget(self.guidance)
        else:
            self.guidance.hide()

    def _rating_row(self, scale: RatingScale, number: int) -> FlowLayout:
        prompt = self.slot.question.prompt
        short = prompt if len(prompt) < 80 else prompt[:77] + "…"
        row = FlowLayout()
        options = [(o.code, o.label, o.description) for o in scale.options]
        if scale.allow_na:
            options.append((NOT_APPLICABLE, "N/A", "Not applicable here"))
        for position, (code, label, description) in enumerate(options, start=1):
            key = "N" if code == NOT_APPLICABLE else str(position)
            # The key is drawn as a key beside the label, never "Yes (1)": a number after
            # the label read as a score ("Yes" scores 3 points, and is key 1).
            button = QRadioButton(label)
            said = (f"Rate “{short}” as {label}.", description.strip(), f"Key {key}.")
            named(button, f"{label} for question {number}", " ".join(p for p in said if p))
            button.installEventFilter(self)
            self.group.addButton(button)
            self.buttons[code] = button
            row.addWidget(_with_key(button, key))
        return row

    def _add_texts(self, layout: QVBoxLayout, number: int) -> None:
        # No Alt-letter mnemonics here: every question on a page has these, and repeated
        # mnemonics would only cycle between them. Tab reaches each in order.
        question = self.slot.question
        # Screen readers say what the label shows: "Answer" where a question is answered
        # in words only ("What is working well?"), "Comment" beside a rating.
        self.comment = self._text(
            "comment",
            f"Comment for question {number}"
            if question.is_rated
            else f"Answer to question {number}",
            "Why you gave this rating; required for ratings below Good"
            if question.is_rated
            else f"Your answer to: {question.prompt}",
        )
        self.evidence = self._text(
            "evidence",
            f"Evidence for question {number}",
            "What you looked at: documents, logs, observation",
        )
        comment_label = QLabel("Comment:" if question.is_rated else "Answer:")
        comment_label.setBuddy(self.comment)
        layout.addWidget(comment_label)
        layout.addWidget(self.comment)
        self.layout_evidence_label = QLabel("Evidence:")
        self.layout_evidence_label.setBuddy(self.evidence)
        if question.is_rated:
            layout.addWidget(self.layout_evidence_label)
            layout.addWidget(self.evidence)
        else:
            self.layout_evidence_label.hide()
            self.evidence.hide()
        self.add_action = named(
            QPushButton("Add action…"),
            f"Add action for question {number}",
            "Records an action arising from this finding: owner, due date and re-audit date",
        )
        self.add_action.clicked.connect(self.action_requested)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.add_action)
        layout.addLayout(actions)

    # -- showing ---------------------------------------------------------------------------
    def show_answer(self, answer: AnswerRecord | None) -> None:
        """Fill the widget as it is built, without emitting edits."""
        self.show_field("rating", answer.rating if answer else None)
        self.show_field("comment", answer.comment if answer else "")
        self.show_field("evidence", answer.evidence if answer else "")

    def show_field(self, field: str, value: object) -> None:
        """Show one field's value (an undo or redo), leaving the others as they are."""
        self._loading = True
        try:
            if field == "rating":
                self.group.setExclusive(False)
                for code, button in self.buttons.items():
                    button.setChecked(code == value)
                self.group.setExclusive(True)
                return
            widget = self.comment if field == "comment" else self.evidence
            text = str(value or "")
            if widget.toPlainText() != text:
                timer = self._timer(widget)
                if timer is not None:
                    timer.stop()
                widget.setPlainText(text)
                widget.moveCursor(widget.textCursor().MoveOperation.End)
        finally:
            self._loading = False

    def shown(self, field: str) -> object:
        """What the widget shows now for ``field`` (typed, saved or not)."""
        if field == "rating":
            return self.rating
        return (self.comment if field == "comment" else self.evidence).toPlainText()

    @property
    def typing(self) -> bool:
        """Typed text waiting for its pause before it is saved."""
        return self.typing_field is not None

    @property
    def typing_field(self) -> str | None:
        """The field ("comment" or "evidence") with typing waiting to be saved, if any."""
        for widget, field in ((self.comment, "comment"), (self.evidence, "evidence")):
            timer = self._timer(widget)
            if timer is not None and timer.isActive():
                return field
        return None

    def set_editable(self, editable: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(editable)
        self.comment.setReadOnly(not editable)
        self.evidence.setReadOnly(not editable)

    @property
    def rating(self) -> str | None:
        checked = self.group.checkedButton()
        for code, button in self.buttons.items():
            if button is checked:
                return code
        return None

    def focus_rating_or_text(self) -> None:
        """The chosen rating (or the first), or, with the ratings locked, the comment,
        which can still be read and scrolled."""
        checked = self.group.checkedButton()
        buttons = [b for b in (checked, *self.buttons.values()) if b is not None and b.isEnabled()]
        target = buttons[0] if buttons else self.comment
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def flush(self) -> None:
        """Save typed text now (before closing, completing, undoing or switching page)."""
        self._save_now(self.comment)
        self._save_now(self.evidence)

    def _save_now(self, widget: QPlainTextEdit) -> None:
        timer = self._timer(widget)
        if timer is not None and timer.isActive():
            timer.stop()
            field = "comment" if widget is self.comment else "evidence"
            self.edited.emit(field, widget.toPlainText())

    @staticmethod
    def _timer(widget: QPlainTextEdit) -> QTimer | None:
        # None while the box is still being built (a focus event can arrive first).
        timer: QTimer | None = widget.property("saveTimer")
        return timer

    # -- keyboard --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(watched, QPlainTextEdit):
            if event.type() == QEvent.Type.FocusOut:
                self._save_now(watched)  # leaving a box saves it: no typing waits behind
                self.left_box.emit("comment" if watched is self.comment else "evidence")
            return self._text_box_event(event) or super().eventFilter(watched, event)
        is_key = event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
        if is_key and self._choose_by_key(event):  # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _text_box_event(event: QEvent) -> bool:
        """Undo and redo keys pass over a text box to the window's undo history."""
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            wanted = (
                QKeySequence.StandardKey.Undo,
                QKeySequence.StandardKey.Redo,
            )
            if any(event.matches(key) for key in wanted) or (
                event.key() == Qt.Key.Key_Y
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            ):
                event.ignore()  # not taken by the box: the window's shortcut runs
                return True
        return False

    def _choose_by_key(self, event: QKeyEvent) -> bool:
        if not self.buttons or not next(iter(self.buttons.values())).isEnabled():
            return False
        text = event.text().upper()
        codes = list(self.buttons)
        if text.isdigit() and 1 <= int(text) <= len(codes):
            code = codes[int(text) - 1]
            if code != NOT_APPLICABLE:
                self.buttons[code].setChecked(True)
                self.buttons[code].setFocus()
                return True
        if text == "N" and NOT_APPLICABLE in self.buttons:
            self.buttons[NOT_APPLICABLE].setChecked(True)
            self.buttons[NOT_APPLICABLE].setFocus()
            return True
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.rating:
            self.group.setExclusive(False)
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
            self.edited.emit("rating", None)
            return True
        return False

    # -- edits -----------------------------------------------------------------------------
    def _rating_toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked and not self._loading:
            self.edited.emit("rating", self.rating)

    def _text(self, field: str, name: str, description: str) -> QPlainTextEdit:
        widget = named(QPlainTextEdit(), name, description)
        widget.setTabChangesFocus(True)  # Tab moves on; text never traps the keyboard
        widget.setUndoRedoEnabled(False)  # one undo history: the audit's (see the docstring)
        widget.installEventFilter(self)
        widget.setFixedHeight(widget.fontMetrics().lineSpacing() * 3 + 14)
        timer = QTimer(widget)
        timer.setSingleShot(True)
        timer.setInterval(TEXT_SAVE_DELAY_MS)
        timer.timeout.connect(lambda: self.edited.emit(field, widget.toPlainText()))
        widget.setProperty("saveTimer", timer)
        widget.textChanged.connect(
            lambda: None if self._loading else self._typed(widget, field, timer)
        )
        return widget

    def _typed(self, widget: QPlainTextEdit, field: str, timer: QTimer) -> None:
        started = not timer.isActive()
        text = widget.toPlainText()
        if len(text) > MAX_TEXT:  # what the database would refuse is never shown as typed
            self._loading = True
            try:
                cursor = widget.textCursor()
                position = min(cursor.position(), MAX_TEXT)
                widget.setPlainText(text[:MAX_TEXT])
                cursor = widget.textCursor()
                cursor.setPosition(position)
                widget.setTextCursor(cursor)
            finally:
                self._loading = False
            self.too_long.emit(MAX_TEXT)
        timer.start()
        if started:  # Undo can take this typing back before it is saved
            self.typing_started.emit(field)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class KeyCap(QLabel):
    """The key that chooses a rating, drawn as a key on a keyboard; a click on it chooses
    the rating as a click on the label does."""

    def __init__(self, key: str, button: QRadioButton) -> None:
        super().__init__(key)
        self.setObjectName("keyCap")
        self._button = button
        named(self, f"Key {key}", f"Press {key} to rate {button.text()}")
        self.setStyleSheet(
            "QLabel#keyCap { border: 1px solid palette(mid); border-bottom-width: 2px;"
            " border-radius: 3px; padding: 0px 4px; }"
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._button.isEnabled():
            self._button.click()
        event.accept()


def _with_key(button: QRadioButton, key: str) -> QWidget:
    pair = QWidget()
    layout = QHBoxLayout(pair)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    layout.addWidget(button)
    layout.addWidget(KeyCap(key, button))
    return pair
