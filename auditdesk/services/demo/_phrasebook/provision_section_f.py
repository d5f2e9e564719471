"""Demo phrases for provision in Section F (special educational provision)."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, HEALTH, Fact, Phrases, say, weak

PLAN_WRITER = "Plan writer"
CASE_OFFICER = "SEN case officer"
DCO = "Designated clinical officer"
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
}
