"""Fixtures for driving the real window: a real database file, a profile, the controller
with a synchronous task runner (results arrive before the next line of the test), and the
scripted dialog seam (``dialogs``) in place of file choosers and message boxes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import Agency, Role
from auditdesk.ui.app import AppController
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.task_runner import TaskRunner
from tests import made_once
from tests.ui.demo_files import make_demo
from tests.ui.scripted_dialogs import ScriptedDialogs
from tests.ui.waiting import QtBotLookingOften

D = TypeVar("D", bound=QDialog)


@pytest.fixture
def qtbot(qapp: QApplication, request: pytest.FixtureRequest) -> QtBot:
    """pytest-qt's robot, noticing sooner that what it waits for has happened
    (tests/ui/waiting.py): the window tests wait for results after nearly every step."""
    return QtBotLookingOften(request)


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    prefs = Preferences(tmp_path / "preferences.ini")
    prefs.remember_profile("Sam Practice", Agency.EDUCATION, Role.PRACTICE_CHAMPION)
    return prefs


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database (60 audits of every kind), made once for the tests that read
    one; each test copies it (``tests/ui/demo_files.copy_of``) before changing anything."""
    return make_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite", 60, seed=5)


def new_unless_there(path: Path) -> Path:
    """``path``, where a new database is put first if there is nothing: a copy of the one
    made once per run (tests/made_once.py), the same file the window would make, without
    running every migration again for each test. The window making a database itself is
    tested where that is the point (opening through ``controller.open``)."""
    if not path.exists():
        made_once.new_database(path)
    return path


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
        assert controller.open(new_unless_there(path or tmp_path / "audits.sqlite"))
        assert controller.window is not None
        return controller.window

    return open_


@pytest.fixture
def threaded(
    qtbot: QtBot, preferences: Preferences, dialogs: ScriptedDialogs, tmp_path: Path
) -> Iterator[Threaded]:
    """The window with the real task runner (worker threads, results through the event
    loop), as people use it: for typing at speed and closing windows mid-work."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    made = Threaded(qtbot, AppController(app, preferences, dialogs=dialogs), tmp_path)
    yield made
    made.controller.close()
    for dialog in dialogs.open_dialogs():
        dialog.close()


class Threaded:
    def __init__(self, qtbot: QtBot, controller: AppController, folder: Path) -> None:
        self.qtbot = qtbot
        self.controller = controller
        self.folder = folder

    def open(self, path: Path | None = None) -> MainWindow:
        assert self.controller.open(new_unless_there(path or self.folder / "audits.sqlite"))
        assert self.controller.window is not None
        self.controller.window.show()
        return self.controller.window

    @property
    def runner(self) -> TaskRunner:
        assert self.controller.session is not None
        return self.controller.session.runner

    def settle(self, timeout_ms: int = 10_000) -> None:
        """Until every queued job has run and its result has been delivered."""
        self.qtbot.waitUntil(lambda: self.runner.idle, timeout=timeout_ms)
        QApplication.processEvents()

    def dialog(self, kind: type[D]) -> D:
        """The newest open dialog of ``kind``, once it is on screen: a dialog showing what
        the database holds opens when that has been read."""
        dialogs = self.controller.dialogs
        assert isinstance(dialogs, ScriptedDialogs)
        self.qtbot.waitUntil(
            lambda: any(isinstance(d, kind) for d in dialogs.open_dialogs()), timeout=10_000
        )
        return dialogs.latest(kind)

    def editor(self, window: MainWindow, audit_uuid: str) -> AuditEditorWindow:
        window.open_audit(audit_uuid)
        self.qtbot.waitUntil(lambda: audit_uuid in window.editors, timeout=10_000)
        editor = window.editors[audit_uuid]
        editor.activateWindow()
        return editor
