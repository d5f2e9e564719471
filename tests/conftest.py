"""Shared fixtures: real database files in tmp_path, a profile, and helpers that make
audits the way a practice champion would."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests import made_once

# Qt must never look for a display in tests, and nothing may touch the real data folder.
# The offscreen screen is a common council laptop's, 1366x768 at 96 dpi (Qt's own default
# is 800x800), so windows are checked at a size people really have.
LAPTOP_SCREEN = Path(__file__).parent / "ui" / "laptop_screen.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={LAPTOP_SCREEN}")


def pytest_configure(config: pytest.Config) -> None:
    """With pytest-xdist, the files are handed out in the order of the collection below,
    not re-sorted by how many tests each holds: that sorting would leave the long walks,
    each a file of one test, to the very end, where one of them is all that runs."""
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Files with a slow test first (in the order collected), then the other files, most
    tests first: the longest work starts first and the short files fill in beside it, so
    the run ends when the work does. Each file's tests stay together and in their order."""
    files: dict[str, list[pytest.Item]] = {}
    for item in items:
        files.setdefault(item.nodeid.split("::", 1)[0], []).append(item)

    def longest_first(tests: list[pytest.Item]) -> tuple[bool, int]:
        if any(test.get_closest_marker("slow") for test in tests):
            return (False, 0)
        return (True, -len(tests))

    items[:] = [test for tests in sorted(files.values(), key=longest_first) for test in tests]


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("auditdesk-home")
    monkeypatch.setenv("AUDITDESK_HOME", str(home))
    return home


@pytest.fixture(scope="session", autouse=True)
def _made_once_folders(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Where the databases made once per run are kept (see tests/made_once.py)."""
    made_once.use_folders(tmp_path_factory)


@pytest.fixture(autouse=True)
def _no_unexpected_log_errors(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """An error in the log is a bug report: a test that did not ask for one fails."""
    yield
    if request.node.get_closest_marker("logs_errors"):
        return
    errors = [
        record
        for phase in ("setup", "call")
        for record in caplog.get_records(phase)  # type: ignore[arg-type]
        if record.levelno >= logging.ERROR
    ]
    assert not errors, "unexpected errors in the log: " + "; ".join(
        f"{r.name}: {r.getMessage()}" for r in errors
    )


from auditdesk.domain.reference import Agency, PlanStage, PrimaryNeed, Role  # noqa: E402
from auditdesk.services.audits import _editing as audits  # noqa: E402
from auditdesk.services.kernel._context import ServiceContext  # noqa: E402
from auditdesk.services.kernel._people import save_profile  # noqa: E402
from auditdesk.services.kernel._workspace import Database, open_workspace  # noqa: E402

FIXED_NOW = datetime(2026, 11, 20, 10, 30, tzinfo=UTC)
TODAY = date(2026, 11, 20)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "audits.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A new database: a copy of the one made once per run (tests/made_once.py), opened the
    way every database is opened."""
    database = open_workspace(made_once.new_database(db_path))
    yield database
    database.close()


@pytest.fixture
def ctx(db: Database) -> ServiceContext:
    """A practice champion from education, on a fixed clock (20 November 2026)."""
    actor = save_profile(db, "Sam Practice", Agency.EDUCATION, Role.PRACTICE_CHAMPION)
    return ServiceContext(db, actor, clock=lambda: FIXED_NOW)


@pytest.fixture
def lead_ctx(db: Database, ctx: ServiceContext) -> ServiceContext:
    """A quality lead on the same database (for moderation and sign-off)."""
    from auditdesk.services.kernel._context import Actor
    from auditdesk.services.kernel._people import add_auditor

    lead = add_auditor(ctx, "Quinn Lead", Agency.EDUCATION, Role.QUALITY_LEAD)
    return ServiceContext(
        db, Actor(lead.name, lead.agency, lead.role, lead.uuid), clock=lambda: FIXED_NOW
    )


def plan_subject(
    reference: str = "CE-10001",
    *,
    year_group: int = 5,
    stage: PlanStage = PlanStage.NEW_PLAN,
    need: PrimaryNeed = PrimaryNeed.ASD,
    locality: str = "Crewe",
) -> audits.ChildPlanSubject:
    return audits.ChildPlanSubject(
        child_reference=reference,
        year_group=year_group,
        primary_need=need,
        plan_stage=stage,
        locality=locality,
    )
