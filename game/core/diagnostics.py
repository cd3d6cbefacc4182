"""Diagnostics: the one shape every content, save and argument problem is reported in.

A diagnostic names a file, a 1-based line and column, a severity and a message that says what was
expected and what was found. Problems are collected, never raised one at a time, so an author sees
all of them together (the ink compiler and Yarn Spinner do the same).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterable

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    line: int
    col: int
    severity: str
    message: str
    code: str = ""  # the rule: N201 unknown place, L501 unreachable scene... (see codes.py)

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"

    def to_dict(self) -> dict[str, str | int]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "message": self.message,
            "code": self.code,
        }


@dataclass(slots=True)
class Report:
    """An ordered collection of diagnostics."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, path: str, line: int, col: int, message: str, code: str = "") -> None:
        self.items.append(Diagnostic(path, line, col, ERROR, message, code))

    def warning(self, path: str, line: int, col: int, message: str, code: str = "") -> None:
        self.items.append(Diagnostic(path, line, col, WARNING, message, code))

    def extend(self, other: Iterable[Diagnostic]) -> None:
        self.items.extend(other)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not any(d.severity == ERROR for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (d.path, d.line, d.col, d.severity, d.message))

    def format(self) -> str:
        return "\n".join(d.format() for d in self.sorted())


class ContentError(Exception):
    """Raised when content cannot be used; carries every diagnostic found."""

    def __init__(self, report: Report):
        self.report = report
        errors = report.errors
        first = errors[0].format() if errors else "content has errors"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(first + more)


def by_meaning(word: str, names: dict[str, str]) -> str:
    """A ' (did you mean "x"?)' suffix for a name written as what it means rather than how it is
    spelt: `school` for the activity `study`, whose name is "School". `names` maps each defined name to
    the words it is shown with (its English name); '' when none matches."""
    wanted = word.lower().replace("_", " ").strip()
    if not wanted:
        return ""
    for key, shown in names.items():
        words = shown.lower().replace(",", " ").split()
        if wanted == shown.lower() or wanted in words or wanted.rstrip("s") in words:
            return f' (did you mean "{key}", shown as "{shown}"?)'
    return ""


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """A ' (did you mean "x"?)' suffix, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""
