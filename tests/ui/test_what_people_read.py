"""Every window and dialog, read as a person reads it: no internal ids or raw codes, words
and numbers that read right, no "&" shown as a character, and no Alt+letter key used by
two controls at once. Each state is checked and every problem is reported together
(tests/ui/read_as_a_person.py); counts in the thousands are in ..._in_the_thousands.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import AuditStatus, SettingPhase, SettingType
from auditdesk.services import moderation
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.audits._listing import AuditFilter, list_audits
from auditdesk.services.bundles import ChosenAudits, send_audits
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.ui.app import AppController
from auditdesk.ui.editor.action_dialog import ActionDialog
from auditdesk.ui.editor.editor_dialogs import MissingDialog, TrailDialog
from auditdesk.ui.editor.override_dialog import OverrideDialog
from auditdesk.ui.editor.reason_dialog import ReasonDialog
from auditdesk.ui.editor.sampled_child_dialog import SampledChildDialog
from auditdesk.ui.exchange.import_dialog import ImportPreviewDialog
from auditdesk.ui.exchange.send_dialog import SendDialog
from auditdesk.ui.export_dialog import ExportDialog
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.moderation.blind_marking_window import BlindMarkingWindow
from auditdesk.ui.moderation.reconciliation_dialog import ReconciliationDialog
from auditdesk.ui.new_audit_dialog import NewAuditDialog
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.welcome_dialog import WelcomeDialog
from tests.conftest import plan_subject
from tests.one_date_format import dates_written_otherwise, dates_written_the_one_way
from tests.services.helpers import answer_everything
from tests.ui.demo_files import make_demo
from tests.ui.read_as_a_person import CONTAINS, Reader, open_editor, tried
from tests.ui.scripted_dialogs import ScriptedDialogs
from tests.ui.visible import visible_texts


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("read") / "demo.sqlite", 60, seed=5)


@pytest.mark.slow
def test_every_window_and_dialog_reads_in_words(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    window = open_window(copy)
    window.show()
    reader = Reader(copy)
    ctx = window.session.ctx

    for number in range(window.tabs.count()):
        window.tabs.setCurrentIndex(number)
        reader.check(f"main window, {window.tabs.tabText(number)} tab", window)

    # An editor of each template, every page of it.
    rows = list_audits(window.session.ctx, AuditFilter(), limit=200).items
    by_template = {row.template_title: row for row in rows}
    for title, row in by_template.items():
        editor = open_editor(qtbot, window, row.uuid)
        for number in range(editor.navigator.topLevelItemCount()):
            editor.navigator.setCurrentItem(editor.navigator.topLevelItem(number))
            page = editor.navigator.topLevelItem(number).text(0).strip()
            reader.check(f"editor of {title}, page {page!r}", editor)
        editor.close()

    # A draft of our own, edited, with its undo text, trail and the editor's dialogs.
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    editor = open_editor(qtbot, window, detail.uuid)
    editor.go_to(editor.pages[1].key)
    question = next(iter(editor.page.questions.values()))
    question.buttons[next(iter(question.buttons))].click()
    qtbot.keyClicks(question.comment, "Seen the plan")
    editor.page.flush()
    reader.check("editor after an edit (undo text)", editor)
    editor.trail_action.trigger()
    reader.check("change trail", dialogs.latest(TrailDialog))
    editor.complete_action.trigger()
    reader.check("not ready to complete", dialogs.latest(MissingDialog))
    question.add_action.click()
    reader.check("add an action", tried(dialogs.latest(ActionDialog)))
    editor.override_action.trigger()
    reader.check("override the grade", tried(dialogs.latest(OverrideDialog)))
    for dialog in dialogs.open_dialogs():
        dialog.reject()
    editor.close()

    completed = next(r for r in rows if r.status is AuditStatus.COMPLETED)
    editor = open_editor(qtbot, window, completed.uuid)
    editor.reopen_action.trigger()
    reader.check("reopen with a reason", tried(dialogs.latest(ReasonDialog)))
    dialogs.latest(ReasonDialog).reject()
    editor.close()

    visit = next(r for r in rows if r.setting_name and not r.child_reference)
    editor = open_editor(qtbot, window, visit.uuid)
    sampled = next(p for p in editor.pages if p.lists_blocks)
    editor.go_to(sampled.key)
    next(b for b in editor.page.findChildren(QPushButton) if b.text().startswith("A&dd")).click()
    reader.check("add a sampled child", tried(dialogs.latest(SampledChildDialog)))
    dialogs.latest(SampledChildDialog).reject()
    editor.close()

    # The main window's dialogs.
    window.new_audit()
    new = dialogs.latest(NewAuditDialog)
    reader.check("new audit, nothing chosen", tried(new))
    new.template.setCurrentIndex(new.template.findText("Setting quality visit", CONTAINS))
    reader.check("new audit of a setting", tried(new))
    new.reject()
    window.files.send_audits()
    reader.check("send audits", dialogs.latest(SendDialog))
    dialogs.latest(SendDialog).reject()
    window.files.export_board()
    reader.check("export for the Board", dialogs.latest(ExportDialog))
    dialogs.latest(ExportDialog).reject()
    bundle = tmp_path / "some.auditdesk"
    send_audits(ctx, bundle, ChosenAudits((completed.uuid, visit.uuid)))
    window.files.preview_import(bundle)
    reader.check("import preview", dialogs.latest(ImportPreviewDialog))
    dialogs.latest(ImportPreviewDialog).reject()
    window.menus.your_profile()
    reader.check("your profile", tried(dialogs.latest(WelcomeDialog)))
    dialogs.latest(WelcomeDialog).reject()

    # Moderation: blind marking and reconciliation.
    view = window.moderation_view
    window.tabs.setCurrentWidget(view)
    assigned = next((r for r in moderation.list_moderations(ctx) if r.status == "assigned"), None)
    if assigned is not None:
        view._select({assigned.uuid})
        view.mark.click()
        blind = dialogs.latest(BlindMarkingWindow)
        reader.check("blind second marking", blind)
        blind.submit.click()
        missing = [d for d in dialogs.open_dialogs() if isinstance(d, MissingDialog)]
        if missing:
            reader.check("not ready to submit", missing[-1])
            missing[-1].reject()
        blind.close()
    submitted = next(
        (r for r in moderation.list_moderations(ctx) if r.status in ("submitted", "agreed")),
        None,
    )
    assert submitted is not None, "the demo holds a moderation ready to reconcile"
    view._select({submitted.uuid})
    view.reconcile.click()
    reader.check("reconciliation", tried(dialogs.latest(ReconciliationDialog)))
    dialogs.latest(ReconciliationDialog).reject()

    assert reader.states > 20
    assert reader.problems == [], "\n".join(reader.problems)


def test_an_empty_database_reads_in_words_and_says_what_to_do_next(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], tmp_path: Path
) -> None:
    path = tmp_path / "empty.sqlite"
    window = open_window(path)
    window.show()
    reader = Reader(path)
    # Each tab of an empty database says what there is (nothing) and what to do next.
    advice = {
        "Audits": "Start one with New audit (Ctrl+N)",
        "Actions": "Actions are added from a question in the editor",
        "Moderation": "press Draw sample (Alt+D)",
        "Conflicts": "No conflicts",
        "Dashboard": "Complete an audit (Ctrl+Return in the editor), import a bundle (Ctrl+I)",
    }
    for number in range(window.tabs.count()):
        window.tabs.setCurrentIndex(number)
        name = window.tabs.tabText(number)
        qtbot.waitUntil(lambda name=name: advice[name] in " ".join(visible_texts(window)))
        reader.check(f"empty database, {name} tab", window)
    assert window.audit_list.count.text() == "0 audits"

    # A new setting visit, before any child is sampled: "0 sampled children".
    ctx = window.session.ctx
    setting = subjects.add_setting(
        ctx, name="Oak Primary", urn=None, setting_type=SettingType.MAINSTREAM,
        phase=SettingPhase.PRIMARY, locality="Crewe",
    )  # fmt: skip
    visit = audits.create_audit(
        ctx, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
    )
    editor = open_editor(qtbot, window, visit.uuid)
    editor.go_to(next(p for p in editor.pages if p.lists_blocks).key)
    assert "0 sampled children (at least" in " ".join(visible_texts(editor))
    reader.check("a setting visit with no child sampled yet", editor)
    editor.close()
    assert reader.problems == [], "\n".join(reader.problems)


def test_dialog_titles_are_shown_whole(
    qtbot: QtBot,
    qapp: QApplication,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    """A title bar shows a dialog's title in the dialog's width, less room for the window
    manager's buttons: every dialog is that wide at its usual size (long file names too)."""
    metrics = _title_metrics()
    short: list[str] = []

    def measure(dialog: QWidget) -> None:
        QApplication.processEvents()
        needed = metrics.horizontalAdvance(dialog.windowTitle()) + TITLE_BAR_BUTTONS
        if needed > dialog.frameGeometry().width():
            short.append(f"{dialog.windowTitle()!r} needs {needed}px, has {dialog.width()}px")

    # The first question AuditDesk asks, on a new laptop.
    def first_run(dialog: WelcomeDialog) -> None:
        measure(dialog)
        dialog.reject()

    dialogs.answer("dialog", first_run)
    nobody = AppController(qapp, Preferences(tmp_path / "nobody.ini"), synchronous=True,
                           dialogs=dialogs)  # fmt: skip
    assert not nobody.open(tmp_path / "first.sqlite")
    nobody.close()

    window = open_window(tmp_path / "a database with a long name, 2026-27 autumn.sqlite")
    ctx = window.session.ctx
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    done = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject("CE-2"))
    answer_everything(ctx, done)
    audit_lifecycle.complete_audit(ctx, done.uuid)
    bundle = tmp_path / "audits from Ali Auditor, Crewe and Nantwich team, 2026-12-01.auditdesk"
    send_audits(ctx, bundle, ChosenAudits((detail.uuid,)))
    opened = [
        window.new_audit,
        window.files.send_audits,
        window.files.export_board,
        lambda: window.files.preview_import(bundle),
        window.menus.your_profile,
    ]
    editor = open_editor(qtbot, window, detail.uuid)
    editor.go_to(editor.pages[1].key)
    question = next(iter(editor.page.questions.values()))
    opened += [editor.trail_action.trigger, editor.override_action.trigger,
               editor.complete_action.trigger, question.add_action.click]  # fmt: skip
    for show in opened:
        show()
        measure(dialogs.shown[-1])
    completed = open_editor(qtbot, window, done.uuid)
    completed.reopen_action.trigger()
    measure(dialogs.latest(ReasonDialog))
    assert len(dialogs.shown) == 11
    assert short == [], "\n".join(short)
    editor.close()
    completed.close()


def _title_metrics() -> QFontMetrics:
    font = QApplication.font()
    font.setBold(True)
    return QFontMetrics(font)


TITLE_BAR_BUTTONS = 140  # a window manager's icon, minimise, maximise and close


def test_dates_read_the_one_way_in_the_audit_list_dashboard_and_export(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    """ "7 December 2026" in every window as in every export, never "07 Dec 2026"."""
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    window = open_window(copy)
    window.show()
    read: list[str] = []
    qtbot.waitUntil(lambda: window.audit_list.model.rowCount() > 0)
    read += visible_texts(window)
    window.tabs.setCurrentWidget(window.dashboard)
    bar = window.audit_list.filters
    bar.period.setCurrentIndex(bar.period.findText("2025/26"))
    qtbot.waitUntil(lambda: "audits ·" in window.dashboard.headline.text(), timeout=5000)
    read += visible_texts(window)
    window.files.export_board()
    export = dialogs.latest(ExportDialog)
    read += [*visible_texts(export), export.date_from.text(), export.date_to.text()]
    export.reject()
    assert dates_written_otherwise(read) == []
    assert len(dates_written_the_one_way(read)) > 20  # the list's dates, the period's
