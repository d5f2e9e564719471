"""An audit's content, kept between saves so that saving one answer checks, grades and
hashes only what changed, not the whole audit again.

Each save still reads the audit's content as its rows hold it (cheap: plain values, no
checking) and compares it with what was kept from the last save. Only when nothing but the
answer being saved differs does the save start from what was kept: the parts of the
canonical document already checked against its definition, and the grading. Anything
else (the first save since AuditDesk started, a row changed some other way) takes the
whole way, which checks everything and reports any problem as it always has. So what is
kept can speed a save up but never change its result.

What is kept is found by the content hash stored on the audit. Nothing kept is changed in
place; a save makes new content under its own hash. Only a few audits are kept (the ones
being edited); the rest is forgotten, oldest first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from auditdesk.domain.canonical import content_hash

if TYPE_CHECKING:
    from auditdesk.domain.grading import GradingResult

# The audit's document format (pydantic) is imported by the first save or check, not with
# this module: the audits' face loads it, and the window's first page needs no format.

AnswerKey = tuple[str, str | None]
StoredAnswer = tuple[str | None, str, str]  # rating, comment, evidence

#: Audits kept at once: a person edits one or two; undo and a reopened editor come back.
KEPT = 8


@dataclass(frozen=True)
class StoredContent:
    """An audit's content as its rows hold it, before it is put in canonical form."""

    header: Mapping[str, Any]
    team: tuple[Mapping[str, Any], ...]  # in position order
    blocks: tuple[Mapping[str, Any], ...]  # in uuid order
    answers: Mapping[AnswerKey, StoredAnswer]

    @classmethod
    def of(
        cls,
        header: Mapping[str, Any],
        team: Sequence[Mapping[str, Any]],
        blocks: Sequence[Mapping[str, Any]],
        answers: Mapping[AnswerKey, StoredAnswer],
    ) -> StoredContent:
        """Rows come in any order; content compares the same whatever the order."""
        return cls(
            header,
            tuple(sorted(team, key=lambda m: (m["position"], m["auditor_uuid"]))),
            tuple(sorted(blocks, key=lambda b: b["uuid"])),
            answers,
        )

    def document(self) -> dict[str, Any]:
        """The canonical document, checked whole (the whole way)."""
        from auditdesk.domain.audit_document import audit_document  # noqa: PLC0415

        answers = [_answer(key, stored) for key, stored in self.answers.items()]
        return audit_document(self.header, self.team, self.blocks, answers)

    def same_but(self, other: StoredContent, key: AnswerKey) -> bool:
        """Whether ``other`` holds the same content but for the answer at ``key``."""
        if (self.header, self.team, self.blocks) != (other.header, other.team, other.blocks):
            return False
        mine, theirs = dict(self.answers), dict(other.answers)
        mine.pop(key, None)
        theirs.pop(key, None)
        return mine == theirs

    def graded(self, suggested_grade: str | None) -> StoredContent:
        return replace(self, header={**self.header, "suggested_grade": suggested_grade})


@dataclass(frozen=True)
class AuditContent:
    """What one save worked out: the content it read, the parts of its canonical document
    (each checked), its hash and its grading."""

    content_hash: str
    stored: StoredContent
    header: Mapping[str, Any]
    team: tuple[Mapping[str, Any], ...]
    blocks: tuple[Mapping[str, Any], ...]
    answers: Mapping[AnswerKey, Mapping[str, Any]]
    grading: GradingResult

    def ratings(self) -> dict[AnswerKey, str]:
        return {key: answer["rating"] for key, answer in self.answers.items() if answer["rating"]}


def content_of(
    hashed: str, stored: StoredContent, document: Mapping[str, Any], grading: GradingResult
) -> AuditContent:
    """What the whole way worked out: ``document`` is ``stored.document()``, hashing to
    ``hashed``."""
    return AuditContent(
        hashed,
        stored,
        document["audit"],
        tuple(document["team"]),
        tuple(document["blocks"]),
        {(a["question_id"], a["block_uuid"]): a for a in document["answers"]},
        grading,
    )


def with_answer(
    base: AuditContent, stored: StoredContent, key: AnswerKey, grading: GradingResult
) -> AuditContent:
    """``stored`` (which is ``base.stored`` but for the answer at ``key`` and the suggested
    grade) hashed as ``stored.document()`` would be, checking only the parts that changed:
    the rest was checked when ``base`` was worked out. A part that fails is checked whole,
    so the problem is reported exactly as the whole way reports it."""
    from pydantic import ValidationError  # noqa: PLC0415

    from auditdesk.domain.audit_document import DOCUMENT_FORMAT  # noqa: PLC0415
    from auditdesk.domain.bundle_documents import AnswerDocument, AuditHeader  # noqa: PLC0415

    given = _answer(key, stored.answers[key])
    changed = {name: given.get(name) for name in AnswerDocument.model_fields}
    answers = {**base.answers, key: changed}
    header = {**base.header, "suggested_grade": stored.header["suggested_grade"]}
    try:
        AnswerDocument.model_validate(changed)
        AuditHeader.model_validate(header)
    except ValidationError:
        stored.document()  # raises, naming the record and every problem
        raise
    document = {
        "format": DOCUMENT_FORMAT,
        "audit": header,
        "team": list(base.team),
        "blocks": list(base.blocks),
        "answers": [answers[k] for k in sorted(answers, key=_answer_order)],
    }
    hashed = content_hash(document)
    return AuditContent(hashed, stored, header, base.team, base.blocks, answers, grading)


def _answer(key: AnswerKey, stored: StoredAnswer) -> dict[str, Any]:
    """One answer as the document holds it."""
    (question_id, block_uuid), (rating, comment, evidence) = key, stored
    return {
        "question_id": question_id,
        "block_uuid": block_uuid,
        "rating": rating,
        "comment": comment,
        "evidence": evidence,
    }


def _answer_order(key: AnswerKey) -> tuple[str, str]:
    """The order ``audit_document`` sorts answers into."""
    question_id, block_uuid = key
    return question_id, block_uuid or ""


# -- kept content --------------------------------------------------------------------------
_kept: OrderedDict[str, AuditContent] = OrderedDict()
_lock = threading.Lock()  # the write lane and the readers may both ask


def remember(content: AuditContent) -> None:
    with _lock:
        _kept[content.content_hash] = content
        _kept.move_to_end(content.content_hash)
        while len(_kept) > KEPT:
            _kept.popitem(last=False)


def recall(stored_hash: str | None) -> AuditContent | None:
    """What was worked out for the content hashing to ``stored_hash``, if lately."""
    if not stored_hash:
        return None
    with _lock:
        found = _kept.get(stored_hash)
        if found is not None:
            _kept.move_to_end(stored_hash)
        return found


def forget_all() -> None:
    """Tests: start from nothing kept, as a new process does."""
    with _lock:
        _kept.clear()
