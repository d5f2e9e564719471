"""Moderation: the samples a quality lead draws, each second marking (given blind) and
the grades agreed."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from auditdesk.store.models.base import Base, Travelling
from auditdesk.store.types import UtcDateTime


class ModerationSample(Travelling, Base):
    """A moderation round: which audits a quality lead drew for second marking, and how."""

    __tablename__ = "moderation_samples"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    percentage: Mapped[float] = mapped_column(Float)
    period_from: Mapped[date | None] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    strata: Mapped[str] = mapped_column(Text)  # how it was stratified, in words and JSON
    seed: Mapped[int] = mapped_column(Integer)


class Moderation(Travelling, Base):
    """A second marker's blind review of one audit revision, then the agreed outcome.

    A record of its own (never columns on the audit) so a quality lead's moderation never
    conflicts with the auditor's own later edits when bundles meet.
    """

    __tablename__ = "moderations"
    __table_args__ = (
        CheckConstraint("status IN ('drawn', 'assigned', 'submitted', 'agreed')", name="status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id", ondelete="CASCADE"), index=True)
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("moderation_samples.id"), index=True)
    audit_revision: Mapped[int] = mapped_column(Integer)
    audit_hash: Mapped[str] = mapped_column(String(64))
    second_marker_id: Mapped[int | None] = mapped_column(ForeignKey("auditors.id"), index=True)
    assigned_by: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(16), default="drawn", index=True)
    second_overall_grade: Mapped[str | None] = mapped_column(String(32))
    agreed_grade: Mapped[str | None] = mapped_column(String(32))
    notes: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    agreed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ModerationRating(Base):
    """The second marker's rating for one question (in one block), given blind."""

    __tablename__ = "moderation_ratings"
    __table_args__ = (
        Index(
            "uq_moderation_ratings_top_level",
            "moderation_id",
            "question_id",
            unique=True,
            sqlite_where=text("block_id IS NULL"),
        ),
        Index(
            "uq_moderation_ratings_in_block",
            "moderation_id",
            "question_id",
            "block_id",
            unique=True,
            sqlite_where=text("block_id IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    moderation_id: Mapped[int] = mapped_column(ForeignKey("moderations.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(80))
    block_id: Mapped[int | None] = mapped_column(
        ForeignKey("audit_blocks.id", ondelete="CASCADE"), index=True
    )
    rating: Mapped[str] = mapped_column(String(40))
    comment: Mapped[str] = mapped_column(Text, default="")


class ModerationGrade(Base):
    """First, second and agreed grade for one scope: a section id, or ``overall``."""

    __tablename__ = "moderation_grades"
    moderation_id: Mapped[int] = mapped_column(
        ForeignKey("moderations.id", ondelete="CASCADE"), primary_key=True
    )
    scope: Mapped[str] = mapped_column(String(80), primary_key=True)
    first_grade: Mapped[str | None] = mapped_column(String(32))
    second_grade: Mapped[str | None] = mapped_column(String(32))
    agreed_grade: Mapped[str | None] = mapped_column(String(32))
