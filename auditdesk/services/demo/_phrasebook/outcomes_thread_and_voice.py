"""Demo phrases for the golden thread from needs through outcomes to provision, and the
voice of the child and family in the plan (co-production)."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, FAMILY, HEALTH, SOCIAL, Phrases, say, weak

PLAN_WRITER = "Plan writer"
CASE_OFFICER = "SEN case officer"
SEN_MANAGER = "SEN team manager"
FORUM = "Parent Carer Forum lead"

PHRASES: dict[str, Phrases] = {
    # -- golden thread ----------------------------------------------------------------------
    "gt.needs_have_outcomes": say(
        (
            "Needs in B, C and D mapped one by one to the outcomes in E",
            "Sections B to E of the final plan",
        ),
        yes=(
            "Every need in B, C and D has at least one outcome in E.",
            "Each need, including the health and social care needs, leads to an outcome.",
        ),
        partly=(
            weak(
                "The sensory need in B and the health need in C have no outcome.",
                EDU,
                PLAN_WRITER,
                "Add outcomes for the needs that have none",
            ),
            weak(
                "The social care need in D has no outcome.",
                SOCIAL,
                "Designated social care officer",
                "Agree an outcome for the social care need with the allocated worker",
            ),
        ),
        no=(
            weak(
                "Half the needs in B have no outcome, and C and D have none at all.",
                EDU,
                PLAN_WRITER,
                "Map every need to an outcome and redraft Section E",
            ),
            weak(
                "Outcomes and needs do not correspond at all.",
                EDU,
                CASE_OFFICER,
                "Redraft Section E from the needs in B, C and D",
            ),
        ),
    ),
    "gt.outcomes_have_provision": say(
        (
            "Outcomes in E mapped to the provision in F, G and H",
            "Sections E to H of the final plan",
        ),
        yes=(
            "Each outcome has provision that will help the child achieve it.",
            "Every outcome is supported by provision in F, with G and H where needed.",
        ),
        partly=(
            weak(
                "The outcome about managing emotions has no matching provision.",
                EDU,
                PLAN_WRITER,
                "Add provision in F for the outcome that has none",
            ),
            weak(
                "The independence outcome relies on social care support that H does not mention.",
                SOCIAL,
                "Designated social care officer",
                "Set out the social care provision for the independence outcome in H",
            ),
        ),
        no=(
            weak(
                "Three of the five outcomes have no provision behind them.",
                EDU,
                PLAN_WRITER,
                "Add provision for every outcome",
            ),
            weak(
                "Provision in F is a generic list unconnected to the outcomes.",
                EDU,
                CASE_OFFICER,
                "Rewrite F so each item supports a named outcome",
            ),
        ),
    ),
    "gt.nothing_orphaned": say(
        (
            "Provision in F, G and H traced back to the needs in B, C and D",
            "Sections B to H of the final plan",
        ),
        yes=(
            "Every provision item traces back to a need.",
            "All provision in F, G and H is explained by a need in B, C or D.",
        ),
        partly=(
            weak(
                "Occupational therapy appears in F but no motor or sensory need is in B.",
                EDU,
                PLAN_WRITER,
                "Add the motor need behind the therapy to Section B",
            ),
            weak(
                "A daily check-in with a mentor has no need recorded behind it.",
                EDU,
                PLAN_WRITER,
                "Record the need the mentoring meets, or remove it",
            ),
        ),
        no=(
            weak(
                "Several items of provision have no corresponding need, which points to needs "
                "missing from B.",
                EDU,
                CASE_OFFICER,
                "Review Section B against the advice and link each provision item to a need",
            ),
            weak(
                "Health provision in G relates to a condition not mentioned in C.",
                HEALTH,
                "Designated clinical officer",
                "Add the health need to Section C or correct Section G",
            ),
        ),
    ),
    "gt.coherent": say(
        (
            "The whole plan read end to end, Sections A to K",
            "The final plan, read as a parent or a new SENCO would",
        ),
        outstanding=(
            "The plan reads as one story: aspirations lead to needs, outcomes and provision, "
            "with education, health and care joined up.",
            "A new SENCO could follow the thread from what matters to the child to every "
            "item of provision.",
        ),
        good=(
            "The plan hangs together; needs, outcomes and provision line up.",
            "A reader can follow the golden thread through the plan.",
        ),
        requires_improvement=(
            weak(
                "The education sections join up, but health and social care read as separate "
                "reports.",
                EDU,
                PLAN_WRITER,
                "Link the health and social care sections to the outcomes and provision",
            ),
            weak(
                "The thread breaks between E and F: provision is unrelated to outcomes.",
                EDU,
                PLAN_WRITER,
                "Reorganise F under the outcomes it supports",
            ),
        ),
        inadequate=(
            weak(
                "The plan is a collection of reports with no thread from A to F.",
                EDU,
                SEN_MANAGER,
                "Rewrite the plan and use it in plan writers' practice sessions",
            ),
            weak(
                "Sections contradict each other: B describes one child and E another.",
                EDU,
                CASE_OFFICER,
                "Redraft the plan from the current advice",
            ),
        ),
    ),
    # -- voice and co-production ------------------------------------------------------------
    "voice.shaped_outcomes": say(
        (
            "Section A read against the outcomes in E and the provision in F",
            "Section A, Section E and the notes of the planning meeting",
        ),
        outstanding=(
            "What the child and family said mattered is visible in the outcomes, and a "
            "request that was refused is explained.",
            "The family's wish for help with mornings led to an outcome and matching provision.",
        ),
        good=(
            "The child's and family's views have shaped the outcomes.",
            "Outcomes reflect what the family said mattered most.",
        ),
        requires_improvement=(
            weak(
                "The family asked for help with friendships; nothing in E or F responds.",
                EDU,
                PLAN_WRITER,
                "Respond to the family's request in E and F or explain why not",
            ),
            weak(
                "Views are recorded in A but play no visible part in the outcomes.",
                EDU,
                PLAN_WRITER,
                "Show in Section E how the views in A were used",
            ),
        ),
        inadequate=(
            weak(
                "A parental request for a reduced timetable review was ignored with no reason "
                "given.",
                EDU,
                CASE_OFFICER,
                "Write to the family explaining the decision and review the request",
            ),
            weak(
                "There is no trace of the child's or family's views anywhere after Section A.",
                FAMILY,
                FORUM,
                "Share co-production practice with the plan writers at the next team meeting",
            ),
        ),
    ),
    "voice.coproduced": say(
        (
            "Case file notes of the planning meeting and the family's comments on the draft",
            "Draft plan, the family's response and the letter answering it",
        ),
        sought=(
            "Case file searched for planning meeting notes and the family's comments on the draft"
        ),
        outstanding=(
            "The family helped write the draft, commented on it, and each comment was acted "
            "on or answered.",
            "The plan was built with the family at a planning meeting, and their changes to "
            "the draft were all taken in.",
        ),
        good=(
            "The family attended the planning meeting and saw the draft before it was final.",
            "Co-produced: the family commented on the draft and the plan changed as a result.",
        ),
        requires_improvement=(
            weak(
                "The family saw the draft, but there is no record of their comments being "
                "answered.",
                EDU,
                CASE_OFFICER,
                "Reply to the family's comments on the draft and record the reply",
            ),
            weak(
                "The family were consulted only at the end, once the draft was written.",
                EDU,
                SEN_MANAGER,
                "Offer families a planning conversation before the draft is written",
            ),
        ),
        inadequate=(
            weak(
                "There is no evidence the family were involved at all.",
                EDU,
                SEN_MANAGER,
                "Meet the family and review the plan with them",
            ),
            weak(
                "The family's comments on the draft were received after the plan was issued "
                "and never looked at.",
                EDU,
                CASE_OFFICER,
                "Consider the family's comments and amend the plan",
            ),
        ),
    ),
    "voice.accessible": say(
        (
            "The final plan and the child's accessible version",
            "The plan, read for plain English and acronyms",
        ),
        sought="The plan, read for plain English, and the file checked for an accessible version",
        yes=(
            "Plain English throughout, with a symbol version for the child.",
            "Short sentences and every acronym explained; a family could use it to check support.",
        ),
        partly=(
            weak(
                "Mostly plain English, but Sections B and F are full of unexplained acronyms.",
                EDU,
                PLAN_WRITER,
                "Explain or remove the acronyms in B and F",
            ),
            weak(
                "There is no accessible version for a child who uses symbols.",
                EDU,
                "SENCO",
                "Make a symbol version of the plan with the child",
            ),
        ),
        no=(
            weak(
                "The plan is written in professional language the family said they could not "
                "follow.",
                EDU,
                SEN_MANAGER,
                "Rewrite the plan in plain English",
            ),
            weak(
                "Long extracts from clinical reports make the plan unreadable for the family.",
                EDU,
                PLAN_WRITER,
                "Summarise the report extracts in plain language",
            ),
        ),
    ),
    "voice.young_person_direct": say(
        (
            "Section A, the review paperwork and the young person's signed contribution",
            "Notes of the meeting with the young person and Section A",
        ),
        sought=(
            "Section A and the case file contacts, checked for the young person's own part "
            "in decisions"
        ),
        yes=(
            "The young person met the case officer on their own and signed off their section.",
            "The young person took part directly, with an advocate, and their decisions are "
            "recorded.",
        ),
        partly=(
            weak(
                "The young person was asked for views, but decisions were agreed with the "
                "parents alone.",
                EDU,
                "Post-16 SEN officer",
                "Meet the young person directly to confirm the decisions in the plan",
            ),
            weak(
                "There is no record of the young person's capacity being considered, though "
                "their parents decided for them.",
                SOCIAL,
                "Transitions social worker",
                "Consider the young person's capacity and involve them in decisions",
            ),
        ),
        no=(
            weak(
                "The young person was not involved; all contact was with the parents.",
                EDU,
                "Post-16 SEN officer",
                "Involve the young person directly and record their decisions",
            ),
            weak(
                "Letters are still addressed only to the parents of a 17-year-old.",
                EDU,
                CASE_OFFICER,
                "Write to the young person directly and ask how they want parents involved",
            ),
        ),
    ),
}
