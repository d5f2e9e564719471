"""After each thing a person does, the keyboard is somewhere useful: in the audit list when
the main window starts, when a tab is chosen with Alt+number, after Send and after an
editor closes; on the same question after Complete; one row of the moderation table
chosen with Space; and Tab through the editor never lands on a command a typed space
would set off (Override grade: the menu, the toolbar and Alt+G reach it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import AuditStatus
from auditdesk.services.audits import _editing as audits
from auditdesk.ui.editor.editor_dialogs import MissingDialog
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.editor.override_dialog import OverrideDialog
from auditdesk.ui.exchange.send_dialog import SendDialog
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.moderation.assign_dialog import AssignMarkerDialog
from tests.conftest import plan_subject
from tests.services.helpers import answer_everything
from tests.ui.alt_keys import press_alt
from tests.ui.demo_files import copy_of
from tests.ui.keys import activate
from tests.ui.scripted_dialogs import ScriptedDialogs

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_the_main_window_keeps_the_keyboard_in_its_lists(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    window = open_window(copy_of(demo_file, tmp_path))
    activate(qtbot, window)
    assert QApplication.focusWidget() is window.audit_list.table  # not the tab bar

    qtbot.keyClick(_focus(), Qt.Key.Key_2, ALT)
    assert QApplication.focusWidget() is window.actions_view.table
    qtbot.keyClick(_focus(), Qt.Key.Key_3, ALT)
    assert QApplication.focusWidget() is window.moderation_view.table
    qtbot.keyClick(_focus(), Qt.Key.Key_1, ALT)
    assert QApplication.focusWidget() is window.audit_list.table

    # Send, and back: the keyboard is in the audit list again.
    qtbot.keyClick(_focus(), Qt.Key.Key_S, CTRL | SHIFT)
    send = dialogs.latest(SendDialog)
    activate(qtbot, send)
    bundle = tmp_path / "for the lead.auditdesk"
    send.target.setText(str(bundle))
    qtbot.keyClick(send.ok_button, Qt.Key.Key_Return)
    assert bundle.exists()
    assert not send.isVisible()
    activate(qtbot, window)  # as the window manager does once the dialog has gone
    assert QApplication.focusWidget() is window.audit_list.table

    # An editor opened with Enter and closed with Ctrl+W: back in the list.
    qtbot.keyClick(window.audit_list.table, Qt.Key.Key_Return)
    editor = next(iter(window.editors.values()))
    activate(qtbot, editor)
    qtbot.keyClick(_focus(), Qt.Key.Key_W, CTRL)
    activate(qtbot, window)
    assert QApplication.focusWidget() is window.audit_list.table


def test_complete_leaves_the_keyboard_on_the_question(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = open_window(None)
    ctx = window.session.ctx
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    editor = _open(qtbot, window, detail.uuid)
    qtbot.keyClick(_focus(), Qt.Key.Key_2, ALT)  # the first question
    question = next(iter(editor.page.questions.values()))
    qtbot.keyClick(_focus(), Qt.Key.Key_2)  # rated: the keyboard is on the rating

    # Refused (questions left): the list of what is left, then back on the question.
    qtbot.keyClick(_focus(), Qt.Key.Key_Return, CTRL)
    missing = dialogs.latest(MissingDialog)
    qtbot.keyClick(missing.items, Qt.Key.Key_Escape)
    activate(qtbot, editor)
    assert _question_of(QApplication.focusWidget()) == question.slot.key

    # Everything answered: completed, and the keyboard still on that question (its
    # comment, the ratings now being locked), never on nothing.
    answer_everything(ctx, audits.get_audit(ctx, detail.uuid), points=3)
    qtbot.keyClick(_focus(), Qt.Key.Key_Return, CTRL)
    assert audits.get_audit(ctx, detail.uuid).status is AuditStatus.COMPLETED
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard after Complete"
    assert _question_of(focused) == question.slot.key
    assert focused is editor.page.questions[question.slot.key].comment


def test_tab_from_the_last_question_never_sets_off_a_command(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = open_window(None)
    detail = audits.create_audit(
        window.session.ctx, template_id="ehcp-quality", subject=plan_subject()
    )
    editor = _open(qtbot, window, detail.uuid)
    last = list(editor.page.questions.values())[-1]
    last.comment.setFocus()
    reached: list[QWidget] = []
    for _ in range(60):  # round the whole window, and back
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        reached.append(_focus())
    commands = [w for w in reached if isinstance(w, QToolButton) or w is editor.grades.override]
    assert commands == [], [w.accessibleName() for w in commands]
    assert editor.page.questions, "Tab came round to the questions again"
    # A fast typist's space after Tab: nothing opens.
    last.comment.setFocus()
    qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
    qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
    qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
    qtbot.keyClick(_focus(), Qt.Key.Key_Space)
    assert not any(isinstance(d, OverrideDialog) for d in dialogs.open_dialogs())
    # Alt+G still presses it.
    qtbot.keyClick(_focus(), Qt.Key.Key_G, ALT)
    qtbot.waitUntil(lambda: any(isinstance(d, OverrideDialog) for d in dialogs.open_dialogs()))
    assert isinstance(editor.grades.override, QPushButton)


def test_one_row_of_the_moderation_table_chosen_with_space(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    window = open_window(copy_of(demo_file, tmp_path))
    activate(qtbot, window)
    qtbot.keyClick(_focus(), Qt.Key.Key_3, ALT)
    view = window.moderation_view
    table = view.table
    assert QApplication.focusWidget() is table
    view.percentage.setValue(100)
    press_alt(qtbot, "d", table)  # Draw sample: every new audit chosen
    assert len(table.selectionModel().selectedRows()) > 5
    qtbot.keyClick(table, Qt.Key.Key_Space)  # this one alone
    chosen = table.selectionModel().selectedRows()
    assert [index.row() for index in chosen] == [table.current_row()]
    qtbot.keyClick(table, Qt.Key.Key_Space, CTRL)  # Ctrl+Space still takes it out
    assert table.selectionModel().selectedRows() == []
    qtbot.keyClick(table, Qt.Key.Key_Space)
    reference = table.text(table.current_row(), 0)
    press_alt(qtbot, "k", table)
    chooser = dialogs.latest(AssignMarkerDialog)
    assert chooser.intro.text().startswith(f"Who second-marks audit {reference}?")
    chooser.close()


# -- helpers -------------------------------------------------------------------------------
def _focus() -> QWidget:
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard"
    return focused


def _open(qtbot: QtBot, window: MainWindow, audit_uuid: str) -> AuditEditorWindow:
    window.refresh()
    activate(qtbot, window)
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)  # the audit list has the keyboard
    editor = window.editors[audit_uuid]
    activate(qtbot, editor)
    return editor


def _question_of(widget: QWidget | None) -> tuple[str, str | None] | None:
    from auditdesk.ui.editor.question_widget import QuestionWidget

    while widget is not None and not isinstance(widget, QuestionWidget):
        widget = widget.parentWidget()
    return widget.slot.key if widget is not None else None
