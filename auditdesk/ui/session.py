"""One open database in the window: the lock that makes us its only writer, the
services' context, and the task runner that keeps work off the GUI thread.

Who the user is comes from their own profile on this laptop (asked once, on first run; the
commands read the same one), never from the database opened: the database only learns who
is working in it.

A session can begin from a first look (:func:`auditdesk.services.kernel.first_look`): the
first page of audits read with plain ``sqlite3``, so the window shows it without waiting
for the database layer to load. The database is then opened properly by
:meth:`AppSession.finish_opening`, which the window calls once that page is painted; and
if anything needs the database sooner (a key pressed in that instant), asking for
:attr:`AppSession.ctx` or :attr:`AppSession.db` finishes the opening first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from auditdesk.domain.reference import Agency, Role
from auditdesk.services import kernel
from auditdesk.services.kernel import (
    Actor,
    AuditRow,
    DatabaseLock,
    FirstLook,
    Page,
    ServiceContext,
)
from auditdesk.ui.audit_list.audit_table_model import PAGE_SIZE
from auditdesk.ui.preferences import Preferences
from auditdesk.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from auditdesk.services.kernel import Database

AskProfile = Callable[[], tuple[str, Agency, Role] | None]
Progress = Callable[[int, int], bool]


class AppSession:
    """The window's hold on one database (see the module's note on the first look)."""

    def __init__(
        self,
        path: Path,
        lock: DatabaseLock,
        runner: TaskRunner,
        *,
        opened: ServiceContext | None = None,
        look: FirstLook | None = None,
        progress: Progress | None = None,
    ) -> None:
        if (opened is None) == (look is None):
            raise ValueError("a session starts opened or from a first look, not both")
        self.path = path
        self.lock = lock
        self.runner = runner
        self._ctx = opened
        self._first_page = look.first_page if look is not None else None
        self._looked_at = look.actor if look is not None else None
        self._progress = progress
        self._gui_thread = threading.get_ident()

    @classmethod
    def opened(cls, ctx: ServiceContext, lock: DatabaseLock, runner: TaskRunner) -> AppSession:
        return cls(ctx.db.path, lock, runner, opened=ctx)

    # -- before the database is open ------------------------------------------------------
    @property
    def opening(self) -> bool:
        """Shown from a first look, and not yet opened properly."""
        return self._ctx is None

    @property
    def read_only(self) -> bool:
        # A first look is taken only of a file this computer can write.
        return self._ctx is not None and self._ctx.db.read_only

    @property
    def upgrade_backup(self) -> Path | None:
        """Where the database was backed up before it was updated for this version (a
        first look is taken only of a database needing no update)."""
        migration = self._ctx.db.migration if self._ctx is not None else None
        return migration.backup if migration is not None else None

    def take_first_page(self) -> Page[AuditRow] | None:
        """The page of the first look, once: the window shows it without asking again."""
        page, self._first_page = self._first_page, None
        return page

    def finish_opening(self) -> None:
        """Open the database properly after a first look (nothing to do otherwise).

        Raises :class:`auditdesk.errors.UserError` if it cannot be opened after all (it
        was damaged, or changed, between the look and now)."""
        if self._ctx is not None or self._looked_at is None:
            return
        if threading.get_ident() != self._gui_thread:
            # Every use of the session starts on the GUI thread, which hands the context
            # to the work it queues; a worker asking first would be a bug in the window.
            raise RuntimeError("the database is opened on the GUI thread only")
        seen = self._looked_at
        db = kernel.open_workspace(self.path, progress=self._progress)
        try:
            # As every opening does: records the person (the look found them as they are).
            actor = kernel.use_profile(db, seen.name, seen.agency, seen.role)
        except BaseException:
            db.close()
            raise
        self._ctx = ServiceContext(db, actor)

    # -- once open -------------------------------------------------------------------------
    @property
    def ctx(self) -> ServiceContext:
        self.finish_opening()
        assert self._ctx is not None
        return self._ctx

    @ctx.setter
    def ctx(self, value: ServiceContext) -> None:
        self._ctx = value

    @property
    def db(self) -> Database:
        return self.ctx.db

    @property
    def actor(self) -> Actor:
        return self.ctx.actor

    def close(self) -> None:
        self.runner.shutdown()  # queued edits reach the database first
        if self._ctx is not None:
            self._ctx.db.close()
        self.lock.release()


def start_session(
    path: Path,
    preferences: Preferences,
    ask_profile: AskProfile,
    *,
    synchronous: bool = False,
    progress: Progress | None = None,
) -> AppSession | None:
    """Lock, open (or create) and, if needed, introduce the user to the database.

    Raises :class:`auditdesk.errors.UserError` (locked, damaged, newer, not AuditDesk)
    before anything is written; returns ``None`` if the user declines to give a profile.
    """
    lock = DatabaseLock(path, preferences.profile_name or "AuditDesk")
    lock.acquire()
    try:
        db = kernel.open_workspace(path, progress=progress)
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
        actor = kernel.use_profile(db, *known) if known is not None else None
    except BaseException:
        db.close()
        lock.release()
        raise
    if actor is None:
        db.close()
        lock.release()
        return None
    preferences.last_database = path
    runner = TaskRunner(synchronous=synchronous)
    return AppSession.opened(ServiceContext(db, actor), lock, runner)


def start_from_first_look(
    path: Path,
    preferences: Preferences,
    *,
    synchronous: bool = False,
    progress: Progress | None = None,
) -> AppSession | None:
    """A session shown from a first look, if the database allows one (see the module's
    note); ``None`` if it must be opened the full way (:func:`start_session`).

    Raises :class:`auditdesk.errors.UserError` if the database is locked by someone else."""
    known = preferences.profile
    if known is None:
        return None
    look = kernel.first_look(path, *known, page_size=PAGE_SIZE)
    if look is None:
        return None
    lock = DatabaseLock(look.path, preferences.profile_name or "AuditDesk")
    lock.acquire()
    preferences.last_database = path
    runner = TaskRunner(synchronous=synchronous)
    return AppSession(look.path, lock, runner, look=look, progress=progress)
