"""An import onto a disk that fills: the plain message, the database as it was, and no
database-sized backup left behind to make the full disk fuller.

The disk fills at different moments for different sizes: while the backup is copied,
while the import is written, and as it commits (SQLite's write-ahead log and its
checkpoint need room of their own). Each is tried on a real small disk with the real
command.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from auditdesk.domain.reference import Agency, Role
from auditdesk.services.demo._generator import DemoOptions, generate_demo
from auditdesk.services.kernel._people import use_profile
from auditdesk.services.kernel._workspace import open_workspace
from tests.bundles.helpers import dump
from tests.small_disks import fill, small_disk
from tests.test_cli import give_profile, run

AS_OF = date(2026, 11, 20)
LEAD = "Quinn Lead"


@pytest.fixture(scope="module")
def laptops(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A quality lead's database and a bundle of 200 audits from someone else's."""
    folder = tmp_path_factory.mktemp("full-disk-import")
    home = folder / "home"
    home.mkdir()
    give_profile(home, "Sam Practice")
    for name, seed in (("lead", 3), ("auditor", 11)):
        database = open_workspace(folder / f"{name}.sqlite")
        try:
            generate_demo(database, DemoOptions(200, seed=seed, as_of=AS_OF))
            if name == "lead":  # who works in it, recorded as the window records them
                use_profile(database, LEAD, Agency.EDUCATION, Role.QUALITY_LEAD)
        finally:
            database.close()
    bundle = folder / "audits.auditdesk"
    sent = run(home, "bundle", "export", "--db", folder / "auditor.sqlite", "--out", bundle)
    assert sent.returncode == 0, sent.stderr
    return folder / "lead.sqlite", bundle


# Disk sizes as multiples of the database's size: too small for the backup and the
# database together, room for both but not for the import, and room for the import's
# writing but not for its commit and checkpoint.
@pytest.mark.parametrize("times_the_database", [1.6, 2.3, 3.6])
def test_an_import_onto_a_full_disk_changes_nothing_and_leaves_no_backup(
    laptops: tuple[Path, Path], tmp_path: Path, times_the_database: float
) -> None:
    lead, bundle = laptops
    home = tmp_path / "home"
    home.mkdir()
    give_profile(home, LEAD, Agency.EDUCATION, Role.QUALITY_LEAD)
    size_kib = int(lead.stat().st_size * times_the_database / 1024)
    with small_disk(tmp_path / "small", size_kib) as disk:
        database = disk / "lead.sqlite"
        shutil.copyfile(lead, database)
        before = dump(database)
        result = run(home, "bundle", "import", "--db", database, bundle)
        left = sorted(path.name for path in disk.iterdir())
        after = dump(database)
    assert result.returncode == 1, result.stdout + result.stderr
    assert not [name for name in left if "before-import" in name], left
    assert "audits.auditdesk was not imported" in result.stderr, result.stderr
    assert "is full" in result.stderr, result.stderr
    assert "as it was" in result.stderr, result.stderr
    assert after == before


def test_sending_onto_a_full_disk_says_so_sends_nothing_and_leaves_nothing(
    laptops: tuple[Path, Path], tmp_path: Path
) -> None:
    """The auditor's side: the bundle is written whole or not at all, and the audits are
    not marked as sent (the next send still carries them)."""
    lead, _bundle = laptops
    home = tmp_path / "home"
    home.mkdir()
    give_profile(home, LEAD, Agency.EDUCATION, Role.QUALITY_LEAD)
    database = tmp_path / "lead.sqlite"
    shutil.copyfile(lead, database)
    before = dump(database)
    with small_disk(tmp_path / "usb stick", 1024) as disk:
        fill(disk, 32)
        result = run(home, "bundle", "export", "--db", database, "--out", disk / "to lead")
        left = sorted(path.name for path in disk.iterdir())
    assert result.returncode == 1, result.stdout + result.stderr
    assert "is full" in result.stderr, result.stderr
    assert "nothing was sent" in result.stderr, result.stderr
    assert left == ["padding"]
    assert dump(database) == before
