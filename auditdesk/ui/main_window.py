"""The main window: audits, actions, moderation, conflicts and the dashboard in tabs, with
menus for files, audits, the view (text size, high contrast) and help."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from auditdesk import APP_NAME, __version__, paths
from auditdesk.domain.reference import SettingPhase, SettingType
from auditdesk.errors import DatabaseDamaged
from auditdesk.services import audits, kernel
from auditdesk.services.audits import list_auditors_and_places, list_audits
from auditdesk.services.kernel import (
    AuditDetail,
    AuditorRecord,
    SettingRecord,
    TemplateSummary,
    damage_found,
    list_templates,
    use_profile,
)
from auditdesk.ui.accessibility import named
from auditdesk.ui.actions_view import ActionsView
from auditdesk.ui.audit_list_view import AuditListView
from auditdesk.ui.audit_table_model import AuditTableModel
from auditdesk.ui.choices import required
from auditdesk.ui.dashboard.dashboard_view import DashboardView
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.errors import error_handler
from auditdesk.ui.exchange.conflicts_view import ConflictsView
from auditdesk.ui.file_actions import FileActions
from auditdesk.ui.filter_bar import FilterChoices
from auditdesk.ui.message_bar import MessageBar
from auditdesk.ui.moderation.moderation_view import ModerationView
from auditdesk.ui.new_audit_dialog import NewAuditDialog
from auditdesk.ui.on_screen import StaysOnScreen
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.session import AppSession
from auditdesk.ui.view_actions import ViewActions
from auditdesk.ui.welcome_dialog import DialogWords, WelcomeDialog

DATABASE_FILTER = "AuditDesk databases (*.sqlite *.db);;All files (*)"
#: Help > Your profile: changing who you are, said as a change (the first run's welcome
#: says "you can change them later"; here is that later).
YOUR_PROFILE = DialogWords(
    title="Your profile",
    intro=(
        "Your name, agency and role go on the audits you start and the changes you record "
        "from now on. Work already recorded keeps the name and agency it was recorded under."
    ),
    description="Change the name, agency and role recorded on your work",
    ok="&Save",
    ok_description="Records your work under these details from now on",
    cancel_description="Closes without changing your profile",
)
Places = tuple[list[AuditorRecord], list[str], list[SettingRecord]]
TAB_NAMES = ("Audits", "Actions", "Moderation", "Conflicts", "Dashboard")


class MainWindow(StaysOnScreen, QMainWindow):
    open_database_requested = Signal(object)  # Path
    new_database_requested = Signal(object)  # Path: new, or an empty file the person chose

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
        read_only = " (read-only)" if session.db.read_only else ""
        self.setWindowTitle(f"{APP_NAME} — {session.db.path.name}{read_only}")
        named(self, f"{APP_NAME} main window", f"Audits in {session.db.path}")
        self.message = MessageBar()
        self.handle_error = error_handler(self.message.show_problem)
        ctx = session.ctx
        self.templates = list_templates(ctx)
        self.audit_model = AuditTableModel(
            lambda f, sort, desc, offset, limit: list_audits(
                ctx, f, sort=sort, descending=desc, offset=offset, limit=limit,
                with_total=offset == 0,
            ),
            self.tasks,
        )  # fmt: skip
        self.audit_model.failed.connect(self.handle_error)
        self.audit_list = AuditListView(self.audit_model, self._choices_now())
        self.audit_list.audit_activated.connect(self.open_audit)
        self.audit_list.new_audit_requested.connect(self.new_audit)
        self._build_tabs(session)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(body)
        self.database_label = named(QLabel(str(session.db.path)), "Database file",
                                    "The database this window shows")  # fmt: skip
        self.statusBar().addPermanentWidget(self.database_label)
        self.files = FileActions(
            self,
            session,
            dialogs,
            self.tasks,
            self.message,
            after_import=self._after_import,
            templates=lambda: self.templates,
            preferences=preferences,
        )
        self._menus()
        warning = paths.shared_location_warning(session.db.path)
        if session.db.read_only:
            # Said before anything else, and kept in the status bar: every change will be
            # refused, so the person should know before they start typing.
            self.read_only_label = self._read_only_label()
            self.statusBar().addPermanentWidget(self.read_only_label)
            self.message.show_problem(READ_ONLY_NOTICE.format(name=session.db.path.name))
        elif warning:
            self.message.show_problem(warning)
        elif session.db.migration and session.db.migration.backup:
            self.message.show_info(
                "This database was updated for this version of AuditDesk; a backup of it as "
                f"it was is kept at {session.db.migration.backup}."
            )
        geometry = preferences.geometry("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self.audit_model.reload()
        # Every page looked over in the background: damage is said now, not when the
        # person happens on the broken page mid-work.
        self.tasks.read(lambda: damage_found(session.ctx), self._looked_over, self.handle_error)

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

    def _choices_now(self) -> FilterChoices:
        auditors, localities, settings = list_auditors_and_places(self.session.ctx)
        return FilterChoices(
            templates=self.templates,
            auditors=auditors,
            localities=localities,
            settings=settings,
            today=self.session.ctx.today(),
        )

    def _build_tabs(self, session: AppSession) -> None:
        show_info = self.message.show_info
        self.actions_view = ActionsView(session, self.tasks, show_info)
        self.actions_view.open_audit.connect(self.open_audit)
        self.moderation_view = ModerationView(
            session, self.tasks, self.dialogs, self.templates, show_info,
            show_problem=self.message.show_problem, view_actions=self.view_actions,
        )  # fmt: skip
        self.moderation_view.changed.connect(self.audit_model.reload)
        self.tabs = named(QTabWidget(), "Views", "Audits, actions and moderation")
        # No mnemonics on the tabs: Alt+1 to Alt+5 choose them (View menu), which leaves
        # Alt+letter to the controls on each tab.
        self.tabs.addTab(self.audit_list, TAB_NAMES[0])
        self.tabs.addTab(self.actions_view, TAB_NAMES[1])
        self.tabs.addTab(self.moderation_view, TAB_NAMES[2])
        self.conflicts = ConflictsView(session, self.tasks, show_info)
        self.conflicts.changed.connect(self._conflicts_counted)
        self.tabs.addTab(self.conflicts, TAB_NAMES[3])
        self.dashboard = DashboardView(session, self.tasks, self.message.show_problem)
        self.audit_list.filter_changed.connect(self.dashboard.follow)
        self.tabs.addTab(self.dashboard, TAB_NAMES[4])
        named(
            self.tabs.tabBar(),
            "View tabs",
            "Switches between audits, actions, moderation, conflicts and the dashboard "
            "(Alt+1 to Alt+5)",
        )
        self.tabs.currentChanged.connect(self._tab_changed)

    # -- menus ----------------------------------------------------------------------------
    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._add(file_menu, "&New database…", "Ctrl+Shift+N", self._new_database,
                  "Creates a new, empty AuditDesk database")  # fmt: skip
        self._add(file_menu, "&Open database…", "Ctrl+O", self._open_database,
                  "Opens another AuditDesk database")  # fmt: skip
        file_menu.addSeparator()
        send = self._add(file_menu, "&Send audits…", "Ctrl+Shift+S", self.files.send_audits,
                         "Writes audits into a bundle file for the quality lead")  # fmt: skip
        bring_in = self._add(
            file_menu, "&Import bundle…", "Ctrl+I", self.files.import_bundle,
            "Previews, then imports, a bundle of audits from another laptop",
        )  # fmt: skip
        file_menu.addSeparator()
        self._add(file_menu, "&Export for the Board…", "Ctrl+E", self.files.export_board,
                  "Writes the Board workbook and PDF Board pack")  # fmt: skip
        file_menu.addSeparator()
        self.file_menu = file_menu
        self._add(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close, "Closes AuditDesk")

        audit_menu = self.menuBar().addMenu("&Audit")
        start = self._add(audit_menu, "&New audit…", "Ctrl+N", self.new_audit,
                          "Starts a new audit of a plan or a setting")  # fmt: skip
        if self.session.db.read_only:
            # Each would only end in the read-only refusal (sending records what was sent).
            for action in (send, bring_in, start):
                action.setEnabled(False)
                action.setStatusTip(f"{action.statusTip()}; not in a read-only database")
            self.audit_list.new_button.setEnabled(False)
        self._add(audit_menu, "&Refresh lists", "F5", self.refresh, "Reloads the lists")

        view = self.menuBar().addMenu("&View")
        self.view_actions.fill(view, self)
        self.contrast = self.view_actions.contrast
        view.addSeparator()
        for number, name in enumerate(TAB_NAMES, start=1):
            self._add(view, f"&{number} {name}", f"Alt+{number}",
                      lambda _checked=False, n=number: self.show_tab(n - 1),
                      f"Shows the {name} tab, with the keyboard in its list")  # fmt: skip

        help_menu = self.menuBar().addMenu("&Help")
        self._add(help_menu, "Your &profile…", None, self._profile,
                  "Changes the name, agency and role recorded on your work")  # fmt: skip
        self._add(help_menu, "&Keyboard shortcuts", "F1", self._keys, "Lists the shortcuts")
        self._add(help_menu, "&About AuditDesk", None, self._about, "Version and purpose")

    def _add(self, menu: QMenu, text: str, shortcut: object, slot: object,
             description: str) -> QAction:  # fmt: skip
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # type: ignore[call-overload]
        action.setStatusTip(description)
        action.setToolTip(description)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def say_text_size(self, scale: float) -> None:
        self.statusBar().showMessage(f"Text size {round(scale * 100)}%", 4000)

    # -- audits ---------------------------------------------------------------------------
    def new_audit(self) -> None:
        ctx = self.session.ctx
        dialog = NewAuditDialog(
            self.templates, kernel.list_settings(self.session.ctx),
            kernel.localities(self.session.ctx), actor=ctx.actor, today=ctx.today(), parent=self,
        )  # fmt: skip
        created: list[AuditDetail] = []
        dialog.submit = lambda: created.append(self._create(dialog))

        def started() -> None:
            self.refresh()
            self.open_audit(created[0].uuid)

        self.dialogs.ask(dialog, started)

    def _create(self, dialog: NewAuditDialog) -> AuditDetail:
        ctx = self.session.ctx
        template = dialog.chosen_template
        assert template is not None
        if dialog.is_visit:
            setting_uuid = dialog.chosen_setting_uuid
            if setting_uuid is None:
                setting = kernel.add_setting(
                    ctx, name=dialog.new_name.text(), urn=dialog.new_urn.text(),
                    setting_type=required(dialog.new_type, SettingType),
                    phase=required(dialog.new_phase, SettingPhase),
                    locality=dialog.new_locality.currentText(),
                )  # fmt: skip
                setting_uuid = setting.uuid
            subject: audits.ChildPlanSubject | audits.SettingVisitSubject = dialog.visit_subject(
                setting_uuid
            )
        else:
            subject = dialog.plan_subject()
        return audits.create_audit(
            ctx, template_id=template.template_id, subject=subject, team=dialog.team(),
            audit_date=dialog.audit_day,
        )  # fmt: skip

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
            editor = AuditEditorWindow(
                self.session,
                detail,
                self.preferences,
                dialogs=self.dialogs,
                view_actions=self.view_actions,
            )
            if self.session.db.read_only:
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

    def _conflicts_counted(self, open_conflicts: int) -> None:
        index = self.tabs.indexOf(self.conflicts)
        name = TAB_NAMES[3]
        self.tabs.setTabText(index, f"{name} ({open_conflicts:,})" if open_conflicts else name)

    def _editor_closed(self, audit_uuid: str) -> None:
        self.editors.pop(audit_uuid, None)
        if self._keyboard_lost():  # back to the list the audit was opened from
            self.keyboard_to_list()
        if self.tasks.alive:  # refresh once the editor's last edits are in
            self.tasks.write(lambda: None, lambda _none: self.refresh(), self.handle_error)

    def refresh(self) -> None:
        """Reload the lists, and what the filters offer (new auditors, settings, places)."""
        self.audit_model.reload()
        ctx = self.session.ctx
        self.tasks.read(
            lambda: (list_templates(ctx), list_auditors_and_places(ctx)),
            self._choices_loaded,
            self.handle_error,
        )
        current = self.tabs.currentWidget()
        if current is self.actions_view:
            self.actions_view.reload()
        elif current is self.moderation_view:
            self.moderation_view.reload()
        elif current is self.dashboard:
            self.dashboard.refresh()
        elif current is self.conflicts:
            self.conflicts.reload()

    def _choices_loaded(self, loaded: tuple[list[TemplateSummary], Places]) -> None:
        templates, (auditors, localities, settings) = loaded
        self.templates = templates
        self.audit_list.filters.set_choices(
            FilterChoices(templates, auditors, localities, settings, self.session.ctx.today())
        )
        self.moderation_view.set_templates(templates)

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
        current = self.tabs.currentWidget()
        lists: dict[QWidget, QWidget] = {
            self.audit_list: self.audit_list.table,
            self.actions_view: self.actions_view.table,
            self.moderation_view: self.moderation_view.table,
            self.conflicts: self.conflicts.list,
        }
        lists.get(current, current).setFocus(Qt.FocusReason.OtherFocusReason)

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

    # -- files and view -----------------------------------------------------------------
    def _open_database(self) -> None:
        chosen = self.dialogs.open_file(
            self, "Open an AuditDesk database", self.session.db.path.parent, DATABASE_FILTER
        )
        if chosen is not None:
            self.open_database_requested.emit(chosen)

    def _new_database(self) -> None:
        suggested = self.session.db.path.parent / "audits.sqlite"
        chosen = self.dialogs.save_file(
            self, "Create a new AuditDesk database", suggested, DATABASE_FILTER
        )
        if chosen is None:
            return
        if chosen.exists() and chosen.stat().st_size:
            self.message.show_problem(
                f"{chosen.name} already exists. Choose Open database to open it, or a new name."
            )
            return
        self.new_database_requested.emit(chosen)

    def _profile(self) -> None:
        dialog = WelcomeDialog(self, YOUR_PROFILE)  # not the first run's welcome
        actor = self.session.ctx.actor
        dialog.show_profile(actor.name, actor.agency, actor.role)

        def save() -> None:
            name, agency, role = dialog.chosen()
            updated = use_profile(self.session.db, name, agency, role)
            self.session.ctx = replace(self.session.ctx, actor=updated)
            self.preferences.remember_profile(name, agency, role)

        def saved() -> None:
            actor = self.session.ctx.actor
            self.message.show_info(
                f"Your work is now recorded as {actor.name} ({actor.agency.label})."
            )

        dialog.submit = save
        self.dialogs.ask(dialog, saved)

    def _keys(self) -> None:
        self.dialogs.inform(self, "Keyboard shortcuts", KEYBOARD_HELP)

    def _about(self) -> None:
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\nOffline quality assurance of EHC plans and SEND "
            f"provision.\n\nDatabase: {self.session.db.path}\nLog: {paths.log_file()}",
        )  # fmt: skip

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

KEYBOARD_HELP = """\
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

Second marking: the same keys for ratings; Ctrl+Return submits."""
