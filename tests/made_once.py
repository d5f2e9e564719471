"""Databases made once per test run and copied for each test that needs one.

Making a new database costs most of a second (every migration runs, then the shipped
templates are frozen in), and a demo database a few seconds more; copying a file costs a
few milliseconds. So the blank database and each demo database (by its options) are made
once, and every test gets its own copy, a new laptop with its own device id.

With pytest-xdist each worker is a session of its own: the first worker to ask makes the
file in the run's shared temporary folder, under a lock, and the others wait for it. Where
there is no ``fcntl`` (Windows) each test process makes its own.

Nothing here replaces the code being tested: the files are made by ``open_workspace`` and
``generate_demo``, exactly as the window and ``auditdesk demo`` make them, and a copy is
opened with ``open_workspace`` like any database a person already has.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path

import pytest

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: each process makes its own files
    fcntl = None  # type: ignore[assignment]

DEMO_AS_OF = date(2026, 11, 20)

_folders: dict[str, Path] = {}  # "shared" (this run's) and "own" (this process's)
_own_copies: dict[str, Path] = {}


def use_folders(factory: pytest.TempPathFactory) -> None:
    """Where this session keeps what it makes (called once, by a session fixture)."""
    own = factory.getbasetemp() / "made-once"
    shared = own
    if os.environ.get("PYTEST_XDIST_WORKER") and fcntl is not None:
        # Each worker's base folder is one per run (pytest-N/popen-gwK): its parent is
        # this run's alone, so nothing is shared with an earlier run's stale files.
        shared = factory.getbasetemp().parent / "made-once"
    for folder in (own, shared):
        folder.mkdir(exist_ok=True)
    _folders.update(shared=shared, own=own)
    _own_copies.clear()


def blank_database() -> Path:
    """A new database (the schema and the shipped templates, nothing else). Never open it:
    copy it with :func:`new_database`."""
    return _made_once("blank.sqlite", _make_blank)


def new_database(path: Path) -> Path:
    """Put a new database at ``path``, as opening a file that is not there would make."""
    return copy_database(blank_database(), path)


def demo_database(audits: int, *, seed: int, as_of: date = DEMO_AS_OF) -> Path:
    """A demo database of these options (``auditdesk demo``), made once per run. It belongs
    to this process and is never changed: copy it (:func:`copy_database`) to change it."""
    name = f"demo-{audits}-seed-{seed}-{as_of.isoformat()}.sqlite"
    if name not in _own_copies:
        shared = _made_once(name, lambda path: _make_demo(path, audits, seed, as_of))
        # Opening a file writes to it (WAL mode): each process reads its own.
        _own_copies[name] = copy_database(shared, _folder("own") / f"own-{name}")
    return _own_copies[name]


def copy_database(source: Path, target: Path) -> Path:
    """A copy of a closed database file, with its own device id (a different laptop)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    with closing(sqlite3.connect(target)) as connection:
        connection.execute("PRAGMA synchronous=OFF")  # a test's file: nothing to keep safe
        with connection:
            connection.execute(
                "UPDATE app_state SET value = ? WHERE key = 'device_id'", (str(uuid.uuid4()),)
            )
    return target


def _made_once(name: str, make: Callable[[Path], None]) -> Path:
    folder = _folder("shared")
    target = folder / name
    with _locked(folder / f"{name}.lock"):
        if not target.exists():
            making = folder / f"{name}.making"
            for leftover in (making, *_sidecars(making)):
                leftover.unlink(missing_ok=True)  # a process that failed half-way
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("AUDITDESK_HOME", str(folder / "home"))  # not the real one
                make(making)
            _as_one_file(making)
            os.replace(making, target)
    return target


def _make_blank(path: Path) -> None:
    from auditdesk.services.kernel import open_workspace

    open_workspace(path).close()


def _make_demo(path: Path, audits: int, seed: int, as_of: date) -> None:
    from auditdesk.services.demo import DemoOptions, generate_demo
    from auditdesk.services.kernel import open_workspace

    db = open_workspace(path)
    try:
        generate_demo(db, DemoOptions(audits, seed=seed, as_of=as_of))
    finally:
        db.close()


def _as_one_file(path: Path) -> None:
    """Everything in the main file (no ``-wal`` beside it), so a plain copy is whole."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
    left = [sidecar.name for sidecar in _sidecars(path) if sidecar.exists()]
    assert not left, f"{path.name} is still open somewhere: {left}"


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _folder(kind: str) -> Path:
    if kind not in _folders:
        raise RuntimeError("tests/made_once.py: use_folders() was not called for this session")
    return _folders[kind]


@contextmanager
def _locked(lock: Path) -> Iterator[None]:
    if fcntl is None:  # pragma: no cover - one process per folder, nothing to lock
        yield
        return
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
