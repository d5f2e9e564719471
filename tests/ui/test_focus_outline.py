"""The focus outline never takes room from the text: a rating button or tick box is the
same size focused or not, in both themes (the focused "Yes" once read "Ye")."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from auditdesk.ui.theme import apply_theme


@pytest.mark.parametrize("high_contrast", [False, True], ids=["standard", "high contrast"])
@pytest.mark.parametrize("kind", [QRadioButton, QCheckBox])
def test_focus_keeps_the_words_whole(
    qtbot: QtBot, high_contrast: bool, kind: type[QRadioButton] | type[QCheckBox]
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, text_scale=1.0, high_contrast=high_contrast)
    try:
        holder = QWidget()
        qtbot.addWidget(holder)
        layout = QVBoxLayout(holder)
        button, other = kind("Requires improvement"), kind("Yes")
        layout.addWidget(button)
        layout.addWidget(other)
        holder.show()
        holder.activateWindow()
        qtbot.waitUntil(holder.isActiveWindow)
        other.setFocus()
        qtbot.waitUntil(other.hasFocus)
        unfocused = _room_for_words(button)
        button.setFocus()
        qtbot.waitUntil(button.hasFocus)
        words = button.fontMetrics().horizontalAdvance(button.text())
        assert _room_for_words(button) == unfocused
        assert _room_for_words(button) >= words
    finally:
        apply_theme(app, text_scale=1.0, high_contrast=False)


def _room_for_words(button: QRadioButton | QCheckBox) -> int:
    """The width the style leaves for the button's words, in its present state."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_RadioButtonContents
        if isinstance(button, QRadioButton)
        else QStyle.SubElement.SE_CheckBoxContents
    )
    return button.style().subElementRect(element, option, button).width()
