"""Offline exchange: revision history, sent and received bundles, provenance, conflicts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

New tables only; nothing existing is altered, so an older database gains them without any
of its rows being copied. Audits already in the database start with no sealed revisions:
each is sealed the first time it is sent.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "record_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_type", sa.String(length=32), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("parent_hash", sa.String(length=64), nullable=True),
        sa.Column("ancestry", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("document", sa.Text(), nullable=True),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "origin IN ('sent', 'received', 'replaced', 'resolved')",
            name=op.f("ck_record_revisions_origin"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_revisions")),
        sa.UniqueConstraint(
            "record_uuid",
            "revision",
            "content_hash",
            name=op.f("uq_record_revisions_record_uuid"),
        ),
    )
    op.create_table(
        "sent_bundles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("selection", sa.Text(), nullable=False),
        sa.Column("audits", sa.Integer(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sent_bundles")),
        sa.UniqueConstraint("uuid", name=op.f("uq_sent_bundles_uuid")),
    )
    op.create_table(
        "sent_records",
        sa.Column("sent_bundle_id", sa.Integer(), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("record_type", sa.String(length=32), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["sent_bundle_id"],
            ["sent_bundles.id"],
            name=op.f("fk_sent_records_sent_bundle_id_sent_bundles"),
        ),
        sa.PrimaryKeyConstraint("sent_bundle_id", "record_uuid", name=op.f("pk_sent_records")),
    )
    with op.batch_alter_table("sent_records", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sent_records_record_uuid_hash", ["record_uuid", "content_hash"], unique=False
        )

    op.create_table(
        "received_bundles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bundle_uuid", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("app_version", sa.String(length=32), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=120), nullable=False),
        sa.Column("new_records", sa.Integer(), nullable=False),
        sa.Column("updated_records", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("problems", sa.Integer(), nullable=False),
        sa.Column("backup_file", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_bundles")),
    )
    with op.batch_alter_table("received_bundles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_received_bundles_bundle_uuid"), ["bundle_uuid"], unique=False
        )

    op.create_table(
        "record_provenance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("received_bundle_id", sa.Integer(), nullable=False),
        sa.Column("record_type", sa.String(length=32), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('new', 'updated', 'conflict')",
            name=op.f("ck_record_provenance_outcome"),
        ),
        sa.ForeignKeyConstraint(
            ["received_bundle_id"],
            ["received_bundles.id"],
            name=op.f("fk_record_provenance_received_bundle_id_received_bundles"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_provenance")),
    )
    with op.batch_alter_table("record_provenance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_record_provenance_received_bundle_id"),
            ["received_bundle_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_record_provenance_record_uuid"), ["record_uuid"], unique=False
        )

    op.create_table(
        "bundle_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("record_type", sa.String(length=32), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("audit_uuid", sa.String(length=36), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("local_revision", sa.Integer(), nullable=False),
        sa.Column("local_hash", sa.String(length=64), nullable=False),
        sa.Column("local_document", sa.Text(), nullable=False),
        sa.Column("incoming_revision", sa.Integer(), nullable=False),
        sa.Column("incoming_hash", sa.String(length=64), nullable=False),
        sa.Column("incoming_parent_hash", sa.String(length=64), nullable=True),
        sa.Column("incoming_ancestry", sa.Text(), nullable=False),
        sa.Column("incoming_document", sa.Text(), nullable=False),
        sa.Column("incoming_extra", sa.Text(), nullable=False),
        sa.Column("incoming_author", sa.String(length=120), nullable=False),
        sa.Column("incoming_device", sa.String(length=64), nullable=False),
        sa.Column("received_bundle_id", sa.Integer(), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.String(length=120), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'kept_mine', 'took_theirs', 'superseded')",
            name=op.f("ck_bundle_conflicts_status"),
        ),
        sa.ForeignKeyConstraint(
            ["received_bundle_id"],
            ["received_bundles.id"],
            name=op.f("fk_bundle_conflicts_received_bundle_id_received_bundles"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bundle_conflicts")),
        sa.UniqueConstraint(
            "record_uuid", "incoming_hash", name=op.f("uq_bundle_conflicts_record_uuid")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_bundle_conflicts_uuid")),
    )
    with op.batch_alter_table("bundle_conflicts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bundle_conflicts_audit_uuid"), ["audit_uuid"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_bundle_conflicts_received_bundle_id"),
            ["received_bundle_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_bundle_conflicts_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bundle_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bundle_conflicts_status"))
        batch_op.drop_index(batch_op.f("ix_bundle_conflicts_received_bundle_id"))
        batch_op.drop_index(batch_op.f("ix_bundle_conflicts_audit_uuid"))
    op.drop_table("bundle_conflicts")
    with op.batch_alter_table("record_provenance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_provenance_record_uuid"))
        batch_op.drop_index(batch_op.f("ix_record_provenance_received_bundle_id"))
    op.drop_table("record_provenance")
    with op.batch_alter_table("received_bundles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_received_bundles_bundle_uuid"))
    op.drop_table("received_bundles")
    with op.batch_alter_table("sent_records", schema=None) as batch_op:
        batch_op.drop_index("ix_sent_records_record_uuid_hash")
    op.drop_table("sent_records")
    op.drop_table("sent_bundles")
    op.drop_table("record_revisions")
