"""Screen-reader names for every control, set in one place so none is forgotten."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, description: str) -> W:
    """Give ``widget`` an accessible name and description (and a matching tooltip), and
    return it, so controls are named where they are made."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    if not widget.toolTip():
        widget.setToolTip(description)
    return widget
