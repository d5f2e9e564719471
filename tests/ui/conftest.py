"""Fixtures for driving the real window: a real database file, a profile, the controller
with a synchronous task runner (results arrive before the next line of the test), and a
helper to act on modal dialogs while ``exec()`` is waiting."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import Agency, Role
from auditdesk.ui.app import AppController
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.preferences import Preferences


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    prefs = Preferences(tmp_path / "preferences.ini")
    prefs.remember_profile("Sam Practice", Agency.EDUCATION, Role.PRACTICE_CHAMPION)
    return prefs


@pytest.fixture
def controller(qtbot: QtBot, preferences: Preferences) -> Iterator[AppController]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    made = AppController(app, preferences, synchronous=True)
    yield made
    made.close()


@pytest.fixture
def open_window(controller: AppController, tmp_path: Path) -> Callable[[Path | None], MainWindow]:
    def open_(path: Path | None = None) -> MainWindow:
        assert controller.open(path or tmp_path / "audits.sqlite")
        assert controller.window is not None
        return controller.window

    return open_


def when_modal(action: Callable[[QWidget], None], *, timeout_ms: int = 5000) -> None:
    """Run ``action`` on the next modal dialog as soon as it appears (while the code that
    opened it is blocked in ``exec()``)."""
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            if QApplication.activeWindow() is not dialog and waited[0] < timeout_ms:
                dialog.activateWindow()  # activation is asynchronous: look again shortly
                waited[0] += 20
                QTimer.singleShot(20, poll)
                return
            try:
                action(dialog)
            except BaseException:
                # Never leave exec() waiting: close the dialog, then let pytest-qt report.
                if isinstance(dialog, QDialog) and dialog.isVisible():
                    dialog.reject()
                raise
            return
        waited[0] += 20
        if waited[0] > timeout_ms:
            raise AssertionError("no dialog appeared")
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
