"""``auditdesk templates check|list|install|export``: a council's own templates are checked,
installed into a database (all or nothing) and written back out to be changed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from auditdesk.commands import summary
from auditdesk.commands.common import (
    EXIT_USER_ERROR,
    add_db_option,
    database_path,
    locked_workspace,
    reading_context,
    usage,
    working_context,
    your_profile,
)


def register(commands: Any) -> None:
    templates = commands.add_parser("templates", help=summary("templates"))
    actions = templates.add_subparsers(title="template commands", metavar="ACTION")
    check = actions.add_parser("check", help="validate template YAML files")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.set_defaults(handler=run_check)
    listing = actions.add_parser("list", help="list the shipped templates")
    listing.set_defaults(handler=run_list)
    install = actions.add_parser(
        "install",
        help="install template files into a database",
        description="Checks every file first; one problem anywhere installs none of them. "
        "Installing a version already there changes nothing; a changed template needs a new "
        "version number (audits keep the version they were filled against).",
    )
    install.add_argument("files", nargs="+", type=Path, metavar="FILE")
    add_db_option(install)
    install.set_defaults(handler=run_install)
    export = actions.add_parser(
        "export",
        help="write an installed template out as a file, to change it",
        description="Writes the template version named ID@VERSION (for example "
        "ehcp-quality@1) as YAML, ready to edit, check and install as a new version.",
    )
    export.add_argument("key", metavar="ID@VERSION")
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    add_db_option(export)
    export.set_defaults(handler=run_export)
    templates.set_defaults(handler=lambda _args: usage(templates))


# The template loader (PyYAML and pydantic) is imported by the command that reads
# templates, not by `--help`.
def run_check(args: argparse.Namespace) -> int:
    from auditdesk.domain.template_loader import check_files  # noqa: PLC0415

    problems = check_files(args.files)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} found.", file=sys.stderr)
        return EXIT_USER_ERROR
    print(f"{len(args.files)} template file{'s' if len(args.files) != 1 else ''} OK.")
    return 0


def run_list(_args: argparse.Namespace) -> int:
    from auditdesk.domain.template_loader import shipped_templates  # noqa: PLC0415

    for loaded in shipped_templates():
        template = loaded.template
        questions = sum(1 for _ in template.questions())
        print(
            f"{template.key:24} {template.kind.label:22} {questions:3} questions  {template.title}"
        )
    return 0


def run_install(args: argparse.Namespace) -> int:
    from auditdesk.services import kernel  # noqa: PLC0415

    profile = your_profile()  # before anything is read: the database learns who installed
    with locked_workspace(database_path(args)) as db:
        installed = kernel.install_template_files(working_context(db, profile), args.files)
    for template in installed:
        state = "Installed" if template.new else "Already installed (unchanged)"
        print(f"{state}: {template.key}, {template.title} ({template.questions} questions)")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from auditdesk.domain.template_writer import template_yaml  # noqa: PLC0415
    from auditdesk.services import kernel  # noqa: PLC0415
    from auditdesk.whole_files import written_whole  # noqa: PLC0415

    _refuse_as_a_template_file(args.out)
    path = database_path(args)
    db = kernel.open_workspace(path, create=False)
    try:
        stored = kernel.stored_template(reading_context(db, your_profile()), args.key)
    finally:
        db.close()
    text = template_yaml(stored.key, stored.title, stored.definition, stored.sha256)
    with written_whole([args.out], database=path) as (temporary,):
        temporary.write_text(text, encoding="utf-8")
    print(f"Wrote {stored.key} ({stored.title}) to {args.out}.")
    return 0


def _refuse_as_a_template_file(out: Path) -> None:
    """A template is written to a new ``.yaml`` file only: a mistyped name must not
    replace a database, a document or an earlier copy of the template."""
    from auditdesk.errors import FileProblem  # noqa: PLC0415

    if out.suffix.lower() not in {".yaml", ".yml"}:
        raise FileProblem(
            f"Save the template as a .yaml file (for example {out.stem or 'template'}.yaml), "
            f"not {out.name}: AuditDesk reads templates from .yaml files."
        )
    if out.exists():
        raise FileProblem(
            f"{out} already exists; choose a new file name, so that nothing is written over."
        )
