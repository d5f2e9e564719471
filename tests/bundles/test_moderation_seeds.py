"""A moderation sample travels whatever its seed: the seed the window's draw picks (none
given), and one given at either end of the range the services and the bundle format share.

The fault this guards against: the window's draw picked a seed up to 2**31 while bundles
allowed 10**9, so about half the laptops that drew a sample could send nothing again.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from auditdesk.domain import limits
from auditdesk.domain.bundle_documents import SampleDocument
from auditdesk.errors import InvalidInput
from auditdesk.services import moderation
from auditdesk.services.audits import _editing as audits
from auditdesk.services.audits import _lifecycle as audit_lifecycle
from auditdesk.services.bundles import ChosenAudits, ItemStatus
from tests.bundles.helpers import Laptop, install_quick_check
from tests.conftest import plan_subject

SAMPLES = 12  # draws, each with its own random seed


def quick_audits(laptop: Laptop, count: int) -> list[str]:
    install_quick_check(laptop)
    made = []
    for number in range(count):
        detail = audits.create_audit(
            laptop.ctx, template_id="quick-check", subject=plan_subject(f"CE-{10001 + number}")
        )
        for question in ("q.outcomes", "q.provision"):
            audits.record_answer(laptop.ctx, detail.uuid, question, rating="good")
        made.append(audit_lifecycle.complete_audit(laptop.ctx, detail.uuid).uuid)
    return made


def test_samples_drawn_as_the_window_draws_them_always_travel(
    auditor: Laptop, lead: Laptop
) -> None:
    """Each draw without a seed takes one audit (at least one per template and grade), so
    a dozen draws give a dozen random seeds; with the old range about half were refused,
    so all twelve travelling by chance would happen once in some ten thousand runs."""
    made = quick_audits(auditor, SAMPLES)
    for _ in range(SAMPLES):
        moderation.draw_sample(auditor.ctx, percentage=1)
    with closing(sqlite3.connect(auditor.path)) as connection:
        seeds = [seed for (seed,) in connection.execute("SELECT seed FROM moderation_samples")]
    assert len(seeds) == SAMPLES
    assert all(limits.FIRST_SEED <= seed <= limits.LAST_SEED for seed in seeds)
    result = lead.receive(auditor.send(ChosenAudits(tuple(made)), "moderated"))
    assert len(result.preview.of(ItemStatus.NEW, "moderation_sample")) == SAMPLES


@pytest.mark.parametrize("seed", [limits.FIRST_SEED, limits.LAST_SEED])
def test_a_sample_with_a_seed_at_either_end_travels(
    auditor: Laptop, lead: Laptop, seed: int
) -> None:
    made = quick_audits(auditor, 1)
    moderation.draw_sample(auditor.ctx, percentage=100, seed=seed)
    result = lead.receive(auditor.send(ChosenAudits(tuple(made)), "moderated"))
    assert len(result.preview.of(ItemStatus.NEW, "moderation_sample")) == 1
    with closing(sqlite3.connect(lead.path)) as connection:
        assert connection.execute("SELECT seed FROM moderation_samples").fetchall() == [(seed,)]


@pytest.mark.parametrize("seed", [limits.FIRST_SEED - 1, limits.LAST_SEED + 1, 2**63, True])
def test_a_seed_outside_the_shared_range_is_refused_plainly(auditor: Laptop, seed: int) -> None:
    quick_audits(auditor, 1)
    with pytest.raises(InvalidInput) as refused:
        moderation.draw_sample(auditor.ctx, percentage=100, seed=seed)
    assert str(refused.value) == (
        f"The sample's seed must be a whole number from 0 to 2,147,483,647; {seed!r} is not."
    )


def test_the_services_and_the_bundle_format_share_one_seed_range() -> None:
    bounds = {
        type(rule).__name__: getattr(rule, type(rule).__name__.lower())
        for rule in SampleDocument.model_fields["seed"].metadata
        if type(rule).__name__ in ("Ge", "Le")
    }
    assert bounds == {"Ge": limits.FIRST_SEED, "Le": limits.LAST_SEED}
    # What random.SystemRandom().randrange(2**31) (the old draw) could give, exactly.
    assert (limits.FIRST_SEED, limits.LAST_SEED) == (0, 2**31 - 1)
