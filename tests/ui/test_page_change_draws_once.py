"""Changing part in the editor draws the new part once: drawing a long part is most of
what a page change costs, and it was drawn twice (once as the sections list followed, once
more by the command), whether the change came from Ctrl+PgDown or from the sections list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from auditdesk.services.audits import create_audit
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.main_window import MainWindow
from tests.conftest import plan_subject
from tests.ui.keys import activate

CTRL = Qt.KeyboardModifier.ControlModifier


def test_each_part_is_drawn_once_however_it_is_reached(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]
) -> None:
    window = open_window(None)
    detail = create_audit(
        window.session.ctx, template_id="ehcp-quality", subject=plan_subject(year_group=10)
    )
    window.open_audit(detail.uuid)
    qtbot.waitUntil(lambda: detail.uuid in window.editors)
    editor: AuditEditorWindow = window.editors[detail.uuid]
    activate(qtbot, editor)
    drawn: list[Any] = []
    draw = editor.page.show_page

    def counted(page: Any, *args: Any, **kwargs: Any) -> None:
        drawn.append(page.key)
        draw(page, *args, **kwargs)

    editor.page.show_page = counted  # type: ignore[method-assign]
    navigator = editor.navigator
    parts = navigator.topLevelItemCount()
    assert parts > 3

    for step in range(1, 4):  # Ctrl+PgDown, as a person moves through the audit
        qtbot.keyClick(editor.focusWidget() or editor, Qt.Key.Key_PageDown, CTRL)
        assert len(drawn) == step
        assert navigator.currentItem() is navigator.topLevelItem(step)
        assert drawn[-1] == navigator.currentItem().data(0, Qt.ItemDataRole.UserRole)

    navigator.setFocus()  # and from the sections list, with the arrow keys
    qtbot.keyClick(navigator, Qt.Key.Key_Down)
    assert len(drawn) == 4
    assert drawn[-1] == navigator.topLevelItem(4).data(0, Qt.ItemDataRole.UserRole)
