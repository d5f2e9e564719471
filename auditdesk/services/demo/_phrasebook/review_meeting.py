"""Demo phrases for the annual review meeting and the contributions to it."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, HEALTH, SOCIAL, Fact, Phrases, say, weak

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
}
