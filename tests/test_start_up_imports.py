"""Start-up loads only what the first page of audits needs (docs/performance.md): each check
runs in a fresh Python, as ``auditdesk --db FILE`` starts, and looks at what was imported.

Timing is the benchmark's job (benchmarks/bench_startup.py); these say *what* is loaded,
which does not vary from machine to machine, so a change that pulls a heavy library back
onto the path to the first page fails here first."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests import made_once

#: Libraries no first page needs: migrations, reading YAML templates, exports, and
#: SQLAlchemy's PostgreSQL dialect (loaded by any model naming one of its options).
NEVER_AT_START_UP = (
    "alembic",
    "mako",
    "yaml",
    "openpyxl",
    "reportlab",
    "sqlalchemy.dialects.postgresql",
)
#: The commands' own code (the window needs none of it).
COMMAND_MODULES = tuple(
    f"auditdesk.commands.{name}"
    for name in ("demo", "templates", "database", "export", "bundle", "profile")
)


def loaded_after(code: str, *modules: str) -> list[str]:
    """Which of ``modules`` a fresh Python has imported once it has run ``code``."""
    script = f"import sys\n{code}\nprint(' '.join(m for m in {modules!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A database at the shipped schema, with audits, opened before (its one-off work done)."""
    return made_once.copy_database(
        made_once.demo_database(12, seed=4), tmp_path / "team audits.sqlite"
    )


def test_the_window_command_line_is_read_without_any_command_code() -> None:
    code = "from auditdesk import cli\nassert cli.just_the_window(['--db', 'team.sqlite'])"
    assert loaded_after(code, *COMMAND_MODULES) == []


def test_opening_a_database_at_the_shipped_schema_imports_no_migration_or_format_code(
    database: Path,
) -> None:
    code = (
        "from pathlib import Path\nfrom auditdesk.store.database import open_database\n"
        f"open_database(Path({str(database)!r})).close()"
    )
    # Alembic only to migrate; pydantic's record formats only for `db check` and bundles.
    unwanted = (*NEVER_AT_START_UP, "pydantic", "auditdesk.domain.bundle_documents")
    assert loaded_after(code, *unwanted) == []


def test_opening_a_workspace_with_nothing_changed_imports_no_feature_code(
    database: Path,
) -> None:
    code = (
        "from pathlib import Path\nfrom auditdesk.services.kernel import open_workspace\n"
        f"open_workspace(Path({str(database)!r})).close()"
    )
    # Templates unchanged and every audit graded: neither is parsed nor graded again.
    features = ("auditdesk.services.audits", "auditdesk.services.bundles")
    assert loaded_after(code, *NEVER_AT_START_UP, *features) == []
