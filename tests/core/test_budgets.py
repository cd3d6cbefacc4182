"""Real trade-offs: budgets that choices spend, effects that land later, floors and ceilings, turning
points, and lint naming the line of a rule that would leave a range."""

import os

from game.core.lint import lint
from game.core.play.engine import Engine
from storytools import WORLD, campaign, story, texts, write

SPEND = campaign(days=2, slots="{morning: a, evening: b}") + """
scenes:
  a:
    text: Morning.
    choices:
      - {id: work, text: Work, tags: [work], cost: {energy: 2}, do: work += 3, why: A shift.}
      - {id: rest, text: Rest, tags: [idle], do: wellbeing += 1, why: Sleep.}
  b:
    text: Evening.
    choices:
      - {id: call, text: Call, tags: [family], cost: {energy: 1, money: 100}, do: family += 2, why: Voice.}
      - id: save
        text: Save
        do: wellbeing += 1
        why: Nothing bought.
        later:
          - {in: 1, do: housing += 3, why: The savings paid a deposit.}
      - {id: tv, text: TV, tags: [idle], do: wellbeing -= 1, why: Nothing.}
"""


def test_a_choice_is_offered_only_when_the_player_can_pay(tmp_path):
    c = story(tmp_path, SPEND)
    e = Engine.new(c, "t", seed=1)
    assert e.state.vars["energy"] == 3 and e.state.vars["money"] == 400
    e.choose_id("work")
    assert e.state.vars["energy"] == 1
    assert "Call" in texts(c, e)
    e.choose_id("call")
    # the call cost 100 kr; at the end of the day a night's sleep refilled energy, and a day with work
    # paid the allowance
    assert e.state.status == "day_end"
    assert e.state.vars["energy"] == 3 and e.state.vars["money"] == 700
    e.proceed()
    e.state.vars["energy"] = 1
    assert texts(c, e) == ["Rest"]
    assert [ch.id for ch in e.locked()] == ["work"]


def test_a_choice_that_pays_later_lands_days_after_with_its_reason(tmp_path):
    c = story(tmp_path, SPEND)
    e = Engine.new(c, "t", seed=1)
    e.choose_id("rest")
    e.choose_id("save")
    assert e.state.pending and e.state.status == "day_end"
    housing = e.state.subject["housing"]
    e.proceed()
    e.choose_id("rest")
    e.choose_id("tv")
    assert e.state.subject["housing"] > housing
    assert any(x["var"] == "housing" and c.text(x["why"], "en") == "The savings paid a deposit."
               for x in e.state.log)
    assert e.state.pending == []


def test_profiles_start_with_their_own_budgets(tmp_path):
    c = story(tmp_path, SPEND.replace("start: {education: 20}}]", "start: {education: 20}, vars: {debt: 5000}}]"))
    assert Engine.new(c, "t", seed=1).state.vars["debt"] == 5000


def test_floors_and_ceilings_stop_a_spiral(tmp_path):
    c = story(tmp_path, campaign() + """
scenes:
  a:
    text: A very bad day.
    choices:
      - {id: worst, text: Worst, do: wellbeing = 5; trust = 0; peers = 100, why: Everything at once.}
""")
    e = Engine.new(c, "t", seed=1)
    e.choose_id("worst")
    model = c.model
    assert e.state.subject["wellbeing"] == model.floors["wellbeing"]
    assert e.state.subject["trust"] == model.floors["trust"]
    assert e.state.subject["peers"] <= model.ceilings["peers"]


def test_the_daily_penalty_spares_planning_leave_and_release_days(tmp_path):
    c = story(tmp_path, campaign(days=1, slots="{morning: a}") + """
scenes:
  a:
    text: A day of forms.
    choices:
      - {id: nav, text: See NAV, tags: [planning], do: housing += 1, why: A meeting.}
      - {id: leave, text: Go home on leave, tags: [leave], do: family += 1, why: Home.}
      - {id: idle, text: Stare at the wall, do: wellbeing += 0, why: Nothing.}
""")
    rusts = {}
    for pick in ("nav", "leave", "idle"):
        e = Engine.new(c, "t", seed=1)
        work = e.state.subject["work"]
        e.choose_id(pick)
        rusts[pick] = e.state.subject["work"] < work
    assert rusts == {"nav": False, "leave": False, "idle": True}


def test_residents_days_between_shifts_differ_by_resident_and_seed(tmp_path):
    c = story(tmp_path, """
campaigns:
  o:
    role: officer
    title: O
    summary: S
    subject: characters
    residents: [kim, lee]
    calendar: [{phase: induction, days: 6, slots: {shift: s}}]
    endings: [{id: end, title: End, text: End.}]
characters:
  kim: {name: Kim, model: true}
  lee: {name: Lee, model: true}
scenes:
  s:
    text: A quiet shift.
""")
    finals = set()
    for seed in range(8):
        e = Engine.new(c, "o", seed=seed)
        while e.status != "ending":
            e.choose(0) if e.status == "scene" else e.proceed()
        kim, lee = e.state.chars["kim"]["wellbeing"], e.state.chars["lee"]["wellbeing"]
        finals.add((round(kim), round(lee)))
    assert len(finals) > 3                                 # chance, drawn from the seed
    assert any(kim != lee for kim, lee in finals)          # each resident has their own days


def line_of(text, needle):
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def lint_story(tmp_path, text, runs=0):
    result = lint(WORLD + [write(tmp_path, text)], simulate_runs=runs)
    return [f"{os.path.basename(d.path)}:{d.line}:{d.col}: {d.message}" for d in result.report.warnings]


def test_lint_names_the_line_of_a_meter_set_outside_its_range(tmp_path):
    found = lint_story(tmp_path, campaign() + """
scenes:
  a:
    text: Morning.
    choices:
      - {id: x, text: X, do: wellbeing = 150, why: Too much.}
""")
    assert any(w.startswith("story.yaml:") and "sets meter 'wellbeing' to 150" in w and "clamped to 100" in w
               for w in found), found


def test_lint_names_the_line_of_spending_money_the_player_does_not_have(tmp_path):
    text = campaign(days=3) + """
scenes:
  a:
    text: Morning.
    choices:
      - id: splurge
        text: Splurge
        do: money -= 1000
        why: The canteen.
"""
    found = lint_story(tmp_path, text, runs=5)
    line = [w for w in found if "spends budget 'money'" in w]
    assert line and line[0].startswith(f"story.yaml:{line_of(text, 'money -= 1000')}:13:"), found


def test_nothing_crashes_when_a_rule_leaves_its_range(tmp_path):
    c = story(tmp_path, campaign(slots="{morning: a, evening: a}") + """
scenes:
  a:
    text: Morning.
    choices:
      - {id: x, text: X, do: money -= 5000; energy = -3; wellbeing = 500; debt -= 99, why: All wrong.}
""")
    e = Engine.new(c, "t", seed=1)
    e.choose_id("x")
    assert e.state.vars["money"] == 0 and e.state.vars["energy"] == 0 and e.state.vars["debt"] == 0
    assert e.state.subject["wellbeing"] == 100
    assert set(e.clamped) == {"scenes/a/choices/0/do"}


def test_only_stories_with_prices_show_budgets(tmp_path):
    from game.core.play.campaigns import budgets_spent
    assert budgets_spent(story(tmp_path, SPEND), "t") == ["energy", "money"]
    plain = story(tmp_path, campaign() + """
scenes:
  a:
    text: Morning.
    choices:
      - {id: school, text: School, do: education += 2, why: Maths.}
""")
    assert budgets_spent(plain, "t") == []
