"""A hidden count pinned only by combining several sums with what "<5" says (1 to 4).

Regression: in the seed-1 demo's 2025/26 Board copy (300 audits as of 2026-11-20), the
"Setting visits" sheet had Mainstream's hidden part at 6 and All settings' at 8, linked by
the Not delivered and No evidence columns, which left Independent + Early years "Not
delivered" (both "<5") at 2: both 1, and Early years "Partly delivered" ("*") 6. No single
relation gives that away; the attacker's linear programme over the whole workbook does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from auditdesk.domain.periods import parse_period
from auditdesk.services.kernel._workspace import open_workspace
from auditdesk.services.reports._exports import export_board
from auditdesk.services.reports._scope import ReportScope
from tests.exports.conftest import demo_context
from tests.exports.published import workbook_attack

THRESHOLD = 5


@pytest.fixture(scope="module")
def seed_one(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from auditdesk.services.demo._generator import DemoOptions, generate_demo

    folder = tmp_path_factory.mktemp("seed-one")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITDESK_HOME", str(folder / "home"))
        database = open_workspace(folder / "demo.sqlite")
        try:
            generate_demo(database, DemoOptions(300, seed=1, as_of=date(2026, 11, 20)))
        finally:
            database.close()
    return folder / "demo.sqlite"


@pytest.mark.parametrize("period", ["2025/26", "Autumn 2025"])
def test_no_hidden_count_is_pinned_by_sums_and_bounds_together(
    seed_one: Path, tmp_path: Path, period: str
) -> None:
    xlsx, pdf = tmp_path / "board.xlsx", tmp_path / "board.pdf"
    with demo_context(seed_one) as ctx:
        export_board(
            ctx, ReportScope(parse_period(period), suppress_below=THRESHOLD), xlsx=xlsx, pdf=pdf
        )
    attack = workbook_attack(xlsx, THRESHOLD, parse_period(period))
    assert attack.bounds, "the demo should hide cells"
    worked_out = attack.solve()
    assert not attack.exposed, attack.exposed
    assert not worked_out, {key: int(value) for key, value in sorted(worked_out.items())}
