"""Loading audit templates: the four shipped ones, and broken ones a council might write.

Every problem in a broken template must name the file, the 1-based line of the offending
item, the field path, and say in plain words what is wrong.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditdesk.domain import limits
from auditdesk.domain.reference import TemplateKind
from auditdesk.domain.template_index import Block, TemplateIndex
from auditdesk.domain.template_loader import (
    check_files,
    load_template_file,
    load_template_text,
    shipped_templates,
)
from auditdesk.domain.template_model import AnswerContext
from auditdesk.errors import TemplateProblem

SHIPPED_DIR = Path(__file__).resolve().parents[2] / "auditdesk" / "audit_templates"

# A small valid template. The comment lines on top make sure line numbers are counted from
# the start of the file, not from the first key.
GOOD_YAML = """\
# A tiny audit used by the loader tests.
# Two comment lines, then the template.
id: tiny
version: 1
title: Tiny audit
kind: ehcp_audit
scales:
  - id: ofsted
    title: Ofsted
    options:
      - code: good
        label: Good
        points: 3
      - code: poor
        label: Poor
        points: 1
sections:
  - id: main
    title: Main
    questions:
      - id: q.one
        prompt: First?
        scale: ofsted
      - id: q.two
        prompt: Second?
        scale: ofsted
        limits:
          - when:
              - poor
            cap: requires_improvement
"""


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line containing ``needle``."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} not in the test YAML"
    return hits[occurrence - 1]


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} must occur exactly once in the test YAML"
    return text.replace(old, new)


def problems_for(tmp_path: Path, text: str, name: str = "broken.yaml") -> tuple[Path, list[str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateProblem) as caught:
        load_template_file(path)
    # check_files (the `auditdesk templates check` command) reports the same problems.
    assert check_files([path]) == caught.value.problems
    return path, caught.value.problems


def only_problem(problems: list[str]) -> str:
    assert len(problems) == 1, problems
    return problems[0]


def assert_names(problem: str, path: Path, line: int, field: str, phrase: str) -> None:
    assert problem.startswith(f"{path}, "), problem
    assert re.search(rf"\bline {line}\b", problem), f"expected line {line}: {problem}"
    # The field path is printed whole, followed by a colon: not a prefix of a longer path.
    assert f", {field}: " in problem, f"expected field {field}: {problem}"
    assert phrase in problem, f"expected {phrase!r}: {problem}"


# -- shipped templates -------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> dict[str, TemplateIndex]:
    return {loaded.template.id: TemplateIndex(loaded.template) for loaded in shipped_templates()}


def test_the_test_template_itself_loads(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(GOOD_YAML, encoding="utf-8")
    loaded = load_template_file(path)
    assert loaded.template.key == "tiny@1"
    assert loaded.source == str(path)
    assert [q.id for _, q in loaded.template.questions()] == ["q.one", "q.two"]
    assert check_files([path]) == []


def test_all_four_shipped_templates_load() -> None:
    loaded = shipped_templates()
    assert sorted(item.source for item in loaded) == [
        "annual_review_audit.yaml",
        "ehcp_quality_audit.yaml",
        "pfa_thematic_audit.yaml",
        "setting_quality_visit.yaml",
    ]
    assert {item.template.kind for item in loaded} == set(TemplateKind)
    assert len({item.template.id for item in loaded}) == 4
    for item in loaded:
        assert len(item.sha256) == 64
        assert item.definition["id"] == item.template.id


def test_shipped_template_files_pass_the_check_command() -> None:
    paths = sorted(SHIPPED_DIR.glob("*.yaml"))
    assert len(paths) == 4
    assert check_files(paths) == []


def test_shipped_templates_have_unique_question_and_section_ids() -> None:
    for item in shipped_templates():
        question_ids = [q.id for _, q in item.template.questions()]
        assert len(question_ids) == len(set(question_ids)), item.source
        assert len(question_ids) >= 10, item.source
        section_ids = [s.id for s in item.template.all_sections()]
        assert len(section_ids) == len(set(section_ids)), item.source


def test_setting_visit_samples_children_with_nested_provision_lines(
    shipped: dict[str, TemplateIndex],
) -> None:
    index = shipped["setting-visit"]
    assert index.template.kind is TemplateKind.SETTING_VISIT
    sampled = [s for s in index.template.all_sections() if s.repeat and s.repeat.sampled_child]
    assert len(sampled) == 1
    child = sampled[0]
    assert index.parent_of[child.id] is None  # one block per child, at the top level
    nested_repeats = [s for s in child.walk() if s is not child and s.repeat is not None]
    assert [s.repeat.unit for s in nested_repeats if s.repeat] == ["provision line"]
    provision = nested_repeats[0]
    assert index.repeating_parent(provision.id) == child.id
    assert index.repeating_owner(provision.id) == provision.id
    assert any(q.is_rated for q in provision.questions)

    # Two children, the first with two provision lines: provision questions are asked
    # once per line, inside the right child.
    blocks = [
        Block("c1", child.id, None, "Child CE-1", 0, 5),
        Block("c2", child.id, None, "Child CE-2", 1, 5),
        Block("p1", provision.id, "c1", "Provision line 1", 0),
        Block("p2", provision.id, "c1", "Provision line 2", 1),
        Block("p3", provision.id, "c2", "Provision line 1", 0),
    ]
    slots = list(index.slots(blocks, AnswerContext()))
    per_question = len(provision.questions)
    provision_slots = [s for s in slots if s.section.id == provision.id]
    assert len(provision_slots) == 3 * per_question
    assert [s.block.id for s in provision_slots if s.block][::per_question] == ["p1", "p2", "p3"]


PFA_QUESTIONS = {
    "ehcp-quality": ["e.pfa_outcomes", "pfa.employment_thread", "pfa.health_thread"],
    "annual-review": ["pfa.review_focus", "e.pfa_outcomes", "pfa.community_thread"],
    "pfa-thematic": ["pfa.employment_thread", "pfa.transition_planning"],
}


@pytest.mark.parametrize("template_id", sorted(PFA_QUESTIONS))
def test_pfa_questions_apply_only_from_year_9(
    shipped: dict[str, TemplateIndex], template_id: str
) -> None:
    index = shipped[template_id]
    repeats = [s for s in index.template.all_sections() if s.repeat]
    blocks = [Block(f"b-{s.id}", s.id, None, s.title) for s in repeats]

    def applying(year: int | None) -> set[str]:
        slots = index.slots(blocks, AnswerContext(year_group=year))
        return {slot.question.id for slot in slots if slot.applies}

    year8, year10, unknown = applying(8), applying(10), applying(None)
    for question_id in PFA_QUESTIONS[template_id]:
        assert question_id in index.questions
        assert question_id not in year8
        assert question_id in year10
        # An unknown year group never hides a check.
        assert question_id in unknown
    assert year8 < year10
    assert year8, "questions outside preparing for adulthood still apply in Year 8"
    assert not {q for q in year8 if q.startswith("pfa.")}


def test_setting_visit_pfa_questions_follow_each_sampled_childs_year_group(
    shipped: dict[str, TemplateIndex],
) -> None:
    index = shipped["setting-visit"]
    blocks = [
        Block("y8", "child", None, "Child CE-8", 0, 8),
        Block("y10", "child", None, "Child CE-10", 1, 10),
    ]
    # The visit's own context says Year 10; each child's block decides for itself.
    slots = list(index.slots(blocks, AnswerContext(year_group=10)))
    pfa = {
        (s.block.id if s.block else None): s.applies
        for s in slots
        if s.question.id == "child.pfa_provision"
    }
    assert pfa == {"y8": False, "y10": True}
    staff = {
        (s.block.id if s.block else None): s.applies
        for s in slots
        if s.question.id == "child.staff_know_plan"
    }
    assert staff == {"y8": True, "y10": True}


# -- broken templates --------------------------------------------------------------------


def test_unknown_scale_name(tmp_path: Path) -> None:
    text = replace_once(
        GOOD_YAML,
        "prompt: Second?\n        scale: ofsted",
        "prompt: Second?\n        scale: ofstead",
    )
    path, problems = problems_for(tmp_path, text)
    assert_names(
        only_problem(problems),
        path,
        line_of(text, "scale: ofstead"),
        "sections[0].questions[1].scale",
        "unknown rating scale 'ofstead'",
    )
    assert "defines: ofsted" in problems[0]


def test_misspelt_key(tmp_path: Path) -> None:
    text = replace_once(GOOD_YAML, "prompt: First?\n", "prompt: First?\n        requried: true\n")
    path, problems = problems_for(tmp_path, text)
    assert_names(
        only_problem(problems),
        path,
        line_of(text, "requried"),
        "sections[0].questions[0].requried",
        "check the spelling",
    )


def test_duplicate_question_id(tmp_path: Path) -> None:
    text = replace_once(GOOD_YAML, "- id: q.two", "- id: q.one")
    path, problems = problems_for(tmp_path, text)
    assert_names(
        only_problem(problems),
        path,
        line_of(text, "- id: q.one", occurrence=2),
        "sections[0].questions[1].id",
        "question id 'q.one' is used twice",
    )


def test_yaml_syntax_error(tmp_path: Path) -> None:
    text = replace_once(GOOD_YAML, "    title: Main\n", "    title: Main: the first\n")
    path, problems = problems_for(tmp_path, text)
    problem = only_problem(problems)
    assert problem.startswith(f"{path}, line {line_of(text, 'Main: the first')}: "), problem
    assert "the YAML cannot be read" in problem
    assert "mapping values are not allowed" in problem


def test_yaml_syntax_error_from_a_tab(tmp_path: Path) -> None:
    text = replace_once(GOOD_YAML, "        prompt: First?", "\tprompt: First?")
    path, problems = problems_for(tmp_path, text)
    problem = only_problem(problems)
    assert problem.startswith(f"{path}, line {line_of(text, chr(9))}: "), problem
    assert "the YAML cannot be read" in problem


def test_duplicate_key_in_a_mapping(tmp_path: Path) -> None:
    text = replace_once(
        GOOD_YAML, "        prompt: Second?\n", "        prompt: Second?\n        prompt: Again?\n"
    )
    path, problems = problems_for(tmp_path, text)
    assert_names(
        only_problem(problems),
        path,
        line_of(text, "prompt: Again?"),
        "sections[0].questions[1].prompt",
        "appears twice in the same block",
    )


def test_limit_when_names_an_option_not_on_the_scale(tmp_path: Path) -> None:
    text = replace_once(GOOD_YAML, "              - poor\n", "              - dire\n")
    path, problems = problems_for(tmp_path, text)
    assert_names(
        only_problem(problems),
        path,
        line_of(text, "- dire"),
        "sections[0].questions[1].limits[0].when[0]",
        "'dire' is not an option of scale 'ofsted'",
    )
    assert "options: good, poor" in problems[0]


def test_limit_when_names_the_line_of_the_bad_option_not_the_first_in_the_list(
    tmp_path: Path,
) -> None:
    # The problem names the bad item itself, so an author is sent to "- dire", not to the
    # first (valid) item of the list.
    text = replace_once(
        GOOD_YAML, "              - poor\n", "              - poor\n              - dire\n"
    )
    _, problems = problems_for(tmp_path, text)
    problem = only_problem(problems)
    assert "'dire' is not an option" in problem
    assert f"line {line_of(text, '- dire')}," in problem, problem


def test_missing_required_title(tmp_path: Path) -> None:
    text = replace_once(GOOD_YAML, "title: Tiny audit\n", "")
    path, problems = problems_for(tmp_path, text)
    # A missing field has no line of its own: the line of the block it belongs in (the
    # template's first key, after the comments).
    assert_names(
        only_problem(problems), path, line_of(text, "id: tiny"), "title", "required but missing"
    )


def test_missing_question_prompt_names_the_questions_line(tmp_path: Path) -> None:
    text = replace_once(GOOD_YAML, "        prompt: Second?\n", "")
    path, problems = problems_for(tmp_path, text)
    assert_names(
        only_problem(problems),
        path,
        line_of(text, "- id: q.two"),
        "sections[0].questions[1].prompt",
        "required but missing",
    )


def test_bad_kind(tmp_path: Path) -> None:
    text = replace_once(GOOD_YAML, "kind: ehcp_audit", "kind: ehcp")
    path, problems = problems_for(tmp_path, text)
    problem = only_problem(problems)
    assert_names(problem, path, line_of(text, "kind: ehcp"), "kind", "(found 'ehcp')")
    for kind in TemplateKind:
        assert kind.value in problem


NESTED_REPEATS = """\
  - id: child
    title: Child
    repeat:
      unit: sampled child
      label: Child
      sampled_child: true
    sections:
      - id: line
        title: Provision line
        repeat:
          unit: provision line
          label: Line
        sections:
          - id: note
            title: Note
            repeat:
              unit: note
              label: Note
            questions:
              - id: note.ok
                prompt: Is the note fine?
                scale: ofsted
"""


def test_repeats_nested_three_deep(tmp_path: Path) -> None:
    text = GOOD_YAML + NESTED_REPEATS
    path, problems = problems_for(tmp_path, text)
    problem = only_problem(problems)
    assert ", sections[1].sections[0].sections[0].repeat: " in problem, problem
    assert "nest two deep at most" in problem
    assert problem.startswith(f"{path}, line "), problem


def test_repeats_nested_three_deep_names_the_line_of_the_repeat_key(tmp_path: Path) -> None:
    # A block-style mapping value starts on the line after its key; the author looks for
    # the "repeat:" key, so that is the line named.
    text = GOOD_YAML + NESTED_REPEATS
    path, problems = problems_for(tmp_path, text)
    assert_names(
        only_problem(problems),
        path,
        line_of(text, "repeat:", occurrence=3),
        "sections[1].sections[0].sections[0].repeat",
        "nest two deep at most",
    )


def test_two_nested_repeats_are_allowed(tmp_path: Path) -> None:
    two_deep = NESTED_REPEATS.replace(
        "            repeat:\n              unit: note\n              label: Note\n", ""
    )
    path = tmp_path / "two.yaml"
    path.write_text(GOOD_YAML + two_deep, encoding="utf-8")
    assert check_files([path]) == []


def test_every_problem_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = replace_once(GOOD_YAML, "- id: q.two", "- id: q.one")
    text = replace_once(
        text, "prompt: Second?\n        scale: ofsted", "prompt: Second?\n        scale: nope"
    )
    path, problems = problems_for(tmp_path, text)
    assert len(problems) == 2
    assert any(", sections[0].questions[1].id: " in p for p in problems)
    assert any(", sections[0].questions[1].scale: " in p for p in problems)
    assert all(p.startswith(f"{path}, line ") for p in problems)


def test_check_files_reports_problems_from_every_file(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(GOOD_YAML, encoding="utf-8")
    bad_kind = tmp_path / "kind.yaml"
    bad_kind.write_text(replace_once(GOOD_YAML, "kind: ehcp_audit", "kind: nope"), "utf-8")
    missing = tmp_path / "missing.yaml"
    problems = check_files([good, bad_kind, missing])
    assert len(problems) == 2
    assert problems[0].startswith(f"{bad_kind}, line ")
    assert problems[1] == f"{missing}: no such file"


def test_file_that_does_not_exist(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    with pytest.raises(TemplateProblem) as caught:
        load_template_file(path)
    assert caught.value.problems == [f"{path}: no such file"]


def test_a_directory_is_not_a_template(tmp_path: Path) -> None:
    folder = tmp_path / "templates.yaml"
    folder.mkdir()
    with pytest.raises(TemplateProblem) as caught:
        load_template_file(folder)
    assert caught.value.problems == [f"{folder}: this is a folder, not a template file"]


def test_non_utf8_bytes(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(GOOD_YAML.replace("Tiny audit", "Tiny audit caf\xe9").encode("latin-1"))
    with pytest.raises(TemplateProblem) as caught:
        load_template_file(path)
    assert caught.value.problems == [f"{path}: the file is not UTF-8 text"]


def test_empty_file_and_non_mapping(tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem, match=r"^empty\.yaml: the file is empty$"):
        load_template_text("# only a comment\n", "empty.yaml")
    with pytest.raises(TemplateProblem, match=r"^list\.yaml, line 1: a template must be a mapping"):
        load_template_text("- a\n- b\n", "list.yaml")


def test_hash_ignores_comments_and_layout_but_not_content() -> None:
    first = load_template_text(GOOD_YAML, "a.yaml")
    relaid = load_template_text(
        "# another comment\n"
        + GOOD_YAML.replace("              - poor\n", "").replace(
            "          - when:\n", "          - when: [poor]\n"
        ),
        "b.yaml",
    )
    assert relaid.definition == first.definition
    assert relaid.sha256 == first.sha256
    changed = load_template_text(
        GOOD_YAML.replace("prompt: First?", "prompt: First one?"), "c.yaml"
    )
    assert changed.sha256 != first.sha256


# -- what a bundle can carry ------------------------------------------------------------
def test_a_title_longer_than_a_bundle_carries_is_refused(tmp_path: Path) -> None:
    """Audits travel with their template's title, which a bundle holds up to 200
    characters: a longer one would load here and then stop every audit being sent."""
    longest = "T" * limits.TEMPLATE_TITLE
    assert load_template_text(replace_once(GOOD_YAML, "Tiny audit", longest), "t").template
    text = replace_once(GOOD_YAML, "Tiny audit", longest + "T")
    path, problems = problems_for(tmp_path, text)
    assert_names(
        only_problem(problems),
        path,
        line_of(text, "title: TTT"),
        "title",
        "this is 201 characters long; it can be at most 200 (shorten it)",
    )


def test_a_version_higher_than_a_bundle_carries_is_refused(tmp_path: Path) -> None:
    highest = f"version: {limits.LATEST_TEMPLATE_VERSION}"
    assert load_template_text(replace_once(GOOD_YAML, "version: 1", highest), "t").template
    text = replace_once(GOOD_YAML, "version: 1", "version: 100001")
    path, problems = problems_for(tmp_path, text)
    assert_names(
        only_problem(problems),
        path,
        line_of(text, "version: 100001"),
        "version",
        "100,001 is too high; the highest allowed is 100,000",
    )


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("version: 1\n", "version: one\n", "version: this must be a whole number (found 'one')"),
        ("kind: ehcp_audit", "kind: ehcp", "kind: this must be one of 'ehcp_audit'"),
        (
            "    title: Main\n",
            "    title: Main: the first\n",
            "What to do: put text that contains ': ' in quotes",
        ),
        ("        prompt: First?", "\tprompt: First?", "What to do: indent with spaces, not tabs"),
        (
            "        prompt: Second?\n",
            "        prompt: Second?\n       guidance: Look\n",
            "What to do: a line here is indented differently from the lines around it",
        ),
    ],
    ids=["a word for a number", "an unknown kind", "a colon in text", "a tab", "indentation"],
)
def test_problems_are_said_in_an_authors_words_with_what_to_do(
    tmp_path: Path, old: str, new: str, said: str
) -> None:
    _path, problems = problems_for(tmp_path, replace_once(GOOD_YAML, old, new))
    problem = only_problem(problems)
    assert said in problem, problem
    assert "Input should be" not in problem
