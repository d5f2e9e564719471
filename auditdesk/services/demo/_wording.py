"""The words of one rated demo answer: its comment and evidence from the phrasebook, for
the rating given and the facts of the audit, or N/A where the template allows it.

A rating below Good always carries its finding, so every weak rating says why (as the
templates require); a rating of Good or better carries a strength only sometimes, as real
auditors write less when all is well. Evidence for a weak rating comes from what was
sought where the phrases say it, so it never claims a record the finding says is missing.
"""

from __future__ import annotations

import random
from functools import lru_cache
from typing import NamedTuple

from auditdesk.domain.grades import NOT_APPLICABLE, Grade
from auditdesk.domain.template_index import TemplateIndex
from auditdesk.domain.template_model import ScaleOption
from auditdesk.services.demo._phrasebook import PHRASEBOOK, provision_lines
from auditdesk.services.demo._phrasebook.kit import Fact, Finding, Phrases, ProvisionLine, Said

# How often an auditor writes a comment when the answer needs none.
COMMENT_RATE = {4: 0.7, 3: 0.3, None: 0.6}  # by points; None: recorded, not graded
GOOD = Grade.GOOD.points
PLAN_SECTION_F = "Section F of the child's plan"


class Words(NamedTuple):
    """A rated answer as written: ``said`` is the comment's meaning (kept for summaries
    and actions even when the auditor left the comment box empty). A named tuple: one is
    made for every answer of 50,000 audits."""

    rating: str
    said: Said | None
    comment: str
    evidence: str
    points: int | None = None

    @property
    def finding(self) -> Finding | None:
        return self.said if isinstance(self.said, Finding) else None


def text_of(said: Said) -> str:
    return said.comment if isinstance(said, Finding) else said


@lru_cache(maxsize=512)
def allows_na(index: TemplateIndex, question_id: str) -> bool:
    """Whether the template's guidance allows N/A for the question: its own guidance or a
    section's around it says when to rate N/A."""
    question = index.questions[question_id]
    sections = index.ancestors(index.question_section[question_id].id)
    texts = [question.guidance, *(index.sections[section].guidance for section in sections)]
    return any("N/A" in text for text in texts)


def phrases_for(question_id: str, facts: frozenset[Fact]) -> Phrases | None:
    """The question's phrases, or the other words it has for a fact that holds."""
    phrases = PHRASEBOOK.get(question_id)
    if phrases is None:
        return None
    for fact, other in phrases.when.items():
        if fact in facts:
            return other
    return phrases


class Wording:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def not_applicable(
        self,
        index: TemplateIndex,
        question_id: str,
        phrases: Phrases | None,
        facts: frozenset[Fact],
    ) -> Words | None:
        """N/A with its reason, when the guidance allows it and the fact behind it holds."""
        if phrases is None or not phrases.na or phrases.na_when not in facts:
            return None
        if not allows_na(index, question_id):
            return None
        rng = self.rng
        return Words(NOT_APPLICABLE, None, rng.choice(phrases.na), rng.choice(phrases.evidence))

    def rated(self, phrases: Phrases | None, option: ScaleOption) -> Words:
        """Words for the rating given, from the question's phrases (see :func:`phrases_for`)."""
        if phrases is None:  # a question the phrasebook does not know: rate without words
            return Words(option.code, None, "", "", option.points)
        said = self.rng.choice(phrases.comments[option.code])
        weak = option.points is not None and option.points < GOOD
        pool = phrases.sought if weak and phrases.sought else phrases.evidence
        return self._written(option, said, self.rng.choice(pool))

    # -- a setting visit's provision lines ----------------------------------------------------
    def provision_line(self) -> ProvisionLine:
        lines = provision_lines.PROVISION_LINES
        return self.rng.choices(lines, [line.weight for line in lines])[0]

    def delivery(self, line: ProvisionLine, option: ScaleOption) -> Words:
        """Whether the line is delivered: the line's own finding or strength, and as
        evidence the records it relies on, looked at (or, if none were shown, asked for)."""
        said, _seen = line.delivered[option.code]
        evidence = line.sources
        if option.code not in ("delivered", "partly"):
            # "Timetable, ..." becomes "Asked to see: timetable, ..."; an acronym keeps its case.
            first = evidence[0].lower() if evidence[1:2].islower() else evidence[0]
            evidence = f"Asked to see: {first}{evidence[1:]}"
        return self._written(option, said, evidence)

    def deliverer(
        self, line: ProvisionLine, delivery: str | None, options: dict[str, ScaleOption]
    ) -> Words:
        """Whether the deliverer has the expertise: follows from the delivery rating, so
        a line that is not happening is never said to be run by someone untrained."""
        if not line.names_deliverer:
            return Words(NOT_APPLICABLE, None, provision_lines.NO_DELIVERER, PLAN_SECTION_F)
        evidence = self.rng.choice(provision_lines.DELIVERER_EVIDENCE)
        said: Said
        if delivery == "not_delivered":
            code, said = "no", provision_lines.DELIVERER_WHEN_NOT_DELIVERED
        elif delivery == "no_evidence":
            code, said = "no", provision_lines.DELIVERER_WHEN_UNSHOWN
        else:
            code = "yes" if delivery == "delivered" else self.rng.choice(("yes", "partly", "no"))
            said = line.deliverer[code]
        return self._written(options[code], said, evidence)

    def _written(self, option: ScaleOption, said: Said, evidence: str) -> Words:
        points = option.points
        if isinstance(said, Finding) or self.rng.random() < COMMENT_RATE.get(points, 0.3):
            comment = text_of(said)
        else:
            comment = ""
        return Words(option.code, said, comment, evidence, points)
