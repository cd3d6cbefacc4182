"""Hostile text at the terminal (issue 13): control characters from a story, a result file or its
name are shown as escapes, never obeyed; odd input and interface templates never crash."""

from __future__ import annotations

import io
import os

from game.core.load.ready import load_content
from game.core.lintview import Sources, render
from game.core.diagnostics import Diagnostic
from game.core.plurals import fill
from game.core.safetext import for_terminal
from game.terminal.textplay import TextGame
from storytools import ROOT, WORLD, campaign, write

EXAMPLE = os.path.join(ROOT, "docs", "example")
ESCAPES = "\x1b[2J\x1b]0;owned\x07\u202e\x9b"


def test_control_characters_become_visible_escapes():
    assert for_terminal(ESCAPES) == "\\x1b[2J\\x1b]0;owned\\x07\\u202e\\x9b"
    assert for_terminal("line one\nline two", keep_lines=True) == "line one\nline two"
    assert for_terminal("a\nb") == "a\\x0ab" and for_terminal("x" * 50, limit=10) == "x" * 10 + "…"


def test_a_content_key_with_escapes_is_printed_escaped_by_lint(tmp_path):
    path = tmp_path / "story.yaml"
    path.write_text(f'scenes:\n  "a{ESCAPES}": {{text: A}}\n', encoding="utf-8")
    shown = render(Diagnostic(str(path), 2, 3, "error", f"unknown scene 'a{ESCAPES}'", code="N201"),
                   Sources({str(path): str(path)}))
    assert "\x1b" not in shown and "\u202e" not in shown and "\x07" not in shown
    assert "\\x1b[2J" in shown


def test_interface_templates_never_reach_into_objects_or_crash():
    values = {"day": 3, "n": 2}
    for template in ("{day.x}", "{day.__class__}", "{day[0]}", "{0}", "{n:>999999999}", "{", "{day!r:x}"):
        assert fill(template, "en", values) == template
    assert fill("Day {day}, {n:night|nights}", "en", values) == "Day 3, nights"


STORY = """
scenes:
  a:
    text: "Hello \\e[2J\\e]0;owned\\a there."
    choices: [{text: "One \\e[31m", goto: end}, {text: Two, goto: end}]
"""


def test_play_text_takes_superscript_digits_and_huge_numbers_as_wrong_input_and_escapes_the_story(tmp_path):
    content, report = load_content(WORLD + [write(tmp_path, STORY + campaign())])
    assert content is not None, report.format()
    answers = iter(["²", "9" * 5000, "١", "1", ""] + ["1"] * 20)
    out = io.StringIO()
    assert TextGame(content, "en", lambda: next(answers, None), out).run("t", seed=1, profile="p") == 0
    text = out.getvalue()
    assert "\x1b" not in text and "\x07" not in text and "\\x1b[2J" in text
