"""Every keystroke that was shown ends up stored, typed at speed with the real (threaded)
task runner: saves land while the person is already typing in the next box and undo comes
from one history. The random walks of typing, Tab, ratings, undo, redo, page changes and
closing the editor (read back from the database afterwards) are in the
``test_typing_is_never_lost_in_*`` files, one walk each (see tests/ui/typing_walk.py)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QRadioButton
from pytestqt.qtbot import QtBot

from auditdesk.services.audits import _editing as audits
from auditdesk.services.reports._exports import export_audit_report
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.editor.question_widget import TEXT_SAVE_DELAY_MS, QuestionWidget
from tests.conftest import plan_subject
from tests.ui.conftest import Threaded

CTRL = Qt.KeyboardModifier.ControlModifier


def _first_rated(editor: AuditEditorWindow) -> QuestionWidget:
    for page in editor.pages:
        editor.go_to(page.key)
        for widget in editor.page.questions.values():
            if widget.scale is not None and widget.evidence.isVisibleTo(editor):
                return widget
    raise AssertionError("no rated question")


def test_typing_straight_on_into_evidence_keeps_every_letter(
    qtbot: QtBot, threaded: Threaded, tmp_path: Path
) -> None:
    window = threaded.open()
    detail = audits.create_audit(
        window.session.ctx, template_id="ehcp-quality", subject=plan_subject()
    )
    editor = threaded.editor(window, detail.uuid)
    question = _first_rated(editor)
    question.comment.setFocus()
    # A person typing (30 ms a key, events flowing): the comment's save comes 400 ms after
    # its last key, while the evidence is being typed. It used to re-show the stored
    # answer over the evidence box and eat its first letters ("P dated 03/2025").
    qtbot.keyClicks(question.comment, "Plan read in full", delay=30)
    qtbot.keyClick(question.comment, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is question.evidence
    qtbot.keyClicks(question.evidence, "EHCP dated 03/2025", delay=30)
    qtbot.wait(TEXT_SAVE_DELAY_MS * 2)
    assert question.evidence.toPlainText() == "EHCP dated 03/2025"
    key = question.slot.key
    editor.close()
    threaded.settle()
    stored = audits.get_audit(window.session.ctx, detail.uuid).answers[key]
    assert (stored.comment, stored.evidence) == ("Plan read in full", "EHCP dated 03/2025")
    report = tmp_path / "report.pdf"
    export_audit_report(window.session.ctx, detail.uuid, report)
    text = " ".join(page.extract_text() for page in PdfReader(report).pages)
    assert "EHCP dated 03/2025" in text


def test_ctrl_z_in_a_text_box_undoes_through_the_audits_one_history(
    qtbot: QtBot, threaded: Threaded
) -> None:
    window = threaded.open()
    detail = audits.create_audit(
        window.session.ctx, template_id="ehcp-quality", subject=plan_subject()
    )
    editor = threaded.editor(window, detail.uuid)
    question = _first_rated(editor)
    qtbot.waitUntil(editor.isActiveWindow)
    question.comment.setFocus()
    qtbot.keyClicks(question.comment, "Outcomes are vague")  # no pause: not saved yet
    qtbot.keyClick(question.comment, Qt.Key.Key_Z, CTRL)
    assert question.comment.toPlainText() == ""
    assert editor.undo_stack.canRedo()  # the typing went onto the audit's history...
    assert "question 1" in editor.redo_action.text()  # ...named in words
    assert "comment added “Outcomes are vague”" in editor.redo_action.text()
    assert "“" in editor.redo_action.text()
    qtbot.keyClick(question.comment, Qt.Key.Key_Y, CTRL)
    assert question.comment.toPlainText() == "Outcomes are vague"
    editor.history_action.trigger()  # the history the person can see
    assert editor.history.isVisible()
    editor.close()
    threaded.settle()
    stored = audits.get_audit(window.session.ctx, detail.uuid).answers[question.slot.key]
    assert stored.comment == "Outcomes are vague"


def test_one_undo_takes_back_one_visit_to_a_box(qtbot: QtBot, threaded: Threaded) -> None:
    """Typing, leaving the box, coming back and typing more are two changes: Ctrl+Z takes
    back the words added on the second visit only (it once emptied the whole box)."""
    window = threaded.open()
    detail = audits.create_audit(
        window.session.ctx, template_id="ehcp-quality", subject=plan_subject()
    )
    editor = threaded.editor(window, detail.uuid)
    question = _first_rated(editor)
    qtbot.waitUntil(editor.isActiveWindow)
    box = question.comment
    box.setFocus()
    qtbot.keyClicks(box, "Views are in the child's own words.")
    qtbot.keyClick(box, Qt.Key.Key_Tab)  # leaves the box: saved
    threaded.settle()
    qtbot.wait(TEXT_SAVE_DELAY_MS + 100)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is box
    box.moveCursor(box.textCursor().MoveOperation.End)
    qtbot.keyClicks(box, " Family views recorded too.")
    qtbot.wait(TEXT_SAVE_DELAY_MS + 100)  # a pause: saved, still in the box
    qtbot.keyClicks(box, " Both signed.")
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.toPlainText() == "Views are in the child's own words."
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.toPlainText() == ""
    qtbot.keyClick(box, Qt.Key.Key_Y, CTRL)
    editor.close()
    threaded.settle()
    stored = audits.get_audit(window.session.ctx, detail.uuid).answers[question.slot.key]
    assert stored.comment == "Views are in the child's own words."


def test_typing_a_box_full_stops_at_what_can_be_stored(qtbot: QtBot, threaded: Threaded) -> None:
    window = threaded.open()
    detail = audits.create_audit(
        window.session.ctx, template_id="ehcp-quality", subject=plan_subject()
    )
    editor = threaded.editor(window, detail.uuid)
    question = _first_rated(editor)
    box: QPlainTextEdit = question.comment
    box.setFocus()
    box.insertPlainText("x" * 19_999)
    qtbot.keyClicks(box, "yz!")
    assert len(box.toPlainText()) == 20_000
    assert "at most 20,000 characters" in editor.message.message
    editor.close()
    threaded.settle()
    stored = audits.get_audit(window.session.ctx, detail.uuid).answers[question.slot.key]
    assert stored.comment == "x" * 19_999 + "y"
    assert isinstance(next(iter(question.buttons.values())), QRadioButton)
