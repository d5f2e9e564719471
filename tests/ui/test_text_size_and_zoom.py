"""200% text on a 1366x768 laptop: every window and dialog fits the screen with its buttons
in reach (parts scroll or reflow, nothing scrolls sideways), the editor keeps room for the
questions, and Ctrl+0 puts the main window back as it was. The text size keys work from
wherever the keyboard is: the main window, an editor with the cursor in a comment box,
second marking, a dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import AuditStatus
from auditdesk.services import moderation
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits._listing import AuditFilter, list_audits
from auditdesk.services.bundles import ChosenAudits, send_audits
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.services.kernel._people import list_auditors
from auditdesk.ui.editor.action_dialog import ActionDialog
from auditdesk.ui.editor.editor_dialogs import MissingDialog, TrailDialog
from auditdesk.ui.editor.editor_window import AuditEditorWindow
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
from auditdesk.ui.welcome_dialog import WelcomeDialog
from tests.conftest import plan_subject
from tests.ui.demo_files import copy_of
from tests.ui.keys import activate
from tests.ui.reach import out_of_reach
from tests.ui.readable import unreadable_cells
from tests.ui.scripted_dialogs import ScriptedDialogs

CTRL = Qt.KeyboardModifier.ControlModifier
LAPTOP = QSize(1366, 768)


@pytest.fixture(autouse=True)
def _normal_text_afterwards(qtbot: QtBot) -> Iterator[None]:
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    from auditdesk.ui.theme import apply_theme

    apply_theme(app, text_scale=1.0, high_contrast=False)  # the next test starts at 100%


def test_every_window_and_dialog_fits_a_laptop_screen_at_200_percent(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    screen = QApplication.primaryScreen()
    assert screen.availableGeometry().size() == LAPTOP, "tests/conftest.py sets this screen"
    window = open_window(copy_of(demo_file, tmp_path))
    activate(qtbot, window)
    before = window.size()
    problems = out_of_reach(window)

    _press_until(qtbot, window, Qt.Key.Key_Plus, lambda: _scale(window) >= 2.0)
    assert _scale(window) == 2.0
    assert "Text size 200%" in window.statusBar().currentMessage()
    for number in range(window.tabs.count()):
        window.tabs.setCurrentIndex(number)
        QApplication.processEvents()
        problems += [f"{window.tabs.tabText(number)} tab: {p}" for p in out_of_reach(window)]
    window.tabs.setCurrentIndex(0)
    clear = window.audit_list.filters.clear
    assert clear.visibleRegion().boundingRect().size() == clear.size(), "Clear filters in view"

    for title, dialog in _every_dialog(qtbot, window, dialogs, tmp_path):
        QApplication.processEvents()
        problems += [f"{title}: {p}" for p in out_of_reach(dialog)]
        if isinstance(dialog, AuditEditorWindow):
            problems += [f"{title}: {p}" for p in _questions_cramped(dialog)]
            problems += [f"{title}: {p}" for p in unreadable_cells(dialog.navigator)]
            problems += [f"{title}: {p}" for p in unreadable_cells(dialog.grades.sections)]
        if isinstance(dialog, BlindMarkingWindow):
            problems += [f"{title}: {p}" for p in unreadable_cells(dialog.navigator)]
        dialog.close()

    # Back to normal: the window is as it was, not left as wide as 200% made it.
    _press(qtbot, window, Qt.Key.Key_0)
    assert _scale(window) == 1.0
    assert window.size() == before
    problems += out_of_reach(window)
    assert problems == [], "\n".join(problems)


def test_a_dialog_open_while_the_text_grows_stays_on_screen(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = open_window(None)
    activate(qtbot, window)
    _press(qtbot, window, Qt.Key.Key_N)  # Ctrl+N: New audit
    dialog = dialogs.latest(NewAuditDialog)
    activate(qtbot, dialog)
    # The keys work inside the dialog too, with the keyboard in its first field.
    _press_until(qtbot, dialog, Qt.Key.Key_Plus, lambda: _scale(window) >= 2.0)
    assert _scale(window) == 2.0
    unreachable = out_of_reach(dialog)
    assert unreachable == [], "\n".join(unreachable)
    # Its OK button shows what is wrong, and the first field with a problem is scrolled
    # into view with the keyboard in it.
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is dialog.template
    template = dialog.template
    assert not template.visibleRegion().isEmpty()
    _press(qtbot, dialog, Qt.Key.Key_0)
    assert _scale(window) == 1.0


def test_the_text_size_keys_work_with_the_cursor_in_an_editor_comment(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow]
) -> None:
    window = open_window(None)
    ctx = window.session.ctx
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    window.open_audit(detail.uuid)
    editor = window.editors[detail.uuid]
    activate(qtbot, editor)
    editor.go_to(editor.pages[1].key)
    question = next(iter(editor.page.questions.values()))
    qtbot.mouseClick(question.comment.viewport(), Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is question.comment
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    size = app.font().pointSizeF()

    qtbot.keyClick(question.comment, Qt.Key.Key_Plus, CTRL)
    assert app.font().pointSizeF() > size
    qtbot.keyClick(question.comment, Qt.Key.Key_Equal, CTRL)  # the same key without Shift
    qtbot.keyClick(question.comment, Qt.Key.Key_Minus, CTRL)
    assert _scale(window) == pytest.approx(1.1)
    qtbot.keyClick(question.comment, Qt.Key.Key_0, CTRL)
    assert app.font().pointSizeF() == size
    qtbot.keyClick(question.comment, Qt.Key.Key_H, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.preferences.high_contrast
    assert app.palette().window().color().name() == "#000000"
    qtbot.keyClick(question.comment, Qt.Key.Key_H, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert not window.preferences.high_contrast
    assert question.comment.toPlainText() == ""  # none of the keys typed into the box
    assert QApplication.focusWidget() is question.comment  # and the keyboard stayed there
    editor.close()


def test_the_text_size_keys_work_in_second_marking(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    window = open_window(copy_of(demo_file, tmp_path))
    blind = _blind_marking(window, dialogs)
    activate(qtbot, blind)
    focused = QApplication.focusWidget()
    assert focused is not None
    assert blind.isAncestorOf(focused)
    _press(qtbot, blind, Qt.Key.Key_Plus)
    assert _scale(window) == pytest.approx(1.1)
    _press(qtbot, blind, Qt.Key.Key_0)
    assert _scale(window) == 1.0
    blind.close()


# -- every window and dialog ---------------------------------------------------------------
def _every_dialog(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> Iterator[tuple[str, QWidget]]:
    ctx = window.session.ctx
    rows = list_audits(window.session.ctx, AuditFilter(), limit=200).items

    _press(qtbot, window, Qt.Key.Key_N)
    yield "new audit", _tried(dialogs.latest(NewAuditDialog))
    _press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
    yield "send audits", dialogs.latest(SendDialog)
    _press(qtbot, window, Qt.Key.Key_E)
    yield "export for the Board", dialogs.latest(ExportDialog)
    completed = next(r for r in rows if r.status is AuditStatus.COMPLETED)
    visit = next(r for r in rows if r.setting_name and not r.child_reference)
    bundle = tmp_path / "two.auditdesk"
    send_audits(ctx, bundle, ChosenAudits((completed.uuid, visit.uuid)))
    dialogs.answer("open_file", bundle)
    _press(qtbot, window, Qt.Key.Key_I)
    yield "import preview", dialogs.latest(ImportPreviewDialog)
    _menu_action(window, "Your profile").trigger()
    yield "your profile", _tried(dialogs.latest(WelcomeDialog))

    graded = {}
    for row in rows:
        if row.final_grade is not None:
            graded.setdefault(row.template_title, row)
    for title, row in graded.items():
        yield f"editor of {title}", _editor(qtbot, window, row.uuid)
    draft = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    editor = _editor(qtbot, window, draft.uuid)
    editor.go_to(editor.pages[1].key)
    question = next(iter(editor.page.questions.values()))
    question.add_action.click()
    yield "add an action", _tried(dialogs.latest(ActionDialog))
    editor.override_action.trigger()
    yield "override the grade", _tried(dialogs.latest(OverrideDialog))
    editor.trail_action.trigger()
    yield "change trail", dialogs.latest(TrailDialog)
    editor.complete_action.trigger()
    yield "not ready to complete", dialogs.latest(MissingDialog)
    editor.close()

    editor = _editor(qtbot, window, completed.uuid)
    editor.reopen_action.trigger()
    yield "reopen", _tried(dialogs.latest(ReasonDialog))
    editor.close()
    setting = subjects.list_settings(window.session.ctx)[0]
    new_visit = audits.create_audit(
        ctx, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
    )
    editor = _editor(qtbot, window, new_visit.uuid)
    editor.go_to(next(p for p in editor.pages if p.lists_blocks).key)
    adding = next(b for b in editor.page.findChildren(QPushButton) if b.text().startswith("A&dd"))
    adding.click()
    yield "add a sampled child", _tried(dialogs.latest(SampledChildDialog))
    editor.close()

    blind = _blind_marking(window, dialogs)
    yield "second marking", blind
    submitted = next(
        r for r in moderation.list_moderations(ctx) if r.status in ("submitted", "agreed")
    )
    window.moderation_view._select({submitted.uuid})
    window.moderation_view.reconcile.click()
    yield "reconciliation", _tried(dialogs.latest(ReconciliationDialog))


def _blind_marking(window: MainWindow, dialogs: ScriptedDialogs) -> BlindMarkingWindow:
    """Second marking of a drawn audit, opened from the Moderation tab."""
    ctx = window.session.ctx
    drawn = [r for r in moderation.list_moderations(ctx) if r.status == "drawn"]
    if not drawn:
        moderation.draw_sample(ctx, percentage=5)
        drawn = [r for r in moderation.list_moderations(ctx) if r.status == "drawn"]
    # The lead second-marks: they worked on none of the demo's audits.
    marker = next(a for a in list_auditors(window.session.ctx) if a.name == ctx.actor.name)
    moderation.assign_second_marker(ctx, drawn[0].uuid, marker.uuid)
    view = window.moderation_view
    window.tabs.setCurrentWidget(view)
    view._select({drawn[0].uuid})
    view.mark.click()
    return dialogs.latest(BlindMarkingWindow)


def _questions_cramped(editor: AuditEditorWindow) -> list[str]:
    """The questions keep at least half of the editor's width at any text size."""
    share = editor.page.width() / editor.splitter.width()
    return [] if share >= 0.45 else [f"the questions have {share:.0%} of the width"]


def _editor(qtbot: QtBot, window: MainWindow, audit_uuid: str) -> AuditEditorWindow:
    window.open_audit(audit_uuid)
    editor = window.editors[audit_uuid]
    qtbot.waitExposed(editor)
    return editor


def _tried(dialog: QDialog) -> QDialog:
    """Press OK on an empty form (without acting on it): its problems show, as they do
    for a person, and must fit too."""
    ok = getattr(dialog, "ok_button", None)
    if ok is not None and ok.isEnabled() and getattr(dialog, "problems", lambda: [])():
        submit = getattr(dialog, "submit", None)
        dialog.submit = None  # type: ignore[attr-defined]
        ok.click()
        dialog.submit = submit  # type: ignore[attr-defined]
    return dialog


def _menu_action(window: MainWindow, text: str) -> QAction:
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if isinstance(menu, QMenu) else []:
            if action.text().replace("&", "").rstrip("…") == text:
                return action
    raise AssertionError(f"no menu command {text!r}")


# -- keys --------------------------------------------------------------------------------


def _press(
    qtbot: QtBot,
    window: QWidget,
    key: Qt.Key,
    extra: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Ctrl (and ``extra``) with ``key``, where the keyboard is in ``window``."""
    if not window.isActiveWindow():
        activate(qtbot, window)
    focused = QApplication.focusWidget()
    target = focused if focused is not None and window.isAncestorOf(focused) else window
    qtbot.keyClick(target, key, CTRL | extra)


def _press_until(
    qtbot: QtBot, window: QWidget, key: Qt.Key, done: Callable[[], bool], most: int = 20
) -> None:
    for _ in range(most):
        if done():
            return
        _press(qtbot, window, key)
    assert done(), f"{most} presses of Ctrl+{key.name} did not do it"


def _scale(window: MainWindow) -> float:
    return window.preferences.text_scale
