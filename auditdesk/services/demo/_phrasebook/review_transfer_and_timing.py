"""Demo phrases for phase transfer at an annual review, and timeliness after the meeting."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, Fact, Phrases, say, weak

CASE_OFFICER = "SEN case officer"
SEN_MANAGER = "SEN team manager"
SENCO = "SENCO"

PHRASES: dict[str, Phrases] = {
    # -- phase transfer ---------------------------------------------------------------------
    "ar.transfer_on_time": say(
        (
            "Date of the amended plan naming the next setting against the statutory deadline",
            "Amended plan issue date and the transfer timetable",
        ),
        sought=(
            "Case file checked for an amended plan naming the next setting, against the deadline"
        ),
        yes=(
            "The amended plan naming the next setting was issued before 15 February.",
            "Issued by the 31 March deadline for the move to college.",
        ),
        partly=(
            weak(
                "Issued two weeks after the deadline while the family visited a second "
                "school; the reason is recorded.",
                EDU,
                SEN_MANAGER,
                "Start consultations with settings earlier in the autumn term",
            ),
            weak(
                "Issued a week late because the consultation reply came late.",
                EDU,
                CASE_OFFICER,
                "Chase consultation replies within 15 days",
            ),
        ),
        no=(
            weak(
                "Issued in May for a September move, three months past the deadline.",
                EDU,
                SEN_MANAGER,
                "Report late phase transfers to the Board and review the transfer timetable",
            ),
            weak(
                "No amended plan naming the next setting had been issued by the summer.",
                EDU,
                SEN_MANAGER,
                "Issue the amended plan now and confirm the placement with the family",
            ),
        ),
    ),
    "ar.transfer_planned_early": say(
        (
            "Review minutes from the year before the move and the visits log",
            "Transition planning notes and the receiving setting's contribution",
        ),
        sought="Review minutes from the year before the move, checked for transition planning",
        outstanding=(
            "Planning began over a year ahead; the family visited three options and the "
            "receiving school attended the review.",
            "The receiving setting was involved early and the child made several visits.",
        ),
        good=(
            "Planning started in good time, with the family and the next setting involved.",
            "The family were helped to look at options a year ahead.",
        ),
        requires_improvement=(
            weak(
                "Planning started in the autumn of the transfer year, leaving little time.",
                EDU,
                SENCO,
                "Start transition planning at the review a year before the move",
            ),
            weak(
                "The receiving setting was not invited to the review.",
                EDU,
                SENCO,
                "Invite the receiving setting to the transition review",
            ),
        ),
        inadequate=(
            weak(
                "There was no transition planning before the plan named the new school.",
                EDU,
                SEN_MANAGER,
                "Agree a transition plan with both settings and the family",
            ),
            weak(
                "The family found out the named school from the amended plan.",
                EDU,
                CASE_OFFICER,
                "Meet the family about the placement and their preferences",
            ),
        ),
    ),
    "ar.transition_support": say(
        (
            "Transition provision in the amended plan",
            "Amended Section F and the transition booklet",
        ),
        outstanding=(
            "F sets out six extra visits, a transition booklet, a named person at the new "
            "school and a staff handover meeting.",
            "Transition support is specific and quantified, from visits to the first weeks "
            "at the new setting.",
        ),
        good=(
            "The plan includes specific support for the move, with extra visits.",
            "Transition provision is set out, with a named person at the new setting.",
        ),
        requires_improvement=(
            weak(
                "'Enhanced transition' is listed with no detail.",
                EDU,
                "Plan writer",
                "Set out the transition provision, with visits and a named person",
            ),
            weak(
                "Visits are planned, but there is nothing for the first weeks after the move.",
                EDU,
                SENCO,
                "Add support for the first half term at the new setting",
            ),
        ),
        inadequate=(
            weak(
                "There is no transition support in the plan.",
                EDU,
                "Plan writer",
                "Add transition provision to Section F",
            ),
            weak(
                "The plan still names the current school's provision.",
                EDU,
                CASE_OFFICER,
                "Rewrite Section F for the new setting",
            ),
        ),
    ),
    # -- timeliness after the meeting -------------------------------------------------------
    "ar.decision_within_4_weeks": say(
        (
            "Date of the review meeting against the date of the decision letter",
            "Decision letter to the family and the review date",
        ),
        sought="Case file searched for the decision letter, against the date of the review meeting",
        yes=(
            "The family received the decision to amend three weeks after the meeting.",
            "Decision letter sent within four weeks, with reasons.",
        ),
        partly=(
            weak(
                "The decision was sent at five weeks.",
                EDU,
                CASE_OFFICER,
                "Send decision letters within four weeks of the review",
            ),
            weak(
                "Sent within four weeks, but without reasons.",
                EDU,
                CASE_OFFICER,
                "Give reasons in every review decision letter",
            ),
        ),
        no=(
            weak(
                "The family had no decision ten weeks after the meeting.",
                EDU,
                SEN_MANAGER,
                "Send the decision now and add review decisions to the weekly tracker",
            ),
            weak(
                "There is no decision letter on file.",
                EDU,
                CASE_OFFICER,
                "Write to the family with the council's decision",
            ),
        ),
    ),
    "ar.amended_plan_within_8_weeks": say(
        (
            "Date the proposed amendments were sent against the final amended plan",
            "Proposed amendments letter and the final amended plan",
        ),
        sought="Proposed amendments letter and the case file, checked for the final amended plan",
        na="The plan was kept unchanged, so no amended plan was due.",
        na_when=Fact.PLAN_UNCHANGED,
        yes=(
            "Final amended plan issued six weeks after the proposed amendments.",
            "Issued within eight weeks of the proposed amendments.",
        ),
        partly=(
            weak(
                "Issued at nine weeks after the family asked for a meeting about the draft.",
                EDU,
                CASE_OFFICER,
                "Plan meetings about proposed amendments within the eight weeks",
            ),
            weak(
                "Issued in week eight but with the family's comments still unanswered.",
                EDU,
                CASE_OFFICER,
                "Answer the family's comments on the proposed amendments",
            ),
        ),
        no=(
            weak(
                "The final amended plan came five months after the proposed amendments.",
                EDU,
                SEN_MANAGER,
                "Clear the backlog of amended plans and report it to the Board",
            ),
            weak(
                "The amended plan has still not been issued.",
                EDU,
                SEN_MANAGER,
                "Issue the final amended plan",
            ),
        ),
    ),
}
