"""The desktop window (PySide6). The only package that imports Qt widgets; it talks to
the data only through :mod:`auditdesk.services`."""
