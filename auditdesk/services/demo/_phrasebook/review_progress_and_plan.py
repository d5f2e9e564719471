"""Demo phrases for the annual review's look at progress towards each outcome, and the
amended plan that follows it."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, HEALTH, Fact, Phrases, say, weak

CASE_OFFICER = "SEN case officer"
SEN_MANAGER = "SEN team manager"
SENCO = "SENCO"
DCO = "Designated clinical officer"

PHRASES: dict[str, Phrases] = {
    # -- progress towards each outcome ------------------------------------------------------
    "outcome.progress_evidenced": say(
        (
            "Review paperwork for this outcome: assessments, logs and the child's views",
            "Setting's progress tracker and the review minutes for this outcome",
        ),
        sought="Review minutes and paperwork, read for evidence of progress on this outcome",
        outstanding=(
            "Progress is shown against each step with dated assessments, work samples and "
            "the child's own view.",
            "The review records where the child is now against this outcome, with evidence "
            "from three sources.",
        ),
        good=(
            "Progress towards this outcome is evidenced with assessment data.",
            "The review shows where the child is against this outcome, using the setting's "
            "tracking.",
        ),
        requires_improvement=(
            weak(
                "The review says 'progress made', with one work sample as the only evidence.",
                EDU,
                SENCO,
                "Evidence progress against this outcome with assessments and observations",
            ),
            weak(
                "Progress is described, but against general attainment rather than this outcome.",
                EDU,
                SENCO,
                "Track progress against the outcome's steps",
            ),
        ),
        inadequate=(
            weak(
                "This outcome was not discussed at the review.",
                EDU,
                SENCO,
                "Review progress towards this outcome before the plan is amended",
            ),
            weak(
                "No evidence of progress towards this outcome is given.",
                EDU,
                SENCO,
                "Provide evidence of progress for this outcome",
            ),
        ),
    ),
    "outcome.still_smart": say(
        (
            "The outcome's wording in the amended plan",
            "Amended Section E and the review minutes for this outcome",
        ),
        outstanding=(
            "The outcome was rewritten after the review: specific, measurable, dated and "
            "built on what the child has achieved.",
            "An achieved outcome was replaced with a more ambitious, measurable one.",
        ),
        good=(
            "The outcome is SMART and still relevant to the child.",
            "This outcome remains measurable and time-bound after the review.",
        ),
        requires_improvement=(
            weak(
                "The outcome still matters, but its date has passed and was not updated.",
                EDU,
                "Plan writer",
                "Set a new date for this outcome in the amended plan",
            ),
            weak(
                "The outcome is relevant but has no measure.",
                EDU,
                "Plan writer",
                "Add a measure to this outcome",
            ),
        ),
        inadequate=(
            weak(
                "The outcome was achieved last year and rolled over unchanged.",
                EDU,
                "Plan writer",
                "Replace the achieved outcome with a new one",
            ),
            weak(
                "'To improve behaviour' is neither measurable nor time-bound.",
                EDU,
                "Plan writer",
                "Rewrite the outcome to SMART standard",
            ),
        ),
    ),
    "outcome.next_steps": say(
        (
            "Next steps agreed in the review minutes for this outcome",
            "Review action plan and the amended steps in Section E",
        ),
        sought="Review minutes and the amended Section E, read for next steps on this outcome",
        yes=(
            "Next steps for the year are measurable, with who will do what.",
            "Clear steps were agreed, each with a measure and a named lead.",
        ),
        partly=(
            weak(
                "Next steps were agreed but nobody is named to carry them out.",
                EDU,
                SENCO,
                "Name who leads each next step",
            ),
            weak(
                "Steps are listed but none can be measured.",
                EDU,
                SENCO,
                "Make the next steps measurable",
            ),
        ),
        no=(
            weak(
                "No next steps were agreed for this outcome.",
                EDU,
                SENCO,
                "Agree next steps for this outcome",
            ),
            weak(
                "The minutes say 'continue as before'.",
                EDU,
                SENCO,
                "Set specific next steps for the coming year",
            ),
        ),
    ),
    "outcome.provision_effective": say(
        (
            "Provision records for this outcome and the review discussion",
            "Intervention logs, the provision map and the review minutes",
        ),
        yes=(
            "The review checked the logs for this outcome's provision and judged its impact.",
            "Delivery and impact were checked; the reading programme was changed because "
            "progress had stalled.",
        ),
        partly=(
            weak(
                "Delivery was checked, but its impact on this outcome was not discussed.",
                EDU,
                SENCO,
                "Judge the impact of the provision at the next review",
            ),
            weak(
                "The review noted missed sessions but did not change the provision.",
                EDU,
                SENCO,
                "Agree a change to the provision where sessions were missed",
            ),
        ),
        no=(
            weak(
                "Nobody checked whether the provision for this outcome was delivered.",
                EDU,
                SENCO,
                "Check delivery against the intervention logs",
            ),
            weak(
                "Therapy was not delivered for two terms and the review did not mention it.",
                HEALTH,
                "Speech and language therapist",
                "Restore the therapy provision and make up the missed sessions",
            ),
        ),
    ),
    # -- the amended plan -------------------------------------------------------------------
    "ar.plan_amended": say(
        (
            "The amended plan compared with the review minutes",
            "Amended plan and the proposed amendments letter",
        ),
        na="The council decided to keep the plan unchanged after the review.",
        na_when=Fact.PLAN_UNCHANGED,
        outstanding=(
            "Every change agreed at the review appears in each section affected, including "
            "C, D, G and H.",
            "The plan was amended throughout and out-of-date information removed.",
        ),
        good=(
            "The plan reflects the changes agreed at the review.",
            "Agreed changes are in the amended plan, section by section.",
        ),
        requires_improvement=(
            weak(
                "Changes to F were made, but B still describes last year's needs.",
                EDU,
                "Plan writer",
                "Update Section B to match the amended provision",
            ),
            weak(
                "Health changes from the review are missing from C and G.",
                HEALTH,
                DCO,
                "Amend Sections C and G to reflect the review",
            ),
        ),
        inadequate=(
            weak(
                "The plan was rolled over unchanged despite a change of school and new needs.",
                EDU,
                CASE_OFFICER,
                "Amend the plan to reflect the review findings",
            ),
            weak(
                "Only the dates were changed.",
                EDU,
                CASE_OFFICER,
                "Amend the plan fully from the review",
            ),
        ),
    ),
    "ar.same_quality_standard": say(
        (
            "The amended plan, judged section by section as a new plan would be",
            "Amended plan, Sections A to K",
        ),
        na="The plan was kept unchanged, so there is no amended plan to judge.",
        na_when=Fact.PLAN_UNCHANGED,
        outstanding=(
            "The amended plan is as good as a new plan: person-centred A, SMART outcomes and "
            "quantified provision.",
            "The amendment lifted the plan to the standard of a new plan throughout.",
        ),
        good=(
            "The amended plan meets the quality standard of a new plan.",
            "Outcomes and provision in the amended plan meet the standard.",
        ),
        requires_improvement=(
            weak(
                "New outcomes are SMART, but F still has the old vague wording.",
                EDU,
                "Plan writer",
                "Bring Section F up to the new-plan standard",
            ),
            weak(
                "Section A was not refreshed and still describes the child at age seven.",
                EDU,
                "Plan writer",
                "Rewrite Section A with the child and family",
            ),
        ),
        inadequate=(
            weak(
                "An old plan with new dates: none of the sections meets the standard.",
                EDU,
                SEN_MANAGER,
                "Rewrite the plan to the standard of a new plan",
            ),
            weak(
                "The amended plan is on an old template missing Sections J and K.",
                EDU,
                SEN_MANAGER,
                "Transfer the plan to the current template",
            ),
        ),
    ),
    "ar.provision_matches_need": say(
        (
            "Provision in the amended plan against the needs found at the review",
            "Amended Sections F, G and H and the review reports",
        ),
        outstanding=(
            "Provision was increased where needs grew and ended where the need had passed, "
            "item by item.",
            "The amended provision matches the child's current needs exactly.",
        ),
        good=(
            "Provision still matches the child's current needs.",
            "Provision was adjusted to the needs the review found.",
        ),
        requires_improvement=(
            weak(
                "New anxiety needs were found but the provision is unchanged.",
                EDU,
                "Plan writer",
                "Add provision for the new emotional needs",
            ),
            weak(
                "Provision that ended last year is still listed.",
                EDU,
                "Plan writer",
                "Remove provision that is no longer in place",
            ),
        ),
        inadequate=(
            weak(
                "Provision is from the original plan and matches none of the current needs.",
                EDU,
                CASE_OFFICER,
                "Rewrite the provision from the current advice",
            ),
            weak(
                "The child now needs daily therapy and the plan still says termly.",
                HEALTH,
                "Speech and language therapist",
                "Amend the therapy provision to the level now needed",
            ),
        ),
    ),
    "pfa.review_focus": say(
        (
            "Review minutes and the preparing-for-adulthood section of the paperwork",
            "Review paperwork and the careers adviser's notes",
        ),
        outstanding=(
            "The review discussed all four PfA areas with the young person, with careers "
            "guidance and agreed actions.",
            "Preparing for adulthood led the meeting, starting from the young person's own "
            "aspirations.",
        ),
        good=(
            "The review considered preparing for adulthood and agreed actions.",
            "PfA was discussed with the young person, including careers guidance.",
        ),
        requires_improvement=(
            weak(
                "Employment was discussed; independent living and friendships were not.",
                EDU,
                SENCO,
                "Cover all four PfA areas at the next review",
            ),
            weak(
                "PfA is a tick box on the form, with no notes.",
                EDU,
                SENCO,
                "Record the preparing-for-adulthood discussion and the actions agreed",
            ),
        ),
        inadequate=(
            weak(
                "Preparing for adulthood was not considered, although the young person is past "
                "Year 9.",
                EDU,
                "Post-16 SEN officer",
                "Hold a PfA-focused review before the move to post-16",
            ),
            weak(
                "There is no record of any discussion of adult life.",
                EDU,
                SENCO,
                "Add a PfA discussion to the review",
            ),
        ),
    ),
}
