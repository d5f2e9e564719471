"""Spreadsheet cells that can never become formulas.

openpyxl turns any string starting with ``=`` into a formula, and the strings ``#N/A``,
``#REF!`` and the like into error values. Spreadsheet programs also treat text starting
with ``+``, ``-`` or ``@`` (and a leading tab or carriage return) as the start of a formula
when a person edits the cell. User text (comments, findings, names, even template titles)
goes through :func:`text_value`: such strings are written as inline text with Excel's
"quote prefix" set, so Excel shows them as typed and keeps them as text even when edited.
Characters XML cannot hold (control characters pasted from other programs) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.worksheet._write_only import WriteOnlyWorksheet  # type: ignore[import-untyped]

MAX_CELL_TEXT = 32_767  # Excel's limit on the characters in one cell
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_ILLEGAL: re.Pattern[str] = ILLEGAL_CHARACTERS_RE
_ERRORS = frozenset(ERROR_CODES)
RISKY_FIRST = frozenset("=+-@\t\r\n#")  # formula starts, and "#" for error values


def clean_text(text: str) -> str:
    """Text as a cell may hold it: no XML-illegal characters, no more than Excel allows."""
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    if len(text) > MAX_CELL_TEXT:
        text = text[: MAX_CELL_TEXT - 1] + "…"
    return text


def is_risky(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) or text in _ERRORS


def text_value(sheet: WriteOnlyWorksheet, text: str) -> Any:
    """A value for ``sheet.append``: the plain string when it is harmless (the fast path
    for nearly every cell), otherwise a text cell with the quote prefix."""
    text = clean_text(text)
    if not is_risky(text):
        return text
    cell = WriteOnlyCell(sheet)
    cell.value = text
    cell.data_type = "s"  # after assigning: openpyxl would have guessed "f" or "e"
    cell.quotePrefix = True
    return cell


def safe_row(sheet: WriteOnlyWorksheet, values: Iterable[Any]) -> list[Any]:
    """Every string in a row made safe; other values (numbers, dates, cells) pass through.
    Empty strings become ``None`` so the cell is simply not written."""
    out: list[Any] = []
    append = out.append
    for value in values:
        if value.__class__ is not str:
            append(value)
        elif not value:
            append(None)
        # The fast path for nearly every cell: printable text (so no control character
        # XML cannot hold), not starting like a formula, within Excel's length limit.
        elif value.isprintable() and value[0] not in RISKY_FIRST and len(value) <= MAX_CELL_TEXT:
            append(value)
        else:
            append(text_value(sheet, value))
    return out
