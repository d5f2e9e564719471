"""The demo phrasebook covers every shipped template question and its words agree with the
ratings they are written for: a weakness only for a rating below Good, a strength only for
Good or better, N/A only where the template's guidance allows it."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

import pytest

from auditdesk.domain.grades import Grade
from auditdesk.domain.template_index import TemplateIndex
from auditdesk.domain.template_loader import shipped_templates
from auditdesk.domain.template_model import Question, RatingScale
from auditdesk.services.demo import _phrasebook as phrasebook
from auditdesk.services.demo._phrasebook import names_and_places as phrases
from auditdesk.services.demo._phrasebook import provision_lines
from auditdesk.services.demo._phrasebook.kit import Finding, Phrases, Said
from auditdesk.services.demo._wording import allows_na
from auditdesk.services.demo._written_answers import WRITTEN_QUESTIONS

GOOD = Grade.GOOD.points
# Section guidance that allows N/A for a case the demo never makes: demo EHCP audits look
# at final plans, and Section I is rated N/A only on a draft.
NA_NEVER_DRAWN = {"I"}


def _questions() -> Iterator[tuple[TemplateIndex, Question]]:
    for loaded in shipped_templates():
        index = TemplateIndex(loaded.template)
        for _section, question in loaded.template.questions():
            yield index, question


def _variants(words: Phrases) -> Iterator[Phrases]:
    """A question's phrases and the other words it has under a fact."""
    yield words
    yield from words.when.values()


def _text(said: Said) -> str:
    return said.comment if isinstance(said, Finding) else said


def _rated_comments() -> Iterator[tuple[str, RatingScale, str, Said]]:
    """Every comment the phrasebook holds, with its question, scale and rating code."""
    seen: set[str] = set()
    for index, question in _questions():
        if question.scale is None or question.id in seen:
            continue
        seen.add(question.id)
        scale = index.template.scale(question.scale)
        for words in _variants(phrasebook.PHRASEBOOK[question.id]):
            for code, said in words.comments.items():
                for one in said:
                    yield question.id, scale, code, one


def test_every_question_has_words_for_every_rating_it_can_get() -> None:
    for index, question in _questions():
        if question.scale is None:
            assert question.id in WRITTEN_QUESTIONS, f"no words for written {question.id}"
            continue
        words = phrasebook.PHRASEBOOK.get(question.id)
        assert words is not None, f"no phrases for {question.id}"
        codes = {option.code for option in index.template.scale(question.scale).options}
        for variant in _variants(words):
            assert set(variant.comments) == codes, question.id
            assert all(variant.comments[code] for code in codes), question.id
            assert variant.evidence, f"no evidence for {question.id}"


def test_na_words_exactly_where_the_guidance_allows_na() -> None:
    """Words for N/A only where the guidance (the question's or a section's around it)
    allows N/A; every question whose own guidance allows it has them, and so does at least
    one question of each section whose guidance does."""
    sections_with_na: dict[str, bool] = {}
    for index, question in _questions():
        if question.scale is None:
            continue
        words = phrasebook.PHRASEBOOK[question.id]
        allowed = allows_na(index, question.id) and index.template.scale(question.scale).allow_na
        if words.na:
            assert allowed, f"{question.id}: N/A words, but the guidance gives no N/A"
            assert words.na_when is not None, question.id
        elif "N/A" in question.guidance:
            pytest.fail(f"{question.id}: the guidance allows N/A, but there are no words for it")
        for section_id in index.ancestors(index.question_section[question.id].id):
            if "N/A" in index.sections[section_id].guidance:
                sections_with_na[section_id] = sections_with_na.get(section_id, False) or bool(
                    words.na
                )
    missing = {s for s, drawn in sections_with_na.items() if not drawn} - NA_NEVER_DRAWN
    assert missing == set()


def test_a_finding_is_written_for_every_rating_below_good_and_only_for_those() -> None:
    for question_id, scale, code, said in _rated_comments():
        points = scale.option(code).points  # type: ignore[union-attr]
        weak = points is not None and points < GOOD
        assert isinstance(said, Finding) == weak, f"{question_id} [{code}]: {_text(said)}"
        if isinstance(said, Finding):
            assert said.action, question_id
            assert said.owner, question_id


def test_no_comment_serves_both_a_weak_and_a_strong_rating() -> None:
    """E.g. nothing written for "no" or "inadequate" is also written for "yes" or
    "outstanding", and each comment belongs to one question and one rating."""
    uses: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for question_id, _scale, code, said in _rated_comments():
        uses[_text(said)].add((question_id, code))
    shared = {text: found for text, found in uses.items() if len(found) > 1}
    assert shared == {}


def test_each_provision_line_agrees_with_itself() -> None:
    scale = next(
        scale
        for loaded in shipped_templates()
        for scale in loaded.template.scales
        if scale.id == "delivery"
    )
    for line in provision_lines.PROVISION_LINES:
        assert set(line.delivered) == {option.code for option in scale.options}
        for code, (said, seen) in line.delivered.items():
            points = scale.option(code).points  # type: ignore[union-attr]
            assert isinstance(said, Finding) == (points is not None and points < GOOD)
            assert seen, line.specified
        if line.names_deliverer:
            assert set(line.deliverer) == {"yes", "partly", "no"}
            assert not isinstance(line.deliverer["yes"], Finding)
            assert isinstance(line.deliverer["partly"], Finding)
            assert isinstance(line.deliverer["no"], Finding)


def test_no_question_is_written_in_two_modules() -> None:
    modules = phrasebook.BOOKS
    owners: dict[str, list[str]] = defaultdict(list)
    for module in modules:
        for question_id in module.PHRASES:
            owners[question_id].append(module.__name__)
    assert {q: m for q, m in owners.items() if len(m) > 1} == {}
    texts: dict[str, set[str]] = defaultdict(set)
    for module in modules:
        for words in module.PHRASES.values():
            for variant in _variants(words):
                for said in variant.comments.values():
                    for one in said:
                        texts[_text(one)].add(module.__name__)
    assert {t: m for t, m in texts.items() if len(m) > 1} == {}


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bCE-\d",  # a child reference
        r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b",  # a postcode
        r"\b\d{3} ?\d{3} ?\d{4}\b",  # an NHS number
        r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",  # a date of birth
    ],
)
def test_demo_words_name_no_one(pattern: str) -> None:
    """Demo comments stay generic: no reference, postcode, NHS number or date, and none of
    the demo's own first names, so nothing reads like a real child's record."""
    names = re.compile(r"\b(" + "|".join(phrases.FIRST_NAMES) + r")\b")
    for _question_id, _scale, _code, said in _rated_comments():
        text = _text(said)
        assert not re.search(pattern, text), text
        assert not names.search(text), text
