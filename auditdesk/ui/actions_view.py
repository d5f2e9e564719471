"""Every action across audits: filter by owner agency and status; overdue ones stand out
(in words as well as colour, for people who cannot tell the colours apart)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.reference import ActionStatus, Agency
from auditdesk.domain.wording import date_text
from auditdesk.services.audits import ActionFilter, list_actions, update_action
from auditdesk.services.kernel import ActionRecord, Page
from auditdesk.ui.accessibility import named
from auditdesk.ui.choices import chosen
from auditdesk.ui.errors import error_handler
from auditdesk.ui.session import AppSession
from auditdesk.ui.task_runner import TaskScope
from auditdesk.ui.text_table import SHOWN_ROLES, size_columns_from_a_sample
from auditdesk.ui.wording import count

Index = QModelIndex | QPersistentModelIndex
HEADINGS = ("Audit", "Action", "Owner agency", "Owner", "Due", "Status", "Re-audit")


_ACTION = int(Qt.ItemDataRole.UserRole)


class ActionTableModel(QAbstractTableModel):
    """Thousands of actions: a row's words are worked out once, when first asked for (a
    table asks each cell for a dozen roles as it paints and sizes it)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ActionRecord] = []
        self._texts: list[tuple[str, ...] | None] = []
        bold = QFont()
        bold.setBold(True)
        # Overdue stands out in colour and weight (and in words, for those who cannot
        # tell the colours apart).
        self._overdue_look: dict[int, Any] = {
            int(Qt.ItemDataRole.BackgroundRole): QBrush(QColor("#fde7e9")),
            int(Qt.ItemDataRole.ForegroundRole): QBrush(QColor("#8c1d18")),
            int(Qt.ItemDataRole.FontRole): bold,
        }

    def set_rows(self, rows: list[ActionRecord]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._texts = [None] * len(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADINGS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADINGS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role in SHOWN_ROLES:
            texts = self._texts[row]
            if texts is None:
                texts = self._texts[row] = _cells(self.rows[row])
            return texts[index.column()]
        action = self.rows[row]
        if role == _ACTION:
            return action
        return self._overdue_look.get(role) if action.overdue else None


def _cells(action: ActionRecord) -> tuple[str, ...]:
    status = f"OVERDUE ({action.status.label})" if action.overdue else action.status.label
    return (
        action.audit_reference,
        action.action,
        action.owner_agency.label,
        action.owner,
        date_text(action.due_date),
        status,
        date_text(action.re_audit_date) if action.re_audit_date else "—",
    )


class ActionsView(QWidget):
    open_audit = Signal(str)

    def __init__(
        self,
        session: AppSession,
        tasks: TaskScope,
        show_problem: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self._handle = error_handler(show_problem)
        self.agency = named(
            QComboBox(), "Owner agency filter", "Shows actions owned by this agency"
        )
        self.agency.addItem("Any", None)
        for agency in Agency:
            self.agency.addItem(agency.label, agency)
        self.status = named(QComboBox(), "Action status filter", "Shows actions with this status")
        self.status.addItem("Open or in progress", (ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
        self.status.addItem("Any", ())
        for status in ActionStatus:
            self.status.addItem(status.label, (status,))
        self.overdue = named(
            QCheckBox("&Overdue only"), "Overdue only", "Shows only actions past their due date"
        )
        self.count = named(QLabel(), "Number of actions", "How many actions match")
        self.count.setWordWrap(True)  # "No actions match…" says what to do, at any width
        self.model = ActionTableModel()
        self.table = named(
            QTableView(),
            "Actions",
            "Actions with owner, due date and status; "
            "overdue actions are marked OVERDUE. Enter opens the audit.",
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        # Sized from the rows in view and a sample: every cell of 5,000 rows took 1 s.
        header = size_columns_from_a_sample(self.table)
        # The action's words take the room the other columns leave, so the due date,
        # status and re-audit date are always whole on a laptop screen.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open)
        self.done = named(
            QPushButton("Mark &done"), "Mark done", "Marks the selected action as done"
        )
        self.done.clicked.connect(lambda: self._set_status(ActionStatus.DONE))
        self.progress = named(
            QPushButton("Mark in &progress"),
            "Mark in progress",
            "Marks the selected action as in progress",
        )
        self.progress.clicked.connect(lambda: self._set_status(ActionStatus.IN_PROGRESS))
        filters = QHBoxLayout()
        for text, widget in (("Owner a&gency:", self.agency), ("Stat&us:", self.status)):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.overdue)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done)
        buttons.addWidget(self.progress)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for combo in (self.agency, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.overdue.toggled.connect(lambda _on: self.reload())

    def current_filter(self) -> ActionFilter:
        agency = chosen(self.agency, Agency)
        return ActionFilter(
            owner_agencies=(agency,) if agency else (),
            statuses=tuple(ActionStatus(code) for code in self.status.currentData() or ()),
            overdue_only=self.overdue.isChecked(),
        )

    def reload(self) -> None:
        action_filter, ctx = self.current_filter(), self.session.ctx
        self.tasks.read(
            lambda: list_actions(ctx, action_filter, limit=5000),
            self._show,
            self._handle,
        )

    def _show(self, page: Page[ActionRecord]) -> None:
        self.model.set_rows(list(page.items))
        overdue = sum(1 for a in page.items if a.overdue)
        shown = count(page.total, "action")
        if page.has_more:
            shown = f"first {len(page.items):,} of {shown}"
        self.count.setText(
            f"{shown}, {overdue:,} overdue"
            if page.total
            else "No actions match. Actions are added from a question in the editor "
            "(Add action…); change the filters above to see others."
        )
        if page.items:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _selected(self) -> ActionRecord | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _set_status(self, status: ActionStatus) -> None:
        action = self._selected()
        if action is None:
            return
        ctx = self.session.ctx
        self.tasks.write(
            lambda: update_action(ctx, action.uuid, status=status),
            lambda _record: self.reload(),
            self._handle,
        )

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_audit.emit(self.model.rows[index.row()].audit_uuid)
