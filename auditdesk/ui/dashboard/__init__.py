"""The dashboard: the Board figures for the audit list's current filter."""
