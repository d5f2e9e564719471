"""What a reader of a saved Board workbook knows, as an :class:`Attack`: every figure cell,
and every sum a reader can see holds between them (a row and its total, a column and its
total row, the same figure on two sheets, a share of two counts), plus what the row-level
sheets, if any, give away by counting."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from auditdesk.domain.periods import Period, term_key, term_period
from tests.exports.rebuild import Attack

GRADES = ("Outstanding", "Good", "Requires improvement", "Inadequate")
NO_CHILD = "Setting visits (no single child)"
BREAKDOWNS = ("By agency", "By locality", "By phase", "By primary need", "By setting type")
#: A Board copy's sheets, in order; a working copy adds the row sheets after them.
BOARD_SHEETS = (
    "About",
    "Summary",
    "Sections",
    "Quality areas",
    "Questions",
    *BREAKDOWNS,
    "Setting visits",
    "Moderation",
    "Board comments",
)
ROW_SHEETS = ("Audits", "Answers", "Actions")


@dataclass(frozen=True)
class Cell:
    key: tuple[str, str]  # (sheet, coordinate)
    value: Any


Row = dict[str, Cell]


def read_table(sheet: Any, first_header: str, *, start: int = 1) -> list[Row]:
    """The rows under the header row whose first cell is ``first_header``, to a blank."""
    rows = list(sheet.iter_rows(min_row=start))
    for number, row in enumerate(rows):
        if row[0].value == first_header:
            headers = [cell.value for cell in row]
            table = []
            for line in rows[number + 1 :]:
                if line[0].value is None or all(cell.value is None for cell in line[1:]):
                    break  # a blank row, or a note under the table
                table.append(
                    {
                        str(header): Cell((sheet.title, cell.coordinate), cell.value)
                        for header, cell in zip(headers, line, strict=False)
                        if header is not None
                    }
                )
            return table
    return []


def workbook_attack(path: Path, threshold: int, period: Period) -> Attack:
    book = load_workbook(path)
    rule = " ".join(str(cell.value) for row in book["About"].iter_rows() for cell in row)
    # What a "*" can be, as the published rule tells the reader.
    attack = Attack(threshold, 0 if "may stand for any count" in rule else threshold)
    for sheet in book.worksheets:
        if sheet.title in ROW_SHEETS or sheet.title in ("About", "Board comments"):
            continue
        for row in sheet.iter_rows():
            for cell in row:
                attack.cell((sheet.title, cell.coordinate), cell.value)
    for cell in _comment_cells(book):
        attack.cell(cell.key, cell.value)
    summary = book["Summary"]
    headline = read_table(summary, "Period")
    for row in headline:
        _grade_row(attack, row)
    current, previous = headline[0], headline[1]
    for row in read_table(summary, "Final grade"):
        attack.same(row["Audits"].key, current[row["Final grade"].value].key)
        attack.ratio(
            row["Audits"].key, current["Audits graded"].key, row["% of graded audits"].value
        )
    trend = read_table(summary, "Term")
    for row in trend:
        _grade_row(attack, row)
    _trend_sums(attack, trend, current, period, cut_at_end=True)
    _trend_sums(attack, trend, previous, _previous(headline), cut_at_end=False)
    same_rows: dict[str, list[Row]] = defaultdict(list)
    for name in BREAKDOWNS:
        rows = read_table(book[name], book[name]["A1"].value)
        *parts, total = rows
        for row in rows:
            _grade_row(attack, row)
        for header in ("Audits graded", *GRADES, "Good or better"):
            attack.total([row[header].key for row in parts], total[header].key)
            attack.same(total[header].key, current[header].key)
        for row in parts:
            same_rows[row[book[name]["A1"].value].value].append(row)
    for label, rows in same_rows.items():
        if label == NO_CHILD:  # the same audits in the phase and need tables
            for header in ("Audits graded", *GRADES, "Good or better"):
                attack.same(rows[0][header].key, rows[1][header].key)
    for row in read_table(book["Sections"], "Template"):
        _grade_row(attack, row)
    _quality(attack, book)
    _visits(attack, book)
    _moderation(attack, book)
    return attack


def _grade_row(attack: Attack, row: Row) -> None:
    attack.total([row[grade].key for grade in GRADES], row["Audits graded"].key)
    attack.total([row["Outstanding"].key, row["Good"].key], row["Good or better"].key)
    attack.ratio(row["Good or better"].key, row["Audits graded"].key, row["% good or better"].value)
    _interval(attack, row, "Good or better", "Audits graded", "% good or better")


def _interval(attack: Attack, row: Row, part: str, whole: str, share: str) -> None:
    """A published 95% interval pins its counts as surely as the share itself does."""
    if isinstance(row["95% interval from"].value, float | int):
        for key in (row[part].key, row[whole].key):
            if key in attack.bounds:
                attack.exposed[key] = "its 95% interval is published"


def _previous(headline: list[Row]) -> Period:
    from datetime import datetime

    start, end = str(headline[1]["Dates"].value).split(" to ")
    return Period(
        datetime.strptime(start, "%d %B %Y").date(), datetime.strptime(end, "%d %B %Y").date(), ""
    )


def _trend_sums(
    attack: Attack, trend: list[Row], whole: Row, period: Period, *, cut_at_end: bool
) -> None:
    """Whole terms that make up a period add up to its headline row (terms before the
    first audit are left off the trend: they had none)."""
    if not trend:
        return
    inside = [row for row in trend if period.start <= term_period(_term(row)).start <= period.end]
    starts_a_term = term_period(term_key(period.start)).start == period.start
    covered = bool(inside) and (
        term_period(_term(inside[0])).start == period.start
        or (inside[0] is trend[0] and starts_a_term)
    )
    ends_a_term = term_period(term_key(period.end)).end == period.end
    if not covered or not (ends_a_term or cut_at_end):
        return
    for header in ("Audits graded", *GRADES, "Good or better"):
        attack.total([row[header].key for row in inside], whole[header].key)


def _term(row: Row) -> str:
    from auditdesk.domain.periods import parse_period

    label = str(row["Term"].value).split(" (")[0]
    return term_key(parse_period(label).start)


def _quality(attack: Attack, book: Any) -> None:
    areas = read_table(book["Quality areas"], "Quality area")
    questions = read_table(book["Questions"], "Template")
    by_area: dict[str, list[Row]] = defaultdict(list)
    for row in areas:
        by_area[row["Quality area"].value].append(row)
    for rows in [*by_area.values(), [{**q, "Template": q["Template"]} for q in questions]]:
        for row in rows:
            attack.ratio(
                row["Meeting the standard"].key,
                row["Answers rated"].key,
                row["% meeting the standard"].value,
            )
            _interval(
                attack, row, "Meeting the standard", "Answers rated", "% meeting the standard"
            )
    for area, rows in by_area.items():
        whole = next(row for row in rows if row["Template"].value == "All templates")
        parts = [row for row in rows if row is not whole]
        for header in ("Answers rated", "Meeting the standard"):
            attack.total([row[header].key for row in parts], whole[header].key)
        for part in parts:
            members = [
                q
                for q in questions
                if q["Template"].value == part["Template"].value
                and area in str(q["Quality areas"].value)
            ]
            for header in ("Answers rated", "Meeting the standard"):
                attack.total([q[header].key for q in members], part[header].key)


def _visits(attack: Attack, book: Any) -> None:
    rows = read_table(book["Setting visits"], "Setting type")
    if not rows:
        return
    *parts, total = rows
    categories = [
        h
        for h in rows[0]
        if h not in ("Setting type", "Checks") and "%" not in h and "interval" not in h
    ]
    for row in rows:
        attack.total([row[c].key for c in categories], row["Checks"].key)
        attack.ratio(row[categories[0]].key, row["Checks"].key, row["% delivered"].value)
        _interval(attack, row, categories[0], "Checks", "% delivered")
    for header in [*categories, "Checks"]:
        attack.total([row[header].key for row in parts], total[header].key)


def _moderation(attack: Attack, book: Any) -> None:
    rows = read_table(book["Moderation"], "Template")
    sections = {
        (q["Template"].value, q["Question"].value): q["Section"].value
        for q in read_table(book["Questions"], "Template")
    }
    for row in rows:
        attack.ratio(row["Exact agreements"].key, row["Pairs"].key, row["% exact agreement"].value)
    ratings = [row for row in rows if row["Level"].value == "All ratings"]
    by_level: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_level[row["Level"].value].append(row)
    for header in ("Pairs", "Exact agreements"):
        for level in ("Section", "Question"):
            if ratings and by_level[level]:
                attack.total([row[header].key for row in by_level[level]], ratings[0][header].key)
        for section in by_level["Section"]:
            members = [
                q
                for q in by_level["Question"]
                if q["Template"].value == section["Template"].value
                and sections.get((q["Template"].value, q["Compared"].value))
                == section["Compared"].value
            ]
            if members:
                attack.total([q[header].key for q in members], section[header].key)


def _comment_cells(book: Any) -> Iterator[Cell]:
    if "Board comments" not in book.sheetnames:
        return
    for row in read_table(book["Board comments"], "Kind"):
        yield row["Times marked"]


# -- row-level sheets ------------------------------------------------------------------------
def recounted(path: Path, threshold: int) -> dict[tuple[str, str], int]:
    """Hidden figure cells a reader can count exactly from the row-level sheets, if the
    workbook has them: final grades by term and by lead agency from Audits, answers rated
    and meeting the standard per question and times each comment was marked from Answers."""
    book = load_workbook(path)
    found: dict[tuple[str, str], int] = {}
    marks = (f"<{threshold}", "*")
    if "Audits" in book.sheetnames:
        audits = read_table(book["Audits"], "Audit")
        by_term = Counter((a["Term"].value, a["Final grade"].value) for a in audits)
        for row in read_table(book["Summary"], "Term"):
            for grade in GRADES:
                if row[grade].value in marks and (row["Term"].value, grade) in by_term:
                    found[row[grade].key] = by_term[(row["Term"].value, grade)]
        by_agency = Counter((a["Lead agency"].value, a["Final grade"].value) for a in audits)
        for row in read_table(book["By agency"], book["By agency"]["A1"].value)[:-1]:
            for grade in GRADES:
                label = row[book["By agency"]["A1"].value].value
                if row[grade].value in marks and (label, grade) in by_agency:
                    found[row[grade].key] = by_agency[(label, grade)]
    if "Answers" in book.sheetnames:
        answers = read_table(book["Answers"], "Audit")
        rated = Counter(
            (a["Template"].value, a["Question"].value)
            for a in answers
            if a["Points"].value is not None
        )
        meeting = Counter(
            (a["Template"].value, a["Question"].value)
            for a in answers
            if a["Points"].value is not None and a["Points"].value >= 3
        )
        for row in read_table(book["Questions"], "Template"):
            question = (row["Template"].value, row["Question"].value)
            if row["Answers rated"].value in marks:
                found[row["Answers rated"].key] = rated[question]
            if row["Meeting the standard"].value in marks:
                found[row["Meeting the standard"].key] = meeting[question]
        marked = Counter(
            (a["Marked for the Board"].value, a["Comment"].value)
            for a in answers
            if a["Marked for the Board"].value
        )
        for row in read_table(book["Board comments"], "Kind"):
            if row["Times marked"].value in marks:
                found[row["Times marked"].key] = sum(
                    number
                    for (kind, text), number in marked.items()
                    if text and text.strip() == row["Comment"].value
                )
    return found
