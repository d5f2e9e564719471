"""What is wrong with a form is said at the field (right under it, never at the bottom of
the window), the keyboard moves to that field, and the message goes as soon as the field
is put right; what the person then saves is what lands in the database. Every form that
checks its input: new audit, sampled child, action, welcome and profile, reopening with a
reason, overriding a grade, the Board export, sending audits, reconciliation; and drawing
a sample from nothing says why and where to change it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import Agency, AuditStatus, PlanStage, PrimaryNeed, Role
from auditdesk.services import moderation
from auditdesk.services.audits import _editing as audits
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.services.kernel._people import add_auditor
from auditdesk.ui.app import AppController
from auditdesk.ui.date_field import DateField
from auditdesk.ui.dialogs import FormDialog
from auditdesk.ui.editor.action_dialog import ActionDialog
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.editor.override_dialog import OverrideDialog
from auditdesk.ui.editor.reason_dialog import ReasonDialog
from auditdesk.ui.editor.sampled_child_dialog import SampledChildDialog
from auditdesk.ui.exchange.send_dialog import SendDialog
from auditdesk.ui.export_dialog import ExportDialog
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.moderation.reconciliation_dialog import ReconciliationDialog
from auditdesk.ui.new_audit_dialog import NewAuditDialog
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.welcome_dialog import WelcomeDialog
from tests.conftest import plan_subject
from tests.services.helpers import completed_audit
from tests.ui.alt_keys import press_alt
from tests.ui.keys import activate
from tests.ui.scripted_dialogs import ScriptedDialogs

CTRL = Qt.KeyboardModifier.ControlModifier


# -- how a problem must be shown -----------------------------------------------------------
def said_at(
    dialog: FormDialog, field: QWidget, message: str, *, under: QWidget | None = None
) -> None:
    """``message`` shows right under ``under`` (the field itself, or its group), nothing
    is said at the bottom, and the keyboard is in ``field``."""
    QApplication.processEvents()
    shown = [
        label
        for label in dialog.findChildren(QLabel, "fieldProblem")
        if label is not dialog.problem and label.isVisible() and message in label.text()
    ]
    assert shown, f"{message!r} is not shown; what shows: {dialog.shown_problems()}"
    place = under or field
    bottom = place.mapTo(dialog, QPoint(0, place.height())).y()
    top = shown[0].mapTo(dialog, QPoint(0, 0)).y()
    assert 0 <= top - bottom <= place.fontMetrics().lineSpacing(), (
        f"{message!r} is {top - bottom}px from its field"
    )
    assert not dialog.problem.isVisible(), f"also said at the bottom: {dialog.problem.text()!r}"
    assert not shown[0].visibleRegion().isEmpty(), "the message is scrolled into view"
    focused = QApplication.focusWidget()
    assert focused is not None
    assert focused is field or field.isAncestorOf(focused), f"the keyboard is on {focused!r}"


def gone(dialog: FormDialog, message: str) -> None:
    QApplication.processEvents()
    assert not any(message in text for text in dialog.shown_problems()), dialog.shown_problems()


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """By keyboard: into the drop-down, then type the start of the choice (a word) or
    arrow down to it (a space would open the list)."""
    combo.setFocus()
    if " " in text:
        qtbot.keyClick(combo, Qt.Key.Key_Home)
        for _ in range(combo.count()):
            if combo.currentText() == text:
                break
            qtbot.keyClick(combo, Qt.Key.Key_Down)
    else:
        qtbot.keyClicks(combo, text)
    assert text.lower() in combo.currentText().lower(), combo.currentText()


def type_date(qtbot: QtBot, field: DateField, day: date) -> None:
    """Into the date field (its label's Alt key, or a click), type the day as people write
    it: 21/01/2027."""
    field.setFocus()
    field.text.selectAll()
    qtbot.keyClicks(QApplication.focusWidget(), f"{day:%d/%m/%Y}")
    assert field.day == day, field.text.text()


def closed(dialog: QWidget) -> bool:
    """Gone from the screen (and perhaps already deleted, as accepted forms are)."""
    QApplication.processEvents()
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def open_editor(qtbot: QtBot, window: MainWindow, audit_uuid: str) -> AuditEditorWindow:
    window.open_audit(audit_uuid)
    editor = window.editors[audit_uuid]
    activate(qtbot, editor)
    return editor


# -- the forms -----------------------------------------------------------------------------
def test_new_audit(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = open_window(None)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = dialogs.latest(NewAuditDialog)
    activate(qtbot, dialog)
    press_alt(qtbot, "s")  # Start audit, with nothing filled in
    said_at(dialog, dialog.template, "Choose the template to audit against.")
    choose(qtbot, dialog.template, "EHCP")
    gone(dialog, "Choose the template")

    press_alt(qtbot, "s")
    said_at(dialog, dialog.reference, "Enter the child's pseudonymous reference")
    for field, message in (
        (dialog.year, "Choose the child's year group."),
        (dialog.need, "Choose the child's primary need."),
        (dialog.stage, "Choose the stage of the plan audited."),
    ):
        assert message in dialog.shown_problems()
        label = next(
            lbl for lbl in dialog.findChildren(QLabel, "fieldProblem") if lbl.text() == message
        )
        assert label.parentWidget() is field.parentWidget(), f"{message!r} is not at its field"
    qtbot.keyClicks(dialog.reference, "Jo Smith")  # a name, not a reference
    press_alt(qtbot, "s")
    said_at(dialog, dialog.reference, "is not a pseudonymous reference")
    dialog.reference.clear()
    qtbot.keyClicks(dialog.reference, "CE-12345")
    gone(dialog, "pseudonymous reference")
    assert "Choose the child's year group." in dialog.shown_problems()  # not put right yet
    choose(qtbot, dialog.year, "Year 7")
    choose(qtbot, dialog.need, "SEMH")
    choose(qtbot, dialog.stage, "Phase")
    locality = dialog.locality.lineEdit()
    assert locality is not None
    qtbot.keyClicks(locality, "Crewe")
    assert dialog.shown_problems() == []
    press_alt(qtbot, "s")
    assert closed(dialog)
    (editor,) = window.editors.values()
    stored = audits.get_audit(window.session.ctx, editor.detail.uuid)
    assert (stored.child_reference, stored.year_group, stored.plan_stage) == (
        "CE-12345",
        7,
        PlanStage.PHASE_TRANSFER,
    )
    assert stored.primary_need is PrimaryNeed.SEMH
    editor.close()


def test_a_sampled_child(
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
    editor = open_editor(qtbot, window, visit.uuid)
    editor.go_to(next(p for p in editor.pages if p.lists_blocks).key)
    adding = next(b for b in editor.page.findChildren(QPushButton) if b.text().startswith("A&dd"))
    qtbot.mouseClick(adding, Qt.MouseButton.LeftButton)
    dialog = dialogs.latest(SampledChildDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    # Typing goes straight into the reference.
    focused = QApplication.focusWidget()
    assert focused is dialog.reference
    qtbot.keyClicks(focused, "CE 4 0001")
    assert dialog.reference.text() == "CE 4 0001"
    press_alt(qtbot, "a")  # Add child
    said_at(dialog, dialog.reference, "is not a pseudonymous reference")
    assert "Choose the child's year group." in dialog.shown_problems()
    dialog.reference.selectAll()
    qtbot.keyClicks(dialog.reference, "CE-40001")
    gone(dialog, "pseudonymous reference")
    choose(qtbot, dialog.year, "Year 3")
    gone(dialog, "year group")
    choose(qtbot, dialog.need, "ASD")
    press_alt(qtbot, "a")
    assert closed(dialog)
    blocks = audits.get_audit(ctx, visit.uuid).blocks
    assert [(b.label, b.year_group) for b in blocks if b.year_group is not None] == [
        ("CE-40001", 3)
    ]
    editor.close()


def test_an_action(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = open_window(None)
    ctx = window.session.ctx
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    editor = open_editor(qtbot, window, detail.uuid)
    editor.go_to(editor.pages[1].key)
    question = next(iter(editor.page.questions.values()))
    qtbot.mouseClick(question.add_action, Qt.MouseButton.LeftButton)
    dialog = dialogs.latest(ActionDialog)
    activate(qtbot, dialog)
    press_alt(qtbot, "a")  # Add action
    said_at(dialog, dialog.action, "Say what must be done.")
    for message in ("Choose the agency that owns it.", "Say who owns the action.",
                    "Choose the date the action is due."):  # fmt: skip
        assert message in dialog.shown_problems()
    qtbot.keyClicks(dialog.action, "Rewrite outcome 2 so it can be measured")
    gone(dialog, "Say what must be done.")
    choose(qtbot, dialog.owner_agency, "Health")
    qtbot.keyClicks(dialog.owner, "Designated clinical officer")
    today = ctx.today()
    type_date(qtbot, dialog.due, date(9999, 12, 31))  # a day no record can be sent with
    press_alt(qtbot, "a")
    said_at(dialog, dialog.due, "from 1 January 2000 to 31 December 2099")
    type_date(qtbot, dialog.due, today + timedelta(days=14))
    gone(dialog, "is due")
    press_alt(qtbot, "l")  # Re-audit this plan
    press_alt(qtbot, "a")
    said_at(dialog, dialog.reaudit, "Choose the date to audit again.")
    type_date(qtbot, dialog.reaudit, today + timedelta(days=7))  # before it is due
    press_alt(qtbot, "a")
    said_at(dialog, dialog.reaudit, "should fall after the action is due")
    # Or from the calendar, by keyboard: a week down and a day on, then Enter.
    qtbot.mouseClick(dialog.reaudit.pick, Qt.MouseButton.LeftButton)
    calendar = QApplication.focusWidget()
    assert calendar is not None
    qtbot.keyClick(calendar, Qt.Key.Key_Down)
    qtbot.keyClick(calendar, Qt.Key.Key_Right)
    qtbot.keyClick(calendar, Qt.Key.Key_Return)
    assert dialog.reaudit.day == today + timedelta(days=15)
    assert QApplication.focusWidget() is dialog.reaudit.text
    gone(dialog, "should fall after")
    press_alt(qtbot, "a")
    assert closed(dialog)
    (action,) = audits.get_audit(ctx, detail.uuid).actions
    assert action.owner_agency is Agency.HEALTH
    assert (action.due_date - ctx.today()).days == 14
    assert action.re_audit_date == ctx.today() + timedelta(days=15)
    editor.close()


def test_the_welcome_on_first_run_and_the_profile_later(
    qtbot: QtBot, qapp: QApplication, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    preferences = Preferences(tmp_path / "first-run.ini")  # nobody yet
    seen: list[str] = []

    def fill(dialog: WelcomeDialog) -> None:
        activate(qtbot, dialog)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # Start, empty
        said_at(dialog, dialog.name, "Enter your name to continue.")
        seen.extend(dialog.shown_problems())
        qtbot.keyClicks(dialog.name, "Robin Lead")
        gone(dialog, "Enter your name")
        choose(qtbot, dialog.agency, "Social")
        choose(qtbot, dialog.role, "Quality")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    dialogs.answer("dialog", fill)
    controller = AppController(qapp, preferences, synchronous=True, dialogs=dialogs)
    try:
        assert controller.open(tmp_path / "first.sqlite")
        assert seen == [
            "Enter your name to continue.",
            "Choose the agency you audit for.",
            "Choose your role.",
        ]
        assert preferences.profile == ("Robin Lead", Agency.SOCIAL_CARE, Role.QUALITY_LEAD)
        window = controller.window
        assert window is not None
        activate(qtbot, window)
        profile_action = next(a for a in window.findChildren(type(window.contrast))
                              if "profile" in a.text())  # fmt: skip
        profile_action.trigger()
        dialog = dialogs.latest(WelcomeDialog)
        activate(qtbot, dialog)
        dialog.name.clear()
        press_alt(qtbot, "s")  # Save
        said_at(dialog, dialog.name, "Enter your name to continue.")
        qtbot.keyClicks(dialog.name, "Robin Q. Lead")
        gone(dialog, "Enter your name")
        press_alt(qtbot, "s")
        assert closed(dialog)
        assert preferences.profile == ("Robin Q. Lead", Agency.SOCIAL_CARE, Role.QUALITY_LEAD)
        assert window.session.ctx.actor.name == "Robin Q. Lead"
    finally:
        controller.close()


def test_reopening_and_overriding_need_a_reason(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = open_window(None)
    ctx = window.session.ctx
    detail = completed_audit(ctx)
    editor = open_editor(qtbot, window, detail.uuid)

    editor.reopen_action.trigger()
    dialog = dialogs.latest(ReasonDialog)
    activate(qtbot, dialog)
    qtbot.keyClicks(dialog.reason, "Typo")
    press_alt(qtbot, "r")  # Reopen
    said_at(dialog, dialog.reason, "Give a reason of at least 10 characters.")
    qtbot.keyClicks(dialog.reason, " in section E outcome 2")
    gone(dialog, "Give a reason")
    press_alt(qtbot, "r")
    assert audits.get_audit(ctx, detail.uuid).status is AuditStatus.DRAFT

    activate(qtbot, editor)
    editor.override_action.trigger()
    override = dialogs.latest(OverrideDialog)
    activate(qtbot, override)
    choose(qtbot, override.grade, "Requires")
    press_alt(qtbot, "o")  # Override
    said_at(override, override.reason, "Give a reason of at least 10 characters.")
    qtbot.keyClicks(override.reason, "Outcomes are not measurable; panel view")
    gone(override, "Give a reason")
    press_alt(qtbot, "o")
    assert audits.get_audit(ctx, detail.uuid).override_grade is Grade.REQUIRES_IMPROVEMENT
    editor.close()


def test_the_board_export(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = open_window(None)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    dialog = dialogs.latest(ExportDialog)
    activate(qtbot, dialog)
    for box in dialog.statuses.values():
        box.setChecked(False)
    dialog.xlsx_wanted.setChecked(False)
    dialog.pdf_wanted.setChecked(False)
    press_alt(qtbot, "e")  # Export
    first_status = next(iter(dialog.statuses.values()))
    said_at(dialog, first_status, "Include at least one status.", under=dialog.status_boxes)
    assert "Choose the workbook, the Board pack or both." in dialog.shown_problems()
    first_status.setFocus()
    qtbot.keyClick(first_status, Qt.Key.Key_Space)
    gone(dialog, "Include at least one status.")
    press_alt(qtbot, "e")
    said_at(dialog, dialog.xlsx_wanted, "Choose the workbook, the Board pack or both.")
    press_alt(qtbot, "w")  # Workbook (Excel)
    gone(dialog, "Choose the workbook")
    dialog.xlsx.clear()
    choose(qtbot, dialog.period, "Custom")
    dialog.date_to.setFocus()
    qtbot.keyClick(dialog.date_to, Qt.Key.Key_End)
    dialog.date_from.setDate(dialog.date_to.date().addDays(5))
    press_alt(qtbot, "e")
    said_at(dialog, dialog.date_to, "The custom period ends before it starts.")
    assert "Choose where to write the .xlsx file." in dialog.shown_problems()
    # The calendar's edges are the days AuditDesk works with, not Qt's 1752 to 9999.
    for edit in (dialog.date_from, dialog.date_to):
        edit.setDate(QDate(9999, 12, 31))
        assert edit.date() == QDate(2099, 12, 31)
        edit.setDate(QDate(1752, 9, 14))
        assert edit.date() == QDate(2000, 1, 1)
    dialog.reject()


def test_sending_chosen_audits(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    window = open_window(None)
    ctx = window.session.ctx
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = dialogs.latest(SendDialog)
    activate(qtbot, dialog)
    press_alt(qtbot, "s")  # Send: nothing completed to send
    said_at(dialog, dialog.unsent, "No audits match: choose another option.", under=dialog.options)
    press_alt(qtbot, "a")  # These audits
    gone(dialog, "choose another option")
    dialog.references.setFocus()
    qtbot.keyClicks(dialog.references, "AD-NOPE99")
    qtbot.keyClick(dialog.references, Qt.Key.Key_Tab)
    press_alt(qtbot, "s")
    said_at(dialog, dialog.references, "No audit here has the reference AD-NOPE99")
    dialog.references.clear()
    qtbot.keyClicks(dialog.references, detail.reference)
    qtbot.keyClick(dialog.references, Qt.Key.Key_Tab)
    gone(dialog, "AD-NOPE99")
    dialog.target.setText(str(tmp_path / "chosen.auditdesk"))
    press_alt(qtbot, "s")
    assert (tmp_path / "chosen.auditdesk").exists()
    assert "Sent 1 audit" in window.message.message


def test_drawing_a_sample_from_nothing_says_why(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]
) -> None:
    window = open_window(None)
    activate(qtbot, window)
    view = window.moderation_view
    window.tabs.setCurrentWidget(view)
    view.table.setFocus()
    press_alt(qtbot, "d")  # Draw sample, with no completed audit anywhere
    assert window.message.message.startswith("No completed audits are waiting for moderation")
    assert "widen the period" in window.message.message
    assert QApplication.focusWidget() is view.period
    assert moderation.list_moderations(window.session.ctx) == []


def test_reconciliation_needs_the_agreed_overall_grade(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = open_window(None)
    ctx = window.session.ctx
    detail = completed_audit(ctx)
    (drawn,) = moderation.draw_sample(ctx, percentage=100).drawn
    # A colleague second-marks (as in test_blind_marking.py), agreeing throughout.
    colleague = add_auditor(ctx, "Morgan Health", Agency.HEALTH, Role.PRACTICE_CHAMPION)
    moderation.assign_second_marker(ctx, drawn.uuid, colleague.uuid)
    for (question, block), record in audits.get_audit(ctx, detail.uuid).answers.items():
        if record.rating is not None:
            moderation.record_second_rating(
                ctx, drawn.uuid, question, block, rating=record.rating, comment=""
            )
    moderation.submit_second_marking(ctx, drawn.uuid)
    view = window.moderation_view
    activate(qtbot, window)
    window.tabs.setCurrentWidget(view)
    view._select({drawn.uuid})
    press_alt(qtbot, "r", view.table)  # Reconcile…
    dialog = dialogs.latest(ReconciliationDialog)
    activate(qtbot, dialog)
    overall = dialog.agreed["overall"]
    overall.setCurrentIndex(0)  # "—": not agreed yet
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    said_at(dialog, overall, "Choose the agreed overall grade.", under=dialog.grades)
    choose(qtbot, overall, "Good")
    gone(dialog, "agreed overall grade")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert moderation.list_moderations(ctx)[0].agreed_grade is Grade.GOOD
