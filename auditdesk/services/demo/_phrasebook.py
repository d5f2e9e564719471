"""Every question's demo phrases, gathered from the ``phrases_*`` modules into one book
keyed by question id (ids are shared across templates where the check is the same)."""

from __future__ import annotations

from collections.abc import Mapping

from auditdesk.services.demo import _phrases_outcomes as phrases_outcomes
from auditdesk.services.demo import _phrases_pfa as phrases_pfa
from auditdesk.services.demo import _phrases_plan as phrases_plan
from auditdesk.services.demo import _phrases_provision as phrases_provision
from auditdesk.services.demo import _phrases_review as phrases_review
from auditdesk.services.demo import _phrases_visit as phrases_visit
from auditdesk.services.demo._phrase_kit import Phrases


def _gather() -> dict[str, Phrases]:
    book: dict[str, Phrases] = {}
    for module in (
        phrases_plan,
        phrases_outcomes,
        phrases_provision,
        phrases_review,
        phrases_pfa,
        phrases_visit,
    ):
        for question_id, phrases in module.PHRASES.items():
            if question_id in book:
                raise ValueError(f"demo phrases for {question_id} are written twice")
            book[question_id] = phrases
    return book


PHRASEBOOK: Mapping[str, Phrases] = _gather()
