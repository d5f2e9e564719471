"""The editor can be read at its usual size: every section name in the section list and
in the grade table is shown whole (wrapped where the pane is narrow), never cut short to
"Sec…" or "Pro…ds outcomes", once sections are graded too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from auditdesk.services.audits._listing import AuditFilter, list_audits
from auditdesk.ui.editor.editor_window import AuditEditorWindow
from auditdesk.ui.main_window import MainWindow
from tests.ui.demo_files import copy_of
from tests.ui.readable import off_screen, unreadable_cells

EDITOR_WIDTH = 1280  # the editor's usual width (its height is the screen's, on a laptop)


def test_every_section_name_reads_whole_in_the_editor_of_each_template(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    demo_file: Path,
    tmp_path: Path,
) -> None:
    window = open_window(copy_of(demo_file, tmp_path))
    graded = {}  # one graded audit of each template: its grade table is filled in
    for row in list_audits(window.session.ctx, AuditFilter(), limit=200).items:
        if row.final_grade is not None:
            graded.setdefault(row.template_id, row)
    assert len(graded) >= 4, f"the demo should grade every template; it has {list(graded)}"

    problems: list[str] = []
    for template_id, row in graded.items():
        editor = _open(qtbot, window, row.uuid)
        assert editor.width() == EDITOR_WIDTH
        assert off_screen(editor) is None, off_screen(editor)
        grades = editor.grades.sections
        graded_sections = [
            grades.topLevelItem(i).text(1) for i in range(grades.topLevelItemCount())
        ]
        assert any(text != "—" for text in graded_sections), "sections are graded"
        # The longest names are the ones that were cut short.
        assert (
            max(len(grades.topLevelItem(i).text(0)) for i in range(grades.topLevelItemCount())) > 20
        )
        for view in (editor.navigator, grades):
            problems += [f"{template_id}: {problem}" for problem in unreadable_cells(view)]
        editor.close()
    assert problems == [], "\n".join(problems)


def _open(qtbot: QtBot, window: MainWindow, audit_uuid: str) -> AuditEditorWindow:
    window.open_audit(audit_uuid)
    editor = window.editors[audit_uuid]
    qtbot.waitExposed(editor)
    return editor
