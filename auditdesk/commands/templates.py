"""``auditdesk templates check|list``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from auditdesk.commands import summary
from auditdesk.commands.common import EXIT_USER_ERROR, usage


def register(commands: Any) -> None:
    templates = commands.add_parser("templates", help=summary("templates"))
    actions = templates.add_subparsers(title="template commands", metavar="ACTION")
    check = actions.add_parser("check", help="validate template YAML files")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.set_defaults(handler=run_check)
    listing = actions.add_parser("list", help="list the shipped templates")
    listing.set_defaults(handler=run_list)
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
