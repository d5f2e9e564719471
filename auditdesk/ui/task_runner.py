"""Work off the GUI thread, with the result or the error delivered back on it.

Reads run on a small pool; writes go through one lane (a pool of one thread), so edits
reach the database in the order they were made. Tests can make everything synchronous.
Long work receives a :class:`TaskControl` to report progress and notice cancellation.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
Progressed = Callable[[int, int], None]


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class TaskControl:
    """Handed to long work: report progress, and stop when asked."""

    def __init__(self, relay: _Relay | None = None) -> None:
        self._cancelled = threading.Event()
        self._relay = relay

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def progress(self, done: int, total: int) -> bool:
        """Report progress; returns False once cancelled (so loops can stop)."""
        if self._relay is not None:
            self._relay.progressed.emit(done, total)
        return not self.cancelled

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from a worker arrive there (queued)."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # delivered to the GUI thread, never lost
            self._relay.failed.emit(error)
        else:
            self._relay.finished.emit(result)


class TaskRunner(QObject):
    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(2)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)  # the one write lane
        self._relays: set[_Relay] = set()

    def read(
        self,
        work: Callable[[], Any],
        on_done: Done,
        on_error: Failed,
    ) -> None:
        self._start(self._readers, lambda _control: work(), on_done, on_error, None)

    def write(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        self._start(self._writer, lambda _control: work(), on_done, on_error, None)

    def long(
        self,
        work: Callable[[TaskControl], Any],
        on_done: Done,
        on_error: Failed,
        on_progress: Progressed | None = None,
        *,
        writes: bool = True,
    ) -> TaskControl:
        """Long work (exports, imports, big queries) with progress and cancel."""
        return self._start(
            self._writer if writes else self._readers, work, on_done, on_error, on_progress
        )

    def wait(self) -> None:
        """Block until queued work is done (used on close and in tests)."""
        self._writer.waitForDone()
        self._readers.waitForDone()

    def _start(
        self,
        pool: QThreadPool,
        work: Callable[[TaskControl], Any],
        on_done: Done,
        on_error: Failed,
        on_progress: Progressed | None,
    ) -> TaskControl:
        relay = _Relay()
        control = TaskControl(relay)
        if on_progress is not None:
            relay.progressed.connect(on_progress)
        if self.synchronous:
            try:
                result = work(control)
            except BaseException as error:
                on_error(error)
            else:
                on_done(result)
            return control
        self._relays.add(relay)

        def finished(result: Any) -> None:
            self._relays.discard(relay)
            on_done(result)

        def failed(error: BaseException) -> None:
            self._relays.discard(relay)
            on_error(error)

        relay.finished.connect(finished)
        relay.failed.connect(failed)
        pool.start(_Job(lambda: work(control), relay))
        return control
