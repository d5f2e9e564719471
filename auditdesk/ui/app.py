"""Starting the window: one QApplication, the database opened, the main window shown."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from auditdesk import APP_NAME
from auditdesk.errors import UserError
from auditdesk.services.workspace import open_workspace
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.task_runner import TaskRunner


def run_app(database: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    try:
        db = open_workspace(database)
    except UserError as problem:
        QMessageBox.critical(None, f"{APP_NAME} cannot open the database", str(problem))
        return 1
    window = MainWindow(db, TaskRunner())
    window.resize(1200, 760)
    window.show()
    try:
        return app.exec()
    finally:
        window.runner.wait()
        db.close()
