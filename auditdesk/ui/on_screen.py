"""Windows that stay within their screen: opened at their usual size where there is room
for it (a 1366x768 laptop has less than a 1280x820 editor asks for), and kept on screen
after the text size changes. Contents scroll or reflow inside a window; the window itself
never spills past the screen's edge, where its buttons could not be reached.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

# What a title bar keeps for the window manager's icon, minimise, maximise and close.
TITLE_BAR_BUTTONS = 140


def keep_on_screen(window: QWidget) -> None:
    """Shrink ``window`` to its screen's free area if it has grown past it (larger text
    makes layouts ask for more room), then move it fully onto the screen."""
    if window.isMaximized() or window.isFullScreen():
        return
    room = _room(window)
    if room is None:
        return
    extra = _frame_extra(window)
    width = min(window.width(), room.width() - extra.width())
    height = min(window.height(), room.height() - extra.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), room.x()), room.right() - frame.width() + 1)
    y = min(max(frame.y(), room.y()), room.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


def keep_windows_on_screen() -> None:
    """After the text size changed: a dialog grows to what its contents now need (as far
    as its screen allows), so a form never scrolls sideways with room to spare; windows
    the person sized themselves keep their size. Then every window is kept on screen."""
    # Lay every window out for the new text size first: what they ask for is then known.
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    for window in QApplication.topLevelWidgets():
        if not window.isVisible():
            continue
        if isinstance(window, QDialog) and not (window.isMaximized() or window.isFullScreen()):
            grow_to_contents(window)
        keep_on_screen(window)


def grow_to_contents(window: QWidget) -> None:
    """Make ``window`` as large as its contents now ask for (a form showing what is
    wrong under its fields asks for more), as far as its screen allows."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    room = _room(window)
    if room is not None:
        _resize_within(window, window.sizeHint().expandedTo(window.size()), room)


def _resize_within(window: QWidget, wanted: QSize, room: QRect) -> None:
    """Resize ``window`` to ``wanted``, as far as ``room`` allows, about its centre."""
    size = (
        wanted.expandedTo(window.minimumSizeHint())
        .boundedTo(room.size() - _frame_extra(window))
        .expandedTo(window.minimumSize())
    )
    if size == window.size():
        return
    centre = window.frameGeometry().center()
    window.resize(size)
    if window.parentWidget() is not None:  # a dialog stays centred where Qt put it
        frame = window.frameGeometry()
        frame.moveCenter(centre)
        window.move(frame.topLeft())


def title_width(window: QWidget) -> int:
    """How wide ``window`` must be for a title bar to show its title whole: the title in
    a bold face of the text size, and room for the window manager's icon and buttons."""
    font = QFont(QApplication.font())
    font.setBold(True)
    return QFontMetrics(font).horizontalAdvance(window.windowTitle()) + TITLE_BAR_BUTTONS


def _room(window: QWidget) -> QRect | None:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def _frame_extra(window: QWidget) -> QSize:
    """What the window manager's frame adds around the window (title bar, borders)."""
    frame = window.frameGeometry()
    return QSize(max(0, frame.width() - window.width()), max(0, frame.height() - window.height()))


class StaysOnScreen:
    """Mixed into a window class, before the Qt class (``class Editor(StaysOnScreen,
    QMainWindow)``): the window is sized once, as it is first shown, when its screen (a
    dialog's is its parent's) and, with most window managers, its frame are known.

    A mix-in rather than an event filter: PySide can lose the Python side of a filter
    object while Qt still calls it."""

    _sized_for_screen = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[misc]
        if not self._sized_for_screen and isinstance(self, QWidget):
            self._sized_for_screen = True
            fit_to_screen(self)


def fit_to_screen(window: QWidget) -> None:
    """Give ``window`` its usual size as far as its screen has room (the size it was
    given, by ``resize`` or restored from last time, or else what its contents ask for),
    wide enough for its title, and wholly on that screen."""
    room = _room(window)
    if room is None or window.isMaximized() or window.isFullScreen():
        return
    # A window given a size keeps it (a dialog grows if its contents need more, as a
    # form does at 200%); one nobody sized gets what its contents need, where Qt would
    # stop at 2/3 of the screen and leave a form scrolling with room to spare.
    if not window.testAttribute(Qt.WidgetAttribute.WA_Resized):
        wanted = window.sizeHint()
    elif isinstance(window, QDialog):
        wanted = window.sizeHint().expandedTo(window.size())
    else:
        wanted = window.size()
    wanted = wanted.expandedTo(QSize(title_width(window), 0))  # its title shown whole
    _resize_within(window, wanted, room)
    keep_on_screen(window)
