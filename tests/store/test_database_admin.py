"""``check_database`` and ``backup_to``: looking after the file itself, on real files."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from auditdesk.errors import DatabaseProblem, FileProblem, NotAnAuditDeskDatabase
from auditdesk.services.kernel._database_admin import CheckReport, backup_to, check_database
from auditdesk.store.database import open_database
from auditdesk.store.engine import APPLICATION_ID
from auditdesk.store.migrate import head_revision

SCHEMA_0001 = Path(__file__).parent.parent / "data" / "schema_0001.sqlite"


def lines_by_check(report: CheckReport) -> dict[str, tuple[bool, str]]:
    return {line.check: (line.ok, line.detail) for line in report.lines}


def count(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from auditdesk.services.demo._generator import DemoOptions, generate_demo
    from auditdesk.services.kernel._workspace import open_workspace

    folder = tmp_path_factory.mktemp("admin-demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITDESK_HOME", str(folder / "home"))
        database = open_workspace(folder / "demo.sqlite")
        try:
            generate_demo(database, DemoOptions(15, seed=11, as_of=date(2026, 11, 20)))
        finally:
            database.close()
    return folder / "demo.sqlite"


@pytest.fixture
def demo(tmp_path: Path, demo_master: Path) -> Path:
    target = tmp_path / "demo audits.sqlite"
    shutil.copyfile(demo_master, target)
    return target


# -- check_database -------------------------------------------------------------------------
def test_check_of_a_good_database_reports_every_check_ok(demo: Path) -> None:
    before = demo.read_bytes()
    report = check_database(demo)
    checks = lines_by_check(report)
    assert report.ok
    assert list(checks) == [
        "application id",
        "schema revision",
        "integrity",
        "foreign keys",
        "tables",
        "text",
        "documents",
        "contents",
    ]
    assert all(ok for ok, _detail in checks.values())
    assert checks["application id"][1] == "AuditDesk database"
    assert checks["schema revision"][1] == f"{head_revision()} (current)"
    answers = count(demo, "answers")
    assert checks["contents"][1] == f"15 audits, {answers:,} answers"
    assert demo.read_bytes() == before  # a check writes nothing


def test_check_of_the_first_schema_file(tmp_path: Path) -> None:
    copy = tmp_path / "old.sqlite"
    shutil.copyfile(SCHEMA_0001, copy)
    report = check_database(copy)
    assert report.ok
    assert lines_by_check(report)["contents"] == (True, "40 audits, 1,934 answers")


def test_check_reports_a_broken_reference(demo: Path) -> None:
    with closing(sqlite3.connect(demo)) as connection:  # foreign keys are off by default
        connection.execute(
            "INSERT INTO answers (audit_id, question_id, rating, comment, evidence, updated_at, "
            "updated_by) VALUES (999999, 'a.summary', 'good', '', '', '2026-11-20 10:30:00', "
            "'Someone')"
        )
        connection.commit()
    report = check_database(demo)
    checks = lines_by_check(report)
    assert not report.ok
    assert checks["foreign keys"] == (False, "1 rows point at records that are missing")
    assert checks["integrity"] == (True, "ok")
    assert checks["application id"][0]


def test_check_reports_a_database_from_a_newer_auditdesk(demo: Path) -> None:
    with closing(sqlite3.connect(demo)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
    report = check_database(demo)
    checks = lines_by_check(report)
    assert not report.ok
    assert checks["schema revision"] == (False, "9999, from a newer AuditDesk")


def test_check_reports_a_damaged_file_instead_of_failing(demo: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite"
    raw = demo.read_bytes()
    damaged.write_bytes(raw[: len(raw) // 3])
    report = check_database(damaged)
    assert not report.ok
    assert any(not line.ok and "damaged" in line.detail for line in report.lines)


def test_check_reports_a_text_file_and_another_programs_database(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("meeting notes, not a database\n" * 10)
    other = tmp_path / "contacts.db"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
        connection.commit()

    text_report = check_database(text_file)
    assert not text_report.ok
    assert [(line.check, line.ok, line.detail) for line in text_report.lines] == [
        ("application id", False, "not a SQLite database")
    ]
    other_report = check_database(other)
    assert not other_report.ok
    assert other_report.lines[0].detail == "another program's database (id 0)"


def test_check_of_a_missing_file_or_a_folder_is_a_clear_problem(tmp_path: Path) -> None:
    with pytest.raises(DatabaseProblem, match="no database file"):
        check_database(tmp_path / "missing.sqlite")
    with pytest.raises(DatabaseProblem, match="no database file"):
        check_database(tmp_path)


def test_check_of_a_database_in_a_folder_with_a_hash_in_its_name(tmp_path: Path) -> None:
    """In "SEND team #2" an unencoded '#' would start a URI fragment, so SQLite would open
    (and create) "<parent>/SEND team " and report a healthy database as broken."""
    folder = tmp_path / "SEND team #2"
    folder.mkdir()
    target = folder / "audits.sqlite"
    open_database(target).close()

    report = check_database(target)

    assert [(line.check, line.ok) for line in report.lines if not line.ok] == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["SEND team #2"]  # no stray file


# -- backup_to ------------------------------------------------------------------------------
def test_backup_is_a_consistent_copy_that_opens(demo: Path, tmp_path: Path) -> None:
    # Leave committed work in the -wal file, as a running app would.
    live = open_database(demo)
    try:
        with live.write() as session:
            from auditdesk.store.models import AppState

            session.add(AppState(key="written just now", value="still in the WAL"))
        assert demo.with_name(demo.name + "-wal").exists()
        target = backup_to(demo, tmp_path / "backups" / "copy.sqlite")
    finally:
        live.close()

    assert target == tmp_path / "backups" / "copy.sqlite"
    assert target.is_file()
    assert not list(target.parent.glob("*.partial"))
    report = check_database(target)
    assert report.ok
    copy = open_database(target)
    try:
        with copy.read() as session:
            from sqlalchemy import func, select

            from auditdesk.store.models import AppState, Audit

            assert session.scalar(select(func.count(Audit.id))) == 15
            assert session.get(AppState, "written just now") is not None
    finally:
        copy.close()
    assert count(target, "answers") == count(demo, "answers")
    with target.open("rb") as handle:
        assert int.from_bytes(handle.read(100)[68:72], "big") == APPLICATION_ID


def test_backup_refuses_an_existing_target(demo: Path, tmp_path: Path) -> None:
    existing = tmp_path / "last week.sqlite"
    existing.write_bytes(b"precious older backup")
    with pytest.raises(FileProblem, match="already exists"):
        backup_to(demo, existing)
    assert existing.read_bytes() == b"precious older backup"


def test_backup_refuses_the_database_itself_as_target(demo: Path) -> None:
    before = demo.read_bytes()
    with pytest.raises(FileProblem):
        backup_to(demo, demo)
    with pytest.raises(FileProblem):
        backup_to(demo, demo.parent / "." / demo.name)
    assert demo.read_bytes() == before


def test_backup_refuses_a_file_that_is_not_an_auditdesk_database(tmp_path: Path) -> None:
    source = tmp_path / "photo.sqlite"
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    with pytest.raises(NotAnAuditDeskDatabase):
        backup_to(source, tmp_path / "copy.sqlite")
    assert not (tmp_path / "copy.sqlite").exists()
    assert not list(tmp_path.glob("*.partial"))


def test_backup_makes_missing_folders(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "not yet" / "there" / "copy.sqlite"
    assert backup_to(demo, target) == target
    assert count(target, "audits") == 15


def test_backup_into_a_folder_that_cannot_exist_is_a_file_problem(
    demo: Path, tmp_path: Path
) -> None:
    """The target's folder is a regular file: creating it fails, and so does removing the
    partial file. Both must end in a FileProblem, not an unexpected error (exit 70)."""
    blocker = tmp_path / "minutes.docx"
    blocker.write_bytes(b"PK\x03\x04 a document")
    with pytest.raises(FileProblem) as refused:
        backup_to(demo, blocker / "copy.sqlite")
    assert "copy.sqlite" in str(refused.value)
    assert blocker.read_bytes() == b"PK\x03\x04 a document"
    assert not list(tmp_path.rglob("*.partial"))


BACKUP_IN_A_CHILD = """
import sys
from pathlib import Path

from auditdesk.errors import UserError
from auditdesk.services.kernel._database_admin import backup_to

try:
    backup_to(Path(sys.argv[1]), Path(sys.argv[2]))
    print("no error")
except UserError as problem:
    print(type(problem).__name__, problem)
"""


def _small_disk() -> None:
    """Runs in the child: files may not grow past 100 kB, as on a nearly full disk."""
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))


@pytest.mark.skipif(sys.platform == "win32", reason="uses a POSIX file-size limit")
def test_a_backup_that_runs_out_of_space_leaves_no_partial_file(demo: Path, tmp_path: Path) -> None:
    assert demo.stat().st_size > 300_000
    target = tmp_path / "backups" / "copy.sqlite"
    target.parent.mkdir()
    before = demo.read_bytes()
    child = subprocess.run(
        [sys.executable, "-c", BACKUP_IN_A_CHILD, str(demo), str(target)],
        preexec_fn=_small_disk,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=60,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    assert "Traceback" not in child.stderr
    assert child.stdout.startswith("FileProblem Cannot write the backup to")
    assert str(target) in child.stdout
    assert list(target.parent.iterdir()) == []  # neither the target nor a .partial
    assert demo.read_bytes() == before
