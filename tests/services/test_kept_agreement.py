"""The Moderation tab's agreement report, kept like the dashboard's figures: the same as
worked out afresh, current until an audit, answer or moderation changes, never trusted
without its triggers, and read back from JSON exactly."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from auditdesk.services.kernel import ServiceContext, open_workspace
from auditdesk.services.moderation import draw_sample
from auditdesk.services.reports import (
    agreement_report,
    keep_agreement,
    kept_agreement,
    work_out_agreement,
)
from auditdesk.services.reports._kept_agreement import report_from_json, report_to_json
from auditdesk.store.models import StoredBoardFigures
from tests import made_once
from tests.reading import reader


@pytest.fixture
def lead(tmp_path: Path) -> Iterator[ServiceContext]:
    """A demo database with second-marked moderations (so the report has pairs)."""
    path = made_once.copy_database(
        made_once.demo_database(60, seed=5), tmp_path / "moderated.sqlite"
    )
    db = open_workspace(path)
    yield reader(db)
    db.close()


def test_the_kept_report_is_the_report_and_stays_current_until_something_changes(
    lead: ServiceContext,
) -> None:
    assert kept_agreement(lead) is None  # nothing kept yet: worked out
    worked = work_out_agreement(lead)
    assert worked.report == agreement_report(lead)
    assert worked.report.moderations > 0
    assert worked.report.ratings.pairs > 0
    assert keep_agreement(lead, worked)

    kept = kept_agreement(lead)
    assert kept is not None
    assert kept.current
    assert kept.report == worked.report

    draw_sample(lead, percentage=50, seed=11)  # a moderation change
    stale = kept_agreement(lead)
    assert stale is not None
    assert not stale.current
    assert stale.report == worked.report  # shown, if at all, as it was


def test_without_every_trigger_nothing_kept_is_current(lead: ServiceContext) -> None:
    assert keep_agreement(lead, work_out_agreement(lead))
    with lead.db.write() as session:
        session.connection().exec_driver_sql("DROP TRIGGER figures_stamp_answers_update")
    kept = kept_agreement(lead)
    assert kept is not None
    assert not kept.current
    assert not keep_agreement(lead, work_out_agreement(lead))  # no trusted stamp to keep


def test_the_report_round_trips_through_json_and_another_format_is_refused(
    lead: ServiceContext,
) -> None:
    report = agreement_report(lead)
    assert report.sections
    assert report.questions
    assert report_from_json(report_to_json(report)) == report
    with pytest.raises(ValueError, match="another version"):
        report_from_json('{"format": 99, "report": {}}')


def test_only_todays_report_is_kept(lead: ServiceContext) -> None:
    yesterday = ServiceContext(
        lead.db, lead.actor, clock=lambda: datetime(2026, 3, 1, 9, tzinfo=UTC)
    )
    today = ServiceContext(lead.db, lead.actor, clock=lambda: datetime(2026, 3, 2, 9, tzinfo=UTC))
    assert keep_agreement(yesterday, work_out_agreement(yesterday))
    assert keep_agreement(today, work_out_agreement(today))
    with lead.db.read() as session:
        keys = session.scalars(select(StoredBoardFigures.scope_key)).all()
    assert keys == ["2026-03-02 agreement across every moderated audit"]
