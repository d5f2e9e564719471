"""A thin layer over openpyxl's write-only worksheets: real Excel tables, typed columns,
frozen headers and widths, with every string made safe (:mod:`safe_text`).

Write-only mode streams rows to disk, so a workbook of three million answers needs little
memory and costs barely more than a bare openpyxl loop; the price is that column widths
and frozen panes are set before the first row, and tables are declared after their rows.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from weakref import WeakKeyDictionary

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell.cell import Cell, WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet._write_only import WriteOnlyWorksheet  # type: ignore[import-untyped]
from openpyxl.worksheet.filters import AutoFilter  # type: ignore[import-untyped]
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo  # type: ignore[import-untyped]

from auditdesk.domain.board_figures import Share
from auditdesk.domain.suppression import Count
from auditdesk.domain.wording import SPREADSHEET_DATE
from auditdesk.exporters.safe_text import safe_row, text_value

DATE_FORMAT = SPREADSHEET_DATE  # "7 December 2026", as every date people read
DATE_WIDTH = 18  # characters: room for "30 September 2026"
COUNT_FORMAT = "#,##0"  # 1,901 audits: thousands separated, as people read them
PERCENT_FORMAT = "0%"
DECIMAL_FORMAT = "0.00"
TABLE_STYLE = "TableStyleMedium2"
_RIGHT = Alignment(horizontal="right")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TITLE = Font(bold=True, size=14)
_HEADING = Font(bold=True, size=11)
_DATE_STYLES: WeakKeyDictionary[Workbook, Any] = WeakKeyDictionary()  # see day()


@dataclass(frozen=True)
class Column:
    header: str
    width: float = 14


class SheetWriter:
    """One write-only sheet, written top to bottom."""

    def __init__(
        self, workbook: Workbook, title: str, widths: Sequence[float], *, freeze: str | None
    ) -> None:
        self.sheet: WriteOnlyWorksheet = workbook.create_sheet(title)
        self.widths = list(widths)
        for number, width in enumerate(widths, 1):
            self.sheet.column_dimensions[get_column_letter(number)].width = width
        if freeze:
            self.sheet.freeze_panes = freeze
        # Printed landscape, every column on one page width, as many pages down as needed.
        self.sheet.page_setup.orientation = "landscape"
        self.sheet.page_setup.paperSize = "9"  # A4
        self.sheet.page_setup.fitToWidth = 1
        self.sheet.page_setup.fitToHeight = 0
        self.sheet.sheet_properties.pageSetUpPr.fitToPage = True
        if freeze == "A2" or (freeze or "").endswith("2"):
            self.sheet.print_title_rows = "1:1"  # the header row on every printed page
        self.row = 0  # rows written so far

    # -- plain rows ------------------------------------------------------------------------
    def append(self, values: list[Any]) -> None:
        self.sheet.append(safe_row(self.sheet, values))
        self.row += 1

    def blank(self) -> None:
        self.sheet.append([])
        self.row += 1

    def title(self, text: str) -> None:
        self._styled(text, font=_TITLE)

    def heading(self, text: str) -> None:
        self._styled(text, font=_HEADING)

    def wrapped(self, label: str, text: str) -> None:
        """A label and a paragraph of text that wraps in its column."""
        cell = self._cell(text)
        cell.alignment = _WRAP
        head = self._cell(label)
        head.font = _HEADING
        head.alignment = _WRAP
        self._fit_height([label, text])
        self.sheet.append([head, cell])
        self.row += 1

    def wrapped_row(self, values: Sequence[str]) -> None:
        """A row of text cells that wrap, the row tall enough to show them."""
        cells = []
        for value in values:
            cell = self._cell(value)
            cell.alignment = _WRAP
            cells.append(cell)
        self._fit_height(values)
        self.sheet.append(cells)
        self.row += 1

    def _fit_height(self, values: Sequence[str]) -> None:
        # Write-only rows are sized when written and spreadsheet programs do not always
        # re-fit wrapped text on opening, so estimate the lines each cell needs.
        lines = 1
        for value, width in zip(values, self.widths, strict=False):
            per_line = max(1.0, width * 1.15)
            lines = max(lines, sum(1 + int(len(part) / per_line) for part in value.split("\n")))
        if lines > 1:
            self.sheet.row_dimensions[self.row + 1].height = 15 * lines

    def _styled(self, text: str, *, font: Font) -> None:
        cell = self._cell(text)
        cell.font = font
        self.sheet.append([cell])
        self.row += 1

    def _header(self, text: str) -> Any:
        cell = self._cell(text)
        cell.alignment = _WRAP
        return cell

    def _cell(self, text: str) -> Any:
        value = text_value(self.sheet, text)
        if isinstance(value, str):
            cell = WriteOnlyCell(self.sheet, value)
            return cell
        return value

    # -- tables ----------------------------------------------------------------------------
    def table(
        self,
        name: str,
        columns: Sequence[Column],
        rows: Iterable[Sequence[Any]],
        *,
        wrap: bool = False,
        made_safe: bool = False,
    ) -> int:
        """Header and rows as a real Excel table (filters, banding); returns the row count.
        ``wrap`` wraps and fits every body cell (for short tables of prose); ``made_safe``
        says the rows are already as :func:`safe_row` would make them."""
        headers = [column.header for column in columns]
        self._fit_height(headers)
        self.sheet.append([self._header(header) for header in headers])
        self.row += 1
        first = self.row
        written = 0
        sheet = self.sheet
        for values in rows:
            if wrap:
                self.wrapped_row(values)
            else:
                sheet.append(values if made_safe else safe_row(sheet, values))
                self.row += 1
            written += 1
        if written == 0:  # an Excel table needs a body row, even an empty one
            self.blank()
        last_column = get_column_letter(len(columns))
        reference = f"A{first}:{last_column}{self.row}"
        table = Table(displayName=name, ref=reference)
        table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
        table.tableColumns = [
            TableColumn(id=number, name=header) for number, header in enumerate(headers, 1)
        ]
        table.autoFilter = AutoFilter(ref=reference)
        with warnings.catch_warnings():
            # openpyxl warns that write-only tables need their columns named: they are.
            warnings.simplefilter("ignore", UserWarning)
            self.sheet.add_table(table)
        return written


# -- typed cell values -----------------------------------------------------------------------
def count_value(sheet: WriteOnlyWorksheet, count: Count) -> Any:
    """A published count: the number, or its mark ("<5", "*") aligned like a number."""
    if count.shown is not None:
        return number(sheet, count.shown)
    return _right(sheet, count.text)


def number(sheet: WriteOnlyWorksheet, value: int) -> Any:
    """A whole number shown with thousands separators."""
    cell = WriteOnlyCell(sheet, value)
    cell.number_format = COUNT_FORMAT
    return cell


def share_value(sheet: WriteOnlyWorksheet, share: Share) -> Any:
    if share.value is None:
        return _right(sheet, share.text)
    cell = WriteOnlyCell(sheet, share.value)
    cell.number_format = PERCENT_FORMAT
    return cell


def interval_values(sheet: WriteOnlyWorksheet, share: Share) -> list[Any]:
    if share.interval is None:
        return [None, None]
    return [percent(sheet, share.interval.low), percent(sheet, share.interval.high)]


def percent(sheet: WriteOnlyWorksheet, value: float | None) -> Any:
    if value is None:
        return None
    cell = WriteOnlyCell(sheet, value)
    cell.number_format = PERCENT_FORMAT
    return cell


def decimal(sheet: WriteOnlyWorksheet, value: float | None) -> Any:
    if value is None:
        return None
    cell = WriteOnlyCell(sheet, value)
    cell.number_format = DECIMAL_FORMAT
    return cell


def day(sheet: WriteOnlyWorksheet, value: date | None) -> Any:
    if value is None:
        return None
    # The date's style is made once per workbook and copied into each date's cell: setting
    # a number format looks it up in the workbook every time, a good part of what a cell
    # costs, and the row sheets hold three dates a row.
    style = _DATE_STYLES.get(sheet.parent)
    if style is None:
        prototype = WriteOnlyCell(sheet)
        prototype.number_format = DATE_FORMAT
        style = _DATE_STYLES[sheet.parent] = prototype._style
    return Cell(sheet, row=1, column=1, value=value, style_array=style)


def _right(sheet: WriteOnlyWorksheet, text: str) -> Any:
    cell = WriteOnlyCell(sheet, text)
    cell.alignment = _RIGHT
    return cell
