"""The whole journey by keyboard alone: create an audit, answer every question, complete
it; the database must hold what was typed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import AuditStatus
from auditdesk.services.audits import _editing as audits
from auditdesk.ui.editor.question_widget import QuestionWidget
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.new_audit_dialog import NewAuditDialog
from tests.ui.scripted_dialogs import ScriptedDialogs

CTRL = Qt.KeyboardModifier.ControlModifier


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def tab_until(qtbot: QtBot, wanted: Callable[[QWidget], bool], limit: int = 25) -> QWidget:
    visited = []
    for _ in range(limit):
        if wanted(focus()):
            return focus()
        chain, w = [], focus()
        while w is not None:
            chain.append(type(w).__name__ + ":" + w.accessibleName())
            w = w.parentWidget()
        visited.append(" < ".join(chain))
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached the control; went through {visited}")


def named_as(name: str) -> Callable[[QWidget], bool]:
    return lambda widget: widget.accessibleName() == name


def owner(widget: QWidget) -> QuestionWidget | None:
    current: QWidget | None = widget
    while current is not None and not isinstance(current, QuestionWidget):
        current = current.parentWidget()
    return current


def test_an_audit_from_creation_to_completion_by_keyboard_alone(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = open_window(None)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_N, CTRL)
    dialog = dialogs.latest(NewAuditDialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    template = tab_until(qtbot, named_as("Template"))
    assert template.currentText() == "Choose…"  # type: ignore[attr-defined]
    qtbot.keyClicks(template, "EHCP")  # type-ahead chooses the EHCP quality audit
    qtbot.keyClicks(tab_until(qtbot, named_as("Child reference")), "CE-55501")
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert focus().accessibleName() == "Year group"
    assert focus().currentText() == "Choose…"  # type: ignore[attr-defined]  # nothing pre-chosen
    for _ in range(30):  # arrow down to Year 4, as a keyboard user would
        qtbot.keyClick(focus(), Qt.Key.Key_Down)
        if focus().currentText() == "Year 4":  # type: ignore[attr-defined]
            break
    qtbot.keyClicks(tab_until(qtbot, named_as("Primary need")), "ASD")
    qtbot.keyClicks(tab_until(qtbot, named_as("Plan stage")), "New")
    qtbot.keyClicks(tab_until(qtbot, owner_is_locality), "Crewe")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    assert len(window.editors) == 1
    editor = next(iter(window.editors.values()))
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    assert editor.detail.template.template_id == "ehcp-quality"
    assert editor.detail.year_group == 4

    pages_seen = 0
    qtbot.keyClick(focus(), Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # into the questions
    while True:
        pages_seen += 1
        answer_page_by_keyboard(qtbot, editor.page.questions.values())
        current = editor.current_page
        qtbot.keyClick(focus(), Qt.Key.Key_PageDown, CTRL)
        if editor.current_page == current:
            break  # the last page

    qtbot.keyClick(focus(), Qt.Key.Key_Return, CTRL)  # Complete
    stored = audits.get_audit(editor.ctx, editor.detail.uuid)
    assert stored.status is AuditStatus.COMPLETED, editor.message.message
    written = [a for a in stored.answers.values() if a.comment == "Typed by keyboard."]
    assert len(written) == 2  # "what is working well" and "what needs to improve"
    assert pages_seen == len(editor.pages)
    assert editor.save_state.text().startswith("All changes saved")


def owner_is_locality(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return widget.accessibleName() == "Locality" or (
        parent is not None and parent.accessibleName() == "Locality"
    )


def answer_page_by_keyboard(qtbot: QtBot, questions: object) -> None:
    """Rate each question Good (or its equivalent) with a number key, or type an answer,
    moving between questions with Tab only."""
    for question in list(questions):  # type: ignore[call-overload]
        assert isinstance(question, QuestionWidget)
        if not question.isVisible():
            continue
        target = tab_until(qtbot, lambda w, q=question: owner(w) is q)
        if question.scale is not None:
            assert isinstance(target, QRadioButton)
            key = next(
                str(i) for i, o in enumerate(question.scale.options, start=1) if o.points == 3
            )
            qtbot.keyClick(focus(), key)
            assert question.rating is not None
        else:
            assert isinstance(target, QPlainTextEdit)
            if question.slot.question.required:
                qtbot.keyClicks(target, "Typed by keyboard.")
            qtbot.keyClick(focus(), Qt.Key.Key_Tab)
