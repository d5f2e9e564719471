"""The main window: the audit list, with the database it shows in the title."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from auditdesk import APP_NAME, __version__, paths
from auditdesk.services.audit_list import list_audits
from auditdesk.services.workspace import Database
from auditdesk.ui.audit_list_view import AuditListView
from auditdesk.ui.audit_table_model import AuditTableModel
from auditdesk.ui.task_runner import TaskRunner


class MainWindow(QMainWindow):
    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.setWindowTitle(f"{APP_NAME} — {db.path.name}")
        self.setAccessibleName(f"{APP_NAME} main window")

        self.audit_model = AuditTableModel(
            lambda f, sort, desc, offset, limit: list_audits(
                db, f, sort=sort, descending=desc, offset=offset, limit=limit,
                with_total=offset == 0,
            ),
            runner,
        )  # fmt: skip
        self.audit_model.failed.connect(self._show_problem)
        self.audit_list = AuditListView(self.audit_model)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Views")
        self.tabs.addTab(self.audit_list, "&Audits")
        self.setCentralWidget(self.tabs)

        self.database_label = QLabel(str(db.path))
        self.database_label.setAccessibleName("Database file")
        self.statusBar().addPermanentWidget(self.database_label)
        self._menus()
        warning = paths.shared_location_warning(db.path)
        if warning:
            self.statusBar().showMessage(warning)
        self.audit_model.reload()

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About AuditDesk", self)
        about.triggered.connect(
            lambda: QMessageBox.about(
                self,
                f"About {APP_NAME}",
                f"{APP_NAME} {__version__}\nQuality assurance of EHC plans and SEND provision.",
            )
        )
        help_menu.addAction(about)

    def _show_problem(self, error: BaseException) -> None:
        self.statusBar().showMessage(str(error), 10_000)
