"""Demo phrases for provision in Sections F, G, H1 and H2, the placement in I and the
personal budget in J."""

from __future__ import annotations

from auditdesk.services.demo._phrase_kit import EDU, HEALTH, SOCIAL, Fact, Phrases, say, weak

PLAN_WRITER = "Plan writer"
CASE_OFFICER = "SEN case officer"
DCO = "Designated clinical officer"
DSCO = "Designated social care officer"
SALT = "Speech and language therapist"

PHRASES: dict[str, Phrases] = {
    # -- Section F --------------------------------------------------------------------------
    "f.provision_quantified": say(
        (
            "Section F, each provision item checked for amount, frequency and group size",
            "Section F of the plan and the setting's provision map",
        ),
        outstanding=(
            "Every item states how often, for how long and in what group, for example three "
            "30-minute sessions a week, one to one.",
            "F is fully quantified, down to the therapist's termly review of the language "
            "programme.",
        ),
        good=(
            "Provision is quantified: frequency, length and group size are given for each item.",
            "Each item in F says how much, how often and in what group.",
        ),
        requires_improvement=(
            weak(
                "Most items are quantified, but the social skills group has no frequency or "
                "group size.",
                EDU,
                PLAN_WRITER,
                "Quantify the social skills group in Section F",
            ),
            weak(
                "Speech and language input is 'regular' with no amount.",
                EDU,
                PLAN_WRITER,
                "Amend Section F to quantify speech and language input with the therapist",
            ),
        ),
        inadequate=(
            weak(
                "Almost no item in F gives an amount or frequency.",
                EDU,
                CASE_OFFICER,
                "Rewrite Section F with amounts, frequencies and group sizes",
            ),
            weak(
                "F reads 'support as required throughout the day' and nothing more.",
                EDU,
                PLAN_WRITER,
                "Replace the general statement with quantified provision",
            ),
        ),
    ),
    "f.provision_specific": say(
        (
            "Section F, each item checked for what, who and what expertise",
            "Section F and the therapy and psychology advice it draws on",
        ),
        outstanding=(
            "Each item names the programme, who delivers it and the training needed, such as "
            "a TA trained and supervised by the therapist.",
            "A new teacher could deliver F from the plan alone: approach, deliverer and "
            "expertise are all there.",
        ),
        good=(
            "Items say what will be done and by whom, with the training required.",
            "Provision is specific about the intervention and the deliverer.",
        ),
        requires_improvement=(
            weak(
                "Interventions are named, but who delivers them is left to 'staff'.",
                EDU,
                PLAN_WRITER,
                "Name the role and training of the person delivering each item",
            ),
            weak(
                "'Precision teaching' is named without saying who delivers it or how they "
                "are trained.",
                EDU,
                PLAN_WRITER,
                "Add the deliverer and expertise to each item in F",
            ),
        ),
        inadequate=(
            weak(
                "F says 'support from staff' throughout; no approach or deliverer is named.",
                EDU,
                CASE_OFFICER,
                "Rewrite Section F from the advice, naming each approach and deliverer",
            ),
            weak(
                "Provision is a list of strategies copied from a report, with nobody named "
                "to deliver them.",
                EDU,
                PLAN_WRITER,
                "Turn the strategies into specific provision with a named deliverer",
            ),
        ),
    ),
    "f.no_vague_phrases": say(
        (
            "Section F searched for 'access to', 'regular', 'as appropriate', 'up to' and "
            "'small group'",
            "Section F of the final plan",
        ),
        yes=(
            "Every group size, frequency and adult in F is defined; nothing relies on 'access "
            "to' or 'as appropriate'.",
            "Wording in F is precise and enforceable throughout.",
        ),
        partly=(
            weak(
                "Two items rely on 'access to a small group' and 'regular check-ins'.",
                EDU,
                PLAN_WRITER,
                "Replace 'access to a small group' with the group size, frequency and who leads it",
            ),
            weak(
                "'Up to 10 hours of support' sets a ceiling, not an entitlement.",
                EDU,
                PLAN_WRITER,
                "State the hours of support in F as a fixed amount",
            ),
        ),
        no=(
            weak(
                "F is built on 'as appropriate', 'opportunities for' and 'key adult' with none "
                "defined.",
                EDU,
                CASE_OFFICER,
                "Rewrite F without the vague phrases, quoting amounts and roles",
            ),
            weak(
                "Nearly every item says 'access to'; the provision is unenforceable as written.",
                EDU,
                "SEN team manager",
                "Reissue Section F with enforceable wording",
            ),
        ),
    ),
    "f.each_need_has_provision": say(
        (
            "Needs in Section B mapped to the provision in Section F",
            "Sections B and F of the final plan",
        ),
        outstanding=(
            "Provision is grouped under the same four areas as the needs, and every need is met.",
            "Each need in B has matching provision in F, and the link is easy to follow.",
        ),
        good=(
            "Every educational need has provision in F.",
            "Needs in B are all met by provision in F.",
        ),
        requires_improvement=(
            weak(
                "The child's writing difficulty in B has no provision in F.",
                EDU,
                PLAN_WRITER,
                "Add provision for the writing need",
            ),
            weak(
                "Emotional needs in B are met only by 'a calm space', with no programme.",
                EDU,
                PLAN_WRITER,
                "Add specific provision for the emotional needs in B",
            ),
        ),
        inadequate=(
            weak(
                "Half of the needs in B have no provision at all.",
                EDU,
                CASE_OFFICER,
                "Rewrite F to meet every need in B",
            ),
            weak(
                "F covers communication only, leaving learning and sensory needs unmet.",
                EDU,
                PLAN_WRITER,
                "Add provision for the learning and sensory needs",
            ),
        ),
    ),
    "f.therapy_in_f": say(
        (
            "Sections F and G, and the speech and language therapy report",
            "Sections F and G, read with the therapy advice in Section K",
        ),
        na="No therapy is needed, according to the therapy advice in K.",
        na_when=Fact.NO_THERAPY,
        yes=(
            "Speech and language therapy is written into F, with the therapist's input quantified.",
            "Occupational therapy that trains the child is in F, where it can be enforced.",
        ),
        partly=(
            weak(
                "Speech and language therapy is in F, but the occupational therapy programme "
                "sits in G only.",
                HEALTH,
                "Occupational therapist",
                "Move the educational part of the occupational therapy into Section F",
            ),
            weak(
                "Therapy is in F, but the therapist's own input is not quantified.",
                HEALTH,
                SALT,
                "Quantify the therapist's direct and indirect input in Section F",
            ),
        ),
        no=(
            weak(
                "Speech and language therapy appears only in G, so it cannot be enforced.",
                HEALTH,
                SALT,
                "Rewrite the therapy as special educational provision in Section F",
            ),
            weak(
                "All therapy is in G as 'ongoing input from the service'.",
                HEALTH,
                DCO,
                "Agree quantified therapy provision for Section F with the therapy service",
            ),
        ),
    ),
    "f.provision_linked_outcomes": say(
        (
            "Provision in Section F traced to the outcomes in Section E",
            "Sections E and F of the final plan",
        ),
        outstanding=(
            "Each provision item names the outcome it supports, and the amount is in "
            "proportion to the outcome.",
            "F is set out outcome by outcome, so the link to E is plain.",
        ),
        good=(
            "A reader can see which provision supports which outcome.",
            "Provision in F lines up with the outcomes in E.",
        ),
        requires_improvement=(
            weak(
                "Two items of provision support no outcome, and the reading outcome has only "
                "ten minutes a week.",
                EDU,
                PLAN_WRITER,
                "Link each item to an outcome and review the reading provision",
            ),
            weak(
                "The link between F and E has to be guessed.",
                EDU,
                PLAN_WRITER,
                "Cross-reference each item in F to its outcome",
            ),
        ),
        inadequate=(
            weak(
                "F bears no relation to the outcomes in E.",
                EDU,
                CASE_OFFICER,
                "Redraft F around the outcomes in E",
            ),
            weak(
                "The outcomes ask for independence but the provision is full-time adult support.",
                EDU,
                PLAN_WRITER,
                "Rebalance F so it builds the independence the outcomes ask for",
            ),
        ),
    ),
    # -- Section G --------------------------------------------------------------------------
    "g.health_provision_specific": say(
        (
            "Section G and the health advice in Section K",
            "Section G, the therapy reports and the nursing care plan",
        ),
        na="There are no health needs, so G has no provision to judge.",
        na_when=Fact.NO_HEALTH_NEEDS,
        outstanding=(
            "G names each service, what it will do, how often and who is responsible, to the "
            "same standard as F.",
            "Community nursing and physiotherapy are set out with frequency, length and a "
            "named lead.",
        ),
        good=(
            "Health provision is specific and quantified, with the provider named.",
            "G says who provides each item and how often.",
        ),
        requires_improvement=(
            weak(
                "CAMHS input is named but with no frequency.",
                HEALTH,
                "CAMHS lead",
                "Quantify CAMHS provision in Section G",
            ),
            weak(
                "Physiotherapy is 'a block of sessions' with no number or timescale.",
                HEALTH,
                "Physiotherapist",
                "State the number and frequency of physiotherapy sessions in G",
            ),
        ),
        inadequate=(
            weak(
                "G says 'ongoing input from health as required'.",
                HEALTH,
                DCO,
                "Replace the statement with specific, quantified health provision",
            ),
            weak(
                "Section G is empty although C lists three health needs.",
                HEALTH,
                DCO,
                "Agree health provision for Section G with the services involved",
            ),
        ),
    ),
    "g.each_c_need_mapped": say(
        (
            "Health needs in Section C mapped to the provision in Section G",
            "Sections C and G of the final plan",
        ),
        na="There are no health needs in C, so there is nothing to map.",
        na_when=Fact.NO_HEALTH_NEEDS,
        outstanding=(
            "Every health need in C has provision in G, and G explains where a need is met "
            "through F instead.",
            "C and G line up need by need, with the reason given where a need is met through F.",
        ),
        good=(
            "Each health need has matching provision in G.",
            "Health needs in C are all met by provision in G.",
        ),
        requires_improvement=(
            weak(
                "The continence need in C has no provision in G.",
                HEALTH,
                "School nurse",
                "Add continence provision to Section G",
            ),
            weak(
                "The epilepsy care plan is mentioned in C but not provided for in G.",
                HEALTH,
                DCO,
                "Set out the epilepsy care provision in Section G",
            ),
        ),
        inadequate=(
            weak(
                "None of the health needs in C has provision in G.",
                HEALTH,
                DCO,
                "Agree health provision for every need in C",
            ),
            weak(
                "G lists provision for a different set of needs from those in C.",
                HEALTH,
                DCO,
                "Correct Sections C and G so they match",
            ),
        ),
    ),
    "g.commissioner_agreed": say(
        (
            "Designated clinical officer's sign-off on the case file",
            "Email from the integrated care board agreeing the health provision",
        ),
        sought="Case file searched for the designated clinical officer's sign-off",
        na="There is no health provision in G to agree.",
        na_when=Fact.NO_HEALTH_NEEDS,
        yes=(
            "The designated clinical officer confirmed agreement before the plan was issued.",
            "Health provision was agreed by the integrated care board; the sign-off is on file.",
        ),
        partly=(
            weak(
                "Agreement was still pending when the plan was issued.",
                HEALTH,
                DCO,
                "Confirm the commissioner's agreement and tell the family",
            ),
            weak(
                "Physiotherapy is agreed; the equipment in G is awaiting a funding decision.",
                HEALTH,
                DCO,
                "Chase the funding decision for the equipment in Section G",
            ),
        ),
        no=(
            weak(
                "There is no record that health commissioners agreed any of G.",
                HEALTH,
                DCO,
                "Obtain the commissioner's agreement to Section G",
            ),
            weak(
                "The plan was issued with G marked 'to be confirmed'.",
                HEALTH,
                DCO,
                "Agree Section G with the integrated care board and reissue the plan",
            ),
        ),
    ),
    # -- Section H1 and H2 ------------------------------------------------------------------
    "h1.provision_specific": say(
        (
            "Section H1 and the social care assessment",
            "Section H1, the short breaks assessment and the care package on file",
        ),
        na="There are no social care needs, so there is no H1 provision to judge.",
        na_when=Fact.NO_SOCIAL_CARE_NEEDS,
        outstanding=(
            "H1 sets out each service, such as six hours a week of a personal assistant to "
            "attend a youth club, with who provides it.",
            "Every item in H1 is specific and quantified and rests on the social care assessment.",
        ),
        good=(
            "H1 provision is quantified and based on the assessment.",
            "H1 states what is provided, by whom, how often and for how long.",
        ),
        requires_improvement=(
            weak(
                "Short breaks are listed without a number of nights or hours.",
                SOCIAL,
                DSCO,
                "Quantify the short breaks in Section H1",
            ),
            weak(
                "H1 names the service but not who provides it.",
                SOCIAL,
                "Allocated social worker",
                "Name the provider for each item in H1",
            ),
        ),
        inadequate=(
            weak(
                "H1 reads 'support from social care as needed'.",
                SOCIAL,
                DSCO,
                "Set out specific social care provision in H1 from the assessment",
            ),
            weak(
                "H1 is empty although D describes a need for short breaks.",
                SOCIAL,
                "Children-with-disabilities team manager",
                "Agree short breaks provision and add it to H1",
            ),
        ),
    ),
    "h1.d_needs_mapped": say(
        (
            "Social care needs in Section D mapped to the provision in H1 and H2",
            "Sections D, H1 and H2 of the final plan",
        ),
        na="There are no social care needs in D, so there is nothing to map.",
        na_when=Fact.NO_SOCIAL_CARE_NEEDS,
        outstanding=(
            "Each need in D leads to provision in H1 or H2, or the plan explains how it is "
            "met otherwise.",
            "D and H line up need by need, including support for the parents as carers.",
        ),
        good=(
            "Every social care need has provision in H1 or H2.",
            "The needs in D are all met in H1 or H2.",
        ),
        requires_improvement=(
            weak(
                "The carer's needs in D have no provision in H.",
                SOCIAL,
                "Allocated social worker",
                "Add provision for the carer's needs in Section H",
            ),
            weak(
                "Help with personal care is in D but not in H1.",
                SOCIAL,
                DSCO,
                "Set out the personal care provision in H1",
            ),
        ),
        inadequate=(
            weak(
                "None of the needs in D has provision in H.",
                SOCIAL,
                DSCO,
                "Agree social care provision for each need in D",
            ),
            weak(
                "H lists provision unrelated to the needs in D.",
                SOCIAL,
                DSCO,
                "Correct Sections D and H so they match",
            ),
        ),
    ),
    "h2.provision_specific": say(
        (
            "Section H2 and the social care assessment",
            "Section H2 and the care and support plan on file",
        ),
        outstanding=(
            "H2 sets out the residential short breaks, with nights per month and the legal basis.",
            "Each item in H2 says what, by whom, how often, for how long and under which Act.",
        ),
        good=(
            "H2 provision is specific and quantified.",
            "Other social care provision in H2 is set out with amounts and provider.",
        ),
        requires_improvement=(
            weak(
                "Residential short breaks are in H2 without the number of nights.",
                SOCIAL,
                DSCO,
                "Quantify the residential short breaks in H2",
            ),
            weak(
                "H2 gives no legal basis for the provision it lists.",
                SOCIAL,
                DSCO,
                "Add the legal basis to each item in H2",
            ),
        ),
        inadequate=(
            weak(
                "H2 says 'support to be arranged'.",
                SOCIAL,
                DSCO,
                "Set out the H2 provision or state that there is none",
            ),
            weak(
                "H2 is empty, with no statement that there is no such provision.",
                SOCIAL,
                DSCO,
                "Complete Section H2",
            ),
        ),
        when={
            Fact.NO_SOCIAL_CARE_NEEDS: say(
                (
                    "Section H2 and Section D",
                    "Section H2, read with the social care advice in K",
                ),
                outstanding=("H2 states 'None', consistent with D and the social care advice.",),
                good=("H2 says there is none, matching Section D.",),
                requires_improvement=(
                    weak(
                        "H2 is left empty instead of saying 'None'.",
                        SOCIAL,
                        DSCO,
                        "State in H2 that there is no other social care provision",
                    ),
                ),
                inadequate=(
                    weak(
                        "H2 is missing from the plan altogether.",
                        SOCIAL,
                        DSCO,
                        "Add Section H2 to the plan",
                    ),
                ),
            )
        },
    ),
    "h2.distinct_from_h1": say(
        (
            "Sections H1 and H2 of the final plan",
            "H1 and H2, checked against the Chronically Sick and Disabled Persons Act 1970",
        ),
        # H2's guidance gives no N/A: with no social care needs the question is still
        # answered, on whether both sections say "None" under their own headings.
        when={
            Fact.NO_SOCIAL_CARE_NEEDS: say(
                "Sections D, H1 and H2 of the final plan",
                yes="H1 and H2 each say 'None' under their own heading, as Section D leads "
                "one to expect.",
                partly=weak(
                    "H1 and H2 are merged under a single 'None' heading instead of being kept "
                    "apart.",
                    SOCIAL,
                    DSCO,
                    "Head H1 and H2 separately in the plan, each saying 'None'",
                ),
                no=weak(
                    "H1 lists 'short breaks if needed in future' although D says there are no "
                    "social care needs, and H2 is missing.",
                    SOCIAL,
                    DSCO,
                    "Remove the speculative short breaks from H1 and add H2 saying 'None'",
                ),
            )
        },
        yes=(
            "H1 holds only the section 2 provision; everything else is in H2.",
            "H1 and H2 are each headed and used correctly.",
        ),
        partly=(
            weak(
                "Residential short breaks are in H1 but belong in H2.",
                SOCIAL,
                DSCO,
                "Move the residential short breaks to Section H2",
            ),
            weak(
                "Most items are in the right section; the personal assistant hours are in both.",
                SOCIAL,
                DSCO,
                "Remove the duplicated item so each sits in one section",
            ),
        ),
        no=(
            weak(
                "All social care provision is pooled under a single 'H' heading.",
                SOCIAL,
                DSCO,
                "Clarify H1 and H2 provision with the children-with-disabilities team",
            ),
            weak(
                "H1 and H2 are swapped throughout.",
                SOCIAL,
                DSCO,
                "Correct the H1 and H2 sections",
            ),
        ),
    ),
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
