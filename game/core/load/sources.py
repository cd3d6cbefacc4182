"""Which files make up the content, and what loading them produced.

Kept apart from the loader so that reading the compiled cache (cache.py) never imports the YAML
parser and the schema: a game that starts from a fresh cache needs neither.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..diagnostics import Report

if TYPE_CHECKING:
    from .schema_types import Ctx
    from .yamlsafe import Mark

SCHEMA_VERSION = 1   # the content format's version (schema.py describes the format)
YAML_SUFFIXES = (".yaml", ".yml")
MAX_FILES = 2000


@dataclass
class Source:
    """One content file: where it is on disk and how it is named in messages."""

    path: str
    shown: str
    root: str = ""  # the content folder it was found in: a symlink must resolve inside it


@dataclass
class Loaded:
    """The outcome of loading: normalised data, the report, and facts lint needs."""

    data: dict[str, Any]
    report: Report
    sources: list[Source]
    ctx: Ctx | None = None
    positions: dict[str, dict[str, tuple[str, Mark]]] = field(default_factory=dict)


def display_path(path: str) -> str:
    """A path as short as possible for messages: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return path
    return path if rel.startswith("..") else rel


def find_sources(dirs: list[str], report: Report) -> list[Source]:
    """Every YAML file under the folders, in a stable order (folder by folder, then by path)."""
    found: list[Source] = []
    for d in dirs:
        if os.path.isfile(d) and d.endswith(YAML_SUFFIXES):
            found.append(Source(d, display_path(d), os.path.dirname(os.path.abspath(d))))
            continue
        if not os.path.isdir(d):
            report.error(display_path(d), 1, 1, "expected a content folder, found nothing there", code="S130")
            continue
        files: list[str] = []
        for root, subdirs, names in os.walk(d):
            subdirs[:] = sorted(s for s in subdirs if not s.startswith((".", "_")) and s != "assets")
            files.extend(os.path.join(root, n) for n in names
                         if n.endswith(YAML_SUFFIXES) and not n.startswith((".", "_")))
        for f in sorted(files):
            found.append(Source(f, display_path(f), d))
    if len(found) > MAX_FILES:
        report.error(found[0].shown, 1, 1, f"expected at most {MAX_FILES} content files, found {len(found)}",
                     code="S131")
        found = found[:MAX_FILES]
    return found
