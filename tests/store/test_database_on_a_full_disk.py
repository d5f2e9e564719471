"""A healthy database on a disk with no room left: every command says the disk is full
(never "damaged", never a bug), and the database stays as it was.

Copied onto a real small disk, which is then filled completely: SQLite then cannot make
its shared-memory file, and AuditDesk cannot write its lock file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from auditdesk.services.demo._generator import DemoOptions, generate_demo
from auditdesk.services.kernel._workspace import open_workspace
from tests.bundles.helpers import dump
from tests.conftest import FIXED_NOW
from tests.small_disks import fill, small_disk
from tests.test_cli import give_profile, run


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("healthy")
    database = open_workspace(folder / "audits.sqlite")
    try:
        generate_demo(database, DemoOptions(30, seed=5, as_of=FIXED_NOW.date()))
    finally:
        database.close()
    return folder / "audits.sqlite"


@pytest.mark.parametrize(
    "command",
    [
        ["bundle", "export", "--out", "{out}/to lead.auditdesk"],
        ["bundle", "import", "--dry-run", "{out}/to lead.auditdesk"],
        ["export", "board", "--from", "2025-09-01", "--xlsx", "{out}/Board.xlsx"],
        ["db", "check"],
        ["db", "backup", "{out}/copy.sqlite"],
    ],
)
def test_a_healthy_database_on_a_full_disk_is_said_to_be_on_a_full_disk(
    healthy: Path, tmp_path: Path, command: list[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    give_profile(home, "Sam Practice")
    out = tmp_path / "out"
    out.mkdir()
    if "import" in command:  # something to import, made before the disk fills
        made = run(home, "bundle", "export", "--db", healthy, "--out", out / "to lead.auditdesk")
        assert made.returncode == 0, made.stderr
    with small_disk(tmp_path / "full", 8 * 1024) as disk:
        database = disk / "audits.sqlite"
        shutil.copyfile(healthy, database)
        before = dump(database)
        fill(disk, 0)
        result = run(home, *[part.format(out=out) for part in command], "--db", database)
        (disk / "padding").unlink()  # room again, for reading it back
        after = dump(database)
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert "damaged" not in said, said
    assert "full" in said, said
    assert after == before


def test_demo_data_that_does_not_fit_leaves_no_database_begun(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    with small_disk(tmp_path / "small", 512) as disk:
        result = run(home, "demo", "--db", disk / "demo.sqlite", "--audits", "500")
        left = sorted(path.name for path in disk.iterdir())
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert "full" in said, said
    assert "damaged" not in said, said
    assert left in ([], ["demo.sqlite.lock"]), left  # an empty lock file means "free"
