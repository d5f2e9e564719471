"""Demo phrases for the placement named in Section I and the personal budget in Section J."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, Fact, Phrases, say, weak

PLAN_WRITER = "Plan writer"
CASE_OFFICER = "SEN case officer"

PHRASES: dict[str, Phrases] = {
    # -- Sections I and J -------------------------------------------------------------------
    "i.placement_named": say(
        (
            "Section I of the final plan",
            "Section I and the consultation response from the setting",
        ),
        yes=(
            "Section I names the setting and its type, and the placement fits the provision.",
            "The school and its type are named, and it can deliver F.",
        ),
        partly=(
            weak(
                "The setting is named but its type is not stated.",
                EDU,
                PLAN_WRITER,
                "Add the type of setting to Section I",
            ),
            weak(
                "The named school cannot deliver the daily therapy in F, and I does not say "
                "how it will be met.",
                EDU,
                CASE_OFFICER,
                "Confirm with the school how the provision in F will be delivered",
            ),
        ),
        no=(
            weak(
                "Section I is blank on a final plan.",
                EDU,
                CASE_OFFICER,
                "Name the placement in Section I and reissue the plan",
            ),
            weak(
                "Section I names the previous school, which the child left in the summer.",
                EDU,
                CASE_OFFICER,
                "Update Section I to the current placement",
            ),
        ),
    ),
    "j.personal_budget_clear": say(
        (
            "Section J and the personal budget agreement",
            "Section J and the direct payment agreement on file",
        ),
        sought="Section J and the personal budget request on the case file",
        na="No personal budget was requested or agreed.",
        na_when=Fact.NO_PERSONAL_BUDGET,
        yes=(
            "J says what the budget covers, how much it is and that it is a direct payment.",
            "The personal budget is set out with its amount, use and management.",
        ),
        partly=(
            weak(
                "J names the budget and the amount but not what it will pay for.",
                EDU,
                CASE_OFFICER,
                "Add the provision the budget pays for to Section J",
            ),
            weak(
                "The amount is missing from Section J.",
                EDU,
                "Personal budgets officer",
                "State the amount of the personal budget in Section J",
            ),
        ),
        no=(
            weak(
                "A personal budget was agreed but Section J is empty.",
                EDU,
                "Personal budgets officer",
                "Complete Section J with the agreed personal budget",
            ),
            weak(
                "J says 'personal budget requested' a year after the request, with no decision.",
                EDU,
                "Personal budgets officer",
                "Decide the personal budget request and write to the family",
            ),
        ),
    ),
}
