"""The window never reads or writes the database on the GUI thread: a query there freezes
every window for as long as it takes (seconds, on a large database on a network drive).

Every connection the database hands out is watched through SQLAlchemy's pool ``checkout``
event, which runs in the thread that asks for the connection. The window is then opened
and used, with the real task runner, through each of its jobs: the lists and tabs, a new
audit, the editor (ratings, typing, undo, the trail, an override, completing, the report),
sending, importing, exporting for the Board, moderation (drawing, assigning, blind
marking, reconciling) and the profile. A connection taken on the GUI thread fails the test
with where it was taken. Opening the database itself (before the window) is not watched:
that is the start-up's, which shows its own progress."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, event

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import Agency, PlanStage, PrimaryNeed, Role
from auditdesk.services import moderation
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.bundles import ChosenAudits, send_audits
from auditdesk.services.kernel._context import Actor, ServiceContext
from auditdesk.services.kernel._people import add_auditor, save_profile
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.ui.editor.editor_dialogs import MissingDialog, TrailDialog
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.editor.override_dialog import OverrideDialog
from auditdesk.ui.exchange.import_dialog import ImportPreviewDialog
from auditdesk.ui.exchange.send_dialog import SendDialog
from auditdesk.ui.export_dialog import ExportDialog
from auditdesk.ui.gui_thread_gc import collect_on_the_gui_thread
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.moderation.assign_dialog import AssignMarkerDialog
from auditdesk.ui.moderation.blind_marking_window import BlindMarkingWindow
from auditdesk.ui.moderation.reconciliation_dialog import ReconciliationDialog
from auditdesk.ui.new_audit_dialog import NewAuditDialog
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.session import AppSession, start_session
from auditdesk.ui.view_actions import ViewActions
from auditdesk.ui.welcome_dialog import WelcomeDialog
from tests.conftest import plan_subject
from tests.services.helpers import answer_everything
from tests.ui.scripted_dialogs import ScriptedDialogs

D = TypeVar("D", bound=QDialog)
WAIT_MS = 30_000


class GuiThreadWatch:
    """Where each database connection taken on the GUI thread was taken."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.taken_here: list[str] = []
        self._looking = True
        event.listen(engine, "checkout", self._checkout)

    def _checkout(self, *_connection: Any) -> None:
        if self._looking and threading.current_thread() is threading.main_thread():
            # Where in AuditDesk (and the test) it was asked for; SQLAlchemy's own frames
            # say nothing about which window did it.
            ours = [
                frame
                for frame in traceback.extract_stack()
                if "site-packages" not in frame.filename and "<" not in frame.filename
            ]
            self.taken_here.append("".join(traceback.format_list(ours[-8:-1])))

    @contextmanager
    def looking_away(self) -> Iterator[None]:
        """While the test itself reads the database to check what the window did."""
        self._looking = False
        try:
            yield
        finally:
            self._looking = True

    def stop(self) -> None:
        event.remove(self.engine, "checkout", self._checkout)


class Desk:
    """The main window on a real session (worker threads), driven as a person would."""

    def __init__(
        self, qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, watch: GuiThreadWatch
    ) -> None:
        self.qtbot, self.window, self.dialogs, self.watch = qtbot, window, dialogs, watch

    @property
    def ctx(self) -> ServiceContext:
        return self.window.session.ctx

    def settle(self) -> None:
        """Until every queued job has run and its result is on screen."""
        runner = self.window.session.runner
        self.qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)
        QApplication.processEvents()

    def dialog(self, kind: type[D]) -> D:
        """The newest dialog of ``kind`` once it is on screen (it opens when what it shows
        has been read)."""
        self.qtbot.waitUntil(
            lambda: any(isinstance(d, kind) for d in self.dialogs.open_dialogs()),
            timeout=WAIT_MS,
        )
        return self.dialogs.latest(kind)

    def until(self, condition: Callable[[], bool]) -> None:
        self.qtbot.waitUntil(condition, timeout=WAIT_MS)
        self.settle()


@pytest.fixture
def desk(
    qtbot: QtBot, preferences: Preferences, dialogs: ScriptedDialogs, tmp_path: Path
) -> Iterator[tuple[Desk, dict[str, str]]]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    collect_on_the_gui_thread(app)  # as the app does: Qt objects freed on this thread
    path = tmp_path / "audits.sqlite"
    made = _moderation_under_way(path)
    session = start_session(path, preferences, lambda: None)
    assert session is not None
    watch = GuiThreadWatch(session.db.engine)  # from here on, the window's work
    view_actions = ViewActions(preferences.high_contrast)
    window = MainWindow(session, preferences, dialogs, view_actions)
    window.show()
    try:
        yield Desk(qtbot, window, dialogs, watch), made
    finally:
        _close(window, session)
        watch.stop()


def _close(window: MainWindow, session: AppSession) -> None:
    for dialog in QApplication.topLevelWidgets():
        if isinstance(dialog, QDialog) and dialog.isVisible():
            dialog.close()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    session.close()


def _moderation_under_way(path: Path) -> dict[str, str]:
    """A colleague's completed audits, drawn for moderation: one for me to second-mark,
    one second-marked and ready to reconcile, one waiting for its marker; and one more
    completed since, for a new sample."""
    db = open_workspace(path)
    me = save_profile(db, "Sam Practice", Agency.EDUCATION, Role.PRACTICE_CHAMPION)
    ctx = ServiceContext(db, me)
    kim = add_auditor(ctx, "Kim Colleague", Agency.HEALTH, Role.PRACTICE_CHAMPION)
    morgan = add_auditor(ctx, "Morgan Health", Agency.HEALTH, Role.PRACTICE_CHAMPION)
    theirs = replace(ctx, actor=Actor(kim.name, kim.agency, kim.role, kim.uuid))

    def completed(reference: str) -> None:
        detail = audits.create_audit(theirs, template_id="ehcp-quality",
                                     subject=plan_subject(reference))  # fmt: skip
        answer_everything(theirs, detail, points=3)
        audit_lifecycle.complete_audit(theirs, detail.uuid)

    for number in range(3):
        completed(f"CE-2000{number}")
    mine, ready, waiting = (row.uuid for row in moderation.draw_sample(ctx, percentage=100).drawn)
    moderation.assign_second_marker(ctx, mine, me.auditor_uuid)
    moderation.assign_second_marker(ctx, ready, morgan.uuid)
    audit_uuid = next(r.audit_uuid for r in moderation.list_moderations(ctx) if r.uuid == ready)
    for (question, block), record in audits.get_audit(ctx, audit_uuid).answers.items():
        if record.rating is not None:
            moderation.record_second_rating(
                ctx, ready, question, block, rating=record.rating, comment=""
            )
    moderation.submit_second_marking(ctx, ready)
    completed("CE-20009")
    db.close()
    return {"mine": mine, "ready": ready, "waiting": waiting}


def _bundle_from_another_laptop(folder: Path) -> Path:
    db = open_workspace(folder / "other-laptop.sqlite")
    ash = save_profile(db, "Ash Other", Agency.EDUCATION, Role.PRACTICE_CHAMPION)
    ctx = ServiceContext(db, ash)
    detail = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject("CE-40001"))
    answer_everything(ctx, detail, points=2)
    audit_lifecycle.complete_audit(ctx, detail.uuid)
    bundle = folder / "from-ash.auditdesk"
    send_audits(ctx, bundle, ChosenAudits((detail.uuid,)))
    db.close()
    return bundle


# -- the walk through the window --------------------------------------------------------------
def test_the_window_never_touches_the_database_on_the_gui_thread(
    desk: tuple[Desk, dict[str, str]], tmp_path: Path
) -> None:
    person, made = desk
    watch = person.watch
    bundle = _bundle_from_another_laptop(tmp_path)
    person.settle()
    _lists_and_tabs(person)
    editor = _new_audit(person)
    _edit(person, editor, tmp_path)
    _send_import_and_export(person, bundle, tmp_path)
    _moderate(person, made)
    _change_profile(person)
    assert not watch.taken_here, (
        f"{len(watch.taken_here)} database connection(s) taken on the GUI thread; the "
        "first was taken at:\n" + watch.taken_here[0]
    )


def _lists_and_tabs(person: Desk) -> None:
    window = person.window
    for position in range(5):  # Audits, Actions, Moderation, Conflicts, Dashboard
        window.show_tab(position)
        person.settle()
    window.show_tab(0)
    window.refresh()
    person.settle()
    assert window.audit_model.total == 4  # the colleague's


def _new_audit(person: Desk) -> AuditEditorWindow:
    window = person.window
    window.new_audit()
    dialog = person.dialog(NewAuditDialog)
    dialog.template.setCurrentIndex(dialog.template.findText("EHCP", Qt.MatchFlag.MatchContains))
    dialog.reference.setText("CE-30001")
    for combo, value in (
        (dialog.year, 7),
        (dialog.need, PrimaryNeed.SEMH),
        (dialog.stage, PlanStage.NEW_PLAN),
    ):
        combo.setCurrentIndex(combo.findData(value))
    dialog.locality.setEditText("Crewe")
    assert dialog.shown_problems() == []
    dialog.ok_button.click()
    person.until(lambda: len(window.editors) == 1)
    (editor,) = window.editors.values()
    return editor


def _edit(person: Desk, editor: AuditEditorWindow, folder: Path) -> None:
    editor.step(1)  # the first part with ratings
    question = next(w for w in editor.page.questions.values() if w.buttons)
    next(iter(question.buttons.values())).click()
    question.comment.setPlainText("Views gathered at the review")
    editor.page.flush()
    person.settle()
    editor.undo_action.trigger()
    editor.redo_action.trigger()
    person.settle()
    editor.trail_action.trigger()
    person.dialog(TrailDialog).reject()
    editor.override_action.trigger()
    override = person.dialog(OverrideDialog)
    override.grade.setCurrentIndex(override.grade.findData(Grade.GOOD))
    override.reason.setPlainText("The panel judged the plan good overall")
    override.ok_button.click()
    person.settle()
    editor.complete_action.trigger()  # refused: most questions are not rated yet
    person.dialog(MissingDialog).reject()
    report = folder / "report.pdf"
    person.dialogs.answer("save_file", report)
    editor.report_action.trigger()
    person.until(report.exists)
    editor.close()
    person.settle()


def _send_import_and_export(person: Desk, bundle: Path, folder: Path) -> None:
    files = person.window.files
    files.send_audits()
    send = person.dialog(SendDialog)
    person.until(lambda: not send.finding)
    sent = folder / "to-lead.auditdesk"
    send.target.setText(str(sent))
    send.ok_button.click()
    person.until(sent.exists)

    files.preview_import(bundle)
    person.dialog(ImportPreviewDialog).ok_button.click()
    person.until(lambda: person.window.audit_model.total == 6)  # 4, the new one, 1 brought

    files.export_board()
    export = person.dialog(ExportDialog)
    xlsx, pdf = folder / "board.xlsx", folder / "board.pdf"
    export.xlsx.setText(str(xlsx))
    export.pdf.setText(str(pdf))
    export.open_after.setChecked(False)
    export.ok_button.click()
    person.until(lambda: xlsx.exists() and pdf.exists())


def _moderate(person: Desk, made: dict[str, str]) -> None:
    window = person.window
    view = window.moderation_view
    window.show_tab(2)
    person.settle()
    view.draw.click()  # the audit completed since the last sample
    person.settle()

    view._select({made["waiting"]})
    view.assign.click()
    chooser = person.dialog(AssignMarkerDialog)
    chooser.choices.setCurrentRow(0)
    chooser.ok_button.click()
    person.settle()

    view._select({made["mine"]})
    view.mark.click()
    blind = person.dialog(BlindMarkingWindow)
    question = next(w for w in blind.page.questions.values() if w.buttons)
    next(iter(question.buttons.values())).click()
    person.settle()
    blind.reject()
    person.settle()

    view._select({made["ready"]})
    view.reconcile.click()
    reconciling = person.dialog(ReconciliationDialog)
    overall = reconciling.agreed["overall"]
    overall.setCurrentIndex(overall.findData(Grade.GOOD))
    reconciling.ok_button.click()
    person.settle()
    with person.watch.looking_away():
        agreed = {r.uuid: r.status for r in moderation.list_moderations(person.ctx)}
    assert agreed[made["ready"]] == "agreed"
    assert agreed[made["waiting"]] == "assigned"


def _change_profile(person: Desk) -> None:
    person.window.menus.your_profile()
    profile = person.dialog(WelcomeDialog)
    profile.name.setText("Sam Practice-Jones")
    profile.ok_button.click()
    person.settle()
    assert person.ctx.actor.name == "Sam Practice-Jones"
