"""A change to an answer in words, for the undo history and the Edit menu: where it was
(section, question number and its opening words, the block) and what it went from and to,
as the person saw it: "Section E, question 2 “Are the outcomes SMART…”: rating Good →
Requires improvement"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from auditdesk.domain.grades import NOT_APPLICABLE
from auditdesk.domain.template_index import Block, TemplateIndex
from auditdesk.ui.editor.pages import Page, page_slots

AnswerKey = tuple[str, str | None]
PROMPT_CHARACTERS = 40
VALUE_CHARACTERS = 30
SECTION_CHARACTERS = 30
# "Section B: the child's special educational needs" is "Section B" for short.
_SECTION_LETTER = re.compile(r"^(Section [A-Z]\d?)\b")


def where_words(
    index: TemplateIndex, pages: Sequence[Page], blocks: Sequence[Block], key: AnswerKey
) -> str:
    """ "Section B, question 1 “Was the plan reviewed…”", with the block if there is one."""
    question = index.questions[key[0]]
    section = index.question_section[key[0]]
    found = _SECTION_LETTER.match(section.title)
    words = found.group(1) if found else shortened(section.title, SECTION_CHARACTERS)
    number = question_number(index, pages, key)
    block = next((b.label for b in blocks if b.id == key[1]), None)
    numbered = f"question {number}" if number else "question"
    where = f" ({block})" if block else ""
    return f"{words}{where}, {numbered} “{shortened(question.prompt, PROMPT_CHARACTERS)}”"


def question_number(index: TemplateIndex, pages: Sequence[Page], key: AnswerKey) -> int | None:
    """The question's number on its page, as the page shows it."""
    section = index.question_section[key[0]]
    for page in pages:
        if page.lists_blocks or page.section.id != section.id:
            continue
        if (page.block.id if page.block else None) != key[1]:
            continue
        shown = [slot for slot in page_slots(page, index) if slot.applies]
        for number, slot in enumerate(shown, start=1):
            if slot.question.id == key[0]:
                return number
    return None


def change_words(index: TemplateIndex, key: AnswerKey, field: str, old: object, new: object) -> str:
    """What a change did: "rating Good → Requires improvement", "comment added “…”"."""
    if field == "rating":
        return f"rating {_rating(index, key, old)} → {_rating(index, key, new)}"
    before, after = str(old or "").strip(), str(new or "").strip()
    if not before:
        return f"{field} added “{shortened(after, VALUE_CHARACTERS)}”"
    if not after:
        return f"{field} “{shortened(before, VALUE_CHARACTERS)}” removed"
    return (
        f"{field} “{shortened(before, VALUE_CHARACTERS)}” → “{shortened(after, VALUE_CHARACTERS)}”"
    )


def shortened(text: str, most: int) -> str:
    """``text`` on one line, cut at a word with "…" if longer than ``most`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= most:
        return flat
    cut = flat[: most - 1]
    if " " in cut[most // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


def _rating(index: TemplateIndex, key: AnswerKey, code: object) -> str:
    if code is None:
        return "not rated"
    if code == NOT_APPLICABLE:
        return "N/A"
    scale = index.scale_for(index.questions[key[0]])
    option = scale.option(str(code)) if scale is not None else None
    return option.label if option is not None else str(code)
