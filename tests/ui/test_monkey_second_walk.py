"""A seeded random walk through the real window (another seed), as a hurried person would go, with
what the window shows checked against the database after every step (the walk and its
checks: tests/ui/monkey.py). One walk a file, so a parallel run spreads them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Threaded
from tests.ui.monkey import walk_through_the_window
from tests.ui.scripted_dialogs import ScriptedDialogs


@pytest.mark.slow
@pytest.mark.parametrize("seed", [12])
def test_a_random_walk_through_the_window(
    qtbot: QtBot, threaded: Threaded, dialogs: ScriptedDialogs, tmp_path: Path, seed: int
) -> None:
    walk_through_the_window(qtbot, threaded, dialogs, tmp_path, seed)
