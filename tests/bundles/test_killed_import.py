"""A real import process killed (SIGKILL, no clean-up) in the middle of its transaction:
afterwards the import is either all there or not there at all, and running it again
succeeds."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from auditdesk import paths
from auditdesk.domain.reference import Agency, Role
from auditdesk.services.bundles import ChangedSince, import_bundle, send_audits
from auditdesk.services.demo._generator import DemoOptions, generate_demo
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._people import get_profile, save_profile
from auditdesk.services.kernel._workspace import open_workspace
from tests.bundles.helpers import dump
from tests.test_cli import give_profile

ROOT = Path(__file__).resolve().parents[2]
TABLES = (
    "audits", "answers", "audit_blocks", "actions", "moderations", "children", "plans",
    "record_revisions", "record_provenance", "received_bundles", "change_trail",
)  # fmt: skip


@pytest.fixture(scope="module")
def big_bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A few hundred demo audits in one bundle: enough that the import's transaction takes
    a noticeable moment."""
    folder = tmp_path_factory.mktemp("big")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITDESK_HOME", str(folder / "home"))
        db = open_workspace(folder / "sender.sqlite")
        try:
            generate_demo(db, DemoOptions(300, seed=11, as_of=date(2026, 11, 20)))
            actor = get_profile(db)
            assert actor is not None
            bundle = folder / "big.auditdesk"
            send_audits(ServiceContext(db, actor), bundle, ChangedSince(date(2000, 1, 1)))
        finally:
            db.close()
        yield bundle


def lead_database(path: Path) -> Path:
    db = open_workspace(path)
    try:
        save_profile(db, "Quinn Lead", Agency.EDUCATION, Role.QUALITY_LEAD)
    finally:
        db.close()
    return path


def counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def audit_hashes(path: Path) -> set[tuple[str, str]]:
    with closing(sqlite3.connect(path)) as connection:
        return set(connection.execute("SELECT uuid, content_hash FROM audits"))


def run_import(path: Path, bundle: Path, *, keep_output: bool) -> subprocess.Popen[str]:
    # Unless kept, the preview (long) goes nowhere: a pipe nobody reads would fill up and
    # block the import before it started.
    return subprocess.Popen(
        [sys.executable, "-m", "auditdesk", "bundle", "import", "--db", str(path), str(bundle)],
        cwd=ROOT,
        stdout=subprocess.PIPE if keep_output else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.slow
def test_an_import_killed_midway_is_all_or_nothing(big_bundle: Path, tmp_path: Path) -> None:
    target = lead_database(tmp_path / "lead.sqlite")
    # The command imports as the lead at this computer (the database's own person too).
    give_profile(paths.data_dir(), "Quinn Lead", Agency.EDUCATION, Role.QUALITY_LEAD)
    reference = tmp_path / "reference.sqlite"
    shutil.copyfile(target, reference)
    before = dump(target)
    # What a complete import gives, done in this process on an identical copy.
    db = open_workspace(reference)
    try:
        actor = get_profile(db)
        assert actor is not None
        assert import_bundle(ServiceContext(db, actor), big_bundle).imported
    finally:
        db.close()
    complete = counts(reference)
    assert complete["audits"] > 250

    worker = run_import(target, big_bundle, keep_output=False)
    assert worker.stderr is not None
    for line in worker.stderr:
        if line.startswith("Adding audits"):  # inside the one write transaction
            worker.send_signal(signal.SIGKILL)
            break
    else:
        pytest.fail(f"the import never reached its transaction: {worker.communicate()}")
    worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL
    worker.communicate()

    with closing(sqlite3.connect(target)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    after = counts(target)
    if after["audits"] == 0:
        assert dump(target) == before  # not there at all
    else:
        assert after == complete  # all there
        assert audit_hashes(target) == audit_hashes(reference)

    again = run_import(target, big_bundle, keep_output=True)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert "Traceback" not in out + err
    assert "Imported " in out
    assert counts(target) == complete
    assert audit_hashes(target) == audit_hashes(reference)
