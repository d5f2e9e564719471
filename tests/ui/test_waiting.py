"""The window tests' robot (tests/ui/waiting.py) waits as pytest-qt's does: until the
condition holds, for no longer than asked, with the event loop running meanwhile."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from tests.ui.waiting import QtBotLookingOften


def test_the_tests_robot_is_the_one_that_looks_often(qtbot: QtBotLookingOften) -> None:
    assert isinstance(qtbot, QtBotLookingOften)


def test_waiting_ends_when_what_the_event_loop_does_makes_the_condition_true(
    qtbot: QtBotLookingOften,
) -> None:
    done: list[bool] = []
    QTimer.singleShot(30, lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert done == [True]


def test_an_assertion_waited_on_holds_when_waiting_ends(qtbot: QtBotLookingOften) -> None:
    done: list[bool] = []
    QTimer.singleShot(30, lambda: done.append(True))

    def holds() -> None:
        assert done

    qtbot.waitUntil(holds, timeout=5_000)
    assert done


def test_a_condition_that_never_holds_times_out(qtbot: QtBotLookingOften) -> None:
    with pytest.raises(TimeoutError):
        qtbot.waitUntil(lambda: False, timeout=50)

    def never() -> None:
        raise AssertionError("not yet")

    with pytest.raises(TimeoutError):
        qtbot.waitUntil(never, timeout=50)


def test_a_condition_that_is_not_a_yes_or_no_is_refused(qtbot: QtBotLookingOften) -> None:
    with pytest.raises(ValueError, match="not a bool"):
        qtbot.waitUntil(lambda: [], timeout=50)  # type: ignore[arg-type,return-value]
