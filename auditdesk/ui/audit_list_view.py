"""The audit list: a search box over a table that pages itself in as you scroll."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from auditdesk.services.audit_list import AuditFilter
from auditdesk.ui.audit_table_model import AuditTableModel

SEARCH_DELAY_MS = 250  # wait for a pause in typing before querying


class AuditListView(QWidget):
    audit_activated = Signal(str)  # audit uuid

    def __init__(self, model: AuditTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search reference, child, setting or auditor")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search audits")
        self.search.setAccessibleDescription(
            "Filters the audit list by audit reference, child reference, setting or auditor name"
        )
        label = QLabel("&Search:")
        label.setBuddy(self.search)
        self.count = QLabel()
        self.count.setAccessibleName("Number of audits shown")

        self.table = QTableView()
        self.table.setModel(model)
        self.table.setAccessibleName("Audits")
        self.table.setAccessibleDescription(
            "All audits with their status and grade. Press Enter to open the selected audit."
        )
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # Fixed row heights: the view never measures rows, which keeps scrolling cheap.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._activated)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        model.loaded.connect(self._show_count)

        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def _apply_search(self) -> None:
        current = self.model.current_filter
        self.model.set_filter(
            AuditFilter(**{**current.__dict__, "text": self.search.text().strip()})
        )

    def _show_count(self, total: int) -> None:
        self.count.setText(f"{total:,} audit{'s' if total != 1 else ''}")

    def _activated(self, index: object) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self.audit_activated.emit(self.model.row_at(row).uuid)
