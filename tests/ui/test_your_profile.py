"""Help > Your profile speaks of changing a profile, not of the first run's welcome ("you
can change this later from the Help menu" is said from inside that very command), and what
it says holds: work already recorded keeps the name it was recorded under."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits._listing import AuditFilter, list_audits
from auditdesk.services.kernel._people import get_profile
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.welcome_dialog import WelcomeDialog
from tests.conftest import plan_subject
from tests.ui.alt_keys import press_alt
from tests.ui.scripted_dialogs import ScriptedDialogs
from tests.ui.visible import visible_texts


def test_your_profile_says_what_changing_it_does(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = open_window(None)
    ctx = window.session.ctx
    before = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    press_alt(qtbot, "h", clicks=False)  # the Help menu
    menu = QApplication.activePopupWidget()
    assert menu is not None
    qtbot.keyClick(menu, Qt.Key.Key_P)  # Your profile…
    dialog = dialogs.latest(WelcomeDialog)
    assert dialog.windowTitle() == "Your profile"
    assert dialog.accessibleName() == "Your profile"
    said = " ".join(visible_texts(dialog))
    for stale in ("Welcome", "later", "before you start", "opens AuditDesk"):
        assert stale not in said, f"{stale!r} is the first run's, not a change of profile"
    assert dialog.intro.text().startswith("Your name, agency and role go on the audits")
    assert dialog.ok_button.text() == "&Save"

    dialog.name.setFocus()
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Sam Practice-Jones")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert "Your work is now recorded as Sam Practice-Jones (Education)." in window.message.message
    profile = get_profile(window.session.db)
    assert profile is not None
    assert profile.name == "Sam Practice-Jones"
    # As the dialog said: the audit started before keeps the name it was started under.
    rows = list_audits(window.session.ctx, AuditFilter()).items
    assert next(r for r in rows if r.uuid == before.uuid).lead_auditor == "Sam Practice"
