"""The start-up shortcut that reads the newest revision without importing Alembic must
always agree with Alembic itself."""

from __future__ import annotations

from auditdesk.store import migrate


def test_the_shortcut_head_is_alembics_head() -> None:
    assert migrate.shipped_head() == migrate.head_revision()
    assert migrate.shipped_head() in migrate.known_revisions()
