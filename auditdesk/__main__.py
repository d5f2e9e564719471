"""``python -m auditdesk`` is the ``auditdesk`` command."""

from auditdesk.cli import main

raise SystemExit(main())
