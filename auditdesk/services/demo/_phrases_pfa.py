"""Demo phrases for preparing for adulthood: aspirations, the four PfA areas, transition
and destinations, health and social care transition, and the young person's voice."""

from __future__ import annotations

from auditdesk.services.demo._phrase_kit import EDU, HEALTH, SOCIAL, Fact, Phrases, say, weak

PLAN_WRITER = "Plan writer"
POST16 = "Post-16 SEN officer"
CAREERS = "Careers adviser"
DCO = "Designated clinical officer"
TRANSITIONS = "Transitions social worker"


def _thread(area: str, example: str, provision: str, agency_owner: str) -> Phrases:
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


PHRASES: dict[str, Phrases] = {
    # -- aspirations ------------------------------------------------------------------------
    "pfa.aspirations_adult_life": say(
        (
            "Section A and the young person's own contribution",
            "Section A, the one-page profile and the careers interview notes",
        ),
        outstanding=(
            "The young person says in their own words what they want: to work with animals, "
            "live with friends and keep up their swimming.",
            "Aspirations for work, living, friends and health are all in A, ambitious and "
            "revisited at this review.",
        ),
        good=(
            "Section A sets out the young person's hopes for adult life in their words.",
            "The young person's aspirations for work and independence are recorded.",
        ),
        requires_improvement=(
            weak(
                "Aspirations cover college only, with nothing on living, friends or health.",
                EDU,
                PLAN_WRITER,
                "Ask the young person about all four areas of adult life",
            ),
            weak(
                "The aspirations are the parents' hopes rather than the young person's.",
                EDU,
                POST16,
                "Meet the young person on their own to record their aspirations",
            ),
        ),
        inadequate=(
            weak(
                "There are no aspirations for adult life in Section A.",
                EDU,
                PLAN_WRITER,
                "Add the young person's aspirations for adult life",
            ),
            weak(
                "Section A was written when the young person was eight and never revisited.",
                EDU,
                POST16,
                "Rewrite Section A with the young person",
            ),
        ),
    ),
    "pfa.aspirations_shape_outcomes": say(
        (
            "Aspirations in Section A traced to the PfA outcomes in Section E",
            "Sections A and E of the plan",
        ),
        outstanding=(
            "Each PfA outcome traces to something the young person wants, and the outcomes "
            "aim high.",
            "The wish to work with animals leads to a placement outcome and a travel "
            "outcome to get there.",
        ),
        good=(
            "The PfA outcomes follow from the young person's aspirations.",
            "Outcomes in E reflect what the young person wants for adult life.",
        ),
        requires_improvement=(
            weak(
                "Only one of the three aspirations is reflected in E.",
                EDU,
                PLAN_WRITER,
                "Add outcomes for the other aspirations",
            ),
            weak(
                "Outcomes aim lower than the aspirations (a day centre when the young person "
                "wants paid work).",
                EDU,
                POST16,
                "Review the outcomes with the young person so they match their ambitions",
            ),
        ),
        inadequate=(
            weak(
                "The outcomes have no link to the aspirations in A.",
                EDU,
                PLAN_WRITER,
                "Rewrite the PfA outcomes from the young person's aspirations",
            ),
            weak(
                "Outcomes are school targets with nothing about adult life.",
                EDU,
                PLAN_WRITER,
                "Add outcomes that look ahead to adult life",
            ),
        ),
    ),
    # -- employment -------------------------------------------------------------------------
    "pfa.employment_thread": _thread(
        "employment and further study",
        "a need around travel, an outcome to attend a college taster and travel training",
        "careers guidance and work experience",
        CAREERS,
    ),
    "pfa.employment_outcome": say(
        (
            "Section E, read for an outcome about work or study",
            "Section E and the careers guidance record",
        ),
        outstanding=(
            "The outcome says the young person will complete a two-week café placement by "
            "July, travelling there on their own.",
            "A SMART outcome for a supported internship, with steps for each term.",
        ),
        good=(
            "There is a SMART outcome about moving on to college.",
            "The employment outcome is specific, measurable and dated.",
        ),
        requires_improvement=(
            weak(
                "'To think about college' is an outcome with no measure or date.",
                EDU,
                PLAN_WRITER,
                "Rewrite the employment outcome to SMART standard",
            ),
            weak(
                "The outcome is about attending careers lessons, which is provision.",
                EDU,
                PLAN_WRITER,
                "Replace it with the difference the careers work should make",
            ),
        ),
        inadequate=(
            weak(
                "There is no outcome about work or study, although the young person will leave "
                "school within a few years.",
                EDU,
                POST16,
                "Add an outcome about the young person's next step into work or study",
            ),
            weak(
                "The employment outcome was achieved last year and carried over.",
                EDU,
                PLAN_WRITER,
                "Set a new employment outcome",
            ),
        ),
    ),
    "pfa.employment_provision": say(
        (
            "Section F, read for careers, work experience and study-skills provision",
            "Section F and the setting's careers programme",
        ),
        outstanding=(
            "F sets out weekly work experience for a term, termly careers interviews and "
            "travel training, each with who delivers it.",
            "A supported internship with a job coach, four days a week, is set out in F.",
        ),
        good=(
            "Careers guidance and work experience are quantified in F.",
            "Provision for work or study says how often and who delivers it.",
        ),
        requires_improvement=(
            weak(
                "'Opportunities for work experience' with no amount or deliverer.",
                EDU,
                CAREERS,
                "Quantify the work experience in Section F",
            ),
            weak(
                "Careers guidance is listed without frequency.",
                EDU,
                CAREERS,
                "State how often careers guidance will happen",
            ),
        ),
        inadequate=(
            weak(
                "There is no provision to prepare for work or study.",
                EDU,
                POST16,
                "Add careers and work preparation provision to F",
            ),
            weak(
                "F says 'college will be discussed'.",
                EDU,
                CAREERS,
                "Replace it with specific careers provision",
            ),
        ),
    ),
    # -- independent living -----------------------------------------------------------------
    "pfa.independent_living_thread": _thread(
        "independent living",
        "a need around money skills, an outcome to shop for a meal and weekly life-skills sessions",
        "life-skills sessions",
        PLAN_WRITER,
    ),
    "pfa.independent_living_outcome": say(
        (
            "Section E, read for an outcome about independent living",
            "Section E and the life-skills assessment",
        ),
        outstanding=(
            "By Easter the young person will plan and cook a simple meal each week with "
            "only verbal prompts: specific and dated.",
            "A SMART outcome on travelling to college by bus alone, with termly steps.",
        ),
        good=(
            "There is a SMART outcome about a daily living skill.",
            "The independent living outcome is measurable and dated.",
        ),
        requires_improvement=(
            weak(
                "'To become more independent' is too broad to measure.",
                EDU,
                PLAN_WRITER,
                "Name the skill and the date in the independent living outcome",
            ),
            weak(
                "The outcome has a skill but no date.",
                EDU,
                PLAN_WRITER,
                "Add a date to the independent living outcome",
            ),
        ),
        inadequate=(
            weak(
                "There is no outcome about independent living.",
                EDU,
                PLAN_WRITER,
                "Add an independent living outcome with the young person",
            ),
            weak(
                "The outcome is 'to receive a personal assistant', which is a service.",
                SOCIAL,
                TRANSITIONS,
                "Write the outcome the personal assistant support should achieve",
            ),
        ),
    ),
    "pfa.independent_living_provision": say(
        (
            "Sections F and H, read for life-skills and travel training",
            "Section F, Section H1 and the travel training referral",
        ),
        sought="Sections F and H, read for life-skills and travel training",
        outstanding=(
            "Travel training twice a week for a term and a weekly cooking session are set "
            "out, with who delivers each.",
            "F and H1 together give quantified life-skills sessions and a personal assistant "
            "for six hours a week.",
        ),
        good=(
            "Life-skills provision is quantified, with the deliverer named.",
            "Travel training is specified with frequency and length.",
        ),
        requires_improvement=(
            weak(
                "Life skills are 'built into the curriculum' with no amount.",
                EDU,
                PLAN_WRITER,
                "Quantify the life-skills provision in F",
            ),
            weak(
                "Travel training is named, but nobody is responsible for it.",
                EDU,
                POST16,
                "Name the travel training provider and how often it happens",
            ),
        ),
        inadequate=(
            weak(
                "There is no provision to build independent living skills.",
                EDU,
                PLAN_WRITER,
                "Add life-skills provision to F",
            ),
            weak(
                "The social care support for independence is missing from H.",
                SOCIAL,
                TRANSITIONS,
                "Set out the independence support in Section H",
            ),
        ),
    ),
    # -- friends, relationships and community -----------------------------------------------
    "pfa.community_thread": _thread(
        "friends, relationships and community",
        "a need around making friends, an outcome to join a youth club and support to get there",
        "a social communication group",
        PLAN_WRITER,
    ),
    "pfa.community_outcome": say(
        (
            "Section E, read for an outcome about friends or community",
            "Section E and the young person's views in A",
        ),
        outstanding=(
            "By July the young person will go to a weekly youth club with a friend, without "
            "staff support: SMART and chosen by them.",
            "A measurable outcome to volunteer at the local park one morning a month.",
        ),
        good=(
            "There is a SMART outcome about friendships.",
            "The community outcome is specific and dated.",
        ),
        requires_improvement=(
            weak(
                "'To have more friends' cannot be measured.",
                EDU,
                PLAN_WRITER,
                "Rewrite the friendship outcome so it can be measured",
            ),
            weak(
                "The community outcome has no date.",
                EDU,
                PLAN_WRITER,
                "Add a date to the community outcome",
            ),
        ),
        inadequate=(
            weak(
                "There is no outcome about friends, relationships or community.",
                EDU,
                PLAN_WRITER,
                "Add a community outcome with the young person",
            ),
            weak(
                "The outcome is 'to attend a social skills group', which is provision.",
                EDU,
                PLAN_WRITER,
                "Write the difference the group should make as the outcome",
            ),
        ),
    ),
    "pfa.community_provision": say(
        (
            "Section F and H, read for social and community provision",
            "Section F and the youth service's offer",
        ),
        outstanding=(
            "A social communication group of four, weekly for a term, and a personal "
            "assistant to attend a club are set out.",
            "Adapted relationships education and support to join a club are quantified.",
        ),
        good=(
            "Social provision is quantified with group size and frequency.",
            "Support to take part in a club is set out in H1 with hours.",
        ),
        requires_improvement=(
            weak(
                "A 'small group' for social skills with no size or frequency.",
                EDU,
                PLAN_WRITER,
                "State the group size and frequency in F",
            ),
            weak(
                "Support to attend a club is mentioned but not quantified.",
                SOCIAL,
                TRANSITIONS,
                "Quantify the club support in Section H1",
            ),
        ),
        inadequate=(
            weak(
                "There is no provision for friendships or community.",
                EDU,
                PLAN_WRITER,
                "Add provision for friendships and community inclusion",
            ),
            weak(
                "F says 'opportunities for social interaction'.",
                EDU,
                PLAN_WRITER,
                "Replace it with specific, quantified provision",
            ),
        ),
    ),
    # -- good health ------------------------------------------------------------------------
    "pfa.health_thread": _thread(
        "health in adult life",
        "a need around managing appointments, an outcome to book their own GP visit and "
        "teaching about their condition",
        "teaching about their own health",
        DCO,
    ),
    "pfa.health_outcome": say(
        (
            "Section E, read for an outcome about managing health",
            "Section E and the health advice in K",
        ),
        na="There are no health needs, and wellbeing is covered in the community outcome.",
        na_when=Fact.NO_HEALTH_NEEDS,
        outstanding=(
            "By July the young person will take their own medication at the right times, "
            "checked by staff: specific and dated.",
            "A SMART outcome to book and attend their own appointments with a reminder app.",
        ),
        good=(
            "There is a SMART outcome about managing their own health.",
            "The health outcome is measurable and dated.",
        ),
        requires_improvement=(
            weak(
                "'To stay healthy' cannot be measured.",
                HEALTH,
                "School nurse",
                "Rewrite the health outcome with the young person",
            ),
            weak(
                "The health outcome has no date.",
                HEALTH,
                "School nurse",
                "Add a date to the health outcome",
            ),
        ),
        inadequate=(
            weak(
                "There is no health outcome for a young person with epilepsy.",
                HEALTH,
                DCO,
                "Agree a health outcome with the young person and their epilepsy nurse",
            ),
            weak(
                "The health outcome is 'to attend clinic', which is a service.",
                HEALTH,
                "Community paediatrician",
                "Write the outcome in terms of what the young person will manage",
            ),
        ),
    ),
    "pfa.health_provision": say(
        (
            "Sections G and F, read for health teaching and support",
            "Section G and the annual health check record",
        ),
        sought="Sections G and F, checked for health teaching, support and the annual health check",
        when={
            Fact.NO_HEALTH_NEEDS: say(
                "Section F, read for teaching about health and wellbeing",
                outstanding="With no health needs in C, F still teaches healthy eating, "
                "exercise and booking a GP appointment, each with who leads it and how often.",
                good="F includes a weekly healthy-living session for adult life; C rightly "
                "lists no health needs, so nothing more is needed.",
                requires_improvement=weak(
                    "Healthy living is mentioned in F but with no amount or deliverer.",
                    EDU,
                    PLAN_WRITER,
                    "Quantify the healthy-living teaching in Section F",
                ),
                inadequate=weak(
                    "Nothing in the plan helps the young person learn to look after their "
                    "health in adult life.",
                    EDU,
                    PLAN_WRITER,
                    "Add teaching about health and wellbeing in adult life to Section F",
                ),
            )
        },
        outstanding=(
            "G sets out termly sessions with the school nurse on managing medication, and "
            "the annual health check from 14.",
            "Teaching about their condition is in F and support to attend appointments is "
            "in G, each quantified.",
        ),
        good=(
            "Health provision is specific, with who provides it and how often.",
            "The annual health check and nurse sessions are set out in G.",
        ),
        requires_improvement=(
            weak(
                "Health teaching is mentioned but not quantified.",
                HEALTH,
                "School nurse",
                "Quantify the health teaching in Section G",
            ),
            weak(
                "The annual health check is missing for a young person with a learning disability.",
                HEALTH,
                DCO,
                "Add the annual health check to Section G",
            ),
        ),
        inadequate=(
            weak(
                "There is no provision to help the young person look after their health.",
                HEALTH,
                DCO,
                "Agree health provision for adulthood in Section G",
            ),
            weak(
                "G says 'health input as required'.",
                HEALTH,
                DCO,
                "Replace it with specific health provision",
            ),
        ),
    ),
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
