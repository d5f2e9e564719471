"""Demo phrases for the annual review audit: the meeting, contributions, progress towards
each outcome, the amended plan, phase transfer and timeliness after the meeting."""

from __future__ import annotations

from auditdesk.services.demo._phrase_kit import EDU, HEALTH, SOCIAL, Fact, Phrases, say, weak

CASE_OFFICER = "SEN case officer"
SEN_MANAGER = "SEN team manager"
SENCO = "SENCO"
DCO = "Designated clinical officer"
DSCO = "Designated social care officer"

PHRASES: dict[str, Phrases] = {
    # -- the meeting and contributions ------------------------------------------------------
    "ar.reports_circulated": say(
        (
            "Review invitation, the circulation list and the dates the reports were sent",
            "Review paperwork on file: invitations, reports and the covering email",
        ),
        yes=(
            "All reports went out three weeks before the meeting, to everyone invited.",
            "Reports from the family, setting and therapists were circulated 15 days ahead.",
        ),
        partly=(
            weak(
                "Most reports went out two weeks ahead; the therapy report came on the day.",
                HEALTH,
                "Speech and language therapist",
                "Send therapy reports to the setting at least three weeks before reviews",
            ),
            weak(
                "Reports were sent a week before the meeting.",
                EDU,
                SENCO,
                "Circulate review reports at least two weeks before the meeting",
            ),
        ),
        no=(
            weak(
                "Reports were handed out at the meeting; nobody could prepare.",
                EDU,
                SENCO,
                "Send all review reports two weeks ahead and record when they went",
            ),
            weak(
                "Two of the four reports were never received, and the family saw none beforehand.",
                EDU,
                SENCO,
                "Gather the missing reports and hold the review again",
            ),
        ),
    ),
    "ar.education_contribution": say(
        (
            "The setting's review report and the educational psychologist's update",
            "Setting report for the review, with attainment data and the provision record",
        ),
        sought=(
            "Review paperwork, checked for the setting's report and the educational "
            "psychologist's update"
        ),
        outstanding=(
            "The setting's report gives current attainment, progress against every outcome "
            "and a record of the provision delivered.",
            "Education evidence is current and complete, including the specialist teacher's "
            "assessment.",
        ),
        good=(
            "The setting reported progress against each outcome with current data.",
            "Up-to-date education evidence was provided, including provision delivered.",
        ),
        requires_improvement=(
            weak(
                "The setting's report covers attainment but not progress against the outcomes.",
                EDU,
                SENCO,
                "Report progress against each outcome in the review paperwork",
            ),
            weak(
                "There is no record of the provision actually delivered this year.",
                EDU,
                SENCO,
                "Include the provision map and intervention logs in the review report",
            ),
        ),
        inadequate=(
            weak(
                "The setting's report is last year's with the date changed.",
                EDU,
                SENCO,
                "Write a current review report and resubmit it",
            ),
            weak(
                "No education report was provided for the review.",
                EDU,
                "Headteacher",
                "Provide a setting report and hold the review again",
            ),
        ),
    ),
    "ar.health_contribution": say(
        (
            "Health reports received for the review and the invitation list",
            "Review minutes, attendance list and the health updates on file",
        ),
        sought="Review minutes, the invitation list and the case file, checked for health reports",
        na="Health have no involvement with the child, and the file says so.",
        na_when=Fact.NO_HEALTH_NEEDS,
        yes=(
            "The therapist and the paediatrician both sent written updates, and C and G "
            "were reviewed.",
            "Health contributed: the school nurse attended and CAMHS sent a report.",
        ),
        partly=(
            weak(
                "Speech and language therapy contributed; the paediatrician was not asked.",
                HEALTH,
                DCO,
                "Ensure all health professionals involved are invited to reviews",
            ),
            weak(
                "Health sent a report but C and G were not reviewed at the meeting.",
                HEALTH,
                DCO,
                "Review Sections C and G with the health professionals involved",
            ),
        ),
        no=(
            weak(
                "Health did not contribute and there is no record they were asked.",
                HEALTH,
                DCO,
                "Request health advice from the community paediatrician and therapists",
            ),
            weak(
                "Three health services were invited and none replied.",
                HEALTH,
                DCO,
                "Follow up the missing health contributions through the designated clinical "
                "officer",
            ),
        ),
    ),
    "ar.social_care_contribution": say(
        (
            "Social care update for the review and the invitation list",
            "Review minutes and the allocated worker's report",
        ),
        sought="Review minutes and the invitation list, checked for a social care update",
        na="The family have no social care involvement, and the file says so.",
        na_when=Fact.NO_SOCIAL_CARE_NEEDS,
        yes=(
            "The allocated worker attended and D and H were reviewed.",
            "The children-with-disabilities team sent an update that reviewed D and H.",
        ),
        partly=(
            weak(
                "Social care sent an update, but D and H were not reviewed.",
                SOCIAL,
                DSCO,
                "Review Sections D and H with the allocated worker",
            ),
            weak(
                "The allocated worker was invited but the update came after the meeting.",
                SOCIAL,
                "Allocated social worker",
                "Send social care updates before the review meeting",
            ),
        ),
        no=(
            weak(
                "Social care are involved but were not invited.",
                SOCIAL,
                DSCO,
                "Invite social care to every review where the family has involvement",
            ),
            weak(
                "Social care did not contribute and nobody followed it up.",
                SOCIAL,
                "Children-with-disabilities team manager",
                "Provide a social care update and agree a contact for reviews",
            ),
        ),
    ),
    "ar.child_contributed": say(
        (
            "The child's contribution to the review and the minutes",
            "Pupil voice form and the review minutes",
        ),
        sought="Review minutes and paperwork, checked for the child's own contribution",
        outstanding=(
            "The child made a short video about their year and chose the outcomes they "
            "wanted to keep.",
            "Views were gathered with symbols before the meeting and are recorded in the "
            "child's words.",
        ),
        good=(
            "The child's views were gathered before the meeting in a way that suits them.",
            "The child contributed through a pupil voice form, recorded in their own words.",
        ),
        requires_improvement=(
            weak(
                "The child's views are a staff summary; nothing is in their own words.",
                EDU,
                SENCO,
                "Gather the child's views in their own words before the next review",
            ),
            weak(
                "A written form was used with a child who communicates with symbols.",
                EDU,
                SENCO,
                "Use a method suited to the child's communication next time",
            ),
        ),
        inadequate=(
            weak(
                "There is no contribution from the child.",
                EDU,
                SENCO,
                "Meet the child with a trusted adult and add their views to the review",
            ),
            weak(
                "The minutes say the child 'was not available'; nobody gathered their views "
                "another way.",
                EDU,
                SENCO,
                "Gather the child's views and add them to the review paperwork",
            ),
        ),
    ),
    "ar.parents_contributed": say(
        (
            "Parents' contribution form and the review minutes",
            "Invitation letter, the parents' views and the minutes",
        ),
        sought="Invitation letter and the review minutes, checked for the parents' views",
        outstanding=(
            "Parents were helped to prepare, attended, and their views on progress and "
            "changes are recorded in full.",
            "The family's written views shaped the discussion and are quoted in the minutes.",
        ),
        good=(
            "Parents attended with notice and their views are recorded.",
            "The parents' views on progress and on the plan are in the paperwork.",
        ),
        requires_improvement=(
            weak(
                "Parents attended but their views are not recorded.",
                EDU,
                SENCO,
                "Record the parents' views in the review paperwork",
            ),
            weak(
                "Parents were invited five days before the meeting.",
                EDU,
                SENCO,
                "Give families at least four weeks' notice of the review",
            ),
        ),
        inadequate=(
            weak(
                "Parents were not invited to the review.",
                EDU,
                "Headteacher",
                "Hold the review again with the parents",
            ),
            weak(
                "There is nothing from the parents in the review paperwork.",
                EDU,
                SENCO,
                "Gather the parents' views and add them to the review",
            ),
        ),
    ),
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
