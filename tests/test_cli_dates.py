"""Days and periods given on the command line at the edges of the calendar (year 1, year
9999): refused at the boundary with a message naming the accepted range, never "a bug".

Each command runs in this process through ``cli.main``, as a terminal runs it; argparse's
own refusals end in ``SystemExit(2)`` with the message on standard error.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditdesk import cli
from auditdesk.services.kernel._workspace import open_workspace
from tests.bundles.helpers import dump
from tests.test_cli import give_profile

RANGE = "1 January 2000 to 31 December 2099"


@pytest.fixture
def database(tmp_path: Path, _isolated_home: Path) -> Path:
    give_profile(_isolated_home, "Sam Practice")
    path = tmp_path / "audits.sqlite"
    open_workspace(path).close()
    return path


def _exit_code(arguments: list[str]) -> int:
    try:
        return cli.main(arguments)
    except SystemExit as stopped:  # argparse refusing an option's value
        return int(stopped.code or 0)


@pytest.mark.parametrize(
    "options",
    [
        ["export", "board", "--xlsx", "{out}.xlsx", "--period", "0001"],
        ["export", "board", "--xlsx", "{out}.xlsx", "--period", "9999"],
        ["export", "board", "--xlsx", "{out}.xlsx", "--period", "9999/00 Q4"],
        ["export", "board", "--xlsx", "{out}.xlsx", "--period", "Spring 0001"],
        ["export", "board", "--xlsx", "{out}.xlsx", "--period", "0000"],
        ["export", "board", "--xlsx", "{out}.xlsx", "--from", "0001-01-01"],
        ["export", "board", "--xlsx", "{out}.xlsx", "--to", "9999-12-31"],
        ["export", "board", "--pdf", "{out}.pdf", "--from", "0001-01-01", "--to", "0001-01-02"],
        ["bundle", "export", "--out", "{out}.auditdesk", "--since", "0001-01-01"],
        ["bundle", "export", "--out", "{out}.auditdesk", "--since", "9999-12-31"],
        ["demo", "--audits", "1", "--as-of", "9999-12-31"],
        ["demo", "--audits", "1", "--as-of", "0001-01-01"],
    ],
)
def test_days_at_the_edges_of_the_calendar_are_refused_naming_the_range(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str]
) -> None:
    before = dump(database)
    arguments = [option.format(out=tmp_path / "out") for option in options]
    code = _exit_code([*arguments, "--db", str(database)])
    said = capsys.readouterr().err
    assert code in (1, 2), said  # refused as a mistake in what was typed
    assert code != cli.EXIT_BUG
    assert RANGE in said, said
    assert "Traceback" not in said
    assert dump(database) == before
    assert not list(tmp_path.glob("out*"))


@pytest.mark.parametrize(
    "options",
    [
        ["--period", "Spring 2000"],
        ["--period", "2099"],
        ["--from", "2000-01-01", "--to", "2099-12-31"],
    ],
)
def test_days_at_the_edges_of_the_accepted_range_are_exported(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str]
) -> None:
    target = tmp_path / "Board.xlsx"
    code = cli.main(["export", "board", "--db", str(database), "--xlsx", str(target), *options])
    assert code == 0, capsys.readouterr().err
    assert target.exists()
