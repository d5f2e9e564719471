"""Undo and redo over service calls: each command knows how to apply and reverse one
saved change. Typing in one visit to a box merges into one command, so undo takes back
what was typed there, not a single pause, and never an earlier visit's words too. Command
texts are in the person's words, with where and what changed (they appear as "Undo Section
B, question 3 “Is the plan reviewed…”: rating Good → Requires improvement" in the Edit menu
and the undo history); see ``change_words``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

AnswerKey = tuple[str, str | None]
Apply = Callable[[AnswerKey, str, object], None]
Describe = Callable[[object, object], str]  # (old, new) -> the command's text

_TEXT_COMMAND_ID = 4101


class AnswerCommand(QUndoCommand):
    def __init__(
        self,
        apply: Apply,
        key: AnswerKey,
        field: str,
        old: object,
        new: object,
        *,
        describe: Describe,
    ) -> None:
        super().__init__(describe(old, new))
        self._apply, self.key, self.field, self.old, self.new = apply, key, field, old, new
        self._describe = describe
        # Typing in one visit to a box is one change to undo; leaving the box ends it.
        self.typing_open = field in ("comment", "evidence")

    def close_typing(self) -> None:
        """The person left the box: typing there later is a change of its own."""
        self.typing_open = False

    def redo(self) -> None:
        self._apply(self.key, self.field, self.new)

    def undo(self) -> None:
        self._apply(self.key, self.field, self.old)

    def id(self) -> int:
        return _TEXT_COMMAND_ID if self.field in ("comment", "evidence") else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if (
            not self.typing_open
            or not isinstance(other, AnswerCommand)
            or (other.key, other.field) != (self.key, self.field)
        ):
            return False
        self.new = other.new
        self.setText(self._describe(self.old, self.new))  # what the typing came to
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
