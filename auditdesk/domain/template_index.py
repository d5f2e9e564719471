"""Look-ups over one template: where each question lives and which block it is answered in.

An answer is identified by (question id, block id). The block is the instance of the
nearest *repeating* section at or above the question's section; questions with no
repeating section above them have no block (``None``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from auditdesk.domain.answer_context import AnswerContext

if TYPE_CHECKING:
    from auditdesk.domain.template_model import (
        Applies,
        AuditTemplate,
        Question,
        RatingScale,
        Section,
    )


@dataclass(frozen=True)
class Block:
    """One instance of a repeating section (a sampled child, an outcome, a provision line)."""

    id: str
    section_id: str
    parent_id: str | None
    label: str
    position: int = 0
    year_group: int | None = None  # sampled children only


@dataclass(frozen=True)
class Slot:
    """A place an answer goes: a question, in a block (or none), and whether it applies."""

    section: Section
    question: Question
    block: Block | None
    applies: bool

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.question.id, self.block.id if self.block else None)


class TemplateIndex:
    """Precomputed structure of a template; cheap to share, never mutated."""

    def __init__(self, template: AuditTemplate) -> None:
        self.template = template
        self.sections: dict[str, Section] = {}
        self.parent_of: dict[str, str | None] = {}
        self.question_section: dict[str, Section] = {}
        self.questions: dict[str, Question] = {}
        for top in template.sections:
            self._index(top, None)

    def _index(self, section: Section, parent: str | None) -> None:
        self.sections[section.id] = section
        self.parent_of[section.id] = parent
        for question in section.questions:
            self.questions[question.id] = question
            self.question_section[question.id] = section
        for child in section.sections:
            self._index(child, section.id)

    # -- structure ---------------------------------------------------------------------
    def ancestors(self, section_id: str) -> list[str]:
        """The section and its ancestors, innermost first."""
        chain: list[str] = []
        current: str | None = section_id
        while current is not None:
            chain.append(current)
            current = self.parent_of[current]
        return chain

    def top_section(self, section_id: str) -> Section:
        return self.sections[self.ancestors(section_id)[-1]]

    def repeating_owner(self, section_id: str) -> str | None:
        """The nearest repeating section at or above ``section_id``: its blocks hold answers."""
        for candidate in self.ancestors(section_id):
            if self.sections[candidate].repeat is not None:
                return candidate
        return None

    def repeating_parent(self, section_id: str) -> str | None:
        """For a repeating section, the repeating section its blocks nest inside (if any)."""
        parent = self.parent_of[section_id]
        return self.repeating_owner(parent) if parent is not None else None

    def rule_excluding(self, question_id: str, context: AnswerContext) -> Applies | None:
        """The applicability rule (on the question or a section around it) that rules the
        question out in this context, or ``None`` when it applies."""
        question = self.questions[question_id]
        if question.applies is not None and not question.applies.holds(context):
            return question.applies
        for section_id in self.ancestors(self.question_section[question_id].id):
            rule = self.sections[section_id].applies
            if rule is not None and not rule.holds(context):
                return rule
        return None

    def scale_for(self, question: Question) -> RatingScale | None:
        return self.template.scale(question.scale) if question.scale else None

    @cached_property
    def top_level_graded(self) -> list[Section]:
        return [section for section in self.template.sections if section.graded]

    # -- slots ---------------------------------------------------------------------------
    def blocks_for(
        self, section_id: str, blocks: Sequence[Block], parent_block: Block | None
    ) -> list[Block]:
        """The blocks of a repeating section inside one parent block, in their order."""
        parent_id = parent_block.id if parent_block else None
        found = [b for b in blocks if b.section_id == section_id and b.parent_id == parent_id]
        return sorted(found, key=lambda b: (b.position, b.label, b.id))

    def slots(self, blocks: Sequence[Block], context: AnswerContext) -> Iterator[Slot]:
        """Every answer slot of an audit, in reading order, with its applicability."""
        for top in self.template.sections:
            yield from self._section_slots(top, blocks, context, None, True)

    def _section_slots(
        self,
        section: Section,
        blocks: Sequence[Block],
        context: AnswerContext,
        block: Block | None,
        applies: bool,
    ) -> Iterator[Slot]:
        applies = applies and (section.applies is None or section.applies.holds(context))
        if section.repeat is not None:
            for instance in self.blocks_for(section.id, blocks, block):
                inner = context
                if section.repeat.sampled_child:
                    inner = AnswerContext(instance.year_group, context.plan_stage)
                yield from self._section_body(section, blocks, inner, instance, applies)
        else:
            yield from self._section_body(section, blocks, context, block, applies)

    def _section_body(
        self,
        section: Section,
        blocks: Sequence[Block],
        context: AnswerContext,
        block: Block | None,
        applies: bool,
    ) -> Iterator[Slot]:
        for question in section.questions:
            question_applies = applies and (
                question.applies is None or question.applies.holds(context)
            )
            yield Slot(section, question, block, question_applies)
        for child in section.sections:
            yield from self._section_slots(child, blocks, context, block, applies)


def block_path(block: Block, blocks_by_id: Mapping[str, Block]) -> str:
    """ "Child CE-12 › Provision line 2": where a block sits, for messages."""
    names = [block.label]
    parent = block.parent_id
    while parent is not None and parent in blocks_by_id:
        names.append(blocks_by_id[parent].label)
        parent = blocks_by_id[parent].parent_id
    return " › ".join(reversed(names))
