"""Demo phrases for Section E outcomes: SMART, about the child rather than a service,
linked to aspirations, with steps towards them, and looking ahead to adulthood."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, HEALTH, Phrases, say, weak

PLAN_WRITER = "Plan writer"
CASE_OFFICER = "SEN case officer"
SEN_MANAGER = "SEN team manager"

PHRASES: dict[str, Phrases] = {
    # -- Section E --------------------------------------------------------------------------
    "e.outcomes_smart": say(
        (
            "Section E outcomes and their steps, read against the baseline in Section B",
            "Section E of the final plan and the notes of the outcomes meeting",
        ),
        outstanding=(
            "Every outcome says what the child will do, how it will be measured and by "
            "when, for example asking an adult for help with a symbol card by July.",
            "Outcomes are specific, measurable and dated, and each is ambitious for this child.",
        ),
        good=(
            "Outcomes are specific and measurable, each with a date for review.",
            "The outcomes are SMART; one could be more ambitious, but all can be measured.",
        ),
        requires_improvement=(
            weak(
                "Two of the four outcomes are not time-bound and 'improve communication' "
                "cannot be measured.",
                EDU,
                PLAN_WRITER,
                "Rewrite the outcomes in Section E with a measure and a date for each",
            ),
            weak(
                "Outcomes have dates, but 'to be more independent' and 'to make progress in "
                "reading' say nothing measurable.",
                EDU,
                PLAN_WRITER,
                "Add a measure to each outcome in Section E, using the baseline in B",
            ),
        ),
        inadequate=(
            weak(
                "None of the outcomes is SMART: they are aims such as 'to develop social "
                "skills', with no measure or date.",
                EDU,
                SEN_MANAGER,
                "Rewrite Section E and include the plan writer in SMART outcomes training",
            ),
            weak(
                "The outcomes are copied from the last plan, still dated for last year.",
                EDU,
                PLAN_WRITER,
                "Set new outcomes with the family and setting at an early review",
            ),
        ),
    ),
    "e.outcome_not_service": say(
        (
            "Section E, each outcome checked against the provision in F, G and H",
            "Section E of the final plan",
        ),
        yes=(
            "Every outcome describes a change for the child, such as travelling to college "
            "by bus on their own.",
            "All outcomes are about what the child will achieve; the support sits in F.",
        ),
        partly=(
            weak(
                "One outcome reads 'to receive speech and language therapy', which is provision.",
                EDU,
                PLAN_WRITER,
                "Replace the service outcome with the difference the therapy should make",
            ),
            weak(
                "'5 hours of TA support a week' is written as an outcome.",
                EDU,
                PLAN_WRITER,
                "Move the TA hours to Section F and write the outcome they support",
            ),
        ),
        no=(
            weak(
                "Most outcomes are services: 'to attend a social skills group', 'to have "
                "access to a quiet space'.",
                EDU,
                PLAN_WRITER,
                "Rewrite Section E as outcomes for the child and move the services to F",
            ),
            weak(
                "Every outcome names an input (therapy, TA time) rather than a result.",
                EDU,
                SEN_MANAGER,
                "Rewrite Section E and add outcome writing to the plan writers' training",
            ),
        ),
    ),
    "e.linked_to_aspirations": say(
        (
            "Section E read against the aspirations in A and the needs in B, C and D",
            "Sections A to E of the final plan",
        ),
        outstanding=(
            "Each outcome traces back to an aspiration in A and a need in B, C or D, "
            "including the health and social care needs.",
            "The outcomes grow from what the child wants, such as joining the football club, "
            "and cover every area of need.",
        ),
        good=(
            "Outcomes follow from the needs and reflect the aspirations in Section A.",
            "Each outcome links to a need, and most link to the child's own hopes.",
        ),
        requires_improvement=(
            weak(
                "Outcomes cover learning needs only; the health and social care needs have none.",
                HEALTH,
                "Designated clinical officer",
                "Agree outcomes for the health needs in C with the health professionals",
            ),
            weak(
                "The aspirations in A (to cook, to have friends) are not picked up in any outcome.",
                EDU,
                PLAN_WRITER,
                "Add outcomes that follow from the child's aspirations",
            ),
        ),
        inadequate=(
            weak(
                "The outcomes bear no relation to Section A or to the needs in B.",
                EDU,
                CASE_OFFICER,
                "Redraft Section E from the needs and aspirations with the family",
            ),
            weak(
                "Outcomes are generic targets that could belong to any child.",
                EDU,
                PLAN_WRITER,
                "Rewrite the outcomes from this child's needs and aspirations",
            ),
        ),
    ),
    "e.steps_towards": say(
        (
            "Section E outcomes and the steps set under each",
            "Section E and the setting's target sheet for the year",
        ),
        outstanding=(
            "Each outcome has termly steps, measured the same way, so the review can see at "
            "once whether the child is on track.",
            "Steps for the coming year are set for every outcome, with the evidence that "
            "will show each has been met.",
        ),
        good=(
            "Every longer-term outcome has steps for the coming year.",
            "Steps towards each outcome show what progress should look like by the review.",
        ),
        requires_improvement=(
            weak(
                "Steps are given for two outcomes out of five.",
                EDU,
                PLAN_WRITER,
                "Add steps for the coming year to every outcome",
            ),
            weak(
                "The steps repeat the outcome wording, so there is nothing to measure in the "
                "meantime.",
                EDU,
                PLAN_WRITER,
                "Write interim steps that can be checked at the annual review",
            ),
        ),
        inadequate=(
            weak(
                "There are no steps towards any outcome.",
                EDU,
                PLAN_WRITER,
                "Add measurable steps to each outcome in Section E",
            ),
            weak(
                "Long-term outcomes for the end of the key stage have no interim steps at all.",
                EDU,
                "SENCO",
                "Agree yearly steps for each outcome at the next review",
            ),
        ),
    ),
    "e.pfa_outcomes": say(
        (
            "Section E outcomes, checked for the four preparing-for-adulthood areas",
            "Section E and the young person's aspirations for adult life in Section A",
        ),
        outstanding=(
            "Outcomes cover work, independent living, friends and health, each tied to what "
            "the young person wants and each SMART.",
            "PfA outcomes run through Section E, such as travelling to college alone by "
            "Easter, and are measurable.",
        ),
        good=(
            "There are preparing-for-adulthood outcomes for employment and independent "
            "living, both SMART.",
            "Section E includes PfA outcomes that fit the young person's aspirations.",
        ),
        requires_improvement=(
            weak(
                "There is one PfA outcome, about college, and nothing on independent living or "
                "friendships.",
                EDU,
                PLAN_WRITER,
                "Add outcomes for the other preparing-for-adulthood areas",
            ),
            weak(
                "PfA outcomes are present but have no dates.",
                EDU,
                PLAN_WRITER,
                "Make the preparing-for-adulthood outcomes time-bound",
            ),
        ),
        inadequate=(
            weak(
                "The young person is past Year 9, but the plan has no preparing-for-adulthood "
                "outcomes at all.",
                EDU,
                "Post-16 SEN officer",
                "Hold a PfA-focused review and add outcomes for all four areas",
            ),
            weak(
                "PfA is one paragraph in Section A with no outcomes in E.",
                EDU,
                PLAN_WRITER,
                "Turn the PfA paragraph into SMART outcomes in Section E",
            ),
        ),
    ),
}
