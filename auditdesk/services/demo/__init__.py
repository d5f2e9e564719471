"""Realistic, reproducible demo data: the same seed and date give the same database.

The one entry point is :func:`generate_demo` with :class:`DemoOptions`; it returns a
:class:`DemoReport`. Everything else here (the cast of people, the phrasebooks a demo
answer is written from, the rows it inserts) is internal.
"""

from auditdesk.services.demo._generator import DemoOptions, DemoReport, generate_demo

__all__ = ["DemoOptions", "DemoReport", "generate_demo"]
