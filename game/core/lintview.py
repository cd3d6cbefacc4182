"""Lint's report as an author reads it in a terminal: like ruff, each problem with its rule code, the
line it is on, and a caret under the column; and the `# lint: ignore[CODE]` comments that silence one.

    content/story.yaml:12:12: error: N201 unknown place 'kitchn' (did you mean "kitchen"?)
       |
    12 |     place: kitchn
       |            ^^^^^^
       |

The head line keeps the `path:line:col: severity:` shape editors turn into links. Text from files is shown through
`for_terminal`, so a control character in a file is printed as an escape, never obeyed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .diagnostics import Diagnostic, Report
from .reading import ReadError, read_bytes
from .safetext import for_terminal

IGNORE = re.compile(r"#\s*lint:\s*ignore(?:\[([A-Z0-9,\s]*)\])?")
_TOKEN_END = re.compile(r"[\s,:{}\[\]#]")
MAX_SHOWN = 200  # characters of a source line shown


class Sources:
    """The lines of the files diagnostics point into, read once each (unreadable files show no
    excerpt: lint has reported them already)."""

    def __init__(self, paths: dict[str, str] | None = None) -> None:
        self.paths = paths or {}  # shown path -> real path
        self.lines: dict[str, list[str] | None] = {}

    def line(self, shown: str, number: int) -> str | None:
        if shown not in self.lines:
            try:  # never a pipe or a device: lint has reported those already
                data = read_bytes(self.paths.get(shown, shown), 16 * 1024 * 1024)
                self.lines[shown] = data.decode("utf-8", "replace").splitlines()
            except ReadError:
                self.lines[shown] = None
        lines = self.lines[shown]
        if lines is None or not 1 <= number <= len(lines):
            return None
        return lines[number - 1]


def ignored(d: Diagnostic, sources: Sources) -> bool:
    """Whether the line the problem is on says `# lint: ignore` (all codes) or `# lint: ignore[N201]`."""
    line = sources.line(d.path, d.line)
    if line is None:
        return False
    for m in IGNORE.finditer(line):
        if m.group(1) is None:
            return True
        if d.code in {c.strip() for c in m.group(1).split(",")}:
            return True
    return False


def apply_ignores(report: Report, sources: Sources) -> int:
    """Drop the problems their lines silence (errors too: the author said so); return how many."""
    kept = [d for d in report.items if not ignored(d, sources)]
    dropped = len(report.items) - len(kept)
    report.items[:] = kept
    return dropped


def render(d: Diagnostic, sources: Sources) -> str:
    """One problem, ruff-style: the header line, then the source line with a caret under the column."""
    head = for_terminal(f"{d.path}:{d.line}:{d.col}: {d.severity}: {d.code or '----'} {d.message}")
    line = sources.line(d.path, d.line)
    if line is None:
        return head
    shown = for_terminal(line[:MAX_SHOWN].expandtabs(4))
    col = max(1, min(d.col, len(shown) + 1))
    rest = shown[col - 1:]
    end = _TOKEN_END.search(rest[1:]) if rest else None
    width = max(1, min(end.start() + 1 if end else len(rest), 60))
    gutter = " " * len(str(d.line))
    return "\n".join([head, f"{gutter} |", f"{d.line} | {shown}", f"{gutter} | {' ' * (col - 1)}{'^' * width}",
                      f"{gutter} |"])


def render_all(items: Iterable[Diagnostic], sources: Sources) -> str:
    return "\n".join(render(d, sources) for d in items)
