"""A zero-length file opened in the window is made into a database only if the person says
so: "X is empty (0 bytes). Make a new AuditDesk database in it?" No leaves it untouched
(and nothing beside it); File > New database on an empty file has asked already."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from auditdesk.store.engine import APPLICATION_ID, read_application_id
from auditdesk.ui.app import AppController
from auditdesk.ui.main_window import MainWindow
from tests.ui.scripted_dialogs import ScriptedDialogs

QUESTION = "empty.sqlite is empty (0 bytes). Make a new AuditDesk database in it?"


def _empty(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "empty.sqlite"
    path.touch()
    return path


def test_no_leaves_an_empty_file_untouched(
    controller: AppController, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    """Before: the file was made into a database without a question."""
    path = _empty(tmp_path)
    dialogs.answer("confirm", False)

    assert not controller.open(path)

    assert dialogs.asked[-1].kind == "confirm"
    assert dialogs.asked[-1].text == QUESTION
    assert controller.window is None
    assert [(p.name, p.stat().st_size) for p in path.parent.iterdir()] == [("empty.sqlite", 0)]


def test_yes_makes_a_new_database_in_it(
    controller: AppController, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    path = _empty(tmp_path)
    dialogs.answer("confirm", True)

    assert controller.open(path)

    assert dialogs.asked[-1].text == QUESTION
    assert controller.window is not None
    assert controller.window.audit_model.total == 0
    assert read_application_id(path) == APPLICATION_ID


def test_new_database_on_an_empty_file_does_not_ask_twice(
    qtbot: QtBot, controller: AppController, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    first = tmp_path / "mine.sqlite"
    assert controller.open(first)
    window = controller.window
    assert isinstance(window, MainWindow)
    path = _empty(tmp_path)
    dialogs.answer("save_file", path)  # the chooser asked about replacing it already

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )

    assert [asked.kind for asked in dialogs.asked] == ["save_file"]
    assert controller.window is not None
    assert controller.window.session.db.path == path
    assert read_application_id(path) == APPLICATION_ID
