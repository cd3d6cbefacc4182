"""How simulate's players choose, what it measures about reading time, and what lint counts."""

import random

import pytest

from game.core.play.engine import Engine
from game.core.play.policies import PolicyError, make_policy
from game.core.play.simulate import play_once, simulate
from storytools import campaign, story

DAYS = campaign(days=10, slots="{morning: a}") + """
scenes:
  a:
    text: Morning on the unit.
    choices:
      - {id: school, text: Go to school, tags: [study], do: education += 2, why: Maths.}
      - {id: work, text: Go to work, tags: [work], do: work += 2, why: Sanding.}
      - {id: call, text: Call home, tags: [family], do: family += 2, why: Voice.}
      - {id: bed, text: Stay in bed, tags: [idle], do: wellbeing += 1; peers += 1, why: Warm.}
"""


def taken(content, policy, seed=1):
    pol = make_policy(policy, content, random.Random(seed))
    return [key.split(":")[1] for key in play_once(content, "t", seed, pol)[1]]


def test_first_always_takes_the_first_choice_as_shown(tmp_path):
    c = story(tmp_path, DAYS)
    e = Engine.new(c, "t", seed=4)
    assert taken(c, "first", seed=4)[0] == e.choices()[0].id


def test_late_idles_until_the_day_then_engages(tmp_path):
    c = story(tmp_path, DAYS)
    picks = taken(c, "late:4")
    assert picks[:3] == ["bed"] * 3 and "bed" not in picks[3:]


def test_focus_prefers_its_activity(tmp_path):
    c = story(tmp_path, DAYS)
    assert set(taken(c, "focus:family")) == {"call"}
    assert set(taken(c, "focus:study")) == {"school"}


def test_preview_reads_only_what_the_preview_shows(tmp_path):
    c = story(tmp_path, DAYS)
    # at "which meters", bed touches a good meter and a risk (score 0); the others a good meter each
    assert "bed" not in taken(c, "preview:meters")
    # with the preview off there is nothing to read, so it is a guess
    assert len(set(taken(c, "preview:off"))) > 1


@pytest.mark.parametrize("name", ["late", "late:x", "focus:nothing", "preview:loud", "greedy"])
def test_unknown_policies_say_what_is_expected(tmp_path, name):
    c = story(tmp_path, DAYS)
    with pytest.raises(PolicyError):
        make_policy(name, c, random.Random(0))


def test_reading_time_counts_what_the_player_reads(tmp_path):
    c = story(tmp_path, DAYS)
    result = simulate(c, "t", runs=3, policy="engaged", keep=True)
    summary = result.summary()
    read = result.reads[0]
    # ten scenes of 4 words, each with four choice labels (11 words) and a decision
    assert read.words["scene"] == 10 * 4 and read.words["choices"] == 10 * 11
    assert summary["decisions"] == read.decisions == 10
    # and what the other screens show: the start screen, the ten day-end lists with the reasons of
    # the choices taken (one word each), the ending with its estimate
    assert read.words["start"] > 0 and read.words["consequences"] >= 10 * 1 and read.words["ending"] > 2
    assert summary["words"] == round(sum(r.played_words for r in result.reads) / 3)
    expected = read.played_words / 200 + 10 * 5 / 60
    assert read.minutes == pytest.approx(expected)
    assert set(summary["minutes"]) == {"mean", "median", "p90"}
