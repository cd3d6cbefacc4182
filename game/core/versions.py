"""Versioned content folders: install a new story beside the old ones and switch between them at once.

A versioned folder holds every version it was given and a pointer to the one in use:

    ROOT/versions/20261207-031500/...   each version, a complete content folder
    ROOT/current                        the name of the version in use (one line)

`--content ROOT` reads the version `current` names (`resolve`). Installing copies a folder into a
new version and checks it (the same checks as `lint`) before the pointer moves; the pointer is
rewritten atomically (write, then rename), so a kiosk starting at that moment reads the old version
or the new one, never half of each, on Linux, macOS and Windows alike (no symlinks needed). Rolling
back moves the pointer to an earlier version, checked again. Nothing is deleted.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import time
from collections.abc import Callable

from .diagnostics import Diagnostic, Report
from .files import write_atomic
from .reading import ReadError, read_text

log = logging.getLogger("neighbour")
POINTER = "current"
VERSIONS = "versions"
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class VersionError(Exception):
    """A version cannot be installed or switched to; the message says why."""


def is_versioned(root: str) -> bool:
    return os.path.isfile(os.path.join(root, POINTER)) and os.path.isdir(os.path.join(root, VERSIONS))


def versions(root: str) -> list[str]:
    """The versions in a versioned folder, oldest first (names sort by their time stamp)."""
    folder = os.path.join(root, VERSIONS)
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(n for n in names if NAME.match(n) and os.path.isdir(os.path.join(folder, n)))


def current(root: str) -> str | None:
    """The version the pointer names, if it names one that exists."""
    try:  # a regular file, a few bytes (core/reading.py)
        name = read_text(os.path.join(root, POINTER), 1024).strip()
    except ReadError:
        return None
    return name if NAME.match(name) and os.path.isdir(os.path.join(root, VERSIONS, name)) else None


def resolve(folder: str) -> str:
    """The content folder to read for `folder`: its current version when it is a versioned folder
    (the newest version, with a line in the log, when its pointer is damaged), else itself."""
    if not is_versioned(folder):
        return folder
    name = current(folder)
    if name is None:
        found = versions(folder)
        if not found:
            return folder
        name = found[-1]
        log.error("%s: the pointer '%s' names no version; reading the newest, %s", folder, POINTER, name)
    return os.path.join(folder, VERSIONS, name)


def switch(root: str, name: str) -> None:
    """Point `root` at version `name` (atomically)."""
    write_atomic(os.path.join(root, POINTER), (name + "\n").encode("utf-8"))


def install(root: str, source: str, check: Callable[[str], Report], name: str | None = None) -> tuple[str, Report]:
    """Copy `source` into a new version of `root`, check it, and switch to it when it has no errors.
    Returns (the version's name, the check's report); a version with errors is removed again and
    the pointer left where it was."""
    if not os.path.isdir(source):
        raise VersionError(f"{source} is not a folder")
    name = name or time.strftime("%Y%m%d-%H%M%S")
    if not NAME.match(name):
        raise VersionError(f"'{name}' cannot name a version (letters, digits, '.', '_' and '-')")
    folder = os.path.join(root, VERSIONS)
    target = os.path.join(folder, name)
    if os.path.exists(target):
        raise VersionError(f"version {name} exists already")
    incoming = os.path.join(folder, f".incoming-{name}")
    os.makedirs(folder, exist_ok=True)
    shutil.rmtree(incoming, ignore_errors=True)
    shutil.copytree(source, incoming, symlinks=True,
                    ignore=shutil.ignore_patterns(".git", "__pycache__", "*.pyc", ".*"))
    for base, _dirs, files in os.walk(incoming):
        for f in files:
            if os.path.islink(os.path.join(base, f)):
                shutil.rmtree(incoming, ignore_errors=True)
                raise VersionError(f"{os.path.join(source, os.path.relpath(os.path.join(base, f), incoming))} "
                                   "is a symbolic link; copy the files themselves")
    report = _as_in(check(incoming), incoming, source)
    if not report.ok:
        shutil.rmtree(incoming, ignore_errors=True)
        return name, report
    os.replace(incoming, target)
    switch(root, name)
    return name, report


def _as_in(report: Report, copy: str, source: str) -> Report:
    """The report with the copy's paths written as the source's, which is where the author fixes them."""
    out = Report()
    for d in report.items:
        path = d.path
        if os.path.abspath(path).startswith(os.path.abspath(copy) + os.sep):
            path = os.path.join(source, os.path.relpath(os.path.abspath(path), os.path.abspath(copy)))
        out.items.append(Diagnostic(path, d.line, d.col, d.severity, d.message, d.code))
    return out


def rollback(root: str, check: Callable[[str], Report], name: str | None = None) -> tuple[str, Report]:
    """Point `root` back at version `name`, or at the one before the current; checked first."""
    found = versions(root)
    now = current(root)
    if name is None:
        earlier = [v for v in found if now is None or v < now]
        if not earlier:
            raise VersionError(f"there is no version before {now}" if now else "there are no versions")
        name = earlier[-1]
    elif name not in found:
        raise VersionError(f"no version {name}; versions: {', '.join(found) or 'none'}")
    report = check(os.path.join(root, VERSIONS, name))
    if report.ok:
        switch(root, name)
    return name, report
