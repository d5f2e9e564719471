"""File > Export offers again what the person chose last time (where the files went, the
period, which files, whether to open them), and pre-chooses nothing they never chose."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from auditdesk.ui.export_choices import CUSTOM, ExportChoices
from auditdesk.ui.export_dialog import ExportDialog
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.preferences import Preferences
from tests.ui.demo_files import copy_of, make_demo
from tests.ui.scripted_dialogs import ScriptedDialogs


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("choices") / "demo.sqlite", 60, seed=3)


class Opened(QObject):
    """Stands in for the desktop's "open this file" (Qt's own seam for it), so a test
    that ticks "Open the files when done" sees what would open, and nothing does."""

    def __init__(self) -> None:
        super().__init__()
        self.files: list[Path] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.files.append(Path(url.toLocalFile()))


@pytest.fixture
def opened() -> Iterator[Opened]:
    handler = Opened()
    QDesktopServices.setUrlHandler("file", handler, "open")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


def _export(dialogs: ScriptedDialogs, dialog: ExportDialog, xlsx: Path, pdf: Path) -> None:
    """Choose both files with the dialog's own Choose… buttons, then press Export."""
    dialogs.answer("save_file", xlsx)
    dialogs.answer("save_file", pdf)
    for button in dialog.findChildren(QPushButton):
        if button.text() == "Choose…":
            button.click()
    dialog.ok_button.click()


def test_the_export_dialog_offers_the_last_choices_again_and_nothing_else(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    preferences: Preferences,
    opened: Opened,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    window = open_window(copy_of(demo_file, tmp_path))
    today = window.session.ctx.today()
    home = Path.home()

    # The first time: nothing the person did not choose, Open among it.
    window.files.export_board()
    first = dialogs.latest(ExportDialog)
    assert not first.open_after.isChecked()
    assert first.xlsx_wanted.isChecked()
    assert first.pdf_wanted.isChecked()
    assert first.period.currentIndex() == 0
    assert Path(first.xlsx.text()) == home / f"Board workbook {today}.xlsx"
    assert Path(first.pdf.text()) == home / f"Board pack {today}.pdf"

    out = tmp_path / "Board papers"
    out.mkdir()
    first.period.setCurrentIndex(first.period.findText("2025/26"))
    first.open_after.setChecked(True)
    _export(dialogs, first, out / "workbook.xlsx", out / "pack.pdf")
    assert "Exported" in window.message.message
    assert opened.files == [out / "workbook.xlsx", out / "pack.pdf"]

    # The next time, the same choices; the files are named for the day, in that folder.
    window.files.export_board()
    second = dialogs.latest(ExportDialog)
    assert second.period.currentText() == "2025/26"
    assert second.open_after.isChecked()
    assert Path(second.xlsx.text()) == out / f"Board workbook {today}.xlsx"
    assert Path(second.pdf.text()) == out / f"Board pack {today}.pdf"

    # Custom dates, the pack alone, not opened: offered again just so.
    second.period.setCurrentIndex(second.period.findData(CUSTOM))
    second.date_from.setDate(QDate(2025, 10, 1))
    second.date_to.setDate(QDate(2026, 3, 31))
    second.xlsx_wanted.setChecked(False)
    second.open_after.setChecked(False)
    _export(dialogs, second, out / "unused.xlsx", out / "pack.pdf")
    assert len(opened.files) == 2  # not opened this time
    window.files.export_board()
    third = dialogs.latest(ExportDialog)
    assert third.period.currentData() == CUSTOM
    assert (third.date_from.date(), third.date_to.date()) == (
        QDate(2025, 10, 1),
        QDate(2026, 3, 31),
    )
    assert not third.xlsx_wanted.isChecked()
    assert third.pdf_wanted.isChecked()
    assert not third.open_after.isChecked()
    third.reject()

    # Kept in the person's preferences file, for the next time AuditDesk starts.
    again = Preferences(preferences.path).export_choices()
    assert again.period == CUSTOM
    assert again.pack_folder == out


def test_a_choice_that_no_longer_applies_falls_back_to_the_usual(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    preferences: Preferences,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    """A folder on a memory stick since removed, a term long past, an edited file."""
    preferences.remember_export_choices(
        ExportChoices(
            workbook_folder=tmp_path / "removed stick",
            pack_folder=tmp_path / "removed stick",
            period="Autumn 2019",
            custom_from=date(2025, 1, 1),
            open_after=True,
        )
    )
    window = open_window(copy_of(demo_file, tmp_path))
    window.files.export_board()
    dialog = dialogs.latest(ExportDialog)
    assert Path(dialog.xlsx.text()).parent == Path.home()
    assert Path(dialog.pdf.text()).parent == Path.home()
    assert dialog.period.currentIndex() == 0
    assert dialog.open_after.isChecked()  # what was chosen and still applies is kept
    dialog.reject()


def test_an_unreadable_saved_choice_is_taken_as_never_made() -> None:
    assert (
        ExportChoices.from_saved(
            {"custom_from": "yesterday", "workbook": "perhaps", "open_after": None}
        )
        == ExportChoices()
    )
    choices = ExportChoices(
        workbook_folder=Path("/shared/board"),
        pack_folder=None,
        period=CUSTOM,
        custom_from=date(2025, 10, 1),
        custom_to=date(2026, 3, 31),
        workbook=False,
        pack=True,
        open_after=True,
    )
    assert ExportChoices.from_saved(dict(choices.saved())) == choices
