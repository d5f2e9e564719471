"""The ``auditdesk`` command, run through its real entry point (in this process, and for
real as a subprocess where the process is the point): exit codes, what it prints,
and never a traceback for the user."""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing, redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path

import pytest

import auditdesk
from auditdesk import __version__, app_logging, cli, paths
from auditdesk.domain.reference import Agency, Role
from auditdesk.user_profile import ProfileFile, UserProfile

SHIPPED = Path(auditdesk.__file__).parent / "audit_templates"
ROOT = Path(__file__).resolve().parents[1]


def run(home: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """``auditdesk ARGS`` with its own AUDITDESK_HOME, run in this process through the same
    entry point as the terminal's (a new interpreter costs most of a second, and most tests
    check what a command did, not how Python starts); never a traceback. Opening the window
    always gets a real process: Qt is never loaded into the test run by a command."""
    arguments = [str(argument) for argument in args]
    if cli.just_the_window(arguments) is not None:
        return run_process(home, *args)
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITDESK_HOME", str(home))
        patch.chdir(home.parent)
        patch.setattr(sys, "argv", ["auditdesk", *arguments])
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = cli.main(arguments)
            except SystemExit as stop:  # argparse: --help, --version, a usage mistake
                code = stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 1
            finally:
                # As at the end of a real process: the log closed, the lock files let go.
                app_logging.stop_logging()
    result = subprocess.CompletedProcess(
        ["auditdesk", *arguments], code, out.getvalue(), err.getvalue()
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout
    return result


def run_process(home: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python -m auditdesk ARGS`` for real, as a terminal starts it: for the tests where the
    process itself is the point (the interpreter's own exit code, the window, one real start
    per family of commands so the real entry point stays covered)."""
    env = {**os.environ, "AUDITDESK_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-m", "auditdesk", *map(str, args)],
        env=env,
        cwd=home.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout
    return result


def give_profile(
    home: Path,
    name: str = "Sam Practice",
    agency: Agency = Agency.EDUCATION,
    role: Role = Role.PRACTICE_CHAMPION,
) -> UserProfile:
    """Say who is at the computer whose AuditDesk folder is ``home``, as ``auditdesk profile``
    or the window saves it: the commands that record who did something refuse without it."""
    return ProfileFile(paths.profile_file(home / paths.SETTINGS_FILE_NAME)).write(
        UserProfile(name, agency, role)
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def audit_count(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT count(*) FROM audits").fetchone()[0]


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from auditdesk.services.demo._generator import DemoOptions, generate_demo
    from auditdesk.services.kernel._workspace import open_workspace

    folder = tmp_path_factory.mktemp("cli-demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITDESK_HOME", str(folder / "home"))
        database = open_workspace(folder / "demo.sqlite")
        try:
            generate_demo(database, DemoOptions(10, seed=2, as_of=date(2026, 11, 20)))
        finally:
            database.close()
    return folder / "demo.sqlite"


@pytest.fixture
def good_db(tmp_path: Path, demo_master: Path) -> Path:
    target = tmp_path / "team audits.sqlite"
    shutil.copyfile(demo_master, target)
    return target


# -- general -------------------------------------------------------------------------------
def test_version(home: Path) -> None:
    result = run_process(home, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"AuditDesk {__version__}"


def test_help_lists_every_command_and_so_does_the_readme(home: Path) -> None:
    from auditdesk.cli import build_parser

    commands = next(
        action
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    names = list(commands.choices)
    assert "profile" in names
    shown = run(home, "--help")
    assert shown.returncode == 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in names:
        assert re.search(rf"^\s+{name}\s", shown.stdout, re.MULTILINE), name
        assert f"`auditdesk {name}" in readme, f"README's command list lacks {name}"


def test_every_command_is_registered_under_its_name_with_its_summary() -> None:
    """The commands not being run are named from ``auditdesk.commands.COMMANDS`` (their
    modules not imported): each module must register what that list says."""
    from auditdesk.cli import build_parser
    from auditdesk.commands import COMMANDS

    commands = next(
        action
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    registered = [(choice.dest, choice.help) for choice in commands._choices_actions]
    assert registered == [(command.name, command.summary) for command in COMMANDS]


@pytest.mark.parametrize(
    ("arguments", "command"),
    [
        (["export", "board", "--db", "x"], "export"),
        (["--db", "export", "db", "check"], "db"),  # a database file named "export"
        (["--db=team.sqlite", "bundle", "import", "f"], "bundle"),
        (["--d", "team.sqlite", "profile"], "profile"),  # argparse's abbreviation of --db
        (["--version"], None),
        (["--help"], None),
        (["--db", "team.sqlite"], None),
        (["--", "demo"], "demo"),
        (["nonsense"], "nonsense"),
        ([], None),
    ],
)
def test_the_command_is_found_as_the_parser_finds_it(
    arguments: list[str], command: str | None
) -> None:
    assert cli.command_named(arguments) == command


@pytest.mark.parametrize(
    "arguments",
    [
        ["--db", "team.sqlite", "db", "check"],
        ["export", "board", "--db", "x.sqlite", "--xlsx", "out.xlsx", "--locality", "North"],
        ["bundle", "import", "in.auditdesk", "--dry-run"],
        ["demo", "--db", "d.sqlite", "--audits", "5", "--seed", "3"],
        ["profile", "--name", "Sam Practice"],
        ["templates", "list"],
    ],
)
def test_the_parser_for_one_command_reads_it_as_the_whole_parser_does(
    arguments: list[str],
) -> None:
    assert vars(cli.build_parser(arguments).parse_args(arguments)) == vars(
        cli.build_parser().parse_args(arguments)
    )


def test_a_command_not_run_is_still_listed_and_a_mistake_names_them_all(home: Path) -> None:
    shown = run(home, "db", "--help")
    assert shown.returncode == 0
    assert "check" in shown.stdout
    assert "backup" in shown.stdout
    wrong = run(home, "exprot", "board")
    assert wrong.returncode == 2
    from auditdesk.commands import COMMANDS

    for command in COMMANDS:
        assert f"'{command.name}'" in wrong.stderr


@pytest.mark.parametrize(
    ("arguments", "database"),
    [
        ([], None),
        (["--db", "team audits.sqlite"], Path("team audits.sqlite")),
        (["--db=team.sqlite"], Path("team.sqlite")),
    ],
)
def test_opening_the_window_is_read_as_the_full_parser_reads_it(
    arguments: list[str], database: Path | None
) -> None:
    """The window's arguments skip the full parser (which loads every command's code, see
    tests/test_start_up_imports.py), and mean what the full parser would make of them."""
    from auditdesk.cli import build_parser, just_the_window

    shortcut = just_the_window(arguments)
    assert shortcut is not None
    assert shortcut.db == database == build_parser().parse_args(arguments).db
    assert not hasattr(shortcut, "handler")  # no subcommand: the window


@pytest.mark.parametrize(
    "arguments", [["--help"], ["--version"], ["demo"], ["--db"], ["--db", "-x"], ["--db="]]
)
def test_anything_else_goes_to_the_full_parser(arguments: list[str]) -> None:
    from auditdesk.cli import just_the_window

    assert just_the_window(arguments) is None


def test_a_mistake_on_the_window_command_line_is_said_as_before(home: Path) -> None:
    result = run(home, "--db")
    assert result.returncode == 2
    assert "--db: expected one argument" in result.stderr


# -- templates ------------------------------------------------------------------------------
def test_templates_check_accepts_a_shipped_file(home: Path) -> None:
    result = run_process(home, "templates", "check", SHIPPED / "ehcp_quality_audit.yaml")
    assert result.returncode == 0
    assert result.stdout.strip() == "1 template file OK."
    assert result.stderr == ""


def test_templates_check_accepts_every_shipped_file(home: Path) -> None:
    files = sorted(SHIPPED.glob("*.yaml"))
    assert len(files) >= 4
    result = run(home, "templates", "check", *files)
    assert result.returncode == 0
    assert result.stdout.strip() == f"{len(files)} template files OK."


def test_templates_check_names_the_file_and_line_of_each_problem(
    home: Path, tmp_path: Path
) -> None:
    lines = (SHIPPED / "ehcp_quality_audit.yaml").read_text(encoding="utf-8").splitlines()
    title_line = next(n for n, line in enumerate(lines, 1) if line.startswith("title:"))
    lines.insert(title_line, "colour_scheme: purple")  # not a field a template can have
    broken = tmp_path / "my audit.yaml"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    unreadable = tmp_path / "half written.yaml"
    unreadable.write_text("id: x\ntitle: [never closed\n", encoding="utf-8")

    result = run(home, "templates", "check", broken, unreadable)

    assert result.returncode == 1
    assert result.stdout == ""
    assert f"{broken}, line {title_line + 1}, colour_scheme:" in result.stderr
    assert f"{unreadable}, line 3: the YAML cannot be read" in result.stderr
    assert result.stderr.rstrip().endswith("2 problems found.")


def test_templates_check_of_a_missing_file(home: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    result = run(home, "templates", "check", missing)
    assert result.returncode == 1
    assert f"{missing}: no such file" in result.stderr
    assert "1 problem found." in result.stderr


def test_templates_list_shows_every_shipped_template(home: Path) -> None:
    from auditdesk.domain.template_loader import shipped_templates

    result = run(home, "templates", "list")
    assert result.returncode == 0
    shown = result.stdout.strip().splitlines()
    templates = shipped_templates()
    assert len(shown) == len(templates) >= 4
    for line, loaded in zip(shown, templates, strict=True):
        template = loaded.template
        count = sum(1 for _ in template.questions())
        assert line.startswith(template.key)
        assert re.search(rf"\b{count} questions\b", line)
        assert line.endswith(template.title)


# -- db check -------------------------------------------------------------------------------
def test_db_check_of_a_good_database(home: Path, good_db: Path) -> None:
    result = run_process(home, "db", "check", "--db", good_db)
    assert result.returncode == 0
    assert result.stderr == ""
    out = result.stdout.splitlines()
    assert [line.split()[1] for line in out[:-1]] == [
        "application", "schema", "integrity", "foreign", "tables", "text", "documents", "contents"
    ]  # fmt: skip
    assert all(line.startswith("ok ") for line in out[:-1])
    assert "10 audits" in out[-2]
    assert out[-1] == f"{good_db}: no problems found."


def test_db_check_of_a_text_file(home: Path, tmp_path: Path) -> None:
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("Not a database, just notes.\n" * 20)
    before = text_file.read_bytes()
    result = run(home, "db", "check", "--db", text_file)
    assert result.returncode == 1
    assert "BAD  application id" in result.stdout
    assert "not a SQLite database" in result.stdout
    assert f"{text_file}: PROBLEMS FOUND." in result.stdout
    assert text_file.read_bytes() == before


def test_db_check_of_a_folder(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "Audits folder"
    folder.mkdir()
    result = run(home, "db", "check", "--db", folder)
    assert result.returncode == 1
    assert result.stderr.strip() == f"auditdesk: There is no database file at {folder}."


def test_db_check_uses_the_database_in_auditdesk_home(home: Path, good_db: Path) -> None:
    missing = run(home, "db", "check")
    assert missing.returncode == 1
    assert str(home / "auditdesk.sqlite") in missing.stderr

    shutil.copyfile(good_db, home / "auditdesk.sqlite")
    found = run(home, "db", "check")
    assert found.returncode == 0
    assert f"{home / 'auditdesk.sqlite'}: no problems found." in found.stdout


# -- db backup ------------------------------------------------------------------------------
def test_db_backup(home: Path, good_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "backup.sqlite"
    result = run(home, "db", "backup", target, "--db", good_db)
    assert result.returncode == 0
    assert result.stdout.strip() == f"Backed up to {target}."
    assert audit_count(target) == audit_count(good_db) == 10
    assert not list(tmp_path.glob("*.partial"))


def test_db_backup_onto_an_existing_file_is_refused(
    home: Path, good_db: Path, tmp_path: Path
) -> None:
    existing = tmp_path / "monday.sqlite"
    existing.write_bytes(b"Monday's backup")
    result = run(home, "db", "backup", existing, "--db", good_db)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "already exists" in result.stderr
    assert result.stderr.startswith("auditdesk: ")
    assert existing.read_bytes() == b"Monday's backup"


# -- demo -----------------------------------------------------------------------------------
def test_demo_fills_a_new_database_and_refuses_to_run_twice(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "new.sqlite"
    made = run(
        home, "demo", "--db", target, "--audits", "30", "--seed", "3", "--as-of", "2026-11-20"
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"Made 30 demo audits in {target} in ")
    for counted in ("answers", "actions", "moderations", "children", "settings", "auditors"):
        assert re.search(rf"[\d,]+ {counted}", made.stdout), counted
    assert "Database size" in made.stdout
    assert audit_count(target) == 30

    with closing(sqlite3.connect(target)) as connection:
        before = connection.execute("SELECT count(*) FROM answers").fetchone()[0]
    again = run(
        home, "demo", "--db", target, "--audits", "30", "--seed", "3", "--as-of", "2026-11-20"
    )
    assert again.returncode == 1
    assert again.stdout == ""
    assert "already holds 30 audits" in again.stderr
    assert "new.sqlite" in again.stderr
    assert audit_count(target) == 30
    with closing(sqlite3.connect(target)) as connection:
        assert connection.execute("SELECT count(*) FROM answers").fetchone()[0] == before


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--audits", "abc", "'abc' is not a whole number"),
        ("--audits", "0", "must be at least 1"),
        ("--as-of", "2026-13-01", "'2026-13-01' is not a date; write it as YYYY-MM-DD"),
    ],
)
def test_demo_with_bad_arguments_gives_a_usage_message(
    home: Path, tmp_path: Path, option: str, value: str, words: str
) -> None:
    target = tmp_path / "never.sqlite"
    arguments = {"--audits": "5", "--as-of": "2026-11-20"} | {option: value}
    result = run(home, "demo", "--db", target, *[p for pair in arguments.items() for p in pair])
    assert result.returncode == 2
    assert "usage: auditdesk demo" in result.stderr
    assert words in result.stderr
    assert not target.exists()


def test_demo_with_the_same_seed_and_date_is_reproducible(tmp_path: Path) -> None:
    from auditdesk.services.demo._generator import DemoOptions, generate_demo
    from auditdesk.services.kernel._workspace import open_workspace

    def make(name: str, seed: int) -> set[tuple[str, str, str | None]]:
        database = open_workspace(tmp_path / name)
        try:
            generate_demo(database, DemoOptions(25, seed=seed, as_of=date(2026, 11, 20)))
        finally:
            database.close()
        with closing(sqlite3.connect(tmp_path / name)) as connection:
            return set(
                connection.execute("SELECT reference, content_hash, final_grade FROM audits")
            )

    first, second, other = make("a.sqlite", 3), make("b.sqlite", 3), make("c.sqlite", 4)
    assert len(first) == 25
    assert all(content_hash for _reference, content_hash, _grade in first)
    assert first == second
    assert other != first
    assert {reference for reference, *_ in other} != {reference for reference, *_ in first}


# -- a bug is reported with the log's path, never as a traceback -------------------------
@pytest.mark.logs_errors  # a bug is logged with its traceback: that is the point
def test_an_unexpected_error_names_the_log_file_and_exits_70(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, good_db: Path
) -> None:
    from auditdesk import app_logging, cli, paths
    from auditdesk.commands import database

    def broken(_path: Path) -> None:
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(database, "check_database", broken)
    log_file = paths.log_file()
    try:
        code = cli.main(["db", "check", "--db", str(good_db)])
    finally:
        app_logging.stop_logging()

    captured = capsys.readouterr()
    assert code == 70
    assert str(log_file) in captured.err
    assert "(a bug)" in captured.err
    assert "Traceback" not in captured.err
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged
    assert "something nobody expected" in logged


def test_commands_that_write_respect_the_windows_lock(home: Path, tmp_path: Path) -> None:
    from auditdesk.store.lock import DatabaseLock

    path = tmp_path / "held.sqlite"
    with DatabaseLock(path, "Jo Quality"):
        result = run(home, "demo", "--db", path, "--audits", "5")
    assert result.returncode == 1
    assert "is open by Jo Quality on the computer " in result.stderr
    assert not path.exists() or audit_count(path) == 0
    assert run(home, "demo", "--db", path, "--audits", "5").returncode == 0


def test_a_sqlite_error_that_reaches_the_command_line_is_said_as_damage_not_a_bug(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, good_db: Path
) -> None:
    """The store translates SQLite's errors itself; one raised past it (here, by a stand-in
    for a check meeting a broken page) still gets the damaged-database message, exit 1."""
    from auditdesk import app_logging, cli
    from auditdesk.commands import database

    def meets_a_broken_page(_path: Path) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(database, "check_database", meets_a_broken_page)
    try:
        code = cli.main(["db", "check", "--db", str(good_db)])
    finally:
        app_logging.stop_logging()

    said = capsys.readouterr().err
    assert code == 1
    assert f"{good_db.name} is damaged (database disk image is malformed)" in said
    assert "Restore it from a backup" in said
    assert "auditdesk db check" in said
    assert "a bug" not in said
