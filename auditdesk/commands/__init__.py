"""The ``auditdesk`` subcommands, one module each. Each module has ``register(commands)``
which adds its parser (with :func:`summary` as its help) and sets ``handler`` to a
function of the parsed arguments.

A command is listed here, by name, not imported: between them the commands load every
feature (bundles, exports, the demo), so ``auditdesk.cli`` imports only the module of the
command being run, and names the others with their summary for ``--help``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    name: str  # what is typed: ``auditdesk NAME``
    module: str  # its module in this package
    summary: str  # its line in ``auditdesk --help``


#: Every command, in the order ``auditdesk --help`` lists them. Add a new command here.
COMMANDS = (
    Command("demo", "demo", "fill a new database with realistic demo audits"),
    Command("templates", "templates", "check, list, install or export audit templates"),
    Command("db", "database", "check or back up a database file"),
    Command("export", "export", "write the Board workbook and pack, or an audit"),
    Command("bundle", "bundle", "send audits to another laptop, or import audits sent from one"),
    Command("profile", "profile", "show or set who you are: your name, agency and role"),
    Command(
        "selftest",
        "selftest",
        "check that AuditDesk works on this computer (in a folder of its own)",
    ),
)


def summary(name: str) -> str:
    """The help line of the command typed as ``name``."""
    return next(command.summary for command in COMMANDS if command.name == name)
