"""A seeded random walk through the real window, as a hurried person would go: keys and
clicks across the audit list and its filters, the editor, moderation with blind second
marking, sending and importing bundles, conflicts, dialogs and zoom, with the real
(threaded) task runner and no pauses between actions.

After every step: no crash and no Qt warning (pytest fails on either), and, once the work
asked for has run, what the window shows agrees with the database: the audit list, the
answers on every open editor's page, the moderation table and the blind marker's ratings.
A failure prints the seed and the last steps, so it can be replayed. Each seed's walk is a
test in a file of its own (``test_monkey*.py``), so a parallel run spreads them.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import (
    Agency,
    PlanStage,
    PrimaryNeed,
    Role,
    SettingPhase,
    SettingType,
)
from auditdesk.services import moderation
from auditdesk.services.audits import _blocks as audit_blocks
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.audits._blocks import SampledChild
from auditdesk.services.audits._listing import list_audits
from auditdesk.services.bundles import ChosenAudits, send_audits
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.services.kernel._context import Actor, ServiceContext
from auditdesk.services.kernel._people import add_auditor, save_profile
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.ui.audit_list.audit_table_model import COLUMNS
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.exchange.send_dialog import SendDialog
from auditdesk.ui.moderation.assign_dialog import AssignMarkerDialog
from auditdesk.ui.moderation.blind_marking_window import BlindMarkingWindow
from tests.services.helpers import answer_everything
from tests.ui.conftest import Threaded
from tests.ui.keys import type_text
from tests.ui.scripted_dialogs import ScriptedDialogs

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
WORDS = ["CE-", "plan", "Crewe", "SENCO", "é", "—", "12", "Oak", " ", "zz"]
STEPS = 240


# -- a database worth walking through ---------------------------------------------------------
def _colleague(ctx: ServiceContext, name: str, agency: Agency) -> ServiceContext:
    person = add_auditor(ctx, name, agency, Role.PRACTICE_CHAMPION)
    return replace(ctx, actor=Actor(person.name, person.agency, person.role, person.uuid))


def _audits_of_every_kind(ctx: ServiceContext) -> None:
    """Colleagues' audits of each template: completed, draft and a visit with children."""
    kim = _colleague(ctx, "Kim Health", Agency.HEALTH)
    lee = _colleague(ctx, "Lee Social", Agency.SOCIAL_CARE)
    needs = [PrimaryNeed.ASD, PrimaryNeed.SLCN, PrimaryNeed.SEMH, PrimaryNeed.MLD]
    for number, (template, year) in enumerate(
        [("ehcp-quality", 4), ("ehcp-quality", 8), ("annual-review", 10), ("pfa-thematic", 11),
         ("annual-review", 2), ("ehcp-quality", 6)]
    ):  # fmt: skip
        who = kim if number % 2 else lee
        subject = audits.ChildPlanSubject(
            f"CE-2{number:04d}", year, needs[number % 4], PlanStage.ANNUAL_REVIEW, "Crewe"
        )
        detail = audits.create_audit(who, template_id=template, subject=subject)
        answer_everything(who, detail, points=1 + number % 4)
        if template == "ehcp-quality" and number < 4:
            audit_lifecycle.complete_audit(who, detail.uuid)
    setting = subjects.add_setting(
        kim, name="Oakfield Primary", urn="912345", setting_type=SettingType.MAINSTREAM,
        phase=SettingPhase.PRIMARY, locality="Crewe",
    )  # fmt: skip
    visit = audits.create_audit(
        kim, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
    )
    sampled = next(
        s for s in visit.index.template.all_sections() if s.repeat and s.repeat.sampled_child
    )
    audit_blocks.add_block(
        kim, visit.uuid, sampled.id, sampled_child=SampledChild("CE-30301", 5, PrimaryNeed.ASD)
    )


def _bundle_from_another_laptop(folder: Path) -> Path:
    """Audits from a colleague's laptop, two of them also in this database's future."""
    db = open_workspace(folder / "other-laptop.sqlite")
    actor = save_profile(db, "Ash Other", Agency.EDUCATION, Role.PRACTICE_CHAMPION)
    ctx = ServiceContext(db, actor)
    made = []
    for number in range(3):
        detail = audits.create_audit(
            ctx,
            template_id="ehcp-quality",
            subject=audits.ChildPlanSubject(
                f"CE-4{number:04d}", 7, PrimaryNeed.SLD, PlanStage.NEW_PLAN, "Nantwich"
            ),
        )
        answer_everything(ctx, detail, points=3)
        audit_lifecycle.complete_audit(ctx, detail.uuid)
        made.append(detail.reference)
    path = folder / "from-ash.auditdesk"
    send_audits(ctx, path, ChosenAudits(tuple(made)))
    db.close()
    return path


# -- the walk ---------------------------------------------------------------------------------
class Monkey:
    def __init__(
        self, qtbot: QtBot, threaded: Threaded, dialogs: ScriptedDialogs, folder: Path, seed: int
    ) -> None:
        self.qtbot, self.threaded, self.dialogs, self.folder = qtbot, threaded, dialogs, folder
        self.rng = random.Random(seed)
        self.seed = seed
        self.window = threaded.open()
        self.ctx = self.window.session.ctx
        _audits_of_every_kind(self.ctx)
        self.bundle = _bundle_from_another_laptop(folder)
        self.window.refresh()
        self.threaded.settle()
        self.log: list[str] = []
        self.sent = 0

    # what is on screen
    @property
    def editors(self) -> list[AuditEditorWindow]:
        return [e for e in self.window.editors.values() if shiboken6.isValid(e) and e.isVisible()]

    @property
    def blind(self) -> BlindMarkingWindow | None:
        found = [d for d in self.dialogs.open_dialogs() if isinstance(d, BlindMarkingWindow)]
        return found[-1] if found else None

    def own_dialog(self) -> QDialog | None:
        found = [d for d in self.dialogs.open_dialogs() if not isinstance(d, BlindMarkingWindow)]
        return found[-1] if found else None

    def step(self) -> None:
        moves: list[tuple[int, Callable[[], None]]] = [
            (2, self.switch_tab), (3, self.search), (3, self.filter), (1, self.clear_filters),
            (1, self.refresh), (3, self.list_keys), (1, self.sort), (2, self.open_audit),
            (1, self.zoom),
            (1, self.draw_sample), (1, self.assign), (1, self.mark),
            (1, self.send), (1, self.import_bundle), (1, self.conflicts),
        ]  # fmt: skip
        if self.editors:
            moves += [
                (8, self.type_in_editor), (4, self.rate), (2, self.undo_redo),
                (2, self.editor_page), (1, self.complete), (2, self.close_editor),
            ]  # fmt: skip
        if self.blind is not None:
            moves += [(6, self.blind_rate), (1, self.blind_submit), (1, self.blind_close)]
        if self.own_dialog() is not None:
            moves += [(8, self.answer_dialog)]
        weights, actions = zip(*moves, strict=True)
        action = self.rng.choices(actions, weights)[0]
        self.log.append(action.__name__)
        action()
        QApplication.processEvents()
        self.dialogs._answers.clear()  # an answer queued for a question never asked
        self.settle()
        self.check()

    def settle(self) -> None:
        """Until the person's last action has had its effect: the search box's pause has
        passed, and the work it set off has run and been shown."""
        search_pause = self.window.audit_list.filters._debounce
        for _ in range(20):
            self.qtbot.waitUntil(lambda: not search_pause.isActive(), timeout=5_000)
            self.threaded.settle(30_000)
            if self.threaded.runner.idle and not search_pause.isActive():
                return
        raise AssertionError("the window never settled")

    # -- the main window --------------------------------------------------------------------
    def _key(
        self,
        widget: QWidget,
        key: Qt.Key,
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    ) -> None:
        self.qtbot.keyClick(widget, key, modifiers)

    def switch_tab(self) -> None:
        number = self.rng.randint(1, 5)
        self._key(self.window, getattr(Qt.Key, f"Key_{number}"), ALT)

    def search(self) -> None:
        box = self.window.audit_list.filters.search
        box.setFocus()
        if self.rng.random() < 0.4:
            box.selectAll()
            self._key(box, Qt.Key.Key_Backspace)
        else:
            type_text(self.qtbot, box, self.rng.choice(WORDS))

    def filter(self) -> None:
        combos = [
            c for c in self.window.audit_list.filters.findChildren(QComboBox) if c.isEnabled()
        ]
        combo = self.rng.choice(combos)
        combo.setFocus()
        for _ in range(self.rng.randint(1, 3)):
            self._key(combo, self.rng.choice([Qt.Key.Key_Down, Qt.Key.Key_Up]))

    def clear_filters(self) -> None:
        self.window.audit_list.filters.clear.click()

    def refresh(self) -> None:
        self._key(self.window, Qt.Key.Key_F5)

    def list_keys(self) -> None:
        table = self.window.audit_list.table
        table.setFocus()
        key = self.rng.choice(
            [Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_End, Qt.Key.Key_Home]
        )
        self._key(table, key)

    def sort(self) -> None:
        header = self.window.audit_list.table.horizontalHeader()
        column = self.rng.randrange(len(COLUMNS))
        header.sectionClicked.emit(column)  # as a click on the heading does

    def open_audit(self) -> None:
        table = self.window.audit_list.table
        if not self.window.audit_model.rowCount():  # nothing matches: start again
            self.clear_filters()
            self.settle()
        if self.window.audit_model.rowCount():
            table.setFocus()
            self._key(table, Qt.Key.Key_Return)

    def zoom(self) -> None:
        key = self.rng.choice([Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_0])
        target = self.rng.choice([self.window, *self.editors])
        self._key(target, key, CTRL)

    # -- moderation -------------------------------------------------------------------------
    def _moderation(self) -> None:
        view = self.window.moderation_view
        if self.window.tabs.currentWidget() is not view:
            self._key(self.window, Qt.Key.Key_3, ALT)
            self.threaded.settle()

    def draw_sample(self) -> None:
        self._moderation()
        view = self.window.moderation_view
        view.percentage.setValue(self.rng.choice([10, 50, 100]))
        view.draw.click()

    def assign(self) -> None:
        self._moderation()
        view = self.window.moderation_view
        if not view.rows:
            view.assign.click()
            return
        view.table.selectRow(self.rng.randrange(len(view.rows)))
        view.assign.click()
        self.settle()  # who may mark it is read first, then the chooser opens
        chooser = next(
            (d for d in self.dialogs.open_dialogs() if isinstance(d, AssignMarkerDialog)), None
        )
        if chooser is not None and chooser.choices.count():
            chooser.choices.setFocus()  # nobody is chosen until the arrows choose someone
            for _ in range(self.rng.randint(1, chooser.choices.count())):
                self._key(chooser.choices, Qt.Key.Key_Down)
            self._key(chooser.choices, Qt.Key.Key_Return)

    def mark(self) -> None:
        self._moderation()
        view = self.window.moderation_view
        if view.rows:
            view.table.selectRow(self.rng.randrange(len(view.rows)))
        view.mark.click()

    def blind_rate(self) -> None:
        blind = self.blind
        assert blind is not None
        if self.rng.random() < 0.2:
            blind._step(self.rng.choice([1, -1]))
        widgets = [w for w in blind.page.questions.values() if w.buttons]
        if widgets:
            widget = self.rng.choice(widgets)
            widget.buttons[self.rng.choice(list(widget.buttons))].click()

    def blind_submit(self) -> None:
        blind = self.blind
        assert blind is not None
        blind.submit.click()

    def blind_close(self) -> None:
        blind = self.blind
        assert blind is not None
        self._key(blind, Qt.Key.Key_Escape)

    # -- bundles and conflicts --------------------------------------------------------------
    def send(self) -> None:
        self.window.files.send_audits()
        dialog = self.dialogs.latest(SendDialog)
        self.sent += 1
        dialog.target.setText(str(self.folder / f"sent-{self.sent}.auditdesk"))

    def import_bundle(self) -> None:
        bundles = sorted(self.folder.glob("*.auditdesk"))
        self.dialogs.answer("open_file", self.rng.choice(bundles))
        self._key(self.window, Qt.Key.Key_I, CTRL)

    def conflicts(self) -> None:
        self._key(self.window, Qt.Key.Key_4, ALT)
        view = self.window.conflicts
        self.threaded.settle()
        if view.list.rowCount():
            view.list.selectRow(self.rng.randrange(view.list.rowCount()))
            self.threaded.settle()
            view.note.setText("Checked with the auditor")
            button = self.rng.choice([view.keep, view.take])
            if button.isEnabled():
                button.click()

    def answer_dialog(self) -> None:
        dialog = self.own_dialog()
        assert dialog is not None
        if self.rng.random() < 0.5:
            self._key(dialog, Qt.Key.Key_Escape)
        else:
            ok = getattr(dialog, "ok_button", None)
            if ok is not None and ok.isEnabled():
                ok.click()
            else:
                dialog.accept()

    # -- the editor -------------------------------------------------------------------------
    @property
    def editor(self) -> AuditEditorWindow:
        return self.editors[-1]

    def type_in_editor(self) -> None:
        boxes = [
            b for w in self.editor.page.questions.values() for b in (w.comment, w.evidence)
            if b.isVisibleTo(self.editor) and not b.isReadOnly()
        ]  # fmt: skip
        if not boxes:
            return
        box = self.rng.choice(boxes)
        box.setFocus()
        type_text(self.qtbot, box, "".join(self.rng.choices(WORDS, k=self.rng.randint(1, 3))))

    def rate(self) -> None:
        widgets = [w for w in self.editor.page.questions.values() if w.buttons]
        if widgets:
            widget = self.rng.choice(widgets)
            button = widget.buttons[self.rng.choice(list(widget.buttons))]
            if button.isEnabled():
                button.click()

    def undo_redo(self) -> None:
        target = QApplication.focusWidget() or self.editor
        self._key(target, self.rng.choice([Qt.Key.Key_Z, Qt.Key.Key_Y]), CTRL)

    def editor_page(self) -> None:
        key = self.rng.choice([Qt.Key.Key_PageDown, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp])
        self._key(self.editor, key, CTRL)

    def complete(self) -> None:
        self._key(self.editor, Qt.Key.Key_Return, CTRL)

    def close_editor(self) -> None:
        self._key(self.editor, Qt.Key.Key_W, CTRL)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    # -- what the window shows agrees with the database -------------------------------------
    def check(self) -> None:
        where = f"seed {self.seed}, after {self.log[-10:]}"
        self._check_audit_list(where)
        for editor in self.editors:
            self._check_editor(editor, where)
        self._check_moderation(where)
        blind = self.blind
        if blind is not None:
            self._check_blind(blind, where)

    def _check_audit_list(self, where: str) -> None:
        model = self.window.audit_model
        stored = list_audits(
            self.window.session.ctx, model.current_filter, sort=model._sort,
            descending=model._descending, limit=model.rowCount() or 1,
        )  # fmt: skip
        assert model.total == stored.total, (
            f"{where}: the list counts {model.total}, not {stored.total}"
        )
        shown = [(model.row_at(i).uuid, model.row_at(i).status, model.row_at(i).final_grade)
                 for i in range(model.rowCount())]  # fmt: skip
        kept = [(r.uuid, r.status, r.final_grade) for r in stored.items[: len(shown)]]
        assert shown == kept, f"{where}: the audit list differs from the database"

    def _check_editor(self, editor: AuditEditorWindow, where: str) -> None:
        stored = audits.get_audit(self.ctx, editor.detail.uuid)
        assert editor.detail.status == stored.status, f"{where}: the editor shows another status"
        for key, widget in editor.page.questions.items():
            record = stored.answers.get(key)
            kept = (record.rating, record.comment, record.evidence) if record else (None, "", "")
            shown = (widget.rating, widget.comment.toPlainText(), widget.evidence.toPlainText())
            if widget.typing:  # typed within the last moment: saved when the person pauses
                continue
            assert shown == kept, f"{where}: {key} shows {shown} but the database holds {kept}"

    def _check_moderation(self, where: str) -> None:
        view = self.window.moderation_view
        if self.window.tabs.currentWidget() is not view:
            return
        stored = {row.uuid: row.status for row in moderation.list_moderations(self.ctx)}
        shown = {row.uuid: row.status for row in view.rows}
        assert shown == stored, f"{where}: the moderation table differs from the database"

    def _check_blind(self, blind: BlindMarkingWindow, where: str) -> None:
        stored = moderation.blind_view(self.ctx, blind.moderation_uuid).ratings
        for key, widget in blind.page.questions.items():
            assert widget.rating == stored.get(key), f"{where}: blind rating of {key} not saved"


def walk_through_the_window(
    qtbot: QtBot, threaded: Threaded, dialogs: ScriptedDialogs, folder: Path, seed: int
) -> None:
    """``STEPS`` steps of the walk of ``seed``, each checked (see :meth:`Monkey.check`)."""
    monkey = Monkey(qtbot, threaded, dialogs, folder, seed)
    for _ in range(STEPS):
        monkey.step()
    done = set(monkey.log)
    # The walk went everywhere that matters.
    assert {"type_in_editor", "rate", "draw_sample", "assign", "send", "import_bundle"} <= done
    for editor in monkey.editors:
        editor.close()
    monkey.threaded.settle()
