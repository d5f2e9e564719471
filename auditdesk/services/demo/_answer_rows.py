"""A demo audit's answers: a rating, comment and evidence for each rated question, in
reading order, then the written answers that follow from them.

Quality is drawn around the audit's level, shifted by the question's theme (health and
social care input trail, as Board reports usually find). The words come from the
phrasebook (see ``_wording``): each comment answers its own question and fits its rating
and the audit's facts; written answers and summaries are put together afterwards from the
audit's own ratings (see ``_summaries``), and its actions from its findings (see
``_action_rows``).
"""

from __future__ import annotations

import random
from typing import NamedTuple

from auditdesk.domain.template_index import Block, Slot
from auditdesk.domain.template_model import Question, RatingScale, ScaleOption, Theme
from auditdesk.services.demo import _summaries as summaries
from auditdesk.services.demo import _written_answers as written_answers
from auditdesk.services.demo._action_rows import Roster, plan_actions
from auditdesk.services.demo._demo_audit import DemoAudit, TemplateInfo
from auditdesk.services.demo._phrasebook.kit import ProvisionLine
from auditdesk.services.demo._rows import Ids, Row
from auditdesk.services.demo._summaries import Noted
from auditdesk.services.demo._wording import Wording, Words, phrases_for
from auditdesk.services.demo._written_answers import DELIVERED, LINE_QUESTIONS
from auditdesk.store.models import Answer

THEME_SHIFT = {
    Theme.HEALTH: -0.35,
    Theme.SOCIAL_CARE: -0.45,
    Theme.PFA: -0.25,
    Theme.SMART_OUTCOMES: -0.15,
    Theme.VOICE: 0.15,
    Theme.PROVISION_DELIVERY: 0.2,
}
# How often a quality lead marks a comment for the Board's "working well / needs to
# improve" page: a finding as needs to improve, a strength as working well.
HIGHLIGHT_RATE = 0.012


class Asked(NamedTuple):
    scale: RatingScale
    graded: list[ScaleOption]  # the options that carry points
    options: dict[str, ScaleOption]
    shift: float  # how far the question's theme sits from the audit's level


class AnswerMaker:
    """Writes each audit's answers. What a question's rating needs, and each section's
    label, are worked out once and kept."""

    def __init__(self, rng: random.Random, ids: Ids) -> None:
        self.rng, self.ids = rng, ids
        self.wording = Wording(rng)
        self.section_labels: dict[str, str] = {}
        self.asked: dict[tuple[int, str], Asked] = {}
        self.roster = Roster(rng)

    def write(self, audit: DemoAudit, level: float, completeness: float, marked: bool) -> None:
        """Rated answers first, in reading order; then the written ones, which follow from
        them (the evidence seen for a provision line, the summaries, the actions agreed)."""
        block_ids = {row["uuid"]: row["id"] for row in audit.block_rows}
        author = audit.lead["name"]
        audit_id, when = audit.header["id"], audit.when
        kept: list[tuple[Slot, Row]] = []
        for slot in audit.index.slots(audit.blocks, audit.context):
            if not slot.applies or self.rng.random() > completeness:
                continue
            block_uuid = slot.block.id if slot.block else None
            block_id = block_ids[block_uuid] if block_uuid else None
            if slot.question.scale is None:
                rating = comment = evidence = highlight = None
            else:
                words = self._rated(audit, slot, level)
                rating, comment, evidence = words.rating, words.comment, words.evidence
                audit.ratings[slot.key] = rating
                highlight = self._highlight(words) if marked else None
                if words.said is not None and words.points is not None:
                    audit.noted.append(
                        Noted(
                            slot.question,
                            self._section_label(slot),
                            block_uuid,
                            block_id,
                            rating,
                            words.points,
                            words.said,
                            len(audit.noted),
                        )
                    )
            row: Row = {
                "audit_id": audit_id,
                "question_id": slot.question.id,
                "block_id": block_id,
                "rating": rating,
                "comment": comment or "",
                "evidence": evidence or "",
                "board_highlight": highlight,
                "updated_at": when,
                "updated_by": author,
                "_block_uuid": block_uuid,
            }
            kept.append((slot, row))
        audit.findings = summaries.weakest_first(audit.noted)
        audit.strengths = summaries.strongest_first(audit.noted)
        audit.planned = plan_actions(
            self.rng, self.roster, audit.findings, audit.day, str(audit.setting["name"])
        )
        for slot, row in kept:
            if slot.question.scale is None:
                row["comment"] = self._written(audit, slot)
            if row["rating"] is not None or row["comment"]:
                row["id"] = self.ids.next(Answer)
                audit.answer_rows.append(row)

    def _section_label(self, slot: Slot) -> str:
        label = self.section_labels.get(slot.section.id)
        if label is None:
            label = self.section_labels[slot.section.id] = summaries.section_label(
                slot.section.title
            )
        return label

    def _rated(self, audit: DemoAudit, slot: Slot, level: float) -> Words:
        question, index, rng = slot.question, audit.index, self.rng
        asked = self._asked(audit.template, question)
        facts = audit.facts_at(slot.block)
        phrases = phrases_for(question.id, facts)
        if asked.scale.allow_na and phrases is not None and phrases.na_when in facts:
            na = self.wording.not_applicable(index, question.id, phrases, facts)
            if na is not None:
                return na
        if question.id == "child.provision_deliverer" and slot.block is not None:
            delivery = audit.ratings.get((DELIVERED, slot.block.id))
            return self.wording.deliverer(self._line(audit, slot.block), delivery, asked.options)
        graded = asked.graded
        if not graded:  # recorded only, e.g. the child's view
            return self.wording.rated(phrases, rng.choice(asked.scale.options))
        wanted = min(4, max(1, round(rng.gauss(level + asked.shift, 0.6))))
        option = min(graded, key=lambda o: (abs((o.points or 0) - wanted), rng.random()))
        if question.id == DELIVERED and slot.block is not None:
            return self.wording.delivery(self._line(audit, slot.block), option)
        return self.wording.rated(phrases, option)

    def _asked(self, template: TemplateInfo, question: Question) -> Asked:
        """What rating a question needs, worked out once per template version."""
        key = (template.version_id, question.id)
        asked = self.asked.get(key)
        if asked is None:
            scale = template.index.template.scale(question.scale or "")
            asked = self.asked[key] = Asked(
                scale,
                [option for option in scale.options if option.points is not None],
                {option.code: option for option in scale.options},
                sum(THEME_SHIFT.get(theme, 0.0) for theme in question.themes[:1]),
            )
        return asked

    def _line(self, audit: DemoAudit, block: Block) -> ProvisionLine:
        line = audit.lines.get(block.id)
        if line is None:
            line = audit.lines[block.id] = self.wording.provision_line()
        return line

    def _highlight(self, words: Words) -> str | None:
        """Quality leads mark a few comments for the Board: only a finding (a rating below
        Good) as needs to improve, and only a strength (Good or better) as working well."""
        if not words.comment or words.points is None or self.rng.random() > HIGHLIGHT_RATE:
            return None
        return "needs_improvement" if words.finding is not None else "working_well"

    def _written(self, audit: DemoAudit, slot: Slot) -> str:
        block, question_id = slot.block, slot.question.id
        line = self._line(audit, block) if block and question_id in LINE_QUESTIONS else None
        return written_answers.compose(
            self.rng,
            question_id,
            block,
            ratings=audit.ratings,
            line=line,
            findings=audit.findings,
            strengths=audit.strengths,
            planned=audit.planned,
        )
