"""An inline bar for expected problems and notices: read out by screen readers, dismissed
with its button or Escape, never a modal box in the way of work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from auditdesk.ui.accessibility import named


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        named(self.text, "Message", "The latest message from AuditDesk")
        # No mnemonic: every window has a message bar, and Escape dismisses it.
        self.close_button = named(
            QPushButton("Dismiss"), "Dismiss message", "Hides this message (Escape)"
        )
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)
        dismiss = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        dismiss.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        dismiss.activated.connect(self.hide)
        self.hide()

    def show_problem(self, message: str) -> None:
        self._show(message, "problem")

    def show_info(self, message: str) -> None:
        self._show(message, "info")

    @property
    def message(self) -> str:
        return self.text.text() if self.isVisible() else ""

    def _show(self, message: str, kind: str) -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.text.setText(message)
        self.setAccessibleName("Problem" if kind == "problem" else "Notice")
        self.setAccessibleDescription(message)
        self.show()
