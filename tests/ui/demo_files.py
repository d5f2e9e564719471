"""Small demo databases for window tests: made once per test run, copied for each test so
every test starts from the same file and may change its copy."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from tests.made_once import copy_database, demo_database

AS_OF = date(2026, 11, 20)


def make_demo(path: Path, audits: int, *, seed: int = 5) -> Path:
    """A demo database at ``path``: a copy of the one made once per run for these options."""
    return copy_database(demo_database(audits, seed=seed, as_of=AS_OF), path)


def copy_of(original: Path, folder: Path) -> Path:
    copy = folder / original.name
    shutil.copy(original, copy)
    return copy
