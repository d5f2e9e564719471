"""The change trail: who changed what, when, from what to what, and why."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from auditdesk.domain.clock import utc_now
from auditdesk.store.models.base import Base
from auditdesk.store.types import UtcDateTime


class ChangeTrail(Base):
    """Append-only: who changed what, when, from what to what, and why.

    Triggers in the migration refuse UPDATE and DELETE on this table. It names records by
    UUID (no foreign keys) so the trail outlives anything it describes.
    """

    __tablename__ = "change_trail"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    actor: Mapped[str] = mapped_column(String(120))
    device: Mapped[str] = mapped_column(String(64))
    audit_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    record_type: Mapped[str] = mapped_column(String(32))
    record_uuid: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(200))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
