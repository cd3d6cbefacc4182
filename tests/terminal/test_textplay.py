"""The terminal front end as a screen-reader user or a script drives it: `play-text`."""

import os

import pytest

from storytools import ROOT, run_main

EXAMPLE = os.path.join(ROOT, "docs", "example")


@pytest.mark.parametrize("lang, words", [("en", "Two years later"), ("nb", "To år senere")])
def test_play_text_scripted_to_an_ending(lang, words):
    out = run_main("play-text", "--content", EXAMPLE, "--campaign", "first_week", "--lang", lang,
                   "--seed", "2", stdin="1\n" * 60)
    assert out.returncode == 0, out.stderr
    assert words in out.stdout
    assert "Traceback" not in out.stderr


def test_play_text_quits_cleanly_on_end_of_input():
    out = run_main("play-text", "--content", EXAMPLE, "--campaign", "first_week", stdin="1\n")
    assert out.returncode == 0 and "does not save" in out.stdout
