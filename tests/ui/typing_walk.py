"""The random walk of typing and editing one audit at speed (the ``test_typing_is_never_lost``
files): typing, Tab, ratings, undo, redo, page changes, pauses and closing the editor, with
the real (threaded) task runner, checked against the test's own model of what was shown.

Each walk is a test of its own, in a file of its own, so a parallel run spreads them."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import PrimaryNeed, SettingPhase, SettingType
from auditdesk.services.audits import _blocks as audit_blocks
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits._blocks import SampledChild
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.editor.question_widget import TEXT_SAVE_DELAY_MS, QuestionWidget
from auditdesk.ui.main_window import MainWindow
from tests.conftest import plan_subject
from tests.ui.conftest import Threaded
from tests.ui.keys import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
AnswerKey = tuple[str, str | None]
STEPS = 160

# Words with what breaks naive code: accents, dashes, curly quotes, emoji (two UTF-16
# units), digits and slashes, and spaces.
WORDS = ["plan", "Outcome 2", "SENCO", "é", "—", "“voice”", "12/2025", "PfA 🙂", " ", "ß"]
FIELDS = ("rating", "comment", "evidence")
Shown = dict[str, object]
_EMPTY: Shown = {"rating": None, "comment": "", "evidence": ""}


def walk_and_check(qtbot: QtBot, threaded: Threaded, seed: int) -> None:
    """One walk of ``STEPS`` steps: odd seeds in a plan audit (many questions on each
    page), even seeds in a setting visit (the same questions in blocks of sampled
    children). Every step and the end are checked (see :class:`Walk`)."""
    window = threaded.open()
    ctx = window.session.ctx
    if seed % 2:
        uuid = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject()).uuid
    else:
        uuid = _setting_visit_with_children(ctx)
    walk = Walk(qtbot, threaded, window, uuid)
    rng = random.Random(seed)
    walk.editor.step(1)
    for _ in range(STEPS):
        walk.step(rng)
    walk.finish()
    assert walk.typed > 100  # the walk really typed (and every letter was checked)
    assert set(walk.log) >= {"type", "undo", "redo", "close", "rate", "key"}


class Walk:
    """A person editing one audit at speed. ``expected`` is the test's own model of every
    answer the person has seen: typing adds exactly the letters typed, a rating click sets
    the rating, and undo or redo take what the editor then shows. After every step the
    page must show the model; after closing (with no wait) and at the end, the database
    must hold it (read back by the reopened editor, and from the database at the end)."""

    def __init__(self, qtbot: QtBot, threaded: Threaded, window: MainWindow, uuid: str) -> None:
        self.qtbot, self.threaded, self.window, self.uuid = qtbot, threaded, window, uuid
        self.editor = threaded.editor(window, uuid)
        self.expected: dict[AnswerKey, Shown] = {}
        self.log: list[str] = []
        self.typed = 0

    def step(self, rng: random.Random) -> None:
        editor = self.editor
        widgets = [w for w in editor.page.questions.values() if w.isVisibleTo(editor)]
        move = rng.choice(
            ["type"] * 6 + ["tab", "rate", "key", "undo", "redo", "page", "wait", "close"]
        )
        self.log.append(move)
        if move == "type" and widgets:
            self._type(rng, rng.choice(widgets))
        elif move == "tab":
            focused = QApplication.focusWidget()
            if focused is not None:
                self.qtbot.keyClick(focused, Qt.Key.Key_Tab)
        elif move in ("rate", "key") and widgets:
            self._rate(rng, widgets, by_key=move == "key")
        elif move in ("undo", "redo"):
            self._undo_or_redo(move)
        elif move == "page":
            editor.step(rng.choice([1, 1, -1]))
        elif move == "wait":
            self.qtbot.wait(rng.randint(50, TEXT_SAVE_DELAY_MS + 200))
        elif move == "close":
            editor.close()
            self.editor = self.threaded.editor(self.window, self.uuid)  # no wait between
            self._check_held("reopened at once")
            self.editor.go_to(self.editor.pages[0].key)
        self._check_page(self.editor, f"after {self.log[-8:]}")

    def _type(self, rng: random.Random, widget: QuestionWidget) -> None:
        boxes = [b for b in (widget.comment, widget.evidence) if b.isVisibleTo(self.editor)]
        box = rng.choice(boxes)
        box.setFocus()
        box.moveCursor(box.textCursor().MoveOperation.End)
        before = box.toPlainText()
        text = "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
        type_text(self.qtbot, box, text)
        assert box.toPlainText() == before + text, f"letters lost while typing: {self.log}"
        self._learn(widget)
        self.typed += len(text)

    def _rate(self, rng: random.Random, widgets: list[QuestionWidget], *, by_key: bool) -> None:
        rated = [w for w in widgets if w.buttons]
        if not rated:
            return
        widget = rng.choice(rated)
        code = rng.choice(list(widget.buttons))
        if not by_key:
            widget.buttons[code].click()
        else:  # the keys on the rating row: 1, 2, ... and N for N/A
            button = next(iter(widget.buttons.values()))
            button.setFocus()
            position = list(widget.buttons).index(code) + 1
            self.qtbot.keyClick(button, "N" if code == "na" else str(position))
        assert widget.rating == code
        self._learn(widget)

    def _undo_or_redo(self, move: str) -> None:
        editor = self.editor
        typing = editor.page.typing_in is not None
        target = QApplication.focusWidget() or editor
        self.qtbot.keyClick(target, Qt.Key.Key_Z if move == "undo" else Qt.Key.Key_Y, CTRL)
        if move == "undo" or not typing:  # (typing since an undo leaves nothing to redo)
            # The editor's one history decides; the model takes what it now holds, and
            # the page must show that (checked after the step) and the database end up
            # with it.
            for key, record in editor.answers.items():
                self.expected[key] = {f: getattr(record, f) for f in FIELDS}

    def finish(self) -> None:
        self.editor.close()
        self.threaded.settle()
        stored = audits.get_audit(self.window.session.ctx, self.uuid).answers
        for key, shown in self.expected.items():
            record = stored.get(key)
            kept = {f: getattr(record, f) for f in FIELDS} if record else _EMPTY
            assert kept == shown, f"{key}: saw {shown} but the database holds {kept}"
        self.editor = self.threaded.editor(self.window, self.uuid)
        self._check_every_page("reopened after saving")

    def _learn(self, widget: QuestionWidget) -> None:
        self.expected[widget.slot.key] = {f: widget.shown(f) for f in FIELDS}

    def _check_page(self, editor: AuditEditorWindow, when: str) -> None:
        for key, widget in editor.page.questions.items():
            shown = {f: widget.shown(f) for f in FIELDS}
            assert shown == self.expected.get(key, _EMPTY), f"{when}: {key} changed"

    def _check_held(self, when: str) -> None:
        """Every answer the reopened editor holds, on every page, is the model's: what it
        read from the database. (How a page shows what it holds is checked on the page
        shown after every step, and on every page at the end of the walk: drawing every
        page again at each reopening tested that same drawing a dozen times a walk.)"""
        held = {key: {f: getattr(r, f) for f in FIELDS} for key, r in self.editor.answers.items()}
        for key in held.keys() | self.expected.keys():
            shown = self.expected.get(key, _EMPTY)
            assert held.get(key, _EMPTY) == shown, f"{when}: {key} holds {held.get(key)}"

    def _check_every_page(self, when: str) -> None:
        for page in self.editor.pages:
            self.editor.go_to(page.key)
            self._check_page(self.editor, f"{when} ({page.title})")
        self.editor.go_to(self.editor.pages[0].key)


def _setting_visit_with_children(ctx: ServiceContext) -> str:
    setting = subjects.add_setting(
        ctx, name="Oakfield Primary", urn="912345", setting_type=SettingType.MAINSTREAM,
        phase=SettingPhase.PRIMARY, locality="Crewe",
    )  # fmt: skip
    visit = audits.create_audit(
        ctx, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
    )
    sampled = next(
        s for s in visit.index.template.all_sections() if s.repeat and s.repeat.sampled_child
    )
    for number, reference in enumerate(("CE-30301", "CE-30302"), start=1):
        child = SampledChild(reference, 3 + number, PrimaryNeed.SLCN)
        change = audit_blocks.add_block(ctx, visit.uuid, sampled.id, sampled_child=child)
        for section in visit.index.template.all_sections():
            if section.repeat and visit.index.repeating_parent(section.id) == sampled.id:
                audit_blocks.add_block(ctx, visit.uuid, section.id, parent_block_id=change.block.id)
    return visit.uuid
