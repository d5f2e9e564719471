"""A random walk of typing and editing at speed in a setting visit (blocks of children):
every letter shown ends up stored (tests/ui/typing_walk.py). One walk a file, so a
parallel run spreads them."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Threaded
from tests.ui.typing_walk import walk_and_check


@pytest.mark.slow
@pytest.mark.parametrize("seed", [2])
def test_a_random_walk_of_typing_and_editing_loses_nothing(
    qtbot: QtBot, threaded: Threaded, seed: int
) -> None:
    walk_and_check(qtbot, threaded, seed)
