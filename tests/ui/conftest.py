"""Fixtures for driving the real window: a real database file, a profile, the controller
with a synchronous task runner (results arrive before the next line of the test), and the
scripted dialog seam (``dialogs``) in place of file choosers and message boxes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import Agency, Role
from auditdesk.ui.app import AppController
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.preferences import Preferences
from tests.ui.scripted_dialogs import ScriptedDialogs


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    prefs = Preferences(tmp_path / "preferences.ini")
    prefs.remember_profile("Sam Practice", Agency.EDUCATION, Role.PRACTICE_CHAMPION)
    return prefs


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def controller(
    qtbot: QtBot, preferences: Preferences, dialogs: ScriptedDialogs
) -> Iterator[AppController]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    made = AppController(app, preferences, synchronous=True, dialogs=dialogs)
    yield made
    made.close()
    for dialog in dialogs.open_dialogs():  # nothing of one test is left on screen
        dialog.close()
    assert not dialogs.unanswered, f"answers never asked for: {dialogs.unanswered}"


@pytest.fixture
def open_window(controller: AppController, tmp_path: Path) -> Callable[[Path | None], MainWindow]:
    def open_(path: Path | None = None) -> MainWindow:
        assert controller.open(path or tmp_path / "audits.sqlite")
        assert controller.window is not None
        return controller.window

    return open_
