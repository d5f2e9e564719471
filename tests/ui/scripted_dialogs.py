"""The dialog seam as tests use it: no modal loops, no timers polling for a dialog.

- AuditDesk's own dialogs (``ask``) are shown non-modally and left open; the test finds
  one with :meth:`ScriptedDialogs.latest` and drives it with keys and clicks, as a person
  would. Accepting it runs what the window asked to run, at once.
- Choosers, confirmations and prompts block in the real app, so a test queues their
  answers beforehand with :meth:`ScriptedDialogs.answer`; a question nobody expected fails
  the test with its title and text, and every question asked is kept in ``asked``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtWidgets import QDialog, QWidget

from auditdesk.ui.dialog_service import DialogService

D = TypeVar("D", bound=QDialog)


@dataclass(frozen=True)
class Asked:
    kind: str  # open_file, save_file, confirm, choose, text, warn, inform, dialog
    title: str
    text: str


class UnexpectedQuestion(AssertionError):
    pass


class ScriptedDialogs(DialogService):
    def __init__(self) -> None:
        self._answers: deque[tuple[str, object]] = deque()
        self.asked: list[Asked] = []
        self.shown: list[QDialog] = []

    # -- scripting ------------------------------------------------------------------------
    def answer(self, kind: str, value: object) -> None:
        """Queue the answer to the next blocking question of ``kind``. For ``choose``
        give the item's text; for ``open_file``/``save_file`` a path or ``None``."""
        self._answers.append((kind, value))

    @property
    def unanswered(self) -> list[tuple[str, object]]:
        return list(self._answers)

    def latest(self, kind: type[D]) -> D:
        """The newest dialog of ``kind`` still open."""
        for dialog in reversed(self.shown):
            if shiboken6.isValid(dialog) and isinstance(dialog, kind) and dialog.isVisible():
                return dialog
        raise AssertionError(f"no {kind.__name__} is open; asked so far: {self.asked}")

    def open_dialogs(self) -> list[QDialog]:
        return [d for d in self.shown if shiboken6.isValid(d) and d.isVisible()]

    # -- the seam -------------------------------------------------------------------------
    def ask(
        self,
        dialog: QDialog,
        on_accepted: Callable[[], None] | None = None,
        *,
        on_finished: Callable[[bool], None] | None = None,
    ) -> None:
        self.asked.append(Asked("dialog", dialog.windowTitle(), type(dialog).__name__))
        self._connect(dialog, on_accepted, on_finished)
        self.shown.append(dialog)
        dialog.show()
        dialog.activateWindow()  # as the window manager does for a new dialog

    def run_before_any_window(self, dialog: QDialog) -> bool:
        fill = self._next("dialog", dialog.windowTitle(), type(dialog).__name__)
        assert callable(fill), "answer('dialog', ...) needs a function that fills the dialog"
        self.shown.append(dialog)
        dialog.show()
        fill(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    def open_file(self, parent: QWidget, title: str, folder: Path, filters: str) -> Path | None:
        value = self._next("open_file", title, str(folder))
        return None if value is None else Path(str(value))

    def save_file(self, parent: QWidget, title: str, suggested: Path, filters: str) -> Path | None:
        value = self._next("save_file", title, str(suggested))
        return None if value is None else Path(str(value))

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        return bool(self._next("confirm", title, text))

    def choose(self, parent: QWidget, title: str, label: str, items: Sequence[str]) -> int | None:
        value = self._next("choose", title, label + " | " + " / ".join(items))
        if value is None:
            return None
        assert value in items, f"{value!r} is not offered; the choices were {list(items)}"
        return list(items).index(str(value))

    def text(self, parent: QWidget, title: str, label: str, text: str = "") -> str | None:
        value = self._next("text", title, label)
        return None if value is None else str(value)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        self.asked.append(Asked("warn", title, text))

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self.asked.append(Asked("inform", title, text))

    def _next(self, kind: str, title: str, text: str) -> object:
        self.asked.append(Asked(kind, title, text))
        if not self._answers or self._answers[0][0] != kind:
            waiting = self._answers[0] if self._answers else "nothing"
            raise UnexpectedQuestion(f"unexpected {kind} “{title}”: {text} (queued: {waiting})")
        return self._answers.popleft()[1]
