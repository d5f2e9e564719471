"""File > Import bundle: what the bundle would change, item by item, before anything is
written: new, unchanged, updated, conflicts (both versions kept) and problems."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from auditdesk.services.bundles import BundlePreview, ItemStatus
from auditdesk.ui.accessibility import named
from auditdesk.ui.dialogs import FormDialog
from auditdesk.ui.text_table import SAMPLED_ROWS

ORDER = (
    ItemStatus.CONFLICT,
    ItemStatus.PROBLEM,
    ItemStatus.NEW,
    ItemStatus.UPDATED,
    ItemStatus.UNCHANGED,
)


class ImportPreviewDialog(FormDialog):
    def __init__(self, preview: BundlePreview, parent: QWidget | None = None) -> None:
        super().__init__(
            f"Import {preview.file_name}",
            preview.summary(),
            "&Import",
            parent,
        )
        self.preview = preview
        # Who sent it, when, and any earlier import are in the summary already.
        details = []
        if preview.templates_to_install:
            details.append("Templates it brings: " + ", ".join(preview.templates_to_install) + ".")
        details.append(
            "A backup is taken first and everything is imported in one step; conflicts keep "
            "both versions for you to choose between in the Conflicts tab."
        )
        self.intro.setText(preview.summary() + "\n" + " ".join(details))
        self.items = named(
            QTreeWidget(),
            "What the import would do",
            "Each record in the bundle, grouped by what importing does to it",
        )
        self.items.setHeaderLabels(["Record", "What happens"])
        self.items.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        # Sized from the records in view and a sample, not every one of thousands.
        self.items.header().setResizeContentsPrecision(SAMPLED_ROWS)
        bold = QFont(self.font())
        bold.setBold(True)
        for status in ORDER:
            found = preview.of(status)
            if not found:
                continue
            group = QTreeWidgetItem([f"{status.label} ({len(found)})", ""])
            group.setFont(0, bold)
            self.items.addTopLevelItem(group)
            for item in found:
                row = QTreeWidgetItem([item.label, item.description])
                row.setToolTip(1, item.description)
                if status in (ItemStatus.CONFLICT, ItemStatus.PROBLEM):
                    row.setBackground(0, QBrush(QColor("#fff4ce")))
                    row.setForeground(0, QBrush(QColor("#000000")))
                group.addChild(row)
            group.setExpanded(status is not ItemStatus.UNCHANGED)
        self.items.setMinimumHeight(300)
        self.form.addRow(self.items)
        if not preview.has_changes:
            self.buttons.button(self.buttons.StandardButton.Ok).setText("&Close")
        self.resize(900, 600)
