"""Moderation: drawing a sample, blind second marking, reconciliation."""
