"""Exports to a disk that fills while they are written: the disk-full message, no partial
file, nothing printed after it, and the database as it was.

Each runs the real command on a real small disk (tests/small_disks.py): openpyxl and
reportlab each fail their own way when the space runs out (openpyxl a second time, as its
zip file is collected), and both must end in the same plain message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bundles.helpers import dump
from tests.exports.conftest import sql
from tests.small_disks import fill, small_disk
from tests.test_cli import run


@pytest.mark.parametrize(
    ("files", "free_kib"),
    [
        (("Board.xlsx",), 16),  # fails inside openpyxl's zip writing
        (("Board.pdf",), 8),  # fails as reportlab saves the document
        (("Board.xlsx", "Board.pdf"), 16),  # neither is kept when one cannot be
    ],
)
def test_a_board_export_to_a_full_disk_says_so_and_leaves_nothing(
    home: Path, database: Path, tmp_path: Path, files: tuple[str, ...], free_kib: int
) -> None:
    before = dump(database)
    with small_disk(tmp_path / "usb stick", 1024) as disk:
        fill(disk, free_kib)
        options: list[str | Path] = []
        for name in files:
            options += ["--xlsx" if name.endswith(".xlsx") else "--pdf", disk / name]
        result = run(home, "export", "board", "--db", database, "--from", "2025-09-01", *options)
        left = sorted(path.name for path in disk.iterdir())
    assert result.returncode == 1, result.stderr
    assert "is full" in result.stderr, result.stderr
    assert "export again" in result.stderr, result.stderr
    assert "Exception ignored" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr  # the message, and nothing after it
    assert left == ["padding"]  # no partial file, no temporary
    assert dump(database) == before


def test_an_audit_report_to_a_full_disk_says_so_and_leaves_nothing(
    home: Path, database: Path, tmp_path: Path
) -> None:
    ((reference,),) = sql(database, "SELECT reference FROM audits ORDER BY reference LIMIT 1")
    before = dump(database)
    with small_disk(tmp_path / "usb stick", 512) as disk:
        fill(disk, 4)
        result = run(home, "export", "audit", "--db", database, "--pdf", disk / "a.pdf", reference)
        left = sorted(path.name for path in disk.iterdir())
    assert result.returncode == 1, result.stderr
    assert "is full" in result.stderr, result.stderr
    assert "a.pdf was not saved" in result.stderr, result.stderr
    assert "Exception ignored" not in result.stderr
    assert left == ["padding"]
    assert dump(database) == before


def test_with_room_enough_the_same_export_is_written(
    home: Path, database: Path, tmp_path: Path
) -> None:
    """The small disk is a disk: what fits is written (so the failures above are the
    space's, not the mount's)."""
    with small_disk(tmp_path / "usb stick", 16 * 1024) as disk:
        result = run(
            home, "export", "board", "--db", database, "--from", "2025-09-01",
            "--pdf", disk / "Board.pdf",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert (disk / "Board.pdf").read_bytes().startswith(b"%PDF")
