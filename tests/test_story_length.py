"""benchmarks/story_length.py counts what a player is shown: checked on a tiny story whose words are known."""

import os
import sys

from storytools import ROOT, story

sys.path.insert(0, os.path.join(ROOT, "benchmarks"))
import story_length  # noqa: E402

STORY = """
campaigns:
  t:
    role: resident
    kind: short
    title: T
    summary: S
    profiles: [{id: p, name: P, summary: S, start: {education: 20}}]
    calendar:
      - phase: high_security
        days: 2
        slots: {morning: a}
        reflect:
          - Why did you do that?
    endings:
      - id: only
        title: The end
        text: One two three.
    debrief:
      - Talk about it.
scenes:
  a:
    title: Morning
    text: One two three four.
    fact: kitchens
    choices:
      - text: Go to class
        tags: [study]
        do: education += 2
        why: Liv nods.
      - text: Stay in bed
        tags: [idle]
"""


def test_words_decisions_and_minutes_of_a_known_story(tmp_path):
    content = story(tmp_path, STORY)
    run = story_length.Reader(content, "en", story_length.first_policy).play("t", "p", seed=1)
    fact = content.facts["kitchens"]
    fact_words = sum(story_length.count_words(content.text(t, "en")) for t in (fact.text, fact.caveat)) \
        + story_length.count_words("Source: " + fact.sources[0].title)
    assert run.words["scene"] == 2 * (1 + 4)            # title and text, two days
    assert run.words["choices"] == 2 * (3 + 3)          # both labels, two days
    assert run.words["facts"] == 2 * fact_words         # the card, every time the scene is shown
    # the reason once, then the row: meter name and "better" (education moved each day)
    meter = story_length.count_words(content.text(content.model.variables["education"]["name"], "en"))
    assert run.words["consequences"] >= 2 * (2 + meter + 1)
    assert run.words["reflect"] == 5
    assert run.words["debrief"] == 3 and "debrief" not in story_length.PLAYED
    assert run.decisions == 2 and run.real == 2
    assert run.minutes == story_length.minutes(run.played_words, 2)
    assert story_length.minutes(200, 12) == 2.0         # 200 words a minute, 5 s a decision


def test_words_are_counted_as_lint_counts_them():
    from game.core.lint import words
    text = "Don't re-arrest 67.8% of 16,420 people — ok?"
    assert story_length.count_words(text) == words(text)


def test_the_measure_simulate_uses_is_counted_too(tmp_path):
    content = story(tmp_path, STORY)
    run = story_length.Reader(content, "en", story_length.first_policy).play("t", "p", seed=1)
    # per day: title and text (5), both labels (6), the reason of the choice taken (2); then the ending
    assert run.sim_words == 2 * (5 + 6 + 2) + (2 + 3)
    assert run.sim_decisions == 2


def test_every_shipped_campaign_is_measured(capsys):
    assert story_length.main(["--seeds", "1", "--policy", "first"]) == 0
    out = capsys.readouterr().out
    assert "resident " in out and "officer " in out
