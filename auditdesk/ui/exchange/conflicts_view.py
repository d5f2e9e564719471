"""The Conflicts tab: where two versions of a record met, both kept. Compare them side by
side (differences marked in words and colour), then keep yours or take theirs; either
way the other version stays in the record's history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.services.bundles import (
    ConflictComparison,
    ConflictSummary,
    Resolution,
    compare_conflict,
    list_conflicts,
    resolve_conflict,
)
from auditdesk.ui.accessibility import named
from auditdesk.ui.errors import error_handler
from auditdesk.ui.session import AppSession
from auditdesk.ui.task_runner import TaskScope


class ConflictsView(QWidget):
    changed = Signal(int)  # open conflicts, for the tab's title

    def __init__(
        self,
        session: AppSession,
        tasks: TaskScope,
        show_info: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.show_info = show_info
        self._handle = error_handler(show_info)
        self.conflicts: list[ConflictSummary] = []
        self.decided = named(
            QCheckBox("Show &decided conflicts too"),
            "Show decided",
            "Lists conflicts already settled as well",
        )
        self.decided.toggled.connect(lambda _on: self.reload())
        self.list = self._table(
            "Conflicts",
            "Records where two versions met; Enter compares them",
            ["Record", "From", "Versions", "Status"],
        )
        self.list.currentCellChanged.connect(lambda *_args: self._compare())
        self.titles = QLabel()
        self.titles.setWordWrap(True)
        named(self.titles, "Versions compared", "Which version is yours and which is theirs")
        self.lines = self._table(
            "Side by side",
            "Each field of both versions; differing rows say DIFFERS",
            ["Where", "Field", "Yours", "Theirs", "Same?"],
        )
        self.note = named(QLineEdit(), "Decision note", "Why you chose (kept with the decision)")
        self.note.setPlaceholderText("Why (optional)")
        self.keep = named(
            QPushButton("&Keep mine"),
            "Keep mine",
            "Keeps the version here; theirs stays stored with the conflict",
        )
        self.take = named(
            QPushButton("&Take theirs"),
            "Take theirs",
            "Makes their version the next revision; yours stays in the history",
        )
        self.keep.clicked.connect(lambda: self._resolve(Resolution.KEEP_MINE))
        self.take.clicked.connect(lambda: self._resolve(Resolution.TAKE_THEIRS))
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.addWidget(self.decided)
        top_layout.addWidget(self.list)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.addWidget(self.titles)
        bottom_layout.addWidget(self.lines, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.keep)
        buttons.addWidget(self.take)
        bottom_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._enable(False)

    def _table(self, name: str, description: str, headings: list[str]) -> QTableWidget:
        table = named(QTableWidget(0, len(headings)), name, description)
        table.setHorizontalHeaderLabels(headings)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def reload(self) -> None:
        include, ctx = self.decided.isChecked(), self.session.ctx
        self.tasks.read(
            lambda: list_conflicts(ctx, include_decided=include),
            self._show,
            self._handle,
        )

    def _show(self, conflicts: tuple[ConflictSummary, ...]) -> None:
        self.conflicts = list(conflicts)
        self.list.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            values = (
                conflict.label,
                f"{conflict.sender} ({conflict.bundle_file})",
                f"yours {conflict.local_revision}, theirs {conflict.incoming_revision}",
                conflict.status.label,
            )
            for column, value in enumerate(values):
                self.list.setItem(row, column, QTableWidgetItem(value))
        self.changed.emit(sum(1 for c in self.conflicts if c.decided_at is None))
        if self.conflicts:
            self.list.setCurrentCell(0, 0)
        else:
            self.titles.setText("No conflicts: every import so far fitted the versions here.")
            self.lines.setRowCount(0)
            self._enable(False)

    def _selected(self) -> ConflictSummary | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _compare(self) -> None:
        conflict = self._selected()
        if conflict is None:
            return
        ctx = self.session.ctx
        self.tasks.read(
            lambda: compare_conflict(ctx, conflict.uuid),
            self._show_comparison,
            self._handle,
        )

    def _show_comparison(self, comparison: ConflictComparison) -> None:
        self.titles.setText(
            f"{comparison.conflict.describe()}\nYours: {comparison.mine_title}\n"
            f"Theirs: {comparison.theirs_title}\n{len(comparison.differences)} differences."
        )
        bold = QFont(self.font())
        bold.setBold(True)
        self.lines.setRowCount(len(comparison.lines))
        for row, line in enumerate(comparison.lines):
            values = (
                line.section,
                line.field,
                line.mine,
                line.theirs,
                "DIFFERS" if line.differs else "same",
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if line.differs:
                    item.setBackground(QBrush(QColor("#fff4ce")))
                    item.setForeground(QBrush(QColor("#000000")))
                    item.setFont(bold)
                self.lines.setItem(row, column, item)
        self._enable(comparison.conflict.decided_at is None)

    def _enable(self, open_: bool) -> None:
        for widget in (self.keep, self.take, self.note):
            widget.setEnabled(open_)

    def _resolve(self, resolution: Resolution) -> None:
        conflict = self._selected()
        if conflict is None:
            return
        note, ctx = self.note.text(), self.session.ctx
        self.tasks.write(
            lambda: resolve_conflict(ctx, conflict.uuid, resolution, note),
            self._resolved,
            self._handle,
        )

    def _resolved(self, summary: ConflictSummary) -> None:
        self.note.clear()
        self.show_info(summary.describe())
        self.reload()
