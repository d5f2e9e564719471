"""File > Templates: every version listed in words, each one's outline read before auditing
with it, and a council's own template installed from its file (its problems shown with
their lines, nothing installed until they are put right)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

import auditdesk
from auditdesk.services import kernel
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.templates_dialog import TemplatesDialog
from tests.ui.scripted_dialogs import ScriptedDialogs

SHIPPED = Path(auditdesk.__file__).parent / "audit_templates"


def our_template(folder: Path, *, version: int = 1, broken: bool = False) -> Path:
    text = (SHIPPED / "setting_quality_visit.yaml").read_text(encoding="utf-8")
    text = text.replace("id: setting-visit\n", "id: northshire-visit\n", 1)
    text = text.replace("title: Setting quality visit\n", "title: Northshire setting visit\n", 1)
    text = text.replace("version: 1\n", f"version: {version}\n", 1)
    if broken:
        text = text.replace("kind: setting_visit", "kind: a_kind_nobody_knows", 1)
    path = folder / f"northshire visit v{version}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def opened(window: MainWindow, dialogs: ScriptedDialogs) -> TemplatesDialog:
    action = next(a for a in window.menuBar().actions() if a.text() == "&File")
    templates = next(a for a in action.menu().actions() if a.text() == "&Templates…")
    templates.trigger()
    return dialogs.latest(TemplatesDialog)


def listed(dialog: TemplatesDialog) -> list[str]:
    return [dialog.versions.item(row).text() for row in range(dialog.versions.count())]


def test_every_template_is_listed_and_its_outline_read(
    open_window: Callable[..., MainWindow], dialogs: ScriptedDialogs
) -> None:
    dialog = opened(open_window(), dialogs)
    assert listed(dialog) == [
        "Annual review audit\nVersion 1, used for new audits",
        "EHCP multi-agency quality audit\nVersion 1, used for new audits",
        "Preparing for adulthood thematic audit\nVersion 1, used for new audits",
        "Setting quality visit\nVersion 1, used for new audits",
    ]
    dialog.versions.setCurrentRow(3)
    outline = dialog.outline.toPlainText().splitlines()
    assert outline[0] == "Setting quality visit"
    assert outline[1].startswith("Version 1: setting quality visit, 7 sections, ")
    assert any("(repeats for each sampled child)" in line for line in outline)
    assert any(line.strip().startswith("1. ") for line in outline)
    for control in (dialog.versions, dialog.outline, dialog.install):
        assert control.accessibleName()


def test_a_council_template_is_installed_from_its_file(
    open_window: Callable[..., MainWindow], dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = open_window()
    dialog = opened(window, dialogs)
    dialogs.answer("open_file", our_template(tmp_path))
    dialog.install.click()
    assert dialog.said.text().startswith("Installed Northshire setting visit, version 1 (")
    assert "Northshire setting visit\nVersion 1, used for new audits" in listed(dialog)
    assert dialog.versions.currentItem().text().startswith("Northshire setting visit")
    assert dialog.outline.toPlainText().startswith("Northshire setting visit\nVersion 1:")
    # The window offers it too (the new audit form, the filters), read again after it.
    assert "northshire-visit@1" in [t.key for t in window.templates]
    dialogs.answer("open_file", our_template(tmp_path, version=2))
    dialog.install.click()
    names = listed(dialog)
    newest = names.index("Northshire setting visit\nVersion 2, used for new audits")
    assert names[newest + 1] == (
        "Northshire setting visit\nVersion 1, kept for audits filled against it"
    )


def test_a_file_with_problems_installs_nothing_and_lists_them_with_lines(
    open_window: Callable[..., MainWindow], dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = open_window()
    dialog = opened(window, dialogs)
    before = listed(dialog)
    dialogs.answer("open_file", our_template(tmp_path, broken=True))
    dialog.install.click()
    assert dialog.said.text() == "Not installed: the file has problems, listed in the outline."
    problems = dialog.outline.toPlainText()
    assert "northshire visit v1.yaml, line " in problems
    assert "Nothing was installed." in problems
    assert listed(dialog) == before
    assert "northshire-visit" not in [t.template_id for t in
                                      kernel.list_templates(window.session.ctx)]  # fmt: skip


def test_choosing_no_file_changes_nothing(
    open_window: Callable[..., MainWindow], dialogs: ScriptedDialogs, qtbot: QtBot
) -> None:
    dialog = opened(open_window(), dialogs)
    before = listed(dialog)
    dialogs.answer("open_file", None)
    dialog.install.click()
    assert listed(dialog) == before
    assert dialog.said.text() == ""


def test_a_version_is_written_out_to_change_and_install_again(
    open_window: Callable[..., MainWindow], dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    dialog = opened(open_window(), dialogs)
    dialog.versions.setCurrentRow(3)
    dialogs.answer("save_file", tmp_path / "our visit")  # no .yaml: it is added
    dialog.export.click()
    written = tmp_path / "our visit.yaml"
    assert dialog.said.text().startswith(f"Wrote setting-visit@1 to {written}.")
    text = written.read_text(encoding="utf-8")
    assert "id: setting-visit\nversion: 1\n" in text
    changed = text.replace("version: 1\n", "version: 2\n", 1)
    written.write_text(changed, encoding="utf-8")
    dialogs.answer("open_file", written)
    dialog.install.click()
    assert dialog.said.text().startswith("Installed Setting quality visit, version 2 (")


def test_after_a_failed_install_choosing_a_version_shows_its_outline_again(
    open_window: Callable[..., MainWindow], dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    dialog = opened(open_window(), dialogs)
    dialog.versions.setCurrentRow(1)
    dialogs.answer("open_file", our_template(tmp_path, broken=True))
    dialog.install.click()
    assert "Nothing was installed." in dialog.outline.toPlainText()
    assert dialog.versions.currentItem() is None
    dialog.versions.setCurrentRow(1)
    assert dialog.outline.toPlainText().startswith("EHCP multi-agency quality audit\n")
