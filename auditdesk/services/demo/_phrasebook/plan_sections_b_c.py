"""Demo phrases for Section B (special educational needs) and Section C (health needs)."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, HEALTH, Fact, Phrases, say, weak

CASE_OFFICER = "SEN case officer"
PLAN_WRITER = "Plan writer"
DCO = "Designated clinical officer"

PHRASES: dict[str, Phrases] = {
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
}
