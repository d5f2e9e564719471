"""Demo phrases for preparing for adulthood: transition and destinations, health and
social care transition, and the young person's voice."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, HEALTH, SOCIAL, Fact, Phrases, say, weak

PLAN_WRITER = "Plan writer"
POST16 = "Post-16 SEN officer"
CAREERS = "Careers adviser"
DCO = "Designated clinical officer"
TRANSITIONS = "Transitions social worker"

PHRASES: dict[str, Phrases] = {
    # -- transition and destinations --------------------------------------------------------
    "pfa.transition_planning": say(
        (
            "Review minutes, careers guidance notes and the transition plan",
            "Transition plan and the consultation with the next setting",
        ),
        sought=(
            "Review minutes and the case file, searched for a transition plan and careers guidance"
        ),
        outstanding=(
            "Options were explored a year ahead with independent careers advice, and the "
            "plan names the next step and how to get there.",
            "A clear transition timetable, with visits, taster days and the amended plan "
            "due by 31 March.",
        ),
        good=(
            "There is a timely plan for the next move, with the next step named.",
            "Transition was planned with the young person and family in good time.",
        ),
        requires_improvement=(
            weak(
                "The next step is named, but there is no plan for how to get there.",
                EDU,
                POST16,
                "Write a transition plan with dates and actions",
            ),
            weak(
                "Careers advice came only months before the move, too late to explore options.",
                EDU,
                CAREERS,
                "Give independent careers advice from Year 9",
            ),
        ),
        inadequate=(
            weak(
                "There is no transition plan for a move due this summer.",
                EDU,
                POST16,
                "Agree a transition plan at an early review",
            ),
            weak(
                "Options were never discussed with the young person.",
                EDU,
                CAREERS,
                "Arrange careers guidance and visits to post-16 options",
            ),
        ),
    ),
    "pfa.post16_destination": say(
        (
            "Section I, the consultation response and the young person's views on options",
            "Post-16 options discussed at the review and the college's reply",
        ),
        sought="Review minutes and Section I, read for a post-16 destination",
        outstanding=(
            "The chosen college course leads to the young person's goal of working in "
            "catering; they visited twice and chose it.",
            "A supported programme that fits the aspirations, agreed by the young person "
            "after a taster week.",
        ),
        good=(
            "A suitable post-16 destination is identified and fits the aspirations.",
            "The young person has visited and agreed the chosen college.",
        ),
        requires_improvement=(
            weak(
                "A destination is named, but the young person has not visited it.",
                EDU,
                POST16,
                "Arrange a visit to the chosen setting",
            ),
            weak(
                "The course chosen does not lead towards the young person's stated goal.",
                EDU,
                CAREERS,
                "Review post-16 options against the young person's aspirations",
            ),
        ),
        inadequate=(
            weak(
                "There is no post-16 destination, although the move is at most two years away.",
                EDU,
                POST16,
                "Identify a post-16 destination with the young person",
            ),
            weak(
                "The destination was chosen by the school without the young person.",
                EDU,
                POST16,
                "Meet the young person to agree the destination",
            ),
        ),
    ),
    "pfa.post19_destination": say(
        (
            "Review minutes and Section E, read for plans after 19",
            "The plan's outcomes and the post-19 options discussed",
        ),
        outstanding=(
            "The route after 19 is set out (supported employment), with a planned end to the "
            "plan once the outcomes are met.",
            "The plan sets out whether more education is needed and what follows, with dates.",
        ),
        good=(
            "The plan looks ahead to life after 19 and whether the plan continues.",
            "Post-19 options are identified with the young person.",
        ),
        requires_improvement=(
            weak(
                "Post-19 is mentioned, but there is nothing on whether the plan continues.",
                EDU,
                POST16,
                "Decide and record whether further education is needed after 19",
            ),
            weak(
                "Options after 19 are listed but none is agreed.",
                EDU,
                POST16,
                "Agree a post-19 route with the young person",
            ),
        ),
        inadequate=(
            weak(
                "There is no thought of what happens after 19.",
                EDU,
                POST16,
                "Plan the route after 19 at the next review",
            ),
            weak(
                "The plan may end in July with nothing planned.",
                EDU,
                "SEN team manager",
                "Agree post-19 arrangements before the plan ends",
            ),
        ),
    ),
    # -- health transition ------------------------------------------------------------------
    "pfa.health_transition_planned": say(
        (
            "Section G, the health transition plan and clinic letters",
            "Health advice in K and the paediatric transition letter",
        ),
        sought="Section G and the clinic letters, read for health transition planning",
        na="The young person needs no ongoing health services.",
        na_when=Fact.NO_HEALTH_NEEDS,
        outstanding=(
            "Health transition planning began in Year 9, with a lead professional and the "
            "young person learning to manage their own appointments.",
            "The move to adult services is planned service by service, with dates.",
        ),
        good=(
            "The move to adult health services is being planned, with a lead named.",
            "Health transition is planned, with the services involved identified.",
        ),
        requires_improvement=(
            weak(
                "Transition is mentioned, but no lead professional is named.",
                HEALTH,
                DCO,
                "Name a lead professional for health transition",
            ),
            weak(
                "Planning started well after Year 9, later than recommended.",
                HEALTH,
                "Community paediatrician",
                "Start health transition planning from Year 9",
            ),
        ),
        inadequate=(
            weak(
                "There is no health transition planning for a 17-year-old with complex needs.",
                HEALTH,
                DCO,
                "Start health transition planning now with the paediatrician",
            ),
            weak(
                "Children's services will end at 18 with nothing arranged.",
                HEALTH,
                DCO,
                "Refer to adult health services before the 18th birthday",
            ),
        ),
    ),
    "pfa.health_adult_services": say(
        (
            "Referral letters to adult services and the health transition plan",
            "Clinic letters and the adult learning disability team's reply",
        ),
        sought=(
            "Clinic letters and the health transition notes, checked for referrals to adult "
            "services"
        ),
        na="The young person will need no adult health services.",
        na_when=Fact.NO_HEALTH_NEEDS,
        yes=(
            "The adult learning disability team has met the young person and taken a referral.",
            "Adult services are named and involved ahead of the move.",
        ),
        partly=(
            weak(
                "Adult services are named but have not had a referral.",
                HEALTH,
                DCO,
                "Send the referral to adult services",
            ),
            weak(
                "Adult mental health services have the referral but have not met the young person.",
                HEALTH,
                "CAMHS lead",
                "Arrange a joint appointment with adult mental health services",
            ),
        ),
        no=(
            weak(
                "No adult services have been identified, six months before the move.",
                HEALTH,
                DCO,
                "Identify and refer to the adult services needed",
            ),
            weak(
                "The referral to adult services was never made.",
                HEALTH,
                "Community paediatrician",
                "Refer to adult services now",
            ),
        ),
    ),
    # -- social care transition -------------------------------------------------------------
    "pfa.social_care_transition_plan": say(
        (
            "Sections D and H and the transitions team's notes",
            "Section D, Section H2 and the adult social care referral",
        ),
        sought="Sections D and H, checked for planning with adult social care",
        na="The young person has no social care needs.",
        na_when=Fact.NO_SOCIAL_CARE_NEEDS,
        outstanding=(
            "Children's and adult social care are working together, and D and H look ahead "
            "to support after 18, including for the family as carers.",
            "Adult social care has met the family, and H2 sets out the planned support.",
        ),
        good=(
            "The plan considers the young person's social care needs as an adult.",
            "D and H look ahead to support after 18.",
        ),
        requires_improvement=(
            weak(
                "Adult social care is mentioned but not yet involved.",
                SOCIAL,
                TRANSITIONS,
                "Refer to the transitions team",
            ),
            weak(
                "Support for the family as carers after 18 is not considered.",
                SOCIAL,
                TRANSITIONS,
                "Offer a carer's assessment for the move to adult services",
            ),
        ),
        inadequate=(
            weak(
                "There is nothing about adult social care for a young person with a care package.",
                SOCIAL,
                "Designated social care officer",
                "Start transition planning with adult social care",
            ),
            weak(
                "Short breaks end at 18 and nothing is planned to follow.",
                SOCIAL,
                TRANSITIONS,
                "Plan the support that will follow short breaks",
            ),
        ),
    ),
    "pfa.care_act_assessment": say(
        (
            "Care Act transition assessment on file and Section H2",
            "The transitions team's records and the referral date",
        ),
        sought="The transitions team's records, searched for a Care Act assessment or request",
        na="Adult care and support is not likely to be needed.",
        na_when=Fact.ADULT_CARE_UNLIKELY,
        yes=(
            "A Care Act transition assessment was completed at 17 and is reflected in H2.",
            "The assessment was requested in Year 12 and is booked.",
        ),
        partly=(
            weak(
                "The assessment was requested, but at 17 and a half, leaving little time.",
                SOCIAL,
                TRANSITIONS,
                "Complete the Care Act assessment before the 18th birthday",
            ),
            weak(
                "The assessment was completed but H2 has not been updated.",
                SOCIAL,
                TRANSITIONS,
                "Update H2 from the Care Act assessment",
            ),
        ),
        no=(
            weak(
                "No Care Act assessment has been requested for a young person who will need "
                "adult care.",
                SOCIAL,
                TRANSITIONS,
                "Request a Care Act transition assessment",
            ),
            weak(
                "The request was lost when the allocated worker left.",
                SOCIAL,
                "Designated social care officer",
                "Re-submit the Care Act assessment request",
            ),
        ),
    ),
    # -- the young person's voice -----------------------------------------------------------
    "pfa.young_person_voice": say(
        (
            "Section A, the review paperwork and the young person's own contribution",
            "Section A and notes of the young person's meeting with an advocate",
        ),
        outstanding=(
            "The young person's own words about adult life appear in A and shape the "
            "outcomes; an advocate helped them take part.",
            "The young person presented their own views at the review with accessible materials.",
        ),
        good=(
            "The young person's voice about their future is recorded and reflected.",
            "Their own words appear in A and are picked up in E.",
        ),
        requires_improvement=(
            weak(
                "Views come from staff and parents; the young person is quoted once.",
                EDU,
                POST16,
                "Gather the young person's own views before the next review",
            ),
            weak(
                "The young person's views are in A but not reflected in the outcomes.",
                EDU,
                PLAN_WRITER,
                "Show how the young person's views shaped the outcomes",
            ),
        ),
        inadequate=(
            weak(
                "The young person's voice about their future is absent.",
                EDU,
                POST16,
                "Meet the young person with an advocate to record their views",
            ),
            weak(
                "The young person was not told about their review.",
                EDU,
                "SENCO",
                "Involve the young person in planning their review",
            ),
        ),
    ),
}
