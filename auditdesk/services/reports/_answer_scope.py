"""The answers of the audits in scope, read through the indexes that lead with the audit.

``answers`` has no plain index on ``audit_id``: its two unique indexes lead with it, one
holding the answers outside blocks (``block_id IS NULL``) and one those in blocks. A join
from the audits in scope reaches their answers through them only when the query names one
side or the other; otherwise SQLite reads the whole table, every term's answers, for a
Board copy of one term. So each query here is asked once per side and the two results
added up: for one term of ten that is several times quicker, for all time no slower.

``likely`` tells SQLite what is true of most answers (they are outside blocks), so it
never looks them up through the index on ``block_id``: that way round it would read
every answer outside a block once per audit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, func, select, union_all
from sqlalchemy.orm import Session

from auditdesk.store.models import Answer, Audit

#: The two sides, each matching one of the indexes that lead with the audit.
SIDES: tuple[ColumnElement[bool], ...] = (
    func.likely(Answer.block_id.is_(None)),
    Answer.block_id.is_not(None),
)


def answer_count(session: Session, conditions: Sequence[ColumnElement[bool]]) -> int:
    """How many answers the audits in scope hold."""
    total = 0
    for side in SIDES:
        query = (
            select(func.count())
            .select_from(Audit)
            .join(Answer, (Answer.audit_id == Audit.id) & side)
            .where(*conditions)
        )
        total += session.scalar(query) or 0
    return total


def answer_groups(
    session: Session, keys: Sequence[Any], conditions: Sequence[ColumnElement[bool]]
) -> Sequence[Row[*tuple[Any, ...]]]:
    """``(*keys, answers)`` for each group of the audits' answers by ``keys`` (columns of
    ``Audit`` and ``Answer``); ``conditions`` may name columns of both."""
    sides = [
        select(*(key.label(f"key{n}") for n, key in enumerate(keys)), func.count().label("n"))
        .select_from(Audit)
        .join(Answer, (Answer.audit_id == Audit.id) & side)
        .where(*conditions)
        .group_by(*keys)
        for side in SIDES
    ]
    both = union_all(*sides).subquery()
    grouped = [both.c[f"key{n}"] for n in range(len(keys))]
    return session.execute(select(*grouped, func.sum(both.c.n)).group_by(*grouped)).all()
