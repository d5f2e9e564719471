"""The templates a bundle's audits were filled in with, against those here: which are
here already (and whether they are the same), and which the import would add.

A template the bundle carries is parsed and checked as a template only when this
database lacks it; one that would pose as another (a new id with a title already in use)
is refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.template_index import TemplateIndex
from auditdesk.domain.template_loader import LoadedTemplate, load_template_definition
from auditdesk.errors import TemplateProblem
from auditdesk.services.bundles._contents import BundleContents
from auditdesk.services.bundles._problems import Refusal
from auditdesk.services.kernel._templates import index_for
from auditdesk.store.models import TemplateVersion

TemplateKey = tuple[str, int]


@dataclass
class IncomingTemplates:
    install: list[LoadedTemplate] = field(default_factory=list)
    rows: dict[TemplateKey, int] = field(default_factory=dict)  # key -> template_versions.id
    indexes: dict[TemplateKey, TemplateIndex] = field(default_factory=dict)
    clashes: set[TemplateKey] = field(default_factory=set)  # here, with other content


def incoming_templates(session: Session, contents: BundleContents) -> IncomingTemplates:
    """The templates the bundle's audits use, matched to those here; refuses the bundle
    if one is neither here nor carried, or is not a sound template."""
    used = {
        (r.audit.audit.template_id, r.audit.audit.template_version)
        for r in contents.of_kind("audit")
    }
    here = {(row.template_id, row.version): row for row in session.scalars(select(TemplateVersion))}
    found = IncomingTemplates()
    refusal = Refusal(contents.path, contents.manifest.app_version)
    for template in contents.templates:
        if template.key not in used:
            continue
        label = f"the template '{template.title}' version {template.version}"
        stored = here.get(template.key)
        if stored is not None:
            found.rows[template.key] = stored.id
            found.indexes[template.key] = index_for(stored)
            if stored.sha256 != template.sha256:
                found.clashes.add(template.key)
            continue
        if template.definition is None:
            refusal.refuse(
                f"its audits were filled in with {label}, which this AuditDesk does not have "
                "and the bundle does not carry",
                "Ask the sender to send it again from an up-to-date AuditDesk, or add that "
                "template version here first.",
            )
        try:
            loaded = load_template_definition(template.definition, label)
        except TemplateProblem as problem:
            # The loader names the source and a line (of YAML); only the field matters here.
            detail = problem.problems[0].split(", line ", 1)[-1].split(", ", 1)[-1]
            refusal.invalid(
                f"{label} that it carries is not a valid template ({detail})", problem.problems
            )
        if (loaded.template.id, loaded.template.version) != template.key:
            refusal.invalid(f"{label} names a different template inside")
        _check_title(refusal, label, loaded, here.values(), found.install)
        found.install.append(loaded)
        found.indexes[template.key] = TemplateIndex(loaded.template)
    return found


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _check_title(
    refusal: Refusal,
    label: str,
    loaded: LoadedTemplate,
    here: Iterable[TemplateVersion],
    installing: Sequence[LoadedTemplate],
) -> None:
    """A new template may not take the title of a different one (another id) installed
    here or carried alongside: people choose and read templates by title, so one posing as
    a shipped template would be filled in, graded and reported as that template. Another
    version of the same template may keep or change its title."""
    template = loaded.template
    wanted = _title_key(template.title)
    taken = [(row.template_id, row.title) for row in here]
    taken += [(other.template.id, other.template.title) for other in installing]
    for template_id, title in taken:
        if template_id != template.id and _title_key(title) == wanted:
            refusal.invalid(
                f"{label} that it carries is a new template (id '{template.id}') with the "
                f"same title as the template '{template_id}', which AuditDesk never makes"
            )
