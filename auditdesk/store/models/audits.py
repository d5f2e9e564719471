"""Audits and what they hold: the team, repeating blocks, answers, section grades, and the
actions that close the loop."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from auditdesk.domain.clock import utc_now
from auditdesk.store.models.base import Base, Travelling
from auditdesk.store.types import UtcDateTime


class Audit(Travelling, Base):
    """One audit of a child's plan, or one quality visit to a setting.

    The child's year group, phase, need and locality are copied in when the audit is made:
    they describe the child *when audited*, and they make list filters single-table.
    """

    __tablename__ = "audits"
    __table_args__ = (
        CheckConstraint(
            "status IN ('draft', 'completed', 'moderated', 'signed_off')", name="status"
        ),
        Index("ix_audits_audit_date_id", "audit_date", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    template_version_id: Mapped[int] = mapped_column(ForeignKey("template_versions.id"), index=True)
    template_id: Mapped[str] = mapped_column(String(80), index=True)
    subject_kind: Mapped[str] = mapped_column(String(16))
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id"), index=True)
    child_id: Mapped[int | None] = mapped_column(ForeignKey("children.id"), index=True)
    setting_id: Mapped[int | None] = mapped_column(ForeignKey("settings.id"), index=True)
    year_group: Mapped[int | None] = mapped_column(Integer)
    phase: Mapped[str | None] = mapped_column(String(16), index=True)
    primary_need: Mapped[str | None] = mapped_column(String(8), index=True)
    locality: Mapped[str | None] = mapped_column(String(80), index=True)
    setting_type: Mapped[str | None] = mapped_column(String(32))
    plan_stage: Mapped[str | None] = mapped_column(String(32))
    audit_date: Mapped[date] = mapped_column(Date)
    term_key: Mapped[str] = mapped_column(String(8), index=True)
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    suggested_grade: Mapped[str | None] = mapped_column(String(32))
    # The auditor's own override (with a reason); ``final_grade`` is what counts: the
    # moderation's agreed grade if there is one, else the override, else the suggestion.
    override_grade: Mapped[str | None] = mapped_column(String(32))
    final_grade: Mapped[str | None] = mapped_column(String(32), index=True)
    override_reason: Mapped[str | None] = mapped_column(Text)
    override_by: Mapped[str | None] = mapped_column(String(120))
    lead_auditor_id: Mapped[int] = mapped_column(ForeignKey("auditors.id"), index=True)
    lead_agency: Mapped[str] = mapped_column(String(32), index=True)
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    signed_off_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    signed_off_by: Mapped[str | None] = mapped_column(String(120))
    # Lower-cased reference, child reference, setting and auditor names: one LIKE serves
    # the list's text search without joins.
    search_text: Mapped[str] = mapped_column(Text, default="")

    team: Mapped[list[AuditAuditor]] = relationship(
        cascade="all, delete-orphan", order_by="AuditAuditor.position"
    )


class AuditAuditor(Base):
    """Who audited: the lead and co-auditors, each with the agency they audited for."""

    __tablename__ = "audit_auditors"
    audit_id: Mapped[int] = mapped_column(
        ForeignKey("audits.id", ondelete="CASCADE"), primary_key=True
    )
    auditor_id: Mapped[int] = mapped_column(ForeignKey("auditors.id"), primary_key=True)
    agency: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (Index("ix_audit_auditors_auditor_audit", "auditor_id", "audit_id"),)


class AuditBlock(Base):
    """An instance of a repeating section: a sampled child, an outcome, a provision line."""

    __tablename__ = "audit_blocks"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[str] = mapped_column(String(80))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("audit_blocks.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    child_id: Mapped[int | None] = mapped_column(ForeignKey("children.id"))
    year_group: Mapped[int | None] = mapped_column(Integer)


class Answer(Base):
    """One rating (or N/A) with its comment and evidence, for a question in a block."""

    __tablename__ = "answers"
    __table_args__ = (
        # One answer per question per block. Two partial indexes because NULL (no block)
        # never equals NULL in a plain unique index. SQLite's options only: naming another
        # database's (postgresql_where) makes SQLAlchemy import that dialect at start-up.
        Index(
            "uq_answers_top_level",
            "audit_id",
            "question_id",
            unique=True,
            sqlite_where=text("block_id IS NULL"),
        ),
        Index(
            "uq_answers_in_block",
            "audit_id",
            "question_id",
            "block_id",
            unique=True,
            sqlite_where=text("block_id IS NOT NULL"),
        ),
        Index("ix_answers_question_rating", "question_id", "rating"),
        # An audit's answers on either side of a block, and all a Board figure reads of
        # them, from the index alone (migration 0004).
        Index("ix_answers_audit_question_rating", "audit_id", "question_id", "rating"),
        # The few answers marked for the Board, found without reading the rest.
        Index(
            "ix_answers_board_highlight",
            "board_highlight",
            sqlite_where=text("board_highlight IS NOT NULL"),
        ),
        CheckConstraint(
            "board_highlight IS NULL OR board_highlight IN ('working_well', 'needs_improvement')",
            name="board_highlight",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(80))
    block_id: Mapped[int | None] = mapped_column(
        ForeignKey("audit_blocks.id", ondelete="CASCADE"), index=True
    )
    rating: Mapped[str | None] = mapped_column(String(40))
    comment: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    # Marked by a quality lead for the Board pack's "working well / needs to improve".
    board_highlight: Mapped[str | None] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(120))


class AuditSectionGrade(Base):
    """The suggested grade of each graded section of an audit, kept current on every edit
    so Board figures "by section" are a GROUP BY, not a regrade of every audit."""

    __tablename__ = "audit_section_grades"
    audit_id: Mapped[int] = mapped_column(
        ForeignKey("audits.id", ondelete="CASCADE"), primary_key=True
    )
    section_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    grade: Mapped[str | None] = mapped_column(String(32))
    average: Mapped[float | None] = mapped_column(Float)
    rated: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (Index("ix_audit_section_grades_section_grade", "section_id", "grade"),)


class Action(Travelling, Base):
    """Closing the loop: what must change, who owns it, by when, and when to re-audit."""

    __tablename__ = "actions"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'in_progress', 'done', 'cancelled')", name="status"),
        Index("ix_actions_status_due", "status", "due_date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str | None] = mapped_column(String(80))
    block_id: Mapped[int | None] = mapped_column(ForeignKey("audit_blocks.id", ondelete="SET NULL"))
    finding: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)
    owner_agency: Mapped[str] = mapped_column(String(32), index=True)
    owner: Mapped[str] = mapped_column(String(120))
    due_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")
    re_audit_date: Mapped[date | None] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date)
