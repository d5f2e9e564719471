"""Offline exchange between laptops (bundles): revisions of travelling records, what was
sent and received, where imported records came from, and conflicts awaiting a decision.

Revisions are identified by content hash; revision numbers are for people to read.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from auditdesk.domain.clock import utc_now
from auditdesk.store.models.base import Base
from auditdesk.store.types import JsonText, UtcDateTime


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
