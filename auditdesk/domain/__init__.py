"""Pure Python: templates, grading, agreement statistics and reference lists. No Qt, no SQL."""
