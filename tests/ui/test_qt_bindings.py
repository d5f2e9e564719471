"""The Qt bindings installed keep Python's reference counts right where AuditDesk leans on
them. PySide6 6.12.0 returned ``None`` one reference short whenever Python read an item
role that was never set; on Python 3.11 (where ``None`` is counted like any object) a few
thousand such reads end the process with "none_dealloc", at a random later moment, in
the window or when it closes. This test fails on any release that does that again."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
)
from pytestqt.qtbot import QtBot

UNSET = Qt.ItemDataRole.UserRole + 40
READS = 2_000


def _none_lost_by(read: object) -> int:
    assert callable(read)
    before = sys.getrefcount(None)
    for _ in range(READS):
        read()
    return before - sys.getrefcount(None)


@pytest.mark.parametrize(
    "what",
    ["tree item", "table item", "model index", "model", "persistent index", "combo item",
     "object property"],
)  # fmt: skip
def test_reading_what_was_never_set_keeps_none_alive(qtbot: QtBot, what: str) -> None:
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    tree_item = QTreeWidgetItem(["Section A"])
    tree.addTopLevelItem(tree_item)
    table = QTableWidget(1, 1)
    qtbot.addWidget(table)
    table.setItem(0, 0, QTableWidgetItem("CE-10001"))
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItem("Choose…")
    model = tree.model()
    index: QModelIndex = model.index(0, 0)
    persistent = QPersistentModelIndex(index)
    owner = QObject()
    reads = {
        "tree item": lambda: tree_item.data(0, UNSET),
        "table item": lambda: table.item(0, 0).data(UNSET),
        "model index": lambda: index.data(UNSET),
        "model": lambda: model.data(index, UNSET),
        "persistent index": lambda: persistent.data(UNSET),
        "combo item": lambda: combo.itemData(0),
        "object property": lambda: owner.property("never set"),
    }
    assert reads[what]() is None
    assert _none_lost_by(reads[what]) <= 0, (
        "these Qt bindings lose a reference to None on every read: install another "
        "PySide6 release (see pyproject.toml)"
    )
