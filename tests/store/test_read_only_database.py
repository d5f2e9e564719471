"""A healthy database on a read-only drive is said to be read-only (not damaged), with what
to do about it, and opened read-only where that is enough: reading, exporting, checking
and backing up work, every change is refused in plain words, and not a byte changes.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from auditdesk.errors import DatabaseReadOnly
from auditdesk.services.audits._listing import count_audits
from auditdesk.services.demo._generator import DemoOptions, generate_demo
from auditdesk.services.kernel._database_admin import check_database
from auditdesk.services.kernel._files import is_read_only
from auditdesk.services.kernel._workspace import open_workspace
from tests.reading import reader
from tests.store.conftest import run
from tests.store.read_only_mount import read_only_folder

SCHEMA_0001 = Path(__file__).parent.parent / "data" / "schema_0001.sqlite"
READ_ONLY_WORDS = ("is read-only", "copy it to a folder you can write to", "ask IT")


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("read-only-demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITDESK_HOME", str(folder / "home"))
        db = open_workspace(folder / "demo.sqlite")
        try:
            generate_demo(db, DemoOptions(8, seed=3, as_of=date(2026, 11, 20)))
        finally:
            db.close()
    return folder / "demo.sqlite"


@pytest.fixture
def on_read_only_drive(demo_master: Path, tmp_path: Path) -> Iterator[Path]:
    """The demo database (closed cleanly: no -wal or -shm) alone on a read-only drive."""
    with read_only_folder(
        tmp_path / "drive", lambda folder: shutil.copyfile(demo_master, folder / "audits.sqlite")
    ) as folder:
        yield folder / "audits.sqlite"


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def assert_read_only_message(said: str, path: Path) -> None:
    assert path.name in said
    for words in READ_ONLY_WORDS:
        assert words in said, said
    assert "damaged" not in said
    assert "Restore it from a backup" not in said


def test_a_database_on_a_read_only_drive_opens_read_only(on_read_only_drive: Path) -> None:
    """Before: refused as "damaged (unable to open database file). Restore it from a backup"."""
    before = folder_state(on_read_only_drive.parent)
    assert is_read_only(on_read_only_drive)

    db = open_workspace(on_read_only_drive)
    try:
        assert db.read_only
        assert count_audits(reader(db)) == 8
        with pytest.raises(DatabaseReadOnly) as refused, db.write():
            pass
    finally:
        db.close()

    assert_read_only_message(str(refused.value), on_read_only_drive)
    assert "cannot save any change" in str(refused.value)
    assert folder_state(on_read_only_drive.parent) == before


@pytest.mark.usefixtures("someone_at_the_computer")
def test_commands_read_a_read_only_database_and_refuse_to_change_it(
    on_read_only_drive: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = folder_state(on_read_only_drive.parent)
    out = tmp_path / "out"
    out.mkdir()
    db = ["--db", on_read_only_drive]

    board = run(
        ["export", "board", "--xlsx", out / "board.xlsx", "--period", "2025/26", *db], capsys
    )
    check = run(["db", "check", *db], capsys)
    backup = run(["db", "backup", out / "copy.sqlite", *db], capsys)
    send = run(["bundle", "export", "--out", out / "sent.auditdesk", *db], capsys)
    demo = run(["demo", "--audits", "2", *db], capsys)

    assert board[0] == 0, board[1]
    assert (out / "board.xlsx").stat().st_size > 0
    assert check[0] == 0, check[1]
    assert "no problems found" in check[1]
    assert backup[0] == 0, backup[1]
    assert check_database(out / "copy.sqlite").ok
    for code, said in (send, demo):
        assert code == 1
        assert_read_only_message(said, on_read_only_drive)
    assert not (out / "sent.auditdesk").exists()
    assert folder_state(on_read_only_drive.parent) == before


def test_a_read_only_database_that_needs_updating_says_so(tmp_path: Path) -> None:
    with read_only_folder(
        tmp_path / "drive", lambda folder: shutil.copyfile(SCHEMA_0001, folder / "old.sqlite")
    ) as folder:
        path = folder / "old.sqlite"
        before = folder_state(folder)
        with pytest.raises(DatabaseReadOnly) as refused:
            open_workspace(path)
        assert_read_only_message(str(refused.value), path)
        assert "has to update it" in str(refused.value)
        assert folder_state(folder) == before
