"""The first question AuditDesk asks on a new laptop says truly what it is for, where to
change the answer later, and what each button does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import Agency, Role
from auditdesk.ui.app import AppController
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.welcome_dialog import WelcomeDialog
from tests.ui.a11y import unnamed_controls
from tests.ui.scripted_dialogs import ScriptedDialogs
from tests.ui.visible import visible_texts, wording_problems
from tests.visible_text import internal_ids_in


def test_the_welcome_says_where_to_change_it_and_what_cancel_does(
    qtbot: QtBot, qapp: QApplication, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    read: dict[str, str] = {}

    def read_then_cancel(dialog: WelcomeDialog) -> None:
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        read.update(
            title=dialog.windowTitle(),
            intro=dialog.intro.text(),
            start=dialog.ok_button.toolTip(),
            cancel=cancel.accessibleDescription(),
            cancel_tip=cancel.toolTip(),
        )
        assert unnamed_controls(dialog) == []
        texts = visible_texts(dialog)
        assert internal_ids_in(texts) == []
        assert wording_problems(texts) == []
        dialog.reject()

    dialogs.answer("dialog", read_then_cancel)
    controller = AppController(qapp, Preferences(tmp_path / "new.ini"), synchronous=True,
                               dialogs=dialogs)  # fmt: skip
    try:
        assert not controller.open(tmp_path / "first.sqlite")  # cancelled: AuditDesk stops
        assert controller.window is None
    finally:
        controller.close()
    assert read["title"] == "Welcome to AuditDesk"
    # Each button says what it does here: Cancel does not merely close a form, it stops
    # AuditDesk starting (nothing is saved, and it asks again next time).
    assert read["cancel"] == read["cancel_tip"]
    assert "Closes AuditDesk without starting" in read["cancel"]
    assert read["start"] == "Saves who you are and opens AuditDesk"

    # The intro names the very menu item that changes the answer later.
    where = "Help > Your profile"
    assert where in read["intro"]
    preferences = Preferences(tmp_path / "known.ini")
    preferences.remember_profile("Sam Practice", Agency.EDUCATION, Role.PRACTICE_CHAMPION)
    known = AppController(qapp, preferences, synchronous=True, dialogs=dialogs)
    try:
        assert known.open(tmp_path / "second.sqlite")
        assert known.window is not None
        menus = {
            action.text().replace("&", ""): [
                item.text().replace("&", "").rstrip("…") for item in action.menu().actions()
            ]
            for action in known.window.menuBar().actions()
        }
        menu, item = where.split(" > ")
        assert item in menus[menu]
    finally:
        known.close()
