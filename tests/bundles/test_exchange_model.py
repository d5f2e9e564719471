"""Three auditors and a quality lead, driven by hypothesis in any order against a simple
reference model of what the lead should hold (the machine and what it checks:
tests/bundles/exchange_machine.py), and the sequence the model once found, replayed.

The machine runs 20 random examples a run in all, in three files (this one and
``test_exchange_model_more_rounds.py``, ``test_exchange_model_last_rounds.py``), so a
parallel run spreads them: each file draws its own random examples, as one test of 20
examples would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditdesk.domain.reference import ActionStatus
from tests.bundles.exchange_machine import Exchange, make_blank_databases, run_examples


@pytest.fixture(scope="module")
def blank_databases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_blank_databases(tmp_path_factory.mktemp("blank"))


@pytest.mark.slow
def test_three_auditors_and_a_quality_lead(blank_databases: dict[str, Path]) -> None:
    run_examples(blank_databases, examples=7)


class Scripted:
    """Stands in for hypothesis's ``data()`` in a replay: each draw is the next value."""

    def __init__(self, *values: object) -> None:
        self.values = list(values)

    def draw(self, strategy: object, label: object = None) -> object:
        return self.values.pop(0)


def test_an_action_back_where_it_started_ends_the_same_in_any_order(
    blank_databases: dict[str, Path],
) -> None:
    """The sequence the model found (kept here: a fresh clone has no example database). An
    action open, sent; in progress (twice), sent; open again, sent: the lead that imported
    the bundles oldest first and one that imported them newest first must hold the same."""
    Exchange.blank = blank_databases

    # Run under hypothesis, once, only because the rules record events for its statistics.
    @settings(max_examples=1, database=None, deadline=None)
    @given(st.none())
    def replay(_: None) -> None:
        state = Exchange()
        try:
            _replay(state)
        finally:
            state.teardown()

    replay()


def _replay(state: Exchange) -> None:
    data = Scripted  # each step's draws, in the order the rule makes them
    state.laptops()
    state.create(who=0, child="CE-20003")
    audit = state.audits[0][0]
    steps = [
        lambda: state.send_and_import(data(0)),
        lambda: state.add_action(data(0, audit)),
        lambda: state.send_and_import(data(0)),
        *[
            lambda status=status: state.change_action(
                data(0, state.actions[0][0]),
                status,
            )
            for status in (ActionStatus.IN_PROGRESS, ActionStatus.IN_PROGRESS)
        ],
        lambda: state.send_and_import(data(0)),
        lambda: state.create(who=1, child="CE-20001"),
        lambda: state.create(who=0, child="CE-20001"),
        lambda: state.change_action(
            data(0, state.actions[0][0]),
            ActionStatus.OPEN,
        ),
        lambda: state.send_and_import(data(0)),
        state.same_result_in_another_order,
    ]
    for step in steps:
        step()
        state.the_lead_holds_what_the_model_says()
        state.nothing_accepted_is_lost_and_everything_has_provenance()
    assert state.replays == 1
