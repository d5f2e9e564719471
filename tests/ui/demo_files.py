"""Small demo databases for window tests: made once per test run, copied for each test so
every test starts from the same file and may change its copy."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from auditdesk.services.demo._generator import DemoOptions, generate_demo
from auditdesk.services.kernel._workspace import open_workspace

AS_OF = date(2026, 11, 20)


def make_demo(path: Path, audits: int, *, seed: int = 5) -> Path:
    db = open_workspace(path)
    generate_demo(db, DemoOptions(audits, seed=seed, as_of=AS_OF))
    db.close()
    return path


def copy_of(original: Path, folder: Path) -> Path:
    copy = folder / original.name
    shutil.copy(original, copy)
    return copy
