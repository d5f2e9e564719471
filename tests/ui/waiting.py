"""The robot that drives the window, looking for what it waits for every millisecond.

pytest-qt's ``waitUntil`` looks every 10 ms: work that is done in 2 ms is noticed 8 ms
late, and a walk through the window waits like that after each of its hundreds of steps.
Looking more often changes nothing else: the same condition, the same time limit, and the
event loop still runs (blocked in Qt, not spinning) between looks, so the worker threads
get the processor."""

from __future__ import annotations

import time
from collections.abc import Callable

from pytestqt.qtbot import QtBot

LOOK_EVERY_MS = 1


class QtBotLookingOften(QtBot):
    def waitUntil(  # noqa: N802 (pytest-qt's name)
        self, callback: Callable[[], bool | None], *, timeout: int = 5000
    ) -> None:
        """:meth:`QtBot.waitUntil`, looking every ``LOOK_EVERY_MS``."""
        __tracebackhide__ = True
        deadline = time.monotonic() + timeout / 1000
        while True:
            try:
                result = callback()
            except AssertionError as error:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"waitUntil timed out in {timeout} milliseconds") from error
            else:
                if result not in (None, True, False):
                    raise ValueError(f"waitUntil() callback returned {result!r}, not a bool")
                if result is None or result:
                    return
                if time.monotonic() > deadline:
                    raise TimeoutError(f"waitUntil timed out in {timeout} milliseconds")
            self.wait(LOOK_EVERY_MS)

    wait_until = waitUntil
