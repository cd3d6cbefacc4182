"""Collecting a class's results: files, folders of files, short codes, and text files of codes.

Nothing here stops at a bad input: every file or code that cannot be used is kept with its reason
(the core's plain-English message, and a key into the report strings for the page's language), and
the rest are used.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from ..core.play import results
from ..core.content import Content
from .stats import Run

# Code-like text: NB-XXX-XXX-XXX, with or without dashes and spaces (decode_code has the last word).
CODE_LIKE = re.compile(r"^\s*(NB)?[-\s]*[0-9A-Z]{3}[-\s]*[0-9A-Z]{3}[-\s]*[0-9A-Z]{3}\s*$", re.IGNORECASE)

# The core's reasons (game/core/results.py), by a phrase in each, and the report string that says it.
REASONS = (
    ("cannot be read", "report.why_unreadable"),
    ("too large", "report.why_too_large"),
    ("not valid JSON", "report.why_not_json"),
    ("not a Neighbour result file", "report.why_not_result"),
    ("another version", "report.why_version"),
    ("is damaged", "report.why_damaged"),
    ("typing mistake", "report.why_typo"),
    ("is not a result code", "report.why_bad_code"),
    ("campaign this content does not have", "report.why_unknown_story"),
)


@dataclass
class Skipped:
    """An input that was left out: what it was, why in English (stderr), and the string key."""

    name: str
    reason: str
    key: str


@dataclass
class Gathered:
    runs: list[Run]
    skipped: list[Skipped]


def reason_key(message: str) -> str:
    for phrase, key in REASONS:
        if phrase in message:
            return key
    return ""


def gather(content: Content, inputs: list[str]) -> Gathered:
    """Read every input; files and codes that cannot be used go to `skipped` with their reason."""
    out = Gathered([], [])
    seen: set[str] = set()
    for item in inputs:
        if os.path.isdir(item):
            names = sorted(n for n in os.listdir(item) if n.lower().endswith(".json") and not n.startswith("."))
            if not names:
                out.skipped.append(Skipped(item, "is a folder with no result files (*.json)",
                                           "report.why_empty_folder"))
            for name in names:
                _file(content, os.path.join(item, name), out, seen)
        elif os.path.isfile(item):
            if item.lower().endswith(".txt"):
                _code_list(content, item, out)
            else:
                _file(content, item, out, seen)
        elif CODE_LIKE.match(item):
            _code(content, item.strip(), item.strip(), out)
        else:
            out.skipped.append(Skipped(item, "does not exist (no such file, folder or result code)",
                                       "report.why_not_found"))
    return out


def _file(content: Content, path: str, out: Gathered, seen: set[str]) -> None:
    real = os.path.realpath(path)
    if real in seen:
        return
    seen.add(real)
    name = os.path.basename(path)
    try:
        data = results.load(path)
    except results.ResultError as exc:
        out.skipped.append(Skipped(name, str(exc), reason_key(str(exc))))
        return
    if data["campaign"] not in content.campaigns:
        out.skipped.append(Skipped(name, f"names a campaign this content does not have ('{data['campaign']}')",
                                   "report.why_unknown_story"))
        return
    out.runs.append(Run(name, data))


def _code(content: Content, code: str, label: str, out: Gathered) -> None:
    try:
        data = results.decode_code(content, code)
    except results.ResultError as exc:
        out.skipped.append(Skipped(label, str(exc), reason_key(str(exc))))
        return
    out.runs.append(Run(label, data))


def _code_list(content: Content, path: str, out: Gathered) -> None:
    """A text file with one code a line; blank lines and lines starting with # are ignored."""
    name = os.path.basename(path)
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read(256 * 1024).splitlines()
    except OSError as exc:
        out.skipped.append(Skipped(name, f"cannot be read ({exc.strerror})", "report.why_unreadable"))
        return
    found = False
    for number, line in enumerate(lines, 1):
        code = line.strip()
        if not code or code.startswith("#"):
            continue
        found = True
        _code(content, code, f"{name}:{number}: {code}", out)
    if not found:
        out.skipped.append(Skipped(name, "has no result codes in it", "report.why_no_codes"))
