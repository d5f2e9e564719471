"""Who is doing the work, on which database, and what time it is: passed into every
service call rather than reached through a global."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from auditdesk.domain.clock import utc_now
from auditdesk.domain.reference import Agency, Role

if TYPE_CHECKING:  # the window's first page is shown before the database layer is loaded
    from auditdesk.store.database import Database


@dataclass(frozen=True)
class Actor:
    """The person using this copy of AuditDesk (the profile from the welcome screen)."""

    name: str
    agency: Agency
    role: Role
    auditor_uuid: str


@dataclass(frozen=True)
class ServiceContext:
    db: Database
    actor: Actor
    clock: Callable[[], datetime] = field(default=utc_now)

    @property
    def device(self) -> str:
        return self.db.device_id

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """The local calendar date (due dates and "overdue" are local-day ideas)."""
        return self.clock().astimezone().date()
