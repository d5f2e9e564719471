"""``auditdesk bundle export|import`` run for real: exit codes, the preview it prints,
plain refusals, and never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from auditdesk.services import audits
from tests.bundles.helpers import Laptop, completed_audit, dump
from tests.conftest import plan_subject

ROOT = Path(__file__).resolve().parents[2]


def auditdesk(home: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
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


def test_export_then_import_from_the_command_line(
    auditor: Laptop, lead: Laptop, tmp_path: Path
) -> None:
    done = completed_audit(auditor, "CE-10001")
    draft = audits.create_audit(
        auditor.ctx, template_id="ehcp-quality", subject=plan_subject("CE-10002")
    )
    bundle = tmp_path / "to the lead"  # no suffix given: .auditdesk is added
    sent = auditdesk(tmp_path, "bundle", "export", "--db", auditor.path, "--out", bundle)
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.startswith("Sent 1 audit (")
    written = tmp_path / "to the lead.auditdesk"
    assert written.exists()

    again = auditdesk(tmp_path, "bundle", "export", "--db", auditor.path, "--out", bundle)
    assert again.returncode == 1
    assert again.stderr.strip() == (
        "auditdesk: There is nothing to send: no completed audits not yet sent."
    )
    chosen = auditdesk(
        tmp_path, "bundle", "export", "--db", auditor.path, "--out", tmp_path / "draft.auditdesk",
        "--audit", draft.reference, "--audit", done.uuid,
    )  # fmt: skip
    assert chosen.returncode == 0
    assert "Sent 2 audits" in chosen.stdout
    since = auditdesk(
        tmp_path, "bundle", "export", "--db", auditor.path, "--out", tmp_path / "since",
        "--since", "2026-01-01",
    )  # fmt: skip
    assert "Sent 1 audit " in since.stdout
    unknown = auditdesk(
        tmp_path, "bundle", "export", "--db", auditor.path, "--out", bundle, "--audit", "AD-NOPE"
    )
    assert unknown.returncode == 1
    assert "There is no audit AD-NOPE in this database." in unknown.stderr

    before = lead.dump()
    dry = auditdesk(tmp_path, "bundle", "import", "--db", lead.path, written, "--dry-run")
    assert dry.returncode == 0
    assert f"{written.name}: 1 audit from Sam Practice" in dry.stdout
    (line,) = [
        row for row in dry.stdout.splitlines() if row.startswith(f"  Audit {done.reference}")
    ]
    assert line.endswith("CE-10001): Not here yet: revision 1 (completed) will be added.")
    assert dry.stdout.rstrip().endswith("Dry run: nothing was imported.")
    assert lead.dump() == before

    imported = auditdesk(tmp_path, "bundle", "import", "--db", lead.path, written)
    assert imported.returncode == 0, imported.stderr
    assert "Imported 4 new and 0 updated records from to the lead.auditdesk." in imported.stdout
    assert "Adding audits…" in imported.stderr
    assert audits.get_audit(lead.ctx, done.uuid).content_hash == done.content_hash

    after = lead.dump()
    repeat = auditdesk(tmp_path, "bundle", "import", "--db", lead.path, written)
    assert repeat.returncode == 0
    assert "This bundle was imported before" in repeat.stdout
    assert "Importing it would change nothing." in repeat.stdout
    assert lead.dump() == after


def test_a_bad_bundle_is_refused_plainly(lead: Laptop, tmp_path: Path) -> None:
    bad = tmp_path / "holiday photos.auditdesk"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    before = lead.dump()
    result = auditdesk(tmp_path, "bundle", "import", "--db", lead.path, bad)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("auditdesk: holiday photos.auditdesk cannot be imported: ")
    assert "Nothing in your database was changed." in result.stderr
    assert lead.dump() == before


def test_a_database_must_say_whose_it_is_and_must_exist(tmp_path: Path) -> None:
    from auditdesk.services.workspace import open_workspace

    nobody = tmp_path / "nobody.sqlite"
    open_workspace(nobody).close()
    result = auditdesk(
        tmp_path,
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
    assert "does not say whose it is yet" in result.stderr
    missing = auditdesk(tmp_path, "bundle", "import", "--db", tmp_path / "none.sqlite", nobody)
    assert missing.returncode == 1
    assert "There is no database at" in missing.stderr
    assert not (tmp_path / "none.sqlite").exists()
    bare = auditdesk(tmp_path, "bundle")
    assert bare.returncode == 1
    assert "export" in bare.stderr
    assert "import" in bare.stderr
    assert dump(nobody)
