"""File choosers that never open the files they list.

A file chooser works out each file's type and icon, and for a file with no telling
extension (a database's ``-wal`` and ``-shm`` files) Qt's, like the desktop's, reads the
first bytes to guess. On Linux and macOS, closing *any* handle to a file ends every SQLite
lock this process holds on it. So merely showing the folder of the open database quietly
let go of its locks: another AuditDesk (a command run in a terminal, say) then believed
nobody had the database open, folded away its write-ahead log on closing, and the window's
later edits, shown as saved, went into a file that no longer existed.

Here the type comes from the name alone and every file gets the plain file icon, and the
chooser is always Qt's own (a native one cannot be told not to look inside). On Windows,
where closing a handle leaves other handles' locks alone, the native chooser is kept.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

CLOSING_A_HANDLE_DROPS_LOCKS = sys.platform != "win32"


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file name, without reading the file."""

    def icon(self, what: QAbstractFileIconProvider.IconType | QFileInfo) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = (
                QAbstractFileIconProvider.IconType.Folder
                if what.isDir()
                else QAbstractFileIconProvider.IconType.File
            )
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"{suffix.upper()} file" if suffix else "File"


class FileChooser(QFileDialog):
    """A chooser for one file to open (or, ``saving``, to write) starting at ``start``."""

    def __init__(
        self, parent: QWidget, title: str, start: Path, filters: str, *, saving: bool
    ) -> None:
        super().__init__(parent, title, str(start.parent if saving else start), filters)
        self.setObjectName("fileChooser")
        self._icons = NameOnlyIconProvider()  # kept here: the chooser does not own it
        if CLOSING_A_HANDLE_DROPS_LOCKS:
            self.setOption(QFileDialog.Option.DontUseNativeDialog)
            self.setIconProvider(self._icons)
        if saving:
            self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            self.setFileMode(QFileDialog.FileMode.AnyFile)
            self.selectFile(start.name)
        else:
            self.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            self.setFileMode(QFileDialog.FileMode.ExistingFile)

    @property
    def chosen(self) -> Path | None:
        """The file chosen once the chooser has closed, or ``None`` if cancelled."""
        files = self.selectedFiles()
        if self.result() != QFileDialog.DialogCode.Accepted or not files:
            return None
        return Path(files[0])
