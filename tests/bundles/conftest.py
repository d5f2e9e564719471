"""An auditor's laptop and the quality lead's, each its own database file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from auditdesk.domain.reference import Agency, Role
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from tests.bundles.helpers import Laptop, install_quick_check, open_laptop
from tests.conftest import plan_subject


@pytest.fixture
def auditor(tmp_path: Path) -> Iterator[Laptop]:
    laptop = open_laptop(tmp_path / "auditor", "Sam Practice")
    yield laptop
    laptop.close()


@pytest.fixture
def lead(tmp_path: Path) -> Iterator[Laptop]:
    laptop = open_laptop(tmp_path / "lead", "Quinn Lead", role=Role.QUALITY_LEAD)
    yield laptop
    laptop.close()


@pytest.fixture
def health_auditor(tmp_path: Path) -> Iterator[Laptop]:
    laptop = open_laptop(tmp_path / "health", "Morgan Health", agency=Agency.HEALTH)
    yield laptop
    laptop.close()


@pytest.fixture(scope="module")
def genuine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A real bundle: one completed quick-check audit (a template the lead lacks)."""
    folder = tmp_path_factory.mktemp("genuine")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDITDESK_HOME", str(folder / "home"))
        laptop = open_laptop(folder, "Sam Practice")
        try:
            install_quick_check(laptop)
            detail = audits.create_audit(
                laptop.ctx, template_id="quick-check", subject=plan_subject("CE-10001")
            )
            for question in ("q.outcomes", "q.provision"):
                audits.record_answer(laptop.ctx, detail.uuid, question, rating="good")
            audit_lifecycle.complete_audit(laptop.ctx, detail.uuid)
            yield laptop.send_audits(detail.uuid, name="genuine")
        finally:
            laptop.close()
