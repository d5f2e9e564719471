"""Text size and the high-contrast theme, applied to the whole application.

Focus is always visible: a thick focus outline is drawn in both themes, because Qt's
default (a faint dotted line on some styles) is easy to lose when working by keyboard.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 10.0

# Focus and selection colours chosen for contrast in each theme (WCAG AA or better).
_STANDARD_STYLE = """
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDateEdit:focus, QDoubleSpinBox:focus, QListView:focus, QTreeView:focus, QTableView:focus,
QTreeWidget:focus, QListWidget:focus, QTableWidget:focus {
    border: 2px solid #0b57d0;
}
/* The outline's room is kept when not focused too, so focus never squeezes the text. */
QRadioButton, QCheckBox { border: 2px solid transparent; border-radius: 3px; padding: 2px; }
QPushButton:focus, QToolButton:focus, QRadioButton:focus, QCheckBox:focus {
    border: 2px solid #0b57d0; border-radius: 3px; padding: 2px;
}
QLabel#pageTitle { font-weight: bold; }
QFrame#messageBar[kind="problem"] { background: #fde7e9; border: 1px solid #b3261e; }
QFrame#messageBar[kind="info"] { background: #e8f0fe; border: 1px solid #0b57d0; }
"""

_HIGH_CONTRAST_STYLE = """
* { color: #ffffff; background-color: #000000; }
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDateEdit, QDoubleSpinBox,
QListView, QTreeView, QTableView, QTreeWidget, QListWidget, QTableWidget {
    border: 1px solid #ffffff;
}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDateEdit:focus, QDoubleSpinBox:focus, QListView:focus, QTreeView:focus, QTableView:focus,
QTreeWidget:focus, QListWidget:focus, QTableWidget:focus,
QPushButton:focus, QToolButton:focus, QRadioButton:focus, QCheckBox:focus {
    border: 3px solid #ffff00;
}
QPushButton, QToolButton { border: 1px solid #ffffff; padding: 4px 8px; }
QRadioButton, QCheckBox { border: 3px solid transparent; }
QPushButton:disabled, QToolButton:disabled, QLabel:disabled { color: #a0a0a0; }
QHeaderView::section { background: #000000; color: #ffffff; border: 1px solid #ffffff; }
QTabBar::tab:selected { background: #ffff00; color: #000000; }
QTabBar::tab { border: 1px solid #ffffff; padding: 4px 10px; }
QMenu::item:selected, QMenuBar::item:selected { background: #ffff00; color: #000000; }
QFrame#messageBar { border: 2px solid #ffff00; }
QRadioButton::indicator, QCheckBox::indicator {
    width: 0.9em; height: 0.9em; border: 2px solid #ffffff; background: #000000;
}
QRadioButton::indicator { border-radius: 0.55em; }
QRadioButton::indicator:checked, QCheckBox::indicator:checked {
    background: #ffff00; border: 2px solid #ffffff;
}
QRadioButton::indicator:disabled, QCheckBox::indicator:disabled { border-color: #a0a0a0; }
"""


def apply_theme(app: QApplication, *, text_scale: float, high_contrast: bool) -> None:
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * text_scale)
    app.setFont(font)
    app.setPalette(_high_contrast_palette() if high_contrast else app.style().standardPalette())
    app.setStyleSheet(_HIGH_CONTRAST_STYLE if high_contrast else _STANDARD_STYLE)


def _high_contrast_palette() -> QPalette:
    palette = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        palette.setColor(role, black)
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#1a1a1a"))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.ToolTipText,
    ):
        palette.setColor(role, white)
    palette.setColor(QPalette.ColorRole.Highlight, yellow)
    palette.setColor(QPalette.ColorRole.HighlightedText, black)
    palette.setColor(QPalette.ColorRole.Link, QColor("#66ccff"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, black)
    return palette
