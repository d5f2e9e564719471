"""Demo phrases for a setting quality visit: tracking provision and attendance."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, Fact, Phrases, say, weak

SENCO = "SENCO"
HEAD = "Headteacher"

PHRASES: dict[str, Phrases] = {
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
}
