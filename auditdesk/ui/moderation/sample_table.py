"""The table of audits drawn for moderation: several rows can be chosen at once (a lead
gives one second marker a batch), and one alone by keyboard as easily as by mouse."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from auditdesk.ui.accessibility import named
from auditdesk.ui.text_table import TextTableModel, size_columns_from_a_sample

Index = QModelIndex | QPersistentModelIndex
Flag = QItemSelectionModel.SelectionFlag


class SampleTable(QTableView):
    """The rows are a model's, not an item per cell: 4,500 moderations made 32,000 items,
    and refilling them while shown, with columns sized to their contents, was quadratic
    (17 minutes). A refill is one reset, and the columns are sized once, from a sample."""

    def __init__(
        self,
        headings: tuple[str, ...],
        cells: Callable[[Any], tuple[str, ...]],
        key: Callable[[Any], object],
        parent: QWidget | None = None,
    ) -> None:
        """``cells``: a row's texts, from what it lists; ``key``: what names it."""
        super().__init__(parent)
        named(
            self,
            "Moderation sample",
            "Audits drawn for moderation with their second marker and stage. Space chooses "
            "the audit the keyboard is on alone; Shift or Ctrl with the arrows or Space "
            "chooses several.",
        )
        self.listing = TextTableModel(headings, cells, key, self)
        self.setModel(self.listing)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        size_columns_from_a_sample(self)

    def refill(self, things: Sequence[Any]) -> None:
        """List these in place of what was listed."""
        self.listing.set_rows(things)

    def row_count(self) -> int:
        return self.listing.rowCount()

    def text(self, row: int, column: int) -> str:
        return self.listing.text(row, column)

    def key(self, row: int) -> object:
        """The key of the row (a moderation's uuid)."""
        return self.listing.key(row)

    def cell(self, row: int, column: int = 0) -> QModelIndex:
        return self.listing.index(row, column)

    def current_row(self) -> int:
        """The row the keyboard is on, or -1."""
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def selectionCommand(  # noqa: N802
        self, index: Index, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        """Space on a row chooses that row alone, as a click does. Qt's Space only adds
        the row to what is chosen, so after drawing (every new audit chosen) one could
        be had alone only by moving off it and back. Ctrl+Space still adds or removes."""
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            return Flag.ClearAndSelect | Flag.Rows
        return super().selectionCommand(index, event)
