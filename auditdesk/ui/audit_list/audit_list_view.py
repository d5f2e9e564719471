"""The audit list: the filter bar over a table that pages itself in as you scroll."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import Agency, AuditStatus, PlanStage
from auditdesk.services.audits import AuditFilter
from auditdesk.ui.accessibility import named
from auditdesk.ui.audit_list.audit_table_model import COLUMNS, AuditTableModel, grade_text
from auditdesk.ui.audit_list.filter_bar import FilterBar, FilterChoices
from auditdesk.ui.wording import count, date_text

# The longest thing each column of short values can show (a reference's letters vary, so
# the widest letter stands in for them).
LONGEST: dict[str, list[str]] = {
    "Reference": ["AD-WWWWWW"],
    "Child": ["CE-0000000", "—"],
    "Plan stage": [stage.label for stage in PlanStage] + ["—"],
    "Agency": [agency.label for agency in Agency],
    "Date": [date_text(date(2000, month, 28)) for month in range(1, 13)],
    "Status": [status.label for status in AuditStatus],
    "Grade": [grade_text(grade, draft=True) for grade in Grade] + [grade_text(None, draft=True)],
}
SHARING = ("Setting", "Template")  # long names: these share what width is left
AUDITOR_CHARACTERS = 16
SHARED_CHARACTERS = 14  # the least room for a setting's or template's name (whole on hover)


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
        # The indicator shows the order the model starts in (newest first), set before
        # sorting is switched on, so that neither asks the model for another order; the
        # window reads the first page once, itself.
        self.table.horizontalHeader().setSortIndicator(
            [c[1] for c in COLUMNS].index(model.sort_key), model.sort_order
        )
        self.table.setSortingEnabled(True)
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
        header.setStretchLastSection(False)
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
        """Row heights and column widths follow the text size, so 200% stays readable.

        A column of codes, dates, statuses or grades is as wide as the longest thing it
        can show (so "Requires improvement (so far)" is never cut short); the setting and
        the template share what is left of the width, and the auditor has a name's room.
        At the usual window size every column is in view without scrolling sideways."""
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        char = metrics.averageCharWidth()
        # The style's margin either side of a cell's text, and a character to breathe.
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(char * 8)
        for column, (heading, _key, _show) in enumerate(COLUMNS):
            if heading in SHARING:
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            widest = max(metrics.horizontalAdvance(t) for t in [heading, *LONGEST.get(heading, [])])
            if heading not in LONGEST:  # a person's name: room for most
                widest = max(widest, char * AUDITOR_CHARACTERS)
            width = max(widest + margin + char, header.sectionSizeHint(column))
            header.resizeSection(column, width)
        self._share_width()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._share_width()

    def _share_width(self) -> None:
        """The setting and template share the width left, while that gives each a short
        name's room; with less (a narrow window, large text) each keeps that room and the
        table scrolls sideways, rather than squeezing them to "Wi…"."""
        header = self.table.horizontalHeader()
        sharing = [c for c, (heading, _key, _show) in enumerate(COLUMNS) if heading in SHARING]
        fixed = sum(header.sectionSize(c) for c in range(len(COLUMNS)) if c not in sharing)
        least = self.table.fontMetrics().averageCharWidth() * SHARED_CHARACTERS
        roomy = self.table.viewport().width() - fixed >= least * len(sharing)
        for column in sharing:
            mode = QHeaderView.ResizeMode.Stretch if roomy else QHeaderView.ResizeMode.Interactive
            if header.sectionResizeMode(column) != mode:
                header.setSectionResizeMode(column, mode)
            if not roomy:
                header.resizeSection(column, least)

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
