"""Demo phrases for preparing for adulthood: aspirations, employment and independent
living."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, SOCIAL, Phrases, say, weak
from auditdesk.services.demo._phrasebook.pfa_thread import pfa_thread

PLAN_WRITER = "Plan writer"
POST16 = "Post-16 SEN officer"
CAREERS = "Careers adviser"
TRANSITIONS = "Transitions social worker"

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
    "pfa.employment_thread": pfa_thread(
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
    "pfa.independent_living_thread": pfa_thread(
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
}
