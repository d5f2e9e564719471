"""A zero-length file is not quietly made into a database: the commands refuse it in words
and leave it empty; only ``auditdesk demo`` (which makes databases) and the window, after
asking (tests/ui/test_empty_file_window.py), make a new database in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditdesk.errors import EmptyDatabaseFile
from auditdesk.services.kernel._files import is_empty_file
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.store.engine import APPLICATION_ID, read_application_id
from tests.store.conftest import run


def folder_listing(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in sorted(folder.iterdir())}


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    folder = tmp_path / "audits"
    folder.mkdir()
    path = folder / "empty.sqlite"
    path.touch()
    return path


def test_opening_an_empty_file_without_creating_refuses_it(empty: Path) -> None:
    assert is_empty_file(empty)
    with pytest.raises(EmptyDatabaseFile) as refused:
        open_workspace(empty, create=False)
    assert "empty.sqlite is empty (0 bytes)" in str(refused.value)
    assert folder_listing(empty.parent) == {"empty.sqlite": 0}


@pytest.mark.usefixtures("someone_at_the_computer")
def test_commands_refuse_an_empty_file_and_leave_it_empty(
    empty: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    commands = {
        "export board": ["export", "board", "--xlsx", out / "board.xlsx"],
        "export audit": ["export", "audit", "AD-7K3P9Q", "--pdf", out / "audit.pdf"],
        "bundle export": ["bundle", "export", "--out", out / "sent.auditdesk"],
        "bundle import": ["bundle", "import", out / "missing.auditdesk"],
        "db backup": ["db", "backup", out / "copy.sqlite"],
        "db check": ["db", "check"],
    }
    for name, arguments in commands.items():
        code, said = run([*arguments, "--db", empty], capsys)
        assert code == 1, (name, said)
        assert "empty.sqlite" in said, name
        assert "empty (0 bytes)" in said, (name, said)
        assert "a bug" not in said
        # The lock file bundle commands take beside it is all that may appear.
        assert {
            k: v
            for k, v in folder_listing(empty.parent).items()
            if k.endswith(".lock") or k == "empty.sqlite"
        } == folder_listing(empty.parent)
        assert empty.stat().st_size == 0, name
    assert list(out.iterdir()) == []


def test_demo_makes_its_database_in_an_empty_file(
    empty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said = run(["demo", "--audits", "2", "--db", empty], capsys)
    assert code == 0, said
    assert read_application_id(empty) == APPLICATION_ID
