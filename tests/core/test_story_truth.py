"""The shipped story tells the truth about its own days (issue 14).

The model's daily rule "a day without work or school" is for an empty day on the unit. It must not
fire on a day spent on leave, planning release or walking out of the gate: those days are full, even
for a player who picks nothing else. Nor in remand, where no work or school is offered. Measured by
playing the resident's story idle (the player who does least), so every day the rule could fire on
is reached.
"""

import pytest

from game.core.load.build import build
from game.core.load.loader import load_sources
from game.core.paths import content_dir
from game.core.play import reading
from game.core.play.simulate import simulate

EMPTY_DAY = "A day without work or school."


@pytest.fixture(scope="module")
def content():
    loaded = load_sources([content_dir()])
    assert loaded.report.ok, loaded.report.format()
    return build(loaded.data)


def days_with_the_empty_day_rule(content, policy, monkeypatch):
    """(phase, day, what the player did that day) for every day whose summary says it was empty."""
    seen = []
    original = reading.Reader.day_end

    def day_end(self, engine):
        for entry in engine.state.log:
            why = entry.get("why")
            if why and content.text(why, "en").startswith(EMPTY_DAY):
                seen.append((engine.phase, engine.state.day, sorted(engine.state.today)))
                break
        original(self, engine)

    monkeypatch.setattr(reading.Reader, "day_end", day_end)
    for prof in content.campaigns["resident"].profiles:
        simulate(content, "resident", runs=4, seed=0, policy=policy, profile=prof.id, lang="en", keep=True)
    return seen


def test_an_idle_day_on_the_unit_still_counts_as_empty(content, monkeypatch):
    seen = days_with_the_empty_day_rule(content, "idle", monkeypatch)
    assert any(phase == "high_security" for phase, _, _ in seen), seen


@pytest.mark.parametrize("policy", ["idle", "random", "engaged"])
def test_no_leave_planning_or_release_day_is_called_empty(content, monkeypatch, policy):
    for phase, day, did in days_with_the_empty_day_rule(content, policy, monkeypatch):
        assert phase not in ("remand", "release_prep", "release"), (phase, day, did)
        assert "leave" not in did and "planning" not in did, (phase, day, did)
