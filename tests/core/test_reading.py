"""What a player reads, counted once for every measure of reading time (game/core/play/reading.py):
tiny stories whose screens are known."""

import random

from game.core.play.engine import Engine
from game.core.play.policies import make_policy
from game.core.play.reading import Reader
from game.core.play.simulate import play_once
from game.core.words import words
from storytools import story

STORY = """
campaigns:
  t:
    role: resident
    kind: {kind}
    title: T
    summary: S
    profiles: [{id: p, name: P, summary: Someone like you, start: {education: 20}}]
    {compare}
    calendar:
      - phase: high_security
        days: 2
        slots: {morning: a, evening: b}
        reflect:
          - Why did you do that?
    endings:
      - id: only
        title: The end
        text: One two three.
scenes:
  a:
    title: Morning
    text: One two three four.
    warning: [violence]
    fact: kitchens
    choices:
      - {text: Go to class, tags: [study], do: education += 2, why: Liv nods.}
      - {text: Stay in bed, tags: [idle]}
  b:
    text: Evening.
    warning: [violence]
"""


def tiny(tmp_path, kind="full", compare=""):
    return story(tmp_path, STORY.replace("{kind}", kind).replace("{compare}", compare))


def read(content, policy="first"):
    reader = Reader(content, "en")
    play_once(content, "t", 1, make_policy(policy, content, random.Random(1)), reading=reader)
    return reader.read


def card_words(content, fid):
    fact = content.facts[fid]
    return (words(content.text(fact.text, "en")) + words(content.text(fact.caveat, "en"))
            + sum(words(f"Source: {src.title}") for src in fact.sources))


def test_a_fact_card_is_read_with_its_caveat_and_every_source(tmp_path):
    content = tiny(tmp_path)
    assert content.facts["kitchens"].caveat and len(content.facts["kitchens"].sources) == 3
    assert read(content).words["facts"] == 2 * card_words(content, "kitchens")


def test_a_content_note_is_read_once_a_kind_a_day(tmp_path):
    content = tiny(tmp_path)
    note = content.warnings["violence"]
    once = sum(words(content.text(t, "en")) for t in (note.name, note.note, note.help))
    assert read(content).words["warnings"] == 2 * once  # two days, two scenes each day


def test_the_day_end_reads_each_reason_once_and_a_row_for_each_meter(tmp_path):
    content = tiny(tmp_path)
    engine = Engine.new(content, "t", profile="p", seed=1)
    reader = Reader(content, "en")
    reader.start(engine)
    while engine.status != "day_end":
        engine.choose(0)
    liv, alone = {"en": "Liv nods."}, {"en": "A long evening alone."}
    engine.state.log[:] = [
        {"who": "", "var": "education", "before": 20, "after": 23, "why": liv},
        {"who": "", "var": "wellbeing", "before": 50, "after": 52, "why": liv},
        {"who": "", "var": "peers", "before": 50, "after": 53, "why": alone},
    ]
    reader.between(engine)
    # "Liv nods." once (2), "Education better" and "Wellbeing better" (2 + 2),
    # "A long evening alone." (4) and "Peer pressure worse" (3)
    assert reader.read.words["consequences"] == 2 + 2 + 2 + 4 + 3


def test_a_kiosk_story_has_the_kiosks_start_screen_and_no_reflection(tmp_path):
    full, kiosk = read(tiny(tmp_path)), read(tiny(tmp_path, kind="short"))
    assert full.words["reflect"] == 5 and kiosk.words["reflect"] == 0
    assert full.words["start"] > kiosk.words["start"] > 0  # the briefing and meters, against one question


def test_the_ending_reads_the_figures_the_campaign_compares_and_only_those(tmp_path):
    content = tiny(tmp_path, compare="compare: [reoffending_norway]")
    default = tiny(tmp_path)
    compared = [f for f in default.facts.values() if "comparison" in f.tags]
    assert len(compared) > 1
    one, every = read(content).words["ending"], read(default).words["ending"]
    assert every - one == sum(card_words(default, f.id) for f in compared) - card_words(content, "reoffending_norway")


def test_decisions_are_scenes_with_a_choice_to_make(tmp_path):
    r = read(tiny(tmp_path))
    assert r.decisions == 2                  # the morning offers two choices; the evening only "Continue"
    assert r.minutes == r.played_words / 200 + 2 * 5 / 60


def test_prices_under_choices_are_read_and_so_are_choices_the_player_cannot_pay_for(tmp_path):
    content = story(tmp_path, """
campaigns:
  t:
    role: resident
    title: T
    summary: S
    profiles: [{id: p, name: P, summary: S, start: {education: 20}}]
    calendar:
      - {phase: high_security, days: 1, slots: {morning: a}}
    endings:
      - {id: only, title: The end, text: One.}
scenes:
  a:
    text: Morning.
    choices:
      - {text: Call home, tags: [family], cost: {money: 100}, do: family += 2}
      - {text: Send money home, tags: [family], cost: {money: 99999}, do: family += 2}
      - {text: Stay in bed, tags: [idle]}
""")
    engine = Engine.new(content, "t", profile="p", seed=1)
    assert [content.text(c.text, "en") for c in engine.locked()] == ["Send money home"]
    reader = Reader(content, "en")
    reader.start(engine)
    reader.scene(engine, engine.choices(), engine.choices()[0])
    money = content.variables["money"].budget
    amount = f"{content.text(money.name, 'en')} {{n}} {content.text(money.unit, 'en')}"
    costs = words(content.ui("preview.costs", "en", what=amount.format(n=100)))
    needs = words(content.ui("preview.needs", "en", what=amount.format(n=99999)))
    assert reader.read.words["choices"] == (2 + costs) + 3 + (3 + needs)  # call, bed; send, greyed
