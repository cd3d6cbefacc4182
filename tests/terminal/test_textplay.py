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


FACT_STORY = """
campaigns:
  t:
    role: resident
    title: T
    summary: S
    profiles: [{id: p, name: P, summary: S, start: {education: 20}}]
    compare: [reoffending_norway]
    calendar:
      - phase: high_security
        days: 1
        slots: {morning: a}
    endings:
      - {id: only, title: The end, text: One two three.}
scenes:
  a:
    text: Dinner on the unit.
    fact: kitchens
    choices:
      - {text: Cook, tags: [work], do: work += 2, why: Ali shows you.}
      - {text: Watch, tags: [idle]}
"""


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_play_text_reads_every_fact_with_its_caveat_and_sources_and_the_real_figures(tmp_path, lang):
    import io

    from game.terminal.textplay import TextGame
    from storytools import story
    content = story(tmp_path, FACT_STORY)
    answers = iter(["1"] * 10)
    out = io.StringIO()
    assert TextGame(content, lang, lambda: next(answers, None), out).run("t", seed=1, profile="p") == 0
    text = " ".join(out.getvalue().split())  # the lines as one, whatever the wrapping
    for fid in ("kitchens", "reoffending_norway"):
        fact = content.facts[fid]
        for part in (fact.text, fact.caveat):
            assert " ".join(content.text(part, lang).split()) in text
        for src in fact.sources:
            assert " ".join(src.title.split()) in text
    assert content.ui("ending.real_world", lang).upper() in text
    # only the figure the campaign compares, not every fact tagged comparison
    assert content.text(content.facts["reoffending_us"].text, lang) not in text


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_play_text_ending_shows_how_the_estimate_is_calculated_with_its_formula(tmp_path, lang):
    import io

    from game.core.play import figures
    from game.terminal.textplay import TextGame
    from storytools import story
    content = story(tmp_path, FACT_STORY)
    answers = iter(["1"] * 10)
    out = io.StringIO()
    assert TextGame(content, lang, lambda: next(answers, None), out).run("t", seed=1, profile="p") == 0
    text = " ".join(out.getvalue().split())
    model = content.model
    assert content.ui("ending.how", lang).upper() in text
    assert " ".join(content.text(model.explain, lang).split()) in text
    formula = " ".join(figures.formula(content, lang, times=" × ").split())
    assert formula in text and formula.startswith("z = ") and " × " in formula   # read as "times"
    assert figures.number(content, -2.83, "nb") == "−2,83"           # a decimal comma and a real minus
    assert figures.number(content, -2.83, "en") == "−2.83"
