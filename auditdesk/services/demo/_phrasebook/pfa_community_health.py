"""Demo phrases for preparing for adulthood: friends, relationships and community, and
good health."""

from __future__ import annotations

from auditdesk.services.demo._phrasebook.kit import EDU, HEALTH, SOCIAL, Fact, Phrases, say, weak
from auditdesk.services.demo._phrasebook.pfa_thread import pfa_thread

PLAN_WRITER = "Plan writer"
DCO = "Designated clinical officer"
TRANSITIONS = "Transitions social worker"

PHRASES: dict[str, Phrases] = {
    # -- friends, relationships and community -----------------------------------------------
    "pfa.community_thread": pfa_thread(
        "friends, relationships and community",
        "a need around making friends, an outcome to join a youth club and support to get there",
        "a social communication group",
        PLAN_WRITER,
    ),
    "pfa.community_outcome": say(
        (
            "Section E, read for an outcome about friends or community",
            "Section E and the young person's views in A",
        ),
        outstanding=(
            "By July the young person will go to a weekly youth club with a friend, without "
            "staff support: SMART and chosen by them.",
            "A measurable outcome to volunteer at the local park one morning a month.",
        ),
        good=(
            "There is a SMART outcome about friendships.",
            "The community outcome is specific and dated.",
        ),
        requires_improvement=(
            weak(
                "'To have more friends' cannot be measured.",
                EDU,
                PLAN_WRITER,
                "Rewrite the friendship outcome so it can be measured",
            ),
            weak(
                "The community outcome has no date.",
                EDU,
                PLAN_WRITER,
                "Add a date to the community outcome",
            ),
        ),
        inadequate=(
            weak(
                "There is no outcome about friends, relationships or community.",
                EDU,
                PLAN_WRITER,
                "Add a community outcome with the young person",
            ),
            weak(
                "The outcome is 'to attend a social skills group', which is provision.",
                EDU,
                PLAN_WRITER,
                "Write the difference the group should make as the outcome",
            ),
        ),
    ),
    "pfa.community_provision": say(
        (
            "Section F and H, read for social and community provision",
            "Section F and the youth service's offer",
        ),
        outstanding=(
            "A social communication group of four, weekly for a term, and a personal "
            "assistant to attend a club are set out.",
            "Adapted relationships education and support to join a club are quantified.",
        ),
        good=(
            "Social provision is quantified with group size and frequency.",
            "Support to take part in a club is set out in H1 with hours.",
        ),
        requires_improvement=(
            weak(
                "A 'small group' for social skills with no size or frequency.",
                EDU,
                PLAN_WRITER,
                "State the group size and frequency in F",
            ),
            weak(
                "Support to attend a club is mentioned but not quantified.",
                SOCIAL,
                TRANSITIONS,
                "Quantify the club support in Section H1",
            ),
        ),
        inadequate=(
            weak(
                "There is no provision for friendships or community.",
                EDU,
                PLAN_WRITER,
                "Add provision for friendships and community inclusion",
            ),
            weak(
                "F says 'opportunities for social interaction'.",
                EDU,
                PLAN_WRITER,
                "Replace it with specific, quantified provision",
            ),
        ),
    ),
    # -- good health ------------------------------------------------------------------------
    "pfa.health_thread": pfa_thread(
        "health in adult life",
        "a need around managing appointments, an outcome to book their own GP visit and "
        "teaching about their condition",
        "teaching about their own health",
        DCO,
    ),
    "pfa.health_outcome": say(
        (
            "Section E, read for an outcome about managing health",
            "Section E and the health advice in K",
        ),
        na="There are no health needs, and wellbeing is covered in the community outcome.",
        na_when=Fact.NO_HEALTH_NEEDS,
        outstanding=(
            "By July the young person will take their own medication at the right times, "
            "checked by staff: specific and dated.",
            "A SMART outcome to book and attend their own appointments with a reminder app.",
        ),
        good=(
            "There is a SMART outcome about managing their own health.",
            "The health outcome is measurable and dated.",
        ),
        requires_improvement=(
            weak(
                "'To stay healthy' cannot be measured.",
                HEALTH,
                "School nurse",
                "Rewrite the health outcome with the young person",
            ),
            weak(
                "The health outcome has no date.",
                HEALTH,
                "School nurse",
                "Add a date to the health outcome",
            ),
        ),
        inadequate=(
            weak(
                "There is no health outcome for a young person with epilepsy.",
                HEALTH,
                DCO,
                "Agree a health outcome with the young person and their epilepsy nurse",
            ),
            weak(
                "The health outcome is 'to attend clinic', which is a service.",
                HEALTH,
                "Community paediatrician",
                "Write the outcome in terms of what the young person will manage",
            ),
        ),
    ),
    "pfa.health_provision": say(
        (
            "Sections G and F, read for health teaching and support",
            "Section G and the annual health check record",
        ),
        sought="Sections G and F, checked for health teaching, support and the annual health check",
        when={
            Fact.NO_HEALTH_NEEDS: say(
                "Section F, read for teaching about health and wellbeing",
                outstanding="With no health needs in C, F still teaches healthy eating, "
                "exercise and booking a GP appointment, each with who leads it and how often.",
                good="F includes a weekly healthy-living session for adult life; C rightly "
                "lists no health needs, so nothing more is needed.",
                requires_improvement=weak(
                    "Healthy living is mentioned in F but with no amount or deliverer.",
                    EDU,
                    PLAN_WRITER,
                    "Quantify the healthy-living teaching in Section F",
                ),
                inadequate=weak(
                    "Nothing in the plan helps the young person learn to look after their "
                    "health in adult life.",
                    EDU,
                    PLAN_WRITER,
                    "Add teaching about health and wellbeing in adult life to Section F",
                ),
            )
        },
        outstanding=(
            "G sets out termly sessions with the school nurse on managing medication, and "
            "the annual health check from 14.",
            "Teaching about their condition is in F and support to attend appointments is "
            "in G, each quantified.",
        ),
        good=(
            "Health provision is specific, with who provides it and how often.",
            "The annual health check and nurse sessions are set out in G.",
        ),
        requires_improvement=(
            weak(
                "Health teaching is mentioned but not quantified.",
                HEALTH,
                "School nurse",
                "Quantify the health teaching in Section G",
            ),
            weak(
                "The annual health check is missing for a young person with a learning disability.",
                HEALTH,
                DCO,
                "Add the annual health check to Section G",
            ),
        ),
        inadequate=(
            weak(
                "There is no provision to help the young person look after their health.",
                HEALTH,
                DCO,
                "Agree health provision for adulthood in Section G",
            ),
            weak(
                "G says 'health input as required'.",
                HEALTH,
                DCO,
                "Replace it with specific health provision",
            ),
        ),
    ),
}
