"""Migrations: the models and the scripts agree, the change trail is append-only, and a
migration that fails restores the database from its backup with every record intact.

The backup-and-restore path is exercised with a throw-away revision after the shipped
head, written into a copy of the real migration scripts in tmp_path (the real scripts,
the real Alembic run and real SQLite files; only the script folder is pointed elsewhere)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import textwrap
import threading
from collections.abc import Callable, Iterator
from contextlib import closing
from importlib import resources
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import exc, func, select, text

from auditdesk.errors import DatabaseDamaged, DatabaseLocked, DatabaseProblem, UserError
from auditdesk.services.kernel._database_admin import check_database
from auditdesk.store import migrate
from auditdesk.store.database import Database, open_database
from auditdesk.store.models import AppState, Base

SCHEMA_0001 = Path(__file__).parent.parent / "data" / "schema_0001.sqlite"


# -- helpers --------------------------------------------------------------------------------
def fingerprint(path: Path) -> str:
    """Everything a database holds: its schema and every row of every table."""
    digest = hashlib.sha256()
    with closing(sqlite3.connect(path)) as connection:
        schema = connection.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "ORDER BY type, name"
        ).fetchall()
        digest.update(repr(schema).encode())
        for _type, name, _sql in schema:
            if _type == "table":
                rows = connection.execute(f'SELECT * FROM "{name}"').fetchall()
                digest.update(name.encode() + repr(sorted(rows, key=repr)).encode())
    return digest.hexdigest()


def scalar(path: Path, sql: str) -> object:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchone()[0]


def columns(path: Path, table: str) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


@pytest.fixture
def old_copy(tmp_path: Path) -> Path:
    target = tmp_path / "audits.sqlite"
    shutil.copyfile(SCHEMA_0001, target)
    return target


AddRevision = Callable[[str], None]


TEST_REVISION = "9000"  # sorts after every shipped revision, never shipped itself


@pytest.fixture
def next_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AddRevision:
    """Install a throw-away revision (upgrade body given as text) after the shipped head."""
    shipped = Path(str(resources.files("auditdesk.store") / "migrations"))
    scripts = tmp_path / "migration scripts"
    shutil.copytree(shipped, scripts, ignore=shutil.ignore_patterns("__pycache__"))

    def config() -> Config:
        made = Config()
        made.set_main_option("script_location", str(scripts))
        return made

    def add(upgrade_body: str) -> None:
        source = (
            "import sqlalchemy as sa\n"
            "from alembic import op\n\n"
            f"revision = {TEST_REVISION!r}\ndown_revision = {migrate.head_revision()!r}\n"
            "branch_labels = None\ndepends_on = None\n\n\n"
            "def upgrade():\n" + textwrap.indent(textwrap.dedent(upgrade_body), "    ") + "\n\n"
            "def downgrade():\n    pass\n"
        )
        (scripts / "versions" / f"{TEST_REVISION}_test_revision.py").write_text(source)
        monkeypatch.setattr(migrate, "alembic_config", config)
        assert migrate.head_revision() == TEST_REVISION

    return add


# A batch migration that copies-and-moves ``audits``, the parent of answers, blocks,
# actions and moderations: with foreign keys on, dropping it would cascade deletes.
RECREATE_AUDITS = """
with op.batch_alter_table("audits", recreate="always") as batch:
    batch.add_column(sa.Column("review_note", sa.Text(), nullable=True))
"""


# -- models and migrations agree ------------------------------------------------------------
def test_models_and_migrations_agree(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        with database.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "render_as_batch": True}
            )
            differences = compare_metadata(context, Base.metadata)
    finally:
        database.close()
    assert differences == []


def test_every_model_table_is_created_by_the_migrations(db_path: Path) -> None:
    database = open_database(db_path)
    database.close()
    with closing(sqlite3.connect(db_path)) as connection:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    assert set(Base.metadata.tables) <= tables
    assert tables - set(Base.metadata.tables) == {"alembic_version"}


def test_an_opened_0001_database_has_the_same_schema_as_a_new_one(
    old_copy: Path, db_path: Path
) -> None:
    for path in (old_copy, db_path):
        open_database(path).close()

    def schema(path: Path) -> list[tuple[str, str, str]]:
        with closing(sqlite3.connect(path)) as connection:
            return connection.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                "ORDER BY type, name"
            ).fetchall()

    assert schema(old_copy) == schema(db_path)


# -- the change trail is append-only --------------------------------------------------------
def test_change_trail_refuses_update_and_delete(old_copy: Path) -> None:
    open_database(old_copy).close()
    with closing(sqlite3.connect(old_copy)) as connection:
        before = connection.execute("SELECT * FROM change_trail ORDER BY id").fetchall()
        assert len(before) > 0
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute("UPDATE change_trail SET reason = 'tidied up' WHERE id = 1")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute("DELETE FROM change_trail")
        connection.rollback()
        assert connection.execute("SELECT * FROM change_trail ORDER BY id").fetchall() == before


def test_change_trail_refuses_update_through_the_write_lane_and_still_accepts_inserts(
    db: Database,
) -> None:
    with db.write() as session:
        session.execute(
            text(
                "INSERT INTO change_trail (at, actor, device, record_type, record_uuid, field, "
                "old_value, new_value, reason) VALUES ('2026-11-20 10:30:00', 'Sam', 'dev', "
                "'audit', 'u-1', 'final_grade', 'Good', 'Outstanding', 'moderation')"
            )
        )
    with pytest.raises(exc.IntegrityError, match="append-only"), db.write() as session:
        session.execute(text("UPDATE change_trail SET new_value = 'Inadequate'"))
    with pytest.raises(exc.IntegrityError, match="append-only"), db.write() as session:
        session.execute(text("DELETE FROM change_trail"))
    with db.read() as session:
        rows = session.execute(text("SELECT new_value FROM change_trail")).all()
    assert [row[0] for row in rows] == ["Outstanding"]


# -- migrating an older database ----------------------------------------------------------
def test_migration_backs_up_first_and_keeps_every_record(
    old_copy: Path, next_revision: AddRevision
) -> None:
    original = fingerprint(old_copy)
    answers = scalar(old_copy, "SELECT count(*) FROM answers")
    blocks = scalar(old_copy, "SELECT count(*) FROM audit_blocks")
    next_revision(RECREATE_AUDITS)

    database = open_database(old_copy)
    try:
        report = database.migration
        assert report is not None
        assert (report.from_revision, report.to_revision) == ("0001", TEST_REVISION)
        with database.read() as session:
            assert session.scalar(text("SELECT count(*) FROM audits")) == 40
    finally:
        database.close()

    assert report.backup is not None
    assert report.backup.name.startswith(f"audits.before-{TEST_REVISION}-")
    assert report.backup.name.endswith(".sqlite.bak")
    assert list(old_copy.parent.glob("*.before-*.bak")) == [report.backup]
    assert fingerprint(report.backup) == original  # the backup is the file as it was
    # Recreating the parent table with foreign keys off cascaded nothing into its children.
    assert scalar(old_copy, "SELECT count(*) FROM answers") == answers
    assert scalar(old_copy, "SELECT count(*) FROM audit_blocks") == blocks
    assert scalar(old_copy, "SELECT version_num FROM alembic_version") == TEST_REVISION
    assert "review_note" in columns(old_copy, "audits")
    assert check_database(old_copy).ok


@pytest.mark.logs_errors  # a failed migration is logged as an error, with the backup path
def test_failed_verification_restores_the_backup_with_nothing_lost(
    old_copy: Path, next_revision: AddRevision, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = fingerprint(old_copy)
    next_revision(RECREATE_AUDITS)
    real_verify = migrate._verify
    ran: list[str] = []

    def verify_then_fail(path: Path, head: str) -> None:
        real_verify(path, head)  # the real Alembic run happened and verified...
        ran.append(str(scalar(path, "SELECT version_num FROM alembic_version")))
        raise DatabaseDamaged("simulated failure after migrating")

    monkeypatch.setattr(migrate, "_verify", verify_then_fail)
    with pytest.raises(DatabaseProblem) as failed:
        open_database(old_copy)

    assert ran == [TEST_REVISION]  # the file really had been migrated before the failure
    backups = list(old_copy.parent.glob("*.before-*.bak"))
    assert len(backups) == 1
    message = str(failed.value)
    assert "restored from the backup" in message
    assert backups[0].name in message
    assert "nothing is lost" in message
    assert fingerprint(old_copy) == original
    assert scalar(old_copy, "SELECT version_num FROM alembic_version") == "0001"
    assert "review_note" not in columns(old_copy, "audits")

    # Once the fault is gone the same file migrates normally.
    monkeypatch.setattr(migrate, "_verify", real_verify)
    database = open_database(old_copy)
    try:
        with database.read() as session:
            assert session.scalar(text("SELECT count(*) FROM audits")) == 40
    finally:
        database.close()


@pytest.mark.logs_errors  # the failed migration is logged, with the backup it restored
def test_a_migration_that_breaks_midway_restores_the_backup(
    old_copy: Path, next_revision: AddRevision
) -> None:
    original = fingerprint(old_copy)
    next_revision(
        RECREATE_AUDITS + 'op.execute("DELETE FROM answers")\n'
        'raise RuntimeError("migration script failed half-way")\n'
    )
    with pytest.raises(DatabaseProblem) as failed:
        open_database(old_copy)
    assert "half-way" in str(failed.value)
    assert ".bak" in str(failed.value)
    assert fingerprint(old_copy) == original
    assert scalar(old_copy, "SELECT count(*) FROM answers") == 1934


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.logs_errors  # the failed migration is logged, with the backup it restored
def test_a_failed_migration_puts_the_backup_back_byte_for_byte(
    old_copy: Path, next_revision: AddRevision
) -> None:
    """Before: restored through SQLite's backup API, the same rows in other bytes (and the
    failed attempt's -wal could be replayed over it)."""
    next_revision(RECREATE_AUDITS + 'raise RuntimeError("migration script failed half-way")\n')
    with pytest.raises(DatabaseProblem, match="restored from the backup"):
        open_database(old_copy)

    (backup,) = old_copy.parent.glob("*.before-*.bak")
    assert sha256(old_copy) == sha256(backup)
    leftovers = [p.name for p in old_copy.parent.iterdir() if p.name.startswith(old_copy.name)]
    assert leftovers == [old_copy.name]  # no -wal, -shm or half-copied file beside it
    assert not list(old_copy.parent.glob(".*.restoring"))


def test_opening_a_newer_database_does_not_back_it_up_or_change_it(old_copy: Path) -> None:
    with closing(sqlite3.connect(old_copy)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
    before = old_copy.read_bytes()
    with pytest.raises(DatabaseProblem, match="newer version"):
        migrate.upgrade_to_head(old_copy)
    assert old_copy.read_bytes() == before
    assert list(old_copy.parent.glob("*.bak")) == []


# -- creating a new database that fails -----------------------------------------------------
def test_failed_verification_of_a_new_database_raises_the_original_error(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the shipped head (0001) there is nothing to restore when creating a file: the
    failure is not a user error, so it propagates unchanged (a bug, logged by the caller)."""
    real_verify = migrate._verify

    def verify_then_fail(path: Path, head: str) -> None:
        real_verify(path, head)
        raise RuntimeError("verification blew up")

    monkeypatch.setattr(migrate, "_verify", verify_then_fail)
    with pytest.raises(RuntimeError, match="verification blew up") as failed:
        open_database(db_path)
    assert not isinstance(failed.value, UserError)
    assert list(db_path.parent.glob("*.bak")) == []


def test_a_failed_creation_leaves_no_half_schema(db_path: Path, next_revision: AddRevision) -> None:
    """DDL runs inside the one migration transaction (BEGIN emitted by SQLAlchemy), so a
    failure in the last script leaves none of the first script's tables behind."""
    next_revision('raise RuntimeError("second script failed")\n')
    with pytest.raises(RuntimeError, match="second script failed"):
        open_database(db_path)
    with closing(sqlite3.connect(db_path)) as connection:
        tables = connection.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    assert tables == []


def test_an_interrupted_creation_does_not_block_the_next_open(
    db_path: Path, next_revision: AddRevision, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The application id is stamped before the (single-transaction) migration runs. If
    that migration fails or the app is killed, the stamped file has no tables; it never
    held anything, so the next open finishes creating it instead of calling it damaged."""
    next_revision('raise RuntimeError("interrupted")\n')
    with pytest.raises(RuntimeError):
        open_database(db_path)
    monkeypatch.undo()  # the shipped scripts again, as after a restart

    database = open_database(db_path)  # fails today: DatabaseDamaged "tables are missing"
    try:
        assert database.migration is not None
        assert database.migration.to_revision == migrate.head_revision()
    finally:
        database.close()


# -- the write lane -------------------------------------------------------------------------
@pytest.fixture
def store(db_path: Path) -> Iterator[Database]:
    """A bare database (no templates installed): the store layer on its own."""
    database = open_database(db_path)
    yield database
    database.close()


def count_app_state(path: Path, key: str) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(
            "SELECT count(*) FROM app_state WHERE key = ?", (key,)
        ).fetchone()[0]


def test_write_commits_when_the_block_ends(store: Database) -> None:
    with store.write() as session:
        session.add(AppState(key="committed", value="yes"))
    assert count_app_state(store.path, "committed") == 1
    with store.read() as session:
        assert session.get(AppState, "committed") is not None


def test_write_rolls_back_everything_when_the_block_raises(store: Database) -> None:
    class Interrupted(Exception):
        pass

    def write_two_then_fail() -> None:
        with store.write() as session:
            session.add(AppState(key="first", value="1"))
            session.flush()
            session.add(AppState(key="second", value="2"))
            session.flush()
            raise Interrupted

    with pytest.raises(Interrupted):
        write_two_then_fail()
    assert count_app_state(store.path, "first") == 0
    assert count_app_state(store.path, "second") == 0
    # The lane is usable again afterwards.
    with store.write() as session:
        session.add(AppState(key="after", value="ok"))
    assert count_app_state(store.path, "after") == 1


def test_read_sessions_never_commit(store: Database) -> None:
    with store.read() as session:
        session.add(AppState(key="read-lane", value="should vanish"))
        session.flush()
    assert count_app_state(store.path, "read-lane") == 0


def test_write_takes_the_write_lock_at_its_first_statement(store: Database) -> None:
    """BEGIN IMMEDIATE: a write that starts by reading already holds the lock, so it can
    never fail half-way because another connection started writing in between."""
    with store.write() as session:
        session.scalar(select(func.count()).select_from(AppState))  # a read, no write yet
        with closing(sqlite3.connect(store.path, timeout=0)) as other:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            # Readers are not blocked (WAL).
            assert other.execute("SELECT count(*) FROM app_state").fetchone()[0] >= 1


def test_writes_from_two_threads_queue_instead_of_failing(store: Database) -> None:
    errors: list[BaseException] = []

    def write_many(prefix: str) -> None:
        try:
            for number in range(20):
                with store.write() as session:
                    session.add(AppState(key=f"{prefix}-{number}", value="x"))
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=write_many, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert (
        scalar(store.path, "SELECT count(*) FROM app_state WHERE key LIKE 'a-%' OR key LIKE 'b-%'")
        == 40
    )


def test_a_database_held_by_another_program_gives_a_clear_message(store: Database) -> None:
    """Waits the busy timeout (5 s), then says the file is busy instead of a SQLite error."""
    with closing(sqlite3.connect(store.path, timeout=0, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO app_state (key, value) VALUES ('held', 'by other')")
        with pytest.raises(DatabaseLocked) as locked, store.write() as session:
            session.add(AppState(key="blocked", value="x"))
        other.execute("ROLLBACK")
    assert store.path.name in str(locked.value)
    assert "busy" in str(locked.value)
    assert count_app_state(store.path, "blocked") == 0
