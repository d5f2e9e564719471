"""Waiting for the window without taking the processor from the work being timed."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

#: How often to look again when no event comes: a worker finishing can make ``done`` true
#: without posting one (the task runner forgets a job on the worker's thread).
LOOK_EVERY_MS = 2


def wait_until(app: QApplication, done: Callable[[], bool], *, timeout: float, what: str) -> None:
    """Run the window's events until ``done()``, asleep while nothing happens. (A loop of
    ``processEvents`` with a time limit returns at once and spins, holding the processor
    and Python's lock the write lane needs: it slowed saves it was timing by half.)"""
    if done():
        return
    deadline = time.perf_counter() + timeout
    wake = QTimer()
    wake.setInterval(LOOK_EVERY_MS)
    wake.timeout.connect(lambda: None)
    wake.start()
    try:
        while not done():
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{what} did not finish in {timeout:g} s")
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()


def wait_quiet(
    app: QApplication, idle: Callable[[], bool], *, quiet: float, timeout: float
) -> None:
    """Until ``idle()`` has held for ``quiet`` seconds on end: work that starts only after
    a paint (what the main window does once its first page is on the screen) has started
    and finished."""
    deadline = time.perf_counter() + timeout
    while True:
        wait_until(app, idle, timeout=max(0.0, deadline - time.perf_counter()), what="the window")
        calm_until = time.perf_counter() + quiet

        def calm(until: float = calm_until) -> bool:
            return not idle() or time.perf_counter() >= until

        wait_until(app, calm, timeout=quiet + 1.0, what="the window")
        if idle():
            return
