"""Holding a document AuditDesk built to its one definition (the models in
:mod:`auditdesk.domain.bundle_documents`) before it is hashed, stored or sent.

The services refuse input the models would refuse, so a document that fails here is never
the person's doing: it is a fault in AuditDesk, or a row changed outside it. Failing loudly
here keeps such a document from being hashed or written into a bundle no reader accepts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

#: How many of pydantic's findings a message or log line keeps.
MOST_PROBLEMS = 20


class InvalidDocument(ValueError):
    """A document AuditDesk built does not match its definition.

    ``record`` names it as a person would ("audit AD-7KQ2XM"); ``problems`` are the
    findings, one per field ("audit.year_group: Input should be less than or equal to 25").
    """

    def __init__(self, record: str, problems: Sequence[str]) -> None:
        self.record = record
        self.problems = tuple(problems)
        super().__init__(
            f"the {record} does not match the bundle format: {'; '.join(self.problems)}"
        )


def checked(model: type[BaseModel], kind: str, document: dict[str, Any]) -> dict[str, Any]:
    """``document`` itself (so what is hashed is exactly what was built), once ``model``
    accepts it; otherwise :class:`InvalidDocument` naming the record and each problem."""
    try:
        model.model_validate(document)
    except ValidationError as error:
        raise InvalidDocument(record_label(kind, document), problems_of(error)) from None
    return document


def problems_of(error: ValidationError) -> list[str]:
    """pydantic's findings as ``where: what (got ...)``, the value shortened."""
    found = []
    for problem in error.errors(include_url=False)[:MOST_PROBLEMS]:
        where = ".".join(str(part) for part in problem["loc"]) or "top level"
        given = problem.get("input")
        shown = f"'{shortened(given)}'" if isinstance(given, str) else shortened(given)
        found.append(f"{where}: {problem['msg']} (got {shown})")
    return found


def record_label(kind: str, document: Mapping[str, Any]) -> str:
    """A record as a person would name it, from whatever of its document is readable."""
    if kind == "audit":
        head = document.get("audit")
        return f"audit {shortened(head.get('reference') if isinstance(head, Mapping) else None)}"
    if kind == "child":
        return f"child {shortened(document.get('reference'))}"
    words = kind.replace("_", " ")
    if kind in ("auditor", "setting", "moderation_sample"):
        return f"{words} '{shortened(document.get('name'))}'"
    return f"{words} {shortened(document.get('uuid'))}"


def shortened(value: object, most: int = 60) -> str:
    """A value short enough for a message (a 20,000-character comment is not shown)."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > most:
        return f"{text[: most - 1]}… ({len(text):,} characters)"
    return text


def literal_of(model: type[BaseModel], field: str) -> str:
    """The one value a ``Literal`` field allows (a document's ``kind`` or ``format``)."""
    annotation = model.model_fields[field].annotation
    (value,) = get_args(annotation)
    assert isinstance(value, str)
    return value
