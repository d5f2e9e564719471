"""Demo phrases for Section D (social care needs) and Section K (the advice appended)."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, HEALTH, SOCIAL, Fact, Phrases, say, weak

CASE_OFFICER = "SEN case officer"
PLAN_WRITER = "Plan writer"
DCO = "Designated clinical officer"
DSCO = "Designated social care officer"
CWD_MANAGER = "Children-with-disabilities team manager"

PHRASES: dict[str, Phrases] = {
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
