"""Every keystroke that was shown ends up stored, typed at speed with the real (threaded)
task runner: saves land while the person is already typing in the next box, undo comes
from one history, and a random walk of typing, Tab, ratings, undo, redo, page changes and
closing the editor is read back from the database afterwards."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QRadioButton
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import PrimaryNeed, SettingPhase, SettingType
from auditdesk.services.audits import _blocks as audit_blocks
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits._blocks import SampledChild
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.reports._exports import export_audit_report
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.editor.question_widget import TEXT_SAVE_DELAY_MS, QuestionWidget
from auditdesk.ui.main_window import MainWindow
from tests.conftest import plan_subject
from tests.ui.conftest import Threaded
from tests.ui.keys import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
AnswerKey = tuple[str, str | None]


def _first_rated(editor: AuditEditorWindow) -> QuestionWidget:
    for page in editor.pages:
        editor.go_to(page.key)
        for widget in editor.page.questions.values():
            if widget.scale is not None and widget.evidence.isVisibleTo(editor):
                return widget
    raise AssertionError("no rated question")


def test_typing_straight_on_into_evidence_keeps_every_letter(
    qtbot: QtBot, threaded: Threaded, tmp_path: Path
) -> None:
    window = threaded.open()
    detail = audits.create_audit(
        window.session.ctx, template_id="ehcp-quality", subject=plan_subject()
    )
    editor = threaded.editor(window, detail.uuid)
    question = _first_rated(editor)
    question.comment.setFocus()
    # A person typing (30 ms a key, events flowing): the comment's save comes 400 ms after
    # its last key, while the evidence is being typed. It used to re-show the stored
    # answer over the evidence box and eat its first letters ("P dated 03/2025").
    qtbot.keyClicks(question.comment, "Plan read in full", delay=30)
    qtbot.keyClick(question.comment, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is question.evidence
    qtbot.keyClicks(question.evidence, "EHCP dated 03/2025", delay=30)
    qtbot.wait(TEXT_SAVE_DELAY_MS * 2)
    assert question.evidence.toPlainText() == "EHCP dated 03/2025"
    key = question.slot.key
    editor.close()
    threaded.settle()
    stored = audits.get_audit(window.session.ctx, detail.uuid).answers[key]
    assert (stored.comment, stored.evidence) == ("Plan read in full", "EHCP dated 03/2025")
    report = tmp_path / "report.pdf"
    export_audit_report(window.session.ctx, detail.uuid, report)
    text = " ".join(page.extract_text() for page in PdfReader(report).pages)
    assert "EHCP dated 03/2025" in text


def test_ctrl_z_in_a_text_box_undoes_through_the_audits_one_history(
    qtbot: QtBot, threaded: Threaded
) -> None:
    window = threaded.open()
    detail = audits.create_audit(
        window.session.ctx, template_id="ehcp-quality", subject=plan_subject()
    )
    editor = threaded.editor(window, detail.uuid)
    question = _first_rated(editor)
    qtbot.waitUntil(editor.isActiveWindow)
    question.comment.setFocus()
    qtbot.keyClicks(question.comment, "Outcomes are vague")  # no pause: not saved yet
    qtbot.keyClick(question.comment, Qt.Key.Key_Z, CTRL)
    assert question.comment.toPlainText() == ""
    assert editor.undo_stack.canRedo()  # the typing went onto the audit's history...
    assert "question 1" in editor.redo_action.text()  # ...named in words
    assert "comment added “Outcomes are vague”" in editor.redo_action.text()
    assert "“" in editor.redo_action.text()
    qtbot.keyClick(question.comment, Qt.Key.Key_Y, CTRL)
    assert question.comment.toPlainText() == "Outcomes are vague"
    editor.history_action.trigger()  # the history the person can see
    assert editor.history.isVisible()
    editor.close()
    threaded.settle()
    stored = audits.get_audit(window.session.ctx, detail.uuid).answers[question.slot.key]
    assert stored.comment == "Outcomes are vague"


def test_one_undo_takes_back_one_visit_to_a_box(qtbot: QtBot, threaded: Threaded) -> None:
    """Typing, leaving the box, coming back and typing more are two changes: Ctrl+Z takes
    back the words added on the second visit only (it once emptied the whole box)."""
    window = threaded.open()
    detail = audits.create_audit(
        window.session.ctx, template_id="ehcp-quality", subject=plan_subject()
    )
    editor = threaded.editor(window, detail.uuid)
    question = _first_rated(editor)
    qtbot.waitUntil(editor.isActiveWindow)
    box = question.comment
    box.setFocus()
    qtbot.keyClicks(box, "Views are in the child's own words.")
    qtbot.keyClick(box, Qt.Key.Key_Tab)  # leaves the box: saved
    threaded.settle()
    qtbot.wait(TEXT_SAVE_DELAY_MS + 100)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is box
    box.moveCursor(box.textCursor().MoveOperation.End)
    qtbot.keyClicks(box, " Family views recorded too.")
    qtbot.wait(TEXT_SAVE_DELAY_MS + 100)  # a pause: saved, still in the box
    qtbot.keyClicks(box, " Both signed.")
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.toPlainText() == "Views are in the child's own words."
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.toPlainText() == ""
    qtbot.keyClick(box, Qt.Key.Key_Y, CTRL)
    editor.close()
    threaded.settle()
    stored = audits.get_audit(window.session.ctx, detail.uuid).answers[question.slot.key]
    assert stored.comment == "Views are in the child's own words."


# -- the random walk ------------------------------------------------------------------------
# Words with what breaks naive code: accents, dashes, curly quotes, emoji (two UTF-16
# units), digits and slashes, and spaces.
WORDS = ["plan", "Outcome 2", "SENCO", "é", "—", "“voice”", "12/2025", "PfA 🙂", " ", "ß"]
FIELDS = ("rating", "comment", "evidence")
Shown = dict[str, object]


class Walk:
    """A person editing one audit at speed. ``expected`` is the test's own model of every
    answer the person has seen: typing adds exactly the letters typed, a rating click sets
    the rating, and undo or redo take what the editor then shows. After every step the
    page must show the model; after closing (with no wait) and at the end, the database
    must hold it."""

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
            widget = rng.choice(widgets)
            boxes = [b for b in (widget.comment, widget.evidence) if b.isVisibleTo(editor)]
            box = rng.choice(boxes)
            box.setFocus()
            box.moveCursor(box.textCursor().MoveOperation.End)
            before = box.toPlainText()
            text = "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
            type_text(self.qtbot, box, text)
            assert box.toPlainText() == before + text, f"letters lost while typing: {self.log}"
            self._learn(widget)
            self.typed += len(text)
        elif move == "tab":
            focused = QApplication.focusWidget()
            if focused is not None:
                self.qtbot.keyClick(focused, Qt.Key.Key_Tab)
        elif move in ("rate", "key") and widgets:
            rated = [w for w in widgets if w.buttons]
            if rated:
                widget = rng.choice(rated)
                code = rng.choice(list(widget.buttons))
                if move == "rate":
                    widget.buttons[code].click()
                else:  # the keys on the rating row: 1, 2, ... and N for N/A
                    button = next(iter(widget.buttons.values()))
                    button.setFocus()
                    position = list(widget.buttons).index(code) + 1
                    self.qtbot.keyClick(button, "N" if code == "na" else str(position))
                assert widget.rating == code
                self._learn(widget)
        elif move in ("undo", "redo"):
            typing = editor.page.typing_in is not None
            target = QApplication.focusWidget() or editor
            self.qtbot.keyClick(target, Qt.Key.Key_Z if move == "undo" else Qt.Key.Key_Y, CTRL)
            if move == "undo" or not typing:  # (typing since an undo leaves nothing to redo)
                # The editor's one history decides; the model takes what it now holds, and
                # the page must show that (checked below) and the database end up with it.
                for key, record in editor.answers.items():
                    self.expected[key] = {f: getattr(record, f) for f in FIELDS}
        elif move == "page":
            editor.step(rng.choice([1, 1, -1]))
        elif move == "wait":
            self.qtbot.wait(rng.randint(50, TEXT_SAVE_DELAY_MS + 200))
        elif move == "close":
            editor.close()
            self.editor = self.threaded.editor(self.window, self.uuid)  # no wait between
            self._check_every_page("reopened at once")
        self._check_page(self.editor, f"after {self.log[-8:]}")

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

    def _check_every_page(self, when: str) -> None:
        for page in self.editor.pages:
            self.editor.go_to(page.key)
            self._check_page(self.editor, f"{when} ({page.title})")
        self.editor.go_to(self.editor.pages[0].key)


_EMPTY: Shown = {"rating": None, "comment": "", "evidence": ""}


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


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_random_walk_of_typing_and_editing_loses_nothing(
    qtbot: QtBot, threaded: Threaded, seed: int
) -> None:
    window = threaded.open()
    ctx = window.session.ctx
    if seed % 2:  # a plan audit: many questions on each page
        uuid = audits.create_audit(ctx, template_id="ehcp-quality", subject=plan_subject()).uuid
    else:  # a setting visit: the same questions in blocks of sampled children
        uuid = _setting_visit_with_children(ctx)
    walk = Walk(qtbot, threaded, window, uuid)
    rng = random.Random(seed)
    walk.editor.step(1)
    for _ in range(160):
        walk.step(rng)
    walk.finish()
    assert walk.typed > 100  # the walk really typed (and every letter was checked)
    assert set(walk.log) >= {"type", "undo", "redo", "close", "rate", "key"}


def test_typing_a_box_full_stops_at_what_can_be_stored(qtbot: QtBot, threaded: Threaded) -> None:
    window = threaded.open()
    detail = audits.create_audit(
        window.session.ctx, template_id="ehcp-quality", subject=plan_subject()
    )
    editor = threaded.editor(window, detail.uuid)
    question = _first_rated(editor)
    box: QPlainTextEdit = question.comment
    box.setFocus()
    box.insertPlainText("x" * 19_999)
    qtbot.keyClicks(box, "yz!")
    assert len(box.toPlainText()) == 20_000
    assert "at most 20,000 characters" in editor.message.message
    editor.close()
    threaded.settle()
    stored = audits.get_audit(window.session.ctx, detail.uuid).answers[question.slot.key]
    assert stored.comment == "x" * 19_999 + "y"
    assert isinstance(next(iter(question.buttons.values())), QRadioButton)
