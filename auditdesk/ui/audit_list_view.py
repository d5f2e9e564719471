"""The audit list: the filter bar over a table that pages itself in as you scroll."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from auditdesk.services.audit_list import AuditFilter
from auditdesk.ui.accessibility import named
from auditdesk.ui.audit_table_model import COLUMNS, AuditTableModel
from auditdesk.ui.filter_bar import FilterBar, FilterChoices
from auditdesk.ui.wording import count


class AuditListView(QWidget):
    audit_activated = Signal(str)  # audit uuid
    new_audit_requested = Signal()
    filter_changed = Signal(object)  # AuditFilter, for the dashboard

    def __init__(
        self, model: AuditTableModel, choices: FilterChoices, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.filters = FilterBar(choices)
        self.filters.changed.connect(self._filter)
        self.count = named(QLabel(), "Number of audits", "How many audits match the filters")
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setObjectName("emptyList")
        named(self.empty, "No audits", "What to do when the list is empty")
        self.empty.hide()
        self.new_button = named(
            QPushButton("&New audit…"), "New audit", "Starts a new audit of a plan or a setting"
        )
        self.new_button.clicked.connect(self.new_audit_requested)
        self.open_button = named(
            QPushButton("&Open audit"), "Open audit", "Opens the selected audit in the editor"
        )
        self.open_button.clicked.connect(self._open_current)

        self.table = named(
            QTableView(),
            "Audits",
            "Audits with their child, setting, template, auditor, date, status and grade. "
            "Press Enter to open the selected audit.",
        )
        self.table.setModel(model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(
            [c[1] for c in COLUMNS].index("audit_date"), Qt.SortOrder.DescendingOrder
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        # Fixed row heights: the view never measures rows, which keeps scrolling cheap.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._size_to_font()
        self.table.activated.connect(self._activated)
        model.loaded.connect(self._show_count)
        model.modelReset.connect(self._select_first)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # text size changed (Ctrl+plus/minus)
            self._size_to_font()

    def _size_to_font(self) -> None:
        """Row heights and column widths follow the text size, so 200% stays readable."""
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        char = metrics.averageCharWidth()
        header = self.table.horizontalHeader()
        for column, (heading, _key, _show) in enumerate(COLUMNS):
            width = {"Setting": 30, "Template": 30, "Grade": 24, "Auditor": 18}.get(heading, 14)
            header.resizeSection(column, char * width)

    @property
    def current_filter(self) -> AuditFilter:
        return self.model.current_filter

    def _filter(self, audit_filter: AuditFilter) -> None:
        self.model.set_filter(audit_filter)
        self.filter_changed.emit(audit_filter)

    def _show_count(self, total: int) -> None:
        self.count.setText(count(total, "audit"))
        if total:
            self.empty.hide()
            return
        filtered = self.model.current_filter != AuditFilter()
        self.empty.setText(
            "No audits match these filters. Clear filters (Alt+L) to see every audit."
            if filtered
            else "No audits yet. Start one with New audit (Ctrl+N), or bring audits in "
            "from another laptop with File > Import bundle (Ctrl+I)."
        )
        self.empty.setAccessibleDescription(self.empty.text())
        self.empty.show()

    def _select_first(self) -> None:
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.audit_activated.emit(self.model.row_at(index.row()).uuid)

    def _open_current(self) -> None:
        self._activated(self.table.currentIndex())
