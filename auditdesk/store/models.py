"""The tables, as typed SQLAlchemy 2.0 models. Alembic migrations must agree with these
(a test compares them).

Records that travel between laptops in bundles carry :class:`Travelling` columns: a UUID,
a revision, the hash of their content, UTC times, author and device.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from auditdesk.store.types import JsonText, UtcDateTime, utc_now

# Named constraints let batch migrations on SQLite find and alter them later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Travelling:
    """Identity for records that move between databases in bundles."""

    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    author: Mapped[str] = mapped_column(String(120))
    device: Mapped[str] = mapped_column(String(64))


class AppState(Base):
    """Small facts about this database: its device id, whose laptop it is."""

    __tablename__ = "app_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Auditor(Travelling, Base):
    __tablename__ = "auditors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    agency: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(32))


class Setting(Travelling, Base):
    """A school, college or early-years setting (not an application setting)."""

    __tablename__ = "settings"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    urn: Mapped[str | None] = mapped_column(String(12))
    setting_type: Mapped[str] = mapped_column(String(32))
    phase: Mapped[str] = mapped_column(String(32))
    locality: Mapped[str] = mapped_column(String(80))


class Child(Travelling, Base):
    """A child or young person, known only by a local pseudonymous reference."""

    __tablename__ = "children"
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    year_group: Mapped[int] = mapped_column(Integer)
    primary_need: Mapped[str] = mapped_column(String(8))
    locality: Mapped[str] = mapped_column(String(80))
    setting_id: Mapped[int | None] = mapped_column(ForeignKey("settings.id"))


class Plan(Travelling, Base):
    __tablename__ = "plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    stage: Mapped[str] = mapped_column(String(32))
    issue_date: Mapped[date | None] = mapped_column(Date)
    setting_id: Mapped[int | None] = mapped_column(ForeignKey("settings.id"))


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
        # never equals NULL in a plain unique index, on SQLite as on PostgreSQL.
        Index(
            "uq_answers_top_level",
            "audit_id",
            "question_id",
            unique=True,
            sqlite_where=text("block_id IS NULL"),
            postgresql_where=text("block_id IS NULL"),
        ),
        Index(
            "uq_answers_in_block",
            "audit_id",
            "question_id",
            "block_id",
            unique=True,
            sqlite_where=text("block_id IS NOT NULL"),
            postgresql_where=text("block_id IS NOT NULL"),
        ),
        Index("ix_answers_question_rating", "question_id", "rating"),
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
            postgresql_where=text("block_id IS NULL"),
        ),
        Index(
            "uq_moderation_ratings_in_block",
            "moderation_id",
            "question_id",
            "block_id",
            unique=True,
            sqlite_where=text("block_id IS NOT NULL"),
            postgresql_where=text("block_id IS NOT NULL"),
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


# -- offline exchange (bundles) ----------------------------------------------------------
# Revisions are identified by content hash; revision numbers are for people to read.


class RecordRevision(Base):
    """A revision of a travelling record that also exists outside this database: sealed
    when it was sent, received in a bundle, or replaced by an import or a conflict decision.

    A sealed revision never changes: the first edit after sealing starts a new revision
    whose parent is the sealed one (see :mod:`auditdesk.services.kernel._revisions`). ``ancestry``
    lists every earlier revision's hash, newest first, so a bundle can tell whether its
    revision follows from the one here. ``document`` keeps the full canonical content of
    every revision received or chosen here (and of a sent one once it is replaced), so no
    accepted revision is ever lost, whatever is edited afterwards.
    """

    __tablename__ = "record_revisions"
    __table_args__ = (
        UniqueConstraint("record_uuid", "revision", "content_hash"),
        CheckConstraint("origin IN ('sent', 'received', 'replaced', 'resolved')", name="origin"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    record_type: Mapped[str] = mapped_column(String(32))
    record_uuid: Mapped[str] = mapped_column(String(36))
    revision: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    parent_hash: Mapped[str | None] = mapped_column(String(64))
    ancestry: Mapped[str] = mapped_column(JsonText, default="[]")  # JSON list of hashes
    origin: Mapped[str] = mapped_column(String(16))
    document: Mapped[str | None] = mapped_column(JsonText)  # canonical JSON (see above)
    author: Mapped[str] = mapped_column(String(120))
    device: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class SentBundle(Base):
    """A bundle written by File > Send audits (or ``auditdesk bundle export``)."""

    __tablename__ = "sent_bundles"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    file_name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    author: Mapped[str] = mapped_column(String(120))
    device: Mapped[str] = mapped_column(String(64))
    selection: Mapped[str] = mapped_column(Text)  # what was chosen, in words
    audits: Mapped[int] = mapped_column(Integer)
    records: Mapped[int] = mapped_column(Integer)


class SentRecord(Base):
    """One record as it went out in one bundle."""

    __tablename__ = "sent_records"
    __table_args__ = (Index("ix_sent_records_record_uuid_hash", "record_uuid", "content_hash"),)
    sent_bundle_id: Mapped[int] = mapped_column(ForeignKey("sent_bundles.id"), primary_key=True)
    record_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_type: Mapped[str] = mapped_column(String(32))
    revision: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))


class ReceivedBundle(Base):
    """A bundle imported into this database: from whom, when, and what it changed."""

    __tablename__ = "received_bundles"
    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_uuid: Mapped[str] = mapped_column(String(36), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    file_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)  # when the sender wrote it
    author: Mapped[str] = mapped_column(String(120))
    device: Mapped[str] = mapped_column(String(64))
    app_version: Mapped[str] = mapped_column(String(32))
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    imported_by: Mapped[str] = mapped_column(String(120))
    new_records: Mapped[int] = mapped_column(Integer, default=0)
    updated_records: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    problems: Mapped[int] = mapped_column(Integer, default=0)
    backup_file: Mapped[str | None] = mapped_column(Text)


class RecordProvenance(Base):
    """Where an imported record came from: the bundle, its author and device, and when."""

    __tablename__ = "record_provenance"
    __table_args__ = (CheckConstraint("outcome IN ('new', 'updated', 'conflict')", name="outcome"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    received_bundle_id: Mapped[int] = mapped_column(ForeignKey("received_bundles.id"), index=True)
    record_type: Mapped[str] = mapped_column(String(32))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    author: Mapped[str] = mapped_column(String(120))
    device: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class BundleConflict(Base):
    """An incoming revision that does not follow from the one here: both are kept, nothing
    is overwritten, and the quality lead decides (keep mine, or take theirs)."""

    __tablename__ = "bundle_conflicts"
    __table_args__ = (
        UniqueConstraint("record_uuid", "incoming_hash"),
        CheckConstraint(
            "status IN ('open', 'kept_mine', 'took_theirs', 'superseded')", name="status"
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    record_type: Mapped[str] = mapped_column(String(32))
    record_uuid: Mapped[str] = mapped_column(String(36))
    audit_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    label: Mapped[str] = mapped_column(String(200))
    local_revision: Mapped[int] = mapped_column(Integer)
    local_hash: Mapped[str] = mapped_column(String(64))
    local_document: Mapped[str] = mapped_column(JsonText)  # canonical JSON when detected
    incoming_revision: Mapped[int] = mapped_column(Integer)
    incoming_hash: Mapped[str] = mapped_column(String(64))
    incoming_parent_hash: Mapped[str | None] = mapped_column(String(64))
    incoming_ancestry: Mapped[str] = mapped_column(JsonText, default="[]")
    incoming_document: Mapped[str] = mapped_column(JsonText)  # canonical JSON
    incoming_extra: Mapped[str] = mapped_column(JsonText, default="{}")  # stamps, trail
    incoming_author: Mapped[str] = mapped_column(String(120))
    incoming_device: Mapped[str] = mapped_column(String(64))
    received_bundle_id: Mapped[int] = mapped_column(ForeignKey("received_bundles.id"), index=True)
    detected_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(120))
    note: Mapped[str] = mapped_column(Text, default="")
