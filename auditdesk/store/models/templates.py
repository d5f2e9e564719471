"""Template versions as stored: exactly what an audit was filled against."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from auditdesk.domain.clock import utc_now
from auditdesk.store.models.base import Base
from auditdesk.store.types import UtcDateTime


class TemplateVersion(Base):
    """A template exactly as an audit was filled against it; never changed once stored."""

    __tablename__ = "template_versions"
    __table_args__ = (UniqueConstraint("template_id", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[str] = mapped_column(String(80))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    definition: Mapped[str] = mapped_column(Text)  # canonical JSON of the YAML's content
    sha256: Mapped[str] = mapped_column(String(64))
    installed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
