"""The right-hand page of the editor: one section's questions in one block, or the list
of a repeating section's blocks with buttons to add, rename and remove them."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.template_index import Block, TemplateIndex
from auditdesk.services.kernel import AnswerRecord
from auditdesk.ui.accessibility import named
from auditdesk.ui.editor.pages import Page, PageKey, page_slots
from auditdesk.ui.editor.question_widget import QuestionWidget
from auditdesk.ui.wording import count

AnswerKey = tuple[str, str | None]


class SectionPage(QScrollArea):
    edited = Signal(object, str, object)  # AnswerKey, field, value
    typing_started = Signal(object, str)  # AnswerKey, field: typed and not yet saved
    left_box = Signal(object, str)  # AnswerKey, field: the keyboard left that box
    action_requested = Signal(object)  # AnswerKey
    add_block_requested = Signal(str, object)  # section id, parent block id
    rename_block_requested = Signal(str)  # block id
    remove_block_requested = Signal(str)  # block id
    open_page_requested = Signal(object)  # PageKey
    too_long = Signal(int)  # a text box reached the most it holds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "Questions", "The questions of the chosen section")
        self.setWidgetResizable(True)
        self.questions: dict[AnswerKey, QuestionWidget] = {}
        self.page: Page | None = None
        self._marking_only = False

    def show_page(
        self,
        page: Page,
        index: TemplateIndex,
        answers: Mapping[AnswerKey, AnswerRecord],
        blocks: tuple[Block, ...],
        *,
        editable: bool,
        marking_only: bool = False,
    ) -> None:
        """``marking_only``: a second marker's view; ratings and a note, nothing else."""
        self.flush()
        self._marking_only = marking_only
        self.page = page
        self.questions = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        title = QLabel(_page_heading(page))
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        named(title, "Section", title.text())
        layout.addWidget(title)
        if page.section.guidance:
            guidance = QLabel(page.section.guidance)
            guidance.setWordWrap(True)
            named(guidance, "Section guidance", page.section.guidance)
            layout.addWidget(guidance)
        if page.lists_blocks:
            self._block_list(layout, page, index, blocks, editable and not marking_only)
        else:
            self._question_list(layout, page, index, answers, editable)
            if page.block is not None and page.section.repeat is not None and not marking_only:
                layout.addLayout(self._block_buttons(page, editable))
        layout.addStretch(1)
        self.setWidget(body)

    def focus_first(self) -> None:
        first = next(iter(self.questions.values()), None)
        if first is not None:
            first.focus_rating_or_text()
        elif (found := self.findChild(QListWidget)) is not None:
            found.setFocus()

    def focus_question(self, key: AnswerKey) -> None:
        widget = self.questions.get(key)
        if widget is not None:
            self.ensureWidgetVisible(widget)
            widget.focus_rating_or_text()

    def flush(self) -> None:
        for widget in self.questions.values():
            widget.flush()

    @property
    def typing(self) -> bool:
        return self.typing_in is not None

    @property
    def typing_in(self) -> tuple[AnswerKey, str] | None:
        """The answer and field with typing not yet saved (in practice at most one, as
        leaving a box saves it)."""
        for key, widget in self.questions.items():
            if (field := widget.typing_field) is not None:
                return key, field
        return None

    def set_editable(self, editable: bool) -> None:
        for widget in self.questions.values():
            widget.set_editable(editable)

    # -- building ----------------------------------------------------------------------
    def _question_list(
        self,
        layout: QVBoxLayout,
        page: Page,
        index: TemplateIndex,
        answers: Mapping[AnswerKey, AnswerRecord],
        editable: bool,
    ) -> None:
        hidden = 0
        number = 0
        rules: list[str] = []
        for slot in page_slots(page, index):
            if not slot.applies:
                hidden += 1
                rule = index.rule_excluding(slot.question.id, page.context)
                if rule is not None and rule.explain() not in rules:
                    rules.append(rule.explain())
                continue
            if self._marking_only and not slot.question.is_rated:
                continue
            number += 1
            widget = QuestionWidget(
                slot,
                index.scale_for(slot.question),
                answers.get(slot.key),
                number=number,
                editable=editable,
                marking_only=self._marking_only,
            )
            key = slot.key
            widget.edited.connect(lambda field, value, key=key: self.edited.emit(key, field, value))
            widget.typing_started.connect(
                lambda field, key=key: self.typing_started.emit(key, field)
            )
            widget.left_box.connect(lambda field, key=key: self.left_box.emit(key, field))
            widget.action_requested.connect(lambda key=key: self.action_requested.emit(key))
            widget.too_long.connect(self.too_long)
            self.questions[key] = widget
            layout.addWidget(widget)
        if hidden:
            note = QLabel(
                f"{hidden} question{'s do' if hidden != 1 else ' does'} not apply here "
                f"and {'are' if hidden != 1 else 'is'} hidden"
                + (f" ({'; '.join(rules)})." if rules else ".")
            )
            note.setWordWrap(True)
            named(note, "Hidden questions", note.text())
            layout.addWidget(note)
        if not number and not hidden:
            empty = QLabel("This part has no questions of its own; choose a part below it.")
            named(empty, "No questions here", empty.text())
            layout.addWidget(empty)

    def _block_list(
        self,
        layout: QVBoxLayout,
        page: Page,
        index: TemplateIndex,
        blocks: tuple[Block, ...],
        editable: bool,
    ) -> None:
        repeat = page.section.repeat
        assert repeat is not None
        instances = index.blocks_for(page.section.id, blocks, page.block)
        listing = named(
            QListWidget(),
            f"{repeat.unit.capitalize()} list",
            f"The {repeat.unit} blocks of this section. Press Enter to open one.",
        )
        for block in instances:
            item = QListWidgetItem(block.label)
            item.setData(Qt.ItemDataRole.UserRole, block.id)
            listing.addItem(item)
        if instances:
            listing.setCurrentRow(0)
        listing.itemActivated.connect(
            lambda item: self.open_page_requested.emit(
                PageKey(page.section.id, item.data(Qt.ItemDataRole.UserRole))
            )
        )
        how_many = QLabel(
            f"{count(len(instances), repeat.unit)} (at least {repeat.min}, at most {repeat.max})."
        )
        named(how_many, "How many", how_many.text())
        add = named(
            QPushButton(f"A&dd {repeat.unit}…"),
            f"Add {repeat.unit}",
            f"Adds a {repeat.unit} to this section",
        )
        add.setEnabled(editable and len(instances) < repeat.max)
        parent_id = page.block.id if page.block else None
        add.clicked.connect(lambda: self.add_block_requested.emit(page.section.id, parent_id))
        layout.addWidget(how_many)
        layout.addWidget(listing)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        layout.addLayout(row)

    def _block_buttons(self, page: Page, editable: bool) -> QHBoxLayout:
        repeat = page.section.repeat
        assert repeat is not None
        assert page.block is not None
        block_id = page.block.id
        rename = named(
            QPushButton("Re&name…"),
            f"Rename this {repeat.unit}",
            f"Changes the name of this {repeat.unit}",
        )
        rename.setEnabled(editable and not repeat.sampled_child)
        rename.clicked.connect(lambda: self.rename_block_requested.emit(block_id))
        remove = named(
            QPushButton(f"&Remove this {repeat.unit}"),
            f"Remove this {repeat.unit}",
            f"Removes this {repeat.unit} and its answers (Undo puts it back)",
        )
        remove.setEnabled(editable)
        remove.clicked.connect(lambda: self.remove_block_requested.emit(block_id))
        row = QHBoxLayout()
        row.addWidget(rename)
        row.addWidget(remove)
        row.addStretch(1)
        return row


def _page_heading(page: Page) -> str:
    """The page's name once, with the block it belongs to: "Sampled children: CE-30303",
    "The child's voice (CE-30303)", never "The child's voice: The child's voice"."""
    if page.block is None or page.lists_blocks:
        return page.title
    if page.title == page.section.title:
        return f"{page.title} ({page.block.label})"
    return f"{page.section.title}: {page.title}"
