"""Long names in the audit list are cut to fit their column, so the whole name is shown on
hover and given to screen readers; settings that share a name are told apart in the
Setting filter by their locality and URN."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from uuid import uuid4

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import Agency, Role, SettingPhase, SettingType
from auditdesk.services.audits import _editing as audits
from auditdesk.services.kernel import _subjects as subjects
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._people import save_profile
from auditdesk.services.kernel._records import SettingRecord
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.ui.audit_list.audit_table_model import COLUMNS
from auditdesk.ui.audit_list.filter_bar import setting_choices
from auditdesk.ui.main_window import MainWindow

LONG_NAME = "Beechwood High School and Sixth Form College, a Church of England Academy"


@pytest.fixture
def two_beechwoods(tmp_path: Path) -> Path:
    """Two settings called Beechwood High School, in two towns, and one with a long name,
    each visited once."""
    path = tmp_path / "settings.sqlite"
    db = open_workspace(path)
    ctx = ServiceContext(db, save_profile(db, "Sam Practice", Agency.EDUCATION, Role.QUALITY_LEAD))
    for name, urn, locality in (
        ("Beechwood High School", "111111", "Crewe"),
        ("Beechwood High School", "222222", "Macclesfield"),
        (LONG_NAME, None, "Nantwich"),
    ):
        setting = subjects.add_setting(
            ctx, name=name, urn=urn, setting_type=SettingType.MAINSTREAM,
            phase=SettingPhase.SECONDARY, locality=locality,
        )  # fmt: skip
        audits.create_audit(
            ctx, template_id="setting-visit", subject=audits.SettingVisitSubject(setting.uuid)
        )
    db.close()
    return path


def test_a_name_cut_short_is_shown_whole_on_hover_and_to_screen_readers(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], two_beechwoods: Path
) -> None:
    window = open_window(two_beechwoods)
    window.show()
    table, model = window.audit_list.table, window.audit_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    headings = [heading for heading, _key, _show in COLUMNS]
    row = next(r for r in range(3) if model.row_at(r).setting_name == LONG_NAME)
    template = model.row_at(row).template_title
    for heading, whole in (("Setting", LONG_NAME), ("Template", template)):
        index = model.index(row, headings.index(heading))
        if heading == "Setting":  # the column really is too narrow for it
            shown = table.fontMetrics().horizontalAdvance(whole)
            assert shown > table.columnWidth(index.column())
        assert model.data(index, Qt.ItemDataRole.ToolTipRole) == whole
        assert whole in _spoken_cells(table)
    # Short values that always fit carry no tooltip to get in the way.
    date = model.index(row, headings.index("Date"))
    assert model.data(date, Qt.ItemDataRole.ToolTipRole) is None


def _spoken_cells(table: QTableView) -> list[str]:
    """What a screen reader is given for each cell of ``table``: each cell's name."""
    iface = QAccessible.queryAccessibleInterface(table)
    assert iface.role() == QAccessible.Role.Table
    children = (iface.child(number) for number in range(iface.childCount()))
    return [child.text(QAccessible.Text.Name) for child in children if child is not None]


def test_settings_that_share_a_name_are_told_apart_in_the_setting_filter(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], two_beechwoods: Path
) -> None:
    window = open_window(two_beechwoods)
    bar, model = window.audit_list.filters, window.audit_list.model
    shown = [bar.setting.itemText(i) for i in range(1, bar.setting.count())]
    assert sorted(shown) == [
        "Beechwood High School (Crewe, URN 111111)",
        "Beechwood High School (Macclesfield, URN 222222)",
        LONG_NAME,  # its name is its own: nothing added
    ]
    bar.setting.setCurrentIndex(
        bar.setting.findText("Beechwood High School (Macclesfield", Qt.MatchFlag.MatchStartsWith)
    )
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.row_at(0).locality == "Macclesfield"


def _setting(name: str, locality: str, urn: str | None, kind: SettingType) -> SettingRecord:
    return SettingRecord(str(uuid4()), name, urn, kind, SettingPhase.SECONDARY, locality)


def test_names_are_told_apart_by_whatever_differs() -> None:
    special = _setting("Oak School", "Crewe", None, SettingType.SPECIAL)
    mainstream = _setting("Oak School", "Crewe", None, SettingType.MAINSTREAM)
    twin = _setting("Oak School", "Crewe", None, SettingType.MAINSTREAM)
    lower = _setting("oak school", "Nantwich", None, SettingType.MAINSTREAM)
    # A name with its own brackets keeps them; what tells it apart follows.
    bracketed = [
        _setting("Elm Academy (Sixth Form)", town, urn, SettingType.MAINSTREAM)
        for town, urn in (("Crewe", "333333"), ("Crewe", "444444"))
    ]
    labels = [
        label for label, _uuid in setting_choices([special, mainstream, twin, lower, *bracketed])
    ]
    assert labels == [
        "Oak School (Crewe, special)",
        "Oak School (Crewe, mainstream, 1 of 2)",
        "Oak School (Crewe, mainstream, 2 of 2)",
        "oak school (Nantwich)",
        "Elm Academy (Sixth Form) (Crewe, URN 333333)",
        "Elm Academy (Sixth Form) (Crewe, URN 444444)",
    ]
    assert len(set(labels)) == len(labels)
