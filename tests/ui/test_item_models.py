"""Every item model behind a list, table or tree passes pytest-qt's model tester, which
watches each change the model announces (resets, rows fetched, sorting) and checks the
model is consistent after it. A Qt warning from the tester fails the test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import AuditStatus
from auditdesk.services.audits._listing import AuditFilter
from auditdesk.services.demo._generator import DemoOptions, generate_demo
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.ui.audit_list.audit_table_model import COLUMNS, PAGE_SIZE, AuditTableModel
from auditdesk.ui.editor.pages import PageKey
from auditdesk.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough audits for three pages of the audit list, with actions and blocks."""
    path = tmp_path_factory.mktemp("models") / "demo.sqlite"
    db = open_workspace(path)
    generate_demo(db, DemoOptions(PAGE_SIZE * 2 + 57, seed=3, as_of=date(2026, 11, 20)))
    db.close()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    return copy


class Watch:
    """Model testers on every item view's model inside a window. They stay attached
    while the test goes on, and are taken off a window's views before those views are
    replaced (a tester left on a model being destroyed would check a half-deleted model)."""

    def __init__(self, config: pytest.Config) -> None:
        self._config = config
        self._testers: dict[int, tuple[QAbstractItemModel, ModelTester]] = {}
        self.attached = 0

    def __call__(self, root: QWidget) -> list[QAbstractItemModel]:
        models = []
        for view in root.findChildren(QAbstractItemView):
            model = view.model()
            if model is not None and id(model) not in self._testers:
                tester = ModelTester(self._config)
                tester.check(model)  # checks the model now, and after every change
                self._testers[id(model)] = (model, tester)
                self.attached += 1
                models.append(model)
        return models

    def release(self, root: QWidget) -> None:
        """Take the testers off ``root``'s views (before a page of them is rebuilt)."""
        for view in root.findChildren(QAbstractItemView):
            self._detach(id(view.model()))

    def release_all(self) -> None:
        for key in list(self._testers):
            self._detach(key)

    def _detach(self, key: int) -> None:
        found = self._testers.pop(key, None)
        if found is not None and found[1]._qt_tester is not None:
            shiboken6.delete(found[1]._qt_tester)
            found[1]._qt_tester = None


@pytest.fixture
def watch(request: pytest.FixtureRequest) -> Iterator[Watch]:
    watching = Watch(request.config)
    yield watching
    assert watching.attached
    watching.release_all()  # before the windows go


def test_the_audit_list_model_through_paging_sorting_and_filters(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo: Path, watch: Watch
) -> None:
    window = open_window(demo)
    model = window.audit_model
    watch(window)
    assert model.rowCount() == PAGE_SIZE
    _scroll_to_the_end(qtbot, model)
    assert model.rowCount() == model.total == PAGE_SIZE * 2 + 57
    for column in range(len(COLUMNS)):
        model.sort(column)
        _scroll_to_the_end(qtbot, model)
    model.set_filter(AuditFilter(statuses=(AuditStatus.COMPLETED,)))
    assert 0 < model.total < PAGE_SIZE * 2 + 57
    model.set_filter(AuditFilter(text="no audit is called this"))
    assert model.rowCount() == 0
    assert not model.canFetchMore()
    model.set_filter(AuditFilter())
    assert model.rowCount() == PAGE_SIZE


def _scroll_to_the_end(qtbot: QtBot, model: AuditTableModel) -> None:
    """Fetch page after page, as the list does when scrolled to the bottom."""
    while model.rowCount() < model.total:
        if model.canFetchMore():
            model.fetchMore()
        qtbot.wait(1)


def test_a_page_that_comes_back_empty_stops_the_fetching(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo: Path, watch: Watch
) -> None:
    """Audits removed between the count and the next page (an import settling a conflict,
    another window): the list must stop asking, not fetch empty pages for ever."""
    window = open_window(demo)
    model = window.audit_model
    watch(window)
    model._total += PAGE_SIZE * 5  # the count as it was before audits went
    for _ in range(20):  # scrolling on: the list asks until a page comes back empty
        if model.canFetchMore():
            model.fetchMore()
        qtbot.wait(20)
    assert model.rowCount() == PAGE_SIZE * 2 + 57
    assert model.total == model.rowCount()
    model.fetchMore()  # asking again fetches nothing
    qtbot.wait(50)
    assert model.rowCount() == PAGE_SIZE * 2 + 57


def test_every_view_of_the_main_window_and_editor(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo: Path, watch: Watch
) -> None:
    window = open_window(demo)
    window.show()
    for tab in range(window.tabs.count()):  # each tab loads its lists and figures
        window.tabs.setCurrentIndex(tab)
    models = watch(window)
    assert len(models) >= 4  # audits, actions, moderation, conflicts
    window.moderation_view.percentage.setValue(10)
    window.moderation_view.draw.click()  # the moderation table refills
    window.refresh()  # every list reloads under the testers
    # The editor of an audit with blocks: section tree, grades, a page of blocks.
    model = window.audit_model
    visit = next(
        model.row_at(row) for row in range(model.rowCount())
        if model.row_at(row).setting_name and model.row_at(row).child_reference is None
    )  # fmt: skip
    window.open_audit(visit.uuid)
    editor = window.editors[visit.uuid]
    watch(editor)  # the section tree and grade table stay for the editor's life
    for page in editor.pages:  # every page: its block list or questions are rebuilt
        watch.release(editor.page)
        editor.go_to(page.key)
        watch(editor.page)
    listed = [p.key for p in editor.pages if p.lists_blocks]
    assert listed
    watch.release(editor.page)
    editor.go_to(PageKey(listed[0].section_id, listed[0].block_id, True))
    watch.release(editor)
    editor.close()
