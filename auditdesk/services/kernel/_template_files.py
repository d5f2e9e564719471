"""Templates a council owns: installed from their files, and written back out.

A council's own quality framework arrives as a template file (YAML, checked by
``auditdesk templates check``). Installing stores each version frozen, as the shipped ones
are: audits stay on the version they were filled against, and a new version is a new
number. Installing is all or nothing: every file is read and checked first, and one
problem anywhere installs none of them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.errors import NotFound, TemplateProblem
from auditdesk.services.kernel._context import ServiceContext
from auditdesk.services.kernel._templates import install_template
from auditdesk.store.models import TemplateVersion

if TYPE_CHECKING:
    from pathlib import Path

    from auditdesk.domain.template_loader import LoadedTemplate


@dataclass(frozen=True)
class InstalledTemplate:
    """One template version an install was given, and whether it was new here."""

    key: str  # id@version
    title: str
    questions: int
    new: bool  # False: this exact version was installed already (nothing changed)


@dataclass(frozen=True)
class StoredTemplate:
    """A stored template version as its author wrote it (its definition), to export."""

    key: str
    title: str
    definition: dict[str, Any]
    sha256: str


def install_templates(
    ctx: ServiceContext, templates: Sequence[LoadedTemplate]
) -> list[InstalledTemplate]:
    """Store each version not stored yet, in one transaction.

    Raises :class:`TemplateProblem`, having installed nothing, when a version is already
    installed with different content or two of ``templates`` give one version two
    contents: a changed template needs a new version number."""
    problems = _same_version_twice(templates)
    with ctx.db.write() as session:
        stored = {
            loaded.template.key: _stored(session, loaded.template.id, loaded.template.version)
            for loaded in templates
        }
        problems += [
            _changed_without_a_new_version(session, loaded)
            for loaded in templates
            if (found := stored[loaded.template.key]) is not None and found.sha256 != loaded.sha256
        ]
        if problems:
            raise TemplateProblem([*problems, "Nothing was installed."])
        installed = []
        once = {loaded.template.key: loaded for loaded in templates}  # a file given twice
        for key, loaded in once.items():
            template = loaded.template
            install_template(session, loaded)  # a no-op for a version already there
            questions = sum(1 for _ in template.questions())
            installed.append(InstalledTemplate(key, template.title, questions, stored[key] is None))
    return installed


def install_template_files(ctx: ServiceContext, paths: Sequence[Path]) -> list[InstalledTemplate]:
    """Read and check every file, then install them (:func:`install_templates`); a
    problem in any file raises :class:`TemplateProblem` naming each one, with nothing
    installed."""
    # The loader (PyYAML and the template model) is needed by installing only.
    from auditdesk.domain.template_loader import load_template_file  # noqa: PLC0415

    loaded, problems = [], []
    for path in paths:
        try:
            loaded.append(load_template_file(path))
        except TemplateProblem as problem:
            problems += problem.problems
    if problems:
        raise TemplateProblem([*problems, "Nothing was installed."])
    return install_templates(ctx, loaded)


def template_preview(ctx: ServiceContext, key: str) -> list[str]:
    """The outline of the stored version ``key`` (:func:`template_outline`), to read before
    auditing with it."""
    from auditdesk.domain.template_loader import load_template_definition  # noqa: PLC0415
    from auditdesk.domain.template_outline import template_outline  # noqa: PLC0415

    stored = stored_template(ctx, key)
    return template_outline(load_template_definition(stored.definition, key).template)


def stored_template(ctx: ServiceContext, key: str) -> StoredTemplate:
    """The stored version named ``key`` (``id@version``)."""
    template_id, _at, version = key.partition("@")
    if not version.isdigit():
        raise NotFound(
            f"Name the template and its version as ID@VERSION, for example ehcp-quality@1, "
            f"not '{key}'. {_installed_here(ctx)}"
        )
    with ctx.db.read() as session:
        found = _stored(session, template_id, int(version))
        if found is None:
            raise NotFound(f"There is no template {key} in this database. {_installed_here(ctx)}")
        return StoredTemplate(key, found.title, json.loads(found.definition), found.sha256)


def _stored(session: Session, template_id: str, version: int) -> TemplateVersion | None:
    return session.scalar(
        select(TemplateVersion).where(
            TemplateVersion.template_id == template_id, TemplateVersion.version == version
        )
    )


def _same_version_twice(templates: Sequence[LoadedTemplate]) -> list[str]:
    seen: dict[str, LoadedTemplate] = {}
    problems = []
    for loaded in templates:
        key = loaded.template.key
        earlier = seen.setdefault(key, loaded)
        if earlier.sha256 != loaded.sha256:
            problems.append(
                f"{loaded.source}: {key} is also in {earlier.source} with different content. "
                "Give one of them a new version number."
            )
    return problems


def _changed_without_a_new_version(session: Session, loaded: LoadedTemplate) -> str:
    template = loaded.template
    newest = session.scalar(
        select(TemplateVersion.version)
        .where(TemplateVersion.template_id == template.id)
        .order_by(TemplateVersion.version.desc())
        .limit(1)
    )
    following = (newest or template.version) + 1
    return (
        f"{loaded.source}: {template.key} is already installed, with different content. "
        "Audits filled against it must keep the questions they were asked, so a changed "
        f"template needs a new version number: set 'version: {following}' in the file and "
        "install it again."
    )


def _installed_here(ctx: ServiceContext) -> str:
    with ctx.db.read() as session:
        keys = [
            f"{row.template_id}@{row.version}"
            for row in session.execute(
                select(TemplateVersion.template_id, TemplateVersion.version).order_by(
                    TemplateVersion.template_id, TemplateVersion.version
                )
            )
        ]
    return f"Templates here: {', '.join(keys) or 'none'}."
