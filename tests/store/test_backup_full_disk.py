"""``auditdesk db backup`` onto a disk that fills: the same disk-full words as every other
file AuditDesk writes whole, no partial backup left, and the database untouched."""

from __future__ import annotations

from pathlib import Path

from auditdesk.services.kernel._workspace import open_workspace
from tests.bundles.helpers import dump
from tests.small_disks import fill, small_disk
from tests.test_cli import run


def test_a_backup_onto_a_full_disk_says_so_and_leaves_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    database = tmp_path / "audits.sqlite"
    open_workspace(database).close()
    before = dump(database)
    with small_disk(tmp_path / "usb stick", 1024) as disk:
        fill(disk, 16)
        result = run(home, "db", "backup", "--db", database, disk / "audits backup.sqlite")
        left = sorted(path.name for path in disk.iterdir())
    assert result.returncode == 1, result.stderr
    assert "is full" in result.stderr, result.stderr
    assert "make the backup again" in result.stderr, result.stderr
    assert left == ["padding"]
    assert dump(database) == before
