"""Text a person typed that is longer than AuditDesk now keeps.

The services check what people type against :mod:`auditdesk.domain.limits`, so a document
built from their input always fits its definition. A record saved by an older AuditDesk,
before those limits, can still hold longer text (an action's owner of 150 characters, an
override reason of 30,000): building its document then fails on every edit. That is not a
fault to report but something the person can put right, so it is said in their words:
which record, which field, how long it is, how long it may be, and to shorten it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from auditdesk.domain.record_words import record_label, shortened
from auditdesk.errors import StoredTextTooLong

#: How many overlong fields a message names (the rest are counted).
MOST_NAMED = 3

#: The fields of each kind of document that hold what a person typed, in their words.
TYPED: dict[tuple[str, str], str] = {
    ("action", "finding"): "the finding",
    ("action", "action"): "what must be done",
    ("action", "owner"): "who owns the action",
    ("audit", "override_reason"): "the reason for overriding the grade",
    ("audit", "child_reference"): "the child's reference",
    ("audit", "locality"): "the locality",
    ("audit", "label"): "the name of a part of the audit",
    ("audit", "comment"): "a comment",
    ("audit", "evidence"): "the evidence",
    ("auditor", "name"): "the auditor's name",
    ("setting", "name"): "the setting's name",
    ("setting", "urn"): "the setting's URN",
    ("setting", "locality"): "the locality",
    ("child", "reference"): "the child's reference",
    ("child", "locality"): "the locality",
    ("moderation_sample", "name"): "the sample's name",
    ("moderation", "notes"): "the agreement notes",
    ("moderation", "comment"): "a second marker's comment",
    ("moderation", "assigned_by"): "who assigned the second marking",
}


def overlong_text(
    kind: str, document: Mapping[str, Any], error: ValidationError
) -> StoredTextTooLong | None:
    """The error to show when everything ``error`` found is typed text over its limit;
    ``None`` when anything else is wrong (then it is a fault in AuditDesk)."""
    fields: list[tuple[str, int, int]] = []
    for problem in error.errors(include_url=False):
        location = [part for part in problem["loc"] if isinstance(part, str)]
        words = TYPED.get((kind, location[-1])) if location else None
        given = problem.get("input")
        if problem["type"] != "string_too_long" or words is None or not isinstance(given, str):
            return None
        if words in ("a comment", "the evidence", "a second marker's comment"):
            words += _question(document, problem["loc"])
        fields.append((words, len(given), int(problem["ctx"]["max_length"])))
    if not fields:
        return None
    said = "; ".join(
        f"{words} is {length:,} characters long, and AuditDesk now keeps at most {limit:,}"
        for words, length, limit in fields[:MOST_NAMED]
    )
    if len(fields) > MOST_NAMED:
        said += f"; and {len(fields) - MOST_NAMED:,} more like these"
    them = "it" if len(fields) == 1 else "them"
    message = (
        f"{record_in_words(kind, document)} was saved by an older version of AuditDesk with "
        f"more text than it now keeps: {said}. Shorten {them} to fit, save, then try again."
    )
    return StoredTextTooLong(message[0].upper() + message[1:], fields)


def record_in_words(kind: str, document: Mapping[str, Any]) -> str:
    """A record as the person knows it: an action by what must be done, an audit by its
    reference, the rest by name or reference."""
    if kind == "action":
        return f"the action '{shortened(document.get('action'), 50)}'"
    if kind == "moderation":
        return "a moderation"
    return f"the {record_label(kind, document)}"


def _question(document: Mapping[str, Any], location: tuple[int | str, ...]) -> str:
    """' (question q.outcomes)' for an answer or rating, so the person knows which one."""
    found: Any = document
    for part in location[:-1]:
        try:
            found = found[part]
        except (KeyError, IndexError, TypeError):
            return ""
    question = found.get("question_id") if isinstance(found, Mapping) else None
    return f" (question {question})" if isinstance(question, str) else ""
