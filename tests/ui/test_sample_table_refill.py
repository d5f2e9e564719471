"""Refilling the moderation sample table: the rows are a model's (an item per cell, sized
to its contents after every item, made showing the Moderation tab a second time
quadratic: about 17 minutes for 4,500 moderations). A refill holds exactly the new rows,
each with its key, and the columns are sized to the new contents from the rows in view
and a sample, not from every row. Its speed is measured by benchmarks/bench_dialogs.py,
not here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from auditdesk.ui.moderation.sample_table import SampleTable
from auditdesk.ui.text_table import SAMPLED_ROWS

COLUMNS = ("Audit", "Template", "First grade", "Second marker", "Stage", "Second", "Agreed")


def _table() -> SampleTable:
    """Rows listing (texts, key) pairs."""
    return SampleTable(COLUMNS, cells=lambda row: row[0], key=lambda row: row[1])


def _fill(table: SampleTable, rows: int, tag: str) -> None:
    table.refill([
        (tuple(f"{tag} CE-{row:05d} {column}" for column in range(len(COLUMNS))),
         f"uuid-{tag}-{row}")
        for row in range(rows)
    ])  # fmt: skip


def test_a_refilled_table_holds_only_the_new_rows_sized_to_them(qtbot: QtBot) -> None:
    table = _table()
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    _fill(table, 40, "a much longer first text that widens the column")

    _fill(table, 25, "again")
    qtbot.wait(1)

    assert table.row_count() == 25
    texts = {table.text(row, 0) for row in range(25)}
    assert texts == {f"again CE-{row:05d} 0" for row in range(25)}
    assert table.cell(3).data() == "again CE-00003 0"
    assert table.cell(3).data(Qt.ItemDataRole.AccessibleTextRole) == "again CE-00003 0"
    assert table.cell(3).data(Qt.ItemDataRole.UserRole) == "uuid-again-3"
    assert table.key(24) == "uuid-again-24"
    header = table.horizontalHeader()
    assert header.sectionResizeMode(0) is QHeaderView.ResizeMode.ResizeToContents
    # Sized to the new, shorter contents, not left at the first fill's width.
    assert table.columnWidth(0) <= table.sizeHintForColumn(0) + 1


def test_columns_are_sized_from_a_sample_of_the_rows(qtbot: QtBot) -> None:
    asked: list[str] = []

    def cells(row: tuple[tuple[str, ...], str]) -> tuple[str, ...]:
        asked.append(row[1])
        return row[0]

    table = SampleTable(COLUMNS, cells=cells, key=lambda row: row[1])
    qtbot.addWidget(table)
    table.resize(600, 200)
    table.show()
    qtbot.waitExposed(table)
    rows = [("CE-1",) * len(COLUMNS)] * (SAMPLED_ROWS * 20)
    long = "a far longer reference than any in the sample, well below it"
    rows.append((long,) * len(COLUMNS))
    table.refill([(texts, str(n)) for n, texts in enumerate(rows)])
    qtbot.wait(1)

    assert table.horizontalHeader().resizeContentsPrecision() == SAMPLED_ROWS
    # The last row is far below the rows in view and the sample: it does not widen it,
    # and its words (like most rows') have not been worked out at all.
    assert table.columnWidth(0) < table.fontMetrics().horizontalAdvance(long)
    assert str(len(rows) - 1) not in asked
    assert len(set(asked)) < len(rows) // 4
    assert table.text(len(rows) - 1, 0) == long  # worked out once asked for
    assert len(asked) == len(set(asked))  # and once only
