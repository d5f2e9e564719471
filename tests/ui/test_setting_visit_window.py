"""A setting visit in the window: add sampled children and provision lines, rate
delivery, remove and undo; what the window shows is what the database holds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import PrimaryNeed, SettingPhase, SettingType
from auditdesk.services.audits import _editing as audits
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.editor.pages import PageKey
from auditdesk.ui.editor.sampled_child_dialog import SampledChildDialog
from auditdesk.ui.main_window import MainWindow
from tests.ui.scripted_dialogs import ScriptedDialogs


def _button(editor: AuditEditorWindow, name: str) -> QPushButton:
    found = [b for b in editor.page.findChildren(QPushButton) if b.accessibleName() == name]
    assert found, f"no button named {name!r}"
    return found[0]


def test_sampled_children_and_provision_lines(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = open_window(None)
    ctx = window.session.ctx
    setting = subjects.add_setting(
        ctx, name="Oakfield Primary School", urn="912345",
        setting_type=SettingType.MAINSTREAM, phase=SettingPhase.PRIMARY, locality="Crewe",
    )  # fmt: skip
    visit = audits.create_audit(
        ctx, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
    )
    window.open_audit(visit.uuid)
    editor = window.editors[visit.uuid]
    sampled = next(
        s for s in visit.index.template.all_sections() if s.repeat and s.repeat.sampled_child
    )
    lines = next(
        s for s in visit.index.template.all_sections()
        if s.repeat and visit.index.repeating_parent(s.id) == sampled.id
    )  # fmt: skip

    editor.go_to(PageKey(sampled.id, None, True))

    _button(editor, f"Add {sampled.repeat.unit}").click()  # type: ignore[union-attr]
    dialog = dialogs.latest(SampledChildDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.reference  # typing goes straight in
    qtbot.keyClicks(dialog.reference, "CE-30303")
    dialog.year.setCurrentIndex(dialog.year.findData(10))
    dialog.ok_button.click()
    assert dialog.shown_problems() == ["Choose the child's primary need."]
    assert QApplication.focusWidget() is dialog.need  # the keyboard goes to what needs fixing
    dialog.need.setCurrentIndex(dialog.need.findData(PrimaryNeed.ASD))
    assert dialog.shown_problems() == []  # put right: the message goes at once
    dialog.ok_button.click()
    child = next(b for b in editor.detail.blocks if b.section_id == sampled.id)
    assert child.label == "CE-30303"
    assert editor.current_page == PageKey(sampled.id, child.id)

    editor.go_to(PageKey(lines.id, child.id, True))
    add_line = _button(editor, f"Add {lines.repeat.unit}")  # type: ignore[union-attr]
    add_line.click()
    editor.go_to(PageKey(lines.id, child.id, True))
    _button(editor, f"Add {lines.repeat.unit}").click()  # type: ignore[union-attr]
    provision = [b for b in editor.detail.blocks if b.section_id == lines.id]
    assert [b.label for b in provision] == ["Provision line 1", "Provision line 2"]

    # Rate the first line "Not delivered" through its question widget.
    editor.go_to(PageKey(lines.id, provision[0].id))
    widget = editor.page.questions[("child.provision_delivered", provision[0].id)]
    widget.buttons["not_delivered"].click()
    stored = audits.get_audit(ctx, visit.uuid)
    assert stored.answers[("child.provision_delivered", provision[0].id)].rating == "not_delivered"
    assert editor.grades.overall.text().startswith("Overall: ")

    # Remove the child (with its lines and answers), then undo: all of it comes back.
    editor.go_to(PageKey(sampled.id, child.id))
    dialogs.answer("confirm", True)
    _button(editor, f"Remove this {sampled.repeat.unit}").click()  # type: ignore[union-attr]
    assert audits.get_audit(ctx, visit.uuid).blocks == ()
    editor.undo_action.trigger()
    restored = audits.get_audit(ctx, visit.uuid)
    assert len(restored.blocks) == 3
    assert (
        restored.answers[("child.provision_delivered", provision[0].id)].rating == "not_delivered"
    )
    editor.redo_action.trigger()
    assert audits.get_audit(ctx, visit.uuid).blocks == ()
