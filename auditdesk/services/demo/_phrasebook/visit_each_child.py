"""Demo phrases for a setting quality visit, for each sampled child: staff knowledge of
the plan, provision delivered and who delivers it, progress, voice, the parent's view and
preparing for adulthood.

Section F provision lines are in :mod:`provision_lines`: what the plan specifies, what was
delivered and the evidence for it belong together, one line at a time."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, Fact, Phrases, say, weak
from auditdesk.services.demo._phrasebook.provision_lines import delivered_phrases, deliverer_phrases

SENCO = "SENCO"

PHRASES: dict[str, Phrases] = {
    # -- each sampled child -----------------------------------------------------------------
    "child.staff_know_plan": say(
        (
            "Conversations with the class teacher and the child's TA",
            "Staff interviews and the copy of the plan in the classroom",
        ),
        sought="Conversations with the class teacher and the child's TA",
        outstanding=(
            "The teacher and TA described the child's needs, outcomes and support without "
            "looking at the plan.",
            "Staff knew the outcomes and showed how today's lesson worked towards them.",
        ),
        good=(
            "Staff know the child's main needs and outcomes.",
            "The TA described the child's support and has the current plan to hand.",
        ),
        requires_improvement=(
            weak(
                "The TA knows the support but the class teacher had not read the plan.",
                EDU,
                SENCO,
                "Share the child's plan with the class teacher",
            ),
            weak(
                "Staff know the needs but not the outcomes.",
                EDU,
                SENCO,
                "Brief staff on the child's outcomes",
            ),
        ),
        inadequate=(
            weak(
                "Staff working with the child had not seen the plan.",
                EDU,
                SENCO,
                "Give staff access to the current plan and brief them",
            ),
            weak(
                "Nobody could describe the child's outcomes.",
                EDU,
                SENCO,
                "Brief every adult working with the child on the plan",
            ),
        ),
    ),
    "child.plan_current": say(
        (
            "The plan held in the child's file",
            "The setting's file, compared with the council's latest final plan",
        ),
        yes=(
            "The setting has the latest final plan and the last review paperwork.",
            "Current final plan and review paperwork are on file.",
        ),
        partly=(
            weak(
                "The setting has the final plan but not the last review paperwork.",
                EDU,
                "SEN case officer",
                "Send the setting the last review paperwork",
            ),
            weak(
                "The setting is working from the proposed amendments, not the final plan.",
                EDU,
                "SEN case officer",
                "Send the setting the final amended plan",
            ),
        ),
        no=(
            weak(
                "The setting works from a plan two versions old.",
                EDU,
                "SEN case officer",
                "Send the current plan and check the setting's records",
            ),
            weak(
                "The setting holds only the draft plan.",
                EDU,
                "SEN case officer",
                "Send the final plan to the setting",
            ),
        ),
    ),
    "child.provision_delivered": delivered_phrases(),
    "child.provision_deliverer": deliverer_phrases(),
    "child.progress_outcomes": say(
        (
            "The setting's tracking against the plan's steps, work seen and what staff said",
            "Progress records, work books and the child's own view",
        ),
        na="The plan is too new for progress to be judged.",
        na_when=Fact.PLAN_TOO_NEW,
        exceeding=(
            "The child has met two of the year's steps already and is ahead on the rest.",
            "Progress is ahead of the steps in Section E, shown in tracking and work seen.",
        ),
        on_track=(
            "On track against the steps in Section E, shown in the setting's tracking.",
            "Work seen and staff accounts show steady progress towards each outcome.",
        ),
        some_progress=(
            weak(
                "Progress towards the communication outcome; the reading outcome has stalled.",
                EDU,
                SENCO,
                "Review the reading provision and its impact",
            ),
            weak(
                "Some progress, but behind the steps for the year.",
                EDU,
                SENCO,
                "Request an early review if progress stays behind the steps",
            ),
        ),
        no_progress=(
            weak(
                "No progress towards the outcomes this year.",
                EDU,
                SENCO,
                "Request an early review of the plan",
            ),
            weak(
                "The child has gone backwards on the social outcome since the spring.",
                EDU,
                SENCO,
                "Review provision for the social outcome with the family",
            ),
        ),
    ),
    "child.progress_tracked": say(
        (
            "Progress records for the child's outcomes",
            "The setting's tracking sheet and the last review report",
        ),
        sought="The setting's assessment records and a conversation with the SENCO",
        yes=(
            "Progress is tracked against each outcome and updated each term.",
            "Records show progress against the outcomes and steps, ready for the review.",
        ),
        partly=(
            weak(
                "Tracking covers attainment; only one outcome is tracked.",
                EDU,
                SENCO,
                "Track progress against every outcome",
            ),
            weak(
                "Outcomes are tracked, but last updated a year ago.",
                EDU,
                SENCO,
                "Update outcome tracking each term",
            ),
        ),
        no=(
            weak(
                "Only general attainment is tracked.",
                EDU,
                SENCO,
                "Set up tracking against the plan's outcomes",
            ),
            weak(
                "There is no tracking of the child's progress.",
                EDU,
                SENCO,
                "Start tracking progress against the outcomes",
            ),
        ),
    ),
    "child.voice_acted_on": say(
        (
            "Pupil voice records and conversation with the child's key adult",
            "The child's feelings scale records and their one-page profile",
        ),
        sought="Conversation with the child's key adult, and any pupil voice records for the child",
        outstanding=(
            "Views are gathered weekly with a feelings scale, and the child's request for a "
            "quiet lunch space was acted on.",
            "The one-page profile was updated with the child this term, and staff showed "
            "what changed because of it.",
        ),
        good=(
            "Staff gather the child's views regularly in a way that suits them.",
            "The child's views are captured and staff gave an example of acting on them.",
        ),
        requires_improvement=(
            weak(
                "Views are gathered once a year, before the review.",
                EDU,
                SENCO,
                "Gather the child's views each term",
            ),
            weak(
                "Views are gathered, but staff could give no example of acting on them.",
                EDU,
                SENCO,
                "Record what changes because of the child's views",
            ),
        ),
        inadequate=(
            weak(
                "The child's views are not gathered.",
                EDU,
                SENCO,
                "Gather the child's views in a way that suits them",
            ),
            weak(
                "A written questionnaire is used with a child who does not read.",
                EDU,
                SENCO,
                "Use symbols or a feelings scale to gather the child's views",
            ),
        ),
    ),
    "child.view": say(
        (
            "Talked with the child using a faces scale, with their key adult",
            "Conversation with the child, using their symbol board",
        ),
        na="The child chose not to answer on the day.",
        na_when=Fact.CHILD_DID_NOT_ANSWER,
        happy=(
            "Chose the happiest face and said 'I like my group'.",
            "Pointed to 'happy' and showed us their favourite corner.",
        ),
        mostly_happy=(
            "Chose the smiling face, but said lunchtimes are noisy.",
            "Mostly happy; finds the walk between lessons hard.",
        ),
        not_sure=(
            "Chose the middle face and would not say more.",
            "Unsure; said some days are good and some are bad.",
        ),
        unhappy=(
            "Chose the sad face and said they miss their old TA.",
            "Said they do not like school and that the classroom is too loud.",
        ),
    ),
    "child.parent_view": say(
        (
            "Phone call with the parent, with their agreement",
            "Conversation with the carer at the end of the visit",
        ),
        na="The family could not be contacted before the visit.",
        na_when=Fact.PARENT_NOT_REACHED,
        confident=(
            "Confident the setting meets their child's needs.",
            "Fully confident; knows who to contact.",
        ),
        mostly_confident=(
            "Mostly confident, but would like more news about therapy.",
            "Mostly confident; worried about the move to the next class.",
        ),
        not_sure=(
            "Unsure whether the support in the plan is happening.",
            "Not sure; hears little from the school.",
        ),
        not_confident=(
            "Not confident: says the sessions stopped in the autumn.",
            "Not confident the setting understands their child's needs.",
        ),
    ),
    "child.pfa_provision": say(
        (
            "Careers programme records, timetable and the young person's work experience log",
            "Travel training log and the independent living sessions record",
        ),
        sought=(
            "The young person's timetable, with the careers, travel training and work "
            "experience records asked for"
        ),
        delivered=(
            "Travel training is happening twice a week as Section F specifies.",
            "Weekly work experience and termly careers interviews are happening as planned.",
        ),
        partly=(
            weak(
                "Careers interviews are happening; the work experience has not started.",
                EDU,
                "Careers adviser",
                "Arrange the work experience placement in the plan",
            ),
            weak(
                "Travel training runs once a week, not twice.",
                EDU,
                SENCO,
                "Restore the second weekly travel training session",
            ),
        ),
        not_delivered=(
            weak(
                "The independent living sessions have not run this year.",
                EDU,
                SENCO,
                "Restart the independent living sessions",
            ),
            weak(
                "No careers guidance has taken place.",
                EDU,
                "Careers adviser",
                "Book careers guidance for the young person",
            ),
        ),
        no_evidence=(
            weak(
                "Staff say travel training happens but there is no record.",
                EDU,
                SENCO,
                "Log each travel training session",
            ),
            weak(
                "No record of the work experience could be found.",
                EDU,
                SENCO,
                "Record the work experience and share it with the family",
            ),
        ),
    ),
    "child.pfa_aspirations_known": say(
        (
            "Conversations with staff and the young person's timetable",
            "Careers guidance notes and staff interviews",
        ),
        outstanding=(
            "Staff described the young person's hopes for work, living and friends, and the "
            "timetable reflects them.",
            "The careers plan is built around the young person's aim to work in a garage.",
        ),
        good=(
            "Staff know the young person's aspirations and plan around them.",
            "The timetable reflects what the young person wants to do next.",
        ),
        requires_improvement=(
            weak(
                "Staff know the college plan but nothing about the young person's other hopes.",
                EDU,
                SENCO,
                "Share the young person's aspirations with their teachers",
            ),
            weak(
                "Aspirations are known but the timetable does not reflect them.",
                EDU,
                SENCO,
                "Adjust the timetable towards the young person's aspirations",
            ),
        ),
        inadequate=(
            weak(
                "Staff did not know the young person's aspirations.",
                EDU,
                SENCO,
                "Brief staff on the young person's aspirations",
            ),
            weak(
                "The careers plan contradicts what the young person wants.",
                EDU,
                "Careers adviser",
                "Rewrite the careers plan with the young person",
            ),
        ),
    ),
}
