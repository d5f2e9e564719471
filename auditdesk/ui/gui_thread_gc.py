"""Python's garbage collector runs only on the GUI thread.

Windows and their helpers often hold each other (a window and its task scope, a lambda
connected to a child's signal), so Python frees them in a cycle collection, and that
deletes the Qt object with them. Python starts a collection in whichever thread happens to
allocate at that moment; in AuditDesk that is often a worker saving an answer, and a
QWidget deleted from a worker thread can crash the process at any later point. So
automatic collection is switched off and the same work is done from a timer on the GUI
thread, with Python's own thresholds deciding when.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_EVERY_MS = 250


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()
        gc.disable()

    def collect_if_due(self) -> None:
        """Collect the oldest generation past its threshold, as Python itself would."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                self.collections += 1
                return


def collect_on_the_gui_thread(app: QObject) -> GuiThreadGarbageCollector:
    """Install the collector for ``app`` (once; later calls return the same one)."""
    existing = app.findChild(GuiThreadGarbageCollector)
    return existing if existing is not None else GuiThreadGarbageCollector(app)
