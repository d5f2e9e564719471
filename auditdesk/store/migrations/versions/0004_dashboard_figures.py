"""An index for Board figures over answers, and Board figures kept for the dashboard.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

``answers`` had no index for "the answers of these audits" as a whole: its two unique
indexes each hold one side of blocks, and neither holds the rating, so every Board figure
over answers looked each answer up in the table (half a row of text each). The new index
leads with the audit and holds the question and rating: an audit's answers, and all a
figure reads of them, come from the index alone. A small partial index finds the answers
marked for the Board (a few in a hundred) without reading the others.

``stored_board_figures`` keeps the dashboard's figures; ``figures_data_stamp`` counts the
changes to every table they are made from, kept by the triggers made here (see
``auditdesk.store.models.stored_figures``). New tables and an index only: nothing existing
is copied or altered. On 50,000 audits the index takes a few seconds to build, once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: Every table a Board figure is worked out from: audits and what they hold, actions,
#: moderation, templates, and the children whose references are taken out of comments.
STAMPED_TABLES = (
    "audits",
    "answers",
    "audit_blocks",
    "audit_section_grades",
    "actions",
    "moderation_samples",
    "moderations",
    "moderation_ratings",
    "moderation_grades",
    "template_versions",
    "children",
)
CHANGES = ("insert", "update", "delete")
#: Tables the figures read only a name from (the scope names a setting or an auditor
#: chosen in the filters): only a change of name counts. Sending or importing a bundle
#: records who is working in ``auditors`` before anything is read, which must change
#: nothing else.
NAMED_TABLES = ("settings", "auditors")


def trigger_name(table: str, change: str) -> str:
    return f"figures_stamp_{table}_{change}"


def _counting(name: str, when: str) -> str:
    return (
        f"CREATE TRIGGER {name} AFTER {when} "
        "BEGIN UPDATE figures_data_stamp SET changes = changes + 1 WHERE id = 1; END"
    )


def upgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.create_index(
            "ix_answers_audit_question_rating", ["audit_id", "question_id", "rating"], unique=False
        )
        batch_op.create_index(
            "ix_answers_board_highlight",
            ["board_highlight"],
            unique=False,
            sqlite_where=sa.text("board_highlight IS NOT NULL"),
        )
    op.create_table(
        "figures_data_stamp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_figures_data_stamp")),
    )
    op.execute("INSERT INTO figures_data_stamp (id, changes) VALUES (1, 0)")
    op.create_table(
        "stored_board_figures",
        sa.Column("scope_key", sa.Text(), nullable=False),
        sa.Column("stamp", sa.Integer(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("scope_key", name=op.f("pk_stored_board_figures")),
    )
    for table in STAMPED_TABLES:
        for change in CHANGES:
            op.execute(_counting(trigger_name(table, change), f"{change.upper()} ON {table}"))
    for table in NAMED_TABLES:
        op.execute(_counting(trigger_name(table, "renamed"), f"UPDATE OF name ON {table}"))


def downgrade() -> None:
    for table in NAMED_TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger_name(table, 'renamed')}")
    for table in STAMPED_TABLES:
        for change in CHANGES:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger_name(table, change)}")
    op.drop_table("stored_board_figures")
    op.drop_table("figures_data_stamp")
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_index("ix_answers_board_highlight")
        batch_op.drop_index("ix_answers_audit_question_rating")
