"""The classroom's done-test: a class of 25 with reruns, a copied file, a crash and a run cut short
produces a report that counts 25 students, by character; differences are compared only among the
students who could make the choice; two session codes in one folder are shown side by side."""

from __future__ import annotations

import json
import os
import random
import shutil

import pytest

from game.core.load.ready import load_content
from game.core.paths import content_dir
from game.core.play.playthrough import Playthrough, Room
from game.core.play.saves import SaveStore
from game.core.play.student import student_key
from game.report.classpage import build_page
from game.report.gather import gather
from game.report.markup import Words
from game.report.stats import Group, Run, associations
from game.report.students import one_per_student

CODE = "HALDEN7"


@pytest.fixture(scope="module")
def content():
    loaded, report = load_content([content_dir()])
    assert loaded is not None, report.format()
    return loaded


def play_to_end(play: Playthrough, rng: random.Random, stop_after: int | None = None) -> None:
    steps = 0
    while play.status != "ending":
        if stop_after is not None and steps >= stop_after:
            play.finish_now()
            return
        if play.status == "scene":
            play.choose(rng.randrange(len(play.where().choices)))
            steps += 1
        else:
            play.proceed()


def student(tmp_path, n: int, code: str = CODE) -> str:
    """The anonymous key of the student at computer n (each computer has its own secret)."""
    return student_key(code, day="2026-12-07", folder=str(tmp_path / f"pc{n}"))


def new_run(content, folder: str, key: str, profile: str, seed: int, code: str = CODE) -> Playthrough:
    room = Room("class", code, results_folder=folder, student=key)
    return Playthrough.new(content, "resident", profile=profile, seed=seed, room=room)


def class_folder(tmp_path, content) -> tuple[str, dict[str, str]]:
    """25 students' results, with 2 reruns, a copied file, a crash and a run cut short; the profile
    each student played."""
    folder = str(tmp_path / "results")
    profiles = [p.id for p in content.campaigns["resident"].profiles]
    played: dict[str, str] = {}
    rng = random.Random(7)
    for n in range(25):
        key = student(tmp_path, n)
        profile = profiles[n % len(profiles)]
        played[key] = profile
        play = new_run(content, folder, key, profile, seed=1000 + n)
        if n == 3:   # the game crashes half way; the student continues from the autosave
            play_to_end(play, rng, stop_after=6)
            play = new_run(content, folder, key, profile, seed=1003)
            for _ in range(6):
                play.choose(0) if play.status == "scene" else play.proceed()
            store = SaveStore(str(tmp_path / "saves3"))
            store.save("autosave", play.state, {}, play.record.to_dict())
            saved = store.load("autosave")
            play = Playthrough.restore(content, saved.state, saved.play,
                                       room=Room("class", CODE, results_folder=folder, student=key))
            play_to_end(play, rng)
        elif n == 5:  # the lesson ends before the story does
            play_to_end(play, rng, stop_after=4)
        else:
            play_to_end(play, rng)
        if n in (8, 9):  # begins again from the start, and plays it through
            play_to_end(new_run(content, folder, key, profile, seed=2000 + n), rng)
    names = sorted(os.listdir(folder))
    shutil.copy(os.path.join(folder, names[0]), os.path.join(folder, "copy of " + names[0]))
    return folder, played


def test_a_class_of_25_with_reruns_and_a_crash_counts_25_students_by_character(tmp_path, content):
    folder, played = class_folder(tmp_path, content)
    found = gather(content, [folder])
    assert not found.skipped
    counted = one_per_student(found.runs)
    assert len(counted.runs) == 25
    assert len(counted.copies) == 1 and len(counted.reruns) >= 2
    assert {r.data["student"] for r in counted.runs} == set(played)
    assert [r.data["cut_short"] for r in counted.cut_short] == [True]
    by_profile: dict[str, int] = {}
    for r in counted.runs:
        by_profile[r.data["profile"]] = by_profile.get(r.data["profile"], 0) + 1
    assert by_profile == {p: sum(1 for v in played.values() if v == p) for p in set(played.values())}

    words = Words(content, "en")
    page = build_page(words, found.runs, found.skipped)
    assert "25 students" in page
    assert "1 copy of a file" in page and "cut short" in page
    for profile in content.campaigns["resident"].profiles:
        assert f"<th scope=\"row\">{words.tr(profile.name)}</th>" in page
    for r in counted.runs:
        if r.data["cut_short"]:
            assert r.source in page


def test_differences_are_compared_only_among_those_who_could_make_the_choice():
    """'Ask to call Kasia' is on offer to one character only: the others are not its 'did not'."""
    def run(n: int, risk: float, offered: list[str], took: str) -> Run:
        return Run(f"r{n}", {"campaign": "resident", "end": {"risk": risk}, "student": f"s{n}",
                             "choices": [{"scene": "call", "choice": took, "offered": offered}]})
    runs = [run(i, 20.0, ["kasia", "wait"], "kasia") for i in range(5)]
    runs += [run(10 + i, 30.0, ["kasia", "wait"], "wait") for i in range(5)]
    runs += [run(20 + i, 60.0, ["wait"], "wait") for i in range(10)]   # another character: never offered
    found = {(a.scene, a.choice): a for a in associations(Group("resident", None, runs))}
    kasia = found[("call", "kasia")]
    assert (kasia.n_with, kasia.n_without, kasia.mean_without) == (5, 5, 30.0)


def test_two_session_codes_in_one_folder_are_side_by_side(tmp_path, content):
    folder = str(tmp_path / "results")
    rng = random.Random(3)
    for code in ("MONDAY", "FRIDAY"):
        for n in range(3):
            play = new_run(content, folder, student(tmp_path, n, code), "sander", seed=n, code=code)
            play_to_end(play, rng)
    found = gather(content, [folder])
    page = build_page(Words(content, "en"), found.runs, found.skipped)
    assert "Sessions side by side" in page
    section = page[page.index("Sessions side by side"):]
    assert "MONDAY" in section and "FRIDAY" in section


def test_a_cut_short_run_is_marked_in_its_file(tmp_path, content):
    folder = str(tmp_path / "results")
    play = new_run(content, folder, student(tmp_path, 1), "sander", seed=1)
    play_to_end(play, random.Random(1), stop_after=3)
    (name,) = os.listdir(folder)
    with open(os.path.join(folder, name), encoding="utf-8") as fh:
        assert json.load(fh)["cut_short"] is True


def test_results_become_valid_xapi_statements_for_an_lms(tmp_path, content):
    """Each run is one 'completed' (or 'terminated', cut short) statement with its principle score, and
    each decision an 'answered' one; ids are stable, so sending twice duplicates nothing."""
    from game.report.xapi import statements
    folder = str(tmp_path / "results")
    rng = random.Random(5)
    for n, stop in ((0, None), (1, 3)):
        play = new_run(content, folder, student(tmp_path, n), "sander", seed=n)
        play_to_end(play, rng, stop_after=stop)
    runs = gather(content, [folder]).runs
    made = statements(content, runs, "en")
    assert made == statements(content, runs, "en")                       # the same ids every time
    verbs = [s["verb"]["display"]["en-US"] for s in made]
    assert sorted(v for v in verbs if v != "answered") == ["completed", "terminated"]
    decisions = sum(1 for r in runs for h in r.data["choices"] if h["choice"] != "continue")
    assert verbs.count("answered") == decisions and len({s["id"] for s in made}) == len(made)
    assert all("mbox" not in s["actor"] and s["actor"]["account"]["name"] for s in made)
    from game.cli import main
    out = tmp_path / "x.json"
    assert main(["report", folder, "--out", str(tmp_path / "page.html"), "--xapi", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == made
    tincan = pytest.importorskip("tincan", reason="the ADL xAPI library validates statements when installed")
    for s in made:
        tincan.Statement.from_json(json.dumps(s))
