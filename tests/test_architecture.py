"""Guard rails for the code's shape, read from the source (nothing is imported):

* no import cycle inside `game/`, counting imports inside functions and under TYPE_CHECKING;
* the core never imports the window, the terminal, the report or the commands;
* screens never import the app or the modes; the report never imports the command line;
* no module over 450 lines.

`.ci/lint` runs this file after ruff; it is part of the suite too.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator

import pytest

from storytools import ROOT

GAME = os.path.join(ROOT, "game")
MAX_LINES = 450
# Modules of other lanes still over the limit, with the lane splitting each; the list may only shrink.
TOO_LONG_FOR_NOW: dict[str, str] = {}


def modules() -> dict[str, str]:
    """Every module of the game by dotted name, with its path."""
    out = {}
    for folder, dirs, files in os.walk(GAME):
        dirs[:] = sorted(d for d in dirs if not d.startswith(("_", ".")) or d == "__init__")
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            rel = os.path.relpath(os.path.join(folder, name), ROOT)[:-3].split(os.sep)
            if rel[-1] == "__init__":
                rel = rel[:-1]
            out[".".join(rel)] = os.path.join(folder, name)
    return out


MODULES = modules()


def imports_of(name: str) -> Iterator[tuple[str, int]]:
    """The game modules `name` imports anywhere in its file (top level, functions, TYPE_CHECKING),
    with the line of each import."""
    path = MODULES[name]
    with open(path, encoding="utf-8") as fh:
        tree = ast.parse(fh.read(), path)
    package = name if path.endswith("__init__.py") else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield from _resolve(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield from _resolve(full if full in MODULES else base, node.lineno)


def _resolve(name: str, line: int) -> Iterator[tuple[str, int]]:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    if name.startswith("game"):
        yield name, line


GRAPH = {name: sorted({target for target, _ in imports_of(name) if target != name}) for name in MODULES}


def cycles() -> list[list[str]]:
    """The groups of modules that import each other, directly or through others (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return found


def offenders(prefix: str, forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for name in MODULES:
        if name != prefix and not name.startswith(prefix + "."):
            continue
        for target, line in imports_of(name):
            if any(target == f or target.startswith(f + ".") for f in forbidden):
                out.append(f"{MODULES[name]}:{line}: {name} imports {target}")
    return out


def test_no_import_cycle_inside_the_game():
    assert cycles() == [], "modules that import each other (function-local imports count)"


@pytest.mark.parametrize("room, forbidden", [
    ("game.core", ("game.ui", "game.terminal", "game.report", "game.commands", "game.cli")),
    ("game.report", ("game.cli", "game.commands", "game.ui", "game.terminal")),
    ("game.terminal", ("game.ui", "game.report", "game.cli", "game.commands")),
    ("game.ui.screens", ("game.ui.app", "game.ui.session", "game.ui.modes")),
    ("game.ui.screen", ("game.ui.app", "game.ui.session", "game.ui.modes")),
])
def test_each_room_imports_only_what_it_may(room, forbidden):
    assert offenders(room, forbidden) == []


def test_no_module_over_450_lines():
    long = {}
    for name, path in MODULES.items():
        with open(path, encoding="utf-8") as fh:
            n = sum(1 for _ in fh)
        if n > MAX_LINES:
            long[name] = n
    assert sorted(set(long) - set(TOO_LONG_FOR_NOW)) == [], long
    assert sorted(set(TOO_LONG_FOR_NOW) - set(long)) == [], "split now: remove it from TOO_LONG_FOR_NOW"


def test_every_package_is_installed():
    """`pip install .` installs only the packages pyproject.toml lists: a new folder must be listed."""
    import tomllib
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        listed = set(tomllib.load(fh)["tool"]["setuptools"]["packages"])
    found = {name for name, path in MODULES.items() if path.endswith("__init__.py")}
    assert sorted(found - listed) == []


def test_the_architecture_guide_names_files_that_exist():
    """docs/architecture.md is the map a newcomer reads first: every path it names must be there."""
    import re
    with open(os.path.join(ROOT, "docs", "architecture.md"), encoding="utf-8") as fh:
        text = fh.read()
    named = set(re.findall(r"`((?:game|tests|tools|content|docs|\.ci)/[\w/.<>-]*?)`", text))
    missing = [p for p in sorted(named) if "<" not in p and not os.path.exists(os.path.join(ROOT, p))]
    assert named and missing == []
