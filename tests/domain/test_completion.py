"""What stops an audit being completed, and where it is."""

from __future__ import annotations

from auditdesk.domain.completion import AnswerState, missing_for_completion
from auditdesk.domain.grades import NOT_APPLICABLE
from auditdesk.domain.template_index import Block, TemplateIndex
from auditdesk.domain.template_model import AnswerContext
from auditdesk.errors import CompletionRefused, MissingAnswer
from tests.domain.builders import block, index_of, question, section

Answers = dict[tuple[str, str | None], AnswerState]


def rated(code: str, comment: str = "") -> AnswerState:
    return AnswerState(code, comment)


def written(text: str) -> AnswerState:
    return AnswerState(None, text)


def missing(
    index: TemplateIndex,
    answers: Answers,
    blocks: list[Block] | None = None,
    context: AnswerContext | None = None,
) -> list[MissingAnswer]:
    return missing_for_completion(index, blocks or [], context or AnswerContext(), answers)


def problems(items: list[MissingAnswer]) -> list[tuple[str, str | None, str]]:
    return [(item.question_id, item.block_id, item.problem) for item in items]


def simple_index() -> TemplateIndex:
    return index_of(
        section(
            "s",
            question("rated"),
            question("optional", required=False),
            question("notes", scale=None),
            question("optional_notes", scale=None, required=False),
            question("yn", scale="yes_partly_no"),
            question("view", scale="child_view"),
        )
    )


def complete_answers() -> Answers:
    return {
        ("rated", None): rated("good"),
        ("notes", None): written("Clear and well evidenced."),
        ("yn", None): rated("yes"),
        ("view", None): rated("unhappy"),  # recorded-only: no points, no comment needed
    }


def test_complete_audit_has_nothing_missing() -> None:
    assert missing(simple_index(), complete_answers()) == []


def test_required_unrated_question_is_not_rated_yet() -> None:
    answers = complete_answers()
    del answers[("rated", None)]
    found = missing(simple_index(), answers)
    assert problems(found) == [("rated", None, "not rated yet")]
    item = found[0]
    assert (item.section_id, item.section_title) == ("s", "Section s")
    assert item.question_prompt == "Prompt for rated?"
    assert item.describe() == "Section s: Prompt for rated? — not rated yet"


def test_a_comment_alone_does_not_rate_a_question() -> None:
    answers = {**complete_answers(), ("rated", None): AnswerState(None, "Looks fine")}
    assert problems(missing(simple_index(), answers)) == [("rated", None, "not rated yet")]


def test_na_counts_as_an_answer() -> None:
    answers = {**complete_answers(), ("rated", None): rated(NOT_APPLICABLE)}
    assert missing(simple_index(), answers) == []


def test_written_question_empty_is_not_written_yet() -> None:
    for empty in (None, "", "   \n\t"):
        answers = complete_answers()
        if empty is None:
            del answers[("notes", None)]
        else:
            answers[("notes", None)] = written(empty)
        assert problems(missing(simple_index(), answers)) == [("notes", None, "not written yet")]


def test_rating_below_good_needs_a_comment() -> None:
    answers = {**complete_answers(), ("rated", None): rated("requires_improvement")}
    assert problems(missing(simple_index(), answers)) == [
        ("rated", None, "rated Requires improvement: say why in a comment")
    ]
    answers[("rated", None)] = rated("requires_improvement", "   ")
    assert len(missing(simple_index(), answers)) == 1
    answers[("rated", None)] = rated("requires_improvement", "Outcomes are not time-bound.")
    assert missing(simple_index(), answers) == []


def test_below_good_is_judged_by_points_on_every_scale() -> None:
    answers = {
        **complete_answers(),
        ("yn", None): rated("partly"),  # 2 points: below Good
        ("optional", None): rated("inadequate"),  # optional, but rated: still needs a why
    }
    assert problems(missing(simple_index(), answers)) == [
        ("optional", None, "rated Inadequate: say why in a comment"),
        ("yn", None, "rated Partly: say why in a comment"),
    ]
    # Good and above need no comment.
    answers[("yn", None)] = rated("yes")
    answers[("optional", None)] = rated("outstanding")
    assert missing(simple_index(), answers) == []


def test_comment_rule_can_be_switched_off_by_the_template() -> None:
    index = index_of(
        section("s", question("rated")), grading={"comment_required_below_good": False}
    )
    assert missing(index, {("rated", None): rated("inadequate")}) == []


def test_optional_questions_may_stay_empty() -> None:
    found = missing(simple_index(), complete_answers())
    assert "optional" not in {item.question_id for item in found}
    assert "optional_notes" not in {item.question_id for item in found}


def repeat_index() -> TemplateIndex:
    return index_of(
        section(
            "child",
            question("c.a"),
            repeat={"unit": "sampled child", "label": "Child", "sampled_child": True, "min": 2},
            sections=[
                section(
                    "line",
                    question("l.delivered"),
                    repeat={"unit": "provision line", "label": "Line", "min": 1},
                )
            ],
        )
    )


def test_min_repeats_ask_to_add_at_least() -> None:
    found = missing(repeat_index(), {})
    assert len(found) == 1
    item = found[0]
    # (The plural is naive: "sampled childs"; only the start is pinned here.)
    assert item.question_prompt.startswith("Add at least 2 sampled child")
    assert item.problem == "0 added so far"
    assert (item.section_id, item.question_id, item.block_id) == ("child", "", None)


def test_min_repeats_inside_each_parent_block() -> None:
    blocks = [
        block("c1", "child", label="Child CE-1", year_group=5),
        block("c2", "child", label="Child CE-2", year_group=5, position=1),
        block("l1", "line", parent="c1", label="Line 1"),
    ]
    answers: Answers = {("c.a", "c1"): rated("good"), ("c.a", "c2"): rated("good")}
    answers[("l.delivered", "l1")] = rated("good")
    found = missing(repeat_index(), answers, blocks)
    assert len(found) == 1
    item = found[0]
    assert item.question_prompt == "Add at least 1 provision line"
    assert (item.section_id, item.block_id, item.block_label) == ("line", "c2", "Child CE-2")
    assert (
        item.describe()
        == "Section line › Child CE-2: Add at least 1 provision line — 0 added so far"
    )


def test_each_block_answer_is_required_and_named_by_its_path() -> None:
    blocks = [
        block("c1", "child", label="Child CE-1"),
        block("c2", "child", label="Child CE-2", position=1),
        block("l1", "line", parent="c1", label="Line 1"),
        block("l2", "line", parent="c2", label="Line 1"),
    ]
    answers: Answers = {("c.a", "c1"): rated("good"), ("c.a", "c2"): rated("good")}
    answers[("l.delivered", "l1")] = rated("good")
    found = missing(repeat_index(), answers, blocks)
    assert problems(found) == [("l.delivered", "l2", "not rated yet")]
    assert found[0].block_label == "Child CE-2 › Line 1"


def test_non_applicable_questions_are_not_required() -> None:
    index = index_of(
        section("s", question("a"), question("pfa.q", applies={"from_year": 9})),
        section(
            "pfa", question("pfa.s"), question("pfa.notes", scale=None), applies={"from_year": 9}
        ),
    )
    answers: Answers = {("a", None): rated("good")}
    assert missing(index, answers, context=AnswerContext(year_group=5)) == []
    year10 = missing(index, answers, context=AnswerContext(year_group=10))
    assert problems(year10) == [
        ("pfa.q", None, "not rated yet"),
        ("pfa.s", None, "not rated yet"),
        ("pfa.notes", None, "not written yet"),
    ]
    # An unknown year group asks one question too many rather than skip a check.
    assert len(missing(index, answers)) == 3


def test_non_applicable_repeating_section_needs_no_blocks() -> None:
    index = index_of(
        section("s", question("a")),
        section(
            "pfa_outcome",
            question("po.q"),
            applies={"from_year": 9},
            repeat={"unit": "outcome", "label": "Outcome", "min": 1},
        ),
    )
    answers: Answers = {("a", None): rated("good")}
    assert missing(index, answers, context=AnswerContext(year_group=5)) == []
    year10 = missing(index, answers, context=AnswerContext(year_group=10))
    assert [item.question_prompt for item in year10] == ["Add at least 1 outcome"]


def test_sampled_child_year_group_decides_which_questions_are_required() -> None:
    index = index_of(
        section(
            "child",
            question("c.a"),
            question("c.pfa", applies={"from_year": 9}),
            repeat={"unit": "sampled child", "label": "Child", "sampled_child": True},
        )
    )
    blocks = [
        block("young", "child", label="Child CE-5", year_group=5),
        block("older", "child", label="Child CE-10", year_group=10, position=1),
    ]
    answers: Answers = {("c.a", "young"): rated("good"), ("c.a", "older"): rated("good")}
    assert problems(missing(index, answers, blocks)) == [("c.pfa", "older", "not rated yet")]


def test_nested_repeat_that_does_not_apply_to_a_sampled_child_needs_no_blocks() -> None:
    # Inside a sampled child's block the child's year group decides whether a nested
    # repeating section applies, as it does for the questions (TemplateIndex.slots).
    index = index_of(
        section(
            "child",
            question("c.a"),
            repeat={"unit": "sampled child", "label": "Child", "sampled_child": True},
            sections=[
                section(
                    "goal",
                    question("g.q"),
                    applies={"from_year": 9},
                    repeat={"unit": "PfA goal", "label": "Goal", "min": 1},
                )
            ],
        ),
        kind="setting_visit",
    )
    blocks = [block("c1", "child", label="Child CE-5", year_group=5)]
    answers: Answers = {("c.a", "c1"): rated("good")}
    found = missing(index, answers, blocks, AnswerContext())
    assert [item.describe() for item in found] == []


def test_missing_items_come_in_reading_order_and_feed_the_refusal() -> None:
    index = index_of(
        section("one", question("a"), question("b", scale=None)),
        section("two", question("c"), repeat={"unit": "outcome", "label": "Outcome", "min": 1}),
    )
    found = missing(index, {("a", None): rated("inadequate")})
    # Blocks first (something must be added before it can be answered), then answers.
    assert [(item.section_id, item.question_id) for item in found] == [
        ("two", ""),
        ("one", "a"),
        ("one", "b"),
    ]
    refusal = CompletionRefused(found)
    assert str(refusal).startswith("This audit cannot be completed yet: 3 things need attention.")
    assert "Section one: Prompt for a? — rated Inadequate: say why in a comment" in str(refusal)
