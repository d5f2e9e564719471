"""The main window: audits, actions, moderation and the dashboard in tabs, with menus for
files, audits and the view (text size, high contrast)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from auditdesk import APP_NAME, __version__, paths
from auditdesk.domain.reference import SettingPhase, SettingType
from auditdesk.errors import UserError
from auditdesk.services import audits, subjects
from auditdesk.services.audit_list import list_audits
from auditdesk.services.people import list_auditors, save_profile
from auditdesk.services.records import AuditDetail
from auditdesk.services.templates import list_templates
from auditdesk.ui.accessibility import named
from auditdesk.ui.actions_view import ActionsView
from auditdesk.ui.audit_list_view import AuditListView
from auditdesk.ui.audit_table_model import AuditTableModel
from auditdesk.ui.choices import required
from auditdesk.ui.dashboard.dashboard_view import DashboardView
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.errors import error_handler
from auditdesk.ui.exchange.conflicts_view import ConflictsView
from auditdesk.ui.file_actions import FileActions
from auditdesk.ui.filter_bar import FilterChoices
from auditdesk.ui.message_bar import MessageBar
from auditdesk.ui.moderation.moderation_view import ModerationView
from auditdesk.ui.new_audit_dialog import NewAuditDialog
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.session import AppSession
from auditdesk.ui.welcome_dialog import WelcomeDialog

DATABASE_FILTER = "AuditDesk databases (*.sqlite *.db);;All files (*)"


class MainWindow(QMainWindow):
    open_database_requested = Signal(object)  # Path

    def __init__(
        self,
        session: AppSession,
        preferences: Preferences,
        change_view: Callable[[float | None, bool | None], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.preferences = preferences
        self._change_view = change_view
        self.editors: dict[str, AuditEditorWindow] = {}
        self.setWindowTitle(f"{APP_NAME} — {session.db.path.name}")
        named(self, f"{APP_NAME} main window", f"Audits in {session.db.path}")
        self.message = MessageBar()
        self.handle_error = error_handler(self.message.show_problem)
        db, ctx = session.db, session.ctx
        self.templates = list_templates(db)
        choices = FilterChoices(
            templates=self.templates,
            auditors=list_auditors(db),
            localities=subjects.localities(db),
            settings=subjects.list_settings(db),
            today=ctx.today(),
        )
        self.audit_model = AuditTableModel(
            lambda f, sort, desc, offset, limit: list_audits(
                db, f, sort=sort, descending=desc, offset=offset, limit=limit,
                with_total=offset == 0,
            ),
            session.runner,
        )  # fmt: skip
        self.audit_model.failed.connect(self.handle_error)
        self.audit_list = AuditListView(self.audit_model, choices)
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
        self.files = FileActions(self)
        self._menus()
        warning = paths.shared_location_warning(session.db.path)
        if warning:
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

    def _build_tabs(self, session: AppSession) -> None:
        self.actions_view = ActionsView(session, self.message.show_info)
        self.actions_view.open_audit.connect(self.open_audit)
        self.moderation_view = ModerationView(session, self.templates, self.message.show_info)
        self.moderation_view.changed.connect(self.audit_model.reload)
        self.tabs = named(QTabWidget(), "Views", "Audits, actions and moderation")
        self.tabs.addTab(self.audit_list, "&Audits")
        self.tabs.addTab(self.actions_view, "A&ctions")
        self.tabs.addTab(self.moderation_view, "&Moderation")
        self.conflicts = ConflictsView(session, self.message.show_info)
        self.conflicts.changed.connect(self._conflicts_counted)
        self.tabs.addTab(self.conflicts, "Co&nflicts")
        self.dashboard = DashboardView(session, self.message.show_problem)
        self.audit_list.filter_changed.connect(self.dashboard.follow)
        self.tabs.addTab(self.dashboard, "&Dashboard")
        named(
            self.tabs.tabBar(),
            "View tabs",
            "Switches between audits, actions, moderation, conflicts and the dashboard",
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
        self._add(file_menu, "&Send audits…", "Ctrl+Shift+S", self.files.send_audits,
                  "Writes audits into a bundle file for the quality lead")  # fmt: skip
        self._add(file_menu, "&Import bundle…", "Ctrl+I", self.files.import_bundle,
                  "Previews, then imports, a bundle of audits from another laptop")  # fmt: skip
        file_menu.addSeparator()
        self._add(file_menu, "&Export for the Board…", "Ctrl+E", self.files.export_board,
                  "Writes the Board workbook and PDF Board pack")  # fmt: skip
        file_menu.addSeparator()
        self.file_menu = file_menu
        self._add(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close, "Closes AuditDesk")

        audit_menu = self.menuBar().addMenu("&Audit")
        self._add(audit_menu, "&New audit…", "Ctrl+N", self.new_audit,
                  "Starts a new audit of a plan or a setting")  # fmt: skip
        self._add(audit_menu, "&Refresh lists", "F5", self.refresh, "Reloads the lists")

        view = self.menuBar().addMenu("&View")
        self._add(view, "&Larger text", QKeySequence.StandardKey.ZoomIn,
                  lambda: self._scale(+0.1), "Makes all text larger")  # fmt: skip
        self.addAction(self._shortcut("Ctrl+=", lambda: self._scale(+0.1)))
        self._add(view, "&Smaller text", QKeySequence.StandardKey.ZoomOut,
                  lambda: self._scale(-0.1), "Makes all text smaller")  # fmt: skip
        self._add(view, "&Normal text size", "Ctrl+0", lambda: self._scale(None),
                  "Returns text to its normal size")  # fmt: skip
        self.contrast = self._add(view, "&High contrast", "Ctrl+Shift+H", self._toggle_contrast,
                                  "Switches to white on black with yellow focus")  # fmt: skip
        self.contrast.setCheckable(True)
        self.contrast.setChecked(self.preferences.high_contrast)
        view.addSeparator()
        for number, name in enumerate(
            ("Audits", "Actions", "Moderation", "Conflicts", "Dashboard"), start=1
        ):
            self._add(view, f"&{number} {name}", f"Alt+{number}",
                      lambda _checked=False, n=number: self.tabs.setCurrentIndex(n - 1),
                      f"Shows the {name} tab")  # fmt: skip

        help_menu = self.menuBar().addMenu("&Help")
        self._add(help_menu, "Your &profile…", None, self._profile,
                  "Changes the name, agency and role recorded on your work")  # fmt: skip
        self._add(help_menu, "&About AuditDesk", None, self._about, "Version and purpose")

    def _add(self, menu: object, text: str, shortcut: object, slot: Callable[..., object],
             description: str) -> QAction:  # fmt: skip
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # type: ignore[call-overload]
        action.setStatusTip(description)
        action.setToolTip(description)
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    # -- audits ---------------------------------------------------------------------------
    def new_audit(self) -> None:
        ctx = self.session.ctx
        dialog = NewAuditDialog(
            self.templates, subjects.list_settings(self.session.db),
            subjects.localities(self.session.db), actor=ctx.actor, today=ctx.today(), parent=self,
        )  # fmt: skip
        while dialog.exec():
            try:
                detail = self._create(dialog)
            except UserError as problem:  # shown next to the form; the dialog stays open
                dialog.problem.setText(str(problem))
                continue
            self.audit_model.reload()
            self.open_audit(detail.uuid)
            return

    def _create(self, dialog: NewAuditDialog) -> AuditDetail:
        ctx = self.session.ctx
        template = dialog.chosen_template
        assert template is not None
        if dialog.is_visit:
            setting_uuid = dialog.visit_setting.currentData()
            if setting_uuid is None:
                setting = subjects.add_setting(
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
        editor = self.editors.get(audit_uuid)
        if editor is None:
            try:
                editor = AuditEditorWindow(self.session, audit_uuid, self.preferences)
            except Exception as error:
                self.handle_error(error)
                return
            editor.changed.connect(lambda _uuid: self.refresh())
            editor.closed.connect(self._editor_closed)
            self.editors[audit_uuid] = editor
        editor.show()
        editor.raise_()
        editor.activateWindow()
        editor.navigator.setFocus()

    def _conflicts_counted(self, open_conflicts: int) -> None:
        index = self.tabs.indexOf(self.conflicts)
        self.tabs.setTabText(
            index, f"Co&nflicts ({open_conflicts})" if open_conflicts else "Co&nflicts"
        )

    def _editor_closed(self, audit_uuid: str) -> None:
        self.editors.pop(audit_uuid, None)
        self.refresh()

    def refresh(self) -> None:
        self.audit_model.reload()
        current = self.tabs.currentWidget()
        if current is self.actions_view:
            self.actions_view.reload()
        elif current is self.moderation_view:
            self.moderation_view.reload()
        elif current is self.dashboard:
            self.dashboard.refresh()
        elif current is self.conflicts:
            self.conflicts.reload()

    def _tab_changed(self, _index: int) -> None:
        self.refresh()

    # -- files and view -----------------------------------------------------------------
    def _open_database(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Open an AuditDesk database", str(self.session.db.path.parent), DATABASE_FILTER
        )
        if chosen:
            self.open_database_requested.emit(Path(chosen))

    def _new_database(self) -> None:
        suggested = str(self.session.db.path.parent / "audits.sqlite")
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Create a new AuditDesk database", suggested, DATABASE_FILTER
        )
        if chosen:
            path = Path(chosen)
            if path.exists() and path.stat().st_size:
                self.message.show_problem(
                    f"{path.name} already exists. Choose Open database to open it, or a new name."
                )
                return
            self.open_database_requested.emit(path)

    def _scale(self, step: float | None) -> None:
        scale = 1.0 if step is None else self.preferences.text_scale + step
        self._change_view(scale, None)
        self.statusBar().showMessage(f"Text size {round(self.preferences.text_scale * 100)}%", 4000)

    def _toggle_contrast(self) -> None:
        self._change_view(None, self.contrast.isChecked())

    def _profile(self) -> None:
        dialog = WelcomeDialog(self)
        dialog.setWindowTitle("Your profile")
        actor = self.session.ctx.actor
        dialog.name.setText(actor.name)
        dialog.agency.setCurrentIndex(dialog.agency.findData(actor.agency))
        dialog.role.setCurrentIndex(dialog.role.findData(actor.role))
        if dialog.exec():
            name, agency, role = dialog.chosen()
            try:
                updated = save_profile(self.session.db, name, agency, role)
            except Exception as error:
                self.handle_error(error)
                return
            self.session.ctx = replace(self.session.ctx, actor=updated)
            self.preferences.remember_profile(name, agency, role)
            self.message.show_info(f"Your work is now recorded as {name} ({agency.label}).")

    def _about(self) -> None:
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\nOffline quality assurance of EHC plans and SEND "
            f"provision.\n\nDatabase: {self.session.db.path}\nLog: {paths.log_file()}",
        )  # fmt: skip

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        for editor in list(self.editors.values()):
            editor.close()
        self.preferences.set_geometry("main", self.saveGeometry())
        super().closeEvent(event)
