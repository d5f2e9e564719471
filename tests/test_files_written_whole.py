"""Where a command may write a file a person names: never over the database it is working
in (or the database's own files, or another name for it), and never under a name the
disk cannot hold; each refused in words, with the database as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditdesk.domain.reference import Agency, Role
from auditdesk.services.demo._generator import DemoOptions, generate_demo
from auditdesk.services.kernel._people import use_profile
from auditdesk.services.kernel._workspace import open_workspace
from tests.bundles.helpers import dump
from tests.conftest import FIXED_NOW
from tests.test_cli import give_profile, run


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    place = tmp_path_factory.mktemp("over-the-database")
    home = place / "home"
    home.mkdir()
    give_profile(home, "Sam Practice")
    database = open_workspace(place / "audits.sqlite")
    try:
        generate_demo(database, DemoOptions(12, seed=2, as_of=FIXED_NOW.date()))
        # Who works in it, recorded as the window records them (the commands do the same).
        use_profile(database, "Sam Practice", Agency.EDUCATION, Role.PRACTICE_CHAMPION)
    finally:
        database.close()
    (place / "another name.sqlite").symlink_to(place / "audits.sqlite")
    return place


# Exports must end .xlsx or .pdf, which keeps them off the database's own names already;
# a bundle may be given any name, and a backup any name but the database's.
@pytest.mark.parametrize(
    "command",
    [
        ["bundle", "export", "--audit", "{audit}", "--out", "{db}"],
        ["bundle", "export", "--audit", "{audit}", "--out", "{db}-wal"],
        ["bundle", "export", "--audit", "{audit}", "--out", "{db}.lock"],
        ["bundle", "export", "--audit", "{audit}", "--out", "{folder}/another name.sqlite"],
        ["db", "backup", "{db}-journal"],
        ["db", "backup", "{db}-wal"],
    ],
)
def test_nothing_is_written_over_the_database_or_its_own_files(
    folder: Path, command: list[str]
) -> None:
    database = folder / "audits.sqlite"
    (audit,) = [row[0] for row in _rows(database, "SELECT reference FROM audits LIMIT 1")]
    before = dump(database)
    arguments = [part.format(db=database, folder=folder, audit=audit) for part in command]
    result = run(folder / "home", *arguments, "--db", database)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "is the database AuditDesk is working in" in result.stderr, result.stderr
    assert database.read_bytes().startswith(b"SQLite format 3\x00")
    assert dump(database) == before


def test_a_name_longer_than_the_disk_allows_is_refused_in_words(folder: Path) -> None:
    database = folder / "audits.sqlite"
    long_name = folder / ("Board " + "a" * 300 + ".xlsx")
    result = run(folder / "home", "export", "board", "--db", database, "--xlsx", long_name)
    assert result.returncode == 1, result.stderr
    assert "The file name is too long" in result.stderr, result.stderr


def _rows(path: Path, query: str) -> list[tuple[object, ...]]:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(query).fetchall()
