"""The first AuditDesk schema.

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Times are stored as naive UTC ``DATETIME`` (the models' ``UtcDateTime`` adds the zone back);
the migration spells the plain type so it never changes when model code does.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_state")),
    )
    op.create_table(
        "auditors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("agency", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auditors")),
        sa.UniqueConstraint("uuid", name=op.f("uq_auditors_uuid")),
    )
    op.create_table(
        "change_trail",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("audit_uuid", sa.String(length=36), nullable=True),
        sa.Column("record_type", sa.String(length=32), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=200), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_trail")),
    )
    with op.batch_alter_table("change_trail", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_change_trail_audit_uuid"), ["audit_uuid"], unique=False
        )

    op.create_table(
        "moderation_samples",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("percentage", sa.Float(), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=True),
        sa.Column("period_to", sa.Date(), nullable=True),
        sa.Column("strata", sa.Text(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_samples")),
        sa.UniqueConstraint("uuid", name=op.f("uq_moderation_samples_uuid")),
    )
    op.create_table(
        "settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("urn", sa.String(length=12), nullable=True),
        sa.Column("setting_type", sa.String(length=32), nullable=False),
        sa.Column("phase", sa.String(length=32), nullable=False),
        sa.Column("locality", sa.String(length=80), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settings")),
        sa.UniqueConstraint("uuid", name=op.f("uq_settings_uuid")),
    )
    op.create_table(
        "template_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("installed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_template_versions")),
        sa.UniqueConstraint(
            "template_id", "version", name=op.f("uq_template_versions_template_id")
        ),
    )
    op.create_table(
        "children",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("year_group", sa.Integer(), nullable=False),
        sa.Column("primary_need", sa.String(length=8), nullable=False),
        sa.Column("locality", sa.String(length=80), nullable=False),
        sa.Column("setting_id", sa.Integer(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["setting_id"], ["settings.id"], name=op.f("fk_children_setting_id_settings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_children")),
        sa.UniqueConstraint("reference", name=op.f("uq_children_reference")),
        sa.UniqueConstraint("uuid", name=op.f("uq_children_uuid")),
    )
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=True),
        sa.Column("setting_id", sa.Integer(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.id"], name=op.f("fk_plans_child_id_children")
        ),
        sa.ForeignKeyConstraint(
            ["setting_id"], ["settings.id"], name=op.f("fk_plans_setting_id_settings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("uuid", name=op.f("uq_plans_uuid")),
    )
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plans_child_id"), ["child_id"], unique=False)

    op.create_table(
        "audits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=False),
        sa.Column("template_version_id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.String(length=80), nullable=False),
        sa.Column("subject_kind", sa.String(length=16), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("child_id", sa.Integer(), nullable=True),
        sa.Column("setting_id", sa.Integer(), nullable=True),
        sa.Column("year_group", sa.Integer(), nullable=True),
        sa.Column("phase", sa.String(length=16), nullable=True),
        sa.Column("primary_need", sa.String(length=8), nullable=True),
        sa.Column("locality", sa.String(length=80), nullable=True),
        sa.Column("setting_type", sa.String(length=32), nullable=True),
        sa.Column("plan_stage", sa.String(length=32), nullable=True),
        sa.Column("audit_date", sa.Date(), nullable=False),
        sa.Column("term_key", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("suggested_grade", sa.String(length=32), nullable=True),
        sa.Column("override_grade", sa.String(length=32), nullable=True),
        sa.Column("final_grade", sa.String(length=32), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("override_by", sa.String(length=120), nullable=True),
        sa.Column("lead_auditor_id", sa.Integer(), nullable=False),
        sa.Column("lead_agency", sa.String(length=32), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("signed_off_at", sa.DateTime(), nullable=True),
        sa.Column("signed_off_by", sa.String(length=120), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'completed', 'moderated', 'signed_off')",
            name=op.f("ck_audits_status"),
        ),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.id"], name=op.f("fk_audits_child_id_children")
        ),
        sa.ForeignKeyConstraint(
            ["lead_auditor_id"], ["auditors.id"], name=op.f("fk_audits_lead_auditor_id_auditors")
        ),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_audits_plan_id_plans")),
        sa.ForeignKeyConstraint(
            ["setting_id"], ["settings.id"], name=op.f("fk_audits_setting_id_settings")
        ),
        sa.ForeignKeyConstraint(
            ["template_version_id"],
            ["template_versions.id"],
            name=op.f("fk_audits_template_version_id_template_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audits")),
        sa.UniqueConstraint("reference", name=op.f("uq_audits_reference")),
        sa.UniqueConstraint("uuid", name=op.f("uq_audits_uuid")),
    )
    with op.batch_alter_table("audits", schema=None) as batch_op:
        batch_op.create_index("ix_audits_audit_date_id", ["audit_date", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audits_child_id"), ["child_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audits_final_grade"), ["final_grade"], unique=False)
        batch_op.create_index(batch_op.f("ix_audits_lead_agency"), ["lead_agency"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audits_lead_auditor_id"), ["lead_auditor_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_audits_locality"), ["locality"], unique=False)
        batch_op.create_index(batch_op.f("ix_audits_phase"), ["phase"], unique=False)
        batch_op.create_index(batch_op.f("ix_audits_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audits_primary_need"), ["primary_need"], unique=False)
        batch_op.create_index(batch_op.f("ix_audits_setting_id"), ["setting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audits_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_audits_template_id"), ["template_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audits_template_version_id"), ["template_version_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_audits_term_key"), ["term_key"], unique=False)

    op.create_table(
        "audit_auditors",
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("auditor_id", sa.Integer(), nullable=False),
        sa.Column("agency", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"],
            ["audits.id"],
            name=op.f("fk_audit_auditors_audit_id_audits"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["auditor_id"], ["auditors.id"], name=op.f("fk_audit_auditors_auditor_id_auditors")
        ),
        sa.PrimaryKeyConstraint("audit_id", "auditor_id", name=op.f("pk_audit_auditors")),
    )
    with op.batch_alter_table("audit_auditors", schema=None) as batch_op:
        batch_op.create_index(
            "ix_audit_auditors_auditor_audit", ["auditor_id", "audit_id"], unique=False
        )

    op.create_table(
        "audit_blocks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("section_id", sa.String(length=80), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=True),
        sa.Column("year_group", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["audit_id"],
            ["audits.id"],
            name=op.f("fk_audit_blocks_audit_id_audits"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.id"], name=op.f("fk_audit_blocks_child_id_children")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["audit_blocks.id"],
            name=op.f("fk_audit_blocks_parent_id_audit_blocks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_blocks")),
        sa.UniqueConstraint("uuid", name=op.f("uq_audit_blocks_uuid")),
    )
    with op.batch_alter_table("audit_blocks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_blocks_audit_id"), ["audit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_blocks_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "moderations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=True),
        sa.Column("audit_revision", sa.Integer(), nullable=False),
        sa.Column("audit_hash", sa.String(length=64), nullable=False),
        sa.Column("second_marker_id", sa.Integer(), nullable=True),
        sa.Column("assigned_by", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("second_overall_grade", sa.String(length=32), nullable=True),
        sa.Column("agreed_grade", sa.String(length=32), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("agreed_at", sa.DateTime(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "status IN ('drawn', 'assigned', 'submitted', 'agreed')",
            name=op.f("ck_moderations_status"),
        ),
        sa.ForeignKeyConstraint(
            ["audit_id"],
            ["audits.id"],
            name=op.f("fk_moderations_audit_id_audits"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sample_id"],
            ["moderation_samples.id"],
            name=op.f("fk_moderations_sample_id_moderation_samples"),
        ),
        sa.ForeignKeyConstraint(
            ["second_marker_id"],
            ["auditors.id"],
            name=op.f("fk_moderations_second_marker_id_auditors"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderations")),
        sa.UniqueConstraint("uuid", name=op.f("uq_moderations_uuid")),
    )
    with op.batch_alter_table("moderations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_moderations_audit_id"), ["audit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_moderations_sample_id"), ["sample_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_moderations_second_marker_id"), ["second_marker_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_moderations_status"), ["status"], unique=False)

    op.create_table(
        "actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=80), nullable=True),
        sa.Column("block_id", sa.Integer(), nullable=True),
        sa.Column("finding", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("owner_agency", sa.String(length=32), nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("re_audit_date", sa.Date(), nullable=True),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'in_progress', 'done', 'cancelled')", name=op.f("ck_actions_status")
        ),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["audits.id"], name=op.f("fk_actions_audit_id_audits"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["block_id"],
            ["audit_blocks.id"],
            name=op.f("fk_actions_block_id_audit_blocks"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actions")),
        sa.UniqueConstraint("uuid", name=op.f("uq_actions_uuid")),
    )
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actions_audit_id"), ["audit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_actions_owner_agency"), ["owner_agency"], unique=False)
        batch_op.create_index("ix_actions_status_due", ["status", "due_date"], unique=False)

    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=80), nullable=False),
        sa.Column("block_id", sa.Integer(), nullable=True),
        sa.Column("rating", sa.String(length=40), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("board_highlight", sa.String(length=20), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.CheckConstraint(
            "board_highlight IS NULL OR board_highlight IN ('working_well', 'needs_improvement')",
            name=op.f("ck_answers_board_highlight"),
        ),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["audits.id"], name=op.f("fk_answers_audit_id_audits"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["block_id"],
            ["audit_blocks.id"],
            name=op.f("fk_answers_block_id_audit_blocks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answers")),
    )
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_answers_block_id"), ["block_id"], unique=False)
        batch_op.create_index("ix_answers_question_rating", ["question_id", "rating"], unique=False)
        batch_op.create_index(
            "uq_answers_in_block",
            ["audit_id", "question_id", "block_id"],
            unique=True,
            sqlite_where=text("block_id IS NOT NULL"),
            postgresql_where=text("block_id IS NOT NULL"),
        )
        batch_op.create_index(
            "uq_answers_top_level",
            ["audit_id", "question_id"],
            unique=True,
            sqlite_where=text("block_id IS NULL"),
            postgresql_where=text("block_id IS NULL"),
        )

    op.create_table(
        "moderation_grades",
        sa.Column("moderation_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=80), nullable=False),
        sa.Column("first_grade", sa.String(length=32), nullable=True),
        sa.Column("second_grade", sa.String(length=32), nullable=True),
        sa.Column("agreed_grade", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["moderation_id"],
            ["moderations.id"],
            name=op.f("fk_moderation_grades_moderation_id_moderations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("moderation_id", "scope", name=op.f("pk_moderation_grades")),
    )
    op.create_table(
        "moderation_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("moderation_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=80), nullable=False),
        sa.Column("block_id", sa.Integer(), nullable=True),
        sa.Column("rating", sa.String(length=40), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["block_id"],
            ["audit_blocks.id"],
            name=op.f("fk_moderation_ratings_block_id_audit_blocks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["moderation_id"],
            ["moderations.id"],
            name=op.f("fk_moderation_ratings_moderation_id_moderations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_ratings")),
    )
    with op.batch_alter_table("moderation_ratings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_moderation_ratings_block_id"), ["block_id"], unique=False
        )
        batch_op.create_index(
            "uq_moderation_ratings_in_block",
            ["moderation_id", "question_id", "block_id"],
            unique=True,
            sqlite_where=text("block_id IS NOT NULL"),
            postgresql_where=text("block_id IS NOT NULL"),
        )
        batch_op.create_index(
            "uq_moderation_ratings_top_level",
            ["moderation_id", "question_id"],
            unique=True,
            sqlite_where=text("block_id IS NULL"),
            postgresql_where=text("block_id IS NULL"),
        )

    # The change trail is append-only: history that can be edited is not history.
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER change_trail_no_{verb.lower()} BEFORE {verb} ON change_trail "
                "BEGIN SELECT RAISE(ABORT, 'the change trail is append-only'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS change_trail_no_update")
        op.execute("DROP TRIGGER IF EXISTS change_trail_no_delete")
    with op.batch_alter_table("moderation_ratings", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_moderation_ratings_top_level",
            sqlite_where=text("block_id IS NULL"),
            postgresql_where=text("block_id IS NULL"),
        )
        batch_op.drop_index(
            "uq_moderation_ratings_in_block",
            sqlite_where=text("block_id IS NOT NULL"),
            postgresql_where=text("block_id IS NOT NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_moderation_ratings_block_id"))

    op.drop_table("moderation_ratings")
    op.drop_table("moderation_grades")
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_answers_top_level",
            sqlite_where=text("block_id IS NULL"),
            postgresql_where=text("block_id IS NULL"),
        )
        batch_op.drop_index(
            "uq_answers_in_block",
            sqlite_where=text("block_id IS NOT NULL"),
            postgresql_where=text("block_id IS NOT NULL"),
        )
        batch_op.drop_index("ix_answers_question_rating")
        batch_op.drop_index(batch_op.f("ix_answers_block_id"))

    op.drop_table("answers")
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_index("ix_actions_status_due")
        batch_op.drop_index(batch_op.f("ix_actions_owner_agency"))
        batch_op.drop_index(batch_op.f("ix_actions_audit_id"))

    op.drop_table("actions")
    with op.batch_alter_table("moderations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_moderations_status"))
        batch_op.drop_index(batch_op.f("ix_moderations_second_marker_id"))
        batch_op.drop_index(batch_op.f("ix_moderations_sample_id"))
        batch_op.drop_index(batch_op.f("ix_moderations_audit_id"))

    op.drop_table("moderations")
    with op.batch_alter_table("audit_blocks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_blocks_parent_id"))
        batch_op.drop_index(batch_op.f("ix_audit_blocks_audit_id"))

    op.drop_table("audit_blocks")
    with op.batch_alter_table("audit_auditors", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_auditors_auditor_audit")

    op.drop_table("audit_auditors")
    with op.batch_alter_table("audits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audits_term_key"))
        batch_op.drop_index(batch_op.f("ix_audits_template_version_id"))
        batch_op.drop_index(batch_op.f("ix_audits_template_id"))
        batch_op.drop_index(batch_op.f("ix_audits_status"))
        batch_op.drop_index(batch_op.f("ix_audits_setting_id"))
        batch_op.drop_index(batch_op.f("ix_audits_primary_need"))
        batch_op.drop_index(batch_op.f("ix_audits_plan_id"))
        batch_op.drop_index(batch_op.f("ix_audits_phase"))
        batch_op.drop_index(batch_op.f("ix_audits_locality"))
        batch_op.drop_index(batch_op.f("ix_audits_lead_auditor_id"))
        batch_op.drop_index(batch_op.f("ix_audits_lead_agency"))
        batch_op.drop_index(batch_op.f("ix_audits_final_grade"))
        batch_op.drop_index(batch_op.f("ix_audits_child_id"))
        batch_op.drop_index("ix_audits_audit_date_id")

    op.drop_table("audits")
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plans_child_id"))

    op.drop_table("plans")
    op.drop_table("children")
    op.drop_table("template_versions")
    op.drop_table("settings")
    op.drop_table("moderation_samples")
    with op.batch_alter_table("change_trail", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_trail_audit_uuid"))

    op.drop_table("change_trail")
    op.drop_table("auditors")
    op.drop_table("app_state")
