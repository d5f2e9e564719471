"""Demo phrases for the plan's context and timeliness: issued on time, reviewed within 12
months, advice timely and recent, sections identifiable."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, HEALTH, SOCIAL, Phrases, say, weak

CASE_OFFICER = "SEN case officer"
PLAN_WRITER = "Plan writer"
SEN_MANAGER = "SEN team manager"
DCO = "Designated clinical officer"
DSCO = "Designated social care officer"

PHRASES: dict[str, Phrases] = {
    # -- context and timeliness -------------------------------------------------------------
    "ctx.issued_within_20_weeks": say(
        (
            "Date of the request on the case file against the date on the final plan",
            "Case file timeline: request logged, decision to assess, draft and final plan dates",
        ),
        yes=(
            "Final plan issued in week 18, inside the 20-week limit.",
            "Issued in week 19 of the assessment, within the statutory timescale.",
        ),
        partly=(
            weak(
                "Final plan issued in week 23; the delay falls under an allowed exception (the "
                "family asked for a later meeting) and the reason is on file.",
                EDU,
                SEN_MANAGER,
                "Review the exception cases in the monthly timeliness report so the file "
                "reasons are checked before the 20-week date passes",
            ),
            weak(
                "Issued in week 22 because the setting closed for the summer; the exception is "
                "recorded, but the family were told only after the date had passed.",
                EDU,
                CASE_OFFICER,
                "Write to families before the 20-week date whenever an allowed exception will "
                "delay the plan",
            ),
        ),
        no=(
            weak(
                "Final plan issued in week 31 with no exception recorded; the draft sat with "
                "the team for six weeks.",
                EDU,
                SEN_MANAGER,
                "Track drafts waiting more than two weeks on the weekly caseload report and "
                "escalate them",
            ),
            weak(
                "Issued at 27 weeks. Health advice arrived in week 16 and the draft was not "
                "started until it came.",
                HEALTH,
                DCO,
                "Agree a six-week turnaround for health advice with the paediatric service "
                "and report breaches to the Board",
            ),
        ),
    ),
    "ctx.review_within_12_months": say(
        (
            "Date of the last review or issue on the plan against the date of this review meeting",
            "Review invitation letter and the minutes of the meeting, with the previous "
            "review date",
        ),
        yes=(
            "Reviewed eleven months after the last review, inside the 12-month limit.",
            "Review meeting held within the year, and a date for the next one is set.",
        ),
        partly=(
            weak(
                "The meeting was held at 12 months, but the paperwork was sent to the council "
                "five weeks later, so the review was recorded as out of time.",
                EDU,
                "SENCO",
                "Send the review paperwork to the SEN team within two weeks of the meeting",
            ),
            weak(
                "Reviewed at 13 months after the meeting was moved once at the setting's request.",
                EDU,
                CASE_OFFICER,
                "Book review dates at the start of the school year so a moved meeting still "
                "falls within 12 months",
            ),
        ),
        no=(
            weak(
                "Last review 17 months ago; the annual review was not held last year.",
                EDU,
                SEN_MANAGER,
                "Hold an early review now and add the plan to the overdue-review tracker",
            ),
            weak(
                "No review for 15 months: the meeting was cancelled twice and never rebooked.",
                EDU,
                CASE_OFFICER,
                "Arrange a review within four weeks and book the next one before it closes",
            ),
        ),
    ),
    "ctx.advice_timely": say(
        (
            "Advice request letters and the date each report was received, from the case file",
            "Dates on the requests for advice and on the reports appended in Section K",
        ),
        yes=(
            "All advice requested in week 6 and returned within six weeks, including health "
            "and social care.",
            "Requests went out the day after the decision to assess; every report arrived "
            "inside six weeks.",
        ),
        partly=(
            weak(
                "Education and health advice came back on time; social care replied after "
                "nine weeks.",
                SOCIAL,
                DSCO,
                "Agree a named contact for advice requests in the children-with-disabilities "
                "team and monitor replies at six weeks",
            ),
            weak(
                "The educational psychology advice arrived in week 14, two weeks after its "
                "six-week deadline.",
                EDU,
                "Principal educational psychologist",
                "Report late psychology advice monthly and allocate assessments within a week "
                "of the request",
            ),
        ),
        no=(
            weak(
                "Health advice took eleven weeks and social care was not asked at all.",
                HEALTH,
                DCO,
                "Chase outstanding health advice through the designated clinical officer and "
                "add social care to the standard request list",
            ),
            weak(
                "Requests were sent three weeks after the decision to assess, and two of the "
                "four reports were late.",
                EDU,
                SEN_MANAGER,
                "Send every advice request within five working days of the decision to assess",
            ),
        ),
    ),
    "ctx.advice_recent": say(
        (
            "Dates on the reports in Section K: paediatric, educational psychology, therapy "
            "and setting advice",
            "Section K list of advice, with each report's date checked against the plan date",
        ),
        yes=(
            "Every report the plan relies on is dated within the last ten months.",
            "All advice is recent; the one older report has a dated note from its author "
            "confirming it still holds.",
        ),
        partly=(
            weak(
                "Education advice is current, but the speech and language report is 16 months "
                "old and Section B still quotes it.",
                HEALTH,
                "Speech and language therapist",
                "Provide an updated speech and language report so Sections B and F can be amended",
            ),
            weak(
                "The paediatric report is 14 months old and Section C has not been checked "
                "against the child's current health.",
                HEALTH,
                DCO,
                "Obtain updated paediatric advice and amend Sections C and G",
            ),
        ),
        no=(
            weak(
                "The plan rests on the original assessment from three years ago; no advice "
                "has been updated since.",
                EDU,
                CASE_OFFICER,
                "Request fresh education, health and social care advice and hold an early review",
            ),
            weak(
                "Health advice is two years old and the social care assessment predates the "
                "family's move into the area.",
                HEALTH,
                DCO,
                "Request current health advice and ask social care for an updated assessment "
                "before the next review",
            ),
        ),
    ),
    "ctx.sections_identifiable": say(
        (
            "Headings and layout of the final plan, Sections A to K",
            "The whole plan, checked section by section against the 2014 Regulations",
        ),
        yes=(
            "Sections A to K each have their own heading, including H1, H2 and J.",
            "Every section is separately headed; C and D say 'none' under their own headings.",
        ),
        partly=(
            weak(
                "H1 and H2 are merged under one 'Social care' heading, and J is missing.",
                EDU,
                PLAN_WRITER,
                "Reissue the plan on the current template with every section from A to K headed",
            ),
            weak(
                "Health needs are written into Section B instead of C, so Section C is empty.",
                EDU,
                PLAN_WRITER,
                "Move the health needs into Section C and check the plan against the section "
                "checklist",
            ),
        ),
        no=(
            weak(
                "The plan is on an old format: C, D, G and H are one combined section and K "
                "is missing.",
                EDU,
                SEN_MANAGER,
                "Transfer the plan to the statutory format at this review",
            ),
            weak(
                "Four sections have no heading and their content is mixed into B and F.",
                EDU,
                PLAN_WRITER,
                "Rewrite the plan with each section separately identifiable",
            ),
        ),
    ),
}
