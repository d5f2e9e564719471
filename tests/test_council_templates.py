"""A council's own templates: ``auditdesk templates install`` (all or nothing, the same
version twice changes nothing, a changed file needs a new version) and ``templates export``
(written out, ready to change and install again). Run through the real command."""

from __future__ import annotations

import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from auditdesk.domain.reference import Agency, PlanStage, PrimaryNeed, Role
from auditdesk.services import kernel
from auditdesk.services.audits import ChildPlanSubject, create_audit, get_audit
from auditdesk.services.kernel import Actor, ServiceContext
from tests import made_once
from tests.test_cli import SHIPPED, give_profile, run

SOURCE = (SHIPPED / "ehcp_quality_audit.yaml").read_text(encoding="utf-8")


def council_file(folder: Path, name: str = "our-ehcp.yaml", *, version: int = 1,
                 prompt_change: str = "") -> Path:  # fmt: skip
    """The shipped EHCP audit made a council's own (its id, title and version)."""
    text = (
        SOURCE.replace("id: ehcp-quality\n", "id: northshire-ehcp\n", 1)
        .replace("version: 1\n", f"version: {version}\n", 1)
        .replace("title: EHCP multi-agency quality audit\n", "title: Northshire EHCP audit\n", 1)
    )
    if prompt_change:
        text = text.replace("prompt: ", f"prompt: {prompt_change} ", 1)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def stored_versions(database: Path) -> list[tuple[str, int, str]]:
    with closing(sqlite3.connect(database)) as connection:
        return connection.execute(
            "SELECT template_id, version, sha256 FROM template_versions ORDER BY 1, 2"
        ).fetchall()


def install(home: Path, database: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return run(home, "templates", "install", *files, "--db", database)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    give_profile(folder)
    return folder


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return made_once.new_database(tmp_path / "audits.sqlite")


def test_a_council_template_is_installed_and_offered(
    home: Path, database: Path, tmp_path: Path
) -> None:
    result = install(home, database, council_file(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Installed: northshire-ehcp@1, Northshire EHCP audit (")
    db = kernel.open_workspace(database)
    try:
        offered = kernel.list_templates(ServiceContext(db, _someone()))
    finally:
        db.close()
    assert "northshire-ehcp@1" in [template.key for template in offered]


def test_installing_the_same_version_again_changes_nothing(
    home: Path, database: Path, tmp_path: Path
) -> None:
    path = council_file(tmp_path)
    assert install(home, database, path).returncode == 0
    before = stored_versions(database)
    again = install(home, database, path, path)
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("\n") == 1  # the file given twice is said once
    assert again.stdout.startswith("Already installed (unchanged): northshire-ehcp@1")
    assert stored_versions(database) == before


def test_a_changed_file_with_the_same_version_is_refused_in_words(
    home: Path, database: Path, tmp_path: Path
) -> None:
    assert install(home, database, council_file(tmp_path)).returncode == 0
    before = stored_versions(database)
    changed = council_file(tmp_path, "changed.yaml", prompt_change="Does")
    result = install(home, database, changed)
    assert result.returncode == 1
    assert "changed.yaml: northshire-ehcp@1 is already installed, with different content" in (
        result.stderr
    )
    assert "set 'version: 2' in the file and install it again" in result.stderr
    assert "Nothing was installed." in result.stderr
    assert stored_versions(database) == before


def test_one_broken_file_installs_none_and_names_file_line_and_field(
    home: Path, database: Path, tmp_path: Path
) -> None:
    good = council_file(tmp_path)
    broken = tmp_path / "broken.yaml"
    broken.write_text(SOURCE.replace("kind: ehcp_audit", "kind: not_a_kind", 1), encoding="utf-8")
    before = stored_versions(database)
    result = install(home, database, good, broken)
    assert result.returncode == 1
    line = SOURCE.splitlines().index("kind: ehcp_audit") + 1
    assert f"broken.yaml, line {line}" in result.stderr
    assert "kind" in result.stderr
    assert "Nothing was installed." in result.stderr
    assert stored_versions(database) == before  # not even the good one


def test_two_files_giving_one_version_two_contents_are_refused(
    home: Path, database: Path, tmp_path: Path
) -> None:
    one = council_file(tmp_path, "one.yaml")
    other = council_file(tmp_path, "other.yaml", prompt_change="Does")
    before = stored_versions(database)
    result = install(home, database, one, other)
    assert result.returncode == 1
    assert "other.yaml: northshire-ehcp@1 is also in" in result.stderr
    assert stored_versions(database) == before


def test_a_new_version_leaves_audits_on_the_version_they_were_filled_against(
    home: Path, database: Path, tmp_path: Path
) -> None:
    assert install(home, database, council_file(tmp_path)).returncode == 0
    db = kernel.open_workspace(database)
    try:
        first = create_audit(_working(db), template_id="northshire-ehcp", subject=_plan("CH-01"))
    finally:
        db.close()
    newer = council_file(tmp_path, "v2.yaml", version=2, prompt_change="Does")
    result = install(home, database, newer)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Installed: northshire-ehcp@2")
    db = kernel.open_workspace(database)
    try:
        ctx = _working(db)
        assert get_audit(ctx, first.uuid).template.key == "northshire-ehcp@1"
        second = create_audit(ctx, template_id="northshire-ehcp", subject=_plan("CH-02"))
        assert second.template.key == "northshire-ehcp@2"
    finally:
        db.close()


def test_an_exported_template_installs_again_unchanged_and_as_a_new_version(
    home: Path, database: Path, tmp_path: Path
) -> None:
    out = tmp_path / "written out.yaml"
    result = run(home, "templates", "export", "ehcp-quality@1", "--out", out, "--db", database)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# EHCP multi-agency quality audit (ehcp-quality@1)")
    assert text.splitlines()[6:9] == [
        "id: ehcp-quality",
        "version: 1",
        "title: EHCP multi-agency quality audit",
    ]
    again = install(home, database, out)
    assert again.stdout.startswith("Already installed (unchanged): ehcp-quality@1"), again.stderr
    out.write_text(text.replace("version: 1\n", "version: 2\n", 1), encoding="utf-8")
    newer = install(home, database, out)
    assert newer.stdout.startswith("Installed: ehcp-quality@2"), newer.stderr


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("ehcp-quality", "Name the template and its version as ID@VERSION"),
        ("ehcp-quality@two", "Name the template and its version as ID@VERSION"),
        ("no-such-template@1", "There is no template no-such-template@1 in this database"),
    ],
)
def test_exporting_a_template_that_is_not_there_says_what_is(
    home: Path, database: Path, tmp_path: Path, key: str, said: str
) -> None:
    result = run(home, "templates", "export", key, "--out", tmp_path / "t.yaml", "--db", database)
    assert result.returncode == 1
    assert said in result.stderr
    assert "Templates here: annual-review@1, ehcp-quality@1, pfa-thematic@1" in result.stderr
    assert not (tmp_path / "t.yaml").exists()


def test_exporting_into_a_folder_that_is_not_there_says_so(
    home: Path, database: Path, tmp_path: Path
) -> None:
    out = tmp_path / "no such folder" / "t.yaml"
    result = run(home, "templates", "export", "ehcp-quality@1", "--out", out, "--db", database)
    assert result.returncode == 1
    assert "does not exist" in result.stderr


def test_installing_without_a_profile_says_how_to_give_one(tmp_path: Path, database: Path) -> None:
    nobody = tmp_path / "nobody"
    nobody.mkdir()
    result = run(nobody, "templates", "install", council_file(tmp_path), "--db", database)
    assert result.returncode == 1
    assert "auditdesk profile" in result.stderr
    assert "northshire-ehcp" not in [row[0] for row in stored_versions(database)]


def _someone() -> Actor:
    return Actor("Sam Practice", Agency.EDUCATION, Role.PRACTICE_CHAMPION, "")


def _working(db: kernel.Database) -> ServiceContext:
    return ServiceContext(db, kernel.use_profile(db, "Sam Practice", Agency.EDUCATION,
                                                 Role.PRACTICE_CHAMPION))  # fmt: skip


def _plan(child: str) -> ChildPlanSubject:
    return ChildPlanSubject(child, 10, PrimaryNeed.ASD, PlanStage.NEW_PLAN, "Crewe")


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("audits.sqlite", "Save the template as a .yaml file (for example audits.yaml)"),
        ("notes.txt", "Save the template as a .yaml file"),
        ("earlier.yaml", "already exists; choose a new file name"),
    ],
)
def test_exporting_never_writes_over_a_file_or_into_a_non_template_name(
    home: Path, database: Path, tmp_path: Path, name: str, said: str
) -> None:
    target = tmp_path / name
    if name != "notes.txt":
        target.write_bytes(b"something somebody keeps")
    result = run(home, "templates", "export", "ehcp-quality@1", "--out", target, "--db", database)
    assert result.returncode == 1
    assert said in result.stderr
    if target.exists():
        assert target.read_bytes() == b"something somebody keeps"
