"""The table of audits drawn for moderation: several rows can be chosen at once (a lead
gives one second marker a batch), and one alone by keyboard as easily as by mouse."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QWidget

from auditdesk.ui.accessibility import named

Index = QModelIndex | QPersistentModelIndex
Flag = QItemSelectionModel.SelectionFlag


class SampleTable(QTableWidget):
    def __init__(self, headings: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headings), parent)
        named(
            self,
            "Moderation sample",
            "Audits drawn for moderation with their second marker and stage. Space chooses "
            "the audit the keyboard is on alone; Shift or Ctrl with the arrows or Space "
            "chooses several.",
        )
        self.setHorizontalHeaderLabels(list(headings))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    @contextmanager
    def refilled(self, row_count: int) -> Iterator[None]:
        """Empty the table and make room for ``row_count`` rows while they are filled.

        Columns sized to their contents are measured again after every item set into a
        visible table, which made refilling thousands of rows quadratic (about 17 minutes
        for 4,500 moderations). The columns are held still while the rows go in and
        measured once at the end."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setUpdatesEnabled(False)
        try:
            self.setRowCount(0)
            self.setRowCount(row_count)
            yield
        finally:
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            self.setUpdatesEnabled(True)

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
