"""App behaviour: reloading content while playing, settings that persist, saves and continue,
and the polite handling of broken saves, missing pictures and broken content."""

from __future__ import annotations

import logging
import os
import shutil

import pygame

from game.ui.app import App
from game.ui.options import Options
from game.ui.settings import Settings
from storytools import ROOT
from uitools import Clock, content_dirs, first_button, key, make_app, screen

EXAMPLE = os.path.join(ROOT, "docs", "example")


def copy_content(tmp_path) -> str:
    target = tmp_path / "content"
    shutil.copytree(content_dirs()[0], target)
    return str(target)


def play_first(app, steps: int) -> None:
    for _ in range(steps):
        app.top.activate(app.top.buttons.index(first_button(app)))
        app.step(wait=False)


def start_resident(app) -> None:
    app.top.activate(0)
    app.step(wait=False)
    app.top.activate(app.top.buttons.index(first_button(app)))
    app.step(wait=False)


def test_f5_reloads_and_keeps_the_place(tmp_path):
    folder = copy_content(tmp_path)
    app = App([folder], Options(size=(1280, 720)), clock=Clock(), settings=Settings())
    start_resident(app)
    play_first(app, 2)
    state = app.play.engine.state.to_dict()
    key(app, pygame.K_F5)
    assert screen(app) == "MessageScreen"            # "content reloaded"
    assert app.play.engine.state.to_dict() == state
    app.top.close()
    app.step(wait=False)
    assert getattr(app.top, "is_play", False)


def test_f5_with_broken_content_shows_the_messages_and_keeps_playing(tmp_path):
    folder = copy_content(tmp_path)
    app = App([folder], Options(size=(1280, 720)), clock=Clock(), settings=Settings())
    start_resident(app)
    engine = app.play.engine
    with open(os.path.join(folder, "broken.yaml"), "w", encoding="utf-8") as fh:
        fh.write("scenes:\n  x:\n    txet: oops\n")
    key(app, pygame.K_F5)
    assert screen(app) == "ErrorScreen"
    assert any("broken.yaml:3:5" in line and "did you mean \"text\"" in line for line in app.top.lines)
    key(app, pygame.K_ESCAPE)
    assert getattr(app.top, "is_play", False) and app.play.engine is engine


def test_f5_when_the_current_scene_was_removed_restarts_the_day(tmp_path):
    folder = str(tmp_path / "story")
    shutil.copytree(EXAMPLE, folder)
    world = [os.path.join(content_dirs()[0], p) for p in ("model.yaml", "world", "ui")]
    app = App(world + [folder], Options(size=(1280, 720)), clock=Clock(), settings=Settings())
    app.new_game("first_week", seed=1)
    app.top.activate(0)  # leave the arrival scene
    app.step(wait=False)
    assert app.play.engine.scene.id == "fw_morning"
    path = os.path.join(folder, "first_week.yaml")
    text = open(path, encoding="utf-8").read().replace("fw_morning", "fw_dawn")
    open(path, "w", encoding="utf-8").write(text)
    key(app, pygame.K_F5)
    assert "fw_morning" in app.top.body and app.play.engine.scene.id == "fw_dawn"


def test_settings_persist_between_runs():
    app = make_app()
    app.settings.text_size = "largest"
    app.settings.theme = "contrast"
    app.apply_settings()
    pygame.quit()
    again = App(content_dirs(), Options(size=(1280, 720)), clock=Clock())
    assert again.settings.text_size == "largest" and again.settings.theme == "contrast"


def test_damaged_settings_fall_back_to_defaults(caplog):
    os.makedirs(os.path.dirname(Settings.path()), exist_ok=True)
    with open(Settings.path(), "w", encoding="utf-8") as fh:
        fh.write('{"theme": "neon", "volume": "loud", "text_size": "large"}')
    with caplog.at_level(logging.WARNING):
        st = Settings.load()
    assert st.theme == "light" and st.volume == 0.6 and st.text_size == "large"
    assert "volume" in caplog.text


def test_autosave_each_day_and_continue_from_the_title():
    app = make_app()
    start_resident(app)
    assert app.saves.exists("autosave")
    day = app.play.engine.state.day
    for _ in range(200):
        if app.play.engine.state.day > day and app.play.engine.status == "scene":
            break
        app.top.activate(app.top.buttons.index(first_button(app)))
        app.step(wait=False)
    saved = app.saves.load("autosave").state
    assert saved.day == app.play.engine.state.day
    app.to_title()
    app.step(wait=False)
    labels = [b.id for b in app.top.buttons]
    assert "continue" in labels
    app.top.activate(labels.index("continue"))
    app.step(wait=False)
    assert app.play.engine.state.day == saved.day and getattr(app.top, "is_play", False)


def test_manual_slots_save_and_load():
    from game.ui.screens.menus import SlotScreen
    app = make_app()
    start_resident(app)
    app.push(SlotScreen(app, saving=True))
    app.top.pick("slot2")
    assert app.saves.exists("slot2")
    step = app.play.engine.state.step
    play_first(app, 3)
    app.push(SlotScreen(app, saving=False))
    app.top.pick("slot2")
    assert app.play.engine.state.step == step


def test_a_broken_save_is_explained_and_kept(tmp_path):
    app = make_app()
    os.makedirs(app.saves.folder, exist_ok=True)
    with open(app.saves.path("autosave"), "w", encoding="utf-8") as fh:
        fh.write('{"kind": "neighbour-save", "version": 1, "state": {"campai')
    assert app.continue_game("autosave") is False
    assert screen(app) == "MessageScreen" and "cut short" in app.top.body
    kept = [f for f in os.listdir(app.saves.folder) if f.startswith("autosave.json.broken-")]
    assert kept and not os.path.exists(app.saves.path("autosave"))


def test_a_missing_picture_shows_a_placeholder_and_logs_once(caplog):
    app = make_app()
    with caplog.at_level(logging.WARNING, logger="neighbour.assets"):
        a = app.images.load("places/no_such_place.svg", (320, 180))
        b = app.images.load("places/no_such_place.svg", (320, 180))
    assert a.get_size() == (320, 180) and a is b
    assert caplog.text.count("could not be loaded") == 1


def test_broken_content_at_start_shows_an_error_screen(tmp_path, capsys):
    folder = copy_content(tmp_path)
    with open(os.path.join(folder, "broken.yaml"), "w", encoding="utf-8") as fh:
        fh.write("scenes:\n  x: {text: Hi, choices: [{text: Go, goto: nowhere}]}\n")
    app = App([folder], Options(size=(1024, 600)), clock=Clock(), settings=Settings())
    app.step(wait=False)
    assert screen(app) == "ErrorScreen"
    assert any("broken.yaml:2:" in line and "nowhere" in line for line in app.top.lines)
    assert "broken.yaml:2:" in capsys.readouterr().err
    os.remove(os.path.join(folder, "broken.yaml"))
    app.top.retry()
    app.step(wait=False)
    assert screen(app) == "TitleScreen"


def test_still_screen_sleeps_instead_of_spinning():
    app = make_app()
    app.step(wait=False)
    frames = app.frames
    for _ in range(5):
        app.step(wait=False)
    assert app.frames == frames, "a still screen must not be redrawn"
    assert app.wait_ms() >= 250


def test_class_mode_can_go_to_release_early_and_saves_a_result(tmp_path):
    from game.ui.screens.menus import PauseScreen
    settings = Settings(results_dir=str(tmp_path / "results"))
    app = make_app(mode="class", settings=settings, session_code="LESSON1")
    app.top.start("resident")
    app.step(wait=False)
    app.top.activate(app.top.buttons.index(first_button(app)))
    app.step(wait=False)
    app.push(PauseScreen(app))
    app.step(wait=False)
    labels = [b.label for b in app.top.buttons]
    app.top.activate(labels.index("Go to release now"))
    app.step(wait=False)
    app.top.activate(1)  # "yes, go to release"
    app.step(wait=False)
    assert app.play.engine.status == "ending" and screen(app) == "EndingScreen"
    files = os.listdir(tmp_path / "results")
    assert len(files) == 1 and "LESSON1" in files[0]


def test_animations_are_paced_by_time_and_stop_when_done():
    """A crossfade on the attract loop takes its 0.6 s at the screen's frame rate (30 a second),
    not as many frames as the machine can draw, and the loop goes back to sleep after it."""
    import time as _time
    from game.ui.modes.kiosk.screens import AttractScreen
    app = make_app(mode="kiosk")
    assert isinstance(app.top, AttractScreen)
    app.top.fade = 0.0
    app.dirty = True
    frames, start = app.frames, _time.monotonic()
    while _time.monotonic() - start < 1.5 and (app.top.fade < 1.0 or app.animating or app.dirty):
        app.step()
    took = _time.monotonic() - start
    drawn = app.frames - frames
    assert app.top.fade == 1.0 and not app.animating
    assert 0.5 <= took < 1.5, took
    assert drawn <= 0.6 * AttractScreen.fps + 4, drawn
    frames = app.frames
    for _ in range(3):
        app.step(wait=False)
    assert app.frames == frames
