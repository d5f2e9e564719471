"""What the editor says, read as a caseworker reads it: rating keys shown as keys (never
"Yes (1)", which reads as a score), grade reasons that say what is averaged and how it is
weighted, undo history entries that say where and what changed (old and new value) and
read whole, a toolbar that keeps its buttons in view whatever the last change was, screen
reader names that match the labels, and the change trail and the list of what stops
completion read whole at the usual size and at 200% text."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton, QToolBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.services.audits import _editing as audits
from auditdesk.ui.editor.editor_dialogs import MissingDialog, TrailDialog
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.editor.question_widget import KeyCap, QuestionWidget
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.theme import apply_theme
from tests.conftest import plan_subject
from tests.ui.keys import type_text
from tests.ui.readable import unreadable_cells
from tests.ui.scripted_dialogs import ScriptedDialogs

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
LONG_NOTE = (
    "Outcomes in E do not say by when or how progress will be measured; the SENCO agreed "
    "to rewrite them with the family before the review."
)


@pytest.fixture(autouse=True)
def _normal_text_afterwards(qtbot: QtBot) -> Iterator[None]:
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, text_scale=1.0, high_contrast=False)


def test_rating_keys_read_as_keys_and_reasons_say_what_is_averaged(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]
) -> None:
    window, editor = _editor(qtbot, open_window)
    _go_to_part(qtbot, editor, "Section E")
    questions = list(editor.page.questions.values())
    for question in questions:
        assert question.scale is not None
        options = [o.label for o in question.scale.options] + ["N/A"]
        shown = [button.text() for button in question.buttons.values()]
        assert shown == options  # the label alone: no "(1)" that reads as a score
        caps = [cap.text() for cap in question.findChildren(KeyCap)]
        assert caps == [str(n) for n in range(1, len(options))] + ["N"]
        for button, cap in zip(
            question.buttons.values(), question.findChildren(KeyCap), strict=True
        ):
            assert f"Key {cap.text()}." in button.accessibleDescription()
    # The keys still rate: 1 is the first option (Outstanding, or Yes), shown as chosen.
    for question in questions:
        question.focus_rating_or_text()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    assert all(q.rating == q.scale.options[0].code for q in questions if q.scale)
    stored = _ratings(window, editor)
    assert {stored[q.slot.question.id] for q in questions} == {"outstanding", "yes"}

    reasons = editor.grades.reasons.toPlainText()
    assert "Points per rating: Outstanding 4, Good 3, Requires improvement 2, Inadequate 1; " \
        "Yes 3, Partly 2, No 1." in reasons  # fmt: skip
    section_e = next(line for line in reasons.splitlines() if line.startswith("• Section E"))
    # Each rating's points (Outstanding 4, Yes 3) by its question's weight (one is 2).
    weights = [q.slot.question.weight for q in questions]
    points = [q.scale.options[0].points or 0 for q in questions if q.scale]
    average = sum(p * w for p, w in zip(points, weights, strict=True)) / sum(weights)
    assert sorted(weights) == [1] * (len(weights) - 1) + [2]  # one question counts double
    assert section_e == (
        f"• Section E: outcomes: Outstanding — {len(questions)} ratings averaging "
        f"{average:.2f} points per rating, with 1 rating counting double (weighted by "
        "importance in the template), and 3.50 or more is Outstanding."
    )
    assert not re.search(r"\d+ ratings? average \d", reasons)  # the old "4 ratings average"


def test_undo_history_says_where_and_what_and_the_toolbar_keeps_its_buttons(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]
) -> None:
    window, editor = _editor(qtbot, open_window)
    toolbar = editor.findChild(QToolBar)
    assert toolbar is not None
    _go_to_part(qtbot, editor, "Section E")
    first = next(iter(editor.page.questions.values()))
    first.focus_rating_or_text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)  # Good
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)  # then Requires improvement
    first.comment.setFocus()
    type_text(qtbot, first.comment, LONG_NOTE)
    qtbot.keyClick(first.comment, Qt.Key.Key_Tab)  # leaving the box saves it

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL | ALT)  # Undo history
    history = editor.history_view
    assert history.isVisible()
    entries = [history.model().index(row, 0).data() for row in range(1, history.model().rowCount())]
    prompt = f"“{first.slot.question.prompt[:20]}"  # its opening words
    assert entries[0].startswith(f"Section E, question 1 {prompt}")
    assert entries[0].endswith(": rating not rated → Good")
    assert entries[1].endswith(": rating Good → Requires improvement")
    assert re.search(r": comment added “Outcomes in E do not say by[^”]*…”$", entries[2])
    assert unreadable_cells(history) == []  # every entry whole, wrapped in the narrow dock

    # With a change to undo and one to redo, both long, the toolbar's buttons stay short
    # and all in view; the changes are in the menu and the tooltips.
    qtbot.keyClick(editor.navigator, Qt.Key.Key_Z, CTRL)  # takes back the comment
    assert first.comment.toPlainText() == ""
    undo_button = toolbar.widgetForAction(editor.undo_action)
    redo_button = toolbar.widgetForAction(editor.redo_action)
    assert isinstance(undo_button, QToolButton)
    assert isinstance(redo_button, QToolButton)
    assert (undo_button.text(), redo_button.text()) == ("Undo", "Redo")
    assert editor.undo_action.text().startswith("&Undo Section E, question 1")
    assert editor.undo_action.text().endswith("rating Good → Requires improvement")
    assert "comment added" in editor.redo_action.text()
    assert "comment added" in redo_button.toolTip()
    QApplication.processEvents()  # the toolbar is laid out again for the new texts
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        assert button is not None
        assert button.isVisible(), f"{action.text()} is off the toolbar"
        assert button.geometry().right() < toolbar.width(), f"{action.text()} is cut off"
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible(), "the toolbar overflows"

    qtbot.keyClick(editor.navigator, Qt.Key.Key_Y, CTRL)  # and puts it back
    # What the database holds is what the history says.
    stored = audits.get_audit(window.session.ctx, editor.detail.uuid)
    answer = stored.answers[first.slot.key]
    assert (answer.rating, answer.comment) == ("requires_improvement", LONG_NOTE)


def test_written_answers_are_named_as_labelled(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]
) -> None:
    _window, editor = _editor(qtbot, open_window)
    for part, word in (("Overall judgement", "Answer"), ("Section E", "Comment")):
        _go_to_part(qtbot, editor, part)
        assert editor.page.questions
        for question in editor.page.questions.values():
            label = next(
                lb for lb in question.findChildren(QLabel) if lb.buddy() is question.comment
            )
            assert label.text() == f"{word}:"
            assert question.comment.accessibleName() == (
                f"{word} {'to' if word == 'Answer' else 'for'} question {question.number}"
            )


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_trail_and_what_stops_completion_read_whole(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    scale: float,
) -> None:
    window, editor = _editor(qtbot, open_window)
    _go_to_part(qtbot, editor, "Section E")
    first = next(iter(editor.page.questions.values()))
    first.focus_rating_or_text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    first.comment.setFocus()
    type_text(qtbot, first.comment, LONG_NOTE)
    qtbot.keyClick(first.comment, Qt.Key.Key_Tab)
    if scale != 1.0:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, text_scale=scale, high_contrast=False)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_H, CTRL)  # Change trail
    trail = dialogs.latest(TrailDialog)
    qtbot.waitExposed(trail)
    assert any(LONG_NOTE in trail.table.topLevelItem(r).text(4)
               for r in range(trail.table.topLevelItemCount()))  # fmt: skip
    assert unreadable_cells(trail.table) == []
    assert trail.table.horizontalScrollBar().maximum() == 0, "From and To need no scrolling"
    header = trail.table.header()
    for column in range(trail.table.columnCount()):
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right <= trail.table.viewport().width(), f"column {column + 1} is cut off"
    trail.close()
    editor.activateWindow()  # as the window manager does when a dialog closes
    qtbot.waitUntil(editor.isActiveWindow)

    qtbot.keyClick(QApplication.focusWidget() or editor, Qt.Key.Key_Return, CTRL)  # Complete
    missing = dialogs.latest(MissingDialog)
    qtbot.waitExposed(missing)
    assert missing.items.topLevelItemCount() > 10
    assert unreadable_cells(missing.items) == []
    assert missing.items.horizontalScrollBar().maximum() == 0
    missing.close()
    assert window.session.db.path.exists()


# -- helpers -------------------------------------------------------------------------------
def _editor(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]
) -> tuple[MainWindow, AuditEditorWindow]:
    """An EHCP audit opened from the audit list with Enter, as a person opens one."""
    window = open_window(None)
    detail = audits.create_audit(
        window.session.ctx, template_id="ehcp-quality", subject=plan_subject(year_group=10)
    )
    window.refresh()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.audit_list.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = window.editors[detail.uuid]
    qtbot.waitUntil(editor.isActiveWindow)
    return window, editor


def _go_to_part(qtbot: QtBot, editor: AuditEditorWindow, title: str) -> None:
    """Alt+1 to the sections list, arrows down to the part, Alt+2 to its first question."""
    qtbot.keyClick(QApplication.focusWidget() or editor, Qt.Key.Key_1, ALT)
    assert QApplication.focusWidget() is editor.navigator
    qtbot.keyClick(editor.navigator, Qt.Key.Key_Home)
    for _ in range(editor.navigator.topLevelItemCount()):
        if editor.navigator.currentItem().text(0).startswith(title):
            break
        qtbot.keyClick(editor.navigator, Qt.Key.Key_Down)
    assert editor.navigator.currentItem().text(0).startswith(title)
    qtbot.keyClick(editor.navigator, Qt.Key.Key_2, ALT)
    focused: QWidget | None = QApplication.focusWidget()
    while focused is not None and not isinstance(focused, QuestionWidget):
        focused = focused.parentWidget()
    assert focused is next(iter(editor.page.questions.values()))
    assert isinstance(QApplication.focusWidget(), (QRadioButton, type(focused.comment)))


def _ratings(window: MainWindow, editor: AuditEditorWindow) -> dict[str, str]:
    with sqlite3.connect(window.session.db.path) as connection:
        return dict(
            connection.execute(
                "SELECT n.question_id, n.rating FROM answers n JOIN audits a ON a.id = n.audit_id "
                "WHERE a.uuid = ? AND n.rating IS NOT NULL",
                (editor.detail.uuid,),
            ).fetchall()
        )
