"""Benchmarks against the budgets in DESIGN.md section 5 (`make bench`)."""
