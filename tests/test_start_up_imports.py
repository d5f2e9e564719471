"""Start-up loads only what the first page of audits needs (docs/performance.md): each check
runs in a fresh Python, as ``auditdesk --db FILE`` starts, and looks at what was imported.

Timing is the benchmark's job (benchmarks/bench_startup.py); these say *what* is loaded,
which does not vary from machine to machine, so a change that pulls a heavy library back
onto the path to the first page fails here first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditdesk import paths
from auditdesk.domain.reference import Agency, Role
from auditdesk.services.kernel import open_workspace, use_profile
from auditdesk.ui.ready_file import READY_VARIABLE
from auditdesk.user_profile import ProfileFile, UserProfile
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
#: The formats of what travels in bundles (pydantic models of records and audits): loaded
#: by the first save, `auditdesk db check` and bundles, never by opening a database.
RECORD_FORMATS = (
    "auditdesk.domain.bundle_documents",
    "auditdesk.domain.bundle_types",
    "auditdesk.domain.bundle_format",
    "auditdesk.domain.record_documents",
    "auditdesk.domain.audit_document",
    "auditdesk.domain.lineage",
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
    # Templates unchanged and every audit graded: neither is parsed nor graded again, so
    # neither the template model nor any record format (pydantic behind both) is loaded.
    features = ("auditdesk.services.audits", "auditdesk.services.bundles")
    formats = ("pydantic", "auditdesk.domain.template_model", *RECORD_FORMATS)
    assert loaded_after(code, *NEVER_AT_START_UP, *features, *formats) == []


def test_the_kernel_and_the_audits_faces_load_no_record_format() -> None:
    """The faces name the formats' functions only where they are called: the kernel's
    records name template types for type checking only."""
    code = "import auditdesk.services.kernel"
    assert loaded_after(code, "pydantic", "auditdesk.domain.template_model", *RECORD_FORMATS) == []
    assert loaded_after("import auditdesk.services.audits", *RECORD_FORMATS) == []


@pytest.mark.parametrize(
    ("arguments", "module"),
    [
        (["db", "check", "--help"], "auditdesk.commands.database"),
        (["--db", "export", "export", "board", "--help"], "auditdesk.commands.export"),
        (["profile", "--help"], "auditdesk.commands.profile"),
        (["--help"], None),
    ],
)
def test_the_command_line_imports_only_the_command_it_runs(
    arguments: list[str], module: str | None
) -> None:
    # --help prints and stops, as it does for a person.
    code = (
        "import contextlib, io\n"
        "from auditdesk import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    cli.build_parser({arguments!r}).parse_args({arguments!r})"
    )
    assert loaded_after(code, *COMMAND_MODULES) == ([] if module is None else [module])


@pytest.mark.parametrize(
    "arguments", [["--version"], ["--help"], ["profile", "--help"], ["templates", "--help"]]
)
def test_commands_that_open_no_database_load_no_database_code(arguments: list[str]) -> None:
    code = (
        "import contextlib, io\n"
        "from auditdesk import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    cli.main({arguments!r})"
    )
    assert loaded_after(code, "sqlalchemy", "auditdesk.services.kernel", "pydantic") == []


#: What only the other tabs, the editor, the forms and the File menu's commands need: the
#: window's first page of audits loads none of it (each is built or imported when used).
FEATURES_LATER = (
    "auditdesk.services.bundles",
    "auditdesk.services.moderation",
    "auditdesk.services.reports",
    "auditdesk.services.demo",
    "auditdesk.exporters",
    "auditdesk.ui.actions_view",
    "auditdesk.ui.dialogs",
    "auditdesk.ui.new_audit_dialog",
    "auditdesk.ui.welcome_dialog",
    "auditdesk.ui.dashboard.dashboard_view",
    "auditdesk.ui.editor.editor_window",
    "auditdesk.ui.exchange.conflicts_view",
    "auditdesk.ui.exchange.send_dialog",
    "auditdesk.ui.export_dialog",
    "auditdesk.ui.moderation.moderation_view",
)


def test_the_window_shows_its_first_page_without_loading_the_other_features(
    database: Path, tmp_path: Path
) -> None:
    """The real ``auditdesk --db FILE``, the first time this person opens this database
    (they are added to it, so their record's format is loaded to hash it)."""
    unwanted = (*NEVER_AT_START_UP, *COMMAND_MODULES, *FEATURES_LATER)
    assert loaded_at_first_page(database, tmp_path, unwanted) == []


def test_the_window_opened_again_loads_no_record_format_or_template_model(
    database: Path, tmp_path: Path
) -> None:
    """As every launch after a person's first meets it: nothing to write, so no record
    format (pydantic) is loaded before the first page."""
    db = open_workspace(database)
    try:
        use_profile(db, *SAM)
    finally:
        db.close()
    unwanted = (
        *NEVER_AT_START_UP,
        *COMMAND_MODULES,
        *FEATURES_LATER,
        *RECORD_FORMATS,
        *AUDITS_LATER,
    )
    assert loaded_at_first_page(database, tmp_path, unwanted) == []


#: The audits feature beyond its list: answering, grading, blocks, actions (the audits
#: face loads them when a name from them is first used).
AUDITS_LATER = (
    "auditdesk.services.audits._editing",
    "auditdesk.services.audits._blocks",
    "auditdesk.services.audits._lifecycle",
    "auditdesk.services.audits._actions",
    "auditdesk.services.audits._state",
    "auditdesk.domain.grading",
)


@pytest.mark.parametrize(
    "face_name",
    [
        "auditdesk.services.kernel",
        "auditdesk.services.audits",
        "auditdesk.services.reports",
        "auditdesk.services.bundles",
        "auditdesk.services.moderation",
    ],
)
def test_a_face_gives_every_name_it_lists_from_the_module_it_says(face_name: str) -> None:
    """The names a face loads when used (auditdesk/services/_faces.py) are the ones type
    checkers are shown, each found where the face says, and a name it does not have is an
    AttributeError as usual."""
    import ast
    import importlib

    face = importlib.import_module(face_name)
    source = ast.parse(Path(str(face.__file__)).read_text(encoding="utf-8"))
    shown_to_checkers = {
        alias.name: node.module
        for block in source.body
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    later = face._LOADED_WHEN_USED
    assert shown_to_checkers == {name: f"{face_name}.{m}" for name, m in later.items()}
    for name in face.__all__:
        value = getattr(face, name)
        if name in later:
            assert value is getattr(importlib.import_module(shown_to_checkers[name]), name)
    with pytest.raises(AttributeError):
        face.no_such_service  # noqa: B018


SAM = UserProfile("Sam Practice", Agency.EDUCATION, Role.PRACTICE_CHAMPION)


def loaded_at_first_page(database: Path, tmp_path: Path, modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` the real ``auditdesk --db FILE`` has imported once its first
    page of audits is on the screen (told by the ready file, as
    benchmarks/bench_startup.py times it)."""
    home = tmp_path / "home"
    ProfileFile(paths.profile_file(home / paths.SETTINGS_FILE_NAME)).write(SAM)
    ready = tmp_path / "ready"
    # Said by the window's own process as it writes the file, on the turn after the first
    # paint and before anything the window does after it (which is queued behind): a
    # thread watching for the file would look a moment late, when the database layer may
    # already be loading.
    code = (
        "import os, sys\n"
        "from auditdesk.ui import ready_file\n"
        "said = ready_file._FirstPaint._write\n"
        "def write(self):\n"
        "    said(self)\n"
        f"    print(' '.join(m for m in {modules!r} if m in sys.modules), flush=True)\n"
        "    os._exit(0)\n"
        "ready_file._FirstPaint._write = write\n"
        "from auditdesk.cli import main\n"
        f"main(['--db', {str(database)!r}])\n"
    )
    env = {
        **os.environ,
        "AUDITDESK_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        READY_VARIABLE: str(ready),
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert ready.exists(), result.stderr  # the first page was shown
    return result.stdout.split()
