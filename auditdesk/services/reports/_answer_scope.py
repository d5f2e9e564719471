"""The answers of the audits in scope, read through the indexes that lead with the audit.

``ix_answers_audit_question_rating`` (migration 0004) holds every answer by audit, with
its question and rating: counts and groups of the audits' answers join through it and
read the index alone, never the table (whose rows hold the comments and evidence). One
term reads one term's answers, all time every answer once.

Rows that need more than the index holds (the Answers sheet) are read one side of blocks
at a time through the two unique indexes that lead with the audit, which ``SIDES`` names
(see :mod:`._answer_rows`). ``likely`` tells SQLite what is true of most answers (they are
outside blocks), so it never looks them up through the index on ``block_id``: that way
round it would read every answer outside a block once per audit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, func, select
from sqlalchemy.orm import Session

from auditdesk.store.models import Answer, Audit

#: The two sides, each matching one of the indexes that lead with the audit.
SIDES: tuple[ColumnElement[bool], ...] = (
    func.likely(Answer.block_id.is_(None)),
    Answer.block_id.is_not(None),
)


def answer_count(session: Session, conditions: Sequence[ColumnElement[bool]]) -> int:
    """How many answers the audits in scope hold."""
    query = (
        select(func.count())
        .select_from(Audit)
        .join(Answer, Answer.audit_id == Audit.id)
        .where(*conditions)
    )
    return session.scalar(query) or 0


def answer_groups(
    session: Session, keys: Sequence[Any], conditions: Sequence[ColumnElement[bool]]
) -> Sequence[Row[*tuple[Any, ...]]]:
    """``(*keys, answers)`` for each group of the audits' answers by ``keys`` (columns of
    ``Audit`` and ``Answer``); ``conditions`` may name columns of both. Only the answers'
    question and rating are read from the index, so keys and conditions on answers are
    best kept to those."""
    query = (
        select(*keys, func.count())
        .select_from(Audit)
        .join(Answer, Answer.audit_id == Audit.id)
        .where(*conditions)
        .group_by(*keys)
    )
    return session.execute(query).all()
