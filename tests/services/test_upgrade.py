"""A database of the first schema (committed in tests/data) opens in this version: it is
backed up, migrated, and its audits gain stored section grades, with nothing lost."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from auditdesk.services.audits._listing import count_audits
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.store.migrate import head_revision
from tests.reading import reader

FIRST_SCHEMA = Path(__file__).resolve().parents[1] / "data" / "schema_0001.sqlite"


def test_a_first_schema_database_is_upgraded_and_regraded(tmp_path: Path) -> None:
    path = tmp_path / "from-last-year.sqlite"
    shutil.copy(FIRST_SCHEMA, path)
    with sqlite3.connect(path) as connection:
        before = connection.execute(
            "SELECT reference, content_hash, final_grade FROM audits ORDER BY reference"
        ).fetchall()
        answers = connection.execute("SELECT count(*) FROM answers").fetchone()[0]
    db = open_workspace(path)
    try:
        assert db.migration is not None
        assert db.migration.from_revision == "0001"
        assert db.migration.to_revision == head_revision()
        assert db.migration.backup is not None
        assert db.migration.backup.exists()
        assert count_audits(reader(db)) == 40
    finally:
        db.close()
    with sqlite3.connect(path) as connection:
        after = connection.execute(
            "SELECT reference, content_hash, final_grade FROM audits ORDER BY reference"
        ).fetchall()
        assert after == before
        assert connection.execute("SELECT count(*) FROM answers").fetchone()[0] == answers
        ungraded = connection.execute(
            "SELECT count(*) FROM audits WHERE id NOT IN "
            "(SELECT audit_id FROM audit_section_grades)"
        ).fetchone()[0]
        assert ungraded == 0
        # Stored section grades agree with the overall grade's inputs: a graded audit has
        # at least one graded section.
        graded_sections = connection.execute(
            "SELECT count(DISTINCT audit_id) FROM audit_section_grades WHERE grade IS NOT NULL"
        ).fetchone()[0]
        suggested = connection.execute(
            "SELECT count(*) FROM audits WHERE suggested_grade IS NOT NULL"
        ).fetchone()[0]
        assert graded_sections == suggested
