"""Every window and dialog closed while work for it is still running, with the real task
runner (worker threads, results through the event loop).

The runner is held so the work is still queued when the window goes, the window is
closed *and deleted*, then the work is let go. Nothing may crash or warn, no result may
reach the closed window (the runner counts what it dropped), every edit the person saw is
still saved, and the app goes on working. Closing blind second marking after a refused
Submit used to end the process ("shared QObject was deleted directly").
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import Agency, Role
from auditdesk.services import moderation
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.bundles import UnsentCompleted, send_audits
from auditdesk.services.kernel._context import Actor, ServiceContext
from auditdesk.services.kernel._people import add_auditor
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.ui.editor.action_dialog import ActionDialog
from auditdesk.ui.editor.editor_dialogs import MissingDialog
from auditdesk.ui.exchange.import_dialog import ImportPreviewDialog
from auditdesk.ui.export_dialog import ExportDialog
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.moderation.blind_marking_window import BlindMarkingWindow
from tests.conftest import plan_subject
from tests.services.helpers import answer_everything
from tests.ui.conftest import Threaded
from tests.ui.demo_files import make_demo
from tests.ui.keys import type_text
from tests.ui.scripted_dialogs import ScriptedDialogs


def _close_and_delete(widget: QWidget) -> None:
    """Close ``widget`` and let Qt delete it, as the event loop would a moment later."""
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _no_progress_dialog_shows(qtbot: QtBot) -> None:
    """Long work's progress dialog appears after 300 ms: it must never pop up for work
    whose window has gone."""
    qtbot.wait(500)
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
    assert not [w for w in shown if w.isVisible()], "a progress dialog outlived its window"


# -- blind second marking ---------------------------------------------------------------------
def _assigned_to_me(ctx: ServiceContext) -> str:
    """A colleague's completed audit, drawn for moderation and assigned to the person at the
    keyboard (who, not having worked on it, may second-mark it)."""
    colleague = add_auditor(ctx, "Kim Colleague", Agency.HEALTH, Role.PRACTICE_CHAMPION)
    theirs = replace(ctx, actor=Actor(colleague.name, colleague.agency, colleague.role,
                                      colleague.uuid))  # fmt: skip
    detail = audits.create_audit(theirs, template_id="ehcp-quality", subject=plan_subject())
    answer_everything(theirs, detail, points=3)
    audit_lifecycle.complete_audit(theirs, detail.uuid)
    row = moderation.draw_sample(ctx, percentage=100).drawn[0]
    moderation.assign_second_marker(ctx, row.uuid, ctx.actor.auditor_uuid)
    return row.uuid


def _open_blind(
    threaded: Threaded, window: MainWindow, dialogs: ScriptedDialogs
) -> BlindMarkingWindow:
    view = window.moderation_view
    window.tabs.setCurrentWidget(view)
    view.reload()
    threaded.settle()
    view.table.setCurrentIndex(view.table.cell(0))
    view.mark.click()
    threaded.settle()
    return dialogs.latest(BlindMarkingWindow)


def _rate_first(blind: BlindMarkingWindow) -> tuple[str, str | None]:
    widget = next(iter(blind.page.questions.values()))
    next(iter(widget.buttons.values())).click()
    return widget.slot.key


def test_closing_blind_marking_while_a_refused_submit_is_on_its_way(
    qtbot: QtBot, threaded: Threaded, dialogs: ScriptedDialogs
) -> None:
    window = threaded.open()
    ctx = window.session.ctx
    moderation_uuid = _assigned_to_me(ctx)
    blind = _open_blind(threaded, window, dialogs)
    key = _rate_first(blind)

    threaded.runner.hold()
    blind.submit.click()  # refused (one question rated of many), but not yet answered
    _close_and_delete(blind)
    dropped = threaded.runner.dropped
    threaded.runner.release()
    threaded.settle()

    assert threaded.runner.dropped > dropped  # the refusal was for a window now gone
    assert not [d for d in dialogs.open_dialogs() if isinstance(d, MissingDialog)]
    # The rating made before closing was saved all the same.
    saved = moderation.blind_view(ctx, moderation_uuid)
    assert key in saved.ratings
    # And the marker can carry on.
    again = _open_blind(threaded, window, dialogs)
    assert again.page.questions[key].rating is not None


def test_closing_blind_marking_with_the_refusal_showing(
    qtbot: QtBot, threaded: Threaded, dialogs: ScriptedDialogs
) -> None:
    window = threaded.open()
    _assigned_to_me(window.session.ctx)
    blind = _open_blind(threaded, window, dialogs)
    _rate_first(blind)
    blind.submit.click()
    threaded.settle()
    missing = dialogs.latest(MissingDialog)  # "still to rate": the person reads it...
    _close_and_delete(blind)  # ...and closes the marking window behind it
    assert not shiboken6.isValid(missing)  # the list went with its window
    threaded.settle()
    assert not dialogs.open_dialogs()
    assert window.isVisible()
    window.moderation_view.reload()  # and moderation carries on
    threaded.settle()
    assert window.moderation_view.table.row_count() == 1


# -- the editor -------------------------------------------------------------------------------
def test_closing_the_editor_while_its_edits_and_report_are_queued(
    qtbot: QtBot, threaded: Threaded, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = threaded.open()
    ctx = window.session.ctx
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    editor = threaded.editor(window, detail.uuid)
    editor.step(1)
    widget = next(w for w in editor.page.questions.values() if w.buttons)
    key = widget.slot.key

    threaded.runner.hold()
    widget.buttons[next(iter(widget.buttons))].click()
    widget.comment.setFocus()
    type_text(qtbot, widget.comment, "Outcomes are not time-bound — see E2")
    report = tmp_path / "reports" / "report.pdf"
    report.parent.mkdir()
    dialogs.answer("save_file", report)
    editor.report_action.trigger()  # long work, queued behind the edits
    editor.complete_action.trigger()  # refused (unanswered questions), queued too
    editor.trail_action.trigger()  # the trail dialog would open when read
    _close_and_delete(editor)
    threaded.runner.release()
    threaded.settle()
    _no_progress_dialog_shows(qtbot)

    assert not dialogs.open_dialogs()  # no trail, no "not ready" list for a closed editor
    stored = audits.get_audit(ctx, detail.uuid).answers[key]
    assert stored.rating is not None
    assert stored.comment == "Outcomes are not time-bound — see E2"
    # The report was cancelled with its window or written whole: never half a file.
    leftovers = [p.name for p in report.parent.iterdir() if p != report]
    assert leftovers == []
    # The audit opens again at once, with what was typed.
    again = threaded.editor(window, detail.uuid)
    again.step(1)
    assert again.page.questions[key].comment.toPlainText() == stored.comment


# -- the main window --------------------------------------------------------------------------
def _demo(path: Path, audits_wanted: int = 150, seed: int = 6) -> Path:
    return make_demo(path, audits_wanted, seed=seed)  # made once per run, copied here


def test_closing_the_main_window_while_lists_and_figures_load(
    qtbot: QtBot, threaded: Threaded, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = threaded.open(_demo(tmp_path / "demo.sqlite"))
    threaded.settle()
    threaded.runner.hold()
    window.refresh()  # the audit list, filters, actions, conflicts
    window.tabs.setCurrentWidget(window.dashboard)  # the dashboard's figures
    window.moderation_view.reload()
    window.moderation_view.percentage.setValue(10)
    window.moderation_view.draw.click()  # a write: it must still happen
    dropped = threaded.runner.dropped
    runner = threaded.runner
    threaded.controller.close()  # closes the window, then waits for the work (released)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    assert runner.dropped > dropped
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    # The sample drawn as the window closed is in the database; the file opens again.
    again = threaded.open(tmp_path / "demo.sqlite")
    assert moderation.list_moderations(again.session.ctx)


@pytest.mark.parametrize("stop", [True, False], ids=["stop it", "let it finish"])
def test_closing_the_main_window_during_a_board_export(
    qtbot: QtBot, threaded: Threaded, dialogs: ScriptedDialogs, tmp_path: Path, stop: bool
) -> None:
    window = threaded.open(_demo(tmp_path / "demo.sqlite"))
    out = tmp_path / "out"
    out.mkdir()
    window.files.export_board()
    dialog = threaded.dialog(ExportDialog)  # opens once the templates and places are read
    dialog.xlsx.setText(str(out / "board.xlsx"))
    dialog.pdf.setText(str(out / "board.pdf"))
    dialog.open_after.setChecked(False)
    threaded.runner.hold()
    dialog.ok_button.click()
    assert window.tasks.busy_with_long_work
    dialogs.answer("confirm", stop)  # "An export is still running. Stop it and close?"
    window.close()
    if not stop:  # the person chose to let it finish: the window stays
        assert window.isVisible()
        threaded.runner.release()
        threaded.settle(60_000)
        assert "Exported" in window.message.message
        assert sorted(p.name for p in out.iterdir()) == ["board.pdf", "board.xlsx"]
        return
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    runner = threaded.runner
    threaded.controller.close()
    assert not runner.idle or runner.dropped >= 1
    # Stopped with its window: nothing written, nothing half-written left behind.
    assert list(out.iterdir()) == []


def test_closing_the_main_window_during_an_import(
    qtbot: QtBot, threaded: Threaded, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    sender = open_workspace(_demo(tmp_path / "sender.sqlite", 60, seed=9))
    from auditdesk.services.kernel._people import get_profile

    actor = get_profile(sender)
    assert actor is not None
    bundle = tmp_path / "from-sender.auditdesk"
    sent = send_audits(ServiceContext(sender, actor), bundle, UnsentCompleted())
    sender.close()
    assert sent.audits > 0

    window = threaded.open()
    window.files.preview_import(bundle)
    threaded.settle()
    preview = dialogs.latest(ImportPreviewDialog)
    threaded.runner.hold()
    preview.ok_button.click()  # the import is queued
    dialogs.answer("confirm", True)  # stop it and close
    window.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    threaded.controller.close()

    # All or nothing: either every audit of the bundle arrived or none did.
    again = threaded.open()
    listed = audits_in(again)
    assert listed in (0, sent.audits)


def audits_in(window: MainWindow) -> int:
    from auditdesk.services.audits._listing import AuditFilter, list_audits

    return list_audits(window.session.ctx, AuditFilter(), limit=1, with_total=True).total or 0


def test_a_form_open_when_its_window_goes_goes_with_it(
    qtbot: QtBot, threaded: Threaded, dialogs: ScriptedDialogs
) -> None:
    """A form left open when its window closes (the main window quitting, say) goes with
    it, and what it would have done is not done half-way."""
    window = threaded.open()
    ctx = window.session.ctx
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject())
    editor = threaded.editor(window, detail.uuid)
    editor.step(1)
    next(iter(editor.page.questions.values())).add_action.click()
    form = dialogs.latest(ActionDialog)
    _close_and_delete(editor)
    threaded.settle()
    assert not shiboken6.isValid(form)
    assert audits.get_audit(ctx, detail.uuid).actions == ()


# -- where windows are freed ------------------------------------------------------------------
def test_a_closed_editor_is_deleted_on_the_gui_thread(qtbot: QtBot, threaded: Threaded) -> None:
    """Freed by Qt at once, not whenever a garbage collection happens to run, which could
    be on a worker thread (a QWidget deleted there can crash the process later)."""
    window = threaded.open()
    detail = audits.create_audit(
        window.session.ctx, template_id="ehcp-quality", subject=plan_subject()
    )
    editor = threaded.editor(window, detail.uuid)
    editor.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(editor)


def test_garbage_is_collected_on_the_gui_thread_only(qtbot: QtBot, threaded: Threaded) -> None:
    threaded.open()
    freed_in: list[str] = []

    class Holder(QObject):
        def __del__(self) -> None:  # where Python frees it, Qt's object is deleted too
            freed_in.append(threading.current_thread().name)

    holder = Holder()
    holder.cycle = holder  # type: ignore[attr-defined]  # only a cycle collection frees it
    del holder

    def allocate() -> None:  # enough to set off automatic collections many times over
        junk = [[] for _ in range(200_000)]
        for item in junk:
            item.append(item)

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert freed_in == []  # not freed on the worker...
    qtbot.waitUntil(lambda: bool(freed_in), timeout=5_000)
    assert freed_in == ["MainThread"]  # ...but soon after, on the GUI thread
