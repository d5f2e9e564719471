"""The shape shared by the four "threaded through needs, outcomes and provision" questions of
preparing for adulthood (employment, independent living, community, good health)."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, HEALTH, Phrases, say, weak

PLAN_WRITER = "Plan writer"
DCO = "Designated clinical officer"


def pfa_thread(area: str, example: str, provision: str, agency_owner: str) -> Phrases:
    """The four "threaded through needs, outcomes and provision" questions share a shape;
    only the area, an example and the usual provision differ."""
    agency = HEALTH if agency_owner == DCO else EDU
    return say(
        (
            f"Sections B, E and F, each read for {area}",
            f"Needs, outcomes and provision in the plan, traced for {area}",
        ),
        outstanding=(
            f"The thread for {area} runs through the plan: a need in B, a SMART outcome in E "
            f"and {provision} in F, all from the young person's own wishes.",
            f"The thread for {area} is complete, for example {example}.",
        ),
        good=(
            f"Needs, outcomes and provision all cover {area}.",
            f"There is a need, an outcome and provision for {area}.",
        ),
        requires_improvement=(
            weak(
                f"There is an outcome for {area}, but no provision in F to reach it.",
                agency,
                agency_owner,
                f"Add {provision} to Section F for the {area} outcome",
            ),
            weak(
                f"A mentions {area}, but there is no need or outcome for it.",
                EDU,
                PLAN_WRITER,
                f"Add a need and an outcome for {area}",
            ),
        ),
        inadequate=(
            weak(
                f"Nothing in the needs, outcomes or provision covers {area}.",
                agency,
                agency_owner,
                f"Thread {area} through Sections B, E and F at the next review",
            ),
            weak(
                f"PfA is one paragraph at the end of the plan, with nothing after it on {area}.",
                EDU,
                PLAN_WRITER,
                f"Rewrite the PfA paragraph as needs, outcomes and provision for {area}",
            ),
        ),
    )
