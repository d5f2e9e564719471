"""Work off the GUI thread, with the result or the error delivered back on it.

Reads run on a small pool; writes go through one lane (a pool of one thread), so edits
reach the database in the order they were made. Tests can make everything synchronous.
Long work receives a :class:`TaskControl` to report progress and notice cancellation.

Why plain Python threads and only integers across the thread boundary: results stay in
a Python dictionary and the worker signals just the job number, which the GUI thread
then collects. Passing Python objects through queued Qt signals from pool threads (and
subclassing QRunnable) crashed PySide6 under load with reference-count errors.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
Progressed = Callable[[int, int], None]


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class TaskControl:
    """Handed to long work: report progress, and stop when asked."""

    def __init__(self, report: Callable[[int, int], None] | None = None) -> None:
        self._cancelled = threading.Event()
        self._report = report

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def progress(self, done: int, total: int) -> bool:
        """Report progress; returns False once cancelled (so loops can stop)."""
        if self._report is not None:
            self._report(done, total)
        return not self.cancelled

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled


@dataclass
class _Job:
    on_done: Done
    on_error: Failed
    on_progress: Progressed | None
    outcome: tuple[bool, Any] | None = None
    progress: tuple[int, int] | None = None


class TaskRunner(QObject):
    _finished = Signal(int)
    _progressed = Signal(int)

    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._readers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="auditdesk-read")
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="auditdesk-write")
        self._jobs: dict[int, _Job] = {}
        self._futures: set[Future[None]] = set()
        self._lock = threading.Lock()
        self._numbers = itertools.count(1)
        queued = Qt.ConnectionType.QueuedConnection
        self._finished.connect(self._deliver, queued)
        self._progressed.connect(self._report_progress, queued)

    def read(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
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
        pool = self._writer if writes else self._readers
        return self._start(pool, work, on_done, on_error, on_progress)

    def wait(self) -> None:
        """Block until queued work has run (used on close and in tests)."""
        with self._lock:
            pending = set(self._futures)
        wait(pending)

    def shutdown(self) -> None:
        self.wait()
        self._readers.shutdown(wait=True)
        self._writer.shutdown(wait=True)

    def _start(
        self,
        pool: ThreadPoolExecutor,
        work: Callable[[TaskControl], Any],
        on_done: Done,
        on_error: Failed,
        on_progress: Progressed | None,
    ) -> TaskControl:
        if self.synchronous:
            control = TaskControl(on_progress)
            try:
                result = work(control)
            except BaseException as error:
                on_error(error)
            else:
                on_done(result)
            return control
        number = next(self._numbers)
        job = _Job(on_done, on_error, on_progress)

        def report(done: int, total: int) -> None:
            job.progress = (done, total)
            self._progressed.emit(number)

        control = TaskControl(report)

        def run() -> None:
            try:
                job.outcome = (True, work(control))
            except BaseException as error:  # delivered to the GUI thread, never lost
                job.outcome = (False, error)
            self._finished.emit(number)

        with self._lock:
            self._jobs[number] = job
            future = pool.submit(run)
            self._futures.add(future)
        future.add_done_callback(self._forget)
        return control

    def _forget(self, future: Future[None]) -> None:
        with self._lock:
            self._futures.discard(future)

    def _deliver(self, number: int) -> None:
        with self._lock:
            job = self._jobs.pop(number, None)
        if job is None or job.outcome is None:
            return
        ok, value = job.outcome
        if ok:
            job.on_done(value)
        else:
            job.on_error(value)

    def _report_progress(self, number: int) -> None:
        with self._lock:
            job = self._jobs.get(number)
        if job is not None and job.on_progress is not None and job.progress is not None:
            job.on_progress(*job.progress)
