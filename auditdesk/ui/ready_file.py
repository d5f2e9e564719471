"""For benchmarks and support: say, by writing a file, the moment the window has painted
its first page of audits.

Start-up is measured the way a person meets it, from outside the process: the benchmark
(``benchmarks/bench_startup.py``) starts ``auditdesk --db FILE`` with ``AUDITDESK_READY_FILE``
naming a file, and stops its clock when the file appears. Support can do the same by hand
on a slow laptop. Without the variable nothing here runs.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView

READY_VARIABLE = "AUDITDESK_READY_FILE"

log = logging.getLogger(__name__)


def announce_first_page(table: QAbstractItemView) -> None:
    """Write the file named by ``AUDITDESK_READY_FILE`` once ``table`` has painted with its
    first page of rows (or painted empty after its model said it has none)."""
    target = os.environ.get(READY_VARIABLE)
    if target:
        _FirstPaint(table, Path(target))


class _FirstPaint(QObject):
    def __init__(self, table: QAbstractItemView, target: Path) -> None:
        super().__init__(table)  # lives (and dies) with the table
        self.table = table
        self.target = target
        model = table.model()
        self.loaded = model.rowCount() > 0  # a page already there shows at the next paint
        # A reset (a fresh page) or rows arriving: the next paint shows them.
        model.modelReset.connect(self._rows_arrived)
        model.rowsInserted.connect(self._rows_arrived)
        table.viewport().installEventFilter(self)

    def _rows_arrived(self) -> None:
        self.loaded = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.loaded:
            watched.removeEventFilter(self)
            # After this paint has been done, not before it: the filter sees the event first.
            QTimer.singleShot(0, self, self._write)
        return False

    def _write(self) -> None:
        # Written aside and renamed into place: whoever watches for the file reads it whole.
        aside = self.target.with_name(f".{self.target.name}.writing")
        try:
            aside.write_text(f"{self.table.model().rowCount()} rows\n", encoding="utf-8")
            os.replace(aside, self.target)
        except OSError as error:
            log.warning("could not write %s=%s: %s", READY_VARIABLE, self.target, error)
