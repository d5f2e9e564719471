"""Who I am is mine, not the database's: opening the demo database (whose last user was its
quality lead) keeps me as myself in the window, on the audits I start and on what I
export; the demo's people are left as they were."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import Agency, Role
from auditdesk.services.kernel._people import get_profile, list_auditors
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.ui.app import AppController
from auditdesk.ui.export_dialog import ExportDialog
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.new_audit_dialog import NewAuditDialog
from auditdesk.ui.welcome_dialog import WelcomeDialog
from tests.ui.demo_files import copy_of, make_demo
from tests.ui.scripted_dialogs import ScriptedDialogs

ME = ("Sam Practice", Agency.EDUCATION, Role.PRACTICE_CHAMPION)  # the preferences fixture
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("who") / "demo.sqlite", 40, seed=2)


def test_opening_the_demo_keeps_me_as_myself_and_my_exports_say_so(
    qtbot: QtBot,
    controller: AppController,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    demo = copy_of(demo_file, tmp_path)
    db = open_workspace(demo)
    demo_user = get_profile(db)  # the demo's quality lead, its last "user"
    db.close()
    assert demo_user is not None
    assert demo_user.name != ME[0]

    # My own database first, then File > Open database (Ctrl+O) on the demo.
    mine = open_window(tmp_path / "mine.sqlite")
    _activate(qtbot, mine)
    dialogs.answer("open_file", demo)
    qtbot.keyClick(mine, Qt.Key.Key_O, CTRL)
    window = controller.window
    assert window is not None
    assert window is not mine
    assert window.session.db.path == demo
    _activate(qtbot, window)

    actor = window.session.ctx.actor
    assert (actor.name, actor.agency, actor.role) == ME
    assert controller.preferences.profile == ME  # my preferences are untouched

    # What the window shows of me: the lead of a new audit, and my profile.
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    new = dialogs.latest(NewAuditDialog)
    assert new.lead.text() == "Lead: Sam Practice (Education)"
    new.reject()
    profile_action = next(
        a for a in window.findChildren(type(window.contrast)) if "profile" in a.text()
    )
    profile_action.trigger()
    profile = dialogs.latest(WelcomeDialog)
    assert profile.name.text() == ME[0]
    assert profile.agency.currentText() == "Education"
    assert profile.role.currentText() == "Practice champion"
    profile.reject()

    # A Board export is produced by me.
    xlsx, pdf = tmp_path / "board.xlsx", tmp_path / "board.pdf"
    _activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    export = dialogs.latest(ExportDialog)
    export.period.setCurrentIndex(export.period.findText("2025/26"))
    dialogs.answer("save_file", xlsx)
    dialogs.answer("save_file", pdf)
    for button in export.findChildren(QPushButton):
        if button.text() == "Choose…":
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    export.open_after.setChecked(False)
    qtbot.mouseClick(export.ok_button, Qt.MouseButton.LeftButton)
    assert "Exported" in window.message.message
    cover = PdfReader(pdf).pages[0].extract_text()
    assert "by Sam Practice" in " ".join(cover.split())
    assert demo_user.name not in cover
    workbook = openpyxl.load_workbook(xlsx, read_only=True)
    about = workbook["About"].iter_rows(values_only=True)
    produced_by = [row[1] for row in about if row[:1] == ("By",)]
    workbook.close()
    assert produced_by == ["Sam Practice"]

    # The database learned who works in it now; nobody in it was renamed or replaced.
    profile_now = get_profile(window.session.db)
    assert profile_now is not None
    assert profile_now.name == ME[0]
    people = {(a.name, a.agency, a.role) for a in list_auditors(window.session.ctx)}
    assert (demo_user.name, demo_user.agency, demo_user.role) in people
    assert ME in people


def _activate(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QApplication.processEvents()
