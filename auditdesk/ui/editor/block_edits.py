"""Changing an audit's structure from the editor: adding a block (a sampled child, a
provision line), renaming and removing one. Each is one step on the undo history with its
own way back, saved through the controller's write lane; the audit is then read again and
the part changed is shown."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QObject

from auditdesk.domain.reference import PrimaryNeed
from auditdesk.services import audits
from auditdesk.services.audits import SampledChild
from auditdesk.ui.choices import required
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.editor.commands import CallCommand
from auditdesk.ui.editor.editor_controller import EditorController
from auditdesk.ui.editor.pages import PageKey
from auditdesk.ui.editor.sampled_child_dialog import SampledChildDialog


class BlockEdits(QObject):
    def __init__(self, controller: EditorController, dialogs: DialogService) -> None:
        super().__init__(controller)
        self.controller = controller
        self.view = controller.view
        self.dialogs = dialogs
        page = self.view.page
        page.add_block_requested.connect(self.add_block)
        page.rename_block_requested.connect(self.rename_block)
        page.remove_block_requested.connect(self.remove_block)

    def add_block(self, section_id: str, parent_id: str | None) -> None:
        section = self.controller.detail.index.sections[section_id]
        assert section.repeat is not None
        if not section.repeat.sampled_child:
            self._push_add_block(section_id, parent_id, None)
            return
        dialog = SampledChildDialog(self.view)

        def chosen() -> None:
            child = SampledChild(
                dialog.reference.text(),
                int(dialog.year.currentData()),
                required(dialog.need, PrimaryNeed),
            )
            self._push_add_block(section_id, parent_id, child)

        self.dialogs.ask(dialog, chosen)

    def _push_add_block(
        self, section_id: str, parent_id: str | None, child: SampledChild | None
    ) -> None:
        detail, ctx = self.controller.detail, self.controller.ctx
        section = detail.index.sections[section_id]
        assert section.repeat is not None
        block_id = str(uuid.uuid4())
        uuid_ = detail.uuid
        what = f"add {section.repeat.unit}" + (f" {child.reference}" if child else "")
        self.controller.undo_stack.push(
            CallCommand(
                what,
                lambda: self._structural(
                    lambda: audits.add_block(
                        ctx,
                        uuid_,
                        section_id,
                        parent_block_id=parent_id,
                        sampled_child=child,
                        block_id=block_id,
                    ),
                    PageKey(section_id, block_id),
                ),
                lambda: self._structural(
                    lambda: audits.remove_block(ctx, uuid_, block_id),
                    PageKey(section_id, parent_id, True),
                ),
            )
        )

    def rename_block(self, block_id: str) -> None:
        detail, ctx = self.controller.detail, self.controller.ctx
        block = next(b for b in detail.blocks if b.id == block_id)
        text = self.dialogs.text(self.view, f"Rename “{block.label}”", "New name:", block.label)
        if text is None or not text.strip() or text.strip() == block.label:
            return
        text = text.strip()
        uuid_, old, key = detail.uuid, block.label, PageKey(block.section_id, block_id)
        self.controller.undo_stack.push(
            CallCommand(
                f"rename “{old}” to “{text}”",
                lambda: self._structural(
                    lambda: audits.rename_block(ctx, uuid_, block_id, text), key
                ),
                lambda: self._structural(
                    lambda: audits.rename_block(ctx, uuid_, block_id, old), key
                ),
            )
        )

    def remove_block(self, block_id: str) -> None:
        detail, ctx = self.controller.detail, self.controller.ctx
        block = next(b for b in detail.blocks if b.id == block_id)
        if not self.dialogs.confirm(
            self.view, "Remove", f"Remove “{block.label}” and its answers? (Undo puts it back.)"
        ):
            return
        uuid_ = detail.uuid
        removal: list[audits.Removal] = []
        back = PageKey(block.section_id, block.parent_id, True)

        def remove() -> audits.Removal:
            removal[:] = [audits.remove_block(ctx, uuid_, block_id)]
            return removal[0]

        self.controller.undo_stack.push(
            CallCommand(
                f"remove “{block.label}”",
                lambda: self._structural(remove, back),
                lambda: self._structural(
                    lambda: audits.restore_blocks(ctx, uuid_, removal[0]),
                    PageKey(block.section_id, block_id),
                ),
            )
        )

    def _structural(self, work: Any, then_show: PageKey) -> None:
        self.view.page.flush()

        def done(_result: object) -> None:
            self.controller.reload(then=lambda: self.controller.go_to(then_show))

        self.controller.write(work, done)
