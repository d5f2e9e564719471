"""Saving answers through the real editor window (offscreen, real task runner), for
``bench_editing``: each edit is made on the question's own widgets, and timed until the
window says everything is saved."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from auditdesk.domain.reference import Agency, Role
from auditdesk.ui.app import AppController
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.editor.pages import PageKey
from auditdesk.ui.editor.question_widget import QuestionWidget
from auditdesk.ui.preferences import Preferences
from benchmarks.qt_wait import wait_until

if TYPE_CHECKING:
    from auditdesk.services.kernel._records import AuditDetail
    from benchmarks.bench_editing import Edit


def time_window(
    database: Path,
    audit_uuid: str,
    person: tuple[str, Agency, Role],
    plan: Callable[[AuditDetail], list[Edit]],
) -> tuple[list[Edit], list[tuple[float, float]]]:
    """The edits made and, for each, the seconds from the edit to the window's "All changes
    saved", and the processor time spent meanwhile (every thread: the window's, the write
    lane's and any reading the save set off)."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    preferences = Preferences(database.with_name("editing-bench-preferences.ini"))
    preferences.remember_profile(*person)
    controller = AppController(app, preferences)  # the real runner: worker threads
    try:
        assert controller.open(database), "the database did not open"
        window = controller.window
        assert window is not None
        window.open_audit(audit_uuid)
        _wait(app, lambda: audit_uuid in window.editors)
        editor = window.editors[audit_uuid]
        edits = plan(editor.detail)
        acknowledged: list[float] = []
        editor.saved.connect(lambda: acknowledged.append(time.perf_counter()))
        return edits, [_save(app, editor, edit, acknowledged) for edit in edits]
    finally:
        controller.close()


def _save(
    app: QApplication, editor: AuditEditorWindow, edit: Edit, acknowledged: list[float]
) -> tuple[float, float]:
    page = PageKey(_section_of(editor, edit.question_id), edit.block_id)
    if editor.current_page != page:  # moving to the page is not part of saving
        editor.go_to(page)
    _settle(app, editor)
    widget = editor.page.questions[(edit.question_id, edit.block_id)]
    acknowledged.clear()
    begun, used = time.perf_counter(), time.process_time()
    _edit(widget, edit)
    _wait(app, lambda: bool(acknowledged))
    return acknowledged[0] - begun, time.process_time() - used


def _edit(widget: QuestionWidget, edit: Edit) -> None:
    """The edit, made as a person makes it on the question's widgets."""
    if edit.field == "rating" and edit.value is None:
        QTest.keyClick(widget.buttons[next(iter(widget.buttons))], Qt.Key.Key_Delete)
    elif edit.field == "rating":
        assert edit.value is not None
        widget.buttons[edit.value].setChecked(True)
    else:
        box = widget.comment if edit.field == "comment" else widget.evidence
        box.setPlainText(edit.value or "")
        widget.flush()  # as leaving the box does: no waiting for the pause in typing


def _settle(app: QApplication, editor: AuditEditorWindow) -> None:
    """Whatever the last save or page change set off (the list refreshing, the old page's
    widgets going) is finished before the next edit, so each save is timed on its own."""
    runner = editor.session.runner
    _wait(app, lambda: runner.idle)
    for _ in range(3):
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        app.processEvents()


def _section_of(editor: AuditEditorWindow, question_id: str) -> str:
    return editor.detail.index.question_section[question_id].id


def _wait(app: QApplication, done: Callable[[], bool]) -> None:
    wait_until(app, done, timeout=60.0, what="saving an answer")
