"""Story tests: given this little story, these choices are offered and these effects apply."""

import pytest

from game.core.play.engine import CONTINUE, Engine, EngineError
from game.core.play.simulate import make_policy, play_once
from game.core.play.state import GameState
from storytools import campaign, story, texts


def play(content, choices, campaign_id="t", seed=1, profile=None):
    e = Engine.new(content, campaign_id, profile=profile, seed=seed)
    for c in choices:
        if e.status != "scene":
            e.proceed()
        if isinstance(c, str):
            e.choose_id(c)
        else:
            e.choose(c)
    return e


BASIC = campaign(days=2, slots="{morning: a, evening: b}") + """
scenes:
  a:
    place: room
    text: Morning.
    choices:
      - {id: school, text: School, tags: [study], do: education += 4, why: Maths.}
      - {id: bed, text: Bed, tags: [idle], do: wellbeing -= 2, why: Tired., goto: ceiling}
      - {id: secret, text: Secret, if: flag("key"), goto: end}
  ceiling:
    text: You stare at the ceiling.
  b:
    text: Evening.
    choices:
      - {id: call, text: Call, tags: [family], do: 'family += 2; set_flag("key")', why: Voice.}
"""


def test_offered_choices_follow_conditions(tmp_path):
    c = story(tmp_path, BASIC)
    e = Engine.new(c, "t", seed=1)
    assert e.scene.id == "a" and texts(c, e) == ["School", "Bed"]
    e.choose_id("bed")
    assert e.scene.id == "ceiling" and e.choices() == [CONTINUE]
    e.choose(0)
    assert e.scene.id == "b"
    e.choose_id("call")
    assert e.status == "day_end" and "key" in e.state.flags
    e.proceed()
    assert e.state.day == 2 and sorted(texts(c, e)) == ["Bed", "School", "Secret"]


def test_effects_are_scaled_by_the_model_and_explained(tmp_path):
    c = story(tmp_path, BASIC)
    e = play(c, ["school"])
    change = next(x for x in e.state.log if x["var"] == "education")
    # weeks in a day: 1.5; trust 40, wellbeing 50: responsivity (0.5+0.2)*(0.6+0.2) = 0.56;
    # education 20 is below 60, so "harder near the top" does not apply yet
    assert change["before"] == 20 and change["after"] == pytest.approx(20 + 4 * 1.5 * 0.56, abs=0.001)
    assert c.text(change["why"], "en") == "Maths."


def test_day_end_applies_drift_with_its_reason(tmp_path):
    c = story(tmp_path, BASIC)
    e = play(c, ["bed", 0, "call"])
    drift = [x for x in e.state.log if c.text(x["why"], "en").startswith("A day without work")]
    assert {x["var"] for x in drift} == {"work", "wellbeing", "peers"}
    assert e.state.subject["peers"] == 61.5  # +1 a day, times 1.5 (weeks in a day)


def test_losses_are_scaled_by_weeks_capped_and_stop_at_floors_and_ceilings(tmp_path):
    c = story(tmp_path, campaign(days=20) + """
scenes:
  a:
    text: A.
    choices:
      - {id: lose, text: Lose, tags: [study, family], do: wellbeing -= 4, why: X.}
      - {id: crash, text: Crash, tags: [study, family], do: wellbeing -= 500; peers += 500, why: X.}
""")
    e = play(c, ["lose"])
    assert e.state.subject["wellbeing"] == 44  # a loss is scaled by weeks-in-a-day (x1.5), not by trust
    e = play(c, ["crash"])
    assert e.state.subject["wellbeing"] == 42 and e.state.subject["peers"] == 68  # capped at max_step 8
    e = play(c, ["crash"] * 20)
    model = c.model  # and kept above the floor, below the ceiling: no one is beyond reach
    assert e.state.subject["wellbeing"] == model.floors["wellbeing"]
    assert e.state.subject["peers"] == model.ceilings["peers"]


def test_events_fire_by_condition_and_priority(tmp_path):
    c = story(tmp_path, campaign(days=3, slots="{morning: a}") + """
scenes:
  a:
    text: A.
  low:
    text: Low.
    event: {campaigns: [t], if: day >= 2, priority: 1}
  high:
    text: High.
    event: {campaigns: [t], slots: [morning], if: day >= 3, priority: 5}
  other_slot:
    text: Never.
    event: {campaigns: [t], slots: [evening]}
""")
    seen = []
    e = Engine.new(c, "t", seed=1)
    while e.status != "ending":
        if e.status == "scene":
            seen.append(e.scene.id)
            e.choose(0)
        else:
            e.proceed()
    assert seen == ["a", "low", "high"]


def test_pools_draw_eligible_events_and_once_holds(tmp_path):
    c = story(tmp_path, campaign(days=4, slots="{morning: a}") + """
scenes:
  a:
    text: A.
    choices: [{text: Work, draw: job}]
  job_1:
    text: First.
    event: {campaigns: [t], pool: job, priority: 2}
  job_2:
    text: Second.
    event: {campaigns: [t], pool: job, if: seen("job_1"), priority: 1}
  job_any:
    text: Again.
    event: {campaigns: [t], pool: job, once: false}
""")
    e = play(c, [0])
    assert e.scene.id == "job_1"
    e.choose(0); e.proceed(); e.choose(0)
    assert e.scene.id == "job_2"
    e.choose(0); e.proceed(); e.choose(0)
    assert e.scene.id == "job_any"
    e.choose(0); e.proceed(); e.choose(0)
    assert e.scene.id == "job_any"


def test_event_before_slot_scene_when_it_does_not_take_the_slot(tmp_path):
    c = story(tmp_path, campaign() + """
scenes:
  a:
    text: A.
  letter:
    text: A letter.
    do: family -= 2
    why: Bad news.
    event: {campaigns: [t], takes_slot: false}
""")
    e = Engine.new(c, "t", seed=1)
    assert e.scene.id == "letter" and e.state.subject["family"] == 47  # -2 times 1.5
    e.choose(0)
    assert e.scene.id == "a"


def test_chance_and_draws_replay_identically_for_a_seed(tmp_path):
    c = story(tmp_path, campaign(days=6, slots="{morning: a, evening: a}") + """
scenes:
  a:
    text: A.
    choices:
      - {text: Lucky, if: chance(50), do: education += 1, why: Luck.}
      - {text: Plain}
  e1: {text: E1, event: {campaigns: [t], once: false, weight: 1, if: chance(40)}}
  e2: {text: E2, event: {campaigns: [t], once: false, weight: 3, if: chance(40)}}
""")
    import random

    def run(seed):
        e, taken = play_once(c, "t", seed, make_policy("random", c, random.Random(9)))
        return [h["scene"] + ":" + h["choice"] for h in e.state.history], e.state.to_dict()

    assert run(5) == run(5)
    assert run(5)[0] != run(6)[0]
    # asking for the choices many times does not change the draws
    e = Engine.new(c, "t", seed=5)
    before = [x.text for x in e.choices()]
    for _ in range(50):
        e.choices()
    assert [x.text for x in e.choices()] == before


def test_calendar_blocks_skip_by_condition_and_reflect(tmp_path):
    c = story(tmp_path, """
campaigns:
  t:
    role: resident
    title: T
    summary: S
    profiles: [{id: p, name: P, summary: S, start: {}}]
    calendar:
      - {phase: remand, days: 1, slots: {m: a}, reflect: [Think.]}
      - {phase: open_unit, if: flag("good"), days: 1, slots: {m: open}}
      - {phase: release, days: [{id: last, title: Last, slots: {m: gate}}], intro: intro}
    endings: [{id: e, title: E, text: E}]
scenes:
  a: {text: A, choices: [{text: Good, do: 'set_flag("good")'}, {text: Bad}]}
  open: {text: Open}
  gate: {text: Gate}
  intro: {text: Intro}
""")
    e = play(c, [1])
    assert e.status == "day_end"
    e.proceed()
    assert e.status == "block_end" and [c.text(q, "en") for q in e.reflect()] == ["Think."]
    e.proceed()
    assert e.scene.id == "intro" and e.phase == "release"
    e.choose(0)
    assert e.scene.id == "gate"
    e2 = play(c, [0])
    e2.proceed(); e2.proceed()
    assert e2.scene.id == "open" and e2.phase == "open_unit"


def test_endings_first_match_wins(tmp_path):
    c = story(tmp_path, campaign() + """
scenes:
  a:
    text: A.
    choices:
      - {id: up, text: Up, do: education = 50}
      - {id: stay, text: Stay}
""")
    e = play(c, ["up"]); e.proceed()
    assert e.status == "ending" and e.ending_view().ending.id == "high"
    e = play(c, ["stay"]); e.proceed()
    assert e.ending_view().ending.id == "low"


def test_skipping_a_warned_scene_applies_nothing(tmp_path):
    c = story(tmp_path, campaign() + """
scenes:
  a:
    text: A.
    choices: [{text: Go, goto: hard}]
  hard:
    text: Hard.
    warning: [violence]
    do: wellbeing -= 5
    why: Hard.
    skip: after
  after:
    text: After.
""")
    e = play(c, [0])
    assert e.scene.id == "hard" and e.state.subject["wellbeing"] == 42.5  # -5 times 1.5
    e2 = Engine.new(c, "t", seed=1)
    e2.choose(0)
    e2.skip()
    assert e2.scene.id == "after" and "hard" in e2.state.skipped


def test_officer_campaign_changes_named_residents(tmp_path):
    c = story(tmp_path, """
characters:
  kim:
    name: Kim
    model: true
    start: {trust: 20}
    epilogues:
      - {id: kim_good, if: trust >= 25, text: Good.}
      - {id: kim_bad, text: Bad.}
scenarios:
  s1: {title: S1, summary: S, start: s1_a}
campaigns:
  o:
    role: officer
    subject: characters
    residents: [kim]
    title: O
    summary: S
    calendar: [{phase: induction, scenarios: [s1]}]
    endings:
      - {id: ok, if: 'average("trust") > 25 and principle("listen") >= 1', title: OK, text: OK}
      - {id: meh, title: Meh, text: Meh}
scenes:
  s1_a:
    text: Kim is upset.
    choices:
      - {text: Listen, follows: [listen], do: kim.trust += 20, why: Heard.}
      - {text: Shout, breaks: [no_provoke], do: kim.trust -= 5, why: Shouted at.}
""")
    e = play(c, ["0"], campaign_id="o")
    e.proceed()
    view = e.ending_view()
    assert view.ending.id == "ok" and view.estimate is None
    (who, ep, est), = view.epilogues
    assert who == "kim" and ep.id == "kim_good" and 0 < est.risk < 100
    assert e.state.principles == {"listen": [1, 0]}
    single = Engine.new(c, "o", seed=1, scenario="s1")
    assert single.scene.id == "s1_a"


def test_state_round_trips_and_rewinds(tmp_path):
    c = story(tmp_path, BASIC)
    e = play(c, ["school", "call"])
    e.proceed()
    e.choose_id("bed")
    data = e.state.to_dict()
    again = Engine(c, GameState.from_dict(data))
    assert again.scene.id == "ceiling" and again.state.to_dict() == data
    e.rewind(1)
    assert e.state.day == 1 and e.scene.id == "a" and e.state.history == []
    with pytest.raises(EngineError):
        e.rewind(9)


def test_variants_replace_text_by_condition(tmp_path):
    c = story(tmp_path, campaign() + """
scenes:
  a:
    text: Plain.
    variants:
      - {if: profile == "nobody", text: Never.}
      - {if: education < 50, text: Low.}
""")
    e = Engine.new(c, "t", seed=1)
    assert c.text(e.scene_text(), "en") == "Low."


def test_no_choice_on_offer_falls_back_to_continue(tmp_path):
    c = story(tmp_path, campaign() + """
scenes:
  a:
    text: A.
    next: b
    choices: [{text: Never, if: flag("nope")}]
  b:
    text: B.
""")
    e = Engine.new(c, "t", seed=1)
    assert e.choices() == [CONTINUE]
    e.choose(0)
    assert e.scene.id == "b"


def test_finish_now_ends_the_story_from_the_current_state(tmp_path):
    c = story(tmp_path, BASIC)
    e = play(c, ["school"])
    e.finish_now()
    assert e.status == "ending" and e.ending_view().ending.id in ("high", "low")
    e.finish_now()  # idempotent
    assert e.status == "ending"
