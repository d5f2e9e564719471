"""Second marking, blind: the second marker sees which plan to read, its structure and the
questions, never the first marker's ratings, comments, evidence or grades, until they
submit. Each rating is saved as it is made; results reach the window only while it is open."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenuBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.reference import PlanStage
from auditdesk.domain.template_model import AnswerContext
from auditdesk.errors import CompletionRefused
from auditdesk.services import moderation
from auditdesk.services.kernel import AnswerRecord
from auditdesk.ui.accessibility import named
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.editor.editor_dialogs import MissingDialog
from auditdesk.ui.editor.navigator import SectionNavigator
from auditdesk.ui.editor.pages import Page, PageKey, marking_pages
from auditdesk.ui.editor.section_page import SectionPage
from auditdesk.ui.errors import error_handler
from auditdesk.ui.message_bar import MessageBar
from auditdesk.ui.on_screen import StaysOnScreen
from auditdesk.ui.panes import Pane, SharedWidth
from auditdesk.ui.session import AppSession
from auditdesk.ui.view_actions import ViewActions
from auditdesk.ui.wording import count as counted

AnswerKey = tuple[str, str | None]


class BlindMarkingWindow(StaysOnScreen, QDialog):
    submitted = Signal(str)  # moderation uuid

    def __init__(
        self,
        session: AppSession,
        view: moderation.BlindAudit,
        dialogs: DialogService,
        view_actions: ViewActions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.dialogs = dialogs
        self.tasks = session.runner.scope(self)
        self.moderation_uuid = view.moderation_uuid
        self.view = view
        self.setWindowTitle(f"Second marking {self.view.audit_reference} (blind)")
        named(
            self,
            f"Second marking {self.view.audit_reference}",
            "Rate each question independently; the first marker's work stays hidden "
            "until you submit",
        )
        self.message = MessageBar()
        self._handle = error_handler(self.message.show_problem)
        self.plan = QLabel(
            f"<b>The plan to read:</b> {_escape(self.view.plan_to_read())}. "
            f"Audit {self.view.audit_reference}, {_escape(self.view.template_title)}."
        )
        self.plan.setWordWrap(True)
        self.plan.setTextFormat(Qt.TextFormat.RichText)
        named(self.plan, "The plan to read", self.view.plan_to_read())
        note = QLabel(
            "Blind second marking: the first marker's ratings and grades are hidden until you "
            "submit. Each rating is saved as you make it."
        )
        note.setWordWrap(True)
        self.ratings: dict[AnswerKey, str] = dict(self.view.ratings)
        self.comments: dict[AnswerKey, str] = dict(self.view.comments)
        self._pages: list[Page] = marking_pages(self.view.index, self.view.blocks, self._context())
        self.navigator = SectionNavigator(rated_only=True)
        self.page = SectionPage()
        self.save_state = named(
            QLabel("Nothing changed yet"), "Save state", "Whether your ratings are saved"
        )
        self.submit = named(
            QPushButton("&Submit second marking"),
            "Submit second marking",
            "Finishes blind marking and shows the comparison with the first marker (Ctrl+Return)",
        )
        self.submit.clicked.connect(self._submit)
        close = named(QPushButton("&Close"), "Close", "Closes; your ratings so far are saved")
        close.clicked.connect(self.close)
        splitter = SharedWidth([Pane(self.navigator, 34, 0.3), Pane(self.page)])
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_state, 1)
        buttons.addWidget(self.submit)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setMenuBar(self._menus(view_actions))
        layout.addWidget(self.plan)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.navigator.page_chosen.connect(self._show_page)
        self.page.edited.connect(self._edited)
        self.page.open_page_requested.connect(self._go)
        self.navigator.show_pages(self._pages, self.view.index, self._states(), None)
        self.resize(1100, 760)

    def _menus(self, view_actions: ViewActions | None) -> QMenuBar:
        bar = QMenuBar(self)
        marking = bar.addMenu("&Marking")
        for text, keys, slot, tip in (
            ("&Submit", "Ctrl+Return", self._submit, "Submits your second marking"),
            ("&Sections list", "Alt+1", self.navigator.setFocus, "Moves to the sections"),
            ("&Questions", "Alt+2", self.page.focus_first, "Moves to the first question"),
            ("&Next part", "Ctrl+PgDown", lambda: self._step(1), "The next part"),
            ("&Previous part", "Ctrl+PgUp", lambda: self._step(-1), "The previous part"),
            ("&Close", "Ctrl+W", self.close, "Closes; your ratings so far are saved"),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setToolTip(tip)
            action.triggered.connect(slot)
            marking.addAction(action)
            self.addAction(action)
        if view_actions is not None:
            view_actions.fill(bar.addMenu("&View"), self)
        return bar

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if not self.page.questions:
            first = next((p for p in self._pages if not p.lists_blocks), None)
            if first is not None:
                self.navigator.choose(first.key)
        self.page.focus_first()  # ready to rate: the first question has the keyboard

    def _context(self) -> AnswerContext:
        stage = PlanStage(self.view.plan_stage) if self.view.plan_stage else None
        return AnswerContext(self.view.year_group, stage)

    def _records(self) -> dict[AnswerKey, AnswerRecord]:
        now = datetime.now().astimezone()
        keys = set(self.ratings) | set(self.comments)
        return {
            key: AnswerRecord(
                key[0], key[1], self.ratings.get(key), self.comments.get(key, ""), "", None, now, ""
            )
            for key in keys
        }

    def _states(self) -> dict[AnswerKey, Any]:
        return {key: record.state for key, record in self._records().items()}

    def _show_page(self, key: PageKey) -> None:
        page = next((p for p in self._pages if p.key == key), None)
        if page is not None:
            self.page.show_page(
                page,
                self.view.index,
                self._records(),
                self.view.blocks,
                editable=self.view.status == "assigned",
                marking_only=True,
            )

    def _go(self, key: PageKey) -> None:
        self.navigator.choose(key)
        self.page.focus_first()

    def _step(self, direction: int) -> None:
        keys = [p.key for p in self._pages]
        current = self.navigator.currentItem()
        here = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        position = keys.index(here) if here in keys else 0
        self._go(keys[max(0, min(len(keys) - 1, position + direction))])

    def _edited(self, key: AnswerKey, field: str, value: object) -> None:
        if field == "rating":
            if value is None:
                self.ratings.pop(key, None)
            else:
                self.ratings[key] = str(value)
        elif field == "comment":
            self.comments[key] = str(value)
        rating = self.ratings.get(key)
        comment = self.comments.get(key, "")
        if rating is None and field == "comment":
            self.save_state.setText("Your note is kept once the question is rated")
            return
        self.save_state.setText("Saving…")
        ctx = self.session.ctx  # taken here, on the GUI thread (auditdesk/ui/session.py)
        self.tasks.write(
            lambda: moderation.record_second_rating(
                ctx,
                self.moderation_uuid,
                key[0],
                key[1],
                rating=rating,
                comment=comment,
            ),
            lambda _none: self._saved(),
            self._handle,
        )

    def _saved(self) -> None:
        self.save_state.setText(f"All ratings saved at {datetime.now():%H:%M:%S}")
        self.navigator.update_progress(self._pages, self.view.index, self._states())

    def _submit(self) -> None:
        self.page.flush()

        def refused(error: BaseException) -> None:
            if isinstance(error, CompletionRefused):
                count = len(error.missing)
                self.message.show_problem(
                    f"Not submitted: {counted(count, 'question')} still "
                    "to rate before your second marking can be submitted."
                )
                dialog = MissingDialog(error.missing, self, doing="submitting second marking")
                self.dialogs.ask(dialog, lambda: self._go_to_missing(dialog))
            else:
                self._handle(error)

        ctx, moderation_uuid = self.session.ctx, self.moderation_uuid
        self.tasks.write(
            lambda: moderation.submit_second_marking(ctx, moderation_uuid),
            lambda _result: self._done(),
            refused,
        )

    def _go_to_missing(self, dialog: MissingDialog) -> None:
        item = dialog.chosen
        if item is not None:
            self.navigator.choose(PageKey(item.section_id, item.block_id))
            self.page.focus_question((item.question_id, item.block_id))

    def _done(self) -> None:
        self.tasks.close()
        self.submitted.emit(self.moderation_uuid)
        self.accept()

    def done(self, result: int) -> None:
        """Closing by any route (Close, Escape, the title bar) ends this window's work."""
        self.page.flush()
        self.tasks.close()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.page.flush()
        self.tasks.close()
        super().closeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
