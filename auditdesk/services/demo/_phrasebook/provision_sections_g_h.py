"""Demo phrases for health provision in Section G and social care provision in H1 and H2."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import HEALTH, SOCIAL, Fact, Phrases, say, weak

DCO = "Designated clinical officer"
DSCO = "Designated social care officer"

PHRASES: dict[str, Phrases] = {
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
}
