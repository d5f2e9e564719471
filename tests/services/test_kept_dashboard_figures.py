"""The dashboard's Board figures kept in the database: shown at once while nothing they are
made from has changed, never taken as current once anything has (an answer saved, an
audit completed, an action added, a bundle imported, a moderation), always equal to the
figures worked out afresh, and never used by the Board exports."""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from auditdesk.domain.board_figures import BoardFigures
from auditdesk.domain.reference import Agency, Role
from auditdesk.services.audits import _actions as actions
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.audits._listing import AuditFilter
from auditdesk.services.kernel._records import AuditDetail
from auditdesk.services.moderation import draw_sample
from auditdesk.services.reports import (
    DashboardFigures,
    ReportScope,
    export_board,
    keep_dashboard_figures,
    kept_dashboard_figures,
    period_between,
    work_out_dashboard_figures,
)
from auditdesk.services.reports._data_stamp import STAMP_TRIGGERS
from auditdesk.services.reports._figures import board_figures
from auditdesk.services.reports._figures_json import figures_from_json, figures_to_json
from auditdesk.services.reports._kept_figures import MOST_KEPT
from tests.bundles.helpers import Laptop, completed_audit, open_laptop
from tests.conftest import plan_subject
from tests.services.helpers import answer_everything

EVERYTHING = AuditFilter()


@dataclass
class Office:
    """Two laptops: the lead's, whose dashboard is watched, and a colleague's that sends a
    bundle. The lead's database holds completed audits, a draft fully answered (to
    complete) and a draft to answer."""

    lead: Laptop
    colleague: Laptop
    to_complete: AuditDetail
    to_answer: AuditDetail
    completed: list[str]


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    lead = open_laptop(tmp_path / "lead", "Lee Lead", role=Role.QUALITY_LEAD)
    colleague = open_laptop(tmp_path / "colleague", "Cal Colleague")
    completed = [completed_audit(lead, f"EHCP-{n}", points=2 + n % 2).uuid for n in range(6)]
    to_complete = audits.create_audit(
        lead.ctx, template_id="ehcp-quality", subject=plan_subject("EHCP-90")
    )
    answer_everything(lead.ctx, to_complete, points=4)
    to_answer = audits.create_audit(
        lead.ctx, template_id="ehcp-quality", subject=plan_subject("EHCP-91")
    )
    yield Office(lead, colleague, to_complete, to_answer, completed)
    lead.close()
    colleague.close()


def shown_and_kept(laptop: Laptop) -> DashboardFigures:
    """What opening the dashboard does the first time: work the figures out, keep them."""
    worked = work_out_dashboard_figures(laptop.ctx, EVERYTHING)
    assert worked.figures is not None
    assert keep_dashboard_figures(laptop.ctx, EVERYTHING, worked)
    kept = kept_dashboard_figures(laptop.ctx, EVERYTHING)
    assert kept is not None
    assert kept.current
    assert kept.figures == worked.figures
    return kept


def afresh(laptop: Laptop, kept: BoardFigures) -> BoardFigures:
    """The figures for the same span worked out without anything kept, as the exports
    work them out (stamped with the kept figures' time, so only the figures differ)."""
    span = period_between(kept.period.start, kept.period.end)
    fresh = board_figures(laptop.ctx, ReportScope(replace(span, label=kept.period.label)))
    return replace(fresh, generated_at=kept.generated_at)


def test_kept_figures_equal_the_figures_worked_out_afresh(office: Office) -> None:
    kept = shown_and_kept(office.lead)
    assert kept.figures is not None
    assert kept.figures == afresh(office.lead, kept.figures)
    assert kept.figures.headline.audits.shown == len(office.completed)
    # Shown again: the same, still current, nothing worked out.
    again = kept_dashboard_figures(office.lead.ctx, EVERYTHING)
    assert again == kept


def _answer_saved(office: Office) -> None:
    detail = office.to_answer
    first = next(slot for slot in detail.index.slots(detail.blocks, detail.context) if slot.applies)
    audits.record_answer(office.lead.ctx, detail.uuid, first.question.id, comment="Seen.")


def _audit_completed(office: Office) -> None:
    audit_lifecycle.complete_audit(office.lead.ctx, office.to_complete.uuid)


def _action_added(office: Office) -> None:
    details = actions.ActionInput(
        finding="Outcomes are vague",
        action="Rewrite the outcomes with the family",
        owner_agency=Agency.EDUCATION,
        owner="Pat Planner",
        due_date=date(2026, 1, 5),  # overdue already, so the figures move too
    )
    actions.add_action(office.lead.ctx, office.completed[0], details)


def _bundle_imported(office: Office) -> None:
    sent = completed_audit(office.colleague, "EHCP-700", points=1)
    office.lead.receive(office.colleague.send_audits(sent.uuid, name="from-cal"))


def _moderation(office: Office) -> None:
    draw_sample(office.lead.ctx, percentage=50, seed=3)


CHANGES: dict[str, Callable[[Office], None]] = {
    "an answer saved": _answer_saved,
    "an audit completed": _audit_completed,
    "an action added": _action_added,
    "a bundle imported": _bundle_imported,
    "a moderation": _moderation,
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_any_change_means_the_kept_figures_are_no_longer_current(
    office: Office, change: Callable[[Office], None]
) -> None:
    before = shown_and_kept(office.lead)
    change(office)

    kept = kept_dashboard_figures(office.lead.ctx, EVERYTHING)
    assert kept is not None
    assert not kept.current  # shown, if at all, as out of date
    assert kept.figures == before.figures

    worked = work_out_dashboard_figures(office.lead.ctx, EVERYTHING)
    assert worked.figures is not None
    assert worked.figures == afresh(office.lead, worked.figures)
    assert keep_dashboard_figures(office.lead.ctx, EVERYTHING, worked)
    now = kept_dashboard_figures(office.lead.ctx, EVERYTHING)
    assert now is not None
    assert now.current
    assert now.figures == worked.figures


def test_the_figures_move_with_the_changes_they_reflect(office: Office) -> None:
    """The changes above are seen in the figures worked out again (not only in the stamp)."""
    before = shown_and_kept(office.lead).figures
    assert before is not None
    _audit_completed(office)
    _bundle_imported(office)
    after = work_out_dashboard_figures(office.lead.ctx, EVERYTHING).figures
    assert after is not None
    assert after.headline.audits.shown == before.headline.audits.shown + 2  # type: ignore[operator]


def test_a_change_while_the_figures_are_worked_out_leaves_them_not_current(
    office: Office,
) -> None:
    """The stamp is read before the figures: a change that lands in between may or may not
    be in them, so they are kept as of the earlier stamp, and worked out again next time."""
    worked = work_out_dashboard_figures(office.lead.ctx, EVERYTHING)
    _answer_saved(office)
    assert keep_dashboard_figures(office.lead.ctx, EVERYTHING, worked)
    kept = kept_dashboard_figures(office.lead.ctx, EVERYTHING)
    assert kept is not None
    assert not kept.current


def test_figures_are_kept_per_filter_and_day(office: Office) -> None:
    shown_and_kept(office.lead)
    narrowed = AuditFilter(template_ids=("setting-visit",))
    assert kept_dashboard_figures(office.lead.ctx, narrowed) is None
    # The text search never reaches a report, so it does not make other figures.
    assert kept_dashboard_figures(office.lead.ctx, AuditFilter(text="EHCP-1")) is not None
    tomorrow = replace(office.lead.ctx, clock=lambda: office.lead.ctx.now().replace(day=3))
    assert kept_dashboard_figures(tomorrow, EVERYTHING) is None


def test_only_the_filters_most_recently_worked_out_are_kept(office: Office) -> None:
    for number in range(MOST_KEPT + 2):
        narrowed = AuditFilter(date_from=date(2026, 1, 1 + number))
        worked = work_out_dashboard_figures(office.lead.ctx, narrowed)
        assert keep_dashboard_figures(office.lead.ctx, narrowed, worked)
    first, last = AuditFilter(date_from=date(2026, 1, 1)), narrowed
    assert kept_dashboard_figures(office.lead.ctx, first) is None
    assert kept_dashboard_figures(office.lead.ctx, last) is not None
    with closing(sqlite3.connect(office.lead.path)) as connection:
        rows = connection.execute("SELECT count(*) FROM stored_board_figures").fetchone()[0]
    assert rows == MOST_KEPT


def sql(path: Path, statement: str, *parameters: object) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(statement, parameters)


def test_without_every_trigger_nothing_kept_is_current(office: Office) -> None:
    """A file another program changed (a trigger dropped) could change unseen."""
    shown_and_kept(office.lead)
    sql(office.lead.path, "DROP TRIGGER figures_stamp_answers_update")
    kept = kept_dashboard_figures(office.lead.ctx, EVERYTHING)
    assert kept is not None
    assert not kept.current
    worked = work_out_dashboard_figures(office.lead.ctx, EVERYTHING)
    assert not keep_dashboard_figures(office.lead.ctx, EVERYTHING, worked)


def test_kept_figures_from_another_version_are_worked_out_again(office: Office) -> None:
    shown_and_kept(office.lead)
    sql(office.lead.path, """UPDATE stored_board_figures SET figures = '{"title": "old"}'""")
    assert kept_dashboard_figures(office.lead.ctx, EVERYTHING) is None


def test_the_board_exports_never_use_kept_figures(office: Office, tmp_path: Path) -> None:
    kept = shown_and_kept(office.lead).figures
    assert kept is not None
    # Kept figures as current as can be, but not what the data says.
    tampered = replace(kept, title="KEPT, NOT WORKED OUT")
    sql(office.lead.path, "UPDATE stored_board_figures SET figures = ?", figures_to_json(tampered))
    shown = kept_dashboard_figures(office.lead.ctx, EVERYTHING)
    assert shown is not None
    assert shown.current
    assert shown.figures is not None
    assert shown.figures.title == "KEPT, NOT WORKED OUT"  # the dashboard would show it

    target = tmp_path / "board.xlsx"
    span = period_between(kept.period.start, kept.period.end)
    export_board(office.lead.ctx, ReportScope(span), xlsx=target)
    book = openpyxl.load_workbook(target, read_only=True)
    words = {
        str(cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    }
    assert not any("KEPT, NOT WORKED OUT" in text for text in words)
    assert any(kept.title in text for text in words)


def test_every_table_the_figures_read_moves_the_stamp(office: Office) -> None:
    """Each trigger adds one to the counter, and keeping figures does not."""
    migration = importlib.import_module(
        "auditdesk.store.migrations.versions.0004_dashboard_figures"
    )
    triggers = len(migration.STAMPED_TABLES) * len(migration.CHANGES)
    assert triggers + len(migration.NAMED_TABLES) == STAMP_TRIGGERS

    def stamp(connection: sqlite3.Connection) -> int:
        return int(connection.execute("SELECT changes FROM figures_data_stamp").fetchone()[0])

    _action_added(office)
    shown_and_kept(office.lead)
    touched = []
    with closing(sqlite3.connect(office.lead.path)) as connection:
        kept = stamp(connection)
        assert kept > 0  # the audits made above moved it
        connection.execute("UPDATE stored_board_figures SET made_at = made_at")
        assert stamp(connection) == kept
        for table in migration.STAMPED_TABLES:
            first = connection.execute(f'SELECT min(rowid) FROM "{table}"').fetchone()[0]
            if first is None:
                continue
            before = stamp(connection)
            connection.execute(f'UPDATE "{table}" SET rowid = rowid WHERE rowid = ?', (first,))
            assert stamp(connection) == before + 1, f"an update of {table}"
            connection.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (first,))
            assert stamp(connection) == before + 2, f"a delete from {table}"
            touched.append(table)
        for table in migration.NAMED_TABLES:
            first = connection.execute(f'SELECT min(rowid) FROM "{table}"').fetchone()[0]
            if first is None:
                continue
            before = stamp(connection)
            connection.execute(f'UPDATE "{table}" SET rowid = rowid')  # not the name
            assert stamp(connection) == before, f"an update of {table} keeping its name"
            renamed = f"UPDATE \"{table}\" SET name = name || '.' WHERE rowid = ?"
            connection.execute(renamed, (first,))
            assert stamp(connection) == before + 1, f"{table} renamed"
            touched.append(table)
        connection.rollback()  # inserts are seen in the tests of each kind of change above
    assert {"audits", "answers", "actions", "template_versions", "auditors"} <= set(touched)


def test_figures_round_trip_through_json(office: Office) -> None:
    figures = shown_and_kept(office.lead).figures
    assert figures is not None
    assert figures_from_json(figures_to_json(figures)) == figures
    with pytest.raises(ValueError, match="not Board figures"):
        figures_from_json('{"title": "x"}')
