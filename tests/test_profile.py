"""Who I am is mine, not the database's, on the command line too: ``auditdesk profile`` sets
it, every command that says who did something uses it (never the profile stored in the
database it opens), and the window reads and writes the same profile."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from auditdesk import paths
from auditdesk.domain.reference import Agency, Role
from auditdesk.errors import FileProblem, InvalidInput
from auditdesk.services.kernel._people import get_profile
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.session import start_session
from auditdesk.ui.welcome_dialog import WelcomeDialog
from auditdesk.user_profile import ProfileFile, UserProfile, name_problem
from tests.bundles.helpers import dump
from tests.test_cli import give_profile, run, run_process

PRIYA = UserProfile("Priya Shah", Agency.HEALTH, Role.QUALITY_LEAD)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``auditdesk demo``'s database, made as a new user makes it."""
    folder = tmp_path_factory.mktemp("demo")
    made = run(folder, "demo", "--db", folder / "src.sqlite", "--audits", "30",
               "--as-of", "2026-11-20")  # fmt: skip
    assert made.returncode == 0, made.stderr
    return folder / "src.sqlite"


@pytest.fixture
def demo(demo_master: Path, tmp_path: Path) -> Path:
    return Path(shutil.copyfile(demo_master, tmp_path / "src.sqlite"))


def demo_person(path: Path) -> str:
    """Whoever the demo database says is its user (its built-in quality lead)."""
    db = open_workspace(path)
    try:
        person = get_profile(db)
    finally:
        db.close()
    assert person is not None
    assert person.name != PRIYA.name
    return person.name


def preferences_in(home: Path) -> Preferences:
    """The window's preferences in that AuditDesk folder, as the window finds them."""
    return Preferences(home / paths.SETTINGS_FILE_NAME)


def set_by_command(home: Path, *options: str) -> None:
    result = run(home, "profile", *options)
    assert result.returncode == 0, result.stderr


# -- the fault, as a new user met it ------------------------------------------------------
def test_a_new_user_on_the_demo_database_produces_everything_as_themselves(
    home: Path, demo: Path, tmp_path: Path
) -> None:
    someone_else = demo_person(demo)
    set_by_command(home, "--name", "Priya Shah", "--agency", "health", "--role", "quality lead")
    xlsx, pdf, report = tmp_path / "board.xlsx", tmp_path / "board.pdf", tmp_path / "audit.pdf"

    board = run(home, "export", "board", "--db", demo, "--xlsx", xlsx, "--pdf", pdf,
                "--from", "2025-09-01", "--to", "2026-11-20")  # fmt: skip
    assert board.returncode == 0, board.stderr
    with closing(sqlite3.connect(demo)) as connection:
        (reference,) = connection.execute("SELECT reference FROM audits LIMIT 1").fetchone()
    audit = run(home, "export", "audit", reference, "--pdf", report, "--db", demo)
    assert audit.returncode == 0, audit.stderr
    bundle = run(home, "bundle", "export", "--db", demo, "--out", tmp_path / "to the lead")
    assert bundle.returncode == 0, bundle.stderr

    cover = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "by Priya Shah, with AuditDesk" in cover
    book = openpyxl.load_workbook(xlsx, read_only=True)
    produced_by = [
        row[1] for row in book["About"].iter_rows(values_only=True) if row[:1] == ("By",)
    ]
    creator = book.properties.creator
    book.close()
    assert produced_by == ["Priya Shah"]
    assert creator == "Priya Shah"
    footer = " ".join(PdfReader(report).pages[0].extract_text().split())
    assert "by Priya Shah with AuditDesk" in footer
    with zipfile.ZipFile(tmp_path / "to the lead.auditdesk") as opened:
        sender = json.loads(opened.read("manifest.json"))["author"]
    assert (sender["name"], sender["agency"], sender["role"]) == ("Priya Shah", "health",
                                                                   "quality_lead")  # fmt: skip
    for text in (cover, footer, json.dumps(sender), *produced_by):
        assert someone_else not in text

    # What the quality lead receiving it is told, before importing anything.
    theirs = tmp_path / "lead.sqlite"
    open_workspace(theirs).close()
    looked = run(home, "bundle", "import", "--db", theirs, tmp_path / "to the lead.auditdesk",
                 "--dry-run")  # fmt: skip
    sender_line = looked.stdout.splitlines()[0]  # who sent it, before the audits it holds
    assert "Priya Shah" in sender_line
    assert someone_else not in sender_line

    # The demo's own person is left as they were; Priya is matched, not renamed into them.
    db = open_workspace(demo)
    try:
        now = get_profile(db)
    finally:
        db.close()
    assert now is not None
    assert (now.name, now.agency, now.role) == PRIYA


# -- no profile yet ------------------------------------------------------------------------
def test_with_no_profile_the_commands_say_how_to_set_one_and_write_nothing(
    home: Path, demo: Path, tmp_path: Path
) -> None:
    before, files = dump(demo), sorted(tmp_path.iterdir())
    for command in (
        ["export", "board", "--db", demo, "--pdf", tmp_path / "board.pdf"],
        ["export", "audit", "AD-ANY", "--db", demo, "--pdf", tmp_path / "audit.pdf"],
        ["bundle", "export", "--db", demo, "--out", tmp_path / "bundle"],
    ):
        result = run(home, *command)
        assert result.returncode == 1, command
        assert result.stdout == ""
        assert result.stderr == (
            "auditdesk: AuditDesk does not know who you are yet, and it records who made each "
            'export and bundle. Tell it once with: auditdesk profile --name "Your Name" '
            "--agency AGENCY --role ROLE (auditdesk profile --help lists the agencies and "
            "roles). Nothing was written.\n"
        )
    shown = run(home, "profile")
    assert shown.returncode == 1
    assert shown.stderr == (
        "auditdesk: AuditDesk does not know who you are yet. Tell it with: "
        'auditdesk profile --name "Your Name" --agency AGENCY --role ROLE\n'
    )
    assert dump(demo) == before
    assert sorted(tmp_path.iterdir()) == files
    assert not (home / paths.PROFILE_FILE_NAME).exists()


# -- setting it from the command line ------------------------------------------------------
def test_profile_is_set_shown_and_changed_in_part(home: Path) -> None:
    set_by_command(home, "--name", "  Priya Shah ", "--agency", "Health", "--role", "quality_lead")
    shown = run_process(home, "profile")  # the profile command started for real, once
    assert shown.returncode == 0
    assert shown.stdout == "Name:   Priya Shah\nAgency: Health\nRole:   Quality lead\n"

    changed = run(home, "profile", "--agency", "social care")
    assert changed.returncode == 0
    assert changed.stdout == (
        "AuditDesk records your work as Priya Shah (Social care, quality lead) from now on.\n"
    )
    assert preferences_in(home).profile == ("Priya Shah", Agency.SOCIAL_CARE, Role.QUALITY_LEAD)


def test_help_lists_the_agencies_and_roles_in_words(home: Path) -> None:
    shown = run(home, "profile", "--help")
    assert shown.returncode == 0
    text = " ".join(shown.stdout.split())
    assert "Education, Health, Social care or Parent carer" in text
    assert "Practice champion, Setting auditor or Quality lead" in text


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--name", "", "--agency", "health", "--role", "quality lead"],
         "auditdesk: --name: Enter your name to continue."),
        (["--name", "x" * 121, "--agency", "health", "--role", "quality lead"],
         "auditdesk: --name: Your name is too long (120 characters at most)."),
        (["--name", "Priya\nShah", "--agency", "health", "--role", "quality lead"],
         "auditdesk: --name: Write your name on one line"),
        (["--name", "Priya Shah", "--agency", "police", "--role", "quality lead"],
         "auditdesk: --agency: 'police' is not an agency AuditDesk knows. Use one of: "
         "Education, Health, Social care or Parent carer."),
        (["--name", "Priya Shah", "--agency", "health", "--role", "boss"],
         "auditdesk: --role: 'boss' is not a role AuditDesk knows. Use one of: "
         "Practice champion, Setting auditor or Quality lead."),
        (["--name", "Priya Shah"],
         "auditdesk: You have no profile yet, so give all three: --name, --agency and --role "
         "(missing: --agency and --role)."),
    ],
)  # fmt: skip
def test_bad_values_are_refused_plainly_and_change_nothing(
    home: Path, options: list[str], words: str
) -> None:
    result = run(home, "profile", *options)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(words)
    assert not (home / paths.PROFILE_FILE_NAME).exists()


def test_a_bad_value_leaves_the_profile_as_it_was(home: Path) -> None:
    give_profile(home, *PRIYA)
    assert run(home, "profile", "--name", " ").returncode == 1
    assert run(home, "profile", "--role", "chief").returncode == 1
    assert ProfileFile(home / paths.PROFILE_FILE_NAME).read() == PRIYA


def test_a_damaged_profile_is_said_plainly_and_can_be_set_again(home: Path) -> None:
    (home / paths.PROFILE_FILE_NAME).write_text('{"name": "Priya', encoding="utf-8")
    shown = run(home, "profile")
    assert shown.returncode == 1
    assert shown.stderr.startswith(
        f"auditdesk: Your profile in {home / paths.PROFILE_FILE_NAME} cannot be read "
        "(it is damaged). Set it again, with auditdesk profile --name"
    )
    set_by_command(home, "--name", "Priya Shah", "--agency", "health", "--role", "quality lead")
    assert ProfileFile(home / paths.PROFILE_FILE_NAME).read() == PRIYA


def test_the_profile_file_is_replaced_whole(tmp_path: Path) -> None:
    file = ProfileFile(tmp_path / "profile.json")
    file.write(PRIYA)
    file.write(UserProfile("Siân O'Brien, SENCo", Agency.EDUCATION, Role.SETTING_AUDITOR))
    assert file.read() == ("Siân O'Brien, SENCo", Agency.EDUCATION, Role.SETTING_AUDITOR)
    assert [entry.name for entry in tmp_path.iterdir()] == ["profile.json"]  # no leftovers
    with pytest.raises(InvalidInput, match="Enter your name"):
        file.write(UserProfile(" ", Agency.EDUCATION, Role.SETTING_AUDITOR))
    (tmp_path / "profile.json").write_text('{"name": "X", "agency": "police"}', encoding="utf-8")
    with pytest.raises(FileProblem, match="cannot be read"):
        file.read()


def test_a_profile_that_cannot_be_saved_says_where_and_what_to_do(tmp_path: Path) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("", encoding="utf-8")
    with pytest.raises(FileProblem, match=r"Your profile could not be saved in .*a file, not a"):
        ProfileFile(blocked / "profile.json").write(PRIYA)


# -- the window and the command line share one profile -----------------------------------
def test_the_window_uses_the_profile_the_command_set(
    qapp: QApplication, home: Path, demo: Path
) -> None:
    set_by_command(home, "--name", "Priya Shah", "--agency", "health", "--role", "quality lead")
    preferences = preferences_in(home)
    assert preferences.profile == PRIYA

    def never_asked() -> None:
        pytest.fail("the window asked who I am, though the command had set it")

    session = start_session(demo, preferences, never_asked, synchronous=True)
    assert session is not None
    try:
        actor = session.actor
        assert (actor.name, actor.agency, actor.role) == PRIYA
    finally:
        session.close()


def test_the_command_uses_the_profile_the_window_set(
    home: Path, demo: Path, tmp_path: Path
) -> None:
    preferences_in(home).remember_profile("Robin Lead", Agency.SOCIAL_CARE, Role.QUALITY_LEAD)
    shown = run(home, "profile")
    assert shown.stdout == "Name:   Robin Lead\nAgency: Social care\nRole:   Quality lead\n"
    pdf = tmp_path / "board.pdf"
    exported = run(home, "export", "board", "--db", demo, "--pdf", pdf, "--period", "2025/26")
    assert exported.returncode == 0, exported.stderr
    assert "by Robin Lead, with AuditDesk" in " ".join(
        PdfReader(pdf).pages[0].extract_text().split()
    )


def test_a_profile_kept_by_an_earlier_version_is_carried_over_once(home: Path) -> None:
    # Earlier versions kept it in the window's ini file, out of the commands' reach.
    ini = home / paths.SETTINGS_FILE_NAME
    old = QSettings(str(ini), QSettings.Format.IniFormat)
    old.setValue("profile/name", "Siân O'Brien, SENCo")
    old.setValue("profile/agency", "education")
    old.setValue("profile/role", "setting_auditor")
    old.setValue("view/text_scale", 1.5)
    old.sync()
    del old

    preferences = preferences_in(home)  # the window starting: nobody is asked again
    theirs = ("Siân O'Brien, SENCo", Agency.EDUCATION, Role.SETTING_AUDITOR)
    assert preferences.profile == theirs
    assert preferences.text_scale == 1.5  # the rest of their preferences are untouched
    shown = run(home, "profile")
    assert (
        shown.stdout == "Name:   Siân O'Brien, SENCo\nAgency: Education\nRole:   Setting auditor\n"
    )
    assert "profile" not in QSettings(str(ini), QSettings.Format.IniFormat).childGroups()

    # Once: a profile set later is never overridden by the old copy.
    set_by_command(home, "--name", "Priya Shah", "--agency", "health", "--role", "quality lead")
    assert preferences_in(home).profile == PRIYA


def test_each_preferences_file_keeps_its_own_person(tmp_path: Path) -> None:
    mine, nobody = Preferences(tmp_path / "preferences.ini"), Preferences(tmp_path / "other.ini")
    mine.remember_profile(*PRIYA)
    assert nobody.profile is None
    assert mine.profile == PRIYA


# -- one rule for a name, in the window and the command line ------------------------------
@pytest.mark.parametrize("name", ["", "   ", "x" * 120, "x" * 121, " Priya Shah "])
def test_the_welcome_form_and_the_command_judge_a_name_alike(
    qapp: QApplication, home: Path, name: str
) -> None:
    form = WelcomeDialog()
    form.name.setText(name)
    on_form = [p.message for p in form.problems() if p.field is form.name]
    form.deleteLater()
    command = run(home, "profile", "--name", name, "--agency", "health", "--role", "quality lead")
    expected = name_problem(name)
    assert on_form == ([] if expected is None else [expected])
    if expected is None:
        assert command.returncode == 0, command.stderr
    else:
        assert command.stderr == f"auditdesk: --name: {expected}\n"
