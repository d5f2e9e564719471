"""Second marking, blind: the second marker sees the plan's structure and the questions,
never the first marker's ratings, comments, evidence or grades, until they submit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.reference import PlanStage
from auditdesk.domain.template_model import AnswerContext
from auditdesk.errors import CompletionRefused
from auditdesk.services import moderation
from auditdesk.services.records import AnswerRecord
from auditdesk.ui.accessibility import named
from auditdesk.ui.editor.editor_dialogs import MissingDialog
from auditdesk.ui.editor.navigator import SectionNavigator
from auditdesk.ui.editor.pages import Page, PageKey, pages
from auditdesk.ui.editor.section_page import SectionPage
from auditdesk.ui.errors import error_handler
from auditdesk.ui.message_bar import MessageBar
from auditdesk.ui.session import AppSession

AnswerKey = tuple[str, str | None]


class BlindMarkingWindow(QDialog):
    submitted = Signal(str)  # moderation uuid

    def __init__(
        self, session: AppSession, moderation_uuid: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.moderation_uuid = moderation_uuid
        self.view = moderation.blind_view(session.ctx, moderation_uuid)
        self.setWindowTitle(f"Second marking {self.view.audit_reference} (blind)")
        named(
            self,
            f"Second marking {self.view.audit_reference}",
            "Rate each question independently; the first marker's work stays hidden "
            "until you submit",
        )
        self.message = MessageBar()
        self.message.show_info(
            "Blind second marking: the first marker's ratings and grades are hidden until you "
            "submit. Each rating is saved as you make it."
        )
        self._handle = error_handler(self.message.show_problem)
        self.ratings: dict[AnswerKey, str] = dict(self.view.ratings)
        self.comments: dict[AnswerKey, str] = dict(self.view.comments)
        context = self._context()
        self._pages: list[Page] = pages(self.view.index, self.view.blocks, context)
        self.navigator = SectionNavigator()
        self.page = SectionPage()
        self.save_state = named(
            QLabel("Nothing changed yet"), "Save state", "Whether your ratings are saved"
        )
        self.submit = named(
            QPushButton("&Submit second marking"),
            "Submit second marking",
            "Finishes blind marking and shows the comparison with the first marker",
        )
        self.submit.setShortcut(QKeySequence("Ctrl+Return"))
        self.submit.clicked.connect(self._submit)
        close = named(QPushButton("&Close"), "Close", "Closes; your ratings so far are saved")
        close.clicked.connect(self.close)
        splitter = QSplitter()
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_state, 1)
        buttons.addWidget(self.submit)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.navigator.page_chosen.connect(self._show_page)
        self.page.edited.connect(self._edited)
        self.page.open_page_requested.connect(self._go)
        self.navigator.show_pages(self._pages, self.view.index, self._states(), None)
        self.resize(1100, 760)

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
            return  # a note is kept once the question is rated
        self.save_state.setText("Saving…")
        self.session.runner.write(
            lambda: moderation.record_second_rating(
                self.session.ctx,
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
                dialog = MissingDialog(error.missing, self)
                if dialog.exec() and dialog.chosen is not None:
                    item = dialog.chosen
                    self.navigator.choose(PageKey(item.section_id, item.block_id))
                    self.page.focus_question((item.question_id, item.block_id))
            else:
                self._handle(error)

        self.session.runner.write(
            lambda: moderation.submit_second_marking(self.session.ctx, self.moderation_uuid),
            lambda _result: self._done(),
            refused,
        )

    def _done(self) -> None:
        self.submitted.emit(self.moderation_uuid)
        self.accept()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.page.flush()
        self.session.runner.wait()
        super().closeEvent(event)
