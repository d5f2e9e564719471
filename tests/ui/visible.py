"""What a person reads in a window, collected as plain strings, and the checks on it:
no internal ids, words and numbers that read right, and Alt+letter keys that are unique.

``visible_texts`` reads labels, buttons, group boxes, tabs, drop-down items, table and
tree cells (the rows shown), header labels, menus, window titles, tooltips and the
names and descriptions screen readers speak."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

TAG = re.compile(r"<[^>]+>")
MNEMONIC = re.compile(r"(?<!&)&([^&\s])")
MAX_ROWS = 300
SHORT_DATE = re.compile(r"\b\d{1,2} (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b")
LONG_DATE = re.compile(
    r"\b\d{1,2} (January|February|March|April|June|July|August|September|October|"
    r"November|December) \d{4}\b"
)
COUNTED = (
    "audits|actions|answers|questions|children|plans|settings|moderations|records|cells|"
    "pages|rows|items|things|conflicts|lines|other|more|auditors|bundles|changes"
)
COUNT_WITHOUT_SEPARATOR = re.compile(rf"(?<![\d,.\-/:])\d{{4,}}\s+(?:\w+\s+)?(?:{COUNTED})\b")


def visible_texts(root: QWidget) -> list[str]:
    """Every string shown in ``root`` and the widgets visible in it."""
    texts = [root.windowTitle()]
    for widget in _shown(root):
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        texts += _own_texts(widget)
    for bar in root.findChildren(QMenuBar):
        for action in bar.actions():
            texts.append(_plain(action.text()))
            menu = action.menu()
            if isinstance(menu, QMenu):
                texts += [_plain(a.text()) for a in menu.actions() if a.text()]
                texts += [a.toolTip() for a in menu.actions() if a.toolTip()]
    return [text for text in (t.strip() for t in texts) if text]


def literal_ampersands(root: QWidget) -> list[str]:
    """Texts that show "&" as a character where a mnemonic was meant ("&File:")."""
    found = [root.windowTitle()] if MNEMONIC.search(root.windowTitle()) else []
    for widget in _shown(root):
        if isinstance(widget, QLabel) and widget.buddy() is None:
            text = widget.text()
            if widget.textFormat() != Qt.TextFormat.PlainText:
                text = text.replace("&amp;", "")
            if MNEMONIC.search(TAG.sub("", text)):
                found.append(widget.text())
        if isinstance(widget, QAbstractItemView):
            found += [t for t in _cells(widget) if MNEMONIC.search(t)]
    return found


def mnemonic_clashes(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter keys used by more than one visible control (or menu) of ``root``."""
    owners: dict[str, list[str]] = {}
    for text in _mnemonic_texts(root):
        match = MNEMONIC.search(text)
        if match:
            owners.setdefault(match.group(1).lower(), []).append(text)
    return {key: texts for key, texts in owners.items() if len(texts) > 1}


def wording_problems(texts: Iterable[str]) -> list[str]:
    """Words and numbers that read wrong: "childs", "X (X)", "X: X", "1901 audits"."""
    problems = []
    for text in texts:
        plain = TAG.sub("", text)
        if re.search(r"\bchilds\b", plain, re.IGNORECASE):
            problems.append(f"bad plural: {plain!r}")
        repeated = re.search(r"(\b[\w’' ]{4,}?) \(\1\)", plain)
        if repeated:
            problems.append(f"said twice: {plain!r}")
        if re.fullmatch(r"\s*(.{4,}):\s*\1\s*", plain):
            problems.append(f"said twice: {plain!r}")
        if SHORT_DATE.search(plain) and LONG_DATE.search(plain):
            problems.append(f"dates in two formats: {plain!r}")
        if COUNT_WITHOUT_SEPARATOR.search(plain):
            problems.append(f"number without a thousands separator: {plain!r}")
    return problems


# -- inside ------------------------------------------------------------------------------
def _shown(root: QWidget) -> list[QWidget]:
    widgets = [root, *root.findChildren(QWidget)]
    return [w for w in widgets if w is root or w.isVisibleTo(root)]


def _own_texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel):
        text = TAG.sub("", widget.text()).replace("&amp;", "&")
        return [_plain(text) if widget.buddy() is not None else text]
    if isinstance(widget, QAbstractButton):
        return [_plain(widget.text())]
    if isinstance(widget, QGroupBox):
        return [_plain(widget.title())]
    if isinstance(widget, QComboBox):
        return [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTabBar):
        return [_plain(widget.tabText(i)) for i in range(widget.count())]
    if isinstance(widget, QLineEdit):
        return [widget.placeholderText()] + ([widget.text()] if widget.isReadOnly() else [])
    if isinstance(widget, QPlainTextEdit) and widget.isReadOnly():
        return widget.toPlainText().splitlines()
    if isinstance(widget, QAbstractItemView):
        return _cells(widget)
    return []


def _cells(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    for column in range(_columns(model, QModelIndex())):
        heading = model.headerData(column, Qt.Orientation.Horizontal)
        if heading:
            texts.append(str(heading))
    texts += _rows(model, None, depth=0)
    return texts


def _rows(model: QAbstractItemModel, parent: QModelIndex | None, *, depth: int) -> list[str]:
    index = parent if parent is not None else QModelIndex()
    texts = []
    rows = min(model.rowCount(index), MAX_ROWS)
    for row in range(rows):
        for column in range(_columns(model, index)):
            cell = model.index(row, column, index)
            value = model.data(cell)
            if value not in (None, ""):
                texts.append(str(value))
            if column == 0 and depth < 3:
                texts += _rows(model, cell, depth=depth + 1)
    return texts


def _columns(model: QAbstractItemModel, index: QModelIndex) -> int:
    try:
        return model.columnCount(index)
    except TypeError:  # a list widget's own model keeps columnCount private: one column
        return 1


def _mnemonic_texts(root: QWidget) -> list[str]:
    texts = []
    bars = root.findChildren(QMenuBar)
    if isinstance(root, QMainWindow):
        bars.append(root.menuBar())
    for bar in {id(b): b for b in bars}.values():
        if bar.isVisibleTo(root) or bar is getattr(root, "menuBar", lambda: None)():
            texts += [a.text() for a in bar.actions() if a.isVisible()]
    for widget in _shown(root):
        if isinstance(widget, QAbstractButton) and widget.parent() is not None:
            if type(widget).__name__ == "QToolButton":
                continue  # tool buttons take no mnemonic from their action's text
            texts.append(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
    return texts


def _plain(text: str) -> str:
    return MNEMONIC.sub(r"\1", text).replace("&&", "&")
