"""An auditor's laptop and the quality lead's, each its own database file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from auditdesk.domain.reference import Agency, Role
from tests.bundles.helpers import Laptop, open_laptop


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
