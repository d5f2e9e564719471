"""Suggested grades: worked examples on small hand-written templates, then properties.

Points: Outstanding 4, Good 3, Requires improvement 2, Inadequate 1. Default thresholds:
Outstanding from 3.5, Good from 2.5, Requires improvement from 1.5.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditdesk.domain.grades import NOT_APPLICABLE, Grade
from auditdesk.domain.grading import GradingResult, grade_audit
from auditdesk.domain.template_index import Block, TemplateIndex
from auditdesk.domain.template_loader import load_template_text
from auditdesk.domain.template_model import AnswerContext
from auditdesk.errors import TemplateProblem
from tests.domain.builders import CODE_FOR_POINTS, block, index_of, question, section

OS, GD, RI, INAD = "outstanding", "good", "requires_improvement", "inadequate"
NO_CONTEXT = AnswerContext()


def grade(
    index: TemplateIndex,
    ratings: Mapping[tuple[str, str | None], str],
    blocks: list[Block] | None = None,
    context: AnswerContext = NO_CONTEXT,
) -> GradingResult:
    return grade_audit(index, blocks or [], context, ratings)


def plain(ratings: Mapping[str, str]) -> dict[tuple[str, str | None], str]:
    """Ratings of questions outside any repeating section (no block)."""
    return {(qid, None): code for qid, code in ratings.items()}


def three_question_index(**grading: Any) -> TemplateIndex:
    return index_of(
        section("s", question("a"), question("b"), question("c")), grading=grading or None
    )


# -- averages and thresholds -----------------------------------------------------------
THRESHOLDS = {
    Grade.OUTSTANDING: "3.50 or more",
    Grade.GOOD: "2.50 or more",
    Grade.REQUIRES_IMPROVEMENT: "1.50 or more",
    Grade.INADEQUATE: "below 1.50",
}


@pytest.mark.parametrize(
    ("codes", "average", "expected"),
    [
        # (3 + 2) / 2 = 2.5: exactly on the Good threshold, so Good.
        ({"a": GD, "b": RI}, 2.5, Grade.GOOD),
        # (3 + 2 + 2) / 3 = 2.333...: below 2.5.
        ({"a": GD, "b": RI, "c": RI}, 2.333333333, Grade.REQUIRES_IMPROVEMENT),
        # (4 + 3) / 2 = 3.5: exactly Outstanding.
        ({"a": OS, "b": GD}, 3.5, Grade.OUTSTANDING),
        # (4 + 3 + 3) / 3 = 3.333...: Good.
        ({"a": OS, "b": GD, "c": GD}, 3.333333333, Grade.GOOD),
        # (2 + 1) / 2 = 1.5: exactly Requires improvement.
        ({"a": RI, "b": INAD}, 1.5, Grade.REQUIRES_IMPROVEMENT),
        # (2 + 1 + 1) / 3 = 1.333...: Inadequate.
        ({"a": RI, "b": INAD, "c": INAD}, 1.333333333, Grade.INADEQUATE),
    ],
)
def test_average_and_thresholds(codes: dict[str, str], average: float, expected: Grade) -> None:
    result = grade(three_question_index(), plain(codes))
    section_result = result.section("s")
    assert section_result.average == pytest.approx(average, abs=1e-9)
    assert section_result.grade is expected
    assert section_result.rated == len(codes)
    assert section_result.reasons[0] == (
        f"Section s: {expected.label} — {len(codes)} ratings averaging {average:.2f} points "
        f"per rating, and {THRESHOLDS[expected]} is {expected.label}."
    )
    # One top-level section: the overall grade is that section's grade.
    assert result.overall is expected
    assert result.overall_average == expected.points


def test_template_thresholds_are_used() -> None:
    strict = three_question_index(
        outstanding_from=3.9, good_from=3.0, requires_improvement_from=2.0
    )
    result = grade(strict, plain({"a": OS, "b": GD, "c": GD}))  # 3.33: Good by default
    assert result.section("s").grade is Grade.GOOD
    result = grade(strict, plain({"a": GD, "b": RI}))  # 2.5: Good by default, not here
    assert result.section("s").grade is Grade.REQUIRES_IMPROVEMENT
    assert "2.00 or more is Requires improvement" in result.overall_reasons[0]


def test_floating_point_noise_does_not_lose_the_boundary() -> None:
    # On paper (3 * 5.9 + 3 * 3.8 + 2 * 0.3 + 2 * 9.4) / (5.9 + 3.8 + 0.3 + 9.4)
    # = 48.5 / 19.4 = 2.5 exactly; in binary floating point it comes to 2.4999999999999996.
    index = index_of(
        section(
            "s",
            question("a", weight=5.9),
            question("b", weight=3.8),
            question("c", weight=0.3),
            question("d", weight=9.4),
        )
    )
    result = grade(index, plain({"a": GD, "b": GD, "c": RI, "d": RI}))
    assert result.section("s").average == 2.5
    assert result.section("s").grade is Grade.GOOD


# -- weights -----------------------------------------------------------------------------


def test_question_weights() -> None:
    index = index_of(section("s", question("heavy", weight=3), question("light")))
    # (3 * 1 + 1 * 4) / (3 + 1) = 7 / 4 = 1.75: Requires improvement.
    # Unweighted it would be (1 + 4) / 2 = 2.5, Good.
    result = grade(index, plain({"heavy": INAD, "light": OS}))
    assert result.section("s").average == 1.75
    assert result.section("s").grade is Grade.REQUIRES_IMPROVEMENT


def test_section_weights_in_the_overall_grade() -> None:
    index = index_of(
        section("small", question("a"), weight=1),
        section("big", question("b"), weight=3),
    )
    # Sections Outstanding (4) and Good (3): (1 * 4 + 3 * 3) / 4 = 3.25, Good.
    result = grade(index, plain({"a": OS, "b": GD}))
    assert result.overall_average == 3.25
    assert result.overall is Grade.GOOD
    # Swapped: (1 * 3 + 3 * 4) / 4 = 3.75, Outstanding.
    result = grade(index, plain({"a": GD, "b": OS}))
    assert result.overall_average == 3.75
    assert result.overall is Grade.OUTSTANDING
    assert result.overall_reasons[0] == (
        "Overall: Outstanding — the 2 section grades average 3.75 points (Outstanding 4, "
        "Good 3, Requires improvement 2, Inadequate 1), with 1 section grade counting three "
        "times (weighted by importance in the template), and 3.50 or more is Outstanding."
    )


def test_overall_averages_section_grades_not_raw_points() -> None:
    index = index_of(
        section("one", question("a"), question("b")),
        section("two", question("c")),
    )
    # Section one: (4 + 2) / 2 = 3.0, Good (3). Section two: 4, Outstanding.
    # Overall: (3 + 4) / 2 = 3.5, Outstanding. Pooling the raw points ((4+2+4)/3 = 3.33)
    # would give Good.
    result = grade(index, plain({"a": OS, "b": RI, "c": OS}))
    assert result.overall_average == 3.5
    assert result.overall is Grade.OUTSTANDING


def test_nested_sections_pool_into_their_parent() -> None:
    index = index_of(
        section(
            "parent", question("p"), sections=[section("child", question("c1"), question("c2"))]
        )
    )
    result = grade(index, plain({"p": OS, "c1": INAD, "c2": INAD}))
    child = result.section("child")
    parent = result.section("parent")
    assert (child.grade, child.rated) == (Grade.INADEQUATE, 2)
    assert parent.rated == 3
    assert parent.average == pytest.approx(2.0)  # (4 + 1 + 1) / 3
    assert parent.grade is Grade.REQUIRES_IMPROVEMENT
    # Only top-level sections make up the overall grade.
    assert result.overall is Grade.REQUIRES_IMPROVEMENT
    assert "the 1 section grade scores 2 points" in result.overall_reasons[0]


# -- N/A, recorded-only answers, stale codes ---------------------------------------------


def test_na_is_excluded_and_mentioned_in_reasons() -> None:
    result = grade(
        three_question_index(), plain({"a": GD, "b": NOT_APPLICABLE, "c": NOT_APPLICABLE})
    )
    section_result = result.section("s")
    assert (section_result.grade, section_result.average) == (Grade.GOOD, 3.0)
    assert (section_result.rated, section_result.not_applicable) == (1, 2)
    assert "2 rated N/A are not counted" in section_result.reasons[0]
    assert (
        section_result.reasons[0]
        == "Section s: Good — 1 rating of 3 points, and 2.50 or more is Good; 2 rated N/A are "
        "not counted."
    )


def test_all_na_is_not_graded_and_says_so() -> None:
    result = grade(three_question_index(), plain(dict.fromkeys("abc", NOT_APPLICABLE)))
    section_result = result.section("s")
    assert section_result.grade is None
    assert section_result.average is None
    assert section_result.not_applicable == 3
    assert section_result.reasons == ("Section s: not graded — every answer is N/A.",)
    assert result.overall is None
    assert result.overall_reasons == ("Overall: not graded yet — no section has a grade.",)


def test_recorded_only_options_are_ignored() -> None:
    index = index_of(section("s", question("a"), question("view", scale="child_view")))
    with_view = grade(index, plain({"a": RI, "view": "unhappy"}))
    without = grade(index, plain({"a": RI}))
    assert with_view == without
    assert with_view.section("s").rated == 1
    assert with_view.section("s").not_applicable == 0
    # Only a recorded-only answer: nothing to grade.
    only_view = grade(index, plain({"view": "happy"}))
    assert only_view.section("s").grade is None
    assert "no rated answers" in only_view.section("s").reasons[0]


def test_code_no_longer_on_the_scale_is_ignored() -> None:
    result = grade(three_question_index(), plain({"a": GD, "b": "excellent"}))
    assert result.section("s").rated == 1
    assert result.section("s").grade is Grade.GOOD


def test_written_questions_are_never_graded() -> None:
    index = index_of(section("s", question("a"), question("notes", scale=None)))
    result = grade(index, plain({"a": GD, "notes": INAD}))
    assert result.section("s").rated == 1
    assert result.section("s").grade is Grade.GOOD


# -- limiting rules -----------------------------------------------------------------------


def limited_index(scope: str) -> TemplateIndex:
    limit = {"when": [INAD], "cap": RI, "scope": scope}
    return index_of(
        section(
            "voice",
            question("voice.child", limits=[limit], prompt="Is the child's voice heard?"),
            question("voice.a"),
            question("voice.b"),
        ),
        section("other", question("o.a")),
    )


def test_section_limit_caps_the_section() -> None:
    index = limited_index("section")
    # Section voice: (1 + 4 + 4) / 3 = 3.0, Good, but limited to Requires improvement.
    result = grade(index, plain({"voice.child": INAD, "voice.a": OS, "voice.b": OS, "o.a": OS}))
    voice = result.section("voice")
    assert voice.average == 3.0
    assert voice.grade is Grade.REQUIRES_IMPROVEMENT
    assert voice.reasons[1] == (
        "Section voice: limited to Requires improvement because "
        "“Is the child's voice heard?” was rated Inadequate."
    )
    # The overall is the average of the capped section grades: (2 + 4) / 2 = 3.0, Good.
    assert result.overall is Grade.GOOD
    assert result.overall_average == 3.0
    assert not any("limited" in reason for reason in result.overall_reasons)


def test_limit_not_triggered_by_other_options() -> None:
    index = limited_index("section")
    result = grade(index, plain({"voice.child": RI, "voice.a": OS, "voice.b": OS, "o.a": OS}))
    assert result.section("voice").grade is Grade.GOOD  # (2 + 4 + 4) / 3 = 3.33
    assert not any("limited" in reason for reason in result.reasons)


def test_limit_never_raises_a_grade() -> None:
    index = limited_index("section")
    result = grade(index, plain({"voice.child": INAD, "voice.a": INAD, "o.a": OS}))
    assert result.section("voice").grade is Grade.INADEQUATE
    assert not any("limited" in reason for reason in result.section("voice").reasons)


def test_overall_limit_caps_only_the_overall_grade() -> None:
    index = limited_index("overall")
    result = grade(index, plain({"voice.child": INAD, "voice.a": OS, "voice.b": OS, "o.a": OS}))
    assert result.section("voice").grade is Grade.GOOD
    assert len(result.section("voice").reasons) == 1
    # Sections Good and Outstanding: 3.5, Outstanding before the limit.
    assert result.overall_average == 3.5
    assert result.overall is Grade.REQUIRES_IMPROVEMENT
    assert result.overall_reasons[-1] == (
        "Overall: limited to Requires improvement because "
        "“Is the child's voice heard?” was rated Inadequate."
    )


def test_section_limit_in_a_nested_section_caps_its_parents_too() -> None:
    limit = {"when": ["no"], "cap": RI, "scope": "section"}
    index = index_of(
        section(
            "health",
            question("h.a"),
            sections=[section("c", question("c.stated", scale="yes_partly_no", limits=[limit]))],
        ),
        section("other", question("o.a")),
    )
    result = grade(index, plain({"h.a": OS, "c.stated": "no", "o.a": OS}))
    assert result.section("c").grade is Grade.INADEQUATE  # 1 point, below any cap
    assert result.section("health").average == 2.5  # (4 + 1) / 2, Good
    assert result.section("health").grade is Grade.REQUIRES_IMPROVEMENT
    assert "was rated No" in result.section("health").reasons[-1]
    assert result.section("other").grade is Grade.OUTSTANDING


def test_lowest_of_several_caps_wins() -> None:
    index = index_of(
        section(
            "s",
            question("a", limits=[{"when": [RI, INAD], "cap": GD}]),
            question("b", limits=[{"when": [INAD], "cap": INAD}]),
            question("c"),
        )
    )
    result = grade(index, plain({"a": RI, "b": INAD, "c": OS}))
    assert result.overall is Grade.INADEQUATE
    assert "limited to Inadequate" in result.overall_reasons[-1]


def test_template_section_limits() -> None:
    index = index_of(
        section("one", question("a")),
        section("two", question("b")),
        section("three", question("c")),
        grading={"section_limits": [{"when_any_section": [INAD], "cap": RI}]},
    )
    # Sections 4, 4, 1: average 3.0, Good, but one section is Inadequate.
    result = grade(index, plain({"a": OS, "b": OS, "c": INAD}))
    assert result.overall_average == 3.0
    assert result.overall is Grade.REQUIRES_IMPROVEMENT
    assert result.overall_reasons[-1] == (
        "Overall: limited to Requires improvement because Section three is graded "
        "Inadequate (template rule for any section graded Inadequate)."
    )
    # Without an Inadequate section the rule does not fire.
    result = grade(index, plain({"a": OS, "b": OS, "c": RI}))
    assert result.overall is Grade.GOOD  # (4 + 4 + 2) / 3 = 3.33


def test_limit_on_recorded_only_option_is_not_silently_ignored() -> None:
    # Recorded-only answers (options without points) are never graded, so a limit on one
    # could never fire: the template check must refuse it rather than ignore it silently.
    text = """\
id: t
version: 1
title: T
kind: setting_visit
scales:
  - id: ofsted
    title: Ofsted
    options:
      - {code: good, label: Good, points: 3}
      - {code: poor, label: Poor, points: 1}
  - id: child_view
    title: Child view
    options:
      - {code: happy, label: Happy}
      - {code: unhappy, label: Unhappy}
sections:
  - id: child
    title: Child
    repeat: {unit: sampled child, label: Child, sampled_child: true}
    questions:
      - id: c.a
        prompt: Is the provision delivered?
        scale: ofsted
      - id: c.view
        prompt: How does the child feel?
        scale: child_view
        limits:
          - {when: [unhappy], cap: requires_improvement}
"""
    refusal: TemplateProblem | None = None
    try:
        loaded = load_template_text(text, "t.yaml")
    except TemplateProblem as problem:
        refusal = problem
    if refusal is not None:
        # Refused, pointing at the limit: fine.
        assert "sections[0].questions[1].limits[0]" in str(refusal), refusal.problems
        return
    index = TemplateIndex(loaded.template)
    blocks = [block("b1", "child", label="Child CE-1")]
    result = grade(index, {("c.a", "b1"): "good", ("c.view", "b1"): "unhappy"}, blocks)
    assert result.overall is Grade.REQUIRES_IMPROVEMENT, result.overall_reasons


# -- repeating sections and applicability ----------------------------------------------


def test_each_repeat_counts_as_an_answer() -> None:
    limit = {"when": [INAD], "cap": RI, "scope": "section"}
    index = index_of(
        section("plan", question("p")),
        section(
            "outcome",
            question("o.smart", limits=[limit], prompt="Is the outcome SMART?"),
            repeat={"unit": "outcome", "label": "Outcome"},
        ),
    )
    blocks = [
        block("o1", "outcome", label="Outcome 1", position=0),
        block("o2", "outcome", label="Outcome 2", position=1),
        block("o3", "outcome", label="Outcome 3", position=2),
        block("o4", "outcome", label="Outcome 4", position=3),
    ]
    ratings = {
        ("p", None): GD,
        ("o.smart", "o1"): OS,
        ("o.smart", "o2"): OS,
        ("o.smart", "o3"): OS,
        ("o.smart", "o4"): INAD,
    }
    result = grade(index, ratings, blocks)
    outcome = result.section("outcome")
    assert outcome.rated == 4
    assert outcome.average == 3.25  # (4 + 4 + 4 + 1) / 4
    assert outcome.grade is Grade.REQUIRES_IMPROVEMENT
    # The reason says which block triggered the limit.
    assert outcome.reasons[-1].endswith("“Is the outcome SMART?” was rated Inadequate (Outcome 4).")
    # A rating for a block that is not in the audit (deleted) is not counted.
    stale = grade(index, {**ratings, ("o.smart", "gone"): INAD}, blocks)
    assert stale == result


def test_nested_blocks_are_counted_and_named_in_reasons() -> None:
    limit = {"when": [INAD], "cap": RI, "scope": "overall"}
    index = index_of(
        section(
            "child",
            question("c.a"),
            repeat={"unit": "sampled child", "label": "Child", "sampled_child": True},
            sections=[
                section(
                    "line",
                    question("l.delivered", limits=[limit], prompt="Delivered?"),
                    repeat={"unit": "provision line", "label": "Line"},
                )
            ],
        ),
    )
    blocks = [
        block("c1", "child", label="Child CE-1", year_group=5),
        block("l1", "line", parent="c1", label="Line 1"),
        block("l2", "line", parent="c1", label="Line 2", position=1),
    ]
    ratings = {("c.a", "c1"): OS, ("l.delivered", "l1"): OS, ("l.delivered", "l2"): INAD}
    result = grade(index, ratings, blocks)
    assert result.section("line").rated == 2
    assert result.section("child").rated == 3
    assert result.section("child").average == 3.0  # (4 + 4 + 1) / 3
    assert result.overall is Grade.REQUIRES_IMPROVEMENT
    assert result.overall_reasons[-1].endswith("was rated Inadequate (Child CE-1 › Line 2).")


def pfa_index() -> TemplateIndex:
    return index_of(
        section(
            "s",
            question("a"),
            question("pfa.q", applies={"from_year": 9}),
        ),
        section("pfa", question("pfa.section_q"), applies={"from_year": 9}),
    )


def test_questions_that_do_not_apply_are_ignored() -> None:
    index = pfa_index()
    ratings = plain({"a": GD, "pfa.q": INAD, "pfa.section_q": INAD})
    year5 = grade(index, ratings, context=AnswerContext(year_group=5))
    assert year5.section("s").rated == 1
    assert year5.section("s").grade is Grade.GOOD
    assert year5.section("pfa").grade is None
    assert year5.overall is Grade.GOOD
    year10 = grade(index, ratings, context=AnswerContext(year_group=10))
    assert year10.section("s").rated == 2
    assert year10.section("s").grade is Grade.REQUIRES_IMPROVEMENT  # (3 + 1) / 2 = 2.0
    assert year10.section("pfa").grade is Grade.INADEQUATE
    # Sections RI (2) and Inadequate (1): 1.5, Requires improvement.
    assert year10.overall is Grade.REQUIRES_IMPROVEMENT


def test_sampled_child_year_group_decides_applicability_in_its_block() -> None:
    index = index_of(
        section(
            "child",
            question("c.a"),
            question("c.pfa", applies={"from_year": 9}),
            repeat={"unit": "sampled child", "label": "Child", "sampled_child": True},
        )
    )
    blocks = [
        block("young", "child", year_group=5),
        block("older", "child", year_group=10, position=1),
    ]
    ratings = {
        ("c.a", "young"): OS,
        ("c.pfa", "young"): INAD,  # does not apply to a Year 5 child
        ("c.a", "older"): OS,
        ("c.pfa", "older"): RI,
    }
    result = grade(index, ratings, blocks, AnswerContext(year_group=10))
    assert result.section("child").rated == 3
    assert result.section("child").average == pytest.approx(10 / 3)


def test_no_ratings_means_not_graded() -> None:
    index = index_of(
        section("one", question("a"), sections=[section("inner", question("b"))]),
        section("two", question("c")),
        section("notes", question("n", scale=None), graded=False),
    )
    result = grade(index, {})
    assert [s.section_id for s in result.sections] == ["one", "inner", "two"]
    for section_result in result.sections:
        assert section_result.grade is None
        assert section_result.average is None
        assert section_result.reasons == (
            f"{section_result.title}: not graded yet — no rated answers.",
        )
    assert result.overall is None
    assert result.overall_average is None
    assert result.overall_reasons == ("Overall: not graded yet — no section has a grade.",)
    assert result.reasons[-1] == result.overall_reasons[-1]


def test_ungraded_section_is_left_out_of_the_overall_grade() -> None:
    index = index_of(
        section("one", question("a")),
        section("summary", question("x"), graded=False),
    )
    result = grade(index, plain({"a": OS, "x": INAD}))
    assert [s.section_id for s in result.sections] == ["one"]
    assert result.overall is Grade.OUTSTANDING


# -- properties -----------------------------------------------------------------------------

RATED_CODES = [OS, GD, RI, INAD]
POINTS_OF = {OS: 4, GD: 3, RI: 2, INAD: 1}
GRADE_CODES = [Grade.OUTSTANDING.value, Grade.GOOD.value, RI, INAD]


@st.composite
def audits(
    draw: st.DrawFn, *, with_limits: bool
) -> tuple[TemplateIndex, list[Block], AnswerContext, dict[tuple[str, str | None], str]]:
    """A template of fixed shape with drawn weights (and limits), blocks, context and ratings.

    Shape: plan (a1, a2, nested plan.inner with a3), outcome (repeating: b1, b2 on the
    yes/partly/no scale), pfa (c1 from Year 9, c2 recorded-only), notes (not graded).
    """
    weight = st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0])

    def limits() -> list[dict[str, Any]]:
        if not with_limits:
            return []
        return draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "when": st.lists(
                            st.sampled_from(RATED_CODES), min_size=1, max_size=2, unique=True
                        ),
                        "cap": st.sampled_from(GRADE_CODES),
                        "scope": st.sampled_from(["section", "overall"]),
                    }
                ),
                max_size=2,
            )
        )

    def yes_no_limits() -> list[dict[str, Any]]:
        found = limits()
        return [{**limit, "when": ["no"]} for limit in found]

    section_limits = []
    if with_limits and draw(st.booleans()):
        section_limits = [
            {
                "when_any_section": draw(
                    st.lists(st.sampled_from(GRADE_CODES), min_size=1, max_size=2, unique=True)
                ),
                "cap": draw(st.sampled_from(GRADE_CODES)),
            }
        ]
    index = index_of(
        section(
            "plan",
            question("a1", weight=draw(weight), limits=limits()),
            question("a2", weight=draw(weight), limits=limits()),
            weight=draw(weight),
            sections=[section("plan.inner", question("a3", weight=draw(weight), limits=limits()))],
        ),
        section(
            "outcome",
            question("b1", weight=draw(weight), limits=limits()),
            question("b2", scale="yes_partly_no", weight=draw(weight), limits=yes_no_limits()),
            weight=draw(weight),
            repeat={"unit": "outcome", "label": "Outcome", "min": 0},
        ),
        section(
            "pfa",
            question("c1", weight=draw(weight), limits=limits(), applies={"from_year": 9}),
            question("c2", scale="child_view"),
            weight=draw(weight),
        ),
        section("notes", question("n", scale=None), question("n2"), graded=False),
        grading={"section_limits": section_limits},
    )
    count = draw(st.integers(0, 3))
    blocks = [block(f"o{i}", "outcome", label=f"Outcome {i + 1}", position=i) for i in range(count)]
    context = AnswerContext(year_group=draw(st.sampled_from([None, 5, 10])))
    keys: list[tuple[tuple[str, str | None], list[str]]] = [
        (("a1", None), RATED_CODES),
        (("a2", None), RATED_CODES),
        (("a3", None), RATED_CODES),
        (("c1", None), RATED_CODES),
        (("c2", None), ["happy", "unhappy"]),
        (("n2", None), RATED_CODES),
    ]
    for item in blocks:
        keys += [(("b1", item.id), RATED_CODES), (("b2", item.id), ["yes", "partly", "no"])]
    ratings: dict[tuple[str, str | None], str] = {}
    for key, codes in keys:
        choice = draw(st.sampled_from([None, NOT_APPLICABLE, *codes]))
        if choice is not None:
            ratings[key] = choice
    return index, blocks, context, ratings


def counted_points(
    index: TemplateIndex,
    blocks: list[Block],
    context: AnswerContext,
    ratings: Mapping[tuple[str, str | None], str],
) -> dict[str, list[int]]:
    """Points of every applying, graded answer, listed under each section that holds it."""
    found: dict[str, list[int]] = {sid: [] for sid in index.sections}
    for slot in index.slots(blocks, context):
        scale = index.scale_for(slot.question)
        code = ratings.get(slot.key)
        option = scale.option(code) if scale and code else None
        if slot.applies and option is not None and option.points is not None:
            for sid in index.ancestors(slot.section.id):
                found[sid].append(option.points)
    return found


def triggered_caps(
    index: TemplateIndex,
    blocks: list[Block],
    context: AnswerContext,
    ratings: Mapping[tuple[str, str | None], str],
) -> tuple[dict[str, list[Grade]], list[Grade]]:
    section_caps: dict[str, list[Grade]] = {sid: [] for sid in index.sections}
    overall_caps: list[Grade] = []
    for slot in index.slots(blocks, context):
        code = ratings.get(slot.key)
        if not slot.applies or code is None:
            continue
        for limit in slot.question.limits:
            if code in limit.when:
                if limit.scope == "section":
                    for sid in index.ancestors(slot.section.id):
                        section_caps[sid].append(limit.cap)
                else:
                    overall_caps.append(limit.cap)
    return section_caps, overall_caps


def all_grades(result: GradingResult) -> dict[str, Grade | None]:
    return {**{s.section_id: s.grade for s in result.sections}, "(overall)": result.overall}


@settings(max_examples=150)
@given(audits(with_limits=True))
def test_grades_stay_within_the_bounds_of_the_ratings_and_caps(audit: Any) -> None:
    index, blocks, context, ratings = audit
    result = grade_audit(index, blocks, context, ratings)
    rules = index.template.grading
    points = counted_points(index, blocks, context, ratings)
    section_caps, overall_caps = triggered_caps(index, blocks, context, ratings)
    for section_result in result.sections:
        found = points[section_result.section_id]
        assert section_result.rated == len(found)
        if not found:
            assert section_result.grade is None
            continue
        assert section_result.grade is not None
        highest = rules.grade_for_average(max(found))
        lowest = rules.grade_for_average(min(found))
        floor = min([lowest, *section_caps[section_result.section_id]], key=lambda g: g.points)
        assert floor.points <= section_result.grade.points <= highest.points
        for cap in section_caps[section_result.section_id]:
            assert section_result.grade.points <= cap.points
    top = [s for s in result.sections if index.parent_of[s.section_id] is None and s.grade]
    if not top:
        assert result.overall is None
        return
    assert result.overall is not None
    tops = [s.grade.points for s in top if s.grade]
    for rule in rules.section_limits:
        if any(s.grade in rule.when_any_section for s in top):
            overall_caps.append(rule.cap)
    assert result.overall.points <= max(tops)
    assert result.overall.points >= min([min(tops), *(c.points for c in overall_caps)])


@settings(max_examples=150)
@given(audits(with_limits=True))
def test_overall_is_never_better_than_a_triggered_cap(audit: Any) -> None:
    index, blocks, context, ratings = audit
    result = grade_audit(index, blocks, context, ratings)
    _, overall_caps = triggered_caps(index, blocks, context, ratings)
    for rule in index.template.grading.section_limits:
        for section_result in result.sections:
            top = index.parent_of[section_result.section_id] is None
            if top and section_result.grade in rule.when_any_section:
                overall_caps.append(rule.cap)
    if result.overall is None:
        return
    for cap in overall_caps:
        assert not result.overall.better_than(cap), (cap, result.overall_reasons)
    assert result.overall_average is not None
    uncapped = index.template.grading.grade_for_average(result.overall_average)
    lowest_cap = min(overall_caps, key=lambda g: g.points, default=None)
    if lowest_cap is not None and uncapped.better_than(lowest_cap):
        assert result.overall is lowest_cap
        assert f"Overall: limited to {lowest_cap.label} because" in result.overall_reasons[-1]
    else:
        assert result.overall is uncapped


@settings(max_examples=100)
@given(audits(with_limits=False), st.sampled_from([1, 2, 3, 4]))
def test_uniform_ratings_give_that_grade_everywhere(audit: Any, points: int) -> None:
    index, blocks, context, ratings = audit
    code = CODE_FOR_POINTS[points]
    yes_no = {3: "yes", 2: "partly", 1: "no"}
    uniform = {}
    for key in ratings:
        scale = index.scale_for(index.questions[key[0]])
        assert scale is not None
        if scale.id == "ofsted":
            uniform[key] = code
        elif scale.id == "yes_partly_no" and points in yes_no:
            uniform[key] = yes_no[points]
    result = grade_audit(index, blocks, context, uniform)
    expected = Grade.from_points(points)
    graded = [s for s in result.sections if s.grade is not None]
    for section_result in graded:
        assert section_result.grade is expected
        assert section_result.average == points
    if graded:
        assert result.overall is expected
    else:
        assert result.overall is None


@settings(max_examples=150)
@given(audits(with_limits=False), st.data())
def test_raising_one_rating_never_lowers_a_grade(audit: Any, data: st.DataObject) -> None:
    index, blocks, context, ratings = audit
    raisable = {
        key: code
        for key, code in ratings.items()
        if (code in POINTS_OF and POINTS_OF[code] < 4) or code in ("no", "partly")
    }
    if not raisable:
        return
    key = data.draw(st.sampled_from(sorted(raisable, key=str)))
    code = raisable[key]
    if code in POINTS_OF:
        higher = data.draw(
            st.sampled_from([c for c in RATED_CODES if POINTS_OF[c] > POINTS_OF[code]])
        )
    else:
        higher = data.draw(st.sampled_from(["partly", "yes"] if code == "no" else ["yes"]))
    before = all_grades(grade_audit(index, blocks, context, ratings))
    after = all_grades(grade_audit(index, blocks, context, {**ratings, key: higher}))
    assert before.keys() == after.keys()
    for name, old in before.items():
        new = after[name]
        if old is None:
            continue
        assert new is not None
        assert new.points >= old.points, (name, key, code, higher)


@settings(max_examples=150)
@given(audits(with_limits=True), st.data())
def test_adding_na_answers_never_changes_grades(audit: Any, data: st.DataObject) -> None:
    index, blocks, context, ratings = audit
    unanswered = [slot.key for slot in index.slots(blocks, context) if slot.key not in ratings]
    added = data.draw(
        st.lists(st.sampled_from(unanswered), unique=True) if unanswered else st.just([])
    )
    before = grade_audit(index, blocks, context, ratings)
    after = grade_audit(index, blocks, context, {**ratings, **dict.fromkeys(added, NOT_APPLICABLE)})
    assert all_grades(after) == all_grades(before)
    assert [s.average for s in after.sections] == [s.average for s in before.sections]
    assert after.overall_average == before.overall_average
    assert [s.rated for s in after.sections] == [s.rated for s in before.sections]


@settings(max_examples=100)
@given(audits(with_limits=True))
def test_every_section_has_reasons_that_name_it(audit: Any) -> None:
    index, blocks, context, ratings = audit
    result = grade_audit(index, blocks, context, ratings)
    assert result.overall_reasons
    assert result.overall_reasons[0].startswith("Overall: ")
    for section_result in result.sections:
        assert section_result.reasons, section_result
        assert all(r.startswith(f"{section_result.title}: ") for r in section_result.reasons)
        if section_result.grade is not None:
            # The first reason states the grade before any limit; the last, the final one.
            assert any(section_result.grade.label in reason for reason in section_result.reasons)
            average = section_result.average
            assert average is not None
            said = (
                f"averaging {average:.2f} points per rating"
                if section_result.rated > 1
                else f"1 rating of {average:g} points"
            )
            assert said in section_result.reasons[0]
    if result.overall is not None:
        assert result.overall.label in " ".join(result.overall_reasons)
