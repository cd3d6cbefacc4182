"""The three rooms: a class with a session code, a training group, a museum kiosk.

Each test drives the real window (dummy video driver) the way a teacher, a trainee or a visitor
would, with the clock injected where time matters, and checks the engine state and the files left.
"""

from __future__ import annotations

import json
import os

import pygame

from game.core.play import results
from game.core.play.simulate import play_once
from game.ui.modes.classroom.screens import ClassSetupScreen, CompareScreen, DebriefScreen
from game.ui.modes.kiosk.config import KioskConfig
from game.ui.modes.kiosk.screens import AttractScreen, KioskStartScreen, StillThereScreen
from game.ui.modes.training.review import ReviewScreen
from game.ui.modes.training.screens import FeedbackScreen, ScenarioListScreen
from game.ui.settings import Settings
from uitools import Clock, first_button, key, make_app, screen, tap


def press_first(app) -> None:
    """Activate the first numbered button (a choice, or the screen's main action)."""
    app.top.activate(app.top.buttons.index(first_button(app)))
    app.step(wait=False)


def play_days(app, days: int, limit: int = 400) -> None:
    """Take the first choice everywhere until the given day has begun."""
    for _ in range(limit):
        if app.play.engine.state.day >= days:
            return
        press_first(app)
    raise AssertionError(f"day {days} not reached; on {screen(app)}")


# -- the class ------------------------------------------------------------------------------------
def test_one_session_code_gives_every_student_the_same_events(tmp_path):
    """Two students type the same code (in any case) on two machines and make the same choices:
    the same scenes, in the same order, with the same random draws. Another code draws differently."""
    played = []
    for typed in ("room7b", "ROOM7B"):
        app = make_app(mode="class", settings=Settings(results_dir=str(tmp_path / typed)))
        assert isinstance(app.top, ClassSetupScreen)
        app.top.got_code(typed)                      # what the code entry screen hands back
        app.top.start("resident")
        assert screen(app) == "BriefingScreen"
        press_first(app)                             # "begin"
        engine = app.play.engine
        assert engine.state.seed == results.session_seed("ROOM7B")
        play_days(app, 4)
        played.append([(h["day"], h["scene"], h["choice"]) for h in engine.state.history])
    assert played[0] == played[1] and len(played[0]) > 10

    content = app.content
    campaign = app.play.engine.state.campaign

    def whole_game(code: str) -> list[str]:
        _, taken = play_once(content, campaign, results.session_seed(code), lambda offered: offered[0])
        return taken
    assert whole_game("ROOM7B") == whole_game("room7b")
    assert whole_game("ROOM7B") != whole_game("ROOM8C")


def test_what_if_goes_back_to_the_start_of_the_chosen_day_and_compares(tmp_path):
    app = make_app(mode="class", settings=Settings(results_dir=str(tmp_path / "results")),
                   session_code="WHATIF")
    app.top.start("resident")
    press_first(app)
    play_days(app, 4)
    engine = app.play.engine
    at_day_3 = next(snap for snap in engine.state.days if snap["day"] == 3)
    app.play.finish_now()
    assert screen(app) == "EndingScreen" and app.play.finished
    first_result = app.play.record.result
    assert first_result and first_result["end"]["ending"] == engine.state.ending

    app.mode.what_if()
    labels = [b.label for b in app.top.buttons]
    assert "Start of day 3" in labels and "Start of day 1" in labels
    app.top.activate(labels.index("Start of day 3"))
    app.step(wait=False)

    st = app.play.engine.state
    assert st.status != "ending" and st.day == 3 and not app.play.finished
    assert all(h["day"] < 3 for h in st.history)          # what came after is forgotten
    assert st.subject == at_day_3["subject"] and len(st.history) == len(at_day_3["history"])
    assert [s["day"] for s in st.days] == [1, 2, 3]       # day 3 is the start being replayed
    assert getattr(app.top, "is_play", False)

    app.play.finish_now()                                 # the second ending, to compare
    assert app.play.record.earlier is first_result and app.play.record.result is not first_result
    app.top.turn(2)                                       # the ending's last page has the room's buttons
    labels = [b.label for b in app.top.buttons]
    assert "Compare the two runs" in labels or any("ompare" in label for label in labels)
    app.mode.compare()
    assert isinstance(app.top, CompareScreen)
    app.step(wait=False)
    app.pop()
    app.mode.debrief()
    assert isinstance(app.top, DebriefScreen)
    app.step(wait=False)
    (name,) = os.listdir(tmp_path / "results")            # one student, one result file...
    kept = results.load(str(tmp_path / "results" / name))
    assert kept["choices"] == first_result["choices"] and kept["id"] == first_result["id"]
    (later,) = kept["what_ifs"]                           # ...with the "what if" run kept inside, marked
    assert later["from_day"] == 3 and later["end"] == app.play.record.result["end"] and later["cut_short"]


def test_result_files_and_short_codes_round_trip(tmp_path):
    app = make_app(mode="class", settings=Settings(results_dir=str(tmp_path)), session_code="ROUND")
    app.top.start("officer")
    press_first(app)
    play_days(app, 2)
    app.play.finish_now()
    (name,) = os.listdir(tmp_path)
    assert "ROUND" in name
    saved = results.load(str(tmp_path / name))
    assert saved == json.loads(json.dumps(app.play.record.result))          # what was built is what is read
    assert saved["session"] == "ROUND" and saved["role"] == "officer" and saved["choices"]
    assert app.play.record.result["code"] == saved["code"]
    decoded = results.decode_code(app.content, saved["code"])
    assert decoded["campaign"] == saved["campaign"] and decoded["end"]["ending"] == saved["end"]["ending"]
    assert abs(decoded["end"]["risk"] - saved["end"]["risk"]) <= 1
    assert decoded["end"]["drivers"] == saved["end"].get("drivers", [])


# -- training ---------------------------------------------------------------------------------------
def test_training_gives_feedback_and_the_experts_choice_and_saves_the_review_by_itself(tmp_path):
    """A trainee types an ID, plays a scenario with feedback after each decision (the trainer's note,
    the principles, what an experienced officer would do), and at the end the result and the review
    page are already in the results folder, named with the ID, with nothing pressed."""
    app = make_app(mode="training", settings=Settings(results_dir=str(tmp_path), feedback="each"))
    assert isinstance(app.top, ScenarioListScreen)
    app.top.got_trainee("T07")                              # what the ID entry screen hands back
    assert any("T07" in b.label for b in app.top.menu.buttons)
    app.top.start(next(iter(app.content.scenarios)))
    engine = app.play.engine
    assert app.play.room.name == "training" and engine.state.scenario
    feedback = experts = 0
    for _ in range(300):
        if isinstance(app.top, ReviewScreen):
            break
        if isinstance(app.top, FeedbackScreen):
            feedback += 1
            choice = app.top.choice
            for pid in choice.follows + choice.breaks:  # every principle the decision touched is named
                assert app.kit.tr(app.content.principles[pid].name) in app.top.body
            if app.top.expert is not None:              # and the expert's choice with its reasoning
                experts += 1
                assert app.kit.tr(app.top.expert.expert) in app.top.body
        press_first(app)
    assert isinstance(app.top, ReviewScreen), screen(app)
    assert feedback >= 1 and experts == feedback
    assert engine.state.principles                          # choices were scored against principles
    result = app.play.record.result
    assert result["mode"] == "training" and result["trainee"] == "T07"
    assert result["principles"] == {k: list(v) for k, v in engine.state.principles.items()}
    (shift,) = result["shifts"]                             # the one shift, with what it did to each resident
    assert shift["scenario"] == engine.state.scenario and shift["residents"]
    assert shift["expert"][1] == len([h for h in result["choices"] if h["choice"] != "continue"])
    files = sorted(os.listdir(tmp_path))                    # saved by itself when the run ended
    assert [f[-5:] for f in files] == [".html", ".json"] and all("T07" in f for f in files)
    page = (tmp_path / files[0]).read_text(encoding="utf-8")
    assert "<script" not in page and "principle" in page.lower()
    app.top.export()                                        # "Save again" writes over the same file
    assert sorted(os.listdir(tmp_path)) == files


# -- the kiosk ----------------------------------------------------------------------------------------
def kiosk(clock: Clock, size=(1280, 720)):
    app = make_app(size=size, mode="kiosk", clock=clock)
    assert isinstance(app.top, AttractScreen)
    return app


def begin_story(app) -> None:
    tap(app, (app.kit.w // 2, app.kit.h // 2))             # touch to begin
    assert isinstance(app.top, KioskStartScreen)
    press_first(app)                                        # the first role
    assert app.play is not None and app.play.room.name == "kiosk"


def test_kiosk_asks_after_the_idle_time_and_resets_after_the_countdown():
    clock = Clock()
    app = kiosk(clock)
    cfg = app.mode.config
    begin_story(app)
    press_first(app)
    clock.now += cfg.idle_seconds - 1
    app.step(wait=False)
    assert not isinstance(app.top, StillThereScreen)        # not yet
    clock.now += 2
    app.step(wait=False)
    assert isinstance(app.top, StillThereScreen)
    tap(app, (app.kit.w // 2, app.kit.h // 2))              # "I'm still here"
    assert app.play is not None and not isinstance(app.top, StillThereScreen)
    step_before = app.play.engine.state.step

    clock.now += cfg.idle_seconds + 1
    app.step(wait=False)
    assert isinstance(app.top, StillThereScreen)
    clock.now += cfg.countdown_seconds
    app.step(wait=False)
    assert isinstance(app.top, AttractScreen) and app.play is None and len(app.stack) == 1
    assert step_before > 0


def test_kiosk_ignores_escape_and_close_and_lets_staff_out_with_held_keys():
    clock = Clock()
    app = kiosk(clock)
    begin_story(app)
    where = app.play.engine.state.scene
    key(app, pygame.K_ESCAPE)
    for kind in (pygame.QUIT, pygame.WINDOWCLOSE):
        pygame.event.post(pygame.event.Event(kind))
        app.step(wait=False)
    key(app, pygame.K_F4, mod=pygame.KMOD_LALT)
    assert app.running and app.play is not None and app.play.engine.state.scene == where
    assert not any(type(s).__name__ == "PauseScreen" for s in app.stack)

    held = {pygame.key.key_code(name): True for name in app.mode.config.exit_keys}
    app.mode.keys_down = lambda: _Pressed(held)
    app.step(wait=False)
    clock.now += app.mode.config.exit_hold_seconds - 0.5
    app.step(wait=False)
    assert app.running                                      # not held long enough
    clock.now += 1
    app.step(wait=False)
    assert not app.running


class _Pressed(dict):
    """What pygame.key.get_pressed() returns, for the keys a test holds down."""

    def __getitem__(self, code):
        return self.get(code, False)


def test_kiosk_settings_file_is_checked_value_by_value(tmp_path, caplog):
    path = tmp_path / "kiosk.json"
    path.write_text(json.dumps({"idle_seconds": 30, "countdown_seconds": -5, "exit_keys": ["no such key"],
                                "sound": "yes", "unknown": 1, "target_px": 72}), encoding="utf-8")
    cfg = KioskConfig.load(str(path))
    assert cfg.idle_seconds == 30.0 and cfg.target_px == 72
    assert cfg.countdown_seconds == KioskConfig().countdown_seconds
    assert cfg.exit_keys == KioskConfig().exit_keys and cfg.sound is False
    for name in ("countdown_seconds", "exit_keys", "sound", "unknown"):
        assert name in caplog.text
    path.write_text("{ not json", encoding="utf-8")
    assert KioskConfig.load(str(path)) == KioskConfig()


def test_kiosk_short_story_fits_five_minutes_of_taps():
    """A visitor who taps the first button every few seconds reaches an ending, and a new visitor
    starts on the attract loop after it."""
    clock = Clock()
    app = kiosk(clock)
    begin_story(app)
    taps = 0
    while app.play is not None and app.play.engine.state.status != "ending" and taps < 200:
        press_first(app)
        clock.now += 3
        taps += 1
    assert app.play.engine.state.status == "ending"
    assert taps * 3 <= 300, f"{taps} taps: longer than five minutes at one tap every 3 s"
    clock.now += app.mode.config.idle_seconds + app.mode.config.countdown_seconds + 1
    app.step(wait=False)
    app.step(wait=False)
    assert isinstance(app.top, AttractScreen) and app.play is None
