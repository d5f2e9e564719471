"""A database of every earlier schema revision (committed in tests/data) opens in this
version: it is backed up, migrated, and its audits have stored section grades, with no
record lost. A new migration needs the file of the revision before it committed first."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from auditdesk.services.audits._listing import count_audits
from auditdesk.services.kernel._workspace import SECTION_GRADES_KEY, open_workspace
from auditdesk.store.migrate import head_revision, known_revisions
from tests.reading import reader

DATA = Path(__file__).resolve().parents[1] / "data"
EARLIER_SCHEMAS = sorted(DATA.glob("schema_*.sqlite"))
#: Worked out from the rest (or AuditDesk's own notes), so they may gain rows on opening.
DERIVED = ("alembic_version", "app_state", "audit_section_grades")


def revision_of(path: Path) -> str:
    return path.stem.removeprefix("schema_")


def every_row(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table but the derived ones, in a fixed order."""
    with closing(sqlite3.connect(path)) as connection:
        names = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            if name not in DERIVED
        ]
        return {
            name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
        }


def test_every_earlier_revision_has_a_committed_database() -> None:
    earlier = known_revisions() - {head_revision()}
    committed = {revision_of(path) for path in EARLIER_SCHEMAS}
    missing = sorted(f"schema_{revision}.sqlite" for revision in earlier - committed)
    assert not missing, (
        f"tests/data lacks {', '.join(missing)}: before adding a migration, commit a "
        "database of the newest revision (scripts/make_old_schema_database.py makes one), "
        "so every earlier revision is shown to upgrade"
    )


@pytest.mark.parametrize("old_file", EARLIER_SCHEMAS, ids=revision_of)
def test_an_earlier_schema_database_is_upgraded_with_nothing_lost(
    old_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "from-last-year.sqlite"
    shutil.copy(old_file, path)
    before = every_row(path)
    assert before["audits"], f"{old_file.name} holds no audits to upgrade"

    db = open_workspace(path)
    try:
        assert db.migration is not None
        assert db.migration.from_revision == revision_of(old_file)
        assert db.migration.to_revision == head_revision()
        assert db.migration.backup is not None
        assert db.migration.backup.exists()
        assert count_audits(reader(db)) == len(before["audits"])
    finally:
        db.close()

    after = every_row(path)
    assert {name: after[name] for name in before} == before  # not one record changed
    assert ungraded(path) == 0
    assert said_all_graded(path)  # so later openings need not look again
    with closing(sqlite3.connect(path)) as connection:
        # Stored section grades agree with the overall grade's inputs: a graded audit has
        # at least one graded section.
        graded_sections = connection.execute(
            "SELECT count(DISTINCT audit_id) FROM audit_section_grades WHERE grade IS NOT NULL"
        ).fetchone()[0]
        suggested = connection.execute(
            "SELECT count(*) FROM audits WHERE suggested_grade IS NOT NULL"
        ).fetchone()[0]
        assert graded_sections == suggested


def test_grading_cut_short_is_finished_at_the_next_opening(tmp_path: Path) -> None:
    """Grading older audits after an upgrade can be stopped half-way (the window closed):
    the database does not yet say every audit is graded, so the next opening grades the
    rest, however many openings have passed since the upgrade itself."""
    path = tmp_path / "from-last-year.sqlite"
    shutil.copy(EARLIER_SCHEMAS[0], path)
    open_workspace(path).close()
    with closing(sqlite3.connect(path)) as connection, connection:
        # What a stop half-way leaves: the last audits ungraded, and nothing said done.
        connection.execute(
            "DELETE FROM audit_section_grades WHERE audit_id IN "
            "(SELECT id FROM audits ORDER BY id DESC LIMIT 2)"
        )
        connection.execute("DELETE FROM app_state WHERE key = ?", (SECTION_GRADES_KEY,))
    assert ungraded(path) == 2

    open_workspace(path).close()
    assert ungraded(path) == 0
    assert said_all_graded(path)


def ungraded(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return int(
            connection.execute(
                "SELECT count(*) FROM audits WHERE id NOT IN "
                "(SELECT audit_id FROM audit_section_grades)"
            ).fetchone()[0]
        )


def said_all_graded(path: Path) -> bool:
    with closing(sqlite3.connect(path)) as connection:
        row = connection.execute(
            "SELECT value FROM app_state WHERE key = ?", (SECTION_GRADES_KEY,)
        ).fetchone()
    return row == ("yes",)
