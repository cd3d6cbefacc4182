"""The README's two commands, one line per system, and CI running the README's test line as written."""

from __future__ import annotations

import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINUX_PLAY = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/python main.py"
LINUX_TEST = 'python3 -m venv .venv && .venv/bin/pip install ".[test]" && .venv/bin/python -m pytest'
WINDOWS_PLAY = r"py -m venv .venv && .venv\Scripts\pip install . && .venv\Scripts\python main.py"


def read(name: str) -> str:
    with open(os.path.join(ROOT, name), encoding="utf-8") as fh:
        return fh.read()


def test_the_readme_says_how_on_each_system_in_a_virtual_environment():
    text = read("README.md")
    for line in (LINUX_PLAY, LINUX_TEST, WINDOWS_PLAY, "pipx install . && neighbour"):
        assert f"`{line}`" in text, line
    assert "externally-managed-environment" in text and "python3-venv" in text


def test_ci_runs_the_readmes_test_line_as_written():
    lines = [line.strip() for line in read(".ci/run").splitlines()]
    assert LINUX_TEST in lines
