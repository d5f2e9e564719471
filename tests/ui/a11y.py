"""Checks that every control a keyboard user can reach has a screen-reader name and a
description (not just its visible value)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget


def unnamed_controls(root: QWidget) -> list[str]:
    """Describe each focusable, visible widget under ``root`` missing a name or description."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _reachable(widget, root):
            continue
        name, description = widget.accessibleName(), widget.accessibleDescription()
        if not name.strip() or not description.strip():
            what = type(widget).__name__
            text = getattr(widget, "text", lambda: "")()
            problems.append(f"{what} '{text}' name={name!r} description={description!r}")
    return problems


def _reachable(widget: QWidget, root: QWidget) -> bool:
    if not widget.isVisibleTo(root) or not widget.isEnabled():
        return False
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return False
    parent = widget.parentWidget()
    # Pieces inside a composite control answer to it: an editable combo box's line edit,
    # a spin box's or date edit's line edit, a scroll area's viewport.
    if isinstance(parent, (QComboBox, QAbstractSpinBox)):
        return False
    return not (isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget)
