"""Does text a person reads hold an internal id? A checker for exports and windows alike.

People should read words: a question's prompt, a section's title, an option's label. The
stable ids behind them (question, section and template ids, record UUIDs, stored codes
such as ``na``, ``ks2`` or ``annual_review``) belong in data columns meant for analysts, not
in anything shown. :func:`internal_ids_in` takes the strings a person would read (cell
values, PDF text, widget texts) and returns the ones that give an id away::

    from tests.visible_text import internal_ids_in

    assert internal_ids_in(["Health and social care input", "Rating: Yes"]) == []
    assert internal_ids_in(["ctx.advice_recent: rating", "na"]) == ["ctx.advice_recent", "na"]

It knows by itself every id of every shipped template (templates, sections, questions,
scales and their options) and every code of :mod:`auditdesk.domain.reference` and
:mod:`auditdesk.domain.grades`. What counts as giving an id away:

- a UUID, anywhere;
- a token joined by underscores (``social_care``, ``REQUIRES_IMPROVEMENT``), anywhere;
- a question, section or template id written with dots or hyphens (``e.outcomes_smart``,
  ``child.voice``, ``ehcp-quality``), or an enum member's name (``Grade.GOOD``), anywhere;
- a code that is not an English word (``na``, ``ks2``, ``asd``, ``pfa``) as a token,
  anywhere. Official SEN2 abbreviations in their published form (``ASD``, ``SEMH``) are
  words people use and pass; their lowercase forms do not;
- a text that *is* a lowercase code or id (``"yes"``, ``"good"``, ``"open"``, ``"health"``):
  the label would be capitalised ("Yes", "Good"). Inside a sentence such words are English.
- any of ``extra_ids`` (say the UUIDs of the audits and blocks a test made) as a token.

Pass the smallest strings you have (one cell, one label, one PDF text run): the
whole-text rule can only see a raw code that stands alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from auditdesk.domain import grades, reference
from auditdesk.domain.template_loader import shipped_templates
from auditdesk.domain.template_model import THEME_LABELS, AuditTemplate, Theme

__all__ = ["internal_ids_in"]

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
# Letters and digits, joined by dots, hyphens or underscores: "ctx.advice_recent", "Y3-6".
TOKEN = re.compile(r"[A-Za-z0-9]+(?:[._\-][A-Za-z0-9]+)*")
WORD = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class _Known:
    anywhere: frozenset[str]  # flagged wherever they appear as a token
    alone: frozenset[str]  # flagged when they are the whole text
    enum_names: frozenset[str]  # "Grade", "AuditStatus": for "Grade.GOOD"


def internal_ids_in(texts: Iterable[str], *, extra_ids: Iterable[str] = ()) -> list[str]:
    """The internal ids found in ``texts``, each once, in the order first found.

    An empty list means every string reads as words. ``extra_ids`` adds ids to look for
    (matched as whole tokens, case-sensitively), such as the UUIDs a test created.
    """
    known = _known()
    extra = frozenset(extra_ids)
    found: dict[str, None] = {}
    for text in texts:
        if not text:
            continue
        stripped = text.strip()
        if stripped in known.alone:
            found[stripped] = None
        for match in UUID.findall(text):
            found[match] = None
        for token in TOKEN.findall(text):
            if _is_internal(token, known, extra):
                found[token] = None
    return list(found)


def _is_internal(token: str, known: _Known, extra: frozenset[str]) -> bool:
    if token in extra or token in known.anywhere or "_" in token:
        return True
    head, _dot, tail = token.partition(".")
    return bool(tail) and head in known.enum_names and tail.isupper()


@cache
def _known() -> _Known:
    templates = [loaded.template for loaded in shipped_templates()]
    words = _words(templates)
    anywhere: set[str] = set()
    alone: set[str] = set()

    def add(code: str, label: str) -> None:
        if not code:
            return
        if any(mark in code for mark in "._-"):
            anywhere.add(code)  # structured: never a word
            return
        lowered = code.lower()
        # A published abbreviation in capitals (ASD, H1) is how people write it; its
        # lowercase form is the stored code leaking out.
        if lowered != code:
            # Single letters ("(b)", "i") are too common to call codes.
            if lowered not in words and len(lowered) > 1:
                anywhere.add(lowered)
            return
        if not _reads_as_word(code, label, words):
            anywhere.add(code)
        alone.add(code)

    for template in templates:
        add(template.id, template.title)
        for scale in template.scales:
            add(scale.id, scale.title)
            for option in scale.options:
                add(option.code, option.label)
        for section in template.all_sections():
            add(section.id, section.title)
            for question in section.questions:
                add(question.id, question.prompt)
    add(grades.NOT_APPLICABLE, "Not applicable")
    enum_names = {"Grade", "Theme"}
    for grade in grades.Grade:
        add(grade.value, grade.label)
    for theme in Theme:
        add(theme.value, THEME_LABELS[theme])
    for kind in _reference_enums():
        enum_names.add(kind.__name__)
        for member in kind:
            add(member.value, member.label)  # type: ignore[attr-defined]
    return _Known(frozenset(anywhere), frozenset(alone), frozenset(enum_names))


def _reference_enums() -> list[type[StrEnum]]:
    return [
        value
        for value in vars(reference).values()
        if isinstance(value, type)
        and issubclass(value, reference.Labelled)
        and value is not reference.Labelled
    ]


def _reads_as_word(code: str, label: str, words: frozenset[str]) -> bool:
    """``open`` (label "Open") and ``health`` are English; ``na``, ``ks2`` and ``ctx`` are not.

    A code is a word when its label begins with it (as a word), or when the shipped
    templates' own prose uses it, in that case, as a word.
    """
    first = WORD.findall(label)
    if code.isalpha() and first and first[0].casefold() == code.casefold():
        return True
    return code in words


def _words(templates: list[AuditTemplate]) -> frozenset[str]:
    """Every word of the prose people read in the shipped templates and reference labels."""
    prose: list[str] = []
    for template in templates:
        prose += [template.title, template.description]
        for scale in template.scales:
            prose.append(scale.title)
            prose += [f"{o.label} {o.description}" for o in scale.options]
        for section in template.all_sections():
            prose += [section.title, section.guidance]
            if section.repeat is not None:
                prose += [section.repeat.unit, section.repeat.label]
            prose += [f"{q.prompt} {q.guidance}" for q in section.questions]
    for kind in _reference_enums():
        prose += [member.label for member in kind]  # type: ignore[attr-defined]
    prose += [grade.label for grade in grades.Grade]
    found = {word for text in prose for word in WORD.findall(text)}
    # "Overall" at the start of a sentence is the word "overall"; "PfA" and "KS2" are not
    # lowercase words, so "pfa" and "ks2" stay codes.
    found |= {word.lower() for word in found if word[:1].isupper() and word[1:].islower()}
    return frozenset(found)
