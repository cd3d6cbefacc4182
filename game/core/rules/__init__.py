"""The rules language: parsed from text, type-checked, compiled to closures (never eval)."""
