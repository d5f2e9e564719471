"""A database file from the outside, before it is opened: what it is, and the lock that
makes this window its only writer. The window asks before it decides how to open one, so
none of it needs the database layer."""

from __future__ import annotations

from pathlib import Path

from auditdesk.store.lock import DatabaseLock
from auditdesk.store.problems import location_is_read_only

__all__ = ["DatabaseLock", "is_empty_file", "is_read_only"]


def is_empty_file(path: Path) -> bool:
    """A file that exists and holds nothing: opening it would make a new database in it."""
    path = path.expanduser()
    return path.is_file() and path.stat().st_size == 0


def is_read_only(path: Path) -> bool:
    """An existing database this computer cannot write to (its file, folder or drive)."""
    path = path.expanduser()
    return path.is_file() and location_is_read_only(path)
