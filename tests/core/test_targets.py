"""The shipped story keeps its choices teaching: the targets of docs/model.md, measured by simulation.

The quick test plays 30 runs per figure, the slow one the 400 that docs/model.md quotes. If a change
to the story breaks one, benchmarks/choices.py prints every figure and docs/model.md says how to
bring it back.
"""

import pytest

from game.core.load.build import build
from game.core.load.loader import load_sources
from game.core.paths import content_dir
from game.core.play import targets


@pytest.fixture(scope="module")
def content():
    loaded = load_sources([content_dir()])
    assert loaded.report.ok, loaded.report.format()
    return build(loaded.data)


def check(content, runs):
    figures = targets.measure(content, runs=runs)
    assert targets.failures(figures) == []
    resident = figures["resident"]
    assert {targets.best_focus(row) for row in resident["profiles"].values()} != {"work"}
    return figures


def test_the_targets_hold_in_a_quick_measure(content):
    figures = check(content, runs=30)
    # pressing the first choice, or reading only the preview, ends visibly worse for both roles
    for role in ("resident", "officer"):
        assert figures[role]["first"] > figures[role]["engaged"] + 10
        assert figures[role]["preview"] > figures[role]["engaged"] + 5


@pytest.mark.slow
def test_the_targets_hold_over_400_runs(content):
    check(content, runs=400)


def test_the_failures_are_said_in_words():
    late = f"late:{targets.LATE_DAY}"
    fig = {"resident": {"engaged": 20.0, "first": 25.0, "preview": 30.0, late: 50.0,
                        "profiles": {"a": {"engaged": 20.0, "focus:work": 20.0, "focus:study": 21.0,
                                           "focus:family": 22.0},
                                     "b": {"engaged": 20.0, "focus:work": 20.0, "focus:study": 30.0,
                                           "focus:family": 30.0}}}}
    missed = targets.failures(fig)
    assert any("always-first" in m for m in missed)
    assert any(f"idle until day {targets.LATE_DAY}" in m for m in missed)
    assert any("resident a: focus" in m for m in missed)
    assert any("best focus is work for every profile" in m for m in missed)
    assert not any("preview" in m for m in missed)
