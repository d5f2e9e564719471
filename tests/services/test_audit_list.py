"""The audit list over a demo database: every filter narrows correctly, pages do not
overlap or skip, and sorting follows the users' order (grades best first)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from auditdesk.domain.grades import Grade
from auditdesk.domain.reference import Agency, AuditStatus, Phase, PrimaryNeed
from auditdesk.services.audits._listing import AuditFilter, count_audits, list_audits
from auditdesk.services.demo._generator import DemoOptions, generate_demo
from auditdesk.services.kernel._workspace import Database, open_workspace
from tests.reading import reader


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Path]]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database = open_workspace(path)
    generate_demo(database, DemoOptions(800, seed=11, as_of=date(2026, 11, 20)))
    yield database, path
    database.close()


def _sql_count(path: Path, where: str, *params: object) -> int:
    with sqlite3.connect(path) as connection:
        return int(
            connection.execute(f"SELECT count(*) FROM audits WHERE {where}", params).fetchone()[0]
        )


def test_every_filter_counts_what_sql_counts(demo: tuple[Database, Path]) -> None:
    db, path = demo
    assert count_audits(reader(db)) == 800
    cases = [
        (AuditFilter(statuses=(AuditStatus.DRAFT,)), "status = 'draft'"),
        (AuditFilter(template_ids=("setting-visit",)), "template_id = 'setting-visit'"),
        (AuditFilter(grades=(Grade.INADEQUATE,)), "final_grade = 'inadequate'"),
        (AuditFilter(phases=(Phase.KS3,)), "phase = 'ks3'"),
        (AuditFilter(primary_needs=(PrimaryNeed.ASD,)), "primary_need = 'ASD'"),
        (AuditFilter(localities=("Crewe",)), "locality = 'Crewe'"),
        (AuditFilter(date_from=date(2026, 9, 1)), "audit_date >= '2026-09-01'"),
        (
            AuditFilter(agencies=(Agency.HEALTH,)),
            "id IN (SELECT audit_id FROM audit_auditors WHERE agency = 'health')",
        ),
    ]
    for audit_filter, where in cases:
        expected = _sql_count(path, where)
        assert expected > 0, where
        assert count_audits(reader(db), audit_filter) == expected, where
        page = list_audits(reader(db), audit_filter, limit=50)
        assert page.total == expected


def test_filters_combine_and_text_search_finds_a_child(demo: tuple[Database, Path]) -> None:
    db, path = demo
    combined = AuditFilter(
        statuses=(AuditStatus.SIGNED_OFF,), grades=(Grade.GOOD, Grade.OUTSTANDING)
    )
    assert count_audits(reader(db), combined) == _sql_count(
        path, "status = 'signed_off' AND final_grade IN ('good', 'outstanding')"
    )
    with sqlite3.connect(path) as connection:
        child = connection.execute("SELECT reference FROM children LIMIT 1").fetchone()[0]
    found = list_audits(reader(db), AuditFilter(text=child.lower()))
    assert found.total >= 1
    assert all(row.child_reference == child or row.setting_name for row in found.items)
    assert list_audits(reader(db), AuditFilter(text="100%_no_such")).total == 0


def test_pages_are_contiguous_without_overlap(demo: tuple[Database, Path]) -> None:
    db, _ = demo
    seen: list[str] = []
    offset = 0
    while True:
        page = list_audits(
            reader(db), sort="final_grade", offset=offset, limit=97, with_total=False
        )
        if not page.items:
            break
        seen += [row.uuid for row in page.items]
        offset += len(page.items)
    assert len(seen) == len(set(seen)) == 800


def test_grades_sort_best_first_and_dates_newest_first(demo: tuple[Database, Path]) -> None:
    db, _ = demo
    by_grade = list_audits(reader(db), sort="final_grade", descending=True, limit=800).items
    points = [row.final_grade.points if row.final_grade else 0 for row in by_grade]
    assert points == sorted(points, reverse=True)
    by_date = list_audits(reader(db), limit=800).items
    dates = [row.audit_date for row in by_date]
    assert dates == sorted(dates, reverse=True)
    with pytest.raises(ValueError, match="cannot sort"):
        list_audits(reader(db), sort="password")
