"""Alt keys as a keyboard user relies on them: in every window and dialog each Alt+letter
is used once, no "&" shows as a character, and every key reaches what its label names
(Alt+H opens Help, Alt+D on the Moderation tab draws a sample, Alt+L clears the filters,
Alt+S starts a new audit or sends the bundle, a field's label key moves to that field)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import AuditStatus
from auditdesk.services import moderation
from auditdesk.services.audits import _editing as audits
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.services.kernel._people import list_auditors
from auditdesk.ui.editor.action_dialog import ActionDialog
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.editor.override_dialog import OverrideDialog
from auditdesk.ui.editor.sampled_child_dialog import SampledChildDialog
from auditdesk.ui.exchange.send_dialog import SendDialog
from auditdesk.ui.export_dialog import ExportDialog
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.moderation.blind_marking_window import BlindMarkingWindow
from auditdesk.ui.new_audit_dialog import NewAuditDialog
from auditdesk.ui.welcome_dialog import WelcomeDialog
from tests.conftest import plan_subject
from tests.ui.alt_keys import alt_keys_astray, press_alt
from tests.ui.demo_files import copy_of
from tests.ui.keys import activate
from tests.ui.scripted_dialogs import ScriptedDialogs
from tests.ui.visible import literal_ampersands, mnemonic_clashes

CTRL = Qt.KeyboardModifier.ControlModifier


class Keys:
    """Checks each window and dialog by its Alt keys, keeping every problem found."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.problems: list[str] = []

    def check(self, where: str, root: QWidget) -> None:
        QApplication.processEvents()
        for key, owners in mnemonic_clashes(root).items():
            self.problems.append(f"{where}: Alt+{key.upper()} is used by {owners}")
        self.problems += [f"{where}: '&' shown in {text!r}" for text in literal_ampersands(root)]
        astray, pressed = alt_keys_astray(self.qtbot, root)
        assert pressed, f"{where}: no Alt key to try"
        self.problems += [f"{where}: {problem}" for problem in astray]


def test_every_alt_key_is_used_once_and_reaches_what_it_names(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    window = open_window(copy_of(demo_file, tmp_path))
    activate(qtbot, window)
    keys = Keys(qtbot)
    for number in range(window.tabs.count()):
        window.tabs.setCurrentIndex(number)
        keys.check(f"main window, {window.tabs.tabText(number)} tab", window)
    window.tabs.setCurrentIndex(0)

    # Alt+H opens Help, whatever has the keyboard on the Audits tab.
    window.audit_list.filters.search.setFocus()
    press_alt(qtbot, "h", clicks=False)
    help_menu = QApplication.activePopupWidget()
    assert isinstance(help_menu, QMenu)
    assert "Keyboard shortcuts" in [a.text().replace("&", "") for a in help_menu.actions()]
    qtbot.keyClick(help_menu, Qt.Key.Key_Escape)
    qtbot.keyClick(window.menuBar(), Qt.Key.Key_Escape)

    # Alt+L clears the filters, as the empty list's advice says.
    filters = window.audit_list.filters
    filters.status.setCurrentIndex(filters.status.findData(AuditStatus.SIGNED_OFF))
    filters.search.setFocus()
    press_alt(qtbot, "l")
    assert filters.status.currentText() == "Any"
    assert window.audit_model.current_filter.statuses == ()

    # Alt+N: a new audit. Its Alt keys, for a plan and for a setting visit; Alt+S starts.
    press_alt(qtbot, "n")
    new = dialogs.latest(NewAuditDialog)
    activate(qtbot, new)
    keys.check("new audit of a plan", new)
    new.template.setCurrentIndex(new.template.findText("Setting quality visit"))
    new.visit_setting.setCurrentIndex(new.visit_setting.findData(new.visit_setting.itemData(1)))
    keys.check("new audit of a new setting", new)
    press_alt(qtbot, "s")
    assert new.isVisible()  # not started: the new setting's name is missing
    assert QApplication.focusWidget() is new.new_name
    assert new.shown_problems() == [
        "Enter the new setting's name.",
        "Choose the type of setting.",
        "Choose the setting's phase.",
        "Enter the setting's locality.",
    ]
    new.reject()

    # Alt+D on the Moderation tab draws a sample (not the Dashboard, not a filter).
    activate(qtbot, window)
    view = window.moderation_view
    window.tabs.setCurrentWidget(view)
    view.table.setFocus()
    before = len(moderation.list_moderations(window.session.ctx))
    press_alt(qtbot, "d")
    assert len(moderation.list_moderations(window.session.ctx)) > before
    assert window.message.message.startswith("Drew ")

    # Sending: "File:" is a label with a key, not "&File:"; Alt+S sends.
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    send = dialogs.latest(SendDialog)
    activate(qtbot, send)
    keys.check("send audits", send)
    send.chosen.setChecked(True)
    keys.check("send chosen audits", send)
    bundle = tmp_path / "out.auditdesk"
    send.target.setText(str(bundle))
    send.unsent.setChecked(True)
    press_alt(qtbot, "s")
    assert bundle.exists()

    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    export = dialogs.latest(ExportDialog)
    activate(qtbot, export)
    keys.check("export for the Board", export)
    export.reject()

    # An editor, opened with Enter on the list: its pages and menus.
    activate(qtbot, window)
    window.tabs.setCurrentIndex(0)
    window.audit_list.table.setFocus()
    qtbot.keyClick(window.audit_list.table, Qt.Key.Key_Return)
    editor = next(iter(window.editors.values()))
    assert isinstance(editor, AuditEditorWindow)
    activate(qtbot, editor)
    for number in (0, 1, 2):
        editor.navigator.setCurrentItem(editor.navigator.topLevelItem(number))
        keys.check(f"editor, page {number + 1}", editor)
    editor.close()

    assert keys.problems == [], "\n".join(keys.problems)


def test_the_editor_and_moderation_dialogs_keys(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    window = open_window(copy_of(demo_file, tmp_path))
    ctx = window.session.ctx
    keys = Keys(qtbot)
    activate(qtbot, window)
    _menu_command(window, "Your profile").trigger()
    keys.check("your profile", _shown(qtbot, dialogs.latest(WelcomeDialog)))
    dialogs.latest(WelcomeDialog).reject()

    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    window.open_audit(detail.uuid)
    editor = window.editors[detail.uuid]
    activate(qtbot, editor)
    editor.go_to(editor.pages[1].key)
    question = next(iter(editor.page.questions.values()))
    qtbot.mouseClick(question.add_action, Qt.MouseButton.LeftButton)
    keys.check("add an action", _shown(qtbot, dialogs.latest(ActionDialog)))
    dialogs.latest(ActionDialog).reject()
    editor.override_action.trigger()
    keys.check("override the grade", _shown(qtbot, dialogs.latest(OverrideDialog)))
    dialogs.latest(OverrideDialog).reject()
    editor.close()

    setting = subjects.list_settings(window.session.ctx)[0]
    visit = audits.create_audit(
        ctx, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
    )
    window.open_audit(visit.uuid)
    editor = window.editors[visit.uuid]
    activate(qtbot, editor)
    editor.go_to(next(p for p in editor.pages if p.lists_blocks).key)
    press_alt(qtbot, "d", editor.page)  # Add sampled child…
    keys.check("add a sampled child", _shown(qtbot, dialogs.latest(SampledChildDialog)))
    dialogs.latest(SampledChildDialog).reject()
    editor.close()

    # Second marking, opened by its key on the Moderation tab.
    drawn = moderation.draw_sample(ctx, percentage=5, seed=2).drawn[0]
    me = next(a for a in list_auditors(window.session.ctx) if a.name == ctx.actor.name)
    moderation.assign_second_marker(ctx, drawn.uuid, me.uuid)
    activate(qtbot, window)
    view = window.moderation_view
    window.tabs.setCurrentWidget(view)
    view._select({drawn.uuid})
    press_alt(qtbot, "m", view.table)  # Second mark…
    blind = dialogs.latest(BlindMarkingWindow)
    keys.check("second marking", _shown(qtbot, blind))
    blind.close()
    assert keys.problems == [], "\n".join(keys.problems)


def _shown(qtbot: QtBot, window: QWidget) -> QWidget:
    activate(qtbot, window)
    return window


def _menu_command(window: MainWindow, text: str) -> QAction:
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if isinstance(menu, QMenu) else []:
            if action.text().replace("&", "").rstrip("…") == text:
                return action
    raise AssertionError(f"no menu command {text!r}")


def test_the_keyboard_help_reads_as_flowing_paragraphs() -> None:
    """The help box wraps its text to its own width, so a line break inside a paragraph
    would break a sentence in the middle."""
    from auditdesk.ui.main_menus import KEYBOARD_HELP

    paragraphs = KEYBOARD_HELP.split("\n\n")
    assert len(paragraphs) == 4
    assert all("\n" not in paragraph for paragraph in paragraphs)
    assert "Ctrl+0 returns it to normal, Ctrl+Shift+H switches high contrast." in paragraphs[0]
