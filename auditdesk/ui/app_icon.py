"""The window's icon. Set once on the application, it is the icon of the main window and of
every dialog (a window without its own icon takes the application's), and on Linux the
desktop file name ties the running window to ``auditdesk.desktop``'s icon and name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap

from auditdesk.resources import icon_pngs

#: The name of the Linux desktop entry (packaging/auditdesk.desktop), without ".desktop".
DESKTOP_FILE_NAME = "auditdesk"


def app_icon() -> QIcon:
    """The icon at every shipped size, so each place (title bar, taskbar, Alt+Tab) takes
    the one drawn for it rather than a scaled one."""
    icon = QIcon()
    for size, image in icon_pngs().items():
        if isinstance(image, Path):
            # A file on disk (installed, editable or frozen): Qt reads it when it is asked
            # for this size, so start-up decodes no image it does not show.
            icon.addFile(str(image), QSize(size, size))
        else:  # inside a zip: read now
            pixmap = QPixmap()
            pixmap.loadFromData(image.read_bytes(), "PNG")
            icon.addPixmap(pixmap)
    return icon


def apply_app_icon(app: QGuiApplication) -> None:
    """Give ``app``'s windows and dialogs AuditDesk's icon."""
    app.setWindowIcon(app_icon())
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
