"""Typing as a person does, for tests: any text, accents, dashes and emoji included.

``QTest.keyClicks`` handles ASCII only (anything else aborts the process inside Qt's test
library), so other characters are sent as the key events a keyboard layout or input
method produces: a key press carrying the text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str, *, delay_ms: int = -1) -> None:
    """Type ``text`` into ``widget`` key by key (``delay_ms`` between keys, events flowing;
    -1 for none at all, as fast as keys can arrive)."""
    for character in text:
        if character.isascii() and character.isprintable():
            qtbot.keyClick(widget, character, delay=delay_ms)
            continue
        if delay_ms > 0:
            qtbot.wait(delay_ms)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Show ``window`` and make it the active one, as a click on it would: keys go to the
    active window only."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
