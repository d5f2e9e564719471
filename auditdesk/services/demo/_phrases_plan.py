"""Demo phrases for the plan's context and timeliness, Sections A to D and Section K."""

from __future__ import annotations

from auditdesk.services.demo._phrase_kit import (
    EDU,
    HEALTH,
    SOCIAL,
    Fact,
    Phrases,
    say,
    weak,
)

CASE_OFFICER = "SEN case officer"
PLAN_WRITER = "Plan writer"
SEN_MANAGER = "SEN team manager"
DCO = "Designated clinical officer"
DSCO = "Designated social care officer"
CWD_MANAGER = "Children-with-disabilities team manager"

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
    # -- Section A --------------------------------------------------------------------------
    "a.aspirations": say(
        (
            "Section A of the final plan and the child's one-page profile",
            "Section A, read with the family's contribution form in Section K",
        ),
        outstanding=(
            "Section A paints a vivid picture of the child: what makes a good day, their "
            "interests and hopes for next year and for adult life, all in their own terms.",
            "Strengths, interests and aspirations are set out in the child's and family's "
            "words and are picked up again in the outcomes.",
        ),
        good=(
            "Section A describes the child's interests, strengths and hopes, and a new reader "
            "gets a real sense of them.",
            "Interests and aspirations are recorded and are recognisably the child's own.",
        ),
        requires_improvement=(
            weak(
                "Section A lists likes and dislikes but says nothing about hopes for the future.",
                EDU,
                PLAN_WRITER,
                "Meet the child and family to add short- and long-term aspirations to Section A",
            ),
            weak(
                "The aspirations in A are professionals' targets ('to make expected progress') "
                "rather than the child's own hopes.",
                EDU,
                PLAN_WRITER,
                "Rewrite Section A with the child and family so the aspirations are theirs",
            ),
        ),
        inadequate=(
            weak(
                "Section A is two lines copied from the request form; there are no views, "
                "interests or aspirations.",
                EDU,
                CASE_OFFICER,
                "Gather the child's and family's views and rewrite Section A before the plan "
                "is reissued",
            ),
            weak(
                "Section A describes diagnoses and behaviour incidents instead of the child as "
                "a person.",
                EDU,
                PLAN_WRITER,
                "Redraft Section A around the child's strengths, interests and hopes",
            ),
        ),
    ),
    "a.child_voice": say(
        (
            "Section A and the child's one-page profile",
            "Section A and the pupil voice form appended in Section K",
        ),
        outstanding=(
            "The child's own words and drawings run through Section A, marked as theirs and "
            "kept apart from the parents' views.",
            "Symbols the child chose are reproduced in A, with their key adult's notes on what "
            "each choice meant.",
        ),
        good=(
            "The child's views are recorded in their own words and attributed to them.",
            "Section A quotes the child directly about school, friends and what helps.",
        ),
        requires_improvement=(
            weak(
                "The child's views are summarised by staff ('he enjoys school'); there are no "
                "direct words.",
                EDU,
                "SENCO",
                "Gather the child's views in their own words before the next review",
            ),
            weak(
                "Parents' and child's views are merged, so it is unclear what the child said.",
                EDU,
                PLAN_WRITER,
                "Separate the child's views from the parents' in Section A",
            ),
        ),
        inadequate=(
            weak(
                "There is no child's voice in Section A at all.",
                EDU,
                CASE_OFFICER,
                "Meet the child with a trusted adult to record their views and add them to "
                "Section A",
            ),
            weak(
                "For a child who uses symbols, A says only 'unable to give views'; nobody who "
                "knows the child interpreted their preferences.",
                EDU,
                "SENCO",
                "Record the child's preferences with symbols or observation, with their key adult",
            ),
        ),
    ),
    "a.voice_how_gathered": say(
        (
            "Section A and the notes of the conversation with the child on file",
            "Section A, the one-page profile and the setting's pupil voice record",
        ),
        sought=(
            "Section A and the case file, searched for a record of how the child's views "
            "were gathered"
        ),
        yes=(
            "A says the views were gathered with a talking mat by the SENCO, with the date.",
            "Method, date and person are recorded: a conversation with the key adult, using "
            "the child's symbol board.",
        ),
        partly=(
            weak(
                "A names the method (one-page profile) but not when or by whom.",
                EDU,
                PLAN_WRITER,
                "Add the date and the person who gathered the child's views to Section A",
            ),
            weak(
                "The views are dated, but the method is a written questionnaire for a child "
                "who does not read.",
                EDU,
                "SENCO",
                "Use a method suited to the child's communication, such as symbols, next time",
            ),
        ),
        no=(
            weak(
                "A says only 'the child's views were sought'.",
                EDU,
                PLAN_WRITER,
                "Record how, when and by whom the child's views were gathered",
            ),
            weak(
                "There is no record of how any of the views in A were collected.",
                EDU,
                CASE_OFFICER,
                "Attach the child's voice record to the plan and reference it in Section A",
            ),
        ),
    ),
    "a.parent_views": say(
        (
            "Section A and the parents' contribution form in Section K",
            "Section A and notes of the planning meeting with the family",
        ),
        sought="Section A, with Section K and the case file searched for the parents' contribution",
        outstanding=(
            "The parents' own words cover what works at home, their worries and their hopes, "
            "and are plainly theirs.",
            "Parents' views are quoted at length and the family's hopes are carried into the "
            "outcomes.",
        ),
        good=(
            "Parents' views are recorded separately, in their own words, with their hopes for "
            "the child.",
            "The family's views on what helps and what worries them are set out in A.",
        ),
        requires_improvement=(
            weak(
                "Parents' views are paraphrased by the case officer and say nothing about "
                "their hopes.",
                EDU,
                PLAN_WRITER,
                "Ask the parents to check and add to their section in their own words",
            ),
            weak(
                "Only one parent's views are recorded, although both asked to contribute.",
                EDU,
                CASE_OFFICER,
                "Contact the second parent and add their views to Section A",
            ),
        ),
        inadequate=(
            weak(
                "There are no parents' views in the plan.",
                EDU,
                CASE_OFFICER,
                "Meet the family, record their views and reissue Section A",
            ),
            weak(
                "The 'parents' views' paragraph is the setting's report repeated.",
                EDU,
                PLAN_WRITER,
                "Replace the paragraph with the family's own account",
            ),
        ),
    ),
    "a.person_centred": say(
        (
            "Section A, read as the family would read it",
            "Section A and the accessible summary for the child",
        ),
        outstanding=(
            "Written in the first person throughout ('I like...', 'We would like...'), in "
            "plain words the child could follow.",
            "Section A reads as the child's own story, with an easy-read version for them.",
        ),
        good=(
            "Section A is in plain language, mostly in the first person, and free of jargon.",
            "Person-centred and readable; the third person is used only where it is clearer.",
        ),
        requires_improvement=(
            weak(
                "Section A is a professional summary in the third person, with terms such as "
                "'sensory dysregulation' unexplained.",
                EDU,
                PLAN_WRITER,
                "Rewrite Section A in plain language and in the child's voice",
            ),
            weak(
                "Parts of A are in the first person, but half of it is copied from reports.",
                EDU,
                PLAN_WRITER,
                "Take the report extracts out of A and put the child's and family's words in",
            ),
        ),
        inadequate=(
            weak(
                "Section A reads as a clinical report full of acronyms the family would not "
                "understand.",
                EDU,
                SEN_MANAGER,
                "Rewrite A with the family and include plan writers in person-centred "
                "writing training",
            ),
            weak(
                "Section A is a list of diagnoses, with nothing person-centred about it.",
                EDU,
                PLAN_WRITER,
                "Rewrite Section A around the child and family",
            ),
        ),
    ),
    # -- Section B --------------------------------------------------------------------------
    "b.needs_specific": say(
        (
            "Section B, read against the educational psychology and setting advice",
            "Section B and the setting's SEN support plan",
        ),
        outstanding=(
            "Each need says what the child can do and what they find hard, and where, for "
            "example following two-step instructions in class but losing track in the hall.",
            "A new SENCO would know exactly what the child finds hard and why from Section B.",
        ),
        good=(
            "Needs are described in terms of what the child finds difficult and how it "
            "affects learning.",
            "Section B describes the child's difficulties in everyday situations, beyond the "
            "diagnosis.",
        ),
        requires_improvement=(
            weak(
                "Section B names the diagnosis ('has ASD') and lists generic traits rather "
                "than this child's difficulties.",
                EDU,
                PLAN_WRITER,
                "Rewrite Section B from the advice to say what this child finds difficult",
            ),
            weak(
                "Communication needs are described, but learning needs are one sentence.",
                EDU,
                PLAN_WRITER,
                "Add a description of the child's learning needs from the psychology advice",
            ),
        ),
        inadequate=(
            weak(
                "Section B gives labels only (SEMH, MLD) and no description of need.",
                EDU,
                CASE_OFFICER,
                "Redraft Section B with the educational psychologist's advice",
            ),
            weak(
                "Section B describes provision ('needs 1:1 support') instead of needs.",
                EDU,
                PLAN_WRITER,
                "Move provision to F and describe the needs in B",
            ),
        ),
    ),
    "b.four_areas": say(
        (
            "Section B headings, checked against the areas raised in the advice in K",
            "Section B and each report in Section K",
        ),
        outstanding=(
            "Every area raised in the advice is covered under the four broad areas, with "
            "cross-references to the reports.",
            "All four areas are considered, including sensory needs first picked up by the "
            "occupational therapist.",
        ),
        good=(
            "The relevant areas of need are all covered, set out under the four headings.",
            "Communication, learning and social and emotional needs are each covered, as the "
            "advice describes.",
        ),
        requires_improvement=(
            weak(
                "The occupational therapist's sensory concerns are missing from Section B.",
                EDU,
                PLAN_WRITER,
                "Add sensory and physical needs from the occupational therapy report to B",
            ),
            weak(
                "Social, emotional and mental health needs raised by the psychologist are "
                "left out.",
                EDU,
                PLAN_WRITER,
                "Add the emotional wellbeing needs from the psychology advice",
            ),
        ),
        inadequate=(
            weak(
                "Only cognition and learning is covered; communication and sensory needs in "
                "three reports are ignored.",
                EDU,
                CASE_OFFICER,
                "Rewrite Section B to cover every area of need in the advice",
            ),
            weak(
                "Section B covers one area of need in a paragraph, for a child with needs in "
                "all four.",
                EDU,
                PLAN_WRITER,
                "Redraft B under all four broad areas of need",
            ),
        ),
    ),
    "b.linked_to_advice": say(
        (
            "Section B read line by line against the reports in Section K",
            "Section B and the advice appended in K, with sources",
        ),
        outstanding=(
            "Each need cites its source report, and nothing important from the advice has "
            "been dropped.",
            "Needs in B match the advice closely and show where professionals agreed.",
        ),
        good=(
            "The needs can be traced to the advice in K, and the main points from each report "
            "are there.",
            "Section B is consistent with the reports, and sources are referenced.",
        ),
        requires_improvement=(
            weak(
                "Most needs trace to the advice, but two appear in B with no supporting report.",
                EDU,
                PLAN_WRITER,
                "Reference a source for each need or remove the unsupported ones",
            ),
            weak(
                "The therapy report's findings on language are summarised so briefly that the "
                "detail is lost.",
                EDU,
                PLAN_WRITER,
                "Bring the speech and language findings into B in full",
            ),
        ),
        inadequate=(
            weak(
                "Section B contradicts the psychology advice on the child's cognitive profile.",
                EDU,
                "Educational psychologist",
                "Meet the plan writer to correct Section B against the psychology advice",
            ),
            weak(
                "Section B does not refer to the advice at all; it repeats the request for "
                "assessment.",
                EDU,
                CASE_OFFICER,
                "Redraft B from the advice in Section K",
            ),
        ),
    ),
    "b.baseline": say(
        (
            "Section B and the setting's latest assessment data",
            "Section B, the setting's tracking and the dates on the assessments quoted",
        ),
        yes=(
            "Current levels are given with dates: reading age, language scores and the "
            "number of words the child uses.",
            "B records where the child is now, dated this term, so progress can be measured.",
        ),
        partly=(
            weak(
                "There is a baseline for reading but none for communication or behaviour.",
                EDU,
                "SENCO",
                "Provide current, dated measures for each area of need",
            ),
            weak(
                "The baseline is from last year's plan, carried over unchanged.",
                EDU,
                PLAN_WRITER,
                "Update the starting points in B from the setting's current data",
            ),
        ),
        no=(
            weak(
                "Section B has no starting point at all, so progress cannot be measured.",
                EDU,
                PLAN_WRITER,
                "Add dated baseline measures to B before outcomes are reviewed",
            ),
            weak(
                "Only 'working below age-related expectations' is given.",
                EDU,
                "SENCO",
                "Send the SEN team current assessment data for the baseline",
            ),
        ),
    ),
    # -- Section C --------------------------------------------------------------------------
    "c.needs_stated": say(
        (
            "Section C and the paediatric advice in Section K",
            "Section C, read with the health advice and the designated clinical officer's "
            "checklist",
        ),
        yes=(
            "Section C sets out each health need: epilepsy, medication at lunchtime and "
            "hearing aid checks.",
            "Health needs are listed in C, each with the professional who identified it.",
        ),
        partly=(
            weak(
                "C lists the diagnosis but leaves out the feeding needs in the dietitian's report.",
                HEALTH,
                DCO,
                "Check Section C against all the health advice and add the missing needs",
            ),
            weak(
                "Section C says 'see reports' for part of the child's health needs.",
                HEALTH,
                DCO,
                "Write the health needs into C instead of referring to the reports",
            ),
        ),
        no=(
            weak(
                "Section C is blank.",
                HEALTH,
                DCO,
                "Complete Section C from the health advice and reissue the plan",
            ),
            weak(
                "Section C says 'see reports' and nothing else.",
                HEALTH,
                DCO,
                "Replace 'see reports' with a description of the child's health needs",
            ),
        ),
        when={
            Fact.NO_HEALTH_NEEDS: say(
                (
                    "Section C and the community paediatrician's advice in Section K",
                    "Section C and the health advice summary on the case file",
                ),
                yes=(
                    "Section C states that the paediatrician found none related to SEN or "
                    "disability, citing the paediatric advice.",
                    "C says plainly 'None identified' and names the paediatrician's report "
                    "as the source.",
                ),
                partly=(
                    weak(
                        "C says 'none', but does not say who advised this.",
                        HEALTH,
                        DCO,
                        "Name the source of the health advice in Section C",
                    ),
                ),
                no=(
                    weak(
                        "Section C is left empty rather than saying there are none.",
                        HEALTH,
                        DCO,
                        "Confirm with the paediatrician and state in C that there are none",
                    ),
                ),
            )
        },
    ),
    "c.needs_specific": say(
        (
            "Section C and the health reports in Section K",
            "Section C, the paediatric letter and the school nurse's care plan",
        ),
        na=(
            "There are no health needs related to the child's SEN or disability, so there is "
            "nothing to describe.",
        ),
        na_when=Fact.NO_HEALTH_NEEDS,
        outstanding=(
            "Each health need says what it means day to day, such as tiredness after "
            "seizures and the rest time needed, with the effect on learning.",
            "C explains the child's medication times, hearing aid routine and what staff must "
            "watch for.",
        ),
        good=(
            "Health needs are described with their effect on school and home life.",
            "C goes beyond the diagnosis to say how the condition affects the child's day.",
        ),
        requires_improvement=(
            weak(
                "C names the conditions but says little about their effect on the child's "
                "learning.",
                HEALTH,
                "Community paediatrician",
                "Describe the day-to-day effect of each health need in Section C",
            ),
            weak(
                "Continence needs are mentioned without saying what support is needed at school.",
                HEALTH,
                "School nurse",
                "Add the practical effect of the continence needs to Section C",
            ),
        ),
        inadequate=(
            weak(
                "Section C is a list of diagnoses with no description at all.",
                HEALTH,
                DCO,
                "Rewrite Section C with the health professionals involved",
            ),
            weak(
                "C copies medical terms from a clinic letter that the family and setting "
                "cannot use.",
                HEALTH,
                "Community paediatrician",
                "Provide a plain-language description of the health needs for Section C",
            ),
        ),
    ),
    "c.health_advice_reflected": say(
        (
            "Section C against every health report listed in Section K",
            "Section C, Section K and the health involvement recorded on the case file",
        ),
        when={
            Fact.NO_HEALTH_NEEDS: say(
                "Section C against the paediatric advice in Section K",
                outstanding="C follows the paediatric advice that there are no health needs, "
                "and every other health service confirmed in writing it is not involved.",
                good="C says there are no health needs, as the paediatric advice found.",
                requires_improvement=weak(
                    "C says there are no health needs, but the speech and language report on "
                    "file was not considered.",
                    HEALTH,
                    DCO,
                    "Check Section C against the speech and language report and confirm it",
                ),
                inadequate=weak(
                    "C says 'none' although no health advice was ever requested.",
                    HEALTH,
                    DCO,
                    "Request health advice and confirm Section C from it",
                ),
            )
        },
        outstanding=(
            "C reflects every health service involved, and the designated clinical officer "
            "has confirmed the health advice is complete.",
            "Advice from paediatrics, speech and language therapy and CAMHS is all reflected, "
            "and uninvolved services confirmed that in writing.",
        ),
        good=(
            "C matches the advice from each health professional involved.",
            "Needs from the paediatric and therapy reports are all carried into Section C.",
        ),
        requires_improvement=(
            weak(
                "The physiotherapist's report is appended but nothing from it appears in C.",
                HEALTH,
                DCO,
                "Add the physiotherapy needs to Section C",
            ),
            weak(
                "CAMHS are involved but gave no advice, and C does not say why.",
                HEALTH,
                "CAMHS lead",
                "Provide CAMHS advice for the plan or confirm in writing there is no involvement",
            ),
        ),
        inadequate=(
            weak(
                "Only the paediatric letter is reflected; three therapy reports are ignored.",
                HEALTH,
                DCO,
                "Review Section C against all health advice with the designated clinical officer",
            ),
            weak(
                "Section C was written without any health advice being requested.",
                HEALTH,
                DCO,
                "Request health advice and amend Section C",
            ),
        ),
    ),
    # -- Section D --------------------------------------------------------------------------
    "d.needs_stated": say(
        (
            "Section D and the social care advice in Section K",
            "Section D and the children-with-disabilities team's reply on file",
        ),
        yes=(
            "Section D describes the family's need for short breaks and help with personal care.",
            "Social care needs are set out in D, drawing on the carer's assessment.",
        ),
        partly=(
            weak(
                "D mentions short breaks but leaves out the carer's assessment findings.",
                SOCIAL,
                DSCO,
                "Add the needs from the carer's assessment to Section D",
            ),
            weak(
                "D says 'known to social care' without saying what the needs are.",
                SOCIAL,
                DSCO,
                "Describe the social care needs in Section D",
            ),
        ),
        no=(
            weak(
                "Section D is blank.",
                SOCIAL,
                DSCO,
                "Complete Section D with the children-with-disabilities team",
            ),
            weak(
                "D says 'not known to social care' although advice was never sought.",
                SOCIAL,
                DSCO,
                "Request social care advice and amend Section D",
            ),
        ),
        when={
            Fact.NO_SOCIAL_CARE_NEEDS: say(
                (
                    "Section D and the social care advice in Section K",
                    "Section D and the reply from the designated social care officer",
                ),
                yes=(
                    "D states that social care found none related to SEN or disability, and "
                    "names the advice.",
                    "Section D says 'None identified' and cites the social care reply.",
                ),
                partly=(
                    weak(
                        "D says 'none' but does not show social care were asked.",
                        SOCIAL,
                        DSCO,
                        "Attach the social care reply and cite it in Section D",
                    ),
                ),
                no=(
                    weak(
                        "D is left empty instead of saying there are none.",
                        SOCIAL,
                        DSCO,
                        "Confirm with social care and state in D that there are none",
                    ),
                ),
            )
        },
    ),
    "d.needs_specific": say(
        (
            "Section D and the social care assessment",
            "Section D, the carer's assessment and the short breaks assessment",
        ),
        na=(
            "There are no social care needs related to the child's SEN or disability, so "
            "there is nothing to describe.",
        ),
        na_when=Fact.NO_SOCIAL_CARE_NEEDS,
        outstanding=(
            "D explains what support the child and family need at home and in the community "
            "and why, including the parents' needs as carers.",
            "Each need is specific (two carers for personal care, help to join a youth club) "
            "and drawn from the assessment.",
        ),
        good=(
            "Social care needs are described with the support needed at home.",
            "D sets out the family's needs as carers alongside the child's needs.",
        ),
        requires_improvement=(
            weak(
                "D says 'needs short breaks' without saying what kind or why.",
                SOCIAL,
                DSCO,
                "Describe the short breaks need in D from the assessment",
            ),
            weak(
                "The parents' needs as carers are missing, although the assessment found them.",
                SOCIAL,
                "Allocated social worker",
                "Add the carer's needs to Section D",
            ),
        ),
        inadequate=(
            weak(
                "Section D is one line with no description of need.",
                SOCIAL,
                DSCO,
                "Rewrite Section D with the social care team",
            ),
            weak(
                "D lists services the family receives instead of their needs.",
                SOCIAL,
                "Allocated social worker",
                "Describe the needs in D and move the services to H1 or H2",
            ),
        ),
    ),
    "d.social_care_advice_reflected": say(
        (
            "Advice request to social care and the reply on the case file",
            "Section D against the social care advice appended in Section K",
        ),
        sought="Case file searched for the advice request to social care and any reply",
        yes=(
            "Social care advice was requested and returned, and D matches it.",
            "The children-with-disabilities team replied and their advice is reflected in D.",
        ),
        partly=(
            weak(
                "Advice was sought, but the early help assessment on file is not taken into "
                "account.",
                SOCIAL,
                DSCO,
                "Check D against the early help assessment",
            ),
            weak(
                "The social care reply arrived after the plan was drafted and D was not updated.",
                SOCIAL,
                DSCO,
                "Amend Section D to reflect the social care advice",
            ),
        ),
        no=(
            weak(
                "There is no record that social care were asked for advice.",
                SOCIAL,
                DSCO,
                "Request social care advice and add social care to the standard request list",
            ),
            weak(
                "Social care advice was requested but never received, and nobody followed it up.",
                SOCIAL,
                CWD_MANAGER,
                "Provide the outstanding advice and agree a turnaround time for requests",
            ),
        ),
    ),
    # -- Section K --------------------------------------------------------------------------
    "k.advice_appended": say(
        (
            "Section K list and the appended reports",
            "Section K, checked against the reports held on the case file",
        ),
        sought="Section K and the case file, checked for each report the plan relies on",
        yes=(
            "K lists every report with author, role and date, and all are attached.",
            "All advice is listed and appended, including the family's contribution.",
        ),
        partly=(
            weak(
                "K lists the reports but two have no dates.",
                EDU,
                CASE_OFFICER,
                "Add the missing dates to Section K",
            ),
            weak(
                "The occupational therapy report is listed but not attached.",
                EDU,
                CASE_OFFICER,
                "Attach the missing report to the plan",
            ),
        ),
        no=(
            weak(
                "Section K is missing and no advice is appended.",
                EDU,
                CASE_OFFICER,
                "Add Section K with all the advice and reissue the plan",
            ),
            weak(
                "K says 'reports held on file' without listing them.",
                EDU,
                PLAN_WRITER,
                "List every report in Section K with author and date",
            ),
        ),
    ),
    "k.multi_agency": say(
        (
            "Reports appended in Section K",
            "Section K and the advice requests on the case file",
        ),
        outstanding=(
            "Advice from the setting, educational psychology, health and social care is all "
            "there, plus the specialist teacher and the family.",
            "Every agency contributed, and uninvolved services confirmed that in writing.",
        ),
        good=(
            "Education, psychology, health and social care advice is all appended.",
            "The required advice is present from each agency.",
        ),
        requires_improvement=(
            weak(
                "There is no social care advice and no note saying social care were asked.",
                SOCIAL,
                DSCO,
                "Provide social care advice or written confirmation of no involvement",
            ),
            weak(
                "Medical advice is a two-line letter with no assessment.",
                HEALTH,
                DCO,
                "Obtain full medical advice for the plan",
            ),
        ),
        inadequate=(
            weak(
                "Only the setting's report is appended; there is no educational psychology advice.",
                EDU,
                "Principal educational psychologist",
                "Complete psychological advice and review the plan",
            ),
            weak(
                "Health and social care advice are both absent.",
                HEALTH,
                DCO,
                "Request health and social care advice and hold an early review",
            ),
        ),
    ),
}
