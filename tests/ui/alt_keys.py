"""Alt+letter, as a person presses it. A button reached by its Alt key is "clicked" the way
Qt shows it: pressed, then released a moment later, so the test waits for that release
(the click itself, and whatever it starts, runs as the button comes up)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QMenu,
    QMenuBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.visible import MNEMONIC

ANIMATED_CLICK_MS = 100  # how long Qt shows a button pressed by its Alt key
CLICK_TIMEOUT_MS = 5_000  # a generous bound on that moment on a busy machine


def press_alt(
    qtbot: QtBot, letter: str, where: QWidget | None = None, *, clicks: bool = True
) -> None:
    """Alt+``letter`` with the keyboard where it is (or in ``where``); ``clicks``: it
    presses a button or ticks a box, so wait until that is done."""
    target = where or QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard"
    qtbot.keyClick(target, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)
    if clicks:
        pressed = _buttons_held_down()
        qtbot.waitUntil(lambda: not any(_still_down(b) for b in pressed), timeout=CLICK_TIMEOUT_MS)
    QApplication.processEvents()


def _buttons_held_down() -> list[QAbstractButton]:
    """The buttons Qt is showing pressed: the one an Alt key reached is held down for
    ``ANIMATED_CLICK_MS`` and clicked as it comes back up."""
    return [
        widget
        for widget in QApplication.allWidgets()
        if isinstance(widget, QAbstractButton) and widget.isDown()
    ]


def _still_down(button: QAbstractButton) -> bool:
    return shiboken6.isValid(button) and button.isDown()


def alt_key(text: str) -> str | None:
    """The letter of ``text``'s Alt key ("Sett&ing" gives "i"), if it has one."""
    found = MNEMONIC.search(text)
    return found.group(1).lower() if found else None


def alt_keys_astray(qtbot: QtBot, root: QWidget) -> tuple[list[str], int]:
    """Press the Alt key of every labelled field, check box and menu of ``root`` (as it is
    on screen now) and say where one does not reach what it names: a label's key moves the
    keyboard to its field, a check box's key ticks it (pressed again, it is put back), a
    menu's key opens that menu. Returns what went astray and how many keys were pressed."""
    astray: list[str] = []
    pressed = 0
    for label in _shown(root, QLabel):
        buddy, letter = label.buddy(), alt_key(label.text())
        if buddy is None or letter is None or not buddy.isEnabled():
            continue
        _focus_somewhere_else(root, buddy)
        pressed += 1
        press_alt(qtbot, letter, root.focusWidget() or root, clicks=False)
        focused = QApplication.focusWidget()
        if focused is None or not (focused is buddy or buddy.isAncestorOf(focused)):
            astray.append(f"Alt+{letter.upper()} ({label.text()!r}) went to {_name(focused)}")
    for box in _shown(root, QCheckBox):
        letter = alt_key(box.text())
        if letter is None or not box.isEnabled():
            continue
        was = box.isChecked()
        pressed += 1
        press_alt(qtbot, letter, root.focusWidget() or root)
        if box.isChecked() == was:
            astray.append(f"Alt+{letter.upper()} did not tick {box.text()!r}")
        press_alt(qtbot, letter, root.focusWidget() or root)
        if box.isChecked() != was:
            astray.append(f"Alt+{letter.upper()} did not put {box.text()!r} back")
    for bar in _shown(root, QMenuBar):
        for action in bar.actions():
            letter, menu = alt_key(action.text()), action.menu()
            if letter is None or not isinstance(menu, QMenu):
                continue
            pressed += 1
            press_alt(qtbot, letter, root.focusWidget() or root, clicks=False)
            opened = QApplication.activePopupWidget()
            if opened is not menu:
                astray.append(f"Alt+{letter.upper()} opened {_name(opened)}, not {action.text()!r}")
            if opened is not None:
                qtbot.keyClick(opened, Qt.Key.Key_Escape)
            QApplication.processEvents()
            if bar.hasFocus():  # the menu bar keeps the keyboard after a menu closes
                qtbot.keyClick(bar, Qt.Key.Key_Escape)
    return astray, pressed


def _shown(root: QWidget, kind: type) -> list:  # type: ignore[type-arg]
    return [w for w in root.findChildren(kind) if w.isVisibleTo(root)]


def _focus_somewhere_else(root: QWidget, buddy: QWidget) -> None:
    """Put the keyboard on another control first, so reaching the field is the key's doing."""
    for widget in root.findChildren(QWidget):
        if (
            widget is not buddy
            and not buddy.isAncestorOf(widget)
            and widget.isVisibleTo(root)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return


def _name(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    return f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"
