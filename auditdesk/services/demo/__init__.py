"""Realistic, reproducible demo data: the same seed and date give the same database."""
