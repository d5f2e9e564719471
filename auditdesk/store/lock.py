"""One writer per database: a lock file beside it says who holds it.

The file holds who, where and since when (so the next person is told, in words, who has
the database open), and the holder keeps an OS lock on it for as long as it runs. The OS
drops that lock when the process dies, however it dies, so a lock left by a killed
process never blocks the next start: if we can take the OS lock, the old holder is gone.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import sys
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from auditdesk.domain.wording import date_time_text
from auditdesk.errors import DatabaseLocked, FileProblem
from auditdesk.store import problems

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@dataclass(frozen=True)
class LockHolder:
    name: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        """Who holds the database, as the next person reads it: "Priya Shah on the computer
        vm since 7 December 2026 at 12:47" (without the time if it cannot be read)."""
        since = ""
        with suppress(ValueError):
            since = f" since {date_time_text(datetime.fromisoformat(self.since))}"
        return f"{self.name} on the computer {self.host}{since}"


class DatabaseLock:
    """Hold with ``acquire()`` / ``release()`` or as a context manager."""

    def __init__(self, database: Path, holder_name: str) -> None:
        self.database = database
        self.path = database.with_name(database.name + ".lock")
        self.holder_name = holder_name
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        """Take the lock, or raise :class:`DatabaseLocked` naming who holds it."""
        if self._handle is not None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # "a+" never truncates: the holder's details stay readable until we own it.
            handle = self.path.open("a+", encoding="utf-8")
        except OSError as error:
            if problems.location_is_read_only(self.database):
                # Nobody can change a read-only database, so there is nothing to hold: say
                # that, rather than talk about a lock file the person never chose.
                raise problems.read_only(self.database) from None
            raise FileProblem(
                f"Cannot create the lock file {self.path.name} next to the database "
                f"({error.strerror}). Is the folder read-only?"
            ) from None
        try:
            self._take(handle)
        except OSError as error:
            with suppress(OSError):  # closing flushes what could not be written: again
                handle.close()
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                raise FileProblem(
                    f"The disk holding {self.database.name} is full, so AuditDesk cannot "
                    "note that it is using it. Free some space and try again; nothing was "
                    "changed."
                ) from None
            raise FileProblem(
                f"Cannot write the lock file {self.path.name} next to the database "
                f"({error.strerror or error}). Nothing was changed."
            ) from None

    def _take(self, handle: IO[str]) -> None:
        if not _try_lock(handle):
            holder = self.read_holder()
            handle.close()
            who = f"by {holder.describe()}" if holder else "in another AuditDesk window"
            raise DatabaseLocked(
                f"{self.database.name} is open {who}. Only one AuditDesk can change a "
                "database at a time: close it there first, or open a different database."
            )
        holder = LockHolder(
            self.holder_name, socket.gethostname(), os.getpid(), datetime.now(UTC).isoformat()
        )
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(holder.__dict__))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        # The emptied file stays: deleting it could let two newcomers lock two different
        # files of the same name. An empty, unlocked file means "free".
        try:
            handle.seek(0)
            handle.truncate()
            _unlock(handle)
        finally:
            handle.close()

    def read_holder(self) -> LockHolder | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8") or "null")
            return LockHolder(
                str(data["name"]), str(data["host"]), int(data["pid"]), str(data["since"])
            )
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()
