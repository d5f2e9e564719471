"""Benchmarks against the budgets in docs/performance.md (`make bench`)."""
