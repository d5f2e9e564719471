"""``auditdesk profile``: who you are (name, agency and role), shown or set.

Exports and bundles made on the command line say who made them: the person at this
computer, from their own profile, never whoever last used the database. The window reads
and writes the same profile (Help > Your profile), so setting it in one sets it in both.
"""

from __future__ import annotations

import argparse
from typing import Any, TypeVar

from auditdesk.commands import summary
from auditdesk.domain.reference import Agency, Labelled, Role
from auditdesk.errors import InvalidInput
from auditdesk.user_profile import HOW_TO_SET, ProfileFile, UserProfile, name_problem

Choice = TypeVar("Choice", bound=Labelled)


def register(commands: Any) -> None:
    profile = commands.add_parser(
        "profile",
        help=summary("profile"),
        description="Without options, shows who AuditDesk records your work as. With them, "
        "sets it (the window uses the same profile). The first time, give all three.",
    )
    profile.add_argument("--name", metavar="NAME", help="your full name, as colleagues know you")
    profile.add_argument(
        "--agency", metavar="AGENCY", help=f"the agency you audit for: {_in_words(Agency)}"
    )
    profile.add_argument(
        "--role", metavar="ROLE", help=f"what you mostly do in AuditDesk: {_in_words(Role)}"
    )
    profile.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    file = ProfileFile()
    if args.name is None and args.agency is None and args.role is None:
        return _show(file)
    return _set(file, args)


def _show(file: ProfileFile) -> int:
    profile = file.read()
    if profile is None:
        raise InvalidInput(f"AuditDesk does not know who you are yet. Tell it with: {HOW_TO_SET}")
    print(f"Name:   {profile.name}")
    print(f"Agency: {profile.agency.label}")
    print(f"Role:   {profile.role.label}")
    return 0


def _set(file: ProfileFile, args: argparse.Namespace) -> int:
    wanted = _wanted(file, args)
    problem = name_problem(wanted.name)
    if problem is not None:
        raise InvalidInput(f"--name: {problem}")
    saved = file.write(wanted)
    print(f"AuditDesk records your work as {saved.describe()} from now on.")
    return 0


def _wanted(file: ProfileFile, args: argparse.Namespace) -> UserProfile:
    """The profile the options ask for: whatever was left out stays as it was."""
    agency = None if args.agency is None else _chosen(Agency, args.agency, "--agency", "an agency")
    role = None if args.role is None else _chosen(Role, args.role, "--role", "a role")
    if args.name is not None and agency is not None and role is not None:
        return UserProfile(args.name, agency, role)  # a whole profile: a damaged one is replaced
    current = file.read()
    if current is None:
        given = (("--name", args.name), ("--agency", agency), ("--role", role))
        missing = [option for option, value in given if value is None]
        raise InvalidInput(
            "You have no profile yet, so give all three: --name, --agency and --role "
            f"(missing: {' and '.join(missing)})."
        )
    return UserProfile(
        current.name if args.name is None else args.name,
        current.agency if agency is None else agency,
        current.role if role is None else role,
    )


def _chosen(kind: type[Choice], text: str, option: str, what: str) -> Choice:
    for member in kind:
        if text.strip().casefold() in (member.value.casefold(), member.label.casefold()):
            return member
    raise InvalidInput(
        f"{option}: '{text}' is not {what} AuditDesk knows. Use one of: {_in_words(kind)}."
    )


def _in_words(kind: type[Labelled]) -> str:
    labels = [member.label for member in kind]
    return f"{', '.join(labels[:-1])} or {labels[-1]}"
