"""Counting words the way every measure of reading time in the game does (lint's stats, simulate)."""

from __future__ import annotations

import re

WORD = re.compile(r"[\w’'-]+", re.UNICODE)


def words(text: str) -> int:
    """Runs of letters, digits, apostrophes and hyphens."""
    return len(WORD.findall(text))
