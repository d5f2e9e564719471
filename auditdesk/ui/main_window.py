"""The main window: audits, actions, moderation, conflicts and the dashboard in tabs, with
menus for files, audits, the view (text size, high contrast) and help."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from auditdesk import APP_NAME, paths
from auditdesk.domain.clock import local_today
from auditdesk.errors import DatabaseDamaged, UserError
from auditdesk.services import audits, kernel
from auditdesk.services.audits import AuditFilter
from auditdesk.services.kernel import (
    AuditDetail,
    AuditorRecord,
    AuditRow,
    Page,
    SettingRecord,
    TemplateSummary,
)
from auditdesk.ui.accessibility import named
from auditdesk.ui.audit_list.audit_list_view import AuditListView
from auditdesk.ui.audit_list.audit_table_model import AuditTableModel
from auditdesk.ui.audit_list.filter_bar import FilterChoices
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.errors import error_handler
from auditdesk.ui.file_actions import FileActions
from auditdesk.ui.main_menus import MainMenus
from auditdesk.ui.main_tabs import MainTabs
from auditdesk.ui.message_bar import MessageBar
from auditdesk.ui.next_paint import after_next_paint
from auditdesk.ui.on_screen import StaysOnScreen
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.session import AppSession
from auditdesk.ui.start_audit import StartAudit
from auditdesk.ui.view_actions import ViewActions

if TYPE_CHECKING:
    from auditdesk.ui.actions_view import ActionsView
    from auditdesk.ui.dashboard.dashboard_view import DashboardView
    from auditdesk.ui.editor.editor_window import AuditEditorWindow
    from auditdesk.ui.exchange.conflicts_view import ConflictsView
    from auditdesk.ui.moderation.moderation_view import ModerationView

Places = tuple[list[AuditorRecord], list[str], list[SettingRecord]]


class MainWindow(StaysOnScreen, QMainWindow):
    open_database_requested = Signal(object)  # Path
    new_database_requested = Signal(object)  # Path: new, or an empty file the person chose
    #: After a first look, the database could not be opened properly (a UserError).
    could_not_open = Signal(object)

    def __init__(
        self,
        session: AppSession,
        preferences: Preferences,
        dialogs: DialogService,
        view_actions: ViewActions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.preferences = preferences
        self.dialogs = dialogs
        self.view_actions = view_actions
        self.tasks = session.runner.scope(self)
        self.editors: dict[str, AuditEditorWindow] = {}
        read_only = " (read-only)" if session.read_only else ""
        self.setWindowTitle(f"{APP_NAME} — {session.path.name}{read_only}")
        named(self, f"{APP_NAME} main window", f"Audits in {session.path}")
        self.message = MessageBar()
        self.handle_error = error_handler(self.message.show_problem)
        # What the filters and forms offer is read in the background like everything
        # else; the lists fill in as soon as it arrives.
        self.templates: list[TemplateSummary] = []
        self._build_audit_list()
        self.tabs = MainTabs(self)
        self.tabs.currentChanged.connect(self._tab_changed)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(body)
        self.database_label = named(QLabel(str(session.path)), "Database file",
                                    "The database this window shows")  # fmt: skip
        self.statusBar().addPermanentWidget(self.database_label)
        self.files = FileActions(
            self, session, dialogs, self.tasks, self.message, preferences=preferences
        )
        self.files.imported.connect(self._after_import)
        self.starter = StartAudit(self, session, dialogs, self.tasks, self.handle_error)
        self.starter.started.connect(self._started)
        self.starter.templates_read.connect(self._templates_read)
        self.menus = MainMenus(self)
        self.contrast = view_actions.contrast
        self._say_where(session)
        geometry = preferences.geometry("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        # The first page of audits is read alone, once: what the filters offer and the
        # look over the database wait until it is on the screen, not to slow it down.
        self._first_page_in = False
        self.audit_model.loaded.connect(self._first_page_arrived)
        self.audit_model.failed.connect(self._first_page_arrived)
        looked = session.take_first_page()
        if looked is None:
            self.audit_model.reload()
        else:  # read before the database was opened properly (auditdesk/ui/session.py)
            self._first_page_in = True
            self.audit_model.show_first_page(looked)
            after_next_paint(self.audit_list.table.viewport(), self._after_first_page)

    def _first_page_arrived(self, _outcome: object = None) -> None:
        if self._first_page_in:
            return
        self._first_page_in = True
        table = self.audit_list.table
        if table.isVisible():
            after_next_paint(table.viewport(), self._after_first_page)
        else:  # not shown yet (or at all): nothing to wait for
            self._after_first_page()

    def _after_first_page(self) -> None:
        """What the filters offer, and every page looked over in the background, so that
        damage is said now, not when the person happens on the broken page mid-work."""
        if not self.tasks.alive:  # closed before its first page was painted
            return
        try:
            self.session.finish_opening()  # after a first look; nothing to do otherwise
        except UserError as problem:
            self.could_not_open.emit(problem)
            return
        self._read_choices()
        ctx = self.session.ctx
        self.tasks.read(lambda: kernel.damage_found(ctx), self._looked_over, self.handle_error)

    def _build_audit_list(self) -> None:
        self.audit_model = AuditTableModel(self._audit_page, self.tasks)
        self.audit_model.failed.connect(self.handle_error)
        # Today as the person's clock has it: the session's own (the same, unless a test
        # set one) replaces it with what the filters offer, once the database is open.
        self.audit_list = AuditListView(
            self.audit_model, FilterChoices([], [], [], [], local_today())
        )
        self.audit_list.audit_activated.connect(self.open_audit)
        self.audit_list.new_audit_requested.connect(self.new_audit)

    def _audit_page(
        self, audit_filter: AuditFilter, sort: str, descending: bool, offset: int, limit: int
    ) -> Callable[[], Page[AuditRow]]:
        """The read of one page of the list, asked for on the GUI thread (the model's
        :data:`~auditdesk.ui.audit_list.audit_table_model.Fetch`)."""
        ctx = self.session.ctx
        return lambda: audits.list_audits(
            ctx, audit_filter, sort=sort, descending=descending, offset=offset, limit=limit,
            with_total=offset == 0,
        )  # fmt: skip

    def _say_where(self, session: AppSession) -> None:
        """What the person should know about the database file before they start."""
        warning = paths.shared_location_warning(session.path)
        if session.read_only:
            # Said before anything else, and kept in the status bar: every change will be
            # refused, so the person should know before they start typing.
            self.read_only_label = self._read_only_label()
            self.statusBar().addPermanentWidget(self.read_only_label)
            self.message.show_problem(READ_ONLY_NOTICE.format(name=session.path.name))
        elif warning:
            self.message.show_problem(warning)
        elif session.upgrade_backup is not None:
            self.message.show_info(
                "This database was updated for this version of AuditDesk; a backup of it as "
                f"it was is kept at {session.upgrade_backup}."
            )

    def _looked_over(self, damage: DatabaseDamaged | None) -> None:
        if damage is not None:
            self.message.show_problem(str(damage))

    @staticmethod
    def _read_only_label() -> QLabel:
        """Kept in the status bar of every window on a read-only database: the message
        bar can be dismissed, and every change is refused."""
        return named(
            QLabel("Read-only: changes cannot be saved"),
            "Read-only database",
            "This database cannot be written here; you can read it and export from it",
        )

    # Each tab's view, built when first asked for (see auditdesk/ui/main_tabs.py).
    @property
    def actions_view(self) -> ActionsView:
        return self.tabs.actions_view

    @property
    def moderation_view(self) -> ModerationView:
        return self.tabs.moderation_view

    @property
    def conflicts(self) -> ConflictsView:
        return self.tabs.conflicts

    @property
    def dashboard(self) -> DashboardView:
        return self.tabs.dashboard

    def say_text_size(self, scale: float) -> None:
        self.statusBar().showMessage(f"Text size {round(scale * 100)}%", 4000)

    # -- audits ---------------------------------------------------------------------------
    def new_audit(self) -> None:
        self.starter.ask()

    def _started(self, audit_uuid: str) -> None:
        self.refresh()
        self.open_audit(audit_uuid)

    def open_audit(self, audit_uuid: str) -> None:
        """Show the audit's editor, opening it if need be. The audit is read in the write
        lane, after any edits still queued (from an editor of it just closed, say)."""
        editor = self.editors.get(audit_uuid)
        if editor is not None:
            self._bring_forward(editor)
            return
        ctx = self.session.ctx
        self.tasks.write(
            lambda: audits.get_audit(ctx, audit_uuid), self._open_editor, self.handle_error
        )

    def _open_editor(self, detail: AuditDetail) -> None:
        editor = self.editors.get(detail.uuid)
        if editor is None:
            # Imported when the first audit is opened, not at start-up: the first page of
            # audits does not need the editor.
            from auditdesk.ui.editor.editor_window import AuditEditorWindow  # noqa: PLC0415

            editor = AuditEditorWindow(
                self.session,
                detail,
                self.preferences,
                dialogs=self.dialogs,
                view_actions=self.view_actions,
            )
            if self.session.read_only:
                editor.statusBar().addPermanentWidget(self._read_only_label())
            editor.changed.connect(lambda _uuid: self.refresh())
            editor.closed.connect(self._editor_closed)
            self.editors[detail.uuid] = editor
        self._bring_forward(editor)

    @staticmethod
    def _bring_forward(editor: AuditEditorWindow) -> None:
        editor.show()
        editor.raise_()
        editor.activateWindow()
        editor.navigator.setFocus()

    def _editor_closed(self, audit_uuid: str) -> None:
        self.editors.pop(audit_uuid, None)
        if self._keyboard_lost():  # back to the list the audit was opened from
            self.keyboard_to_list()
        if self.tasks.alive:  # refresh once the editor's last edits are in
            self.tasks.write(lambda: None, lambda _none: self.refresh(), self.handle_error)

    def refresh(self) -> None:
        """Reload the lists, and what the filters offer (new auditors, settings, places)."""
        self.audit_model.reload()
        self._read_choices()
        self.tabs.refresh_shown()

    def _read_choices(self) -> None:
        """What the filters offer (new auditors, settings, places, templates)."""
        ctx = self.session.ctx
        self.tasks.read(
            lambda: (kernel.list_templates(ctx), audits.list_auditors_and_places(ctx)),
            self._choices_loaded,
            self.handle_error,
        )

    def _choices_loaded(self, loaded: tuple[list[TemplateSummary], Places]) -> None:
        templates, (auditors, localities, settings) = loaded
        self._templates_read(templates)
        self.audit_list.filters.set_choices(
            FilterChoices(templates, auditors, localities, settings, self.session.ctx.today())
        )

    def _templates_read(self, templates: list[TemplateSummary]) -> None:
        self.templates = templates
        self.tabs.offer_templates(templates)

    def _after_import(self, has_conflicts: bool) -> None:
        self.refresh()
        self.conflicts.reload()
        if has_conflicts:
            self.tabs.setCurrentWidget(self.conflicts)

    def _tab_changed(self, _index: int) -> None:
        self.refresh()

    # -- where the keyboard is ----------------------------------------------------------
    def show_tab(self, position: int) -> None:
        """Alt+1 to Alt+5: the tab, with the keyboard in its list, ready to move in it."""
        self.tabs.setCurrentIndex(position)
        self.keyboard_to_list()

    def keyboard_to_list(self) -> None:
        """The keyboard to the list of the tab shown (the dashboard has none: itself)."""
        self.tabs.list_shown().setFocus(Qt.FocusReason.OtherFocusReason)

    def _keyboard_lost(self) -> bool:
        focused = self.focusWidget()
        return focused is None or not focused.isVisible() or not focused.isEnabled()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        # The keyboard starts in the audit list. Left to Qt it starts on the tab bar, the
        # first control it finds, and goes back there each time the window comes to the
        # front again (after an editor closes, after Send).
        if self._keyboard_lost() or self.focusWidget() is self.tabs.tabBar():
            self.keyboard_to_list()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        # Back in front (a dialog done, an editor closed) with the keyboard's place gone.
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self._keyboard_lost()
        ):
            self.keyboard_to_list()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.tasks.busy_with_long_work and not self.dialogs.confirm(
            self,
            "Work still running",
            "An export or import is still running. Stop it and close AuditDesk? "
            "Nothing half-written is kept.",
        ):
            event.ignore()
            return
        for editor in list(self.editors.values()):
            editor.close()
        self.preferences.set_geometry("main", self.saveGeometry())
        self.tasks.close()
        super().closeEvent(event)


READ_ONLY_NOTICE = (
    "{name} is read-only: it is in a folder or on a drive AuditDesk cannot write to. You "
    "can look at its audits and export for the Board, but no change can be saved. To work "
    "in it, copy it to a folder you can write to (such as Documents) and open the copy, or "
    "ask IT to let you change it."
)
