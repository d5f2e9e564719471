"""Reading enum choices back from drop-downs.

PySide stores a ``StrEnum`` member as a plain ``str`` in an item's data, so what comes
back is the code, not the member. ``chosen`` turns it back into the member, so nothing
downstream ever receives a bare string where a ``Grade`` or ``Agency`` is expected.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from PySide6.QtWidgets import QComboBox

E = TypeVar("E", bound=StrEnum)


def chosen(combo: QComboBox, kind: type[E]) -> E | None:
    """The member chosen in ``combo`` ("Any"/"none" items hold ``None``)."""
    value = combo.currentData()
    return None if value is None else kind(value)


def required(combo: QComboBox, kind: type[E]) -> E:
    value = chosen(combo, kind)
    if value is None:
        raise ValueError(f"{combo.accessibleName()} has no choice")
    return value
