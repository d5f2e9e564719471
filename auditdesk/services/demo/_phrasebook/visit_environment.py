"""Demo phrases for a setting quality visit: the environment (reasonable adjustments,
sensory environment, accessibility, inclusion)."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, HEALTH, Phrases, say, weak

SENCO = "SENCO"
HEAD = "Headteacher"
GOVERNOR = "SEND governor"

PHRASES: dict[str, Phrases] = {
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
}
