"""Every word a demo audit is written from, as data, and :data:`PHRASEBOOK`: every rated
question's phrases gathered into one book keyed by question id (ids are shared across
templates where the check is the same, so each question is written once).

How the package is laid out:

- ``kit``: the types the words are written with (``say``, ``weak``, ``Phrases``,
  ``Finding``, ``Fact``, ``ProvisionLine``); read it first.
- One module per group of rated questions, named ``<area>_<groups>``, in the order the
  templates ask them. The area says where the questions come from: ``plan_*`` (the plan's
  context and Sections A to D and K), ``outcomes_*`` (Section E, the golden thread, voice),
  ``provision_*`` (Sections F to J), ``review_*`` (the annual review audit), ``pfa_*``
  (preparing for adulthood) and ``visit_*`` (setting quality visits). Each holds a
  ``PHRASES`` dict; :data:`BOOKS` lists them. To give a new question words, add it to the
  module for its group.
- ``provision_lines*``: the Section F lines a setting visit checks, each written whole.
- ``pfa_thread``: the shape shared by the four preparing-for-adulthood thread questions.
- ``written``: words for written (unrated) answers; ``names_and_places``: invented
  people, settings and localities.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType

from auditdesk.services.demo._phrasebook import (
    outcomes_section_e,
    outcomes_thread_and_voice,
    pfa_aspirations_work_living,
    pfa_community_health,
    pfa_transition_and_voice,
    plan_context,
    plan_section_a,
    plan_sections_b_c,
    plan_sections_d_k,
    provision_section_f,
    provision_sections_g_h,
    provision_sections_i_j,
    review_meeting,
    review_progress_and_plan,
    review_transfer_and_timing,
    visit_each_child,
    visit_environment,
    visit_leadership_training,
    visit_tracking_attendance,
)
from auditdesk.services.demo._phrasebook.kit import Phrases

# The modules holding rated questions' words, in the order the templates ask them.
BOOKS: tuple[ModuleType, ...] = (
    plan_context,
    plan_section_a,
    plan_sections_b_c,
    plan_sections_d_k,
    outcomes_section_e,
    outcomes_thread_and_voice,
    provision_section_f,
    provision_sections_g_h,
    provision_sections_i_j,
    review_meeting,
    review_progress_and_plan,
    review_transfer_and_timing,
    pfa_aspirations_work_living,
    pfa_community_health,
    pfa_transition_and_voice,
    visit_leadership_training,
    visit_tracking_attendance,
    visit_environment,
    visit_each_child,
)


def _gather() -> dict[str, Phrases]:
    book: dict[str, Phrases] = {}
    for module in BOOKS:
        for question_id, phrases in module.PHRASES.items():
            if question_id in book:
                raise ValueError(f"demo phrases for {question_id} are written twice")
            book[question_id] = phrases
    return book


PHRASEBOOK: Mapping[str, Phrases] = _gather()
