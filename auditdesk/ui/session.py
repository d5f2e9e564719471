"""One open database in the window: the lock that makes us its only writer, the
services' context, and the task runner that keeps work off the GUI thread.

Who the user is comes from their own profile on this laptop (asked once, on first run; the
commands read the same one), never from the database opened: the database only learns who
is working in it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from auditdesk.domain.reference import Agency, Role
from auditdesk.services.kernel import (
    Actor,
    Database,
    DatabaseLock,
    ServiceContext,
    open_workspace,
    use_profile,
)
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.task_runner import TaskRunner

AskProfile = Callable[[], tuple[str, Agency, Role] | None]


@dataclass
class AppSession:
    db: Database
    ctx: ServiceContext
    lock: DatabaseLock
    runner: TaskRunner

    @property
    def actor(self) -> Actor:
        return self.ctx.actor

    def close(self) -> None:
        self.runner.shutdown()  # queued edits reach the database first
        self.db.close()
        self.lock.release()


def start_session(
    path: Path,
    preferences: Preferences,
    ask_profile: AskProfile,
    *,
    synchronous: bool = False,
    progress: Callable[[int, int], bool] | None = None,
) -> AppSession | None:
    """Lock, open (or create) and, if needed, introduce the user to the database.

    Raises :class:`auditdesk.errors.UserError` (locked, damaged, newer, not AuditDesk)
    before anything is written; returns ``None`` if the user declines to give a profile.
    """
    lock = DatabaseLock(path, preferences.profile_name or "AuditDesk")
    lock.acquire()
    try:
        db = open_workspace(path, progress=progress)
    except BaseException:
        lock.release()
        raise
    try:
        known: tuple[str, Agency, Role] | None = preferences.profile
        if known is None:
            known = ask_profile()
            if known is not None:
                # Kept as the person gave it (not as the database spells it), where the
                # commands read it too; a profile that cannot be saved stops here.
                preferences.remember_profile(*known)
        actor = use_profile(db, *known) if known is not None else None
    except BaseException:
        db.close()
        lock.release()
        raise
    if actor is None:
        db.close()
        lock.release()
        return None
    preferences.last_database = path
    return AppSession(db, ServiceContext(db, actor), lock, TaskRunner(synchronous=synchronous))
