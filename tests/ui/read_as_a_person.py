"""Reading the app as a person reads it (the ``test_what_people_read`` files): a
:class:`Reader` checks each state of a window or dialog and keeps every problem found, by
where it was, so all of them are reported together."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.main_window import MainWindow
from tests.ui.visible import (
    literal_ampersands,
    mnemonic_clashes,
    visible_texts,
    wording_problems,
)
from tests.visible_text import internal_ids_in

CONTAINS = Qt.MatchFlag.MatchContains


class Reader:
    """Checks each state of the app and keeps every problem found, by where it was."""

    def __init__(self, path: Path) -> None:
        with sqlite3.connect(path) as connection:
            ids = [row[0] for row in connection.execute("SELECT uuid FROM audits")]
            ids += [row[0] for row in connection.execute("SELECT uuid FROM audit_blocks")]
        self.extra_ids = ids
        self.folder = str(path.parent)
        self.problems: list[str] = []
        self.states = 0

    def check(self, where: str, root: QWidget) -> None:
        QApplication.processEvents()
        self.states += 1
        # The database's own path (a test folder's name) is the person's, not ours.
        texts = [t for t in visible_texts(root) if self.folder not in t]
        for found in internal_ids_in(texts, extra_ids=self.extra_ids):
            self.problems.append(f"{where}: internal id {found!r}")
        self.problems += [f"{where}: {problem}" for problem in wording_problems(texts)]
        self.problems += [f"{where}: '&' shown in {t!r}" for t in literal_ampersands(root)]
        for key, owners in mnemonic_clashes(root).items():
            self.problems.append(f"{where}: Alt+{key.upper()} is used by {owners}")


def open_editor(qtbot: QtBot, window: MainWindow, audit_uuid: str) -> AuditEditorWindow:
    """The editor, as the window opens it (and closes it, with itself: an editor deletes
    itself once closed, so it is not given to qtbot to close again)."""
    window.open_audit(audit_uuid)
    editor = window.editors[audit_uuid]
    qtbot.waitExposed(editor)
    return editor


def tried(dialog: QDialog) -> QDialog:
    """Press the dialog's OK once, so its problems (if any) show, then read it."""
    ok = getattr(dialog, "ok_button", None)
    if ok is not None and ok.isEnabled():
        submit = getattr(dialog, "submit", None)
        dialog.submit = None  # type: ignore[attr-defined]  # read it, do not act on it
        checks = getattr(dialog, "problems", lambda: [])()
        if checks:
            ok.click()
        dialog.submit = submit  # type: ignore[attr-defined]
    return dialog
