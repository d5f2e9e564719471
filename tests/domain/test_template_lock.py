"""The template lock: a shipped template never changes without a new version.

Audits record the exact template they were filled against as ``id@version`` and the
database keeps each version's definition frozen, so two different contents under one
``id@version`` would make old audits and exports disagree about what was asked.

When you change a shipped template on purpose: bump its ``version`` in the YAML, run this
test, and add the new ``(id, version): sha256`` line it prints to ``TEMPLATE_LOCK``. Keep
the old lines: they are the record of what earlier versions contained.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping

from auditdesk.domain.template_loader import LoadedTemplate, definition_hash, shipped_templates
from auditdesk.domain.template_model import AuditTemplate

TEMPLATE_LOCK: dict[tuple[str, int], str] = {
    ("annual-review", 1): "365e5f3b0282781a6fcc6c819afe3e9fa5ab3fca50fdd0d10108db781fd287b2",
    ("ehcp-quality", 1): "15015e47dc28f410fd29b32833c1769407fe217e7eb8d56c8dd7511dfecc3370",
    ("pfa-thematic", 1): "94eb55be68fd186dedf363b62d4245d3b3e0426bb7d51933ff4ce02ba293a10c",
    ("setting-visit", 1): "dee940ab8a1e45ff0076bad9f86a5c3542dc4c9be33705f9c123b4d4e2b33f5d",
}


def lock_problems(
    loaded: Iterable[LoadedTemplate], lock: Mapping[tuple[str, int], str]
) -> list[str]:
    """What is wrong between the shipped templates and the lock, as instructions."""
    problems: list[str] = []
    for item in loaded:
        template = item.template
        key = (template.id, template.version)
        pinned = lock.get(key)
        if pinned == item.sha256:
            continue
        if pinned is not None:
            problems.append(
                f"{item.source}: template '{template.id}' version {template.version} has "
                f"changed (sha256 {item.sha256}, locked {pinned}). Audits already filled "
                f"against {template.key} would no longer match it. Bump the version "
                f"(version: {template.version + 1}) and add the new hash to TEMPLATE_LOCK "
                "in tests/domain/test_template_lock.py, keeping the old line."
            )
        else:
            problems.append(
                f"{item.source}: template '{template.id}' version {template.version} is not "
                "in the lock. Add the new hash to TEMPLATE_LOCK in "
                "tests/domain/test_template_lock.py: "
                f'("{template.id}", {template.version}): "{item.sha256}",'
            )
    return problems


def test_shipped_templates_match_the_lock() -> None:
    problems = lock_problems(shipped_templates(), TEMPLATE_LOCK)
    assert not problems, "\n".join(problems)


def test_every_shipped_template_id_is_locked() -> None:
    locked_ids = {template_id for template_id, _ in TEMPLATE_LOCK}
    assert {item.template.id for item in shipped_templates()} == locked_ids


def _edited(item: LoadedTemplate, *, bump: bool) -> LoadedTemplate:
    """The same template with one prompt reworded, as a developer might edit it."""
    definition = copy.deepcopy(item.definition)
    definition["sections"][0]["questions"][0]["prompt"] += " (reworded)"
    if bump:
        definition["version"] += 1
    template = AuditTemplate.model_validate(definition)
    return LoadedTemplate(template, definition, definition_hash(definition), item.source)


def test_an_edit_without_a_version_bump_is_caught_and_says_what_to_do() -> None:
    shipped = shipped_templates()
    edited = _edited(shipped[0], bump=False)
    assert edited.sha256 != shipped[0].sha256
    problems = lock_problems([edited, *shipped[1:]], TEMPLATE_LOCK)
    assert len(problems) == 1
    message = problems[0]
    assert message.startswith(f"{shipped[0].source}: ")
    assert "Bump the version" in message
    assert f"version: {shipped[0].template.version + 1}" in message
    assert "add the new hash to TEMPLATE_LOCK" in message
    assert edited.sha256 in message


def test_a_bumped_version_must_be_added_to_the_lock() -> None:
    shipped = shipped_templates()
    edited = _edited(shipped[0], bump=True)
    problems = lock_problems([edited], TEMPLATE_LOCK)
    assert len(problems) == 1
    template = edited.template
    assert f'("{template.id}", {template.version}): "{edited.sha256}",' in problems[0]
    # Once added, the bumped template is accepted alongside the old line.
    lock = {**TEMPLATE_LOCK, (template.id, template.version): edited.sha256}
    assert lock_problems([edited, *shipped], lock) == []
