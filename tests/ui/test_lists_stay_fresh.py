"""After File > Import bundle, the lists offer what came in: the new auditor, setting,
locality and template are in the audit list's filters (and stay there after Refresh), and
choosing them finds the imported audits; a sample can be drawn from the new template."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import Agency, SettingPhase, SettingType
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.ui.exchange.import_dialog import ImportPreviewDialog
from auditdesk.ui.main_window import MainWindow
from tests.bundles.helpers import install_quick_check, open_laptop
from tests.conftest import plan_subject
from tests.services.helpers import answer_everything
from tests.ui.scripted_dialogs import ScriptedDialogs

AUDITOR = "Ali Auditor (Health)"
SETTING = "Brook Lane Primary"


def test_an_import_brings_its_people_and_places_into_the_filters(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    bundle = _bundle_from_another_laptop(tmp_path)
    window = open_window(tmp_path / "lead.sqlite")
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    bar = window.audit_list.filters
    assert AUDITOR not in _offered(bar.auditor)
    assert SETTING not in _offered(bar.setting)

    dialogs.answer("open_file", bundle)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # Import bundle
    preview = dialogs.latest(ImportPreviewDialog)
    qtbot.mouseClick(preview.ok_button, Qt.MouseButton.LeftButton)
    assert window.message.message.startswith("Imported ")

    assert AUDITOR in _offered(bar.auditor)
    assert SETTING in _offered(bar.setting)
    assert "Nantwich" in _offered(bar.locality)
    assert "Quick plan check" in _offered(bar.template)
    assert "Quick plan check" in _offered(window.moderation_view.template)

    # Choosing the new auditor finds their three audits; the choice survives F5.
    _choose(qtbot, bar.auditor, AUDITOR)
    assert window.audit_model.total == 3
    assert window.audit_list.count.text() == "3 audits"
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert bar.auditor.currentText() == AUDITOR
    assert AUDITOR in _offered(bar.auditor)
    assert SETTING in _offered(bar.setting)
    assert window.audit_model.total == 3

    _choose(qtbot, bar.setting, SETTING)
    assert window.audit_model.total == 1
    assert window.audit_model.row_at(0).setting_name == SETTING


def test_a_setting_added_with_a_new_audit_is_offered_at_once(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]
) -> None:
    window = open_window(None)
    bar = window.audit_list.filters
    ctx = window.session.ctx
    setting = subjects.add_setting(
        ctx, name="Riverside Academy", urn="123456", setting_type=SettingType.MAINSTREAM,
        phase=SettingPhase.SECONDARY, locality="Macclesfield",
    )  # fmt: skip
    audits.create_audit(
        ctx, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
    )
    assert "Riverside Academy" not in _offered(bar.setting)  # made behind the window's back
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F5)  # Refresh lists
    assert "Riverside Academy" in _offered(bar.setting)
    assert "Macclesfield" in _offered(bar.locality)


def _bundle_from_another_laptop(folder: Path) -> Path:
    """Ali, a health auditor new to the lead, sends a setting visit of a setting new to
    the lead, a plan audit in a new locality, and an audit of a template new to the lead."""
    laptop = open_laptop(folder / "ali", "Ali Auditor", agency=Agency.HEALTH)
    ctx = laptop.ctx
    install_quick_check(laptop)
    setting = subjects.add_setting(
        ctx, name=SETTING, urn="654321", setting_type=SettingType.MAINSTREAM,
        phase=SettingPhase.PRIMARY, locality="Crewe",
    )  # fmt: skip
    visit = audits.create_audit(
        ctx, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
    )
    plan = audits.create_audit(
        ctx, template_id="ehcp-quality", subject=plan_subject("CE-70001", locality="Nantwich")
    )
    quick = audits.create_audit(
        ctx, template_id="quick-check", subject=plan_subject("CE-70002", locality="Crewe")
    )
    answer_everything(ctx, quick)
    audit_lifecycle.complete_audit(ctx, quick.uuid)
    bundle = laptop.send_audits(visit.uuid, plan.uuid, quick.uuid, name="from-ali")
    laptop.close()
    return bundle


def _offered(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def _choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose ``text`` by keyboard: into the drop-down, type the start of it."""
    combo.setFocus()
    qtbot.keyClicks(combo, text[:6])
    assert combo.currentText() == text
