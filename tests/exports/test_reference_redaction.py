"""A child's reference typed into a comment or an action, in any shape a person might type
it, never reaches a Board output: checked in the saved workbook (Board copy and working
copy) and the text of the saved pack."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from auditdesk.domain.periods import parse_period
from auditdesk.services.audits import _actions as actions
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.audits._actions import ActionInput
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.reports._exports import export_board
from auditdesk.services.reports._redaction import Redactor
from auditdesk.services.reports._scope import ReportScope
from tests.conftest import plan_subject
from tests.services.helpers import answer_everything

CHILDREN = ("CE-77001", "CE-77002")
#: How people type "CE-77001" (and once both children) in free text.
SHAPES = {
    "as stored": "CE-77001",
    "two joined by a slash": "CE-77001/CE-77002",
    "two joined by a slash, spaced": "CE-77001 / CE-77002",
    "a space for the hyphen": "CE 77001",
    "no hyphen": "CE77001",
    "a non-breaking hyphen": "CE\u201177001",
    "a Unicode hyphen": "CE\u201077001",
    "a figure dash": "CE\u201277001",
    "an en dash": "CE\u201377001",
    "an em dash": "CE\u201477001",
    "a horizontal bar": "CE\u201577001",
    "a minus sign": "CE\u221277001",
    "a possessive": "CE-77001's",
    "a letter glued on": "CE-77001a",
    "a file name": "CE-77001.pdf",
    "lower case": "ce-77001",
    "a zero-width space inside": "CE-\u200b77001",
    "a zero-width joiner in the number": "CE-770\u200d01",
    "a soft hyphen": "CE\u00ad77001",
    "full-width letters": "\uff23\uff25\uff0d\uff17\uff17\uff10\uff10\uff11",
    "digits grouped with a space": "CE-770 01",
    "letters and digits grouped": "CE 770 01",
    "a tilde": "CE~77001",
    "a middle dot": "ce\u00b777001",
    "many joiners": "CE--- -77001",
    "a line break": "CE\n-77001",
    "glued in front": "xCE77001",
    "a word glued in front": "childCE-77001",
    "Cyrillic look-alike letters": "\u0421\u0415-77001",
    "Greek look-alike letters": "\u039a\u0395-77001",
    "combining underlines": "C\u0332E\u0332-77001",
    "Arabic-Indic digits": "CE-\u0667\u0667\u0660\u0660\u0661",
    "Devanagari digits": "CE-\u096d\u096d\u0966\u0966\u0967",
    "the number alone": "child 77001",
}
KEYS = ("ce77001", "ce77002")


NUMBERS = ("77001", "77002")


def _plain(text: str) -> str:
    """Letters and digits only, as a reader would see them: invisible characters and
    combining marks gone, full-width forms folded, any script's digits read as 0-9, case
    ignored."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(
        str(unicodedata.decimal(ch)) if unicodedata.decimal(ch, None) is not None else ch
        for ch in folded
        if ch.isalnum() and not unicodedata.combining(ch)
    )


def _holds_a_reference(text: str) -> bool:
    """The reference, or its number in any shape (the letters may be look-alikes)."""
    plain = _plain(text)
    return any(key in plain for key in KEYS) or any(number in plain for number in NUMBERS)


def _tag(number: int) -> str:
    return f"note{number:02d}x"  # finds each comment again in the outputs


@dataclass(frozen=True)
class Typed:
    ctx: ServiceContext
    names: dict[str, str]  # tag -> shape name


@pytest.fixture(params=[0, 1], ids=["first half", "second half"])
def typed(ctx: ServiceContext, request: pytest.FixtureRequest) -> Typed:
    """Two completed audits whose Board comments and actions carry half the shapes each
    time (the Board copy shows at most 12 comments of each kind)."""
    names = {}
    shapes = list(SHAPES.items())[request.param :: 2]
    for half, child in enumerate(CHILDREN):
        detail = audits.create_audit(
            ctx, template_id="ehcp-quality", subject=plan_subject(child, locality="Crewe")
        )
        answer_everything(ctx, detail, points=2, comment="Checked on file.")
        rated = [
            slot
            for slot in detail.index.slots(detail.blocks, detail.context)
            if slot.applies and slot.question.is_rated and slot.block is None
        ]
        mine = shapes[half::2]
        for (name, shape), slot in zip(mine, rated, strict=False):
            number = list(SHAPES).index(name)
            names[_tag(number)] = name
            text = f"Plan for {shape} reviewed, {_tag(number)}."
            audits.record_answer(ctx, detail.uuid, slot.question.id, comment=text)
            audits.set_board_highlight(
                ctx,
                detail.uuid,
                slot.question.id,
                None,
                "working_well" if number // 2 % 2 else "needs_improvement",
            )
            actions.add_action(
                ctx,
                detail.uuid,
                ActionInput(
                    finding=text,
                    action=f"Tell {shape}'s family, {_tag(number)}.",
                    owner_agency=ctx.actor.agency,
                    owner="SEN team",
                    due_date=date(2026, 12, 1),
                ),
            )
        audit_lifecycle.complete_audit(ctx, detail.uuid)
    return Typed(ctx, names)


def _leaks(texts: list[str], names: dict[str, str]) -> dict[str, str]:
    """Shape name -> the text it reached an output in, for every reference still there."""
    found = {}
    for text in texts:
        if _holds_a_reference(text):
            tag = next((tag for tag in names if tag in text), "?")
            found[names.get(tag, "?")] = text
    return found


@pytest.mark.parametrize("working_copy", [False, True], ids=["board copy", "working copy"])
def test_no_shape_of_a_child_reference_reaches_an_output(
    typed: Typed, tmp_path: Path, working_copy: bool
) -> None:
    xlsx, pdf = tmp_path / "board.xlsx", tmp_path / "board.pdf"
    scope = ReportScope(parse_period("Autumn 2026"), suppress_below=0, working_copy=working_copy)
    export_board(typed.ctx, scope, xlsx=xlsx, pdf=pdf)

    book = load_workbook(xlsx)
    cells = [
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]
    seen = {tag for tag in typed.names for text in cells if tag in text}
    assert seen == set(typed.names), "every shape's comment should be in the workbook"
    assert _leaks(cells, typed.names) == {}

    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    text = " ".join(pages)
    assert sum(tag in text for tag in typed.names) >= 12, "the pack shows the Board comments"
    assert _leaks(pages, typed.names) == {}


@pytest.mark.parametrize(("name", "shape"), list(SHAPES.items()))
def test_every_shape_is_removed(name: str, shape: str) -> None:
    cleaned = Redactor(CHILDREN).clean(f"Plan for {shape} reviewed.")
    assert "[child reference removed]" in cleaned, name
    assert not _holds_a_reference(cleaned), cleaned
    assert cleaned.startswith("Plan for "), cleaned
    assert cleaned.endswith(" reviewed."), cleaned


@pytest.mark.parametrize(
    "text",
    [
        "CE-770012 is another child's number",  # a longer number is not this reference
        "Reviewed 77009 lines of text",  # a number no child's reference has
        "Three sessions a week, 30 minutes each",
        "Term dates 2025/26, call 01270 770010 or 01270 77 0 012",  # phone numbers
        "Autumn 2025: 7 of 12 outcomes, 77% delivered",
    ],
)
def test_text_that_is_not_a_reference_is_left_alone(text: str) -> None:
    assert Redactor(CHILDREN).clean(text) == text
