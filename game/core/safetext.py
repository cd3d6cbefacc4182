"""Text from files, shown in a terminal: control characters escaped, so that no content key, result
field or file name can move the cursor, clear the screen, recolour or retitle the teacher's terminal,
or reverse the text around it (bidirectional overrides).

Every front end that prints what a file held (lint, report, play-text) passes it through `for_terminal`.
HTML is escaped where it is written (game/report/markup.py), and the window draws text, never
interprets it.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the invisible marks that reorder or hide text
_MARKS = "\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff"
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{_MARKS}]")
_CONTROL_KEEP_LINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_MARKS}]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: object, keep_lines: bool = False, limit: int = 0) -> str:
    """`text` with every control character written as an escape (`\\x1b`, `\\u202e`); with
    `keep_lines`, newlines and tabs stay. A `limit` shortens a longer text, marking the cut with '…'."""
    s = text if isinstance(text, str) else str(text)
    if limit and len(s) > limit:
        s = s[:limit] + "…"
    return (_CONTROL_KEEP_LINES if keep_lines else _CONTROL).sub(_escape, s)
