"""No hidden count in a Board copy can be worked out: not from its row or column totals,
not from the same figure published elsewhere or a share of it, not by counting rows.

The demo database's 160 audits split into many small groups (nine localities, twelve
needs, four templates), so every table has hidden cells. The saved workbook and pack are
read back and attacked as a reader would (:mod:`tests.exports.rebuild`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from auditdesk.domain.periods import Period, parse_period
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.reports._exports import export_board
from auditdesk.services.reports._scope import ReportScope, period_between
from tests.exports.conftest import demo_context
from tests.exports.published import (
    BOARD_SHEETS,
    GRADES,
    ROW_SHEETS,
    read_table,
    recounted,
    workbook_attack,
)

THRESHOLD = 5
PERIODS = {
    "a term": parse_period("Autumn 2026"),
    "an academic year": parse_period("2025/26"),
    "a calendar year": parse_period("2026"),
    "custom dates": period_between(
        parse_period("Spring 2025").start, parse_period("Spring 2026").end
    ),
}
MARKS = (f"<{THRESHOLD}", "*")


def _export(
    ctx: ServiceContext, folder: Path, period: Period, **options: bool
) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    xlsx, pdf = folder / "board.xlsx", folder / "board.pdf"
    export_board(ctx, ReportScope(period, suppress_below=THRESHOLD, **options), xlsx=xlsx, pdf=pdf)
    return xlsx, pdf


BoardCopy = Callable[[str], tuple[Path, Path]]


@pytest.fixture(scope="module")
def board_copy(demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> BoardCopy:
    """The Board copy (workbook and pack) of each period, exported once for this file: its
    tests only read the files back, and an export of the demo takes seconds."""
    folder = tmp_path_factory.mktemp("board-copies")
    made: dict[str, tuple[Path, Path]] = {}

    def copy_for(name: str) -> tuple[Path, Path]:
        if name not in made:
            with demo_context(demo_path) as ctx:
                made[name] = _export(ctx, folder / name, PERIODS[name])
        return made[name]

    return copy_for


@pytest.mark.parametrize("name", list(PERIODS))
def test_no_hidden_count_can_be_worked_out_from_the_workbook(
    board_copy: BoardCopy, name: str
) -> None:
    xlsx, _pdf = board_copy(name)
    attack = workbook_attack(xlsx, THRESHOLD, PERIODS[name])
    assert len(attack.bounds) > 40, "the demo should hide plenty of cells"
    worked_out = attack.solve()
    assert not attack.exposed, attack.exposed
    assert not worked_out, {key: int(value) for key, value in sorted(worked_out.items())}


def test_a_board_copy_has_no_rows_to_count(board_copy: BoardCopy) -> None:
    xlsx, pdf = board_copy("an academic year")
    assert set(load_workbook(xlsx).sheetnames) <= set(BOARD_SHEETS)
    assert recounted(xlsx, THRESHOLD) == {}
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert not _appendix_counts(pages), "the pack lists the audits with their grades"
    assert not any("Appendix" in page for page in pages)


def test_the_working_copy_carries_the_rows_and_says_it_is_not_for_the_board(
    demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    xlsx, pdf = _export(demo_ctx, tmp_path, PERIODS["an academic year"], working_copy=True)
    book = load_workbook(xlsx)
    assert set(ROW_SHEETS) <= set(book.sheetnames)
    assert "Working copy: not for the Board" in str(book["About"]["A1"].value)
    assert "Working copy: not for the Board" in book.properties.title
    about = " ".join(str(c.value) for row in book["About"].iter_rows() for c in row if c.value)
    assert "gives back every count the figure sheets hide" in about
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Working copy: not for the Board" in " ".join(text.split())
    assert "Appendix" in text


@pytest.mark.parametrize("name", ["a term", "an academic year"])
def test_the_pack_shows_no_figure_the_workbook_hides(board_copy: BoardCopy, name: str) -> None:
    xlsx, pdf = board_copy(name)
    book = load_workbook(xlsx)
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    results = _chapter(pages, "Results by agency, locality, phase and need", "Setting visits and")
    lines = [line.strip() for line in results.splitlines()]
    shown_instead: list[str] = []
    compared = 0
    for sheet in ("By agency", "By locality", "By phase", "By primary need", "By setting type"):
        for row in read_table(book[sheet], book[sheet]["A1"].value):
            label = row[book[sheet]["A1"].value].value
            wanted = [_text(row[h].value) for h in ("Audits graded", *GRADES)]
            for number, line in enumerate(lines):
                got = lines[number + 1 : number + 6]
                same_row = (
                    line == label
                    and all(re.fullmatch(r"\d[\d,]*|<\d+|\*", g) for g in got)
                    and all(w == g for w, g in zip(wanted, got, strict=False) if w not in MARKS)
                )
                compared += same_row
                if same_row and any(
                    w in MARKS and g not in MARKS for w, g in zip(wanted, got, strict=False)
                ):
                    shown_instead.append(f"{sheet} {label}: {got} for {wanted}")
    assert compared > 20, "the pack's breakdown tables were not found"
    assert not shown_instead
    moderation = _chapter(pages, "Moderation agreement", "What is working well")
    small = [
        token
        for token in re.findall(r"(?<![\d.,%])\b\d+\b(?![\d.,%])", moderation)
        if 0 < int(token) < THRESHOLD
    ]
    assert not small, f"small pair counts on the moderation page: {small}"
    agreed = re.search(r"agreed exactly in (\S+) of (\S+) pairs", " ".join(moderation.split()))
    if agreed:
        for value in agreed.groups():
            assert value in MARKS or int(value.replace(",", "")) >= THRESHOLD, agreed.group(0)
    counts = _appendix_counts(pages)
    headline = read_table(book["Summary"], "Period")[0]
    rebuilt = {g: counts[g] for g in GRADES if headline[g].value in MARKS and g in counts}
    assert not rebuilt, f"the appendix recounts hidden grades: {rebuilt}"


def test_moderation_counts_below_five_are_hidden(board_copy: BoardCopy) -> None:
    xlsx, _pdf = board_copy("an academic year")
    rows = read_table(load_workbook(xlsx)["Moderation"], "Template")
    assert rows
    small = [
        (row["Compared"].value, header, row[header].value)
        for row in rows
        for header in ("Pairs", "Exact agreements")
        if isinstance(row[header].value, int) and 0 < row[header].value < THRESHOLD
    ]
    assert not small
    for row in rows:
        if row["Pairs"].value in MARKS or row["Exact agreements"].value in MARKS:
            assert row["% exact agreement"].value in MARKS, row["Compared"].value
            assert row["Weighted kappa"].value in (*MARKS, None), row["Compared"].value


def _text(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def _chapter(pages: list[str], start: str, end: str) -> str:
    text = "\n".join(pages)
    body = text.split("\nPage 2 of", 1)[-1]  # after the contents page
    return body.split(start, 1)[-1].split(end, 1)[0] if start in body else ""


def _appendix_counts(pages: list[str]) -> Counter[str]:
    """Final grades counted from the appendix's list of audits, if the pack has one."""
    counts: Counter[str] = Counter()
    for page in pages:
        if "Final grade" in page and re.search(r"\bAD-\w+", page):
            for line in page.splitlines():
                if line.strip() in GRADES:
                    counts[line.strip()] += 1
    return counts
