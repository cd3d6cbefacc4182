"""The playthrough controller: verbs, the events rooms listen to, and play state that survives a save."""

import json

from game.core.play.playthrough import DAY_ENDED, FINISHED, MOVED, RESULT_READY, Playthrough, Room
from game.core.play.saves import SaveStore, encode
from storytools import campaign, story

STORY = campaign(days=2, slots="{morning: a, evening: b}") + """
scenes:
  a:
    place: workshop
    warning: addiction
    text: Morning.
    choices:
      - {id: study, text: Study, do: education += 30, goto: a2}
      - {id: rest, text: Rest}
  a2:
    warning: addiction
    text: Still the morning, same subject.
  b:
    text: Evening.
"""


def play(tmp_path, **room) -> Playthrough:
    return Playthrough.new(story(tmp_path, STORY), "t", seed=1, room=Room(**room) if room else None)


def test_verbs_announce_what_happened(tmp_path):
    p = play(tmp_path)
    heard: list[str] = []
    for event in (MOVED, DAY_ENDED, FINISHED):
        p.on(event, lambda _p, event=event: heard.append(event))
    assert p.where().status == "scene" and [c.id for c in p.where().choices] == ["study", "rest"]
    p.choose(0)                      # study, on to a2
    p.choose(0)                      # a2 continues to the evening
    p.choose(0)                      # the evening ends the day
    assert heard == [MOVED, MOVED, DAY_ENDED, MOVED] and p.where().status == "day_end"
    p.proceed()
    while p.status != "ending":
        p.choose(0) if p.status == "scene" else p.proceed()
    assert heard[-2:] == [FINISHED, MOVED] and p.finished


def test_the_last_place_is_kept_for_scenes_that_name_none(tmp_path):
    p = play(tmp_path)
    assert p.where().place == "workshop"
    p.choose(0)
    assert p.where().scene.id == "a2" and p.where().place == "workshop"


def test_a_content_note_is_shown_once_per_kind_a_day(tmp_path):
    p = play(tmp_path)
    assert p.notes_due() == ("addiction",)
    assert p.notes_due() == ()                       # asked already
    p.choose(0)                                      # a2: the same subject, the same day
    assert p.notes_due() == ()


def test_a_class_run_writes_its_result_when_it_ends_and_keeps_it_for_what_if(tmp_path):
    p = play(tmp_path, name="class", code="7B", results_folder=str(tmp_path / "results"))
    ready = []
    p.on(RESULT_READY, lambda q: ready.append(q.record.result_path))
    p.finish_now()
    first = p.record.result
    assert ready and json.loads(open(ready[0], encoding="utf-8").read()) == json.loads(json.dumps(first))
    assert first["session"] == "7B" and first["mode"] == "class"
    p.rewind(1)
    assert not p.finished and p.record.earlier is first and p.record.rewound_from == 1
    p.finish_now()
    assert p.record.earlier is first and p.record.result is not first


def test_a_failed_write_is_recorded_not_raised(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    p = play(tmp_path, name="class", code="7B", results_folder=str(blocked / "results"))
    p.finish_now()
    assert p.record.result_path == "" and p.record.result_error and p.record.result is not None


def test_all_play_state_survives_a_save(tmp_path):
    content = story(tmp_path, STORY)
    p = Playthrough.new(content, "t", seed=1, room=Room("class", "7B"))
    p.notes_due()
    p.choose(0)
    store = SaveStore(str(tmp_path / "saves"))
    store.save("slot1", p.state, {}, p.record.to_dict())
    loaded = store.load("slot1")
    again = Playthrough.restore(content, loaded.state, loaded.play)
    assert again.record == p.record and again.record.noted == {(1, "addiction")}
    assert again.room.name == "class" and again.room.code == "7B" and again.where().place == "workshop"


def test_a_save_from_before_the_record_loads_with_its_defaults(tmp_path):
    content = story(tmp_path, STORY)
    p = Playthrough.new(content, "t", seed=1)
    doc = json.loads(encode(p.state))
    del doc["play"]                                  # what format 1 wrote
    doc["version"] = doc["state"]["version"] = 1
    from game.core.play.saves import _checksum
    doc["checksum"] = _checksum(doc["state"])
    path = tmp_path / "saves" / "autosave.json"
    path.parent.mkdir()
    path.write_text(json.dumps(doc), encoding="utf-8")
    loaded = SaveStore(str(path.parent)).load("autosave")
    assert loaded.state is not None and loaded.play == {}
    again = Playthrough.restore(content, loaded.state, loaded.play)
    assert again.room.name == "play" and again.record.noted == set() and again.where().scene.id == "a"
