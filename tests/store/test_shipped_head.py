"""The start-up shortcut that reads the newest revision without importing Alembic must
always agree with Alembic itself."""

from __future__ import annotations

from auditdesk.store import migrate, shipped


def test_the_shortcut_head_is_alembics_head() -> None:
    assert shipped.shipped_head() == migrate.head_revision()
    assert shipped.shipped_head() in migrate.known_revisions()
