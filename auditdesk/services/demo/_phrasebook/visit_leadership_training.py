"""Demo phrases for a setting quality visit: leadership and training."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, HEALTH, Phrases, say, weak

SENCO = "SENCO"
HEAD = "Headteacher"
GOVERNOR = "SEND governor"
OUTREACH = "SEN outreach lead"

PHRASES: dict[str, Phrases] = {
    # -- leadership -------------------------------------------------------------------------
    "sv.senco_role": say(
        (
            "Conversation with the SENCO and the headteacher; the SENCO's timetable",
            "SENCO qualification certificate and the staff structure chart",
        ),
        sought="Conversation with the headteacher and the staff structure chart",
        yes=(
            "The SENCO holds the national award, has two days a week protected and sits on "
            "the leadership team.",
            "Qualified SENCO with time in proportion to the number of pupils with plans.",
        ),
        partly=(
            weak(
                "The SENCO is qualified but has half a day a week for 14 pupils with plans.",
                EDU,
                HEAD,
                "Review the SENCO's protected time against the number of pupils with plans",
            ),
            weak(
                "The SENCO started the national award two years ago and has one year left; "
                "time is squeezed by a full teaching load.",
                EDU,
                HEAD,
                "Agree protected SENCO time while the award is completed",
            ),
        ),
        no=(
            weak(
                "There is no qualified SENCO; the role is covered by a teaching assistant.",
                EDU,
                HEAD,
                "Appoint a qualified teacher as SENCO",
            ),
            weak(
                "The SENCO post has been vacant since September.",
                EDU,
                GOVERNOR,
                "Recruit a SENCO and name an interim lead for SEND",
            ),
        ),
    ),
    "sv.leaders_monitor": say(
        (
            "Leaders' monitoring records and the governors' SEND report",
            "Conversation with the headteacher and the latest provision monitoring",
        ),
        sought=(
            "Conversation with the headteacher, and the monitoring records the setting could show"
        ),
        outstanding=(
            "Leaders check delivery and impact each half term, report to governors and can "
            "show what changed as a result.",
            "Recorded monitoring of every pupil's plan this term, with actions followed up.",
        ),
        good=(
            "Leaders check that provision is delivered and review its impact termly.",
            "The headteacher showed recent monitoring of EHCP provision.",
        ),
        requires_improvement=(
            weak(
                "Monitoring checks that sessions happen but not whether they make a difference.",
                EDU,
                SENCO,
                "Add an impact check to the termly provision monitoring",
            ),
            weak(
                "The last recorded monitoring was a year ago.",
                EDU,
                HEAD,
                "Monitor EHCP provision each term and report it to governors",
            ),
        ),
        inadequate=(
            weak(
                "Leaders do not check whether pupils receive the provision in their plans.",
                EDU,
                HEAD,
                "Set up termly monitoring of EHCP provision",
            ),
            weak(
                "Governors have had no report on SEND provision for two years.",
                EDU,
                GOVERNOR,
                "Receive a SEND provision report at the next governors' meeting",
            ),
        ),
    ),
    "sv.family_communication": say(
        (
            "Parent feedback, the home-school communication records and staff interviews",
            "Conversations with parents and the setting's communication log",
        ),
        outstanding=(
            "Parents get a termly update on provision and progress, and say staff listen and act.",
            "Families know who delivers each part of the support and how their child is doing.",
        ),
        good=(
            "Families are kept informed beyond the annual review.",
            "Parents say they know what support their child gets.",
        ),
        requires_improvement=(
            weak(
                "Parents hear about provision only at the annual review.",
                EDU,
                SENCO,
                "Send families a termly update on provision and progress",
            ),
            weak(
                "Two parents said messages to the SENCO go unanswered for weeks.",
                EDU,
                SENCO,
                "Agree a response time for parents' messages",
            ),
        ),
        inadequate=(
            weak(
                "Parents did not know what provision their child should be receiving.",
                EDU,
                HEAD,
                "Share each child's provision with their family",
            ),
            weak(
                "Families describe having to chase the school for any information.",
                EDU,
                HEAD,
                "Set up regular contact with families of pupils with plans",
            ),
        ),
    ),
    "sv.annual_review_practice": say(
        (
            "The setting's review calendar and a sample of recent review paperwork",
            "Annual review records for pupils with plans this year",
        ),
        outstanding=(
            "Every review this year was on time, reports went out two weeks ahead, and each "
            "included the child's and family's views.",
            "Reviews are held on time with every agency invited and the child's voice captured.",
        ),
        good=(
            "Reviews are held within 12 months with the child's views gathered.",
            "Review paperwork is sent out two weeks before the meeting.",
        ),
        requires_improvement=(
            weak(
                "Three of the eight reviews were late this year.",
                EDU,
                SENCO,
                "Plan the review calendar so every review falls within 12 months",
            ),
            weak(
                "Health and social care are not routinely invited.",
                EDU,
                SENCO,
                "Invite every agency involved to each review",
            ),
        ),
        inadequate=(
            weak(
                "Half the reviews are overdue and the child's views are rarely gathered.",
                EDU,
                HEAD,
                "Clear the overdue reviews and gather the child's views for each",
            ),
            weak(
                "Reviews are held without reports being circulated.",
                EDU,
                SENCO,
                "Circulate review reports two weeks ahead",
            ),
        ),
    ),
    # -- training ---------------------------------------------------------------------------
    "sv.staff_trained": say(
        (
            "Training records and conversations with the staff who deliver provision",
            "Training log and the therapists' sign-off sheets",
        ),
        sought="Training records asked for, and conversations with the staff who deliver provision",
        outstanding=(
            "Every member of staff delivering a named programme has been trained for it, "
            "with dates and refreshers recorded.",
            "Staff were trained by the therapist for each programme and supervised since.",
        ),
        good=(
            "Staff delivering the plans' programmes are trained for them.",
            "Training records show the programme-specific training.",
        ),
        requires_improvement=(
            weak(
                "Two new TAs deliver the language programme without the therapist's training.",
                HEALTH,
                "Speech and language therapist",
                "Train the new TAs in the language programme",
            ),
            weak(
                "Training records are incomplete, so who is trained is unknown.",
                EDU,
                SENCO,
                "Bring the training records up to date",
            ),
        ),
        inadequate=(
            weak(
                "Untrained staff deliver specialist provision alone.",
                EDU,
                HEAD,
                "Stop untrained staff delivering specialist provision and arrange training",
            ),
            weak(
                "None of the staff delivering the physiotherapy programme has been trained.",
                HEALTH,
                "Physiotherapist",
                "Train the staff delivering the physiotherapy programme",
            ),
        ),
    ),
    "sv.training_plan": say(
        (
            "The setting's SEND training plan and CPD records",
            "CPD records for teachers and support staff",
        ),
        sought=(
            "Conversation with the SENCO, with the SEND training plan and this year's CPD "
            "records asked for"
        ),
        outstanding=(
            "The training plan is built from the needs of current pupils, covers teachers "
            "and support staff, and is up to date.",
            "Autism and sensory training this year followed directly from the pupils' plans.",
        ),
        good=(
            "There is a current SEND training plan for all staff.",
            "Training is planned from the needs of pupils with plans.",
        ),
        requires_improvement=(
            weak(
                "The training plan covers support staff but not teachers.",
                EDU,
                SENCO,
                "Include teachers in the SEND training plan",
            ),
            weak(
                "The training plan is two years old.",
                EDU,
                SENCO,
                "Update the training plan from current pupils' needs",
            ),
        ),
        inadequate=(
            weak(
                "There is no SEND training plan.",
                EDU,
                HEAD,
                "Write a SEND training plan for all staff",
            ),
            weak(
                "No SEND training has taken place this year.",
                EDU,
                HEAD,
                "Arrange SEND training for all staff this term",
            ),
        ),
    ),
    "sv.specialist_advice_used": say(
        (
            "Lesson observation, planning and the specialists' visit log",
            "Therapy programmes on file and the outreach team's visit notes",
        ),
        outstanding=(
            "Strategies from the psychologist's report were seen in every lesson visited, "
            "and each specialist visit's actions are done.",
            "Therapy programmes are built into planning and the outreach advice is in use.",
        ),
        good=(
            "Staff use specialists' advice in lessons and planning.",
            "Recommended strategies were seen in class.",
        ),
        requires_improvement=(
            weak(
                "The outreach team's advice from the spring is not yet in use.",
                EDU,
                OUTREACH,
                "Follow up the outreach advice with the class teachers",
            ),
            weak(
                "Specialists' visits are logged but their actions are not followed up.",
                EDU,
                SENCO,
                "Track and complete the actions from specialist visits",
            ),
        ),
        inadequate=(
            weak(
                "None of the strategies in the therapy reports was seen in class.",
                HEALTH,
                "Occupational therapist",
                "Run a session with class staff on the therapy strategies",
            ),
            weak(
                "Staff had not seen the psychologist's report.",
                EDU,
                SENCO,
                "Share specialists' reports with the staff who teach the child",
            ),
        ),
    ),
}
