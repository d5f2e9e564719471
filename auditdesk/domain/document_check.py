"""Holding a document AuditDesk built to its one definition (the models in
:mod:`auditdesk.domain.bundle_documents`) before it is hashed, stored or sent.

The services refuse input the models would refuse, so a document that fails here is a
fault in AuditDesk, or a row changed outside it, or text an older AuditDesk saved before
the limits (:mod:`auditdesk.domain.overlong_text`, said to the person as something to
shorten). Failing loudly here keeps such a document from being hashed or written into a
bundle no reader accepts.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from auditdesk.domain.overlong_text import overlong_text
from auditdesk.domain.record_words import record_label, shortened

log = logging.getLogger(__name__)

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
    accepts it; otherwise :class:`InvalidDocument` naming the record and each problem, or,
    when the only problem is text a person typed that is longer than AuditDesk now keeps,
    :class:`~auditdesk.errors.StoredTextTooLong` saying what to shorten."""
    try:
        model.model_validate(document)
    except ValidationError as error:
        overlong = overlong_text(kind, document, error)
        if overlong is not None:
            # Not a fault: text saved before the limits. Said to the person, noted for support.
            log.warning(
                "the %s holds text saved before the current limits: %s",
                record_label(kind, document),
                "; ".join(problems_of(error)),
            )
            raise overlong from None
        raise InvalidDocument(record_label(kind, document), problems_of(error)) from None
    return document


def problems_of(error: ValidationError) -> list[str]:
    """pydantic's findings as ``where: what (got ...)``, the value shortened."""
    found = []
    for problem in error.errors(include_url=False)[:MOST_PROBLEMS]:
        where = ".".join(str(part) for part in problem["loc"]) or "top level"
        given = problem.get("input")
        shown = f"'{shortened(given)}'" if isinstance(given, str) else shortened(given)
        # A check's own words ("is not a date ...") read better without pydantic's label.
        message = problem["msg"].removeprefix("Value error, ")
        found.append(f"{where}: {message} (got {shown})")
    return found


def literal_of(model: type[BaseModel], field: str) -> str:
    """The one value a ``Literal`` field allows (a document's ``kind`` or ``format``)."""
    annotation = model.model_fields[field].annotation
    (value,) = get_args(annotation)
    assert isinstance(value, str)
    return value
