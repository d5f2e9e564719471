"""Demo phrases for setting quality visits: leadership, training, tracking, attendance,
environment, and each sampled child (staff knowledge, progress, voice, the parent's view
and preparing for adulthood).

Section F provision lines are in :mod:`provision_lines`: what the plan specifies, what was
delivered and the evidence for it belong together, one line at a time."""

from __future__ import annotations

from auditdesk.services.demo._phrase_kit import EDU, HEALTH, Fact, Phrases, say, weak
from auditdesk.services.demo._provision_lines import delivered_phrases, deliverer_phrases

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
    # -- tracking ---------------------------------------------------------------------------
    "sv.provision_map": say(
        (
            "The setting's provision map compared with the current plans",
            "Provision map and the timetables of pupils with plans",
        ),
        sought=(
            "The provision map asked for, the SENCO's records and the timetables of pupils "
            "with plans"
        ),
        outstanding=(
            "The provision map lists each child's Section F provision and matches the "
            "current plans; timetables show every session.",
            "An up-to-date provision map, checked against each new plan as it arrives.",
        ),
        good=(
            "The provision map matches the current plans.",
            "Each pupil's provision is recorded, with when it happens.",
        ),
        requires_improvement=(
            weak(
                "The provision map is from last year and misses two new plans.",
                EDU,
                SENCO,
                "Update the provision map for every current plan",
            ),
            weak(
                "The map lists provision but not when each session happens.",
                EDU,
                SENCO,
                "Add the timetable slot to each line of the provision map",
            ),
        ),
        inadequate=(
            weak(
                "There is no record of the provision each pupil should receive.",
                EDU,
                SENCO,
                "Create a provision map from the current plans",
            ),
            weak(
                "The provision map does not match any of the plans sampled.",
                EDU,
                SENCO,
                "Rebuild the provision map from Section F of each plan",
            ),
        ),
    ),
    "sv.intervention_logs": say(
        (
            "Intervention logs and timetables for the sampled children",
            "A half term of intervention logs, checked against the timetables",
        ),
        sought=(
            "A half term of intervention logs asked for, for the sampled children, and their "
            "timetables"
        ),
        outstanding=(
            "Logs record every session with date, length, who delivered it and notes, and "
            "missed sessions with the reason.",
            "Delivery can be checked against the plans from the logs alone.",
        ),
        good=(
            "Logs record what was delivered and when.",
            "Intervention logs are kept for each provision line.",
        ),
        requires_improvement=(
            weak(
                "Logs are kept for some interventions but not others.",
                EDU,
                SENCO,
                "Keep an intervention log for each provision line",
            ),
            weak(
                "Logs record dates but not who delivered the session.",
                EDU,
                SENCO,
                "Record the deliverer in each log entry",
            ),
        ),
        inadequate=(
            weak(
                "No intervention logs are kept.",
                EDU,
                SENCO,
                "Start an intervention log for each provision line by half term",
            ),
            weak(
                "Logs are filled in at the end of term from memory.",
                EDU,
                SENCO,
                "Log each session on the day it happens",
            ),
        ),
    ),
    "sv.missed_sessions": say(
        (
            "Intervention logs and the record of rescheduled sessions",
            "Conversation with the SENCO and the logs for the last half term",
        ),
        sought="Conversation with the SENCO and the logs for the last half term",
        yes=(
            "Missed sessions are noticed within the week and made up.",
            "Cancelled sessions are rescheduled and patterns are reported to leaders.",
        ),
        partly=(
            weak(
                "Missed sessions are recorded but rarely made up.",
                EDU,
                SENCO,
                "Make up missed sessions within two weeks",
            ),
            weak(
                "Sessions missed during exams are made up; those lost to staff absence are not.",
                EDU,
                SENCO,
                "Cover provision during staff absence",
            ),
        ),
        no=(
            weak(
                "Nobody tracks missed sessions.",
                EDU,
                SENCO,
                "Track and report missed sessions each half term",
            ),
            weak(
                "A term of sessions was lost to staff absence without anyone noticing.",
                EDU,
                HEAD,
                "Check delivery weekly and make up the lost sessions",
            ),
        ),
    ),
    "sv.impact_reviewed": say(
        (
            "Termly provision reviews and the progress tracking for pupils with plans",
            "Records of provision changes between annual reviews",
        ),
        sought="Conversation with the SENCO and the progress tracking for pupils with plans",
        outstanding=(
            "Impact is reviewed each term with the child's and family's views, and provision "
            "is changed where it is not working.",
            "Two early reviews were requested this year when plans stopped fitting.",
        ),
        good=(
            "The setting reviews the impact of provision each term.",
            "Provision is adjusted between annual reviews when needed.",
        ),
        requires_improvement=(
            weak(
                "Impact is reviewed only at the annual review.",
                EDU,
                SENCO,
                "Review the impact of provision each term",
            ),
            weak(
                "Reviews note that provision is not working but nothing changes.",
                EDU,
                SENCO,
                "Change provision that is not working, or request an early review",
            ),
        ),
        inadequate=(
            weak(
                "There is no review of whether provision makes a difference.",
                EDU,
                HEAD,
                "Set up termly impact reviews",
            ),
            weak(
                "The same interventions have run for three years with no check on impact.",
                EDU,
                SENCO,
                "Review the impact of long-running interventions",
            ),
        ),
    ),
    # -- attendance -------------------------------------------------------------------------
    "sv.attendance_tracked": say(
        (
            "Attendance figures for pupils with plans compared with all pupils",
            "Attendance records and the attendance officer's notes",
        ),
        sought="The setting's attendance records and a conversation with the attendance lead",
        outstanding=(
            "Attendance of pupils with plans is tracked weekly and compared with others; "
            "each fall led to a plan with the family.",
            "Falling attendance triggered an early review where unmet need was the cause.",
        ),
        good=(
            "Attendance of pupils with plans is tracked and compared with others.",
            "The setting acts when attendance falls.",
        ),
        requires_improvement=(
            weak(
                "Attendance is tracked for all pupils but not separately for those with plans.",
                EDU,
                "Attendance officer",
                "Track attendance of pupils with plans separately",
            ),
            weak(
                "Low attendance was noticed but no plan was agreed with the family.",
                EDU,
                SENCO,
                "Agree attendance plans with the families concerned",
            ),
        ),
        inadequate=(
            weak(
                "Attendance of pupils with plans is not tracked at all.",
                EDU,
                HEAD,
                "Track and report attendance of pupils with plans",
            ),
            weak(
                "One pupil's attendance fell below 60% with no action.",
                EDU,
                HEAD,
                "Act on the falling attendance and consider an early review",
            ),
        ),
    ),
    "sv.exclusions_reviewed": say(
        (
            "Suspension and exclusion figures for pupils with plans",
            "Behaviour records and the suspension log",
        ),
        outstanding=(
            "There were two suspensions this year, each followed by a check on unmet need "
            "and an early review.",
            "Leaders know every suspension of a pupil with a plan and review each one.",
        ),
        good=(
            "Suspensions of pupils with plans are low and each is reviewed.",
            "Each suspension led to a check on whether needs were met.",
        ),
        requires_improvement=(
            weak(
                "Suspensions are recorded but not reviewed for unmet need.",
                EDU,
                SENCO,
                "Review each suspension of a pupil with a plan for unmet need",
            ),
            weak(
                "Suspensions of pupils with plans are double the rate for others.",
                EDU,
                HEAD,
                "Review the behaviour policy for pupils with plans",
            ),
        ),
        inadequate=(
            weak(
                "A pupil is routinely sent home early, an informal exclusion.",
                EDU,
                HEAD,
                "Stop the informal exclusion and hold an early review",
            ),
            weak(
                "Leaders did not know how many suspensions pupils with plans had.",
                EDU,
                HEAD,
                "Record and review suspensions of pupils with plans",
            ),
        ),
    ),
    "sv.part_time_timetables": say(
        (
            "Part-time timetable agreements and the council's notifications",
            "Timetables of pupils with plans and the agreements with families",
        ),
        sought=(
            "Timetables of pupils with plans, checked for family agreements and "
            "notifications to the council"
        ),
        na="No pupil with a plan is on a part-time timetable.",
        na_when=Fact.NO_PART_TIME_TIMETABLE,
        yes=(
            "The one part-time timetable is agreed with the family, lasts six weeks and has "
            "a plan back to full time.",
            "Part-time timetables are short, agreed and reported to the council.",
        ),
        partly=(
            weak(
                "The part-time timetable is agreed but has no end date.",
                EDU,
                SENCO,
                "Set an end date and a return plan for the part-time timetable",
            ),
            weak(
                "The council was not told about the part-time timetable.",
                EDU,
                SENCO,
                "Notify the council of every part-time timetable",
            ),
        ),
        no=(
            weak(
                "A pupil has been on a part-time timetable for two terms without a plan to return.",
                EDU,
                HEAD,
                "Agree a return to full time and hold an early review",
            ),
            weak(
                "Part-time timetables were set without the families' agreement.",
                EDU,
                HEAD,
                "Meet the families and review each part-time timetable",
            ),
        ),
    ),
    # -- environment ------------------------------------------------------------------------
    "sv.reasonable_adjustments": say(
        (
            "Observation around the site and conversations with pupils and parents",
            "Behaviour policy, trips records and lesson observation",
        ),
        outstanding=(
            "Adjustments to routines, uniform and trips are routine, and pupils gave "
            "examples themselves.",
            "The behaviour policy is adapted for pupils with plans, and every trip this year "
            "included them.",
        ),
        good=(
            "Reasonable adjustments let pupils with plans take part fully.",
            "Parents gave examples of adjustments to routines and trips.",
        ),
        requires_improvement=(
            weak(
                "Adjustments are made in the SEND base but not in mainstream lessons.",
                EDU,
                SENCO,
                "Share the adjustments with class teachers",
            ),
            weak(
                "Uniform rules are applied without adjustment for sensory needs.",
                EDU,
                HEAD,
                "Adjust the uniform policy for pupils with sensory needs",
            ),
        ),
        inadequate=(
            weak(
                "Pupils with plans were left out of the residential trip.",
                EDU,
                HEAD,
                "Plan trips so pupils with plans can take part",
            ),
            weak(
                "The behaviour policy is applied without adjustment, leading to suspensions.",
                EDU,
                HEAD,
                "Review the behaviour policy for reasonable adjustments",
            ),
        ),
    ),
    "sv.sensory_environment": say(
        (
            "Walk of classrooms and social spaces; specialist equipment checked",
            "Observation of classrooms, the calm room and the dining hall",
        ),
        outstanding=(
            "Calm spaces, visual supports and managed noise and lighting throughout; all "
            "equipment named in plans is present and working.",
            "Every classroom visited had visual timetables and suitable seating.",
        ),
        good=(
            "The environment suits pupils' sensory and communication needs.",
            "Visual supports and a calm space are in place.",
        ),
        requires_improvement=(
            weak(
                "The dining hall is very loud and has no quiet area.",
                EDU,
                SENCO,
                "Create a quiet space for lunch",
            ),
            weak(
                "The writing slope named in one plan is broken.",
                EDU,
                SENCO,
                "Replace the broken equipment",
            ),
        ),
        inadequate=(
            weak(
                "There is no calm space and no visual support in the classrooms visited.",
                EDU,
                HEAD,
                "Provide calm spaces and visual supports",
            ),
            weak(
                "Specialist seating named in two plans is missing.",
                HEALTH,
                "Occupational therapist",
                "Assess and supply the specialist seating",
            ),
        ),
    ),
    "sv.accessibility": say(
        (
            "Site walk and the accessibility plan",
            "Accessibility plan and the premises manager's notes",
        ),
        sought="Site walk, with the accessibility plan asked for",
        yes=(
            "Every area is accessible and the accessibility plan is current.",
            "The site is accessible and the plan's actions are on track.",
        ),
        partly=(
            weak(
                "The upper floor has no lift, and the accessibility plan is a year out of date.",
                EDU,
                HEAD,
                "Update the accessibility plan and timetable lessons on the ground floor",
            ),
            weak(
                "The site is accessible but the accessibility plan has expired.",
                EDU,
                GOVERNOR,
                "Renew the accessibility plan",
            ),
        ),
        no=(
            weak(
                "A wheelchair user cannot reach the library or the hall.",
                EDU,
                HEAD,
                "Make the library and hall accessible",
            ),
            weak(
                "There is no accessibility plan.",
                EDU,
                GOVERNOR,
                "Write an accessibility plan",
            ),
        ),
    ),
    "sv.inclusion": say(
        (
            "Observation at break and lunch, club registers and trips records",
            "Club registers, assembly observation and pupils' comments",
        ),
        outstanding=(
            "Pupils with plans take part in clubs, trips and assemblies with their peers, "
            "and told us so.",
            "Pupils with plans are part of every area of school life, including the council.",
        ),
        good=(
            "Pupils with plans join clubs, trips and social times.",
            "Pupils with plans are taught with their class, as the plans intend.",
        ),
        requires_improvement=(
            weak(
                "Pupils with plans spend most lessons in the SEND base, beyond what their plans "
                "say.",
                EDU,
                SENCO,
                "Review time spent out of class against each plan",
            ),
            weak(
                "No pupil with a plan attends an after-school club.",
                EDU,
                SENCO,
                "Support pupils with plans to join clubs",
            ),
        ),
        inadequate=(
            weak(
                "Pupils with plans eat lunch separately and miss assemblies.",
                EDU,
                HEAD,
                "Include pupils with plans in social times and assemblies",
            ),
            weak(
                "Pupils with plans are routinely taught away from their class.",
                EDU,
                HEAD,
                "Return pupils to their classes unless their plan says otherwise",
            ),
        ),
    ),
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

# What the visiting team saw of the child's day, matched to how the child said they feel.
OBSERVATIONS = {
    "happy": (
        "Settled in class with a visual timetable; joined the group task and chose a friend "
        "to work with.",
        "Used their communication aid with familiar staff and laughed with peers at break.",
    ),
    "mostly_happy": (
        "Settled in class with adult prompts; chose to work alone at break.",
        "Joined the lesson with support; used the calm area once, by choice.",
    ),
    "not_sure": (
        "Stayed on the edge of the group task and needed repeated prompts.",
        "Quiet in class; spent break with the TA rather than peers.",
    ),
    "unhappy": (
        "Became upset in the busy corridor and spent 20 minutes in the calm room.",
        "Left the lesson twice; the TA was covering another class.",
    ),
    "na": (
        "Worked with the TA on the reading programme, then joined the class for maths.",
        "Spent the morning in class with a visual timetable; went to the library at lunch.",
    ),
}

# What the parent or carer said, matched to their answer on the confidence scale.
PARENT_COMMENTS = {
    "confident": (
        "Parent says their child is happier since the new timetable started.",
        "Carer feels listened to and knows who to contact at the setting.",
    ),
    "mostly_confident": (
        "Parent would like more regular updates on therapy sessions.",
        "Carer is pleased with the class teacher but worries about next year.",
    ),
    "not_sure": (
        "Parent is unsure what support happens day to day.",
        "Carer hears about problems but little about progress.",
    ),
    "not_confident": (
        "Parent says the speech sessions stopped in the autumn and nobody said why.",
        "Carer feels the setting does not understand their child's anxiety.",
    ),
}
