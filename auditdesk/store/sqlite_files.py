"""Opening SQLite files with Python's own ``sqlite3``: the one way AuditDesk connects to a
file (the engine's pool, probes, backups and the window's first look all come here), and
how it recognises its own files.

Kept apart from the engine so that what needs only a plain connection (start-up's first
look above all) does not load SQLAlchemy.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

#: "ADSK" in the SQLite header (offset 68): how AuditDesk recognises its own files.
APPLICATION_ID = 0x4144534B
BUSY_TIMEOUT_MS = 5000


def open_connection(
    path: Path, *, read_only: bool = False, check_same_thread: bool = True
) -> sqlite3.Connection:
    """The one way AuditDesk opens a SQLite file (the engine, probes and backups all use it).

    Read-only opening is enforced by SQLite itself (``mode=ro``). Where SQLite could not
    even make the ``-shm`` file a WAL database needs for reading (a read-only folder or
    drive), and there is no ``-wal`` content to miss, the file is opened ``immutable``:
    nothing there can change it while it is open.
    """
    immutable = read_only and _needs_immutable(path)
    return sqlite3.connect(
        sqlite_uri(path, read_only=read_only, immutable=immutable),
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=check_same_thread,
    )


def _needs_immutable(path: Path) -> bool:
    folder_writable = os.access(path.parent, os.W_OK)
    shm = path.with_name(path.name + "-shm")
    wal = path.with_name(path.name + "-wal")
    wal_empty = not wal.exists() or wal.stat().st_size == 0
    return not folder_writable and not shm.exists() and wal_empty


def sqlite_uri(path: Path, *, read_only: bool = False, immutable: bool = False) -> str:
    """A percent-encoded URI, so any path works ('#', '?' and '%' included) and read-only
    opening is enforced by SQLite itself."""
    options = "?mode=ro" + ("&immutable=1" if immutable else "") if read_only else ""
    return "file:" + quote(path.resolve().as_posix()) + options


@contextmanager
def probe(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only look inside a file that leaves no trace behind.

    Opening a WAL database, even read-only, makes SQLite create empty ``-wal`` and ``-shm``
    files beside it. Those this probe created are removed again (an empty ``-wal`` holds
    nothing), so refusing a file really does leave the folder as it was.
    """
    sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = {sidecar: sidecar.exists() for sidecar in sidecars}
    connection = open_connection(path, read_only=True)
    try:
        yield connection
    finally:
        connection.close()
        wal = sidecars[0]
        if not existed[wal] and wal.exists() and wal.stat().st_size == 0:
            for sidecar in sidecars:
                if not existed[sidecar]:
                    sidecar.unlink(missing_ok=True)


def read_application_id(path: Path) -> int | None:
    """The application id in a file's SQLite header, or ``None`` if it is not SQLite.

    Read from the raw header so a foreign or damaged file is never opened for writing.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return None
    return int.from_bytes(header[68:72], "big")
