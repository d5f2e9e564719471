"""Answering many questions of one audit in one unit of work, for tests that need audits
with answers and are not about saving answers.

Saving answers one at a time (``record_answer``) is a transaction each: an audit of fifty
questions costs a second or two, and many tests make several. Here the answers and their
trail entries go in together, then the audit is regraded, rehashed and stamped once by the
services' own ``after_edit``, leaving the database as saving each answer in turn would:
tests/services/test_bulk_answers.py checks the two ways give the same file, row for row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from auditdesk.services.audits import _state as audit_state
from auditdesk.services.audits._editing import change_answer_field
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.store.models import Answer


@dataclass(frozen=True)
class Given:
    """One answer as a person gives it; a field left ``None`` is left as it is."""

    question_id: str
    block_id: str | None = None  # the block's uuid, for a question in a repeated section
    rating: str | None = None
    comment: str | None = None
    evidence: str | None = None


def record_answers(ctx: ServiceContext, audit_uuid: str, answers: Iterable[Given]) -> None:
    """Record ``answers`` (applicable questions, valid ratings: a test's own) in one go."""
    with ctx.db.write() as session:
        loaded = audit_state.load_audit(session, audit_uuid)
        audit = loaded.audit
        audit_state.require_editable(audit)
        for given in answers:
            block = loaded.block_rows[given.block_id] if given.block_id else None
            key = (given.question_id, given.block_id)
            row = loaded.answer_rows.get(key)
            if row is None:
                row = Answer(
                    audit_id=audit.id,
                    question_id=given.question_id,
                    block_id=block.id if block else None,
                    comment="",
                    evidence="",
                    updated_by=ctx.actor.name,
                )
                session.add(row)
                loaded.answer_rows[key] = row
            for field in ("rating", "comment", "evidence"):
                value = getattr(given, field)
                if value is None:
                    continue
                change_answer_field(
                    session, ctx, audit.uuid, row, block=block, field=field, value=value
                )
            row.updated_at = ctx.now()
            row.updated_by = ctx.actor.name
        audit_state.after_edit(session, ctx, loaded)
