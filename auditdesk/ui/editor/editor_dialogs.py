"""Dialogs of the editor: what stops completion (and where), and the change trail."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.errors import MissingAnswer
from auditdesk.services.records import TrailEntry
from auditdesk.ui.accessibility import named
from auditdesk.ui.on_screen import StaysOnScreen
from auditdesk.ui.wording import count as counted


class MissingDialog(StaysOnScreen, QDialog):
    """The list of what must be done before completing; Enter on one goes to it."""

    def __init__(
        self,
        missing: Sequence[MissingAnswer],
        parent: QWidget | None = None,
        *,
        doing: str = "completing this audit",
    ) -> None:
        super().__init__(parent)
        count = len(missing)
        title = "Not ready to submit" if doing.startswith("submitting") else "Not ready to complete"
        self.setWindowTitle(title)
        things = counted(count, "thing")
        named(self, title, f"{things} need{'s' if count == 1 else ''} attention before {doing}")
        intro = QLabel(
            f"{things} must be done before {doing}. Choose one and press Enter to go to it."
        )
        intro.setWordWrap(True)
        self.items = named(
            QListWidget(),
            "Things to do",
            "Each unanswered or unexplained question, and where it is. Press Enter to go to one.",
        )
        self._missing = list(missing)
        for position, item in enumerate(missing):
            row = QListWidgetItem(item.describe())
            row.setData(Qt.ItemDataRole.UserRole, position)
            self.items.addItem(row)
        self.items.setCurrentRow(0)
        self.items.itemActivated.connect(self._go)
        buttons = QDialogButtonBox()
        go = buttons.addButton("&Go to it", QDialogButtonBox.ButtonRole.AcceptRole)
        named(go, "Go to it", "Shows the chosen question in the audit")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        named(close, "Close", "Closes this list and stays where you were")
        buttons.accepted.connect(lambda: self._go(self.items.currentItem()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.items, 1)
        layout.addWidget(buttons)
        self.chosen: MissingAnswer | None = None
        self.resize(680, 420)

    def _go(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.chosen = self._missing[int(item.data(Qt.ItemDataRole.UserRole))]
        self.accept()


class TrailDialog(StaysOnScreen, QDialog):
    """Who changed what, when, from what to what, and why: read-only, oldest first."""

    def __init__(self, entries: Sequence[TrailEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change trail")
        named(self, "Change trail", "Every change to this audit: who, when, what and why")
        table = named(
            QTableWidget(len(entries), 6),
            "Changes",
            "One row per change: when, who, what, from, to and the reason",
        )
        table.setHorizontalHeaderLabels(["When", "Who", "What", "From", "To", "Why"])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        for row, entry in enumerate(entries):
            # The worded fields only: the stored field and values hold ids and codes.
            values = [
                entry.at.astimezone().strftime("%d %b %Y %H:%M"),
                entry.actor,
                entry.what,
                entry.before,
                entry.after,
                entry.reason or "",
            ]
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(close.button(QDialogButtonBox.StandardButton.Close), "Close", "Closes the trail")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addWidget(close)
        self.table = table
        self.resize(900, 480)
