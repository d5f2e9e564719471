"""What is true of one demo audit's plan, child or setting, drawn once so every answer
agrees with it: a question is rated N/A only when its guidance allows it and the fact
behind that holds, and questions that read differently under a fact get other words.
"""

from __future__ import annotations

import random

from auditdesk.domain.reference import PrimaryNeed
from auditdesk.services.demo._phrasebook.kit import Fact

# Needs that nearly always come with health needs in Section C (a condition, a sensory
# loss or a physical disability), so a plan for them never says "none".
HEALTH_NEEDS_LIKELY = frozenset(
    {
        PrimaryNeed.PD,
        PrimaryNeed.PMLD,
        PrimaryNeed.SLD,
        PrimaryNeed.HI,
        PrimaryNeed.VI,
        PrimaryNeed.MSI,
    }
)
# Needs whose plans nearly always include therapy that educates or trains (speech and
# language, occupational therapy or physiotherapy).
THERAPY_LIKELY = HEALTH_NEEDS_LIKELY | {PrimaryNeed.SLCN, PrimaryNeed.ASD}


def plan_facts(rng: random.Random, need: PrimaryNeed) -> frozenset[Fact]:
    """Facts of the plan an EHCP, annual review or PfA audit looks at."""
    facts: set[Fact] = set()
    if need not in HEALTH_NEEDS_LIKELY and rng.random() < 0.35:
        facts.add(Fact.NO_HEALTH_NEEDS)
    if rng.random() < 0.45:
        facts.add(Fact.NO_SOCIAL_CARE_NEEDS)
    if rng.random() < 0.85:
        facts.add(Fact.NO_PERSONAL_BUDGET)
    if need not in THERAPY_LIKELY and rng.random() < 0.4:
        facts.add(Fact.NO_THERAPY)
    # Adult care is unlikely for a young person with no social care needs, and for many
    # who have some (short breaks that end with school, for example).
    if Fact.NO_SOCIAL_CARE_NEEDS in facts or rng.random() < 0.4:
        facts.add(Fact.ADULT_CARE_UNLIKELY)
    return frozenset(facts)


def review_facts(rng: random.Random, level: float) -> frozenset[Fact]:
    """Facts of an annual review: the council keeps a plan unchanged only where the review
    found it working (the audit's quality level is Good or near it), so an unchanged plan
    rarely sits beside findings that it no longer fits the child."""
    if level >= 2.8 and rng.random() < 0.35:
        return frozenset({Fact.PLAN_UNCHANGED})
    return frozenset()


def setting_facts(rng: random.Random) -> frozenset[Fact]:
    """Facts of the setting a setting visit looks at."""
    return frozenset({Fact.NO_PART_TIME_TIMETABLE}) if rng.random() < 0.65 else frozenset()


def child_facts(rng: random.Random) -> frozenset[Fact]:
    """Facts of one child sampled on a setting visit."""
    facts: set[Fact] = set()
    if rng.random() < 0.06:
        facts.add(Fact.PLAN_TOO_NEW)
    if rng.random() < 0.1:
        facts.add(Fact.CHILD_DID_NOT_ANSWER)
    if rng.random() < 0.15:
        facts.add(Fact.PARENT_NOT_REACHED)
    return frozenset(facts)
