"""The Answers sheet's cells, made safe as :func:`~auditdesk.exporters.safe_text.safe_row`
makes any row, with less work per answer: the sheet is most of a working copy, a row per
answer, and every step per row counts.

Most of an answer's line is its template's words (the template's title, the section,
the question, the rating and the stable ids): a few thousand distinct strings in a whole
workbook, so each is looked at once and remembered. What changes from answer to answer
(the audit's reference, the block, and what the auditor typed) is looked at on every row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from openpyxl.worksheet._write_only import WriteOnlyWorksheet  # type: ignore[import-untyped]

from auditdesk.domain.report_lines import AnswerLine
from auditdesk.exporters.safe_text import MAX_CELL_TEXT, RISKY_FIRST, safe_row


def answer_cells(sheet: WriteOnlyWorksheet, lines: Iterable[AnswerLine]) -> Iterator[list[Any]]:
    """One row of cells per answer, in the line's own field order."""
    plain: set[str] = set()  # words that are safe as they are

    def word(value: Any) -> Any:
        """A word of the template: safe as it is (remembered), or made safe."""
        (safe,) = safe_row(sheet, (value,))
        if safe is value and value.__class__ is str:
            plain.add(value)
        return safe

    def typed(value: str) -> Any:
        """What an auditor typed: empty is no cell; plain text as it is; else made safe."""
        if not value:
            return None
        if value.isprintable() and value[0] not in RISKY_FIRST and len(value) <= MAX_CELL_TEXT:
            return value
        return safe_row(sheet, (value,))[0]

    for (
        reference,
        template_title,
        version,
        section_title,
        prompt,
        repeat,
        rating,
        points,
        comment,
        evidence,
        marked,
        template_id,
        section_id,
        question_id,
    ) in lines:
        yield [
            reference if reference in plain else word(reference),
            template_title if template_title in plain else word(template_title),
            version,
            section_title if section_title in plain else word(section_title),
            prompt if prompt in plain else word(prompt),
            repeat if repeat is None or repeat in plain else word(repeat),
            rating if rating is None or rating in plain else word(rating),
            points,
            typed(comment),
            typed(evidence),
            marked if marked is None or marked in plain else word(marked),
            template_id if template_id in plain else word(template_id),
            section_id if section_id in plain else word(section_id),
            question_id if question_id in plain else word(question_id),
        ]
