"""What stops an audit being completed, and where it is, so the editor can take you there."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditdesk.domain.answer_context import AnswerContext
from auditdesk.domain.grades import NOT_APPLICABLE, Grade
from auditdesk.domain.template_index import Block, TemplateIndex, block_path

if TYPE_CHECKING:
    from auditdesk.domain.template_model import Section
from auditdesk.errors import MissingAnswer

AnswerKey = tuple[str, str | None]


@dataclass(frozen=True)
class AnswerState:
    """The parts of an answer completion looks at."""

    rating: str | None
    comment: str


def missing_for_completion(
    index: TemplateIndex,
    blocks: Sequence[Block],
    context: AnswerContext,
    answers: Mapping[AnswerKey, AnswerState],
) -> list[MissingAnswer]:
    """Everything that must be done before the audit can be completed, in reading order."""
    blocks_by_id = {block.id: block for block in blocks}
    missing: list[MissingAnswer] = []
    missing += _missing_blocks(index, blocks, context)
    rules = index.template.grading
    for slot in index.slots(blocks, context):
        if not slot.applies:
            continue
        question = slot.question
        answer = answers.get(slot.key)
        rating = answer.rating if answer else None
        comment = answer.comment.strip() if answer else ""
        problem: str | None = None
        if question.is_rated:
            if rating is None and question.required:
                problem = "not rated yet"
            elif rating and rating != NOT_APPLICABLE and rules.comment_required_below_good:
                scale = index.scale_for(question)
                option = scale.option(rating) if scale else None
                points = option.points if option else None
                if points is not None and points < Grade.GOOD.points and not comment:
                    problem = f"rated {option.label if option else rating}: say why in a comment"
        elif question.required and not comment:
            problem = "not written yet"
        if problem:
            block = slot.block
            missing.append(
                MissingAnswer(
                    section_id=slot.section.id,
                    section_title=slot.section.title,
                    question_id=question.id,
                    question_prompt=question.prompt,
                    block_id=block.id if block else None,
                    block_label=block_path(block, blocks_by_id) if block else None,
                    problem=problem,
                )
            )
    return missing


def _missing_blocks(
    index: TemplateIndex, blocks: Sequence[Block], context: AnswerContext
) -> list[MissingAnswer]:
    """Repeating sections with fewer blocks than the template's minimum."""
    blocks_by_id = {block.id: block for block in blocks}
    missing: list[MissingAnswer] = []

    def visit(section: Section, parent_block: Block | None, context: AnswerContext) -> None:
        if section.applies is not None and not section.applies.holds(context):
            return
        if section.repeat is not None:
            instances = index.blocks_for(section.id, blocks, parent_block)
            if len(instances) < section.repeat.min:
                wanted = section.repeat.min
                unit = section.repeat.unit if wanted == 1 else plural(section.repeat.unit)
                missing.append(
                    MissingAnswer(
                        section_id=section.id,
                        section_title=section.title,
                        question_id="",
                        question_prompt=f"Add at least {wanted} {unit}",
                        block_id=parent_block.id if parent_block else None,
                        block_label=(
                            block_path(parent_block, blocks_by_id) if parent_block else None
                        ),
                        problem=f"{len(instances)} added so far",
                    )
                )
            for instance in instances:
                # Inside a sampled child's block, that child's year group decides.
                inner = (
                    AnswerContext(instance.year_group, context.plan_stage)
                    if section.repeat.sampled_child
                    else context
                )
                for child in section.sections:
                    visit(child, instance, inner)
        else:
            for child in section.sections:
                visit(child, parent_block, context)

    for top in index.template.sections:
        visit(top, None, context)
    return missing


def plural(unit: str) -> str:
    """ "sampled child" -> "sampled children", "outcome" -> "outcomes"."""
    if unit.endswith("child"):
        return unit + "ren"
    return unit + ("es" if unit.endswith(("s", "x", "ch", "sh")) else "s")
