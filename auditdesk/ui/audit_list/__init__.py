"""The audit list: its table (pages read on demand), its filters and the view around them."""
