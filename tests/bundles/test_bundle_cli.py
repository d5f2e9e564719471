"""``auditdesk bundle export|import`` through its real entry point: exit codes, the preview
it prints, plain refusals, and never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditdesk.domain.reference import Agency, Role
from auditdesk.services.audits import _editing as audits
from tests.bundles.helpers import Laptop, completed_audit, table_rows
from tests.conftest import plan_subject
from tests.test_cli import give_profile, run

ROOT = Path(__file__).resolve().parents[2]


def auditdesk(
    home: Path, *args: str | Path, real: bool = False
) -> subprocess.CompletedProcess[str]:
    """``auditdesk ARGS`` in this process through the command's own entry point, or, with
    ``real``, started for real as a terminal starts it (once per test file, so the bundle
    commands' real start stays covered)."""
    if not real:
        return run(home, *args)
    result = subprocess.run(
        [sys.executable, "-m", "auditdesk", *map(str, args)],
        cwd=ROOT,
        env={**os.environ, "AUDITDESK_HOME": str(home), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


@pytest.fixture
def sam_home(tmp_path: Path) -> Path:
    """The AuditDesk folder on the auditor's laptop: Sam Practice works there."""
    folder = tmp_path / "sam's home"
    folder.mkdir()
    give_profile(folder, "Sam Practice", Agency.EDUCATION, Role.PRACTICE_CHAMPION)
    return folder


@pytest.fixture
def quinn_home(tmp_path: Path) -> Path:
    """The AuditDesk folder on the quality lead's laptop."""
    folder = tmp_path / "quinn's home"
    folder.mkdir()
    give_profile(folder, "Quinn Lead", Agency.EDUCATION, Role.QUALITY_LEAD)
    return folder


def test_export_then_import_from_the_command_line(
    auditor: Laptop, lead: Laptop, sam_home: Path, quinn_home: Path, tmp_path: Path
) -> None:
    done = completed_audit(auditor, "CE-10001")
    draft = audits.create_audit(
        auditor.ctx, template_id="ehcp-quality", subject=plan_subject("CE-10002")
    )
    bundle = tmp_path / "to the lead"  # no suffix given: .auditdesk is added
    sent = auditdesk(sam_home, "bundle", "export", "--db", auditor.path, "--out", bundle, real=True)
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.startswith("Sent 1 audit (")
    written = tmp_path / "to the lead.auditdesk"
    assert written.exists()

    again = auditdesk(sam_home, "bundle", "export", "--db", auditor.path, "--out", bundle)
    assert again.returncode == 1
    assert again.stderr.strip() == (
        "auditdesk: There is nothing to send: no completed audits not yet sent."
    )
    chosen = auditdesk(
        sam_home, "bundle", "export", "--db", auditor.path, "--out", tmp_path / "draft.auditdesk",
        "--audit", draft.reference, "--audit", done.uuid,
    )  # fmt: skip
    assert chosen.returncode == 0
    assert "Sent 2 audits" in chosen.stdout
    since = auditdesk(
        sam_home, "bundle", "export", "--db", auditor.path, "--out", tmp_path / "since",
        "--since", "2026-01-01",
    )  # fmt: skip
    assert "Sent 1 audit " in since.stdout
    unknown = auditdesk(
        sam_home, "bundle", "export", "--db", auditor.path, "--out", bundle, "--audit", "AD-NOPE"
    )
    assert unknown.returncode == 1
    assert "There is no audit AD-NOPE in this database." in unknown.stderr

    before = lead.dump()
    dry = auditdesk(quinn_home, "bundle", "import", "--db", lead.path, written, "--dry-run")
    assert dry.returncode == 0
    assert "Sent by Sam Practice (Education) on " in dry.stdout  # who and when, in words
    assert "New: 1 audit" in dry.stdout
    (line,) = [
        row for row in dry.stdout.splitlines() if row.startswith(f"  Audit {done.reference}")
    ]
    assert line.endswith("CE-10001): Not here yet: revision 1 (completed) will be added.")
    assert dry.stdout.rstrip().endswith("Dry run: nothing was imported.")
    assert lead.dump() == before

    imported = auditdesk(quinn_home, "bundle", "import", "--db", lead.path, written, real=True)
    assert imported.returncode == 0, imported.stderr
    assert "Imported 4 new and 0 updated records from to the lead.auditdesk." in imported.stdout
    assert "Adding audits…" in imported.stderr
    assert audits.get_audit(lead.ctx, done.uuid).content_hash == done.content_hash
    assert table_rows(lead.path, "SELECT imported_by FROM received_bundles") == [("Quinn Lead",)]

    after = lead.dump()
    repeat = auditdesk(quinn_home, "bundle", "import", "--db", lead.path, written)
    assert repeat.returncode == 0
    assert "This bundle was imported before" in repeat.stdout
    assert "Importing it would change nothing." in repeat.stdout
    assert lead.dump() == after


def test_a_bad_bundle_is_refused_plainly(lead: Laptop, quinn_home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "holiday photos.auditdesk"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    before = lead.dump()
    result = auditdesk(quinn_home, "bundle", "import", "--db", lead.path, bad)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("auditdesk: holiday photos.auditdesk cannot be imported: ")
    assert "Nothing in your database was changed." in result.stderr
    assert lead.dump() == before


def test_without_a_profile_nothing_is_sent_or_imported_and_it_says_how_to_set_one(
    auditor: Laptop, lead: Laptop, sam_home: Path, tmp_path: Path
) -> None:
    completed_audit(auditor, "CE-10001")
    bundle = auditor.send_audits(completed_audit(auditor, "CE-10002").uuid, name="for the lead")
    nobody = tmp_path / "nobody's home"
    nobody.mkdir()
    sender, receiver, outbox = auditor.dump(), lead.dump(), sorted(tmp_path.iterdir())

    sent = auditdesk(nobody, "bundle", "export", "--db", auditor.path, "--out", tmp_path / "x")
    received = auditdesk(nobody, "bundle", "import", "--db", lead.path, bundle)
    for refused in (sent, received):
        assert refused.returncode == 1
        assert refused.stdout == ""
        assert refused.stderr.startswith("auditdesk: AuditDesk does not know who you are yet")
        assert "auditdesk profile --name" in refused.stderr
    assert sorted(tmp_path.iterdir()) == outbox
    assert (auditor.dump(), lead.dump()) == (sender, receiver)

    # Looking records nothing, so needs nobody.
    dry = auditdesk(nobody, "bundle", "import", "--db", lead.path, bundle, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Dry run: nothing was imported." in dry.stdout
    assert lead.dump() == receiver


def test_a_database_need_not_say_whose_it_is_but_must_exist(sam_home: Path, tmp_path: Path) -> None:
    from auditdesk.services.kernel._people import get_profile
    from auditdesk.services.kernel._workspace import open_workspace

    nobody = tmp_path / "nobody.sqlite"  # nobody has worked in it yet
    open_workspace(nobody).close()
    result = auditdesk(
        sam_home,
        "bundle",
        "export",
        "--db",
        nobody,
        "--out",
        tmp_path / "x",
        "--since",
        "2026-01-01",
    )
    assert result.returncode == 1
    assert result.stderr.startswith("auditdesk: There is nothing to send: no completed audits")
    database = open_workspace(nobody)
    try:
        person = get_profile(database)  # the database learned who worked in it
    finally:
        database.close()
    assert person is not None
    assert (person.name, person.agency, person.role) == (
        "Sam Practice",
        Agency.EDUCATION,
        Role.PRACTICE_CHAMPION,
    )
    missing = auditdesk(sam_home, "bundle", "import", "--db", tmp_path / "none.sqlite", nobody)
    assert missing.returncode == 1
    assert "There is no database at" in missing.stderr
    assert not (tmp_path / "none.sqlite").exists()
    bare = auditdesk(sam_home, "bundle")
    assert bare.returncode == 1
    assert "export" in bare.stderr
    assert "import" in bare.stderr
