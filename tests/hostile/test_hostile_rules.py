"""Hostile rules: numbers and loops a story may hold that once crashed or hung lint and the game
(issue 13). Each is refused at load with its place, or bounded when it runs, or becomes a lint
message at its place; none is a traceback or a hang.
"""

from __future__ import annotations

import os
import time
from textwrap import dedent

import pytest

from game.core.lint import lint
from game.core.model import logistic
from game.core.play.engine import Engine
from game.core.rules import parse as rules
from game.core.rules.bounded import DEFAULT_HIGH, safe_round
from storytools import ROOT, WORLD, campaign, errors, story, write

CORPUS = os.path.join(ROOT, "tests", "corpus")


def lint_errors(dirs: list[str], runs: int = 3) -> list[str]:
    report = lint(WORLD + dirs, simulate_runs=runs).report
    return [f"{os.path.basename(d.path)}:{d.line}:{d.col}: {d.code} {d.message}" for d in report.errors]


def played(content, days: int = 1):
    engine = Engine.new(content, "t", profile="p", seed=1)
    while engine.state.status != "ending":
        if engine.state.status == "scene":
            engine.choose(engine.choices()[0])
        else:
            engine.proceed()
    return engine


# -- refused at load, with the place -----------------------------------------------------------
def test_a_990_term_rule_is_refused_with_its_place():
    with pytest.raises(rules.RulesSyntaxError, match="at most 100 operators") as exc:
        rules.parse_condition("1" + "+1" * 989 + " > 0")
    assert exc.value.pos == 201


def test_a_long_number_in_a_rule_is_refused_not_made_infinite():
    with pytest.raises(rules.RulesSyntaxError, match="at most 15 characters"):
        rules.parse_condition("trust > " + "9" * 400 + ".5")


def test_an_infinite_or_huge_model_weight_or_intercept_is_an_error_at_its_place(tmp_path):
    with open(WORLD[0], encoding="utf-8") as fh:
        model = fh.read()
    assert "intercept: " in model
    head, tail = model.split("intercept: ", 1)
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "model.yaml").write_text(head + "intercept: -1000" + tail[tail.index("\n"):], encoding="utf-8")
    loaded_errors = lint_errors_of([str(folder)] + WORLD[1:])
    assert any("expected a number from -50 to 50, found the number -1000" in e for e in loaded_errors), loaded_errors


def lint_errors_of(dirs: list[str]) -> list[str]:
    from game.core.load.loader import load_sources
    return [f"{os.path.basename(d.path)}:{d.line}:{d.col}: {d.message}" for d in load_sources(dirs).report.errors]


def test_min_above_max_and_a_default_out_of_range_are_errors(tmp_path):
    found = errors(tmp_path, """
        variables:
          upside_down: {type: number, min: 10, max: 0}
          outside: {type: number, min: 0, max: 10, default: 11}
          worded: {type: number, default: "many"}
        """)
    assert "story.yaml:3:3: variable 'upside_down' has min 10 above its max 0" in found
    assert "story.yaml:4:3: variable 'outside' has the default 11, outside its range 0 to 10" in found
    assert "story.yaml:5:3: variable 'worded' holds numbers, but its default is not a number" in found


# -- bounded when it runs ------------------------------------------------------------------------
def test_round_and_the_logistic_take_any_number():
    assert safe_round(float("nan")) == 0.0 and safe_round(float("inf")) == DEFAULT_HIGH
    assert safe_round(10 ** 400) == DEFAULT_HIGH and safe_round(2.5) == 2.0
    assert logistic(-1000) == pytest.approx(0.0) and logistic(1000) == 100.0 and logistic(float("nan")) == 50.0


def test_n_times_n_with_no_max_settles_instead_of_growing_forever(tmp_path):
    content = story(tmp_path, dedent("""
        variables:
          n: {type: number, default: 2}
        scenes:
          a:
            text: A.
            choices: [{text: Square, do: ["n = n * n * n * n * n * n * n * n; n = round(n / 0.5)"], goto: end}]
        """) + campaign(days=40))
    started = time.monotonic()
    engine = played(content)
    assert engine.state.vars["n"] == DEFAULT_HIGH
    assert time.monotonic() - started < 5


NAN_STORY = """
variables:
  x: {type: number, default: 1000000000}
  y: {type: number, default: 3}
scenes:
  a:
    text: A.
    choices: [{text: Go, do: ["y = round(X1.5 - X1.5)"], goto: end}]
"""


def test_nan_at_run_time_leaves_the_value_as_it_was(tmp_path):
    content = story(tmp_path, NAN_STORY.replace("X", "x*" * 36) + campaign())
    engine = played(content)
    assert engine.state.vars["y"] == 3  # the rule could not be worked out: skipped, the game goes on
    assert list(engine.failed) == ["scenes/a/choices/0/do/0"]


# -- lint reports what playing finds, and every other message still prints ------------------------------
def test_lint_reports_the_corpus_dead_end_instead_of_a_traceback():
    found = lint_errors([os.path.join(CORPUS, "dead_end.yaml")])
    assert found[0].startswith("dead_end.yaml:3:3: L503 dead end: every path from scene 'loop_a' loops back")
    assert any(e.startswith("dead_end.yaml:10:3: L530 campaign 'loopy' never ends when played") for e in found)


def test_a_rule_that_overflows_at_run_time_is_a_lint_message_at_its_place(tmp_path):
    folder = write(tmp_path, dedent("""
        variables:
          n: {type: number, default: 1000000000}
        scenes:
          a:
            text: A.
            choices:
              - text: Go
                do: ["n = round(n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n*n / 3)"]
                goto: end
        """) + campaign(days=1))
    found = lint_errors([folder], runs=1)
    assert len(found) == 1 and found[0].startswith("story.yaml:9:14: L531 this rule cannot be worked out"), found


def test_a_scene_with_10000_choices_is_refused_with_its_place(tmp_path):
    choices = ", ".join("{text: C, goto: end}" for _ in range(10_000))
    found = errors(tmp_path, f"scenes:\n  a:\n    text: A.\n    choices: [{choices}]\n")
    assert found == ["story.yaml:4:14: expected at most 40 items, found 10000; split them up (a scene into "
                     "several scenes)"]


CASES = sorted(f for f in os.listdir(CORPUS) if f.endswith(".yaml"))


@pytest.mark.parametrize("name", CASES)
def test_lint_with_its_simulated_playthroughs_reports_every_corpus_file_and_never_crashes(name):
    """tests/core/test_broken_files.py lints the corpus without playing it; here it is played too, as
    `python main.py lint` does, and must still give its messages, quickly."""
    started = time.monotonic()
    report = lint(WORLD + [os.path.join(CORPUS, name)], simulate_runs=3).report
    assert report.errors, name
    assert time.monotonic() - started < 20


def test_simulate_says_plainly_when_a_campaign_never_ends(capsys):
    from game import cli
    code = cli.main(["simulate", "--no-shipped", *sum((["--content", d] for d in WORLD), []),
                     "--content", os.path.join(CORPUS, "dead_end.yaml"), "--campaign", "loopy", "--runs", "1"])
    assert code == 1
    assert "campaign 'loopy' never ends when played" in capsys.readouterr().err
