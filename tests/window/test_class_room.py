"""The classroom a teacher can trust: each run carries the student's key for the session, a result
that cannot be written is told on screen, a crash or a restart keeps the class mode and the session,
and a class config beside the game sets the folder, language, code and lesson campaign."""

from __future__ import annotations

import os

from game.core.play import classconfig
from game.core.play.student import student_key
from game.ui.modes.classroom.screens import ClassSetupScreen
from game.ui.modes.saving import SaveProblemScreen
from game.ui.screens.messages import MessageScreen
from game.ui.settings import Settings
from uitools import first_button, make_app


def press_first(app) -> None:
    app.top.activate(app.top.buttons.index(first_button(app)))
    app.step(wait=False)


def play_a_little(app, taps: int = 6) -> None:
    for _ in range(taps):
        press_first(app)


def test_a_class_run_carries_the_students_key_for_the_session(tmp_path):
    app = make_app(mode="class", settings=Settings(results_dir=str(tmp_path)), session_code="KEY7")
    app.top.start("resident")
    press_first(app)
    assert app.play.room.student == student_key("KEY7")
    app.play.finish_now()
    (name,) = os.listdir(tmp_path)
    assert app.play.record.result["student"] == student_key("KEY7") and app.play.record.result["cut_short"]


def test_a_result_that_cannot_be_written_is_told_on_screen_with_where_else(tmp_path):
    blocked = tmp_path / "not a folder"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    app = make_app(mode="class", settings=Settings(results_dir=str(blocked)), session_code="FULL")
    app.top.start("resident")
    press_first(app)
    play_a_little(app)
    app.play.finish_now()
    app.step(wait=False)
    app.step(wait=False)
    assert isinstance(app.top, SaveProblemScreen)
    other = tmp_path / "usb"
    app.top.save_in(str(other))
    assert not isinstance(app.top, SaveProblemScreen) and len(os.listdir(other)) == 1


def test_a_crash_keeps_the_class_mode_and_the_session(tmp_path, monkeypatch):
    app = make_app(mode="class", settings=Settings(results_dir=str(tmp_path)), session_code="CRASH1")
    app.top.start("resident")
    press_first(app)
    play_a_little(app)
    app.autosave(force=True)
    app.recover(RuntimeError("a screen broke"))
    assert app.mode.name == "class" and app.mode.code == "CRASH1"
    assert isinstance(app.top, MessageScreen) and isinstance(app.stack[-2], ClassSetupScreen)


def test_a_class_save_continued_from_plain_play_is_a_class_run_again(tmp_path):
    app = make_app(mode="class", settings=Settings(results_dir=str(tmp_path)), session_code="AGAIN")
    app.top.start("resident")
    press_first(app)
    play_a_little(app)
    run_id = app.play.record.run_id
    app.autosave(force=True)
    again = make_app(mode="play", settings=Settings(results_dir=str(tmp_path)))   # the game restarted plainly
    assert again.continue_game("autosave")
    assert again.mode.name == "class" and again.play.room.name == "class" and again.play.room.code == "AGAIN"
    assert again.play.room.student == student_key("AGAIN") and again.play.record.run_id == run_id
    assert again.play.room.results_folder == str(tmp_path)


def test_a_class_config_sets_up_the_room_and_its_problems_are_shown(tmp_path):
    folder = tmp_path / "class-8b"
    cfg = tmp_path / classconfig.FILE_NAME
    cfg.write_text(f"results_folder: {folder}\nlang: nb\nsession: HALDEN7\ncampaign: resident_short\n"
                   "colour: blue\n", encoding="utf-8")
    app = make_app(mode="class", class_config=str(cfg))
    assert isinstance(app.top, MessageScreen) and f"{cfg}:5:1" in app.top.body
    app.top.done()
    assert app.kit.lang == "nb" and app.mode.code == "HALDEN7"
    assert app.mode.results_folder() == str(folder)
    assert isinstance(app.top, ClassSetupScreen)
    app.top.start("resident")
    press_first(app)
    assert app.play.engine.state.campaign == "resident_short"
    app.play.finish_now()
    assert len(os.listdir(folder)) == 1
