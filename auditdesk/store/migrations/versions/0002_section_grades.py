"""Section grades stored per audit, for Board figures by section.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

The rows are filled by the application after migrating (the grading engine lives in the
domain layer, which a migration must not depend on); see
``auditdesk.services.audits._section_grades.fill_missing_section_grades``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_section_grades",
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("section_id", sa.String(length=80), nullable=False),
        sa.Column("grade", sa.String(length=32), nullable=True),
        sa.Column("average", sa.Float(), nullable=True),
        sa.Column("rated", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"],
            ["audits.id"],
            name=op.f("fk_audit_section_grades_audit_id_audits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("audit_id", "section_id", name=op.f("pk_audit_section_grades")),
    )
    with op.batch_alter_table("audit_section_grades", schema=None) as batch_op:
        batch_op.create_index(
            "ix_audit_section_grades_section_grade", ["section_id", "grade"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("audit_section_grades", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_section_grades_section_grade")
    op.drop_table("audit_section_grades")
