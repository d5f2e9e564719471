"""Opening a database file: create it with the right pragmas and stamp, recognise it again,
and refuse (without touching a byte) anything that is not an intact AuditDesk database."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from auditdesk.errors import (
    DatabaseDamaged,
    DatabaseProblem,
    DatabaseTooNew,
    FileProblem,
    NotAnAuditDeskDatabase,
    UserError,
)
from auditdesk.store.database import open_database
from auditdesk.store.engine import APPLICATION_ID, BUSY_TIMEOUT_MS
from auditdesk.store.migrate import head_revision

SCHEMA_0001 = Path(__file__).parent.parent / "data" / "schema_0001.sqlite"
SIDECARS = ("-wal", "-shm", "-journal")


# -- helpers --------------------------------------------------------------------------------
def file_state(path: Path) -> dict[str, str | None]:
    """A hash of the file and of each SQLite side file next to it (None when absent)."""
    state: dict[str, str | None] = {}
    for suffix in ("", *SIDECARS):
        candidate = path.with_name(path.name + suffix)
        state[suffix or "main"] = (
            hashlib.sha256(candidate.read_bytes()).hexdigest() if candidate.exists() else None
        )
    return state


def header_application_id(path: Path) -> int:
    with path.open("rb") as handle:
        header = handle.read(100)
    return int.from_bytes(header[68:72], "big")


def table_counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as connection:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
            )
        ]
        return {
            name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in names
        }


def audit_identities(path: Path) -> list[tuple[str, str, int, str | None]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(
            "SELECT uuid, content_hash, revision, final_grade FROM audits ORDER BY uuid"
        ).fetchall()


def answer_rows(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        rows = connection.execute(
            "SELECT audit_id, question_id, block_id, rating, comment, evidence FROM answers "
            "ORDER BY id"
        ).fetchall()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed AuditDesk database (WAL mode, as the app leaves it) with 12 demo audits."""
    from auditdesk.services.demo._generator import DemoOptions, generate_demo
    from auditdesk.services.kernel._workspace import open_workspace

    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITDESK_HOME", str(folder / "home"))
        database = open_workspace(folder / "demo.sqlite")
        try:
            generate_demo(database, DemoOptions(12, seed=5, as_of=date(2026, 11, 20)))
        finally:
            database.close()
    return folder / "demo.sqlite"


@pytest.fixture
def schema_0001_copy(tmp_path: Path) -> Path:
    target = tmp_path / "council audits.sqlite"
    shutil.copyfile(SCHEMA_0001, target)
    return target


# -- a new file ------------------------------------------------------------------------------
def test_new_database_gets_its_pragmas_on_every_connection(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        with database.read() as session:
            connection = session.connection()
            pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == BUSY_TIMEOUT_MS
            assert pragma("application_id") == APPLICATION_ID
        with database.write() as session:
            connection = session.connection()
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    finally:
        database.close()


def test_application_id_is_in_the_file_header_at_once(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        # Read the raw bytes while the database is still open: with WAL on, page 1 could
        # otherwise sit in the -wal file until a checkpoint.
        raw = db_path.read_bytes()
        assert raw.startswith(b"SQLite format 3\x00")
        assert int.from_bytes(raw[68:72], "big") == APPLICATION_ID == 0x4144534B
        assert raw[68:72] == b"ADSK"
    finally:
        database.close()
    assert header_application_id(db_path) == APPLICATION_ID


def test_new_database_is_at_the_head_revision_without_a_backup(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        assert database.migration is not None
        assert database.migration.from_revision is None
        assert database.migration.to_revision == head_revision()
        assert database.migration.backup is None
    finally:
        database.close()
    assert list(db_path.parent.glob("*.bak")) == []


def test_reopening_keeps_the_device_id(db_path: Path) -> None:
    first = open_database(db_path)
    device = first.device_id
    first.close()
    second = open_database(db_path)
    try:
        assert second.device_id == device
        assert len(device) == 36  # a UUID
        assert second.migration is not None
        assert second.migration.backup is None  # nothing to migrate, nothing backed up
    finally:
        second.close()


def test_two_new_databases_have_different_device_ids(tmp_path: Path) -> None:
    one = open_database(tmp_path / "one.sqlite")
    two = open_database(tmp_path / "two.sqlite")
    try:
        assert one.device_id != two.device_id
    finally:
        one.close()
        two.close()


def test_missing_file_is_refused_when_creation_is_not_allowed(tmp_path: Path) -> None:
    target = tmp_path / "nowhere.sqlite"
    with pytest.raises(DatabaseProblem, match="no database"):
        open_database(target, create=False)
    assert not target.exists()


# -- files that must be refused, untouched --------------------------------------------------
def _text_file(path: Path) -> None:
    path.write_text("Reference,Grade\nCE-10001,Good\nCE-10002,Outstanding\n" * 50)


def _png_file(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)


def _other_program(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO contacts (name) VALUES ('Alex'), ('Sam')")
        connection.commit()
    assert header_application_id(path) == 0


def _truncated(path: Path, demo: Path) -> None:
    raw = demo.read_bytes()
    path.write_bytes(raw[: len(raw) // 3])
    assert header_application_id(path) == APPLICATION_ID


def _make_refusable(kind: str, path: Path, demo: Path) -> None:
    if kind == "text":
        _text_file(path)
    elif kind == "png":
        _png_file(path)
    elif kind == "other-program":
        _other_program(path)
    else:
        _truncated(path, demo)


REFUSED = [
    ("text", NotAnAuditDeskDatabase, "not an AuditDesk database"),
    ("png", NotAnAuditDeskDatabase, "not an AuditDesk database"),
    ("other-program", NotAnAuditDeskDatabase, "another program"),
    ("truncated-auditdesk", DatabaseDamaged, "damaged"),
]


@pytest.mark.parametrize(("kind", "error_type", "words"), REFUSED, ids=[r[0] for r in REFUSED])
def test_unusable_file_is_refused_clearly_and_left_byte_identical(
    tmp_path: Path, demo_file: Path, kind: str, error_type: type[UserError], words: str
) -> None:
    target = tmp_path / f"{kind} file.sqlite"
    _make_refusable(kind, target, demo_file)
    before = target.read_bytes()

    with pytest.raises(error_type) as refused:
        open_database(target)

    message = str(refused.value)
    assert isinstance(refused.value, UserError)
    assert target.name in message
    assert words in message
    assert "Traceback" not in message
    assert target.read_bytes() == before


@pytest.mark.parametrize("kind", [r[0] for r in REFUSED])
def test_refusing_a_file_leaves_no_wal_or_shm_files_behind(
    tmp_path: Path, demo_file: Path, kind: str
) -> None:
    """Refusing a file leaves the folder as it was: SQLite creates -wal and -shm files even
    for a read-only look at a WAL database, so the probe removes those it created."""
    target = tmp_path / f"{kind}.sqlite"
    _make_refusable(kind, target, demo_file)
    before = file_state(target)

    with pytest.raises(UserError):
        open_database(target)

    assert file_state(target) == before


def test_database_from_a_newer_auditdesk_is_refused_and_left_byte_identical(
    schema_0001_copy: Path,
) -> None:
    with closing(sqlite3.connect(schema_0001_copy)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
    before = file_state(schema_0001_copy)

    with pytest.raises(DatabaseTooNew) as refused:
        open_database(schema_0001_copy)

    assert "newer version" in str(refused.value)
    assert schema_0001_copy.name in str(refused.value)
    assert file_state(schema_0001_copy) == before
    assert list(schema_0001_copy.parent.glob("*.bak")) == []


def test_auditdesk_file_without_tables_is_refused_as_damaged(tmp_path: Path) -> None:
    target = tmp_path / "half copied.sqlite"
    with closing(sqlite3.connect(target)) as connection:
        connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
        connection.execute("CREATE TABLE something_else (x)")
        connection.commit()
    before = target.read_bytes()
    with pytest.raises(DatabaseDamaged, match="tables are missing"):
        open_database(target)
    assert target.read_bytes() == before


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "My audits"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a database")
    with pytest.raises(DatabaseProblem) as refused:
        open_database(folder)
    assert "folder" in str(refused.value)
    assert str(folder) in str(refused.value)
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_a_folder_that_cannot_be_created_is_a_file_problem(tmp_path: Path) -> None:
    blocker = tmp_path / "report.docx"
    blocker.write_bytes(b"PK\x03\x04 pretend word document")
    before = blocker.read_bytes()
    target = blocker / "audits" / "auditdesk.sqlite"
    with pytest.raises(FileProblem) as refused:
        open_database(target)
    assert "Cannot create a database" in str(refused.value)
    assert "auditdesk.sqlite" in str(refused.value)
    assert blocker.read_bytes() == before


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    target = tmp_path / "empty.sqlite"
    target.touch()
    database = open_database(target)
    try:
        assert database.migration is not None
        assert database.migration.from_revision is None
    finally:
        database.close()
    assert header_application_id(target) == APPLICATION_ID


def test_database_in_a_folder_with_a_hash_in_its_name_can_be_reopened(tmp_path: Path) -> None:
    """An unencoded '#' in the read-only URI would start a fragment: SQLite would open (and
    create) "<parent>/SEND team " instead and refuse the new database as damaged."""
    folder_name = "SEND team #2"
    folder = tmp_path / folder_name
    folder.mkdir()
    target = folder / "audits.sqlite"
    first = open_database(target)
    device = first.device_id
    first.close()

    reopened = open_database(target)  # fails today with DatabaseDamaged
    try:
        assert reopened.device_id == device
    finally:
        reopened.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder_name]  # no stray file


# -- a database from the first schema ------------------------------------------------------
def test_schema_0001_database_opens_with_every_audit_intact(schema_0001_copy: Path) -> None:
    pristine = schema_0001_copy.with_name("pristine.sqlite")
    shutil.copyfile(SCHEMA_0001, pristine)
    counts, identities, answers = (
        table_counts(pristine),
        audit_identities(pristine),
        answer_rows(pristine),
    )
    assert counts["audits"] == 40

    database = open_database(schema_0001_copy)
    try:
        assert database.migration is not None
        assert database.migration.from_revision == "0001"
        assert database.migration.to_revision == head_revision()
        with database.read() as session:
            from sqlalchemy import func, select

            from auditdesk.store.models import Audit

            assert session.scalar(select(func.count(Audit.id))) == 40
    finally:
        database.close()

    after = table_counts(schema_0001_copy)
    assert {name: after[name] for name in counts} == counts
    assert audit_identities(schema_0001_copy) == identities
    assert answer_rows(schema_0001_copy) == answers
    backups = list(schema_0001_copy.parent.glob("*.before-*.bak"))
    if head_revision() == "0001":
        assert database.migration.backup is None
        assert backups == []
    else:
        assert backups == [database.migration.backup]
        assert audit_identities(backups[0]) == identities
        assert table_counts(backups[0]) == counts


def test_committed_schema_0001_file_is_never_changed_by_the_tests() -> None:
    """Tests copy it and never open it in place (it stands for files out in the world)."""
    assert SCHEMA_0001.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, one file
    assert not SCHEMA_0001.with_name(SCHEMA_0001.name + "-wal").exists()
    assert not SCHEMA_0001.with_name(SCHEMA_0001.name + "-journal").exists()
    assert header_application_id(SCHEMA_0001) == APPLICATION_ID
