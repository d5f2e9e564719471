"""An auditor's laptop and the quality lead's, each its own database file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from auditdesk.domain.reference import Agency, Role
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.kernel._context import ServiceContext
from tests.bundles.fuzzed_imports import World, make_world
from tests.bundles.helpers import Laptop, install_quick_check, open_laptop
from tests.bundles.travelling import BlankLaptops, make_blank_laptops
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


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    """Real bundles to mutate, made once per fuzzing file (tests/bundles/fuzzed_imports.py)."""
    return make_world(tmp_path_factory.mktemp("fuzzed"))


@pytest.fixture(scope="module")
def travelling_blank(tmp_path_factory: pytest.TempPathFactory) -> BlankLaptops:
    """A sender's and a receiver's empty databases, made once per file and copied for every
    example (tests/bundles/travelling.py)."""
    return make_blank_laptops(tmp_path_factory.mktemp("blank"))


@pytest.fixture
def laptops(
    travelling_blank: BlankLaptops, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    """Opens a pair of laptops per example, and closes every pair at the end."""
    opened: list[ServiceContext] = []

    def open_pair(name: str, agency: Agency) -> tuple[ServiceContext, ServiceContext]:
        pair = travelling_blank.open(tmp_path_factory.mktemp("laptops") / "pair", name, agency)
        opened.extend(pair)
        return pair

    yield open_pair
    for ctx in opened:
        ctx.db.close()
