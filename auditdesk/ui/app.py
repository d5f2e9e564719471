"""Starting the window: one QApplication, preferences and theme, the crash handler, then
the database opened (locked, recognised, migrated) and the main window shown.

``AppController`` owns the open session, so File > Open can swap databases cleanly:
the old one's edits are flushed, its lock released, then the new one opened.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, qVersion
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from auditdesk import APP_NAME
from auditdesk.app_logging import configure_logging
from auditdesk.domain.reference import Agency, Role
from auditdesk.errors import UserError
from auditdesk.services import kernel
from auditdesk.services.kernel import Actor, ServiceContext
from auditdesk.ui.app_icon import apply_app_icon
from auditdesk.ui.crash_dialog import install_crash_handler
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.gui_thread_gc import collect_on_the_gui_thread
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.ready_file import announce_first_page
from auditdesk.ui.session import AppSession, AskProfile, start_from_first_look, start_session
from auditdesk.ui.task_runner import TaskRunner
from auditdesk.ui.theme import apply_theme
from auditdesk.ui.view_actions import ViewActions, keep_windows_on_screen


class AppController(QObject):
    def __init__(
        self,
        app: QApplication,
        preferences: Preferences,
        *,
        synchronous: bool = False,
        dialogs: DialogService | None = None,
    ) -> None:
        super().__init__()
        self.app = app
        collect_on_the_gui_thread(app)  # Qt objects are freed on the GUI thread only
        self.preferences = preferences
        self.synchronous = synchronous
        self.dialogs = dialogs or DialogService()
        self.session: AppSession | None = None
        self.window: MainWindow | None = None
        self.view_actions = ViewActions(preferences.high_contrast, self)
        self.view_actions.changed.connect(self.change_view)
        self.change_view(None, None)

    def open(self, path: Path, parent: QWidget | None = None, *, make_new: bool = False) -> bool:
        """Open ``path`` in the main window; on a problem, say so and keep what was open.

        An empty (0-byte) file is made into a new database only if the person says so
        (``make_new``: they chose File > New database, which asked already). A database
        that cannot be written opens read-only, for reading and exporting."""
        asker = parent or self.window
        if kernel.is_empty_file(path) and not make_new and not self._fill(path, asker):
            return False
        try:
            session = self._start(path, parent)
        except UserError as problem:
            self.dialogs.warn(asker, f"Cannot open {path.name}", str(problem))
            return False
        if session is None:
            return False
        try:
            window = MainWindow(session, self.preferences, self.dialogs, self.view_actions)
        except UserError as problem:
            # Damage found while reading what the window first shows (templates, places).
            session.close()
            self.dialogs.warn(asker, f"Cannot open {path.name}", str(problem))
            return False
        self._close_current()
        self.session = session
        self.window = window
        window.open_database_requested.connect(lambda chosen: self.open(Path(chosen)))
        window.new_database_requested.connect(lambda chosen: self.open(Path(chosen), make_new=True))
        window.could_not_open.connect(lambda problem: self._could_not_open(path, problem))
        window.show()
        return True

    def _could_not_open(self, path: Path, problem: UserError) -> None:
        """Shown from a first look, the database could not be opened properly after all
        (damaged or changed in that instant): said, and the window closed, as if it had
        failed before the window appeared."""
        # Said over the window, before it closes: with no window left the app ends.
        self.dialogs.warn(self.window, f"Cannot open {path.name}", str(problem))
        self._close_current()

    def _fill(self, empty: Path, parent: QWidget | None) -> bool:
        """Whether the person wants a new database made in ``empty`` (a 0-byte file is
        more often the wrong file than a wish for a new database)."""
        # Before the first window there is no parent: Qt shows the question on its own.
        return self.dialogs.confirm(
            parent,
            "Empty file",
            f"{empty.name} is empty (0 bytes). Make a new AuditDesk database in it?",
        )

    def _start(self, path: Path, parent: QWidget | None) -> AppSession | None:
        if kernel.is_read_only(path):
            return start_read_only_session(
                path, self.preferences, self._ask_profile, synchronous=self.synchronous
            )
        if self.window is None:
            # Only at start-up: a database opened from File > Open is opened fully before
            # the open one is closed, so a problem with it leaves the open one as it was.
            looked = start_from_first_look(
                path,
                self.preferences,
                synchronous=self.synchronous,
                progress=self._upgrade_progress(path, parent),
            )
            if looked is not None:
                return looked
        return start_session(
            path,
            self.preferences,
            self._ask_profile,
            synchronous=self.synchronous,
            progress=self._upgrade_progress(path, parent),
        )

    def change_view(self, step: float | None, high_contrast: bool | None) -> None:
        """``step``: a change of text size (0 returns to normal); ``None`` leaves it."""
        if step is not None:
            self.preferences.text_scale = 1.0 if step == 0 else self.preferences.text_scale + step
        if high_contrast is not None:
            self.preferences.high_contrast = high_contrast
        apply_theme(
            self.app,
            text_scale=self.preferences.text_scale,
            high_contrast=self.preferences.high_contrast,
        )
        keep_windows_on_screen()
        if step is not None and self.window is not None:
            self.window.say_text_size(self.preferences.text_scale)

    def close(self) -> None:
        self._close_current()

    def _close_current(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.session is not None:
            self.session.close()
            self.session = None

    def _upgrade_progress(self, path: Path, parent: QWidget | None) -> Any:
        """Progress for the one-off regrading after an upgrade (shown only if it happens)."""
        dialog: list[QProgressDialog] = []

        def progress(done: int, total: int) -> bool:
            if not dialog:
                box = QProgressDialog(
                    f"Updating {path.name} for this version of AuditDesk…",
                    "",
                    0,
                    total,
                    parent or self.window,
                )
                box.setCancelButton(None)  # stopping half-way would only mean doing it again
                box.setWindowTitle(APP_NAME)
                box.setMinimumDuration(0)
                box.setAccessibleName("Updating the database")
                box.setAccessibleDescription("Grading older audits once, after an update")
                dialog.append(box)
            dialog[0].setValue(done)
            self.app.processEvents()
            if done >= total:
                dialog[0].close()
            return True

        return progress

    def _ask_profile(self) -> tuple[str, Agency, Role] | None:
        # Imported only on first run (with the form dialogs behind it): once the person
        # is known, start-up never shows it (docs/performance.md).
        from auditdesk.ui.welcome_dialog import WelcomeDialog  # noqa: PLC0415

        dialog = WelcomeDialog(self.window)
        return dialog.chosen() if self.dialogs.run_before_any_window(dialog) else None


def start_read_only_session(
    path: Path, preferences: Preferences, ask_profile: AskProfile, *, synchronous: bool = False
) -> AppSession | None:
    """A database nobody here can write, opened for reading and exporting.

    Nothing is written: no lock file (there is nothing to guard, and its folder may be
    read-only too), and the person is not recorded in the database, only named on what
    they export (as ``auditdesk export`` does)."""
    db = kernel.open_workspace(path, create=False)
    try:
        known: tuple[str, Agency, Role] | None = preferences.profile
        if known is None:
            known = ask_profile()
            if known is not None:
                preferences.remember_profile(*known)
    except BaseException:
        db.close()
        raise
    if known is None:
        db.close()
        return None
    name, agency, role = known
    preferences.last_database = path
    return AppSession.opened(
        ServiceContext(db, Actor(name, agency, role, "")),
        kernel.DatabaseLock(path, name),  # never taken: released as it was
        TaskRunner(synchronous=synchronous),
    )


def run_app(database: Path, *, notice: str | None = None) -> int:
    """Open the window on ``database`` until it is closed; ``notice``: something to tell the
    person as soon as the window is up (that the last run crashed, say)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    apply_app_icon(app)  # every window and dialog carries it
    app.setOrganizationName(APP_NAME)
    install_crash_handler(configure_logging())
    log = logging.getLogger(__name__)
    log.info("window starting: Qt %s, %s platform", qVersion(), app.platformName())
    controller = AppController(app, Preferences())
    if not controller.open(database):
        return 1
    log.info("window open on %s", database)
    if controller.window is not None:
        announce_first_page(controller.window.audit_list.table)  # AUDITDESK_READY_FILE
    if notice and controller.window is not None:
        controller.window.message.show_problem(notice)
        log.info("told in the window: %s", notice)
    app.aboutToQuit.connect(controller.close)
    code = app.exec()
    log.info("window closed")
    return code
