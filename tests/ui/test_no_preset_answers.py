"""Nothing is answered for the person: every choice in the new audit, sampled child, action
and welcome forms starts on "Choose…" (or empty), a stage filled in by the annual review
template goes again when another template is chosen, and what lands in the database is
only what the person gave: no co-auditor from a pre-chosen agency."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import Agency, PlanStage
from auditdesk.services.audits import _editing as audits
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.ui.app import AppController
from auditdesk.ui.editor.action_dialog import ActionDialog
from auditdesk.ui.editor.sampled_child_dialog import SampledChildDialog
from auditdesk.ui.form_fields import CHOOSE
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.new_audit_dialog import CHOOSE_SETTING, NewAuditDialog
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.welcome_dialog import WelcomeDialog
from tests.conftest import plan_subject
from tests.ui.keys import activate
from tests.ui.scripted_dialogs import ScriptedDialogs

CTRL = Qt.KeyboardModifier.ControlModifier
# Choices that may show a value before the person acts: the optional named setting
# ("None" is what is recorded when there is none). The audit's date starts on the day it
# is recorded, shown at the top of the form; it is the one date given for the person.
OPTIONAL = {"Named setting"}


def preset(form: QWidget) -> list[str]:
    """The choices and boxes of ``form`` (as shown now) that hold an answer already."""
    QApplication.processEvents()
    found = []
    for combo in form.findChildren(QComboBox):
        if not combo.isVisibleTo(form) or combo.accessibleName() in OPTIONAL:
            continue
        shown = combo.currentText()
        if shown not in (CHOOSE, CHOOSE_SETTING, ""):
            found.append(f"{combo.accessibleName()}: {shown!r}")
    for box in form.findChildren(QLineEdit):
        owner = box.parentWidget()
        if isinstance(owner, (QComboBox, QDateEdit)) or not box.isVisibleTo(form):
            continue  # a drop-down's own box; the audit's date (see below)
        if box.text():
            found.append(f"{box.accessibleName()}: {box.text()!r}")
    return found


def test_a_new_audit_starts_with_nothing_chosen_and_records_only_what_was_given(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = open_window(None)
    ctx = window.session.ctx
    subjects.add_setting(
        ctx, name="Oak Primary", urn=None, setting_type=subjects.SettingType.MAINSTREAM,
        phase=subjects.SettingPhase.PRIMARY, locality="Crewe",
    )  # fmt: skip
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = dialogs.latest(NewAuditDialog)
    activate(qtbot, dialog)
    assert preset(dialog) == []
    assert dialog.template.currentText() == CHOOSE
    assert dialog.co_agency.currentText() == CHOOSE  # no agency for a co-auditor not named
    assert dialog.audit_day == ctx.today()

    # The annual review audit answers the stage; choosing another template takes it back.
    annual = dialog.template.findText("Annual review audit")
    dialog.template.setCurrentIndex(annual)
    assert dialog.stage.currentData() == PlanStage.ANNUAL_REVIEW
    dialog.template.setCurrentIndex(dialog.template.findText("EHCP", Qt.MatchFlag.MatchContains))
    assert dialog.stage.currentText() == CHOOSE
    # ...but a stage the person chose themselves stays theirs.
    dialog.stage.setFocus()
    qtbot.keyClicks(dialog.stage, "Phase")
    dialog.template.setCurrentIndex(annual)
    dialog.template.setCurrentIndex(dialog.template.findText("EHCP", Qt.MatchFlag.MatchContains))
    assert dialog.stage.currentData() == PlanStage.PHASE_TRANSFER

    # A setting visit's choices too.
    dialog.template.setCurrentIndex(dialog.template.findText("Setting quality visit"))
    assert preset(dialog.setting_form) == []
    assert preset(dialog.form_team) == []
    assert dialog.visit_setting.currentText() == CHOOSE_SETTING
    dialog.visit_setting.setCurrentIndex(
        dialog.visit_setting.findText("Oak Primary", Qt.MatchFlag.MatchStartsWith)
    )
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    # Recorded: the lead alone, no co-auditor (and no agency for one).
    (editor,) = window.editors.values()
    team = audits.get_audit(ctx, editor.detail.uuid).team
    assert [(member.auditor.name, member.agency) for member in team] == [
        ("Sam Practice", Agency.EDUCATION)
    ]
    editor.close()


def test_a_sampled_child_and_an_action_start_with_nothing_chosen(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = open_window(None)
    ctx = window.session.ctx
    setting = subjects.add_setting(
        ctx, name="Oak Primary", urn=None, setting_type=subjects.SettingType.MAINSTREAM,
        phase=subjects.SettingPhase.PRIMARY, locality="Crewe",
    )  # fmt: skip
    visit = audits.create_audit(
        ctx, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
    )
    window.open_audit(visit.uuid)
    editor = window.editors[visit.uuid]
    activate(qtbot, editor)
    editor.go_to(next(p for p in editor.pages if p.lists_blocks).key)
    adding = next(b for b in editor.page.findChildren(QPushButton) if b.text().startswith("A&dd"))
    qtbot.mouseClick(adding, Qt.MouseButton.LeftButton)
    child = dialogs.latest(SampledChildDialog)
    assert preset(child) == []
    assert (child.year.currentText(), child.need.currentText()) == (CHOOSE, CHOOSE)
    child.reject()
    editor.close()

    plan = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    window.open_audit(plan.uuid)
    editor = window.editors[plan.uuid]
    activate(qtbot, editor)
    editor.go_to(editor.pages[1].key)
    question = next(iter(editor.page.questions.values()))
    qtbot.mouseClick(question.add_action, Qt.MouseButton.LeftButton)
    action = dialogs.latest(ActionDialog)
    assert preset(action) == []
    assert action.owner_agency.currentText() == CHOOSE
    assert action.due.day is None  # no due date suggested
    assert action.due.text.text() == ""
    assert not action.reaudit_wanted.isChecked()
    assert action.reaudit.day is None
    action.reject()
    editor.close()


def test_the_welcome_asks_with_nothing_chosen(
    qtbot: QtBot, qapp: QApplication, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    seen: list[list[str]] = []

    def look_then_cancel(dialog: WelcomeDialog) -> None:
        seen.append(preset(dialog))
        seen.append([dialog.agency.currentText(), dialog.role.currentText()])
        dialog.reject()

    dialogs.answer("dialog", look_then_cancel)
    preferences = Preferences(tmp_path / "nobody.ini")
    controller = AppController(qapp, preferences, synchronous=True, dialogs=dialogs)
    try:
        assert not controller.open(tmp_path / "first.sqlite")  # cancelled: nothing opens
    finally:
        controller.close()
    assert seen == [[], [CHOOSE, CHOOSE]]
    assert preferences.profile is None  # nobody was made up
