"""Every focusable control in every window and dialog has an accessible name and a
description; text size and contrast persist."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from auditdesk.domain.grades import Grade
from auditdesk.errors import MissingAnswer
from auditdesk.services.audits._listing import list_audits
from auditdesk.services.demo._generator import DemoOptions, generate_demo
from auditdesk.services.kernel._records import TrailEntry
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.ui.app import AppController
from auditdesk.ui.crash_dialog import CrashDialog
from auditdesk.ui.editor.action_dialog import ActionDialog
from auditdesk.ui.editor.editor_dialogs import MissingDialog, TrailDialog
from auditdesk.ui.editor.override_dialog import OverrideDialog
from auditdesk.ui.editor.reason_dialog import ReasonDialog
from auditdesk.ui.editor.sampled_child_dialog import SampledChildDialog
from auditdesk.ui.new_audit_dialog import NewAuditDialog
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.welcome_dialog import WelcomeDialog
from tests.conftest import FIXED_NOW
from tests.ui.a11y import unnamed_controls
from tests.ui.conftest import MainWindow


def _demo(path: Path, audits: int = 120) -> Path:
    db = open_workspace(path)
    generate_demo(db, DemoOptions(audits, seed=4, as_of=date(2026, 11, 20)))
    db.close()
    return path


def test_every_control_of_the_main_window_and_editors_is_named(
    qtbot: QtBot, open_window: object, tmp_path: Path
) -> None:
    window: MainWindow = open_window(_demo(tmp_path / "demo.sqlite"))  # type: ignore[operator]
    window.show()
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        assert unnamed_controls(window) == [], window.tabs.tabText(tab)
    rows = list_audits(window.session.ctx, limit=400).items
    visit = next(r for r in rows if r.template_id == "setting-visit")
    plan = next(r for r in rows if r.template_id == "ehcp-quality")
    for row in (visit, plan):
        window.open_audit(row.uuid)
        editor = window.editors[row.uuid]
        # Every page of the editor, including block lists and nested child pages.
        for number in range(editor.navigator.topLevelItemCount()):
            editor.navigator.setCurrentItem(editor.navigator.topLevelItem(number))
            assert unnamed_controls(editor) == [], editor.navigator.topLevelItem(number).text(0)
        editor.close()


def test_every_dialog_is_named(qtbot: QtBot, open_window: object, tmp_path: Path) -> None:
    window: MainWindow = open_window(tmp_path / "empty.sqlite")  # type: ignore[operator]
    ctx = window.session.ctx
    missing = [MissingAnswer("A", "Section A", "a.q", "Is it good?", None, None, "not rated yet")]
    trail = [TrailEntry(FIXED_NOW, "Sam", "device", "audit", "status", "Draft", "Completed", None)]
    dialogs = [
        NewAuditDialog(window.templates, [], ["Crewe"], actor=ctx.actor, today=ctx.today()),
        ActionDialog("Finding", ctx.today(), None),
        OverrideDialog(Grade.GOOD, None, None),
        ReasonDialog("Reopen", "Why", "&Reopen", None),
        SampledChildDialog(None),
        MissingDialog(missing),
        TrailDialog(trail),
        WelcomeDialog(),
        CrashDialog("Traceback…", tmp_path / "auditdesk.log"),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed_controls(dialog) == [], dialog.windowTitle()
        dialog.close()


def test_text_size_and_high_contrast_persist(
    qtbot: QtBot, open_window: object, tmp_path: Path
) -> None:
    window: MainWindow = open_window(tmp_path / "a.sqlite")  # type: ignore[operator]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font().pointSizeF()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier
    )
    assert app.font().pointSizeF() > before
    window.contrast.trigger()
    stored = Preferences(window.preferences.path)
    assert stored.text_scale > 1.0
    assert stored.high_contrast
    AppController(app, stored, synchronous=True)  # a new start reads them back
    assert app.font().pointSizeF() > before
    assert app.palette().window().color().name() == "#000000"
    window.contrast.trigger()
    window.view_actions.normal.trigger()
