"""Demo translations (filled in below)."""

PLAN = {}
TEXTS = {}
