"""Blind second marking offers only the parts with something to rate: the written-only
"Overall judgement" (the first marker's summary) is not in its list, and every part
walked to by keyboard either has questions to rate, its progress counting just those, or
heads parts below it that do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from auditdesk.services import moderation
from auditdesk.ui.editor.navigator import KEY_ROLE
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.moderation.blind_marking_window import BlindMarkingWindow
from tests.ui.alt_keys import press_alt
from tests.ui.demo_files import copy_of
from tests.ui.scripted_dialogs import ScriptedDialogs


def test_only_parts_with_something_to_rate_are_offered(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    dialogs: ScriptedDialogs,
    demo_file: Path,
    tmp_path: Path,
) -> None:
    window = open_window(copy_of(demo_file, tmp_path))
    ctx = window.session.ctx
    moderation.draw_sample(ctx, percentage=100, seed=2)
    row = next(r for r in moderation.list_moderations(ctx) if r.status == "drawn"
               and r.template_title.startswith("EHCP"))  # fmt: skip
    moderation.assign_second_marker(ctx, row.uuid, ctx.actor.auditor_uuid)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.moderation_view
    window.tabs.setCurrentWidget(view)
    view._select({row.uuid})
    press_alt(qtbot, "m", view.table)  # Second mark…
    blind = dialogs.latest(BlindMarkingWindow)
    qtbot.waitUntil(blind.isActiveWindow)
    written_only = [s for s in blind.view.index.template.all_sections()
                    if s.questions and not any(q.is_rated for q in s.questions)]  # fmt: skip
    assert [s.title for s in written_only] == ["Overall judgement"], "the template has one"

    navigator = blind.navigator
    press_alt(qtbot, "1", QApplication.focusWidget(), clicks=False)  # the sections list
    assert QApplication.focusWidget() is navigator
    qtbot.keyClick(navigator, Qt.Key.Key_Home)
    titles = []
    for position in range(navigator.topLevelItemCount()):
        item = navigator.currentItem()
        assert item is navigator.topLevelItem(position)
        titles.append(item.text(0))
        rated = [w for w in blind.page.questions.values() if w.buttons]
        assert len(rated) == len(blind.page.questions), f"{item.text(0)}: unrated questions"
        if rated:
            needed = sum(1 for w in rated if w.slot.question.required)
            assert item.text(1) == (f"0/{needed}" if needed else ""), item.text(0)
            assert "no questions" not in _page_text(blind)
        else:  # a heading or a list of blocks: what to rate is in a part under it
            below = navigator.topLevelItem(position + 1)
            assert below is not None, f"{item.text(0)} is last, with nothing to rate"
            here, under = item.data(0, KEY_ROLE), below.data(0, KEY_ROLE)
            assert _depth(blind, under) > _depth(blind, here), item.text(0)
        qtbot.keyClick(navigator, Qt.Key.Key_Down)
    assert "Overall judgement" not in titles
    assert not any(text.endswith("/0") for text in _progress(blind))
    blind.close()


def _page_text(blind: BlindMarkingWindow) -> str:
    return " ".join(label.text() for label in blind.page.findChildren(QLabel))


def _depth(blind: BlindMarkingWindow, key: object) -> int:
    return next(page.depth for page in blind._pages if page.key == key)


def _progress(blind: BlindMarkingWindow) -> list[str]:
    navigator = blind.navigator
    return [navigator.topLevelItem(i).text(1) for i in range(navigator.topLevelItemCount())]
