"""The ``auditdesk`` subcommands, one module each. Each module has ``register(commands)``
which adds its parser(s) and sets ``handler`` to a function of the parsed arguments."""
