"""The exchange model's random examples, seven more of the 20 a run (see
test_exchange_model.py; the machine: tests/bundles/exchange_machine.py), in a file of their
own so a parallel run spreads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bundles.exchange_machine import make_blank_databases, run_examples


@pytest.fixture(scope="module")
def blank_databases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_blank_databases(tmp_path_factory.mktemp("blank"))


@pytest.mark.slow
def test_three_auditors_and_a_quality_lead(blank_databases: dict[str, Path]) -> None:
    run_examples(blank_databases, examples=7)
