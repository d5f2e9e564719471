"""What the store's command-line tests share: a person at the computer, and a command run
in this process (as a terminal runs it, with its log closed after)."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditdesk import app_logging, cli
from tests.test_cli import give_profile


@pytest.fixture
def someone_at_the_computer(_isolated_home: Path) -> None:
    """The commands that record who did something refuse without a profile."""
    give_profile(_isolated_home)


def run(arguments: list[str | Path], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """``auditdesk ARGUMENTS`` in this process: its exit code, and all it printed."""
    try:
        code = cli.main([str(argument) for argument in arguments])
    finally:
        app_logging.stop_logging()
    said = capsys.readouterr()
    return code, said.out + said.err
