"""The main window's menus: files, audits, the view (text size, high contrast, the tabs)
and help, with what the File and Help commands do that is not the window's own work
(choosing a database file, the profile, the shortcuts, about)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from auditdesk import APP_NAME, __version__, paths
from auditdesk.errors import UserError
from auditdesk.services import kernel
from auditdesk.services.kernel import Actor

if TYPE_CHECKING:
    from auditdesk.ui.main_window import MainWindow

DATABASE_FILTER = "AuditDesk databases (*.sqlite *.db);;All files (*)"
TAB_NAMES = ("Audits", "Actions", "Moderation", "Conflicts", "Dashboard")


class MainMenus(QObject):
    """Builds the menu bar of ``window`` and answers its File and Help commands."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        files = window.files
        file_menu = window.menuBar().addMenu("&File")
        self._add(file_menu, "&New database…", "Ctrl+Shift+N", self.new_database,
                  "Creates a new, empty AuditDesk database")  # fmt: skip
        self._add(file_menu, "&Open database…", "Ctrl+O", self.open_database,
                  "Opens another AuditDesk database")  # fmt: skip
        file_menu.addSeparator()
        send = self._add(file_menu, "&Send audits…", "Ctrl+Shift+S", files.send_audits,
                         "Writes audits into a bundle file for the quality lead")  # fmt: skip
        bring_in = self._add(
            file_menu, "&Import bundle…", "Ctrl+I", files.import_bundle,
            "Previews, then imports, a bundle of audits from another laptop",
        )  # fmt: skip
        file_menu.addSeparator()
        self._add(file_menu, "&Export for the Board…", "Ctrl+E", files.export_board,
                  "Writes the Board workbook and PDF Board pack")  # fmt: skip
        self._add(file_menu, "&Templates…", None, self.templates,
                  "Lists the audit templates and their questions; installs your own")  # fmt: skip
        file_menu.addSeparator()
        self._add(file_menu, "&Quit", QKeySequence.StandardKey.Quit, window.close,
                  "Closes AuditDesk")  # fmt: skip

        audit_menu = window.menuBar().addMenu("&Audit")
        start = self._add(audit_menu, "&New audit…", "Ctrl+N", window.new_audit,
                          "Starts a new audit of a plan or a setting")  # fmt: skip
        if window.session.read_only:
            # Each would only end in the read-only refusal (sending records what was sent).
            for action in (send, bring_in, start):
                action.setEnabled(False)
                action.setStatusTip(f"{action.statusTip()}; not in a read-only database")
            window.audit_list.new_button.setEnabled(False)
        self._add(audit_menu, "&Refresh lists", "F5", window.refresh, "Reloads the lists")
        self._view_menu()
        help_menu = window.menuBar().addMenu("&Help")
        self._add(help_menu, "Your &profile…", None, self.your_profile,
                  "Changes the name, agency and role recorded on your work")  # fmt: skip
        self._add(help_menu, "&Keyboard shortcuts", "F1", self.keys, "Lists the shortcuts")
        self._add(help_menu, "&About AuditDesk", None, self.about, "Version and purpose")

    def _view_menu(self) -> None:
        window = self.window
        view = window.menuBar().addMenu("&View")
        window.view_actions.fill(view, window)
        view.addSeparator()
        for number, name in enumerate(TAB_NAMES, start=1):
            self._add(view, f"&{number} {name}", f"Alt+{number}",
                      lambda _checked=False, n=number: window.show_tab(n - 1),
                      f"Shows the {name} tab, with the keyboard in its list")  # fmt: skip

    def _add(self, menu: QMenu, text: str, shortcut: object, slot: Callable[..., object],
             description: str) -> QAction:  # fmt: skip
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # type: ignore[call-overload]
        action.setStatusTip(description)
        action.setToolTip(description)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- File -----------------------------------------------------------------------------
    def open_database(self) -> None:
        window = self.window
        chosen = window.dialogs.open_file(
            window, "Open an AuditDesk database", window.session.path.parent, DATABASE_FILTER
        )
        if chosen is not None:
            window.open_database_requested.emit(chosen)

    def new_database(self) -> None:
        window = self.window
        suggested = window.session.path.parent / "audits.sqlite"
        chosen = window.dialogs.save_file(
            window, "Create a new AuditDesk database", suggested, DATABASE_FILTER
        )
        if chosen is None:
            return
        if chosen.exists() and chosen.stat().st_size:
            window.message.show_problem(
                f"{chosen.name} already exists. Choose Open database to open it, or a new name."
            )
            return
        window.new_database_requested.emit(chosen)

    def templates(self) -> None:
        """File > Templates: imported when asked for, like the other File dialogs."""
        from auditdesk.ui.templates_dialog import TemplatesDialog  # noqa: PLC0415

        window = self.window
        dialog = TemplatesDialog(window.session, window.dialogs, window.tasks, window)
        dialog.installed.connect(window.refresh)
        window.dialogs.ask(dialog)

    # -- Help -----------------------------------------------------------------------------
    def your_profile(self) -> None:
        """Help > Your profile. Saved in the write lane; the person's own preferences (where
        the commands read it too) follow once the database has it."""
        window = self.window
        session = window.session
        # Imported when asked for, as on first run (see auditdesk/ui/app.py).
        from auditdesk.ui.welcome_dialog import YOUR_PROFILE, WelcomeDialog  # noqa: PLC0415

        dialog = WelcomeDialog(window, YOUR_PROFILE)  # not the first run's welcome
        actor = session.ctx.actor
        dialog.show_profile(actor.name, actor.agency, actor.role)
        db = session.db

        def prepare() -> Callable[[], Actor]:
            name, agency, role = dialog.chosen()
            return lambda: kernel.use_profile(db, name, agency, role)

        def saved() -> None:
            updated: Actor | None = dialog.saved_result
            if updated is None:  # accepted only once the database has it
                return
            session.ctx = replace(session.ctx, actor=updated)
            try:
                window.preferences.remember_profile(*dialog.chosen())
            except UserError as problem:  # the profile file cannot be written
                window.message.show_problem(str(problem))
                return
            window.message.show_info(
                f"Your work is now recorded as {updated.name} ({updated.agency.label})."
            )

        dialog.saves_through(window.tasks, prepare, window.handle_error)
        window.dialogs.ask(dialog, saved)

    def keys(self) -> None:
        self.window.dialogs.inform(self.window, "Keyboard shortcuts", KEYBOARD_HELP)

    def about(self) -> None:
        window = self.window
        QMessageBox.about(
            window, f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\nOffline quality assurance of EHC plans and SEND "
            f"provision.\n\nDatabase: {window.session.path}\nLog: {paths.log_file()}",
        )  # fmt: skip


def _flowing(text: str) -> str:
    """Paragraphs written across lines here read as flowing paragraphs in the box, which
    wraps them to its own width (kept, the lines broke mid-sentence)."""
    return "\n\n".join(" ".join(part.split("\n")) for part in text.split("\n\n"))


KEYBOARD_HELP = _flowing("""\
Anywhere: Ctrl+plus and Ctrl+minus change the text size, Ctrl+0 returns it to normal,
Ctrl+Shift+H switches high contrast.

Main window: Ctrl+N new audit; Enter opens the selected audit; Alt+1 to Alt+5 choose the
Audits, Actions, Moderation, Conflicts and Dashboard tabs; F5 refreshes; Ctrl+E exports
for the Board; Ctrl+Shift+S sends audits; Ctrl+I imports a bundle.

Editor: Alt+1 the section list, Alt+2 the questions; the key shown beside a rating
chooses it (1, 2, ...), N for N/A, Delete clears; Tab moves on; Ctrl+PgDown and Ctrl+PgUp
the next or previous part; Ctrl+Z and Ctrl+Y undo and redo (one history for the whole
audit, typing included; Ctrl+Alt+Z shows it); Ctrl+H the change trail; Ctrl+P the audit
report; Ctrl+Return completes; Ctrl+W closes.

Second marking: the same keys for ratings; Ctrl+Return submits.""")
