"""The audit list as a Qt model: pages fetched on demand (fetchMore) from the services,
off the GUI thread, so 50,000 audits cost no more to show than 200.

A page is asked for on the GUI thread and read on a worker: the window's :data:`Fetch`
gets the query there and hands back the work (it takes the session's context on the GUI
thread, which after a first look is where the database is opened)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import AuditStatus
from auditdesk.services.audits import AuditFilter
from auditdesk.services.kernel import AuditRow, Page
from auditdesk.ui.task_runner import TaskScope
from auditdesk.ui.wording import date_text

PAGE_SIZE = 200
NOTHING = "—"  # a cell with nothing to show (a setting visit has no child)
Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[AuditFilter, str, bool, int, int], Callable[[], Page[AuditRow]]]


def grade_text(grade: Grade | None, *, draft: bool) -> str:
    if grade is None:
        return "Not graded yet"
    # A draft's grade is the live suggestion so far, not a judgement: say so.
    return f"{grade.label} (so far)" if draft else grade.label


def _grade_text(row: AuditRow) -> str:
    return grade_text(row.final_grade, draft=row.status is AuditStatus.DRAFT)


# (heading, sort key, how to show a row's value)
COLUMNS: tuple[tuple[str, str, Callable[[AuditRow], str]], ...] = (
    ("Reference", "reference", lambda r: r.reference),
    ("Child", "child_reference", lambda r: r.child_reference or NOTHING),
    ("Setting", "setting_name", lambda r: r.setting_name or NOTHING),
    ("Template", "template", lambda r: r.template_title),
    ("Plan stage", "plan_stage", lambda r: r.plan_stage.label if r.plan_stage else NOTHING),
    ("Auditor", "lead_auditor", lambda r: r.lead_auditor),
    ("Agency", "lead_agency", lambda r: r.lead_agency.label),
    ("Date", "audit_date", lambda r: date_text(r.audit_date)),
    ("Status", "status", lambda r: r.status.label),
    ("Grade", "final_grade", _grade_text),
)
# Names that can be longer than their column (which then cuts them with "…"): the whole
# name is the cell's tooltip, and screen readers are given it whole as the cell's text.
WHOLE_ON_HOVER = frozenset({"Setting", "Template", "Auditor"})


class AuditTableModel(QAbstractTableModel):
    loaded = Signal(int)  # total rows matching the filter, after each fresh load
    failed = Signal(object)

    def __init__(self, fetch: Fetch, tasks: TaskScope) -> None:
        super().__init__()
        self._fetch = fetch
        self._runner = tasks
        self._rows: list[AuditRow] = []
        self._total = 0
        self._filter = AuditFilter()
        self._sort = "audit_date"
        self._descending = True
        self._loading = False
        self._generation = 0  # answers to an older query are dropped

    # -- what the view asks ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        heading, _key, shown = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return shown(row)
        if role == Qt.ItemDataRole.ToolTipRole and heading in WHOLE_ON_HOVER:
            text = shown(row)
            return text if text != NOTHING else None
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._loading and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation = self._generation
        offset = len(self._rows)
        query = (self._filter, self._sort, self._descending, offset, PAGE_SIZE)
        # Asked on the next turn of the event loop: a view calls fetchMore while it is
        # still handling another change of this model (a reset, say), and rows must never
        # arrive inside that change, even when the read answers at once.
        QTimer.singleShot(
            0,
            self,
            lambda: self._runner.read(
                self._fetch(*query), lambda page: self._append(page, generation), self._failed
            ),
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key, descending = COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            # Already in this order. The view asks for the order it shows each time its
            # sorting is switched on or its indicator set, which at start-up would read the
            # first page twice more (50,000 audits counted each time) before the window's
            # own first read.
            return
        self._sort, self._descending = key, descending
        self.reload()

    # -- what the window asks -------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    @property
    def current_filter(self) -> AuditFilter:
        return self._filter

    @property
    def sort_key(self) -> str:
        """The column the audits are in order of (its key in :data:`COLUMNS`)."""
        return self._sort

    @property
    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    def row_at(self, row: int) -> AuditRow:
        return self._rows[row]

    def set_filter(self, audit_filter: AuditFilter) -> None:
        self._filter = audit_filter
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self._loading = True
        query = (self._filter, self._sort, self._descending, 0, PAGE_SIZE)
        self._runner.read(
            self._fetch(*query), lambda page: self._replace(page, generation), self._failed
        )

    def show_first_page(self, page: Page[AuditRow]) -> None:
        """Show ``page``, read already (the window's first look), as if it had been asked."""
        self._generation += 1
        self._replace(page, self._generation)

    def _replace(self, page: Page[AuditRow], generation: int) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._rows = list(page.items)
        self._total = page.total
        self._loading = False
        self.endResetModel()
        self.loaded.emit(self._total)

    def _append(self, page: Page[AuditRow], generation: int) -> None:
        if generation != self._generation:
            return
        if not page.items:
            # Audits went since the count (an import, another window): stop asking for
            # pages that are no longer there.
            self._total = len(self._rows)
            self._loading = False
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
        self._rows.extend(page.items)
        self.endInsertRows()
        # Only now: a view asks for more while rows are being inserted, and must not be
        # sent the page it is being given again.
        self._loading = False

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.failed.emit(error)
