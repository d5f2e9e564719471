"""How an audit is split into pages the navigator lists and the editor shows.

A page is one section's questions in one block (or none), or the list of blocks of a
repeating section inside its parent block ("Sampled children", "Provision lines" of a
child). Pure data: no widgets here, so the rules are easy to test and reuse.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from auditdesk.domain.completion import AnswerState
from auditdesk.domain.template_index import Block, Slot, TemplateIndex
from auditdesk.domain.template_model import AnswerContext, Section


@dataclass(frozen=True)
class PageKey:
    section_id: str
    block_id: str | None
    lists_blocks: bool = False  # True: the page lists a repeating section's blocks


@dataclass(frozen=True)
class Page:
    key: PageKey
    title: str
    depth: int
    section: Section
    block: Block | None
    context: AnswerContext

    @property
    def lists_blocks(self) -> bool:
        return self.key.lists_blocks


def pages(index: TemplateIndex, blocks: tuple[Block, ...], context: AnswerContext) -> list[Page]:
    """Every page in reading order, with its depth for the navigator's indentation."""
    return list(_walk(index, blocks, index.template.sections, block=None, context=context, depth=0))


def marking_pages(
    index: TemplateIndex, blocks: tuple[Block, ...], context: AnswerContext
) -> list[Page]:
    """The pages a second marker has something to rate on, with the headings and block
    lists they sit under. Written answers ("Overall judgement") are the first marker's
    alone, so a part with no rated question that applies is not offered at all: its
    progress would read "0/2" with nothing there to do."""
    every = pages(index, blocks, context)
    kept = [False] * len(every)
    for position, page in enumerate(every):
        if not any(s.applies and s.question.is_rated for s in page_slots(page, index)):
            continue
        kept[position] = True
        depth = page.depth
        for above in range(position - 1, -1, -1):  # the nearest shallower page holds it
            if every[above].depth < depth:
                kept[above] = True
                depth = every[above].depth
    return [page for page, keep in zip(every, kept, strict=True) if keep]


def _walk(
    index: TemplateIndex,
    blocks: tuple[Block, ...],
    sections: list[Section],
    *,
    block: Block | None,
    context: AnswerContext,
    depth: int,
) -> Iterator[Page]:
    for section in sections:
        if section.applies is not None and not section.applies.holds(context):
            continue
        if section.repeat is not None:
            yield Page(
                PageKey(section.id, block.id if block else None, True),
                section.title,
                depth,
                section,
                block,
                context,
            )
            for instance in index.blocks_for(section.id, blocks, block):
                inner = context
                if section.repeat.sampled_child:
                    inner = AnswerContext(instance.year_group, context.plan_stage)
                # The block's own page (its questions, or a heading for what nests in it).
                yield Page(
                    PageKey(section.id, instance.id),
                    instance.label,
                    depth + 1,
                    section,
                    instance,
                    inner,
                )
                yield from _walk(
                    index, blocks, section.sections, block=instance, context=inner, depth=depth + 2
                )
        else:
            yield Page(
                PageKey(section.id, block.id if block else None),
                section.title,
                depth,
                section,
                block,
                context,
            )
            yield from _walk(
                index, blocks, section.sections, block=block, context=context, depth=depth + 1
            )


def page_slots(page: Page, index: TemplateIndex) -> list[Slot]:
    """The questions shown on a page, with whether each applies here."""
    if page.lists_blocks:
        return []
    slots = []
    for question in page.section.questions:
        rule = index.rule_excluding(question.id, page.context)
        slots.append(Slot(page.section, question, page.block, rule is None))
    return slots


@dataclass(frozen=True)
class Progress:
    answered: int
    needed: int

    @property
    def complete(self) -> bool:
        return self.answered >= self.needed

    def describe(self) -> str:
        return f"{self.answered} of {self.needed} answered"


def page_progress(
    page: Page,
    index: TemplateIndex,
    answers: Mapping[tuple[str, str | None], AnswerState],
    *,
    rated_only: bool = False,
) -> Progress | None:
    """Required questions answered on this page (``None`` for pages with no questions);
    ``rated_only``: the rated ones alone, which is all a second marker answers."""
    needed = answered = 0
    for slot in page_slots(page, index):
        if not slot.applies or not slot.question.required:
            continue
        if rated_only and not slot.question.is_rated:
            continue
        needed += 1
        answer = answers.get(slot.key)
        if answer is None:
            continue
        if (slot.question.is_rated and answer.rating) or (
            not slot.question.is_rated and answer.comment.strip()
        ):
            answered += 1
    return Progress(answered, needed) if needed else None
