"""Refilling the moderation sample table: the columns are held still while the rows go
in (sizing them to their contents after every item made showing the Moderation tab a
second time quadratic: about 17 minutes for 4,500 moderations), and afterwards the table
holds exactly the new rows with its columns sized to their contents again. Its speed is
measured by benchmarks/bench_dialogs.py, not here."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidgetItem
from pytestqt.qtbot import QtBot

from auditdesk.ui.moderation.sample_table import SampleTable

COLUMNS = ("Audit", "Template", "First grade", "Second marker", "Stage", "Second", "Agreed")


def _fill(table: SampleTable, rows: int, tag: str) -> None:
    with table.refilled(rows):
        assert table.horizontalHeader().sectionResizeMode(0) is QHeaderView.ResizeMode.Interactive
        for row in range(rows):
            for column in range(len(COLUMNS)):
                table.setItem(row, column, QTableWidgetItem(f"{tag} CE-{row:05d} {column}"))


def test_a_refilled_table_holds_only_the_new_rows_sized_to_them(qtbot: QtBot) -> None:
    table = SampleTable(COLUMNS)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    _fill(table, 40, "a much longer first text that widens the column")

    _fill(table, 25, "again")
    qtbot.wait(1)

    assert table.rowCount() == 25
    texts = {table.item(row, 0).text() for row in range(25)}  # type: ignore[union-attr]
    assert texts == {f"again CE-{row:05d} 0" for row in range(25)}
    header = table.horizontalHeader()
    assert header.sectionResizeMode(0) is QHeaderView.ResizeMode.ResizeToContents
    assert table.updatesEnabled()
    # Sized to the new, shorter contents, not left at the first fill's width.
    assert table.columnWidth(0) <= table.sizeHintForColumn(0) + 1
