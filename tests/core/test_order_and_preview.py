"""No answer key on screen: choices come in an order drawn from the seed, and the preview shows only
what its level allows, with better and worse meaning better or worse for the person."""

import pytest

from game.core.play import preview as pv
from game.core.play.engine import Engine
from storytools import campaign, story, texts

FIVE = campaign(days=1, slots="{morning: a}") + """
scenes:
  a:
    text: Morning.
    choices:
      - {id: one, text: One, do: education += 2, why: Maths.}
      - {id: two, text: Two, do: peers += 2, why: The fence.}
      - {id: three, text: Three, do: peers -= 2, why: Walked away.}
      - {id: four, text: Four, do: trust += 1; wellbeing -= 1, why: A hard talk.}
      - {id: five, text: Five, do: 'wellbeing += (education - 10) / 10', why: It depends.}
"""


def orders(content, seeds):
    return {tuple(texts(content, Engine.new(content, "t", seed=s))) for s in seeds}


def test_the_order_is_drawn_from_the_seed_and_stable_for_a_session(tmp_path):
    c = story(tmp_path, FIVE)
    assert len(orders(c, range(12))) > 6                      # different sessions, different orders
    assert len(orders(c, [7, 7, 7])) == 1                     # one session code, one order for the class
    firsts = {texts(c, Engine.new(c, "t", seed=s))[0] for s in range(40)}
    assert firsts == {"One", "Two", "Three", "Four", "Five"}  # no choice is always first


def test_a_scene_can_pin_its_order(tmp_path):
    c = story(tmp_path, FIVE.replace("    text: Morning.", "    order: fixed\n    text: Morning."))
    assert orders(c, range(12)) == {("One", "Two", "Three", "Four", "Five")}


def test_history_records_the_choice_id_not_its_place(tmp_path):
    c = story(tmp_path, FIVE)
    e = Engine.new(c, "t", seed=3)
    shown = e.choices()
    e.choose(0)
    assert e.state.history[-1]["choice"] == shown[0].id


def test_preview_levels(tmp_path):
    c = story(tmp_path, FIVE)
    by_id = {ch.id: ch for ch in c.scenes["a"].choices}
    assert pv.hints(c, by_id["one"], pv.OFF) == []
    assert pv.hints(c, by_id["two"], pv.METERS) == [pv.Hint(None, "peers")]       # no direction
    assert pv.hints(c, by_id["one"], pv.DIRECTION) == [pv.Hint(None, "education", pv.BETTER)]
    # peer pressure going up is worse for the person, and going down is better: never raw up/down
    assert pv.hints(c, by_id["two"], pv.DIRECTION) == [pv.Hint(None, "peers", pv.WORSE)]
    assert pv.hints(c, by_id["three"], pv.DIRECTION) == [pv.Hint(None, "peers", pv.BETTER)]
    assert [h.verdict for h in pv.hints(c, by_id["four"], pv.DIRECTION)] == [pv.BETTER, pv.WORSE]
    assert pv.hints(c, by_id["five"], pv.DIRECTION) == [pv.Hint(None, "wellbeing", pv.UNCLEAR)]


def test_each_room_has_one_default_level():
    assert pv.default_level("home") == pv.METERS
    assert pv.default_level("kiosk") == pv.METERS
    assert pv.default_level("class") in (pv.OFF, pv.METERS)
    assert pv.default_level("training") in (pv.OFF, pv.METERS)
    assert pv.default_level("anything else") == pv.default_level("home")
    assert set(pv.ROOM_DEFAULTS.values()) <= set(pv.LEVELS)


@pytest.mark.parametrize("level", pv.LEVELS)
def test_a_price_is_shown_at_every_level(tmp_path, level):
    c = story(tmp_path, campaign() + """
scenes:
  a:
    text: Evening.
    choices:
      - {id: call, text: Call home, cost: {energy: 1, money: 100}, do: family += 2, why: Voice.}
""")
    assert pv.costs(c, c.scenes["a"].choices[0]) == [("energy", 1.0), ("money", 100.0)]
    assert set(pv.budgets(c)) >= {"energy", "money", "debt"}


def test_changes_in_words_group_rows_by_reason_and_say_better_or_worse_for_the_person(tmp_path):
    c = story(tmp_path, FIVE)
    e = Engine.new(c, "t", seed=3)
    e.choose_id("four")                                       # trust up and wellbeing down, one reason
    groups = dict(pv.changes_in_words(c, e.state.log, "en"))  # with the day's own rules after it
    trust, wellbeing = groups["A hard talk."]
    assert trust.startswith("Trust") and "→" in trust and trust.endswith("(better)")
    assert wellbeing.startswith("Wellbeing") and wellbeing.endswith("(worse)")
    rising_peers = [{"var": "peers", "who": None, "before": 10, "after": 14, "why": None}]
    (why, (row,)), = pv.changes_in_words(c, rising_peers, "en", arrow="->")
    assert row.endswith("10 -> 14 (worse)")                   # more peer pressure is worse, never raw "up"
    assert why == c.ui("dayend.no_reason", "en")
    assert pv.changes_in_words(c, [{"var": "some_flag", "who": None, "before": 0, "after": 1}], "en") == []
