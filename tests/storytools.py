"""Helpers for story tests: a tiny inline story, played over the shipped world and model."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from game.core.content import Content
from game.core.load.build import build
from game.core.play.engine import Engine
from game.core.load.loader import Loaded, load_sources
from game.core.paths import content_dir

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORLD = [os.path.join(content_dir(), "model.yaml"), os.path.join(content_dir(), "world"),
         os.path.join(content_dir(), "ui")]


def run_main(*argv: str, stdin: str | None = None, cwd: str = ROOT, timeout: int = 300
             ) -> subprocess.CompletedProcess[str]:
    """`python main.py ARGV...` in a child process, as a player or author types it."""
    return subprocess.run([sys.executable, os.path.join(ROOT, "main.py"), *argv], cwd=cwd, input=stdin,
                          capture_output=True, text=True, timeout=timeout)


def write(tmp_path, text: str, name: str = "story.yaml") -> str:
    folder = tmp_path / "story"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(folder)


def load(tmp_path, text: str) -> Loaded:
    """Load an inline story beside the shipped world; returns the loader's result."""
    return load_sources(WORLD + [write(tmp_path, text)])


def story(tmp_path, text: str) -> Content:
    """Build an inline story that must load without errors."""
    loaded = load(tmp_path, text)
    assert loaded.report.ok, loaded.report.format()
    return build(loaded.data)


def errors(tmp_path, text: str) -> list[str]:
    """The formatted errors of an inline story (file paths shortened to the file name)."""
    loaded = load(tmp_path, text)
    return [f"{os.path.basename(d.path)}:{d.line}:{d.col}: {d.message}" for d in loaded.report.errors]


def texts(content: Content, engine: Engine) -> list[str]:
    """The offered choices' English texts."""
    return [content.text(c.text, "en") or c.id for c in engine.choices()]


CAMPAIGN = """
campaigns:
  t:
    role: resident
    title: T
    summary: S
    profiles: [{id: p, name: P, summary: S, start: {education: 20}}]
    calendar:
      - phase: high_security
        days: {days}
        slots: {slots}
    endings:
      - id: high
        if: education >= 40
        title: High
        text: High.
      - id: low
        title: Low
        text: Low.
"""


def campaign(days: int = 1, slots: str = "{morning: a}") -> str:
    return CAMPAIGN.replace("{days}", str(days)).replace("{slots}", slots)
