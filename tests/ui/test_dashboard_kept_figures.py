"""The dashboard shows the figures kept from its last opening at once when nothing has
changed, and says kept figures are out of date (while the latest are worked out) when
something has: never passes them off as current."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from auditdesk.domain.reference import Agency
from auditdesk.services.audits import _actions as actions
from auditdesk.ui.dashboard.dashboard_view import DashboardView
from auditdesk.ui.main_window import MainWindow
from tests.ui.demo_files import make_demo

OUT_OF_DATE = "audits have changed since"


def kept_rows(path: Path) -> list[tuple[int, str]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT stamp, made_at FROM stored_board_figures").fetchall()


def first_completed(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return str(
            connection.execute(
                "SELECT uuid FROM audits WHERE status = 'completed' ORDER BY id LIMIT 1"
            ).fetchone()[0]
        )


def scope_texts(dashboard: DashboardView, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the line under the heading is given from now on (it is still set)."""
    said: list[str] = []
    real = dashboard.scope.setText

    def set_text(text: str) -> None:
        said.append(text)
        real(text)

    monkeypatch.setattr(dashboard.scope, "setText", set_text)
    return said


def test_kept_figures_are_shown_at_once_and_old_ones_said_to_be_old(
    qtbot: QtBot,
    open_window: Callable[[Path | None], MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = make_demo(tmp_path / "demo.sqlite", 400, seed=6)
    window = open_window(path)
    window.show()
    window.tabs.setCurrentWidget(window.dashboard)
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: "audits ·" in dashboard.headline.text(), timeout=5000)
    (first,) = kept_rows(path)  # worked out, shown, and kept
    shown = dashboard.headline.text()

    # Shown again with nothing changed: the kept figures, nothing worked out or kept anew.
    said = scope_texts(dashboard, monkeypatch)
    dashboard.refresh()
    assert kept_rows(path) == [first]
    assert dashboard.headline.text() == shown
    assert not any("Working out" in text or OUT_OF_DATE in text for text in said)

    # An action added: the kept figures are shown as they were, said to be out of date,
    # then the latest replace them and are kept with the data's new stamp.
    overdue = actions.ActionInput(
        finding="Outcomes are vague",
        action="Rewrite the outcomes with the family",
        owner_agency=Agency.EDUCATION,
        owner="Pat Planner",
        due_date=date(2026, 1, 5),
    )
    actions.add_action(window.session.ctx, first_completed(path), overdue)
    said.clear()
    dashboard.refresh()
    out_of_date = [text for text in said if OUT_OF_DATE in text]
    assert len(out_of_date) == 1
    assert said.index(out_of_date[0]) < len(said) - 1  # and then replaced
    assert OUT_OF_DATE not in dashboard.scope.text()
    (now,) = kept_rows(path)
    assert now[0] > first[0]
    assert now[1] != first[1]
