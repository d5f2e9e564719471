"""Undo and redo over service calls: each command knows how to apply and reverse one
saved change. Typing in one box merges into one command, so undo takes back the edit,
not a single pause."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

AnswerKey = tuple[str, str | None]
Apply = Callable[[AnswerKey, str, object], None]

_TEXT_COMMAND_ID = 4101


class AnswerCommand(QUndoCommand):
    def __init__(self, apply: Apply, key: AnswerKey, field: str, old: object, new: object) -> None:
        super().__init__(f"change {field} of question {key[0]}")
        self._apply, self.key, self.field, self.old, self.new = apply, key, field, old, new

    def redo(self) -> None:
        self._apply(self.key, self.field, self.new)

    def undo(self) -> None:
        self._apply(self.key, self.field, self.old)

    def id(self) -> int:
        return _TEXT_COMMAND_ID if self.field in ("comment", "evidence") else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, AnswerCommand) or (other.key, other.field) != (
            self.key,
            self.field,
        ):
            return False
        self.new = other.new
        return True


class CallCommand(QUndoCommand):
    """A structural change (add, rename or remove a block) with its own way back."""

    def __init__(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        super().__init__(text)
        self._do, self._undo = do, undo

    def redo(self) -> None:
        self._do()

    def undo(self) -> None:
        self._undo()
