"""Work off the GUI thread, with the result or the error delivered back on it, to the window
that asked for it and only while that window is open.

Reads run on a small pool; writes go through one lane (a pool of one thread), so edits
reach the database in the order they were made. Long work receives a :class:`TaskControl`
to report progress and notice cancellation. Tests can make everything synchronous, or hold
the workers (:meth:`TaskRunner.hold`) to close a window while its work is still running.

Every window and dialog asks through its own :class:`TaskScope` (``runner.scope(self)``).
When the window closes (``scope.close()`` in its close event) or is deleted, its pending
results are dropped and its long work is cancelled; writes already queued still reach the
database, because an edit the person saw must never be lost. Delivering a result to a
window that is gone was the cause of a crash ("shared QObject was deleted directly").

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

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from auditdesk.errors import UserError

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
    scope: TaskScope
    on_done: Done
    on_error: Failed
    on_progress: Progressed | None
    control: TaskControl | None = None
    long: bool = False
    outcome: tuple[bool, Any] | None = None
    progress: tuple[int, int] | None = None


class TaskScope:
    """The work of one window or dialog. Its results arrive only while it is open."""

    def __init__(self, runner: TaskRunner, owner: QObject, within: TaskScope | None = None) -> None:
        self._runner = runner
        self._owner = owner
        self._within = within
        self.closed = False
        self.name = type(owner).__name__
        # Deleted without being closed (a tab's view going with its window): same as closed.
        owner.destroyed.connect(self._owner_gone)

    def read(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        self._runner._start(self, "read", lambda _c: work(), on_done, on_error, None)

    def write(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        self._runner._start(self, "write", lambda _c: work(), on_done, on_error, None)

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
        return self._runner._start(
            self, "long-write" if writes else "long-read", work, on_done, on_error, on_progress
        )

    @property
    def busy_with_long_work(self) -> bool:
        """Whether an export, import or other long job of this window is still running."""
        return self._runner._has_long_work(self)

    def for_dialog(self, dialog: QObject) -> TaskScope:
        """The lane of a dialog this window opens: its results arrive only while both the
        dialog and this window are open (a dialog closed while its list was being read
        must not be filled)."""
        return TaskScope(self._runner, dialog, within=self)

    @property
    def alive(self) -> bool:
        within = self._within is None or self._within.alive
        return within and not self.closed and shiboken6.isValid(self._owner)

    def close(self) -> None:
        """The window is closing: drop its pending results and cancel its long work."""
        if not self.closed:
            self.closed = True
            self._runner._cancel_long_work(self)

    def _owner_gone(self, _owner: object = None) -> None:
        self.close()


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
        self._gate = threading.Event()
        self._gate.set()
        self.dropped = 0  # results not delivered because their window had closed
        queued = Qt.ConnectionType.QueuedConnection
        self._finished.connect(self._deliver, queued)
        self._progressed.connect(self._report_progress, queued)

    def scope(self, owner: QObject) -> TaskScope:
        """The lane a window or dialog asks through (see the module docstring)."""
        return TaskScope(self, owner)

    def wait(self) -> None:
        """Block until queued work has run (used on close and in tests)."""
        self._gate.set()
        while True:
            with self._lock:
                pending = set(self._futures)
            if not pending:
                return
            wait(pending)

    @property
    def idle(self) -> bool:
        """Nothing running and nothing waiting to be delivered."""
        with self._lock:
            return not self._futures and not self._jobs

    def hold(self) -> None:
        """Tests: queued work waits until :meth:`release` (to close windows mid-work)."""
        self._gate.clear()

    def release(self) -> None:
        self._gate.set()

    def shutdown(self) -> None:
        self.wait()
        self._readers.shutdown(wait=True)
        self._writer.shutdown(wait=True)

    # -- inside -------------------------------------------------------------------------------
    def _start(  # noqa: PLR0917 (the scope's three doors share it)
        self,
        scope: TaskScope,
        kind: str,
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
                outcome: tuple[bool, Any] = (False, error)
            else:
                outcome = (True, result)
            if scope.alive:
                (on_done if outcome[0] else on_error)(outcome[1])
            else:
                self._drop(scope, outcome)
            return control
        number = next(self._numbers)
        job = _Job(scope, on_done, on_error, on_progress, long=kind.startswith("long"))

        def report(done: int, total: int) -> None:
            job.progress = (done, total)
            self._progressed.emit(number)

        control = TaskControl(report)
        job.control = control

        def run() -> None:
            self._gate.wait()
            try:
                job.outcome = (True, work(control))
            except BaseException as error:  # delivered to the GUI thread, never lost
                job.outcome = (False, error)
            self._finished.emit(number)

        pool = self._writer if kind in ("write", "long-write") else self._readers
        with self._lock:
            self._jobs[number] = job
            future = pool.submit(run)
            self._futures.add(future)
        future.add_done_callback(self._forget)
        return control

    def _forget(self, future: Future[None]) -> None:
        with self._lock:
            self._futures.discard(future)

    def _has_long_work(self, scope: TaskScope) -> bool:
        with self._lock:
            jobs = list(self._jobs.values())
        return any(j.scope is scope and j.long and j.outcome is None for j in jobs)

    def _cancel_long_work(self, scope: TaskScope) -> None:
        with self._lock:
            controls = [j.control for j in self._jobs.values() if j.scope is scope and j.long]
        for control in controls:
            if control is not None:
                control.cancel()

    def _deliver(self, number: int) -> None:
        with self._lock:
            job = self._jobs.pop(number, None)
        if job is None or job.outcome is None:
            return
        if not job.scope.alive:
            self._drop(job.scope, job.outcome)
            return
        ok, value = job.outcome
        if ok:
            job.on_done(value)
        else:
            job.on_error(value)

    def _drop(self, scope: TaskScope, outcome: tuple[bool, Any]) -> None:
        """A result for a window that has closed. A bug in the work still goes to the log."""
        self.dropped += 1
        ok, value = outcome
        if not ok and not isinstance(value, (Cancelled, UserError)):
            log.error(
                "work for a closed %s failed",
                scope.name,
                exc_info=(type(value), value, value.__traceback__),
            )

    def _report_progress(self, number: int) -> None:
        with self._lock:
            job = self._jobs.get(number)
        if (
            job is not None
            and job.scope.alive
            and job.on_progress is not None
            and job.progress is not None
        ):
            job.on_progress(*job.progress)
