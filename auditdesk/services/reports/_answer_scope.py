"""The answers of the audits in scope, read through the indexes that lead with the audit.

``ix_answers_audit_question_rating`` (migration 0004) holds every answer by audit, with
its question and rating: counts and groups of the audits' answers join through it and
read the index alone, never the table (whose rows hold the comments and evidence). One
term reads one term's answers, all time every answer once.

Rows that need more than the index holds (the Answers sheet) are found through the same
index, a few hundred audits at a time, and read from the table (see :mod:`._answer_rows`):
one join, so each audit's answers are looked up once. (They were once read in two halves,
outside and inside blocks, through the two unique indexes that lead with the audit: that
looked up each audit twice.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, func, select
from sqlalchemy.orm import Session

from auditdesk.store.models import Answer, Audit


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
