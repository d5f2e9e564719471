"""One line per answer for the working copy's Answers sheet: most of a large workbook, so
every step per answer counts.

Answers are read audit by audit in the audits' order, a few hundred audits per query,
through the index that leads with the audit (:mod:`._answer_scope`). SQLite reads only
the answers in scope that way, rather than the whole table, and no sort of millions of
rows with their comments is needed; only each audit's few dozen answers are put in
reading order here. The statement is compiled once and run as SQLite takes it. What an
answer's question and rating read as is worked out once per template version, question
and rating, not per answer, and each line is put together from those parts.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import ColumnElement, bindparam, func, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from auditdesk.domain.report_lines import AnswerLine
from auditdesk.services.reports._catalogue import Catalogue
from auditdesk.services.reports._redaction import Redactor
from auditdesk.store.models import Answer, Audit, AuditBlock

AUDITS_AT_ONCE = 500  # audits whose answers one query reads: ~25,000 answers held at most
HIGHLIGHT_LABELS = {"working_well": "Working well", "needs_improvement": "Needs to improve"}
UNKNOWN_PLACE = (9_999, 9_999)  # a question the version does not know reads last
_NO_BLOCK: tuple[str | None, tuple[int, ...]] = (None, ())
_first = itemgetter(0)
_line = tuple.__new__  # an AnswerLine from its fields at once, without its __new__'s call


def answer_lines(
    session: Session,
    conditions: Sequence[ColumnElement[bool]],
    catalogue: Catalogue,
    redactor: Redactor,
) -> Iterator[AnswerLine]:
    """Answers audit by audit (by date, then reference), each audit's in the template's
    reading order."""
    audits = session.execute(
        select(Audit.id, Audit.reference, Audit.template_version_id)
        .where(*conditions)
        .order_by(Audit.audit_date, Audit.reference)
    ).all()
    lines = _Lines(catalogue, _block_paths(session, conditions, catalogue), redactor)
    # The statement as SQLite takes it, on the session's connection (the same read
    # transaction), through the engine so that a damaged or locked file is said in words.
    connection = session.connection()
    for start in range(0, len(audits), AUDITS_AT_ONCE):
        batch = audits[start : start + AUDITS_AT_ONCE]
        found: dict[int, list[Any]] = defaultdict(list)
        picked = json.dumps([audit_id for audit_id, _reference, _version in batch])
        for row in connection.exec_driver_sql(_answers_sql(), (picked,)).all():
            found[row[0]].append(row)
        for audit_id, reference, version_id in batch:
            yield from lines.of_audit(reference, version_id, found[audit_id])


class _Lines:
    """One audit's answer lines, in the template's reading order."""

    def __init__(
        self,
        catalogue: Catalogue,
        blocks: dict[int, tuple[str, tuple[int, ...]]],
        redactor: Redactor,
    ) -> None:
        self.words = _Words(catalogue)
        self.blocks = blocks
        self.clean_all = redactor.clean_all

    def of_audit(self, reference: str, version_id: int, rows: list[Any]) -> list[AnswerLine]:
        meanings, blocks, add = self.words.of(version_id), self.blocks, self.words.add
        # What auditors typed, with child references taken out: the audit's comments and
        # evidence at once, then split again.
        typed = self.clean_all([row[5] for row in rows] + [row[6] for row in rows])
        comments, evidence = typed[: len(rows)], typed[len(rows) :]
        held = []
        for row, comment, shown in zip(rows, comments, evidence, strict=True):
            _audit, answer_id, question_id, block_id, code, _comment, _evidence, mark = row
            meaning = meanings.get((question_id, code)) or add(version_id, question_id, code)
            path, positions = blocks.get(block_id, _NO_BLOCK) if block_id else _NO_BLOCK
            line = _line(
                AnswerLine,
                (
                    reference,
                    *meaning.words,
                    path,
                    *meaning.rated,
                    comment,
                    shown,
                    HIGHLIGHT_LABELS.get(mark) if mark else None,
                    *meaning.ids,
                ),
            )
            # The answer's id last: the order stays the same from run to run even for
            # answers whose place the template does not give (never expected).
            held.append(((meaning.section_place, positions, meaning.place, answer_id), line))
        held.sort(key=_first)
        return [line for _place, line in held]


@cache  # made when first needed: a Board copy reads no answers one by one
def _answers_sql() -> str:
    """The answers of the audits whose ids are listed in the JSON text bound to its one
    parameter, as SQLite takes it. One join through the index that leads with
    the audit (``ix_answers_audit_question_rating``, see :mod:`._answer_scope`) reads each
    audit's answers once; the index holds every answer, in blocks or not."""
    picked = func.json_each(bindparam("audits")).table_valued("value").alias("picked")
    query = (
        select(
            Answer.audit_id,
            Answer.id,
            Answer.question_id,
            Answer.block_id,
            Answer.rating,
            Answer.comment,
            Answer.evidence,
            Answer.board_highlight,
        )
        .select_from(picked)
        .join(Answer, Answer.audit_id == picked.c.value)
    )
    return str(query.compile(dialect=sqlite.dialect()))


@dataclass(frozen=True)
class _Meaning:
    """What one (version, question, rating) reads as: looked up once, shared by its rows,
    in the parts of an :class:`AnswerLine` it fills."""

    words: tuple[str, int, str, str]  # template title, version, section title, prompt
    rated: tuple[str | None, int | None]  # the rating's label and points
    ids: tuple[str, str, str]  # template, top-level section and question ids
    section_place: int  # of the top-level section in the template
    place: int  # of the question in the template


class _Words:
    """Meanings by version, then by (question, rating)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.versions: dict[int, dict[tuple[str, str | None], _Meaning]] = {}

    def of(self, version_id: int) -> dict[tuple[str, str | None], _Meaning]:
        meanings = self.versions.get(version_id)
        if meanings is None:
            meanings = self.versions[version_id] = {}
        return meanings

    def add(self, version_id: int, question_id: str, code: str | None) -> _Meaning:
        catalogue = self.catalogue
        info = catalogue.versions[version_id]
        section = info.index.question_section.get(question_id)
        top = info.index.top_section(section.id) if section else None
        question = info.index.questions.get(question_id)
        rating = catalogue.option(version_id, question_id, code)
        section_place, place = catalogue.question_order(version_id).get(question_id, UNKNOWN_PLACE)
        meaning = _Meaning(
            (
                info.title,
                info.version,
                # A question the version does not know (never expected) still reads as words.
                top.title if top else "Not in this template version",
                question.prompt if question else "A question not in this template version",
            ),
            (rating.label, rating.points),
            (info.template_id, top.id if top else "", question_id),
            section_place,
            place,
        )
        self.of(version_id)[(question_id, code)] = meaning
        return meaning


def _block_paths(
    session: Session, conditions: Sequence[ColumnElement[bool]], catalogue: Catalogue
) -> dict[int, tuple[str, tuple[int, ...]]]:
    """Each block named by position ("Child 2 › Provision line 1"): a sampled child's
    block is labelled with the child's reference, which must not reach a Board export."""
    found = {
        block_id: (parent_id, section_id, position, version_id)
        for block_id, parent_id, section_id, position, version_id in session.execute(
            select(
                AuditBlock.id,
                AuditBlock.parent_id,
                AuditBlock.section_id,
                AuditBlock.position,
                Audit.template_version_id,
            )
            .join(Audit, Audit.id == AuditBlock.audit_id)
            .where(*conditions)
        )
    }
    paths: dict[int, tuple[str, tuple[int, ...]]] = {}

    def path(block_id: int) -> tuple[str, tuple[int, ...]]:
        if block_id in paths:
            return paths[block_id]
        parent_id, section_id, position, version_id = found[block_id]
        section = catalogue.versions[version_id].index.sections.get(section_id)
        noun = section.repeat.label if section is not None and section.repeat else section_id
        name = f"{noun} {position}"
        positions: tuple[int, ...] = (position,)
        if parent_id is not None and parent_id in found:
            outer, outer_positions = path(parent_id)
            name, positions = f"{outer} › {name}", outer_positions + positions
        paths[block_id] = (name, tuple(positions))
        return paths[block_id]

    for block_id in found:
        path(block_id)
    return paths
