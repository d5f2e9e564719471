"""File > Templates: the audit templates in this database, each version's outline to read
before auditing with it, a council's own template installed from its file, and any version
written out to change and install again.

Installing is the same as ``auditdesk templates install``: the file is checked first and
its problems are shown here, each with its line, and nothing is installed until it is put
right. The list, the outline and the install each run off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.template_writer import template_yaml
from auditdesk.errors import TemplateProblem
from auditdesk.services import kernel
from auditdesk.services.kernel import InstalledTemplate, ServiceContext, TemplateSummary
from auditdesk.ui.accessibility import named
from auditdesk.ui.dialog_service import DialogService
from auditdesk.ui.errors import error_handler
from auditdesk.ui.on_screen import StaysOnScreen
from auditdesk.ui.session import AppSession
from auditdesk.ui.task_runner import TaskScope
from auditdesk.whole_files import written_whole

TEMPLATE_FILES = "Audit templates (*.yaml *.yml);;All files (*)"


class TemplatesDialog(StaysOnScreen, QDialog):
    installed = Signal()  # a template was installed: forms offering templates read again

    def __init__(
        self, session: AppSession, dialogs: DialogService, tasks: TaskScope, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.dialogs = dialogs
        self.tasks = tasks.for_dialog(self)
        self.setWindowTitle("Audit templates")
        named(self, "Audit templates", "The templates audits in this database are filled against")
        self.versions = named(
            QListWidget(), "Templates", "Every template version here; choose one to read it"
        )
        self.outline = named(
            QPlainTextEdit(), "Outline", "The chosen template's sections and questions"
        )
        # Each version on two lines, whole (a title, then its version and use): no sideways
        # scrolling to read what it is.
        self.versions.setWordWrap(True)
        self.versions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.versions.setSpacing(2)
        self.outline.setReadOnly(True)
        self.outline.setTabChangesFocus(True)
        self.said = named(QLabel(), "What happened", "What the last install did")
        self.said.setWordWrap(True)
        self._said_or_reported = error_handler(self.said.setText)
        self.install = named(
            QPushButton("&Install from file…"),
            "Install from file",
            "Checks a template file and installs it into this database",
        )
        self.export = named(
            QPushButton("&Write out…"),
            "Write out",
            "Writes the chosen template version to a YAML file, to change and install again",
        )
        if session.read_only:
            self.install.setEnabled(False)
            # Said in words, not only in the button's tooltip: keyboards never hover.
            self.said.setText("This database is read-only: templates cannot be installed in it.")
        self.install.clicked.connect(self.choose_file)
        self.export.clicked.connect(self.write_out)
        self._lay_out()
        self.versions.currentItemChanged.connect(self._show_outline)
        self.resize(960, 640)
        self.reload()

    def _lay_out(self) -> None:
        heading = QLabel("&Templates")
        heading.setBuddy(self.versions)
        outline_heading = QLabel("&Outline")
        outline_heading.setBuddy(self.outline)
        left = QVBoxLayout()
        left.addWidget(heading)
        left.addWidget(self.versions, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.install)
        actions.addWidget(self.export)
        left.addLayout(actions)
        right = QVBoxLayout()
        right.addWidget(outline_heading)
        right.addWidget(self.outline, 1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.said)
        layout.addWidget(buttons)

    # -- reading ----------------------------------------------------------------------------
    def reload(self, choose: str | None = None) -> None:
        """List every version, newest of each template first; ``choose``: a key to show."""
        ctx = self.session.ctx
        self.tasks.read(
            lambda: kernel.list_templates(ctx, latest_only=False),
            lambda found: self._listed(found, choose),
            self._problem,
        )

    def _listed(self, found: list[TemplateSummary], choose: str | None) -> None:
        self.versions.clear()
        newest: dict[str, int] = {}
        for template in found:
            newest[template.template_id] = max(newest.get(template.template_id, 0),
                                               template.version)  # fmt: skip
        ordered = sorted(found, key=lambda t: (t.title.casefold(), t.template_id, -t.version))
        for template in ordered:
            latest = template.version == newest[template.template_id]
            state = "used for new audits" if latest else "kept for audits filled against it"
            item = QListWidgetItem(f"{template.title}\nVersion {template.version}, {state}")
            item.setData(Qt.ItemDataRole.UserRole, template.key)
            item.setToolTip(f"{template.key}: {template.kind.label}")
            self.versions.addItem(item)
            if template.key == choose:
                self.versions.setCurrentItem(item)
        if self.versions.currentItem() is None and self.versions.count():
            self.versions.setCurrentRow(0)

    def _show_outline(self, item: QListWidgetItem | None) -> None:
        if item is None:
            self.outline.clear()
            return
        key = str(item.data(Qt.ItemDataRole.UserRole))
        ctx = self.session.ctx
        self.outline.setPlainText("Reading…")
        self.tasks.read(
            lambda: kernel.template_preview(ctx, key),
            lambda lines: self._outline_read(key, lines),
            self._problem,
        )

    def _outline_read(self, key: str, lines: list[str]) -> None:
        item = self.versions.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:  # still chosen
            self.outline.setPlainText("\n".join(lines))

    # -- installing -------------------------------------------------------------------------
    def choose_file(self) -> None:
        chosen = self.dialogs.open_file(
            self, "Install a template", self.session.path.parent, TEMPLATE_FILES
        )
        if chosen is None:
            return
        ctx = self.session.ctx
        self.said.setText(f"Checking {chosen.name}…")
        self.tasks.write(
            lambda: kernel.install_template_files(ctx, [chosen]),
            self._installed,
            self._problem,
        )

    def _installed(self, installed: list[InstalledTemplate]) -> None:
        template = installed[0]
        if template.new:
            self.said.setText(
                f"Installed {template.title}, version {template.key.rpartition('@')[2]} "
                f"({template.questions} questions). New audits of it use this version."
            )
            self.installed.emit()
        else:
            self.said.setText(f"{template.title} ({template.key}) was installed already.")
        self.reload(choose=template.key)

    # -- writing out ------------------------------------------------------------------------
    def write_out(self) -> None:
        item = self.versions.currentItem()
        if item is None:
            self.said.setText("Choose the template version to write out.")
            return
        key = str(item.data(Qt.ItemDataRole.UserRole))
        suggested = self.session.path.parent / f"{key.replace('@', '-version-')}.yaml"
        chosen = self.dialogs.save_file(self, "Write the template out", suggested, TEMPLATE_FILES)
        if chosen is None:
            return
        target = (
            chosen if chosen.suffix.lower() in {".yaml", ".yml"} else chosen.with_suffix(".yaml")
        )
        ctx, database = self.session.ctx, self.session.path
        self.tasks.read(
            lambda: _write_out(ctx, key, target, database),
            lambda _done: self.said.setText(
                f"Wrote {key} to {target}. Change it, give it the next version number, and "
                "install it with Install from file."
            ),
            self._problem,
        )

    def _problem(self, error: BaseException) -> None:
        if isinstance(error, TemplateProblem):
            # Often several, each with its line: listed where there is room to read them.
            # No version stays chosen, so choosing one again shows its outline again.
            self.said.setText("Not installed: the file has problems, listed in the outline.")
            self.versions.setCurrentRow(-1)  # before the problems: it clears the outline
            self.outline.setPlainText("\n".join(error.problems))
            self.outline.setFocus()
        else:
            self._said_or_reported(error)


def _write_out(ctx: ServiceContext, key: str, target: Path, database: Path) -> None:
    """The stored version ``key`` as YAML in ``target``, written whole (never half a file,
    never over the database)."""
    stored = kernel.stored_template(ctx, key)
    text = template_yaml(stored.key, stored.title, stored.definition, stored.sha256)
    with written_whole([target], again="write it out again", database=database) as (aside,):
        aside.write_text(text, encoding="utf-8")
