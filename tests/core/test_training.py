"""Training's numbers for one shift: what each decision did to each resident, the principles counted
per shift, and the expert's choice, authored in YAML and checked like the rest of the content."""

from __future__ import annotations

import random

from game.core.load.ready import load_content
from game.core.paths import content_dir
from game.core.play.playthrough import Playthrough, Room
from game.core.play.shifts import expert_choice, mark
from storytools import errors, story

UNIT = """
characters:
  kim: {name: Kim, model: true, start: {trust: 30, wellbeing: 40}}
  ola: {name: Ola, model: true, start: {trust: 50, wellbeing: 50}}
scenarios:
  door: {title: The door, summary: S, start: door_1, residents: [kim]}
  yard: {title: The yard, summary: S, start: yard_1, residents: [kim, ola]}
campaigns:
  o:
    role: officer
    subject: characters
    residents: [kim, ola]
    title: O
    summary: S
    calendar: [{phase: induction, scenarios: [door, yard]}]
    endings: [{id: done, title: Done, text: Done.}]
scenes:
  door_1:
    text: Kim's door is shut.
    choices:
      - id: knock
        text: Knock and wait
        follows: [space, listen]
        expert: A closed door is his; wait to be let in.
        do: kim.trust += 4
        why: He opens it himself.
      - id: barge
        text: Walk in
        breaks: [dignity, space]
        do: kim.trust -= 4; kim.wellbeing -= 2
        why: He feels cornered.
  yard_1:
    text: Kim and Ola square up.
    choices:
      - id: calm
        text: Step in calmly
        if: kim.trust >= 30
        follows: [one_voice]
        expert: He trusts you enough to follow you away.
        do: ola.trust += 2
        why: Ola sees it handled.
      - id: separate
        text: Call a colleague and separate them
        if: kim.trust < 30
        follows: [procedure]
        expert: He will not follow you now; two officers, calmly.
        do: ola.trust += 1
        why: It stops there.
      - id: shout
        text: Shout
        breaks: [no_provoke]
        do: kim.trust -= 3; ola.trust -= 3
        why: Everyone is watching.
"""


def play(content, picks: list[str]) -> Playthrough:
    p = Playthrough.new(content, "o", seed=1, room=Room("training", keeps_result=True, trainee="T7"))
    picks = list(picks)
    while p.status != "ending":
        if p.status == "scene":
            offered = {c.id: c for c in p.where().choices}
            p.choose(offered[picks.pop(0)])
        else:
            p.proceed()
    return p


def test_each_decision_records_what_it_did_to_each_resident_and_what_was_on_offer(tmp_path):
    c = story(tmp_path, UNIT)
    p = play(c, ["barge", "shout"])
    first, second = p.state.history
    assert first["offered"] == ["knock", "barge"] and second["offered"] == ["separate", "shout"]
    assert set(first["residents"]) == {"kim"}                       # only whom it moved
    # -4 and -2 as written, times 1.5: in this model a day of the story stands for weeks
    assert first["residents"]["kim"]["vars"] == {"trust": [30.0, 24.0], "wellbeing": [40.0, 37.0]}
    before, after = first["residents"]["kim"]["risk"]
    assert 0 < before < 100 and 0 < after < 100
    assert set(second["residents"]) == {"kim", "ola"}


def test_a_shift_is_summed_up_per_resident_per_principle_and_against_the_expert(tmp_path):
    c = story(tmp_path, UNIT)
    result = play(c, ["knock", "shout"]).record.result
    assert result["trainee"] == "T7"
    door, yard = result["shifts"]
    assert door["day"] == 1 and door["scenario"] == "door" and door["decisions"] == 1
    assert door["principles"] == {"space": [1, 0], "listen": [1, 0]} and door["expert"] == [1, 1]
    assert door["residents"]["kim"]["vars"]["trust"][1] > door["residents"]["kim"]["vars"]["trust"][0]
    assert "ola" not in door["residents"]                            # nothing moved for Ola that day
    assert yard["scenario"] == "yard" and yard["principles"] == {"no_provoke": [0, 1]}
    assert yard["expert"] == [0, 1]
    assert yard["residents"]["ola"]["vars"]["trust"] == [50.0, 45.5]          # -3, times 1.5


def test_the_expert_is_the_first_marked_choice_on_offer(tmp_path):
    c = story(tmp_path, UNIT)
    yard = c.scenes["yard_1"]
    assert expert_choice(yard, ["calm", "shout"]).id == "calm"
    assert expert_choice(yard, ["separate", "shout"]).id == "separate"   # trust was low: another situation
    assert expert_choice(yard, None).id == "calm"                        # not known: the first marked
    assert expert_choice(c.scenes["door_1"], ["barge"]) is None
    m = mark(c, {"scene": "yard_1", "choice": "shout", "offered": ["separate", "shout"]})
    assert m.expert == "separate" and not m.as_expert and m.breaks == ("no_provoke",)


def test_two_expert_choices_offered_together_are_an_error_at_their_position(tmp_path):
    found = errors(tmp_path, UNIT.replace("        follows: [no_provoke]\n", "") + """
  both:
    text: Two experts.
    choices:
      - {id: a, text: A, expert: Because.}
      - {id: b, text: B, expert: Also because.}
""")
    assert len(found) == 1, found
    assert found[0].startswith("story.yaml:") and "marks more than one choice as the expert's" in found[0]
    assert found[0].split(":")[1] == str(UNIT.count("\n") + 6)          # the second one's line


def test_every_shipped_officer_decision_names_the_experts_choice():
    """Every decision of the shipped officer stories (the full one and the kiosk's), in whatever
    situation a trainee reaches it, offers a choice marked as the expert's, in English and Bokmål:
    played through 40 random runs of each."""
    content, report = load_content([content_dir()])
    assert content is not None, report.format()
    campaigns = [cid for cid, camp in content.campaigns.items() if camp.role == "officer"]
    assert len(campaigns) >= 2
    decisions = 0
    for cid in campaigns:
        for seed in range(40):
            rng = random.Random(seed)
            p = Playthrough.new(content, cid, seed=seed)
            while p.status != "ending":
                if p.status != "scene":
                    p.proceed()
                    continue
                where = p.where()
                if len(where.choices) > 1:
                    decisions += 1
                    expert = expert_choice(where.scene, [c.id for c in where.choices])
                    assert expert is not None, where.scene.id
                    assert expert.expert.get("en") and expert.expert.get("nb"), (where.scene.id, expert.id)
                p.choose(rng.choice(where.choices))
    assert decisions > 500
